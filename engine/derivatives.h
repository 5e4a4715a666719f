#pragma once
// Exact first and second derivatives by forward-mode automatic differentiation:
// every node carries (value, gradient, Hessian) and each operation applies the
// chain rule to all three. No step sizes, no truncation error.

#include "expression.h"
#include "functions.h"

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

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
    Eigen::MatrixXd hessian; ///< empty (0 x 0) when not computed (hessianNotComputed)
    ErrorBounds error;       ///< error.hessian empty, error.gradient NaN when not computed
    bool hessianComputed = true;
};

/// The Hessian (second-order jets, whose cost grows with n^2 per operation) is computed for
/// at most this many scalar inputs...
inline constexpr std::size_t kMaxHessianInputs = 50;
/// ... and while the jets' entries (operations x n^2) stay within this budget (memory: two
/// n x n matrices per operation, 16 bytes an entry: 160 MB at the budget).
inline constexpr double kMaxJetEntries = 1e7;

/// Why derivatives() would not compute f's Hessian ("not computed: 200 scalar inputs > 50"),
/// or nothing when it does. Without it, the gradient comes from reverse mode (graph.h).
std::optional<std::string> hessianNotComputed(const Expression& f);

/// value, gradient and Hessian of f at x (x in input order). Without a Hessian
/// (hessianNotComputed), the value and the reverse-mode gradient, `hessianComputed` false.
/// Where f is not finite (inf or NaN), the gradient and Hessian are NaN: not meaningful.
Derivatives derivatives(const Expression& f, const Eigen::VectorXd& x);
/// The same with respect to the inputs `wrt` only (input indices, in that order; the other
/// inputs held at x): entry for entry the numbers derivatives(f, x) gives for them, error
/// bounds included (the chain rule never mixes directions), at the cost of |wrt| inputs
/// instead of all of f's: a search over the plotted pair of a function with parameters.
Derivatives derivatives(const Expression& f, const Eigen::VectorXd& x, const std::vector<int>& wrt);
/// The same without the rounding-error bounds (`error` left empty, error.value 0): value,
/// gradient and Hessian are the same bits as derivatives(f, x, wrt), at about a third of the
/// work per operation. For iterations that need no bounds (Newton's steps in the
/// critical-point search); whatever reports or classifies takes derivatives().
Derivatives derivativesWithoutBounds(const Expression& f, const Eigen::VectorXd& x,
                                     const std::vector<int>& wrt);
/// grad f(x), exact.
Eigen::VectorXd gradient(const Expression& f, const Eigen::VectorXd& x);
/// H f(x), exact (symmetric).
Eigen::MatrixXd hessian(const Expression& f, const Eigen::VectorXd& x);

/// Central differences (f(x + h e_i) - f(x - h e_i)) / 2h, with h = cbrt(eps) * max(1, |x_i|).
/// Only a comparison for tests and docs; the product uses the exact gradient.
Eigen::VectorXd centralDifferenceGradient(const Expression& f, const Eigen::VectorXd& x);

} // namespace gs
