#include "checks/commune_extent.hpp"

#include <gtest/gtest.h>

namespace adressage::pipeline {
namespace {

// Boxes of the BAN's table (communes-centres.csv): Nice and Cap-d'Ail.
const formats::CommuneCentre nice{"06088", "Nice", {7.253, 43.703}, {7.182, 43.646, 7.323, 43.761}};
const geo::Box cap_d_ail_box{7.383, 43.719, 7.415, 43.733};

DataExtent boundary(geo::Box box) { return {box, true}; }
DataExtent buildings(geo::Box box) { return {box, false}; }

TEST(CommuneExtent, BoxIouIsTheSharedAreaOverTheAreaCovered) {
    const geo::Box a{0, 0, 2, 1};
    const geo::Box b{1, 0, 3, 1};
    EXPECT_DOUBLE_EQ(box_iou(a, b), 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(box_iou(b, a), 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(box_iou(a, a), 1.0);
    EXPECT_DOUBLE_EQ(box_iou(a, {2, 0, 3, 1}), 0.0); // touching
    EXPECT_DOUBLE_EQ(box_iou(a, {5, 5, 6, 6}), 0.0);
}

TEST(CommuneExtent, TheCommunesOwnBoundaryPasses) {
    EXPECT_EQ(extent_mismatch(boundary(nice.box), nice), std::nullopt);
    // Another vintage, a little wider on every side: 0.82.
    EXPECT_EQ(extent_mismatch(boundary({7.175, 43.640, 7.330, 43.768}), nice), std::nullopt);
}

TEST(CommuneExtent, ANeighboursDataIsRefusedAndSaysWhy) {
    EXPECT_EQ(extent_mismatch(boundary(cap_d_ail_box), nice),
              "the boundary's box and Nice's share 0 % of their extent, 40 % at least");
    EXPECT_EQ(extent_mismatch(buildings(cap_d_ail_box), nice),
              "0 % of the buildings' box lies in Nice's, 50 % at least");
}

TEST(CommuneExtent, ABoundaryMustCoverMostOfTheCommunesBox) {
    // The same height as Nice's box, a share of its width: the overlap is that share.
    const auto part = [](double share) {
        return geo::Box{nice.box.min_x, nice.box.min_y,
                        nice.box.min_x + share * (nice.box.max_x - nice.box.min_x), nice.box.max_y};
    };
    EXPECT_EQ(extent_mismatch(boundary(part(0.41)), nice), std::nullopt);
    EXPECT_EQ(extent_mismatch(boundary(part(0.39)), nice),
              "the boundary's box and Nice's share 39 % of their extent, 40 % at least");
    // Without a boundary (a source with part of the commune) the buildings' box may be small.
    EXPECT_EQ(extent_mismatch(buildings(part(0.2)), nice), std::nullopt);
}

TEST(CommuneExtent, HalfOfTheBuildingsBoxInsideIsTheLimit) {
    // The widened box ends at 7.333: a box from 7.232 to 7.432 is just over half in.
    const double edge = nice.box.max_x + margin_degrees;
    EXPECT_EQ(extent_mismatch(buildings({edge - 0.101, 43.70, edge + 0.099, 43.72}), nice),
              std::nullopt);
    EXPECT_EQ(extent_mismatch(buildings({edge - 0.09, 43.70, edge + 0.11, 43.72}), nice),
              "45 % of the buildings' box lies in Nice's, 50 % at least");
    // A département's buildings around the commune: the commune is a small part of them.
    EXPECT_TRUE(extent_mismatch(buildings({6.6, 43.4, 7.7, 44.4}), nice).has_value());
}

TEST(CommuneExtent, OneBuildingIsInOrOut) {
    EXPECT_EQ(extent_mismatch(buildings({7.3, 43.7, 7.3, 43.7}), nice), std::nullopt);
    EXPECT_EQ(extent_mismatch(buildings({7.33, 43.7, 7.33, 43.7}), nice), std::nullopt); // margin
    EXPECT_TRUE(extent_mismatch(buildings({7.34, 43.7, 7.34, 43.7}), nice).has_value());
}

} // namespace
} // namespace adressage::pipeline
