#pragma once
// The batch-wide layers: roads and buildings read once for all the communes of a batch (as the
// ingest stage reads them for one commune: filtered, reprojected to the legal CRS, footprints
// repaired, anchors computed), the commune boundaries keyed by INSEE code, and the split of the
// layers by commune.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "adressage/geo/geos_context.hpp"
#include "adressage/geo/transformer.hpp"
#include "adressage/pipeline/commune_inputs.hpp"
#include "adressage/pipeline/diagnostics.hpp"
#include "adressage/pipeline/run_options.hpp"

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

// A thread's GEOS context and PROJ transformations, reused across the communes it runs.
class BatchWorker {
  public:
    geo::GeosContext geos;
    // From `crs_wkt` to `target`, created on first use.
    const geo::Transformer &transformer(const std::string &crs_wkt, const std::string &target);

  private:
    std::map<std::pair<std::string, std::string>, std::unique_ptr<geo::Transformer>> cache_;
};

// Roads and buildings of the whole batch in one legal CRS, indexed on a grid for the split.
class BatchLayers {
  public:
    // Reads options.roads and options.buildings through the ingest stage, reprojected to the
    // legal CRS of `insee` (every commune of the batch in that CRS shares them). Throws
    // InputError when a source is not usable.
    static BatchLayers read(const RunOptions &options, const std::string &insee);

    // The commune's share, in source order: the buildings whose anchor lies inside `boundary`,
    // the road segments whose bounding box meets the boundary's (the clip stage cuts them, so a
    // road crossing a boundary serves both sides).
    CommuneInputs take(BatchWorker &worker, const geo::MultiPolygon &boundary) const;

    const Diagnostics &diagnostics() const { return diagnostics_; }
    std::size_t building_count() const { return buildings_.size(); }
    std::size_t road_count() const { return roads_.size(); }

  private:
    static constexpr double cell_size = 1000.0; // metres
    using Cell = std::int64_t;
    static Cell cell_of(double x, double y);

    std::vector<RoadSegment> roads_;
    std::vector<geo::Box> road_boxes_;
    std::vector<Building> buildings_;
    std::unordered_map<Cell, std::vector<std::uint32_t>> building_cells_;
    std::unordered_map<Cell, std::vector<std::uint32_t>> road_cells_;
    Diagnostics diagnostics_;
};

// The boundary of `insee` in its legal CRS, as the ingest stage makes it from --boundary: each
// part reprojected, then their union. Empty parts: nullopt.
std::optional<geo::MultiPolygon> commune_boundary(BatchWorker &worker, const BoundaryLayer &layer,
                                                  const std::string &insee, std::int64_t &parts);

} // namespace adressage::pipeline
