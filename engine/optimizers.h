#pragma once
// Optimizers that walk a function's surface: gradient descent (plain or with a backtracking
// line search), momentum (heavy ball), Nesterov, QHM, AdaGrad, RMSProp, Adam, QHAdam and
// Newton's method. A run returns its whole trajectory, each method's internal state per
// iteration and why it stopped. Gradients and Hessians are exact (derivatives.h); optional
// Gaussian gradient noise is drawn from the run's own seeded generator.

#include "curvature.h"
#include "expression.h"
#include "optiontable.h"

#include <Eigen/Core>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gs {

/// New methods are appended: the numbers of the old ones never change.
enum class Method {
    GradientDescent,
    Momentum,
    Nesterov,
    Adam,
    Newton,
    NewtonLineSearch,
    AdaGrad,
    RMSProp,
    QHM,
    QHAdam,
    GradientDescentLineSearch,
};
enum class StopReason { Converged, MaxSteps, Diverged };

/// "gd", "gd-linesearch", "momentum", "nesterov", "qhm", "adagrad", "rmsprop", "adam",
/// "qhadam", "newton", "newton-ls"
std::string_view toString(Method m);
std::string_view displayName(Method m); ///< "Gradient descent", ..., "Newton + line search"
/// Every method, in the order of menus and messages.
inline constexpr Method kMethods[] = {Method::GradientDescent,
                                      Method::GradientDescentLineSearch,
                                      Method::Momentum,
                                      Method::Nesterov,
                                      Method::QHM,
                                      Method::AdaGrad,
                                      Method::RMSProp,
                                      Method::Adam,
                                      Method::QHAdam,
                                      Method::Newton,
                                      Method::NewtonLineSearch};
/// The names of kMethods joined: "gd, gd-linesearch, ..., newton or newton-ls".
std::string methodNames();
/// AdaGrad, RMSProp, Adam, QHAdam: a per-coordinate step eta / (sqrt(v) + eps).
bool isAdaptive(Method m);
std::optional<Method> methodFromString(std::string_view name);
std::string_view toString(StopReason r); ///< "converged", "max_steps", "diverged"

/// Defaults and ranges are declared once in optiontable.h.
struct OptimizerOptions {
    static constexpr int kMaxSteps = int(options::steps.max);

    Method method = Method::GradientDescent;
    /// eta; for Newton, the step in flat or uphill directions
    double learningRate = options::learningRate.defaultValue;
    int maxSteps = int(options::steps.defaultValue);
    double momentum = options::momentum.defaultValue; ///< beta of momentum, Nesterov, QHM
    /// Adam's and QHAdam's decays of the first and second moments.
    double beta1 = options::beta1.defaultValue, beta2 = options::beta2.defaultValue;
    /// The eps of every adaptive method (AdaGrad, RMSProp, Adam, QHAdam); --eps.
    double epsilon = options::epsilon.defaultValue;
    double rho = options::rho.defaultValue; ///< RMSProp's decay
    double nu = options::nu.defaultValue;   ///< QHM's weight of the momentum buffer
    double nu1 = options::nu1.defaultValue, nu2 = options::nu2.defaultValue; ///< QHAdam's
    /// Gaussian gradient noise: each gradient the method uses gets sigma * N(0, 1) added per
    /// coordinate, drawn from a std::mt19937_64 seeded with `seed` and owned by the run.
    /// sigma = 0 draws nothing: the exact-gradient run, bit for bit.
    double noise = options::noise.defaultValue;
    std::uint64_t seed = std::uint64_t(options::seed.defaultValue);
    /// Newton: x <- x + damping * d (newton-ls: the first trial step)
    double damping = options::damping.defaultValue;
    double tolerance = options::tolerance.defaultValue; ///< converged when |grad f| <= tolerance
    /// A run diverges (StopReason::Diverged) at the first iterate x_k where
    ///   1. f(x_k) or grad f(x_k) is not finite (undefined, or overflowed);
    ///   2. |f(x_k) - f(x_0)| > D0 / eps, D0 = |grad f(x_0)| |x_1 - x_0| the first step's
    ///      first-order change of f, eps = 2^-52: f has risen (the steps overshoot) or fallen
    ///      (f unbounded below) so far that the start's scale is below f's rounding;
    ///   3. |x_k - x_0| > escapeRadius (the window: ten times the plot's size).
    /// The rules in words: docs/cli.md, "Divergence".
    double escapeRadius = 1e12;

    bool operator==(const OptimizerOptions&) const = default;
};

/// What a Newton step that led to an iterate actually was.
enum class NewtonKind {
    None,        ///< not a Newton step (the start, or another method)
    Pure,        ///< x - H^-1 g, in full
    Damped,      ///< x - t H^-1 g with t < 1 (the damping option, or the line search)
    Safeguarded, ///< H not positive definite: the eigenvalue-floored direction (any length)
};
std::string_view toString(NewtonKind k); ///< "", "pure", "damped", "safeguarded"

/// What a method computed at one iterate to take its step (all empty at the last iterate,
/// from which no step was taken, except the gradient). An empty vector: the method has no
/// such quantity (gradient descent has no moment, momentum no second moment).
struct StepState {
    /// The gradient the update used, noise included: at x, except for Nesterov (at the
    /// look-ahead point x + beta v).
    Eigen::VectorXd gradient;
    /// The velocity v (momentum, Nesterov), the buffer b (QHM) or the first moment m
    /// (Adam, QHAdam; before the bias correction), after this step's update.
    Eigen::VectorXd moment;
    /// The accumulator G (AdaGrad), the running mean E (RMSProp) or the second moment v
    /// (Adam, QHAdam; before the bias correction), after this step's update.
    Eigen::VectorXd secondMoment;
    /// The effective step per coordinate: eta / (sqrt(G or E or v-hat) + eps) for the adaptive
    /// methods (QHAdam: the sqrt of its mixed denominator), eta for the others, the accepted
    /// trial step t for gd-linesearch. Empty for Newton.
    Eigen::VectorXd rate;
    /// Newton: the Hessian at x the direction was solved with (empty for the others, and
    /// where it was not computed).
    Eigen::MatrixXd hessian;
    Eigen::VectorXd update; ///< the step taken: x_{k+1} - x_k
    double updateNorm = 0;  ///< |x_{k+1} - x_k|
};

struct Step {
    Eigen::VectorXd x;
    double value = 0;
    double gradientNorm = 0;
    /// Newton: true when the Hessian at the previous iterate was not positive definite and
    /// the safeguarded step was taken instead of the pure Newton step.
    bool safeguarded = false;
    NewtonKind newton = NewtonKind::None; ///< the Newton step that led here
    double stepLength = 1;                ///< Newton: the fraction t of the direction taken
    /// The method's state at this iterate and the step it took from here.
    StepState state;
};

/// Where a converged run ended and what is there.
struct EndPoint {
    Eigen::VectorXd point;
    double value = 0;
    /// Minimum, maximum, saddle or degenerate by the Hessian's inertia (curvature.h); the
    /// run's own tolerance already says the gradient vanishes.
    Classification classification = Classification::Degenerate;
    /// A flat region: the Hessian vanishes too, at the run's resolution (every
    /// |lambda| * extent <= tolerance, extent = the largest distance of an iterate from
    /// the end point) or within rounding.
    bool flat = false;
    /// False when the Hessian was not computed (too many inputs, derivatives.h).
    bool classified = true;
    /// "minimum", "maximum", "saddle", "degenerate", "flat" or "unclassified".
    std::string_view name() const {
        return !classified ? "unclassified" : flat ? "flat" : toString(classification);
    }
};

/// Why a diverged run diverged, told from its values: f falling without bound along the
/// path (f is unbounded below; no learning rate helps), or the steps growing while f rises
/// (the learning rate is too large for the curvature), or f undefined.
enum class Divergence { None, Undefined, UnboundedBelow, StepTooLarge };

struct Trajectory {
    std::vector<Step> steps; ///< the start first, then one entry per step taken
    StopReason reason = StopReason::MaxSteps;
    Divergence divergence = Divergence::None; ///< set when reason is Diverged
    std::string message; ///< why it stopped, in words (a converged run: and where)
    /// A diverged run: the message's verdict alone, a short clause without the numbers ("the
    /// steps overshoot: learning rate too large"), for a line that must fit (the status bar).
    std::string verdict;
    std::optional<EndPoint> endPoint; ///< set when the run converged
    int stepCount() const { return static_cast<int>(steps.size()) - 1; }
};

/// The first option out of its declared range (optiontable.h), named by its field, or
/// nothing when all are valid. optimize() expects valid options; the document and the command
/// line both check with this.
std::optional<OptionProblem> checkOptions(const OptimizerOptions& options);

/// Runs the chosen method from `start`. Updates (g = grad f at the current x, plus the noise
/// when options.noise > 0; convergence is judged on the exact |grad f|; t = 1, 2, ...):
///   gd:        x <- x - eta g
///   gd-linesearch: t = eta, halved until f(x - t g) <= f(x) - c1 t |g|^2 (c1 = 1e-4);
///              x <- x - t g
///   qhm:       b <- beta b + (1-beta) g;          x <- x - eta ((1-nu) g + nu b)   (b0 = 0)
///   adagrad:   G <- G + g^2;                      x <- x - eta g / (sqrt(G) + eps)
///   rmsprop:   E <- rho E + (1-rho) g^2;          x <- x - eta g / (sqrt(E) + eps)
///   qhadam:    m, v as Adam; m^ = m / (1-b1^t), v^ = v / (1-b2^t);
///              x <- x - eta ((1-nu1) g + nu1 m^) / (sqrt((1-nu2) g^2 + nu2 v^) + eps)
///   momentum:  v <- beta v - eta g;              x <- x + v          (v0 = 0)
///   nesterov:  v <- beta v - eta grad f(x + beta v); x <- x + v
///   adam:      m <- b1 m + (1-b1) g;  s <- b2 s + (1-b2) g^2;
///              x <- x - eta (m / (1-b1^t)) / (sqrt(s / (1-b2^t)) + eps)
///   newton:    x <- x - damping H^-1 g when H is positive definite ("pure" Newton, as the
///              book teaches: it can go uphill when the quadratic model is poor); otherwise
///              the safeguarded step d = -sum_i (v_i.g) / max(|lambda_i|, 1/eta) v_i. That
///              d points downhill (g.d < 0) and in flat directions is no longer than a
///              gradient step, but the full step can still overshoot and increase f.
///   newton-ls: the same direction d, then backtracking (Armijo): t = damping, halved
///              until f(x + t d) <= f(x) + c1 t g.d (c1 = 1e-4); every step decreases f.
Trajectory optimize(const Expression& f, const Eigen::VectorXd& start,
                    const OptimizerOptions& options);

/// The Newton direction at x with the safeguard above (exposed for tests and drawing).
struct NewtonStep {
    Eigen::VectorXd direction;
    bool safeguarded = false;
};
NewtonStep newtonStep(const Eigen::VectorXd& gradient, const Eigen::MatrixXd& hessian,
                      double learningRate);

} // namespace gs
