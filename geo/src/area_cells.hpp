#pragma once
// Internal to geo/src: a grid over the box of a polygonal area, each cell marked when an edge of
// the area may pass through it. A cell left unmarked holds no point of the area's boundary, so
// it lies wholly inside or wholly outside the area: one exact test of a point in it answers for
// every other (PreparedArea::contains tests GEOS once per such cell, not once per point).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "adressage/geo/xy.hpp"

namespace adressage::geo::detail {

class AreaCells {
  public:
    enum class State : std::uint8_t { unknown, edge, inside, outside };
    static constexpr std::size_t outside_box = static_cast<std::size_t>(-1);
    static constexpr std::size_t no_grid = static_cast<std::size_t>(-2); // a flat or empty area

    explicit AreaCells(const MultiPolygon &area);

    // The cell holding `p`; outside_box when `p` lies outside the box of the area's points (so
    // outside the area, a NaN too); no_grid when the area has no width and no height.
    std::size_t cell_of(XY p) const;
    // What is known of a cell: edge for a marked one, unknown until set for the others.
    State &state(std::size_t cell) { return states_[cell]; }
    // A point that lies in `cell` (its centre, unless rounding puts the centre in another).
    std::optional<XY> point_in(std::size_t cell) const;

  private:
    std::int64_t column(double x) const;
    std::int64_t row(double y) const;

    Box box_;
    double cell_ = 0.0;
    std::int64_t columns_ = 0;
    std::int64_t rows_ = 0;
    std::vector<State> states_; // row-major; empty when the box has no width and no height
};

} // namespace adressage::geo::detail
