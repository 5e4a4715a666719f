#pragma once
// Exact first and second derivatives by forward-mode automatic differentiation:
// every node carries (value, gradient, Hessian) and each operation applies the
// chain rule to all three. No step sizes, no truncation error.

#include "expression.h"
#include "functions.h"

#include <Eigen/Core>

namespace gs {

/// Bounds on the rounding error of computed derivatives: |computed - exact| <= bound,
/// entry by entry, to first order in eps (a running error analysis carried through the
/// same forward sweep; docs/numerics.md). "Exact" is f at the intended point, of which the
/// double x is the rounding (|x_i - intended_i| <= u |x_i|, u = eps/2).
struct ErrorBounds {
    double value = 0.0;
    Eigen::VectorXd gradient;
    Eigen::MatrixXd hessian;
};

/// f, grad f and the Hessian at one point, with bounds on their rounding errors.
struct Derivatives {
    double value = 0.0;
    Eigen::VectorXd gradient;
    Eigen::MatrixXd hessian;
    ErrorBounds error;
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

} // namespace gs
