#include "review/review_stage.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "adressage/error.hpp"
#include "adressage/formats/bal_reader.hpp"
#include "review/review_layers.hpp"
#include "update/update_stage.hpp"

namespace adressage::pipeline {

namespace {

// The layers in the order they are written, and so in the order QGIS lists them.
const std::vector<std::string> &layer_names() {
    static const std::vector<std::string> names = {
        "alertes", "adresses", "assignations_ambigues", "voies", "voies_a_nommer", "batiments"};
    return names;
}

std::string read_text(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) {
        throw InputError(path, "cannot read this style file; reinstall datasets/review-styles "
                               "or set ADRESSAGE_DATA");
    }
    return text.str();
}

void remove_quietly(const std::string &path) {
    std::error_code ec;
    std::filesystem::remove(path, ec);
}

} // namespace

std::string ReviewStage::read_style(const std::string &data_dir, const std::string &layer) {
    return read_text(data_dir + "/review-styles/" + layer + ".qml");
}

geo::OutputLayer ReviewStage::styles_layer(const std::vector<geo::OutputLayer> &layers,
                                           const std::vector<std::string> &qml,
                                           const std::string &timestamp) {
    using geo::FieldType;
    geo::OutputLayer out{"layer_styles", geo::LayerGeometry::none, {}, {}, {}};
    out.fields = {{"f_table_catalog", FieldType::text},
                  {"f_table_schema", FieldType::text},
                  {"f_table_name", FieldType::text},
                  {"f_geometry_column", FieldType::text},
                  {"styleName", FieldType::text},
                  {"styleQML", FieldType::text},
                  {"styleSLD", FieldType::text},
                  {"useAsDefault", FieldType::boolean},
                  {"description", FieldType::text},
                  {"owner", FieldType::text},
                  {"ui", FieldType::text},
                  {"update_time", FieldType::datetime}};
    for (std::size_t i = 0; i < layers.size() && i < qml.size(); ++i) {
        geo::OutputFeature f;
        f.values = {std::string(),       std::string(),     layers[i].name,
                    std::string("geom"), layers[i].name,    qml[i],
                    std::string(),       std::int64_t{1},   std::string("adressage"),
                    std::string(),       geo::FieldValue{}, timestamp};
        out.features.push_back(std::move(f));
    }
    return out;
}

void ReviewStage::prepare(RunContext &ctx) {
    styles_.clear();
    if (ctx.options.no_review) {
        return;
    }
    for (const std::string &name : layer_names()) {
        styles_.push_back(read_style(ctx.options.data_dir, name));
    }
}

void ReviewStage::run(CommuneModel &model, RunContext &ctx) {
    if (ctx.options.no_review) {
        return;
    }
    const nlohmann::json &naming =
        ctx.results.report_sections.value("voies_a_nommer", nlohmann::json::object());
    std::vector<geo::OutputLayer> layers;
    const formats::BalTable bal = formats::read_bal_file(ctx.bal_path);
    layers.push_back(alertes_layer(bal, ctx.results.row_alerts, ctx.results.geometric_alerts));
    layers.push_back(adresses_layer(model, bal, ctx.results.update.get(), ctx.results.row_alerts));
    layers.push_back(ambiguous_layer(model));
    layers.push_back(voies_layer(model));
    layers.push_back(voies_a_nommer_layer(model, naming));
    layers.push_back(batiments_layer(model, ctx.results.update.get()));
    const std::string timestamp = ctx.options.date + "T00:00:00.000Z";
    layers.push_back(styles_layer(layers, styles_, timestamp));

    const std::string path = ctx.output_dir + "/review.gpkg";
    try {
        geo::write_geopackage(path, model.crs.epsg, layers, timestamp);
    } catch (const std::exception &e) {
        remove_quietly(ctx.bal_path); // no BAL that looks complete without its review
        remove_quietly(ctx.bal_path + ".sha256");
        throw InputError("--out " + ctx.options.out_dir,
                         std::string("cannot write ") + path + " (" + e.what() +
                             "); free some space or choose a writable folder, or pass "
                             "--no-review");
    }
    nlohmann::json counts = nlohmann::json::object();
    for (const geo::OutputLayer &layer : layers) {
        counts[layer.name] = layer.features.size();
    }
    ctx.results.report_sections["review"] = {{"file", "review.gpkg"}, {"layers", counts}};
}

} // namespace adressage::pipeline
