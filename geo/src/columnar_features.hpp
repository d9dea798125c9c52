#pragma once
// Internal to geo/src: a layer's features read through GDAL's columnar interface (RFC 86, the
// Arrow C stream), which a GeoPackage serves several times faster than feature by feature: no
// OGRFeature is built, the columns come in batches and the geometries as WKB.
#include <cstddef>
#include <functional>
#include <vector>

#include "adressage/geo/vector_reader.hpp"

class OGRLayer;

namespace adressage::geo::detail {

// Calls `sink` for every feature of `layer` in the driver's order, with `record.fid` and
// `record.values` (the fields of `fields`, by index in the layer definition, "" when null) set
// as OGRFeature::GetFieldAsString gives them, and the WKB of its first geometry field (nullptr
// for a null geometry); the geometry members of `record` are left to the caller.
//
// Returns false, having read nothing, unless the driver has a fast stream
// (OLCFastGetArrowStream), no spatial filter is set (its order would be the driver's), the
// layer has a FID column and a geometry field, and every field of `fields` is a string or a
// plain 32- or 64-bit integer, whose text is the same both ways. The attribute filter and
// the ignored fields apply. Throws GdalError when the stream fails part way.
bool for_each_columnar(
    OGRLayer &layer, const std::vector<int> &fields,
    const std::function<void(FeatureRecord &, const unsigned char *wkb, std::size_t size)> &sink);

} // namespace adressage::geo::detail
