#include "core/commune_run.hpp"

#include <chrono>
#include <cmath>
#include <filesystem>

#include "adressage/error.hpp"
#include "adressage/formats/atomic_file.hpp"
#include "options/run_option_keys.hpp"
#include "stages/stages.hpp"

namespace adressage::pipeline {

namespace fs = std::filesystem;

namespace {

const formats::CogEntry &find_commune(const formats::CommuneList &communes,
                                      const std::string &insee) {
    if (const formats::CogEntry *commune = communes.find_current(insee)) {
        return *commune;
    }
    if (const formats::CogEntry *successor = communes.successor_of(insee)) {
        throw InputError("--commune " + insee, "is a former commune, now part of " +
                                                   successor->code + " " + successor->nom +
                                                   "; run on " + successor->code);
    }
    throw InputError("--commune " + insee,
                     "unknown INSEE code (not a current commune of the COG 2026); give the "
                     "code of a current commune or municipal arrondissement");
}

void check_chain(const std::vector<std::unique_ptr<Stage>> &stages) {
    Tables written = no_table;
    for (const auto &stage : stages) {
        if ((stage->reads() & ~written) != 0) {
            throw Error("pipeline: stage '" + std::string(stage->name()) +
                        "' runs before the stage that writes what it reads");
        }
        written |= stage->writes();
    }
}

// Runs `body` and rethrows library failures as StageErrors carrying the stage's name;
// input and configuration errors keep their own type (they are the user's to fix).
template <typename F> void in_stage(const Stage &stage, F &&body) {
    try {
        body();
    } catch (const InputError &) {
        throw;
    } catch (const ConfigError &) {
        throw;
    } catch (const std::exception &e) {
        throw StageError(std::string(stage.name()), e.what());
    }
}

// [{source, layer}] per input; layer null when the source had none of the preset's layers.
template <typename Input>
nlohmann::json describe_inputs(const std::vector<std::string> &specs,
                               const std::vector<std::unique_ptr<Input>> &inputs) {
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        out.push_back({{"source", specs[i]},
                       {"layer", inputs[i]->present() ? nlohmann::json(inputs[i]->layer_name())
                                                      : nlohmann::json(nullptr)}});
    }
    return out;
}

std::int64_t skipped_buildings(const Diagnostics &d, nlohmann::json &by_reason) {
    std::int64_t total = 0;
    const nlohmann::json all = d.to_json()["skipped"];
    for (const char *stage : {"ingest.buildings", "clip.buildings", "assign", "number"}) {
        if (!all.contains(stage)) {
            continue;
        }
        for (const auto &[reason, entry] : all[stage].items()) {
            by_reason[reason] = by_reason.value(reason, 0) + entry["count"].get<std::int64_t>();
            total += entry["count"].get<std::int64_t>();
        }
    }
    return total;
}

} // namespace

formats::Preset preset_for(const RunOptions &options) {
    formats::Preset preset = formats::preset_by_name(options.preset);
    if (options.road_name_field) {
        preset.road_name_field = *options.road_name_field;
        preset.road_name_parts.clear(); // the user's field, nothing else
    }
    if (options.road_kind_field) {
        preset.road_kind_field = *options.road_kind_field;
    }
    return preset;
}

namespace {

// `preloaded`: the commune's inputs given in memory (a batch), null to read the sources.
RunResult run(RunOptions options, CommuneInputs *preloaded, const RunShared &shared) {
    check_options(options);
    if (options.data_dir.empty()) {
        options.data_dir = default_data_dir();
    }
    RunContext ctx(options);
    ctx.preloaded = preloaded;
    ctx.preset = preset_for(options);
    ctx.shared_dictionaries = shared.dictionaries;
    ctx.shared_communes = shared.communes;
    ctx.one_thread = shared.one_thread;
    if (shared.communes == nullptr) {
        ctx.communes = formats::CommuneList::load(options.data_dir + "/cog-2026/communes.csv");
    }
    ctx.commune = &find_commune(ctx.cog(), options.insee);

    CommuneModel model;
    model.insee = options.insee;
    model.nom = ctx.commune->nom;
    model.crs = geo::legal_crs_for_insee(options.insee);

    ctx.output_dir = (fs::path(options.out_dir) / options.insee).string();
    ctx.bal_path = (fs::path(ctx.output_dir) / ("bal-" + options.insee + ".csv")).string();
    const std::string report_path = (fs::path(ctx.output_dir) / "report.json").string();

    auto stages = standard_stages();
    check_chain(stages);
    const auto observe = [&](const Stage *stage) {
        if (shared.observe) {
            shared.observe(stage, model, ctx);
        }
    };
    observe(nullptr);
    for (auto &stage : stages) {
        in_stage(*stage, [&] { stage->prepare(ctx); });
        observe(stage.get());
    }

    nlohmann::json timings = nlohmann::json::object();
    RunResult result;
    try {
        for (auto &stage : stages) {
            const auto start = std::chrono::steady_clock::now();
            in_stage(*stage, [&] { stage->run(model, ctx); });
            const std::chrono::duration<double, std::milli> spent =
                std::chrono::steady_clock::now() - start;
            timings[std::string(stage->name())] = std::round(spent.count() * 10.0) / 10.0;
            observe(stage.get());
        }

        nlohmann::json report;
        report["adressage_version"] = ADRESSAGE_VERSION;
        report["commune"] = {{"insee", model.insee}, {"nom", model.nom}};
        report["crs"] = model.crs.definition();
        report["preset"] = ctx.preset.name;
        if (preloaded != nullptr) {
            report["inputs"] = preloaded->description;
        } else {
            report["inputs"]["roads"] = describe_inputs(options.roads, ctx.roads);
            report["inputs"]["buildings"] = describe_inputs(options.buildings, ctx.buildings);
            report["inputs"]["boundary"] = describe_inputs(options.boundary, ctx.boundary);
            if (!options.communes_deleguees.empty()) {
                report["inputs"]["communes_deleguees"] =
                    describe_inputs(options.communes_deleguees, ctx.communes_deleguees);
            }
        }
        report["options"] = report_options(options);
        const nlohmann::json diagnostics = ctx.diagnostics.to_json();
        report["counts"] = diagnostics["counts"];
        report["skipped"] = diagnostics["skipped"];
        nlohmann::json by_reason = nlohmann::json::object();
        const std::int64_t skipped = skipped_buildings(ctx.diagnostics, by_reason);
        report["summary"] = {
            {"buildings_read", ctx.diagnostics.counted("ingest", "buildings_read")},
            {"buildings_numbered", ctx.diagnostics.counted("number", "numbered")},
            {"buildings_skipped", skipped},
            {"buildings_skipped_by_reason", by_reason},
            {"voies", ctx.diagnostics.counted("voies", "voies")},
            {"voies_numbered", ctx.diagnostics.counted("number", "voies_numbered")},
            {"rows_written", ctx.results.rows_written}};
        report["output"] = {{"file", fs::path(ctx.bal_path).filename().string()},
                            {"format", "BAL " + option_text(options.bal_version)}};
        for (const auto &[section, content] : ctx.results.report_sections.items()) {
            report[section] = content;
        }
        report["timings_ms"] = timings;
        // A raw name that is not UTF-8 (a bad record the names stage skipped) is in the
        // report as read: its bad bytes written as U+FFFD, not an exception.
        formats::write_file_atomically(
            report_path,
            report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
        result = RunResult{ctx.bal_path, report_path, std::move(report)};
    } catch (...) {
        // Leave nothing half-written: the BAL may already be in place when the report fails.
        std::error_code ignored;
        if (ctx.created_output_dir) {
            fs::remove_all(ctx.output_dir, ignored);
        } else if (ctx.results.rows_written > 0) {
            fs::remove(ctx.bal_path, ignored);
        }
        throw;
    }
    return result;
}

} // namespace

RunResult run_commune(RunOptions options) { return run(std::move(options), nullptr, {}); }

RunResult run_commune(RunOptions options, CommuneInputs inputs, const RunShared &shared) {
    return run(std::move(options), &inputs, shared);
}

RunResult run_commune(RunOptions options, const RunShared &shared) {
    return run(std::move(options), nullptr, shared);
}

} // namespace adressage::pipeline
