#pragma once
// The batch-wide layers: roads and buildings read once for all the communes of a batch (as the
// ingest stage reads them for one commune: filtered, reprojected to the legal CRS, footprints
// repaired, anchors computed), the commune boundaries keyed by INSEE code (batch_boundaries.cpp)
// and the groups of neighbouring communes read together, and the split of the layers by commune.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "adressage/geo/geos_context.hpp"
#include "adressage/geo/transformer.hpp"
#include "adressage/pipeline/run_options.hpp"
#include "adressage/pipeline/skipped_features.hpp"
#include "core/commune_inputs.hpp"

namespace adressage::pipeline {

// The polygons of every commune of a boundaries layer, in the layer's own CRS.
struct BoundaryLayer {
    struct Source {
        std::string spec;  // as given, for messages and the report
        std::string layer; // the layer read
        std::string field; // the INSEE code field
        std::string crs_wkt;
    };
    struct Part {
        std::size_t source = 0;
        geo::MultiPolygon polygons;
    };
    std::vector<Source> sources;
    std::map<std::string, std::vector<Part>> by_insee; // in source and feature order

    // Reads every feature of each source's layer (the one named, the only one, or the
    // preset's boundary layer) with its INSEE code, from `insee_field` or a detected field.
    // Throws InputError naming --boundaries when a source, layer or field is not usable.
    static BoundaryLayer read(const std::vector<std::string> &specs,
                              const std::vector<std::string> &preset_layers,
                              const std::string &insee_field);
};

struct LayerReader;

// A thread's GEOS context and PROJ transformations, reused across the communes it runs, and
// its own opened road and building sources when the batch reads them per commune.
class BatchWorker {
  public:
    BatchWorker();
    ~BatchWorker();
    BatchWorker(const BatchWorker &) = delete;
    BatchWorker &operator=(const BatchWorker &) = delete;

    geo::GeosContext geos;
    // From `crs_wkt` to `target`, created on first use.
    const geo::Transformer &transformer(const std::string &crs_wkt, const std::string &target);
    // The road and building sources of `options` opened for the legal CRS of options.insee,
    // opened on first use (one per legal CRS).
    LayerReader &reader(const RunOptions &options);

  private:
    std::map<std::pair<std::string, std::string>, std::unique_ptr<geo::Transformer>> cache_;
    std::map<std::string, std::unique_ptr<LayerReader>> readers_;
};

// The roads and buildings that meet an area (the box of a group of neighbouring communes), read
// once for the communes of the group: in source order, footprints repaired, anchors computed.
struct AreaFeatures {
    std::vector<RoadSegment> roads;
    std::vector<Building> buildings;
};

// How a batch reads its road and building layers (--read-layers).
enum class LayerReading {
    automatic, // whole when the batch covers most of small enough layers, else by area
    whole,     // every feature once, held for the batch
    by_area    // per group of neighbouring communes, from the spatial index
};

// What BatchLayers::read needs to choose how to read.
struct LayerReadPlan {
    LayerReading reading = LayerReading::automatic;
    unsigned jobs = 1; // threads for a whole read in parts
    // The box of each commune of the batch (of each part of its boundary), with its CRS.
    std::vector<std::pair<std::string, geo::Box>> commune_boxes;
};

// Roads and buildings of the whole batch in one legal CRS, split by commune, read one of two
// ways (the shares, hence the outputs, are the same):
//  - by area: a worker reads the features whose envelope meets the box of a group of
//    neighbouring communes (through the ingest stage, on its own opened sources) and splits
//    them among the group, so memory grows with the largest group, not with the batch. Only
//    for sources that answer a spatial filter from an index (GeoPackage, indexed shapefile,
//    PostGIS); each feature near a group's edge is read once per group it serves.
//  - whole: the layers are read once and held, indexed on a grid; a GeoPackage is read in
//    `jobs` parts of its FID range at once. Always for sources without an index (GeoJSON, OSM
//    PBF...); chosen automatically for indexed ones when the batch's communes cover at least
//    half of the buildings layer's extent and the layers hold at most max_held_features
//    (about 1 GB held), as a département's layers read for the whole département do.
class BatchLayers {
  public:
    static constexpr std::int64_t max_held_features = 5'000'000;
    static constexpr double min_held_coverage = 0.5;

    // Opens options.roads and options.buildings for the legal CRS of `insee` (every commune of
    // the batch in that CRS shares them) and, when read whole, reads them through the ingest
    // stage. Throws InputError when a source is not usable.
    static BatchLayers read(const RunOptions &options, const std::string &insee,
                            const LayerReadPlan &plan);

    // Read per area: the features meeting `box` (legal CRS), on the worker's sources. Held
    // layers: nothing (split takes from the held layers).
    AreaFeatures read_area(BatchWorker &worker, const geo::Box &box) const;

    // Each commune's share, in source order: the buildings whose anchor lies inside its
    // boundary, the road segments with a point in the boundary's bounding box (the clip stage
    // cuts them, so a road crossing a boundary serves both sides; no other road has a piece
    // inside). Read per area, `area` is read_area of a box holding every boundary's box; the
    // shares are the same as read from each commune's own box.
    std::vector<CommuneInputs> split(BatchWorker &worker,
                                     const std::vector<const geo::MultiPolygon *> &boundaries,
                                     AreaFeatures area) const;

    // The roads and buildings skipped by the reads so far (whole: every feature of the layers;
    // by area: the features read, which have a geometry in a group's box).
    const SkippedFeatures &skipped() const { return *skipped_; }
    // Read per area of a group of communes (nothing held) rather than held for the batch.
    bool per_commune() const { return per_commune_; }
    // The buildings held (0 when read per area).
    std::size_t building_count() const { return buildings_.size(); }
    std::size_t road_count() const { return roads_.size(); }

  private:
    CommuneInputs take(BatchWorker &worker, const geo::MultiPolygon &boundary) const;
    // Moves the part's roads and buildings to the end of those held, indexed by cell.
    void hold(CommuneModel &part);

    RunOptions options_; // what to open, insee giving the legal CRS
    bool per_commune_ = false;
    static constexpr double cell_size = 1000.0; // metres
    using Cell = std::int64_t;
    static Cell cell_of(double x, double y);
    template <typename Fn> static void for_each_cell(const geo::Box &box, Fn &&fn);

    std::vector<RoadSegment> roads_;
    std::vector<geo::Box> road_boxes_;
    std::vector<Building> buildings_;
    std::unordered_map<Cell, std::vector<std::uint32_t>> building_cells_;
    std::unordered_map<Cell, std::vector<std::uint32_t>> road_cells_;
    // Read per area, from several workers at once (it locks itself).
    std::unique_ptr<SkippedFeatures> skipped_ = std::make_unique<SkippedFeatures>();
};

// Part `k` (from 0) of `parts` of the FID range [first, last], as [from, to]: the parts follow
// one another and cover the range; a part beyond the last FID (more parts than FIDs) is empty,
// from > to.
std::pair<std::int64_t, std::int64_t> fid_range_part(std::pair<std::int64_t, std::int64_t> bounds,
                                                     unsigned k, unsigned parts);

// The boundary of `insee` in its legal CRS, as the ingest stage makes it from --boundary: each
// part reprojected, then their union (invalid parts repaired, counted in `repaired`). Empty
// parts: nullopt.
std::optional<geo::MultiPolygon> commune_boundary(BatchWorker &worker, const BoundaryLayer &layer,
                                                  const std::string &insee, std::int64_t &parts,
                                                  std::int64_t &repaired);

// Neighbouring communes of a batch, run one group after another by a worker so that the road
// and building layers are read once for the group's area rather than once per commune (a
// commune's bounding box overlaps its neighbours': read per commune, each building of a
// département is read about twice).
// Indexes into `communes`, grouped by square tiles of the boundaries layer's plane (its own
// CRS: the grouping only decides what is read together, never what a commune gets). A tile's
// side is four times the median extent of the communes' boxes, so about sixteen communes a
// tile whatever the layer's unit; communes of different legal CRS or boundary sources never
// share a group, and a commune without a boundary is alone. Groups come largest first (then in
// tile order), each group's communes in batch order.
std::vector<std::vector<std::size_t>> group_neighbours(const BoundaryLayer &boundaries,
                                                       const std::vector<std::string> &communes);

} // namespace adressage::pipeline
