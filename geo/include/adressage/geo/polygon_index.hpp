#pragma once
// Point-in-polygon and nearby-polygon queries over a fixed set of polygons (GEOS STRtree), e.g.
// the parcels of a commune or its building footprints.
#include <cstddef>
#include <memory>
#include <vector>

#include "adressage/geo/geos_context.hpp"
#include "adressage/geo/xy.hpp"

namespace adressage::geo {

class PolygonIndex {
  public:
    PolygonIndex(GeosContext &ctx, const std::vector<MultiPolygon> &polygons);
    ~PolygonIndex();
    PolygonIndex(const PolygonIndex &) = delete;
    PolygonIndex &operator=(const PolygonIndex &) = delete;

    // The polygons that cover `p` (its outline included), in index order.
    std::vector<std::size_t> containing(XY p) const;

    // The polygons within `max_distance` of `area` (touching or overlapping ones included), in
    // index order.
    std::vector<std::size_t> near(const MultiPolygon &area, double max_distance) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace adressage::geo
