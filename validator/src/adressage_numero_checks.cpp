// The adressage checks of the addresses of a voie: duplicates and mixed suffixes.
#include <array>
#include <vector>

#include "adressage_cross_checks.hpp"

namespace adressage::validator::detail {

// The same voie, numero, suffixe and position on several rows (one address has one row per
// position: an entrance and a parcel are not a duplicate). An open-addressing table of row
// indices: each row finds the first row of its address.
void flag_duplicates(const std::deque<RowFacts> &rows, ExtraAlerts &alerts) {
    auto counted = [](const RowFacts &f) {
        return f.numero != no_numero && f.numero != toponym_numero;
    };
    auto same = [](const RowFacts &a, const RowFacts &b) {
        return a.voie == b.voie && a.numero == b.numero && a.suffixe == b.suffixe &&
               a.position == b.position;
    };
    auto hash = [](const RowFacts &f) {
        std::uint64_t h = (std::uint64_t{f.voie} << 32 | f.numero) * 0x9E3779B97F4A7C15ULL;
        h ^= (std::uint64_t{f.suffixe} << 32 | f.position) * 0xC2B2AE3D27D4EB4FULL;
        return h ^ (h >> 29);
    };
    std::size_t size = 16;
    while (size < rows.size() * 2) {
        size *= 2;
    }
    std::vector<std::uint32_t> slots(size, 0); // row index + 1, 0: empty
    std::vector<bool> reported(rows.size(), false);
    // The slots are read in random order: each one is fetched a few rows ahead.
    std::vector<std::uint32_t> start(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        start[r] = static_cast<std::uint32_t>(hash(rows[r]) & (size - 1));
    }
    constexpr std::size_t ahead = 16;
    for (std::uint32_t r = 0; r < rows.size(); ++r) {
        if (r + ahead < rows.size()) {
            __builtin_prefetch(&slots[start[r + ahead]]);
        }
        const RowFacts &f = rows[r];
        if (!counted(f)) {
            continue;
        }
        for (std::size_t i = start[r];; i = (i + 1) & (size - 1)) {
            if (slots[i] == 0) {
                slots[i] = r + 1;
                break;
            }
            const std::uint32_t first = slots[i] - 1;
            if (same(rows[first], f)) {
                if (!reported[first]) {
                    reported[first] = true;
                    alerts.add(rows[first].line, ExtraCode::numero_duplique);
                }
                alerts.add(f.line, ExtraCode::numero_duplique);
                break;
            }
        }
    }
}

// bis/ter and A/B on one voie: the rows of the less used style.
void flag_mixed_suffixes(const std::deque<RowFacts> &rows, std::size_t voie_count,
                         ExtraAlerts &alerts) {
    std::vector<std::array<Usage, 2>> styles(voie_count + 1);
    for (const RowFacts &f : rows) {
        if (f.style != SuffixStyle::none) {
            styles[f.voie][f.style == SuffixStyle::letter ? 0 : 1].add(f.line);
        }
    }
    for (const RowFacts &f : rows) {
        if (f.style == SuffixStyle::none) {
            continue;
        }
        const auto &[letters, repetitions] = styles[f.voie];
        if (letters.count == 0 || repetitions.count == 0) {
            continue;
        }
        const SuffixStyle minority =
            letters.more_than(repetitions) ? SuffixStyle::repetition : SuffixStyle::letter;
        if (f.style == minority) {
            alerts.add(f.line, ExtraCode::suffixes_melanges);
        }
    }
}

} // namespace adressage::validator::detail
