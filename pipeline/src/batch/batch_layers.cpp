#include "batch/batch_layers.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <deque>
#include <functional>
#include <iterator>
#include <limits>
#include <mutex>
#include <system_error>
#include <thread>
#include <tuple>

#include "adressage/error.hpp"
#include "adressage/geo/geometry_ops.hpp"
#include "adressage/geo/legal_crs.hpp"
#include "adressage/geo/vector_reader.hpp"
#include "adressage/pipeline/runner.hpp"
#include "stages/stages.hpp"

namespace adressage::pipeline {

namespace {

double cross(geo::XY o, geo::XY a, geo::XY b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

// Closed segments pq and uv share a point.
bool segments_meet(geo::XY p, geo::XY q, geo::XY u, geo::XY v) {
    const double d1 = cross(u, v, p);
    const double d2 = cross(u, v, q);
    const double d3 = cross(p, q, u);
    const double d4 = cross(p, q, v);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
        return true;
    }
    auto on = [](geo::XY a, geo::XY b, geo::XY r) {
        return std::min(a.x, b.x) <= r.x && r.x <= std::max(a.x, b.x) &&
               std::min(a.y, b.y) <= r.y && r.y <= std::max(a.y, b.y);
    };
    return (d1 == 0 && on(u, v, p)) || (d2 == 0 && on(u, v, q)) || (d3 == 0 && on(p, q, u)) ||
           (d4 == 0 && on(p, q, v));
}

bool inside(geo::XY p, const geo::Box &box) {
    return box.min_x <= p.x && p.x <= box.max_x && box.min_y <= p.y && p.y <= box.max_y;
}

// The line has a point in the (closed) box: only such a road can have a piece inside a
// boundary whose outer rings lie in the box (a spatial filter keeps the same roads).
bool line_meets_box(const geo::Polyline &line, const geo::Box &box) {
    const geo::XY corners[4] = {{box.min_x, box.min_y},
                                {box.max_x, box.min_y},
                                {box.max_x, box.max_y},
                                {box.min_x, box.max_y}};
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (inside(line[i], box)) {
            return true;
        }
        if (i + 1 < line.size()) {
            for (int e = 0; e < 4; ++e) {
                if (segments_meet(line[i], line[i + 1], corners[e], corners[(e + 1) % 4])) {
                    return true;
                }
            }
        }
    }
    return false;
}

} // namespace

// A worker's road and building sources for one legal CRS, opened by the ingest stage.
struct LayerReader {
    explicit LayerReader(const RunOptions &o) : options(o), ctx(options) {
        ctx.preset = preset_for(options);
        ingest.prepare(ctx);
    }
    RunOptions options;
    RunContext ctx;
    IngestStage ingest;
};

BatchWorker::BatchWorker() = default;
BatchWorker::~BatchWorker() = default;

LayerReader &BatchWorker::reader(const RunOptions &options) {
    auto &slot = readers_[geo::legal_crs_for_insee(options.insee).definition()];
    if (!slot) {
        slot = std::make_unique<LayerReader>(options);
    }
    return *slot;
}

const geo::Transformer &BatchWorker::transformer(const std::string &crs_wkt,
                                                 const std::string &target) {
    auto &slot = cache_[{crs_wkt, target}];
    if (!slot) {
        slot = std::make_unique<geo::Transformer>(crs_wkt, target);
    }
    return *slot;
}

BatchLayers::Cell BatchLayers::cell_of(double x, double y) {
    const auto cx = static_cast<std::int64_t>(std::floor(x / cell_size));
    const auto cy = static_cast<std::int64_t>(std::floor(y / cell_size));
    return (cx << 32) ^ (cy & 0xffffffff);
}

// Calls fn with every grid cell the box meets, row by row.
template <typename Fn> void BatchLayers::for_each_cell(const geo::Box &box, Fn &&fn) {
    const auto x0 = static_cast<std::int64_t>(std::floor(box.min_x / cell_size));
    const auto x1 = static_cast<std::int64_t>(std::floor(box.max_x / cell_size));
    const auto y0 = static_cast<std::int64_t>(std::floor(box.min_y / cell_size));
    const auto y1 = static_cast<std::int64_t>(std::floor(box.max_y / cell_size));
    for (std::int64_t cx = x0; cx <= x1; ++cx) {
        for (std::int64_t cy = y0; cy <= y1; ++cy) {
            fn((cx << 32) ^ (cy & 0xffffffff));
        }
    }
}

namespace {

// A feature on the boundary of several communes goes to each: copied to all but the last
// taker, moved to the last.
template <typename Feature, typename VectorOf>
void give_to_takers(const std::vector<std::size_t> &takers, Feature &feature,
                    VectorOf &&vector_of) {
    if (takers.empty()) {
        return;
    }
    for (std::size_t t = 0; t + 1 < takers.size(); ++t) {
        vector_of(takers[t]).push_back(feature);
    }
    vector_of(takers.back()).push_back(std::move(feature));
}

// Source order, as a run reading the whole layers sees them: by (source, fid), stable for the
// segments of one feature (a filtered read comes in the index's order, a read in parts part
// after part).
// True when it had to change the order.
bool put_in_source_order(std::vector<Building> &buildings, std::vector<RoadSegment> &roads) {
    const auto building_order = [](const Building &a, const Building &b) {
        return std::tie(a.source, a.fid) < std::tie(b.source, b.fid);
    };
    const auto road_order = [](const RoadSegment &a, const RoadSegment &b) {
        return std::tie(a.source, a.fid) < std::tie(b.source, b.fid);
    };
    bool changed = false;
    if (!std::is_sorted(buildings.begin(), buildings.end(), building_order)) {
        std::stable_sort(buildings.begin(), buildings.end(), building_order);
        changed = true;
    }
    if (!std::is_sorted(roads.begin(), roads.end(), road_order)) {
        std::stable_sort(roads.begin(), roads.end(), road_order);
        changed = true;
    }
    return changed;
}

template <typename Input> bool all_indexed(const std::vector<std::unique_ptr<Input>> &inputs) {
    return std::all_of(inputs.begin(), inputs.end(), [](const auto &input) {
        return !input->present() || input->fast_spatial_filter();
    });
}

template <typename Input> bool all_in_parts(const std::vector<std::unique_ptr<Input>> &inputs) {
    return std::all_of(inputs.begin(), inputs.end(), [](const auto &input) {
        return !input->present() || input->layer()->fid_bounds().has_value();
    });
}

template <typename Input>
std::optional<std::int64_t> known_features(const std::vector<std::unique_ptr<Input>> &inputs) {
    std::int64_t total = 0;
    for (const auto &input : inputs) {
        if (!input->present()) {
            continue;
        }
        const auto n = input->layer()->known_feature_count();
        if (!n) {
            return std::nullopt;
        }
        total += *n;
    }
    return total;
}

// The share of the buildings layers' extent that the communes' boxes cover (summed: boxes that
// overlap count twice), the least over the sources; 0 when an extent is not known.
double building_coverage(const RunContext &ctx, const LayerReadPlan &plan) {
    double least = std::numeric_limits<double>::infinity();
    BatchWorker transformers; // its cache of transformations, one per (boxes' CRS, layer CRS)
    for (const auto &input : ctx.buildings) {
        if (!input->present()) {
            continue;
        }
        const std::optional<geo::Box> extent = input->layer()->known_extent();
        if (!extent || !(extent->max_x > extent->min_x) || !(extent->max_y > extent->min_y)) {
            return 0.0;
        }
        const std::string layer_crs = input->crs_wkt();
        double covered = 0.0;
        for (const auto &[crs, box] : plan.commune_boxes) {
            const std::optional<geo::Box> b = geo::transformed_envelope(
                transformers.transformer(crs, layer_crs), geo::Direction::forward, box);
            if (!b) {
                continue;
            }
            const double w = std::min(b->max_x, extent->max_x) - std::max(b->min_x, extent->min_x);
            const double h = std::min(b->max_y, extent->max_y) - std::max(b->min_y, extent->min_y);
            covered += w > 0.0 && h > 0.0 ? w * h : 0.0;
        }
        least = std::min(
            least, covered / ((extent->max_x - extent->min_x) * (extent->max_y - extent->min_y)));
    }
    return std::isfinite(least) ? least : 0.0;
}

template <typename Input>
void read_part(std::vector<std::unique_ptr<Input>> &inputs, unsigned k, unsigned parts) {
    for (const auto &input : inputs) {
        if (input->present()) {
            geo::VectorLayer &layer = *input->layer();
            layer.set_fid_range(fid_range_part(*layer.fid_bounds(), k, parts));
        }
    }
}

// A whole read in parts is cut this many times finer than its threads, so that a thread done
// early takes another part instead of waiting for the slowest.
constexpr unsigned parts_per_thread = 4;

// The roads and buildings of every source, read whole through the ingest stage: in `threads`
// threads, `first` (opened by the caller) and threads - 1 more on their own opened sources,
// each taking the next part of each FID range until none is left. Each part is handed to
// `take_part` with its skipped features, once, in part order (which does not depend on which
// thread read which part): by the thread that finds it next in line when it is done, so that
// the parts read early are taken in while the last ones are still being read.
void read_whole(
    LayerReader &first, unsigned threads,
    const std::function<void(CommuneModel &, std::vector<SkippedFeature> &)> &take_part) {
    const unsigned parts = threads > 1 ? threads * parts_per_thread : 1;
    std::vector<CommuneModel> models(parts);
    std::vector<std::vector<SkippedFeature>> skips(parts);
    std::vector<std::exception_ptr> errors(threads);
    std::atomic<unsigned> next_part{0};
    const std::unique_ptr<std::atomic<bool>[]> read_done(new std::atomic<bool>[parts]);
    for (unsigned k = 0; k < parts; ++k) {
        read_done[k] = false;
    }
    std::mutex taking;
    unsigned next_taken = 0; // guarded by `taking`
    std::atomic<bool> failed{false};
    // Takes the parts read, in order, up to the first still being read. A thread finding
    // another taking goes back to reading: the last sweep below takes what it leaves.
    const auto take_ready = [&](bool wait) {
        std::unique_lock lock(taking, std::defer_lock);
        if (wait) {
            lock.lock();
        } else if (!lock.try_lock()) {
            return;
        }
        while (!failed && next_taken < parts && read_done[next_taken]) {
            take_part(models[next_taken], skips[next_taken]);
            models[next_taken] = CommuneModel();
            ++next_taken;
        }
    };
    auto read = [&](unsigned t) {
        try {
            std::optional<LayerReader> own;
            LayerReader &reader = t == 0 ? first : own.emplace(first.options);
            for (unsigned k = next_part++; k < parts; k = next_part++) {
                if (parts > 1) {
                    read_part(reader.ctx.roads, k, parts);
                    read_part(reader.ctx.buildings, k, parts);
                }
                reader.ctx.skipped_features = &skips[k];
                reader.ingest.run(models[k], reader.ctx);
                reader.ctx.skipped_features = nullptr;
                read_done[k] = true;
                take_ready(false);
            }
        } catch (...) {
            errors[t] = std::current_exception();
            failed = true;
            next_part = parts; // the others stop after their current part
        }
    };
    std::vector<std::thread> pool;
    try {
        for (unsigned t = 1; t < threads; ++t) {
            pool.emplace_back(read, t);
        }
    } catch (const std::system_error &) {
        // The system would start no more threads: those started read every part.
    }
    read(0);
    for (std::thread &t : pool) {
        t.join();
    }
    for (const std::exception_ptr &e : errors) {
        if (e) {
            std::rethrow_exception(e);
        }
    }
    take_ready(true);
}

} // namespace

std::pair<std::int64_t, std::int64_t> fid_range_part(std::pair<std::int64_t, std::int64_t> bounds,
                                                     unsigned k, unsigned parts) {
    if (parts <= 1) {
        return bounds;
    }
    // Offsets from the first FID, unsigned so that no range overflows.
    const std::uint64_t last =
        static_cast<std::uint64_t>(bounds.second) - static_cast<std::uint64_t>(bounds.first);
    const std::uint64_t step = last / parts + 1;
    const std::uint64_t from = step * k;
    if (from > last) {
        return {1, 0};
    }
    const std::uint64_t to = k + 1 == parts ? last : std::min(last, from + step - 1);
    const auto at = [&](std::uint64_t offset) {
        return static_cast<std::int64_t>(static_cast<std::uint64_t>(bounds.first) + offset);
    };
    return {at(from), at(to)};
}

BatchLayers BatchLayers::read(const RunOptions &options, const std::string &insee,
                              const LayerReadPlan &plan) {
    RunOptions o = options;
    o.insee = insee;
    o.boundary.clear();
    o.parcels.clear();
    o.communes_deleguees.clear();
    LayerReader reader(o); // every source checked before anything is written
    const RunContext &ctx = reader.ctx;

    BatchLayers out;
    out.options_ = o;
    const bool indexed = all_indexed(ctx.roads) && all_indexed(ctx.buildings);
    switch (plan.reading) {
    case LayerReading::by_area:
        out.per_commune_ = indexed;
        break;
    case LayerReading::whole:
        out.per_commune_ = false;
        break;
    case LayerReading::automatic: {
        const auto roads = known_features(ctx.roads);
        const auto buildings = known_features(ctx.buildings);
        out.per_commune_ =
            indexed && !(roads && buildings && *roads + *buildings <= max_held_features &&
                         building_coverage(ctx, plan) >= min_held_coverage);
        break;
    }
    }
    if (out.per_commune_) {
        return out;
    }
    const bool in_parts = all_in_parts(ctx.roads) && all_in_parts(ctx.buildings);
    const unsigned threads = in_parts ? std::max(1u, plan.jobs) : 1u;
    // In parts, the counts the sources give (at most what is kept) leave no reallocation as
    // parts come in; a single part is held as it is.
    if (threads > 1) {
        if (const auto buildings = known_features(ctx.buildings)) {
            out.buildings_.reserve(static_cast<std::size_t>(*buildings));
        }
        if (const auto roads = known_features(ctx.roads)) {
            out.roads_.reserve(static_cast<std::size_t>(*roads));
            out.road_boxes_.reserve(static_cast<std::size_t>(*roads));
        }
    }
    read_whole(reader, threads, [&](CommuneModel &part, std::vector<SkippedFeature> &skipped) {
        out.hold(part);
        out.skipped_->add(skipped);
    });
    // Parts of several sources come source after source within each part: back in source
    // order, and every index with it.
    if (put_in_source_order(out.buildings_, out.roads_)) {
        out.building_cells_.clear();
        out.road_cells_.clear();
        out.road_boxes_.clear();
        CommuneModel all;
        all.buildings.swap(out.buildings_); // leaves them with no room: taken back whole
        all.roads.swap(out.roads_);
        out.hold(all);
    }
    return out;
}

namespace {
// Moves `from`'s elements to the end of `to` and returns where they start. With nothing held
// and no room made, `from`'s vector becomes `to` (no second copy of the layers while moving).
template <typename T> std::size_t append_moved(std::vector<T> &to, std::vector<T> &from) {
    const std::size_t first = to.size();
    if (to.capacity() == 0) {
        to = std::move(from);
    } else {
        std::move(from.begin(), from.end(), std::back_inserter(to));
    }
    return first;
}
} // namespace

void BatchLayers::hold(CommuneModel &part) {
    for (std::size_t i = append_moved(buildings_, part.buildings); i < buildings_.size(); ++i) {
        const geo::XY a = buildings_[i].anchor;
        building_cells_[cell_of(a.x, a.y)].push_back(static_cast<std::uint32_t>(i));
    }
    for (std::size_t i = append_moved(roads_, part.roads); i < roads_.size(); ++i) {
        const geo::Box box = geo::box_of(roads_[i].line);
        road_boxes_.push_back(box);
        if (!box.empty()) {
            for_each_cell(box, [&](Cell cell) {
                road_cells_[cell].push_back(static_cast<std::uint32_t>(i));
            });
        }
    }
}

CommuneInputs BatchLayers::take(BatchWorker &worker, const geo::MultiPolygon &boundary) const {
    const geo::Box box = geo::outer_box(boundary);
    CommuneInputs in;
    if (box.empty()) {
        return in;
    }
    std::vector<std::uint32_t> buildings;
    std::vector<std::uint32_t> roads;
    for_each_cell(box, [&](Cell cell) {
        if (auto it = building_cells_.find(cell); it != building_cells_.end()) {
            buildings.insert(buildings.end(), it->second.begin(), it->second.end());
        }
        if (auto it = road_cells_.find(cell); it != road_cells_.end()) {
            roads.insert(roads.end(), it->second.begin(), it->second.end());
        }
    });
    // Source order, each once: the same order as a run reading the layers itself.
    std::sort(buildings.begin(), buildings.end());
    std::sort(roads.begin(), roads.end());
    roads.erase(std::unique(roads.begin(), roads.end()), roads.end());

    const geo::PreparedArea area(worker.geos, boundary);
    in.buildings_inside_boundary = true;
    in.buildings.reserve(buildings.size()); // the candidates: most are inside
    for (const std::uint32_t i : buildings) {
        // The cells reach past the boundary's box: the box first, then the boundary itself.
        if (inside(buildings_[i].anchor, box) && area.contains(buildings_[i].anchor)) {
            in.buildings.push_back(buildings_[i]);
        }
    }
    for (const std::uint32_t i : roads) {
        if (road_boxes_[i].meets(box) && line_meets_box(roads_[i].line, box)) {
            in.roads.push_back(roads_[i]);
        }
    }
    return in;
}

std::vector<CommuneInputs>
BatchLayers::split(BatchWorker &worker, const std::vector<const geo::MultiPolygon *> &boundaries,
                   AreaFeatures area) const {
    std::vector<CommuneInputs> out(boundaries.size());
    if (!per_commune_) {
        for (std::size_t c = 0; c < boundaries.size(); ++c) {
            out[c] = take(worker, *boundaries[c]);
        }
        return out;
    }
    std::vector<geo::Box> boxes;
    std::deque<geo::PreparedArea> prepared; // not movable: a deque builds them in place
    boxes.reserve(boundaries.size());
    for (std::size_t c = 0; c < boundaries.size(); ++c) {
        boxes.push_back(geo::outer_box(*boundaries[c]));
        prepared.emplace_back(worker.geos, *boundaries[c]);
        out[c].buildings_inside_boundary = true; // by the test below
    }
    // Each feature goes to the communes that take it, in the area's (source) order: copied to
    // all but the last, moved to the last.
    std::vector<std::size_t> takers;
    for (Building &building : area.buildings) {
        takers.clear();
        for (std::size_t c = 0; c < boxes.size(); ++c) {
            if (!boxes[c].empty() && inside(building.anchor, boxes[c]) &&
                prepared[c].contains(building.anchor)) {
                takers.push_back(c);
            }
        }
        give_to_takers(
            takers, building, [&](std::size_t c) -> auto & { return out[c].buildings; });
    }
    for (RoadSegment &road : area.roads) {
        const geo::Box box = geo::box_of(road.line);
        takers.clear();
        for (std::size_t c = 0; c < boxes.size(); ++c) {
            if (!boxes[c].empty() && box.meets(boxes[c]) && line_meets_box(road.line, boxes[c])) {
                takers.push_back(c);
            }
        }
        give_to_takers(
            takers, road, [&](std::size_t c) -> auto & { return out[c].roads; });
    }
    return out;
}

namespace {

template <typename Input>
void filter_inputs(BatchWorker &worker, const std::string &legal,
                   std::vector<std::unique_ptr<Input>> &inputs, const geo::Box &box) {
    for (const auto &input : inputs) {
        if (input->present()) {
            input->set_spatial_filter(geo::transformed_envelope(
                worker.transformer(legal, input->crs_wkt()), geo::Direction::forward, box));
        }
    }
}

} // namespace

AreaFeatures BatchLayers::read_area(BatchWorker &worker, const geo::Box &box) const {
    AreaFeatures area;
    if (!per_commune_ || box.empty()) {
        return area;
    }
    LayerReader &reader = worker.reader(options_);
    const std::string legal = geo::legal_crs_for_insee(options_.insee).definition();
    filter_inputs(worker, legal, reader.ctx.roads, box);
    filter_inputs(worker, legal, reader.ctx.buildings, box);
    CommuneModel model;
    reader.ctx.diagnostics = Diagnostics{};
    std::vector<SkippedFeature> skips;
    reader.ctx.skipped_features = &skips;
    reader.ingest.run(model, reader.ctx);
    reader.ctx.skipped_features = nullptr;
    skipped_->add(skips); // areas overlap: each feature is kept once
    put_in_source_order(model.buildings, model.roads);
    area.buildings = std::move(model.buildings);
    area.roads = std::move(model.roads);
    return area;
}

} // namespace adressage::pipeline
