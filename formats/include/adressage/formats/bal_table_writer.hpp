#pragma once
// Writing a BAL table in version 1.3, 1.4 or 1.5: the version's columns in the specification's
// order, then its regional-language columns, then any unknown column, as read. UTF-8 without
// BOM, ';', LF. A value holding ';', '"' or a line break is quoted, so no value is lost.
// Between versions, voie_nom ↔ toponyme and uid_adresse ↔ id_ban_* carry over; columns the target
// version does not have (cle_interop in 1.5, uid_adresse in 1.4+) are left out.
#include <string>

#include "adressage/formats/bal_reader.hpp"
#include "adressage/formats/bal_schema.hpp"

namespace adressage::formats {

std::string write_bal(const BalTable &table, BalVersion version);

} // namespace adressage::formats
