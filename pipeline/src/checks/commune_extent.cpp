#include "checks/commune_extent.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "adressage/error.hpp"
#include "adressage/geo/thread_transformer.hpp"

namespace adressage::pipeline {

namespace {

double area(const geo::Box &b) { return (b.max_x - b.min_x) * (b.max_y - b.min_y); }

double shared_area(const geo::Box &a, const geo::Box &b) {
    const double w = std::min(a.max_x, b.max_x) - std::max(a.min_x, b.min_x);
    const double h = std::min(a.max_y, b.max_y) - std::max(a.min_y, b.min_y);
    return w <= 0.0 || h <= 0.0 ? 0.0 : w * h;
}

geo::XY middle(const geo::Box &b) { return {(b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2}; }

// The share of `data`'s area inside `area`; for a box without area, whether its middle is.
double share_inside(const geo::Box &data, const geo::Box &within) {
    if (area(data) <= 0.0) {
        const geo::XY m = middle(data);
        return m.x >= within.min_x && m.x <= within.max_x && m.y >= within.min_y &&
                       m.y <= within.max_y
                   ? 1.0
                   : 0.0;
    }
    return shared_area(data, within) / area(data);
}

std::string percent(double share) { return std::to_string(std::lround(share * 100)) + " %"; }

// The data's box in lon/lat: the boundary's outer rings, else the buildings' anchors.
std::optional<DataExtent> data_extent(const CommuneModel &model) {
    geo::Box box;
    if (model.boundary) {
        box = geo::outer_box(*model.boundary);
    } else {
        for (const Building &b : model.buildings) {
            box.extend(b.anchor);
        }
    }
    if (box.empty()) {
        return std::nullopt;
    }
    std::array<geo::XY, 4> corners = {geo::XY{box.min_x, box.min_y}, geo::XY{box.max_x, box.min_y},
                                      geo::XY{box.max_x, box.max_y}, geo::XY{box.min_x, box.max_y}};
    geo::thread_transformer(model.crs.definition(), "EPSG:4326").forward(corners);
    DataExtent extent{{}, model.boundary.has_value()};
    for (const geo::XY &c : corners) {
        extent.lonlat.extend(c);
    }
    return extent;
}

// "; it fits 06032 Cap-d'Ail" when, of the communes whose box holds the data's middle, another
// than `official` has the box most like the data's; "" otherwise.
std::string better_fit(const formats::CommuneCentres &centres, const geo::Box &data,
                       const formats::CommuneCentre &official) {
    const formats::CommuneCentre *best = &official;
    double best_iou = box_iou(data, official.box);
    for (const formats::CommuneCentre *c : centres.holding(middle(data), official.code)) {
        const double iou = box_iou(data, c->box);
        if (iou > best_iou) {
            best = c;
            best_iou = iou;
        }
    }
    return best == &official ? "" : "; it fits " + best->code + " " + best->nom;
}

} // namespace

double box_iou(const geo::Box &a, const geo::Box &b) {
    const double shared = shared_area(a, b);
    const double together = area(a) + area(b) - shared;
    return together <= 0.0 ? 0.0 : shared / together;
}

std::optional<std::string> extent_mismatch(const DataExtent &data,
                                           const formats::CommuneCentre &official) {
    if (data.from_boundary) {
        const double iou = box_iou(data.lonlat, official.box);
        if (iou < min_box_iou) {
            return "the boundary's box and " + official.nom + "'s share " + percent(iou) +
                   " of their extent, " + percent(min_box_iou) + " at least";
        }
        return std::nullopt;
    }
    const geo::Box widened{official.box.min_x - margin_degrees, official.box.min_y - margin_degrees,
                           official.box.max_x + margin_degrees,
                           official.box.max_y + margin_degrees};
    const double share = share_inside(data.lonlat, widened);
    if (share < min_share_inside) {
        return percent(share) + " of the buildings' box lies in " + official.nom + "'s, " +
               percent(min_share_inside) + " at least";
    }
    return std::nullopt;
}

void check_commune_extent(const CommuneModel &model, RunContext &ctx) {
    if (ctx.options.no_commune_check) {
        ctx.diagnostics.count("clip", "commune_check_off");
        return;
    }
    const std::optional<DataExtent> data = data_extent(model);
    if (!data) {
        return;
    }
    // The runner has set data_dir (ADRESSAGE_DATA, the installed data or the checkout's).
    const auto &centres =
        formats::CommuneCentres::shared(ctx.options.data_dir + "/cog-2026/communes-centres.csv");
    const formats::CommuneCentre *official = centres.find(ctx.options.insee);
    if (official == nullptr) {
        ctx.diagnostics.count("clip", "commune_check_no_official_extent");
        return;
    }
    if (const auto why = extent_mismatch(*data, *official)) {
        throw InputError("--commune " + official->code + " (" + official->nom + ")",
                         "the data is not in this commune (" + *why +
                             better_fit(centres, data->lonlat, *official) +
                             "); check --commune and the sources, or give --no-commune-check "
                             "when the data is known to differ");
    }
    ctx.diagnostics.count("clip", "commune_check_passed");
}

} // namespace adressage::pipeline
