#include "derivatives.h"

#include "evaluation.h"
#include "graph.h"
#include "tape.h"

#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace gs {

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
// Unit roundoff u = eps/2: one correctly rounded +, -, *, / has relative error at most u.
constexpr double kUnit = kEps / 2;
// Relative error of a table entry's f, f', f'' at an exact argument: a libm call (within
// one ulp = 2u) followed by at most a few roundings (1/sqrt(1-u^2): four), so 8u = 4 eps.
constexpr double kLocal = 4 * kEps;

using Vec = Eigen::VectorXd;
using Mat = Eigen::MatrixXd;

// Jets of at most this many inputs keep their entries inside the object (Eigen's
// fixed-maximum storage): no heap allocation per operation. A search for critical points
// takes a derivatives() call per Newton step, and allocating dynamic jets (four arrays per
// operation, more for temporaries) was ~40 % of its time (docs/hardening.md). Every rule below is
// entrywise (sums, scalings, outer products of vectors, no reduction), so each entry is the same
// sequence of roundings whatever the storage: the results are the same bits
// (test_derivatives::smallJetsAreTheSameBits).
constexpr int kInlineJetInputs = 6;
// A second, smaller size for the common one and two inputs: smaller jets to copy.
constexpr int kSmallJetInputs = 2;

template <int MaxN> struct JetTypes {
    using Vec = Eigen::Matrix<double, Eigen::Dynamic, 1, Eigen::ColMajor, MaxN, 1>;
    using Mat = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor, MaxN, MaxN>;
};

// A second-order jet: value, gradient and Hessian with respect to the inputs, and beside
// them a first-order bound on the rounding error of each (running error analysis: every
// rule below propagates the operands' error bounds and adds its own roundings).
// MaxN: the most inputs it holds without a heap allocation (Eigen::Dynamic: any number).
template <int MaxN> struct Jet {
    using Vec = typename JetTypes<MaxN>::Vec;
    using Mat = typename JetTypes<MaxN>::Mat;
    double v;
    Vec g;
    Mat h;
    double ev; ///< |computed v - exact v| <= ev
    Vec eg;    ///< elementwise, for g
    Mat eh;    ///< elementwise, for h
};

// Bounds: whether the jets carry their rounding-error bounds (ev, eg, eh). Without them
// (Bounds = false, the bound members left empty) v, g and h are the same operations on the
// same numbers, so the same bits, at about a third of the work: for Newton's iterations in the
// critical-point search, which need no bounds (derivativesWithoutBounds).
template <int MaxN, bool Bounds = true> struct JetOps {
    using Jet = gs::Jet<MaxN>;
    using Vec = typename Jet::Vec;
    using Mat = typename Jet::Mat;
    Eigen::Index n;

    // A constant (a folded sub-expression included) is known to within an ulp, 2u.
    Jet constant(double c) const {
        if constexpr (!Bounds)
            return {c, Vec::Zero(n), Mat::Zero(n, n), 0, {}, {}};
        return {
            c, Vec::Zero(n), Mat::Zero(n, n), kEps * std::abs(c), Vec::Zero(n), Mat::Zero(n, n)};
    }

    // Chain rule for phi(u): grad = phi' grad u, H = phi' H_u + phi'' grad u grad u^T.
    // Errors: phi' and phi'' are evaluated at a computed u, off by e_u, so
    //   e(phi) <= |phi'| e_u + l |phi|,   e(phi') <= |phi''| e_u + l |phi'|,
    //   e(phi'') <= l |phi''|   (first order: the third-derivative term is neglected),
    // with l = kLocal; then e(grad) <= |phi'| e(grad u) + e(phi') |grad u| + u |phi' grad u|
    // and likewise for each term of H (three roundings each: 3u).
    static Jet chain(const Jet& u, double f, double d1, double d2) {
        if (std::isnan(f)) // outside the domain the derivatives do not exist either
            d1 = d2 = f;
        Jet r{f, d1 * u.g, d1 * u.h, 0, {}, {}};
        if (d2 != 0)
            r.h.noalias() += d2 * u.g * u.g.transpose();
        if constexpr (!Bounds)
            return r;
        const double a1 = std::abs(d1), a2 = std::abs(d2);
        const double e1 = a2 * u.ev + kLocal * a1, e2 = kLocal * a2;
        const Vec ag = u.g.cwiseAbs();
        r.ev = a1 * u.ev + kLocal * std::abs(f);
        r.eg = a1 * u.eg + (e1 + kUnit * a1) * ag;
        r.eh = a1 * u.eh + (e1 + 3 * kUnit * a1) * u.h.cwiseAbs();
        if (a2 != 0) {
            r.eh.noalias() += a2 * (u.eg * ag.transpose() + ag * u.eg.transpose());
            r.eh.noalias() += (e2 + 3 * kUnit * a2) * ag * ag.transpose();
        }
        return r;
    }

    Jet unary(Op op, const Jet& u) const {
        const auto d = unaryDerivatives(op, u.v);
        return chain(u, d.f, d.d1, d.d2);
    }

    // u^c: c u^(c-1), c (c-1) u^(c-2); a zero coefficient stays zero even where u^(c-k) is inf.
    Jet powConst(const Jet& u, double c) const {
        const double d1 = c == 0 ? 0.0 : c * std::pow(u.v, c - 1);
        const double d2 = (c == 0 || c == 1) ? 0.0 : c * (c - 1) * std::pow(u.v, c - 2);
        return chain(u, std::pow(u.v, c), d1, d2);
    }

    // a + s b for s = +-1: errors add, plus one rounding of each sum.
    static Jet add(const Jet& a, const Jet& b, double s) {
        Jet r{a.v + s * b.v, a.g + s * b.g, a.h + s * b.h, 0, {}, {}};
        if constexpr (!Bounds)
            return r;
        r.ev = a.ev + b.ev + kUnit * std::abs(r.v);
        r.eg = a.eg + b.eg + kUnit * r.g.cwiseAbs();
        r.eh = a.eh + b.eh + kUnit * r.h.cwiseAbs();
        return r;
    }

    Jet binary(Op op, const Jet& a, const Jet& b) const {
        switch (op) {
        case Op::Add:
            return add(a, b, 1);
        case Op::Sub:
            return add(a, b, -1);
        case Op::Mul:
            return mul(a, b);
        case Op::Div: // a / b = a * (1/b); (1/b)' = -1/b^2, (1/b)'' = 2/b^3
            return mul(a, chain(b, 1 / b.v, -1 / (b.v * b.v), 2 / (b.v * b.v * b.v)));
        default: { // a^b = exp(b log a) for a variable exponent
            // With b depending on an input, a^b is defined near the point only for a > 0:
            // for a <= 0 the derivatives are undefined, and say so (NaN).
            if (!(a.v > 0)) {
                const double nan = std::numeric_limits<double>::quiet_NaN();
                Jet r = constant(std::pow(a.v, b.v));
                r.g.setConstant(nan);
                r.h.setConstant(nan);
                return r;
            }
            const auto lg = unaryDerivatives(Op::Log, a.v);
            Jet r = unary(Op::Exp, mul(b, chain(a, lg.f, lg.d1, lg.d2)));
            r.v = std::pow(a.v, b.v);
            return r;
        }
        }
    }

    // (ab)' = a b' + b a';  (ab)'' = a H_b + b H_a + grad a grad b^T + grad b grad a^T.
    // Errors: each product of two computed factors p q has error |p| e_q + e_p |q|, and a
    // sum of k such products adds k roundings (2u for the gradient, 4u for the Hessian).
    static Jet mul(const Jet& a, const Jet& b) {
        Jet r{a.v * b.v, a.v * b.g + b.v * a.g, a.v * b.h + b.v * a.h, 0, {}, {}};
        r.h.noalias() += a.g * b.g.transpose();
        r.h.noalias() += b.g * a.g.transpose();
        if constexpr (!Bounds)
            return r;
        const double av = std::abs(a.v), bv = std::abs(b.v);
        const Vec ag = a.g.cwiseAbs(), bg = b.g.cwiseAbs();
        r.ev = av * b.ev + a.ev * bv + kUnit * std::abs(r.v);
        r.eg = av * b.eg + a.ev * bg + bv * a.eg + b.ev * ag + 2 * kUnit * (av * bg + bv * ag);
        r.eh = av * b.eh + a.ev * b.h.cwiseAbs() + bv * a.eh + b.ev * a.h.cwiseAbs() +
               4 * kUnit * (av * b.h.cwiseAbs() + bv * a.h.cwiseAbs());
        const Mat outer = ag * bg.transpose();
        r.eh.noalias() += a.eg * bg.transpose() + ag * b.eg.transpose();
        r.eh.noalias() += b.eg * ag.transpose() + bg * a.eg.transpose();
        r.eh += 4 * kUnit * (outer + outer.transpose());
        return r;
    }
};

} // namespace

std::optional<std::string> hessianNotComputed(const Expression& f) {
    const std::size_t n = f.inputCount();
    if (n > kMaxHessianInputs)
        return "not computed: " + std::to_string(n) + " scalar inputs > " +
               std::to_string(kMaxHessianInputs);
    if (double(f.nodes().size()) * double(n) * double(n) > kMaxJetEntries)
        return "not computed: " + std::to_string(f.nodes().size()) + " operations x " +
               std::to_string(n) + "^2 inputs exceed the budget of second-order jets";
    return std::nullopt;
}

// Where f itself is not finite (1/0 = inf, log(-1) = NaN), its derivatives are not defined:
// AD would still report those of the finite parts (d(1/0 + x)/dx = 1, d(1/0)/dx = 0), so
// they are set to NaN, and every reader (readout, JSON, classification) says "undefined".
static Derivatives withoutMeaninglessDerivatives(Derivatives d) {
    if (std::isfinite(d.value))
        return d;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    d.gradient.setConstant(nan);
    d.hessian.setConstant(nan);
    return d;
}

// The forward sweep of second-order jets over the directions `wrt` (input indices; f has at
// most kMaxHessianInputs inputs, and wrt at most MaxN unless MaxN is Eigen::Dynamic). An input
// outside wrt enters as a constant of its value: gradient and Hessian zero, the value's
// rounding bound u |x_i| kept, so every entry of the result is the one the sweep over all
// inputs computes (each jet rule acts entry by entry on the directions).
template <int MaxN, bool Bounds>
static Derivatives jetDerivatives(const Expression& f, const Eigen::VectorXd& x,
                                  const std::vector<int>& wrt) {
    using J = Jet<MaxN>;
    const auto inputCount = static_cast<Eigen::Index>(f.inputCount());
    const auto n = static_cast<Eigen::Index>(wrt.size());
    std::vector<J> inputs;
    inputs.reserve(static_cast<std::size_t>(inputCount));
    for (Eigen::Index i = 0; i < inputCount; ++i) {
        // The point is known to the precision of a double: e = u |x_i|.
        const double xi = i < x.size() ? x[i] : 0.0;
        J seed{xi,
               J::Vec::Zero(n),
               J::Mat::Zero(n, n),
               kUnit * std::abs(xi),
               J::Vec::Zero(n),
               J::Mat::Zero(n, n)};
        for (Eigen::Index k = 0; k < n; ++k)
            if (wrt[std::size_t(k)] == i)
                seed.g[k] = 1;
        if constexpr (!Bounds)
            seed.eg.resize(0), seed.eh.resize(0, 0);
        inputs.push_back(std::move(seed));
    }
    auto values = detail::forwardPass(f, inputs, JetOps<MaxN, Bounds>{n});
    J& out = values[static_cast<std::size_t>(f.output())];
    // Symmetric by construction up to rounding; make it exactly so for the eigen-solver.
    Derivatives d;
    d.value = out.v;
    d.gradient = std::move(out.g);
    d.hessian = 0.5 * (out.h + out.h.transpose());
    if constexpr (!Bounds)
        return d;
    d.error.value = out.ev;
    d.error.gradient = std::move(out.eg);
    d.error.hessian = 0.5 * (out.eh + out.eh.transpose()) + kUnit * d.hessian.cwiseAbs();
    return d;
}

template <bool Bounds = true>
static Derivatives computeDerivatives(const Expression& f, const Eigen::VectorXd& x,
                                      const std::vector<int>& wrt) {
    const auto n = static_cast<Eigen::Index>(f.inputCount());
    if (hessianNotComputed(f)) {
        // Many inputs: value and gradient by reverse mode, a small constant times one
        // evaluation; no Hessian, and no rounding-error bound on the gradient.
        Derivatives d;
        Eigen::VectorXd point = Eigen::VectorXd::Zero(n);
        point.head(std::min(n, x.size())) = x.head(std::min(n, x.size()));
        d.value = evaluate(f, point);
        const Vec all = reverseGradient(f, point);
        d.gradient.resize(static_cast<Eigen::Index>(wrt.size()));
        for (std::size_t k = 0; k < wrt.size(); ++k)
            d.gradient[Eigen::Index(k)] = all[wrt[k]];
        d.error.gradient =
            Vec::Constant(d.gradient.size(), std::numeric_limits<double>::quiet_NaN());
        d.hessianComputed = false;
        return d;
    }
    const auto m = static_cast<Eigen::Index>(wrt.size());
    if (m <= kSmallJetInputs)
        return jetDerivatives<kSmallJetInputs, Bounds>(f, x, wrt);
    if (m <= kInlineJetInputs)
        return jetDerivatives<kInlineJetInputs, Bounds>(f, x, wrt);
    return jetDerivatives<Eigen::Dynamic, Bounds>(f, x, wrt);
}

static std::vector<int> everyInput(const Expression& f) {
    std::vector<int> all(f.inputCount());
    std::iota(all.begin(), all.end(), 0);
    return all;
}

Derivatives derivatives(const Expression& f, const Eigen::VectorXd& x) {
    return withoutMeaninglessDerivatives(computeDerivatives(f, x, everyInput(f)));
}

Derivatives derivatives(const Expression& f, const Eigen::VectorXd& x,
                        const std::vector<int>& wrt) {
    for (const int i : wrt)
        if (i < 0 || std::size_t(i) >= f.inputCount())
            throw std::out_of_range("derivatives: no input " + std::to_string(i));
    return withoutMeaninglessDerivatives(computeDerivatives(f, x, wrt));
}

Derivatives derivativesWithoutBounds(const Expression& f, const Eigen::VectorXd& x,
                                     const std::vector<int>& wrt) {
    for (const int i : wrt)
        if (i < 0 || std::size_t(i) >= f.inputCount())
            throw std::out_of_range("derivatives: no input " + std::to_string(i));
    return withoutMeaninglessDerivatives(computeDerivatives<false>(f, x, wrt));
}

Eigen::VectorXd gradient(const Expression& f, const Eigen::VectorXd& x) {
    return derivatives(f, x).gradient;
}

Eigen::MatrixXd hessian(const Expression& f, const Eigen::VectorXd& x) {
    return derivatives(f, x).hessian;
}

Eigen::VectorXd centralDifferenceGradient(const Expression& f, const Eigen::VectorXd& x) {
    const double step = std::cbrt(std::numeric_limits<double>::epsilon());
    Eigen::VectorXd g(x.size());
    for (Eigen::Index i = 0; i < x.size(); ++i) {
        const double h = step * std::max(1.0, std::abs(x[i]));
        Eigen::VectorXd plus = x, minus = x;
        plus[i] += h;
        minus[i] -= h;
        g[i] = (evaluate(f, plus) - evaluate(f, minus)) / (plus[i] - minus[i]);
    }
    return g;
}

} // namespace gs
