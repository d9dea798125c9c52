#pragma once
// Nearest-line queries over a fixed set of polylines (GEOS STRtree).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "adressage/geo/geos_context.hpp"
#include "adressage/geo/xy.hpp"

namespace adressage::geo {

class NearestLineIndex {
  public:
    struct Hit {
        std::size_t index; // position of the line in the constructor's vector
        double distance;
    };

    NearestLineIndex(GeosContext &ctx, std::vector<Polyline> lines);
    ~NearestLineIndex();
    NearestLineIndex(const NearestLineIndex &) = delete;
    NearestLineIndex &operator=(const NearestLineIndex &) = delete;

    // The nearest line to `p`, if one lies within `max_distance`. Ties go to the lowest index.
    std::optional<Hit> nearest(XY p, double max_distance) const;

    // Every line within `max_distance` of `p`, nearest first (ties: lowest index first).
    std::vector<Hit> within(XY p, double max_distance) const;

    // The first of within(p, max_distance) whose group, groups[index], is not `excluded` (the
    // nearest line of another voie, say); the excluded lines are not measured.
    std::optional<Hit> nearest_outside(XY p, double max_distance,
                                       std::span<const std::uint32_t> groups,
                                       std::uint32_t excluded) const;

    // The lines that the segment a→b touches or crosses, in index order.
    std::vector<std::size_t> crossing(XY a, XY b) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace adressage::geo
