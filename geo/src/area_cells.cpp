#include "area_cells.hpp"

#include <algorithm>
#include <cmath>

namespace adressage::geo::detail {

namespace {
// About twice as many cells per side as the square root of the edge count: a commune's
// boundary of a few thousand edges marks a small share of some ten thousand cells.
constexpr double cells_per_sqrt_edge = 2.0;
constexpr double max_cells_per_side = 1024.0;

template <typename Fn> void for_each_ring(const MultiPolygon &area, Fn &&fn) {
    for (const Polygon &polygon : area) {
        fn(polygon.outer);
        for (const Ring &hole : polygon.holes) {
            fn(hole);
        }
    }
}
} // namespace

AreaCells::AreaCells(const MultiPolygon &area) {
    std::size_t edges = 0;
    for_each_ring(area, [&](const Ring &ring) {
        for (const XY &p : ring) {
            box_.extend(p);
        }
        edges += ring.size();
    });
    const double side = std::max(box_.max_x - box_.min_x, box_.max_y - box_.min_y);
    if (box_.empty() || !std::isfinite(side) || !(side > 0.0)) {
        return; // no grid: every point is tested exactly
    }
    const double per_side = std::clamp(
        std::ceil(cells_per_sqrt_edge * std::sqrt(static_cast<double>(edges))), 1.0,
        max_cells_per_side);
    cell_ = side / per_side;
    columns_ = column(box_.max_x) + 1;
    rows_ = row(box_.max_y) + 1;
    states_.assign(static_cast<std::size_t>(columns_ * rows_), State::unknown);
    // Every cell an edge's box meets. The cell of a coordinate grows with it, so a point of an
    // edge lies in a cell between those of its box's corners: no boundary point is in a cell
    // left unmarked.
    for_each_ring(area, [&](const Ring &ring) {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const std::int64_t c0 = column(std::min(ring[i].x, ring[i + 1].x));
            const std::int64_t c1 = column(std::max(ring[i].x, ring[i + 1].x));
            const std::int64_t r0 = row(std::min(ring[i].y, ring[i + 1].y));
            const std::int64_t r1 = row(std::max(ring[i].y, ring[i + 1].y));
            for (std::int64_t r = r0; r <= r1; ++r) {
                std::fill_n(states_.begin() + r * columns_ + c0, c1 - c0 + 1, State::edge);
            }
        }
    });
}

std::size_t AreaCells::cell_of(XY p) const {
    if (states_.empty()) {
        return no_grid;
    }
    if (!(p.x >= box_.min_x && p.x <= box_.max_x && p.y >= box_.min_y &&
                             p.y <= box_.max_y)) {
        return outside_box;
    }
    return static_cast<std::size_t>(row(p.y) * columns_ + column(p.x));
}

std::optional<XY> AreaCells::point_in(std::size_t cell) const {
    const auto r = static_cast<std::int64_t>(cell) / columns_;
    const auto c = static_cast<std::int64_t>(cell) % columns_;
    const XY centre{box_.min_x + (static_cast<double>(c) + 0.5) * cell_,
                    box_.min_y + (static_cast<double>(r) + 0.5) * cell_};
    if (cell_of(centre) != cell) {
        return std::nullopt;
    }
    return centre;
}

std::int64_t AreaCells::column(double x) const {
    return static_cast<std::int64_t>(std::floor((x - box_.min_x) / cell_));
}

std::int64_t AreaCells::row(double y) const {
    return static_cast<std::int64_t>(std::floor((y - box_.min_y) / cell_));
}

} // namespace adressage::geo::detail
