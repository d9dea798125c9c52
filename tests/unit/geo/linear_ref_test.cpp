#include "adressage/geo/linear_ref.hpp"
#include "adressage/geo/point_line_distance.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <random>

using namespace adressage::geo;

TEST(SideOfSegment, LeftRightOn) {
    EXPECT_EQ(side_of_segment({0, 0}, {10, 0}, {5, 1}), Side::left);
    EXPECT_EQ(side_of_segment({0, 0}, {10, 0}, {5, -1}), Side::right);
    EXPECT_EQ(side_of_segment({0, 0}, {10, 0}, {20, 0}), Side::on);
    // Reversing the segment swaps the sides.
    EXPECT_EQ(side_of_segment({10, 0}, {0, 0}, {5, 1}), Side::right);
}

TEST(Length, SumsSegments) {
    EXPECT_DOUBLE_EQ(length({{0, 0}, {3, 4}, {3, 10}}), 11.0);
    EXPECT_DOUBLE_EQ(length({{1, 1}}), 0.0);
}

TEST(Locate, StraightLine) {
    const Polyline line{{0, 0}, {100, 0}};
    const LinePosition left = locate(line, {30, 8});
    EXPECT_DOUBLE_EQ(left.along, 30.0);
    EXPECT_DOUBLE_EQ(left.offset, 8.0);
    EXPECT_EQ(left.side, Side::left);
    EXPECT_EQ(left.foot, (XY{30, 0}));
    const LinePosition right = locate(line, {70, -5});
    EXPECT_DOUBLE_EQ(right.along, 70.0);
    EXPECT_EQ(right.side, Side::right);
}

TEST(Locate, BeyondTheEndsClampsToTheEnds) {
    const Polyline line{{0, 0}, {100, 0}};
    EXPECT_DOUBLE_EQ(locate(line, {-10, 3}).along, 0.0);
    EXPECT_DOUBLE_EQ(locate(line, {-10, 3}).offset, std::hypot(10.0, 3.0));
    EXPECT_DOUBLE_EQ(locate(line, {150, 0}).along, 100.0);
}

TEST(Locate, AlongCountsEarlierSegments) {
    const Polyline line{{0, 0}, {10, 0}, {10, 20}};
    const LinePosition p = locate(line, {12, 15});
    EXPECT_DOUBLE_EQ(p.along, 25.0);
    EXPECT_DOUBLE_EQ(p.offset, 2.0);
    EXPECT_EQ(p.side, Side::right); // going north, x > 10 is on the right
}

TEST(Locate, OutsideOfALeftTurnIsOnTheRight) {
    // East then north: a left turn at (10, 0). A point to the south-east of the corner
    // projects onto the vertex itself; the segments disagree, the turn decides.
    const Polyline line{{0, 0}, {10, 0}, {10, 10}};
    const LinePosition p = locate(line, {13, -4});
    EXPECT_DOUBLE_EQ(p.along, 10.0);
    EXPECT_EQ(p.side, Side::right);
}

TEST(Locate, OutsideOfARightTurnIsOnTheLeft) {
    // East then south: a right turn at (10, 0); the outside (north-east) is on the left.
    const Polyline line{{0, 0}, {10, 0}, {10, -10}};
    const LinePosition p = locate(line, {13, 4});
    EXPECT_DOUBLE_EQ(p.along, 10.0);
    EXPECT_EQ(p.side, Side::left);
}

TEST(Locate, InsideOfACornerUsesTheNearerSegment) {
    const Polyline line{{0, 0}, {10, 0}, {10, 10}};
    const LinePosition p = locate(line, {8, 5}); // nearer the north-going segment, x < 10
    EXPECT_DOUBLE_EQ(p.offset, 2.0);
    EXPECT_EQ(p.side, Side::left);
}

TEST(PointAt, InterpolatesAndClamps) {
    const Polyline line{{0, 0}, {10, 0}, {10, 0}, {10, 20}};
    EXPECT_EQ(point_at(line, -5), (XY{0, 0}));
    EXPECT_EQ(point_at(line, 4), (XY{4, 0}));
    EXPECT_EQ(point_at(line, 15), (XY{10, 5}));
    EXPECT_EQ(point_at(line, 99), (XY{10, 20}));
    // At a vertex: the end of the first segment of some length that reaches it.
    EXPECT_EQ(point_at(line, 10), (XY{10, 0}));
    EXPECT_EQ(point_at(line, 30), (XY{10, 20}));
}

namespace {

// A quarter circle of radius `r` centred on the origin, from (r, 0) anticlockwise to (0, r),
// in `n` segments: a left-hand bend; its inside (the centre's side) is on the left.
Polyline quarter_circle(double r, int n) {
    Polyline line;
    for (int i = 0; i <= n; ++i) {
        const double a = std::numbers::pi / 2 * i / n;
        line.push_back({r * std::cos(a), r * std::sin(a)});
    }
    return line;
}

} // namespace

TEST(Locate, SideOnACurveInsideAndOutside) {
    // Every point of a fan of rays from the centre: inside the bend (closer to the centre than
    // the road) is left, outside is right, whether the foot is on a vertex or a segment.
    for (int segments : {3, 8, 40}) {
        const Polyline bend = quarter_circle(50.0, segments);
        for (int k = 1; k < 90; ++k) {
            const double a = std::numbers::pi / 180 * k;
            for (double r : {5.0, 30.0, 46.0, 54.0, 70.0, 120.0}) {
                const XY p{r * std::cos(a), r * std::sin(a)};
                // 46 m is inside even the 3-segment polygon (its chords come within 48.3 m).
                const Side expected = r < 50.0 ? Side::left : Side::right;
                EXPECT_EQ(locate(bend, p).side, expected)
                    << segments << " segments, angle " << k << ", radius " << r;
            }
        }
    }
}

TEST(Locate, SideAtTheEndsFollowsTheEndDirection) {
    const Polyline line{{0, 0}, {40, 0}, {60, 10}};
    // Before the start: the first segment extended.
    EXPECT_EQ(locate(line, {-3, 2}).side, Side::left);
    EXPECT_EQ(locate(line, {-3, -2}).side, Side::right);
    EXPECT_DOUBLE_EQ(locate(line, {-3, 2}).along, 0.0);
    // Beyond the end: the last segment extended (north-east going), stable just past the end.
    const double l = length(line);
    for (double past : {0.5, 2.0, 8.0}) {
        const XY end{60 + past * 2 / std::sqrt(5.0), 10 + past / std::sqrt(5.0)};
        const XY left_normal{-1 / std::sqrt(5.0), 2 / std::sqrt(5.0)};
        EXPECT_EQ(locate(line, {end.x + left_normal.x, end.y + left_normal.y}).side, Side::left);
        EXPECT_EQ(locate(line, {end.x - left_normal.x, end.y - left_normal.y}).side, Side::right);
        EXPECT_DOUBLE_EQ(locate(line, end).along, l);
    }
    // Straight ahead of the end: on the line's extension.
    EXPECT_EQ(locate({{0, 0}, {40, 0}}, {45, 0}).side, Side::on);
}

TEST(Locate, ZeroLengthSegmentsDoNotDecideTheSide) {
    // Duplicated vertices (line merges, reprojection rounding) at the start, inside, the end.
    const Polyline line{{0, 0}, {0, 0}, {20, 0}, {20, 0}, {40, 0}, {40, 0}};
    EXPECT_EQ(locate(line, {-2, 1}).side, Side::left);
    EXPECT_EQ(locate(line, {-2, -1}).side, Side::right);
    EXPECT_EQ(locate(line, {20, 3}).side, Side::left);
    EXPECT_EQ(locate(line, {20, -3}).side, Side::right);
    EXPECT_EQ(locate(line, {42, 1}).side, Side::left);
    EXPECT_EQ(locate(line, {42, -1}).side, Side::right);
}

TEST(Locate, DigitisingNoiseDoesNotFlipTheSide) {
    // A straight east-going street digitised with vertices every metre, each moved up to
    // ±0.9 m east-west and ±0.3 m north-south (some segments run backwards). Points 2 m and
    // more north of it are on the left, south on the right, wherever they project.
    std::mt19937 random(20260412);
    std::uniform_real_distribution<double> dx(-0.9, 0.9);
    std::uniform_real_distribution<double> dy(-0.3, 0.3);
    Polyline line;
    for (int i = 0; i <= 200; ++i) {
        line.push_back({i + dx(random), dy(random)});
    }
    int checked = 0;
    for (double x = 5.0; x < 195.0; x += 0.37) {
        for (double offset : {2.0, 3.5, 8.0}) {
            ASSERT_EQ(locate(line, {x, offset}).side, Side::left) << x << " " << offset;
            ASSERT_EQ(locate(line, {x, -offset}).side, Side::right) << x << " " << -offset;
            ++checked;
        }
    }
    EXPECT_GT(checked, 1000);
}

namespace {

// A random line from (650000, 6860000) of `steps` steps of up to 30 m each way, where step k
// repeats the vertex before it when k % repeat_every == repeat_at; `folded`: then back along
// itself to its start.
Polyline wiggly_line(std::mt19937_64 &random, int steps, int repeat_every, int repeat_at,
                     bool folded) {
    std::uniform_real_distribution<double> step(-30.0, 30.0);
    Polyline line{{650000.0, 6860000.0}};
    for (int k = 0; k < steps; ++k) {
        line.push_back(k % repeat_every == repeat_at
                           ? line.back()
                           : XY{line.back().x + step(random), line.back().y + step(random)});
    }
    if (folded) {
        for (std::size_t k = line.size() - 1; k-- > 0;) {
            line.push_back(line[k]);
        }
    }
    return line;
}

} // namespace

// locate() told the point's distance (as point_line_distance measures it) gives bit for bit what
// it gives without, on wiggly random lines with repeated vertices and exact ties; told less than
// the distance, it finds no nearer point.
TEST(Locate, AReachAtTheDistanceChangesNothing) {
    std::mt19937_64 random(11);
    std::uniform_real_distribution<double> around(-120.0, 120.0);
    int compared = 0;
    for (int l = 0; l < 200; ++l) {
        // Every seventh vertex repeated, every fifth line folded back onto itself.
        const Polyline line = wiggly_line(random, 2 + l % 40, 7, 3, l % 5 == 0);
        const LineMeasures measures = measure(line);
        for (int q = 0; q < 50; ++q) {
            const XY p{line.front().x + around(random), line.front().y + around(random)};
            const LinePosition full = locate(line, measures, p);
            const LinePosition bounded = locate(line, measures, p, point_line_distance(p, line));
            ASSERT_EQ(bounded.offset, full.offset) << l << " " << q;
            ASSERT_EQ(bounded.along, full.along) << l << " " << q;
            ASSERT_EQ(bounded.foot.x, full.foot.x);
            ASSERT_EQ(bounded.foot.y, full.foot.y);
            ASSERT_EQ(bounded.side, full.side);
            const LinePosition short_reach = locate(line, measures, p, full.offset * 0.5 - 1e-3);
            ASSERT_TRUE(short_reach.offset > full.offset * 0.5) << l << " " << q;
            ++compared;
        }
    }
    EXPECT_EQ(compared, 10000);
}

namespace {

// locate() written plainly, as a reference: every segment measured, the distance along summed as
// it goes, the side's window ends found by walking the segments from the start.
XY reference_point_at(const Polyline &line, double along) {
    if (along <= 0.0) {
        return line.front();
    }
    double start = 0.0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const double seg_len = std::hypot(line[i + 1].x - line[i].x, line[i + 1].y - line[i].y);
        if (seg_len > 0.0 && along <= start + seg_len) {
            const double t = (along - start) / seg_len;
            return {line[i].x + t * (line[i + 1].x - line[i].x),
                    line[i].y + t * (line[i + 1].y - line[i].y)};
        }
        start += seg_len;
    }
    return line.back();
}

LinePosition reference_locate(const Polyline &line, XY p) {
    LinePosition best;
    best.offset = std::numeric_limits<double>::infinity();
    double start = 0.0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const double dx = line[i + 1].x - line[i].x;
        const double dy = line[i + 1].y - line[i].y;
        const double len2 = dx * dx + dy * dy;
        const double t =
            len2 > 0.0
                ? std::clamp(((p.x - line[i].x) * dx + (p.y - line[i].y) * dy) / len2, 0.0, 1.0)
                : 0.0;
        const XY foot{line[i].x + t * dx, line[i].y + t * dy};
        const double d = std::hypot(p.x - foot.x, p.y - foot.y);
        if (d < best.offset) {
            best.offset = d;
            best.along = start + t * std::sqrt(len2);
            best.foot = foot;
        }
        start += std::sqrt(len2);
    }
    if (best.offset > 0.0) {
        const double window = std::clamp(best.offset / 2.0, 0.5, 25.0);
        const XY a = reference_point_at(line, std::max(0.0, best.along - window));
        const XY b = reference_point_at(line, std::min(length(line), best.along + window));
        const double c = (b.x - a.x) * (p.y - best.foot.y) - (b.y - a.y) * (p.x - best.foot.x);
        best.side = c > 0.0 ? Side::left : c < 0.0 ? Side::right : Side::on;
    }
    return best;
}

} // namespace

// The measured line's sums and searches give the plain walk's results bit for bit, on random
// lines with repeated vertices, folds and points at the vertices themselves.
TEST(Locate, AMeasuredLineGivesThePlainWalksResults) {
    std::mt19937_64 random(24);
    std::uniform_real_distribution<double> around(-80.0, 80.0);
    int compared = 0;
    for (int l = 0; l < 200; ++l) {
        const Polyline line = wiggly_line(random, 1 + l % 60, 5, 2, l % 4 == 0);
        const LineMeasures measures = measure(line);
        const double total = length(line);
        for (int q = 0; q < 60; ++q) {
            const XY p = q % 6 == 0
                             ? line[static_cast<std::size_t>(q) % line.size()]
                             : XY{line.front().x + around(random), line.front().y + around(random)};
            const LinePosition expected = reference_locate(line, p);
            const LinePosition got = locate(line, measures, p);
            ASSERT_EQ(got.offset, expected.offset) << l << " " << q;
            ASSERT_EQ(got.along, expected.along) << l << " " << q;
            ASSERT_EQ(got.foot, expected.foot) << l << " " << q;
            ASSERT_EQ(got.side, expected.side) << l << " " << q;
            const double along = total * (q / 59.0) * 1.1 - 1.0;
            ASSERT_EQ(point_at(line, along), reference_point_at(line, along)) << l << " " << q;
            ++compared;
        }
    }
    EXPECT_EQ(compared, 12000);
}
