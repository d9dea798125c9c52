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
    bool empty() const { return min_x > max_x; }
};

using Polyline = std::vector<XY>;
using Ring = std::vector<XY>; // closed: first == last

struct Polygon {
    Ring outer;
    std::vector<Ring> holes;
};

using MultiPolygon = std::vector<Polygon>;

} // namespace adressage::geo
