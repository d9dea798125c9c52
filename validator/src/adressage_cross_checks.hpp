#pragma once
// The adressage checks across rows, each over every row of the file once it is read.
#include <cstddef>
#include <cstdint>
#include <deque>

#include "adressage_alerts.hpp"
#include "adressage_row_facts.hpp"

namespace adressage::validator::detail {

// voie_count: the number of voies (RowFacts::voie runs from 1 to voie_count).

// adressage.numero_duplique.
void flag_duplicates(const std::deque<RowFacts> &rows, ExtraAlerts &alerts);
// adressage.suffixes_melanges.
void flag_mixed_suffixes(const std::deque<RowFacts> &rows, std::size_t voie_count,
                         ExtraAlerts &alerts);
// adressage.voie_codes_multiples.
void flag_several_codes(const std::deque<RowFacts> &rows, std::size_t voie_count,
                        ExtraAlerts &alerts);
// adressage.position.trop_proche. segment: the interned "segment" position.
void flag_too_close(const std::deque<RowFacts> &rows, std::uint32_t segment, ExtraAlerts &alerts);

// Which of two styles or codes a voie uses least: the smaller count, or on a tie the one met
// later in the file.
struct Usage {
    std::uint32_t count = 0;
    std::uint32_t first_line = 0;
    bool more_than(const Usage &other) const {
        return count != other.count ? count > other.count : first_line < other.first_line;
    }
    void add(std::uint32_t line) { first_line = count++ == 0 ? line : first_line; }
};

} // namespace adressage::validator::detail
