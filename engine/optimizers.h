#pragma once
// Optimizers that walk a function's surface: gradient descent, momentum (heavy ball),
// Nesterov, Adam and Newton's method. A run returns its whole trajectory and why it
// stopped. Gradients and Hessians are exact (derivatives.h).

#include "curvature.h"
#include "expression.h"
#include "optiontable.h"

#include <Eigen/Core>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gs {

enum class Method { GradientDescent, Momentum, Nesterov, Adam, Newton, NewtonLineSearch };
enum class StopReason { Converged, MaxSteps, Diverged };

/// "gd", "momentum", "nesterov", "adam", "newton", "newton-ls"
std::string_view toString(Method m);
std::string_view displayName(Method m); ///< "Gradient descent", ..., "Newton + line search"
/// Every method, in the order of menus and messages.
inline constexpr Method kMethods[] = {Method::GradientDescent, Method::Momentum,
                                      Method::Nesterov,        Method::Adam,
                                      Method::Newton,          Method::NewtonLineSearch};
std::optional<Method> methodFromString(std::string_view name);
std::string_view toString(StopReason r); ///< "converged", "max_steps", "diverged"

/// Defaults and ranges are declared once in optiontable.h.
struct OptimizerOptions {
    static constexpr int kMaxSteps = int(options::steps.max);

    Method method = Method::GradientDescent;
    /// eta; for Newton, the step in flat or uphill directions
    double learningRate = options::learningRate.defaultValue;
    int maxSteps = int(options::steps.defaultValue);
    double momentum = options::momentum.defaultValue; ///< beta of momentum and Nesterov
    double beta1 = options::beta1.defaultValue, beta2 = options::beta2.defaultValue;
    double adamEpsilon = options::adamEpsilon.defaultValue;
    /// Newton: x <- x + damping * d (newton-ls: the first trial step)
    double damping = options::damping.defaultValue;
    double tolerance = options::tolerance.defaultValue; ///< converged when |grad f| <= tolerance
    /// Diverged when an iterate is further than this from the start (or f is not finite).
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

struct Step {
    Eigen::VectorXd x;
    double value = 0;
    double gradientNorm = 0;
    /// Newton: true when the Hessian at the previous iterate was not positive definite and
    /// the safeguarded step was taken instead of the pure Newton step.
    bool safeguarded = false;
    NewtonKind newton = NewtonKind::None; ///< the Newton step that led here
    double stepLength = 1;                ///< Newton: the fraction t of the direction taken
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
    /// "minimum", "maximum", "saddle", "degenerate" or "flat".
    std::string_view name() const { return flat ? "flat" : toString(classification); }
};

/// Why a diverged run diverged, told from its values: f falling without bound along the
/// path (f is unbounded below; no learning rate helps), or the steps growing while f rises
/// (the learning rate is too large for the curvature), or f undefined.
enum class Divergence { None, Undefined, UnboundedBelow, StepTooLarge };

struct Trajectory {
    std::vector<Step> steps; ///< the start first, then one entry per step taken
    StopReason reason = StopReason::MaxSteps;
    Divergence divergence = Divergence::None; ///< set when reason is Diverged
    std::string message;              ///< why it stopped, in words (a converged run: and where)
    std::optional<EndPoint> endPoint; ///< set when the run converged
    int stepCount() const { return static_cast<int>(steps.size()) - 1; }
};

/// The first option out of its declared range (optiontable.h), named by its field, or
/// nothing when all are valid. optimize() expects valid options; the document and the command
/// line both check with this.
std::optional<OptionProblem> checkOptions(const OptimizerOptions& options);

/// Runs the chosen method from `start`. Updates (g = grad f at the current x):
///   gd:        x <- x - eta g
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
