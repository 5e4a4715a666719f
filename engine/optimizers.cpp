#include "optimizers.h"

#include "curvature.h"
#include "derivatives.h"
#include "evaluation.h"

#include <Eigen/Eigenvalues>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <limits>
#include <random>

namespace gs {

namespace {

std::string shortNumber(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g", v);
    return buffer;
}

} // namespace

std::string_view toString(Method m) {
    switch (m) {
    case Method::GradientDescent:
        return "gd";
    case Method::Momentum:
        return "momentum";
    case Method::Nesterov:
        return "nesterov";
    case Method::Adam:
        return "adam";
    case Method::Newton:
        return "newton";
    case Method::NewtonLineSearch:
        return "newton-ls";
    case Method::AdaGrad:
        return "adagrad";
    case Method::RMSProp:
        return "rmsprop";
    case Method::QHM:
        return "qhm";
    case Method::QHAdam:
        return "qhadam";
    case Method::GradientDescentLineSearch:
        return "gd-linesearch";
    }
    return "gd";
}

std::string_view displayName(Method m) {
    switch (m) {
    case Method::GradientDescent:
        return "Gradient descent";
    case Method::Momentum:
        return "Momentum";
    case Method::Nesterov:
        return "Nesterov";
    case Method::Adam:
        return "Adam";
    case Method::Newton:
        return "Newton";
    case Method::NewtonLineSearch:
        return "Newton + line search";
    case Method::AdaGrad:
        return "AdaGrad";
    case Method::RMSProp:
        return "RMSProp";
    case Method::QHM:
        return "QHM";
    case Method::QHAdam:
        return "QHAdam";
    case Method::GradientDescentLineSearch:
        return "Gradient descent + line search";
    }
    return "";
}

std::optional<Method> methodFromString(std::string_view name) {
    for (Method m : kMethods)
        if (name == toString(m))
            return m;
    return std::nullopt;
}

std::string methodNames() {
    std::string out;
    const std::size_t n = std::size(kMethods);
    for (std::size_t i = 0; i < n; ++i)
        out += (i == 0 ? "" : i + 1 == n ? " or " : ", ") + std::string(toString(kMethods[i]));
    return out;
}

bool isAdaptive(Method m) {
    return m == Method::AdaGrad || m == Method::RMSProp || m == Method::Adam || m == Method::QHAdam;
}

std::string_view toString(NewtonKind k) {
    switch (k) {
    case NewtonKind::None:
        return "";
    case NewtonKind::Pure:
        return "pure";
    case NewtonKind::Damped:
        return "damped";
    case NewtonKind::Safeguarded:
        return "safeguarded";
    }
    return "";
}

std::string_view toString(StopReason r) {
    switch (r) {
    case StopReason::Converged:
        return "converged";
    case StopReason::MaxSteps:
        return "max_steps";
    case StopReason::Diverged:
        return "diverged";
    }
    return "max_steps";
}

std::optional<OptionProblem> checkOptions(const OptimizerOptions& o) {
    const std::pair<const OptionSpec&, double> checks[] = {
        {options::learningRate, o.learningRate},
        {options::steps, o.maxSteps},
        {options::momentum, o.momentum},
        {options::beta1, o.beta1},
        {options::beta2, o.beta2},
        {options::damping, o.damping},
        {options::tolerance, o.tolerance},
        {options::epsilon, o.epsilon},
        {options::rho, o.rho},
        {options::nu, o.nu},
        {options::nu1, o.nu1},
        {options::nu2, o.nu2},
        {options::noise, o.noise},
        {options::seed, double(o.seed)},
    };
    for (const auto& [spec, value] : checks)
        if (auto problem = checkOption(spec, value))
            return problem;
    return std::nullopt;
}

NewtonStep newtonStep(const Eigen::VectorXd& g, const Eigen::MatrixXd& h, double learningRate) {
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(h);
    const Eigen::VectorXd& lambda = eig.eigenvalues();
    const double tol = relativeTolerance() * lambda.cwiseAbs().maxCoeff();
    NewtonStep step;
    if ((lambda.array() > tol).all()) {
        step.direction =
            -(eig.eigenvectors() *
              ((eig.eigenvectors().transpose() * g).array() / lambda.array()).matrix());
        return step;
    }
    // Not positive definite: rescale each eigen-direction by 1/max(|lambda|, 1/eta), so the
    // direction points downhill (g.d = -sum (v_i.g)^2 / max(...) < 0) and is at most a
    // gradient step where flat. A full step along it can still overshoot uphill.
    step.safeguarded = true;
    const double floor = 1.0 / learningRate;
    const Eigen::ArrayXd scale = lambda.array().abs().max(floor);
    step.direction =
        -(eig.eigenvectors() * ((eig.eigenvectors().transpose() * g).array() / scale).matrix());
    return step;
}

namespace {

// The last falls of f (up to 3) each smaller than the one before: f falls ever more slowly,
// toward a bound it may never reach (1/(x - 0.3)^2 as Newton walks off to x -> -inf, f -> 0:
// tester s24, reported "f unbounded below") or without bound but slowly (-log x). A few
// values cannot tell which: neither is claimed.
bool fallingSlower(const std::vector<Step>& steps) {
    const std::size_t n = steps.size();
    if (n < 4)
        return false;
    const auto fall = [&](std::size_t k) { return steps[k - 1].value - steps[k].value; };
    return fall(n - 1) > 0 && fall(n - 1) < fall(n - 2) && fall(n - 2) < fall(n - 3);
}

// f fell without bound when its last values (up to 4 steps) fell step after step, by no less
// each step, and ended below the start: an unbounded-below f. A step that is too large
// overshoots instead, so f rises (|x - x*| grows by |1 - eta lambda| > 1 per step on a
// quadratic with lambda > 0).
bool fallingWithoutBound(const std::vector<Step>& steps) {
    const std::size_t n = steps.size();
    if (n < 2)
        return false;
    const std::size_t from = n > 5 ? n - 5 : 0;
    for (std::size_t i = from + 1; i < n; ++i)
        if (!(steps[i].value < steps[i - 1].value))
            return false;
    return steps.back().value < steps.front().value && !fallingSlower(steps);
}

// Armijo's sufficient-decrease constant and how many halvings the line search may try
// (2^-60 of the step is below the rounding of any iterate).
constexpr double kArmijo = 1e-4;
constexpr double kEpsilon = std::numeric_limits<double>::epsilon(); // 2^-52
constexpr int kMaxHalvings = 60;

// What a converged run ended on: the Hessian's inertia (scale-free, curvature.h), or a
// flat region when every curvature times the run's extent is within the run's tolerance.
//
// The inertia at the end point speaks for the critical point the run approached only if it
// holds there too. The end point x has |grad f| <= tolerance, not 0: the critical point is
// estimated by Newton, x* = x - H^-1 g, and the inertia must be the same at x* and as far
// beyond it, at 2 x* - x (exact Hessians at both). Else the critical point is degenerate:
// gradient descent on f = x^3 + y^2 stops at x = 5.8e-4 where H = diag(3.5e-3, 2) is
// positive definite, yet (0, 0) is a degenerate saddle; at 2 x* - x = 0 the curvature
// along x vanishes (tester s13: "converged to a minimum" of a function unbounded below).
EndPoint classifyEnd(const Expression& f, const Trajectory& t, const Derivatives& d,
                     double tolerance) {
    EndPoint e;
    e.point = t.steps.back().x;
    e.value = t.steps.back().value;
    if (!d.hessianComputed) { // many inputs: no Hessian to classify with
        e.classified = false;
        return e;
    }
    const Inertia inertia = hessianInertia(d.hessian, d.error.hessian);
    e.classification = classifyInertia(inertia);
    double extent = 0;
    for (const Step& s : t.steps)
        extent = std::max(extent, (s.x - e.point).norm());
    const double curvature =
        d.hessian.size()
            ? Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(d.hessian, Eigen::EigenvaluesOnly)
                  .eigenvalues()
                  .cwiseAbs()
                  .maxCoeff()
            : 0.0;
    // A run that converged where it started has no extent: only the rounding test applies.
    e.flat = inertia.zero == d.hessian.rows() || (extent > 0 && curvature * extent <= tolerance);
    if (e.flat || e.classification == Classification::Degenerate || d.gradient.size() == 0)
        return e;
    const Eigen::VectorXd newtonStep = d.hessian.fullPivLu().solve(d.gradient);
    if (!newtonStep.allFinite())
        return e;
    for (const double reach : {1.0, 2.0}) {
        const Derivatives there = derivatives(f, e.point - reach * newtonStep);
        if (!there.hessianComputed || !there.hessian.allFinite() ||
            classifyInertia(hessianInertia(there.hessian, there.error.hessian)) !=
                e.classification) {
            e.classification = Classification::Degenerate;
            break;
        }
    }
    return e;
}

std::string newtonSummary(const Trajectory& t) {
    int counts[4] = {0, 0, 0, 0};
    for (const Step& s : t.steps)
        ++counts[static_cast<int>(s.newton)];
    std::string out;
    for (NewtonKind k : {NewtonKind::Pure, NewtonKind::Damped, NewtonKind::Safeguarded}) {
        const int c = counts[static_cast<int>(k)];
        if (c > 0)
            out += (out.empty() ? "" : ", ") + std::to_string(c) + " " + std::string(toString(k));
    }
    return out.empty() ? out : " (Newton steps: " + out + ")";
}

} // namespace

// "to a critical point (not classified: Hessian not computed: 200 scalar inputs > 50)".
// Appended, not "..." + string: GCC 12 warns falsely (-Wrestrict) on that.
static std::string unclassifiedEnd(const Expression& f) {
    std::string s = "to a critical point (not classified: Hessian ";
    s += hessianNotComputed(f).value_or("not computed");
    s += ')';
    return s;
}

Trajectory optimize(const Expression& f, const Eigen::VectorXd& start, const OptimizerOptions& o) {
    Trajectory t;
    const auto n = start.size();
    // v: velocity (momentum, Nesterov) or QHM's buffer b; m: first moment; s: second moment,
    // AdaGrad's G or RMSProp's E.
    Eigen::VectorXd x = start, v = Eigen::VectorXd::Zero(n), m = Eigen::VectorXd::Zero(n),
                    s = Eigen::VectorXd::Zero(n);
    // The run's own noise source: the same seed, the same path; nothing drawn when sigma = 0.
    std::mt19937_64 engine(o.seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    auto noisy = [&](Eigen::VectorXd g) {
        if (o.noise > 0)
            for (Eigen::Index i = 0; i < g.size(); ++i)
                g[i] += o.noise * normal(engine);
        return g;
    };
    Derivatives d = derivatives(f, x);
    if (!d.hessianComputed &&
        (o.method == Method::Newton || o.method == Method::NewtonLineSearch)) {
        t.steps.push_back({x, d.value, d.gradient.norm(), false, NewtonKind::None, 1, {}});
        t.reason = StopReason::Diverged;
        t.divergence = Divergence::Undefined;
        t.verdict = "Newton's method needs the Hessian, which is not computed";
        t.message = "Newton's method needs the Hessian, which is ";
        t.message += hessianNotComputed(f).value_or("not computed");
        return t;
    }
    bool safeguarded = false;
    NewtonKind kind = NewtonKind::None;
    double stepLength = 1;
    const bool newton = o.method == Method::Newton || o.method == Method::NewtonLineSearch;
    const double eta = o.learningRate;
    double firstChange = 0; // D0 = |grad f(x0)| |x1 - x0|, set once the first step is taken
    for (int k = 0;; ++k) {
        const double gnorm = d.gradient.norm();
        t.steps.push_back({x, d.value, gnorm, safeguarded, kind, stepLength, {}});
        t.steps.back().state.gradient = d.gradient;
        if (!std::isfinite(d.value) || !d.gradient.allFinite()) {
            t.reason = StopReason::Diverged;
            t.divergence = k > 0 && d.value == -std::numeric_limits<double>::infinity() &&
                                   fallingWithoutBound(t.steps)
                               ? Divergence::UnboundedBelow
                               : Divergence::Undefined;
            if (t.divergence == Divergence::UnboundedBelow) {
                t.verdict = "f fell to -inf: f is unbounded below along the path";
                t.message = "f fell without bound to -inf at step " + std::to_string(k) +
                            ": f is unbounded below along the path (not the learning rate)";
                return t;
            }
            t.verdict = k == 0 ? "f or its gradient is undefined at the start"
                               : "f or its gradient became undefined";
            t.message = k == 0
                            ? "f or its gradient is undefined at the start"
                            : "f or its gradient became undefined (step " + std::to_string(k) + ")";
            return t;
        }
        // Divergence, rule 2 (docs/cli.md, "Divergence"): f has moved from f(x0) by more
        // than D0 / eps, D0 = |grad f(x0)| |x1 - x0| the first step's first-order change of f
        // (Cauchy-Schwarz bound on |grad f(x0) . (x1 - x0)|). Past that, f's own rounding
        // error |f_k| eps/2 is about the size of the change the run started with: the
        // landscape near the start is below f's resolution, so the run has left it (f rising:
        // the steps overshoot, e.g. gradient descent with eta > 2 / lambda_max, whose error
        // grows by |1 - eta lambda| per step; f falling: f is unbounded below along the path).
        // Scale-free: a constant added to f, f scaled or an input rescaled give the same step.
        if (k > 0 && firstChange > 0 &&
            std::abs(d.value - t.steps.front().value) > firstChange / kEpsilon) {
            const bool falling = d.value < t.steps.front().value;
            t.reason = StopReason::Diverged;
            t.divergence = falling ? Divergence::UnboundedBelow : Divergence::StepTooLarge;
            t.verdict = falling  ? "f is unbounded below along the path"
                        : newton ? "the steps overshoot"
                                 : "the steps overshoot: learning rate too large";
            t.message = std::string(falling ? "f fell" : "f rose") + " from " +
                        shortNumber(t.steps.front().value) + " to " + shortNumber(d.value) +
                        " by step " + std::to_string(k) +
                        ", a change over 1/machine epsilon (4.5e15) times the first step's "
                        "|∇f(x₀)|·|x₁ − x₀| = " +
                        shortNumber(firstChange) +
                        (falling  ? ": f is unbounded below along the path, not a "
                                    "learning-rate problem"
                         : newton ? ": the steps overshoot"
                                  : ": the steps overshoot, learning rate too large");
            return t;
        }
        // Rule 3: an iterate further than escapeRadius from the start.
        if ((x - start).norm() > o.escapeRadius) {
            t.reason = StopReason::Diverged;
            t.divergence = fallingWithoutBound(t.steps) ? Divergence::UnboundedBelow
                                                        : Divergence::StepTooLarge;
            // The reason in the method's terms (tester s17: a pure Newton step from near an
            // inflection point, f'' = 0.014, jumped 216 units and was blamed on eta).
            const bool slower = fallingSlower(t.steps);
            t.verdict =
                std::string("it left the region of interest: ") +
                (t.divergence == Divergence::UnboundedBelow ? "f is unbounded below along the path"
                 : slower ? "f levels out (or falls slowly) that way"
                 : newton ? "a Newton step is long where H is nearly singular"
                          : "learning rate too large");
            t.message =
                "left the region of interest (|x - x₀| > " + shortNumber(o.escapeRadius) +
                ") at step " + std::to_string(k) +
                (t.divergence == Divergence::UnboundedBelow
                     ? " with f falling without bound (f = " + shortNumber(d.value) +
                           "): f is unbounded below along the path, not a "
                           "learning-rate problem"
                 : slower ? " with f still falling, ever more slowly (f = " + shortNumber(d.value) +
                                "): the path runs off toward where f levels out (or falls "
                                "slowly without bound), not a learning-rate problem"
                 : newton ? ": a Newton step −H⁻¹∇f is long where the curvature is "
                            "small (H nearly singular, near an inflection point), not a "
                            "learning-rate problem"
                          : " with the steps growing as f rose: learning rate too large");
            return t;
        }
        if (gnorm <= o.tolerance) {
            t.reason = StopReason::Converged;
            t.endPoint = classifyEnd(f, t, d, o.tolerance);
            const std::string_view what = t.endPoint->name();
            const std::string where = what == "flat" ? "on a flat region (∇f and H vanish)"
                                      : what == "degenerate"   ? "to a degenerate critical point"
                                      : what == "unclassified" ? unclassifiedEnd(f)
                                                               : "to a " + std::string(what);
            t.message = "converged " + where + ": |∇f| = " + shortNumber(gnorm) + " ≤ " +
                        shortNumber(o.tolerance) + " after " + std::to_string(k) +
                        (k == 1 ? " step" : " steps") + (newton ? newtonSummary(t) : "");
            return t;
        }
        if (k == o.maxSteps) {
            t.reason = StopReason::MaxSteps;
            t.message = "step budget of " + std::to_string(o.maxSteps) + " used" +
                        (newton ? newtonSummary(t) : "");
            return t;
        }
        // Nesterov evaluates its own gradient at the look-ahead point (noise added there).
        const Eigen::VectorXd g = o.method == Method::Nesterov ? d.gradient : noisy(d.gradient);
        StepState state;
        state.gradient = g;
        safeguarded = false;
        kind = NewtonKind::None;
        stepLength = 1;
        const Eigen::VectorXd previous = x;
        const Eigen::VectorXd etaEverywhere = Eigen::VectorXd::Constant(n, eta);
        const double step = k + 1; // t in the bias corrections 1 - beta^t
        switch (o.method) {
        case Method::GradientDescent:
            x -= eta * g;
            state.rate = etaEverywhere;
            break;
        case Method::GradientDescentLineSearch: {
            // Backtracking (Armijo): the largest t = eta 2^-j with
            //   f(x - t g) <= f(x) - c1 t |g|^2   (the slope along -g is -|g|^2).
            const double slope = -g.squaredNorm();
            double trialStep = eta;
            for (int j = 0; j < kMaxHalvings; ++j) {
                const double trial = evaluate(f, x - trialStep * g);
                if (trial <= d.value + kArmijo * trialStep * slope)
                    break;
                trialStep *= 0.5;
            }
            x -= trialStep * g;
            stepLength = trialStep;
            state.rate = Eigen::VectorXd::Constant(n, trialStep);
            break;
        }
        case Method::Momentum:
            v = o.momentum * v - eta * g;
            x += v;
            state.moment = v;
            state.rate = etaEverywhere;
            break;
        case Method::Nesterov: {
            const Eigen::VectorXd ahead = x + o.momentum * v;
            const Eigen::VectorXd gAhead = noisy(gradient(f, ahead));
            v = o.momentum * v - eta * gAhead;
            x += v;
            state.gradient = gAhead;
            state.moment = v;
            state.rate = etaEverywhere;
            break;
        }
        case Method::QHM:
            // Ma & Yarats: b <- beta b + (1-beta) g;  x <- x - eta ((1-nu) g + nu b).
            v = o.momentum * v + (1 - o.momentum) * g;
            x -= eta * ((1 - o.nu) * g + o.nu * v);
            state.moment = v;
            state.rate = etaEverywhere;
            break;
        case Method::AdaGrad: {
            // G <- G + g^2;  x <- x - eta g / (sqrt(G) + eps).
            s += g.cwiseAbs2();
            const Eigen::ArrayXd rate = eta / (s.array().sqrt() + o.epsilon);
            x.array() -= rate * g.array();
            state.secondMoment = s;
            state.rate = rate.matrix();
            break;
        }
        case Method::RMSProp: {
            // E <- rho E + (1-rho) g^2;  x <- x - eta g / (sqrt(E) + eps).
            s = o.rho * s + (1 - o.rho) * g.cwiseAbs2();
            const Eigen::ArrayXd rate = eta / (s.array().sqrt() + o.epsilon);
            x.array() -= rate * g.array();
            state.secondMoment = s;
            state.rate = rate.matrix();
            break;
        }
        case Method::Adam: {
            m = o.beta1 * m + (1 - o.beta1) * g;
            s = o.beta2 * s + (1 - o.beta2) * g.cwiseAbs2();
            const Eigen::ArrayXd mhat = m.array() / (1 - std::pow(o.beta1, step));
            const Eigen::ArrayXd shat = s.array() / (1 - std::pow(o.beta2, step));
            x.array() -= eta * mhat / (shat.sqrt() + o.epsilon);
            state.moment = m;
            state.secondMoment = s;
            state.rate = (eta / (shat.sqrt() + o.epsilon)).matrix();
            break;
        }
        case Method::QHAdam: {
            // Ma & Yarats: m, v as Adam, bias-corrected m^, v^;
            //   x <- x - eta ((1-nu1) g + nu1 m^) / (sqrt((1-nu2) g^2 + nu2 v^) + eps).
            m = o.beta1 * m + (1 - o.beta1) * g;
            s = o.beta2 * s + (1 - o.beta2) * g.cwiseAbs2();
            const Eigen::ArrayXd mhat = m.array() / (1 - std::pow(o.beta1, step));
            const Eigen::ArrayXd shat = s.array() / (1 - std::pow(o.beta2, step));
            const Eigen::ArrayXd numerator = (1 - o.nu1) * g.array() + o.nu1 * mhat;
            const Eigen::ArrayXd denominator =
                ((1 - o.nu2) * g.array().square() + o.nu2 * shat).sqrt() + o.epsilon;
            x.array() -= eta * numerator / denominator;
            state.moment = m;
            state.secondMoment = s;
            state.rate = (eta / denominator).matrix();
            break;
        }
        case Method::Newton:
        case Method::NewtonLineSearch: {
            const NewtonStep ns = newtonStep(g, d.hessian, eta);
            state.hessian = d.hessian;
            stepLength = o.damping;
            if (o.method == Method::NewtonLineSearch) {
                // Backtracking: the largest t = damping 2^-j with sufficient decrease
                //   f(x + t d) <= f(x) + c1 t g.d   (g.d < 0: d is a descent direction).
                const double slope = g.dot(ns.direction);
                for (int j = 0; j < kMaxHalvings; ++j) {
                    const double trial = evaluate(f, x + stepLength * ns.direction);
                    if (trial <= d.value + kArmijo * stepLength * slope)
                        break;
                    stepLength *= 0.5;
                }
            }
            x += stepLength * ns.direction;
            safeguarded = ns.safeguarded;
            kind = ns.safeguarded   ? NewtonKind::Safeguarded
                   : stepLength < 1 ? NewtonKind::Damped
                                    : NewtonKind::Pure;
            break;
        }
        }
        state.update = x - previous;
        state.updateNorm = state.update.norm();
        if (k == 0)
            firstChange = gnorm * state.updateNorm;
        t.steps.back().state = std::move(state);
        d = derivatives(f, x);
    }
}

} // namespace gs
