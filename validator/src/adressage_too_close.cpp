// Two rows of different addresses (voie, numero or suffixe) and the same position type closer
// than 1 m (the run's geometric check of the same code): both rows. Toponymes (99999), segment
// positions and rows without x/y are left out. Rows at one point are taken together first (many
// BALs put a whole lieu-dit on one point: pairs of rows would be quadratic): a point holding two
// addresses flags all its rows. The points are sorted into 1 m cells (position type, column, row of
// the grid); each is compared with the rest of its cell, the next cell of its column and the three
// cells of the next column, found by a pointer that only moves forward.
#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

#include "adressage_cross_checks.hpp"

namespace adressage::validator::detail {

namespace {

// A row to compare, in its 1 m cell.
struct Located {
    std::uint32_t position;
    std::int64_t cx, cy;
    double x, y;
    std::uint32_t row;
};

// A distinct point: its rows are located[first, last); `mixed` when they hold two addresses.
struct Point {
    std::uint32_t position;
    std::int64_t cx, cy;
    double x, y;
    std::uint32_t first, last;
    bool mixed = false;
    auto cell() const { return std::tie(position, cx, cy); }
};

bool same_address(const RowFacts &f, const RowFacts &g) {
    return g.voie == f.voie && g.numero == f.numero && g.suffixe == f.suffixe;
}

// The numbered rows with a position other than a segment and finite x/y, by cell then point.
std::vector<Located> located_rows(const std::deque<RowFacts> &rows, std::uint32_t segment) {
    std::vector<Located> located;
    located.reserve(rows.size());
    for (std::uint32_t r = 0; r < rows.size(); ++r) {
        const RowFacts &f = rows[r];
        if (f.numero != no_numero && f.numero != toponym_numero && f.position != segment &&
            std::isfinite(f.x) && std::isfinite(f.y) && std::abs(f.x) < 1e12 &&
            std::abs(f.y) < 1e12) {
            located.push_back({f.position, static_cast<std::int64_t>(std::floor(f.x)),
                               static_cast<std::int64_t>(std::floor(f.y)), f.x, f.y, r});
        }
    }
    std::sort(located.begin(), located.end(), [](const Located &a, const Located &b) {
        return std::tie(a.position, a.cx, a.cy, a.x, a.y, a.row) <
               std::tie(b.position, b.cx, b.cy, b.x, b.y, b.row);
    });
    return located;
}

std::vector<Point> distinct_points(const std::vector<Located> &located,
                                   const std::deque<RowFacts> &rows) {
    std::vector<Point> points;
    for (std::uint32_t i = 0; i < located.size(); ++i) {
        const Located &l = located[i];
        if (points.empty() || points.back().position != l.position || points.back().x != l.x ||
            points.back().y != l.y) {
            points.push_back({l.position, l.cx, l.cy, l.x, l.y, i, i + 1});
            continue;
        }
        Point &p = points.back();
        p.mixed = p.mixed || !same_address(rows[located[p.first].row], rows[l.row]);
        p.last = i + 1;
    }
    return points;
}

// By point: it holds two addresses, or lies closer than 1 m to a point of another address.
std::vector<bool> close_points(const std::vector<Point> &points,
                               const std::vector<Located> &located,
                               const std::deque<RowFacts> &rows) {
    constexpr double min_spacing = 1.0;
    std::vector<bool> close(points.size(), false);
    for (std::size_t i = 0; i < points.size(); ++i) {
        close[i] = points[i].mixed;
    }
    auto compare = [&](std::size_t a, std::size_t b) {
        const Point &p = points[a];
        const Point &q = points[b];
        const bool differ = p.mixed || q.mixed ||
                            !same_address(rows[located[p.first].row], rows[located[q.first].row]);
        if (differ && std::hypot(q.x - p.x, q.y - p.y) < min_spacing) {
            close[a] = true;
            close[b] = true;
        }
    };
    std::size_t next_column = 0; // first point at or after (position, cx + 1, cy - 1)
    for (std::size_t i = 0; i < points.size(); ++i) {
        const Point &p = points[i];
        std::size_t j = i + 1;
        for (; j < points.size() && points[j].cell() == p.cell(); ++j) {
            compare(i, j);
        }
        const std::int64_t cy_above = p.cy + 1;
        for (; j < points.size() && points[j].cell() == std::tie(p.position, p.cx, cy_above); ++j) {
            compare(i, j);
        }
        const std::int64_t cx_next = p.cx + 1, cy_low = p.cy - 1, cy_high = p.cy + 1;
        next_column = std::max(next_column, i + 1);
        while (next_column < points.size() &&
               points[next_column].cell() < std::tie(p.position, cx_next, cy_low)) {
            ++next_column;
        }
        for (std::size_t k = next_column;
             k < points.size() && points[k].cell() <= std::tie(p.position, cx_next, cy_high); ++k) {
            compare(i, k);
        }
    }
    return close;
}

} // namespace

void flag_too_close(const std::deque<RowFacts> &rows, std::uint32_t segment, ExtraAlerts &alerts) {
    const std::vector<Located> located = located_rows(rows, segment);
    const std::vector<Point> points = distinct_points(located, rows);
    const std::vector<bool> close = close_points(points, located, rows);
    std::vector<bool> flagged(rows.size(), false);
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (close[i]) {
            for (std::uint32_t k = points[i].first; k < points[i].last; ++k) {
                flagged[located[k].row] = true;
            }
        }
    }
    for (std::uint32_t r = 0; r < rows.size(); ++r) {
        if (flagged[r]) {
            alerts.add(rows[r].line, ExtraCode::position_trop_proche);
        }
    }
}

} // namespace adressage::validator::detail
