#include "segment_grid.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace adressage::geo::detail {

namespace {
constexpr double min_cell = 64.0;             // metres: a few cells per assignment query
constexpr double max_cells_per_side = 1024.0; // a larger extent gets larger cells
} // namespace

SegmentGrid::SegmentGrid(const std::vector<Polyline> &lines) {
    Box extent;
    for (const Polyline &line : lines) {
        for (const XY &p : line) {
            extent.extend(p);
        }
    }
    if (extent.empty()) {
        return;
    }
    x0_ = extent.min_x;
    y0_ = extent.min_y;
    cell_ = std::max({min_cell, (extent.max_x - extent.min_x) / max_cells_per_side,
                      (extent.max_y - extent.min_y) / max_cells_per_side});
    columns_ = column(extent.max_x) + 1;
    rows_ = row(extent.max_y) + 1;

    std::vector<std::pair<std::uint32_t, std::uint64_t>> entries; // (cell, line << 32 | k)
    for (std::size_t l = 0; l < lines.size(); ++l) {
        const Polyline &line = lines[l];
        for (std::size_t i = 0; i + 1 < line.size(); ++i) {
            const std::int64_t c0 = column(std::min(line[i].x, line[i + 1].x));
            const std::int64_t c1 = column(std::max(line[i].x, line[i + 1].x));
            const std::int64_t r0 = row(std::min(line[i].y, line[i + 1].y));
            const std::int64_t r1 = row(std::max(line[i].y, line[i + 1].y));
            for (std::int64_t r = r0; r <= r1; ++r) {
                for (std::int64_t c = c0; c <= c1; ++c) {
                    entries.emplace_back(static_cast<std::uint32_t>(r * columns_ + c),
                                         (static_cast<std::uint64_t>(l) << 32) | i);
                }
            }
        }
    }
    std::sort(entries.begin(), entries.end());
    starts_.assign(static_cast<std::size_t>(columns_ * rows_) + 1, 0);
    for (const auto &[cell, segment] : entries) {
        ++starts_[cell + 1];
    }
    for (std::size_t c = 1; c < starts_.size(); ++c) {
        starts_[c] += starts_[c - 1];
    }
    segments_.reserve(entries.size());
    for (const auto &[cell, key] : entries) {
        const auto line = static_cast<std::uint32_t>(key >> 32);
        const auto index = static_cast<std::uint32_t>(key);
        segments_.push_back({lines[line][index], lines[line][index + 1], line, index});
    }
}

namespace {
// The cell of `v` along one axis, kept within [-1, count] so that a far query stays an integer.
std::int64_t cell_index(double v, double origin, double cell, std::int64_t count) {
    const double i = std::floor((v - origin) / cell);
    return static_cast<std::int64_t>(std::clamp(i, -1.0, static_cast<double>(count)));
}
} // namespace

std::int64_t SegmentGrid::column(double x) const {
    return cell_index(x, x0_, cell_, columns_ == 0 ? INT32_MAX : columns_);
}

std::int64_t SegmentGrid::row(double y) const {
    return cell_index(y, y0_, cell_, rows_ == 0 ? INT32_MAX : rows_);
}

} // namespace adressage::geo::detail
