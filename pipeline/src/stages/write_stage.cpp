#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <map>
#include <numeric>
#include <tuple>

#include "adressage/error.hpp"
#include "adressage/formats/atomic_file.hpp"
#include "adressage/formats/bal_reader.hpp"
#include "adressage/formats/bal_table_writer.hpp"
#include "adressage/formats/bal_writer.hpp"
#include "adressage/formats/upload_file.hpp"
#include "adressage/geo/thread_transformer.hpp"
#include "adressage/validator/validator.hpp"
#include "checks/geometric_checks.hpp"
#include "naming/naming_stage.hpp"
#include "naming/voie_names_stage.hpp"
#include "review/review_stage.hpp"
#include "stages/stages.hpp"
#include "stages/toponymes.hpp"
#include "topo/topo_match.hpp"
#include "update/update_stage.hpp"

namespace adressage::pipeline {

namespace {

double round2(double v) { return std::round(v * 100.0) / 100.0; }

// The file is validated with the BAN's rules before it is put in place: a file the BAN would
// refuse is never written. The verdict goes in the report.
void check_before_writing(const std::string &content, RunContext &ctx) {
    formats::BalReader reader(content, ctx.bal_path); // streamed: no table of the rows
    validator::Options options{option_text(ctx.options.bal_version), ctx.cog(), "", {}};
    options.read_ahead = !ctx.one_thread;
    const validator::Report verdict = validator::validate(reader, options);
    nlohmann::json codes = nlohmann::json::array();
    for (const validator::Alert &alert : verdict.profil_errors) {
        codes.push_back({{"code", std::string(alert.code)},
                         {"level", std::string(1, static_cast<char>(alert.level))}});
    }
    ctx.results.report_sections["validation"] = {
        {"validator", "adressage validate (the rules of @ban-team/validateur-bal 3.5.2)"},
        {"profile", verdict.profile},
        {"blocked", verdict.blocked},
        {"alert_counts",
         {{"E", verdict.alert_counts.errors},
          {"W", verdict.alert_counts.warnings},
          {"I", verdict.alert_counts.infos}}},
        {"codes", codes}};
    // The project's own checks (adressage.*), which never block: counted per code.
    std::map<std::string, std::size_t> own;
    for (const validator::RowAlerts &row : verdict.adressage_rows) {
        for (const validator::Alert &alert : row.errors) {
            ++own[std::string(alert.code)];
        }
    }
    for (const auto *rows : {&verdict.rows, &verdict.adressage_rows}) {
        for (const validator::RowAlerts &row : *rows) {
            for (const validator::Alert &alert : row.errors) {
                ctx.results.row_alerts.push_back(
                    {row.line, std::string(alert.code), static_cast<char>(alert.level)});
            }
        }
    }
    ctx.results.report_sections["validation"]["adressage_checks"] = {
        {"alert_counts",
         {{"W", verdict.adressage_counts.warnings}, {"I", verdict.adressage_counts.infos}}},
        {"codes", own}};
    if (verdict.blocked) {
        std::string blocking;
        for (const validator::Alert &alert : verdict.profil_errors) {
            if (alert.level == validator::Level::error) {
                blocking.append(blocking.empty() ? "" : ", ").append(alert.code);
            }
        }
        throw Error("the BAL would be refused by the BAN (" + blocking +
                    "); nothing was written, see the report of `adressage validate`");
    }
}

// x/y are written with 2 decimals; long/lat are computed from the written values, in one
// batched PROJ call, so the two always agree. The positions', then the toponymes'.
struct WrittenCoordinates {
    std::vector<geo::XY> xy;
    std::vector<geo::XY> lonlat;
};

WrittenCoordinates written_coordinates(const CommuneModel &model) {
    WrittenCoordinates at;
    at.xy.reserve(model.positions.size());
    for (const Position &p : model.positions) {
        at.xy.push_back({round2(p.xy.x), round2(p.xy.y)});
    }
    for (const Toponyme &t : model.toponymes) {
        at.xy.push_back({round2(t.xy.x), round2(t.xy.y)});
    }
    at.lonlat = at.xy;
    geo::thread_transformer(model.crs.definition(), "EPSG:4326").forward(at.lonlat);
    return at;
}

// The row of position `i`, filled in place.
void fill_address_row(formats::BalRow &row, const CommuneModel &model, std::size_t i,
                      const WrittenCoordinates &at, const RunOptions &options) {
    const Position &position = model.positions[i];
    const Numero &numero = model.numeros[position.numero];
    const Voie &voie = model.voies[numero.voie];
    row.cle_interop = formats::cle_interop(model.insee, voie.code, numero.numero, numero.suffixe);
    row.commune_insee = model.insee;
    row.commune_nom = model.nom;
    row.commune_deleguee_insee = voie.commune_deleguee_insee;
    row.commune_deleguee_nom = voie.commune_deleguee_nom;
    row.voie_nom = voie.nom;
    if (position.numero < model.lieudits.size() && model.lieudits[position.numero]) {
        row.lieudit_complement_nom = model.toponymes[*model.lieudits[position.numero]].nom;
    }
    row.numero = numero.numero;
    row.suffixe = numero.suffixe;
    row.position = position.type;
    row.x = at.xy[i].x;
    row.y = at.xy[i].y;
    row.lon = at.lonlat[i].x;
    row.lat = at.lonlat[i].y;
    row.cad_parcelles = position.cad_parcelles;
    row.source = options.source;
    row.date_der_maj = options.date;
}

// The row of toponyme `t`, filled in place: numero 99999, at its point (a place node, or inside the
// lieu-dit).
void fill_toponyme_row(formats::BalRow &row, const CommuneModel &model, std::size_t t,
                       const WrittenCoordinates &at, const RunOptions &options) {
    const Toponyme &toponyme = model.toponymes[t];
    const std::size_t i = model.positions.size() + t;
    row.cle_interop = formats::cle_interop(model.insee, toponyme.code, 99999);
    row.commune_insee = model.insee;
    row.commune_nom = model.nom;
    row.commune_deleguee_insee = toponyme.commune_deleguee_insee;
    row.commune_deleguee_nom = toponyme.commune_deleguee_nom;
    row.voie_nom = toponyme.nom;
    row.numero = 99999;
    row.position = formats::PositionType::segment;
    row.x = at.xy[i].x;
    row.y = at.xy[i].y;
    row.lon = at.lonlat[i].x;
    row.lat = at.lonlat[i].y;
    row.source = options.source;
    row.date_der_maj = options.date;
}

// The rows of the positions, then of the toponymes.
std::vector<formats::BalRow> bal_rows(const CommuneModel &model, const RunOptions &options) {
    const WrittenCoordinates at = written_coordinates(model);
    std::vector<formats::BalRow> rows;
    rows.reserve(model.positions.size() + model.toponymes.size());
    for (std::size_t i = 0; i < model.positions.size(); ++i) {
        fill_address_row(rows.emplace_back(), model, i, at, options);
    }
    for (std::size_t t = 0; t < model.toponymes.size(); ++t) {
        fill_toponyme_row(rows.emplace_back(), model, t, at, options);
    }
    return rows;
}

// By voie_nom, cle_interop, position. Sorted through their indices: a row is two dozen
// strings, too many to move at every step of the sort. The comparisons are the same, so is the
// order.
void sort_rows(std::vector<formats::BalRow> &rows) {
    std::vector<std::uint32_t> order(rows.size());
    std::iota(order.begin(), order.end(), std::uint32_t{0});
    std::sort(order.begin(), order.end(), [&rows](std::uint32_t i, std::uint32_t j) {
        const formats::BalRow &a = rows[i];
        const formats::BalRow &b = rows[j];
        return std::tie(a.voie_nom, a.cle_interop, a.position) <
               std::tie(b.voie_nom, b.cle_interop, b.position);
    });
    std::vector<formats::BalRow> sorted;
    sorted.reserve(rows.size());
    for (const std::uint32_t i : order) {
        sorted.push_back(std::move(rows[i]));
    }
    rows.swap(sorted);
}

// The BAN refuses a BAL without rows: write nothing and say why.
void refuse_empty_bal(const std::vector<formats::BalRow> &rows, bool update,
                      const CommuneModel &model, const RunContext &ctx) {
    if (rows.empty() && !(update && ctx.results.update->kept_rows() > 0)) {
        throw InputError(
            "--commune " + model.insee,
            "no building could be numbered (" + std::to_string(model.buildings.size()) +
                " buildings inside the boundary, " + std::to_string(model.voies.size()) +
                " named voies); check that the boundary, roads and buildings are "
                "those of this commune and that the roads have names");
    }
}

void create_output_dir(RunContext &ctx) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(ctx.output_dir)) {
        fs::create_directories(ctx.output_dir, ec);
        if (ec) {
            throw InputError("--out " + ctx.options.out_dir, "cannot create '" + ctx.output_dir +
                                                                 "' (" + ec.message() +
                                                                 "); choose a writable directory");
        }
        ctx.created_output_dir = true;
    }
}

// --existing, --ledger or BAL 1.5: the kept rows, the new rows and the BAN ids in `table`,
// written by the project's BAL table writer (the columns in the specification's order).
std::string updated_bal(const std::vector<formats::BalRow> &rows, RunContext &ctx,
                        formats::BalTable &table) {
    table = build_output_table(rows, ctx);
    return formats::write_bal(table, ctx.results.update->version);
}

// BAL 1.4, each line written in place (the bytes write_bal gives the same rows).
std::string bal14(const std::vector<formats::BalRow> &rows) {
    std::string content = formats::bal14_header();
    content.push_back('\n');
    content.reserve(content.size() + rows.size() * 160); // a line is 120 to 200 bytes
    for (const formats::BalRow &row : rows) {
        formats::append_bal14_line(content, row);
    }
    return content;
}

// The file put in place; named for upload (--siren), its checksum beside it.
void write_bal_files(const std::string &content, const RunContext &ctx) {
    formats::write_file_atomically(ctx.bal_path, content);
    if (!ctx.options.siren.empty()) {
        formats::write_file_atomically(ctx.bal_path + ".sha256",
                                       formats::sha256_hex(content) + "  " +
                                           std::filesystem::path(ctx.bal_path).filename().string() +
                                           "\n");
    }
}

} // namespace

void WriteStage::run(CommuneModel &model, RunContext &ctx) {
    std::vector<formats::BalRow> rows = bal_rows(model, ctx.options);
    sort_rows(rows);
    const bool update = ctx.results.update && ctx.results.update->active;
    refuse_empty_bal(rows, update, model, ctx);
    create_output_dir(ctx);
    formats::BalTable table; // the update's rows
    const std::string content = update ? updated_bal(rows, ctx, table) : bal14(rows);
    check_before_writing(content, ctx);
    if (update) {
        record_in_ledger(table, ctx); // one transaction, before the file is put in place
    }
    const std::size_t rows_written = update ? table.rows.size() : rows.size();
    write_bal_files(content, ctx);
    ctx.results.rows_written = rows_written;
    ctx.diagnostics.count("write", "rows", static_cast<std::int64_t>(rows_written));
}

std::vector<std::unique_ptr<Stage>> standard_stages() {
    std::vector<std::unique_ptr<Stage>> stages;
    stages.push_back(std::make_unique<IngestStage>());
    stages.push_back(std::make_unique<ClipStage>());
    stages.push_back(std::make_unique<NamesStage>());
    stages.push_back(std::make_unique<VoieNamesStage>());
    stages.push_back(std::make_unique<VoiesStage>());
    stages.push_back(std::make_unique<AssignStage>());
    stages.push_back(std::make_unique<NamingStage>());
    stages.push_back(std::make_unique<DelegueesStage>());
    stages.push_back(std::make_unique<NumberStage>());
    stages.push_back(std::make_unique<ExistingStage>());
    stages.push_back(std::make_unique<PositionStage>());
    stages.push_back(std::make_unique<ToponymesStage>());
    stages.push_back(std::make_unique<TopoStage>());
    stages.push_back(std::make_unique<GeometricChecksStage>());
    stages.push_back(std::make_unique<WriteStage>());
    stages.push_back(std::make_unique<ReviewStage>());
    return stages;
}

} // namespace adressage::pipeline
