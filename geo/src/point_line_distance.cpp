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
    // The box of a segment is a lower bound of its distance; the computed distances differ
    // from the true ones by far less than this slack, so a skipped segment could not have
    // given the smallest computed distance.
    constexpr double slack = 1e-6;
    double best = std::numeric_limits<double>::max();
    double bound = reach + slack;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const XY a = line[i];
        const XY b = line[i + 1];
        const double dx = std::max({std::min(a.x, b.x) - p.x, p.x - std::max(a.x, b.x), 0.0});
        const double dy = std::max({std::min(a.y, b.y) - p.y, p.y - std::max(a.y, b.y), 0.0});
        if (dx > bound || dy > bound) {
            continue;
        }
        const double d = point_segment_distance(p, a, b);
        if (d < best) {
            best = d;
            bound = std::min(bound, best + slack);
        }
    }
    if (best <= reach) {
        return best;
    }
    return std::nullopt;
}

} // namespace adressage::geo
