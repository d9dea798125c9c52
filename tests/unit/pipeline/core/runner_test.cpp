#include "adressage/pipeline/runner.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "adressage/error.hpp"

using namespace adressage;
using namespace adressage::pipeline;
namespace fs = std::filesystem;

namespace {

struct Runner : ::testing::Test {
    fs::path dir =
        fs::temp_directory_path() / ("adressage_runner_test_" + std::to_string(::getpid()));
    RunOptions options = default_commune_options(ADRESSAGE_TEST_DATA);

    void SetUp() override {
        fs::remove_all(dir);
        fs::create_directories(dir);
        options.data_dir = ADRESSAGE_TEST_DATA;
        options.out_dir = (dir / "out").string();
        options.date = "2026-11-20";
    }
    void TearDown() override { fs::remove_all(dir); }
};

} // namespace

TEST_F(Runner, SummaryAddsUp) {
    const RunResult r = run_commune(options);
    const auto &s = r.report["summary"];
    const auto read = s["buildings_read"].get<std::int64_t>();
    const auto numbered = s["buildings_numbered"].get<std::int64_t>();
    const auto skipped = s["buildings_skipped"].get<std::int64_t>();
    EXPECT_EQ(read, 3304); // PROVENANCE.md: 3304 buildings in osm-06012.gpkg
    EXPECT_EQ(numbered + skipped, read);
    EXPECT_EQ(s["rows_written"].get<std::int64_t>(), numbered);
    EXPECT_TRUE(fs::exists(r.bal_path));
    EXPECT_TRUE(fs::exists(r.report_path));
    // Only the three outputs in the commune's folder: no temporary file left.
    EXPECT_TRUE(fs::exists(dir / "out" / "06012" / "review.gpkg"));
    EXPECT_EQ(
        std::distance(fs::directory_iterator(dir / "out" / "06012"), fs::directory_iterator{}), 3);
}

TEST_F(Runner, UnwritableOutputIsAnInputErrorAndLeavesNothing) {
    std::ofstream(dir / "a_file") << "x";
    options.out_dir = (dir / "a_file" / "out").string();
    EXPECT_THROW(run_commune(options), InputError);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}), 1);
}

TEST_F(Runner, FailedRunRemovesTheFolderItCreated) {
    options.boundary = {std::string(ADRESSAGE_TEST_DATA) +
                        "/cadastre-25354-luxiol/luxiol-25354.gpkg:commune"};
    EXPECT_THROW(run_commune(options), InputError); // no Beausoleil building inside Luxiol
    EXPECT_FALSE(fs::exists(dir / "out" / "06012"));
}
