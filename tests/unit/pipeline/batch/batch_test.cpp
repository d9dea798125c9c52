#include "adressage/pipeline/batch.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <numeric>

#include <unistd.h>

#include "adressage/error.hpp"
#include "adressage/pipeline/skipped_features.hpp"
#include "batch/batch_layers.hpp"
#include "batch/batch_manifest.hpp"
#include "core/diagnostics.hpp"

using namespace adressage;
using namespace adressage::pipeline;
namespace fs = std::filesystem;

namespace {

const formats::CommuneList &cog() {
    static const formats::CommuneList list =
        formats::CommuneList::load(std::string(ADRESSAGE_TEST_DATA) + "/cog-2026/communes.csv");
    return list;
}

fs::path temp_dir(const std::string &name) {
    const fs::path dir =
        fs::temp_directory_path() / ("adressage_batch_test_" + name + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

} // namespace

TEST(BatchCommunes, ListIsSortedAndEachOnce) {
    BatchOptions o;
    o.communes = {"06150,06012", "06012"};
    EXPECT_EQ(batch_communes(o, cog(), {}), (std::vector<std::string>{"06012", "06150"}));
}

TEST(BatchCommunes, ExactlyOneWayToNameThem) {
    BatchOptions o;
    EXPECT_THROW(batch_communes(o, cog(), {}), ConfigError);
    o.communes = {"06012"};
    o.departement = "06";
    EXPECT_THROW(batch_communes(o, cog(), {}), ConfigError);
}

TEST(BatchCommunes, UnknownAndFormerCodesAreRefused) {
    BatchOptions o;
    o.communes = {"06999"};
    EXPECT_THROW(batch_communes(o, cog(), {}), ConfigError);
    o.communes = {"27648"}; // merged into 27412
    try {
        batch_communes(o, cog(), {});
        FAIL();
    } catch (const ConfigError &e) {
        EXPECT_NE(std::string(e.what()).find("now part of 27412"), std::string::npos);
    }
    o.communes = {"6012"};
    EXPECT_THROW(batch_communes(o, cog(), {}), ConfigError);
}

TEST(BatchCommunes, DepartementTakesItsCommunesOfTheBoundaries) {
    BatchOptions o;
    o.departement = "06";
    EXPECT_EQ(batch_communes(o, cog(), {"06150", "06012", "25354"}),
              (std::vector<std::string>{"06012", "06150"}));
    o.departement = "13";
    EXPECT_THROW(batch_communes(o, cog(), {"06012"}), InputError);
    o.departement = "6";
    EXPECT_THROW(batch_communes(o, cog(), {"06012"}), ConfigError);
}

TEST(BatchCommunes, FileWithComments) {
    const fs::path dir = temp_dir("file");
    std::ofstream(dir / "list.txt") << "# the coast\n06032\n06012 # Beausoleil\n\n";
    BatchOptions o;
    o.communes_file = (dir / "list.txt").string();
    EXPECT_EQ(batch_communes(o, cog(), {}), (std::vector<std::string>{"06012", "06032"}));
    o.communes_file = (dir / "missing.txt").string();
    EXPECT_THROW(batch_communes(o, cog(), {}), InputError);
    fs::remove_all(dir);
}

TEST(Shard, SharesAreDisjointAndCoverTheList) {
    const std::vector<std::string> all = {"a", "b", "c", "d", "e"};
    EXPECT_EQ(shard_of(all, ""), all);
    std::vector<std::string> joined;
    for (int k = 1; k <= 3; ++k) {
        for (const std::string &c : shard_of(all, std::to_string(k) + "/3")) {
            joined.push_back(c);
        }
    }
    std::sort(joined.begin(), joined.end());
    EXPECT_EQ(joined, all);
    EXPECT_EQ(shard_of(all, "2/3"), (std::vector<std::string>{"b", "e"}));
    for (const char *bad : {"0/3", "4/3", "1/0", "x", "1-3"}) {
        EXPECT_THROW(shard_of(all, bad), ConfigError) << bad;
    }
}

TEST(Manifest, JournalOfAKilledRunIsReadAndATornLineIgnored) {
    const fs::path dir = temp_dir("manifest");
    const std::string path = (dir / "batch-manifest.json").string();
    {
        Manifest m(path);
        m.record({"06012", "ok", "xxh3:1", "bal-06012.csv", "xxh3:2", 10, ""});
        m.record({"06032", "failed", "xxh3:3", "", "", 0, "why"});
    }
    std::ofstream(path + ".journal", std::ios::app) << "{\"insee\":\"06150\",\"sta";
    const auto entries = Manifest(path).load();
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries.at("06012").bal_checksum, "xxh3:2");
    EXPECT_EQ(entries.at("06032").reason, "why");

    Manifest m(path);
    m.finish(entries, {{"shard", "1/1"}});
    EXPECT_FALSE(fs::exists(path + ".journal"));
    EXPECT_EQ(Manifest(path).load().size(), 2u);
    fs::remove_all(dir);
}

TEST(Manifest, FingerprintFollowsInputsAndOptions) {
    CommuneInputs a;
    a.buildings.push_back(Building{0, 7, {}, {1.0, 2.0}});
    CommuneInputs b = a;
    EXPECT_EQ(inputs_fingerprint(a, "k"), inputs_fingerprint(b, "k"));
    EXPECT_NE(inputs_fingerprint(a, "k"), inputs_fingerprint(a, "other options"));
    b.buildings[0].anchor.x = 1.5;
    EXPECT_NE(inputs_fingerprint(a, "k"), inputs_fingerprint(b, "k"));
    // As `xxhsum -H3` prints them.
    EXPECT_EQ(hex64(xxh3("")), "2d06800538d394c2");
    EXPECT_EQ(hex64(xxh3("abc")), "78af5f94892f3950");
}

// The fingerprint is the XXH3 of its values' bytes one after the other, however many: the
// same bytes laid out here by hand, over more than the hasher gathers at once.
TEST(Manifest, FingerprintIsTheXxh3OfTheValuesInARow) {
    CommuneInputs in;
    std::string bytes;
    auto put = [&bytes](const auto &v) {
        bytes.append(reinterpret_cast<const char *>(&v), sizeof v);
    };
    const std::string key = "options";
    put(key.size());
    bytes += key;
    put(std::size_t{0}); // roads
    constexpr std::size_t count = 3000;
    put(count);
    for (std::size_t i = 0; i < count; ++i) {
        const double x = static_cast<double>(i);
        Building b{static_cast<std::uint32_t>(i % 3), static_cast<std::int64_t>(i * 7), {}, {x, 1}};
        b.footprint.push_back(geo::Polygon{{{x, 0}, {x + 1, 0}, {x, 1}, {x, 0}}, {}});
        in.buildings.push_back(b);
        put(b.source);
        put(b.fid);
        put(std::size_t{1}); // polygons
        put(b.footprint[0].outer.size());
        for (const geo::XY &p : b.footprint[0].outer) {
            put(p);
        }
        put(std::size_t{0}); // holes
        put(b.anchor.x);
        put(b.anchor.y);
    }
    put(false); // no boundary
    ASSERT_GT(bytes.size(), 100'000u);
    EXPECT_EQ(inputs_fingerprint(in, key), "xxh3:" + hex64(xxh3(bytes)));
}

TEST(Manifest, FileChecksumIsTheXxh3OfTheBytes) {
    const fs::path dir = temp_dir("checksum");
    const std::string path = (dir / "abc.csv").string();
    std::ofstream(path, std::ios::binary) << "abc";
    EXPECT_EQ(file_checksum(path), "xxh3:78af5f94892f3950"); // `printf abc | xxhsum -H3`
    EXPECT_EQ(file_checksum((dir / "missing.csv").string()), "");
    fs::remove_all(dir);
}

namespace {

// A square commune of side `size` with its lower-left corner at (x, y), in the layer's CRS.
BoundaryLayer::Part square(double x, double y, double size) {
    geo::Polygon p;
    p.outer = {{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}};
    return {0, {p}};
}

} // namespace

TEST(GroupNeighbours, NeighboursShareAGroupFarOnesAndUnknownOnesDoNot) {
    BoundaryLayer layer;
    layer.sources.push_back({"b.gpkg", "communes", "insee", ""});
    // A 6 x 6 grid of 1 km communes: tiles of 4 km (four times the median extent) hold at most
    // 4 x 4 of them; one commune 100 km away; one code without a boundary.
    std::vector<std::string> communes;
    for (int i = 0; i < 36; ++i) {
        const std::string code = std::to_string(54100 + i);
        layer.by_insee[code].push_back(square(1000.0 * (i % 6), 1000.0 * (i / 6), 1000.0));
        communes.push_back(code);
    }
    layer.by_insee["54200"].push_back(square(100000.0, 0.0, 1000.0));
    communes.push_back("54200");
    communes.push_back("54300");

    const auto groups = group_neighbours(layer, communes);
    std::vector<std::size_t> seen;
    std::size_t largest = 0;
    for (const auto &group : groups) {
        ASSERT_FALSE(group.empty());
        EXPECT_TRUE(std::is_sorted(group.begin(), group.end())); // batch order within a group
        seen.insert(seen.end(), group.begin(), group.end());
        largest = std::max(largest, group.size());
        // Communes of one group lie within one 4 km tile: their centres are less than 4 km
        // apart on each axis.
        for (const std::size_t a : group) {
            for (const std::size_t b : group) {
                if (a < 36 && b < 36) {
                    EXPECT_LT(std::abs(static_cast<int>(a % 6) - static_cast<int>(b % 6)), 4);
                    EXPECT_LT(std::abs(static_cast<int>(a / 6) - static_cast<int>(b / 6)), 4);
                }
            }
        }
    }
    std::sort(seen.begin(), seen.end());
    std::vector<std::size_t> every(communes.size());
    std::iota(every.begin(), every.end(), 0);
    EXPECT_EQ(seen, every); // each commune in exactly one group
    EXPECT_GT(largest, 1u); // neighbours are read together
    EXPECT_LE(largest, 16u);
    for (const auto &group : groups) {
        for (const std::size_t far : {std::size_t{36}, std::size_t{37}}) {
            if (std::find(group.begin(), group.end(), far) != group.end()) {
                EXPECT_EQ(group.size(), 1u) << communes[far];
            }
        }
    }
}

TEST(FidRangePart, PartsFollowOneAnotherAndCoverTheRange) {
    const std::vector<std::pair<std::int64_t, std::int64_t>> ranges = {
        {1, 1'844'669},
        {1, 1},
        {-5, 7},
        {10, 12},
        {std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()}};
    for (const auto &range : ranges) {
        for (unsigned parts = 1; parts <= 5; ++parts) {
            std::int64_t next = range.first;
            bool ended = false; // once past the last FID, every later part is empty
            for (unsigned k = 0; k < parts; ++k) {
                const auto [from, to] = fid_range_part(range, k, parts);
                if (from > to) {
                    ended = true;
                    continue;
                }
                ASSERT_FALSE(ended) << range.first << " " << parts << " " << k;
                ASSERT_EQ(from, next) << range.first << " " << parts << " " << k;
                ASSERT_LE(to, range.second);
                if (to == range.second) {
                    ended = true;
                } else {
                    next = to + 1;
                }
            }
            EXPECT_TRUE(ended) << "the last FID is in no part: " << range.first << " " << parts;
        }
    }
    // Even shares: 1..10 in 3 parts.
    EXPECT_EQ(fid_range_part({1, 10}, 0, 3), std::make_pair(std::int64_t{1}, std::int64_t{4}));
    EXPECT_EQ(fid_range_part({1, 10}, 1, 3), std::make_pair(std::int64_t{5}, std::int64_t{8}));
    EXPECT_EQ(fid_range_part({1, 10}, 2, 3), std::make_pair(std::int64_t{9}, std::int64_t{10}));
}

// Areas read per group overlap and workers add in any order: each feature once, in (layer,
// source, fid) order.
TEST(SkippedFeatures, EachFeatureOnceInOrderWhateverTheOrderAdded) {
    SkippedFeatures a;
    SkippedFeatures b;
    const std::vector<SkippedFeature> first = {{"buildings", 0, 42, "invalid_geometry"},
                                               {"roads", 1, 7, "null_geometry"},
                                               {"buildings", 0, 5, "null_geometry"}};
    const std::vector<SkippedFeature> second = {{"buildings", 0, 42, "invalid_geometry"},
                                                {"buildings", 1, 3, "empty_geometry"}};
    a.add(first);
    a.add(second);
    b.add(second);
    b.add(first);
    const std::vector<std::string> roads = {"r.gpkg:roads", "other;roads.gpkg"};
    const std::vector<std::string> buildings = {"b.gpkg:buildings", "b2.geojson"};
    EXPECT_EQ(a.rows(roads, buildings).size(), 4U);
    const std::string expected = "layer;source;fid;reason\n"
                                 "buildings;b.gpkg:buildings;5;null_geometry\n"
                                 "buildings;b.gpkg:buildings;42;invalid_geometry\n"
                                 "buildings;b2.geojson;3;empty_geometry\n"
                                 "roads;\"other;roads.gpkg\";7;null_geometry\n";
    const SkippedRows rows = a.rows(roads, buildings);
    EXPECT_EQ(skipped_csv(rows), expected);
    EXPECT_EQ(skipped_csv(b.rows(roads, buildings)), expected);
    EXPECT_EQ(skipped_counts(rows), nlohmann::json::parse(R"({"buildings": {"null_geometry": 1,
        "invalid_geometry": 1, "empty_geometry": 1}, "roads": {"null_geometry": 1}})"));
    EXPECT_TRUE(SkippedFeatures().rows(roads, buildings).empty());
    EXPECT_EQ(skipped_counts({}), nlohmann::json::object());

    // batch-merge reads the shards' lists back: the same rows, the quoted source included.
    const std::filesystem::path file =
        std::filesystem::temp_directory_path() / ("adressage-skipped-" + std::to_string(getpid()));
    std::ofstream(file) << skipped_csv(rows);
    EXPECT_EQ(read_skipped_csv(file.string()), rows);
    std::ofstream(file) << "layer;source;fid\nroads;x;1\n";
    EXPECT_THROW(read_skipped_csv(file.string()), adressage::InputError);
    std::filesystem::remove(file);
}
