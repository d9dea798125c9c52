#pragma once
// The right commune (issue 24): before anything is numbered, the data must lie where the commune
// it was told is. A wrong --commune (06088 Nice on Cap-d'Ail's roads and boundary) otherwise
// writes a BAL that validates, with the wrong code on every row, and nothing catches it.
//
// Rule, against the BAN's box of the commune (communes-centres.csv, three decimals: about 100 m):
//  - with a boundary: its box and the official box overlap by at least `min_box_iou` (the area
//    they share over the area they cover together);
//  - without one, the data's box is the buildings' (a source may hold more or less than the
//    commune): at least half of it lies in the official box widened by `margin_degrees` on every
//    side (about 1 km); a box without area (one building) must have its middle in it.
// Measured with the 2018 contours of the 2,902 communes of nine départements (../shared) as
// boundaries: at an overlap of 0.4, 3 communes (0.1 %) are refused on their own contour (all
// reshaped since 2018: their 2026 box is another), and of the 15,852 pairs of neighbouring
// communes, 92 (0.6 %) pass as each other; 0.5 refuses 7 and passes 12, 0.3 refuses 1 and
// passes 413. (The official centre within 300 m of the boundary, tried first, refused 18 and
// passed 199.) Coarse on purpose: it catches another commune's data or code, not a boundary off
// by metres; --no-commune-check turns it off for data known to differ.
#include <optional>
#include <string>

#include "adressage/formats/commune_centres.hpp"
#include "adressage/geo/xy.hpp"
#include "core/stage.hpp"

namespace adressage::pipeline {

inline constexpr double min_box_iou = 0.4;
inline constexpr double margin_degrees = 0.01;
inline constexpr double min_share_inside = 0.5;

struct DataExtent {
    geo::Box lonlat;            // the boundary's box, or the buildings' anchors'
    bool from_boundary = false; // which of the two
};

// The area two boxes share over the area they cover together (0 to 1).
double box_iou(const geo::Box &a, const geo::Box &b);

// Why the data is not in `official`, in a few words; nullopt when it is.
std::optional<std::string> extent_mismatch(const DataExtent &data,
                                           const formats::CommuneCentre &official);

// The rule on the model's boundary (or buildings) as ingested; throws InputError naming the
// commune given and, when another commune's box fits the data better, that commune. Does nothing
// with --no-commune-check, without data, or for a commune the BAN's table lacks (counted:
// clip.commune_check_*).
void check_commune_extent(const CommuneModel &model, RunContext &ctx);

} // namespace adressage::pipeline
