// point_on_surface computes GEOS's InteriorPointArea itself: the same point as
// GEOSPointOnSurface, bit for bit, on star-shaped polygons (some vertices on the scan line,
// horizontal and vertical edges), with holes, and several polygons at once.
#include <geos_c.h>

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "adressage/geo/geometry_ops.hpp"

using namespace adressage::geo;

namespace {

class Geos {
  public:
    Geos() : handle_(GEOS_init_r()) {}
    ~Geos() { GEOS_finish_r(handle_); }
    Geos(const Geos &) = delete;
    Geos &operator=(const Geos &) = delete;

    XY point_on_surface(const MultiPolygon &polygons) {
        std::vector<GEOSGeometry *> parts;
        for (const Polygon &polygon : polygons) {
            std::vector<GEOSGeometry *> holes;
            for (const Ring &hole : polygon.holes) {
                holes.push_back(ring(hole));
            }
            parts.push_back(GEOSGeom_createPolygon_r(handle_, ring(polygon.outer), holes.data(),
                                                     static_cast<unsigned>(holes.size())));
        }
        GEOSGeometry *g = GEOSGeom_createCollection_r(handle_, GEOS_MULTIPOLYGON, parts.data(),
                                                      static_cast<unsigned>(parts.size()));
        GEOSGeometry *p = GEOSPointOnSurface_r(handle_, g);
        XY out;
        GEOSGeomGetX_r(handle_, p, &out.x);
        GEOSGeomGetY_r(handle_, p, &out.y);
        GEOSGeom_destroy_r(handle_, p);
        GEOSGeom_destroy_r(handle_, g);
        return out;
    }

  private:
    GEOSGeometry *ring(const Ring &r) {
        GEOSCoordSequence *seq = GEOSCoordSeq_create_r(handle_, static_cast<unsigned>(r.size()), 2);
        for (std::size_t i = 0; i < r.size(); ++i) {
            GEOSCoordSeq_setXY_r(handle_, seq, static_cast<unsigned>(i), r[i].x, r[i].y);
        }
        return GEOSGeom_createLinearRing_r(handle_, seq);
    }
    GEOSContextHandle_t handle_;
};

// A star-shaped ring around `centre`, counter-clockwise, on a 0.5 m grid half the time.
Ring star(std::mt19937_64 &random, XY centre, double radius, bool grid) {
    std::uniform_int_distribution<int> count(3, 12);
    std::uniform_real_distribution<double> unit(0.3, 1.0);
    const int n = count(random);
    Ring ring;
    for (int i = 0; i < n; ++i) {
        const double angle = 2.0 * M_PI * i / n;
        const double r = radius * unit(random);
        XY p{centre.x + r * std::cos(angle), centre.y + r * std::sin(angle)};
        if (grid) {
            p = {std::round(p.x * 2.0) / 2.0, std::round(p.y * 2.0) / 2.0};
        }
        ring.push_back(p);
    }
    ring.push_back(ring.front());
    return ring;
}

} // namespace

TEST(PointOnSurface, SameBitsAsGeos) {
    Geos geos;
    GeosContext ctx;
    std::mt19937_64 random(11);
    std::uniform_real_distribution<double> offset(-2000.0, 2000.0);
    std::uniform_int_distribution<int> parts(1, 3);
    for (int round = 0; round < 5000; ++round) {
        MultiPolygon polygons;
        const int n = parts(random);
        const bool grid = round % 2 == 0;
        for (int k = 0; k < n; ++k) {
            const XY centre{912345.0 + offset(random) + 100.0 * k, 6712345.0 + offset(random)};
            Polygon polygon{star(random, centre, 20.0, grid), {}};
            if (round % 3 == 0) { // a small square hole at the centre
                polygon.holes.push_back({{centre.x - 1, centre.y - 1},
                                         {centre.x - 1, centre.y + 1},
                                         {centre.x + 1, centre.y + 1},
                                         {centre.x + 1, centre.y - 1},
                                         {centre.x - 1, centre.y - 1}});
            }
            polygons.push_back(std::move(polygon));
        }
        const XY expected = geos.point_on_surface(polygons);
        const XY got = point_on_surface(ctx, polygons);
        ASSERT_EQ(got.x, expected.x) << "round " << round;
        ASSERT_EQ(got.y, expected.y) << "round " << round;
    }
}
