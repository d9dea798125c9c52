#include "adressage/geo/nearest_line_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>

#include <geos_c.h>

#include "adressage/geo/point_line_distance.hpp"

using namespace adressage::geo;

TEST(NearestLineIndex, FindsTheNearestWithinTheMaximum) {
    GeosContext ctx;
    const std::vector<Polyline> lines{
        {{0, 0}, {100, 0}}, {{0, 50}, {100, 50}}, {{0, 200}, {100, 200}}};
    const NearestLineIndex index(ctx, lines);
    auto hit = index.nearest({50, 40}, 100);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->index, 1u);
    EXPECT_DOUBLE_EQ(hit->distance, 10.0);
    hit = index.nearest({50, 180}, 100);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->index, 2u);
    EXPECT_FALSE(index.nearest({50, 400}, 100));
}

TEST(NearestLineIndex, TiesGoToTheLowestIndex) {
    GeosContext ctx;
    std::vector<Polyline> lines;
    // Many equidistant lines around the query point, inserted in an arbitrary order.
    for (int i = 0; i < 40; ++i) {
        const double y = (i % 2 == 0) ? 10.0 : -10.0;
        lines.push_back({{-5.0 - i, y}, {5.0 + i, y}});
    }
    const NearestLineIndex index(ctx, lines);
    const auto hit = index.nearest({0, 0}, 50);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->index, 0u);
    EXPECT_DOUBLE_EQ(hit->distance, 10.0);
}

TEST(NearestLineIndex, EmptyIndexFindsNothing) {
    GeosContext ctx;
    const NearestLineIndex index(ctx, {});
    EXPECT_FALSE(index.nearest({0, 0}, 1e9));
}

namespace {

// 300 random lines in a 3 km square of Lambert-93: line l has 1 + l % `segment_cycle` segments
// of up to 80 m each way, `stretch` times as long in x for every `stretch_every`-th line.
std::vector<Polyline> random_lines(std::mt19937_64 &random, int segment_cycle, int stretch_every,
                                   double stretch) {
    std::uniform_real_distribution<double> coordinate(0.0, 3000.0);
    std::uniform_real_distribution<double> step(-80.0, 80.0);
    std::vector<Polyline> lines;
    for (int l = 0; l < 300; ++l) {
        Polyline line{{912000.0 + coordinate(random), 6712000.0 + coordinate(random)}};
        for (int k = 0; k < 1 + l % segment_cycle; ++k) {
            line.push_back({line.back().x + step(random) * (l % stretch_every == 0 ? stretch : 1),
                            line.back().y + step(random)});
        }
        lines.push_back(line);
    }
    return lines;
}

} // namespace

// nearest_outside() against a brute force: the nearest line (lowest index on ties) of a group
// other than the excluded one, lines in groups of five neighbours by index, some lines repeated
// in another group so that exact ties occur.
TEST(NearestLineIndex, NearestOutsideFindsWhatABruteForceFinds) {
    GeosContext ctx;
    std::mt19937_64 random(5);
    std::uniform_real_distribution<double> coordinate(0.0, 3000.0);
    std::vector<Polyline> lines = random_lines(random, 7, 5, 10);
    for (std::size_t l = 0; l < 300; l += 7) {
        lines.push_back(lines[l]);
    }
    std::vector<std::uint32_t> groups;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        groups.push_back(static_cast<std::uint32_t>(i / 5));
    }
    const NearestLineIndex index(ctx, lines);
    int found = 0;
    int excluded_nearest = 0;
    for (int q = 0; q < 600; ++q) {
        const XY p{912000.0 + coordinate(random), 6712000.0 + coordinate(random)};
        const double reach = q % 3 == 0 ? 150.0 : q % 3 == 1 ? 40.0 : 0.0;
        // The group of the nearest line, excluded every other query.
        std::optional<NearestLineIndex::Hit> nearest;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const double d = point_line_distance(p, lines[i]);
            if (!nearest || d < nearest->distance) {
                nearest = NearestLineIndex::Hit{i, d};
            }
        }
        const std::uint32_t excluded = q % 2 == 0 ? groups[nearest->index] : 9999;
        std::optional<NearestLineIndex::Hit> expected;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const double d = point_line_distance(p, lines[i]);
            if (groups[i] != excluded && d <= reach && (!expected || d < expected->distance)) {
                expected = NearestLineIndex::Hit{i, d};
            }
        }
        const auto hit = index.nearest_outside(p, reach, groups, excluded);
        ASSERT_EQ(hit.has_value(), expected.has_value()) << q;
        if (hit) {
            EXPECT_EQ(hit->index, expected->index) << q;
            EXPECT_EQ(hit->distance, expected->distance) << q;
            ++found;
            excluded_nearest += excluded != 9999 && nearest->distance <= reach ? 1 : 0;
        }
    }
    EXPECT_GT(found, 200);
    EXPECT_GT(excluded_nearest, 50); // the nearest line was left out and another one found
}

// within() against every line measured, on many random lines (the grid only narrows the search).
TEST(NearestLineIndex, WithinFindsWhatABruteForceFinds) {
    GeosContext ctx;
    std::mt19937_64 random(3);
    std::uniform_real_distribution<double> coordinate(0.0, 3000.0);
    const std::vector<Polyline> lines = random_lines(random, 7, 5, 10);
    const NearestLineIndex index(ctx, lines);
    for (int q = 0; q < 500; ++q) {
        const XY p{912000.0 + coordinate(random), 6712000.0 + coordinate(random)};
        const double reach = q % 2 == 0 ? 150.0 : 20.0;
        std::vector<NearestLineIndex::Hit> expected;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const double d = point_line_distance(p, lines[i]);
            if (d <= reach) {
                expected.push_back({i, d});
            }
        }
        std::sort(expected.begin(), expected.end(), [](const auto &a, const auto &b) {
            return a.distance != b.distance ? a.distance < b.distance : a.index < b.index;
        });
        const auto hits = index.within(p, reach);
        ASSERT_EQ(hits.size(), expected.size());
        for (std::size_t k = 0; k < hits.size(); ++k) {
            EXPECT_EQ(hits[k].index, expected[k].index);
            EXPECT_EQ(hits[k].distance, expected[k].distance);
        }
    }
}

// crossing() against GEOS itself (GEOSIntersects of each whole line with the segment), on many
// random lines: the grid visits only the segments near a→b, never fewer lines than GEOS finds.
TEST(NearestLineIndex, CrossingFindsWhatGeosFinds) {
    GeosContext ctx;
    GEOSContextHandle_t h = ctx.handle();
    auto line_string = [h](const Polyline &points) {
        GEOSCoordSequence *seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(points.size()), 2);
        for (std::size_t i = 0; i < points.size(); ++i) {
            GEOSCoordSeq_setXY_r(h, seq, static_cast<unsigned>(i), points[i].x, points[i].y);
        }
        return GEOSGeom_createLineString_r(h, seq);
    };
    std::mt19937_64 random(5);
    std::uniform_real_distribution<double> coordinate(0.0, 3000.0);
    std::uniform_real_distribution<double> step(-80.0, 80.0);
    const std::vector<Polyline> lines = random_lines(random, 9, 4, 8);
    std::vector<GEOSGeometry *> geometries;
    for (const Polyline &line : lines) {
        geometries.push_back(line_string(line));
    }
    const NearestLineIndex index(ctx, lines);
    std::size_t crossings = 0;
    for (int q = 0; q < 500; ++q) {
        const XY a{912000.0 + coordinate(random), 6712000.0 + coordinate(random)};
        const XY b{a.x + step(random) * (q % 3 == 0 ? 6 : 1), a.y + step(random)};
        GEOSGeometry *segment = line_string({a, b});
        std::vector<std::size_t> expected;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (GEOSIntersects_r(h, geometries[i], segment) == 1) {
                expected.push_back(i);
            }
        }
        GEOSGeom_destroy_r(h, segment);
        EXPECT_EQ(index.crossing(a, b), expected) << "query " << q;
        crossings += expected.size();
    }
    EXPECT_GT(crossings, 100u); // the queries do cross lines
    for (GEOSGeometry *g : geometries) {
        GEOSGeom_destroy_r(h, g);
    }
}
