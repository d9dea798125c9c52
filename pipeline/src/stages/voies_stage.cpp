#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>

#include "adressage/error.hpp"
#include "adressage/geo/geometry_ops.hpp"
#include "adressage/geo/transformer.hpp"
#include "adressage/names/grouping_key.hpp"
#include "core/code_points.hpp"
#include "core/union_find.hpp"
#include "stages/stages.hpp"

namespace adressage::pipeline {

namespace {

// Shortest names the validator accepts (voie_nom.trop_court below 3 characters).
constexpr std::size_t min_name_length = 3;

// A closed part (a roundabout, the outline of a square) has no end: it is made to start at its
// vertex nearest `reference`, so its origin follows the national rule like any voie's.
void open_ring_at(geo::Polyline &ring, geo::XY reference) {
    if (ring.size() < 4 || ring.front() != ring.back()) {
        return;
    }
    std::size_t nearest = 0;
    for (std::size_t i = 1; i + 1 < ring.size(); ++i) {
        if (geo::distance(ring[i], reference) < geo::distance(ring[nearest], reference)) {
            nearest = i;
        }
    }
    ring.pop_back();
    std::rotate(ring.begin(), ring.begin() + static_cast<std::ptrdiff_t>(nearest), ring.end());
    ring.push_back(ring.front());
}

} // namespace

void chain_parts(std::vector<geo::Polyline> parts, geo::XY centre, Voie &voie) {
    for (geo::Polyline &part : parts) {
        open_ring_at(part, centre);
    }
    std::size_t first = 0;
    bool reverse_first = false;
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const double d_start = geo::distance(parts[i].front(), centre);
        const double d_end = geo::distance(parts[i].back(), centre);
        if (d_start < best) {
            best = d_start;
            first = i;
            reverse_first = false;
        }
        if (d_end < best) {
            best = d_end;
            first = i;
            reverse_first = true;
        }
    }
    std::vector<bool> used(parts.size(), false);
    auto append = [&](std::size_t i, bool reversed) {
        if (reversed) {
            std::reverse(parts[i].begin(), parts[i].end());
        }
        used[i] = true;
        voie.part_start.push_back(voie.length);
        voie.length += geo::length(parts[i]);
        voie.parts.push_back(std::move(parts[i]));
    };
    append(first, reverse_first);
    for (std::size_t n = 1; n < parts.size(); ++n) {
        const geo::XY end = voie.parts.back().back();
        std::size_t next = 0;
        bool reversed = false;
        double nearest = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (used[i]) {
                continue;
            }
            const double d_start = geo::distance(parts[i].front(), end);
            const double d_end = geo::distance(parts[i].back(), end);
            if (d_start < nearest) {
                nearest = d_start;
                next = i;
                reversed = false;
            }
            if (d_end < nearest) {
                nearest = d_end;
                next = i;
                reversed = true;
            }
        }
        append(next, reversed);
    }
}

void reverse_voie(Voie &voie) {
    std::reverse(voie.parts.begin(), voie.parts.end());
    voie.part_start.clear();
    voie.length = 0.0;
    for (geo::Polyline &part : voie.parts) {
        std::reverse(part.begin(), part.end());
        voie.part_start.push_back(voie.length);
        voie.length += geo::length(part);
    }
}

void VoiesStage::prepare(RunContext &ctx) {
    if (!ctx.options.voie_options.empty()) {
        ctx.voie_options = VoieOptions::load(ctx.options.voie_options);
    }
    town_hall_.reset();
    if (ctx.options.town_hall) {
        geo::XY xy = *ctx.options.town_hall;
        geo::Transformer("EPSG:4326", geo::legal_crs_for_insee(ctx.options.insee).definition())
            .forward({&xy, 1});
        town_hall_ = xy;
    }
}

void VoiesStage::process_one(Voie &voie, geo::XY reference, bool town_hall,
                             const VoieOption *option, NumberingMode numbering) {
    const OriginChoice choice =
        VoieOrigin::process_one(voie.origin(), voie.end(), reference, town_hall,
                                option != nullptr ? option->origin : std::nullopt);
    if (choice.reverse) {
        reverse_voie(voie);
    }
    voie.origin_rule = choice.rule;
    voie.numbering = numbering;
    voie.numbering_from_voie_options = false;
    if (option != nullptr && option->numbering) {
        voie.numbering = *option->numbering;
        voie.numbering_from_voie_options = true;
    }
}

void VoiesStage::run(CommuneModel &model, RunContext &ctx) {
    Diagnostics &diag = ctx.diagnostics;
    if (town_hall_ && model.boundary &&
        !geo::PreparedArea(ctx.geos, *model.boundary).contains(*town_hall_)) {
        throw InputError("--town-hall " + option_text(ctx.options.town_hall),
                         "the point lies outside the commune's boundary; give the town hall "
                         "of this commune as LON,LAT (longitude first)");
    }
    const geo::XY reference = town_hall_.value_or(model.centre);
    const NumberingMode numbering = ctx.options.numbering;

    // Segments grouped by the key of their cleaned name; std::map keeps the order stable.
    struct Group {
        std::vector<std::size_t> segments;
        std::map<std::string, int> spellings;
    };
    std::map<std::string, Group> groups;
    for (std::size_t i = 0; i < model.roads.size(); ++i) {
        const std::string &name = model.roads[i].name; // display form (names stage)
        if (name.empty()) {
            continue; // unnamed: the voies à nommer's (naming/)
        }
        if (code_points(name) < min_name_length) {
            diag.skip("voies", "name_too_short", "'" + model.roads[i].name + "'");
            continue;
        }
        Group &group = groups[names::grouping_key(name)];
        group.segments.push_back(i);
        ++group.spellings[name];
    }

    for (auto &[key, group] : groups) {
        // The most frequent spelling; on a tie the first in byte order.
        std::string nom;
        int best = 0;
        for (const auto &[spelling, n] : group.spellings) {
            if (n > best) {
                best = n;
                nom = spelling;
            }
        }
        // Segments closer than the homonym distance belong to the same voie.
        const std::size_t n = group.segments.size();
        UnionFind clusters(n);
        for (std::size_t a = 0; a < n; ++a) {
            for (std::size_t b = a + 1; b < n; ++b) {
                if (clusters.find(a) == clusters.find(b)) {
                    continue;
                }
                if (geo::within_distance(ctx.geos, model.roads[group.segments[a]].line,
                                         model.roads[group.segments[b]].line,
                                         ctx.options.homonym_distance)) {
                    clusters.unite(a, b);
                }
            }
        }
        std::map<std::size_t, std::vector<geo::Polyline>> members;
        for (std::size_t a = 0; a < n; ++a) {
            members[clusters.find(a)].push_back(model.roads[group.segments[a]].line);
        }
        if (members.size() > 1) {
            diag.count("voies", "homonym_voies", static_cast<std::int64_t>(members.size()));
        }
        for (auto &[root, lines] : members) {
            Voie voie;
            voie.nom = nom;
            chain_parts(geo::line_merge(ctx.geos, lines), reference, voie);
            process_one(voie, reference, town_hall_.has_value(), ctx.voie_options.find(nom),
                        numbering);
            diag.count("voies", "segments_merged", static_cast<std::int64_t>(lines.size()));
            model.voies.push_back(std::move(voie));
        }
    }

    std::sort(model.voies.begin(), model.voies.end(), [](const Voie &a, const Voie &b) {
        const geo::XY pa = a.parts.front().front();
        const geo::XY pb = b.parts.front().front();
        return std::tie(a.nom, pa.x, pa.y) < std::tie(b.nom, pb.x, pb.y);
    });
    diag.count("voies", "voies", static_cast<std::int64_t>(model.voies.size()));
    for (const Voie &voie : model.voies) {
        diag.count("voies", "origin_" + std::string(origin_rule_name(voie.origin_rule)));
    }
    if (!ctx.voie_options.empty()) {
        // Lines of --voie-options that name no voie: a typo or a voie without roads.
        nlohmann::json unmatched = nlohmann::json::array();
        for (const auto &[key, option] : ctx.voie_options.entries()) {
            const bool used =
                std::any_of(model.voies.begin(), model.voies.end(), [&key = key](const Voie &v) {
                    return names::grouping_key(v.nom) == key;
                });
            if (!used) {
                unmatched.push_back({{"line", option.line}, {"voie_nom", option.nom}});
            }
        }
        ctx.results.report_sections["voie_options"] = {{"file", ctx.voie_options.path()},
                                                       {"lines", ctx.voie_options.size()},
                                                       {"unmatched", unmatched}};
    }
}

} // namespace adressage::pipeline
