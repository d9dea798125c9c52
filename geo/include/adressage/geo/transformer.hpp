#pragma once
// Coordinate transformation between two CRS with PROJ, axis order normalised to
// easting/northing and longitude/latitude. Owns its PROJ context: one per thread.
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "adressage/geo/xy.hpp"

namespace adressage::geo {

class Transformer {
  public:
    // `source` and `target`: anything PROJ understands ("EPSG:2154", WKT...).
    Transformer(const std::string &source, const std::string &target);
    // A coordinate operation given directly as a PROJ string (e.g. "+proj=pipeline +step
    // ..."): no CRS database lookup, so it is ready in microseconds instead of the ~20 ms that
    // proj_create_crs_to_crs spends in proj.db.
    static Transformer from_operation(const std::string &definition);
    Transformer(Transformer &&) noexcept;
    Transformer &operator=(Transformer &&) noexcept;
    ~Transformer();
    Transformer(const Transformer &) = delete;
    Transformer &operator=(const Transformer &) = delete;

    // In place; throws ProjError when a point cannot be transformed.
    void forward(std::span<XY> points) const;
    void inverse(std::span<XY> points) const;

    // True when source and target are the same CRS, so forward() changes nothing.
    bool is_identity() const noexcept;

  private:
    Transformer();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

enum class Direction { forward, inverse };

// An envelope in the other CRS that holds the image of `box` with a margin (for a spatial
// filter on a source in its own CRS): the box's edges densified and transformed, so the
// curvature of a reprojection cannot cut a corner; a metre more when nothing changes. nullopt
// when a point cannot be transformed (then read without a filter).
std::optional<Box> transformed_envelope(const Transformer &t, Direction direction, const Box &box);

} // namespace adressage::geo
