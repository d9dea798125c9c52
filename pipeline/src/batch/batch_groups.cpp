#include "batch/batch_groups.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <tuple>

#include "adressage/geo/legal_crs.hpp"

namespace adressage::pipeline {

namespace {

// The box of a commune's parts in the layer's CRS, and the source of its first part.
std::optional<std::pair<geo::Box, std::size_t>> raw_box(const BoundaryLayer &boundaries,
                                                        const std::string &insee) {
    const auto found = boundaries.by_insee.find(insee);
    if (found == boundaries.by_insee.end() || found->second.empty()) {
        return std::nullopt;
    }
    geo::Box box;
    for (const BoundaryLayer::Part &part : found->second) {
        box.extend(geo::outer_box(part.polygons));
    }
    if (box.empty()) {
        return std::nullopt;
    }
    return std::make_pair(box, found->second.front().source);
}

} // namespace

std::vector<std::vector<std::size_t>> group_neighbours(const BoundaryLayer &boundaries,
                                                       const std::vector<std::string> &communes) {
    std::vector<std::optional<std::pair<geo::Box, std::size_t>>> boxes;
    std::vector<double> extents;
    for (const std::string &insee : communes) {
        boxes.push_back(raw_box(boundaries, insee));
        if (const auto &b = boxes.back()) {
            extents.push_back(
                std::max(b->first.max_x - b->first.min_x, b->first.max_y - b->first.min_y));
        }
    }
    double side = 0;
    if (!extents.empty()) {
        std::nth_element(extents.begin(), extents.begin() + extents.size() / 2, extents.end());
        side = 4 * extents[extents.size() / 2];
    }

    using Key = std::tuple<std::string, std::size_t, std::int64_t, std::int64_t>;
    std::map<Key, std::vector<std::size_t>> tiles;
    std::vector<std::vector<std::size_t>> alone;
    for (std::size_t i = 0; i < communes.size(); ++i) {
        if (!boxes[i] || !(side > 0)) {
            alone.push_back({i});
            continue;
        }
        const geo::Box &b = boxes[i]->first;
        const double cx = (b.min_x + b.max_x) / 2;
        const double cy = (b.min_y + b.max_y) / 2;
        const Key key{geo::legal_crs_for_insee(communes[i]).definition(), boxes[i]->second,
                      static_cast<std::int64_t>(std::floor(cy / side)),
                      static_cast<std::int64_t>(std::floor(cx / side))};
        tiles[key].push_back(i);
    }
    std::vector<std::vector<std::size_t>> groups;
    for (auto &[key, members] : tiles) {
        groups.push_back(std::move(members));
    }
    for (auto &members : alone) {
        groups.push_back(std::move(members));
    }
    // Largest first, so that the workers end together (the last groups taken are the small
    // ones); tile order among groups of one size.
    std::stable_sort(groups.begin(), groups.end(),
                     [](const auto &a, const auto &b) { return a.size() > b.size(); });
    return groups;
}

} // namespace adressage::pipeline
