#include "adressage/validator/labels.hpp"

#include <array>

#include "adressage/formats/bal_schema.hpp"

namespace adressage::validator {

namespace {

struct Entry {
    std::string_view code;
    std::string_view fr;
    std::string_view en;
};

constexpr std::array<Entry, 58> entries = {{
    {"cle_interop.casse_invalide", "La clé d’interopérabilité doit être écrite en minuscules",
     "cle_interop must be in lower case"},
    {"cle_interop.structure_invalide",
     "La clé d’interopérabilité doit avoir au moins 3 segments non vides séparés par _",
     "cle_interop needs at least 3 non-empty parts joined by _"},
    {"cle_interop.commune_invalide", "La commune de la clé d’interopérabilité est inconnue",
     "the commune of cle_interop is not a COG code"},
    {"cle_interop.commune_ancienne",
     "La commune de la clé d’interopérabilité est une commune ancienne",
     "the commune of cle_interop is a former commune"},
    {"cle_interop.voie_invalide",
     "La partie voie de la clé d’interopérabilité n’a pas 4 caractères",
     "the voie part of cle_interop is not 4 characters long"},
    {"cle_interop.numero_invalide",
     "La partie numéro de la clé d’interopérabilité n’est pas un nombre",
     "the number part of cle_interop is not made of digits"},
    {"cle_interop.numero_prefixe_manquant",
     "La partie numéro de la clé d’interopérabilité doit avoir 5 chiffres",
     "the number part of cle_interop must have 5 digits (zero-padded)"},
    {"cle_interop.voie_non_renseignee",
     "La partie voie de la clé d’interopérabilité est laissée vide (0000 ou xxxx)",
     "the voie part of cle_interop is left unset (0000 or xxxx)"},
    {"uid_adresse.type_invalide", "uid_adresse contient un identifiant qui n’est pas un UUID v4",
     "uid_adresse holds an id that is not a UUID v4"},
    {"id_ban_commune.type_invalide", "id_ban_commune n’est pas un UUID v4 valide",
     "id_ban_commune is not a valid UUID v4"},
    {"id_ban_toponyme.type_invalide", "id_ban_toponyme n’est pas un UUID v4 valide",
     "id_ban_toponyme is not a valid UUID v4"},
    {"id_ban_adresse.type_invalide", "id_ban_adresse n’est pas un UUID v4 valide",
     "id_ban_adresse is not a valid UUID v4"},
    {"numero.type_invalide", "Le numéro doit être un nombre entier",
     "numero must be a whole number"},
    {"numero.contient_prefixe", "Le numéro ne doit pas commencer par des zéros",
     "numero must not have leading zeros"},
    {"numero.trop_grand", "Le numéro doit être au plus 99999 (99999 : toponyme)",
     "numero must be at most 99999 (99999: a toponym)"},
    {"numero.not_to_be_zero", "Le numéro ne doit pas valoir zéro", "numero must not be zero"},
    {"suffixe.debut_invalide", "Le suffixe doit commencer par une lettre ou un chiffre",
     "suffixe must start with a letter or a digit"},
    {"suffixe.trop_long", "Le suffixe est trop long (9 caractères au plus)",
     "suffixe is too long (9 characters at most)"},
    {"voie_nom.trop_court", "Le nom de la voie est trop court (3 caractères au moins)",
     "the voie name is too short (3 characters at least)"},
    {"voie_nom.trop_long", "Le nom de la voie est trop long (200 caractères au plus)",
     "the voie name is too long (200 characters at most)"},
    {"voie_nom.casse_incorrecte", "Le nom de la voie est tout en majuscules",
     "the voie name is all in capitals"},
    {"voie_nom.contient_tiret_bas", "Le nom de la voie contient un tiret bas (_)",
     "the voie name contains an underscore"},
    {"toponyme.trop_court", "Le nom de la voie est trop court (3 caractères au moins)",
     "the voie name is too short (3 characters at least)"},
    {"toponyme.trop_long", "Le nom de la voie est trop long (200 caractères au plus)",
     "the voie name is too long (200 characters at most)"},
    {"toponyme.casse_incorrecte", "Le nom de la voie est tout en majuscules",
     "the voie name is all in capitals"},
    {"toponyme.contient_tiret_bas", "Le nom de la voie contient un tiret bas (_)",
     "the voie name contains an underscore"},
    {"commune_insee.commune_invalide", "Le code INSEE de la commune est inconnu",
     "commune_insee is not a COG code"},
    {"commune_insee.commune_ancienne", "Le code INSEE est celui d’une commune ancienne",
     "commune_insee is the code of a former commune"},
    {"commune_deleguee_insee.commune_invalide", "Le code INSEE de la commune déléguée est inconnu",
     "commune_deleguee_insee is not a COG code"},
    {"position.enum_fuzzy", "Type de position accepté, mais pas écrit comme la spécification",
     "position accepted, but not spelt as the specification does"},
    {"x.separateur_decimal_invalide", "Le séparateur décimal de x doit être le point",
     "the decimal separator of x must be a point"},
    {"y.separateur_decimal_invalide", "Le séparateur décimal de y doit être le point",
     "the decimal separator of y must be a point"},
    {"long.separateur_decimal_invalide", "Le séparateur décimal de long doit être le point",
     "the decimal separator of long must be a point"},
    {"lat.separateur_decimal_invalide", "Le séparateur décimal de lat doit être le point",
     "the decimal separator of lat must be a point"},
    {"date_der_maj.date_invalide", "Date invalide (AAAA-MM-JJ attendu)",
     "invalid date (YYYY-MM-DD expected)"},
    {"date_der_maj.date_ancienne", "Date trop ancienne (avant 2010)", "date too old (before 2010)"},
    {"date_der_maj.date_future", "Date dans le futur", "date in the future"},
    {"cad_parcelles.pipe_debut_fin", "Le symbole | ne doit être ni au début ni à la fin",
     "the | separator must not start or end the value"},
    {"row.incoherence_numero", "Le numéro diffère de celui de la clé d’interopérabilité",
     "numero differs from the number in cle_interop"},
    {"row.voie_nom_have_same_lieudit_complement_nom",
     "Le nom de la voie et le lieu-dit complémentaire sont identiques",
     "the voie name and lieudit_complement_nom are the same"},
    {"row.position_manquante", "Type de position absent", "position is missing"},
    {"row.chef_lieu_invalide",
     "La commune déléguée n’est pas une commune ancienne de la commune indiquée",
     "commune_deleguee_insee is not a former commune of commune_insee"},
    {"row.commune_manquante", "Aucun code commune valide sur la ligne",
     "no valid commune code on the row"},
    {"row.commune_nom_invalide", "Le nom de la commune diffère de celui du COG",
     "commune_nom differs from the COG name"},
    {"row.longlat_vides", "Les coordonnées long/lat sont absentes", "long/lat are missing"},
    {"row.longlat_invalides", "Les coordonnées long/lat sont invalides ou hors du territoire",
     "long/lat are invalid or outside the French territories"},
    {"row.longlat_xy_incoherents", "Les coordonnées long/lat et x/y sont à plus de 10 m",
     "long/lat and x/y are more than 10 m apart"},
    {"row.adresse_incomplete", "L’adresse est incomplète (numéro ou nom de voie absent)",
     "incomplete address (no numero or no voie name)"},
    {"row.lack_of_id_ban", "Il manque un ou plusieurs identifiants BAN sur la ligne",
     "one or more BAN ids are missing on the row"},
    {"row.cog_no_match_id_ban_commune", "id_ban_commune ne correspond pas au code INSEE",
     "id_ban_commune does not match the commune's INSEE code"},
    {"row.different_voie_nom_with_same_id_ban_toponyme",
     "Un même id_ban_toponyme porte des noms de voie différents",
     "one id_ban_toponyme is used for different voie names"},
    {"row.different_id_ban_toponyme_with_same_voie_nom",
     "Un même nom de voie porte des id_ban_toponyme différents",
     "one voie name has different id_ban_toponyme"},
    {"row.different_adresse_with_same_id_ban_adresse",
     "Un même id_ban_adresse porte des adresses différentes",
     "one id_ban_adresse is used for different addresses"},
    {"row.different_id_ban_adresses_with_same_adresse",
     "Une même adresse porte des id_ban_adresse différents",
     "one address has different id_ban_adresse"},
    {"row.lieudit_complement_nom_not_declared",
     "Le lieu-dit complémentaire n’est déclaré par aucune ligne 99999",
     "lieudit_complement_nom is not declared by a 99999 row"},
    {"rows.empty", "Le fichier n’a aucune ligne", "the file has no rows"},
    {"rows.multi_id_ban_commune", "Le fichier contient plusieurs id_ban_commune",
     "the file holds more than one id_ban_commune"},
    {"rows.every_line_required_id_ban",
     "Quand les identifiants BAN sont utilisés, toutes les lignes doivent les avoir",
     "when BAN ids are used, every row needs them"},
}};

} // namespace

Label label(std::string_view code) {
    const std::size_t dot = code.find('.');
    std::string_view column = code.substr(0, dot);
    const std::string_view error = dot == std::string_view::npos ? "" : code.substr(dot + 1);
    std::string language;
    if (const auto localised = formats::parse_localised_column(column)) {
        language = localised->language;
        column = code.substr(0, localised->base.size());
    }
    const std::string base = std::string(column) + "." + std::string(error);
    const std::string suffix = language.empty() ? "" : " [" + language + "]";
    for (const Entry &e : entries) {
        if (e.code == base) {
            return {std::string(e.fr) + suffix, std::string(e.en) + suffix};
        }
    }
    const std::string field(column);
    if (column == "file") {
        const std::string what(error.substr(0, error.find('.')));
        return {"Fichier non standard (" + what + ")",
                "non-standard file " + what +
                    (what == "encoding"    ? " (not UTF-8)"
                     : what == "delimiter" ? " (not ;)"
                                           : " (not LF/CRLF)")};
    }
    if (column == "field" && error.size() > 8 && error.substr(error.size() - 8) == ".missing") {
        const std::string name(error.substr(0, error.size() - 8));
        return {"La colonne " + name + " est absente", "the column " + name + " is missing"};
    }
    if (error == "valeur_manquante") {
        return {"Le champ " + field + " est vide" + suffix, field + " is empty" + suffix};
    }
    if (error == "valeur_invalide") {
        return {"La valeur du champ " + field + " est invalide" + suffix,
                field + " has an invalid value" + suffix};
    }
    if (error == "espaces_debut_fin") {
        return {"Le champ " + field + " commence ou finit par des espaces" + suffix,
                field + " starts or ends with spaces" + suffix};
    }
    if (error == "caractere_invalide") {
        return {"Le champ " + field + " contient des caractères invalides" + suffix,
                field + " contains invalid characters" + suffix};
    }
    return {std::string(code), std::string(code)};
}

} // namespace adressage::validator
