// The voies, assign, number and position stages on a small hand-made commune.
#include "../support.hpp"
#include "checks/geometric_checks.hpp"
#include "stages/stages.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include "adressage/error.hpp"

using namespace adressage;
using namespace adressage::pipeline;

namespace {

using test::box_around;

struct Fixture : ::testing::Test {
    RunOptions options;
    RunContext ctx{options};
    CommuneModel model;

    void add_road(std::int64_t fid, const std::string &name, geo::Polyline line) {
        model.roads.push_back(RoadSegment{0, fid, name, std::move(line)});
    }
    void add_building(std::int64_t fid, geo::XY at) {
        model.buildings.push_back(Building{0, fid, box_around(at), at});
    }
    void run_stages() {
        VoiesStage().run(model, ctx);
        AssignStage().run(model, ctx);
        NumberStage().run(model, ctx);
        PositionStage().run(model, ctx);
    }
    std::map<std::int64_t, int> numbers_by_fid() const {
        std::map<std::int64_t, int> out;
        for (const Numero &n : model.numeros) {
            out[model.buildings[n.building].fid] = n.numero;
        }
        return out;
    }
};

} // namespace

TEST_F(Fixture, OneVoieNumberedFromTheEndNearestTheCentre) {
    model.centre = {0, 0};
    // Two segments of one street, given east part first and reversed: the voie starts at x=0.
    // Spellings that differ only by accents and apostrophes are one voie.
    add_road(1, "Rue de l'Eglise", {{200, 0}, {100, 0}});
    add_road(2, "Rue de l\u2019\u00C9glise", {{0, 0}, {100, 0}});
    add_road(3, "Rue de l\u2019\u00C9glise", {{200, 0}, {250, 0}});
    add_building(10, {30.2, 12});   // north = left going east → odd
    add_building(11, {30.2, -12});  // south = right → even
    add_building(12, {150.6, -10}); // right
    add_building(13, {30.4, 15});   // left, same metre as 10 → moves by 2
    run_stages();

    ASSERT_EQ(model.voies.size(), 1u);
    EXPECT_EQ(model.voies[0].nom, "Rue de l\u2019\u00C9glise"); // the most frequent spelling
    EXPECT_DOUBLE_EQ(model.voies[0].length, 250.0);
    EXPECT_EQ(model.voies[0].code, "x001");
    const auto n = numbers_by_fid();
    EXPECT_EQ(n.at(10), 31);
    EXPECT_EQ(n.at(11), 30);
    EXPECT_EQ(n.at(12), 150);
    EXPECT_EQ(n.at(13), 33);
    ASSERT_EQ(model.positions.size(), 4u);
    EXPECT_EQ(model.positions[0].type, formats::PositionType::batiment);
}

TEST_F(Fixture, FarHomonymsAreSeparateVoies) {
    model.centre = {0, 0};
    options.homonym_distance = 500;
    add_road(1, "Chemin des Vignes", {{0, 0}, {100, 0}});
    add_road(2, "Chemin des Vignes", {{3000, 0}, {3100, 0}});
    add_road(3, "Chemin des Vignes", {{3100, 0}, {3100, 100}}); // touches road 2
    add_building(10, {50, 10});
    add_building(11, {3050, 10});
    run_stages();
    ASSERT_EQ(model.voies.size(), 2u);
    EXPECT_EQ(model.voies[0].nom, model.voies[1].nom);
    EXPECT_EQ(model.voies[0].code, "x001");
    EXPECT_EQ(model.voies[1].code, "x002");
    EXPECT_NE(model.numeros[0].voie, model.numeros[1].voie);
    // The far voie starts at its end nearer the centre (3000, 0), goes east then north.
    EXPECT_DOUBLE_EQ(model.voies[1].length, 200.0);
    // 50 m on its left is 51, which the first voie of the name took: the next free odd number.
    EXPECT_EQ(numbers_by_fid().at(10), 51);
    EXPECT_EQ(numbers_by_fid().at(11), 53);
}

TEST_F(Fixture, BuildingsBeyondTheMaximumDistanceAreSkippedAndCounted) {
    model.centre = {0, 0};
    options.max_distance = 50;
    add_road(1, "Rue Haute", {{0, 0}, {100, 0}});
    add_building(10, {50, 40});
    add_building(11, {50, 80});
    run_stages();
    EXPECT_EQ(model.numeros.size(), 1u);
    EXPECT_EQ(ctx.diagnostics.skipped("assign", "no_voie_within_50m"), 1);
}

TEST_F(Fixture, ShortNamesAreNotVoies) {
    model.centre = {0, 0};
    add_road(1, "D8", {{0, 0}, {100, 0}});
    add_building(10, {50, 10});
    run_stages();
    EXPECT_TRUE(model.voies.empty());
    EXPECT_EQ(ctx.diagnostics.skipped("voies", "name_too_short"), 1);
    EXPECT_EQ(ctx.diagnostics.skipped("assign", "no_voie_within_150m"), 1);
}

TEST_F(Fixture, ResultDoesNotDependOnInputOrder) {
    model.centre = {0, 0};
    add_road(1, "Rue A", {{0, 0}, {100, 0}});
    add_road(2, "Rue B", {{0, 50}, {100, 50}});
    for (int i = 0; i < 10; ++i) {
        add_building(100 + i, {5.0 + 9 * i, (i % 2) ? 20.0 : 30.0});
    }
    run_stages();
    const auto first = numbers_by_fid();

    CommuneModel reversed;
    reversed.centre = model.centre;
    reversed.roads.assign(model.roads.rbegin(), model.roads.rend());
    reversed.buildings.assign(model.buildings.rbegin(), model.buildings.rend());
    model = std::move(reversed);
    run_stages();
    EXPECT_EQ(numbers_by_fid(), first);
}

TEST_F(Fixture, ClassicModeNumbersEachSideInOrder) {
    model.centre = {0, 0};
    options.numbering = NumberingMode::classic;
    add_road(1, "Rue Haute", {{0, 0}, {300, 0}});
    add_building(10, {20, 10});   // left: 1
    add_building(11, {150, 10});  // left: 3
    add_building(12, {151, -10}); // right: 2
    add_building(13, {290, -10}); // right: 4
    run_stages();
    EXPECT_EQ(numbers_by_fid(), (std::map<std::int64_t, int>{{10, 1}, {11, 3}, {12, 2}, {13, 4}}));
    const auto &voie = ctx.results.report_sections["numbering"]["voies"][0];
    EXPECT_EQ(voie["numbering"], "classic");
    EXPECT_EQ(voie["origin_rule"], "centre");
    EXPECT_EQ(voie["classic_gaps"], false);
}

TEST_F(Fixture, ClassicGapsFromTheOptions) {
    model.centre = {0, 0};
    options.numbering = NumberingMode::classic;
    options.classic_gap_metres = 40;
    add_road(1, "Rue Haute", {{0, 0}, {300, 0}});
    add_building(10, {20, 10});  // 20 m from the origin: 1
    add_building(11, {150, 10}); // 130 m further: 3 plots, 3 and 5 left free → 7
    run_stages();
    EXPECT_EQ(numbers_by_fid(), (std::map<std::int64_t, int>{{10, 1}, {11, 7}}));
    EXPECT_EQ(ctx.results.report_sections["numbering"]["voies"][0]["classic_gaps"], true);
}

TEST_F(Fixture, VoieOptionsOverrideOriginAndNumbering) {
    model.centre = {0, 0};
    const std::string path = ::testing::TempDir() + "voie-options-stage.csv";
    std::ofstream(path) << "voie_nom;origine;numerotation\n"
                           "RUE HAUTE;est;classique\n"
                           "Rue Absente;nord;\n";
    options.voie_options = path;
    add_road(1, "Rue Haute", {{0, 0}, {300, 0}});
    add_road(2, "Rue Basse", {{0, -500}, {300, -500}});
    add_building(10, {250, 10});   // north: right of a voie going west → 2
    add_building(11, {100, -10});  // south: left → 3 (1 is at 250 m)
    add_building(12, {280, -10});  // left → 1
    add_building(13, {100, -490}); // Rue Basse, metric from its west end: 100 m left → 101
    VoiesStage voies;
    voies.prepare(ctx);
    voies.run(model, ctx);
    AssignStage().run(model, ctx);
    NumberStage().run(model, ctx);
    std::filesystem::remove(path);

    ASSERT_EQ(model.voies.size(), 2u);
    const Voie &haute = model.voies[1];
    EXPECT_EQ(haute.nom, "Rue Haute");
    EXPECT_EQ(haute.origin(), (geo::XY{300, 0}));
    EXPECT_EQ(haute.origin_rule, OriginRule::voie_options);
    EXPECT_EQ(haute.numbering, NumberingMode::classic);
    EXPECT_EQ(model.voies[0].numbering, NumberingMode::metric);
    EXPECT_EQ(model.voies[0].origin_rule, OriginRule::centre);
    EXPECT_EQ(numbers_by_fid(),
              (std::map<std::int64_t, int>{{10, 2}, {11, 3}, {12, 1}, {13, 101}}));
    EXPECT_EQ(ctx.results.report_sections["numbering"]["origin_rules"]["voie_options"], 1);
    // The line naming no voie is reported.
    const auto &unmatched = ctx.results.report_sections["voie_options"]["unmatched"];
    ASSERT_EQ(unmatched.size(), 1u);
    EXPECT_EQ(unmatched[0]["voie_nom"], "Rue Absente");
    EXPECT_EQ(unmatched[0]["line"], 3);
}

TEST_F(Fixture, BadVoieOptionsFileFailsInPrepare) {
    const std::string path = ::testing::TempDir() + "voie-options-bad.csv";
    std::ofstream(path) << "voie_nom;origine\nRue Haute;en haut\n";
    options.voie_options = path;
    try {
        VoiesStage().prepare(ctx);
        ADD_FAILURE() << "no error";
    } catch (const InputError &e) {
        EXPECT_EQ(std::string(e.what()),
                  "--voie-options " + path +
                      ": line 2: origine 'en haut' is not an end of a voie; write nord, sud, "
                      "est, ouest or auto (or leave it empty)");
    }
    std::filesystem::remove(path);
}

TEST_F(Fixture, VoieLongerThan9999MetresIsNumberedInDecametres) {
    model.centre = {0, 0};
    add_road(1, "Route de la Montagne", {{0, 0}, {6000, 0}, {12000, 0}});
    add_road(2, "Rue Courte", {{0, 100}, {0, 400}});
    add_building(10, {500, 10});    // 50 dam, left → 51
    add_building(11, {11004, -10}); // 1100.4 dam, right → 1100
    add_building(12, {11006, -12}); // same decametre, right → 1102
    add_building(13, {20, 200});    // Rue Courte, north from (0, 100): 100 m, right
    run_stages();
    const auto n = numbers_by_fid();
    EXPECT_EQ(n.at(10), 51);
    EXPECT_EQ(n.at(11), 1100);
    EXPECT_EQ(n.at(12), 1102);
    EXPECT_EQ(n.at(13), 100); // in metres: the voie is 300 m long
    const auto &voies = ctx.results.report_sections["numbering"]["voies"];
    ASSERT_EQ(voies.size(), 2u);
    EXPECT_EQ(voies[0]["voie_nom"], "Route de la Montagne");
    EXPECT_EQ(voies[0]["unit"], "decametre");
    EXPECT_EQ(voies[0]["moved"], 1);
    EXPECT_EQ(voies[1]["unit"], "metre");
    EXPECT_EQ(ctx.diagnostics.counted("number", "voies_in_decametres"), 1);
}

TEST_F(Fixture, TownHallGivesTheOrigin) {
    // Beausoleil's legal CRS (Lambert-93): a street whose west end is nearer the commune
    // centre, but the town hall stands by its east end.
    options.insee = "06012";
    options.town_hall = geo::XY{7.42, 43.74};
    geo::XY hall{7.42, 43.74};
    geo::Transformer("EPSG:4326", "EPSG:2154").forward({&hall, 1});
    model.centre = {hall.x - 2000, hall.y};
    add_road(1, "Avenue de la Mairie", {{hall.x - 500, hall.y + 20}, {hall.x - 10, hall.y + 20}});
    add_building(10, {hall.x - 100, hall.y + 30}); // 90 m from the east end, north
    VoiesStage voies;
    voies.prepare(ctx);
    voies.run(model, ctx);
    AssignStage().run(model, ctx);
    NumberStage().run(model, ctx);
    ASSERT_EQ(model.voies.size(), 1u);
    EXPECT_EQ(model.voies[0].origin_rule, OriginRule::town_hall);
    EXPECT_NEAR(model.voies[0].origin().x, hall.x - 10, 1e-6);
    EXPECT_EQ(numbers_by_fid().at(10), 90); // going west, north is right: even
    // The value's canonical text (option_values.hpp), not the spelling given.
    EXPECT_EQ(ctx.results.report_sections["numbering"]["town_hall"], "7.42,43.74");
}

TEST_F(Fixture, TownHallOutsideTheBoundaryIsAnInputError) {
    options.insee = "06012";
    options.town_hall = geo::XY{43.74, 7.42}; // latitude first
    model.boundary = box_around({1000, 6000000}, 500);
    add_road(1, "Rue Haute", {{800, 6000000}, {1200, 6000000}});
    VoiesStage voies;
    voies.prepare(ctx);
    try {
        voies.run(model, ctx);
        ADD_FAILURE() << "no error";
    } catch (const InputError &e) {
        EXPECT_NE(std::string(e.what()).find("--town-hall 43.74,7.42: the point lies outside the "
                                             "commune's boundary"),
                  std::string::npos)
            << e.what();
    }
}

// Two Chemin du Moulin 1 km apart are two voies; the BAN would take them for one, so they share
// their numbers: no (voie_nom, numero) twice.
TEST_F(Fixture, HomonymousVoiesShareTheirNumbers) {
    model.centre = {0, 0};
    add_road(1, "Chemin du Moulin", {{0, 0}, {200, 0}});     // near the centre: first
    add_road(2, "Chemin du Moulin", {{1200, 0}, {1400, 0}}); // from its west end (nearer)
    add_building(10, {50.4, 10});                            // first voie, left at 50 m
    add_building(11, {80.4, -10});                           // first voie, right at 80 m
    add_building(12, {1250.4, 10});                          // second voie, left at 50 m
    add_building(13, {1280.4, -10});                         // second voie, right at 80 m
    add_building(14, {1290.4, 10});                          // second voie, left at 90 m
    run_stages();
    ASSERT_EQ(model.voies.size(), 2u);
    // Metric: 51 and 80 are taken on the first voie, so the second voie's 51 moves to 53 and
    // its 80 to 82; its 91 is free.
    EXPECT_EQ(numbers_by_fid(),
              (std::map<std::int64_t, int>{{10, 51}, {11, 80}, {12, 53}, {13, 82}, {14, 91}}));
}

TEST_F(Fixture, HomonymousVoiesGoOnFromTheLastNumbersInClassicNumbering) {
    model.centre = {0, 0};
    options.numbering = NumberingMode::classic;
    add_road(1, "Chemin du Moulin", {{0, 0}, {200, 0}});
    add_road(2, "Chemin du Moulin", {{1200, 0}, {1400, 0}});
    // Another name starts again: its ends are about as far from the centre, so it runs East to
    // West and the building north of it is on its right: 2.
    add_road(3, "Rue Haute", {{0, 3000}, {200, 3000}});
    add_building(10, {50, 10});
    add_building(11, {60, 10});
    add_building(12, {80, -10});
    add_building(13, {1250, 10});
    add_building(14, {1280, -10});
    add_building(15, {50, 3010});
    run_stages();
    EXPECT_EQ(numbers_by_fid(),
              (std::map<std::int64_t, int>{{10, 1}, {11, 3}, {12, 2}, {13, 5}, {14, 4}, {15, 2}}));
    EXPECT_EQ(ctx.diagnostics.counted("number", "voies_numbered_after_a_homonym"), 1);
}

TEST_F(Fixture, HomonymsOfTwoCommunesDelegueesKeepTheirOwnNumbers) {
    model.centre = {0, 0};
    options.numbering = NumberingMode::classic;
    add_road(1, "Chemin du Moulin", {{0, 0}, {200, 0}});
    add_road(2, "Chemin du Moulin", {{1200, 0}, {1400, 0}});
    add_building(10, {50, 10});
    add_building(13, {1250, 10});
    VoiesStage().run(model, ctx);
    AssignStage().run(model, ctx);
    model.voies[0].commune_deleguee_insee = "27412";
    model.voies[1].commune_deleguee_insee = "27648";
    NumberStage().run(model, ctx);
    EXPECT_EQ(numbers_by_fid(), (std::map<std::int64_t, int>{{10, 1}, {13, 1}}));
}

// The checks take the location of a position at its building's anchor on a voie of one part
// from the assignment: the alerts must be those of locating every position again.
TEST_F(Fixture, ChecksFromTheAssignmentsAreThoseOfLocatingAgain) {
    model.centre = {0, 0};
    std::mt19937_64 random(23);
    std::uniform_real_distribution<double> jitter(-3.0, 3.0);
    // Winding streets of one part, and one of two parts far apart (located again).
    for (int k = 0; k < 6; ++k) {
        geo::Polyline line;
        for (int i = 0; i <= 40; ++i) {
            line.push_back({i * 10.0 + jitter(random), k * 60.0 + 8.0 * std::sin(i / 3.0 + k)});
        }
        add_road(k + 1, "Rue " + std::string(1, static_cast<char>('A' + k)), line);
    }
    add_road(20, "Rue Double", {{0, 400}, {100, 400}});
    add_road(21, "Rue Double", {{300, 400}, {400, 400}});
    std::uniform_real_distribution<double> x(0.0, 400.0);
    std::uniform_real_distribution<double> y(-30.0, 420.0);
    for (int b = 0; b < 400; ++b) {
        add_building(100 + b, {x(random), y(random)});
    }
    run_stages();
    ASSERT_GT(model.positions.size(), 300u);
    // Some numbers made wrong, so that the side and order checks speak.
    for (std::size_t n = 0; n < model.numeros.size(); n += 7) {
        model.numeros[n].numero += 1;
    }

    geo::GeosContext geos;
    const std::vector<GeometricAlert> alerts = check_commune(geos, model);
    CommuneModel located_again = model;
    located_again.assignments.clear();
    EXPECT_EQ(alerts, check_commune(geos, located_again));
    std::size_t sided = 0;
    for (const GeometricAlert &a : alerts) {
        sided += a.check == GeometricCheck::cote_parite || a.check == GeometricCheck::ordre;
    }
    EXPECT_GT(sided, 0u); // the locations were used
}
