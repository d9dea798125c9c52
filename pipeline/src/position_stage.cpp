#include <algorithm>
#include <iterator>
#include <limits>
#include <optional>

#include "adressage/geo/geometry_ops.hpp"
#include "adressage/geo/linear_ref.hpp"
#include "adressage/geo/polygon_index.hpp"
#include "adressage/pipeline/stages.hpp"

namespace adressage::pipeline {

namespace {

// The ids of the parcels covering `p`, sorted.
std::vector<std::string> parcels_at(const geo::PolygonIndex &index, const CommuneModel &model,
                                    geo::XY p) {
    std::vector<std::string> ids;
    for (std::size_t i : index.containing(p)) {
        ids.push_back(model.parcels[i].id);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

std::string joined(const std::vector<std::string> &ids) {
    std::string out;
    for (const std::string &id : ids) {
        out.append(out.empty() ? "" : "|").append(id);
    }
    return out;
}

// cad_parcelles of a position at `at` of a building whose anchor lies in `own`: the parcels
// covering the position; on a parcel line (an entrance on a party wall) only the building's
// own among them; in no parcel (on the road), the building's.
std::string cad_parcelles(const std::vector<std::string> &at, const std::vector<std::string> &own) {
    std::vector<std::string> both;
    std::set_intersection(at.begin(), at.end(), own.begin(), own.end(), std::back_inserter(both));
    return joined(!both.empty() ? both : !at.empty() ? at : own);
}

} // namespace

geo::XY PositionStage::process_one(geo::GeosContext &geos, formats::PositionType type,
                                   const Building &building, const Voie &voie) {
    switch (type) {
    case formats::PositionType::entree: {
        // On a front wall parallel to the voie every point is about as near, and the first one
        // found is a corner, which terraced neighbours share (the geometric checks found such
        // entrances < 1 m apart and out of order): the point of the outline facing the anchor's
        // foot is taken when it is no more than entrance_slack further from the voie.
        constexpr double entrance_slack = 0.5;
        auto to_voie = [&](geo::XY p) {
            double d = std::numeric_limits<double>::infinity();
            for (const geo::Polyline &part : voie.parts) {
                d = std::min(d, geo::locate(part, p).offset);
            }
            return d;
        };
        const geo::XY nearest = geo::nearest_outline_point(geos, building.footprint, voie.parts);
        const geo::XY foot = process_one(geos, formats::PositionType::segment, building, voie);
        const geo::XY facing =
            geo::nearest_outline_point(geos, building.footprint, {geo::Polyline{foot, foot}});
        return to_voie(facing) <= to_voie(nearest) + entrance_slack ? facing : nearest;
    }
    case formats::PositionType::segment: {
        std::optional<geo::LinePosition> best;
        for (const geo::Polyline &part : voie.parts) {
            const geo::LinePosition at = geo::locate(part, building.anchor);
            if (!best || at.offset < best->offset) {
                best = at;
            }
        }
        return best->foot;
    }
    default:
        return building.anchor;
    }
}

void PositionStage::run(CommuneModel &model, RunContext &ctx) {
    const std::vector<formats::PositionType> types = position_types(ctx.options);
    std::vector<geo::MultiPolygon> outlines;
    outlines.reserve(model.parcels.size());
    for (const Parcel &p : model.parcels) {
        outlines.push_back(p.outline);
    }
    const geo::PolygonIndex parcels(ctx.geos, outlines);
    std::int64_t without_parcel = 0;
    for (NumeroIdx n = 0; n < model.numeros.size(); ++n) {
        const Building &building = model.buildings[model.numeros[n].building];
        const Voie &voie = model.voies[model.numeros[n].voie];
        const std::vector<std::string> own = parcels_at(parcels, model, building.anchor);
        for (formats::PositionType type : types) {
            Position position{n, type, process_one(ctx.geos, type, building, voie), {}};
            position.cad_parcelles = cad_parcelles(parcels_at(parcels, model, position.xy), own);
            without_parcel += !model.parcels.empty() && position.cad_parcelles.empty() ? 1 : 0;
            model.positions.push_back(std::move(position));
        }
    }
    ctx.diagnostics.count("position", "positions",
                          static_cast<std::int64_t>(model.positions.size()));
    if (!model.parcels.empty()) {
        ctx.diagnostics.count("position", "positions_without_parcel", without_parcel);
    }
}

} // namespace adressage::pipeline
