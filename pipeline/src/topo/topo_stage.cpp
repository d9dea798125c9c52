#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "topo/topo_match.hpp"
#include "update/update_stage.hpp"

namespace adressage::pipeline {

namespace {

double round3(double x) { return std::round(x * 1000.0) / 1000.0; }

// The voie codes of the cle_interop column of the existing BAL, in lower case.
void add_cle_interop_codes(const formats::BalTable &existing, std::set<std::string> &codes) {
    const auto &header = existing.header;
    const auto column = std::find(header.begin(), header.end(), "cle_interop");
    if (column == header.end()) {
        return;
    }
    const auto c = static_cast<std::size_t>(column - header.begin());
    for (const auto &row : existing.rows) {
        if (c < row.size()) {
            const std::string &cle = row[c];
            const std::size_t first = cle.find('_');
            const std::size_t second = cle.find('_', first + 1);
            if (first != std::string::npos && second != std::string::npos) {
                std::string code = cle.substr(first + 1, second - first - 1);
                for (char &ch : code) {
                    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                }
                codes.insert(std::move(code));
            }
        }
    }
}

// Every voie code of the existing BAL: never replaced, never given to another voie.
std::set<std::string> existing_voie_codes(const RunContext &ctx) {
    std::set<std::string> codes;
    if (ctx.results.update) {
        for (const ExistingAddress &a : ctx.results.update->addresses) {
            if (!a.voie_code.empty()) {
                codes.insert(a.voie_code);
            }
        }
        add_cle_interop_codes(ctx.results.update->existing, codes);
    }
    return codes;
}

// A coded voie or toponyme with its match.
struct TopoItem {
    std::string *code;
    std::string nom;
    const char *kind; // "voie" or "toponyme"
    TopoMatch match;
};

// The coded voies that write rows and the coded toponymes, but those whose code is in the
// existing BAL (the voies counted in `kept_existing`), each matched.
std::vector<TopoItem> match_coded(CommuneModel &model, const TopoMatcher &matcher,
                                  const std::set<std::string> &existing_codes,
                                  std::int64_t &kept_existing) {
    std::vector<TopoItem> items;
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
    return items;
}

struct CodesGiven {
    std::map<std::string, std::string> renamed; // temporary code → TOPO code
    std::vector<std::string> reason;            // per item: why it kept its code, "" if it did not
};

// Gives the items their TOPO codes: exact matches first, then fuzzy ones by decreasing score;
// one voie per code.
CodesGiven give_topo_codes(std::vector<TopoItem> &items, const TopoMatcher &matcher,
                           const CommuneModel &model, const std::set<std::string> &existing_codes) {
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
    CodesGiven given;
    given.reason.resize(items.size());
    for (const std::size_t i : order) {
        const TopoMatch &m = items[i].match;
        if (m.kind != TopoMatch::Kind::exact && m.kind != TopoMatch::Kind::fuzzy) {
            given.reason[i] = topo_match_kind_name(m.kind);
            continue;
        }
        const std::string &code = matcher.voie(*m.candidate).code;
        if ((in_use.contains(code) && code != *items[i].code) || !taken.insert(code).second) {
            given.reason[i] = existing_codes.contains(code) ? "code_in_existing_bal" : "code_taken";
            continue;
        }
        given.renamed[*items[i].code] = code;
        *items[i].code = code;
    }
    return given;
}

// The report's lists: the items given a TOPO code, and those left for review.
struct TopoLists {
    nlohmann::json matches = nlohmann::json::array();
    nlohmann::json review = nlohmann::json::array();
    std::int64_t exact = 0;
    std::int64_t fuzzy = 0;
};

TopoLists topo_lists(const std::vector<TopoItem> &items, const std::vector<std::string> &reason,
                     const TopoMatcher &matcher) {
    TopoLists lists;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const TopoItem &item = items[i];
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
            (m.kind == TopoMatch::Kind::exact ? lists.exact : lists.fuzzy) += 1;
            lists.matches.push_back({{"nom", item.nom},
                                     {"kind", item.kind},
                                     {"code", *item.code},
                                     {"match", topo_match_kind_name(m.kind)},
                                     {"score", round3(m.score)},
                                     {"topo_label", candidate["label"]}});
        } else {
            lists.review.push_back({{"nom", item.nom},
                                    {"kind", item.kind},
                                    {"code", *item.code},
                                    {"reason", reason[i]},
                                    {"best_candidate", candidate},
                                    {"score", round3(m.score)}});
        }
    }
    return lists;
}

// The report sections written before this stage carry the temporary codes.
void rename_in_report(nlohmann::json &report_sections,
                      const std::map<std::string, std::string> &renamed) {
    for (const char *section : {"numbering", "toponymes"}) {
        if (!report_sections.contains(section)) {
            continue;
        }
        for (auto &[list_name, list] : report_sections[section].items()) {
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
}

} // namespace

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
    const std::set<std::string> existing_codes = existing_voie_codes(ctx);
    const std::size_t topo_voies = topo_->voies.size();
    const TopoMatcher matcher(std::move(topo_->voies),
                              ctx.shared_dictionaries != nullptr ? *ctx.shared_dictionaries
                                                                 : *ctx.name_dictionaries,
                              model.insee);
    std::int64_t kept_existing = 0;
    std::vector<TopoItem> items = match_coded(model, matcher, existing_codes, kept_existing);
    const CodesGiven given = give_topo_codes(items, matcher, model, existing_codes);
    const TopoLists lists = topo_lists(items, given.reason, matcher);
    rename_in_report(ctx.results.report_sections, given.renamed);

    Diagnostics &diag = ctx.diagnostics;
    diag.count("topo", "matched_exact", lists.exact);
    diag.count("topo", "matched_fuzzy", lists.fuzzy);
    diag.count("topo", "left_temporary", static_cast<std::int64_t>(lists.review.size()));
    ctx.results.report_sections["topo"] = {{"file", ctx.options.topo},
                                           {"topo_voies", topo_voies},
                                           {"cancelled_skipped", topo_->cancelled},
                                           {"fuzzy_threshold", topo_fuzzy_threshold},
                                           {"ambiguity_margin", topo_ambiguity_margin},
                                           {"other_type_factor", topo_other_type_factor},
                                           {"matched_exact", lists.exact},
                                           {"matched_fuzzy", lists.fuzzy},
                                           {"left_temporary", lists.review.size()},
                                           {"kept_from_existing_bal", kept_existing},
                                           {"matches", lists.matches},
                                           {"review", lists.review}};
}

} // namespace adressage::pipeline
