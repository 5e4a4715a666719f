#pragma once
// Where grad f = 0 on a searched domain, and what kind of point each one is.
//
// Two inputs (the two chosen axes of a GridSpec, the other inputs held at a base point):
//   1. sample f and grad f on the grid (one vectorized first-order forward sweep);
//   2. seeds: cells where both partials change sign over the corners (where the zero lines
//      of f_x and f_y cross; every cell around which grad f winds is among them, since a
//      nonzero winding number needs both components to change sign), and nodes where |grad f| is a
//      local minimum along their row or column (zeros that do not change sign) if one Newton step
//      from there stays in a cell;
//   3. Newton's method on grad f = 0 with the exact Hessian (its pseudo-inverse), never
//      leaving the seed's cell and its neighbours, at most 100 steps, the geometric series of
//      steps summed at once where they shrink by a steady ratio (a zero of multiplicity k,
//      ratio (k-1)/k); where that fails, the step along the Hessian's largest
//      eigen-direction only (onto a curve of critical points);
//      accepted when |grad f| is zero next to the samples and to the Hessian there;
//   4. de-duplicate (distance <= sqrt(eps) * diagonal), drop points outside the domain, flag
//      points on its boundary; points with a singular Hessian that chain from cell to cell
//      (at most 2 cells apart) form curves, returned as polylines;
//   5. classify by the Hessian's eigenvalues (analyzeCurvature); where one is zero, from f:
//      along the valley floor for a rank-one Hessian, by the sign changes of f - f(p) around
//      small circles for a zero Hessian (two neighbouring radii must agree).
// One input: the same on an interval with f', f'' and the sign of f - f(p) on both sides.
// The derivative evaluations of one search are bounded by f's length and the samples
// (searchEvaluationBudget); Newton's iterations use jets without rounding bounds
// (derivativesWithoutBounds), the reported points' eigenvalues the bounded ones.
// The global minimum and maximum are over the searched domain only (critical points,
// stationary points along the edges, the samples including the corners, and the limits of f
// toward where it is undefined inside the domain: from the few highest and lowest samples
// beside an undefined one, kGapHalvings bisections toward it; where f still changes by more
// than sqrt(eps) of its size over the last ten, it is taken to grow without bound there and
// the extreme is not attained).
// Regions where |grad f| <= eps max|grad f| (f flat to rounding, e.g. where it underflows)
// are not searched, and the result's note says so.
//
// Limits: the search sees what the resolution resolves (a pole between two samples that are
// both defined, 1/x with an even number of samples, is not seen as one): two critical points within
// a cell may merge, a peak narrower than a cell may be missed, and a zero of grad f that does not
// change sign is found only when |grad f| has a local minimum on a grid line nearby. The
// circle test samples 144 angles, so sectors narrower than 2.5 degrees at a quarter cell
// (a zero Hessian with very different orders along different directions) can be missed.

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
    /// Bounds on their rounding errors (CurvatureAnalysis::eigenvalueErrors).
    Eigen::VectorXd eigenvalueErrors;
    Classification classification = Classification::Degenerate;
    /// Empty when the Hessian decides; otherwise how f decided: "degenerate minimum",
    /// "degenerate maximum", "degenerate saddle", "monkey saddle", "stationary inflection",
    /// "higher-order saddle", or why it could not ("undecided: ..."). Where the Hessian is
    /// lost to rounding (curvatureLost) rather than singular, f's signs decide without the
    /// word "degenerate": "minimum", "maximum", "saddle".
    std::string detail;
    /// The Hessian's rounding hides its curvature here (CurvatureAnalysis::curvatureLost):
    /// its eigenvalues within eigenvalueErrors of zero are unknown, not zero.
    bool curvatureLost = false;
    int signChanges = -1; ///< of f - f(p) around p, when that test was used
    bool onBoundary = false;
};

/// What a critical point is, in words: how f decided (`detail`, e.g. "monkey saddle") when it
/// did, else the Hessian's verdict ("minimum", "maximum", "saddle", "degenerate"). The
/// window's critical-point list and its readout name a point by it.
std::string kindOf(const CriticalPoint& p);

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
    /// Other points where f takes the same value to rounding at the scale of f on the domain
    /// (|f - value| <= kTieUlps eps max(|f|, |value|, max |f| sampled)): x^3 - 3x has its
    /// lowest value -2 at x = 1 and at the edge x = -2, Himmelblau's function 0 at four minima
    /// (computed as 0 and 1e-28), and a person must not read one of them as the global minimum
    /// and another not (tester s17). At most
    /// kMaxTies; none, and `manyTies`, when more (a curve of minima: its markers say it).
    std::vector<Eigen::VectorXd> ties;
    bool manyTies = false;
    /// False when f passes every other candidate approaching a point of the domain where it is
    /// undefined and is still changing there (1/x and log x near 0): f has no such extreme on
    /// the domain, whatever the samples say. Then `point` is the last point approached (within
    /// rounding of where f stops being defined, see approachGaps), `value` f there, no ties.
    bool attained = true;
    static constexpr double kTieUlps = 16;
    static constexpr std::size_t kMaxTies = 8;
};

struct CriticalPointSearch {
    std::vector<CriticalPoint> points; ///< isolated critical points, ascending by value
    std::vector<CriticalCurve> curves;
    DomainExtremum globalMinimum, globalMaximum;
    /// Where an approach from the most extreme samples found f still growing when rounding
    /// stopped it (a pole: 1/x at 0, tan x at +-pi/2), between two samples or beside an
    /// undefined one: a plot breaks its curve there. Each point lies within rounding of
    /// where f grows; one per approach, nearby ones merged (within a sample spacing).
    std::vector<Eigen::VectorXd> singularities;
    /// Set when the search could not run as asked (f constant: every point critical).
    std::string note;
    /// Exact-derivative evaluations Newton spent over every seed: the search's cost, which
    /// the step limit and the extrapolation at multiple zeros keep bounded.
    int newtonEvaluations = 0;
    int newtonRuns = 0; ///< Newton runs (seeds, and retries along the steepest direction)
    /// Every exact-derivative (second-order jet) evaluation of the search: Newton's, the
    /// one-step filter of |grad f|-minimum seeds, the valley test of singular points, the
    /// approaches toward poles and gaps (a value of f counted as one). Never
    /// above `evaluationBudget`. (Each point found takes one more, with rounding bounds, for its
    /// eigenvalues, counted as three and kept back from Newton's share.)
    long derivativeEvaluations = 0;
    long evaluationBudget = 0; ///< searchEvaluationBudget(f, samples, m) for this search
    int seedsSkipped = 0;      ///< seeds not polished because the budget was spent
};

/// Jet entries the search may compute per sample of its grid or interval (see
/// searchEvaluationBudget).
inline constexpr double kSearchEntriesPerSample = 10000;

/// The most exact-derivative evaluations one search over `samples` grid nodes or interval
/// samples, along `searched` inputs (1 or 2), may make:
///   budget = floor(kSearchEntriesPerSample * samples / (operations * (1 + m + m^2))),
/// operations = f's nodes, m = searched inputs. An evaluation computes, at every operation, a
/// value, m gradient and m^2 Hessian entries (and a rounding bound for each), so its cost is
/// proportional to operations * (1 + m + m^2), and the search's work is at most 10,000 jet
/// entries per sample however long f is. On the window's 101 x 101 grid that allows a
/// 400-operation f 36,000 evaluations (the book's functions use under 2,000 at most); on the
/// fuzz target's 9 x 9 grid 81 samples allow 289 evaluations of a 400-operation f. Seeds left
/// when it is spent are not polished (CriticalPointSearch::seedsSkipped, and the note says
/// so); a Newton run it stops keeps its best iterate; a singular point it leaves unclassified
/// says so in its detail.
long searchEvaluationBudget(const Expression& f, long samples, int searched);

/// Distances below sqrt(eps) * (domain diagonal) are one point, and that close to an edge
/// is on the boundary.
double positionTolerance(double diagonal);

/// Critical points of f over the grid's two axes (others at `base`).
CriticalPointSearch findCriticalPoints(const Expression& f, const GridSpec& grid,
                                       const Eigen::VectorXd& base);
/// Critical points of f along one input on an interval (others at `base`).
CriticalPointSearch findCriticalPoints(const Expression& f, const IntervalSpec& interval,
                                       const Eigen::VectorXd& base);

/// How the search decides a critical point p whose Hessian is singular (step 5 above): f
/// along the valley floor (rank-one Hessian, two inputs) or the sign changes of f - f(p)
/// around circles (sides for one input) at fractions of `cell`, the grid's cell size along
/// each of `axes` (one or two inputs). The classification, its `detail` ("monkey saddle",
/// "degenerate minimum", "undecided: ...") and `signChanges`; --analyze uses it so that it
/// and --critical-points give one answer.
CriticalPoint classifySingularPoint(const Expression& f, const Eigen::VectorXd& p,
                                    const std::vector<int>& axes, const Eigen::VectorXd& cell);

/// Sign changes of f(p + (rx cos t, ry sin t)) - f(p) over `samples` angles t around an
/// ellipse in the plane of inputs (axisX, axisY) (a circle in cell units); values within
/// rounding of zero, |f(q) - f(p)| <= 64 eps max|f|, carry no sign and are skipped.
/// Returns -1 when fewer than half the values carry a sign (f is flat there at this radius).
/// `sign` receives +1 when all signed values are positive, -1 all negative, 0 mixed.
int circleSignChanges(const Expression& f, const Eigen::VectorXd& p, int axisX, int axisY,
                      double rx, double ry, int samples, int* sign = nullptr);

} // namespace gs
