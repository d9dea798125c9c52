#pragma once
// For the geo tests: answers computed by GEOS itself, through its C API, on geometries built
// here, to compare with what geo/ computes its own way.
#include <geos_c.h>

#include <vector>

#include "adressage/geo/xy.hpp"

namespace adressage::geo::reference {

class GeosReference {
  public:
    GeosReference() : handle_(GEOS_init_r()) {}
    ~GeosReference() { GEOS_finish_r(handle_); }
    GeosReference(const GeosReference &) = delete;
    GeosReference &operator=(const GeosReference &) = delete;

    XY point_on_surface(const MultiPolygon &polygons) {
        GEOSGeometry *g = multipolygon(polygons);
        GEOSGeometry *p = GEOSPointOnSurface_r(handle_, g);
        XY out;
        GEOSGeomGetX_r(handle_, p, &out.x);
        GEOSGeomGetY_r(handle_, p, &out.y);
        GEOSGeom_destroy_r(handle_, p);
        GEOSGeom_destroy_r(handle_, g);
        return out;
    }

    // GEOS's prepared contains, point by point: 1, 0, or 2 on an error.
    std::vector<char> contains(const MultiPolygon &polygons, const std::vector<XY> &points) {
        GEOSGeometry *g = multipolygon(polygons);
        const GEOSPreparedGeometry *prepared = GEOSPrepare_r(handle_, g);
        std::vector<char> out;
        for (const XY &p : points) {
            GEOSGeometry *point = GEOSGeom_createPointFromXY_r(handle_, p.x, p.y);
            out.push_back(GEOSPreparedContains_r(handle_, prepared, point));
            GEOSGeom_destroy_r(handle_, point);
        }
        GEOSPreparedGeom_destroy_r(handle_, prepared);
        GEOSGeom_destroy_r(handle_, g);
        return out;
    }

    // GEOSDistance from each point to the polygons' boundary (outer rings and holes).
    std::vector<double> outline_distances(const MultiPolygon &polygons,
                                          const std::vector<XY> &points) {
        GEOSGeometry *g = multipolygon(polygons);
        GEOSGeometry *outline = GEOSBoundary_r(handle_, g);
        std::vector<double> out;
        for (const XY &p : points) {
            GEOSGeometry *point = GEOSGeom_createPointFromXY_r(handle_, p.x, p.y);
            double d = -1.0;
            GEOSDistance_r(handle_, outline, point, &d);
            out.push_back(d);
            GEOSGeom_destroy_r(handle_, point);
        }
        GEOSGeom_destroy_r(handle_, outline);
        GEOSGeom_destroy_r(handle_, g);
        return out;
    }

    // What GEOS says of `line` against the area: covered, met at all, and the length of the
    // part inside.
    struct LineAgainstArea {
        bool covered = false;
        bool meets = false;
        double inside_length = 0.0;
    };
    std::vector<LineAgainstArea> against(const MultiPolygon &polygons,
                                         const std::vector<Polyline> &lines) {
        GEOSGeometry *g = multipolygon(polygons);
        std::vector<LineAgainstArea> out;
        for (const Polyline &line : lines) {
            GEOSGeometry *l = GEOSGeom_createLineString_r(handle_, sequence(line));
            LineAgainstArea a;
            a.covered = GEOSCovers_r(handle_, g, l) == 1;
            a.meets = GEOSIntersects_r(handle_, g, l) == 1;
            GEOSGeometry *inside = GEOSIntersection_r(handle_, g, l);
            GEOSLength_r(handle_, inside, &a.inside_length);
            GEOSGeom_destroy_r(handle_, inside);
            GEOSGeom_destroy_r(handle_, l);
            out.push_back(a);
        }
        GEOSGeom_destroy_r(handle_, g);
        return out;
    }

  private:
    GEOSGeometry *multipolygon(const MultiPolygon &polygons) {
        std::vector<GEOSGeometry *> parts;
        for (const Polygon &polygon : polygons) {
            std::vector<GEOSGeometry *> holes;
            for (const Ring &hole : polygon.holes) {
                holes.push_back(ring(hole));
            }
            parts.push_back(GEOSGeom_createPolygon_r(handle_, ring(polygon.outer), holes.data(),
                                                     static_cast<unsigned>(holes.size())));
        }
        return GEOSGeom_createCollection_r(handle_, GEOS_MULTIPOLYGON, parts.data(),
                                           static_cast<unsigned>(parts.size()));
    }
    GEOSCoordSequence *sequence(const std::vector<XY> &points) {
        GEOSCoordSequence *seq =
            GEOSCoordSeq_create_r(handle_, static_cast<unsigned>(points.size()), 2);
        for (std::size_t i = 0; i < points.size(); ++i) {
            GEOSCoordSeq_setXY_r(handle_, seq, static_cast<unsigned>(i), points[i].x, points[i].y);
        }
        return seq;
    }
    GEOSGeometry *ring(const Ring &r) { return GEOSGeom_createLinearRing_r(handle_, sequence(r)); }
    GEOSContextHandle_t handle_;
};

} // namespace adressage::geo::reference
