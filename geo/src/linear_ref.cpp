#include "adressage/geo/linear_ref.hpp"

#include <cassert>
#include <limits>

namespace adressage::geo {

namespace {

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

LinePosition locate(const Polyline &line, XY p) {
    assert(line.size() >= 2);
    LinePosition best;
    best.offset = std::numeric_limits<double>::infinity();
    std::size_t best_segment = 0;
    double best_t = 0.0;
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
            best_segment = i;
            best_t = t;
        }
        start += seg_len;
    }

    const XY a = line[best_segment];
    const XY b = line[best_segment + 1];
    best.side = side_of_segment(a, b, p);
    // A foot on an interior vertex: the point lies in the wedge outside the corner. The two
    // segments may disagree; the turn direction tells the outside (a left turn has its outside
    // on the right).
    const bool at_end_vertex = best_t == 1.0 && best_segment + 2 < line.size();
    const bool at_start_vertex = best_t == 0.0 && best_segment > 0;
    if (at_end_vertex || at_start_vertex) {
        const XY prev = at_end_vertex ? a : line[best_segment - 1];
        const XY vertex = at_end_vertex ? b : a;
        const XY next = at_end_vertex ? line[best_segment + 2] : b;
        const Side s1 = side_of_segment(prev, vertex, p);
        const Side s2 = side_of_segment(vertex, next, p);
        if (s1 == s2 || s2 == Side::on) {
            best.side = s1;
        } else if (s1 == Side::on) {
            best.side = s2;
        } else {
            const Side turn = side_of_segment(prev, vertex, next);
            best.side = turn == Side::left ? Side::right : turn == Side::right ? Side::left : s1;
        }
    }
    return best;
}

} // namespace adressage::geo
