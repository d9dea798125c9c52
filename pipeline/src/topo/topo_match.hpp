#pragma once
// Voie codes from the DGFiP TOPO file (`adressage run --topo TOPO.csv`).
//
// The "topo" stage runs after the toponymes stage, once every numbered voie and toponyme has a
// temporary code (x001...). For each of them it looks for the TOPO voie of the same name:
// 1. exact: the names::grouping_key of the voie's name equals that of the TOPO label, both in
//    display form (NameNormaliser: "CHE DE CAMPREOUX" → "Chemin de Campreoux"), or that of the
//    TOPO libellé alone when the libellé starts with its own voie type ("VC" + "MONTEE DES
//    AIRES" matches "Montée des Aires"; "CHE" + "DE LA CREMAILLERE" is never compared without
//    its type);
// 2. fuzzy: the best name_similarity() between the keys, at least topo_fuzzy_threshold and
//    at least topo_ambiguity_margin above the next TOPO voie. When both names start with a
//    voie type and the types differ ("Rue de la Crémaillère", "CHE DE LA CREMAILLERE") the
//    score is multiplied by topo_other_type_factor, so that it never reaches the threshold;
// both scoped by former commune: a voie of a commune déléguée (known from --existing) is only
// compared with the TOPO voies of that former commune. Otherwise the temporary code stays and
// the voie is listed for review in report.json ("topo.review": name, best candidate, score).
// A TOPO code goes to one voie only (exact matches first, then fuzzy by decreasing score), and
// a code already in the existing BAL (--existing) is never replaced nor given to another voie,
// nor is a temporary code this run already gives another voie (a TOPO "X001").
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adressage/formats/topo_reader.hpp"
#include "adressage/names/normaliser.hpp"
#include "core/stage.hpp"

namespace adressage::pipeline {

// Similarity in [0, 1] of two grouping keys (lower case, no accents, words separated by spaces):
// a soft Dice coefficient on words. Articles and prepositions (de, du, des, la, le, les, l, d,
// et, au, aux) are left out unless nothing else remains. Each word of one name is paired with
// the most similar word of the other, similarity 1 − Levenshtein / longer length over Unicode
// code points (below 0.5 it counts 0); the score is the sum of those similarities weighted by
// word length, over both names, divided by the total length of both names' words.
// "rue du figuier" / "rue des figuiers": 0.91; "chemin des louanes" / "chemin des louannes":
// 0.93; "avenue de verdun" / "boulevard de verdun": 0.4.
double name_similarity(std::string_view key_a, std::string_view key_b);

inline constexpr double topo_fuzzy_threshold = 0.85;
inline constexpr double topo_ambiguity_margin = 0.02;
inline constexpr double topo_other_type_factor = 0.8;

struct TopoMatch {
    enum class Kind {
        exact,
        fuzzy,
        below_threshold, // best candidate under topo_fuzzy_threshold
        ambiguous,       // two TOPO voies as good (same name twice, or scores within the margin)
        none             // no TOPO voie in scope
    };
    Kind kind = Kind::none;
    std::optional<std::size_t> candidate; // best TOPO voie (also when not taken)
    double score = 0.0;                   // 1 for exact
};

const char *topo_match_kind_name(TopoMatch::Kind kind);

class TopoMatcher {
  public:
    // `insee`: the commune; TOPO voies read under it have no former commune.
    TopoMatcher(std::vector<formats::TopoVoie> voies, const names::Dictionaries &dictionaries,
                std::string insee);

    // `nom`: the voie's name in display form; `former_commune`: its commune déléguée's INSEE
    // code, "" when unknown (every TOPO voie is then in scope).
    TopoMatch match(std::string_view nom, std::string_view former_commune = {}) const;

    const formats::TopoVoie &voie(std::size_t i) const { return voies_[i]; }
    std::size_t size() const { return voies_.size(); }

  private:
    struct Keys {
        std::string label;   // grouping key of the normalised label
        std::string libelle; // of the libellé alone when it starts with a voie type, else ""
        std::string type;    // the label's voie type ("chemin"), "" when it has none
    };
    std::string type_of(const std::string &key) const;
    // Whether TOPO voie `i` is one of `former_commune` (any when it is "").
    bool in_scope(std::size_t i, std::string_view former_commune) const;
    // 1. On the label or the libellé alone; nullopt when no TOPO voie has the key.
    std::optional<TopoMatch> exact_match(const std::string &key,
                                         std::string_view former_commune) const;
    // 2. The best score and the runner-up of another code.
    TopoMatch fuzzy_match(const std::string &key, std::string_view former_commune) const;
    // The score of TOPO voie `i` for `key`, whose voie type is `type`.
    double fuzzy_score(const std::string &key, const std::string &type, std::size_t i) const;
    const names::Dictionaries *dictionaries_;
    std::vector<formats::TopoVoie> voies_;
    std::vector<Keys> keys_;
    std::string insee_;
};

class TopoStage final : public Stage {
  public:
    std::string_view name() const override { return "topo"; }
    Tables reads() const override {
        return voies_table | numeros_table | toponymes_table | update_result | report_result;
    }
    Tables writes() const override { return voies_table | toponymes_table | report_result; }
    void prepare(RunContext &ctx) override; // reads --topo
    void run(CommuneModel &model, RunContext &ctx) override;

  private:
    std::optional<formats::TopoCommune> topo_;
};

} // namespace adressage::pipeline
