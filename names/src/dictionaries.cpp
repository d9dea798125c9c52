#include "adressage/names/dictionaries.hpp"

#include <libfccp/csv.h>

#include <algorithm>
#include <fstream>
#include <map>

#include "adressage/error.hpp"
#include "code_pairs_csv.hpp"
#include "utf8_text.hpp"

namespace adressage::names {

namespace {

const std::vector<std::string> empty_forms;

// Splits a written name into its words (on spaces, hyphens and apostrophes).
std::vector<std::string> words_of(std::string_view name) {
    std::vector<std::string> words;
    std::string current;
    for (std::size_t i = 0; i < name.size();) {
        const std::size_t start = i;
        const char32_t c = text::next(name, i);
        if (text::is_letter_or_digit(c)) {
            current.append(name.substr(start, i - start));
        } else if (!current.empty()) {
            words.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) {
        words.push_back(std::move(current));
    }
    return words;
}

bool is_article(const std::string &key) {
    return key == "le" || key == "la" || key == "les" || key == "l";
}

std::ifstream open_lines(const std::string &path, const std::string &fix) {
    std::ifstream in(path);
    if (!in) {
        throw InputError("word list " + path, "cannot be read; " + fix);
    }
    return in;
}

using WordForms = std::unordered_map<std::string, std::vector<std::string>>;
using WrittenForms = std::unordered_map<std::string, std::string>;
using Keys = std::unordered_set<std::string>;
// A word's key -> each way commune names write it -> how many times.
using CogForms = std::map<std::string, std::map<std::string, int>>;

void read_masculine_e(const std::string &path, Keys &nouns) {
    std::ifstream in = open_lines(path, "reinstall datasets/names");
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.front() != '#') {
            nouns.insert(line);
        }
    }
}

// French words: every written form of a key, plain forms remembered.
void read_french_words(const std::string &path, WordForms &words, Keys &plain_words) {
    words.reserve(400000);
    plain_words.reserve(200000);
    std::ifstream in = open_lines(path, "install Debian's wfrench package (scripts/setup does)");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.find_first_of(" '") != std::string::npos) {
            continue;
        }
        if (line.find('-') != std::string::npos) {
            continue; // compound words: "petit-bois" is not how a street writes Petit Bois
        }
        const std::string k = text::key(line);
        if (k == line) {
            plain_words.insert(k);
        }
        words[k].push_back(std::move(line));
    }
}

// Debian's hunspell-fr (Grammalecte's dictionary): the singular of the nouns whose plural
// wfrench lacks (néflier), and its proper nouns (Iéna, Hélios, Élisée), kept apart.
void read_hunspell(const std::string &path, const WordForms &words, WrittenForms &nouns,
                   WrittenForms &known_proper, Keys &first_names) {
    std::ifstream in = open_lines(path, "install Debian's hunspell-fr-comprehensive package "
                                        "(scripts/setup does)");
    std::string line;
    std::getline(in, line); // the entry count
    nouns.reserve(32768);
    known_proper.reserve(8192);
    while (std::getline(in, line)) {
        const std::size_t end = line.find_first_of("/ \t");
        std::string stem = line.substr(0, end);
        if (stem.size() < 2 || stem.find_first_of("-'.0123456789") != std::string::npos) {
            continue;
        }
        std::string k = text::key(stem);
        if (text::has_upper(stem)) {
            if (!text::has_upper(stem.substr(1))) {
                if (line.find("po:prn") != std::string::npos) {
                    first_names.insert(k);
                }
                known_proper.emplace(std::move(k), std::move(stem));
            }
            continue;
        }
        // Nouns and adjectives whose plural wfrench lacks (néflier: néfliers).
        if ((line.find("po:nom") != std::string::npos ||
             line.find("po:adj") != std::string::npos) &&
            k.find_last_of("sxz") != k.size() - 1 && !words.contains(k + 's')) {
            // One written form per key; a key written two ways is not used.
            const auto [it, inserted] = nouns.try_emplace(k, stem);
            if (!inserted && it->second != stem) {
                it->second.clear();
            }
        }
    }
}

// A commune's name of several words (`words`: its words), kept whole for its hyphens and
// accents under its words' keys.
void add_place_name(const std::string &nom, const std::vector<std::string> &words,
                    WrittenForms &places, std::size_t &longest_place) {
    std::size_t first = 0;
    if (words.size() > 2 && is_article(text::key(words.front()))) {
        first = 1; // "La Côte-Saint-André" is matched as "Côte-Saint-André"
    }
    if (words.size() - first < 2 || is_article(text::key(words[first]))) {
        return; // "La Turbie": streets write "Route de la Turbie"
    }
    std::string joined;
    for (std::size_t i = first; i < words.size(); ++i) {
        joined.append(joined.empty() ? "" : " ").append(text::key(words[i]));
    }
    std::string written = nom;
    if (first == 1) {
        const std::size_t cut = nom.find(words[1]);
        written = nom.substr(cut);
    }
    if (places.emplace(joined, written).second) {
        longest_place = std::max(longest_place, words.size() - first);
    }
}

// Place names from the COG: single words counted by written form (to prefer "côte" over
// "coté"), names of several words kept whole for their hyphens and accents.
CogForms read_communes(const std::string &path, WrittenForms &places, std::size_t &longest_place) {
    CogForms cog_forms;
    try {
        io::CSVReader<3, io::trim_chars<' ', '\t'>, io::no_quote_escape<';'>> in(path);
        in.read_header(io::ignore_extra_column, "code", "type", "nom");
        std::string code;
        std::string type;
        std::string nom;
        while (in.read_row(code, type, nom)) {
            std::vector<std::string> words = words_of(nom);
            for (const std::string &w : words) {
                if (text::has_letter(w)) {
                    ++cog_forms[text::key(w)][w];
                }
            }
            add_place_name(nom, words, places, longest_place);
        }
    } catch (const io::error::base &e) {
        throw InputError("commune list " + path,
                         std::string(e.what()) + "; reinstall datasets/cog-2026");
    }
    return cog_forms;
}

// Each word of the commune names under its key, as commune names write it most often.
void add_most_written(const CogForms &cog_forms, WrittenForms &proper) {
    for (const auto &[k, forms] : cog_forms) {
        const auto best = std::max_element(forms.begin(), forms.end(),
                                           [](auto &a, auto &b) { return a.second < b.second; });
        proper.emplace(k, best->first);
    }
}

// Orders each word's forms: the one written most often in commune names first, then the
// dictionary's (byte) order. `cog_decided`: the words whose first form commune names chose.
void order_forms_by_cog(const CogForms &cog_forms, WordForms &words, Keys &cog_decided) {
    for (auto &[k, forms] : words) {
        if (forms.size() < 2) {
            continue;
        }
        std::sort(forms.begin(), forms.end());
        forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
        const auto cog = cog_forms.find(k);
        if (cog == cog_forms.end() || forms.size() < 2) {
            continue;
        }
        std::vector<std::pair<int, std::string>> counted;
        for (std::string &f : forms) {
            const auto it = cog->second.find(text::capitalise(f));
            counted.emplace_back(it == cog->second.end() ? 0 : -it->second, std::move(f));
        }
        std::stable_sort(counted.begin(), counted.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        for (std::size_t i = 0; i < counted.size(); ++i) {
            forms[i] = std::move(counted[i].second);
        }
        if (counted.front().first < 0) {
            cog_decided.insert(k);
        }
    }
}

// Départements, régions, provinces, rivers: their words' written forms.
void read_places(const std::string &path, WrittenForms &proper) {
    std::ifstream in = open_lines(path, "reinstall datasets/names/places.txt");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() == '#') {
            continue;
        }
        for (const std::string &w : words_of(line)) {
            if (!is_article(text::key(w)) && w.size() > 2) {
                proper[text::key(w)] = w;
            }
        }
    }
}

// People's names, kept apart: they win over dictionary words (Émile, not "emile").
void read_people(const std::string &path, WrittenForms &people, WrittenForms &compounds) {
    std::ifstream in = open_lines(path, "reinstall datasets/names/people.txt");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const std::vector<std::string> words = words_of(line);
        for (const std::string &w : words) {
            people[text::key(w)] = w;
        }
        if (words.size() > 1) {
            std::string joined;
            for (const std::string &w : words) {
                joined.append(joined.empty() ? "" : " ").append(text::key(w));
            }
            compounds.emplace(joined, line);
        }
    }
}

} // namespace

DictionaryPaths DictionaryPaths::defaults(const std::string &data_dir) {
    DictionaryPaths p;
    p.natures_voies = data_dir + "/names/natures_voies.csv";
    p.extra_types = data_dir + "/names/types_extra.csv";
    p.titles = data_dir + "/names/titles.csv";
    p.written_forms = data_dir + "/names/written_forms.csv";
    p.masculine_e = data_dir + "/names/masculine_e_nouns.txt";
    p.people = data_dir + "/names/people.txt";
    p.places = data_dir + "/names/places.txt";
    p.communes = data_dir + "/cog-2026/communes.csv";
    p.french_words = "/usr/share/dict/french";
    p.hunspell_fr = "/usr/share/hunspell/fr.dic";
    return p;
}

Dictionaries Dictionaries::load(const DictionaryPaths &paths) {
    Dictionaries d;
    d.vocabulary_ = VoieVocabulary::load(paths.natures_voies, paths.extra_types, paths.titles);
    detail::read_code_pairs(paths.written_forms, "written forms",
                            [&](const std::string &k, const std::string &written) {
                                d.written_types_.emplace(text::key(k), written);
                            });
    read_masculine_e(paths.masculine_e, d.masculine_e_);
    read_french_words(paths.french_words, d.words_, d.plain_words_);
    read_hunspell(paths.hunspell_fr, d.words_, d.nouns_, d.known_proper_, d.first_names_);
    const CogForms cog_forms = read_communes(paths.communes, d.places_, d.longest_place_);
    add_most_written(cog_forms, d.proper_);
    order_forms_by_cog(cog_forms, d.words_, d.cog_decided_);
    read_places(paths.places, d.proper_);
    read_people(paths.people, d.people_, d.compounds_);
    return d;
}

const std::vector<std::string> &Dictionaries::forms(const std::string &key) const {
    const auto it = words_.find(key);
    return it == words_.end() ? empty_forms : it->second;
}

const std::string *Dictionaries::written_type(const std::string &key) const {
    const auto it = written_types_.find(key);
    return it == written_types_.end() ? nullptr : &it->second;
}

const std::string *Dictionaries::compound_name(const std::string &key) const {
    const auto it = compounds_.find(key);
    return it == compounds_.end() ? nullptr : &it->second;
}

const std::string *Dictionaries::person(const std::string &key) const {
    const auto it = people_.find(key);
    return it == people_.end() ? nullptr : &it->second;
}

const std::string *Dictionaries::known_proper(const std::string &key) const {
    const auto it = known_proper_.find(key);
    return it == known_proper_.end() ? nullptr : &it->second;
}

const std::string *Dictionaries::noun_or_adjective(const std::string &key) const {
    const auto it = nouns_.find(key);
    return it == nouns_.end() || it->second.empty() ? nullptr : &it->second;
}

const std::string *Dictionaries::proper_name(const std::string &key) const {
    const auto it = proper_.find(key);
    return it == proper_.end() ? nullptr : &it->second;
}

const std::string *Dictionaries::place_name(const std::string &key) const {
    const auto it = places_.find(key);
    return it == places_.end() ? nullptr : &it->second;
}

} // namespace adressage::names
