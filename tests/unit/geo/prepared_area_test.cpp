// PreparedArea::contains answers most points from the cells of a grid that no edge meets (one
// GEOS test per group of such cells): every answer must be GEOS's own for that point, inside,
// outside, on an edge or a vertex, in a hole, in a second polygon, near the box's sides.
// PreparedArea::clip answers the lines that stay in such cells the same way: each must be
// clipped as GEOS clips it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "adressage/geo/geometry_ops.hpp"
#include "adressage/geo/linear_ref.hpp"
#include "geos_reference.hpp"
#include "random_rings.hpp"

using namespace adressage::geo;

namespace {

// Every point given, then again in another order (the groups learnt by then), against GEOS.
void expect_geos_answers(const MultiPolygon &area, const std::vector<XY> &points) {
    const std::vector<char> expected = reference::GeosReference().contains(area, points);
    GeosContext ctx;
    const PreparedArea prepared(ctx, area);
    std::vector<std::size_t> order(points.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 random(3);
    int inside = 0;
    for (int pass = 0; pass < 2; ++pass) {
        for (const std::size_t i : order) {
            ASSERT_NE(expected[i], 2);
            ASSERT_EQ(prepared.contains(points[i]), expected[i] == 1)
                << "pass " << pass << " at " << points[i].x << " " << points[i].y;
            inside += expected[i];
        }
        std::shuffle(order.begin(), order.end(), random);
    }
    EXPECT_GT(inside, 0);
    EXPECT_LT(inside, static_cast<int>(2 * points.size()));
}

// Uniform random points over `box` widened on each side by `share` of its width.
class PointsAround {
  public:
    PointsAround(const Box &box, double share)
        : margin_(share * (box.max_x - box.min_x)), x_(box.min_x - margin_, box.max_x + margin_),
          y_(box.min_y - margin_, box.max_y + margin_) {}
    XY operator()(std::mt19937_64 &random) { return {x_(random), y_(random)}; }

  private:
    double margin_;
    std::uniform_real_distribution<double> x_;
    std::uniform_real_distribution<double> y_;
};

// Random points over the box and a little beyond, each vertex, each edge's middle, and points
// a hair off each vertex.
std::vector<XY> probes(const MultiPolygon &area, int random_count) {
    const Box box = outer_box(area);
    std::mt19937_64 random(17);
    PointsAround around(box, 0.05);
    std::vector<XY> points;
    for (int i = 0; i < random_count; ++i) {
        points.push_back(around(random));
    }
    auto add_ring = [&](const Ring &ring) {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const XY a = ring[i];
            const XY b = ring[i + 1];
            points.push_back(a);
            points.push_back({(a.x + b.x) / 2.0, (a.y + b.y) / 2.0});
            points.push_back({std::nextafter(a.x, 0.0), a.y});
            points.push_back({a.x, std::nextafter(a.y, 1e9)});
        }
    };
    for (const Polygon &polygon : area) {
        add_ring(polygon.outer);
        for (const Ring &hole : polygon.holes) {
            add_ring(hole);
        }
    }
    points.push_back({box.min_x, box.min_y});
    points.push_back({box.max_x, box.max_y});
    return points;
}

// Road-like lines: a few steps of 5 to 300 m from random starts over the box and beyond, and
// lines along the area's own edges and through its vertices.
std::vector<Polyline> road_probes(const MultiPolygon &area, int random_count) {
    const Box box = outer_box(area);
    std::mt19937_64 random(29);
    PointsAround around(box, 0.1);
    std::uniform_real_distribution<double> step(5.0, 300.0);
    std::uniform_real_distribution<double> turn(-M_PI, M_PI);
    std::uniform_int_distribution<int> steps(1, 6);
    std::vector<Polyline> lines;
    for (int i = 0; i < random_count; ++i) {
        Polyline line{around(random)};
        double heading = turn(random);
        for (int s = steps(random); s > 0; --s) {
            const double d = step(random);
            line.push_back(
                {line.back().x + d * std::cos(heading), line.back().y + d * std::sin(heading)});
            heading += turn(random) / 4.0;
        }
        lines.push_back(std::move(line));
    }
    const Ring &outer = area.front().outer;
    for (std::size_t i = 0; i + 2 < outer.size(); i += 7) {
        lines.push_back({outer[i], outer[i + 1], outer[i + 2]}); // on edges
        lines.push_back({outer[i],
                         {(outer[i].x + box.min_x + box.max_x) / 2.0,    // from a vertex
                          (outer[i].y + box.min_y + box.max_y) / 2.0}}); // inwards
    }
    return lines;
}

void expect_geos_clips(const MultiPolygon &area, const std::vector<Polyline> &lines) {
    const auto expected = reference::GeosReference().against(area, lines);
    GeosContext ctx;
    const PreparedArea prepared(ctx, area);
    int covered = 0;
    int apart = 0;
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::vector<Polyline> pieces = prepared.clip(lines[i]);
            double inside_length = 0.0;
            for (const Polyline &piece : pieces) {
                inside_length += length(piece);
            }
            if (expected[i].covered) {
                ASSERT_EQ(pieces, std::vector<Polyline>{lines[i]}) << "line " << i;
                ++covered;
            } else if (!expected[i].meets) {
                ASSERT_TRUE(pieces.empty()) << "line " << i;
                ++apart;
            } else {
                ASSERT_NE(pieces, std::vector<Polyline>{lines[i]}) << "line " << i;
                ASSERT_NEAR(inside_length, expected[i].inside_length, 1e-6) << "line " << i;
            }
        }
    }
    // The lines cover every case.
    EXPECT_GT(covered, 0);
    EXPECT_GT(apart, 0);
    EXPECT_LT(covered + apart, static_cast<int>(2 * lines.size()));
}

} // namespace

TEST(PreparedArea, ClipIsGeosOnACommuneLikeArea) {
    std::mt19937_64 random(7);
    const XY centre{912345.0, 6712345.0};
    Polygon main{reference::star_ring(random, centre, 3000.0, 600, 0.67, true),
                 {reference::star_ring(random, centre, 400.0, 40, 0.67, true, true)}};
    const Polygon exclave{
        reference::star_ring(random, {centre.x + 4500.0, centre.y}, 500.0, 50, 0.67, true), {}};
    expect_geos_clips({main, exclave}, road_probes({main, exclave}, 3000));
    const MultiPolygon square{Polygon{{{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}, {0, 0}}, {}}};
    expect_geos_clips(square, road_probes(square, 1000));
}

TEST(PreparedArea, ContainsIsGeosOnACommuneLikeArea) {
    std::mt19937_64 random(5);
    for (const bool grid : {false, true}) {
        const XY centre{912345.0, 6712345.0};
        // A commune of 600 edges with an enclave (a hole) and an exclave (a second polygon).
        Polygon main{reference::star_ring(random, centre, 3000.0, 600, 0.67, grid),
                     {reference::star_ring(random, centre, 400.0, 40, 0.67, grid, true)}};
        const Polygon exclave{
            reference::star_ring(random, {centre.x + 4500.0, centre.y}, 500.0, 50, 0.67, grid), {}};
        expect_geos_answers({main, exclave}, probes({main, exclave}, 20000));
    }
}

TEST(PreparedArea, ContainsIsGeosWhenEdgesCrossManyCells) {
    // Long diagonal edges mark most cells: the answers come from GEOS point by point.
    const MultiPolygon triangle{Polygon{{{0, 0}, {1000, 0}, {0, 1000}, {0, 0}}, {}}};
    expect_geos_answers(triangle, probes(triangle, 2000));
    // Axis-parallel edges mark only the cells along them.
    const MultiPolygon square{Polygon{{{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}, {0, 0}}, {}}};
    expect_geos_answers(square, probes(square, 2000));
}
