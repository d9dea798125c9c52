// The existing stage on a small hand-made commune: existing addresses kept, new buildings
// numbered between them, orphans reported.
#include "../support.hpp"
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include <unistd.h>

#include "stages/stages.hpp"
#include "update/update_stage.hpp"

using namespace adressage;
using namespace adressage::pipeline;

namespace {

using test::box_around;

struct UpdateFixture : ::testing::Test {
    RunOptions options;
    RunContext ctx{options};
    CommuneModel model;
    std::filesystem::path existing = std::filesystem::temp_directory_path() /
                                     ("existing-" + std::to_string(::getpid()) + ".csv");

    void TearDown() override { std::filesystem::remove(existing); }

    void add_building(std::int64_t fid, geo::XY at) {
        model.buildings.push_back(Building{0, fid, box_around(at), at});
    }
    // fid -> "numero[suffixe]" of the numbers the update gives.
    std::map<std::int64_t, std::string> run(const std::string &bal, const char *numbering) {
        std::ofstream(existing) << bal;
        options.insee = "06012";
        options.existing = existing.string();
        options.numbering = numbering_mode_from(numbering).value();
        model.insee = "06012";
        model.centre = {0, 0};
        model.roads.push_back(RoadSegment{0, 1, "Rue A", {{0, 0}, {200, 0}}});
        VoiesStage().run(model, ctx);
        for (Voie &v : model.voies) {
            v.numbering = numbering_mode_from(numbering).value();
        }
        AssignStage().run(model, ctx);
        NumberStage().run(model, ctx);
        ExistingStage stage;
        stage.prepare(ctx);
        stage.run(model, ctx);
        std::map<std::int64_t, std::string> out;
        for (const Numero &n : model.numeros) {
            out[model.buildings[n.building].fid] = std::to_string(n.numero) + n.suffixe;
        }
        return out;
    }
};

const char *header = "cle_interop;commune_insee;commune_nom;voie_nom;numero;suffixe;position;x;y;"
                     "long;lat;source;date_der_maj\n";

std::string row(int numero, double x, double y) {
    return "06012_0010_" + std::to_string(100000 + numero).substr(1) + ";06012;Beausoleil;Rue A;" +
           std::to_string(numero) + ";;entrée;" + std::to_string(x) + ";" + std::to_string(y) +
           ";7.4;43.7;mairie;2024-01-01\n";
}

} // namespace

TEST_F(UpdateFixture, ClassicNewBuildingsBetweenTheExistingNumbers) {
    add_building(1, {10, 10});  // existing 1
    add_building(2, {50, 10});  // existing 3
    add_building(3, {30, 10});  // new, between 1 and 3: 1bis
    add_building(4, {100, 10}); // new, after 3: 5
    add_building(5, {30, -10}); // new, first on the right: 2
    // The existing 7 stood at x=150: its building is gone.
    const auto numbers =
        run(std::string(header) + row(1, 10, 10) + row(3, 50.5, 12.9) + row(7, 150, 10), "classic");
    EXPECT_EQ(numbers, (std::map<std::int64_t, std::string>{{3, "1bis"}, {4, "5"}, {5, "2"}}));
    EXPECT_EQ(model.voies[0].code, "0010"); // the existing voie's code is kept
    const auto &update = ctx.results.report_sections["update"];
    EXPECT_EQ(update["matched_by_position"], 2);
    EXPECT_EQ(update["orphans"], 1);
    EXPECT_EQ(update["orphan_examples"][0], "Rue A 7");
    EXPECT_EQ(ctx.results.update->kept_rows(), 3u); // the orphan is kept
}

TEST_F(UpdateFixture, MetricNewBuildingTakesItsDistanceOrTheNearestFreeNumber) {
    add_building(1, {31, 10}); // existing 31
    add_building(2, {61, 10}); // new: 61
    add_building(3, {31, 14}); // new, same distance as 31: 33
    const auto numbers = run(std::string(header) + row(31, 31, 10), "metric");
    EXPECT_EQ(numbers, (std::map<std::int64_t, std::string>{{2, "61"}, {3, "33"}}));
}

TEST_F(UpdateFixture, OrphansDroppedOnRequest) {
    add_building(1, {10, 10});
    options.drop_orphans = true;
    run(std::string(header) + row(1, 10, 10) + row(7, 150, 10), "classic");
    EXPECT_EQ(ctx.results.update->kept_rows(), 1u);
}

TEST_F(UpdateFixture, HomonymousVoiesShareTheirNumbers) {
    // A second "Rue A" 5 km away: a homonymous voie, under its own code 0020 in the BAL, with
    // the number 21. A new building 21 m along the first Rue A (left: odd) may not take 21.
    model.roads.push_back(RoadSegment{0, 2, "Rue A", {{5000, 0}, {5200, 0}}});
    add_building(1, {10, 10});   // existing 11 on the first Rue A
    add_building(2, {5020, 10}); // existing 21 on the second
    add_building(3, {21, 10});   // new
    std::string other = row(21, 5020, 10);
    other.replace(other.find("_0010_"), 6, "_0020_");
    const auto numbers = run(std::string(header) + row(11, 10, 10) + other, "metric");
    ASSERT_EQ(numbers.size(), 1u);
    const int numero = std::stoi(numbers.at(3));
    EXPECT_EQ(numero % 2, 1) << numero;
    EXPECT_NE(numero, 21);
    EXPECT_NE(numero, 11);
}
