#include "adressage/formats/upload_file.hpp"

#include <array>
#include <cstdint>
#include <fstream>
#include <regex>
#include <sstream>

#include <nettle/sha2.h>

namespace adressage::formats {

// Nettle's SHA-256 (Debian's libnettle, also GnuTLS's).
std::string sha256_hex(std::string_view bytes) {
    sha256_ctx ctx;
    sha256_init(&ctx);
    sha256_update(&ctx, bytes.size(), reinterpret_cast<const std::uint8_t *>(bytes.data()));
    std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
    sha256_digest(&ctx, digest.size(), digest.data());
    static const char *digits = "0123456789abcdef";
    std::string out;
    for (const std::uint8_t byte : digest) {
        out.push_back(digits[byte >> 4]);
        out.push_back(digits[byte & 0xf]);
    }
    return out;
}

std::string producteur_slug(std::string_view producteur) {
    // Latin-1 supplement letters as UTF-8 (C3 xx), folded to their base letter.
    static const std::string_view c3 = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
    std::string out;
    for (std::size_t i = 0; i < producteur.size(); ++i) {
        const auto c = static_cast<unsigned char>(producteur[i]);
        if (c < 0x80) {
            if (std::isalnum(c)) {
                out.push_back(static_cast<char>(std::tolower(c)));
            }
        } else if (c == 0xc3 && i + 1 < producteur.size()) {
            const auto d = static_cast<unsigned char>(producteur[++i]);
            const std::size_t at = (d & 0x1f);
            if (d >= 0x80 && d <= 0xbf && at < c3.size() && std::isalpha(c3[at])) {
                out.push_back(c3[at]);
            }
        } else if (c == 0xc5 && i + 1 < producteur.size()) {
            const auto d = static_cast<unsigned char>(producteur[++i]);
            if (d == 0x92 || d == 0x93) {
                out += "oe";
            }
        }
    }
    return out;
}

std::optional<std::string> upload_file_name(std::string_view date, std::string_view siren,
                                            std::string_view producteur) {
    static const std::regex siren_pattern("^[0-9]{9}$");
    static const std::regex date_pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    const std::string slug = producteur_slug(producteur);
    if (!std::regex_match(std::string(siren), siren_pattern) || slug.empty() ||
        !std::regex_match(std::string(date), date_pattern)) {
        return std::nullopt;
    }
    std::string day(date);
    day.erase(7, 1).erase(4, 1);
    return day + "_bal_" + std::string(siren) + "_" + slug + ".csv";
}

bool is_upload_file_name(std::string_view file_name) {
    static const std::regex pattern("^[0-9]{8}_bal_[0-9]{9}_[a-z0-9]+\\.csv$");
    return std::regex_match(std::string(file_name), pattern);
}

std::vector<GateCheck> upload_file_checks(const std::string &path, std::string_view bytes) {
    const std::size_t slash = path.rfind('/');
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    std::vector<GateCheck> out;
    out.push_back(GateCheck{
        "file.name", is_upload_file_name(name) ? GateLevel::ok : GateLevel::warning, 0.0,
        "'" + name + "'" +
            (is_upload_file_name(name) ? " has the form AAAAMMJJ_bal_<siren>_<producteur>.csv"
                                       : " is not named AAAAMMJJ_bal_<siren>_<producteur>.csv as "
                                         "the specification asks (adressage run --siren, "
                                         "--producteur)")});
    std::ifstream in(path + ".sha256");
    std::string expected;
    in >> expected;
    const bool matches = !expected.empty() && expected == sha256_hex(bytes);
    out.push_back(GateCheck{"file.sha256", matches ? GateLevel::ok : GateLevel::warning, 0.0,
                            expected.empty() ? "no " + name + ".sha256 beside the file"
                            : matches        ? name + ".sha256 matches the file"
                                             : name + ".sha256 does not match the file"});
    return out;
}

} // namespace adressage::formats
