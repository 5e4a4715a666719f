#pragma once
// What the Hessian says about a point: its eigen-decomposition and, where the
// gradient vanishes, whether the point is a minimum, maximum, saddle or degenerate.

#include "derivatives.h"

#include <Eigen/Core>
#include <string_view>

namespace gs {

enum class Classification { Minimum, Maximum, Saddle, Degenerate, NotCritical };

std::string_view toString(Classification c); ///< "minimum", ..., "not_critical"

struct CurvatureAnalysis {
    Eigen::VectorXd eigenvalues;  ///< ascending
    Eigen::MatrixXd eigenvectors; ///< column k belongs to eigenvalues[k]
    Classification classification = Classification::NotCritical;
    double gradientTolerance = 0; ///< |grad f| at or below this counts as zero
    double eigenTolerance = 0;    ///< |lambda| at or below this counts as zero

    /// The eigenvalues with those that count as zero set to exactly 0 (for display: the
    /// log-sum-exp Hessian's 1.7e-17 is a zero eigenvalue, not a tiny curvature).
    Eigen::VectorXd eigenvaluesToTolerance() const;
};

/// sqrt(eps): a point known to about half the digits of a double is still critical,
/// and curvature below that relative size cannot be told from rounding.
double relativeTolerance();

/// Eigen-decomposition of H(x) and classification of x.
///   gradient zero  <=>  |grad f| <= sqrt(eps) * (||H||_2 ||x|| + |f|)
///   eigenvalue zero <=> |lambda| <= sqrt(eps) * ||H||_2
CurvatureAnalysis analyzeCurvature(const Derivatives& d, const Eigen::VectorXd& x);

} // namespace gs
