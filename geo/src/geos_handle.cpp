#include "geos_handle.hpp"

#include "adressage/error.hpp"

namespace adressage::geo::detail {

namespace {

GEOSCoordSequence *make_sequence(GeosContext &ctx, const std::vector<XY> &points) {
    static_assert(sizeof(XY) == 2 * sizeof(double));
    return ctx.check(GEOSCoordSeq_copyFromBuffer_r(ctx.handle(),
                                                   reinterpret_cast<const double *>(points.data()),
                                                   static_cast<unsigned>(points.size()), 0, 0),
                     "CoordSeq_copyFromBuffer");
}

GEOSGeometry *make_ring(GeosContext &ctx, const Ring &ring) {
    return ctx.check(GEOSGeom_createLinearRing_r(ctx.handle(), make_sequence(ctx, ring)),
                     "createLinearRing");
}

GEOSGeometry *make_polygon_raw(GeosContext &ctx, const Polygon &polygon) {
    GEOSGeometry *shell = make_ring(ctx, polygon.outer);
    std::vector<GEOSGeometry *> holes;
    holes.reserve(polygon.holes.size());
    for (const Ring &hole : polygon.holes) {
        holes.push_back(make_ring(ctx, hole));
    }
    return ctx.check(GEOSGeom_createPolygon_r(ctx.handle(), shell, holes.data(),
                                              static_cast<unsigned>(holes.size())),
                     "createPolygon");
}

std::vector<XY> read_sequence(GeosContext &ctx, const GEOSCoordSequence *seq) {
    unsigned size = 0;
    if (GEOSCoordSeq_getSize_r(ctx.handle(), seq, &size) == 0) {
        ctx.raise("CoordSeq_getSize");
    }
    std::vector<XY> points(size);
    if (size > 0 && GEOSCoordSeq_copyToBuffer_r(
                        ctx.handle(), seq, reinterpret_cast<double *>(points.data()), 0, 0) == 0) {
        ctx.raise("CoordSeq_copyToBuffer");
    }
    return points;
}

std::vector<XY> read_coords(GeosContext &ctx, const GEOSGeometry *g) {
    return read_sequence(ctx, ctx.check(GEOSGeom_getCoordSeq_r(ctx.handle(), g), "getCoordSeq"));
}

} // namespace

GeomPtr make_point(GeosContext &ctx, XY p) {
    return own(ctx, GEOSGeom_createPointFromXY_r(ctx.handle(), p.x, p.y), "createPoint");
}

GeomPtr make_line(GeosContext &ctx, const Polyline &line) {
    return own(ctx, GEOSGeom_createLineString_r(ctx.handle(), make_sequence(ctx, line)),
               "createLineString");
}

GeomPtr make_multiline(GeosContext &ctx, const std::vector<Polyline> &lines) {
    std::vector<GEOSGeometry *> parts;
    parts.reserve(lines.size());
    for (const Polyline &line : lines) {
        parts.push_back(make_line(ctx, line).release());
    }
    return own(ctx,
               GEOSGeom_createCollection_r(ctx.handle(), GEOS_MULTILINESTRING, parts.data(),
                                           static_cast<unsigned>(parts.size())),
               "createCollection");
}

GeomPtr make_multipolygon(GeosContext &ctx, const MultiPolygon &polygons) {
    std::vector<GEOSGeometry *> parts;
    parts.reserve(polygons.size());
    for (const Polygon &polygon : polygons) {
        parts.push_back(make_polygon_raw(ctx, polygon));
    }
    return own(ctx,
               GEOSGeom_createCollection_r(ctx.handle(), GEOS_MULTIPOLYGON, parts.data(),
                                           static_cast<unsigned>(parts.size())),
               "createCollection");
}

void collect_lines(GeosContext &ctx, const GEOSGeometry *g, std::vector<Polyline> &out) {
    const int type = GEOSGeomTypeId_r(ctx.handle(), g);
    if (type == GEOS_LINESTRING || type == GEOS_LINEARRING) {
        if (GEOSisEmpty_r(ctx.handle(), g) == 0) {
            out.push_back(read_coords(ctx, g));
        }
    } else if (type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(ctx.handle(), g);
        for (int i = 0; i < n; ++i) {
            collect_lines(ctx, GEOSGetGeometryN_r(ctx.handle(), g, i), out);
        }
    }
}

void collect_polygons(GeosContext &ctx, const GEOSGeometry *g, MultiPolygon &out) {
    const int type = GEOSGeomTypeId_r(ctx.handle(), g);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(ctx.handle(), g) != 0) {
            return;
        }
        Polygon polygon;
        polygon.outer =
            read_coords(ctx, ctx.check(GEOSGetExteriorRing_r(ctx.handle(), g), "getExteriorRing"));
        const int holes = GEOSGetNumInteriorRings_r(ctx.handle(), g);
        for (int i = 0; i < holes; ++i) {
            polygon.holes.push_back(read_coords(
                ctx, ctx.check(GEOSGetInteriorRingN_r(ctx.handle(), g, i), "getInteriorRingN")));
        }
        out.push_back(std::move(polygon));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(ctx.handle(), g);
        for (int i = 0; i < n; ++i) {
            collect_polygons(ctx, GEOSGetGeometryN_r(ctx.handle(), g, i), out);
        }
    }
}

XY point_of(GeosContext &ctx, const GEOSGeometry *point) {
    XY p;
    if (GEOSGeomGetX_r(ctx.handle(), point, &p.x) == 0 ||
        GEOSGeomGetY_r(ctx.handle(), point, &p.y) == 0) {
        ctx.raise("GeomGetXY");
    }
    return p;
}

} // namespace adressage::geo::detail
