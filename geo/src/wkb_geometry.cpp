#include "wkb_geometry.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

#include "feature_geometry.hpp"

namespace adressage::geo::detail {

namespace {

enum class Type : std::uint32_t { line_string = 2, polygon = 3, multi_line = 5, multi_polygon = 6 };

// A little-endian WKB buffer read front to back; every read checks the bytes left.
class Cursor {
  public:
    Cursor(const unsigned char *data, std::size_t size) : at_(data), end_(data + size) {}

    bool u32(std::uint32_t &v) {
        if (end_ - at_ < 4) {
            return false;
        }
        std::memcpy(&v, at_, 4);
        at_ += 4;
        return true;
    }

    // A geometry's byte order and type: its base type (1 to 7) and its number of ordinates.
    bool header(std::uint32_t &base, unsigned &dims) {
        if (at_ == end_ || *at_ != 1) { // 1: little-endian, the only order read here
            return false;
        }
        ++at_;
        std::uint32_t type = 0;
        if (!u32(type) || type >= 4000) {
            return false;
        }
        base = type % 1000;
        const std::uint32_t flags = type / 1000; // ISO: 1 Z, 2 M, 3 ZM
        dims = 2 + (flags == 1 || flags == 3 ? 1 : 0) + (flags == 2 || flags == 3 ? 1 : 0);
        return true;
    }

    bool points(unsigned dims, std::vector<XY> &out) {
        std::uint32_t n = 0;
        if (!u32(n)) {
            return false;
        }
        const std::size_t stride = 8 * static_cast<std::size_t>(dims);
        if (static_cast<std::size_t>(end_ - at_) / stride < n) {
            return false;
        }
        out.resize(n);
        for (std::uint32_t i = 0; i < n; ++i) {
            std::memcpy(&out[i].x, at_, 8);
            std::memcpy(&out[i].y, at_ + 8, 8);
            at_ += stride;
        }
        return true;
    }

  private:
    const unsigned char *at_;
    const unsigned char *end_;
};

// The parts of a line string or a multi line string, or the rings of each polygon.
struct Parsed {
    Type type{};
    std::vector<std::vector<XY>> lines;
    std::vector<std::vector<Ring>> polygons;
};

bool parse_polygon(Cursor &c, unsigned dims, std::vector<Ring> &rings) {
    std::uint32_t n = 0;
    if (!c.u32(n) || n > (1u << 24)) {
        return false;
    }
    rings.resize(n);
    for (Ring &ring : rings) {
        if (!c.points(dims, ring)) {
            return false;
        }
    }
    return true;
}

std::optional<Parsed> parse(const unsigned char *wkb, std::size_t size) {
    Cursor c(wkb, size);
    std::uint32_t base = 0;
    unsigned dims = 0;
    if (!c.header(base, dims)) {
        return std::nullopt;
    }
    Parsed out;
    out.type = static_cast<Type>(base);
    switch (out.type) {
    case Type::line_string:
        out.lines.emplace_back();
        return c.points(dims, out.lines.back()) ? std::optional(std::move(out)) : std::nullopt;
    case Type::polygon:
        out.polygons.emplace_back();
        return parse_polygon(c, dims, out.polygons.back()) ? std::optional(std::move(out))
                                                           : std::nullopt;
    case Type::multi_line:
    case Type::multi_polygon: {
        std::uint32_t n = 0;
        if (!c.u32(n) || n > (1u << 24)) {
            return std::nullopt;
        }
        const bool lines = out.type == Type::multi_line;
        for (std::uint32_t i = 0; i < n; ++i) {
            std::uint32_t part = 0;
            unsigned part_dims = 0;
            if (!c.header(part, part_dims) ||
                part != static_cast<std::uint32_t>(lines ? Type::line_string : Type::polygon)) {
                return std::nullopt;
            }
            if (lines) {
                out.lines.emplace_back();
                if (!c.points(part_dims, out.lines.back())) {
                    return std::nullopt;
                }
            } else {
                out.polygons.emplace_back();
                if (!parse_polygon(c, part_dims, out.polygons.back())) {
                    return std::nullopt;
                }
            }
        }
        return out;
    }
    }
    return std::nullopt; // points, curves, collections...
}

// As vector_reader's read_lines on each line string, in order.
const char *take_lines(std::vector<std::vector<XY>> &lines, std::vector<Polyline> &out) {
    for (std::vector<XY> &line : lines) {
        if (const char *reason = add_line(std::move(line), out)) {
            return reason;
        }
    }
    return nullptr;
}

// As vector_reader's read_polygons on each polygon, in order.
const char *take_polygons(std::vector<std::vector<Ring>> &polygons, MultiPolygon &out) {
    for (std::vector<Ring> &rings : polygons) {
        if (rings.empty()) {
            return "empty_geometry"; // OGR: no exterior ring
        }
        Polygon p;
        p.outer = std::move(rings.front());
        p.holes.assign(std::make_move_iterator(rings.begin() + 1),
                       std::make_move_iterator(rings.end()));
        if (const char *reason = add_polygon(std::move(p), out)) {
            return reason;
        }
    }
    return nullptr;
}

// OGR's IsEmpty: every part, and every ring of every polygon, without a point.
bool is_empty(const Parsed &g) {
    const auto no_point = [](const std::vector<XY> &points) { return points.empty(); };
    return std::all_of(g.lines.begin(), g.lines.end(), no_point) &&
           std::all_of(g.polygons.begin(), g.polygons.end(), [&](const std::vector<Ring> &rings) {
               return std::all_of(rings.begin(), rings.end(), no_point);
           });
}

} // namespace

bool read_common_wkb(const unsigned char *wkb, std::size_t size, GeometryKind wanted,
                     FeatureRecord &record) {
    std::optional<Parsed> g = parse(wkb, size);
    if (!g) {
        return false;
    }
    clear_geometry(record);
    const bool lines = g->type == Type::line_string || g->type == Type::multi_line;
    if (is_empty(*g)) {
        record.skip_reason = "empty_geometry";
    } else if (wanted == GeometryKind::unknown) {
        record.skip_reason = lines ? take_lines(g->lines, record.lines)
                                   : take_polygons(g->polygons, record.polygons);
    } else if (wanted == GeometryKind::line && lines) {
        record.skip_reason = take_lines(g->lines, record.lines);
    } else if (wanted == GeometryKind::polygon && !lines) {
        record.skip_reason = take_polygons(g->polygons, record.polygons);
    } else {
        record.skip_reason = "wrong_geometry_type";
    }
    return true;
}

} // namespace adressage::geo::detail
