#pragma once
// Cadastre parcel identifiers as written in `cad_parcelles`.
#include <string>
#include <string_view>

namespace adressage::formats {

// The 14-character identifier of a parcel: INSEE code (5) + prefix (3, "000" unless the
// parcel lies in a former commune) + section (2, a one-letter section padded with "0") +
// number (4), e.g. "930100000A0224". This is the DGFiP/Etalab `id` and the form the BAL
// validator normalises every value to.
//
// Accepts the Etalab `id` (14 characters, kept) and the EDIGEO `IDU` (12 characters, the
// département is taken from `insee`); letters are upper-cased. Returns "" for anything else.
std::string parcel_id(std::string_view raw, std::string_view insee);

} // namespace adressage::formats
