// The names golden set: real voie names from open data, in TOPO style, against their published
// display form (tests/names/README.md), plus hand-written hard cases that must all pass.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "adressage/names/normaliser.hpp"

using namespace adressage::names;

namespace {

struct Pair {
    std::string raw;
    std::string expected;
};

std::vector<Pair> read_pairs(const std::string &path) {
    std::ifstream in(path);
    EXPECT_TRUE(in) << "cannot read " << path;
    std::vector<Pair> pairs;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() == '#') {
            continue;
        }
        std::stringstream fields(line);
        Pair p;
        std::getline(fields, p.raw, '\t');
        std::getline(fields, p.expected, '\t');
        pairs.push_back(p);
    }
    return pairs;
}

const Dictionaries &dictionaries() {
    static const Dictionaries d =
        Dictionaries::load(DictionaryPaths::defaults(ADRESSAGE_TEST_DATA));
    return d;
}

// The exact-match rate measured when the floor was set, minus a margin for harmless changes.
constexpr double golden_floor = GOLDEN_FLOOR;

} // namespace

TEST(NamesGolden, ExactMatchRateAboveTheFloor) {
    const auto pairs = read_pairs(std::string(ADRESSAGE_TEST_SOURCE) + "/names/golden.tsv");
    ASSERT_GE(pairs.size(), 1000u);
    const NameNormaliser normaliser(dictionaries());
    std::size_t exact = 0;
    std::ofstream misses("names_golden_misses.tsv");
    misses << "# raw\texpected\tgot\trules\tflags\n";
    for (const Pair &p : pairs) {
        const NormalisedName got = normaliser.normalise(p.raw);
        if (got.text == p.expected) {
            ++exact;
        } else {
            misses << p.raw << '\t' << p.expected << '\t' << got.text << '\t'
                   << rules_to_string(got.rules) << '\t';
            for (const auto &f : got.flags) {
                misses << f << ' ';
            }
            misses << '\n';
        }
    }
    const double rate = static_cast<double>(exact) / static_cast<double>(pairs.size());
    std::cout << "names golden set: " << exact << " / " << pairs.size() << " exact ("
              << rate * 100.0 << " %); misses in "
              << "names_golden_misses.tsv\n";
    EXPECT_GE(rate, golden_floor);
}

TEST(NamesGolden, HardCasesAllPass) {
    const auto pairs = read_pairs(std::string(ADRESSAGE_TEST_SOURCE) + "/names/hard_cases.tsv");
    ASSERT_FALSE(pairs.empty());
    const NameNormaliser normaliser(dictionaries());
    for (const Pair &p : pairs) {
        EXPECT_EQ(normaliser.normalise(p.raw).text, p.expected) << "raw: " << p.raw;
    }
}

TEST(NamesGolden, NormalisingAnOutputAgainChangesNothing) {
    auto pairs = read_pairs(std::string(ADRESSAGE_TEST_SOURCE) + "/names/golden.tsv");
    const auto hard = read_pairs(std::string(ADRESSAGE_TEST_SOURCE) + "/names/hard_cases.tsv");
    pairs.insert(pairs.end(), hard.begin(), hard.end());
    const NameNormaliser normaliser(dictionaries());
    std::size_t unstable = 0;
    for (const Pair &p : pairs) {
        const std::string once = normaliser.normalise(p.raw).text;
        const NormalisedName twice = normaliser.normalise(once);
        if (twice.text != once) {
            ++unstable;
            ADD_FAILURE() << "not idempotent: " << p.raw << " → " << once << " → " << twice.text;
        }
        EXPECT_EQ(twice.changed, false);
        if (unstable > 20) {
            break;
        }
    }
}

// The reviewed display names are well written, so the normaliser should leave them alone. It
// may still correct some (BANO writes "Andre", "Prevert" without their accents); that share is
// printed and bounded, and every change is listed for review.
TEST(NamesGolden, WellWrittenNamesAreAlmostAllReturnedUnchanged) {
    const auto pairs = read_pairs(std::string(ADRESSAGE_TEST_SOURCE) + "/names/golden.tsv");
    const NameNormaliser normaliser(dictionaries());
    std::size_t changed = 0;
    std::ofstream changes("names_golden_expected_changed.tsv");
    for (const Pair &p : pairs) {
        const NormalisedName r = normaliser.normalise(p.expected);
        if (r.text != p.expected) {
            ++changed;
            changes << p.expected << '\t' << r.text << '\t' << rules_to_string(r.rules) << '\n';
        }
        EXPECT_EQ(r.changed, r.text != p.expected);
    }
    std::cout << "reviewed names changed: " << changed << " / " << pairs.size()
              << " (listed in names_golden_expected_changed.tsv)\n";
    EXPECT_LE(static_cast<double>(changed) / static_cast<double>(pairs.size()), 0.02);
}
