#pragma once
// Plain geometry values of the commune model: no library type leaks out of geo/.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace adressage::geo {

struct XY {
    double x = 0.0;
    double y = 0.0;
    friend bool operator==(const XY &, const XY &) = default;
};

inline double distance(XY a, XY b) { return std::hypot(a.x - b.x, a.y - b.y); }

// How far `p` lies outside the box of the segment a→b, along x and along y (0 within its span):
// each is a lower bound of the distance from p to the segment, computed exactly.
inline XY gap_to_segment_box(XY p, XY a, XY b) {
    return {std::max({std::min(a.x, b.x) - p.x, p.x - std::max(a.x, b.x), 0.0}),
            std::max({std::min(a.y, b.y) - p.y, p.y - std::max(a.y, b.y), 0.0})};
}

struct Box {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = std::numeric_limits<double>::infinity();
    double max_x = -std::numeric_limits<double>::infinity();
    double max_y = -std::numeric_limits<double>::infinity();

    void extend(XY p) {
        min_x = std::min(min_x, p.x);
        min_y = std::min(min_y, p.y);
        max_x = std::max(max_x, p.x);
        max_y = std::max(max_y, p.y);
    }
    void extend(const Box &b) {
        min_x = std::min(min_x, b.min_x);
        min_y = std::min(min_y, b.min_y);
        max_x = std::max(max_x, b.max_x);
        max_y = std::max(max_y, b.max_y);
    }
    bool empty() const { return min_x > max_x; }
    // The distance between the closed boxes, 0 when they meet: no point of one is nearer the
    // other.
    double gap(const Box &b) const {
        const double dx = std::max({0.0, min_x - b.max_x, b.min_x - max_x});
        const double dy = std::max({0.0, min_y - b.max_y, b.min_y - max_y});
        return std::hypot(dx, dy);
    }
    // Every point of one box is certainly farther than `limit` from every point of the other:
    // the gap exceeds it by a margin far above the gap's rounding.
    bool farther_than(const Box &b, double limit) const { return gap(b) > limit + 1e-6; }
    // The closed boxes share a point.
    bool meets(const Box &b) const {
        return max_x >= b.min_x && min_x <= b.max_x && max_y >= b.min_y && min_y <= b.max_y;
    }
};

using Polyline = std::vector<XY>;
using Ring = std::vector<XY>; // closed: first == last

struct Polygon {
    Ring outer;
    std::vector<Ring> holes;
};

using MultiPolygon = std::vector<Polygon>;

// The box of segment ab.
inline Box box_of(XY a, XY b) {
    return {std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y)};
}

inline Box box_of(const Polyline &line) {
    Box box;
    for (const XY &p : line) {
        box.extend(p);
    }
    return box;
}

// The box of the polygons' outer rings.
inline Box outer_box(const MultiPolygon &polygons) {
    Box box;
    for (const Polygon &polygon : polygons) {
        box.extend(box_of(polygon.outer));
    }
    return box;
}

} // namespace adressage::geo
