#include "file_rules.hpp"

#include "adressage/error.hpp"

namespace adressage::validator::detail {

Profile choose_profile(const std::string &asked, const HeaderMatch &header) {
    if (asked == "auto" || asked.empty()) {
        if (header.has(Field::id_ban_commune) && header.has(Field::id_ban_toponyme) &&
            header.has(Field::id_ban_adresse)) {
            return header.has(Field::toponyme) ? Profile::v1_5 : Profile::v1_4;
        }
        return Profile::v1_3;
    }
    if (const auto chosen = parse_profile(asked)) {
        return *chosen;
    }
    throw ConfigError("unknown BAL profile '" + asked + "'; use auto, 1.3, 1.3-relax, 1.4 or 1.5");
}

void add_missing_columns(const HeaderMatch &header, const CodeTable &codes,
                         std::vector<CodeId> &global) {
    for (std::size_t f = 0; f < field_count; ++f) {
        if (!header.found[f]) {
            global.push_back(codes.missing(static_cast<Field>(f)));
        }
    }
}

void add_text_format(const std::string &encoding, char delimiter, const std::string &linebreak,
                     const CodeTable &codes, std::vector<CodeId> &global) {
    if (encoding != "utf-8") {
        global.push_back(codes.global(GlobalCode::file_encoding));
    }
    if (delimiter != ';') {
        global.push_back(codes.global(GlobalCode::file_delimiter));
    }
    if (linebreak != "\n" && linebreak != "\r\n") {
        global.push_back(codes.global(GlobalCode::file_linebreak));
    }
}

} // namespace adressage::validator::detail
