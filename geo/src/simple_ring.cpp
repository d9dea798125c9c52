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

// How many times the x of the segments' directions changes sign round the ring (vertical
// segments left out). A ring whose turns are all one way goes round k times when it is 2k:
// each turn is less than half a turn, so the direction passes north or south once per turn at
// most, twice per round.
int x_reversals(const Ring &ring) {
    int reversals = 0;
    int first = 0;
    int last = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const double dx = ring[i + 1].x - ring[i].x;
        const int sign = dx > 0.0 ? 1 : dx < 0.0 ? -1 : 0;
        if (sign == 0) {
            continue;
        }
        if (first == 0) {
            first = sign;
        } else if (sign != last) {
            ++reversals;
        }
        last = sign;
    }
    return reversals + (last != first ? 1 : 0);
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
    int turns = 0; // the sign of every turn while they all have one, else 2
    for (std::size_t i = 0; i < n; ++i) {
        const XY a = ring[i];
        const XY b = ring[i + 1];
        const XY c = ring[(i + 2) % n];
        const int turn = orientation(a, b, c);
        if (a == b || turn == 0) {
            return false;
        }
        turns = turns == 0 || turns == turn ? turn : 2;
    }
    if (turns != 2 && x_reversals(ring) == 2) {
        return true; // convex: every turn one way, and round once
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
