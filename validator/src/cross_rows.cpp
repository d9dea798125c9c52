#include "cross_rows.hpp"

#include <array>
#include <unordered_map>
#include <utility>

#include "js_text.hpp"

namespace adressage::validator::detail {

namespace {

enum CrossFlag : std::uint8_t {
    cog_no_match = 1,
    voie_names_differ = 2,
    toponyme_ids_differ = 4,
    adresses_differ = 8,
    adresse_ids_differ = 16,
    lieudit_not_declared = 32,
};

// In the order the validator adds them.
constexpr std::array<std::pair<CrossFlag, RowCode>, 6> cross_codes = {{
    {cog_no_match, RowCode::cog_no_match_id_ban_commune},
    {voie_names_differ, RowCode::different_voie_nom_with_same_id_ban_toponyme},
    {toponyme_ids_differ, RowCode::different_id_ban_toponyme_with_same_voie_nom},
    {adresses_differ, RowCode::different_adresse_with_same_id_ban_adresse},
    {adresse_ids_differ, RowCode::different_id_ban_adresses_with_same_adresse},
    {lieudit_not_declared, RowCode::lieudit_complement_nom_not_declared},
}};

// The rows sharing a key: the value of the first one, and whether another one differs.
struct Group {
    std::string_view first;
    bool differ = false;

    void note(bool fresh, std::string_view value) {
        if (fresh) {
            first = value;
        } else if (first != value) {
            differ = true;
        }
    }
};
using Groups = std::unordered_map<std::string_view, Group>;

} // namespace

void CrossRows::collect(const RowState &s) {
    const std::string_view id_commune = !s.id_commune.empty() ? s.id_commune : s.uid.commune;
    Facts &f = facts_.emplace_back();
    std::uint8_t &flags = flags_.emplace_back(0);
    f.id_toponyme = !s.id_toponyme.empty() ? s.id_toponyme : s.uid.toponyme;
    f.id_adresse = !s.id_adresse.empty() ? s.id_adresse : s.uid.adresse;
    f.uid_read = s.uid.parsed;
    f.voie = s.voie();
    f.lieudit = s.lieudit;
    f.has_code_voie = s.cle.has_code_voie;
    f.code_voie = s.cle.code_voie;
    f.has_suffixe = s.has_suffixe;
    f.suffixe = s.suffixe;
    f.has_deleguee = s.has_deleguee;
    f.deleguee = s.deleguee_raw;
    f.numero = s.numero;

    const std::string *code = s.code_commune();
    if (!id_commune.empty() && code != nullptr && !ban_commune_ids_.empty()) {
        const auto it = ban_commune_ids_.find(*code);
        if (it != ban_commune_ids_.end() && !it->second.empty() && it->second != id_commune) {
            flags |= cog_no_match;
        }
    }
    note_district(id_commune, f);
    any_toponyme_ = any_toponyme_ || !f.id_toponyme.empty();
    any_adresse_ =
        any_adresse_ || ((!f.id_adresse.empty() || f.uid_read) && f.numero != toponym_number);
    if (f.numero == toponym_number && f.voie != nullptr) {
        declared_.insert(f.voie->value);
    }
}

// The id_ban_commune of the rows with every BAN id: one district per file.
void CrossRows::note_district(std::string_view id_commune, const Facts &f) {
    if (!id_commune.empty() && !f.id_toponyme.empty() &&
        (!f.id_adresse.empty() || f.numero == toponym_number)) {
        if (complete_ids_++ == 0) {
            first_district_ = id_commune;
        } else if (id_commune != first_district_) {
            districts_differ_ = true;
        }
    }
}

// getVoieIdentifier without the toponyme flag.
std::string CrossRows::voie_key(const Facts &f) {
    std::string key = f.voie != nullptr ? f.voie->normalized : std::string();
    key += "\n#";
    key += f.has_code_voie ? js_upper(f.code_voie) : std::string("undefined");
    return key;
}

// getNumeroIdentifier, JavaScript's "undefined" included.
std::string CrossRows::numero_key(const Facts &f) {
    std::string key = f.numero >= 0 ? std::to_string(f.numero) : std::string("undefined");
    key += '#';
    key += f.has_suffixe ? std::string(f.suffixe) : std::string("undefined");
    key += '#';
    if (f.voie != nullptr) {
        key += f.voie->normalized;
    }
    key += '#';
    key += f.has_deleguee ? js_upper(f.deleguee) : std::string("undefined");
    return key;
}

void CrossRows::compare(const CodeTable &codes, std::vector<CodeId> &global) {
    compare_file_ids(codes, global);
    if (any_toponyme_) {
        compare_toponyme_ids();
    }
    if (any_adresse_) {
        compare_adresse_ids();
    }
    flag_undeclared_lieudits();
}

// No rows; BAN ids on some rows only, or several id_ban_commune.
void CrossRows::compare_file_ids(const CodeTable &codes, std::vector<CodeId> &global) const {
    const std::size_t n = facts_.size();
    if (n == 0) {
        global.push_back(codes.global(GlobalCode::rows_empty));
    }
    if (complete_ids_ == n) {
        if (districts_differ_) {
            global.push_back(codes.global(GlobalCode::rows_multi_id_ban_commune));
        }
    } else if (complete_ids_ > 0) {
        global.push_back(codes.global(GlobalCode::rows_every_line_required_id_ban));
    }
}

// One id_ban_toponyme for several voies, or one voie (or toponyme) with several ids.
void CrossRows::compare_toponyme_ids() {
    const std::size_t n = facts_.size();
    std::vector<std::string> voies(n); // getVoieIdentifier(row)
    std::vector<std::string> kinds(n); // getVoieIdentifier(row, true)
    Groups by_id;
    Groups by_voie;
    for (std::size_t r = 0; r < n; ++r) {
        const Facts &f = facts_[r];
        if (f.id_toponyme.empty()) {
            continue;
        }
        voies[r] = voie_key(f);
        kinds[r] = voies[r] + (f.numero == toponym_number ? "\n#toponyme" : "\n#voie");
        auto [by, fresh] = by_id.try_emplace(f.id_toponyme);
        by->second.note(fresh, voies[r]);
        auto [kind, fresh_kind] = by_voie.try_emplace(kinds[r]);
        kind->second.note(fresh_kind, f.id_toponyme);
    }
    for (std::size_t r = 0; r < n; ++r) {
        const Facts &f = facts_[r];
        if (f.id_toponyme.empty()) {
            continue;
        }
        if (by_id[f.id_toponyme].differ) {
            flags_[r] |= voie_names_differ;
        }
        if (by_voie[kinds[r]].differ) {
            flags_[r] |= toponyme_ids_differ;
        }
    }
}

// One id_ban_adresse for several addresses, or one address with several ids.
void CrossRows::compare_adresse_ids() {
    const std::size_t n = facts_.size();
    std::vector<std::string> keys(n);
    Groups by_id;
    Groups by_numero;
    for (std::size_t r = 0; r < n; ++r) {
        const Facts &f = facts_[r];
        if (f.numero == toponym_number) {
            continue;
        }
        keys[r] = numero_key(f);
        if (!f.id_adresse.empty()) {
            auto [g, fresh] = by_id.try_emplace(f.id_adresse);
            g->second.note(fresh, keys[r]);
        }
        auto [g, fresh] = by_numero.try_emplace(keys[r]);
        const std::string_view absent =
            f.uid_read ? std::string_view("\0null", 5) : std::string_view("\0undefined", 10);
        g->second.note(fresh, f.id_adresse.empty() ? absent : f.id_adresse);
    }
    for (std::size_t r = 0; r < n; ++r) {
        const Facts &f = facts_[r];
        if (f.numero == toponym_number) {
            continue;
        }
        if (!f.id_adresse.empty() && by_id[f.id_adresse].differ) {
            flags_[r] |= adresses_differ;
        }
        if (by_numero[keys[r]].differ) {
            flags_[r] |= adresse_ids_differ;
        }
    }
}

// A lieudit_complement_nom that no 99999 row declares as a toponyme.
void CrossRows::flag_undeclared_lieudits() {
    for (std::size_t r = 0; r < facts_.size(); ++r) {
        const Facts &f = facts_[r];
        if (f.lieudit != nullptr && declared_.count(f.lieudit->value) == 0) {
            flags_[r] |= lieudit_not_declared;
        }
    }
}

void CrossRows::append_codes(std::size_t row, const CodeTable &codes,
                             std::vector<CodeId> &out) const {
    for (const auto &[flag, code] : cross_codes) {
        if ((flags_[row] & flag) != 0) {
            out.push_back(codes.row(code));
        }
    }
}

} // namespace adressage::validator::detail
