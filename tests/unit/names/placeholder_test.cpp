// Rule N-06 (naming-and-council-documents.md): administrative classes, a type alone or a number
// alone are placeholders, not names.
#include "adressage/names/placeholder.hpp"

#include <gtest/gtest.h>

namespace adressage::names {
namespace {

std::string number_of(std::string_view label) {
    const auto p = placeholder_name(label);
    return p ? "placeholder:" + p->number : "name";
}

TEST(Placeholder, AdministrativeClassesWithOrWithoutTheirNumber) {
    EXPECT_EQ(number_of("Chemin rural"), "placeholder:");
    EXPECT_EQ(number_of("Rural Chemin"), "placeholder:"); // Cornillon-Confoux's cadastre
    EXPECT_EQ(number_of("Voie communale no 4"), "placeholder:4");
    EXPECT_EQ(number_of("Voie communale n\u00ba 4"), "placeholder:4");
    EXPECT_EQ(number_of("Chemin rural n\u00b0 12"), "placeholder:12");
    EXPECT_EQ(number_of("CR 12"), "placeholder:12");
    EXPECT_EQ(number_of("C.R. 12"), "placeholder:12");
    EXPECT_EQ(number_of("CR12"), "placeholder:12");
    EXPECT_EQ(number_of("VC"), "placeholder:");
    EXPECT_EQ(number_of("V.C. 4"), "placeholder:4");
    EXPECT_EQ(number_of("Route d\u00e9partementale 12"), "placeholder:12");
    EXPECT_EQ(number_of("RD 2564"), "placeholder:2564");
    EXPECT_EQ(number_of("ROUTE NATIONALE 7"), "placeholder:7");
}

TEST(Placeholder, ATypeAloneOrANumberAlone) {
    EXPECT_EQ(number_of("Chemin"), "placeholder:");
    EXPECT_EQ(number_of("Impasse"), "placeholder:");
    EXPECT_EQ(number_of("Impasse n\u00ba 3"), "placeholder:3");
    EXPECT_EQ(number_of("12"), "placeholder:12");
    EXPECT_EQ(number_of("12 B"), "placeholder:12b");
}

TEST(Placeholder, RealNamesAreNames) {
    EXPECT_EQ(number_of("Chemin des Moulins"), "name");
    EXPECT_EQ(number_of("Rue de la Paix"), "name");
    EXPECT_EQ(number_of("VC 4 de la Gaudinais"), "name"); // a class before a name (V-09)
    EXPECT_EQ(number_of("Chemin rural de la Croix"), "name");
    EXPECT_EQ(number_of("Route de Nice"), "name");
    EXPECT_EQ(number_of("La Canebi\u00e8re"), "name");
    EXPECT_EQ(number_of("Rue du 8 Mai 1945"), "name");
    EXPECT_EQ(number_of("Le Vingt"), "name");
    EXPECT_EQ(number_of(""), "name");
}

} // namespace
} // namespace adressage::names
