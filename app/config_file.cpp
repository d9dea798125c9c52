#include "config_file.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include <toml++/toml.h>

#include "adressage/error.hpp"

namespace adressage::app {

namespace {

std::string line_of(const toml::source_region &where) {
    return "line " + std::to_string(where.begin.line);
}

// The command's option for `key`, by its long name as written or with '_' as '-'.
CLI::Option *option_for(CLI::App &command, std::string key) {
    if (CLI::Option *o = command.get_option_no_throw("--" + key)) {
        return o;
    }
    std::replace(key.begin(), key.end(), '_', '-');
    return command.get_option_no_throw("--" + key);
}

// One TOML value as a command-line value; throws for what a flag cannot take.
std::string value_text(const toml::node &value, const std::string &file, const std::string &key) {
    if (const auto *s = value.as_string()) {
        return s->get();
    }
    if (const auto *i = value.as_integer()) {
        return std::to_string(i->get());
    }
    if (const auto *f = value.as_floating_point()) {
        std::ostringstream text;
        text.precision(17);
        text << f->get();
        return text.str();
    }
    if (const auto *b = value.as_boolean()) {
        return b->get() ? "true" : "false";
    }
    throw InputError("--config " + file, line_of(value.source()) + ": key '" + key +
                                             "' takes a string, a number, a boolean or an array "
                                             "of them");
}

// The arguments of a file, and the line of each flag's key (for CLI11's own errors).
struct FileArguments {
    std::vector<std::string> args;
    std::vector<std::pair<std::string, std::string>> flag_lines; // "--max-distance", "line 3"
};

void add_key(CLI::App &command, const std::string &file, const toml::key &key,
             const toml::node &value, FileArguments &out) {
    std::vector<std::string> &args = out.args;
    const std::string name(key.str());
    CLI::Option *option = option_for(command, name);
    if (option == nullptr || name == "config") {
        throw InputError("--config " + file, line_of(key.source()) + ": unknown key '" + name +
                                                 "' (the keys are the flags of adressage " +
                                                 command.get_name() + " --help, without --)");
    }
    const std::string flag =
        option->get_lnames().empty() ? "--" + name : "--" + option->get_lnames().front();
    out.flag_lines.emplace_back(flag, line_of(key.source()));
    if (option->get_expected_max() == 0) { // a flag
        const auto *on = value.as_boolean();
        if (on == nullptr) {
            throw InputError("--config " + file,
                             line_of(value.source()) + ": key '" + name + "' is true or false");
        }
        if (on->get()) {
            args.push_back(flag);
        }
        return;
    }
    args.push_back(flag);
    if (const auto *array = value.as_array()) {
        for (const toml::node &element : *array) {
            if (element.is_array() || element.is_table()) {
                throw InputError("--config " + file, line_of(element.source()) + ": key '" + name +
                                                         "' takes an array of values, "
                                                         "not of arrays or tables");
            }
            args.push_back(value_text(element, file, name));
        }
        return;
    }
    if (value.is_table()) {
        throw InputError("--config " + file, line_of(value.source()) + ": [" + name +
                                                 "] is a table; the keys are top-level");
    }
    args.push_back(value_text(value, file, name));
}

// "line L: " of the key whose flag CLI11's message names, "" when it names none.
std::string key_line(const FileArguments &read, const std::string &message) {
    for (const auto &[flag, line] : read.flag_lines) {
        const std::size_t at = message.find(flag);
        const std::size_t end = at + flag.size();
        const bool whole =
            at != std::string::npos &&
            (end == message.size() ||
             (std::isalnum(static_cast<unsigned char>(message[end])) == 0 && message[end] != '-'));
        if (whole) {
            return line + ": ";
        }
    }
    return "";
}

FileArguments read_arguments(const std::string &file, CLI::App &command) {
    if (!std::ifstream(file)) {
        throw InputError("--config " + file, "cannot be read; check the path");
    }
    toml::table table;
    try {
        table = toml::parse_file(file);
    } catch (const toml::parse_error &e) {
        const auto &where = e.source();
        throw InputError("--config " + file, line_of(where) + ", column " +
                                                 std::to_string(where.begin.column) + ": " +
                                                 std::string(e.description()));
    }
    FileArguments out;
    for (const auto &[key, value] : table) {
        add_key(command, file, key, value, out);
    }
    return out;
}

} // namespace

std::vector<std::string> config_files(int argc, char **argv) {
    std::vector<std::string> files;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--config" && i + 1 < argc) {
            files.emplace_back(argv[i + 1]);
        } else if (arg.rfind("--config=", 0) == 0 && arg.size() > 9) {
            files.push_back(arg.substr(9));
        }
    }
    return files;
}

std::vector<std::string> config_arguments(const std::string &file, CLI::App &command) {
    return read_arguments(file, command).args;
}

void parse_config(const std::string &file, CLI::App &command) {
    const FileArguments read = read_arguments(file, command);
    std::vector<std::string> args(read.args.rbegin(), read.args.rend()); // CLI11: last first
    try {
        command.parse(args);
    } catch (const CLI::ParseError &e) {
        throw InputError("--config " + file, key_line(read, e.what()) + e.what());
    }
}

} // namespace adressage::app
