// Property: on random synthetic streets with random buildings on both sides, the numbers of
// each side increase strictly along the voie and have the side's parity (odd left, even
// right), in metric and classic numbering. The truth (where each building stands along its
// street, on which side) comes from the generator, not from the pipeline: the side test,
// the origin choice and the numbering are checked together.
#include "stages/stages.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>

using namespace adressage;
using namespace adressage::pipeline;

namespace {

double distance_to_segment(geo::XY p, geo::XY a, geo::XY b) {
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    const double t =
        len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return geo::distance(p, {a.x + t * dx, a.y + t * dy});
}

struct Truth {
    std::size_t street;
    double along; // from the generated street's first vertex
    bool left;
};

struct Street {
    geo::Polyline line;
    double length;
};

// A street of 3 to 60 segments of 10 to 40 m, turning at most 0.25 rad per vertex (radius of
// curvature 40 m and more), starting at `start` in a random heading.
Street random_street(std::mt19937 &random, geo::XY start) {
    std::uniform_int_distribution<int> segments(3, 60);
    std::uniform_real_distribution<double> seg_length(10.0, 40.0);
    std::uniform_real_distribution<double> turn(-0.25, 0.25);
    std::uniform_real_distribution<double> heading0(0.0, 2 * std::numbers::pi);
    Street s{{start}, 0.0};
    double heading = heading0(random);
    const int n = segments(random);
    for (int i = 0; i < n; ++i) {
        const double l = seg_length(random);
        const geo::XY last = s.line.back();
        s.line.push_back({last.x + l * std::cos(heading), last.y + l * std::sin(heading)});
        s.length += l;
        heading += turn(random);
    }
    return s;
}

struct Generated {
    CommuneModel model;
    std::vector<Street> streets;
    std::map<std::int64_t, Truth> truth; // by building fid
};

Generated random_commune(std::mt19937 &random) {
    Generated g;
    g.model.centre = {0, 0};
    std::uniform_int_distribution<int> street_count(1, 4);
    std::uniform_int_distribution<int> building_count(0, 120);
    std::uniform_real_distribution<double> offset(3.0, 25.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::uniform_real_distribution<double> near_centre(-600.0, 600.0);
    std::int64_t fid = 1;
    const int streets = street_count(random);
    for (int k = 0; k < streets; ++k) {
        // Streets 5 km apart: each building's nearest voie is its own street.
        Street street =
            random_street(random, {5000.0 * k + near_centre(random), near_centre(random)});
        // The street as one to three road segments, cut at vertices, some reversed.
        std::vector<std::size_t> cuts{0, street.line.size() - 1};
        if (street.line.size() > 4 && unit(random) < 0.5) {
            cuts.insert(cuts.begin() + 1, 1 + random() % (street.line.size() - 3));
        }
        for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
            geo::Polyline piece(street.line.begin() + static_cast<std::ptrdiff_t>(cuts[c]),
                                street.line.begin() + static_cast<std::ptrdiff_t>(cuts[c + 1]) + 1);
            if (unit(random) < 0.5) {
                std::reverse(piece.begin(), piece.end());
            }
            g.model.roads.push_back(
                RoadSegment{0, fid++, "Rue " + std::to_string(k + 1), std::move(piece)});
        }
        const int buildings = building_count(random);
        // A third of the buildings crowd around three places (metric collisions).
        const double clusters[3] = {unit(random) * street.length, unit(random) * street.length,
                                    unit(random) * street.length};
        std::vector<double> used;
        for (int b = 0; b < buildings; ++b) {
            double s = unit(random) * street.length;
            if (unit(random) < 0.33) {
                s = std::clamp(clusters[random() % 3] + 6.0 * (unit(random) - 0.5), 0.0,
                               street.length);
            }
            const bool left = unit(random) < 0.5;
            const double d = offset(random);
            const geo::XY foot = geo::point_at(street.line, s);
            const geo::XY ahead = geo::point_at(street.line, s + 0.01);
            const geo::XY behind = geo::point_at(street.line, s - 0.01);
            const double dl = geo::distance(ahead, behind);
            if (dl < 0.015) {
                continue; // too near an end to know the direction
            }
            const geo::XY normal{-(ahead.y - behind.y) / dl, (ahead.x - behind.x) / dl};
            const double sign = left ? 1.0 : -1.0;
            const geo::XY p{foot.x + sign * d * normal.x, foot.y + sign * d * normal.y};
            // Keep it only when its foot is its nearest point of the street (on the inside of
            // a bend another stretch may be nearer) and no other building stands at the same
            // place along it.
            double nearest = std::numeric_limits<double>::infinity();
            for (std::size_t i = 0; i + 1 < street.line.size(); ++i) {
                nearest =
                    std::min(nearest, distance_to_segment(p, street.line[i], street.line[i + 1]));
            }
            const bool crowded = std::any_of(used.begin(), used.end(),
                                             [&](double u) { return std::abs(u - s) < 0.01; });
            if (nearest < d - 1e-6 || crowded) {
                continue;
            }
            used.push_back(s);
            g.model.buildings.push_back(Building{0, fid, {}, p});
            g.truth[fid] = Truth{static_cast<std::size_t>(k), s, left};
            ++fid;
        }
        g.streets.push_back(std::move(street));
    }
    return g;
}

// Numbers the commune and checks the property; returns the number of numbered buildings.
std::size_t check(Generated g, const std::string &numbering, double gap, int trial) {
    RunOptions options;
    options.numbering = parse_numbering("--numbering", numbering);
    options.classic_gap_metres = gap;
    options.min_building_area = 0.0; // the generated buildings are points, not annexes
    RunContext ctx(options);
    CommuneModel &model = g.model;
    VoiesStage().run(model, ctx);
    AssignStage().run(model, ctx);
    NumberStage().run(model, ctx);
    EXPECT_EQ(model.voies.size(), g.streets.size()) << "trial " << trial;
    EXPECT_EQ(model.numeros.size(), g.truth.size()) << "trial " << trial;

    // (voie, left) → (along from the voie's origin, numero), from the generator's truth.
    std::map<std::pair<VoieIdx, bool>, std::vector<std::pair<double, int>>> sides;
    for (const Numero &n : model.numeros) {
        const Truth &t = g.truth.at(model.buildings[n.building].fid);
        const Street &street = g.streets[t.street];
        const Voie &voie = model.voies[n.voie];
        EXPECT_EQ(voie.nom, "Rue " + std::to_string(t.street + 1)) << "trial " << trial;
        // The voie may run from the street's last vertex (origin rules): then along and sides
        // are mirrored.
        const bool reversed = geo::distance(voie.origin(), street.line.back()) < 1e-6;
        EXPECT_TRUE(reversed || geo::distance(voie.origin(), street.line.front()) < 1e-6);
        const bool left = reversed ? !t.left : t.left;
        const double along = reversed ? street.length - t.along : t.along;
        EXPECT_EQ(n.numero % 2, left ? 1 : 0)
            << "trial " << trial << " " << numbering << ": numero " << n.numero << " on the "
            << (left ? "left" : "right") << " of " << voie.nom << " at " << along << " m";
        EXPECT_GE(n.numero, 1);
        EXPECT_LE(n.numero, 9999);
        sides[{n.voie, left}].emplace_back(along, n.numero);
    }
    for (auto &[key, numbers] : sides) {
        std::sort(numbers.begin(), numbers.end());
        for (std::size_t i = 1; i < numbers.size(); ++i) {
            EXPECT_LT(numbers[i - 1].second, numbers[i].second)
                << "trial " << trial << " " << numbering << ", voie " << key.first
                << (key.second ? " left" : " right") << ": " << numbers[i - 1].second << " at "
                << numbers[i - 1].first << " m, then " << numbers[i].second << " at "
                << numbers[i].first << " m";
        }
    }
    return model.numeros.size();
}

} // namespace

TEST(NumberingProperty, StrictlyIncreasingWithParityOnRandomStreets) {
    std::mt19937 random(4242);
    std::size_t numbered = 0;
    for (int trial = 0; trial < 60; ++trial) {
        const Generated g = random_commune(random);
        numbered += check(g, "metric", 0.0, trial);
        numbered += check(g, "classic", 0.0, trial);
        numbered += check(g, "classic", 25.0, trial);
        if (::testing::Test::HasFailure()) {
            break; // the first failing trial says enough
        }
    }
    EXPECT_GT(numbered, 3000u); // the generator really made buildings
}
