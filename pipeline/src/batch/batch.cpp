#include "adressage/pipeline/batch.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <set>
#include <thread>

#include "adressage/error.hpp"
#include "adressage/formats/atomic_file.hpp"
#include "adressage/formats/csv_field.hpp"
#include "adressage/formats/source_spec.hpp"
#include "adressage/geo/legal_crs.hpp"
#include "batch/batch_commune_options.hpp"
#include "batch/batch_layers.hpp"
#include "batch/batch_manifest.hpp"
#include "core/commune_run.hpp"

namespace adressage::pipeline {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

std::string one_line(const std::string &message) {
    std::string out;
    for (char c : message) {
        out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    }
    return out;
}

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

// What in the options changes the outputs; an implicit date (today) does not, so a scheduled
// re-run keeps the communes whose inputs did not change.
// Source specs with the size and modification time of the files they name, so that a new
// parcel file under the same name re-runs the communes (its features are not fingerprinted).
nlohmann::json sources_key(const std::vector<std::string> &specs) {
    nlohmann::json out = nlohmann::json::array();
    for (const std::string &spec : specs) {
        const std::filesystem::path path = formats::parse_source_spec(spec).dataset;
        std::error_code ec;
        const auto size = std::filesystem::file_size(path, ec);
        const auto time = std::filesystem::last_write_time(path, ec);
        out.push_back({{"spec", spec},
                       {"size", ec ? 0 : size},
                       {"mtime", ec ? 0 : time.time_since_epoch().count()}});
    }
    return out;
}

std::string options_key(const RunOptions &o, bool date_given) {
    const nlohmann::json key = {
        {"adressage_version", ADRESSAGE_VERSION},
        {"preset", o.preset},
        {"road_name_field", o.road_name_field.value_or("\x01")},
        {"road_kind_field", o.road_kind_field.value_or("\x01")},
        {"max_distance", o.max_distance},
        {"homonym_distance", o.homonym_distance},
        {"source", o.source},
        {"date", date_given ? o.date : std::string()},
        {"numbering", o.numbering},
        {"classic_gap_metres", o.classic_gap_metres},
        {"min_building_area", o.min_building_area},
        {"ambiguity_ratio", o.ambiguity_ratio},
        {"positions", o.positions},
        {"parcels", sources_key(o.parcels)},
        {"communes_deleguees", sources_key(o.communes_deleguees)},
        {"places", sources_key(o.places)},
        {"place_radius", o.place_radius},
        {"topo", sources_key(o.topo.empty() ? std::vector<std::string>{} : std::vector{o.topo})},
        {"voie_options", o.voie_options},
        {"town_hall", o.town_hall},
        {"existing", o.existing},
        {"drop_orphans", o.drop_orphans},
        {"ledger", o.ledger},
        {"bal_version", o.bal_version},
        {"siren", o.siren},
        {"producteur", o.producteur}};
    return key.dump();
}

struct Outcome {
    std::string insee;
    std::string nom;
    std::string existing;           // the current BAL updated; "": numbered afresh
    std::string status = "pending"; // ok, reused, failed
    std::string reason;
    std::string error_kind; // input or processing
    std::int64_t buildings_read = 0;
    std::int64_t buildings_numbered = 0;
    std::int64_t voies_numbered = 0;
    std::int64_t rows = 0;
    std::string validation; // accepted or blocked; "" when the file was not checked
    // The BAN's upload gates against the current BAL (--existing): ok, warning or blocked;
    // "first" when the commune had none (nothing to lose: a first upload).
    std::string preflight;
    std::int64_t alerts_e = 0;
    std::int64_t alerts_w = 0;
    std::int64_t alerts_i = 0;
    double seconds = 0.0;
};

void fill_from_report(Outcome &o, const nlohmann::json &report) {
    const nlohmann::json &s = report["summary"];
    o.buildings_read = s.value("buildings_read", std::int64_t{0});
    o.buildings_numbered = s.value("buildings_numbered", std::int64_t{0});
    o.voies_numbered = s.value("voies_numbered", std::int64_t{0});
    o.rows = s.value("rows_written", std::int64_t{0});
    const nlohmann::json none = nlohmann::json::object();
    const nlohmann::json &update = report.contains("update") ? report["update"] : none;
    o.preflight = update.contains("preflight") ? update["preflight"].value("level", "")
                                               : std::string("first");
    if (report.contains("validation")) {
        const nlohmann::json &v = report["validation"];
        o.validation = v.value("blocked", false) ? "blocked" : "accepted";
        o.alerts_e = v["alert_counts"].value("E", std::int64_t{0});
        o.alerts_w = v["alert_counts"].value("W", std::int64_t{0});
        o.alerts_i = v["alert_counts"].value("I", std::int64_t{0});
    }
}

double round1(double v) { return std::round(v * 10.0) / 10.0; }
double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

// JSON lines on stdout (not a terminal), a bar on stderr (a terminal), or nothing.
class Progress {
  public:
    Progress(const std::string &mode, std::size_t total) : total_(total), start_(Clock::now()) {
        if (mode == "auto") {
            json_ = ::isatty(STDOUT_FILENO) == 0;
            bar_ = !json_ && ::isatty(STDERR_FILENO) != 0;
        } else if (mode == "json") {
            json_ = true;
        } else if (mode == "bar") {
            bar_ = true;
        } else if (mode != "none") {
            throw ConfigError("--progress '" + mode + "': use auto, json, bar or none");
        }
    }

    bool json() const { return json_; }

    void event(const nlohmann::json &e) {
        const std::lock_guard lock(mutex_);
        if (json_) {
            std::cout << e.dump() << std::endl;
        }
    }

    void done(const Outcome &o) {
        const std::lock_guard lock(mutex_);
        ++done_;
        addresses_ += o.rows;
        const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
        const double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0.0;
        const double eta = rate > 0 ? static_cast<double>(total_ - done_) / rate : 0.0;
        if (json_) {
            nlohmann::json e = {{"event", "commune"},
                                {"insee", o.insee},
                                {"status", o.status},
                                {"rows", o.rows},
                                {"seconds", round3(o.seconds)},
                                {"done", done_},
                                {"total", total_},
                                {"addresses", addresses_},
                                {"elapsed_s", round1(elapsed)},
                                {"communes_per_s", round3(rate)},
                                {"eta_s", round1(eta)}};
            if (!o.reason.empty()) {
                e["reason"] = o.reason;
            }
            std::cout << e.dump() << std::endl;
        } else if (bar_) {
            constexpr int width = 30;
            const int filled =
                total_ == 0 ? width : static_cast<int>(width * done_ / static_cast<double>(total_));
            std::fprintf(stderr, "\r[%s%s] %zu/%zu communes, %lld addresses, %.1f/s, ETA %.0f s ",
                         std::string(static_cast<std::size_t>(filled), '#').c_str(),
                         std::string(static_cast<std::size_t>(width - filled), ' ').c_str(), done_,
                         total_, static_cast<long long>(addresses_), rate, eta);
            if (done_ == total_) {
                std::fputc('\n', stderr);
            }
            std::fflush(stderr);
        }
    }

  private:
    bool json_ = false;
    bool bar_ = false;
    std::size_t total_;
    std::size_t done_ = 0;
    std::int64_t addresses_ = 0;
    Clock::time_point start_;
    std::mutex mutex_;
};

std::string number_text(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", v);
    return buffer;
}

nlohmann::json outcome_json(const Outcome &o) {
    nlohmann::json j = {{"insee", o.insee},
                        {"nom", o.nom},
                        {"status", o.status},
                        {"buildings_read", o.buildings_read},
                        {"buildings_numbered", o.buildings_numbered},
                        {"voies_numbered", o.voies_numbered},
                        {"rows", o.rows},
                        {"seconds", round3(o.seconds)}};
    if (!o.existing.empty()) {
        j["existing"] = o.existing;
    }
    if (!o.preflight.empty()) {
        j["preflight"] = o.preflight;
    }
    if (!o.validation.empty()) {
        j["validation"] = {
            {"verdict", o.validation},
            {"alert_counts", {{"E", o.alerts_e}, {"W", o.alerts_w}, {"I", o.alerts_i}}}};
    }
    if (!o.reason.empty()) {
        j["error"] = {{"kind", o.error_kind}, {"reason", o.reason}};
    }
    return j;
}

nlohmann::json describe(const std::vector<std::string> &specs) {
    nlohmann::json out = nlohmann::json::array();
    for (const std::string &s : specs) {
        out.push_back({{"source", s}});
    }
    return out;
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

std::string summary_csv(const nlohmann::json &results) {
    std::string out = "insee;nom;status;buildings_read;buildings_numbered;voies_numbered;rows;"
                      "validation;alerts_E;alerts_W;alerts_I;preflight;seconds;reason\n";
    for (const nlohmann::json &r : results) {
        const nlohmann::json none = nlohmann::json::object();
        const nlohmann::json &v = r.contains("validation") ? r["validation"] : none;
        const nlohmann::json &counts = v.contains("alert_counts") ? v["alert_counts"] : none;
        const nlohmann::json &error = r.contains("error") ? r["error"] : none;
        auto n = [](const nlohmann::json &j, const char *key) {
            return std::to_string(j.value(key, std::int64_t{0}));
        };
        out += r.value("insee", "") + ";" + formats::csv_field(r.value("nom", "")) + ";" +
               r.value("status", "") + ";" + n(r, "buildings_read") + ";" +
               n(r, "buildings_numbered") + ";" + n(r, "voies_numbered") + ";" + n(r, "rows") +
               ";" + v.value("verdict", "") + ";" + n(counts, "E") + ";" + n(counts, "W") + ";" +
               n(counts, "I") + ";" + r.value("preflight", "") + ";" +
               number_text(r.value("seconds", 0.0)) + ";" +
               formats::csv_field(error.value("reason", "")) + "\n";
    }
    return out;
}

nlohmann::json skipped_summary(const SkippedRows &rows, const std::filesystem::path &out_dir,
                               const std::string &suffix, BatchResult &result) {
    nlohmann::json summary = {{"count", rows.size()}, {"reasons", skipped_counts(rows)}};
    result.skipped_features = rows.size();
    if (!rows.empty()) {
        const std::string name = "skipped-features" + suffix + ".csv";
        result.skipped_csv = (out_dir / name).string();
        formats::write_file_atomically(result.skipped_csv, skipped_csv(rows));
        summary["file"] = name;
    }
    return summary;
}

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

BatchResult run_batch(BatchOptions options) {
    const auto started = Clock::now();
    RunOptions &base = options.run;
    if (base.data_dir.empty()) {
        base.data_dir = default_data_dir();
    }
    if (base.roads.empty() || base.buildings.empty() || options.boundaries.empty()) {
        throw ConfigError("give --roads, --buildings and --boundaries (the commune boundaries "
                          "layer with an INSEE code field)");
    }
    const bool date_given = !base.date.empty();
    {
        RunOptions check = base;
        check.insee = "06012"; // any valid code: the code itself is checked per commune
        check_options(check);
        base.date = check.date; // one date for the whole batch, even across midnight
    }
    unsigned jobs = options.jobs;
    if (jobs == 0) {
        jobs = std::max(1u, std::thread::hardware_concurrency());
    }
    const formats::CommuneList cog =
        formats::CommuneList::load(base.data_dir + "/cog-2026/communes.csv");
    const formats::Preset preset = preset_for(base);
    // The cheap checks first: the commune list (without the boundaries) and the shard.
    check_selection(options);
    shard_of({}, options.shard);
    // The name dictionaries take a quarter of a second to load, on one thread: loaded while
    // the boundaries and the layers are read.
    std::future<names::Dictionaries> loading_dictionaries =
        std::async(std::launch::async, [data_dir = base.data_dir] {
            return names::Dictionaries::load(names::DictionaryPaths::defaults(data_dir));
        });

    const BoundaryLayer boundaries =
        BoundaryLayer::read(options.boundaries, preset.boundary_layers, options.insee_field);
    std::vector<std::string> boundary_codes;
    for (const auto &[code, parts] : boundaries.by_insee) {
        boundary_codes.push_back(code);
    }
    const std::vector<std::string> all = batch_communes(options, cog, boundary_codes);
    const std::vector<std::string> communes = shard_of(all, options.shard);
    check_commune_patterns(base, communes);
    const CommuneOptions commune_options = options.commune_options.empty()
                                               ? CommuneOptions()
                                               : CommuneOptions::load(options.commune_options);
    Progress progress(options.progress, communes.size());

    // The road and building layers, opened (and read, when read whole) once per legal CRS
    // among the communes.
    const LayerReading reading = options.read_layers == "whole"     ? LayerReading::whole
                                 : options.read_layers == "by-area" ? LayerReading::by_area
                                                                    : LayerReading::automatic;
    std::map<std::string, LayerReadPlan> plans;
    std::map<std::string, std::string> first_of_crs; // a commune of each legal CRS
    for (const std::string &insee : communes) {
        const std::string crs = geo::legal_crs_for_insee(insee).definition();
        first_of_crs.try_emplace(crs, insee);
        LayerReadPlan &plan =
            plans.try_emplace(crs, LayerReadPlan{reading, jobs, {}}).first->second;
        if (const auto found = boundaries.by_insee.find(insee);
            found != boundaries.by_insee.end()) {
            for (const BoundaryLayer::Part &part : found->second) {
                plan.commune_boxes.emplace_back(boundaries.sources[part.source].crs_wkt,
                                                geo::outer_box(part.polygons));
            }
        }
    }
    // The layers held and the dictionaries: the batch's working set, handed to the result.
    struct WorkingSet {
        std::map<std::string, BatchLayers> layers;
        std::optional<names::Dictionaries> dictionaries;
    };
    const auto working_set = std::make_shared<WorkingSet>();
    std::map<std::string, BatchLayers> &layers = working_set->layers;
    for (const auto &[crs, insee] : first_of_crs) {
        layers.emplace(crs, BatchLayers::read(base, insee, plans.at(crs)));
    }

    const names::Dictionaries &dictionaries =
        working_set->dictionaries.emplace(loading_dictionaries.get());
    const RunShared shared{&cog, &dictionaries, jobs > 1};

    // Nothing is created before every batch-wide input was read.
    std::error_code ec;
    fs::create_directories(base.out_dir, ec);
    if (ec || !fs::is_directory(base.out_dir)) {
        throw InputError("--out " + base.out_dir, "cannot create the directory (" + ec.message() +
                                                      "); choose a writable directory");
    }
    const std::string suffix = options.shard.empty()
                                   ? std::string()
                                   : "-shard-" + options.shard.substr(0, options.shard.find('/')) +
                                         "-of-" + options.shard.substr(options.shard.find('/') + 1);
    const fs::path out(base.out_dir);
    Manifest manifest((out / ("batch-manifest" + suffix + ".json")).string());
    std::map<std::string, ManifestEntry> previous;
    if (options.resume) {
        previous = manifest.load();
    } else {
        fs::remove(manifest.path() + ".journal", ec);
    }

    const double read_seconds = std::chrono::duration<double>(Clock::now() - started).count();
    progress.event({{"event", "start"},
                    {"communes", communes.size()},
                    {"jobs", jobs},
                    {"read_s", round3(read_seconds)}});

    nlohmann::json description = {{"roads", describe(base.roads)},
                                  {"buildings", describe(base.buildings)},
                                  {"boundary", nlohmann::json::array()}};
    for (const BoundaryLayer::Source &s : boundaries.sources) {
        description["boundary"].push_back(
            {{"source", s.spec}, {"layer", s.layer}, {"insee_field", s.field}});
    }
    const std::string key = options_key(base, date_given);

    std::vector<Outcome> outcomes(communes.size());
    std::map<std::string, ManifestEntry> entries = previous;
    std::mutex entries_mutex;
    std::atomic<std::size_t> next{0};

    // A commune of a group: its inputs (or why it has none), made before the commune runs.
    struct Prepared {
        std::optional<CommuneInputs> inputs;
        std::exception_ptr error;
        double read_seconds = 0; // the commune's share of the group's read
    };

    auto run_one = [&](std::size_t i, Prepared &prepared) {
        const auto start = Clock::now();
        Outcome &o = outcomes[i];
        o.insee = communes[i];
        o.nom = cog.find_current(o.insee)->nom;
        ManifestEntry entry;
        entry.insee = o.insee;
        try {
            const CommuneOption *line = commune_options.find(o.insee);
            RunOptions run = commune_run_options(base, o.insee, line);
            run.boundary = options.boundaries;
            o.existing = run.existing;
            if (prepared.error) {
                std::rethrow_exception(prepared.error);
            }
            CommuneInputs inputs = std::move(*prepared.inputs);
            inputs.description = description;
            // The commune's own options (its line of --commune-options, its files) join the key.
            entry.inputs = inputs_fingerprint(inputs, key + commune_options_key(run, line).dump());

            const fs::path dir = out / o.insee;
            const auto before = previous.find(o.insee);
            if (before != previous.end() && before->second.status == "ok" &&
                before->second.inputs == entry.inputs && !before->second.bal.empty() &&
                file_checksum((dir / before->second.bal).string()) == before->second.bal_checksum) {
                entry = before->second;
                o.status = "reused";
                o.rows = entry.rows;
                if (std::ifstream in(dir / "report.json"); in) {
                    const nlohmann::json report = nlohmann::json::parse(in, nullptr, false);
                    if (report.is_object()) {
                        fill_from_report(o, report);
                    }
                }
            } else {
                const RunResult result = run_commune(run, std::move(inputs), shared);
                fill_from_report(o, result.report);
                entry.status = "ok";
                entry.bal = fs::path(result.bal_path).filename().string(); // or --siren's
                entry.bal_checksum = file_checksum(result.bal_path);
                entry.rows = o.rows;
                o.status = "ok";
            }
        } catch (const InputError &e) {
            o.status = "failed";
            o.error_kind = "input";
            o.reason = one_line(e.what());
        } catch (const ConfigError &e) {
            o.status = "failed";
            o.error_kind = "input";
            o.reason = one_line(e.what());
        } catch (const std::exception &e) {
            o.status = "failed";
            o.error_kind = "processing";
            o.reason = one_line(e.what());
        }
        if (o.status == "failed") {
            entry.status = "failed";
            entry.reason = o.reason;
        }
        o.seconds =
            prepared.read_seconds + std::chrono::duration<double>(Clock::now() - start).count();
        if (o.status != "reused") {
            manifest.record(entry);
        }
        {
            const std::lock_guard lock(entries_mutex);
            entries[o.insee] = entry;
        }
        progress.done(o);
    };

    // A group of neighbouring communes: their boundaries, then the roads and buildings of the
    // group's box read once (per legal CRS), then each commune on its share.
    const std::vector<std::vector<std::size_t>> groups = group_neighbours(boundaries, communes);
    auto run_group = [&](BatchWorker &worker, const std::vector<std::size_t> &members) {
        const auto start = Clock::now();
        std::vector<Prepared> prepared(members.size());
        struct Area {
            geo::Box box;
            std::vector<std::size_t> members; // indexes into `prepared`
            std::vector<const geo::MultiPolygon *> boundaries;
        };
        std::map<std::string, Area> areas; // by legal CRS
        for (std::size_t m = 0; m < members.size(); ++m) {
            const std::string &insee = communes[members[m]];
            Prepared &p = prepared[m];
            try {
                std::int64_t parts = 0;
                std::optional<geo::MultiPolygon> boundary =
                    commune_boundary(worker, boundaries, insee, parts);
                if (!boundary) {
                    throw InputError("--boundaries", "no polygon for " + insee +
                                                         " in the boundaries layer; add the "
                                                         "commune's boundary or remove the "
                                                         "commune");
                }
                p.inputs.emplace();
                p.inputs->boundary = std::move(boundary);
                p.inputs->boundary_parts = parts;
                Area &area = areas[geo::legal_crs_for_insee(insee).definition()];
                area.box.extend(geo::outer_box(*p.inputs->boundary)); // an empty box adds nothing
                area.members.push_back(m);
                area.boundaries.push_back(&*p.inputs->boundary);
            } catch (...) {
                p.error = std::current_exception();
            }
        }
        for (auto &[crs, area] : areas) {
            try {
                const BatchLayers &l = layers.at(crs);
                std::vector<CommuneInputs> shares =
                    l.split(worker, area.boundaries, l.read_area(worker, area.box));
                for (std::size_t k = 0; k < area.members.size(); ++k) {
                    CommuneInputs &in = *prepared[area.members[k]].inputs;
                    in.roads = std::move(shares[k].roads);
                    in.buildings = std::move(shares[k].buildings);
                    in.buildings_inside_boundary = shares[k].buildings_inside_boundary;
                }
            } catch (...) {
                for (const std::size_t m : area.members) {
                    prepared[m].error = std::current_exception();
                }
            }
        }
        const double share = std::chrono::duration<double>(Clock::now() - start).count() /
                             static_cast<double>(members.size());
        for (std::size_t m = 0; m < members.size(); ++m) {
            prepared[m].read_seconds = share;
            try {
                run_one(members[m], prepared[m]);
            } catch (...) {
                // run_one catches every std::exception; anything else still fails one commune
                Outcome &o = outcomes[members[m]];
                o.status = "failed";
                o.error_kind = "processing";
                o.reason = "unknown error";
            }
            prepared[m] = Prepared{}; // its inputs are no longer needed
        }
    };

    auto work = [&] {
        BatchWorker worker; // this thread's GEOS context and PROJ transformations
        for (std::size_t g = next++; g < groups.size(); g = next++) {
            run_group(worker, groups[g]);
        }
    };
    const unsigned threads = std::min<unsigned>(jobs, std::max<std::size_t>(1, groups.size()));
    if (threads <= 1) {
        work();
    } else {
        std::vector<std::thread> pool;
        for (unsigned t = 0; t < threads; ++t) {
            pool.emplace_back(work);
        }
        for (std::thread &t : pool) {
            t.join();
        }
    }

    BatchResult result;
    result.working_set = working_set;
    result.communes = communes.size();
    for (const Outcome &o : outcomes) {
        result.succeeded += o.status == "ok" || o.status == "reused" ? 1 : 0;
        result.reused += o.status == "reused" ? 1 : 0;
        result.failed += o.status == "failed" ? 1 : 0;
        result.rows += o.rows;
    }
    result.seconds = std::chrono::duration<double>(Clock::now() - started).count();

    // Only this batch's communes: a manifest describes the outputs of one batch (or shard).
    std::map<std::string, ManifestEntry> kept;
    for (const std::string &insee : communes) {
        kept[insee] = entries[insee];
    }
    manifest.finish(kept, {{"adressage_version", ADRESSAGE_VERSION},
                           {"options", nlohmann::json::parse(key)},
                           {"shard", options.shard.empty() ? "1/1" : options.shard}});

    // Held layers: their buildings; layers read per commune: the communes' buildings.
    std::int64_t buildings = 0;
    bool per_commune = false;
    for (const auto &[crs, l] : layers) {
        buildings += static_cast<std::int64_t>(l.building_count());
        per_commune = per_commune || l.per_commune();
    }
    if (per_commune) {
        buildings = 0;
        for (const Outcome &o : outcomes) {
            buildings += o.buildings_read;
        }
    }
    // The features of the layers skipped as they were read: no commune's report can name them.
    SkippedRows skipped_rows;
    for (const auto &[crs, l] : layers) {
        skipped_rows.merge(l.skipped().rows(base.roads, base.buildings));
    }
    const nlohmann::json skipped_json = skipped_summary(skipped_rows, out, suffix, result);
    nlohmann::json summary = {
        {"adressage_version", ADRESSAGE_VERSION},
        {"shard", options.shard.empty() ? "1/1" : options.shard},
        {"jobs", jobs},
        {"communes", result.communes},
        {"succeeded", result.succeeded},
        {"failed", result.failed},
        {"reused", result.reused},
        {"rows", result.rows},
        {per_commune ? "buildings_in_communes" : "buildings_in_layers", buildings},
        {"skipped_features", skipped_json},
        {"read_seconds", round3(read_seconds)},
        {"seconds", round3(result.seconds)},
        {"results", nlohmann::json::array()}};
    for (const Outcome &o : outcomes) {
        summary["results"].push_back(outcome_json(o));
    }
    result.summary_json = (out / ("batch-summary" + suffix + ".json")).string();
    result.summary_csv = (out / ("batch-summary" + suffix + ".csv")).string();
    result.manifest = manifest.path();
    result.progress_json = progress.json();
    formats::write_file_atomically(result.summary_json, summary.dump(2) + "\n");
    formats::write_file_atomically(result.summary_csv, summary_csv(summary["results"]));
    progress.event({{"event", "end"},
                    {"communes", result.communes},
                    {"succeeded", result.succeeded},
                    {"failed", result.failed},
                    {"reused", result.reused},
                    {"rows", result.rows},
                    {"seconds", round3(result.seconds)},
                    {"summary", result.summary_json}});
    return result;
}

} // namespace adressage::pipeline
