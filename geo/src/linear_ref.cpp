#include "adressage/geo/linear_ref.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <tuple>
#include <vector>

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

namespace {

// point_at on a measured line: the first segment of some length whose end lies at or past
// `along` (a segment's end is its start plus its length, the same sum as the next start).
XY point_at(const Polyline &line, const LineMeasures &m, double along) {
    if (along <= 0.0) {
        return line.front();
    }
    const std::vector<double> &sums = m.length_sums;
    // Every segment before the first end at or past `along` ends before it.
    std::size_t i = static_cast<std::size_t>(std::lower_bound(sums.begin() + 1, sums.end(), along) -
                                             (sums.begin() + 1));
    for (; i < m.lengths.size(); ++i) {
        const double seg_len = m.lengths[i];
        if (seg_len > 0.0 && along <= sums[i + 1]) {
            const double t = (along - sums[i]) / seg_len;
            return {line[i].x + t * (line[i + 1].x - line[i].x),
                    line[i].y + t * (line[i + 1].y - line[i].y)};
        }
    }
    return line.back();
}

Side side_at(const Polyline &line, const LineMeasures &m, double along, XY foot, XY p,
             double window) {
    const double total = m.length_sums.back();
    const XY a = point_at(line, m, std::max(0.0, along - window));
    const XY b = point_at(line, m, std::min(total, along + window));
    const double c = (b.x - a.x) * (p.y - foot.y) - (b.y - a.y) * (p.x - foot.x);
    return side_of_cross(c);
}

} // namespace

std::vector<double> segment_lengths(const Polyline &line) {
    std::vector<double> lengths;
    lengths.reserve(line.empty() ? 0 : line.size() - 1);
    for (std::size_t i = 1; i < line.size(); ++i) {
        lengths.push_back(distance(line[i - 1], line[i]));
    }
    return lengths;
}

LineMeasures measure(const Polyline &line) {
    LineMeasures m;
    m.lengths = segment_lengths(line);
    m.length_sums.reserve(m.lengths.size() + 1);
    m.foot_starts.reserve(m.lengths.size());
    double sum = 0.0;
    double foot_start = 0.0;
    m.length_sums.push_back(sum);
    for (std::size_t i = 0; i < m.lengths.size(); ++i) {
        sum += m.lengths[i];
        m.length_sums.push_back(sum);
        m.foot_starts.push_back(foot_start);
        const double dx = line[i + 1].x - line[i].x;
        const double dy = line[i + 1].y - line[i].y;
        foot_start += std::sqrt(dx * dx + dy * dy);
    }
    return m;
}

Side side_at(const Polyline &line, double along, XY foot, XY p, double window) {
    assert(!line.empty());
    return side_at(line, measure(line), along, foot, p, window);
}

XY point_at(const Polyline &line, double along) {
    assert(!line.empty());
    return point_at(line, measure(line), along);
}

LinePosition locate(const Polyline &line, XY p) { return locate(line, measure(line), p); }

LinePosition locate(const Polyline &line, const LineMeasures &measures, XY p) {
    return locate(line, measures, p, std::numeric_limits<double>::infinity());
}

LinePosition locate(const Polyline &line, const LineMeasures &measures, XY p, double reach) {
    assert(line.size() >= 2 && measures.lengths.size() == line.size() - 1);
    LinePosition best;
    best.offset = std::numeric_limits<double>::infinity();
    // A segment whose box lies farther than this is farther than the nearest point by more
    // than any rounding of either distance: it cannot hold the foot, it is not measured.
    const double bound = reach * (1.0 + 1e-9) + 1e-9;
    const double bound2 = bound * bound;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const XY a = line[i];
        const XY b = line[i + 1];
        const XY gap = gap_to_segment_box(p, a, b);
        if (gap.x * gap.x + gap.y * gap.y > bound2) {
            continue;
        }
        const double dx = b.x - a.x;
        const double dy = b.y - a.y;
        const double len2 = dx * dx + dy * dy;
        double t = 0.0;
        if (len2 > 0.0) {
            t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0);
        }
        const XY foot{a.x + t * dx, a.y + t * dy};
        // std::hypot is slow: skip it where the squared distance, with a wide margin for
        // rounding, already shows the foot is farther than the best one.
        const double ex = p.x - foot.x;
        const double ey = p.y - foot.y;
        if (ex * ex + ey * ey > best.offset * best.offset * (1.0 + 1e-9)) {
            continue;
        }
        const double d = distance(p, foot);
        if (d < best.offset) {
            best.offset = d;
            best.along = measures.foot_starts[i] + t * std::sqrt(len2);
            best.foot = foot;
        }
    }
    if (best.offset > 0.0) {
        const double window = std::clamp(best.offset / 2.0, min_side_window, max_side_window);
        best.side = side_at(line, measures, best.along, best.foot, p, window);
    }
    return best;
}

namespace {

double orient(XY a, XY b, XY c) { return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x); }

struct Segment {
    XY a, b;
    std::size_t line, index;
    Box box;
};

} // namespace

std::vector<XY> crossings(const std::vector<Polyline> &lines) {
    std::vector<Segment> segments;
    for (std::size_t l = 0; l < lines.size(); ++l) {
        for (std::size_t i = 0; i + 1 < lines[l].size(); ++i) {
            Segment s{lines[l][i], lines[l][i + 1], l, i, {}};
            s.box.extend(s.a);
            s.box.extend(s.b);
            segments.push_back(s);
        }
    }
    // Sweep along x: a segment is compared with the later ones whose box starts before its end.
    std::vector<std::size_t> order(segments.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::sort(order.begin(), order.end(), [&](std::size_t p, std::size_t q) {
        return std::tie(segments[p].box.min_x, p) < std::tie(segments[q].box.min_x, q);
    });
    std::vector<std::pair<std::pair<std::size_t, std::size_t>, XY>> found;
    for (std::size_t oi = 0; oi < order.size(); ++oi) {
        const Segment &s = segments[order[oi]];
        for (std::size_t oj = oi + 1; oj < order.size(); ++oj) {
            const Segment &t = segments[order[oj]];
            if (t.box.min_x > s.box.max_x) {
                break;
            }
            if (t.box.min_y > s.box.max_y || t.box.max_y < s.box.min_y) {
                continue;
            }
            const double d1 = orient(s.a, s.b, t.a);
            const double d2 = orient(s.a, s.b, t.b);
            const double d3 = orient(t.a, t.b, s.a);
            const double d4 = orient(t.a, t.b, s.b);
            if (!(((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) &&
                  ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))) {
                continue;
            }
            const double u = d3 / (d3 - d4);
            const XY at{s.a.x + u * (s.b.x - s.a.x), s.a.y + u * (s.b.y - s.a.y)};
            const std::size_t first = std::min(order[oi], order[oj]);
            const std::size_t second = std::max(order[oi], order[oj]);
            found.push_back({{first, second}, at});
        }
    }
    std::sort(found.begin(), found.end(),
              [](const auto &p, const auto &q) { return p.first < q.first; });
    std::vector<XY> out;
    out.reserve(found.size());
    for (const auto &entry : found) {
        out.push_back(entry.second);
    }
    return out;
}

} // namespace adressage::geo
