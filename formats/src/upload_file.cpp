#include "adressage/formats/upload_file.hpp"

#include <array>
#include <cstdint>
#include <fstream>
#include <regex>
#include <sstream>

namespace adressage::formats {

namespace {

constexpr std::array<std::uint32_t, 64> k = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

} // namespace

std::string sha256_hex(std::string_view bytes) {
    std::array<std::uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::string data(bytes);
    const std::uint64_t bits = static_cast<std::uint64_t>(bytes.size()) * 8;
    data.push_back(static_cast<char>(0x80));
    while (data.size() % 64 != 56) {
        data.push_back('\0');
    }
    for (int i = 7; i >= 0; --i) {
        data.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
    }
    for (std::size_t block = 0; block < data.size(); block += 64) {
        std::array<std::uint32_t, 64> w{};
        for (int i = 0; i < 16; ++i) {
            for (int j = 0; j < 4; ++j) {
                w[i] = (w[i] << 8) | static_cast<unsigned char>(
                                         data[block + static_cast<std::size_t>(4 * i + j)]);
            }
        }
        for (int i = 16; i < 64; ++i) {
            const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::array<std::uint32_t, 8> v = h;
        for (int i = 0; i < 64; ++i) {
            const std::uint32_t s1 = rotr(v[4], 6) ^ rotr(v[4], 11) ^ rotr(v[4], 25);
            const std::uint32_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
            const std::uint32_t t1 = v[7] + s1 + ch + k[i] + w[i];
            const std::uint32_t s0 = rotr(v[0], 2) ^ rotr(v[0], 13) ^ rotr(v[0], 22);
            const std::uint32_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            const std::uint32_t t2 = s0 + maj;
            v = {t1 + t2, v[0], v[1], v[2], v[3] + t1, v[4], v[5], v[6]};
        }
        for (int i = 0; i < 8; ++i) {
            h[i] += v[i];
        }
    }
    static const char *digits = "0123456789abcdef";
    std::string out;
    for (std::uint32_t word : h) {
        for (int shift = 28; shift >= 0; shift -= 4) {
            out.push_back(digits[(word >> shift) & 0xf]);
        }
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
