#include "adressage/names/normaliser.hpp"

#include <algorithm>

#include "normaliser_steps.hpp"
#include "utf8_text.hpp"

namespace adressage::names {

namespace {

using detail::InputCase;
using detail::NameDraft;
using detail::Trace;

InputCase case_of(const std::string &input, const std::vector<Token> &tokens) {
    InputCase c;
    c.rewrite = text::has_lower(input) != text::has_upper(input);
    for (const Token &t : tokens) {
        if (!t.word.empty() && text::has_lower(t.word.substr(0, 1))) {
            c.every_word_capitalised = false;
        }
    }
    return c;
}

// The input cut into tokens; spaces and apostrophes that tokenising rewrote are traced.
NameDraft draft_of(const std::string &input, Trace &trace) {
    NameDraft w;
    w.tokens = tokenise(input);
    // Punctuation-only tokens are kept as they are.
    w.fixed.assign(w.tokens.size(), false);
    if (join(w.tokens) != input) {
        trace.fire(Rule::spaces);
    }
    return w;
}

NormalisedName result_of(std::string_view raw, const NameDraft &w, Trace &trace) {
    NormalisedName out;
    out.text = join(w.tokens);
    out.changed = out.text != std::string(raw);
    if (out.changed) {
        out.rules = std::move(trace.rules);
        std::sort(out.rules.begin(), out.rules.end());
    }
    out.flags = std::move(trace.flags);
    out.confidence = trace.confidence;
    return out;
}

} // namespace

const char *rule_name(Rule rule) {
    switch (rule) {
    case Rule::spaces:
        return "spaces";
    case Rule::lieu_dit:
        return "lieu_dit";
    case Rule::duplicate_type:
        return "duplicate_type";
    case Rule::type_expanded:
        return "type_expanded";
    case Rule::title_expanded:
        return "title_expanded";
    case Rule::saint_hyphen:
        return "saint_hyphen";
    case Rule::place_name:
        return "place_name";
    case Rule::accents:
        return "accents";
    case Rule::elision:
        return "elision";
    case Rule::casing:
        return "casing";
    case Rule::roman_numeral:
        return "roman_numeral";
    case Rule::acronym:
        return "acronym";
    case Rule::ordinal:
        return "ordinal";
    case Rule::unsafe_characters:
        return "unsafe_characters";
    }
    return "?";
}

std::string rules_to_string(const std::vector<Rule> &rules) {
    std::string out;
    for (Rule r : rules) {
        out.append(out.empty() ? "" : ",").append(rule_name(r));
    }
    return out;
}

NormalisedName NameNormaliser::normalise(std::string_view raw) const {
    // The BAL's voie_nom holds at most 200 characters (800 bytes); longer is no road's name, and
    // the passes below are not all linear in the tokens (a 10 MB line took minutes): left as it
    // is, flagged, for the validator to refuse.
    constexpr std::size_t longest_normalised = 1000;
    if (raw.size() > longest_normalised) {
        return {std::string(raw), {}, {"too_long_not_normalised"}, 1.0, false};
    }
    Trace trace;
    std::string input = text::nfc(detail::remove_unsafe_characters(std::string(raw), trace));
    if (std::optional<std::string> written = detail::road_designation(input)) {
        input = std::move(*written);
        trace.fire(Rule::type_expanded);
    }
    NameDraft w = draft_of(input, trace);
    const InputCase input_case = case_of(input, w.tokens);
    detail::drop_lieu_dit_prefix(w, trace);
    detail::drop_repeated_type(w, dict_.vocabulary(), trace);
    detail::expand_voie_type(w, dict_, input_case.rewrite, trace);
    detail::expand_titles(w, dict_, input_case.rewrite, trace);
    detail::write_compound_names(w, dict_, input_case.rewrite, trace);
    detail::hyphenate_saint(w, trace);
    detail::write_words(w, dict_, input_case, trace);
    detail::elide(w, trace);
    detail::capitalise_first_word(w, trace);
    return result_of(raw, w, trace);
}

} // namespace adressage::names
