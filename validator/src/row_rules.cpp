#include "row_rules.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

namespace adressage::validator::detail {

void row_rules(const RowState &s, const CogIndex &cog, const CodeTable &codes,
               std::vector<CodeId> &errors) {
    auto add = [&](RowCode code) { errors.push_back(codes.row(code)); };
    if (s.cle.parsed && s.numero > 0 && s.cle.numero_voie != std::to_string(s.numero)) {
        add(RowCode::incoherence_numero);
    }
    if (!s.cle.parsed && !s.has_commune_insee) {
        add(RowCode::commune_manquante);
    }
    const std::string *code = s.code_commune();
    const formats::CogEntry *commune = code != nullptr ? cog.current(*code) : nullptr;
    if (commune != nullptr && s.has_commune_nom && s.commune_nom != commune->nom) {
        add(RowCode::commune_nom_invalide);
    }
    const std::string_view voie_key =
        s.voie() != nullptr ? std::string_view(s.voie()->normalized) : std::string_view();
    const std::string_view lieudit_key =
        s.lieudit != nullptr ? std::string_view(s.lieudit->normalized) : std::string_view();
    if (voie_key == lieudit_key) {
        add(RowCode::voie_nom_have_same_lieudit_complement_nom);
    }
    if (s.coordinates_required() && !s.position_raw) {
        add(RowCode::position_manquante);
    }
    if (s.coordinates_required() && (!s.long_raw || !s.lat_raw)) {
        add(RowCode::longlat_vides);
    } else if (s.territory >= 0) {
        if (s.x && s.y && std::hypot(*s.x - s.projected.x, *s.y - s.projected.y) > 10.0) {
            add(RowCode::longlat_xy_incoherents);
        }
    } else if (s.numero != toponym_number) {
        add(RowCode::longlat_invalides);
    }
    if (!s.numero_set() || s.voie() == nullptr) {
        add(RowCode::adresse_incomplete);
    }
    // With no commune_insee column and a cle_interop commune outside the list, the validator
    // itself throws here; such a row gets no chef_lieu alert.
    if (s.has_deleguee && !s.insee_columns_have_errors && commune != nullptr) {
        const auto &former = commune->anciens_codes;
        if (std::find(former.begin(), former.end(), s.deleguee) == former.end() &&
            s.deleguee != *code) {
            add(RowCode::chef_lieu_invalide);
        }
    }
    const bool id_c = !s.id_commune.empty() || !s.uid.commune.empty();
    const bool id_t = !s.id_toponyme.empty() || !s.uid.toponyme.empty();
    const bool id_a = !s.id_adresse.empty() || !s.uid.adresse.empty();
    if (id_c || id_t || id_a) {
        if (!id_c) {
            add(RowCode::lack_of_id_ban);
        }
        if (!id_t) {
            add(RowCode::lack_of_id_ban);
        }
        if (!id_a && s.numero != toponym_number) {
            add(RowCode::lack_of_id_ban);
        }
    }
}

} // namespace adressage::validator::detail
