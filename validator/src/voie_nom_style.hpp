#pragma once
// The adressage.voie_nom.* checks of one voie name: the rules the BAN team proposed for
// validateur-bal (branch fufeck_feat_remediation, never merged) with the name normaliser's own
// word rules (names/word_classes.hpp), so that what the validator flags is what `adressage
// names` would correct.
#include <string_view>

#include "adressage/names/voie_vocabulary.hpp"
#include "adressage_codes.hpp"

namespace adressage::validator::detail {

// `name`: trimmed, not empty. The bits of the voie_nom codes that apply.
ExtraCodes voie_nom_style(std::string_view name, const names::VoieVocabulary &vocabulary);

} // namespace adressage::validator::detail
