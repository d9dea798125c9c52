// The upload file name and its SHA-256 sidecar (formats/upload_file.hpp).
#include <gtest/gtest.h>

#include "adressage/formats/upload_file.hpp"

namespace adressage::formats {
namespace {

TEST(UploadFile, Sha256KnownVectors) {
    // FIPS 180-4 examples, and a message longer than one block.
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256_hex(std::string(1000, 'a')),
              "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

TEST(UploadFile, NameAsTheSpecificationAsks) {
    EXPECT_EQ(producteur_slug("Rennes Métropole"), "rennesmetropole");
    EXPECT_EQ(upload_file_name("2020-10-04", "243500139", "Rennes Métropole"),
              "20201004_bal_243500139_rennesmetropole.csv");
    EXPECT_FALSE(upload_file_name("2020-10-04", "24350013", "Rennes")); // 8 digits
    EXPECT_FALSE(upload_file_name("2020-10-04", "243500139", " - "));   // no letter
    EXPECT_TRUE(is_upload_file_name("20201004_bal_243500139_rennesmetropole.csv"));
    EXPECT_FALSE(is_upload_file_name("bal-06012.csv"));
}

} // namespace
} // namespace adressage::formats
