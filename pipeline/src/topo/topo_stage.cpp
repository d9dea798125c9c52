#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "adressage/formats/bal_format.hpp"
#include "adressage/names/grouping_key.hpp"
#include "topo/topo_match.hpp"
#include "update/update_stage.hpp"

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

double round3(double x) { return std::round(x * 1000.0) / 1000.0; }

} // namespace

double name_similarity(std::string_view key_a, std::string_view key_b) {
    const auto a = words(key_a);
    const auto b = words(key_b);
    const auto [wa, ta] = one_way(a, b);
    const auto [wb, tb] = one_way(b, a);
    return ta + tb > 0.0 ? (wa + wb) / (ta + tb) : 0.0;
}

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

TopoMatch TopoMatcher::match(std::string_view nom, std::string_view former_commune) const {
    const std::string key = names::grouping_key(nom);
    auto in_scope = [&](const formats::TopoVoie &v) {
        if (former_commune.empty()) {
            return true;
        }
        return v.former_commune == former_commune ||
               (v.former_commune.empty() && former_commune == insee_);
    };
    // 1. Exact, on the label or the libellé alone.
    std::optional<std::size_t> exact;
    bool exact_twice = false;
    for (std::size_t i = 0; i < voies_.size(); ++i) {
        if (!in_scope(voies_[i]) ||
            (keys_[i].label != key && (keys_[i].libelle.empty() || keys_[i].libelle != key))) {
            continue;
        }
        if (exact && voies_[*exact].code != voies_[i].code) {
            exact_twice = true;
        } else if (!exact) {
            exact = i;
        }
    }
    if (exact) {
        return {exact_twice ? TopoMatch::Kind::ambiguous : TopoMatch::Kind::exact, exact, 1.0};
    }
    // 2. Fuzzy: the best score and the runner-up of another code.
    const std::string type = type_of(key);
    TopoMatch out;
    double second = 0.0;
    for (std::size_t i = 0; i < voies_.size(); ++i) {
        if (!in_scope(voies_[i])) {
            continue;
        }
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

void TopoStage::prepare(RunContext &ctx) {
    if (ctx.options.topo.empty()) {
        return;
    }
    std::vector<std::string> former;
    if (const formats::CogEntry *entry = ctx.cog().find_current(ctx.options.insee)) {
        former = entry->anciens_codes;
    }
    topo_ = formats::read_topo(ctx.options.topo, ctx.options.insee, former);
}

void TopoStage::run(CommuneModel &model, RunContext &ctx) {
    if (!topo_) {
        return;
    }
    Diagnostics &diag = ctx.diagnostics;
    // Every voie code of the existing BAL: never replaced, never given to another voie.
    std::set<std::string> existing_codes;
    if (ctx.update) {
        for (const ExistingAddress &a : ctx.update->addresses) {
            if (!a.voie_code.empty()) {
                existing_codes.insert(a.voie_code);
            }
        }
        const auto &header = ctx.update->existing.header;
        const auto column = std::find(header.begin(), header.end(), "cle_interop");
        if (column != header.end()) {
            const auto c = static_cast<std::size_t>(column - header.begin());
            for (const auto &row : ctx.update->existing.rows) {
                if (c < row.size()) {
                    const std::string &cle = row[c];
                    const std::size_t first = cle.find('_');
                    const std::size_t second = cle.find('_', first + 1);
                    if (first != std::string::npos && second != std::string::npos) {
                        std::string code = cle.substr(first + 1, second - first - 1);
                        for (char &ch : code) {
                            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                        }
                        existing_codes.insert(std::move(code));
                    }
                }
            }
        }
    }

    const std::size_t topo_voies = topo_->voies.size();
    const TopoMatcher matcher(std::move(topo_->voies),
                              ctx.shared_dictionaries != nullptr ? *ctx.shared_dictionaries
                                                                 : *ctx.name_dictionaries,
                              model.insee);

    // The coded voies and toponymes, each with its match.
    struct Item {
        std::string *code;
        std::string nom;
        const char *kind; // "voie" or "toponyme"
        TopoMatch match;
    };
    std::vector<Item> items;
    std::int64_t kept_existing = 0;
    // After an update, a voie whose addresses are all kept writes no row under its own code.
    std::vector<bool> writes(model.voies.size(), false);
    for (const Numero &n : model.numeros) {
        writes[n.voie] = true;
    }
    for (VoieIdx v = 0; v < model.voies.size(); ++v) {
        Voie &voie = model.voies[v];
        if (voie.code.empty() || !writes[v]) {
            continue;
        }
        if (existing_codes.contains(voie.code)) {
            ++kept_existing;
            continue;
        }
        items.push_back(
            {&voie.code, voie.nom, "voie", matcher.match(voie.nom, voie.commune_deleguee_insee)});
    }
    for (Toponyme &toponyme : model.toponymes) {
        if (toponyme.code.empty() || existing_codes.contains(toponyme.code)) {
            continue;
        }
        items.push_back({&toponyme.code, toponyme.nom, "toponyme", matcher.match(toponyme.nom)});
    }

    // Exact matches first, then fuzzy ones by decreasing score; one voie per code.
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return items[a].match.score > items[b].match.score;
    });
    // Codes already written by this run (temporary x... codes) count as taken too, but for the
    // item's own code.
    std::set<std::string> taken = existing_codes;
    std::set<std::string> in_use;
    for (const Voie &voie : model.voies) {
        in_use.insert(voie.code);
    }
    for (const Toponyme &toponyme : model.toponymes) {
        in_use.insert(toponyme.code);
    }
    std::map<std::string, std::string> renamed; // temporary code → TOPO code
    std::vector<std::string> reason(items.size());
    for (const std::size_t i : order) {
        const TopoMatch &m = items[i].match;
        if (m.kind != TopoMatch::Kind::exact && m.kind != TopoMatch::Kind::fuzzy) {
            reason[i] = topo_match_kind_name(m.kind);
            continue;
        }
        const std::string &code = matcher.voie(*m.candidate).code;
        if ((in_use.contains(code) && code != *items[i].code) || !taken.insert(code).second) {
            reason[i] = existing_codes.contains(code) ? "code_in_existing_bal" : "code_taken";
            continue;
        }
        renamed[*items[i].code] = code;
        *items[i].code = code;
    }

    nlohmann::json matches = nlohmann::json::array();
    nlohmann::json review = nlohmann::json::array();
    std::int64_t exact = 0;
    std::int64_t fuzzy = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item &item = items[i];
        const TopoMatch &m = item.match;
        nlohmann::json candidate = nullptr;
        if (m.candidate) {
            const formats::TopoVoie &t = matcher.voie(*m.candidate);
            candidate = {{"code", t.code}, {"label", t.label}};
            if (!t.former_commune.empty()) {
                candidate["former_commune"] = t.former_commune;
            }
        }
        if (reason[i].empty()) {
            (m.kind == TopoMatch::Kind::exact ? exact : fuzzy) += 1;
            matches.push_back({{"nom", item.nom},
                               {"kind", item.kind},
                               {"code", *item.code},
                               {"match", topo_match_kind_name(m.kind)},
                               {"score", round3(m.score)},
                               {"topo_label", candidate["label"]}});
        } else {
            review.push_back({{"nom", item.nom},
                              {"kind", item.kind},
                              {"code", *item.code},
                              {"reason", reason[i]},
                              {"best_candidate", candidate},
                              {"score", round3(m.score)}});
        }
    }
    // The report sections written before this stage carry the temporary codes.
    for (const char *section : {"numbering", "toponymes"}) {
        if (!ctx.report_sections.contains(section)) {
            continue;
        }
        for (auto &[list_name, list] : ctx.report_sections[section].items()) {
            if (!list.is_array()) {
                continue;
            }
            for (auto &entry : list) {
                if (entry.is_object() && entry.contains("code") && entry["code"].is_string()) {
                    const auto it = renamed.find(entry["code"].get<std::string>());
                    if (it != renamed.end()) {
                        entry["code"] = it->second;
                    }
                }
            }
        }
    }
    diag.count("topo", "matched_exact", exact);
    diag.count("topo", "matched_fuzzy", fuzzy);
    diag.count("topo", "left_temporary", static_cast<std::int64_t>(review.size()));
    ctx.report_sections["topo"] = {{"file", ctx.options.topo},
                                   {"topo_voies", topo_voies},
                                   {"cancelled_skipped", topo_->cancelled},
                                   {"fuzzy_threshold", topo_fuzzy_threshold},
                                   {"ambiguity_margin", topo_ambiguity_margin},
                                   {"other_type_factor", topo_other_type_factor},
                                   {"matched_exact", exact},
                                   {"matched_fuzzy", fuzzy},
                                   {"left_temporary", review.size()},
                                   {"kept_from_existing_bal", kept_existing},
                                   {"matches", matches},
                                   {"review", review}};
}

} // namespace adressage::pipeline
