#pragma once
// What the Hessian says about a point: its eigen-decomposition and, where the
// gradient vanishes, whether the point is a minimum, maximum, saddle or degenerate.
// The tests are scale-free: adding a constant to f, multiplying f by a positive constant
// or rescaling an input does not change the answer (docs/numerics.md).

#include "derivatives.h"

#include <Eigen/Core>
#include <string_view>

namespace gs {

enum class Classification { Minimum, Maximum, Saddle, Degenerate, NotCritical };

std::string_view toString(Classification c); ///< "minimum", ..., "not_critical"

/// The signs of the Hessian's eigenvalues, zero meaning "within rounding error of zero".
struct Inertia {
    int negative = 0, zero = 0, positive = 0;
};

struct CurvatureAnalysis {
    Eigen::VectorXd eigenvalues;  ///< of H, ascending
    Eigen::MatrixXd eigenvectors; ///< column k belongs to eigenvalues[k]
    Classification classification = Classification::NotCritical;
    bool critical = false; ///< every |df/dx_i| within its rounding-error bound of zero
    /// |grad f| at or below this is within rounding of zero (kSafety |bound of grad f|);
    /// the test itself is per component (see analyzeCurvature).
    double gradientTolerance = 0;
    Inertia inertia; ///< of H (congruence-invariant: the same for the equilibrated H)
    /// Bound on |computed - exact| of each eigenvalue (of H itself, not the equilibrated one):
    /// kSafety |v_k|^T E_H |v_k| + 4 n u ||H||, the rule below.
    Eigen::VectorXd eigenvalueErrors;

    /// True when H's rounding hides its curvature: some eigenvalue is within its bound of zero
    /// and that bound exceeds sqrt(eps) max |lambda| (H's own scale). sin(x)/x at x = 5e-9 is
    /// computed as f'' = 0 exactly, cos x / x and sin x / x^3 cancelling, with a bound of 20
    /// (f'' is -1/3): "lost to rounding", not "degenerate". A truly singular H is computed to
    /// its own precision (log-sum-exp's 1.7e-17 next to 0.25, x^4's 1.2e-17 at 1e-9).
    bool curvatureLost() const;

    /// True when every eigenvalue is nonzero and all agree within their rounding bounds
    /// (lambda_max - lambda_min <= e_max + e_min): H is a multiple of I to working precision,
    /// every direction is an eigenvector, and the eigen-solver's pick of two is arbitrary
    /// (x^2 + y^2: the view draws no axis it could not justify).
    bool equalEigenvalues() const;

    /// The eigenvalues with those that count as zero set to exactly 0, for every output
    /// (readout, JSON): by Sylvester's law of inertia the zero ones are the middle
    /// `inertia.zero` of the ascending list (the log-sum-exp Hessian's 1.7e-17 and the
    /// book's backpropagation Hessian's -9.3e-12 are zero eigenvalues).
    Eigen::VectorXd eigenvaluesToTolerance() const;
};

/// sqrt(eps): the optimizers' test for a positive definite Newton Hessian.
double relativeTolerance();

/// Factor applied to first-order rounding-error bounds: they neglect terms of order eps^2
/// and third derivatives, so a computed quantity counts as zero when within twice its bound.
inline constexpr double kSafety = 2.0;

/// Eigen-decomposition of H(x) and classification of x, from the derivatives and their
/// rounding-error bounds (Derivatives::error):
///   gradient zero  <=>  |df/dx_i| <= kSafety e_i for every i  (e = bound on grad f)
///   eigenvalue signs: those of D H D (same inertia), D = diag of powers of two that
///   equilibrates H; lambda_k of D H D is zero when
///   |lambda_k| <= kSafety |v_k|^T (D E_H D) |v_k| + 4 n u ||D H D||  (E_H = bound on H,
///   v_k its eigenvector; the last term the eigen-solver's backward error).
CurvatureAnalysis analyzeCurvature(const Derivatives& d, const Eigen::VectorXd& x);

/// The inertia of a symmetric H whose entries are known to within `error` (elementwise),
/// by the rule above. Exposed for the optimizers' end-point classification and tests.
Inertia hessianInertia(const Eigen::MatrixXd& h, const Eigen::MatrixXd& error);

/// CurvatureAnalysis::curvatureLost's test on eigenvalues and their error bounds (false when
/// the sizes differ or anything is not finite).
bool lostToRounding(const Eigen::VectorXd& lambda, const Eigen::VectorXd& error);

/// Why a point cannot be classified: f, its gradient or its Hessian is not a finite number
/// there. The readout's row and --analyze's "classification_detail" say it in these words.
enum class NotFinite { None, Value, Infinite, Gradient, GradientInfinite, Hessian };
/// The first of f (NaN: outside its domain, or infinite), grad f (NaN: not differentiable;
/// else infinite, which overflow cannot be told from), H that is not finite.
NotFinite notFinite(const Derivatives& d);
/// "outside f's domain (f is undefined here)", "f is infinite here", ...; "" for None.
std::string_view toString(NotFinite reason);

/// Minimum (all positive), maximum (all negative), saddle (both signs), else degenerate.
Classification classifyInertia(const Inertia& inertia);

/// Gradient descent on the quadratic model at a point: the error along eigenvector v_k of H
/// changes by the factor 1 - eta lambda_k per step, so it shrinks for every eta > 0 iff
/// |1 - eta lambda_k| < 1 iff 0 < eta < 2 / lambda_k (lambda_k > 0); along lambda_k < 0 it
/// grows for every eta > 0, along lambda_k = 0 it stays. Decided by the inertia (eigenvalue
/// signs to within rounding, the rule above), never by the raw signs.
struct DescentStability {
    enum class Kind {
        Stable,            ///< H positive definite: stable iff eta < limit = 2 / lambda_max
        NegativeCurvature, ///< some lambda < 0: unstable along its eigenvector for every eta
        Flat,              ///< H >= 0, singular: no growth; eta < limit on the curved part
        NoCurvature,       ///< H = 0 to within rounding: no bound on eta, no contraction
        Unknown,           ///< H not computed or not finite
    };
    Kind kind = Kind::Unknown;
    double limit = 0;  ///< 2 / lambda_max (Stable, Flat), else 0
    double lambda = 0; ///< NegativeCurvature: the most negative eigenvalue
};
DescentStability descentStability(const CurvatureAnalysis& curvature);

} // namespace gs
