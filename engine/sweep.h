#pragma once
// The learning rate explored: one method from one start over a log-spaced range of eta, run
// in parallel (each run exactly optimize()'s); and, on a quadratic, what theory says: the
// Hessian's eigen-directions, the stability limit 2/lambda_max and the optimal rate
// 2/(lambda_min + lambda_max) of gradient descent, the error along each eigenvector per
// iteration and the contraction factor per direction of gradient descent and heavy ball.

#include "expression.h"
#include "optimizers.h"

#include <Eigen/Core>
#include <atomic>
#include <optional>
#include <stop_token>
#include <vector>

namespace gs {

/// The degree of f as a polynomial in its inputs, read from the expression DAG: constants 0,
/// inputs 1, + and - the larger, * the sum, / by a constant and ^ a constant whole number
/// as in algebra; anything else (a function of an input, a variable exponent or divisor)
/// is not a polynomial: -1. Degrees above 2 are reported as 3 (all that matters here).
int polynomialDegree(const Expression& f);

/// f is quadratic (degree <= 2): its Hessian is the same everywhere. Exact: decided from
/// the expression, not from samples.
bool isQuadratic(const Expression& f);

/// f = f(x0) + g0.(x - x0) + 1/2 (x - x0)^T H (x - x0) exactly, from the derivatives at x0.
struct QuadraticModel {
    Eigen::MatrixXd hessian;
    Eigen::VectorXd eigenvalues;  ///< ascending
    Eigen::MatrixXd eigenvectors; ///< column i belongs to eigenvalue i
    /// The critical point x* = x0 - H^-1 g0 when H is nonsingular (every |lambda| above
    /// the rounding bound of the eigen-decomposition); empty otherwise.
    Eigen::VectorXd criticalPoint;
    bool hasCriticalPoint() const { return criticalPoint.size() > 0; }
    /// Gradient descent converges on this quadratic iff 0 < eta < 2 / lambda_max (lambda_min
    /// > 0): set when H is positive definite, as is the optimal rate below.
    std::optional<double> stabilityLimit;
    /// eta = 2 / (lambda_min + lambda_max): the slowest direction contracts by
    /// (kappa - 1) / (kappa + 1) per step, the best a single eta can do.
    std::optional<double> optimalRate;
};

/// The model when f is quadratic (isQuadratic), else nothing. `at` is any point of the
/// inputs' dimension (the Hessian does not depend on it; the critical point is exact).
std::optional<QuadraticModel> quadraticModel(const Expression& f, const Eigen::VectorXd& at);

/// Contraction factor per step of gradient descent along an eigen-direction with
/// curvature lambda: e <- (1 - eta lambda) e, so |1 - eta lambda|.
double gradientDescentFactor(double eta, double lambda);

/// Heavy-ball momentum (x <- x - eta g + beta (x - x_prev)) along an eigen-direction:
/// (e_{k+1}, e_k) = M (e_k, e_{k-1}) with M = [[1 + beta - eta lambda, -beta], [1, 0]]; the
/// factor is M's spectral radius: the larger |root| of mu^2 - (1 + beta - eta lambda) mu +
/// beta = 0 (sqrt(beta) when the roots are complex).
double heavyBallFactor(double eta, double beta, double lambda);

/// The error of every iterate of a run along each eigenvector of H: row k, column i is
/// v_i . (x_k - x*). Nothing when the model has no critical point.
std::optional<Eigen::MatrixXd> eigenDirectionErrors(const QuadraticModel& q, const Trajectory& run);

/// The predicted contraction factor per eigen-direction for a run's options: gradient
/// descent and momentum (heavy ball) only, else nothing.
std::optional<Eigen::VectorXd> predictedFactors(const QuadraticModel& q,
                                                const OptimizerOptions& options);

/// n values from a to b, log-spaced: a (b/a)^(i/(n-1)), ends exactly a and b.
std::vector<double> logSpaced(double a, double b, int n);

struct SweepOptions {
    OptimizerOptions base; ///< method, budget, tolerance, ...: everything but eta
    double lrMin = options::sweepFrom.defaultValue, lrMax = options::sweepTo.defaultValue;
    int count = int(options::sweepCount.defaultValue);
    int threads = 0; ///< 0: one per hardware thread (at most count)
    /// A request to stop (a Cancel button): no further rate is started once it is set; the
    /// runs under way finish.
    std::stop_token stop;
    /// Counts the runs finished, as they finish (a progress bar may read it from another
    /// thread); may be null.
    std::atomic<int>* finished = nullptr;
};

/// One run of a sweep.
struct SweepPoint {
    double learningRate = 0;
    double finalValue = 0; ///< f at the last iterate (may be inf or nan when diverged)
    double finalGradientNorm = 0;
    int steps = 0; ///< steps taken
    StopReason reason = StopReason::MaxSteps;
    Divergence divergence = Divergence::None;
    bool converged() const { return reason == StopReason::Converged; }
    bool diverged() const { return reason == StopReason::Diverged; }
};

struct SweepResult {
    std::vector<SweepPoint> points; ///< by increasing learning rate
    /// Stopped (SweepOptions::stop) before every rate ran: the points are incomplete (those
    /// not run keep learningRate 0) and mean nothing as a sweep.
    bool cancelled = false;
    std::optional<QuadraticModel> quadratic; ///< set when f is quadratic
};

/// The first problem with the sweep's options (the base options, the range within the
/// learning rate's declared range with min < max, the count), or nothing.
std::optional<OptionProblem> checkSweep(const SweepOptions& options);

/// Runs base.method from `start` at each learning rate of logSpaced(lrMin, lrMax, count) on
/// `threads` std::jthreads; point i is exactly optimize(f, start, base with eta_i). Stops
/// early, `cancelled`, when options.stop is requested.
SweepResult sweepLearningRate(const Expression& f, const Eigen::VectorXd& start,
                              const SweepOptions& options);

} // namespace gs
