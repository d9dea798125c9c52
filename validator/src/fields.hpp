#pragma once
// The validator's value checks, one per schema field (lib/schema/fields.ts): each takes a value
// already trimmed and not empty, appends the field's error codes and gives the parsed value.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "adressage/formats/commune_list.hpp"
#include "codes.hpp"

namespace adressage::validator::detail {

// The errors of one value, in the order the validator adds them.
struct FieldErrors {
    std::array<FieldError, 8> items{};
    std::uint8_t size = 0;
    void add(FieldError e) {
        if (size < items.size()) {
            items[size++] = e;
        }
    }
};

// The validator's commune list (minicog): current communes and arrondissements, and the former
// codes listed by them.
class CogIndex {
  public:
    explicit CogIndex(const formats::CommuneList &list) : list_(list) {}
    const formats::CogEntry *current(std::string_view code) const {
        return list_.find_current(code);
    }
    bool is_former(std::string_view code) const { return list_.is_former_code(code); }

    // Both at once, remembering the last code asked (files repeat their commune).
    struct Status {
        const formats::CogEntry *current = nullptr;
        bool former = false;
    };
    Status status(std::string_view code);

  private:
    const formats::CommuneList &list_;
    std::string last_code_;
    Status last_status_;
    bool has_last_ = false;
};

bool is_uuid_v4(std::string_view v);

struct CleInterop {
    bool parsed = false;     // the validator's parsed value is set
    bool additional = false; // codeCommune, codeVoie, numeroVoie are set
    std::string code_commune;
    bool has_code_voie = false;
    std::string_view code_voie;   // as written: the validator keeps it in upper case
    std::string_view numero_voie; // without its leading zeros
};
void check_cle_interop(std::string_view v, CogIndex &cog, FieldErrors &errors, CleInterop &out);

struct UidIds {
    bool parsed = false;
    std::string_view commune, toponyme, adresse; // empty: absent
};
void check_uid_adresse(std::string_view v, FieldErrors &errors, UidIds &out);

// voie_nom and toponyme: the parsed name ('_' read as a space), or nullopt.
std::optional<std::string> check_voie_nom(std::string_view v, FieldErrors &errors);

// numero: the number, or -1.
int check_numero(std::string_view v, FieldErrors &errors);

// suffixe: false when the validator keeps no parsed value.
bool check_suffixe(std::string_view v, FieldErrors &errors);

// commune_insee and commune_deleguee_insee: the code in upper case, and whether it is current
// or former.
struct InseeCheck {
    std::string code;
    bool known = false;
    bool former = false;
};
InseeCheck check_insee(std::string_view v, CogIndex &cog);

void check_commune_nom(std::string_view v, FieldErrors &errors);
void check_position(std::string_view v, FieldErrors &errors);

// x, y, long, lat.
std::optional<double> check_coordinate(std::string_view v, FieldErrors &errors);

void check_cad_parcelles(std::string_view v, FieldErrors &errors);

// today: "YYYY-MM-DD".
void check_date_der_maj(std::string_view v, std::string_view today, FieldErrors &errors);

void check_certification(std::string_view v, FieldErrors &errors);

} // namespace adressage::validator::detail
