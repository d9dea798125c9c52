#pragma once
// The project's own checks, beyond the official validator, behind codes of their own
// ("adressage.*"). They never change the official verdict: none is at level E.
//
// Levels: W for what is most likely a mistake to fix (the address rules, punctuation, spaces,
// "lieu-dit", repeated "rue", abbreviations); I for word casing, a matter of style where proper
// names have exceptions (van Gogh, MAL PAS...).
//
// Columns used, in any BAL version: voie_nom (1.3/1.4) or toponyme (1.5), numero, suffixe,
// position, commune_insee, commune_deleguee_insee / commune_deleguee_nom and cle_interop (the
// voie code is its 2nd part). A rule whose columns are missing is skipped. Values are trimmed as
// the official validator trims them. A voie is its name (as names::grouping_key compares names)
// within its commune and commune déléguée.
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "adressage/validator/validator.hpp"

namespace adressage::validator {

struct ExtraAlert {
    std::size_t line;      // 0-based data-row index (like the official rows[i].line)
    std::string_view code; // "adressage.numero_duplique" etc., static storage
    Level level;           // W or I, never E
    friend bool operator==(const ExtraAlert &, const ExtraAlert &) = default;
};

class AdressageChecks {
  public:
    explicit AdressageChecks(const std::vector<std::string> &header); // column names as read
    ~AdressageChecks();
    AdressageChecks(AdressageChecks &&) noexcept;
    AdressageChecks &operator=(AdressageChecks &&) noexcept;

    // cells: exactly header.size() values, valid only during the call (the reader streams).
    void add_row(std::size_t line, std::span<const std::string_view> cells);
    // Every alert, sorted by (line, code). Call once, after the last row.
    std::vector<ExtraAlert> finish();

  private:
    struct State;
    std::unique_ptr<State> state_;
};

// French and English label of an adressage.* code; an unknown code is its own label.
struct ExtraLabel {
    std::string_view fr, en;
};
ExtraLabel extra_label(std::string_view code);

} // namespace adressage::validator
