#pragma once
// Internal to geo/src: the segments of the lines of a NearestLineIndex on a uniform grid, each
// segment listed in the cells its box covers. A box query visits every segment whose box meets
// the box (and some more, some more than once): exactly what the distance and crossing tests
// need, without measuring the far segments of a long voie, for far less than building a GEOS
// rectangle and walking the STRtree per query.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "adressage/geo/xy.hpp"

namespace adressage::geo::detail {

class SegmentGrid {
  public:
    explicit SegmentGrid(const std::vector<Polyline> &lines);

    // A segment of a line: it joins line[index] and line[index + 1]. Its ends are kept here so
    // that a query reads one array, not every line's points.
    struct Segment {
        XY a;
        XY b;
        std::uint32_t line;
        std::uint32_t index;
    };

    // Calls fn(segment) for the segments of every cell the box meets, cell by cell: a segment
    // over several cells comes once per cell.
    template <typename Fn>
    void for_each_near(double min_x, double min_y, double max_x, double max_y, Fn &&fn) const {
        if (columns_ == 0 || !(min_x <= max_x) || !(min_y <= max_y)) {
            return;
        }
        const std::int64_t c0 = std::max<std::int64_t>(0, column(min_x));
        const std::int64_t c1 = std::min<std::int64_t>(columns_ - 1, column(max_x));
        const std::int64_t r0 = std::max<std::int64_t>(0, row(min_y));
        const std::int64_t r1 = std::min<std::int64_t>(rows_ - 1, row(max_y));
        for (std::int64_t r = r0; r <= r1; ++r) {
            for (std::int64_t c = c0; c <= c1; ++c) {
                const auto cell = static_cast<std::size_t>(r * columns_ + c);
                for (std::uint32_t k = starts_[cell]; k < starts_[cell + 1]; ++k) {
                    fn(segments_[k]);
                }
            }
        }
    }

  private:
    std::int64_t column(double x) const;
    std::int64_t row(double y) const;

    double x0_ = 0.0;
    double y0_ = 0.0;
    double cell_ = 1.0;
    std::int64_t columns_ = 0;
    std::int64_t rows_ = 0;
    std::vector<std::uint32_t> starts_; // per cell (row-major), then one past the last
    std::vector<Segment> segments_;     // the segments of each cell
};

} // namespace adressage::geo::detail
