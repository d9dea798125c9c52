#pragma once
// Rows read ahead on a second thread, a chunk at a time (double buffering): while the validator
// checks one chunk, the worker reads the next one and gives it to `on_chunk` (the project's own
// checks). Chunks come out in file order and every row is seen once by each side, so the result
// is the same as reading on one thread, which is what `read_ahead` false does: each chunk is
// read and given to `on_chunk` in next(), on the caller's thread.
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

#include "adressage/formats/bal_reader.hpp"
#include "adressage/geo/xy.hpp"

namespace adressage::validator::detail {

struct RowChunk {
    std::vector<std::string_view> cells; // count rows of `width` cells, padded with ""
    std::vector<std::size_t> lines;      // file line of each row
    std::size_t first = 0;               // data-row index of the first row
    std::size_t count = 0;
    // Filled by on_chunk: each row's long/lat projected in its legal CRS, when it has both and
    // they fall in a territory (the 10 m check's projection, done on the reading thread).
    std::vector<geo::XY> projected;
    std::vector<bool> has_projection;
};

class ChunkPipeline {
  public:
    using NextRow = std::function<bool(formats::BalReadRow &)>;
    using OnChunk = std::function<void(RowChunk &)>;

    ChunkPipeline(NextRow next, std::size_t width, std::size_t rows_per_chunk, OnChunk on_chunk,
                  bool read_ahead = true);
    ChunkPipeline(const ChunkPipeline &) = delete;
    ChunkPipeline &operator=(const ChunkPipeline &) = delete;
    ~ChunkPipeline(); // stops and joins the worker, if any

    // The next chunk, valid until the following call; nullptr after the last one. Rethrows what
    // the worker threw.
    const RowChunk *next();

  private:
    void work();
    bool fill(RowChunk &chunk);

    NextRow next_row_;
    std::size_t width_;
    std::size_t rows_per_chunk_;
    OnChunk on_chunk_;
    RowChunk chunks_[2];
    bool full_[2] = {false, false};
    int current_ = -1; // the slot handed out, -1 before the first call
    std::size_t rows_read_ = 0;
    bool done_ = false; // the worker has read everything (or failed)
    bool stop_ = false; // the consumer went away
    std::exception_ptr error_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::thread worker_;
};

} // namespace adressage::validator::detail
