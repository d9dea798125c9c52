#pragma once
// Linear referencing on polylines: where a point projects, how far along, on which side.
#include <cstddef>

#include "adressage/geo/xy.hpp"

namespace adressage::geo {

enum class Side { left, right, on };

// Side of `p` relative to the directed segment a→b.
Side side_of_segment(XY a, XY b, XY p);

double length(const Polyline &line);

// The point `along` metres from the first vertex, clamped to the line's ends.
XY point_at(const Polyline &line, double along);

struct LinePosition {
    double along = 0.0;   // distance from the first vertex to the foot, along the line
    double offset = 0.0;  // distance from the point to the foot
    Side side = Side::on; // side of the point, looking from the first vertex to the last
    XY foot;              // nearest point of the line
};

// The nearest point of `line` to `p`. On ties the earliest position along the line wins.
// Requires at least two vertices (they may coincide).
//
// The side is decided by the direction in which the line crosses the ray from `p` through
// its foot (the CD14 test: project, extend the point→projection segment, take the crossing
// direction), not by the sign at the nearest segment or vertex. The line's direction at the
// crossing is its chord over a window of ±w around the foot, w = half the offset (between
// 0.5 m and 25 m), clamped to the line's ends:
//  - at a vertex the chord spans both segments, so corners, zero-length segments and
//    digitising zigzags shorter than the window do not decide the side;
//  - on a circular curve a window centred on the foot is parallel to the tangent there, so
//    points on the inside of a bend stay on the inside (w ≤ offset/2 ≤ radius/2);
//  - beyond an end the ray does not cross the line; the end chord extended decides, so a
//    point a little past the end keeps the side it had just before it.
LinePosition locate(const Polyline &line, XY p);

// The lengths of the line's segments, in order (length() is their sum, in that order).
std::vector<double> segment_lengths(const Polyline &line);

// A line's segments measured once, for a line that serves many points: locate(), the side
// and point_at() then add up no lengths (the same sums, in the same order, so the same bits).
struct LineMeasures {
    std::vector<double> lengths;     // segment_lengths(line)
    std::vector<double> length_sums; // [0, l0, l0 + l1, ...]: one more than lengths
    // The running distance locate() measures along: the square roots of the segments' squared
    // lengths summed in order, up to the start of each segment.
    std::vector<double> foot_starts;
};
LineMeasures measure(const Polyline &line);

// locate() with the line measured beforehand: the same result.
LinePosition locate(const Polyline &line, const LineMeasures &measures, XY p);

// locate() for a point known to lie at most `reach` from the line (its distance as
// NearestLineIndex measures it, say): the same result, without measuring the segments whose
// box lies farther than the reach.
LinePosition locate(const Polyline &line, const LineMeasures &measures, XY p, double reach);

// The side of `p` seen from `foot`, a point `along` metres on `line`: sign of the cross
// product of the line's chord over [along - window, along + window] with p - foot.
Side side_at(const Polyline &line, double along, XY foot, XY p, double window);

// The points where the lines cross one another or themselves: two segments that are not
// neighbours on one line and whose interiors cross properly (each one's ends strictly on either
// side of the other). Touching at a vertex (a fork, a closed ring, a T) and collinear overlaps
// are not crossings. In order of (line, segment) of the first segment, then of the second.
std::vector<XY> crossings(const std::vector<Polyline> &lines);

} // namespace adressage::geo
