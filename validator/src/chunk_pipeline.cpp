#include "chunk_pipeline.hpp"

#include <algorithm>

namespace adressage::validator::detail {

ChunkPipeline::ChunkPipeline(NextRow next, std::size_t width, std::size_t rows_per_chunk,
                             OnChunk on_chunk, bool read_ahead)
    : next_row_(std::move(next)), width_(width), rows_per_chunk_(rows_per_chunk),
      on_chunk_(std::move(on_chunk)) {
    for (RowChunk &chunk : chunks_) {
        chunk.cells.resize(rows_per_chunk_ * width_);
        chunk.lines.resize(rows_per_chunk_);
    }
    if (read_ahead) {
        worker_ = std::thread([this] { work(); });
    }
}

ChunkPipeline::~ChunkPipeline() {
    if (!worker_.joinable()) {
        return;
    }
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    worker_.join();
}

bool ChunkPipeline::fill(RowChunk &chunk) {
    formats::BalReadRow row;
    chunk.first = rows_read_;
    chunk.count = 0;
    while (chunk.count < rows_per_chunk_ && next_row_(row)) {
        const std::size_t used = std::min(width_, row.cells.size());
        const auto out = chunk.cells.begin() + static_cast<std::ptrdiff_t>(chunk.count * width_);
        std::copy_n(row.cells.begin(), used, out);
        std::fill(out + static_cast<std::ptrdiff_t>(used),
                  out + static_cast<std::ptrdiff_t>(width_), std::string_view());
        chunk.lines[chunk.count++] = row.line;
    }
    rows_read_ += chunk.count;
    return chunk.count == rows_per_chunk_; // a full chunk: there may be more
}

void ChunkPipeline::work() {
    try {
        for (int slot = 0;; slot ^= 1) {
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] { return stop_ || !full_[slot]; });
                if (stop_) {
                    break;
                }
            }
            RowChunk &chunk = chunks_[slot];
            const bool more = fill(chunk);
            if (on_chunk_ && chunk.count > 0) {
                on_chunk_(chunk);
            }
            {
                std::lock_guard lock(mutex_);
                full_[slot] = chunk.count > 0;
                done_ = !more;
            }
            changed_.notify_all();
            if (!more) {
                return;
            }
        }
    } catch (...) {
        std::lock_guard lock(mutex_);
        error_ = std::current_exception();
        done_ = true;
    }
    changed_.notify_all();
}

const RowChunk *ChunkPipeline::next() {
    if (!worker_.joinable()) { // no read-ahead: this thread reads
        if (done_) {
            return nullptr;
        }
        RowChunk &chunk = chunks_[0];
        done_ = !fill(chunk);
        if (on_chunk_ && chunk.count > 0) {
            on_chunk_(chunk);
        }
        return chunk.count > 0 ? &chunk : nullptr;
    }
    std::unique_lock lock(mutex_);
    if (current_ >= 0) {
        full_[current_] = false; // hand the slot back to the worker
        changed_.notify_all();
    }
    current_ = current_ < 0 ? 0 : current_ ^ 1;
    changed_.wait(lock, [&] { return full_[current_] || done_; });
    if (error_) {
        std::rethrow_exception(error_);
    }
    return full_[current_] ? &chunks_[current_] : nullptr;
}

} // namespace adressage::validator::detail
