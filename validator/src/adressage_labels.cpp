#include <array>

#include "adressage/validator/adressage_checks.hpp"
#include "adressage_codes.hpp"

namespace adressage::validator {

namespace detail {

namespace {

constexpr Level W = Level::warning;
constexpr Level I = Level::info;

// In the order of ExtraCode.
constexpr std::array<ExtraCodeInfo, extra_code_count> infos = {{
    {"adressage.numero_duplique", W,
     "La même adresse (voie, numéro, suffixe, commune déléguée et position) figure sur plusieurs "
     "lignes",
     "the same address (voie, numero, suffixe, commune déléguée and position) is on several "
     "rows"},
    {"adressage.numero_superieur_9999", W,
     "Le numéro dépasse 9999 (99999 excepté) : numérotation métrique à vérifier",
     "numero is above 9999 (99999 aside): check the metric numbering"},
    {"adressage.suffixes_melanges", W,
     "La voie mélange les suffixes bis/ter et les lettres A/B ; ce suffixe suit le style le moins "
     "employé",
     "the voie mixes bis/ter and letter suffixes; this suffix follows the less used style"},
    {"adressage.voie_codes_multiples", W,
     "Le même nom de voie a plusieurs codes voie à moins de 500 m dans la clé d’interopérabilité ; "
     "ce code n’est pas le plus employé",
     "the same voie name has several voie codes within 500 m in cle_interop; this one is not the "
     "most used"},
    {"adressage.position.trop_proche", W,
     "Deux adresses différentes à moins d’un mètre l’une de l’autre (même type de position)",
     "two different addresses less than a metre apart (same position type)"},
    {"adressage.voie_nom.bad_caractere_start_end", W,
     "Le nom de la voie commence ou finit par une apostrophe ou un tiret",
     "the voie name starts or ends with an apostrophe or a hyphen"},
    {"adressage.voie_nom.no_words_in_parentheses", W,
     "Le nom de la voie contient un mot entre parenthèses",
     "the voie name has a word in parentheses"},
    {"adressage.voie_nom.ponctuation_invalide", W,
     "Le nom de la voie contient une ponctuation non admise (, / # ! $ % ^ & * ; : { } = ~ \" ? "
     "« » …)",
     "the voie name has punctuation that is not allowed (, / # ! $ % ^ & * ; : { } = ~ \" ? « » "
     "…)"},
    {"adressage.voie_nom.bad_point_at_the_end", W, "Le nom de la voie finit par un point",
     "the voie name ends with a full stop"},
    {"adressage.voie_nom.multi_space_caractere", W,
     "Le nom de la voie contient plusieurs espaces de suite",
     "the voie name has several spaces in a row"},
    {"adressage.voie_nom.bad_word_lieudit", W,
     "Le nom de la voie commence par « lieu-dit » (ou LD), qui n’en fait pas partie",
     "the voie name starts with \"lieu-dit\" (or LD), which is not part of the name"},
    {"adressage.voie_nom.bad_multi_word_rue", W,
     "Le nom de la voie répète son type (« Rue Grande Rue », « Chemin Chemin de… »)",
     "the voie name repeats its type (\"Rue Grande Rue\", \"Chemin Chemin de…\")"},
    {"adressage.voie_nom.abbreviation_invalid", W,
     "Le nom de la voie contient une abréviation (Av, Bd, Che, St, Gal…) à écrire en toutes "
     "lettres",
     "the voie name has an abbreviation (Av, Bd, Che, St, Gal…) to write out in full"},
    {"adressage.voie_nom.word_uppercase", I,
     "Le nom de la voie contient un mot tout en majuscules (hors sigles et chiffres romains)",
     "the voie name has a word all in capitals (acronyms and Roman numerals aside)"},
    {"adressage.voie_nom.word_lowercase", I,
     "Le nom de la voie contient un mot sans majuscule (hors articles et prépositions)",
     "the voie name has a word without a capital (articles and prepositions aside)"},
}};

} // namespace

const ExtraCodeInfo &info(ExtraCode code) { return infos[static_cast<std::size_t>(code)]; }

} // namespace detail

ExtraLabel extra_label(std::string_view code) {
    for (const detail::ExtraCodeInfo &i : detail::infos) {
        if (i.code == code) {
            return {i.fr, i.en};
        }
    }
    return {code, code};
}

} // namespace adressage::validator
