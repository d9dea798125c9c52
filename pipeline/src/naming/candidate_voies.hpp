#pragma once
// Voies à nommer, first step: the commune's unnamed road pieces grouped as a person would name
// them. Pieces that share a vertex (within 0.5 m) are one candidate, except at a vertex of a
// named road: a named voie cuts them (V-03: one name, one continuous stretch; two lanes
// leaving the same crossroads are two voies). Each candidate gets an id from its geometry
// alone (its vertices, sorted), so that it stays the same when the run is repeated, the
// features are read in another order, or a road elsewhere changes. Footways, paths and steps
// (RoadSegment::access_only) are grouped among themselves, apart from the roads: the roads'
// candidates and ids are the same with or without them.
#include <cstddef>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace adressage::pipeline {

// The candidates of `roads` (unnamed: name ""; the named ones cut them), by id, their
// `buildings` empty.
std::vector<VoieANommer> candidate_voies(const std::vector<RoadSegment> &roads);

// The id of a candidate made of these lines (exposed for its test).
std::string candidate_id(const std::vector<const geo::Polyline *> &lines);

} // namespace adressage::pipeline
