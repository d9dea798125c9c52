#include "adressage/geo/geometry_ops.hpp"

#include <gtest/gtest.h>

#include <random>

#include "adressage/error.hpp"
#include "adressage/geo/linear_ref.hpp"
#include "random_rings.hpp"

using namespace adressage::geo;

namespace {
Polygon square(double x0, double y0, double size) {
    return Polygon{{{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}},
                   {}};
}
} // namespace

TEST(PointOnSurface, LiesInsideAConcavePolygon) {
    GeosContext ctx;
    // A U shape whose centroid (5, ~6) falls in the notch.
    const MultiPolygon u{Polygon{
        {{0, 0}, {10, 0}, {10, 10}, {8, 10}, {8, 2}, {2, 2}, {2, 10}, {0, 10}, {0, 0}}, {}}};
    const XY p = point_on_surface(ctx, u);
    const PreparedArea area(ctx, u);
    EXPECT_TRUE(area.contains(p));
    EXPECT_FALSE(area.contains(centroid(ctx, u)));
}

TEST(MakeValid, RepairsABowTie) {
    GeosContext ctx;
    const MultiPolygon bowtie{Polygon{{{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}}, {}}};
    EXPECT_FALSE(is_valid(ctx, bowtie));
    const MultiPolygon fixed = make_valid(ctx, bowtie);
    ASSERT_EQ(fixed.size(), 2u);
    EXPECT_TRUE(is_valid(ctx, fixed));
}

// A single ring is checked without GEOS when it is certainly simple; GEOS decides the rest.
// With a far square beside it the polygon goes to GEOS: both answers must agree, on rings with
// touches, straight vertices, spikes and repeated points (small integer grids) and without.
TEST(IsValid, QuickCheckAgreesWithGeos) {
    GeosContext ctx;
    const Polygon far = square(1e6, 1e6, 1);
    std::mt19937_64 random(7);
    std::uniform_int_distribution<int> grid(0, 4);
    std::uniform_real_distribution<double> coordinate(0.0, 30.0);
    std::uniform_int_distribution<int> vertices(3, 8);
    int valid = 0;
    int long_valid = 0;
    int long_invalid = 0;
    int convex_valid = 0;
    int round_twice_invalid = 0;
    for (int round = 0; round < 20000; ++round) {
        Ring ring;
        const int n = vertices(random);
        for (int i = 0; i < n; ++i) {
            if (round % 2 == 0) {
                ring.push_back(
                    {static_cast<double>(grid(random)), static_cast<double>(grid(random))});
            } else {
                ring.push_back({912345.0 + coordinate(random), 6712345.0 + coordinate(random)});
            }
        }
        ring.push_back(ring.front());
        if (round % 10 == 1) { // more segments than the quick check keeps on its stack
            ring = reference::star_ring(random, {912345.0, 6712345.0}, 30.0, 40, 0.5, false);
            if (round % 20 == 1) {
                std::swap(ring[3], ring[17]); // now crossing itself
            }
        }
        if (round % 10 == 3) { // convex, or every turn one way but going round twice
            const int corners = n + 2;
            const int step = round % 20 == 3 ? 1 : 2;
            ring = reference::star_ring(random, {912345.0, 6712345.0}, 30.0, corners, 1.0, false);
            if (step == 2 && corners % 2 == 1) { // a star polygon {corners/2}
                Ring star;
                for (int i = 0; i <= corners; ++i) {
                    star.push_back(ring[(i * step) % corners]);
                }
                ring = star;
            } else if (step == 2) { // the same convex ring twice over
                ring.pop_back();
                const Ring once = ring;
                ring.insert(ring.end(), once.begin(), once.end());
                ring.push_back(ring.front());
            }
        }
        const bool alone = is_valid(ctx, MultiPolygon{Polygon{ring, {}}});
        const bool with_far = is_valid(ctx, MultiPolygon{Polygon{ring, {}}, far});
        ASSERT_EQ(alone, with_far) << "round " << round;
        valid += alone ? 1 : 0;
        if (round % 10 == 1) {
            (alone ? long_valid : long_invalid) += 1;
        }
        if (round % 10 == 3) {
            (round % 20 == 3 ? convex_valid : round_twice_invalid) += alone == (round % 20 == 3);
        }
    }
    EXPECT_EQ(convex_valid, 1000);
    EXPECT_EQ(round_twice_invalid, 1000);
    EXPECT_GT(valid, 1000);
    EXPECT_GT(long_valid, 500);
    EXPECT_GT(long_invalid, 500);
}

TEST(UnionAll, MergesOverlappingCopies) {
    GeosContext ctx;
    // Cadastre sheets each carry the same commune polygon: the union is that polygon.
    const MultiPolygon a{square(0, 0, 10)};
    const MultiPolygon u = union_all(ctx, {a, a, MultiPolygon{square(10, 0, 10)}});
    ASSERT_EQ(u.size(), 1u);
    const PreparedArea area(ctx, u);
    EXPECT_TRUE(area.contains({15, 5}));
    EXPECT_TRUE(area.contains({5, 5}));
    EXPECT_FALSE(area.contains({25, 5}));
}

TEST(LineMerge, SewsTouchingLinesWhateverTheirDirection) {
    GeosContext ctx;
    const std::vector<Polyline> lines{{{10, 0}, {20, 0}}, {{10, 0}, {0, 0}}, {{50, 0}, {60, 0}}};
    const auto merged = line_merge(ctx, lines);
    ASSERT_EQ(merged.size(), 2u);
    EXPECT_DOUBLE_EQ(length(merged[0]), 20.0); // longest first
    EXPECT_DOUBLE_EQ(length(merged[1]), 10.0);
}

TEST(Distance, BetweenPolylines) {
    GeosContext ctx;
    EXPECT_DOUBLE_EQ(distance(ctx, {{0, 0}, {10, 0}}, {{0, 5}, {10, 5}}), 5.0);
    EXPECT_DOUBLE_EQ(distance(ctx, {{0, 0}, {10, 0}}, {{5, -5}, {5, 5}}), 0.0);
}

// The box gap and the ends settle most pairs; every answer must be GEOS's distance compared
// with the limit, for lines far apart, near, crossing, sharing an end, and exactly at the limit.
TEST(WithinDistance, AgreesWithGeosDistance) {
    GeosContext ctx;
    std::mt19937_64 random(11);
    std::uniform_real_distribution<double> coordinate(0.0, 2000.0);
    std::uniform_real_distribution<double> step(-200.0, 200.0);
    std::uniform_int_distribution<int> vertices(2, 5);
    const auto line = [&](XY start) {
        Polyline l{start};
        for (int i = vertices(random); i > 1; --i) {
            l.push_back({l.back().x + step(random), l.back().y + step(random)});
        }
        return l;
    };
    int within = 0;
    int beyond = 0;
    for (int round = 0; round < 5000; ++round) {
        const Polyline a = line({912000.0 + coordinate(random), 6712000.0 + coordinate(random)});
        Polyline b = line({912000.0 + coordinate(random), 6712000.0 + coordinate(random)});
        if (round % 4 == 1) {
            b.front() = a.back(); // sharing an end
        }
        const double d = distance(ctx, a, b);
        for (const double limit : {300.0, d, std::nextafter(d, 0.0), 0.0}) {
            const bool expected = d <= limit;
            ASSERT_EQ(within_distance(ctx, a, b, limit), expected)
                << "round " << round << " limit " << limit;
            (expected ? within : beyond) += 1;
        }
    }
    EXPECT_GT(within, 5000);
    EXPECT_GT(beyond, 5000);
    // Parallel lines exactly 10 m apart, boxes 10 m apart: at the limit, and just under it.
    EXPECT_TRUE(within_distance(ctx, {{0, 0}, {100, 0}}, {{0, 10}, {100, 10}}, 10.0));
    EXPECT_FALSE(within_distance(ctx, {{0, 0}, {100, 0}}, {{0, 10}, {100, 10}}, 9.999));
}

TEST(PreparedArea, ClipKeepsThePartsInside) {
    GeosContext ctx;
    const PreparedArea area(ctx, MultiPolygon{square(0, 0, 10)});
    const auto inside = area.clip({{-5, 5}, {15, 5}});
    ASSERT_EQ(inside.size(), 1u);
    EXPECT_DOUBLE_EQ(length(inside[0]), 10.0);
    EXPECT_TRUE(area.clip({{20, 20}, {30, 30}}).empty());
    const auto whole = area.clip({{1, 1}, {2, 2}});
    ASSERT_EQ(whole.size(), 1u);
    EXPECT_EQ(whole[0], (Polyline{{1, 1}, {2, 2}}));
}

TEST(GeosErrors, BecomeExceptions) {
    GeosContext ctx;
    // A ring that is not closed cannot be built: GEOS reports, the wrapper throws.
    const MultiPolygon open{Polygon{{{0, 0}, {1, 0}, {1, 1}, {0, 1}}, {}}};
    EXPECT_THROW(point_on_surface(ctx, open), adressage::GeosError);
}
