#include "adressage/formats/commune_list.hpp"

#include <libfccp/csv.h>

#include <sstream>

#include "adressage/error.hpp"

namespace adressage::formats {

namespace {

std::vector<std::string> split_codes(const std::string &joined) {
    std::vector<std::string> out;
    std::stringstream in(joined);
    std::string code;
    while (std::getline(in, code, '|')) {
        if (!code.empty()) {
            out.push_back(code);
        }
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
        CogEntry e;
        std::string anciens;
        while (in.read_row(e.code, e.type, e.nom, e.chef_lieu, anciens)) {
            const bool current =
                e.type == "commune-actuelle" || e.type == "arrondissement-municipal";
            if (!current || is_plm_parent(e.code)) {
                if (!e.chef_lieu.empty()) {
                    list.successors_.emplace(e.code, e.chef_lieu);
                }
                continue;
            }
            e.anciens_codes = split_codes(anciens);
            for (const std::string &former : e.anciens_codes) {
                list.successors_.emplace(former, e.code);
            }
            list.current_[e.code] = e;
        }
    } catch (const io::error::base &err) {
        throw InputError("commune list " + path,
                         std::string(err.what()) +
                             "; reinstall datasets/cog-2026 or set ADRESSAGE_DATA");
    }
    if (list.current_.empty()) {
        throw InputError("commune list " + path, "no commune in the file");
    }
    return list;
}

const CogEntry *CommuneList::find_current(const std::string &code) const {
    const auto it = current_.find(code);
    return it == current_.end() ? nullptr : &it->second;
}

const CogEntry *CommuneList::successor_of(const std::string &former_code) const {
    const auto it = successors_.find(former_code);
    return it == successors_.end() ? nullptr : find_current(it->second);
}

} // namespace adressage::formats
