#include "stepexplain.h"

#include <cmath>
#include <utility>

namespace gs {

namespace {

StepQuantity scalar(std::string symbol, double v) {
    return {std::move(symbol), Eigen::VectorXd::Constant(1, v), true, {}};
}

StepQuantity vector(std::string symbol, Eigen::VectorXd v) {
    return {std::move(symbol), std::move(v), false, {}};
}

// A state vector of the previous iterate (its moment after its update), or 0 at the start
// (every method starts its moments at zero).
Eigen::VectorXd previous(const Trajectory& run, int k, Eigen::VectorXd StepState::*field,
                         Eigen::Index n) {
    if (k == 0)
        return Eigen::VectorXd::Zero(n);
    const Eigen::VectorXd& v = run.steps[std::size_t(k - 1)].state.*field;
    return v.size() == n ? v : Eigen::VectorXd::Zero(n);
}

} // namespace

int subStepCount(Method method) {
    switch (method) {
    case Method::GradientDescent:
        return 2;
    case Method::Newton:
    case Method::NewtonLineSearch:
    case Method::GradientDescentLineSearch:
    case Method::Momentum:
    case Method::Nesterov:
    case Method::QHM:
        return 3;
    case Method::AdaGrad:
    case Method::RMSProp:
    case Method::Adam:
    case Method::QHAdam:
        return 4;
    }
    return 2;
}

std::optional<StepExplanation> explainStep(const Trajectory& run, const OptimizerOptions& o,
                                           int k) {
    if (k < 0 || k >= run.stepCount())
        return std::nullopt;
    const Step& s = run.steps[std::size_t(k)];
    const StepState& st = s.state;
    const Eigen::Index n = s.x.size();
    if (st.gradient.size() != n || st.update.size() != n)
        return std::nullopt;
    const Eigen::VectorXd& g = st.gradient;
    const Eigen::VectorXd next = s.x + st.update;
    const double eta = o.learningRate;
    const double t = k + 1; // the t of the bias corrections 1 - beta^t

    StepExplanation e;
    e.iteration = k;
    StepArrows& a = e.arrows;
    a.point = s.x;
    a.value = s.value;
    a.update = st.update;
    const bool newton = o.method == Method::Newton || o.method == Method::NewtonLineSearch;
    if (!newton)
        a.gradientStep = -eta * g;
    if (isAdaptive(o.method))
        a.rate = st.rate;

    auto& out = e.subSteps;
    auto gradientStep = [&](std::string formula) {
        out.push_back({"gradient", std::move(formula), {vector("x", s.x), vector("g", g)}});
    };
    auto finalStep = [&](std::string formula, std::vector<StepQuantity> inputs) {
        inputs.push_back(vector("Δx", st.update));
        inputs.push_back(vector("x′", next));
        out.push_back({"step", std::move(formula), std::move(inputs)});
    };

    switch (o.method) {
    case Method::GradientDescent:
        gradientStep("g = ∇f(x)");
        finalStep("x ← x − η g", {scalar("η", eta), vector("g", g)});
        break;
    case Method::GradientDescentLineSearch: {
        gradientStep("g = ∇f(x)");
        const double trial = st.rate.size() ? st.rate[0] : eta;
        out.push_back({"line search",
                       "t = η 2^−j, the first with f(x − t g) ≤ f(x) − c₁ t |g|²",
                       {scalar("η", eta), scalar("f(x)", s.value), scalar("t", trial)}});
        finalStep("x ← x − t g", {scalar("t", trial), vector("g", g)});
        break;
    }
    case Method::Momentum:
    case Method::Nesterov: {
        const Eigen::VectorXd v0 = previous(run, k, &StepState::moment, n);
        if (o.method == Method::Nesterov)
            out.push_back(
                {"gradient",
                 "g = ∇f(x + β v) (at the look-ahead point)",
                 {vector("x", s.x), vector("x + β v", s.x + o.momentum * v0), vector("g", g)}});
        else
            gradientStep("g = ∇f(x)");
        out.push_back({"velocity",
                       "v ← β v − η g",
                       {scalar("β", o.momentum), vector("v", v0), scalar("η", eta), vector("g", g),
                        vector("v′", st.moment)}});
        finalStep("x ← x + v", {vector("v", st.moment)});
        a.momentStep = o.momentum * v0;
        a.momentLabel = "β v";
        break;
    }
    case Method::QHM: {
        const Eigen::VectorXd b0 = previous(run, k, &StepState::moment, n);
        gradientStep("g = ∇f(x)");
        out.push_back(
            {"momentum buffer",
             "b ← β b + (1 − β) g",
             {scalar("β", o.momentum), vector("b", b0), vector("g", g), vector("b′", st.moment)}});
        finalStep("x ← x − η ((1 − ν) g + ν b)",
                  {scalar("η", eta), scalar("ν", o.nu), vector("g", g), vector("b", st.moment)});
        a.momentStep = -eta * o.nu * st.moment;
        a.momentLabel = "−η ν b";
        break;
    }
    case Method::AdaGrad:
    case Method::RMSProp: {
        const bool ada = o.method == Method::AdaGrad;
        const Eigen::VectorXd s0 = previous(run, k, &StepState::secondMoment, n);
        gradientStep("g = ∇f(x)");
        if (ada)
            out.push_back(
                {"accumulate",
                 "G ← G + g²",
                 {vector("G", s0), vector("g²", g.cwiseAbs2()), vector("G′", st.secondMoment)}});
        else
            out.push_back({"running mean",
                           "E ← ρ E + (1 − ρ) g²",
                           {scalar("ρ", o.rho), vector("E", s0), vector("g²", g.cwiseAbs2()),
                            vector("E′", st.secondMoment)}});
        out.push_back(
            {"scaling",
             ada ? "r = η / (√G + ε) per coordinate" : "r = η / (√E + ε) per coordinate",
             {scalar("η", eta), scalar("ε", o.epsilon),
              vector(ada ? "√G" : "√E", st.secondMoment.cwiseSqrt()), vector("r", st.rate)}});
        finalStep("x ← x − r ⊙ g", {vector("r", st.rate), vector("g", g)});
        break;
    }
    case Method::Adam:
    case Method::QHAdam: {
        const bool qh = o.method == Method::QHAdam;
        const Eigen::VectorXd m0 = previous(run, k, &StepState::moment, n);
        const Eigen::VectorXd v0 = previous(run, k, &StepState::secondMoment, n);
        gradientStep("g = ∇f(x)");
        out.push_back({"moments",
                       "m ← β₁ m + (1 − β₁) g;  v ← β₂ v + (1 − β₂) g²",
                       {scalar("β₁", o.beta1), scalar("β₂", o.beta2), vector("m", m0),
                        vector("v", v0), vector("m′", st.moment), vector("v′", st.secondMoment)}});
        // The bias corrections m^ = m / (1 - beta1^t), v^ = v / (1 - beta2^t), t = k + 1.
        const Eigen::VectorXd mhat = st.moment / (1 - std::pow(o.beta1, t));
        const Eigen::VectorXd vhat = st.secondMoment / (1 - std::pow(o.beta2, t));
        out.push_back(
            {"scaling",
             qh ? "m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ), r = η / (√((1 − ν₂) g² + ν₂ v̂) + ε)"
                : "m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ), r = η / (√v̂ + ε)",
             {scalar("t", t), scalar("η", eta), scalar("ε", o.epsilon), vector("m̂", mhat),
              vector("v̂", vhat), vector("r", st.rate)}});
        if (qh) {
            finalStep("x ← x − r ⊙ ((1 − ν₁) g + ν₁ m̂)", {scalar("ν₁", o.nu1), vector("r", st.rate),
                                                          vector("g", g), vector("m̂", mhat)});
            a.momentStep = -eta * o.nu1 * mhat;
            a.momentLabel = "−η ν₁ m̂";
        } else {
            finalStep("x ← x − r ⊙ m̂", {vector("r", st.rate), vector("m̂", mhat)});
            a.momentStep = -eta * mhat;
            a.momentLabel = "−η m̂";
        }
        break;
    }
    case Method::Newton:
    case Method::NewtonLineSearch: {
        gradientStep("g = ∇f(x), H = ∇²f(x)");
        if (st.hessian.rows() == n && st.hessian.cols() == n) // what d was solved with
            out.back().quantities.push_back({"H", Eigen::VectorXd(), false, st.hessian});
        // The step taken is t d; t is recorded at the iterate it led to, so d = Δx / t: the
        // direction the Hessian gave, shown between g and the step (tester s15: the sub-steps
        // listed g and the step, nothing of what H made of g).
        const double length = run.steps[std::size_t(k + 1)].stepLength;
        const Eigen::VectorXd d = length > 0 ? Eigen::VectorXd(st.update / length) : st.update;
        out.push_back({"Newton direction",
                       o.method == Method::Newton
                           ? "d = −H⁻¹ g (safeguarded when H is not positive definite: each "
                             "eigen-direction divided by max(|λ|, 1/η))"
                           : "d = −H⁻¹ g (safeguarded when H is not positive definite)",
                       {vector("g", g), vector("d", d)}});
        // Drawn with its sub-step, as a moment is (tester s19b: the text gave d, the plot
        // nothing).
        a.momentStep = d;
        a.momentLabel = "d = −H⁻¹ g";
        a.momentRole = "Newton direction";
        finalStep(o.method == Method::Newton
                      ? "x ← x + t d"
                      : "x ← x + t d, t halved until f decreases enough (Armijo)",
                  {scalar("t", length)});
        break;
    }
    }
    return e;
}

Eigen::MatrixXd predictedEigenErrors(const Eigen::MatrixXd& errors,
                                     const Eigen::VectorXd& factors) {
    Eigen::MatrixXd out(errors.rows(), errors.cols());
    if (errors.rows() == 0 || factors.size() != errors.cols())
        return Eigen::MatrixXd(0, errors.cols());
    // |e_i(k)| = |e_i(0)| rho_i^k, one multiplication per iteration (rho^k by repeated
    // products: no pow, the same numbers a hand iteration gives).
    out.row(0) = errors.row(0).cwiseAbs();
    for (Eigen::Index k = 1; k < errors.rows(); ++k)
        out.row(k) = out.row(k - 1).cwiseProduct(factors.transpose());
    return out;
}

} // namespace gs
