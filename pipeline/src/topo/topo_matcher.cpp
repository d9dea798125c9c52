#include <algorithm>

#include "adressage/names/grouping_key.hpp"
#include "topo/topo_match.hpp"

namespace adressage::pipeline {

const char *topo_match_kind_name(TopoMatch::Kind kind) {
    switch (kind) {
    case TopoMatch::Kind::exact:
        return "exact";
    case TopoMatch::Kind::fuzzy:
        return "fuzzy";
    case TopoMatch::Kind::below_threshold:
        return "below_threshold";
    case TopoMatch::Kind::ambiguous:
        return "ambiguous";
    case TopoMatch::Kind::none:
        break;
    }
    return "none";
}

TopoMatcher::TopoMatcher(std::vector<formats::TopoVoie> voies,
                         const names::Dictionaries &dictionaries, std::string insee)
    : dictionaries_(&dictionaries), voies_(std::move(voies)), insee_(std::move(insee)) {
    const names::NameNormaliser normaliser(dictionaries);
    keys_.reserve(voies_.size());
    for (const formats::TopoVoie &v : voies_) {
        Keys k;
        k.label = names::grouping_key(normaliser.normalise(v.label).text);
        k.type = type_of(k.label);
        if (!v.nature.empty()) {
            const std::string libelle = names::grouping_key(normaliser.normalise(v.libelle).text);
            if (!type_of(libelle).empty()) {
                k.libelle = libelle;
            }
        }
        keys_.push_back(std::move(k));
    }
}

std::string TopoMatcher::type_of(const std::string &key) const {
    const std::string first = key.substr(0, key.find(' '));
    const std::string *type = first.empty() ? nullptr : dictionaries_->type_words(first);
    return type != nullptr ? *type : std::string();
}

bool TopoMatcher::in_scope(std::size_t i, std::string_view former_commune) const {
    if (former_commune.empty()) {
        return true;
    }
    const formats::TopoVoie &v = voies_[i];
    return v.former_commune == former_commune ||
           (v.former_commune.empty() && former_commune == insee_);
}

TopoMatch TopoMatcher::match(std::string_view nom, std::string_view former_commune) const {
    const std::string key = names::grouping_key(nom);
    if (const std::optional<TopoMatch> exact = exact_match(key, former_commune)) {
        return *exact;
    }
    return fuzzy_match(key, former_commune);
}

std::optional<TopoMatch> TopoMatcher::exact_match(const std::string &key,
                                                  std::string_view former_commune) const {
    std::optional<std::size_t> exact;
    bool exact_twice = false;
    for (std::size_t i = 0; i < voies_.size(); ++i) {
        if (!in_scope(i, former_commune) ||
            (keys_[i].label != key && (keys_[i].libelle.empty() || keys_[i].libelle != key))) {
            continue;
        }
        if (exact && voies_[*exact].code != voies_[i].code) {
            exact_twice = true;
        } else if (!exact) {
            exact = i;
        }
    }
    if (!exact) {
        return std::nullopt;
    }
    return TopoMatch{exact_twice ? TopoMatch::Kind::ambiguous : TopoMatch::Kind::exact, exact, 1.0};
}

double TopoMatcher::fuzzy_score(const std::string &key, const std::string &type,
                                std::size_t i) const {
    double s = name_similarity(key, keys_[i].label);
    std::string topo_type = keys_[i].type;
    if (!keys_[i].libelle.empty()) {
        const double by_libelle = name_similarity(key, keys_[i].libelle);
        if (by_libelle > s) {
            s = by_libelle;
            topo_type = type_of(keys_[i].libelle);
        }
    }
    if (!type.empty() && !topo_type.empty() && type != topo_type) {
        s *= topo_other_type_factor;
    }
    return s;
}

TopoMatch TopoMatcher::fuzzy_match(const std::string &key, std::string_view former_commune) const {
    const std::string type = type_of(key);
    TopoMatch out;
    double second = 0.0;
    for (std::size_t i = 0; i < voies_.size(); ++i) {
        if (!in_scope(i, former_commune)) {
            continue;
        }
        const double s = fuzzy_score(key, type, i);
        if (!out.candidate || s > out.score) {
            if (out.candidate && voies_[*out.candidate].code != voies_[i].code) {
                second = out.score;
            }
            out.candidate = i;
            out.score = s;
        } else if (voies_[*out.candidate].code != voies_[i].code) {
            second = std::max(second, s);
        }
    }
    if (!out.candidate) {
        out.kind = TopoMatch::Kind::none;
    } else if (out.score < topo_fuzzy_threshold) {
        out.kind = TopoMatch::Kind::below_threshold;
    } else if (out.score - second < topo_ambiguity_margin) {
        out.kind = TopoMatch::Kind::ambiguous;
    } else {
        out.kind = TopoMatch::Kind::fuzzy;
    }
    return out;
}

} // namespace adressage::pipeline
