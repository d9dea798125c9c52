#pragma once
// Disjoint sets over 0..n-1 with path halving; the root of a set is its lowest member, so the
// sets and their roots do not depend on the order of the unions.
#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

namespace adressage::pipeline {

struct UnionFind {
    std::vector<std::size_t> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    std::size_t find(std::size_t i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
    void unite(std::size_t a, std::size_t b) {
        a = find(a);
        b = find(b);
        if (a != b) {
            parent[std::max(a, b)] = std::min(a, b);
        }
    }
};

} // namespace adressage::pipeline
