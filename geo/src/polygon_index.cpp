#include "adressage/geo/polygon_index.hpp"

#include <algorithm>
#include <cstdint>

#include "geos_handle.hpp"
#include "tree_item.hpp"

namespace adressage::geo {

struct PolygonIndex::Impl {
    GeosContext &ctx;
    std::vector<detail::GeomPtr> polygons;
    GEOSSTRtree *tree = nullptr;

    explicit Impl(GeosContext &c) : ctx(c) {}
    ~Impl() {
        if (tree != nullptr) {
            GEOSSTRtree_destroy_r(ctx.handle(), tree);
        }
    }

    // Indices of the polygons whose envelope meets `query`'s envelope, in index order.
    std::vector<std::size_t> candidates(const GEOSGeometry *query) const {
        std::vector<std::size_t> out;
        GEOSSTRtree_query_r(
            ctx.handle(), tree, query,
            [](void *item, void *found) {
                static_cast<std::vector<std::size_t> *>(found)->push_back(detail::tree_index(item));
            },
            &out);
        std::sort(out.begin(), out.end());
        return out;
    }
};

PolygonIndex::PolygonIndex(GeosContext &ctx, const std::vector<MultiPolygon> &polygons)
    : impl_(std::make_unique<Impl>(ctx)) {
    impl_->tree = ctx.check(GEOSSTRtree_create_r(ctx.handle(), 10), "STRtree_create");
    impl_->polygons.reserve(polygons.size());
    for (std::size_t i = 0; i < polygons.size(); ++i) {
        impl_->polygons.push_back(detail::make_multipolygon(ctx, polygons[i]));
        GEOSSTRtree_insert_r(ctx.handle(), impl_->tree, impl_->polygons.back().get(),
                             detail::tree_item(i));
    }
}

PolygonIndex::~PolygonIndex() = default;

std::vector<std::size_t> PolygonIndex::containing(XY p) const {
    std::vector<std::size_t> out;
    if (impl_->polygons.empty()) {
        return out;
    }
    GeosContext &ctx = impl_->ctx;
    detail::GeomPtr point = detail::make_point(ctx, p);
    for (std::size_t i : impl_->candidates(point.get())) {
        const char covers = GEOSCovers_r(ctx.handle(), impl_->polygons[i].get(), point.get());
        if (covers == 2) {
            ctx.raise("Covers");
        }
        if (covers == 1) {
            out.push_back(i);
        }
    }
    return out;
}

std::vector<std::size_t> PolygonIndex::near(const MultiPolygon &area, double max_distance) const {
    std::vector<std::size_t> out;
    if (impl_->polygons.empty() || area.empty()) {
        return out;
    }
    GeosContext &ctx = impl_->ctx;
    detail::GeomPtr g = detail::make_multipolygon(ctx, area);
    Box box;
    for (const Polygon &polygon : area) {
        for (XY p : polygon.outer) {
            box.extend(p);
        }
    }
    detail::GeomPtr query = detail::own(
        ctx,
        GEOSGeom_createRectangle_r(ctx.handle(), box.min_x - max_distance, box.min_y - max_distance,
                                   box.max_x + max_distance, box.max_y + max_distance),
        "createRectangle");
    for (std::size_t i : impl_->candidates(query.get())) {
        double d = 0.0;
        if (GEOSDistance_r(ctx.handle(), impl_->polygons[i].get(), g.get(), &d) == 0) {
            ctx.raise("Distance");
        }
        if (d <= max_distance) {
            out.push_back(i);
        }
    }
    return out;
}

} // namespace adressage::geo
