#pragma once
// The small word tables of voie names: voie types (DGFiP natures de voie and a few common
// abbreviations) and titles (ST → Saint). Light: no French word list, a few hundred entries.
// Keys are lower-case without accents ("che", "chemin", "st").
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace adressage::names {

class VoieVocabulary {
  public:
    // From the `code,libelle` CSV files of datasets/names; throws adressage::InputError naming
    // the file when one cannot be read.
    static VoieVocabulary load(const std::string &natures_voies, const std::string &extra_types,
                               const std::string &titles);
    // The same three files as built into the program: nothing is read at run time.
    static const VoieVocabulary &shipped();

    // A voie type written out without accents ("chemin", "ancien chemin", "rond-point") for a
    // code or a full type word ("che", "rue"); nullptr when the key is not a type.
    const std::string *type_words(std::string_view key) const;
    // A full type word of one word: rue, chemin, allee (not a code such as "che").
    bool is_type_word(std::string_view key) const { return type_keys_.contains(key); }
    // A title's expansion ("Saint" for "st", "Notre-Dame" for "nd"); nullptr otherwise.
    const std::string *title(std::string_view key) const;

  private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    template <typename Value>
    using Map = std::unordered_map<std::string, Value, Hash, std::equal_to<>>;

    void add_type(const std::string &code, const std::string &libelle);

    Map<std::string> types_;
    std::unordered_set<std::string, Hash, std::equal_to<>> type_keys_;
    Map<std::string> titles_;

    friend struct VoieVocabularyReader;
};

} // namespace adressage::names
