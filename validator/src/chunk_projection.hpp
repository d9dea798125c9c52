#pragma once
// The long/lat of a chunk's rows in their territory's legal projection, computed on the reading
// thread with one PROJ call per territory (the 10 m check of row.longlat_xy_incoherents).
#include <cstddef>
#include <optional>
#include <vector>

#include "adressage/geo/xy.hpp"
#include "chunk_pipeline.hpp"
#include "header_match.hpp"
#include "legal_projection.hpp"

namespace adressage::validator::detail {

class ChunkProjection {
  public:
    // width: the cells of a row. Keeps a reference to projector.
    ChunkProjection(const std::vector<Column> &columns, std::size_t width,
                    LegalProjector &projector);

    // Fills chunk.projected and chunk.has_projection.
    void project(RowChunk &chunk);

  private:
    void project_territory(int territory, RowChunk &chunk);

    std::optional<std::size_t> lon_column_, lat_column_;
    std::size_t width_;
    LegalProjector &projector_;
    // Per chunk: each row's territory, then one territory's points and their rows.
    std::vector<int> territories_;
    std::vector<geo::XY> points_;
    std::vector<std::size_t> owners_;
};

} // namespace adressage::validator::detail
