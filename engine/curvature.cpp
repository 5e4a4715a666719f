#include "curvature.h"

#include <Eigen/Eigenvalues>
#include <cmath>
#include <limits>

namespace gs {

namespace {

constexpr double kUnit = std::numeric_limits<double>::epsilon() / 2;

// Symmetric equilibration by powers of two (Ruiz): D H D with every row's largest |entry|
// in [1/2, 2). D scales inputs, so D H D is H after rescaling the inputs: the same inertia
// (Sylvester), and a rescaled input gives the same D H D. Powers of two keep it exact.
Eigen::VectorXd equilibration(const Eigen::MatrixXd& h) {
    const auto n = h.rows();
    Eigen::VectorXd d = Eigen::VectorXd::Ones(n);
    for (int iteration = 0; iteration < 8; ++iteration) {
        bool changed = false;
        for (Eigen::Index i = 0; i < n; ++i) {
            double row = 0;
            for (Eigen::Index j = 0; j < n; ++j)
                row = std::max(row, std::abs(d[i] * h(i, j) * d[j]));
            if (row == 0 || !std::isfinite(row))
                continue;
            // d_i <- d_i / sqrt(row), rounded to a power of two.
            const int e = static_cast<int>(std::lround(-0.5 * std::log2(row)));
            if (e != 0) {
                d[i] = std::ldexp(d[i], e);
                changed = true;
            }
        }
        if (!changed)
            break;
    }
    return d;
}

} // namespace

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

NotFinite notFinite(const Derivatives& d) {
    if (std::isnan(d.value))
        return NotFinite::Value;
    if (std::isinf(d.value))
        return NotFinite::Infinite;
    if (!d.gradient.allFinite())
        return d.gradient.array().isNaN().any() ? NotFinite::Gradient : NotFinite::GradientInfinite;
    if (d.hessianComputed && !d.hessian.allFinite())
        return NotFinite::Hessian;
    return NotFinite::None;
}

std::string_view toString(NotFinite reason) {
    switch (reason) {
    case NotFinite::None:
        return "";
    case NotFinite::Value:
        return "outside f's domain (f is undefined here)";
    case NotFinite::Infinite:
        return "f is infinite here";
    case NotFinite::Gradient:
        return "f is not differentiable here (its gradient is not finite)";
    case NotFinite::GradientInfinite:
        // exp(1000 x) at 0.707 is differentiable, its slope 1e310 past the largest double:
        // "not differentiable" was wrong there (tester s28).
        return "its gradient is infinite here, or beyond the largest double (1.8e308)";
    case NotFinite::Hessian:
        return "f is not twice differentiable here (its Hessian is not finite)";
    }
    return "";
}

double relativeTolerance() {
    return std::sqrt(std::numeric_limits<double>::epsilon());
}

Eigen::VectorXd CurvatureAnalysis::eigenvaluesToTolerance() const {
    Eigen::VectorXd shown = eigenvalues;
    if (inertia.negative + inertia.zero + inertia.positive == shown.size())
        shown.segment(inertia.negative, inertia.zero).setZero();
    return shown;
}

bool CurvatureAnalysis::curvatureLost() const {
    return lostToRounding(eigenvalues, eigenvalueErrors);
}

bool CurvatureAnalysis::equalEigenvalues() const {
    const auto n = eigenvalues.size();
    if (n < 2 || eigenvalueErrors.size() != n || !eigenvalues.allFinite() ||
        !eigenvalueErrors.allFinite() || inertia.zero > 0)
        return false;
    // Ascending: the extremes are the first and the last.
    return eigenvalues[n - 1] - eigenvalues[0] <= eigenvalueErrors[n - 1] + eigenvalueErrors[0];
}

bool lostToRounding(const Eigen::VectorXd& lambda, const Eigen::VectorXd& error) {
    if (lambda.size() == 0 || error.size() != lambda.size() || !lambda.allFinite() ||
        !error.allFinite())
        return false;
    const double scale = relativeTolerance() * lambda.cwiseAbs().maxCoeff();
    return ((lambda.array().abs() <= error.array()) && (error.array() > scale)).any();
}

Inertia hessianInertia(const Eigen::MatrixXd& h, const Eigen::MatrixXd& error) {
    const auto n = h.rows();
    const Eigen::VectorXd d = equilibration(h);
    const Eigen::MatrixXd hs = d.asDiagonal() * h * d.asDiagonal();
    const Eigen::MatrixXd es = d.asDiagonal() * error * d.asDiagonal();
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(hs);
    const Eigen::VectorXd& lambda = solver.eigenvalues();
    // Backward error of the symmetric eigen-solver: ||dH|| <= p(n) u ||H||, p(n) = 4n.
    const double solverError = 4.0 * double(n) * kUnit * lambda.cwiseAbs().maxCoeff();
    Inertia r;
    for (Eigen::Index k = 0; k < n; ++k) {
        // First-order perturbation of a symmetric eigenvalue: d lambda = v^T dH v, and
        // |v^T dH v| <= |v|^T |dH| |v|.
        const Eigen::VectorXd v = solver.eigenvectors().col(k).cwiseAbs();
        const double tolerance = kSafety * v.dot(es * v) + solverError;
        if (lambda[k] > tolerance)
            ++r.positive;
        else if (lambda[k] < -tolerance)
            ++r.negative;
        else
            ++r.zero;
    }
    return r;
}

Classification classifyInertia(const Inertia& i) {
    const int n = i.negative + i.zero + i.positive;
    if (n > 0 && i.positive == n)
        return Classification::Minimum;
    if (n > 0 && i.negative == n)
        return Classification::Maximum;
    if (i.positive > 0 && i.negative > 0)
        return Classification::Saddle; // ascent and descent directions both exist
    return Classification::Degenerate;
}

CurvatureAnalysis analyzeCurvature(const Derivatives& d, const Eigen::VectorXd& x) {
    (void)x; // the point's own rounding is already in d.error (derivatives())
    CurvatureAnalysis r;
    const auto n = d.hessian.rows();
    const bool bounded = d.error.gradient.size() == n && d.error.hessian.rows() == n &&
                         d.error.hessian.cols() == n && d.error.gradient.allFinite() &&
                         d.error.hessian.allFinite();
    if (n == 0 || !std::isfinite(d.value) || !d.hessian.allFinite() || !d.gradient.allFinite() ||
        !bounded) {
        r.eigenvalues = Eigen::VectorXd::Constant(n, std::nan(""));
        r.eigenvectors = Eigen::MatrixXd::Constant(n, n, std::nan(""));
        return r;
    }
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(d.hessian);
    r.eigenvalues = solver.eigenvalues();
    r.eigenvectors = solver.eigenvectors();
    r.inertia = hessianInertia(d.hessian, d.error.hessian);
    // The same perturbation bound for H's own eigenvalues (the readout's and the lists').
    const double solverError = 4.0 * double(n) * kUnit * r.eigenvalues.cwiseAbs().maxCoeff();
    r.eigenvalueErrors.resize(n);
    for (Eigen::Index k = 0; k < n; ++k) {
        const Eigen::VectorXd v = r.eigenvectors.col(k).cwiseAbs();
        r.eigenvalueErrors[k] = kSafety * v.dot(d.error.hessian * v) + solverError;
    }
    r.gradientTolerance = kSafety * d.error.gradient.norm();
    // Per component, so that rescaling one input (which scales df/dx_i and its bound
    // alike) does not change the answer; |f| plays no part (adding a constant to f).
    r.critical = (d.gradient.array().abs() <= kSafety * d.error.gradient.array()).all();
    if (r.critical)
        r.classification = classifyInertia(r.inertia);
    return r;
}

DescentStability descentStability(const CurvatureAnalysis& c) {
    DescentStability s;
    const Eigen::VectorXd& lambda = c.eigenvalues; // ascending
    const Inertia& in = c.inertia;
    if (lambda.size() == 0 || !lambda.allFinite() ||
        in.negative + in.zero + in.positive != lambda.size())
        return s; // Unknown
    if (in.negative > 0) {
        s.kind = DescentStability::Kind::NegativeCurvature;
        s.lambda = lambda[0];
        return s;
    }
    if (in.positive == 0) {
        s.kind = DescentStability::Kind::NoCurvature;
        return s;
    }
    // |1 - eta lambda_max| < 1  <=>  eta < 2 / lambda_max; the smaller lambdas follow.
    s.kind = in.zero == 0 ? DescentStability::Kind::Stable : DescentStability::Kind::Flat;
    s.limit = 2.0 / lambda[lambda.size() - 1];
    return s;
}

} // namespace gs
