#pragma once
// Internal to geo/src: a grid over the box of a polygonal area, each cell marked when an edge of
// the area may pass through it. The cells left unmarked hold no point of the area's boundary,
// and neither does a path between two side by side: each group of them joined side by side lies
// wholly inside or wholly outside the area, and one exact test of a point in the group answers
// for every other (PreparedArea::contains tests GEOS once per group, a handful per area, and
// only the points in marked cells one by one).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "adressage/geo/xy.hpp"

namespace adressage::geo::detail {

class AreaCells {
  public:
    enum class State : std::uint8_t { unknown, inside, outside };
    static constexpr std::size_t outside_box = static_cast<std::size_t>(-1);
    static constexpr std::size_t no_grid = static_cast<std::size_t>(-2); // a flat or empty area
    static constexpr std::uint32_t edge = static_cast<std::uint32_t>(-1);

    explicit AreaCells(const MultiPolygon &area);

    // The cell holding `p`; outside_box when `p` lies outside the box of the area's points (so
    // outside the area, a NaN too); no_grid when the area has no width and no height.
    std::size_t cell_of(XY p) const;
    // The group of unmarked cells `cell` belongs to, or edge for a marked cell.
    std::uint32_t group(std::size_t cell) const { return groups_[cell]; }
    // The group of every cell `box` meets (side by side, unmarked cells of a rectangle are one
    // group); edge when one of them is marked, when `box` leaves the grid or there is no grid.
    std::uint32_t group_covering(const Box &box) const;
    // The box of the area's points: what lies outside it is outside the area.
    const Box &box() const { return box_; }
    // What is known of a group: unknown until set.
    State &state(std::uint32_t group) { return states_[group]; }

  private:
    std::int64_t column(double x) const;
    std::int64_t row(double y) const;

    Box box_;
    double cell_ = 0.0;
    std::int64_t columns_ = 0;
    std::int64_t rows_ = 0;
    std::vector<std::uint32_t> groups_; // per cell, row-major; empty without a grid
    std::vector<State> states_;         // per group
};

} // namespace adressage::geo::detail
