#include "adressage/names/voie_vocabulary.hpp"

#include "code_pairs_csv.hpp"
#include "shipped_vocabulary.hpp"
#include "utf8_text.hpp"

namespace adressage::names {

namespace {

std::size_t word_count(std::string_view name) {
    std::size_t words = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < name.size();) {
        const bool letter = text::is_letter_or_digit(text::next(name, i));
        words += letter && !in_word ? 1 : 0;
        in_word = letter;
    }
    return words;
}

} // namespace

// Reads `code,libelle` rows from a file or from the built-in copies.
struct VoieVocabularyReader {
    template <typename... Source>
    static void read(VoieVocabulary &v, const std::string &natures_voies,
                     const std::string &extra_types, const std::string &titles,
                     const Source &...natures_extra_titles) {
        auto add_type = [&](const std::string &code, const std::string &libelle) {
            v.add_type(code, libelle);
        };
        auto add_title = [&](const std::string &abbr, const std::string &full) {
            v.titles_.emplace(text::key(abbr), full);
        };
        if constexpr (sizeof...(Source) == 0) {
            detail::read_code_pairs(natures_voies, "voie types", add_type);
            detail::read_code_pairs(extra_types, "voie types", add_type);
            detail::read_code_pairs(titles, "titles", add_title);
        } else {
            const std::string_view sources[] = {natures_extra_titles...};
            detail::read_code_pairs(natures_voies, "voie types", add_type, sources[0].data(),
                                    sources[0].data() + sources[0].size());
            detail::read_code_pairs(extra_types, "voie types", add_type, sources[1].data(),
                                    sources[1].data() + sources[1].size());
            detail::read_code_pairs(titles, "titles", add_title, sources[2].data(),
                                    sources[2].data() + sources[2].size());
        }
    }
};

void VoieVocabulary::add_type(const std::string &code, const std::string &libelle) {
    // "SENTIER;SENTE": the first spelling is the one written out.
    const std::string written = text::key(libelle.substr(0, libelle.find(';')));
    if (written.empty()) {
        return;
    }
    types_.emplace(text::key(code), written);
    if (word_count(written) == 1) {
        type_keys_.insert(written);
        types_.emplace(written, written);
    }
}

VoieVocabulary VoieVocabulary::load(const std::string &natures_voies,
                                    const std::string &extra_types, const std::string &titles) {
    VoieVocabulary v;
    VoieVocabularyReader::read(v, natures_voies, extra_types, titles);
    return v;
}

const VoieVocabulary &VoieVocabulary::shipped() {
    static const VoieVocabulary v = [] {
        VoieVocabulary built;
        VoieVocabularyReader::read(built, "natures_voies.csv", "types_extra.csv", "titles.csv",
                                   shipped::natures_voies_csv, shipped::extra_types_csv,
                                   shipped::titles_csv);
        return built;
    }();
    return v;
}

const std::string *VoieVocabulary::type_words(std::string_view key) const {
    const auto it = types_.find(key);
    return it == types_.end() ? nullptr : &it->second;
}

const std::string *VoieVocabulary::title(std::string_view key) const {
    const auto it = titles_.find(key);
    return it == titles_.end() ? nullptr : &it->second;
}

} // namespace adressage::names
