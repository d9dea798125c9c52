#include "area_cells.hpp"

#include <algorithm>
#include <cmath>

namespace adressage::geo::detail {

namespace {
// About four times as many cells per side as the square root of the edge count: a commune's
// boundary of a few thousand edges marks a small share of some fifty thousand cells.
constexpr double cells_per_sqrt_edge = 4.0;
constexpr double max_cells_per_side = 2048.0;

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
    const double per_side =
        std::clamp(std::ceil(cells_per_sqrt_edge * std::sqrt(static_cast<double>(edges))), 1.0,
                   max_cells_per_side);
    cell_ = side / per_side;
    columns_ = column(box_.max_x) + 1;
    rows_ = row(box_.max_y) + 1;
    const auto cells = static_cast<std::size_t>(columns_ * rows_);
    groups_.assign(cells, 0);
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
                std::fill_n(groups_.begin() + r * columns_ + c0, c1 - c0 + 1, edge);
            }
        }
    });
    // The groups: unmarked cells joined side by side (a flood fill from each cell not yet in
    // one; 0 is "not yet", then groups are numbered from 1 and stored from 0).
    std::vector<std::size_t> stack;
    std::uint32_t count = 0;
    for (std::size_t start = 0; start < cells; ++start) {
        if (groups_[start] != 0) {
            continue;
        }
        ++count;
        groups_[start] = count;
        stack.push_back(start);
        while (!stack.empty()) {
            const std::size_t at = stack.back();
            stack.pop_back();
            const auto c = static_cast<std::int64_t>(at) % columns_;
            const auto visit = [&](std::size_t next) {
                if (groups_[next] == 0) {
                    groups_[next] = count;
                    stack.push_back(next);
                }
            };
            if (c > 0) {
                visit(at - 1);
            }
            if (c + 1 < columns_) {
                visit(at + 1);
            }
            if (at >= static_cast<std::size_t>(columns_)) {
                visit(at - static_cast<std::size_t>(columns_));
            }
            if (at + static_cast<std::size_t>(columns_) < cells) {
                visit(at + static_cast<std::size_t>(columns_));
            }
        }
    }
    for (std::uint32_t &g : groups_) {
        if (g != edge) {
            --g;
        }
    }
    states_.assign(count, State::unknown);
}

std::size_t AreaCells::cell_of(XY p) const {
    if (groups_.empty()) {
        return no_grid;
    }
    if (!(p.x >= box_.min_x && p.x <= box_.max_x && p.y >= box_.min_y && p.y <= box_.max_y)) {
        return outside_box;
    }
    return static_cast<std::size_t>(row(p.y) * columns_ + column(p.x));
}

std::uint32_t AreaCells::group_covering(const Box &box) const {
    if (groups_.empty() || !(box.min_x >= box_.min_x && box.max_x <= box_.max_x &&
                             box.min_y >= box_.min_y && box.max_y <= box_.max_y)) {
        return edge;
    }
    const std::int64_t c0 = column(box.min_x);
    const std::int64_t c1 = column(box.max_x);
    const std::int64_t r0 = row(box.min_y);
    const std::int64_t r1 = row(box.max_y);
    for (std::int64_t r = r0; r <= r1; ++r) {
        for (std::int64_t c = c0; c <= c1; ++c) {
            if (groups_[static_cast<std::size_t>(r * columns_ + c)] == edge) {
                return edge;
            }
        }
    }
    return groups_[static_cast<std::size_t>(r0 * columns_ + c0)];
}

std::int64_t AreaCells::column(double x) const {
    return static_cast<std::int64_t>(std::floor((x - box_.min_x) / cell_));
}

std::int64_t AreaCells::row(double y) const {
    return static_cast<std::int64_t>(std::floor((y - box_.min_y) / cell_));
}

} // namespace adressage::geo::detail
