#include "derivatives.h"

#include "evaluation.h"
#include "tape.h"

#include <cmath>
#include <limits>

namespace gs {

UnaryDerivatives unaryDerivatives(Op op, double u) {
    const double f = applyUnary(op, u);
    switch (op) {
    case Op::Neg:
        return {f, -1, 0};
    case Op::Exp:
        return {f, f, f}; // (e^u)' = e^u
    case Op::Log:
        return {f, 1 / u, -1 / (u * u)}; // 1/u, -1/u^2
    case Op::Sqrt:
        return {f, 0.5 / f, -0.25 / (f * u)}; // 1/(2 sqrt u), -1/(4 u^1.5)
    case Op::Sin:
        return {f, std::cos(u), -f}; // cos u, -sin u
    case Op::Cos:
        return {f, -std::sin(u), -f}; // -sin u, -cos u
    case Op::Tan:
        return {f, 1 + f * f, 2 * f * (1 + f * f)}; // sec^2 u, 2 tan u sec^2 u
    case Op::Asin: {                                // 1/sqrt(1-u^2), u/(1-u^2)^1.5
        const double r = 1 - u * u;
        return {f, 1 / std::sqrt(r), u / (r * std::sqrt(r))};
    }
    case Op::Acos: { // -1/sqrt(1-u^2), -u/(1-u^2)^1.5
        const double r = 1 - u * u;
        return {f, -1 / std::sqrt(r), -u / (r * std::sqrt(r))};
    }
    case Op::Atan: { // 1/(1+u^2), -2u/(1+u^2)^2
        const double r = 1 + u * u;
        return {f, 1 / r, -2 * u / (r * r)};
    }
    case Op::Sinh:
        return {f, std::cosh(u), f};
    case Op::Cosh:
        return {f, std::sinh(u), f};
    case Op::Tanh:
        return {f, 1 - f * f, -2 * f * (1 - f * f)}; // 1 - t^2, -2t(1 - t^2)
    case Op::Abs:
        return {f, u > 0 ? 1.0 : (u < 0 ? -1.0 : 0.0), 0}; // subgradient 0 at the kink
    case Op::Sigmoid:
        return {f, f * (1 - f), f * (1 - f) * (1 - 2 * f)}; // s(1-s), s(1-s)(1-2s)
    case Op::Softplus: {                                    // sigmoid u, s(1-s)
        const double s = applyUnary(Op::Sigmoid, u);
        return {f, s, s * (1 - s)};
    }
    default:
        return {f, std::nan(""), std::nan("")};
    }
}

namespace {

// A second-order jet: value, gradient and Hessian with respect to the inputs.
struct Jet {
    double v;
    Eigen::VectorXd g;
    Eigen::MatrixXd h;
};

struct JetOps {
    Eigen::Index n;

    Jet constant(double c) const {
        return {c, Eigen::VectorXd::Zero(n), Eigen::MatrixXd::Zero(n, n)};
    }

    // Chain rule for phi(u): grad = phi' grad u, H = phi' H_u + phi'' grad u grad u^T.
    static Jet chain(const Jet& u, double f, double d1, double d2) {
        if (std::isnan(f)) // outside the domain the derivatives do not exist either
            d1 = d2 = f;
        Jet r{f, d1 * u.g, d1 * u.h};
        if (d2 != 0)
            r.h.noalias() += d2 * u.g * u.g.transpose();
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

    Jet binary(Op op, const Jet& a, const Jet& b) const {
        switch (op) {
        case Op::Add:
            return {a.v + b.v, a.g + b.g, a.h + b.h};
        case Op::Sub:
            return {a.v - b.v, a.g - b.g, a.h - b.h};
        case Op::Mul:
            return mul(a, b);
        case Op::Div: // a / b = a * (1/b); (1/b)' = -1/b^2, (1/b)'' = 2/b^3
            return mul(a, chain(b, 1 / b.v, -1 / (b.v * b.v), 2 / (b.v * b.v * b.v)));
        default: { // a^b = exp(b log a) for a variable exponent
            const auto lg = unaryDerivatives(Op::Log, a.v);
            Jet r = unary(Op::Exp, mul(b, chain(a, lg.f, lg.d1, lg.d2)));
            r.v = std::pow(a.v, b.v);
            return r;
        }
        }
    }

    // (ab)'' = a H_b + b H_a + grad a grad b^T + grad b grad a^T
    static Jet mul(const Jet& a, const Jet& b) {
        Jet r{a.v * b.v, a.v * b.g + b.v * a.g, a.v * b.h + b.v * a.h};
        r.h.noalias() += a.g * b.g.transpose();
        r.h.noalias() += b.g * a.g.transpose();
        return r;
    }
};

} // namespace

Derivatives derivatives(const Expression& f, const Eigen::VectorXd& x) {
    const auto n = static_cast<Eigen::Index>(f.inputCount());
    std::vector<Jet> inputs;
    inputs.reserve(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) {
        Jet seed{i < x.size() ? x[i] : 0.0, Eigen::VectorXd::Unit(n, i),
                 Eigen::MatrixXd::Zero(n, n)};
        inputs.push_back(std::move(seed));
    }
    auto values = detail::forwardPass(f, inputs, JetOps{n});
    Jet& out = values[static_cast<std::size_t>(f.output())];
    // Symmetric by construction up to rounding; make it exactly so for the eigen-solver.
    const Eigen::MatrixXd h = 0.5 * (out.h + out.h.transpose());
    return {out.v, std::move(out.g), h};
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
