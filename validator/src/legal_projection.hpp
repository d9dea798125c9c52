#pragma once
// What @etalab/project-legal 0.6.0 does for the validator: the first territory whose WGS84 box
// holds (long, lat), and the point in that territory's legal projection, rounded to 2 decimals.
#include <array>
#include <memory>
#include <span>

#include "adressage/geo/transformer.hpp"
#include "adressage/geo/xy.hpp"

namespace adressage::validator::detail {

constexpr std::size_t territory_count = 12;

// Index of the territory, or -1 outside them all (or outside [-180, 180] × [-90, 90]).
int find_territory(double lon, double lat);

// One PROJ transformation per territory, made on first use; one per thread.
class LegalProjector {
  public:
    LegalProjector();
    ~LegalProjector();
    LegalProjector(const LegalProjector &) = delete;
    LegalProjector &operator=(const LegalProjector &) = delete;

    // The calling thread's own, kept for the thread's life: a batch worker validating commune
    // after commune does not make its PROJ transformations again for each.
    static LegalProjector &of_this_thread();

    // In place: (long, lat) → (x, y) rounded to the centimetre. Throws ProjError.
    void project(int territory, std::span<geo::XY> points);

  private:
    std::array<std::unique_ptr<geo::Transformer>, territory_count> transformers_;
};

} // namespace adressage::validator::detail
