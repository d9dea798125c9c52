#include <algorithm>
#include <iterator>
#include <limits>
#include <optional>

#include "adressage/geo/geometry_ops.hpp"
#include "adressage/geo/linear_ref.hpp"
#include "adressage/geo/polygon_index.hpp"
#include "stages/stages.hpp"

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

// The point of `area`'s rings nearest `to` on the segment from → to where it crosses them, if
// any.
std::optional<geo::XY> last_crossing(const geo::MultiPolygon &area, geo::XY from, geo::XY to) {
    const double dx = to.x - from.x;
    const double dy = to.y - from.y;
    std::optional<double> best;
    auto ring_crossings = [&](const geo::Ring &ring) {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const geo::XY p = ring[i];
            const double ex = ring[i + 1].x - p.x;
            const double ey = ring[i + 1].y - p.y;
            const double den = dx * ey - dy * ex;
            if (den == 0.0) {
                continue; // parallel: the neighbouring edges give the crossing
            }
            const double t = ((p.x - from.x) * ey - (p.y - from.y) * ex) / den;
            const double u = ((p.x - from.x) * dy - (p.y - from.y) * dx) / den;
            if (t >= 0.0 && t <= 1.0 && u >= 0.0 && u <= 1.0 && (!best || t > *best)) {
                best = t;
            }
        }
    };
    for (const geo::Polygon &polygon : area) {
        ring_crossings(polygon.outer);
        for (const geo::Ring &hole : polygon.holes) {
            ring_crossings(hole);
        }
    }
    if (!best) {
        return std::nullopt;
    }
    return geo::XY{from.x + dx * *best, from.y + dy * *best};
}

} // namespace

geo::XY PositionStage::process_one(geo::GeosContext &geos, formats::PositionType type,
                                   const Building &building, const Voie &voie) {
    switch (type) {
    case formats::PositionType::entree: {
        // Where the building's line of sight to its voie (anchor → its foot on the voie) leaves
        // the outline for the last time. The point of the outline nearest to the whole voie
        // was taken before: at a bend, past a voie end or on a deep building it lies on another
        // stretch, across the axis or tens of metres further along (the geometric checks found
        // entrances on the wrong side and out of order on Bondy 93010). A point between the
        // anchor and its foot has that same foot, so the entrance keeps the anchor's side and
        // distance along the voie, which are what the numbering used.
        const geo::XY foot = process_one(geos, formats::PositionType::segment, building, voie);
        if (const auto exit = last_crossing(building.footprint, building.anchor, foot)) {
            return *exit;
        }
        // The foot inside the footprint (the building covers its voie): no wall faces the voie,
        // and any outline point may lie across it; the anchor keeps the side.
        return building.anchor;
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
    const std::vector<formats::PositionType> &types = ctx.options.positions;
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
