#include "adressage/geo/point_line_distance.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace adressage::geo {

namespace {
double point_distance(XY p, XY q) {
    const double dx = p.x - q.x;
    const double dy = p.y - q.y;
    return std::sqrt(dx * dx + dy * dy);
}
} // namespace

double point_segment_distance(XY p, XY a, XY b) {
    if (a.x == b.x && a.y == b.y) {
        return point_distance(p, a);
    }
    const double len2 = (b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y);
    const double r = ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / len2;
    if (r <= 0.0) {
        return point_distance(p, a);
    }
    if (r >= 1.0) {
        return point_distance(p, b);
    }
    const double s = ((a.y - p.y) * (b.x - a.x) - (a.x - p.x) * (b.y - a.y)) / len2;
    return std::fabs(s) * std::sqrt(len2);
}

double point_line_distance(XY p, const Polyline &line) {
    double best = std::numeric_limits<double>::max();
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const double d = point_segment_distance(p, line[i], line[i + 1]);
        if (d < best) {
            best = d;
        }
    }
    return best;
}

std::optional<double> point_line_distance_within(XY p, const Polyline &line, double reach) {
    NearestSegment nearest(p, reach);
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        nearest.consider(line[i], line[i + 1]);
    }
    return nearest.result();
}

} // namespace adressage::geo
