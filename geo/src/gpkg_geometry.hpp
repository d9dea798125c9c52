#pragma once
// Internal to geo/src: a feature's geometry as a GeoPackage geometry blob (GeoPackage 1.2,
// "GeoPackageBinary": the "GP" header, the srs_id, an xy envelope except for a point, then the
// ISO WKB), little-endian, as GDAL's GPKG driver writes it.
#include <string>

#include "adressage/geo/geopackage_writer.hpp"

namespace adressage::geo::detail {

// Appends the blob of `feature`'s geometry for a layer of `geometry` to `out` and extends
// `extent` with it. Returns false, appending nothing, when the feature has no geometry (no
// point, an empty collection): the column is then NULL.
bool append_gpkg_geometry(std::string &out, LayerGeometry geometry, const OutputFeature &feature,
                          int srs_id, Box &extent);

} // namespace adressage::geo::detail
