#pragma once
// Neighbouring communes of a batch, run one group after another by a worker so that the road
// and building layers are read once for the group's area rather than once per commune (a
// commune's bounding box overlaps its neighbours': read per commune, each building of a
// département is read about twice).
#include <cstddef>
#include <string>
#include <vector>

#include "batch/batch_layers.hpp"

namespace adressage::pipeline {

// Indexes into `communes`, grouped by square tiles of the boundaries layer's plane (its own
// CRS: the grouping only decides what is read together, never what a commune gets). A tile's
// side is four times the median extent of the communes' boxes, so about sixteen communes a
// tile whatever the layer's unit; communes of different legal CRS or boundary sources never
// share a group, and a commune without a boundary is alone. Groups come largest first (then in
// tile order), each group's communes in batch order.
std::vector<std::vector<std::size_t>> group_neighbours(const BoundaryLayer &boundaries,
                                                       const std::vector<std::string> &communes);

} // namespace adressage::pipeline
