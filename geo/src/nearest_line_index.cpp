#include "adressage/geo/nearest_line_index.hpp"

#include <algorithm>
#include <limits>

#include "adressage/error.hpp"
#include "adressage/geo/point_line_distance.hpp"
#include "geos_handle.hpp"
#include "segment_grid.hpp"
#include "tree_item.hpp"

namespace adressage::geo {

struct NearestLineIndex::Impl {
    GeosContext &ctx;
    std::vector<Polyline> plain; // the same lines, for the exact segment tests
    // For nearest() only, built on its first call (within() and crossing() need neither).
    std::vector<detail::GeomPtr> lines;
    GEOSSTRtree *tree = nullptr;
    detail::SegmentGrid grid; // for within() and crossing()

    // Per query, the lines met so far (a line is met when its mark is the query's); the index,
    // like its GEOS context, serves one thread.
    std::vector<std::uint32_t> mark;
    std::uint32_t query = 0;
    std::vector<NearestSegment> nearest; // within(): per line met
    std::vector<std::uint32_t> met;

    Impl(GeosContext &c, std::vector<Polyline> l)
        : ctx(c), plain(std::move(l)), grid(plain), mark(plain.size(), 0), nearest(plain.size()) {}

    // Starts a query: no line is met.
    void start() {
        met.clear();
        if (++query == 0) { // wrapped: forget the old marks
            std::fill(mark.begin(), mark.end(), 0);
            query = 1;
        }
    }
    // True the first time `line` is met in this query.
    bool meet(std::uint32_t line) {
        if (mark[line] == query) {
            return false;
        }
        mark[line] = query;
        met.push_back(line);
        return true;
    }
    // Measures, per line met, its nearest segment to `p` within `max_distance` (nearest[line]
    // of each line of `met`), leaving out the lines `skip(line)` names.
    template <typename Skip> void measure(XY p, double max_distance, Skip skip) {
        start();
        // A segment whose box lies beyond the reach cannot give a hit: its line is not met
        // for it.
        const double bound = max_distance + NearestSegment::slack;
        grid.for_each_near(p.x - max_distance, p.y - max_distance, p.x + max_distance,
                           p.y + max_distance, [&](const detail::SegmentGrid::Segment &s) {
                               if (skip(s.line)) {
                                   return;
                               }
                               const XY gap = gap_to_segment_box(p, s.a, s.b);
                               if (gap.x > bound || gap.y > bound) {
                                   return;
                               }
                               if (meet(s.line)) {
                                   nearest[s.line] = NearestSegment(p, max_distance);
                               }
                               nearest[s.line].consider(s.a, s.b, gap);
                           });
    }
    void build_tree() {
        if (tree != nullptr) {
            return;
        }
        tree = ctx.check(GEOSSTRtree_create_r(ctx.handle(), 10), "STRtree_create");
        lines.reserve(plain.size());
        for (std::size_t i = 0; i < plain.size(); ++i) {
            lines.push_back(detail::make_line(ctx, plain[i]));
            GEOSSTRtree_insert_r(ctx.handle(), tree, lines.back().get(), detail::tree_item(i));
        }
    }
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
    const auto index = detail::tree_index(item);
    (void)query_item;
    return GEOSDistance_r(query->handle, (*query->lines)[index].get(), query->point, distance);
}

double cross(XY o, XY a, XY b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

bool on_segment(XY a, XY b, XY p) {
    return std::min(a.x, b.x) <= p.x && p.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= p.y &&
           p.y <= std::max(a.y, b.y);
}

// Closed segments p1p2 and q1q2 share a point (orientation test, collinear cases included).
bool segments_meet(XY p1, XY p2, XY q1, XY q2) {
    const double d1 = cross(q1, q2, p1);
    const double d2 = cross(q1, q2, p2);
    const double d3 = cross(p1, p2, q1);
    const double d4 = cross(p1, p2, q2);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
        return true;
    }
    return (d1 == 0 && on_segment(q1, q2, p1)) || (d2 == 0 && on_segment(q1, q2, p2)) ||
           (d3 == 0 && on_segment(p1, p2, q1)) || (d4 == 0 && on_segment(p1, p2, q2));
}

} // namespace

NearestLineIndex::NearestLineIndex(GeosContext &ctx, std::vector<Polyline> lines)
    : impl_(std::make_unique<Impl>(ctx, std::move(lines))) {}

NearestLineIndex::~NearestLineIndex() = default;

std::optional<NearestLineIndex::Hit> NearestLineIndex::nearest(XY p, double max_distance) const {
    if (impl_->plain.empty()) {
        return std::nullopt;
    }
    impl_->build_tree();
    GeosContext &ctx = impl_->ctx;
    detail::GeomPtr point = detail::make_point(ctx, p);
    Hit best{0, std::numeric_limits<double>::infinity()};
    Query query{point.get(), &impl_->lines, ctx.handle()};
    const void *found = GEOSSTRtree_nearest_generic_r(ctx.handle(), impl_->tree, point.get(),
                                                      point.get(), &distance_to_item, &query);
    if (found == nullptr) {
        ctx.raise("STRtree_nearest_generic");
    }
    best.index = detail::tree_index(found);
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
            static_cast<std::vector<std::size_t> *>(out)->push_back(detail::tree_index(item));
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

std::vector<NearestLineIndex::Hit> NearestLineIndex::within(XY p, double max_distance) const {
    std::vector<Hit> hits;
    if (impl_->plain.empty()) {
        return hits;
    }
    // Per line, only its segments near the point: a far segment of a long voie is not measured.
    Impl &impl = *impl_;
    impl.measure(p, max_distance, [](std::uint32_t) { return false; });
    for (const std::uint32_t line : impl.met) {
        if (const auto d = impl.nearest[line].result()) {
            hits.push_back(Hit{line, *d});
        }
    }
    std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) {
        return a.distance != b.distance ? a.distance < b.distance : a.index < b.index;
    });
    return hits;
}

std::optional<NearestLineIndex::Hit>
NearestLineIndex::nearest_outside(XY p, double max_distance, std::span<const std::uint32_t> groups,
                                  std::uint32_t excluded) const {
    Impl &impl = *impl_;
    if (impl.plain.empty()) {
        return std::nullopt;
    }
    impl.measure(p, max_distance, [&](std::uint32_t line) { return groups[line] == excluded; });
    std::optional<Hit> best;
    for (const std::uint32_t line : impl.met) {
        if (const auto d = impl.nearest[line].result()) {
            if (!best || *d < best->distance || (*d == best->distance && line < best->index)) {
                best = Hit{line, *d};
            }
        }
    }
    return best;
}

std::vector<std::size_t> NearestLineIndex::crossing(XY a, XY b) const {
    std::vector<std::size_t> out;
    if (impl_->plain.empty()) {
        return out;
    }
    const double min_x = std::min(a.x, b.x);
    const double min_y = std::min(a.y, b.y);
    const double max_x = std::max(a.x, b.x);
    const double max_y = std::max(a.y, b.y);
    Impl &impl = *impl_;
    impl.start();
    impl.grid.for_each_near(min_x, min_y, max_x, max_y, [&](const detail::SegmentGrid::Segment &s) {
        if (impl.mark[s.line] == impl.query) {
            return; // this line already meets a→b
        }
        const XY u = s.a;
        const XY v = s.b;
        // Apart in x or in y: no common point (the exact test below would say the same).
        if (std::max(u.x, v.x) < min_x || std::min(u.x, v.x) > max_x ||
            std::max(u.y, v.y) < min_y || std::min(u.y, v.y) > max_y) {
            return;
        }
        if (segments_meet(a, b, u, v)) {
            impl.meet(s.line);
        }
    });
    out.assign(impl.met.begin(), impl.met.end());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace adressage::geo
