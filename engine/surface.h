#pragma once
// What a 3-D scene of f shows, computed once per change: the sampled surface
// (re-sampled only when the function or domain changes) and everything at the
// expansion point (recomputed on every move, in microseconds).

#include "curvature.h"
#include "evaluation.h"
#include "taylor.h"

#include <Eigen/Core>

namespace gs {

struct SurfaceSample {
    GridSpec grid;
    Eigen::ArrayXXd z;         ///< z(i, j) = f(x_i, y_j); NaN where f is undefined
    double zmin = 0, zmax = 1; ///< range of the finite values, never empty
    bool anyFinite = false;
};

/// Samples f over the grid and finds its finite value range.
SurfaceSample sampleSurface(const Expression& f, const GridSpec& grid, const Eigen::VectorXd& base);

struct Expansion {
    Eigen::VectorXd point;
    Derivatives at;
    double gradientNorm = 0; ///< |grad f(x0)|
    CurvatureAnalysis curvature;
    Eigen::ArrayXXd tangent;   ///< T1 on `tangentGrid`: a patch around the point
    Eigen::ArrayXXd quadratic; ///< T2 on `modelGrid`: the whole domain, as in the book
    GridSpec modelGrid, tangentGrid;
    ApproximationCheck check;
    /// Steepest ascent along the tangent plane over the grid axes: (g_x, g_y, |g|^2)
    /// (its projection on the x-y plane is grad f; -ascent is steepest descent).
    Eigen::Vector3d ascent = Eigen::Vector3d::Zero();
};

/// Everything shown at the expansion point `x0` for a surface over `domain`,
/// with models sampled on a `modelResolution`^2 grid and the error checked at x0 + epsilon.
Expansion expand(const Expression& f, const Eigen::VectorXd& x0, const GridSpec& domain,
                 int modelResolution, const Eigen::VectorXd& epsilon);

} // namespace gs
