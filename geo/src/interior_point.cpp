#include "interior_point.hpp"

#include <algorithm>
#include <vector>

namespace adressage::geo::detail {

namespace {

double avg(double a, double b) { return (a + b) / 2.0; }

// The scan line: the middle of the largest gap between vertex ordinates around the centre of
// the polygon's extent.
double scan_line_y(const Polygon &polygon) {
    double lo = polygon.outer.front().y;
    double hi = lo;
    for (const XY &p : polygon.outer) {
        lo = std::min(lo, p.y);
        hi = std::max(hi, p.y);
    }
    const double centre = avg(lo, hi);
    auto update = [&](const Ring &ring) {
        for (const XY &p : ring) {
            if (p.y <= centre) {
                if (p.y > lo) {
                    lo = p.y;
                }
            } else if (p.y < hi) {
                hi = p.y;
            }
        }
    };
    update(polygon.outer);
    for (const Ring &hole : polygon.holes) {
        update(hole);
    }
    return avg(hi, lo);
}

void add_crossings(const Ring &ring, double y, std::vector<double> &crossings) {
    double lo = ring.front().y;
    double hi = lo;
    for (const XY &p : ring) {
        lo = std::min(lo, p.y);
        hi = std::max(hi, p.y);
    }
    if (y < lo || y > hi) {
        return;
    }
    for (std::size_t i = 1; i < ring.size(); ++i) {
        const XY p0 = ring[i - 1];
        const XY p1 = ring[i];
        if ((p0.y > y && p1.y > y) || (p0.y < y && p1.y < y)) {
            continue;
        }
        // Horizontal edges, and a vertex on the line counted once.
        if (p0.y == p1.y || (p0.y == y && p1.y < y) || (p1.y == y && p0.y < y)) {
            continue;
        }
        if (p0.x == p1.x) {
            crossings.push_back(p0.x);
            continue;
        }
        const double m = (p1.y - p0.y) / (p1.x - p0.x);
        crossings.push_back(p0.x + ((y - p0.y) / m));
    }
}

} // namespace

std::optional<XY> interior_point(const MultiPolygon &polygons) {
    std::optional<XY> best;
    double best_width = -1.0;
    std::vector<double> crossings;
    for (const Polygon &polygon : polygons) {
        if (polygon.outer.empty()) {
            return std::nullopt;
        }
        const double y = scan_line_y(polygon);
        XY point = polygon.outer.front(); // a polygon without area: its first vertex
        double width = 0.0;
        crossings.clear();
        add_crossings(polygon.outer, y, crossings);
        for (const Ring &hole : polygon.holes) {
            if (hole.empty()) {
                return std::nullopt;
            }
            add_crossings(hole, y, crossings);
        }
        if (crossings.size() % 2 != 0) {
            return std::nullopt;
        }
        std::sort(crossings.begin(), crossings.end());
        for (std::size_t i = 0; i < crossings.size(); i += 2) {
            const double section = crossings[i + 1] - crossings[i];
            if (section > width) {
                width = section;
                point = {avg(crossings[i], crossings[i + 1]), y};
            }
        }
        if (width > best_width) {
            best_width = width;
            best = point;
        }
    }
    return best;
}

} // namespace adressage::geo::detail
