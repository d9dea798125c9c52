#include "header_match.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "adressage/formats/bal_schema.hpp"

namespace adressage::validator::detail {

namespace {

// papaparse renames repeated header names: the second "a" becomes "a_1", and so on.
std::vector<std::string> papaparse_header(const std::vector<std::string> &header) {
    std::unordered_map<std::string, int> count;
    std::unordered_set<std::string> used(header.begin(), header.end());
    std::vector<std::string> out = header;
    for (std::string &name : out) {
        const std::string original = name;
        int &seen = count[original];
        if (seen > 0) {
            int suffix = seen;
            do {
                name = original + "_" + std::to_string(suffix++);
            } while (used.count(name) > 0);
            used.insert(name);
        }
        ++seen;
        used.insert(original);
    }
    return out;
}

} // namespace

HeaderMatch match_header(const std::vector<std::string> &raw_header) {
    const std::vector<std::string> header = papaparse_header(raw_header);
    const auto languages = formats::regional_language_codes();
    std::vector<bool> taken(header.size(), false);
    HeaderMatch match;
    auto claim = [&](std::string_view name, Field field, int language) {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (!taken[i] && header[i] == name) {
                taken[i] = true;
                match.columns.push_back(
                    {i, field, language, CodeTable::get().prefix({field, language})});
                return true;
            }
        }
        return false;
    };
    for (std::size_t f = 0; f < field_count; ++f) {
        const Field field = static_cast<Field>(f);
        const FieldSchema &s = schema(field);
        match.found[f] = claim(s.name, field, -1);
        if (match.found[f] && s.regional) {
            for (std::size_t l = 0; l < languages.size(); ++l) {
                claim(std::string(s.name) + "_" + std::string(languages[l]), field,
                      static_cast<int>(l));
            }
        }
    }
    std::sort(match.columns.begin(), match.columns.end(),
              [](const Column &a, const Column &b) { return a.index < b.index; });
    return match;
}

} // namespace adressage::validator::detail
