#include "adressage/install_paths.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace adressage {
namespace {

TEST(InstallPaths, ExecutableDirIsTheFolderOfTheRunningProgram) {
    // The test program itself: unit_tests in the build's tests/ folder.
    EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(executable_dir()) / "unit_tests"));
    EXPECT_EQ(std::filesystem::path(executable_dir()),
              std::filesystem::canonical("/proc/self/exe").parent_path());
}

TEST(InstallPaths, FirstCandidateHoldingTheFileWins) {
    // A folder beside the test program: <dir>/../install-paths-test/lib/adressage/module.so
    const std::filesystem::path dir = executable_dir();
    const std::filesystem::path root =
        dir / ".." / ("install-paths-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(root / "lib" / "adressage");
    std::ofstream(root / "lib" / "adressage" / "module.so") << "x";
    const std::string rel = "../" + root.filename().string() + "/lib/adressage";
    const std::string found = beside_executable("module.so", {".", rel.c_str()});
    EXPECT_EQ(found, (root / "lib" / "adressage" / "module.so").lexically_normal().string());
    EXPECT_EQ(found.find(".."), std::string::npos) << "the path is normalised: " << found;
    EXPECT_EQ(beside_executable("module.so", {"."}), "");
    EXPECT_EQ(beside_executable("unit_tests", {".", rel.c_str()}), (dir / "unit_tests").string());
    std::filesystem::remove_all(root);
}

} // namespace
} // namespace adressage
