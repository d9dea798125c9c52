// name_similarity (topo_match.hpp): a soft Dice coefficient on the words of two names.
#include <unicode/unistr.h>

#include <algorithm>
#include <set>

#include "topo/topo_match.hpp"

namespace adressage::pipeline {

namespace {

std::vector<std::u32string> words(std::string_view key) {
    static const std::set<std::string_view> minor = {"de", "du", "des", "la", "le", "les",
                                                     "l",  "d",  "et",  "au", "aux"};
    std::vector<std::string_view> all;
    while (!key.empty()) {
        const std::size_t space = std::min(key.find(' '), key.size());
        if (space > 0) {
            all.push_back(key.substr(0, space));
        }
        key.remove_prefix(std::min(space + 1, key.size()));
    }
    std::vector<std::string_view> kept;
    std::copy_if(all.begin(), all.end(), std::back_inserter(kept),
                 [](std::string_view w) { return !minor.contains(w); });
    if (kept.empty()) {
        kept = all;
    }
    std::vector<std::u32string> out;
    for (std::string_view w : kept) {
        const icu::UnicodeString u =
            icu::UnicodeString::fromUTF8(icu::StringPiece(w.data(), static_cast<int>(w.size())));
        std::u32string cps(static_cast<std::size_t>(u.countChar32()), U'\0');
        UErrorCode status = U_ZERO_ERROR;
        const int n = u.toUTF32(reinterpret_cast<UChar32 *>(cps.data()),
                                static_cast<int32_t>(cps.size()), status);
        cps.resize(U_SUCCESS(status) ? static_cast<std::size_t>(n) : 0);
        out.push_back(std::move(cps));
    }
    return out;
}

std::size_t levenshtein(const std::u32string &a, const std::u32string &b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = up;
        }
    }
    return row[b.size()];
}

double word_similarity(const std::u32string &a, const std::u32string &b) {
    const std::size_t longer = std::max(a.size(), b.size());
    if (longer == 0) {
        return 1.0;
    }
    const double s = 1.0 - static_cast<double>(levenshtein(a, b)) / static_cast<double>(longer);
    return s < 0.5 ? 0.0 : s;
}

// Σ over the words of `from` of length × best similarity in `to`, and Σ length.
std::pair<double, double> one_way(const std::vector<std::u32string> &from,
                                  const std::vector<std::u32string> &to) {
    double weighted = 0.0;
    double total = 0.0;
    for (const std::u32string &w : from) {
        double best = 0.0;
        for (const std::u32string &v : to) {
            best = std::max(best, word_similarity(w, v));
        }
        weighted += static_cast<double>(w.size()) * best;
        total += static_cast<double>(w.size());
    }
    return {weighted, total};
}

} // namespace

double name_similarity(std::string_view key_a, std::string_view key_b) {
    const auto a = words(key_a);
    const auto b = words(key_b);
    const auto [wa, ta] = one_way(a, b);
    const auto [wb, tb] = one_way(b, a);
    return ta + tb > 0.0 ? (wa + wb) / (ta + tb) : 0.0;
}

} // namespace adressage::pipeline
