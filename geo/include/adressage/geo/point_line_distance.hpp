#pragma once
// The distance from a point to a polyline, computed as GEOS 3.11 computes GEOSDistance between
// a point and a linestring (algorithm::Distance::pointToSegment over every segment, keeping the
// smallest): the same operations in the same order, so the same bits, without building GEOS
// geometries for every query.
#include <algorithm>
#include <limits>
#include <optional>

#include "adressage/geo/xy.hpp"

namespace adressage::geo {

double point_segment_distance(XY p, XY a, XY b);

// `line` has at least two points.
double point_line_distance(XY p, const Polyline &line);

// point_line_distance when it is at most `reach`, else nothing; segments whose box lies
// farther than the reach (or than the best so far) are not measured.
std::optional<double> point_line_distance_within(XY p, const Polyline &line, double reach);

// The smallest distance from `p` to the segments it is shown, when at most `reach`: shown every
// segment of a line, or at least every one whose box lies within the reach, in any order and
// some more than once, result() is point_line_distance_within. A segment whose box is farther
// than the reach or than the best so far is not measured.
class NearestSegment {
  public:
    NearestSegment() = default;
    NearestSegment(XY p, double reach) : p_(p), reach_(reach), bound_(reach + slack) {}

    void consider(XY a, XY b) { consider(a, b, gap_to_segment_box(p_, a, b)); }
    // consider() given gap_to_segment_box(p, a, b), measured already.
    void consider(XY a, XY b, XY gap) {
        if (gap.x > bound_ || gap.y > bound_) {
            return;
        }
        const double d = point_segment_distance(p_, a, b);
        if (d < best_) {
            best_ = d;
            bound_ = std::min(bound_, best_ + slack);
        }
    }

    std::optional<double> result() const {
        if (best_ <= reach_) {
            return best_;
        }
        return std::nullopt;
    }

    // The box of a segment is a lower bound of its distance; the computed distances differ
    // from the true ones by far less than this slack, so a skipped segment could not have
    // given the smallest computed distance.
    static constexpr double slack = 1e-6;

  private:
    XY p_{};
    double reach_ = 0.0;
    double bound_ = 0.0;
    double best_ = std::numeric_limits<double>::max();
};

} // namespace adressage::geo
