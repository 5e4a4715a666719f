#pragma once
// First- and second-order Taylor models of f at a centre x0:
//   T1(x) = f(x0) + grad f(x0) . d,   T2(x) = T1(x) + 1/2 d^T H(x0) d,   d = x - x0.

#include "derivatives.h"
#include "evaluation.h"

#include <Eigen/Core>

namespace gs {

struct TaylorModel {
    int order = 2; ///< 1: tangent plane, 2: quadratic
    Eigen::VectorXd center;
    Derivatives at; ///< f, gradient and Hessian at the centre

    /// The model's value at x.
    double operator()(const Eigen::VectorXd& x) const;
    /// The model over a grid (axes and base point as in sampleGrid; base = centre).
    Eigen::ArrayXXd sampleGrid(const GridSpec& grid) const;
};

/// The Taylor model of the given order (1 or 2) of f at x0.
TaylorModel taylor(const Expression& f, const Eigen::VectorXd& x0, int order);
/// Both models from one derivative evaluation.
TaylorModel taylor(const Derivatives& at, const Eigen::VectorXd& x0, int order);

/// f(x0 + eps) beside both models there: the book's "approximation vs true value".
struct ApproximationCheck {
    Eigen::VectorXd epsilon;
    double trueValue, linear, quadratic;
    double linearError() const { return linear - trueValue; }
    double quadraticError() const { return quadratic - trueValue; }
};
ApproximationCheck approximationCheck(const Expression& f, const Derivatives& at,
                                      const Eigen::VectorXd& x0, const Eigen::VectorXd& epsilon);

} // namespace gs
