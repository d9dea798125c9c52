#include "stages/toponymes.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "adressage/formats/bal_format.hpp"
#include "adressage/geo/geometry_ops.hpp"
#include "adressage/names/grouping_key.hpp"
#include "core/code_points.hpp"

namespace adressage::pipeline {

namespace {

std::vector<geo::MultiPolygon> areas_of(const std::vector<Toponyme> &toponymes,
                                        std::vector<std::size_t> &which) {
    std::vector<geo::MultiPolygon> areas;
    for (std::size_t i = 0; i < toponymes.size(); ++i) {
        if (!toponymes[i].area.empty()) {
            which.push_back(i);
            areas.push_back(toponymes[i].area);
        }
    }
    return areas;
}

} // namespace

LieuditFinder::LieuditFinder(geo::GeosContext &geos, const std::vector<Toponyme> &toponymes,
                             double radius)
    : toponymes_(toponymes), radius_(radius) {
    const std::vector<geo::MultiPolygon> areas = areas_of(toponymes, areas_);
    if (!areas.empty()) {
        index_ = std::make_unique<geo::PolygonIndex>(geos, areas);
    }
}

std::optional<std::size_t> LieuditFinder::find(geo::XY p) const {
    if (index_) {
        const std::vector<std::size_t> covering = index_->containing(p);
        if (!covering.empty()) {
            return areas_[covering.front()];
        }
    }
    std::optional<std::size_t> best;
    double nearest = radius_;
    for (std::size_t i = 0; i < toponymes_.size(); ++i) {
        if (!toponymes_[i].area.empty()) {
            continue;
        }
        const double d = geo::distance(p, toponymes_[i].xy);
        if (d <= nearest && (!best || d < nearest)) {
            nearest = d;
            best = i;
        }
    }
    return best;
}

void ToponymesStage::run(CommuneModel &model, RunContext &ctx) {
    Diagnostics &diag = ctx.diagnostics;
    if (model.toponymes.empty()) {
        return;
    }
    std::set<std::string> voie_keys;
    for (const Voie &voie : model.voies) {
        voie_keys.insert(names::grouping_key(voie.nom));
    }
    std::sort(model.toponymes.begin(), model.toponymes.end(),
              [](const Toponyme &a, const Toponyme &b) {
                  return std::tie(a.nom, a.xy.x, a.xy.y) < std::tie(b.nom, b.xy.x, b.xy.y);
              });
    std::optional<geo::PreparedArea> inside;
    if (model.boundary) {
        inside.emplace(ctx.geos, *model.boundary);
    }
    std::vector<Toponyme> kept;
    std::set<std::string> seen;
    for (Toponyme &toponyme : model.toponymes) {
        const std::string key = names::grouping_key(toponyme.nom);
        if (inside && !inside->contains(toponyme.xy)) {
            diag.skip("toponymes", "outside_commune", toponyme.nom);
        } else if (code_points(toponyme.nom) < 3) {
            diag.skip("toponymes", "name_too_short", toponyme.nom);
        } else if (voie_keys.contains(key)) {
            diag.skip("toponymes", "named_like_a_voie", toponyme.nom);
        } else if (!seen.insert(key).second) {
            diag.skip("toponymes", "same_name_as_another", toponyme.nom);
        } else {
            kept.push_back(std::move(toponyme));
        }
    }
    model.toponymes = std::move(kept);

    // Codes after the numbered voies' (x001...).
    int next_code =
        1 + static_cast<int>(std::count_if(model.voies.begin(), model.voies.end(),
                                           [](const Voie &v) { return !v.code.empty(); }));
    for (Toponyme &toponyme : model.toponymes) {
        toponyme.code = formats::temporary_voie_code(next_code++);
    }

    const LieuditFinder finder(ctx.geos, model.toponymes, ctx.options.place_radius);
    std::vector<std::int64_t> addresses(model.toponymes.size(), 0);
    model.lieudits.clear();
    for (const Numero &numero : model.numeros) {
        model.lieudits.push_back(finder.find(model.buildings[numero.building].anchor));
        if (model.lieudits.back()) {
            ++addresses[*model.lieudits.back()];
        }
    }
    nlohmann::json list = nlohmann::json::array();
    std::int64_t with_lieudit = 0;
    for (std::size_t i = 0; i < model.toponymes.size(); ++i) {
        const Toponyme &t = model.toponymes[i];
        list.push_back({{"nom", t.nom},
                        {"code", t.code},
                        {"kind", t.area.empty() ? "point" : "area"},
                        {"addresses", addresses[i]}});
        with_lieudit += addresses[i];
    }
    diag.count("toponymes", "toponymes", static_cast<std::int64_t>(model.toponymes.size()));
    diag.count("toponymes", "addresses_with_lieudit", with_lieudit);
    ctx.results.report_sections["toponymes"] = {{"place_radius_m", ctx.options.place_radius},
                                                {"toponymes", list}};
}

} // namespace adressage::pipeline
