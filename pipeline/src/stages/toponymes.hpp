#pragma once
// Toponymes: the named places of --places (OSM hamlets, localities and isolated dwellings,
// cadastre lieux-dits) that are not voies. Each one inside the commune is written as a 99999
// row; an address inside a lieu-dit area, or within --place-radius of a place point, takes the
// place's name as lieudit_complement_nom (the validator requires such a name to be declared by
// a 99999 row, which it is).
#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "adressage/geo/geos_context.hpp"
#include "adressage/geo/polygon_index.hpp"
#include "core/model.hpp"
#include "core/stage.hpp"

namespace adressage::pipeline {

// Which toponyme an address belongs to: the first area (in the toponymes' order) that covers
// it, else the nearest place point within `radius` (ties: the first).
class LieuditFinder {
  public:
    LieuditFinder(geo::GeosContext &geos, const std::vector<Toponyme> &toponymes, double radius);
    std::optional<std::size_t> find(geo::XY p) const;

  private:
    const std::vector<Toponyme> &toponymes_;
    double radius_;
    std::vector<std::size_t> areas_; // indices of the toponymes with an area
    std::unique_ptr<geo::PolygonIndex> index_;
};

// Keeps the toponymes inside the boundary whose name no voie and no earlier toponyme has
// (names::grouping_key), sorted by name; gives them voie codes after the numbered voies' and
// each numero its lieu-dit. The report's "toponymes" section lists them.
class ToponymesStage final : public Stage {
  public:
    std::string_view name() const override { return "toponymes"; }
    Tables reads() const override {
        return boundary_table | buildings_table | voies_table | numeros_table | toponymes_table;
    }
    Tables writes() const override { return toponymes_table | lieudits_table | report_result; }
    void run(CommuneModel &model, RunContext &ctx) override;
};

} // namespace adressage::pipeline
