// `adressage names`: one raw voie name per line on stdin, "input<TAB>output<TAB>rules" on
// stdout (names/normaliser.hpp).
#include <iostream>
#include <memory>
#include <string>

#include "adressage/names/normaliser.hpp"
#include "adressage/pipeline/run_options.hpp"
#include "command.hpp"

namespace adressage::app {

namespace {

int execute_names(const std::string &words_file) {
    names::DictionaryPaths paths = names::DictionaryPaths::defaults(pipeline::default_data_dir());
    if (!words_file.empty()) {
        paths.french_words = words_file;
    }
    const names::Dictionaries dictionaries = names::Dictionaries::load(paths);
    const names::NameNormaliser normaliser(dictionaries);
    std::string line;
    while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        const names::NormalisedName result = normaliser.normalise(line);
        std::cout << line << '\t' << result.text << '\t' << names::rules_to_string(result.rules)
                  << '\n';
    }
    return exit_ok;
}

} // namespace

Command declare_names(CLI::App &adressage) {
    auto words_file = std::make_shared<std::string>();
    CLI::App *cli =
        adressage.add_subcommand("names", "normalise voie names: one raw name per line on stdin, "
                                          "input<TAB>output<TAB>rules on stdout");
    cli->add_option("--words", *words_file,
                    "French word list, one word per line (default: Debian's wfrench, "
                    "/usr/share/dict/french)");
    return {.cli = cli,
            .help = "run", // as it always was
            .before_parse = {},
            .execute = [words_file] { return execute_names(*words_file); }};
}

} // namespace adressage::app
