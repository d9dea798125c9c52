#include "batch/batch_run.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <optional>
#include <system_error>
#include <thread>

#include "adressage/error.hpp"
#include "adressage/geo/legal_crs.hpp"

namespace adressage::pipeline {

namespace fs = std::filesystem;

namespace {

double round1(double v) { return std::round(v * 10.0) / 10.0; }

} // namespace

Progress::Progress(const std::string &mode, std::size_t total)
    : total_(total), start_(Clock::now()) {
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

void Progress::event(const nlohmann::json &e) {
    const std::lock_guard lock(mutex_);
    if (json_) {
        std::cout << e.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
    }
}

void Progress::done(const Outcome &o) {
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
        std::cout << e.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
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

namespace {

std::string one_line(const std::string &message) {
    std::string out;
    for (char c : message) {
        out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    }
    return out;
}

void fill_from_report(Outcome &o, const nlohmann::json &report) {
    const nlohmann::json &s = report["summary"];
    o.buildings_read = s.value("buildings_read", std::int64_t{0});
    o.buildings_numbered = s.value("buildings_numbered", std::int64_t{0});
    o.voies_numbered = s.value("voies_numbered", std::int64_t{0});
    o.rows = s.value("rows_written", std::int64_t{0});
    if (report.contains("voies_a_nommer")) {
        const nlohmann::json &naming = report["voies_a_nommer"];
        o.voies_a_nommer = static_cast<std::int64_t>(naming["voies"].size());
        o.buildings_waiting_for_a_name =
            naming.value("buildings_waiting_for_a_name", std::int64_t{0});
        const nlohmann::json &lists =
            naming.value("buildings_without_address", nlohmann::json::object());
        const auto count = [&](const char *key) {
            return lists.contains(key) ? static_cast<std::int64_t>(lists[key].size()) : 0;
        };
        o.buildings_annexes = count("annex");
        o.buildings_on_short_lanes = count("lane_below_min_buildings");
        o.buildings_without_road = count("no_road_within_max_distance");
    }
    if (report.contains("assignment")) {
        o.ambiguous = report["assignment"].value("ambiguous", std::int64_t{0});
    }
    if (report.contains("geometric_checks")) {
        const nlohmann::json &counts = report["geometric_checks"]["alert_counts"];
        o.geometric_alerts_w = counts.value("W", std::int64_t{0});
        o.geometric_alerts_i = counts.value("I", std::int64_t{0});
    }
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

// A commune of a group: its inputs (or why it has none), made before the commune runs.
struct Prepared {
    std::optional<CommuneInputs> inputs;
    std::exception_ptr error;
    double read_seconds = 0; // the commune's share of the group's read
};

// The communes of a group in one legal CRS, read at once.
struct Area {
    geo::Box box;
    std::vector<std::size_t> members; // indexes into the group's Prepared
    std::vector<const geo::MultiPolygon *> boundaries;
};

// With --resume, the commune's outputs of the previous batch, when they are those of the same
// inputs and its BAL is as written: `entry` and `o` from them.
bool reuse(const BatchRun &run, const fs::path &dir, Outcome &o, ManifestEntry &entry) {
    const auto found = run.previous.find(o.insee);
    if (found == run.previous.end()) {
        return false;
    }
    const ManifestEntry &before = found->second;
    if (before.status != "ok" || before.inputs != entry.inputs || before.bal.empty() ||
        file_checksum((dir / before.bal).string()) != before.bal_checksum) {
        return false;
    }
    entry = before;
    o.status = "reused";
    o.rows = entry.rows;
    if (std::ifstream in(dir / "report.json"); in) {
        const nlohmann::json report = nlohmann::json::parse(in, nullptr, false);
        if (report.is_object()) {
            fill_from_report(o, report);
        }
    }
    return true;
}

// The commune of `o` on its prepared inputs, or its outputs reused. Throws why it failed.
void run_or_reuse(const BatchRun &run, Outcome &o, ManifestEntry &entry, Prepared &prepared) {
    const CommuneOption *line = run.commune_options.find(o.insee);
    RunOptions options = commune_run_options(run.options.run, o.insee, line);
    options.boundary = run.options.boundaries;
    o.existing = options.existing;
    if (prepared.error) {
        std::rethrow_exception(prepared.error);
    }
    CommuneInputs inputs = std::move(*prepared.inputs);
    inputs.description = run.description;
    // The commune's own options (its line of --commune-options, its files) join the key.
    entry.inputs =
        inputs_fingerprint(inputs, run.options_key + commune_options_key(options, line).dump());
    const fs::path dir = run.out / o.insee;
    if (reuse(run, dir, o, entry)) {
        return;
    }
    const RunResult result = run_commune(options, std::move(inputs), run.shared);
    fill_from_report(o, result.report);
    entry.status = "ok";
    entry.bal = fs::path(result.bal_path).filename().string(); // or --siren's
    entry.bal_checksum = file_checksum(result.bal_path);
    entry.rows = o.rows;
    o.status = "ok";
}

void fail(Outcome &o, const std::string &kind, const char *what) {
    o.status = "failed";
    o.error_kind = kind;
    o.reason = one_line(what);
}

// Commune i of the batch: run (or reused), its manifest entry recorded, its progress told.
void run_one(BatchRun &run, std::size_t i, Prepared &prepared) {
    const auto start = Clock::now();
    Outcome &o = run.outcomes[i];
    o.insee = run.communes[i];
    o.nom = run.cog.find_current(o.insee)->nom;
    ManifestEntry entry;
    entry.insee = o.insee;
    try {
        run_or_reuse(run, o, entry, prepared);
    } catch (const InputError &e) {
        fail(o, "input", e.what());
    } catch (const ConfigError &e) {
        fail(o, "input", e.what());
    } catch (const std::exception &e) {
        fail(o, "processing", e.what());
    }
    if (o.status == "failed") {
        entry.status = "failed";
        entry.reason = o.reason;
    }
    o.seconds = prepared.read_seconds + std::chrono::duration<double>(Clock::now() - start).count();
    if (o.status != "reused") {
        run.manifest.record(entry);
    }
    {
        const std::lock_guard lock(run.entries_mutex);
        run.entries[o.insee] = entry;
    }
    run.progress.done(o);
}

// The boundary of each member of a group in `prepared` (or why it has none), and the members
// gathered by legal CRS with the box of their boundaries.
std::map<std::string, Area> group_areas(const BatchRun &run, BatchWorker &worker,
                                        const std::vector<std::size_t> &members,
                                        std::vector<Prepared> &prepared) {
    std::map<std::string, Area> areas; // by legal CRS
    for (std::size_t m = 0; m < members.size(); ++m) {
        const std::string &insee = run.communes[members[m]];
        Prepared &p = prepared[m];
        try {
            std::int64_t parts = 0;
            std::int64_t repaired = 0;
            std::optional<geo::MultiPolygon> boundary =
                commune_boundary(worker, run.boundaries, insee, parts, repaired);
            if (!boundary) {
                throw InputError("--boundaries", "no polygon for " + insee +
                                                     " in the boundaries layer; add the "
                                                     "commune's boundary or remove the "
                                                     "commune");
            }
            p.inputs.emplace();
            p.inputs->boundary = std::move(boundary);
            p.inputs->boundary_parts = parts;
            p.inputs->boundary_repaired = repaired;
            Area &area = areas[geo::legal_crs_for_insee(insee).definition()];
            area.box.extend(geo::outer_box(*p.inputs->boundary)); // an empty box adds nothing
            area.members.push_back(m);
            area.boundaries.push_back(&*p.inputs->boundary);
        } catch (...) {
            p.error = std::current_exception();
        }
    }
    return areas;
}

// The roads and buildings of the area, read once, split among its members' inputs.
void share_area(const BatchRun &run, BatchWorker &worker, const std::string &crs, const Area &area,
                std::vector<Prepared> &prepared) {
    try {
        const BatchLayers &l = run.layers.at(crs);
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

// A group of neighbouring communes: their boundaries, then the roads and buildings of the
// group's box read once (per legal CRS), then each commune on its share.
void run_group(BatchRun &run, BatchWorker &worker, const std::vector<std::size_t> &members) {
    const auto start = Clock::now();
    std::vector<Prepared> prepared(members.size());
    for (const auto &[crs, area] : group_areas(run, worker, members, prepared)) {
        share_area(run, worker, crs, area, prepared);
    }
    const double share = std::chrono::duration<double>(Clock::now() - start).count() /
                         static_cast<double>(members.size());
    for (std::size_t m = 0; m < members.size(); ++m) {
        prepared[m].read_seconds = share;
        try {
            run_one(run, members[m], prepared[m]);
        } catch (...) {
            // run_one catches every std::exception; anything else still fails one commune
            Outcome &o = run.outcomes[members[m]];
            o.status = "failed";
            o.error_kind = "processing";
            o.reason = "unknown error";
        }
        prepared[m] = Prepared{}; // its inputs are no longer needed
    }
}

} // namespace

void run_communes(BatchRun &run, unsigned jobs) {
    const std::vector<std::vector<std::size_t>> groups =
        group_neighbours(run.boundaries, run.communes);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        BatchWorker worker; // this thread's GEOS context and PROJ transformations
        for (std::size_t g = next++; g < groups.size(); g = next++) {
            run_group(run, worker, groups[g]);
        }
    };
    const unsigned threads = std::min<unsigned>(jobs, std::max<std::size_t>(1, groups.size()));
    if (threads <= 1) {
        work();
    } else {
        std::vector<std::thread> pool;
        try {
            for (unsigned t = 0; t < threads; ++t) {
                pool.emplace_back(work);
            }
        } catch (const std::system_error &) {
            // The system would start no more threads: those started take every group.
        }
        if (pool.empty()) {
            work();
        }
        for (std::thread &t : pool) {
            t.join();
        }
    }
}

} // namespace adressage::pipeline
