#pragma once
// A subcommand of `adressage`, one file each (command_*.cpp, as osmium-tool has them):
// declare_* adds the subcommand and its options to the CLI11 app, bound to values the command
// owns; execute runs it once the command line is parsed. Exit codes are decided in main.cpp
// only: execute returns exit_ok or exit_failure (the command's own verdict: a BAL the BAN would
// refuse, a failed commune) and throws on errors (adressage/error.hpp).
#include <functional>
#include <string>

#include <CLI/CLI.hpp>

namespace adressage::app {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;
inline constexpr int exit_usage = 2;

struct Command {
    CLI::App *cli = nullptr; // the subcommand, owned by the top-level app
    // The command a usage error sends to, "(see adressage <help> --help)": names and
    // batch-merge have always sent to run's.
    std::string help;
    // Runs before CLI11 parses the command line (batch reads its --config file there).
    std::function<void(int argc, char **argv)> before_parse;
    std::function<int()> execute;
};

// In the order of `adressage --help`.
Command declare_run(CLI::App &adressage);
Command declare_names(CLI::App &adressage);
Command declare_validate(CLI::App &adressage);
Command declare_batch(CLI::App &adressage);
Command declare_batch_merge(CLI::App &adressage);
Command declare_diff(CLI::App &adressage);

} // namespace adressage::app
