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

    std::vector<std::pair<std::uint32_t, std::uint32_t>> entries; // (cell, line)
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
                                         static_cast<std::uint32_t>(l));
                }
            }
        }
    }
    std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
    starts_.assign(static_cast<std::size_t>(columns_ * rows_) + 1, 0);
    for (const auto &[cell, line] : entries) {
        ++starts_[cell + 1];
    }
    for (std::size_t c = 1; c < starts_.size(); ++c) {
        starts_[c] += starts_[c - 1];
    }
    lines_.reserve(entries.size());
    for (const auto &[cell, line] : entries) {
        lines_.push_back(line);
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

void SegmentGrid::query(double min_x, double min_y, double max_x, double max_y,
                        std::vector<std::size_t> &out) const {
    out.clear();
    if (columns_ == 0 || !(min_x <= max_x) || !(min_y <= max_y)) {
        return;
    }
    const std::int64_t c0 = std::max<std::int64_t>(0, column(min_x));
    const std::int64_t c1 = std::min<std::int64_t>(columns_ - 1, column(max_x));
    const std::int64_t r0 = std::max<std::int64_t>(0, row(min_y));
    const std::int64_t r1 = std::min<std::int64_t>(rows_ - 1, row(max_y));
    if (r0 == r1 && c0 == c1) { // one cell: its lines are already ascending, each once
        const auto cell = static_cast<std::size_t>(r0 * columns_ + c0);
        out.assign(lines_.begin() + starts_[cell], lines_.begin() + starts_[cell + 1]);
        return;
    }
    for (std::int64_t r = r0; r <= r1; ++r) {
        for (std::int64_t c = c0; c <= c1; ++c) {
            const auto cell = static_cast<std::size_t>(r * columns_ + c);
            out.insert(out.end(), lines_.begin() + starts_[cell],
                       lines_.begin() + starts_[cell + 1]);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

} // namespace adressage::geo::detail
