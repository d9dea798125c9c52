#pragma once
// The cross-row rules (lib/schema/rows.ts and rows/ban_ids.ts): each row is collected as it is
// checked, then the rows are compared once the last one is in.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "codes.hpp"
#include "row_state.hpp"

namespace adressage::validator::detail {

class CrossRows {
  public:
    // INSEE code → the commune's id from the BAN; empty: not checked.
    explicit CrossRows(const std::map<std::string, std::string> &ban_commune_ids)
        : ban_commune_ids_(ban_commune_ids) {}

    // The rules' part that needs only the row itself, and what the rest needs of it. The views
    // and name entries of s must outlive this object.
    void collect(const RowState &s);
    // After the last row: appends the file's codes to `global` and flags the rows.
    void compare(const CodeTable &codes, std::vector<CodeId> &global);

    std::size_t row_count() const { return facts_.size(); }
    // The row's codes, in the validator's order.
    void append_codes(std::size_t row, const CodeTable &codes, std::vector<CodeId> &out) const;

  private:
    // What the comparisons need of a row; the values stay in the table or the caches.
    struct Facts {
        std::string_view id_toponyme, id_adresse;
        std::string_view code_voie; // as written in cle_interop
        std::string_view suffixe;
        std::string_view deleguee; // trimmed, not yet in upper case
        const NameEntry *voie = nullptr;
        const NameEntry *lieudit = nullptr;
        int numero = -1;
        bool has_code_voie = false;
        bool has_suffixe = false;
        bool has_deleguee = false;
        // An absent id is null when uid_adresse was read, undefined otherwise: two values for
        // the validator's sets.
        bool uid_read = false;
    };

    void note_district(std::string_view id_commune, const Facts &f);
    void compare_file_ids(const CodeTable &codes, std::vector<CodeId> &global) const;
    void compare_toponyme_ids();
    void compare_adresse_ids();
    void flag_undeclared_lieudits();
    static std::string voie_key(const Facts &f);
    static std::string numero_key(const Facts &f);

    const std::map<std::string, std::string> &ban_commune_ids_;
    std::deque<Facts> facts_;        // grows without moving: a million rows are never copied
    std::deque<std::uint8_t> flags_; // CrossFlag bits, per row
    std::size_t complete_ids_ = 0;   // rows with every BAN id
    std::string_view first_district_;
    bool districts_differ_ = false;
    bool any_toponyme_ = false;
    bool any_adresse_ = false;
    std::unordered_set<std::string_view> declared_; // voie names of the 99999 rows
};

} // namespace adressage::validator::detail
