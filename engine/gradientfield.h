#pragma once
// The gradient field of f over a domain: arrows of grad f at the centres of a lattice of
// square-ish cells, with exact derivatives (the first-order dual sweep of sampleGradient),
// and the arrow lengths the contour view draws: proportional to |grad f| up to a cap, so that
// one steep corner does not shrink every other arrow to a dot.

#include "criticalpoints.h"

#include <Eigen/Core>

namespace gs {

/// Arrows along the domain's longer side by default.
inline constexpr int kFieldArrows = 17;
/// The fraction of arrows allowed above the cap: the cap is this quantile of |grad f|.
inline constexpr double kFieldCapQuantile = 0.9;

struct GradientField {
    /// Where the arrows start: the nodes of this grid are the cells' centres (x(i), y(j)).
    GridSpec grid;
    /// df/d(axisX) and df/d(axisY) at each arrow, (i, j); NaN where f is undefined.
    Eigen::ArrayXXd dx, dy;
    /// The arrow's length as a fraction of a cell: min(1, |grad f| / fullNorm); 0 where grad f
    /// is undefined or zero.
    Eigen::ArrayXXd length;
    /// The |grad f| drawn one cell long: the kFieldCapQuantile quantile of the finite nonzero
    /// |grad f| (nearest rank); 0 when there is none.
    double fullNorm = 0;
    /// How many arrows have |grad f| > fullNorm (drawn one cell long, capped).
    int capped = 0;
    /// The cell's side along x and y (the spacing of the arrows).
    double cellX = 0, cellY = 0;
};

/// grad f over `domain`'s two axes (the other inputs at `base`): the domain split into cells
/// of about equal sides, `arrows` along the longer side (at least 2, at most 200), the
/// field sampled at the cells' centres.
GradientField gradientField(const Expression& f, const GridSpec& domain,
                            const Eigen::VectorXd& base, int arrows = kFieldArrows);

} // namespace gs
