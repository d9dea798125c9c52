#include "name_proposals/name_proposals.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <set>
#include <sstream>
#include <tuple>

#include "adressage/geo/point_line_distance.hpp"
#include "adressage/names/grouping_key.hpp"
#include "core/code_points.hpp"

namespace adressage::pipeline {

namespace {

constexpr double place_reach = 600.0; // metres from the trace
constexpr std::size_t max_proposals = 3;
constexpr std::size_t max_length = 32; // N-05
constexpr double route_length = 800.0; // metres: a longer main road is a Route
constexpr double allee_length = 150.0; // metres: a shorter street is an Allée

bool starts_with_vowel_sound(const std::string &name) {
    static const std::vector<std::string> starts = {
        "A",      "E",      "I",      "O", "U", "Y", "H", "\u00c9", "\u00c8", "\u00ca",
        "\u00c2", "\u00ce", "\u00d4", "a", "e", "i", "o", "u",      "h"};
    return std::any_of(starts.begin(), starts.end(),
                       [&](const std::string &s) { return name.starts_with(s); });
}

double distance_to(const VoieANommer &voie, const std::vector<RoadSegment> &roads, geo::XY p) {
    double best = std::numeric_limits<double>::infinity();
    for (const std::size_t r : voie.roads) {
        if (roads[r].line.size() >= 2) {
            best = std::min(best, geo::point_line_distance(p, roads[r].line));
        }
    }
    return best;
}

NameProposal towards(const VoieANommer &voie, const LeadsTo &to) {
    std::ostringstream reason;
    reason << "mène vers " << to.nom;
    if (to.boundary_m < 1.0) {
        reason << " (atteint la limite communale)";
    } else {
        reason << " (finit à " << std::lround(to.boundary_m) << " m de la limite communale)";
    }
    const std::string type = voie.kind == "track" || voie.kind == "Chemin" ? "Chemin" : "Route";
    return {type + " " + of_name(to.nom), reason.str() + " ; voie de type « " + voie.kind + " »",
            "V-09 N-05"};
}

std::vector<NameProposal> raw_candidates(const VoieANommer &voie,
                                         const std::vector<RoadSegment> &roads,
                                         const std::vector<Toponyme> &places,
                                         const std::optional<LeadsTo> &leads_to) {
    const std::string type = proposed_type(voie, leads_to.has_value());
    const std::string why_type =
        type == "Impasse" ? "voie sans issue" : "voie de type « " + voie.kind + " »";
    std::vector<std::pair<double, std::size_t>> near;
    for (std::size_t t = 0; t < places.size(); ++t) {
        const double d = distance_to(voie, roads, places[t].xy);
        if (d <= place_reach) {
            near.emplace_back(d, t);
        }
    }
    std::sort(near.begin(), near.end());
    std::vector<NameProposal> out;
    for (const auto &[d, t] : near) {
        std::ostringstream reason;
        reason << "passe à " << std::lround(d) << " m du lieu-dit « " << places[t].nom << " » ; "
               << why_type;
        out.push_back({type + " " + of_name(places[t].nom), reason.str(), "L-04 V-09 N-05"});
    }
    if (leads_to) {
        out.push_back(towards(voie, *leads_to));
    }
    std::set<std::string> named_at_ends; // in name order
    for (const std::size_t r : voie.named_roads) {
        named_at_ends.insert(roads[r].name);
    }
    for (const std::string &named : named_at_ends) {
        out.push_back({type + " " + of_voie(named),
                       "part de la voie « " + named + " » ; " + why_type, "V-06 N-01 N-05"});
    }
    return out;
}

} // namespace

std::string of_voie(const std::string &nom) {
    // Voie types that take "la" (the others take "le": du Chemin, du Boulevard).
    static const std::set<std::string> feminine = {
        "Rue",       "Route",     "Avenue",   "All\u00e9e", "Impasse", "Place",    "Mont\u00e9e",
        "Traverse",  "Corniche",  "Ruelle",   "Rampe",      "Voie",    "Descente", "Promenade",
        "Cit\u00e9", "Esplanade", "Terrasse", "Placette",   "Venelle", "Sente",    "Passerelle"};
    if (starts_with_vowel_sound(nom)) {
        return "de l\u2019" + nom;
    }
    const std::string first = nom.substr(0, nom.find(' '));
    return (feminine.contains(first) ? "de la " : "du ") + nom;
}

std::string proposed_type(const VoieANommer &candidate, bool leaves_commune) {
    if (candidate.access_only) {
        return candidate.kind == "path" || candidate.kind == "Sentier" ? "Sentier" : "Passage";
    }
    const int on_roads = candidate.named_ends + candidate.unnamed_ends;
    if (candidate.free_ends >= 1 && on_roads <= 1 && !leaves_commune) {
        return "Impasse";
    }
    const std::string &k = candidate.kind;
    if (k == "track" || k == "Chemin" || k == "Route empierr\u00e9e") {
        return "Chemin";
    }
    if (k == "residential" || k == "living_street" || k == "service") {
        return candidate.length < allee_length ? "All\u00e9e" : "Rue";
    }
    return candidate.length >= route_length ? "Route" : "Chemin";
}

std::string of_name(const std::string &name) {
    if (name.starts_with("Le ")) {
        return "du " + name.substr(3);
    }
    if (name.starts_with("Les ")) {
        return "des " + name.substr(4);
    }
    if (name.starts_with("La ")) {
        return "de la " + name.substr(3);
    }
    if (name.starts_with("L\u2019") || name.starts_with("L'")) {
        return "de l\u2019" + name.substr(name.starts_with("L'") ? 2 : 4);
    }
    if (starts_with_vowel_sound(name)) {
        return "d\u2019" + name;
    }
    return "de " + name;
}

std::string specific_key(const std::string &name, const names::VoieVocabulary &vocabulary) {
    std::istringstream words(names::grouping_key(name));
    std::vector<std::string> kept;
    std::string word;
    bool first = true;
    static const std::set<std::string> articles = {"de", "du", "des", "la", "le", "les",
                                                   "l",  "d",  "a",   "au", "aux"};
    while (words >> word) {
        if (first && vocabulary.is_type_word(word)) {
            first = false;
            continue;
        }
        first = false;
        if (!articles.contains(word)) {
            kept.push_back(word);
        }
    }
    std::string out;
    for (const std::string &w : kept) {
        out += (out.empty() ? "" : " ") + w;
    }
    return out;
}

std::vector<std::vector<NameProposal>>
propose_names(const std::vector<VoieANommer> &candidates, const std::vector<RoadSegment> &roads,
              const std::vector<Toponyme> &places,
              const std::vector<std::optional<LeadsTo>> &leads_to) {
    std::set<std::string> named; // each name once: keys cost an ICU normalisation
    for (const RoadSegment &road : roads) {
        if (!road.name.empty()) {
            named.insert(road.name);
        }
    }
    std::set<std::string> taken_keys;
    std::set<std::string> taken_specific;
    for (const std::string &name : named) {
        taken_keys.insert(names::grouping_key(name));
        taken_specific.insert(specific_key(name));
    }
    std::vector<std::size_t> order(candidates.size());
    std::iota(order.begin(), order.end(), 0);
    // Roads before footways (whose proposals do not change the roads'), longest first.
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const VoieANommer &x = candidates[a];
        const VoieANommer &y = candidates[b];
        return std::make_tuple(x.access_only, -x.length, std::cref(x.id)) <
               std::make_tuple(y.access_only, -y.length, std::cref(y.id));
    });
    std::vector<std::vector<NameProposal>> out(candidates.size());
    for (const std::size_t c : order) {
        for (const NameProposal &raw : raw_candidates(
                 candidates[c], roads, places, leads_to.empty() ? std::nullopt : leads_to[c])) {
            const std::string &nom = raw.nom;
            const std::string key = names::grouping_key(nom);
            const std::string specific = specific_key(nom);
            if (code_points(nom) > max_length || specific.empty() || taken_keys.contains(key) ||
                taken_specific.contains(specific)) {
                continue;
            }
            taken_keys.insert(key);
            taken_specific.insert(specific);
            out[c].push_back(raw);
            if (out[c].size() == max_proposals) {
                break;
            }
        }
    }
    return out;
}

std::vector<std::vector<NameProposal>> commune_proposals(geo::GeosContext &geos,
                                                         const std::vector<VoieANommer> &candidates,
                                                         const CommuneModel &model,
                                                         const std::string &data_dir) {
    return propose_names(
        candidates, model.roads, model.toponymes,
        communes_led_to(geos, candidates, model, data_dir + "/cog-2026/communes-centres.csv"));
}

} // namespace adressage::pipeline
