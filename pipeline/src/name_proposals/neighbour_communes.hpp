#pragma once
// The neighbouring commune a voie à nommer leads to, for a « Route de <commune> » proposal
// (naming-and-council-documents.md, voie types: a road that leaves towards another locality).
// A voie leads out when one of its pieces' ends lies within `boundary_reach` of the commune's
// boundary; the commune is one whose box (BAN platform, about 100 m) holds a point
// `look_ahead` further along the road's last segment: of those, the one whose centre lies most
// in line with the road, and no more than `max_turn` off it.
// Coarse by design: the council reads the reason, and Monaco (not a French commune) is never
// proposed.
#include <optional>
#include <string>
#include <vector>

#include "adressage/formats/commune_centres.hpp"
#include "adressage/geo/nearest_line_index.hpp"
#include "adressage/geo/transformer.hpp"
#include "core/model.hpp"

namespace adressage::pipeline {

constexpr double boundary_reach = 50.0; // metres
constexpr double look_ahead = 300.0;    // metres
constexpr double max_turn = 1.2;        // radians (about 70°)

struct LeadsTo {
    std::string nom;         // the neighbouring commune's COG name
    double boundary_m = 0.0; // from the voie's end to the boundary: 0 where it was clipped
};

// The commune's outline (outer rings and holes) in pieces of a few segments, for distances.
geo::NearestLineIndex outline_index(geo::GeosContext &geos, const geo::MultiPolygon &boundary);

// `outline` from outline_index(); `to_lonlat` takes the model's legal CRS to WGS84. The roads
// were clipped to the boundary (clip stage): an end that left it lies on the outline.
std::optional<LeadsTo>
commune_led_to(const VoieANommer &voie, const std::vector<RoadSegment> &roads,
               const geo::NearestLineIndex &outline, const geo::Transformer &to_lonlat,
               const formats::CommuneCentres &centres, const std::string &own_insee);

// Per candidate, in order: all nullopt when the model has no boundary (the centres file is then
// not read). `centres_path`: datasets/cog-2026/communes-centres.csv.
std::vector<std::optional<LeadsTo>> communes_led_to(geo::GeosContext &geos,
                                                    const std::vector<VoieANommer> &candidates,
                                                    const CommuneModel &model,
                                                    const std::string &centres_path);

} // namespace adressage::pipeline
