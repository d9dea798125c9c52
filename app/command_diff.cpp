// `adressage diff OLD.csv NEW.csv`: addresses created, changed (which columns), deleted, and
// the BAN's upload gates (formats/bal_diff.hpp), as text or JSON (--format), and with --gpkg
// as a map layer (formats/bal_diff_layer.hpp). Exit 0 when the upload would pass (warnings
// included), 1 when a gate blocks it, 2 when a file cannot be read or the layer written.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "adressage/error.hpp"
#include "adressage/formats/bal_diff.hpp"
#include "adressage/formats/bal_reader.hpp"
#include "adressage/formats/upload_file.hpp"
#include "command.hpp"
#include "run_module.hpp"

namespace adressage::app {

namespace {

struct DiffArgs {
    std::string old_file;
    std::string new_file;
    bool quiet = false;
    std::string format = "text";
    std::string gpkg;
};

formats::BalTable read_for_diff(const std::string &path) {
    formats::BalTable t = formats::read_bal_file(path);
    if (!t.parse_ok()) {
        throw InputError(path, "not a readable CSV (" + t.errors.front().code + " at line " +
                                   std::to_string(t.errors.front().line) +
                                   "); adressage validate shows every problem");
    }
    if (t.column("numero") < 0) {
        throw InputError(path, "has no column 'numero'; give a BAL file (versions 1.1 to 1.5)");
    }
    return t;
}

// The pre-flight gates of the diff, and the checks of the new file's name and bytes.
formats::Preflight upload_gates(const formats::BalTable &before, const formats::BalTable &after,
                                const formats::BalDiff &d, const std::string &new_file) {
    formats::Preflight gates = formats::preflight(before, after, d);
    std::ifstream in(new_file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (formats::GateCheck &c : formats::upload_file_checks(new_file, bytes)) {
        gates.level = std::max(gates.level, c.level);
        gates.checks.push_back(std::move(c));
    }
    return gates;
}

void print_addresses(const formats::BalDiff &d) {
    for (const formats::AddressChange &c : d.created) {
        std::cout << "  + " << c.key << "\n";
    }
    for (const formats::AddressChange &c : d.changed) {
        std::cout << "  ~ " << c.key << ":";
        for (const std::string &f : c.fields) {
            std::cout << " " << f;
        }
        std::cout << "\n";
    }
    for (const formats::AddressChange &c : d.deleted) {
        std::cout << "  - " << c.key << "\n";
    }
}

nlohmann::json addresses_json(const std::vector<formats::AddressChange> &list) {
    nlohmann::json out = nlohmann::json::array();
    for (const formats::AddressChange &c : list) {
        nlohmann::json a = {{"adresse", c.key}};
        if (!c.fields.empty()) {
            a["colonnes"] = c.fields;
        }
        out.push_back(std::move(a));
    }
    return out;
}

void print_json(const DiffArgs &args, const formats::BalDiff &d, const formats::Preflight &gates) {
    nlohmann::json checks = nlohmann::json::array();
    for (const formats::GateCheck &c : gates.checks) {
        checks.push_back({{"code", c.code},
                          {"level", std::string(formats::to_string(c.level))},
                          {"message", c.message}});
    }
    nlohmann::json out = {
        {"old", args.old_file},
        {"new", args.new_file},
        {"rows", {{"old", d.old_rows}, {"new", d.new_rows}}},
        {"addresses", {{"old", d.old_addresses}, {"new", d.new_addresses}}},
        {"matched_by", d.matched_by_id ? "id_ban_adresse" : "voie, numero, suffixe"},
        {"counts",
         {{"created", d.created.size()},
          {"changed", d.changed.size()},
          {"deleted", d.deleted.size()},
          {"unchanged", d.unchanged}}},
        {"preflight",
         {{"level", std::string(formats::to_string(gates.level))}, {"checks", checks}}}};
    if (!args.quiet) {
        out["created"] = addresses_json(d.created);
        out["changed"] = addresses_json(d.changed);
        out["deleted"] = addresses_json(d.deleted);
    }
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

int execute_diff(const DiffArgs &args) {
    const formats::BalTable before = read_for_diff(args.old_file);
    const formats::BalTable after = read_for_diff(args.new_file);
    const formats::BalDiff d = formats::diff_bal(before, after);
    const formats::Preflight gates = upload_gates(before, after, d, args.new_file);
    const int code = gates.level == formats::GateLevel::blocked ? exit_failure : exit_ok;
    if (!args.gpkg.empty()) {
        write_diff_gpkg_in_module(args.gpkg, before, after, d);
    }
    if (args.format == "json") {
        print_json(args, d, gates);
        return code;
    }
    std::cout << args.old_file << " -> " << args.new_file << ": " << d.old_rows << " -> "
              << d.new_rows << " rows, " << d.old_addresses << " -> " << d.new_addresses
              << " addresses (matched by "
              << (d.matched_by_id ? "id_ban_adresse" : "voie, numero, suffixe") << ")\n"
              << "created " << d.created.size() << ", changed " << d.changed.size() << ", deleted "
              << d.deleted.size() << ", unchanged " << d.unchanged << "\n";
    if (!args.quiet) {
        print_addresses(d);
    }
    std::cout << "pre-flight: " << formats::to_string(gates.level) << "\n";
    for (const formats::GateCheck &c : gates.checks) {
        std::cout << "  " << formats::to_string(c.level) << " " << c.code << ": " << c.message
                  << "\n";
    }
    return code;
}

} // namespace

Command declare_diff(CLI::App &adressage) {
    auto args = std::make_shared<DiffArgs>();
    CLI::App *cli = adressage.add_subcommand(
        "diff", "compare two BAL files of a commune (current, new): addresses created, changed, "
                "deleted, and the BAN's upload gates; exit 1 when the upload would be blocked");
    cli->add_option("OLD", args->old_file, "the BAL the BAN has")->required();
    cli->add_option("NEW", args->new_file, "the BAL to upload")->required();
    cli->add_flag("--quiet", args->quiet, "counts and gates only, no address list");
    cli->add_option("--format", args->format, "text (default) or json, on stdout")
        ->check(CLI::IsMember({"text", "json"}));
    cli->add_option("--gpkg", args->gpkg,
                    "also write the created, changed and deleted addresses to this GeoPackage "
                    "(layer differences, points in EPSG:4326)");
    return {.cli = cli, .help = "diff", .before_parse = {}, .execute = [args] {
                return execute_diff(*args);
            }};
}

} // namespace adressage::app
