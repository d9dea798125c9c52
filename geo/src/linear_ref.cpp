#include "adressage/geo/linear_ref.hpp"

#include <cassert>
#include <limits>

namespace adressage::geo {

namespace {

// Bounds of the window over which the line's direction at the foot is measured (see locate).
constexpr double min_side_window = 0.5;
constexpr double max_side_window = 25.0;

double cross(XY a, XY b, XY p) { return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x); }

Side side_of_cross(double c) {
    if (c > 0.0) {
        return Side::left;
    }
    if (c < 0.0) {
        return Side::right;
    }
    return Side::on;
}

} // namespace

Side side_of_segment(XY a, XY b, XY p) { return side_of_cross(cross(a, b, p)); }

double length(const Polyline &line) {
    double total = 0.0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        total += distance(line[i - 1], line[i]);
    }
    return total;
}

XY point_at(const Polyline &line, double along) {
    assert(!line.empty());
    if (along <= 0.0) {
        return line.front();
    }
    double start = 0.0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const double seg_len = distance(line[i], line[i + 1]);
        if (seg_len > 0.0 && along <= start + seg_len) {
            const double t = (along - start) / seg_len;
            return {line[i].x + t * (line[i + 1].x - line[i].x),
                    line[i].y + t * (line[i + 1].y - line[i].y)};
        }
        start += seg_len;
    }
    return line.back();
}

Side side_at(const Polyline &line, double along, XY foot, XY p, double window) {
    const double total = length(line);
    const XY a = point_at(line, std::max(0.0, along - window));
    const XY b = point_at(line, std::min(total, along + window));
    const double c = (b.x - a.x) * (p.y - foot.y) - (b.y - a.y) * (p.x - foot.x);
    return side_of_cross(c);
}

LinePosition locate(const Polyline &line, XY p) {
    assert(line.size() >= 2);
    LinePosition best;
    best.offset = std::numeric_limits<double>::infinity();
    double start = 0.0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const XY a = line[i];
        const XY b = line[i + 1];
        const double dx = b.x - a.x;
        const double dy = b.y - a.y;
        const double len2 = dx * dx + dy * dy;
        const double seg_len = std::sqrt(len2);
        double t = 0.0;
        if (len2 > 0.0) {
            t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0);
        }
        const XY foot{a.x + t * dx, a.y + t * dy};
        const double d = distance(p, foot);
        if (d < best.offset) {
            best.offset = d;
            best.along = start + t * seg_len;
            best.foot = foot;
        }
        start += seg_len;
    }
    if (best.offset > 0.0) {
        const double window = std::clamp(best.offset / 2.0, min_side_window, max_side_window);
        best.side = side_at(line, best.along, best.foot, p, window);
    }
    return best;
}

} // namespace adressage::geo
