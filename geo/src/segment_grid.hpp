#pragma once
// Internal to geo/src: the lines of a NearestLineIndex on a uniform grid, each line listed in
// the cells its segments' boxes cover. A box query gives, in index order, every line with a
// point in the box (and some more): exactly what the distance and crossing tests need, for far
// less than building a GEOS rectangle and walking the STRtree per query.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "adressage/geo/xy.hpp"

namespace adressage::geo::detail {

class SegmentGrid {
  public:
    explicit SegmentGrid(const std::vector<Polyline> &lines);

    // The lines with a segment whose box may meet the box, ascending, each once; `out` is
    // overwritten.
    void query(double min_x, double min_y, double max_x, double max_y,
               std::vector<std::size_t> &out) const;

  private:
    std::int64_t column(double x) const;
    std::int64_t row(double y) const;

    double x0_ = 0.0;
    double y0_ = 0.0;
    double cell_ = 1.0;
    std::int64_t columns_ = 0;
    std::int64_t rows_ = 0;
    std::vector<std::uint32_t> starts_; // per cell (row-major), then one past the last
    std::vector<std::uint32_t> lines_;  // the lines of each cell, ascending
};

} // namespace adressage::geo::detail
