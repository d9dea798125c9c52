#include "adressage/geo/polygon_locator.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace adressage::geo {

namespace {

constexpr double cell_metres = 50.0;

double clamped_foot_distance(XY p, XY a, XY b) {
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    const double t =
        len2 > 0.0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return distance(p, {a.x + t * dx, a.y + t * dy});
}

bool ring_contains(const Ring &ring, XY p) {
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const XY a = ring[i];
        const XY b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) {
            inside = !inside;
        }
    }
    return inside;
}

} // namespace

bool even_odd_contains(const MultiPolygon &polygons, XY p) {
    for (const Polygon &polygon : polygons) {
        if (polygon.outer.size() < 4 || !ring_contains(polygon.outer, p)) {
            continue;
        }
        const bool in_hole = std::any_of(polygon.holes.begin(), polygon.holes.end(),
                                         [&](const Ring &h) { return ring_contains(h, p); });
        if (!in_hole) {
            return true;
        }
    }
    return false;
}

double outline_distance(const MultiPolygon &polygons, XY p) {
    double best = std::numeric_limits<double>::infinity();
    auto ring = [&](const Ring &r) {
        for (std::size_t i = 1; i < r.size(); ++i) {
            best = std::min(best, clamped_foot_distance(p, r[i - 1], r[i]));
        }
    };
    for (const Polygon &polygon : polygons) {
        ring(polygon.outer);
        for (const Ring &h : polygon.holes) {
            ring(h);
        }
    }
    return best;
}

PolygonLocator::PolygonLocator(std::vector<MultiPolygon> polygons, std::vector<XY> anchors)
    : polygons_(std::move(polygons)), anchors_(std::move(anchors)) {
    for (std::size_t i = 0; i < polygons_.size(); ++i) {
        Box box = outer_box(polygons_[i]);
        box.extend(anchors_[i]);
        for (long x = cell(box.min_x); x <= cell(box.max_x); ++x) {
            for (long y = cell(box.min_y); y <= cell(box.max_y); ++y) {
                cells_[{x, y}].push_back(i);
            }
        }
    }
}

std::optional<std::size_t> PolygonLocator::locate(XY p, double reach) const {
    const auto holders = cells_.find({cell(p.x), cell(p.y)});
    if (holders != cells_.end()) {
        for (std::size_t i : holders->second) { // in index order
            if (even_odd_contains(polygons_[i], p)) {
                return i;
            }
        }
    }
    // The lowest (distance, index) below the reach: the same whatever the order of the visits.
    std::optional<std::size_t> nearest;
    double best = reach;
    for (long x = cell(p.x - reach); x <= cell(p.x + reach); ++x) {
        for (long y = cell(p.y - reach); y <= cell(p.y + reach); ++y) {
            const auto it = cells_.find({x, y});
            if (it == cells_.end()) {
                continue;
            }
            for (std::size_t i : it->second) {
                const double d =
                    std::min(distance(p, anchors_[i]), outline_distance(polygons_[i], p));
                if (d < best || (d == best && nearest && i < *nearest)) {
                    best = d;
                    nearest = i;
                }
            }
        }
    }
    return nearest;
}

long PolygonLocator::cell(double v) { return static_cast<long>(std::floor(v / cell_metres)); }

} // namespace adressage::geo
