#include "functions.h"

#include <array>
#include <cmath>
#include <limits>

namespace gs {

namespace {

// sigmoid(u) = 1 / (1 + e^-u), written so neither branch overflows.
double sigmoid(double u) {
    return u >= 0 ? 1.0 / (1.0 + std::exp(-u)) : std::exp(u) / (1.0 + std::exp(u));
}

// The table. Derivative formulas sit next to each entry: f' then f''.
const FunctionEntry kTable[] = {
    {Op::Neg, nullptr, nullptr, 1, [](double u) { return -u; }, true,
     [](double, double f) -> UnaryDerivatives {
         return {f, -1, 0};
     },
     "-u", -3, 3},
    {Op::Exp, "exp", nullptr, 1, [](double u) { return std::exp(u); }, true,
     // e^u, e^u
     [](double, double f) -> UnaryDerivatives {
         return {f, f, f};
     },
     "exp(u) = e^u", -3, 3},
    {Op::Log, "log", "ln", 1, [](double u) { return std::log(u); }, true,
     // 1/u, -1/u^2
     [](double u, double f) -> UnaryDerivatives {
         return {f, 1 / u, -1 / (u * u)};
     },
     "log(u) = ln(u), the natural logarithm (u > 0)", 0.1, 5},
    {Op::Sqrt, "sqrt", nullptr, 1, [](double u) { return std::sqrt(u); }, true,
     // 1/(2 sqrt u), -1/(4 u^1.5)
     [](double u, double f) -> UnaryDerivatives {
         return {f, 0.5 / f, -0.25 / (f * u)};
     },
     "sqrt(u), the square root (u >= 0)", 0.1, 5},
    {Op::Sin, "sin", nullptr, 1, [](double u) { return std::sin(u); }, true,
     // cos u, -sin u
     [](double u, double f) -> UnaryDerivatives {
         return {f, std::cos(u), -f};
     },
     "sin(u)", -3, 3},
    {Op::Cos, "cos", nullptr, 1, [](double u) { return std::cos(u); }, true,
     // -sin u, -cos u
     [](double u, double f) -> UnaryDerivatives {
         return {f, -std::sin(u), -f};
     },
     "cos(u)", -3, 3},
    {Op::Tan, "tan", nullptr, 1, [](double u) { return std::tan(u); }, true,
     // sec^2 u = 1 + tan^2 u, 2 tan u sec^2 u
     [](double, double f) -> UnaryDerivatives {
         return {f, 1 + f * f, 2 * f * (1 + f * f)};
     },
     "tan(u)", -1.4, 1.4},
    {Op::Asin, "asin", nullptr, 1, [](double u) { return std::asin(u); }, true,
     // 1/sqrt(1-u^2), u/(1-u^2)^1.5
     [](double u, double f) -> UnaryDerivatives {
         const double r = 1 - u * u;
         return {f, 1 / std::sqrt(r), u / (r * std::sqrt(r))};
     },
     "asin(u), in [-pi/2, pi/2] (|u| <= 1)", -0.95, 0.95},
    {Op::Acos, "acos", nullptr, 1, [](double u) { return std::acos(u); }, true,
     // -1/sqrt(1-u^2), -u/(1-u^2)^1.5
     [](double u, double f) -> UnaryDerivatives {
         const double r = 1 - u * u;
         return {f, -1 / std::sqrt(r), -u / (r * std::sqrt(r))};
     },
     "acos(u), in [0, pi] (|u| <= 1)", -0.95, 0.95},
    {Op::Atan, "atan", nullptr, 1, [](double u) { return std::atan(u); }, true,
     // 1/(1+u^2), -2u/(1+u^2)^2
     [](double u, double f) -> UnaryDerivatives {
         const double r = 1 + u * u;
         return {f, 1 / r, -2 * u / (r * r)};
     },
     "atan(u), in (-pi/2, pi/2)", -3, 3},
    {Op::Sinh, "sinh", nullptr, 1, [](double u) { return std::sinh(u); }, true,
     // cosh u, sinh u
     [](double u, double f) -> UnaryDerivatives {
         return {f, std::cosh(u), f};
     },
     "sinh(u)", -3, 3},
    {Op::Cosh, "cosh", nullptr, 1, [](double u) { return std::cosh(u); }, true,
     // sinh u, cosh u
     [](double u, double f) -> UnaryDerivatives {
         return {f, std::sinh(u), f};
     },
     "cosh(u)", -3, 3},
    {Op::Tanh, "tanh", nullptr, 1, [](double u) { return std::tanh(u); }, true,
     // 1 - t^2, -2t(1 - t^2)
     [](double, double f) -> UnaryDerivatives {
         return {f, 1 - f * f, -2 * f * (1 - f * f)};
     },
     "tanh(u)", -3, 3},
    {Op::Abs, "abs", nullptr, 1, [](double u) { return std::abs(u); }, true,
     // sign u, 0; at the kink u = 0 the subgradient 0
     [](double u, double f) -> UnaryDerivatives {
         return {f, u > 0 ? 1.0 : (u < 0 ? -1.0 : 0.0), 0};
     },
     "abs(u) = |u| (derivative 0 at the kink)", 0.1, 3},
    {Op::Sigmoid, "sigmoid", nullptr, 1, sigmoid, false,
     // s(1-s), s(1-s)(1-2s)
     [](double, double f) -> UnaryDerivatives {
         return {f, f * (1 - f), f * (1 - f) * (1 - 2 * f)};
     },
     "sigmoid(u) = 1/(1 + e^-u)", -5, 5},
    {Op::Softplus, "softplus", nullptr, 1,
     // log(1 + e^u) = max(u, 0) + log1p(e^-|u|), stable for large |u|.
     [](double u) { return std::max(u, 0.0) + std::log1p(std::exp(-std::abs(u))); }, false,
     // sigmoid u, s(1-s)
     [](double u, double f) -> UnaryDerivatives {
         const double s = sigmoid(u);
         return {f, s, s * (1 - s)};
     },
     "softplus(u) = log(1 + e^u)", -5, 5},
    // pow(a, b) is a ^ b: its value and derivatives are the binary rules of the evaluators.
    {Op::Pow, "pow", nullptr, 2, nullptr, false, nullptr,
     "pow(a, b) = a^b (also a**b); a constant b uses the power rule", 0.1, 3},
};

constexpr std::size_t kOps = static_cast<std::size_t>(Op::Softplus) + 1;

// Op -> entry, built once: the evaluators look functions up per node and per point.
const std::array<const FunctionEntry*, kOps>& byOp() {
    static const auto table = [] {
        std::array<const FunctionEntry*, kOps> t{};
        for (const auto& e : kTable)
            t[static_cast<std::size_t>(e.op)] = &e;
        return t;
    }();
    return table;
}

} // namespace

std::span<const FunctionEntry> functionTable() {
    return kTable;
}

const FunctionEntry* functionEntry(Op op) {
    const auto i = static_cast<std::size_t>(op);
    return i < kOps ? byOp()[i] : nullptr;
}

const FunctionEntry* findFunction(std::string_view name) {
    for (const auto& e : kTable)
        if ((e.name && name == e.name) || (e.alias && name == e.alias))
            return &e;
    return nullptr;
}

double applyUnary(Op op, double x) {
    const FunctionEntry* e = functionEntry(op);
    return e && e->value ? e->value(x) : std::numeric_limits<double>::quiet_NaN();
}

UnaryDerivatives unaryDerivatives(Op op, double u) {
    const FunctionEntry* e = functionEntry(op);
    if (!e || !e->derivatives) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        return {nan, nan, nan};
    }
    return e->derivatives(u, e->value(u));
}

} // namespace gs
