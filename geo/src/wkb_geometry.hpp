#pragma once
// Internal to geo/src: the WKB of the common geometries (line strings, polygons and their
// multi forms, 2D or with Z and M) read straight into a FeatureRecord, as the OGR geometry
// built from the same WKB would be read, without building it: the columnar reading of a layer
// of a million footprints spends most of its time there otherwise.
#include <cstddef>

#include "adressage/geo/vector_reader.hpp"

namespace adressage::geo::detail {

// Sets the geometry members and skip reason of `record` from `wkb` (little-endian, ISO type
// codes) for `wanted`, as reading the OGR geometry of the same WKB sets them. Returns false,
// leaving `record` as it was, for anything else: points, curves, collections, big-endian or
// malformed WKB, which the caller reads through OGR.
bool read_common_wkb(const unsigned char *wkb, std::size_t size, GeometryKind wanted,
                     FeatureRecord &record);

} // namespace adressage::geo::detail
