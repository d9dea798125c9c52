#include "adressage/geo/geometry_ops.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "adressage/error.hpp"
#include "adressage/geo/linear_ref.hpp"
#include "area_cells.hpp"
#include "geos_handle.hpp"
#include "interior_point.hpp"
#include "simple_ring.hpp"

namespace adressage::geo {

using detail::GeomPtr;
using detail::own;

XY point_on_surface(GeosContext &ctx, const MultiPolygon &polygons) {
    if (const std::optional<XY> p = detail::interior_point(polygons)) {
        return *p;
    }
    GeomPtr g = detail::make_multipolygon(ctx, polygons);
    GeomPtr p = own(ctx, GEOSPointOnSurface_r(ctx.handle(), g.get()), "PointOnSurface");
    if (GEOSisEmpty_r(ctx.handle(), p.get()) != 0) {
        throw GeosError("GEOS PointOnSurface: empty result");
    }
    return detail::point_of(ctx, p.get());
}

XY centroid(GeosContext &ctx, const MultiPolygon &polygons) {
    GeomPtr g = detail::make_multipolygon(ctx, polygons);
    GeomPtr p = own(ctx, GEOSGetCentroid_r(ctx.handle(), g.get()), "GetCentroid");
    return detail::point_of(ctx, p.get());
}

bool is_valid(GeosContext &ctx, const MultiPolygon &polygons) {
    if (polygons.size() == 1 && polygons.front().holes.empty() &&
        detail::certainly_simple(polygons.front().outer)) {
        return true; // most footprints: no GEOS geometry to build and check
    }
    GeomPtr g = detail::make_multipolygon(ctx, polygons);
    const char valid = GEOSisValid_r(ctx.handle(), g.get());
    if (valid == 2) {
        ctx.raise("isValid");
    }
    return valid == 1;
}

MultiPolygon make_valid(GeosContext &ctx, const MultiPolygon &polygons) {
    GeomPtr g = detail::make_multipolygon(ctx, polygons);
    GeomPtr fixed = own(ctx, GEOSMakeValid_r(ctx.handle(), g.get()), "MakeValid");
    MultiPolygon out;
    detail::collect_polygons(ctx, fixed.get(), out);
    return out;
}

MultiPolygon union_all(GeosContext &ctx, const std::vector<MultiPolygon> &parts,
                       std::int64_t *repaired) {
    MultiPolygon all;
    for (const MultiPolygon &part : parts) {
        if (is_valid(ctx, part)) {
            all.insert(all.end(), part.begin(), part.end());
            continue;
        }
        const MultiPolygon fixed = make_valid(ctx, part);
        all.insert(all.end(), fixed.begin(), fixed.end());
        if (repaired != nullptr) {
            ++*repaired;
        }
    }
    GeomPtr g = detail::make_multipolygon(ctx, all);
    GeomPtr u = own(ctx, GEOSUnaryUnion_r(ctx.handle(), g.get()), "UnaryUnion");
    MultiPolygon out;
    detail::collect_polygons(ctx, u.get(), out);
    return out;
}

std::vector<Polyline> line_merge(GeosContext &ctx, const std::vector<Polyline> &lines) {
    GeomPtr g = detail::make_multiline(ctx, lines);
    GeomPtr merged = own(ctx, GEOSLineMerge_r(ctx.handle(), g.get()), "LineMerge");
    std::vector<Polyline> out;
    detail::collect_lines(ctx, merged.get(), out);
    std::sort(out.begin(), out.end(), [](const Polyline &a, const Polyline &b) {
        const double la = length(a);
        const double lb = length(b);
        if (la != lb) {
            return la > lb;
        }
        return std::tie(a.front().x, a.front().y) < std::tie(b.front().x, b.front().y);
    });
    return out;
}

double distance(GeosContext &ctx, const Polyline &a, const Polyline &b) {
    GeomPtr ga = detail::make_line(ctx, a);
    GeomPtr gb = detail::make_line(ctx, b);
    double d = 0.0;
    if (GEOSDistance_r(ctx.handle(), ga.get(), gb.get(), &d) == 0) {
        ctx.raise("Distance");
    }
    return d;
}

bool within_distance(GeosContext &ctx, const Polyline &a, const Polyline &b, double limit) {
    // The bounds are rounded; a margin far above their error leaves close calls to GEOS.
    constexpr double margin = 1e-6;
    if (!a.empty() && !b.empty()) {
        if (box_of(a).farther_than(box_of(b), limit)) {
            return false;
        }
        for (const XY p : {a.front(), a.back()}) {
            for (const XY q : {b.front(), b.back()}) {
                if (geo::distance(p, q) <= limit - margin) {
                    return true;
                }
            }
        }
    }
    return distance(ctx, a, b) <= limit;
}

double distance(GeosContext &ctx, const MultiPolygon &area, const std::vector<Polyline> &lines) {
    GeomPtr ga = detail::make_multipolygon(ctx, area);
    GeomPtr gb = detail::make_multiline(ctx, lines);
    double d = 0.0;
    if (GEOSDistance_r(ctx.handle(), ga.get(), gb.get(), &d) == 0) {
        ctx.raise("Distance");
    }
    return d;
}

namespace {
double ring_area(const Ring &ring) {
    double twice = 0.0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        twice += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
    }
    return std::abs(twice) / 2.0;
}
} // namespace

double area(const MultiPolygon &polygons) {
    double total = 0.0;
    for (const Polygon &polygon : polygons) {
        total += ring_area(polygon.outer);
        for (const Ring &hole : polygon.holes) {
            total -= ring_area(hole);
        }
    }
    return total;
}

XY nearest_outline_point(GeosContext &ctx, const MultiPolygon &polygons,
                         const std::vector<Polyline> &lines) {
    GeomPtr g = detail::make_multipolygon(ctx, polygons);
    GeomPtr outline = own(ctx, GEOSBoundary_r(ctx.handle(), g.get()), "Boundary");
    GeomPtr l = detail::make_multiline(ctx, lines);
    GEOSCoordSequence *pair =
        ctx.check(GEOSNearestPoints_r(ctx.handle(), outline.get(), l.get()), "NearestPoints");
    XY p;
    const int ok = GEOSCoordSeq_getXY_r(ctx.handle(), pair, 0, &p.x, &p.y);
    GEOSCoordSeq_destroy_r(ctx.handle(), pair);
    if (ok == 0) {
        ctx.raise("CoordSeq_getXY");
    }
    return p;
}

struct PreparedArea::Impl {
    GeosContext &ctx;
    GeomPtr area;
    const GEOSPreparedGeometry *prepared = nullptr;
    detail::AreaCells cells; // one GEOS test answers for a group of cells no edge meets

    Impl(GeosContext &c, const MultiPolygon &a)
        : ctx(c), area(detail::make_multipolygon(c, a)), cells(a) {}

    // Where `line` lies, from the cells alone when every segment stays in unmarked cells
    // (no point of the boundary on the line: it is wholly inside or wholly outside, and one
    // point tells which) or the line misses the area's box; unknown otherwise.
    enum class Side { inside, outside, unknown };
    Side side_of(const Polyline &line) {
        using State = detail::AreaCells::State;
        if (line.size() < 2) {
            return Side::unknown;
        }
        const Box whole = box_of(line);
        if (!std::isfinite(whole.min_x) || !std::isfinite(whole.min_y) ||
            !std::isfinite(whole.max_x) || !std::isfinite(whole.max_y)) {
            return Side::unknown;
        }
        if (!whole.meets(cells.box())) {
            return Side::outside;
        }
        std::uint32_t group = detail::AreaCells::edge;
        for (std::size_t i = 0; i + 1 < line.size(); ++i) {
            // Consecutive segments share a point, so every segment's group is the first's.
            group = cells.group_covering(box_of(line[i], line[i + 1]));
            if (group == detail::AreaCells::edge) {
                return Side::unknown;
            }
        }
        State &state = cells.state(group);
        if (state == State::unknown) {
            state = geos_contains(line.front()) ? State::inside : State::outside;
        }
        return state == State::inside ? Side::inside : Side::outside;
    }

    bool geos_contains(XY p) const {
        GeomPtr point = detail::make_point(ctx, p);
        const char inside = GEOSPreparedContains_r(ctx.handle(), prepared, point.get());
        if (inside == 2) {
            ctx.raise("PreparedContains");
        }
        return inside == 1;
    }
    ~Impl() {
        // The prepared geometry refers to `area`: destroy it first.
        if (prepared != nullptr) {
            GEOSPreparedGeom_destroy_r(ctx.handle(), prepared);
        }
    }
};

PreparedArea::PreparedArea(GeosContext &ctx, const MultiPolygon &area)
    : impl_(std::make_unique<Impl>(ctx, area)) {
    impl_->prepared = ctx.check(GEOSPrepare_r(ctx.handle(), impl_->area.get()), "Prepare");
}

PreparedArea::~PreparedArea() = default;

bool PreparedArea::contains(XY p) const {
    using State = detail::AreaCells::State;
    Impl &m = *impl_;
    const std::size_t cell = m.cells.cell_of(p);
    if (cell == detail::AreaCells::no_grid) {
        return m.geos_contains(p);
    }
    if (cell == detail::AreaCells::outside_box) {
        return false;
    }
    const std::uint32_t group = m.cells.group(cell);
    if (group == detail::AreaCells::edge) {
        return m.geos_contains(p);
    }
    State &state = m.cells.state(group);
    if (state == State::unknown) {
        state = m.geos_contains(p) ? State::inside : State::outside;
    }
    return state == State::inside;
}

double PreparedArea::distance(XY p) const {
    GeosContext &ctx = impl_->ctx;
    GeomPtr point = detail::make_point(ctx, p);
    double d = 0.0;
    if (GEOSPreparedDistance_r(ctx.handle(), impl_->prepared, point.get(), &d) != 1) {
        ctx.raise("PreparedDistance");
    }
    return d;
}

std::vector<Polyline> PreparedArea::clip(const Polyline &line) const {
    switch (impl_->side_of(line)) {
    case Impl::Side::inside:
        return {line};
    case Impl::Side::outside:
        return {};
    case Impl::Side::unknown:
        break;
    }
    GeosContext &ctx = impl_->ctx;
    GeomPtr g = detail::make_line(ctx, line);
    const char covered = GEOSPreparedCovers_r(ctx.handle(), impl_->prepared, g.get());
    if (covered == 2) {
        ctx.raise("PreparedCovers");
    }
    if (covered == 1) {
        return {line};
    }
    const char touches = GEOSPreparedIntersects_r(ctx.handle(), impl_->prepared, g.get());
    if (touches == 2) {
        ctx.raise("PreparedIntersects");
    }
    if (touches == 0) {
        return {};
    }
    GeomPtr inside =
        own(ctx, GEOSIntersection_r(ctx.handle(), impl_->area.get(), g.get()), "Intersection");
    std::vector<Polyline> out;
    detail::collect_lines(ctx, inside.get(), out);
    return out;
}

} // namespace adressage::geo
