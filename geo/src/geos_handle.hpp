#pragma once
// Internal to geo/src: owning pointers for GEOS objects and conversions from plain values.
#include <geos_c.h>

#include <memory>
#include <vector>

#include "adressage/geo/geos_context.hpp"
#include "adressage/geo/xy.hpp"

namespace adressage::geo::detail {

struct GeomDeleter {
    GEOSContextHandle_t handle;
    void operator()(GEOSGeometry *g) const noexcept { GEOSGeom_destroy_r(handle, g); }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

inline GeomPtr own(GeosContext &ctx, GEOSGeometry *g, const char *operation) {
    return GeomPtr(ctx.check(g, operation), GeomDeleter{ctx.handle()});
}

GeomPtr make_point(GeosContext &ctx, XY p);
GeomPtr make_line(GeosContext &ctx, const Polyline &line);
GeomPtr make_multiline(GeosContext &ctx, const std::vector<Polyline> &lines);
GeomPtr make_multipolygon(GeosContext &ctx, const MultiPolygon &polygons);

// Lines and polygons out of any GEOS geometry (collections are walked; other parts ignored).
void collect_lines(GeosContext &ctx, const GEOSGeometry *g, std::vector<Polyline> &out);
void collect_polygons(GeosContext &ctx, const GEOSGeometry *g, MultiPolygon &out);

XY point_of(GeosContext &ctx, const GEOSGeometry *point);

} // namespace adressage::geo::detail
