// The grave accent rule (names/src/spelling_rules.hpp), written out by hand instead of a
// std::regex that overflowed the stack on a long word: checked against that regex on every word
// of up to 6 letters of an alphabet that exercises each branch, and on a 10 MB word.
#include <gtest/gtest.h>

#include <regex>

#include "spelling_rules.hpp"

using adressage::names::detail::grave_before_final_syllable;

namespace {

std::string by_regex(const std::string &word) {
    static const std::regex pattern("^(.*[^aeo])e([bcdfgjklmnpqrstvz]es?)$");
    std::smatch m;
    if (word.size() > 4 && std::regex_match(word, m, pattern) &&
        m[1].str().find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos) {
        return m[1].str() + "\xC3\xA8" + m[2].str();
    }
    return word;
}

} // namespace

TEST(GraveBeforeFinalSyllable, AgreesWithTheRegexOnEveryShortWord) {
    const std::string alphabet = "aeobsrhE"; // vowels, consonants in and out of the set, a capital
    std::size_t compared = 0;
    std::size_t accented = 0;
    for (std::size_t length = 1; length <= 6; ++length) {
        std::vector<std::size_t> digits(length, 0);
        while (true) {
            std::string word;
            for (const std::size_t d : digits) {
                word += alphabet[d];
            }
            const std::string expected = by_regex(word);
            ASSERT_EQ(grave_before_final_syllable(word), expected) << word;
            ++compared;
            accented += expected != word ? 1 : 0;
            std::size_t i = 0;
            while (i < length && ++digits[i] == alphabet.size()) {
                digits[i++] = 0;
            }
            if (i == length) {
                break;
            }
        }
    }
    EXPECT_GT(compared, 290000U);
    EXPECT_GT(accented, 500U); // the rule fires, not only refuses
    EXPECT_EQ(grave_before_final_syllable("bessieres"), "bessi\xC3\xA8res");
    EXPECT_EQ(grave_before_final_syllable("pomarede"), "pomar\xC3\xA8"
                                                       "de");
}

TEST(GraveBeforeFinalSyllable, ALongWordDoesNotOverflowTheStack) {
    std::string word;
    word.resize(10'000'000, 'b');
    word += "ebe";
    const std::string out = grave_before_final_syllable(word);
    EXPECT_EQ(out.size(), word.size() + 1);
    EXPECT_EQ(out.substr(out.size() - 4), "\xC3\xA8"
                                          "be");
}
