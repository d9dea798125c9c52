#pragma once
// GEOS's STRtree keeps a void * per item; ours carry the item's index + 1 (never null), not an
// address: the one place where an index becomes such a pointer and back.
#include <cstddef>
#include <cstdint>

namespace adressage::geo::detail {

inline void *tree_item(std::size_t index) {
    // NOLINTNEXTLINE(performance-no-int-to-ptr): an index, never dereferenced
    return reinterpret_cast<void *>(static_cast<std::uintptr_t>(index + 1));
}

inline std::size_t tree_index(const void *item) {
    return static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(item) - 1);
}

} // namespace adressage::geo::detail
