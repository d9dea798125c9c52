#include "chunk_projection.hpp"

#include <span>
#include <string_view>

#include "fields.hpp"
#include "js_text.hpp"

namespace adressage::validator::detail {

namespace {

std::optional<double> coordinate(std::string_view raw) {
    const std::string_view v = js_trim(raw);
    FieldErrors ignored;
    return v.empty() ? std::nullopt : check_coordinate(v, ignored);
}

} // namespace

ChunkProjection::ChunkProjection(const std::vector<Column> &columns, std::size_t width,
                                 LegalProjector &projector)
    : width_(width), projector_(projector) {
    for (const Column &c : columns) {
        if (c.language < 0 && c.field == Field::long_) {
            lon_column_ = c.index;
        } else if (c.language < 0 && c.field == Field::lat) {
            lat_column_ = c.index;
        }
    }
}

void ChunkProjection::project(RowChunk &chunk) {
    chunk.projected.assign(chunk.count, geo::XY{});
    chunk.has_projection.assign(chunk.count, false);
    if (!lon_column_ || !lat_column_) {
        return;
    }
    const std::span<const std::string_view> cells(chunk.cells);
    territories_.assign(chunk.count, -1);
    for (std::size_t i = 0; i < chunk.count; ++i) {
        const auto lon = coordinate(cells[i * width_ + *lon_column_]);
        const auto lat = coordinate(cells[i * width_ + *lat_column_]);
        if (lon && lat) {
            territories_[i] = find_territory(*lon, *lat);
            chunk.projected[i] = {*lon, *lat};
        }
    }
    for (int t = 0; t < static_cast<int>(territory_count); ++t) {
        project_territory(t, chunk);
    }
}

void ChunkProjection::project_territory(int territory, RowChunk &chunk) {
    points_.clear();
    owners_.clear();
    for (std::size_t i = 0; i < chunk.count; ++i) {
        if (territories_[i] == territory) {
            points_.push_back(chunk.projected[i]);
            owners_.push_back(i);
        }
    }
    if (points_.empty()) {
        return;
    }
    projector_.project(territory, points_);
    for (std::size_t k = 0; k < points_.size(); ++k) {
        chunk.projected[owners_[k]] = points_[k];
        chunk.has_projection[owners_[k]] = true;
    }
}

} // namespace adressage::validator::detail
