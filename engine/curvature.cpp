#include "curvature.h"

#include <Eigen/Eigenvalues>
#include <cmath>
#include <limits>

namespace gs {

std::string_view toString(Classification c) {
    switch (c) {
    case Classification::Minimum:
        return "minimum";
    case Classification::Maximum:
        return "maximum";
    case Classification::Saddle:
        return "saddle";
    case Classification::Degenerate:
        return "degenerate";
    case Classification::NotCritical:
        return "not_critical";
    }
    return "not_critical";
}

double relativeTolerance() {
    return std::sqrt(std::numeric_limits<double>::epsilon());
}

Eigen::VectorXd CurvatureAnalysis::eigenvaluesToTolerance() const {
    return (eigenvalues.array().abs() <= eigenTolerance).select(0.0, eigenvalues);
}

CurvatureAnalysis analyzeCurvature(const Derivatives& d, const Eigen::VectorXd& x) {
    CurvatureAnalysis r;
    const auto n = d.hessian.rows();
    if (n == 0 || !std::isfinite(d.value) || !d.hessian.allFinite() || !d.gradient.allFinite()) {
        r.eigenvalues = Eigen::VectorXd::Constant(n, std::nan(""));
        r.eigenvectors = Eigen::MatrixXd::Constant(n, n, std::nan(""));
        return r;
    }
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(d.hessian);
    r.eigenvalues = solver.eigenvalues();
    r.eigenvectors = solver.eigenvectors();
    const double normH = r.eigenvalues.cwiseAbs().maxCoeff(); // spectral norm of a symmetric H
    r.gradientTolerance = relativeTolerance() * (normH * x.norm() + std::abs(d.value));
    r.eigenTolerance = relativeTolerance() * normH;
    if (d.gradient.norm() > r.gradientTolerance)
        return r;
    const bool anyPositive = (r.eigenvalues.array() > r.eigenTolerance).any();
    const bool anyNegative = (r.eigenvalues.array() < -r.eigenTolerance).any();
    const bool allPositive = (r.eigenvalues.array() > r.eigenTolerance).all();
    const bool allNegative = (r.eigenvalues.array() < -r.eigenTolerance).all();
    if (allPositive)
        r.classification = Classification::Minimum;
    else if (allNegative)
        r.classification = Classification::Maximum;
    else if (anyPositive && anyNegative)
        r.classification = Classification::Saddle; // ascent and descent directions both exist
    else
        r.classification = Classification::Degenerate;
    return r;
}

} // namespace gs
