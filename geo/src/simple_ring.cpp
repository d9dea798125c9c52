#include "simple_ring.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace adressage::geo::detail {

namespace {

// Sign of the orientation of c against a→b: 1, -1, or 0 when rounding could change it
// (Shewchuk's filter with a bound some thirty times his: only a sure sign is returned).
int orientation(XY a, XY b, XY c) {
    const double left = (a.x - c.x) * (b.y - c.y);
    const double right = (a.y - c.y) * (b.x - c.x);
    const double det = left - right;
    const double bound = 1e-14 * (std::fabs(left) + std::fabs(right));
    if (det > bound) {
        return 1;
    }
    if (det < -bound) {
        return -1;
    }
    return 0;
}

Box box_of(XY p, XY q) {
    return {std::min(p.x, q.x), std::min(p.y, q.y), std::max(p.x, q.x), std::max(p.y, q.y)};
}

// Closed segments pq and uv, whose boxes are `a` and `b`, certainly have no common point.
bool certainly_apart(XY p, XY q, XY u, XY v, const Box &a, const Box &b) {
    if (!a.meets(b)) {
        return true;
    }
    const int d1 = orientation(p, q, u);
    const int d2 = orientation(p, q, v);
    if (d1 != 0 && d1 == d2) {
        return true;
    }
    const int d3 = orientation(u, v, p);
    const int d4 = orientation(u, v, q);
    return d3 != 0 && d3 == d4;
}

} // namespace

bool certainly_simple(const Ring &ring) {
    if (ring.size() < 4 || ring.front() != ring.back()) {
        return false;
    }
    const std::size_t n = ring.size() - 1; // segments; vertices 0..n-1, vertex n is vertex 0
    for (const XY &p : ring) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
            return false;
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        const XY a = ring[i];
        const XY b = ring[i + 1];
        const XY c = ring[(i + 2) % n];
        if (a == b || orientation(a, b, c) == 0) {
            return false;
        }
    }
    // Each segment's box once (on the stack for a footprint's few segments), not per pair.
    constexpr std::size_t few = 32;
    std::array<Box, few> stack_boxes;
    std::vector<Box> heap_boxes;
    Box *boxes = stack_boxes.data();
    if (n > few) {
        heap_boxes.resize(n);
        boxes = heap_boxes.data();
    }
    for (std::size_t i = 0; i < n; ++i) {
        boxes[i] = box_of(ring[i], ring[i + 1]);
    }
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 2; j < n; ++j) {
            if (i == 0 && j == n - 1) {
                continue; // consecutive through the closing vertex
            }
            if (!certainly_apart(ring[i], ring[i + 1], ring[j], ring[j + 1], boxes[i], boxes[j])) {
                return false;
            }
        }
    }
    return true;
}

} // namespace adressage::geo::detail
