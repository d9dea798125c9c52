// GeometricChecksStage (geometric_checks.hpp): the report's "geometric_checks" section.
#include <cmath>
#include <cstdint>

#include "checks/geometric_checks.hpp"

namespace adressage::pipeline {

void GeometricChecksStage::run(CommuneModel &model, RunContext &ctx) {
    GeometricCheckOptions options;
    options.homonym_distance = 500.0;
    std::vector<GeometricAlert> alerts = check_commune(ctx.geos, model, options);
    constexpr std::size_t max_examples = 5;
    nlohmann::json codes = nlohmann::json::object();
    std::array<std::size_t, geometric_check_count> counts{};
    for (std::size_t c = 0; c < geometric_check_count; ++c) {
        const auto check = static_cast<GeometricCheck>(c);
        codes[std::string(geometric_check_code(check))] = {
            {"level", std::string(1, geometric_check_level(check))},
            {"label", std::string(geometric_check_label(check))},
            {"count", 0},
            {"examples", nlohmann::json::array()}};
    }
    std::size_t warnings = 0;
    for (const GeometricAlert &a : alerts) {
        const auto c = static_cast<std::size_t>(a.check);
        warnings += geometric_check_level(a.check) == 'W' ? 1 : 0;
        nlohmann::json &entry = codes[std::string(geometric_check_code(a.check))];
        entry["count"] = ++counts[c];
        if (entry["examples"].size() < max_examples) {
            nlohmann::json example = {
                {"voie_nom", a.voie_nom},
                {"xy", {std::round(a.xy.x * 100.0) / 100.0, std::round(a.xy.y * 100.0) / 100.0}}};
            if (a.numero != 0) {
                example["numero"] = a.numero;
            }
            if (a.metres != 0.0) {
                example["metres"] = a.metres;
            }
            if (!a.other.empty()) {
                example["other"] = a.other;
            }
            entry["examples"].push_back(std::move(example));
        }
    }
    ctx.diagnostics.count("checks", "geometric_alerts", static_cast<std::int64_t>(alerts.size()));
    ctx.results.report_sections["geometric_checks"] = {
        {"positions", model.positions.size()},
        {"alert_counts", {{"W", warnings}, {"I", alerts.size() - warnings}}},
        {"codes", codes}};
    ctx.results.geometric_alerts = std::move(alerts);
}

} // namespace adressage::pipeline
