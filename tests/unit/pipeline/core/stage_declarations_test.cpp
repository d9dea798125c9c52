// Each stage's writes() (stage.hpp) against what it changes: the standard stages run on real
// communes through every optional path (places, parcels, communes déléguées, TOPO codes, an
// update with a ledger), each table and named result is summed up before and after each
// stage's prepare() and run(), and a change the stage does not declare fails.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>

#include <unistd.h>

#include "core/commune_run.hpp"
#include "core/run_context.hpp"
#include "core/stage.hpp"
#include "update/update_stage.hpp"

namespace adressage::pipeline {
namespace {

namespace fs = std::filesystem;

void put(std::ostream &out, const geo::Polyline &line) {
    out << line.size() << ':';
    for (const geo::XY &p : line) {
        out << p.x << ',' << p.y << ';';
    }
}

void put(std::ostream &out, const geo::MultiPolygon &area) {
    for (const geo::Polygon &polygon : area) {
        put(out, polygon.outer);
        for (const geo::Ring &hole : polygon.holes) {
            put(out, hole);
        }
        out << '|';
    }
}

// What a table or result holds, as text: equal texts, same content (up to the fields written).
std::string summary(Table table, const CommuneModel &m, const RunContext &ctx) {
    std::ostringstream out;
    out.precision(17);
    switch (table) {
    case boundary_table:
        if (m.boundary) {
            put(out, *m.boundary);
        }
        out << m.centre.x << ',' << m.centre.y;
        break;
    case roads_table:
        for (const RoadSegment &r : m.roads) {
            out << r.source << r.fid << r.name << r.kind << r.hint;
            put(out, r.line);
        }
        break;
    case buildings_table:
        for (const Building &b : m.buildings) {
            out << b.source << b.fid << b.anchor.x << b.anchor.y;
            put(out, b.footprint);
        }
        break;
    case parcels_table:
        for (const Parcel &p : m.parcels) {
            out << p.id;
            put(out, p.outline);
        }
        break;
    case deleguees_table:
        for (const CommuneDeleguee &d : m.communes_deleguees) {
            out << d.insee << d.nom;
            put(out, d.area);
        }
        break;
    case voies_table:
        for (const Voie &v : m.voies) {
            out << v.nom << v.length << static_cast<int>(v.origin_rule)
                << static_cast<int>(v.numbering) << v.numbering_from_voie_options
                << v.metres_per_unit << v.classic_gaps << v.code << v.commune_deleguee_insee
                << v.commune_deleguee_nom;
            for (const geo::Polyline &part : v.parts) {
                put(out, part);
            }
        }
        break;
    case assignments_table:
        for (const Assignment &a : m.assignments) {
            out << a.building << ',' << a.voie << ',' << a.along << ',' << a.offset << ','
                << static_cast<int>(a.side) << a.part << a.by_parcel << ';';
        }
        break;
    case numeros_table:
        for (const Numero &n : m.numeros) {
            out << n.voie << ',' << n.numero << ',' << n.building << n.suffixe << ';';
        }
        break;
    case positions_table:
        for (const Position &p : m.positions) {
            out << p.numero << static_cast<int>(p.type) << p.xy.x << p.xy.y << p.cad_parcelles;
        }
        break;
    case toponymes_table:
        for (const Toponyme &t : m.toponymes) {
            out << t.nom << t.xy.x << t.xy.y << t.code << t.commune_deleguee_insee
                << t.commune_deleguee_nom;
            put(out, t.area);
        }
        break;
    case lieudits_table:
        for (const auto &l : m.lieudits) {
            out << (l ? std::to_string(*l) : "-") << ';';
        }
        break;
    case unserved_table:
        for (const BuildingIdx b : m.unserved) {
            out << b << ';';
        }
        break;
    case voies_a_nommer_table:
        for (const VoieANommer &v : m.voies_a_nommer) {
            out << v.id << v.length << v.kind << v.hint << v.named_ends << v.unnamed_ends
                << v.free_ends << ':';
            for (const std::size_t r : v.roads) {
                out << r << ',';
            }
            for (const BuildingIdx b : v.buildings) {
                out << b << ',';
            }
        }
        for (const BuildingIdx b : m.on_lanes) {
            out << b << ';';
        }
        break;
    case update_result:
        if (const UpdateState *u = ctx.results.update.get()) {
            out << u->active << u->existing.rows.size() << u->addresses.size()
                << u->voie_codes.size() << u->kept_rows() << (u->ledger != nullptr);
        }
        break;
    case report_result:
        out << ctx.results.report_sections.dump();
        break;
    case bal_result:
        out << ctx.results.rows_written;
        break;
    default:
        ADD_FAILURE() << "stage_declarations_test: teach summary() table " << table;
    }
    return out.str();
}

constexpr Table every_table[] = {boundary_table,  roads_table,     buildings_table,   parcels_table,
                                 deleguees_table, voies_table,     assignments_table, numeros_table,
                                 positions_table, toponymes_table, lieudits_table,    update_result,
                                 report_result,   bal_result};

std::map<Table, std::string> summaries(const CommuneModel &m, const RunContext &ctx) {
    std::map<Table, std::string> out;
    for (const Table t : every_table) {
        out[t] = summary(t, m, ctx);
    }
    return out;
}

// Runs `options` and returns, per stage, the tables it changed that its writes() leaves out.
std::map<std::string, Tables> undeclared_changes(const RunOptions &options, Tables &changed) {
    std::map<std::string, Tables> undeclared;
    std::map<Table, std::string> last;
    RunShared shared;
    shared.observe = [&](const Stage *stage, const CommuneModel &m, const RunContext &ctx) {
        std::map<Table, std::string> now = summaries(m, ctx);
        if (stage != nullptr) {
            for (const Table t : every_table) {
                if (now[t] != last[t]) {
                    changed |= t;
                    if ((stage->writes() & t) == 0) {
                        undeclared[std::string(stage->name())] |= t;
                    }
                }
            }
        }
        last = std::move(now);
    };
    run_commune(options, shared);
    return undeclared;
}

struct StageDeclarations : ::testing::Test {
    fs::path dir =
        fs::temp_directory_path() / ("adressage_stage_declarations_" + std::to_string(::getpid()));
    std::string data = ADRESSAGE_TEST_DATA;
    void SetUp() override { fs::create_directories(dir); }
    void TearDown() override { fs::remove_all(dir); }

    RunOptions base() const {
        RunOptions o;
        o.data_dir = data;
        o.date = "2026-11-20";
        o.out_dir = (dir / "out").string();
        return o;
    }
    void expect_declared(const RunOptions &o, Tables &changed) {
        for (const auto &[stage, tables] : undeclared_changes(o, changed)) {
            ADD_FAILURE() << "stage '" << stage << "' changes tables " << tables
                          << " (stage.hpp bits) that its writes() does not declare";
        }
    }
};

TEST_F(StageDeclarations, EveryChangeIsDeclaredOnEveryPath) {
    Tables changed = no_table;
    // Beausoleil: its square, every position type, TOPO codes, its voies à nommer named, a BAL
    // 1.5 with a ledger, then its update.
    RunOptions o = default_commune_options(data);
    const RunOptions b = base();
    o.data_dir = b.data_dir;
    o.date = b.date;
    o.out_dir = b.out_dir;
    o.places = {data + "/osm-alpes-maritimes-2016/places-06012.geojson"};
    o.positions = {formats::PositionType::entree, formats::PositionType::batiment,
                   formats::PositionType::segment};
    o.topo = data + "/../tests/fixtures/topo/TOPO-06012-beausoleil-CONSTRUCTED.csv";
    o.voie_names = data + "/../tests/e2e/voie-names/beausoleil.csv";
    o.ledger = (dir / "ledger.sqlite").string();
    o.bal_version = formats::BalVersion::v1_5;
    o.id_ban_commune = "0c2f1d55-3e6b-4c7a-9d1e-0a0000006012";
    expect_declared(o, changed);
    const fs::path first = dir / "first.csv";
    fs::copy_file(dir / "out" / "06012" / "bal-06012.csv", first);
    o.existing = first.string();
    o.numbering = NumberingMode::classic;
    expect_declared(o, changed);
    // La Turbie: places as toponymes and lieux-dits of the addresses.
    const std::string osm = data + "/osm-alpes-maritimes-2016/";
    RunOptions turbie = base();
    turbie.insee = "06150";
    turbie.roads = {osm + "osm-06150.gpkg:roads"};
    turbie.buildings = {osm + "osm-06150.gpkg:buildings"};
    turbie.boundary = {osm + "boundary-06150.geojson"};
    turbie.places = {osm + "places-06150.geojson"};
    expect_declared(turbie, changed);
    // Terres-de-Bord: parcels and communes déléguées.
    const std::string tdb = "/vsigzip/" + data + "/cadastre-27412-terres-de-bord/";
    RunOptions t = base();
    t.insee = "27412";
    t.preset = "cadastre";
    t.roads = {data + "/cadastre-27412-terres-de-bord/roads-CONSTRUCTED.geojson"};
    t.buildings = {tdb + "batiments.geojson.gz"};
    t.parcels = {tdb + "parcelles.geojson.gz"};
    t.boundary = {tdb + "sections.geojson.gz"};
    t.communes_deleguees = {tdb + "sections.geojson.gz"};
    expect_declared(t, changed);
    // The runs went through every table and result: the check above saw each change.
    for (const Table table : every_table) {
        EXPECT_NE(changed & table, 0u) << "no run changed table " << table;
    }
}

} // namespace
} // namespace adressage::pipeline
