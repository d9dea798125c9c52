// Geometric checks (geometric_checks.hpp) on small hand-made communes: each rule fires on the
// defect it names and stays quiet on a clean commune.
#include <gtest/gtest.h>

#include "checks/geometric_checks.hpp"

using namespace adressage;
using namespace adressage::pipeline;
using formats::PositionType;

namespace {

Voie voie(std::string nom, std::vector<geo::Polyline> parts, std::string code = "x001") {
    Voie v;
    v.nom = std::move(nom);
    for (geo::Polyline &part : parts) {
        v.part_start.push_back(v.length);
        v.length += geo::length(part);
        v.parts.push_back(std::move(part));
    }
    v.code = std::move(code);
    return v;
}

// Rue A runs east from (0, 0) to (200, 0): left is north (y > 0), right is south.
CommuneModel street() {
    CommuneModel m;
    m.voies.push_back(voie("Rue A", {{{0, 0}, {200, 0}}}));
    return m;
}

void add(CommuneModel &m, VoieIdx v, int numero, geo::XY xy,
         PositionType type = PositionType::batiment) {
    m.numeros.push_back(Numero{v, numero, m.numeros.size(), {}});
    m.positions.push_back(Position{m.numeros.size() - 1, type, xy, ""});
}

std::size_t count(const std::vector<GeometricAlert> &alerts, GeometricCheck check) {
    return static_cast<std::size_t>(std::count_if(
        alerts.begin(), alerts.end(), [&](const GeometricAlert &a) { return a.check == check; }));
}

} // namespace

TEST(GeometricChecks, ParityRule) {
    EXPECT_FALSE(wrong_parity_side(1, geo::Side::left));
    EXPECT_TRUE(wrong_parity_side(1, geo::Side::right));
    EXPECT_FALSE(wrong_parity_side(2, geo::Side::right));
    EXPECT_TRUE(wrong_parity_side(2, geo::Side::left));
    EXPECT_FALSE(wrong_parity_side(3, geo::Side::on));
}

TEST(GeometricChecks, OutOfOrderFindsTheNumberSmallerThanTheOneBefore) {
    EXPECT_TRUE(out_of_order({1, 10, 20}, {1, 3, 5}).empty());
    EXPECT_EQ(out_of_order({1, 10, 20, 30}, {1, 7, 5, 9}), (std::vector<std::size_t>{2}));
    // Equal distances are not ordered among themselves.
    EXPECT_TRUE(out_of_order({5, 5, 9}, {3, 1, 7}).empty());
    EXPECT_EQ(out_of_order({5, 5, 9}, {3, 1, 2}), (std::vector<std::size_t>{2}));
}

TEST(GeometricChecks, ACleanStreetHasNoAlert) {
    geo::GeosContext geos;
    CommuneModel m = street();
    add(m, 0, 1, {10, 8});
    add(m, 0, 3, {30, 8});
    add(m, 0, 2, {10, -8});
    add(m, 0, 4, {40, -8});
    m.boundary = geo::MultiPolygon{
        geo::Polygon{{{-50, -50}, {250, -50}, {250, 50}, {-50, 50}, {-50, -50}}, {}}};
    EXPECT_TRUE(check_commune(geos, m).empty());
}

TEST(GeometricChecks, OddNumberOnTheRight) {
    geo::GeosContext geos;
    CommuneModel m = street();
    add(m, 0, 1, {10, -8}); // south: right
    add(m, 0, 2, {20, -8});
    const auto alerts = check_commune(geos, m);
    ASSERT_EQ(alerts.size(), 1u);
    EXPECT_EQ(alerts[0].check, GeometricCheck::cote_parite);
    EXPECT_EQ(alerts[0].numero, 1);
    EXPECT_EQ(geometric_check_code(alerts[0].check), "adressage.numero.cote_parite");
}

TEST(GeometricChecks, NumbersNotIncreasingAlongTheVoie) {
    geo::GeosContext geos;
    CommuneModel m = street();
    add(m, 0, 1, {10, 8});
    add(m, 0, 7, {50, 8});
    add(m, 0, 5, {90, 8}); // after 7 along the voie
    add(m, 0, 2, {10, -8});
    const auto alerts = check_commune(geos, m);
    ASSERT_EQ(count(alerts, GeometricCheck::ordre), 1u);
    EXPECT_EQ(alerts[0].numero, 5);
    EXPECT_EQ(alerts[0].other, "numero 7 avant");
    // The number named is the largest before it, not the one just before (itself misplaced).
    CommuneModel o = street();
    add(o, 0, 1, {10, 8});
    add(o, 0, 9, {30, 8});
    add(o, 0, 3, {50, 8});
    add(o, 0, 5, {70, 8});
    const auto late = check_commune(geos, o);
    ASSERT_EQ(count(late, GeometricCheck::ordre), 2u);
    EXPECT_EQ(late[1].numero, 5);
    EXPECT_EQ(late[1].other, "numero 9 avant");
    // Another position type is ordered on its own.
    CommuneModel n = street();
    add(n, 0, 1, {50, 8}, PositionType::entree);
    add(n, 0, 3, {10, 8}, PositionType::batiment);
    EXPECT_EQ(count(check_commune(geos, n), GeometricCheck::ordre), 0u);
}

TEST(GeometricChecks, NearerToAnotherVoieSaysByHowMuch) {
    geo::GeosContext geos;
    CommuneModel m = street();
    m.voies.push_back(voie("Rue B", {{{0, 30}, {200, 30}}}, "x002"));
    add(m, 0, 1, {100, 20}); // 20 m from Rue A, 10 m from Rue B
    add(m, 1, 2, {100, 25}); // on its own Rue B's right side, 5 m
    const auto alerts = check_commune(geos, m);
    ASSERT_EQ(count(alerts, GeometricCheck::autre_voie), 1u);
    const GeometricAlert &a = alerts[0];
    EXPECT_EQ(a.voie_nom, "Rue A");
    EXPECT_EQ(a.other, "Rue B");
    EXPECT_DOUBLE_EQ(a.metres, 10.0);
}

TEST(GeometricChecks, NearerToAnotherVoieOnTheVoieItsParcelFrontsIsInformational) {
    geo::GeosContext geos;
    CommuneModel m = street();
    m.voies.push_back(voie("Rue B", {{{0, 30}, {200, 30}}}, "x002"));
    add(m, 0, 1, {100, 20}); // building 0, numbered on Rue A because its parcel fronts it
    add(m, 0, 3, {120, 20}); // building 1, numbered on Rue A by distance alone (none given)
    Assignment by_parcel;
    by_parcel.building = 0;
    by_parcel.by_parcel = true;
    m.assignments.push_back(by_parcel);
    const auto alerts = check_commune(geos, m);
    ASSERT_EQ(count(alerts, GeometricCheck::autre_voie_parcelle), 1u);
    ASSERT_EQ(count(alerts, GeometricCheck::autre_voie), 1u);
    EXPECT_EQ(alerts[0].check, GeometricCheck::autre_voie);
    EXPECT_EQ(alerts[0].numero, 3);
    EXPECT_EQ(alerts[1].numero, 1);
    EXPECT_EQ(geometric_check_level(GeometricCheck::autre_voie), 'W');
    EXPECT_EQ(geometric_check_level(GeometricCheck::autre_voie_parcelle), 'I');
}

// Bondy 93010 with segment positions: the projection on the axis lies left or right of it by
// rounding, and facing houses (or one behind the other) share it.
TEST(GeometricChecks, SegmentPositionsHaveNoSideAndMayCoincide) {
    geo::GeosContext geos;
    CommuneModel m = street();
    add(m, 0, 2, {50, 1e-9}, PositionType::segment);  // even, a hair left of the axis
    add(m, 0, 1, {50, 1e-9}, PositionType::segment);  // facing it
    add(m, 0, 3, {50.2, 0.0}, PositionType::segment); // behind 1 on the same side
    add(m, 0, 4, {50, 0.5});                          // a bâtiment 0.5 m left: on its side
    const auto alerts = check_commune(geos, m);
    EXPECT_EQ(count(alerts, GeometricCheck::trop_proche), 0u);
    ASSERT_EQ(count(alerts, GeometricCheck::cote_parite), 1u);
    EXPECT_EQ(alerts[0].numero, 4);
}

TEST(GeometricChecks, OutsideTheBoundary) {
    geo::GeosContext geos;
    CommuneModel m = street();
    m.boundary =
        geo::MultiPolygon{geo::Polygon{{{0, -50}, {100, -50}, {100, 50}, {0, 50}, {0, -50}}, {}}};
    add(m, 0, 1, {50, 8});
    add(m, 0, 3, {150, 8});
    const auto alerts = check_commune(geos, m);
    ASSERT_EQ(alerts.size(), 1u);
    EXPECT_EQ(alerts[0].check, GeometricCheck::hors_commune);
    EXPECT_EQ(alerts[0].numero, 3);
}

TEST(GeometricChecks, TwoAddressesCloserThanOneMetre) {
    geo::GeosContext geos;
    CommuneModel m = street();
    add(m, 0, 1, {50, 8});
    add(m, 0, 3, {50.6, 8.0});                       // 0.6 m: too close
    add(m, 0, 5, {52, 8});                           // 1.4 m from 3: fine
    add(m, 0, 7, {50.5, 8.2}, PositionType::entree); // another position type: not compared
    const auto alerts = check_commune(geos, m);
    ASSERT_EQ(count(alerts, GeometricCheck::trop_proche), 1u);
    EXPECT_EQ(alerts.back().numero, 1);
    EXPECT_EQ(alerts.back().other, "Rue A 3");
    EXPECT_DOUBLE_EQ(alerts.back().metres, 0.6);
}

TEST(GeometricChecks, TraceCrossingItself) {
    // A loop that crosses itself at (50, 0), and a fork and a roundabout that only touch.
    const Voie loop = voie("Chemin", {{{0, 0}, {100, 0}, {100, 50}, {50, 50}, {50, -50}}});
    const auto at = trace_crossings(loop);
    ASSERT_EQ(at.size(), 1u);
    EXPECT_DOUBLE_EQ(at[0].x, 50.0);
    EXPECT_DOUBLE_EQ(at[0].y, 0.0);
    const Voie fork =
        voie("Fourche", {{{0, 0}, {100, 0}}, {{100, 0}, {150, 50}}, {{100, 0}, {150, -50}}});
    EXPECT_TRUE(trace_crossings(fork).empty());
    const Voie ring = voie("Rond-Point", {{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}});
    EXPECT_TRUE(trace_crossings(ring).empty());
    // Two parts crossing each other.
    const Voie cross = voie("Croix", {{{0, 0}, {100, 0}}, {{50, -50}, {50, 50}}});
    EXPECT_EQ(trace_crossings(cross).size(), 1u);

    geo::GeosContext geos;
    CommuneModel m;
    m.voies.push_back(loop);
    m.voies.push_back(voie("Sans numéro", {{{0, 0}, {10, 10}, {10, 0}, {0, 10}}}, ""));
    const auto alerts = check_commune(geos, m);
    ASSERT_EQ(alerts.size(), 1u); // the voie without numbers is not in the BAL
    EXPECT_EQ(alerts[0].check, GeometricCheck::trace_croise);
}

TEST(GeometricChecks, HomonymousVoiesCloserThan500Metres) {
    geo::GeosContext geos;
    CommuneModel m;
    m.voies.push_back(voie("Rue du Moulin", {{{0, 0}, {100, 0}}}, "x001"));
    m.voies.push_back(voie("Rue du Moulin", {{{400, 0}, {500, 0}}}, "x002"));   // 300 m away
    m.voies.push_back(voie("Rue du Moulin", {{{1200, 0}, {1300, 0}}}, "x003")); // 700 m
    const auto alerts = check_commune(geos, m);
    ASSERT_EQ(alerts.size(), 1u);
    EXPECT_EQ(alerts[0].check, GeometricCheck::homonyme_proche);
    EXPECT_DOUBLE_EQ(alerts[0].metres, 300.0);
    EXPECT_EQ(alerts[0].other, "Rue du Moulin (x002)");
}

TEST(GeometricChecks, HomonymousVoiesOfTwoCommunesDelegueesAreDistinctByDesign) {
    geo::GeosContext geos;
    CommuneModel m;
    m.voies.push_back(voie("Rue du Moulin", {{{0, 0}, {100, 0}}}, "x001"));
    m.voies.push_back(voie("Rue du Moulin", {{{100, 0}, {200, 0}}}, "x002")); // touching
    m.voies.push_back(voie("Rue du Moulin", {{{300, 0}, {400, 0}}}, "x003")); // 100 m on
    m.voies[0].commune_deleguee_insee = "27412";
    m.voies[1].commune_deleguee_insee = "27648";
    m.voies[2].commune_deleguee_insee = "27648";
    const auto alerts = check_commune(geos, m);
    ASSERT_EQ(alerts.size(), 1u); // x002 and x003, in Tostes; not x001, in Montaure
    EXPECT_EQ(alerts[0].check, GeometricCheck::homonyme_proche);
    EXPECT_DOUBLE_EQ(alerts[0].metres, 100.0);
    EXPECT_EQ(alerts[0].other, "Rue du Moulin (x003)");
}
