#include "adressage/formats/parcel_id.hpp"

#include <gtest/gtest.h>

using adressage::formats::parcel_id;

TEST(ParcelId, EtalabIdIsKept) {
    EXPECT_EQ(parcel_id("930100000A0224", "93010"), "930100000A0224");
    EXPECT_EQ(parcel_id("27412648ZB0012", "27412"), "27412648ZB0012"); // former commune prefix
    EXPECT_EQ(parcel_id(" 930100000a0224 ", "93010"), "930100000A0224");
}

TEST(ParcelId, EdigeoIduGetsTheDepartement) {
    EXPECT_EQ(parcel_id("354000AB0001", "25354"), "25354000AB0001");
    EXPECT_EQ(parcel_id("0040000A0012", "2A004"), "2A0040000A0012");
}

TEST(ParcelId, AnythingElseIsRejected) {
    EXPECT_EQ(parcel_id("", "93010"), "");
    EXPECT_EQ(parcel_id("0A0224", "93010"), "");
    EXPECT_EQ(parcel_id("9301000000A0224", "93010"), ""); // 15 characters
    EXPECT_EQ(parcel_id("93010000-A0224", "93010"), "");
    EXPECT_EQ(parcel_id("930100000A02X4", "93010"), ""); // number not digits
}
