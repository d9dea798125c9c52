#include "naming/candidate_voies.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <xxhash.h>

#include "adressage/geo/linear_ref.hpp"
#include "adressage/geo/point_line_distance.hpp"
#include "core/union_find.hpp"

namespace adressage::pipeline {

namespace {

// A vertex on a 0.5 m grid: two pieces meet where their vertices fall in the same cell.
using VertexKey = std::pair<std::int64_t, std::int64_t>;

VertexKey key_of(geo::XY p) { return {std::llround(p.x * 2.0), std::llround(p.y * 2.0)}; }

struct KeyHash {
    std::size_t operator()(const VertexKey &k) const noexcept {
        return std::hash<std::int64_t>{}(k.first * 1000003 ^ k.second);
    }
};

// A vertex on a named road → the road (of the least name when several meet there: the same
// whatever the read order).
using NamedAt = std::unordered_map<VertexKey, std::size_t, KeyHash>;

void mark_named(NamedAt &named, VertexKey key, std::size_t road,
                const std::vector<RoadSegment> &roads) {
    const auto [it, added] = named.try_emplace(key, road);
    if (!added && roads[road].name < roads[it->second].name) {
        it->second = road;
    }
}

// A piece leaving a vertex: the piece (index among the unnamed) and its unit direction.
struct Arm {
    std::size_t piece;
    geo::XY dir;
};

// Beyond this turn (radians) two arms meeting at a junction are two voies, not one.
constexpr double max_deflection = 0.7854; // 45 degrees

std::optional<geo::XY> unit(geo::XY from, geo::XY to) {
    const double dx = to.x - from.x;
    const double dy = to.y - from.y;
    const double n = std::hypot(dx, dy);
    if (n == 0.0) {
        return std::nullopt;
    }
    return geo::XY{dx / n, dy / n};
}

// Every vertex of `line` not on a named road, with the arms of the piece there: one at an end,
// two at an inner vertex (the piece goes on through it).
void add_arms(const geo::Polyline &line, std::size_t piece, const NamedAt &named,
              std::unordered_map<VertexKey, std::vector<Arm>, KeyHash> &arms_at) {
    for (std::size_t k = 0; k < line.size(); ++k) {
        const VertexKey key = key_of(line[k]);
        if (named.contains(key)) {
            continue; // a named voie cuts the unnamed pieces that meet on it
        }
        std::vector<Arm> &arms = arms_at[key];
        if (k > 0) {
            if (const auto d = unit(line[k], line[k - 1])) {
                arms.push_back({piece, *d});
            }
        }
        if (k + 1 < line.size()) {
            if (const auto d = unit(line[k], line[k + 1])) {
                arms.push_back({piece, *d});
            }
        }
        if (arms.empty()) {
            arms.push_back({piece, {0.0, 0.0}}); // a piece of one point: still one piece
        }
    }
}

// At one vertex, the arms that go on into each other are one voie: a piece passing through,
// two arms alone, or, where several meet, the straightest pairs first (a road goes on through
// a junction, its side roads are voies of their own). Ties are broken by the directions, not
// by read order.
void join_at_vertex(const std::vector<Arm> &arms, UnionFind &sets) {
    if (arms.size() == 2) {
        sets.unite(arms[0].piece, arms[1].piece);
        return;
    }
    struct Pair {
        double deflection;
        std::size_t a, b;
    };
    std::vector<Pair> pairs;
    for (std::size_t a = 0; a < arms.size(); ++a) {
        for (std::size_t b = a + 1; b < arms.size(); ++b) {
            const double straight =
                -(arms[a].dir.x * arms[b].dir.x + arms[a].dir.y * arms[b].dir.y);
            const double deflection =
                arms[a].piece == arms[b].piece ? -1.0 : std::acos(std::clamp(straight, -1.0, 1.0));
            if (deflection <= max_deflection) {
                pairs.push_back({deflection, a, b});
            }
        }
    }
    const auto tie = [&](const Pair &p) {
        const geo::XY da = arms[p.a].dir;
        const geo::XY db = arms[p.b].dir;
        return std::make_tuple(p.deflection,
                               std::min(std::make_pair(da.x, da.y), std::make_pair(db.x, db.y)),
                               std::max(std::make_pair(da.x, da.y), std::make_pair(db.x, db.y)));
    };
    std::sort(pairs.begin(), pairs.end(),
              [&](const Pair &x, const Pair &y) { return tie(x) < tie(y); });
    std::vector<bool> paired(arms.size(), false);
    for (const Pair &p : pairs) {
        if (!paired[p.a] && !paired[p.b]) {
            paired[p.a] = paired[p.b] = true;
            sets.unite(arms[p.a].piece, arms[p.b].piece);
        }
    }
}

// An unnamed piece may end on a named road between two of its vertices (a T-junction mapped
// without a shared node, a cadastre lane drawn to the street): such an end is on the named
// voie too. Named lines are found by the cells of a 100 m grid that their boxes cover.
constexpr double on_named_line = 1.0; // metres
constexpr double cell_size = 100.0;

void add_ends_on_named_lines(const std::vector<RoadSegment> &roads,
                             const std::vector<std::size_t> &unnamed, NamedAt &named) {
    const auto cell = [](double v) { return static_cast<std::int64_t>(std::floor(v / cell_size)); };
    std::unordered_map<VertexKey, std::vector<std::size_t>, KeyHash> lines_in;
    for (std::size_t i = 0; i < roads.size(); ++i) {
        if (roads[i].name.empty()) {
            continue;
        }
        const geo::Box box = geo::box_of(roads[i].line);
        for (auto x = cell(box.min_x - on_named_line); x <= cell(box.max_x + on_named_line); ++x) {
            for (auto y = cell(box.min_y - on_named_line); y <= cell(box.max_y + on_named_line);
                 ++y) {
                lines_in[{x, y}].push_back(i);
            }
        }
    }
    for (const std::size_t u : unnamed) {
        for (const geo::XY end : {roads[u].line.front(), roads[u].line.back()}) {
            const auto it = lines_in.find({cell(end.x), cell(end.y)});
            if (it == lines_in.end() || named.contains(key_of(end))) {
                continue;
            }
            for (const std::size_t i : it->second) {
                if (roads[i].line.size() >= 2 &&
                    geo::point_line_distance_within(end, roads[i].line, on_named_line)) {
                    mark_named(named, key_of(end), i, roads);
                    break;
                }
            }
        }
    }
}

// The kind covering most of the candidate's length; ties: the first in byte order.
std::string main_kind(const std::vector<RoadSegment> &roads,
                      const std::vector<std::size_t> &pieces) {
    std::map<std::string, double> by_kind;
    for (const std::size_t i : pieces) {
        by_kind[roads[i].kind] += geo::length(roads[i].line);
    }
    std::string best;
    double most = -1.0;
    for (const auto &[kind, length] : by_kind) {
        if (length > most) {
            most = length;
            best = kind;
        }
    }
    return best;
}

// Ends: endpoints that belong to one piece of the candidate only; on a named road, on another
// candidate (a side road of an unnamed one), or on nothing (a dead end).
void count_ends(const std::vector<RoadSegment> &roads, const NamedAt &named,
                const std::unordered_map<VertexKey, std::vector<Arm>, KeyHash> &arms_at,
                VoieANommer &c) {
    std::map<VertexKey, int> endpoint_uses;
    std::unordered_set<VertexKey, KeyHash> inner;
    for (const std::size_t i : c.roads) {
        const geo::Polyline &line = roads[i].line;
        ++endpoint_uses[key_of(line.front())];
        ++endpoint_uses[key_of(line.back())];
        for (std::size_t k = 1; k + 1 < line.size(); ++k) {
            inner.insert(key_of(line[k]));
        }
    }
    for (const auto &[key, uses] : endpoint_uses) {
        if (uses != 1 || inner.contains(key)) {
            continue; // a junction inside the candidate
        }
        if (const auto on = named.find(key); on != named.end()) {
            ++c.named_ends;
            c.named_roads.push_back(on->second);
            continue;
        }
        const auto it = arms_at.find(key);
        const bool others = it != arms_at.end() && it->second.size() > 1; // its own arm and others
        ++(others ? c.unnamed_ends : c.free_ends);
    }
}

} // namespace

std::string candidate_id(const std::vector<const geo::Polyline *> &lines) {
    std::vector<VertexKey> keys;
    for (const geo::Polyline *line : lines) {
        for (const geo::XY p : *line) {
            keys.push_back(key_of(p));
        }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::vector<std::int64_t> flat;
    flat.reserve(keys.size() * 2);
    for (const auto &[x, y] : keys) {
        flat.push_back(x);
        flat.push_back(y);
    }
    const XXH64_hash_t hash = XXH64(flat.data(), flat.size() * sizeof(std::int64_t), 0);
    char text[16];
    std::snprintf(text, sizeof text, "%012llx",
                  static_cast<unsigned long long>(hash & 0xFFFFFFFFFFFFULL));
    return std::string("vn-") + text;
}

namespace {

// The candidates made of `pieces` (unnamed, all of one class: roads, or access-only ways),
// each joined at shared vertices and cut where `named` roads pass.
std::vector<VoieANommer> group_pieces(const std::vector<RoadSegment> &roads, const NamedAt &named,
                                      const std::vector<std::size_t> &pieces) {
    std::unordered_map<VertexKey, std::vector<Arm>, KeyHash> arms_at;
    for (std::size_t u = 0; u < pieces.size(); ++u) {
        add_arms(roads[pieces[u]].line, u, named, arms_at);
    }
    UnionFind sets(pieces.size());
    for (auto &[key, arms] : arms_at) {
        join_at_vertex(arms, sets);
    }
    std::map<std::size_t, VoieANommer> by_root; // the root is the lowest member: read order
    for (std::size_t u = 0; u < pieces.size(); ++u) {
        by_root[sets.find(u)].roads.push_back(pieces[u]);
    }
    std::vector<VoieANommer> out;
    out.reserve(by_root.size());
    for (auto &[root, c] : by_root) {
        std::vector<const geo::Polyline *> lines;
        for (const std::size_t i : c.roads) {
            c.length += geo::length(roads[i].line);
            lines.push_back(&roads[i].line);
            if (!roads[i].hint.empty() && (c.hint.empty() || roads[i].hint < c.hint)) {
                c.hint = roads[i].hint; // the least: the same whatever the read order
            }
        }
        c.id = candidate_id(lines);
        c.kind = main_kind(roads, c.roads);
        c.access_only = roads[c.roads.front()].access_only;
        count_ends(roads, named, arms_at, c);
        std::sort(c.named_roads.begin(), c.named_roads.end());
        c.named_roads.erase(std::unique(c.named_roads.begin(), c.named_roads.end()),
                            c.named_roads.end());
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace

std::vector<VoieANommer> candidate_voies(const std::vector<RoadSegment> &roads) {
    NamedAt named;
    std::vector<std::size_t> unnamed; // both classes, for the ends on named lines
    std::vector<std::size_t> ways;    // roads
    std::vector<std::size_t> access;  // footways, paths, steps
    for (std::size_t i = 0; i < roads.size(); ++i) {
        if (roads[i].name.empty()) {
            unnamed.push_back(i);
            (roads[i].access_only ? access : ways).push_back(i);
            continue;
        }
        for (const geo::XY p : roads[i].line) {
            mark_named(named, key_of(p), i, roads);
        }
    }
    add_ends_on_named_lines(roads, unnamed, named);
    std::vector<VoieANommer> out = group_pieces(roads, named, ways);
    std::vector<VoieANommer> paths = group_pieces(roads, named, access);
    out.insert(out.end(), std::make_move_iterator(paths.begin()),
               std::make_move_iterator(paths.end()));
    std::sort(out.begin(), out.end(),
              [](const VoieANommer &a, const VoieANommer &b) { return a.id < b.id; });
    return out;
}

} // namespace adressage::pipeline
