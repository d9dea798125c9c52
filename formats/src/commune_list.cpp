#include "adressage/formats/commune_list.hpp"

#include <libfccp/csv.h>

#include <algorithm>
#include <tuple>
#include <type_traits>

#include "adressage/error.hpp"

namespace adressage::formats {

namespace {

std::vector<std::string> split_codes(std::string_view joined) {
    std::vector<std::string> out;
    while (!joined.empty()) {
        const std::size_t bar = std::min(joined.find('|'), joined.size());
        if (bar > 0) {
            out.emplace_back(joined.substr(0, bar));
        }
        joined.remove_prefix(std::min(bar + 1, joined.size()));
    }
    return out;
}

bool is_plm_parent(const std::string &code) {
    return code == "75056" || code == "69123" || code == "13055";
}

} // namespace

CommuneList CommuneList::load(const std::string &path) {
    CommuneList list;
    try {
        io::CSVReader<5, io::trim_chars<' ', '\t'>, io::no_quote_escape<';'>> in(path);
        in.read_header(io::ignore_no_column, "code", "type", "nom", "chef_lieu", "anciens_codes");
        list.current_.reserve(40000); // 35,011 in the COG 2026
        // type: commune-actuelle, arrondissement-municipal, commune-deleguee, commune-associee
        std::string code, type, nom, chef_lieu, anciens;
        while (in.read_row(code, type, nom, chef_lieu, anciens)) {
            const bool current = type == "commune-actuelle" || type == "arrondissement-municipal";
            if (type == "commune-deleguee" && !chef_lieu.empty()) {
                list.deleguees_.push_back(CogDeleguee{chef_lieu, code, nom});
            }
            if (!current || is_plm_parent(code)) {
                if (!chef_lieu.empty()) {
                    list.successors_.emplace_back(code, chef_lieu);
                }
                continue;
            }
            CogEntry &e = list.current_.emplace_back(CogEntry{code, nom, split_codes(anciens)});
            for (const std::string &former : e.anciens_codes) {
                list.successors_.emplace_back(former, e.code);
                list.former_codes_.push_back(former);
            }
        }
    } catch (const io::error::base &err) {
        throw InputError("commune list " + path,
                         std::string(err.what()) +
                             "; reinstall datasets/cog-2026 or set ADRESSAGE_DATA");
    }
    if (list.current_.empty()) {
        throw InputError("commune list " + path, "no commune in the file");
    }
    // The first entry of a code wins, as std::map::emplace did for the successors; a repeated
    // current code keeps its last line.
    const auto by_code = [](const CogEntry &a, const CogEntry &b) { return a.code < b.code; };
    if (!std::is_sorted(list.current_.begin(), list.current_.end(), by_code)) {
        std::stable_sort(list.current_.begin(), list.current_.end(), by_code);
    }
    auto last_of_code =
        std::unique(list.current_.rbegin(), list.current_.rend(),
                    [](const CogEntry &a, const CogEntry &b) { return a.code == b.code; });
    list.current_.erase(list.current_.begin(), last_of_code.base());
    std::stable_sort(list.successors_.begin(), list.successors_.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    list.successors_.erase(
        std::unique(list.successors_.begin(), list.successors_.end(),
                    [](const auto &a, const auto &b) { return a.first == b.first; }),
        list.successors_.end());
    std::sort(list.deleguees_.begin(), list.deleguees_.end(),
              [](const CogDeleguee &a, const CogDeleguee &b) {
                  return std::tie(a.chef_lieu, a.code) < std::tie(b.chef_lieu, b.code);
              });
    std::sort(list.former_codes_.begin(), list.former_codes_.end());
    list.former_codes_.erase(std::unique(list.former_codes_.begin(), list.former_codes_.end()),
                             list.former_codes_.end());
    return list;
}

const CogEntry *CommuneList::find_current(std::string_view code) const {
    const auto it = std::lower_bound(
        current_.begin(), current_.end(), code,
        [](const CogEntry &e, std::string_view c) { return std::string_view(e.code) < c; });
    return it != current_.end() && it->code == code ? &*it : nullptr;
}

const CogEntry *CommuneList::successor_of(std::string_view former_code) const {
    const auto it = std::lower_bound(
        successors_.begin(), successors_.end(), former_code,
        [](const auto &s, std::string_view c) { return std::string_view(s.first) < c; });
    return it != successors_.end() && it->first == former_code ? find_current(it->second) : nullptr;
}

bool CommuneList::is_former_code(std::string_view code) const {
    return std::binary_search(former_codes_.begin(), former_codes_.end(), code,
                              [](std::string_view a, std::string_view b) { return a < b; });
}

std::span<const CogDeleguee> CommuneList::communes_deleguees_of(std::string_view code) const {
    const auto [first, last] = std::equal_range(
        deleguees_.begin(), deleguees_.end(), code, [](const auto &a, const auto &b) {
            if constexpr (std::is_same_v<std::decay_t<decltype(a)>, CogDeleguee>) {
                return std::string_view(a.chef_lieu) < b;
            } else {
                return a < std::string_view(b.chef_lieu);
            }
        });
    return {first, last};
}

} // namespace adressage::formats
