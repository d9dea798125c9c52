#include <algorithm>
#include <cmath>
#include <filesystem>
#include <tuple>

#include "adressage/error.hpp"
#include "adressage/formats/bal_writer.hpp"
#include "adressage/geo/transformer.hpp"
#include "adressage/pipeline/stages.hpp"

namespace adressage::pipeline {

namespace {
double round2(double v) { return std::round(v * 100.0) / 100.0; }
} // namespace

void WriteStage::run(CommuneModel &model, RunContext &ctx) {
    // x/y are written with 2 decimals; long/lat are computed from the written values, in one
    // batched PROJ call, so the two always agree.
    std::vector<geo::XY> xy;
    xy.reserve(model.positions.size());
    for (const Position &p : model.positions) {
        xy.push_back({round2(p.xy.x), round2(p.xy.y)});
    }
    std::vector<geo::XY> lonlat = xy;
    geo::Transformer(model.crs.definition(), "EPSG:4326").forward(lonlat);

    std::vector<formats::BalRow> rows;
    rows.reserve(model.positions.size());
    for (std::size_t i = 0; i < model.positions.size(); ++i) {
        const Position &position = model.positions[i];
        const Numero &numero = model.numeros[position.numero];
        const Voie &voie = model.voies[numero.voie];
        formats::BalRow row;
        row.cle_interop = formats::cle_interop(model.insee, voie.code, numero.numero);
        row.commune_insee = model.insee;
        row.commune_nom = model.nom;
        row.voie_nom = voie.nom;
        row.numero = numero.numero;
        row.position = position.type;
        row.x = xy[i].x;
        row.y = xy[i].y;
        row.lon = lonlat[i].x;
        row.lat = lonlat[i].y;
        row.source = ctx.options.source;
        row.date_der_maj = ctx.options.date;
        rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end(), [](const formats::BalRow &a, const formats::BalRow &b) {
        return std::tie(a.voie_nom, a.cle_interop, a.position) <
               std::tie(b.voie_nom, b.cle_interop, b.position);
    });

    if (rows.empty()) {
        // The BAN refuses a BAL without rows (rows.empty): write nothing and say why.
        throw InputError(
            "--commune " + model.insee,
            "no building could be numbered (" + std::to_string(model.buildings.size()) +
                " buildings inside the boundary, " + std::to_string(model.voies.size()) +
                " named voies); check that the boundary, roads and buildings are "
                "those of this commune and that the roads have names");
    }

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
    formats::BalWriter writer(ctx.bal_path);
    for (const formats::BalRow &row : rows) {
        writer.write(row);
    }
    writer.finish();
    ctx.rows_written = writer.rows();
    ctx.diagnostics.count("write", "rows", static_cast<std::int64_t>(writer.rows()));
}

std::vector<std::unique_ptr<Stage>> standard_stages() {
    std::vector<std::unique_ptr<Stage>> stages;
    stages.push_back(std::make_unique<IngestStage>());
    stages.push_back(std::make_unique<ClipStage>());
    stages.push_back(std::make_unique<NamesStage>());
    stages.push_back(std::make_unique<VoiesStage>());
    stages.push_back(std::make_unique<AssignStage>());
    stages.push_back(std::make_unique<NumberStage>());
    stages.push_back(std::make_unique<PositionStage>());
    stages.push_back(std::make_unique<WriteStage>());
    return stages;
}

} // namespace adressage::pipeline
