#include "checks/geometric_checks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <tuple>

#include "adressage/geo/geometry_ops.hpp"
#include "adressage/geo/linear_ref.hpp"
#include "adressage/geo/nearest_line_index.hpp"
#include "adressage/names/grouping_key.hpp"

namespace adressage::pipeline {

namespace {

struct CheckInfo {
    std::string_view code;
    std::string_view label;
    char level = 'W';
};

// In the order of GeometricCheck.
constexpr std::array<CheckInfo, geometric_check_count> infos = {{
    {"adressage.numero.cote_parite",
     "Numéro impair à droite de la voie ou pair à gauche (impairs à gauche, pairs à droite)"},
    {"adressage.numero.ordre",
     "Numéro plus petit que le précédent du même côté, dans le sens de la voie"},
    {"adressage.position.autre_voie",
     "La position est plus proche d’une autre voie que de la sienne"},
    {"adressage.position.autre_voie_parcelle",
     "La position est plus proche d’une autre voie que de la sienne, sur laquelle donne la "
     "parcelle du bâtiment",
     'I'},
    {"adressage.position.hors_commune", "La position est hors du contour de la commune"},
    {"adressage.position.trop_proche", "Deux adresses à moins d’un mètre l’une de l’autre"},
    {"adressage.voie.trace_croise", "Le tracé de la voie se croise lui-même"},
    {"adressage.voie.homonyme_proche", "Deux voies de même nom à moins de 500 m l’une de l’autre"},
}};

std::string address_of(const CommuneModel &model, NumeroIdx n) {
    const Numero &numero = model.numeros[n];
    return model.voies[numero.voie].nom + " " + std::to_string(numero.numero);
}

} // namespace

std::vector<geo::LineMeasures> measure_parts(const Voie &voie) {
    std::vector<geo::LineMeasures> measures;
    measures.reserve(voie.parts.size());
    for (const geo::Polyline &part : voie.parts) {
        measures.push_back(geo::measure(part));
    }
    return measures;
}

VoieLocation locate_on(const Voie &voie, const std::vector<geo::LineMeasures> &measures,
                       geo::XY p) {
    VoieLocation best;
    best.offset = std::numeric_limits<double>::infinity();
    // The nearest point is no farther than any vertex: a part farther than the nearest first
    // or last vertex, or than the best part so far, is not measured to the end (it cannot win;
    // the part that wins is measured in full).
    double reach = std::numeric_limits<double>::infinity();
    for (const geo::Polyline &part : voie.parts) {
        if (!part.empty()) {
            reach =
                std::min({reach, geo::distance(p, part.front()), geo::distance(p, part.back())});
        }
    }
    for (std::size_t i = 0; i < voie.parts.size(); ++i) {
        const geo::LinePosition at =
            geo::locate(voie.parts[i], measures[i], p, std::min(reach, best.offset));
        if (at.offset < best.offset) {
            best = {voie.part_start[i] + at.along, at.offset, at.side};
        }
    }
    return best;
}

std::string_view geometric_check_code(GeometricCheck check) {
    return infos[static_cast<std::size_t>(check)].code;
}

std::string_view geometric_check_label(GeometricCheck check) {
    return infos[static_cast<std::size_t>(check)].label;
}

char geometric_check_level(GeometricCheck check) {
    return infos[static_cast<std::size_t>(check)].level;
}

bool wrong_parity_side(int numero, geo::Side side) {
    const bool odd = numero % 2 != 0;
    return (odd && side == geo::Side::right) || (!odd && side == geo::Side::left);
}

std::vector<std::size_t> out_of_order(const std::vector<double> &along,
                                      const std::vector<int> &numeros) {
    std::vector<std::size_t> out;
    // The largest number among the points strictly before the current distance.
    std::optional<int> before;
    std::optional<int> at_current; // the largest at the current distance
    double current = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < along.size(); ++i) {
        if (along[i] > current) {
            if (at_current) {
                before = before ? std::max(*before, *at_current) : *at_current;
            }
            at_current.reset();
            current = along[i];
        }
        if (before && numeros[i] < *before) {
            out.push_back(i);
        }
        at_current = at_current ? std::max(*at_current, numeros[i]) : numeros[i];
    }
    return out;
}

std::vector<geo::XY> trace_crossings(const Voie &voie) { return geo::crossings(voie.parts); }

std::vector<GeometricAlert> check_commune(geo::GeosContext &geos, const CommuneModel &model,
                                          const GeometricCheckOptions &options) {
    std::vector<GeometricAlert> alerts;
    auto alert = [&](GeometricCheck check, const Numero *numero, geo::XY xy, double metres,
                     std::string other, const std::string &voie_nom) {
        alerts.push_back({check, voie_nom, numero != nullptr ? numero->numero : 0, xy,
                          std::round(metres * 100.0) / 100.0, std::move(other)});
    };

    // Every position located on its own voie once.
    std::vector<std::vector<geo::LineMeasures>> measures;
    measures.reserve(model.voies.size());
    for (const Voie &voie : model.voies) {
        measures.push_back(measure_parts(voie));
    }
    // A position at its building's anchor, on the voie of one part the building was assigned
    // to, was located there by the assignment: the same geo::locate on the same part (its reach
    // only spares segments that cannot hold the foot).
    // (A hand-made model may assign buildings it does not hold.)
    std::size_t assigned_buildings = model.buildings.size();
    for (const Assignment &a : model.assignments) {
        assigned_buildings = std::max(assigned_buildings, a.building + 1);
    }
    std::vector<const Assignment *> assignment_of(assigned_buildings, nullptr);
    for (const Assignment &a : model.assignments) {
        assignment_of[a.building] = &a;
    }
    auto assignment = [&](BuildingIdx b) {
        return b < assignment_of.size() ? assignment_of[b] : nullptr;
    };
    std::vector<VoieLocation> located(model.positions.size());
    for (std::size_t i = 0; i < model.positions.size(); ++i) {
        const Position &p = model.positions[i];
        const Numero &numero = model.numeros[p.numero];
        const VoieIdx v = numero.voie;
        const Assignment *a = assignment(numero.building);
        if (a != nullptr && a->voie == v && model.voies[v].parts.size() == 1 &&
            numero.building < model.buildings.size() &&
            p.xy == model.buildings[numero.building].anchor) {
            located[i] = {a->along, a->offset, a->side};
            continue;
        }
        located[i] = locate_on(model.voies[v], measures[v], p.xy);
    }

    // Parity and side.
    for (std::size_t i = 0; i < model.positions.size(); ++i) {
        const Position &p = model.positions[i];
        const Numero &numero = model.numeros[p.numero];
        // A position on the axis (segment: the projection itself, left or right of it by
        // rounding) says nothing about the side.
        if (located[i].offset > options.on_voie_tolerance &&
            wrong_parity_side(numero.numero, located[i].side)) {
            alert(GeometricCheck::cote_parite, &numero, p.xy, 0.0,
                  located[i].side == geo::Side::left ? "gauche" : "droite",
                  model.voies[numero.voie].nom);
        }
    }

    // Order along each side of each voie, per position type.
    {
        std::map<std::tuple<VoieIdx, int, int>, std::vector<std::size_t>> sides;
        for (std::size_t i = 0; i < model.positions.size(); ++i) {
            const Position &p = model.positions[i];
            const Numero &numero = model.numeros[p.numero];
            sides[{numero.voie, numero.numero % 2, static_cast<int>(p.type)}].push_back(i);
        }
        for (auto &[key, members] : sides) {
            std::stable_sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
                return located[a].along < located[b].along;
            });
            std::vector<double> along;
            std::vector<int> numeros;
            for (std::size_t i : members) {
                along.push_back(located[i].along);
                numeros.push_back(model.numeros[model.positions[i].numero].numero);
            }
            for (std::size_t k : out_of_order(along, numeros)) {
                const Position &p = model.positions[members[k]];
                // The largest number met before it (the one it should follow).
                int before = numeros[0];
                for (std::size_t j = 0; j < k && along[j] < along[k]; ++j) {
                    before = std::max(before, numeros[j]);
                }
                const Numero &numero = model.numeros[p.numero];
                alert(GeometricCheck::ordre, &numero, p.xy, 0.0,
                      "numero " + std::to_string(before) + " avant", model.voies[numero.voie].nom);
            }
        }
    }

    // Nearer to another voie.
    {
        std::vector<geo::Polyline> lines;
        std::vector<std::uint32_t> owner;
        for (VoieIdx v = 0; v < model.voies.size(); ++v) {
            for (const geo::Polyline &part : model.voies[v].parts) {
                lines.push_back(part);
                owner.push_back(static_cast<std::uint32_t>(v));
            }
        }
        if (!lines.empty()) {
            const geo::NearestLineIndex index(geos, std::move(lines));
            for (std::size_t i = 0; i < model.positions.size(); ++i) {
                const Position &p = model.positions[i];
                const Numero &numero = model.numeros[p.numero];
                const double own = located[i].offset;
                // The nearest other voie only.
                const auto hit = index.nearest_outside(p.xy, own, owner,
                                                       static_cast<std::uint32_t>(numero.voie));
                if (hit && hit->distance < own - options.nearer_tolerance) {
                    // Numbered on the voie its parcel fronts: for information.
                    const Assignment *a = assignment(numero.building);
                    alert(a != nullptr && a->by_parcel ? GeometricCheck::autre_voie_parcelle
                                                       : GeometricCheck::autre_voie,
                          &numero, p.xy, own - hit->distance, model.voies[owner[hit->index]].nom,
                          model.voies[numero.voie].nom);
                }
            }
        }
    }

    // Outside the commune.
    if (model.boundary) {
        const geo::PreparedArea area(geos, *model.boundary);
        for (const Position &p : model.positions) {
            if (!area.contains(p.xy)) {
                const Numero &numero = model.numeros[p.numero];
                alert(GeometricCheck::hors_commune, &numero, p.xy, 0.0, "",
                      model.voies[numero.voie].nom);
            }
        }
    }

    // Two addresses closer than min_spacing: a sweep along x finds every pair less than
    // min_spacing apart in x (any closer pair is one); alerts in position order, as pairs (i, j)
    // with i < j.
    {
        const std::vector<Position> &positions = model.positions;
        std::vector<std::size_t> by_x(positions.size());
        std::iota(by_x.begin(), by_x.end(), std::size_t{0});
        std::sort(by_x.begin(), by_x.end(), [&](std::size_t a, std::size_t b) {
            return positions[a].xy.x != positions[b].xy.x ? positions[a].xy.x < positions[b].xy.x
                                                          : a < b;
        });
        std::vector<std::pair<std::size_t, std::size_t>> close;
        for (std::size_t s = 0; s < by_x.size(); ++s) {
            for (std::size_t t = s + 1;
                 t < by_x.size() &&
                 positions[by_x[t]].xy.x - positions[by_x[s]].xy.x < options.min_spacing;
                 ++t) {
                const std::size_t i = std::min(by_x[s], by_x[t]);
                const std::size_t j = std::max(by_x[s], by_x[t]);
                const Position &p = positions[i];
                const Position &q = positions[j];
                const Numero &a = model.numeros[p.numero];
                const Numero &b = model.numeros[q.numero];
                // Segment positions are projections on the axis: facing houses, and houses
                // one behind the other, share theirs by construction.
                if (q.type != p.type || p.type == formats::PositionType::segment ||
                    (a.voie == b.voie && a.numero == b.numero)) {
                    continue;
                }
                if (geo::distance(p.xy, q.xy) < options.min_spacing) {
                    close.emplace_back(i, j);
                }
            }
        }
        std::sort(close.begin(), close.end());
        for (const auto &[i, j] : close) {
            const Position &p = positions[i];
            const Numero &a = model.numeros[p.numero];
            alert(GeometricCheck::trop_proche, &a, p.xy, geo::distance(p.xy, positions[j].xy),
                  address_of(model, positions[j].numero), model.voies[a.voie].nom);
        }
    }

    // Voie traces crossing themselves; voies of the same name close together. Only the voies
    // written (with a code) are the BAL's.
    for (const Voie &voie : model.voies) {
        if (voie.code.empty()) {
            continue;
        }
        for (const geo::XY &at : trace_crossings(voie)) {
            alert(GeometricCheck::trace_croise, nullptr, at, 0.0, "", voie.nom);
        }
    }
    {
        // The same name in two communes déléguées is two voies by design (one per former
        // commune, each with its code), however close.
        std::map<std::pair<std::string, std::string>, std::vector<VoieIdx>> by_name;
        for (VoieIdx v = 0; v < model.voies.size(); ++v) {
            const Voie &voie = model.voies[v];
            if (!voie.code.empty()) {
                by_name[{voie.commune_deleguee_insee, names::grouping_key(voie.nom)}].push_back(v);
            }
        }
        for (const auto &[name, voies] : by_name) {
            std::vector<geo::Box> boxes(voies.size());
            for (std::size_t a = 0; a < voies.size(); ++a) {
                for (const geo::Polyline &part : model.voies[voies[a]].parts) {
                    boxes[a].extend(geo::box_of(part));
                }
            }
            for (std::size_t a = 0; a < voies.size(); ++a) {
                for (std::size_t b = a + 1; b < voies.size(); ++b) {
                    // No nearer than their boxes: voies whose boxes are farther apart are not
                    // measured.
                    if (boxes[a].farther_than(boxes[b], options.homonym_distance)) {
                        continue;
                    }
                    double d = std::numeric_limits<double>::infinity();
                    for (const geo::Polyline &pa : model.voies[voies[a]].parts) {
                        for (const geo::Polyline &pb : model.voies[voies[b]].parts) {
                            d = std::min(d, geo::distance(geos, pa, pb));
                        }
                    }
                    if (d < options.homonym_distance) {
                        const Voie &va = model.voies[voies[a]];
                        alert(GeometricCheck::homonyme_proche, nullptr, va.origin(), d,
                              model.voies[voies[b]].nom + " (" + model.voies[voies[b]].code + ")",
                              va.nom);
                    }
                }
            }
        }
    }

    std::stable_sort(alerts.begin(), alerts.end(),
                     [](const GeometricAlert &a, const GeometricAlert &b) {
                         return static_cast<int>(a.check) < static_cast<int>(b.check);
                     });
    return alerts;
}

void GeometricChecksStage::run(CommuneModel &model, RunContext &ctx) {
    GeometricCheckOptions options;
    options.homonym_distance = 500.0;
    const std::vector<GeometricAlert> alerts = check_commune(ctx.geos, model, options);
    constexpr std::size_t max_examples = 5;
    nlohmann::json codes = nlohmann::json::object();
    std::array<std::size_t, geometric_check_count> counts{};
    for (std::size_t c = 0; c < geometric_check_count; ++c) {
        const auto check = static_cast<GeometricCheck>(c);
        codes[std::string(geometric_check_code(check))] = {
            {"level", std::string(1, geometric_check_level(check))},
            {"label", std::string(geometric_check_label(check))},
            {"count", 0},
            {"examples", nlohmann::json::array()}};
    }
    std::size_t warnings = 0;
    for (const GeometricAlert &a : alerts) {
        const auto c = static_cast<std::size_t>(a.check);
        warnings += geometric_check_level(a.check) == 'W' ? 1 : 0;
        nlohmann::json &entry = codes[std::string(geometric_check_code(a.check))];
        entry["count"] = ++counts[c];
        if (entry["examples"].size() < max_examples) {
            nlohmann::json example = {
                {"voie_nom", a.voie_nom},
                {"xy", {std::round(a.xy.x * 100.0) / 100.0, std::round(a.xy.y * 100.0) / 100.0}}};
            if (a.numero != 0) {
                example["numero"] = a.numero;
            }
            if (a.metres != 0.0) {
                example["metres"] = a.metres;
            }
            if (!a.other.empty()) {
                example["other"] = a.other;
            }
            entry["examples"].push_back(std::move(example));
        }
    }
    ctx.diagnostics.count("checks", "geometric_alerts", static_cast<std::int64_t>(alerts.size()));
    ctx.report_sections["geometric_checks"] = {
        {"positions", model.positions.size()},
        {"alert_counts", {{"W", warnings}, {"I", alerts.size() - warnings}}},
        {"codes", codes}};
}

} // namespace adressage::pipeline
