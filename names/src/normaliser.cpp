#include "adressage/names/normaliser.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <regex>

#include "adressage/names/tokens.hpp"
#include "adressage/names/word_classes.hpp"
#include "utf8_text.hpp"

namespace adressage::names {

namespace {

// A name that is only a road's administrative designation, as the cadastre labels a road with
// no other name: "(R.D. nº 271)", "RD 271", "C.R. N°8". Written out in the form the commune's
// other such voies take ("Chemin rural nº 8"): "Route départementale nº 271". Nothing else
// (a designation followed by a name stays as it is).
std::optional<std::string> road_designation(const std::string &input) {
    // Most names fail on their first two letters ("Rue", "CHEMIN"): no regex for them.
    std::size_t at = input.find_first_not_of(" \t\n\r\f\v(");
    if (at == std::string::npos || std::string_view("RCV").find(input[at]) == std::string::npos) {
        return std::nullopt;
    }
    at = input.find_first_not_of(" \t\n\r\f\v.", at + 1);
    if (at == std::string::npos || std::string_view("DNRC").find(input[at]) == std::string::npos) {
        return std::nullopt;
    }
    static const std::regex pattern(
        R"(^\s*\(?\s*([RCV])\s*\.?\s*([DNRC])\s*\.?\s*(?:[Nn]\s*(?:°|º|o|O)?\s*\.?\s*)?)"
        R"(([0-9]{1,4}(?:\s*[A-Za-z])?)\s*\)?\s*$)");
    std::smatch m;
    if (!std::regex_match(input, m, pattern)) {
        return std::nullopt;
    }
    const std::string code = m[1].str() + m[2].str();
    static const std::array<std::pair<const char *, const char *>, 5> designations = {{
        {"RD", "Route départementale"},
        {"RN", "Route nationale"},
        {"CD", "Chemin départemental"},
        {"CR", "Chemin rural"},
        {"VC", "Voie communale"},
    }};
    for (const auto &[abbreviation, written] : designations) {
        if (code == abbreviation) {
            std::string number = m[3].str();
            number.erase(std::remove(number.begin(), number.end(), ' '), number.end());
            return std::string(written) + " nº " + number;
        }
    }
    return std::nullopt;
}

// "1er", "2e", "3eme", "1ere", "2nd": the number and its French ordinal ending.
bool ordinal(const std::string &key, std::string &written) {
    std::size_t digits = 0;
    while (digits < key.size() && key[digits] >= '0' && key[digits] <= '9') {
        ++digits;
    }
    if (digits == 0 || digits == key.size()) {
        return false;
    }
    const std::string number = key.substr(0, digits);
    const std::string end = key.substr(digits);
    if (end == "er" || end == "re" || end == "ere") {
        written = number + (end == "er" ? "er" : "re");
    } else if (end == "e" || end == "eme" || end == "ieme") {
        written = number + "e";
    } else if (end == "nd" || end == "nde") {
        written = number + end;
    } else {
        return false;
    }
    return true;
}

// French spelling: an "e" sounded [ɛ] before a single consonant and a final mute "e" takes a
// grave accent (Bessières, Pomarède, Salièges). Applied only to words no list knows.
std::string grave_before_final_syllable(const std::string &word) {
    static const std::regex pattern("^(.*[^aeo])e([bcdfgjklmnpqrstvz]es?)$");
    std::smatch m;
    if (word.size() > 4 && std::regex_match(word, m, pattern) &&
        m[1].str().find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos) {
        return m[1].str() + "\xC3\xA8" + m[2].str(); // è
    }
    return word;
}

// A plural the word lists only know in the singular (néfliers, arbalétriers): the noun or
// adjective with its "s"; empty otherwise.
std::string plural_of_known(const Dictionaries &dict, const std::string &key) {
    if (key.size() < 5 || key.back() != 's') {
        return {};
    }
    const std::string *singular = dict.noun_or_adjective(key.substr(0, key.size() - 1));
    return singular ? *singular + "s" : std::string();
}

// "Avenue de Calès": after a bare "de", a plural common noun (cales) reads as a place, and a
// commune that writes it with an accent decides. Nullptr otherwise.
const std::string *place_after_de(const Dictionaries &dict, const std::string &key,
                                  const std::string &prev, const std::vector<std::string> &forms) {
    if (prev != "de" || key.size() < 4 || key.back() != 's' || forms.empty() ||
        forms.front() != key) {
        return nullptr;
    }
    const std::string *place = dict.proper_name(key);
    return place != nullptr && text::key(*place) != text::lower(*place) ? place : nullptr;
}

// Southern names from Occitan keep its stressed endings, written -ié and -iès in French
// (Fabié, Pesquié, Bastié, Castanié): a word no list knows, ending in a consonant and "ie" or
// "ies", takes the accent where it is masculine: after "du", "le", "au" (a French word in -ie
// is feminine), or as a surname after a first name. Elsewhere ("de Laudinie", "la Pradelie")
// it is left as it is.
std::string occitan_stressed_ending(const Dictionaries &dict, const std::string &key,
                                    const std::string &prev) {
    const bool masculine = prev == "du" || prev == "le" || prev == "au";
    if (key.size() < 5 || (!masculine && !dict.is_first_name(prev) && !dict.person(prev))) {
        return {};
    }
    const bool plural = key.back() == 's';
    const std::size_t ie = key.size() - (plural ? 3 : 2);
    if (key.compare(ie, 2, "ie") != 0 || key.compare(ie - 2, 2, "er") == 0) {
        return {}; // not -ie(s), or the French suffix -erie
    }
    auto vowel = [](char c) {
        return std::string_view("aeiouy").find(c) != std::string_view::npos;
    };
    const char before = key[ie - 1];
    const bool consonant = before >= 'a' && before <= 'z' && !vowel(before) && before != 'h' &&
                           before != 'j' && before != 'q' && before != 'w';
    const bool qu = before == 'u' && key[ie - 2] == 'q';
    const std::size_t stem_end = qu ? ie - 2 : ie - 1;
    if (!(consonant || qu) ||
        !std::any_of(key.begin(), key.begin() + static_cast<std::ptrdiff_t>(stem_end), vowel) ||
        !std::all_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        return {};
    }
    return key.substr(0, ie) + (plural ? "i\xC3\xA8s" : "i\xC3\xA9"); // iès, ié
}

// Words written with the œ ligature, which the French word list spells "oe".
std::string with_ligature(const std::string &form) {
    static const std::array<std::string_view, 12> stems = {
        "coeur", "oeil", "oeuvre", "soeur",     "voeu",   "noeud",
        "boeuf", "oeuf", "choeur", "manoeuvre", "moeurs", "oeillet"};
    for (std::string_view stem : stems) {
        if (form.rfind(stem, 0) == 0 && form.size() <= stem.size() + 2) {
            std::string out = form;
            const std::size_t at = out.find("oe");
            out.replace(at, 2, "\xC5\x93"); // œ
            return out;
        }
    }
    return form;
}

class Trace {
  public:
    void fire(Rule r) {
        if (std::find(rules.begin(), rules.end(), r) == rules.end()) {
            rules.push_back(r);
        }
    }
    void flag(const std::string &what, double cost) {
        flags.push_back(what);
        confidence = std::max(0.0, confidence - cost);
    }
    std::vector<Rule> rules;
    std::vector<std::string> flags;
    double confidence = 1.0;
};

// The name being normalised. `fixed`: the tokens that already hold their final written form
// (expansions, place names).
struct NameDraft {
    std::vector<Token> tokens;
    std::vector<bool> fixed;

    // The positions of the tokens that hold a word.
    std::vector<std::size_t> words() const;
    // Puts `with` in place of `count` tokens from `first`, fixed, keeping what surrounds them.
    void replace(std::size_t first, std::size_t count, std::vector<Token> with);
};

bool is_word(const Token &t) { return !t.word.empty(); }

std::vector<std::size_t> NameDraft::words() const {
    std::vector<std::size_t> idx;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (is_word(tokens[i])) {
            idx.push_back(i);
        }
    }
    return idx;
}

void NameDraft::replace(std::size_t first, std::size_t count, std::vector<Token> with) {
    if (with.empty()) {
        return;
    }
    with.front().prefix = tokens[first].prefix + with.front().prefix;
    with.back().suffix += tokens[first + count - 1].suffix;
    with.back().sep = tokens[first + count - 1].sep;
    const std::size_t n = with.size();
    tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(first),
                 tokens.begin() + static_cast<std::ptrdiff_t>(first + count));
    fixed.erase(fixed.begin() + static_cast<std::ptrdiff_t>(first),
                fixed.begin() + static_cast<std::ptrdiff_t>(first + count));
    tokens.insert(tokens.begin() + static_cast<std::ptrdiff_t>(first), with.begin(), with.end());
    fixed.insert(fixed.begin() + static_cast<std::ptrdiff_t>(first), n, true);
}

std::vector<Token> words_to_tokens(const std::vector<std::string> &words, const char *sep) {
    std::vector<Token> out;
    for (const std::string &word : words) {
        Token t;
        t.word = word;
        t.key = text::key(word);
        t.sep = sep;
        out.push_back(std::move(t));
    }
    return out;
}

// How the input is written, which decides how much of it is rewritten.
struct InputCase {
    // Upper-case (TOPO, cadastre) or lower-case input is rewritten; mixed case is trusted and
    // only corrected where it is clearly wrong.
    bool rewrite = false;
    // "Rue De La Gare": every word capitalised, mechanically; articles can be put back in lower
    // case. With any word in lower case the capitals are deliberate ("de Sous la Velle").
    bool every_word_capitalised = true;
};

InputCase case_of(const std::string &input, const std::vector<Token> &tokens) {
    InputCase c;
    c.rewrite = text::has_lower(input) != text::has_upper(input);
    for (const Token &t : tokens) {
        if (!t.word.empty() && text::has_lower(t.word.substr(0, 1))) {
            c.every_word_capitalised = false;
        }
    }
    return c;
}

// The input cut into tokens; spaces and apostrophes that tokenising rewrote are traced.
NameDraft draft_of(const std::string &input, Trace &trace) {
    NameDraft w;
    w.tokens = tokenise(input);
    // Punctuation-only tokens are kept as they are.
    w.fixed.assign(w.tokens.size(), false);
    if (join(w.tokens) != input) {
        trace.fire(Rule::spaces);
    }
    return w;
}

// 1. A leading "Lieu-dit" says what the name is, not part of it.
void drop_lieu_dit_prefix(NameDraft &w, Trace &trace) {
    auto idx = w.words();
    std::vector<std::string> keys;
    for (std::size_t i : idx) {
        keys.push_back(w.tokens[i].key);
    }
    const std::size_t drop = lieu_dit_prefix_words(keys);
    if (drop > 0) {
        w.tokens.erase(w.tokens.begin(),
                       w.tokens.begin() + static_cast<std::ptrdiff_t>(idx[drop - 1] + 1));
        w.fixed.erase(w.fixed.begin(),
                      w.fixed.begin() + static_cast<std::ptrdiff_t>(idx[drop - 1] + 1));
        trace.fire(Rule::lieu_dit);
    }
}

// 2. "RUE RUE DU MOULIN": one type word.
void drop_repeated_type(NameDraft &w, const VoieVocabulary &vocabulary, Trace &trace) {
    auto idx = w.words();
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < idx.size() && i < 3; ++i) {
        keys.push_back(w.tokens[idx[i]].key);
    }
    if (repeats_voie_type(keys, vocabulary)) {
        w.tokens.erase(w.tokens.begin() + static_cast<std::ptrdiff_t>(idx[1]));
        w.fixed.erase(w.fixed.begin() + static_cast<std::ptrdiff_t>(idx[1]));
        trace.fire(Rule::duplicate_type);
    }
}

// 3. The voie type, in first position only: CHE → chemin.
void expand_voie_type(NameDraft &w, const Dictionaries &dict, bool rewrite, Trace &trace) {
    auto idx = w.words();
    if (idx.size() <= 1) {
        return;
    }
    Token &first = w.tokens[idx[0]];
    const auto *type = dict.type_words(first.key);
    const bool is_code = type && *type != first.key;
    // In mixed case, only what cannot be a word: "Av.", "Bd", "Imp".
    const bool clear = rewrite || first.suffix == "." ||
                       (!dict.is_plain_word(first.key) && dict.forms(first.key).empty());
    if (is_code && clear) {
        first.suffix.erase(0, first.suffix.find_first_not_of('.'));
        // Written below, with accents and capitals.
        std::vector<Token> with = tokenise(*type);
        w.replace(idx[0], 1, with);
        std::fill(w.fixed.begin() + static_cast<std::ptrdiff_t>(idx[0]),
                  w.fixed.begin() + static_cast<std::ptrdiff_t>(idx[0] + with.size()), false);
        trace.fire(Rule::type_expanded);
    }
}

// 4. Titles before a name: ST JEAN → Saint-Jean, GAL → Général, ND → Notre-Dame.
void expand_titles(NameDraft &w, const Dictionaries &dict, bool rewrite, Trace &trace) {
    auto idx = w.words();
    for (std::size_t n = 0; n < idx.size(); ++n) {
        const std::size_t i = idx[n];
        Token &t = w.tokens[i];
        const std::string *full = dict.title(t.key);
        // A title comes before a name; Notre-Dame is also a name by itself ("Chapelle ND").
        if (n + 1 == idx.size() && !(t.key == "nd" && n > 0)) {
            continue;
        }
        if (full == nullptr || (n == 0 && dict.type_words(t.key))) {
            continue;
        }
        const std::string &next_word = n + 1 < idx.size() ? w.tokens[idx[n + 1]].word : t.word;
        const bool clear = rewrite || t.suffix == "." || !dict.is_plain_word(t.key) ||
                           (text::has_upper(t.word) && text::has_upper(next_word.substr(0, 1)));
        if (!clear) {
            continue;
        }
        t.suffix.erase(0, t.suffix.find_first_not_of('.'));
        t.key = text::key(*full);
        if (full->find('-') != std::string::npos) {
            // Written below from their keys when rewriting; as given otherwise.
            // Notre-Dame: two words joined by a hyphen.
            const std::size_t dash = full->find('-');
            std::vector<Token> with =
                words_to_tokens({full->substr(0, dash), full->substr(dash + 1)}, "-");
            with.back().sep = t.sep;
            with.front().prefix = t.prefix;
            with.back().suffix = t.suffix;
            w.tokens.erase(w.tokens.begin() + static_cast<std::ptrdiff_t>(i));
            w.fixed.erase(w.fixed.begin() + static_cast<std::ptrdiff_t>(i));
            w.tokens.insert(w.tokens.begin() + static_cast<std::ptrdiff_t>(i), with.begin(),
                            with.end());
            w.fixed.insert(w.fixed.begin() + static_cast<std::ptrdiff_t>(i), with.size(), false);
            idx = w.words();
        } else {
            t.word = *full;
        }
        trace.fire(Rule::title_expanded);
    }
}

// The compound first name or the COG place name that the `len` words from the n-th write, when
// nothing but separators joins them; nullptr otherwise.
const std::string *name_of_words(const NameDraft &w, const std::vector<std::size_t> &idx,
                                 std::size_t n, std::size_t len, const Dictionaries &dict) {
    std::string key;
    bool distinctive = false; // a word that is not a common French word
    for (std::size_t k = 0; k < len; ++k) {
        const Token &t = w.tokens[idx[n + k]];
        if (k + 1 < len &&
            (idx[n + k + 1] != idx[n + k] + 1 || t.sep.empty() || !t.suffix.empty())) {
            return nullptr;
        }
        key.append(k ? " " : "").append(t.key);
        distinctive = distinctive || dict.forms(t.key).empty();
    }
    const std::string *name = len == 2 ? dict.compound_name(key) : nullptr;
    if (name == nullptr && distinctive) {
        name = dict.place_name(key);
    }
    return name;
}

// Mixed case is trusted: never take away an accent it wrote (Saint-Géniez).
bool keeps_written_accents(const NameDraft &w, const std::vector<std::size_t> &idx, std::size_t n,
                           const std::vector<Token> &with) {
    for (std::size_t k = 0; k < with.size(); ++k) {
        const std::string &mine = w.tokens[idx[n + k]].word;
        if (text::key(mine) != text::lower(mine) &&
            text::lower(mine) != text::lower(with[k].word)) {
            return false;
        }
    }
    return true;
}

// 5. Names of several words: places from the COG (Villefranche-de-Rouergue) and compound
// first names (Jean-Jacques), for their hyphens and accents.
void write_compound_names(NameDraft &w, const Dictionaries &dict, bool rewrite, Trace &trace) {
    auto idx = w.words();
    for (std::size_t n = 1; n < idx.size(); ++n) {
        const std::size_t longest =
            std::min(std::max<std::size_t>(dict.longest_place_name_words(), 2), idx.size() - n);
        for (std::size_t len = longest; len >= 2; --len) {
            const std::string *name = name_of_words(w, idx, n, len, dict);
            if (name == nullptr) {
                continue;
            }
            std::vector<Token> with = tokenise(*name);
            if (with.size() != len || (!rewrite && !keeps_written_accents(w, idx, n, with))) {
                continue;
            }
            const std::string before = join(std::vector<Token>(
                w.tokens.begin() + static_cast<std::ptrdiff_t>(idx[n]),
                w.tokens.begin() + static_cast<std::ptrdiff_t>(idx[n + len - 1] + 1)));
            w.replace(idx[n], len, with);
            const std::string after = join(std::vector<Token>(
                w.tokens.begin() + static_cast<std::ptrdiff_t>(idx[n]),
                w.tokens.begin() + static_cast<std::ptrdiff_t>(idx[n] + with.size())));
            if (before != after) {
                trace.fire(Rule::place_name);
            }
            idx = w.words();
            n += with.size() - 1;
            break;
        }
    }
}

// 6. Saint Jean → Saint-Jean (the charter's hyphen), whatever the case.
void hyphenate_saint(NameDraft &w, Trace &trace) {
    auto idx = w.words();
    for (std::size_t n = 0; n + 1 < idx.size(); ++n) {
        Token &t = w.tokens[idx[n]];
        const std::string &next = w.tokens[idx[n + 1]].key;
        if ((t.key == "saint" || t.key == "sainte" || t.key == "saints" || t.key == "saintes") &&
            t.sep == " " && t.suffix.empty() && idx[n + 1] == idx[n] + 1 && !is_lower_word(next) &&
            !text::all_digits(next) && n + 1 < idx.size()) {
            t.sep = "-";
            trace.fire(Rule::saint_hyphen);
        }
    }
}

// A word's place in the name, for the rules that look at its neighbours.
struct Neighbours {
    std::size_t n;           // the word's position among the words
    const std::string &prev; // the previous word's key, "" for the first
    const std::string &next; // the next word's key, "" for the last
    bool after_hyphen;       // the previous word is joined to this one by a hyphen
};

const std::string no_word;

// "1ER" → 1er; false when the word is not an ordinal.
bool write_ordinal(Token &t, Trace &trace) {
    std::string written;
    if (!ordinal(t.key, written)) {
        return false;
    }
    if (written != t.word) {
        t.word = written;
        trace.fire(Rule::ordinal);
    }
    return true;
}

// Mixed case: articles written with a capital inside the name, and accents missing from a
// word that cannot be written without them.
void correct_mixed_case_word(Token &t, std::size_t n, bool every_word_capitalised,
                             const Dictionaries &dict, Trace &trace) {
    if (n > 0 && every_word_capitalised && t.suffix.empty() && is_lower_word(t.key) &&
        text::has_upper(t.word) && !text::has_upper(t.word.substr(1)) && t.sep != "-") {
        t.word = text::lower(t.word);
        trace.fire(Rule::casing);
        return;
    }
    if (text::key(t.word) == text::lower(t.word) && !text::has_upper(t.word.substr(1)) &&
        !dict.is_plain_word(t.key)) {
        // A capitalised name that a commune writes without accent stays so.
        const std::string *proper = dict.proper_name(t.key);
        if (proper != nullptr && text::has_upper(t.word) &&
            text::key(*proper) == text::lower(*proper)) {
            return;
        }
        const std::string *person = dict.person(t.key);
        const auto &forms = dict.forms(t.key);
        const std::string *form = person ? person : forms.size() == 1 ? &forms.front() : nullptr;
        if (form != nullptr && text::key(*form) == t.key && *form != text::lower(t.word)) {
            t.word = text::has_upper(t.word) ? text::capitalise(*form) : *form;
            if (person) {
                t.word = *person;
            }
            trace.fire(Rule::accents);
        }
    }
}

// A word the French word list writes several ways (marché, marche): the form the context or
// the commune names choose, else the first one, flagged as a guess.
std::string form_in_context(const std::string &key, const std::vector<std::string> &forms,
                            const Neighbours &around, const Dictionaries &dict, Trace &trace) {
    std::string written = with_ligature(forms.front());
    if (forms.size() < 2) {
        return written;
    }
    const std::string &prev = around.prev;
    // Context: "du marché" but "la marche"; "près de" but "des prés".
    if (key == "pres") {
        const bool before_de = around.next == "de" || around.next == "du" || around.next == "des";
        for (const auto &f : forms) {
            if ((f == "près") == before_de) {
                written = f;
            }
        }
    } else if (prev == "du" || prev == "le" || prev == "au") {
        for (const auto &f : forms) {
            if (dict.is_masculine_e_noun(f)) {
                written = f;
                break;
            }
        }
    }
    // Only a guess when neither the context, the commune names nor the voie types decided.
    const bool decided = dict.cog_decided(key) || key == "pres" || prev == "du" || prev == "le" ||
                         prev == "au" || dict.is_type_word(key);
    if (!decided) {
        trace.flag("ambiguous_accent:" + written, 0.1);
    }
    return written;
}

// The word's spelling, in lower case but for a person's name: from the word lists in order of
// trust, guessed from French spelling when none knows it.
std::string spelling(const Token &t, const Neighbours &around, const std::string *person,
                     const Dictionaries &dict, Trace &trace) {
    // Voie type nouns keep one spelling wherever they stand (Cité, Allée, Côte).
    if (const std::string *type_form = dict.written_type(t.key)) {
        return *type_form;
    }
    // After Saint- comes a name: the commune names' spelling wins (Saint-Geniez, not the verb
    // form "gêniez").
    const bool after_saint =
        around.after_hyphen && (around.prev == "saint" || around.prev == "sainte");
    const std::string *saint_name =
        after_saint && t.key.size() > 2 ? dict.proper_name(t.key) : nullptr;
    if (saint_name != nullptr && person == nullptr) {
        return text::lower(*saint_name);
    }
    if (person != nullptr) {
        return *person;
    }
    const auto &forms = dict.forms(t.key);
    if (const std::string *commune = place_after_de(dict, t.key, around.prev, forms)) {
        return text::lower(*commune);
    }
    if (!forms.empty()) {
        return form_in_context(t.key, forms, around, dict, trace);
    }
    if (const std::string *place = t.key.size() > 2 ? dict.proper_name(t.key) : nullptr) {
        return text::lower(*place);
    }
    if (const std::string *known = t.key.size() > 2 ? dict.known_proper(t.key) : nullptr) {
        return text::lower(*known);
    }
    if (std::string plural = plural_of_known(dict, t.key); !plural.empty()) {
        return plural;
    }
    if (std::string occitan = occitan_stressed_ending(dict, t.key, around.prev); !occitan.empty()) {
        trace.flag("guessed_accent:" + occitan, 0.05);
        return occitan;
    }
    std::string written = grave_before_final_syllable(text::lower(t.word));
    if (t.key.size() > 2 && text::has_letter(t.key)) {
        trace.flag("unknown_word:" + written, 0.05);
    }
    return written;
}

// A word that is no article, acronym or numeral, written with its accents and its capital.
std::string spelt_word(const Token &t, const Neighbours &around, const Dictionaries &dict,
                       Trace &trace) {
    const std::string *person = dict.person(t.key);
    std::string written = spelling(t, around, person, dict, trace);
    if (written != text::lower(t.word)) {
        trace.fire(Rule::accents);
    }
    // "près de" is a preposition, "chemin rural" a type whose adjective stays in lower case.
    const bool preposition =
        around.n > 0 &&
        (written == "pr\xC3\xA8s" ||
         (around.n == 1 && dict.is_type_word(around.prev) && is_type_adjective(t.key)));
    if (!(around.n > 0 && is_lower_word(t.key)) && person == nullptr && !preposition) {
        written = text::capitalise(written);
    }
    return written;
}

// Rewrite: from the key, choose the written form.
std::string rewritten_word(const Token &t, const Neighbours &around, const Dictionaries &dict,
                           Trace &trace) {
    if (is_lower_word(t.key)) {
        const std::string written = t.key == "a" ? "\xC3\xA0" : t.key; // à
        return around.n == 0 ? text::capitalise(written) : written;
    }
    if (t.key == "n\xC2\xBA") {
        // The abbreviation of "numéro" is written in lower case: "Chemin rural nº 1".
        return around.n == 0 ? "N\xC2\xBA" : "n\xC2\xBA";
    }
    if (is_acronym(t.key)) {
        trace.fire(Rule::acronym);
        return text::upper(t.key);
    }
    if (around.n > 0 && is_roman_numeral(t.key) && !dict.is_plain_word(t.key)) {
        trace.fire(Rule::roman_numeral);
        return text::upper(t.key);
    }
    return spelt_word(t, around, dict, trace);
}

// 7. Each word: accents, capitals, numerals.
void write_words(NameDraft &w, const Dictionaries &dict, const InputCase &input, Trace &trace) {
    const auto idx = w.words();
    for (std::size_t n = 0; n < idx.size(); ++n) {
        Token &t = w.tokens[idx[n]];
        if (w.fixed[idx[n]]) {
            continue; // place names are written as the COG writes them
        }
        if (text::all_digits(t.key) || t.key.find('.') != std::string::npos ||
            write_ordinal(t, trace)) {
            continue;
        }
        if (!input.rewrite) {
            correct_mixed_case_word(t, n, input.every_word_capitalised, dict, trace);
            continue;
        }
        const Neighbours around{n, n > 0 ? w.tokens[idx[n - 1]].key : no_word,
                                n + 1 < idx.size() ? w.tokens[idx[n + 1]].key : no_word,
                                n > 0 && w.tokens[idx[n - 1]].sep == "-"};
        std::string written = rewritten_word(t, around, dict, trace);
        if (written != t.word) {
            t.word = std::move(written);
            trace.fire(Rule::casing);
        }
    }
}

// 8. Elision: L EGLISE → l’Église, D ARTOIS → d’Artois.
void elide(NameDraft &w, Trace &trace) {
    auto idx = w.words();
    for (std::size_t n = 0; n + 1 < idx.size(); ++n) {
        Token &t = w.tokens[idx[n]];
        if ((t.key == "l" || t.key == "d" || t.key == "qu" || t.key == "jusqu") &&
            idx[n + 1] == idx[n] + 1 && t.suffix.empty() &&
            text::starts_with_vowel_sound(w.tokens[idx[n + 1]].key) &&
            (t.sep == " " || t.sep == "\u2019")) {
            const std::string written = n == 0 ? text::capitalise(t.key) : t.key;
            if (t.sep != "\u2019" || t.word != written) {
                trace.fire(Rule::elision);
            }
            t.word = written;
            t.sep = "\u2019";
        }
    }
}

// 9. The first word starts with a capital.
void capitalise_first_word(NameDraft &w, Trace &trace) {
    auto idx = w.words();
    if (!idx.empty()) {
        Token &first = w.tokens[idx[0]];
        const std::string written = text::capitalise(first.word);
        if (written != first.word) {
            first.word = written;
            trace.fire(Rule::casing);
        }
    }
}

NormalisedName result_of(std::string_view raw, const NameDraft &w, Trace &trace) {
    NormalisedName out;
    out.text = join(w.tokens);
    out.changed = out.text != std::string(raw);
    if (out.changed) {
        out.rules = std::move(trace.rules);
        std::sort(out.rules.begin(), out.rules.end());
    }
    out.flags = std::move(trace.flags);
    out.confidence = trace.confidence;
    return out;
}

} // namespace

const char *rule_name(Rule rule) {
    switch (rule) {
    case Rule::spaces:
        return "spaces";
    case Rule::lieu_dit:
        return "lieu_dit";
    case Rule::duplicate_type:
        return "duplicate_type";
    case Rule::type_expanded:
        return "type_expanded";
    case Rule::title_expanded:
        return "title_expanded";
    case Rule::saint_hyphen:
        return "saint_hyphen";
    case Rule::place_name:
        return "place_name";
    case Rule::accents:
        return "accents";
    case Rule::elision:
        return "elision";
    case Rule::casing:
        return "casing";
    case Rule::roman_numeral:
        return "roman_numeral";
    case Rule::acronym:
        return "acronym";
    case Rule::ordinal:
        return "ordinal";
    }
    return "?";
}

std::string rules_to_string(const std::vector<Rule> &rules) {
    std::string out;
    for (Rule r : rules) {
        out.append(out.empty() ? "" : ",").append(rule_name(r));
    }
    return out;
}

NormalisedName NameNormaliser::normalise(std::string_view raw) const {
    Trace trace;
    std::string input = text::nfc(raw);
    if (std::optional<std::string> written = road_designation(input)) {
        input = std::move(*written);
        trace.fire(Rule::type_expanded);
    }
    NameDraft w = draft_of(input, trace);
    const InputCase input_case = case_of(input, w.tokens);
    drop_lieu_dit_prefix(w, trace);
    drop_repeated_type(w, dict_.vocabulary(), trace);
    expand_voie_type(w, dict_, input_case.rewrite, trace);
    expand_titles(w, dict_, input_case.rewrite, trace);
    write_compound_names(w, dict_, input_case.rewrite, trace);
    hyphenate_saint(w, trace);
    write_words(w, dict_, input_case, trace);
    elide(w, trace);
    capitalise_first_word(w, trace);
    return result_of(raw, w, trace);
}

} // namespace adressage::names
