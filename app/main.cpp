// `adressage`: declares every command, parses the command line, runs the command given and maps
// what it throws to the exit code, here only: 0 done, 1 processing failure (or the command's own
// verdict: a BAL the BAN would refuse, a failed commune), 2 bad usage, configuration or input.
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "adressage/error.hpp"
#include "command.hpp"

namespace adressage::app {

namespace {

// Library messages may span lines (libpq's do); the user gets exactly one line.
std::string one_line(const std::string &message) {
    std::string out;
    bool space = false;
    for (char c : message) {
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out.push_back(' ');
            space = false;
        }
        out.push_back(c);
    }
    return out;
}

// The command whose --help a usage error names: the one parsed, else the one named first when
// it reads something before the command line is parsed (batch's --config), else run.
std::string help_for(const std::vector<Command> &commands, int argc, char **argv) {
    for (const Command &c : commands) {
        if (c.cli->parsed()) {
            return c.help;
        }
    }
    for (const Command &c : commands) {
        if (c.before_parse && argc > 1 && c.cli->get_name() == argv[1]) {
            return c.help;
        }
    }
    return "run";
}

void parse(CLI::App &adressage, const std::vector<Command> &commands, int argc, char **argv) {
    for (const Command &c : commands) {
        if (c.before_parse) {
            c.before_parse(argc, argv);
        }
    }
    adressage.parse(argc, argv);
}

// require_subcommand(1): exactly one is parsed (else run, as it always was).
int execute_parsed(const std::vector<Command> &commands) {
    for (const Command &c : commands) {
        if (c.cli->parsed()) {
            return c.execute();
        }
    }
    return commands.front().execute();
}

// `adressage` alone and `adressage help [COMMAND]` print the help on stdout, exit 0 (as git and
// gdal do): the first thing a new user types is not a usage error.
bool asks_for_help(int argc, char **argv) {
    return argc == 1 || (argc <= 3 && std::string(argv[1]) == "help");
}

int print_help(const CLI::App &adressage, int argc, char **argv) {
    if (argc < 3) {
        std::cout << adressage.help();
        return exit_ok;
    }
    for (const CLI::App *command : adressage.get_subcommands({})) {
        if (command->get_name() == argv[2]) {
            std::cout << command->help("adressage");
            return exit_ok;
        }
    }
    std::cerr << "adressage: error: no command " << argv[2] << " (see adressage --help)\n";
    return exit_usage;
}

int run_command_line(int argc, char **argv) {
    CLI::App adressage{"adressage: roads and buildings of a commune to a Base Adresse Locale",
                       "adressage"};
    adressage.set_version_flag("--version", std::string("adressage ") + ADRESSAGE_VERSION);
    adressage.require_subcommand(1);
    const std::vector<Command> commands = {declare_run(adressage),         declare_names(adressage),
                                           declare_validate(adressage),    declare_batch(adressage),
                                           declare_batch_merge(adressage), declare_diff(adressage)};
    if (asks_for_help(argc, argv)) {
        return print_help(adressage, argc, argv);
    }
    try {
        parse(adressage, commands, argc, argv);
        return execute_parsed(commands);
    } catch (const CLI::CallForHelp &e) {
        return adressage.exit(e);
    } catch (const CLI::CallForAllHelp &e) {
        return adressage.exit(e);
    } catch (const CLI::CallForVersion &e) {
        return adressage.exit(e);
    } catch (const CLI::ParseError &e) {
        std::cerr << "adressage: error: " << one_line(e.what()) << " (see adressage "
                  << help_for(commands, argc, argv) << " --help)\n";
        return exit_usage;
    } catch (const ConfigError &e) {
        std::cerr << "adressage: error: " << one_line(e.what()) << "\n";
        return exit_usage;
    } catch (const InputError &e) {
        std::cerr << "adressage: error: " << one_line(e.what()) << "\n";
        return exit_usage;
    } catch (const std::exception &e) {
        std::cerr << "adressage: failed: " << one_line(e.what()) << "\n";
        return exit_failure;
    }
}

} // namespace

} // namespace adressage::app

int main(int argc, char **argv) { return adressage::app::run_command_line(argc, argv); }
