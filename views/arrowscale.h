#pragma once
// How long the ∇f and −∇f arrows are drawn, one rule for the 3-D view, the contour view and
// the readout that explains it. The arrows are in proportion to |∇f| over the plotted
// inputs: at their full length when |∇f| equals the plot's mean slope
//   S = (f_max − f_min) / (domain width),
// at most kMaxArrowRatio times that, and not at all below kMinArrowRatio of it (too short to
// see; the readout says so). Below the engine's stationarity tolerance there are none.

#include "surface.h"

#include <algorithm>
#include <cmath>

namespace gs {

inline constexpr double kMaxArrowRatio = 2.0, kMinArrowRatio = 0.02;

/// S = (f_max − f_min) / max(x width, y width) of the sampled surface.
inline double meanSlope(const SurfaceSample& s) {
    const GridSpec& g = s.grid;
    const double width = std::max(g.xmax - g.xmin, g.ymax - g.ymin);
    return width > 0 ? (s.zmax - s.zmin) / width : 0.0;
}

/// The arrow's length over its full length: |∇f| / S, at most kMaxArrowRatio; 0 where the
/// arrow is too short to draw (or S is 0 or not finite).
inline double arrowRatio(double gradientNorm, double slope) {
    if (!(slope > 0) || !std::isfinite(slope) || !std::isfinite(gradientNorm))
        return 0;
    const double r = gradientNorm / slope;
    return r < kMinArrowRatio ? 0.0 : std::min(r, kMaxArrowRatio);
}

} // namespace gs
