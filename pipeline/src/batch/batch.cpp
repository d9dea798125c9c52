#include "adressage/pipeline/batch.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <thread>

#include "adressage/error.hpp"
#include "adressage/geo/legal_crs.hpp"
#include "batch/batch_commune_options.hpp"
#include "batch/batch_layers.hpp"
#include "batch/batch_manifest.hpp"
#include "batch/batch_run.hpp"
#include "core/commune_run.hpp"
#include "options/run_option_keys.hpp"
#include "review/review_stage.hpp"

namespace adressage::pipeline {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> split_codes(const std::string &text) {
    std::vector<std::string> out;
    std::string current;
    for (char c : text + ",") {
        if (c == ',' || c == ' ' || c == ';' || c == '\n' || c == '\r' || c == '\t') {
            if (!current.empty()) {
                out.push_back(current);
            }
            current.clear();
        } else {
            current.push_back(c);
        }
    }
    return out;
}

std::vector<std::string> read_communes_file(const std::string &path) {
    std::ifstream in(path);
    if (!in) {
        throw InputError("--communes-file " + path, "cannot be read; check the path");
    }
    std::vector<std::string> out;
    std::string line;
    while (std::getline(in, line)) {
        line = line.substr(0, line.find('#'));
        for (std::string &code : split_codes(line)) {
            out.push_back(std::move(code));
        }
    }
    return out;
}

// The département of a code: 971..976 overseas, else the first two characters (2A, 2B too).
std::string departement_of(const std::string &insee) {
    return insee.rfind("97", 0) == 0 ? insee.substr(0, 3) : insee.substr(0, 2);
}

// Exactly one way of naming the communes, and a well-formed département code.
void check_selection(const BatchOptions &options) {
    const int given = (options.communes.empty() ? 0 : 1) + (options.departement.empty() ? 0 : 1) +
                      (options.communes_file.empty() ? 0 : 1);
    if (given != 1) {
        throw ConfigError("give the communes with exactly one of --communes, --departement or "
                          "--communes-file");
    }
    static const std::regex pattern("^([0-9]{2}|2A|2B|97[1-6])$");
    if (!options.departement.empty() && !std::regex_match(options.departement, pattern)) {
        throw ConfigError("--departement '" + options.departement +
                          "': give a département code (e.g. 06, 2A, 974)");
    }
}

} // namespace

std::vector<std::string> batch_communes(const BatchOptions &options,
                                        const formats::CommuneList &cog,
                                        const std::vector<std::string> &boundary_codes) {
    check_selection(options);
    std::vector<std::string> codes;
    std::string option;
    if (!options.communes.empty()) {
        option = "--communes";
        for (const std::string &item : options.communes) {
            for (std::string &code : split_codes(item)) {
                codes.push_back(std::move(code));
            }
        }
    } else if (!options.communes_file.empty()) {
        option = "--communes-file " + options.communes_file;
        codes = read_communes_file(options.communes_file);
    } else {
        for (const std::string &code : boundary_codes) {
            if (departement_of(code) == options.departement && cog.find_current(code)) {
                codes.push_back(code);
            }
        }
        if (codes.empty()) {
            throw InputError("--departement " + options.departement,
                             "no commune of this département in --boundaries; give the "
                             "boundaries layer of the département");
        }
    }
    if (codes.empty()) {
        throw ConfigError(option + ": no INSEE code given");
    }
    static const std::regex insee_pattern("^([0-9]{2}|2A|2B)[0-9]{3}$");
    for (const std::string &code : codes) {
        if (!std::regex_match(code, insee_pattern)) {
            throw ConfigError(option + ": '" + code +
                              "' is not an INSEE code (5 characters, e.g. 06012, 2A004)");
        }
        if (cog.find_current(code) == nullptr) {
            if (const formats::CogEntry *successor = cog.successor_of(code)) {
                throw ConfigError(option + ": " + code + " is a former commune, now part of " +
                                  successor->code + " " + successor->nom + "; list " +
                                  successor->code);
            }
            throw ConfigError(option + ": " + code +
                              " is not a current commune of the COG 2026; remove it");
        }
    }
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    return codes;
}

std::vector<std::string> shard_of(const std::vector<std::string> &communes,
                                  const std::string &shard) {
    if (shard.empty()) {
        return communes;
    }
    static const std::regex pattern("^([0-9]{1,6})/([0-9]{1,6})$");
    std::smatch m;
    if (!std::regex_match(shard, m, pattern) || std::stoul(m[2]) == 0 || std::stoul(m[1]) < 1 ||
        std::stoul(m[1]) > std::stoul(m[2])) {
        throw ConfigError("--shard '" + shard + "': give K/N with 1 <= K <= N (e.g. 2/8)");
    }
    const std::size_t k = std::stoul(m[1]) - 1;
    const std::size_t n = std::stoul(m[2]);
    std::vector<std::string> out;
    for (std::size_t i = k; i < communes.size(); i += n) {
        out.push_back(communes[i]);
    }
    return out;
}

namespace {

nlohmann::json describe(const std::vector<std::string> &specs) {
    nlohmann::json out = nlohmann::json::array();
    for (const std::string &s : specs) {
        out.push_back({{"source", s}});
    }
    return out;
}

// The batch's options completed and checked before anything is read: the data directory, the
// layers, one date for every commune, the number of jobs. Returns whether --date was given.
bool complete_options(BatchOptions &options) {
    RunOptions &base = options.run;
    if (base.data_dir.empty()) {
        base.data_dir = default_data_dir();
    }
    if (base.roads.empty() || base.buildings.empty() || options.boundaries.empty()) {
        throw ConfigError("give --roads, --buildings and --boundaries (the commune boundaries "
                          "layer with an INSEE code field)");
    }
    base.no_review = !options.review;
    const bool date_given = !base.date.empty();
    {
        RunOptions check = base;
        check.insee = "06012"; // any valid code: the code itself is checked per commune
        check_options(check);
        base.date = check.date; // one date for the whole batch, even across midnight
    }
    if (options.jobs == 0) {
        options.jobs = std::max(1u, std::thread::hardware_concurrency());
    }
    options.jobs = std::min(options.jobs, max_batch_jobs()); // the command line said so
    return date_given;
}

// The communes of the batch (this shard's), their boundaries and their own options.
struct Selection {
    BoundaryLayer boundaries;
    std::vector<std::string> communes;
    CommuneOptions commune_options;
};

Selection select_communes(const BatchOptions &options, const formats::CommuneList &cog,
                          const formats::Preset &preset) {
    Selection selection;
    selection.boundaries =
        BoundaryLayer::read(options.boundaries, preset.boundary_layers, options.insee_field);
    std::vector<std::string> boundary_codes;
    for (const auto &[code, parts] : selection.boundaries.by_insee) {
        boundary_codes.push_back(code);
    }
    const std::vector<std::string> all = batch_communes(options, cog, boundary_codes);
    selection.communes = shard_of(all, options.shard);
    check_commune_patterns(options.run, selection.communes);
    if (!options.commune_options.empty()) {
        selection.commune_options = CommuneOptions::load(options.commune_options);
    }
    return selection;
}

// The layers held and the dictionaries: the batch's working set, handed to the result.
struct WorkingSet {
    std::map<std::string, BatchLayers> layers;
    std::optional<names::Dictionaries> dictionaries;
};

// The road and building layers, opened (and read, when read whole) once per legal CRS among
// the communes.
std::shared_ptr<WorkingSet> open_layers(const BatchOptions &options, const Selection &selection) {
    const LayerReading reading = options.read_layers == "whole"     ? LayerReading::whole
                                 : options.read_layers == "by-area" ? LayerReading::by_area
                                                                    : LayerReading::automatic;
    const BoundaryLayer &boundaries = selection.boundaries;
    std::map<std::string, LayerReadPlan> plans;
    std::map<std::string, std::string> first_of_crs; // a commune of each legal CRS
    for (const std::string &insee : selection.communes) {
        const std::string crs = geo::legal_crs_for_insee(insee).definition();
        first_of_crs.try_emplace(crs, insee);
        LayerReadPlan &plan =
            plans.try_emplace(crs, LayerReadPlan{reading, options.jobs, {}}).first->second;
        if (const auto found = boundaries.by_insee.find(insee);
            found != boundaries.by_insee.end()) {
            for (const BoundaryLayer::Part &part : found->second) {
                plan.commune_boxes.emplace_back(boundaries.sources[part.source].crs_wkt,
                                                geo::outer_box(part.polygons));
            }
        }
    }
    auto working_set = std::make_shared<WorkingSet>();
    for (const auto &[crs, insee] : first_of_crs) {
        working_set->layers.emplace(crs, BatchLayers::read(options.run, insee, plans.at(crs)));
    }
    return working_set;
}

fs::path create_out_dir(const std::string &out_dir) {
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    if (ec || !fs::is_directory(out_dir)) {
        throw InputError("--out " + out_dir, "cannot create the directory (" + ec.message() +
                                                 "); choose a writable directory");
    }
    return out_dir;
}

// What the batch files of shard "K/N" end with: "-shard-K-of-N"; "" unsharded.
std::string shard_suffix(const std::string &shard) {
    return shard.empty() ? std::string()
                         : "-shard-" + shard.substr(0, shard.find('/')) + "-of-" +
                               shard.substr(shard.find('/') + 1);
}

// With --resume, the manifest's entries (a journal's too); else none, and no journal left.
std::map<std::string, ManifestEntry> previous_entries(const Manifest &manifest, bool resume) {
    if (resume) {
        return manifest.load();
    }
    std::error_code ec;
    fs::remove(manifest.path() + ".journal", ec);
    return {};
}

// The batch-wide sources, as each commune's report describes its inputs.
nlohmann::json describe_sources(const BatchOptions &options, const BoundaryLayer &boundaries) {
    nlohmann::json description = {{"roads", describe(options.run.roads)},
                                  {"buildings", describe(options.run.buildings)},
                                  {"boundary", nlohmann::json::array()}};
    for (const BoundaryLayer::Source &s : boundaries.sources) {
        description["boundary"].push_back(
            {{"source", s.spec}, {"layer", s.layer}, {"insee_field", s.field}});
    }
    return description;
}

} // namespace

BatchResult run_batch(BatchOptions options) {
    const auto started = Clock::now();
    const bool date_given = complete_options(options);
    const unsigned jobs = options.jobs;
    const formats::CommuneList cog =
        formats::CommuneList::load(options.run.data_dir + "/cog-2026/communes.csv");
    const formats::Preset preset = preset_for(options.run);
    // The cheap checks first: the commune list (without the boundaries) and the shard.
    check_selection(options);
    shard_of({}, options.shard);
    // The name dictionaries take a quarter of a second to load, on one thread: loaded while
    // the boundaries and the layers are read.
    std::future<names::Dictionaries> loading_dictionaries =
        std::async(std::launch::async, [data_dir = options.run.data_dir] {
            return names::Dictionaries::load(names::DictionaryPaths::defaults(data_dir));
        });

    const Selection selection = select_communes(options, cog, preset);
    Progress progress(options.progress, selection.communes.size());
    const std::shared_ptr<WorkingSet> working_set = open_layers(options, selection);
    const names::Dictionaries &dictionaries =
        working_set->dictionaries.emplace(loading_dictionaries.get());
    const RunShared shared{
        .communes = &cog, .dictionaries = &dictionaries, .one_thread = jobs > 1, .observe = {}};

    const std::string dashboard_style = ReviewStage::read_style(options.run.data_dir, "communes");
    // Nothing is created before every batch-wide input was read.
    const fs::path out = create_out_dir(options.run.out_dir);
    const std::string suffix = shard_suffix(options.shard);
    Manifest manifest((out / ("batch-manifest" + suffix + ".json")).string());
    const std::map<std::string, ManifestEntry> previous =
        previous_entries(manifest, options.resume);

    const double read_seconds = std::chrono::duration<double>(Clock::now() - started).count();
    progress.event({{"event", "start"},
                    {"communes", selection.communes.size()},
                    {"jobs", jobs},
                    {"read_s", round3(read_seconds)}});

    const nlohmann::json description = describe_sources(options, selection.boundaries);
    const std::string key = options_fingerprint(options.run, date_given).dump();
    BatchRun run{.options = options,
                 .communes = selection.communes,
                 .cog = cog,
                 .boundaries = selection.boundaries,
                 .commune_options = selection.commune_options,
                 .layers = working_set->layers,
                 .shared = shared,
                 .description = description,
                 .options_key = key,
                 .out = out,
                 .suffix = suffix,
                 .dashboard_style = dashboard_style,
                 .previous = previous,
                 .manifest = manifest,
                 .progress = progress,
                 .outcomes = std::vector<Outcome>(selection.communes.size()),
                 .entries = previous};
    run_communes(run, jobs);
    BatchResult result = summarise(run, jobs, read_seconds, started);
    result.working_set = working_set;
    return result;
}

} // namespace adressage::pipeline
