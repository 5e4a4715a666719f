#pragma once
// Where grad f = 0 on a searched domain, and what kind of point each one is.
//
// Two inputs (the two chosen axes of a GridSpec, the other inputs held at a base point):
//   1. sample f and grad f on the grid (one vectorized first-order forward sweep);
//   2. candidate cells: both partials change sign over the cell's corners (where the zero
//      lines of f_x and f_y cross), plus grid nodes where |grad f| is a local minimum;
//   3. Newton's method on grad f = 0 with the exact Hessian, confined to the cell and its
//      neighbours, a bounded number of iterations;
//   4. de-duplicate (distance <= sqrt(eps) * diagonal), drop points outside the domain, flag
//      points on its boundary; singular points that chain from cell to cell form a curve;
//   5. classify by the Hessian's eigenvalues (analyzeCurvature); where the Hessian is
//      singular, by the sign changes of f - f(p) on small circles around p.
// One input: the same on an interval with f', f'' and the sign of f - f(p) on both sides.
// The global minimum and maximum are over the searched domain only (critical points,
// stationary points along the boundary, corners and the samples).
//
// Limits: a critical point where grad f does not change sign (x^3 + y^2 at a point between
// grid nodes) is found only from the |grad f| minima; points closer than a cell apart may
// merge; the search sees what the resolution resolves.

#include "curvature.h"
#include "evaluation.h"
#include "expression.h"

#include <Eigen/Core>
#include <string>
#include <vector>

namespace gs {

/// f and its two partial derivatives along the grid's axes, at every grid node.
struct GradientSample {
    GridSpec grid;
    Eigen::ArrayXXd value, dx, dy; ///< (i, j) as in sampleGrid; NaN where undefined
};

/// f, df/d(axisX), df/d(axisY) on the grid: one forward sweep of first-order duals over
/// Eigen arrays (exact derivatives, the rules of unaryDerivatives).
GradientSample sampleGradient(const Expression& f, const GridSpec& grid,
                              const Eigen::VectorXd& base);

/// An interval of one input; the other inputs stay at a base point.
struct IntervalSpec {
    double xmin = -2, xmax = 2;
    int n = 101;  ///< samples, >= 2
    int axis = 0; ///< which input varies
    double x(int i) const { return n > 1 ? xmin + (xmax - xmin) * i / (n - 1) : xmin; }
};

struct CriticalPoint {
    Eigen::VectorXd point; ///< all inputs (the searched ones polished, the others from base)
    double value = 0;
    double gradientNorm = 0;     ///< |grad f| over the searched inputs at `point`
    Eigen::VectorXd eigenvalues; ///< of the Hessian over the searched inputs, ascending
    Classification classification = Classification::Degenerate;
    /// Empty when the Hessian decides; otherwise how f decided: "degenerate minimum",
    /// "degenerate maximum", "degenerate saddle", "monkey saddle", "stationary inflection",
    /// "higher-order saddle", or why it could not ("undecided: ...").
    std::string detail;
    int signChanges = -1; ///< of f - f(p) around p, when that test was used
    bool onBoundary = false;
};

/// A connected set of critical points (a valley or ridge of constant f), as a polyline.
struct CriticalCurve {
    std::vector<Eigen::VectorXd> points; ///< ordered along the curve, all inputs
    Classification classification = Classification::Degenerate;
    double value = 0; ///< mean of f on the points
    double valueMin = 0, valueMax = 0;
    bool closed = false; ///< the last point joins the first
    bool touchesBoundary = false;
};

/// The lowest or highest value of f found on the searched domain (not beyond it).
struct DomainExtremum {
    bool found = false; ///< false when f is undefined everywhere searched
    Eigen::VectorXd point;
    double value = 0;
    bool onBoundary = false;
};

struct CriticalPointSearch {
    std::vector<CriticalPoint> points; ///< isolated critical points, ascending by value
    std::vector<CriticalCurve> curves;
    DomainExtremum globalMinimum, globalMaximum;
    /// Set when the search could not run as asked (f constant: every point critical).
    std::string note;
};

/// Distances below sqrt(eps) * (domain diagonal) are one point, and that close to an edge
/// is on the boundary.
double positionTolerance(double diagonal);

/// Critical points of f over the grid's two axes (others at `base`).
CriticalPointSearch findCriticalPoints(const Expression& f, const GridSpec& grid,
                                       const Eigen::VectorXd& base);
/// Critical points of f along one input on an interval (others at `base`).
CriticalPointSearch findCriticalPoints(const Expression& f, const IntervalSpec& interval,
                                       const Eigen::VectorXd& base);

/// Sign changes of f(p + (rx cos t, ry sin t)) - f(p) over `samples` angles t around an
/// ellipse in the plane of inputs (axisX, axisY) (a circle in cell units); values within
/// rounding of zero, |f(q) - f(p)| <= 64 eps max|f|, carry no sign and are skipped.
/// Returns -1 when fewer than half the values carry a sign (f is flat there at this radius).
/// `sign` receives +1 when all signed values are positive, -1 all negative, 0 mixed.
int circleSignChanges(const Expression& f, const Eigen::VectorXd& p, int axisX, int axisY,
                      double rx, double ry, int samples, int* sign = nullptr);

} // namespace gs
