#include "name_proposals/neighbour_communes.hpp"

#include <array>
#include <cmath>

#include "adressage/geo/thread_transformer.hpp"

namespace adressage::pipeline {

namespace {

struct End {
    geo::XY at;
    geo::XY before; // the vertex before it along the piece
};

constexpr std::size_t outline_piece = 16; // segments: small boxes for the STRtree

void add_ring(const geo::Ring &ring, std::vector<geo::Polyline> &pieces) {
    for (std::size_t start = 0; start + 1 < ring.size(); start += outline_piece) {
        const std::size_t end = std::min(start + outline_piece, ring.size() - 1);
        pieces.emplace_back(ring.begin() + static_cast<std::ptrdiff_t>(start),
                            ring.begin() + static_cast<std::ptrdiff_t>(end) + 1);
    }
}

} // namespace

geo::NearestLineIndex outline_index(geo::GeosContext &geos, const geo::MultiPolygon &boundary) {
    std::vector<geo::Polyline> pieces;
    for (const geo::Polygon &polygon : boundary) {
        add_ring(polygon.outer, pieces);
        for (const geo::Ring &hole : polygon.holes) {
            add_ring(hole, pieces);
        }
    }
    return geo::NearestLineIndex(geos, std::move(pieces));
}

std::optional<LeadsTo>
commune_led_to(const VoieANommer &voie, const std::vector<RoadSegment> &roads,
               const geo::NearestLineIndex &outline, const geo::Transformer &to_lonlat,
               const formats::CommuneCentres &centres, const std::string &own_insee) {
    // The end nearest the outline; ties keep the first piece's (pieces are in ascending order).
    std::optional<End> best;
    double best_d = boundary_reach;
    for (const std::size_t r : voie.roads) {
        const geo::Polyline &line = roads[r].line;
        if (line.size() < 2) {
            continue;
        }
        const std::array<End, 2> ends = {End{line.front(), line[1]},
                                         End{line.back(), line[line.size() - 2]}};
        for (const End &end : ends) {
            // within(): point_line_distance; nearest() pays GEOS's distance callback.
            const auto hits = outline.within(end.at, boundary_reach);
            if (!hits.empty() && (best ? hits[0].distance < best_d : hits[0].distance <= best_d)) {
                best_d = hits[0].distance;
                best = end;
            }
        }
    }
    if (!best) {
        return std::nullopt;
    }
    const double dx = best->at.x - best->before.x;
    const double dy = best->at.y - best->before.y;
    const double norm = std::hypot(dx, dy);
    if (norm == 0.0) {
        return std::nullopt;
    }
    std::array<geo::XY, 2> lonlat = {best->at, geo::XY{best->at.x + look_ahead * dx / norm,
                                                       best->at.y + look_ahead * dy / norm}};
    to_lonlat.forward(lonlat);
    // Of the boxes that hold the point ahead, the centre most in line with the road: a box
    // is a coarse outline, and a small commune's centre can be nearer than the big one's the
    // road enters.
    const double cos_lat = std::cos(lonlat[0].y * M_PI / 180.0);
    const double heading =
        std::atan2(lonlat[1].y - lonlat[0].y, (lonlat[1].x - lonlat[0].x) * cos_lat);
    const formats::CommuneCentre *c = nullptr;
    double best_turn = max_turn;
    for (const formats::CommuneCentre *candidate : centres.holding(lonlat[1], own_insee)) {
        const double bearing = std::atan2(candidate->centre.y - lonlat[0].y,
                                          (candidate->centre.x - lonlat[0].x) * cos_lat);
        const double turn = std::abs(std::remainder(bearing - heading, 2.0 * M_PI));
        if (turn < best_turn) {
            best_turn = turn;
            c = candidate;
        }
    }
    if (c == nullptr) {
        return std::nullopt;
    }
    return LeadsTo{c->nom, best_d};
}

std::vector<std::optional<LeadsTo>> communes_led_to(geo::GeosContext &geos,
                                                    const std::vector<VoieANommer> &candidates,
                                                    const CommuneModel &model,
                                                    const std::string &centres_path) {
    std::vector<std::optional<LeadsTo>> out(candidates.size());
    if (!model.boundary || candidates.empty()) {
        return out;
    }
    const auto &centres = formats::CommuneCentres::shared(centres_path);
    const geo::Transformer &to_lonlat =
        geo::thread_transformer(model.crs.definition(), "EPSG:4326");
    const geo::NearestLineIndex outline = outline_index(geos, *model.boundary);
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        out[c] =
            commune_led_to(candidates[c], model.roads, outline, to_lonlat, centres, model.insee);
    }
    return out;
}

} // namespace adressage::pipeline
