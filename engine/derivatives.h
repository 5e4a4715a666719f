#pragma once
// Exact first and second derivatives by forward-mode automatic differentiation:
// every node carries (value, gradient, Hessian) and each operation applies the
// chain rule to all three. No step sizes, no truncation error.

#include "expression.h"

#include <Eigen/Core>

namespace gs {

/// f, grad f and the Hessian at one point.
struct Derivatives {
    double value = 0.0;
    Eigen::VectorXd gradient;
    Eigen::MatrixXd hessian;
};

/// value, gradient and Hessian of f at x (x in input order).
Derivatives derivatives(const Expression& f, const Eigen::VectorXd& x);
/// grad f(x), exact.
Eigen::VectorXd gradient(const Expression& f, const Eigen::VectorXd& x);
/// H f(x), exact (symmetric).
Eigen::MatrixXd hessian(const Expression& f, const Eigen::VectorXd& x);

/// Central differences (f(x + h e_i) - f(x - h e_i)) / 2h, with h = cbrt(eps) * max(1, |x_i|).
/// Only a comparison for tests and docs; the product uses the exact gradient.
Eigen::VectorXd centralDifferenceGradient(const Expression& f, const Eigen::VectorXd& x);

/// f(u), f'(u), f''(u) of a one-argument function: the table every derivative rule reads.
struct UnaryDerivatives {
    double f, d1, d2;
};
UnaryDerivatives unaryDerivatives(Op op, double u);

} // namespace gs
