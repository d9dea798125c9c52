#include "adressage/geo/nearest_line_index.hpp"

#include <limits>

#include "adressage/error.hpp"
#include "geos_handle.hpp"

namespace adressage::geo {

struct NearestLineIndex::Impl {
    GeosContext &ctx;
    std::vector<detail::GeomPtr> lines;
    GEOSSTRtree *tree = nullptr;

    explicit Impl(GeosContext &c) : ctx(c) {}
    ~Impl() {
        if (tree != nullptr) {
            GEOSSTRtree_destroy_r(ctx.handle(), tree);
        }
    }
};

namespace {

// Items stored in the tree are indices into Impl::lines, as pointer-sized integers.
struct Query {
    const GEOSGeometry *point;
    const std::vector<detail::GeomPtr> *lines;
    GEOSContextHandle_t handle;
};

int distance_to_item(const void *item, const void *query_item, double *distance, void *userdata) {
    auto *query = static_cast<Query *>(userdata);
    const auto index = reinterpret_cast<std::uintptr_t>(item) - 1;
    (void)query_item;
    return GEOSDistance_r(query->handle, (*query->lines)[index].get(), query->point, distance);
}

} // namespace

NearestLineIndex::NearestLineIndex(GeosContext &ctx, const std::vector<Polyline> &lines)
    : impl_(std::make_unique<Impl>(ctx)) {
    impl_->tree = ctx.check(GEOSSTRtree_create_r(ctx.handle(), 10), "STRtree_create");
    impl_->lines.reserve(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        impl_->lines.push_back(detail::make_line(ctx, lines[i]));
        // Index + 1 so that no item is a null pointer.
        GEOSSTRtree_insert_r(ctx.handle(), impl_->tree, impl_->lines.back().get(),
                             reinterpret_cast<void *>(static_cast<std::uintptr_t>(i + 1)));
    }
}

NearestLineIndex::~NearestLineIndex() = default;

std::optional<NearestLineIndex::Hit> NearestLineIndex::nearest(XY p, double max_distance) const {
    if (impl_->lines.empty()) {
        return std::nullopt;
    }
    GeosContext &ctx = impl_->ctx;
    detail::GeomPtr point = detail::make_point(ctx, p);
    Hit best{0, std::numeric_limits<double>::infinity()};
    Query query{point.get(), &impl_->lines, ctx.handle()};
    const void *found = GEOSSTRtree_nearest_generic_r(ctx.handle(), impl_->tree, point.get(),
                                                      point.get(), &distance_to_item, &query);
    if (found == nullptr) {
        ctx.raise("STRtree_nearest_generic");
    }
    best.index = reinterpret_cast<std::uintptr_t>(found) - 1;
    if (GEOSDistance_r(ctx.handle(), impl_->lines[best.index].get(), point.get(), &best.distance) ==
        0) {
        ctx.raise("Distance");
    }
    if (best.distance > max_distance) {
        return std::nullopt;
    }
    // The tree returns one of the nearest lines. For a result that does not depend on the tree's
    // internals, look at every line whose envelope reaches that distance and keep the lowest
    // (distance, index).
    detail::GeomPtr box = detail::own(
        ctx,
        GEOSGeom_createRectangle_r(ctx.handle(), p.x - best.distance, p.y - best.distance,
                                   p.x + best.distance, p.y + best.distance),
        "createRectangle");
    std::vector<std::size_t> candidates;
    GEOSSTRtree_query_r(
        ctx.handle(), impl_->tree, box.get(),
        [](void *item, void *out) {
            static_cast<std::vector<std::size_t> *>(out)->push_back(
                reinterpret_cast<std::uintptr_t>(item) - 1);
        },
        &candidates);
    for (std::size_t i : candidates) {
        double d = 0.0;
        if (GEOSDistance_r(ctx.handle(), impl_->lines[i].get(), point.get(), &d) == 0) {
            ctx.raise("Distance");
        }
        if (d < best.distance || (d == best.distance && i < best.index)) {
            best = Hit{i, d};
        }
    }
    return best;
}

} // namespace adressage::geo
