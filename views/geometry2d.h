#pragma once
// Small plane geometry the views share for placing things (legends, labels) clear of what is
// drawn: a segment against an axis-aligned rectangle. Placement arithmetic only, no
// mathematics of the function.

#include <algorithm>
#include <optional>
#include <utility>

namespace gs {

/// The parameters [t0, t1] of the part of the segment a + t (b - a), t in [0, 1], inside the
/// rectangle [x0, x1] x [y0, y1] (edges included), or nothing when it misses it.
/// Liang-Barsky: each side's half-plane p t <= q keeps the inside, with
/// p = (-dx, dx, -dy, dy), q = (ax - x0, x1 - ax, ay - y0, y1 - ay); p < 0 raises t0 to q / p,
/// p > 0 lowers t1 to q / p, p = 0 (parallel to the side) misses when q < 0.
inline std::optional<std::pair<double, double>> clipSegmentToRect(double ax, double ay, double bx,
                                                                  double by, double x0, double x1,
                                                                  double y0, double y1) {
    const double dx = bx - ax, dy = by - ay;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {ax - x0, x1 - ax, ay - y0, y1 - ay};
    double t0 = 0, t1 = 1;
    for (int k = 0; k < 4; ++k) {
        if (p[k] == 0) {
            if (q[k] < 0)
                return std::nullopt;
            continue;
        }
        const double t = q[k] / p[k];
        if (p[k] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
    }
    if (t0 > t1)
        return std::nullopt;
    return std::pair{t0, t1};
}

/// Whether the segment a-b meets the rectangle [x0, x1] x [y0, y1] (some part inside).
inline bool segmentMeetsRect(double ax, double ay, double bx, double by, double x0, double x1,
                             double y0, double y1) {
    return clipSegmentToRect(ax, ay, bx, by, x0, x1, y0, y1).has_value();
}

} // namespace gs
