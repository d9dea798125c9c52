#pragma once
// The word lists the name normaliser consults: voie types (DGFiP natures de voie), titles,
// French words with their accents (Debian's wfrench), place names (the COG commune list) and
// people's names. Keys are lower-case without accents ("eglise"); values are the written forms.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "adressage/names/voie_vocabulary.hpp"

namespace adressage::names {

struct DictionaryPaths {
    std::string natures_voies; // code,libelle (DGFiP list)
    std::string extra_types;   // code,libelle: common abbreviations outside the DGFiP list
    std::string titles;        // abbreviation,expansion (ST,Saint)
    std::string written_forms; // key,written: voie type words with their accents (cite,cité)
    std::string masculine_e;   // nouns in -é used after du/le/au (marché, curé)
    std::string people;        // one name per line, written form (Jaurès)
    std::string places;        // regions, départements, rivers (Pyrénées)
    std::string communes;      // datasets/cog-2026/communes.csv
    std::string french_words;  // one word per line, UTF-8 (/usr/share/dict/french)
    std::string hunspell_fr;   // Debian's hunspell-fr dictionary (/usr/share/hunspell/fr.dic)

    // The shipped files under `data_dir` and the system's French word list.
    static DictionaryPaths defaults(const std::string &data_dir);
};

class Dictionaries {
  public:
    // Throws adressage::InputError naming the file when one cannot be read.
    static Dictionaries load(const DictionaryPaths &paths);

    // A voie type written out without accents ("chemin", "ancien chemin", "rond-point") for a
    // code or a full type word ("che", "rue"); nullptr when the key is not a type.
    const std::string *type_words(const std::string &key) const {
        return vocabulary_.type_words(key);
    }
    bool is_type_word(const std::string &key) const { return vocabulary_.is_type_word(key); }
    // A title's expansion ("Saint" for "st", "Notre-Dame" for "nd"); nullptr otherwise.
    const std::string *title(const std::string &key) const { return vocabulary_.title(key); }
    // The voie types and titles alone (what the validator's name checks use too).
    const VoieVocabulary &vocabulary() const noexcept { return vocabulary_; }

    // Written forms of a word, most likely first; empty when unknown.
    const std::vector<std::string> &forms(const std::string &key) const;
    // True when the first of several forms is the one commune names use most (côte, forêt).
    bool cog_decided(const std::string &key) const { return cog_decided_.contains(key); }
    // True when the key, written as is (no accent), is itself a French word.
    bool is_plain_word(const std::string &key) const { return plain_words_.contains(key); }
    // How a voie type word is written (cité, allée), or nullptr.
    const std::string *written_type(const std::string &key) const;
    // True for a noun in -é that follows "du", "le", "au" (marché, pré), not a verb form.
    bool is_masculine_e_noun(const std::string &form) const { return masculine_e_.contains(form); }
    // Compound first names: "jean jacques" -> "Jean-Jacques".
    const std::string *compound_name(const std::string &key) const;
    // Written form of a person's name from the curated list (Jaurès), or nullptr.
    const std::string *person(const std::string &key) const;
    // Written form of a proper noun of the hunspell-fr dictionary (first names, places,
    // people: Iéna, Hélios, Élisée), or nullptr.
    const std::string *known_proper(const std::string &key) const;
    // True for a first name of the hunspell-fr dictionary or of the people list.
    bool is_first_name(const std::string &key) const { return first_names_.contains(key); }
    // The noun or adjective of the hunspell-fr dictionary with this key, as written (néflier);
    // nullptr when there is none or several (baraque, baraqué).
    const std::string *noun_or_adjective(const std::string &key) const;
    // Written form of a word of a commune's name (Rodez, Sévérac), or nullptr.
    const std::string *proper_name(const std::string &key) const;
    // Place names of several words, keyed by their words' keys joined with ' ':
    // "villefranche de rouergue" -> "Villefranche-de-Rouergue".
    const std::string *place_name(const std::string &key) const;
    std::size_t longest_place_name_words() const noexcept { return longest_place_; }

    std::size_t word_count() const noexcept { return words_.size(); }

  private:
    VoieVocabulary vocabulary_;
    std::unordered_map<std::string, std::vector<std::string>> words_;
    std::unordered_set<std::string> plain_words_;
    std::unordered_set<std::string> cog_decided_;
    std::unordered_map<std::string, std::string> people_;
    std::unordered_map<std::string, std::string> compounds_;
    std::unordered_map<std::string, std::string> written_types_;
    std::unordered_set<std::string> masculine_e_;
    std::unordered_map<std::string, std::string> proper_;
    std::unordered_map<std::string, std::string> known_proper_;
    std::unordered_set<std::string> first_names_;
    std::unordered_map<std::string, std::string> nouns_; // "": several
    std::unordered_map<std::string, std::string> places_;
    std::size_t longest_place_ = 0;
};

} // namespace adressage::names
