#include "criticalpoints.h"

#include "derivatives.h"
#include "tape.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>
#include <optional>
#include <type_traits>

namespace gs {

namespace {

using Array = Eigen::ArrayXd;

constexpr double kEps = std::numeric_limits<double>::epsilon();

/// Newton steps per seed. A degenerate zero of grad f converges only linearly (x^4: the
/// step is x/3, so x shrinks by 2/3 a step): 100 steps take a cell of 1e-2 below 1e-19.
constexpr int kMaxNewtonSteps = 100;
/// Newton gives up when |grad f| has not decreased for this many steps.
constexpr int kStallSteps = 8;
/// Newton has converged when a step is below 4 eps (|p| + diagonal): rounding level.
constexpr double kStepTolerance = 4 * kEps;
/// Linear convergence (a zero of grad f of multiplicity k, where each step is (k-1)/k of the
/// one before) is recognised when two successive ratios |d_n| / |d_n-1| agree within 1% and
/// lie in [0.45, 1), and the steps point the same way (cosine above 0.999). Ratios below
/// 0.45 converge within 50 steps anyway; quadratic convergence gives ratios that fall.
constexpr double kLinearRatioMin = 0.45;
constexpr double kLinearRatioAgreement = 0.01;
constexpr double kLinearCosine = 0.999;
/// |f(q) - f(p)| <= 64 eps max|f| is rounding, not a sign (64: a few dozen operations).
constexpr double kRoundingFactor = 64 * kEps;
/// Angles around the circle of the sign test: 2.5 degrees apart, so sectors of a
/// monkey saddle (60 degrees) or a quartic saddle (45) carry many samples each.
constexpr int kCircleSamples = 144;
/// Radii of the sign test in cells; two neighbouring radii must agree.
constexpr double kCircleRadii[] = {1.0 / 16, 1.0 / 8, 1.0 / 4, 1.0 / 2};
/// Newton's pseudo-inverse drops eigen-directions with |lambda| <= 16 eps max|lambda|: those
/// carry no information above rounding. (Not sqrt(eps): x^2 - y^4 would stop at y ~ 1e-4,
/// where 12 y^2 falls below sqrt(eps) * 2.)
constexpr double kPseudoInverseCut = 16 * kEps;
/// Singular critical points closer than this (in cells) belong to one curve.
constexpr double kCurveLink = 2.0;
/// At most this many |grad f|-minimum seeds per grid line (a plateau is not a hundred points).
constexpr int kSeedsPerLine = 4;

/// sqrt(eps): a quantity known to about half the digits of a double.
double sqrtEps() {
    return std::sqrt(kEps);
}

// ---------------------------------------------------------------------------------------
// First-order duals over arrays: value and derivatives along two seeded inputs at many
// points at once. The rules are the jets' (derivatives.cpp) cut at first order:
//   phi(u)' = phi'(u) u',  (ab)' = a'b + ab',  (a/b)' = (a' - (a/b) b') / b,
//   (u^c)' = c u^(c-1) u',  (a^b)' = a^b (b' log a + b a'/a).

struct Dual {
    Array v, dx, dy;
};

struct DualOps {
    Eigen::Index n;

    Dual constant(double c) const {
        return {Array::Constant(n, c), Array::Zero(n), Array::Zero(n)};
    }

    // Outside a function's domain the derivative does not exist either (as in JetOps::chain).
    static Dual chain(const Dual& u, Array f, Array d1) {
        d1 = f.isNaN().select(f, d1);
        Dual r{std::move(f), d1 * u.dx, d1 * u.dy};
        return r;
    }

    Dual unary(Op op, const Dual& u) const {
        Array f(n), d1(n);
        for (Eigen::Index p = 0; p < n; ++p) { // the one table of f, f', f''
            const UnaryDerivatives d = unaryDerivatives(op, u.v[p]);
            f[p] = d.f;
            d1[p] = d.d1;
        }
        return chain(u, std::move(f), std::move(d1));
    }

    // u^c, c u^(c-1); squares and cubes without pow (the common case, and pow is slow).
    Dual powConst(const Dual& u, double c) const {
        if (c == 2.0)
            return chain(u, u.v.square(), 2 * u.v);
        if (c == 3.0)
            return chain(u, u.v.cube(), 3 * u.v.square());
        Array f = c == 1.0 ? u.v : Array(u.v.pow(c));
        Array d1 = c == 0.0   ? Array(Array::Zero(n))
                   : c == 1.0 ? Array(Array::Ones(n))
                              : Array(c * u.v.pow(c - 1));
        return chain(u, std::move(f), std::move(d1));
    }

    Dual binary(Op op, const Dual& a, const Dual& b) const {
        switch (op) {
        case Op::Add:
            return {a.v + b.v, a.dx + b.dx, a.dy + b.dy};
        case Op::Sub:
            return {a.v - b.v, a.dx - b.dx, a.dy - b.dy};
        case Op::Mul:
            return {a.v * b.v, a.dx * b.v + a.v * b.dx, a.dy * b.v + a.v * b.dy};
        case Op::Div: {
            Array q = a.v / b.v;
            Array dx = (a.dx - q * b.dx) / b.v, dy = (a.dy - q * b.dy) / b.v;
            return {std::move(q), std::move(dx), std::move(dy)};
        }
        default: { // a^b = exp(b log a)
            Array v = a.v.binaryExpr(b.v, [](double p, double q) { return std::pow(p, q); });
            const Array lg = a.v.log();
            Array dx = v * (b.dx * lg + b.v * a.dx / a.v);
            Array dy = v * (b.dy * lg + b.v * a.dy / a.v);
            dx = lg.isNaN().select(lg, dx);
            dy = lg.isNaN().select(lg, dy);
            return {std::move(v), std::move(dx), std::move(dy)};
        }
        }
    }
};

// Same chunk size as the grid evaluator (evaluation.cpp): a chunk's arrays stay in L2.
constexpr Eigen::Index kChunk = 1024;

/// f and its derivatives along inputs axisX (coordinates xs) and axisY (ys; axisY < 0: none)
/// at xs.size() points; the other inputs from base.
void dualSweep(const Expression& f, const Eigen::VectorXd& base, int axisX, const Array& xs,
               int axisY, const Array& ys, double* v, double* dx, double* dy) {
    const Eigen::Index count = xs.size();
    const auto inputs = static_cast<int>(f.inputCount());
    for (Eigen::Index start = 0; start < count; start += kChunk) {
        const Eigen::Index n = std::min(kChunk, count - start);
        std::vector<Dual> in;
        in.reserve(static_cast<std::size_t>(inputs));
        for (int k = 0; k < inputs; ++k) {
            if (k == axisX)
                in.push_back({xs.segment(start, n), Array::Ones(n), Array::Zero(n)});
            else if (k == axisY)
                in.push_back({ys.segment(start, n), Array::Zero(n), Array::Ones(n)});
            else
                in.push_back(DualOps{n}.constant(k < base.size() ? base[k] : 0.0));
        }
        const auto values = detail::forwardPass(f, in, DualOps{n});
        const Dual& out = values[static_cast<std::size_t>(f.output())];
        Eigen::Map<Array>(v + start, n) = out.v;
        Eigen::Map<Array>(dx + start, n) = out.dx;
        if (dy)
            Eigen::Map<Array>(dy + start, n) = out.dy;
    }
}

Eigen::VectorXd fullPoint(const Eigen::VectorXd& base, std::size_t inputs) {
    Eigen::VectorXd p = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(inputs));
    const Eigen::Index n = std::min<Eigen::Index>(base.size(), p.size());
    p.head(n) = base.head(n);
    return p;
}

/// f, gradient and Hessian over the searched inputs only (a slice of f), and their
/// rounding-error bounds: the jets carry only the searched directions (a function with
/// parameters costs what its plotted pair costs).
Derivatives sliceDerivatives(const Expression& f, const Eigen::VectorXd& p,
                             const std::vector<int>& axes) {
    return derivatives(f, p, axes);
}

/// The same numbers without their rounding bounds (a third of the work): where only the
/// step or the signs are needed (Newton's iterations, the seed filter, the valley floor).
Derivatives sliceSteps(const Expression& f, const Eigen::VectorXd& p,
                       const std::vector<int>& axes) {
    return derivativesWithoutBounds(f, p, axes);
}

Eigen::VectorXd sliceOf(const Eigen::VectorXd& p, const std::vector<int>& axes) {
    Eigen::VectorXd s(static_cast<Eigen::Index>(axes.size()));
    for (std::size_t a = 0; a < axes.size(); ++a)
        s[Eigen::Index(a)] = p[axes[a]];
    return s;
}

/// What one search may still spend on exact derivatives (searchEvaluationBudget): every
/// second-order jet evaluation of the search takes one.
struct Budget {
    long limit = std::numeric_limits<long>::max();
    long used = 0;
    /// Takes one evaluation; false, taking none, when the budget is spent.
    bool take() {
        if (used >= limit)
            return false;
        ++used;
        return true;
    }
    bool spent() const { return used >= limit; }
};

/// A point found takes one evaluation with rounding bounds for its eigenvalues (makePoint),
/// about three without: kept back from Newton so that the search's whole work stays within
/// the budget (a long function spent it on Newton and then as much again on its points: 2 s
/// under the sanitizers, fuzz_session).
constexpr long kPointCost = 3;

/// Lowers the budget's limit by `n` for a scope: what a later step will need is not spent.
struct Reserve {
    Reserve(Budget& budget, long n)
        : m_budget(budget)
        , m_n(std::min(n, budget.limit)) {
        m_budget.limit -= m_n;
    }
    ~Reserve() { m_budget.limit += m_n; }
    Reserve(const Reserve&) = delete;
    Reserve& operator=(const Reserve&) = delete;

private:
    Budget& m_budget;
    long m_n;
};

/// The searched box [lo, hi] per searched input.
struct Box {
    Eigen::VectorXd lo, hi;
};

struct Polished {
    Eigen::VectorXd point; // all inputs
    Derivatives at;        // over the searched inputs (no rounding bounds: sliceSteps)
    double gradientNorm = std::numeric_limits<double>::infinity();
    /// Newton's step was cut at the box's edge to get here: it was heading further out, so
    /// this is where the box stopped it, not a zero of grad f.
    bool pinned = false;
    int evaluations = 0; ///< derivative evaluations Newton spent (the run's cost)
    /// Every |df/dx_i| within its rounding bound here (analyzeCurvature's `critical`); tested
    /// only by a run with Rounding::Test.
    bool criticalToRounding = false;
};

/// Whether Newton's iterates are tested against their gradient's rounding bounds (a third
/// more work each): beside a sample where f is undefined, where cancellation leaves f'
/// computed no better than its noise (sin(x)/x near 0: f' = -x/3 is computed as -9.5e-7 at
/// x = -1.4e-10), so no iterate meets the usual |grad f| <= sqrt(eps) |slope| test.
enum class Rounding { Ignore, Test };

/// Which eigen-directions of H a Newton step uses.
enum class Directions {
    All,     ///< every one with |lambda| > 16 eps max|lambda|
    Steepest ///< only the largest |lambda|: the step across a curve of critical points
};

/// The Newton step -H^+ g, with the pseudo-inverse
///   H^+ = sum over |lambda_k| > 16 eps max|lambda| of v_k v_k^T / lambda_k,
/// so a singular Hessian (on a curve of critical points) moves p only across the curve.
/// Directions::Steepest keeps only the term of the largest |lambda|: near a curve of
/// critical points where H is not yet singular (x^2 y^2 beside the axis x = 0, where the full
/// step heads for the origin), that is the step onto the curve.
Eigen::VectorXd newtonStep(const Derivatives& d, Directions use = Directions::All) {
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(d.hessian);
    const Eigen::VectorXd& lambda = eig.eigenvalues();
    Eigen::Index largest = 0;
    const double lambdaMax = lambda.cwiseAbs().maxCoeff(&largest);
    Eigen::VectorXd delta = Eigen::VectorXd::Zero(lambda.size());
    for (Eigen::Index k = 0; k < lambda.size(); ++k)
        if (std::abs(lambda[k]) > kPseudoInverseCut * lambdaMax &&
            (use == Directions::All || k == largest))
            delta -=
                (eig.eigenvectors().col(k).dot(d.gradient) / lambda[k]) * eig.eigenvectors().col(k);
    return delta;
}

/// Newton's method on grad f = 0 over the searched inputs, from `start`, never leaving `box`:
/// p <- p + t delta, delta = -H^+ g (newtonStep), t <= 1 cutting the step at the box's edge.
/// Returns the iterate with the smallest |grad f|.
/// Each derivative evaluation is taken from `budget`; when it is spent the run stops there
/// (keeping its best iterate).
Polished newton(const Expression& f, Eigen::VectorXd p, const std::vector<int>& axes,
                const Box& box, double diagonal, Budget& budget, Directions use = Directions::All,
                Rounding rounding = Rounding::Ignore) {
    Polished best;
    int stalled = 0;
    bool pinned = false;
    Eigen::VectorXd previous; // the last step taken, for the ratio of successive steps
    double previousRatio = 0;
    int evaluations = 0;
    const auto done = [&] {
        best.evaluations = evaluations;
        return best;
    };
    for (int step = 0; step <= kMaxNewtonSteps; ++step) {
        if (!budget.take())
            break;
        Derivatives d =
            rounding == Rounding::Test ? sliceDerivatives(f, p, axes) : sliceSteps(f, p, axes);
        ++evaluations;
        if (!std::isfinite(d.value) || !d.gradient.allFinite() || !d.hessian.allFinite())
            break;
        if (rounding == Rounding::Test &&
            (d.gradient.array().abs() <= kSafety * d.error.gradient.array()).all()) {
            best = {p, d, d.gradient.stableNorm(), pinned};
            best.criticalToRounding = true;
            break; // grad f = 0 to working precision: no step can do better
        }
        const double gn = d.gradient.stableNorm();
        if (gn < best.gradientNorm) {
            best = {p, d, gn, pinned};
            stalled = 0;
        } else if (++stalled >= kStallSteps) {
            break;
        }
        if (gn == 0 || step == kMaxNewtonSteps)
            break;
        Eigen::VectorXd delta = newtonStep(d, use);
        if (!(delta.squaredNorm() > 0))
            break; // H = 0: nothing tells Newton where to go
        // Largest t in (0, 1] keeping p + t delta in the box.
        double t = 1;
        Eigen::VectorXd q = sliceOf(p, axes);
        for (Eigen::Index a = 0; a < q.size(); ++a) {
            if (q[a] + delta[a] > box.hi[a])
                t = std::min(t, (box.hi[a] - q[a]) / delta[a]);
            else if (q[a] + delta[a] < box.lo[a])
                t = std::min(t, (box.lo[a] - q[a]) / delta[a]);
        }
        if (!(t > 0))
            break;
        pinned = t < 1;
        delta *= t;
        // At a zero of multiplicity k Newton's steps form a geometric series d, r d, r^2 d, ...
        // with r = (k-1)/k (32/33 for y^33: hundreds of steps). Once the ratio is steady, take
        // the whole series at once, d (1 + r + r^2 + ...) = d / (1 - r): exact for a pure
        // power, and otherwise a better start for the next steps (the best iterate is kept,
        // so a poor jump costs steps, not accuracy). Aitken's extrapolation of a linearly
        // converging sequence.
        if (!pinned && previous.size() == delta.size()) {
            const double r = delta.norm() / previous.norm();
            const double cosine = delta.dot(previous) / (delta.norm() * previous.norm());
            const bool steady = std::abs(r - previousRatio) <= kLinearRatioAgreement * r;
            previousRatio = r;
            if (steady && r >= kLinearRatioMin && r < 1 && cosine > kLinearCosine) {
                Eigen::VectorXd jump = delta / (1 - r);
                bool inside = true;
                for (Eigen::Index a = 0; a < q.size(); ++a)
                    inside = inside && q[a] + jump[a] <= box.hi[a] && q[a] + jump[a] >= box.lo[a];
                if (inside) {
                    delta = jump;
                    previousRatio = 0; // the next jump needs two fresh ratios
                }
            }
        }
        previous = delta;
        for (std::size_t a = 0; a < axes.size(); ++a)
            p[axes[a]] += delta[Eigen::Index(a)];
        if (delta.norm() <= kStepTolerance * (q.norm() + diagonal)) {
            if (!budget.take())
                break;
            Derivatives last = sliceSteps(f, p, axes);
            ++evaluations;
            if (last.gradient.allFinite() && last.gradient.stableNorm() < best.gradientNorm)
                best = {p, last, last.gradient.stableNorm(), pinned};
            break;
        }
    }
    return done();
}

/// Whether one Newton step from p (the pseudo-inverse step above) stays within a cell along
/// every axis: the quadratic model at p puts a zero of grad f nearby. Filters the |grad f|
/// minima of a slope that only flattens (x exp(-x^2 - y^2) towards the corners).
bool newtonStepWithin(const Expression& f, const Eigen::VectorXd& p, const std::vector<int>& axes,
                      const Eigen::VectorXd& cell, Budget& budget) {
    if (!budget.take())
        return false;
    const Derivatives d = sliceSteps(f, p, axes);
    if (!d.gradient.allFinite() || !d.hessian.allFinite())
        return false;
    return (newtonStep(d).array().abs() <= cell.array()).all();
}

/// Median of the finite values (0 when there are none): a typical size, robust to a
/// function that blows up at one edge.
double median(std::vector<double> v) {
    v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return !std::isfinite(x); }),
            v.end());
    if (v.empty())
        return 0;
    auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

/// Minimum, maximum or saddle from the eigenvalues (analyzeCurvature's), nullopt when one
/// is zero: |lambda| <= max(tol, sqrt(eps) max|lambda|), the relative test of curvature.h
/// or below the domain's curvature scale `tol` (a tiny Hessian next to a degenerate point).
std::optional<Classification> fromEigenvalues(const Eigen::VectorXd& lambda, double tol) {
    if (lambda.size() == 0 || !lambda.allFinite())
        return std::nullopt;
    const double zero = std::max(tol, sqrtEps() * lambda.cwiseAbs().maxCoeff());
    if ((lambda.array().abs() <= zero).any())
        return std::nullopt;
    if ((lambda.array() > 0).all())
        return Classification::Minimum;
    if ((lambda.array() < 0).all())
        return Classification::Maximum;
    return Classification::Saddle;
}

struct SignTest {
    int changes = -1; ///< -1: undecided
    int sign = 0;
};

/// The first two neighbouring radii (fractions of a cell, kCircleRadii) whose tests both
/// give a pattern and agree decide; none: undecided.
template <class Test> SignTest atAgreeingRadii(Test test) {
    SignTest previous;
    for (const double r : kCircleRadii) {
        const SignTest t = test(r);
        if (t.changes >= 0 && t.changes == previous.changes && t.sign == previous.sign)
            return t;
        previous = t;
    }
    return {};
}

int signWithin(double d, double noise) {
    return d > noise ? 1 : (d < -noise ? -1 : 0);
}

/// Zero Hessian: the signs of f - f(p) around p. Two axes: around an ellipse of r cells;
/// one axis: at p -+ r cells (the two sides).
SignTest sideOrCircleTest(const Expression& f, const Eigen::VectorXd& p,
                          const std::vector<int>& axes, const Eigen::VectorXd& cell) {
    return atAgreeingRadii([&](double r) {
        SignTest t;
        if (axes.size() == 2) {
            t.changes = circleSignChanges(f, p, axes[0], axes[1], r * cell[0], r * cell[1],
                                          kCircleSamples, &t.sign);
            return t;
        }
        const double f0 = evaluate(f, p);
        Eigen::VectorXd a = p, b = p;
        a[axes[0]] -= r * cell[0];
        b[axes[0]] += r * cell[0];
        const double fa = evaluate(f, a), fb = evaluate(f, b);
        const double noise = kRoundingFactor * std::max({std::abs(f0), std::abs(fa), std::abs(fb)});
        const int sa = signWithin(fa - f0, noise), sb = signWithin(fb - f0, noise);
        if (sa != 0 && sb != 0) {
            t.changes = sa == sb ? 0 : 2;
            t.sign = sa == sb ? sa : 0;
        }
        return t;
    });
}

/// Rank-one Hessian in two inputs (lambda1 != 0 along v1, zero along v2): f decides along
/// its valley (or ridge) floor through p,
///   d(t) = f(p + t v2 + s(t) v1) - f(p),  s(t): the zero of v1 . grad f near s = 0
/// (Newton in s: s <- s - v1.g / v1^T H v1). By the splitting lemma f - f(p) behaves like
/// lambda1 s^2 / 2 + d(t): d(-t), d(t) both of lambda1's sign -> extremum (0 sign changes
/// around p); both opposite -> saddle (4); one of each -> neither, 2 (x^3 + y^2).
/// A circle would miss the sectors of x^2 - y^4, which narrow like the radius.
SignTest valleyTest(const Expression& f, const Eigen::VectorXd& p, const std::vector<int>& axes,
                    const Eigen::Vector2d& v1, const Eigen::Vector2d& v2, double lambda1,
                    const Eigen::VectorXd& cell, Budget& budget) {
    const double f0 = evaluate(f, p);
    const double unit = 1 / Eigen::Vector2d(v2[0] / cell[0], v2[1] / cell[1]).norm(); // 1 cell
    auto moved = [&](double t, double s) {
        Eigen::VectorXd q = p;
        for (int k = 0; k < 2; ++k)
            q[axes[std::size_t(k)]] += t * v2[k] + s * v1[k];
        return q;
    };
    return atAgreeingRadii([&](double r) {
        const double t = r * unit;
        int sides[2] = {0, 0};
        double values[2] = {0, 0};
        SignTest out;
        for (int side = 0; side < 2; ++side) {
            const double tt = side == 0 ? -t : t;
            double s = 0;
            for (int it = 0; it < 30; ++it) {
                if (!budget.take())
                    return out; // undecided: the floor was not reached
                const Derivatives d = sliceSteps(f, moved(tt, s), axes);
                const double slope = v1.dot(d.gradient), curve = v1.dot(d.hessian * v1);
                if (!std::isfinite(slope) || !std::isfinite(curve) || curve == 0)
                    break;
                const double ds = std::clamp(-slope / curve, -t, t); // stay near the floor
                s += ds;
                if (std::abs(ds) <= kStepTolerance * (std::abs(s) + t))
                    break;
            }
            values[side] = evaluate(f, moved(tt, s));
        }
        const double noise =
            kRoundingFactor * std::max({std::abs(f0), std::abs(values[0]), std::abs(values[1])});
        for (int side = 0; side < 2; ++side)
            sides[side] = signWithin(values[side] - f0, noise);
        if (sides[0] == 0 || sides[1] == 0)
            return out;
        const int along = lambda1 > 0 ? 1 : -1;
        if (sides[0] == along && sides[1] == along) {
            out.changes = 0;
            out.sign = along;
        } else {
            out.changes = sides[0] == sides[1] ? 4 : 2;
        }
        return out;
    });
}

/// Classification of a critical point: the Hessian's eigenvalues when none is zero
/// (|lambda| <= `singular`), otherwise f itself: along the valley floor when one
/// eigenvalue is zero (two inputs), on circles (sides in 1-D) when the Hessian is zero.
void classify(const Expression& f, CriticalPoint& c, const std::vector<int>& axes,
              const Eigen::VectorXd& cell, double singular, Budget& budget) {
    if (const auto k = fromEigenvalues(c.eigenvalues, singular)) {
        c.classification = *k;
        return;
    }
    if (!budget.take()) {
        c.classification = Classification::Degenerate;
        c.detail = "undecided: the search's work bound was reached before this point was "
                   "classified";
        return;
    }
    const Derivatives d = sliceSteps(f, c.point, axes);
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(d.hessian);
    const Eigen::VectorXd& lambda = eig.eigenvalues();
    const double zero =
        lambda.allFinite() ? std::max(singular, sqrtEps() * lambda.cwiseAbs().maxCoeff()) : 0;
    SignTest t;
    if (axes.size() == 2 && lambda.allFinite() &&
        (std::abs(lambda[0]) > zero) != (std::abs(lambda[1]) > zero)) {
        const int k1 = std::abs(lambda[0]) > zero ? 0 : 1; // the curved direction
        t = valleyTest(f, c.point, axes, eig.eigenvectors().col(k1), eig.eigenvectors().col(1 - k1),
                       lambda[k1], cell, budget);
    } else {
        t = sideOrCircleTest(f, c.point, axes, cell);
    }
    c.signChanges = t.changes;
    if (t.changes < 0) {
        c.classification = Classification::Degenerate;
        c.detail = budget.spent()
                       ? "undecided: the search's work bound was reached before this point "
                         "was classified"
                       : "undecided: f - f(p) is within rounding, or its sign pattern changes "
                         "with the radius, up to half a cell from p";
    } else if (t.changes == 0) {
        c.classification = t.sign > 0 ? Classification::Minimum : Classification::Maximum;
        // Lost to rounding, the curvature is unknown, not zero: no "degenerate" (tester s26,
        // sin(x)/x: "degenerate maximum at 4.8e-09, lambda = 0"; f'' = -1/3 there).
        c.detail = std::string(c.curvatureLost ? "" : "degenerate ") +
                   (t.sign > 0 ? "minimum" : "maximum");
    } else if (axes.size() == 1) {
        c.classification = Classification::Saddle; // neither a minimum nor a maximum
        c.detail = "stationary inflection";
    } else {
        // A saddle in the wide sense (not an extremum): 2 or 4 sign changes, one or two
        // rising and falling sectors; 6: three of each, the monkey saddle; more: higher.
        c.classification = Classification::Saddle;
        c.detail = t.changes <= 4 ? (c.curvatureLost ? "saddle" : "degenerate saddle")
                                  : (t.changes == 6 ? "monkey saddle" : "higher-order saddle");
    }
}

/// One stationary point candidate after Newton, before de-duplication.
struct Found {
    Polished p;
    double accept; ///< |grad f| at or below this is zero here
};

/// A point's position over the two searched inputs in cell units, where distances between
/// points of a curve are measured.
Eigen::Vector2d inCells(const Eigen::VectorXd& p, const std::vector<int>& axes,
                        const Eigen::VectorXd& cell) {
    return {p[axes[0]] / cell[0], p[axes[1]] / cell[1]};
}

struct Setup {
    std::vector<int> axes;
    Box domain;
    Eigen::VectorXd cell; ///< grid step per searched input
    double diagonal = 0;
    double tolerance = 0;    ///< positionTolerance(diagonal)
    double curvatureTol = 0; ///< eigenvalues at or below this are zero (domain scale)
};

bool inside(const Setup& s, const Eigen::VectorXd& p) {
    for (std::size_t k = 0; k < s.axes.size(); ++k) {
        const double x = p[s.axes[k]];
        if (x < s.domain.lo[Eigen::Index(k)] - s.tolerance ||
            x > s.domain.hi[Eigen::Index(k)] + s.tolerance)
            return false;
    }
    return true;
}

bool onBoundary(const Setup& s, const Eigen::VectorXd& p) {
    for (std::size_t k = 0; k < s.axes.size(); ++k) {
        const double x = p[s.axes[k]];
        if (std::abs(x - s.domain.lo[Eigen::Index(k)]) <= s.tolerance ||
            std::abs(x - s.domain.hi[Eigen::Index(k)]) <= s.tolerance)
            return true;
    }
    return false;
}

/// Whether Newton's best point is a zero of grad f:
///   |g| <= sqrt(eps) * max|grad f| over the seed's neighbourhood (the samples), and
///   |g| <= sqrt(eps) * ||H|| * |cell| (the gradient's own rate of change at p),
/// the second because f may change by orders of magnitude within a cell (exp(-1000 r^2)
/// in its tail, where the samples' largest slope is 1e22 times the smallest); neither at a
/// point where the box cut Newton's step (Polished::pinned).
bool accepted(const Found& c, const Setup& s) {
    const Polished& p = c.p;
    return !p.pinned && (p.criticalToRounding ||
                         (p.gradientNorm <= c.accept &&
                          p.gradientNorm <= sqrtEps() * p.at.hessian.stableNorm() * s.cell.norm()));
}

/// Accepted, in-domain, de-duplicated stationary points (the smallest |grad f| of a cluster).
std::vector<Polished> dedupe(const std::vector<Found>& found, const Setup& s) {
    std::vector<Polished> kept;
    for (const Found& c : found) {
        if (!accepted(c, s) || !inside(s, c.p.point))
            continue;
        bool merged = false;
        for (Polished& k : kept) {
            double d2 = 0;
            for (const int a : s.axes)
                d2 += (k.point[a] - c.p.point[a]) * (k.point[a] - c.p.point[a]);
            if (d2 <= s.tolerance * s.tolerance) {
                if (c.p.gradientNorm < k.gradientNorm)
                    k = c.p;
                merged = true;
                break;
            }
        }
        if (!merged)
            kept.push_back(c.p);
    }
    return kept;
}

/// The reported point: its eigenvalues from the derivatives with their rounding bounds (the
/// same value, gradient and Hessian as Newton's, plus the bounds analyzeCurvature needs). One
/// evaluation per point found, outside the budget (a found point is always reported whole).
CriticalPoint makePoint(const Expression& f, const Polished& p, const Setup& s) {
    CriticalPoint c;
    c.point = p.point;
    c.value = p.at.value;
    c.gradientNorm = p.gradientNorm;
    const CurvatureAnalysis a =
        analyzeCurvature(sliceDerivatives(f, p.point, s.axes), sliceOf(p.point, s.axes));
    c.eigenvalues = a.eigenvalues;
    c.eigenvalueErrors = a.eigenvalueErrors;
    c.curvatureLost = a.curvatureLost();
    c.onBoundary = onBoundary(s, p.point);
    return c;
}

/// A candidate for the lowest (sign -1) or highest (+1) value: it wins when better by more
/// than rounding, ties (DomainExtremum::ties) when equal to rounding at another point.
/// Rounding at the scale of f's values on the domain (`scale`, the largest |f| sampled):
/// Himmelblau's four minima come out as 0 and 1e-28, equal at the scale of its 890.
/// Values within this of each other are equal to rounding at the scale of f on the domain.
double tieTolerance(const DomainExtremum& e, double value, double scale) {
    return DomainExtremum::kTieUlps * std::numeric_limits<double>::epsilon() *
           std::max({std::abs(value), std::abs(e.value), scale});
}

void considerExtreme(DomainExtremum& e, const Eigen::VectorXd& p, double value, bool boundary,
                     double sign, double scale) {
    const auto take = [&] {
        e = DomainExtremum{};
        e.found = true;
        e.point = p;
        e.value = value;
        e.onBoundary = boundary;
    };
    if (!e.found) {
        take();
        return;
    }
    const double tolerance = tieTolerance(e, value, scale);
    const double better = sign * (value - e.value);
    if (better > tolerance) {
        take();
        return;
    }
    if (better < -tolerance || e.manyTies || !e.attained)
        return;
    // The same point found twice (a critical point on a grid node) is no tie.
    const auto same = [&](const Eigen::VectorXd& q) {
        return (q - p).norm() <= 1e-9 * (1 + std::max(q.norm(), p.norm()));
    };
    if (same(e.point) || std::any_of(e.ties.begin(), e.ties.end(), same))
        return;
    if (e.ties.size() == DomainExtremum::kMaxTies) {
        e.ties.clear();
        e.manyTies = true;
        return;
    }
    e.ties.push_back(p);
}

/// Candidate extremes of f on the domain; the lowest and highest win, with their ties.
void consider(CriticalPointSearch& r, const Eigen::VectorXd& p, double value, bool boundary,
              double scale) {
    if (!std::isfinite(value))
        return;
    considerExtreme(r.globalMinimum, p, value, boundary, -1, scale);
    considerExtreme(r.globalMaximum, p, value, boundary, 1, scale);
}

/// Two neighbouring samples (along input `axis`): `inside` defined, `other` defined or not.
/// Between them, or toward `other` where f is undefined there, f may pass every sampled value.
struct SampleEdge {
    double value; ///< f at `inside`
    Eigen::VectorXd inside, other;
    int axis;
    bool otherDefined;
};

constexpr int kGapHalvings = 200; ///< from a cell to 2^-200 of it: past any double's rounding
/// The highest and the lowest few samples beside an undefined one, and the few highest and
/// lowest samples with their defined neighbours, are approached.
constexpr int kApproachedSamples = 8;

/// Where an approach ends: the most extreme point reached, f there, and whether f has
/// settled: changed by at most sqrt(eps) of max(|f|, scale) over the last ten halvings
/// (1 - sqrt(x) has, to 1; log x and 1/x have not). A limit approached more slowly than
/// about the distance's fourth root (x^0.1) reads as unsettled.
struct Approach {
    Eigen::VectorXd point;
    double value;
    bool settled;
};

bool settledOver(const std::vector<double>& values, double scale) {
    const double last = values.back();
    const double before = values[values.size() > 10 ? values.size() - 11 : 0];
    return std::abs(last - before) <= sqrtEps() * std::max(std::abs(last), scale);
}

/// Toward where f is undefined: the last point where f is defined on the way from `inside`
/// toward `outside` (bisection, at most kGapHalvings) and f there.
Approach approachGap(const Expression& f, Eigen::VectorXd a, double value, Eigen::VectorXd b,
                     double scale, Budget& budget) {
    std::vector<double> values{value}; // f at a, after each halving
    bool cut = false;                  // by the search's work bound: nothing is claimed then
    for (int k = 0; k < kGapHalvings; ++k) {
        const Eigen::VectorXd m = 0.5 * (a + b);
        if (m == a || m == b)
            break; // a and b are neighbouring doubles
        if (!budget.take()) {
            cut = true;
            break;
        }
        const double v = evaluate(f, m);
        if (std::isfinite(v))
            a = m;
        else
            b = m;
        values.push_back(std::isfinite(v) ? v : values.back());
    }
    return {a, values.back(), cut || settledOver(values, scale)};
}

/// Between two defined neighbours, toward where g = sign f passes both (a pole between the
/// samples: 1/x with an even number of them, tan x, x/(y - 0.3); or a peak between them).
/// The bracket is halved toward where g rises: the half whose ends' slopes point into it
/// (g' > 0 at its left end, < 0 at its right: a peak or an even pole between), else the half
/// whose rise contradicts the slopes at both its ends (an odd pole between). Neither: g is
/// monotone there and nothing passes the ends. Slopes are exact (first-order jets along
/// `axis`); the most extreme point evaluated is returned.
Approach approachBetween(const Expression& f, const SampleEdge& edge, double sign, double scale,
                         Budget& budget) {
    const std::vector<int> axis{edge.axis};
    const double toward = edge.other[edge.axis] > edge.inside[edge.axis] ? sign : -sign;
    struct End {
        Eigen::VectorXd p;
        double g, slope; // g = sign f, its slope from inside toward other
    };
    const auto at = [&](const Eigen::VectorXd& p) {
        budget.take(); // (callers check spent() first)
        const Derivatives d = derivativesWithoutBounds(f, p, axis);
        return End{p, sign * d.value, toward * d.gradient[0]};
    };
    End l = at(edge.inside), r = at(edge.other);
    End best = l.g >= r.g ? l : r;
    const auto against = [](double rise, double a, double b) {
        return (rise > 0 && a < 0 && b < 0) || (rise < 0 && a > 0 && b > 0);
    };
    bool stopped = false; // nothing beyond the ends: g is monotone in the bracket
    for (int k = 0; k < kGapHalvings && std::isfinite(l.g) && std::isfinite(r.g); ++k) {
        const Eigen::VectorXd mp = 0.5 * (l.p + r.p);
        if (mp == l.p || mp == r.p || budget.spent())
            break;
        const End m = at(mp);
        if (!std::isfinite(m.g)) { // undefined between: toward it from the higher side
            const End& from = l.g >= r.g ? l : r;
            const Approach a = approachGap(f, from.p, sign * from.g, m.p, scale, budget);
            if (sign * a.value > best.g)
                return a;
            break;
        }
        if (m.g > best.g)
            best = m;
        if (l.slope > 0 && m.slope < 0)
            r = m;
        else if (m.slope > 0 && r.slope < 0)
            l = m;
        else if (against(m.g - l.g, l.slope, m.slope))
            r = m;
        else if (against(r.g - m.g, m.slope, r.slope))
            l = m;
        else {
            stopped = true;
            break;
        }
    }
    // Settled where g no longer changes toward the bracket, which holds where g passes every
    // value: the change |g'| d over the distance d to the bracket's far end, to rounding of g.
    // A peak has g' = 0 there; a pole g' d ~ g (its best may be a point a rounding step on
    // the far side, where the bracket cannot follow: the best value then stops changing
    // although f does not settle).
    const double d = std::max((best.p - l.p).norm(), (best.p - r.p).norm());
    const bool settled = std::abs(best.slope) * d <= sqrtEps() * std::max(std::abs(best.g), scale);
    return {best.p, sign * best.g, stopped || settled || budget.spent()};
}

/// The extremes toward where f is undefined inside the domain (1/x at 0) or grows without
/// bound between two samples: the highest and lowest edges are approached (kApproachedSamples
/// of each kind, see there); a limit that passes the extreme found so far replaces it, and is
/// not attained when f has not settled there.
void approachEdges(const Expression& f, CriticalPointSearch& r, std::vector<SampleEdge> edges,
                   int neighbours, double scale, Budget& budget) {
    std::sort(edges.begin(), edges.end(),
              [](const SampleEdge& a, const SampleEdge& b) { return a.value < b.value; });
    for (const double sign : {-1.0, 1.0}) {
        DomainExtremum& e = sign < 0 ? r.globalMinimum : r.globalMaximum;
        int gaps = 0, betweens = 0;
        for (std::size_t k = 0; k < edges.size(); ++k) {
            const SampleEdge& edge = sign < 0 ? edges[k] : edges[edges.size() - 1 - k];
            int& count = edge.otherDefined ? betweens : gaps;
            // (`neighbours` edges a sample: the most extreme samples' edges come first.)
            if (count >= neighbours * kApproachedSamples || budget.limit - budget.used < 2)
                continue;
            ++count;
            const Approach a = edge.otherDefined ? approachBetween(f, edge, sign, scale, budget)
                                                 : approachGap(f, edge.inside, edge.value,
                                                               edge.other, scale, budget);
            if (!a.settled) {
                const double spacing = (edge.other - edge.inside).norm();
                const bool known = std::any_of(
                    r.singularities.begin(), r.singularities.end(),
                    [&](const Eigen::VectorXd& q) { return (q - a.point).norm() <= spacing; });
                if (!known)
                    r.singularities.push_back(a.point);
            }
            // Only a limit that passes the extreme counts (one that ties is a sample's
            // neighbour, a second ring beside the first).
            if (!(sign * (a.value - e.value) > tieTolerance(e, a.value, scale)))
                continue;
            considerExtreme(e, a.point, a.value, false, sign, scale);
            e.attained = a.settled; // not when f is still going there
        }
    }
}

/// The samples worth approaching from: `count` highest and lowest of `values` (finite).
std::vector<Eigen::Index> extremeSamples(const double* values, Eigen::Index n, int count) {
    std::vector<Eigen::Index> idx;
    for (Eigen::Index i = 0; i < n; ++i)
        if (std::isfinite(values[i]))
            idx.push_back(i);
    const auto byValue = [&](Eigen::Index a, Eigen::Index b) { return values[a] < values[b]; };
    std::vector<Eigen::Index> out;
    if (idx.size() <= std::size_t(2 * count))
        return idx;
    std::nth_element(idx.begin(), idx.begin() + count, idx.end(), byValue);
    out.insert(out.end(), idx.begin(), idx.begin() + count);
    std::nth_element(idx.begin(), idx.end() - count, idx.end(), byValue);
    out.insert(out.end(), idx.end() - count, idx.end());
    return out;
}

/// Stationary points of f along one input on [a, b] (others at base): sign changes of f'
/// and the minima of |f'| among n samples, polished by Newton on f' with f''.
struct LineSearch {
    Array xs, v, d;
    std::vector<Found> found;
    int evaluations = 0; ///< Newton's, over every seed
    int skipped = 0;     ///< seeds left when the budget was spent
};

LineSearch searchLine(const Expression& f, const Eigen::VectorXd& base, int axis, double a,
                      double b, int n, double diagonal, Budget& budget) {
    LineSearch L;
    L.xs.resize(n);
    for (int i = 0; i < n; ++i)
        L.xs[i] = n > 1 ? a + (b - a) * i / (n - 1) : a;
    L.v.resize(n);
    L.d.resize(n);
    dualSweep(f, base, axis, L.xs, -1, L.xs, L.v.data(), L.d.data(), nullptr);
    const double h = n > 1 ? (b - a) / (n - 1) : 1.0;
    const std::vector<int> axes{axis};
    auto seed = [&](double x0, int lo, int hi, Rounding rounding = Rounding::Ignore) {
        const long keep = kPointCost * long(L.found.size() + 1); // for the points found
        if (budget.limit - budget.used <= keep) {
            ++L.skipped;
            return;
        }
        const Reserve reserve(budget, keep);
        Box box{Eigen::VectorXd::Constant(1, L.xs[lo] - h),
                Eigen::VectorXd::Constant(1, L.xs[hi] + h)};
        double local = 0;
        for (int i = std::max(0, lo - 1); i <= std::min(n - 1, hi + 1); ++i)
            if (std::isfinite(L.d[i]))
                local = std::max(local, std::abs(L.d[i]));
        Eigen::VectorXd p = base;
        p[axis] = x0;
        L.found.push_back({newton(f, p, axes, box, diagonal, budget, Directions::All, rounding),
                           sqrtEps() * local});
        L.evaluations += L.found.back().p.evaluations;
    };
    for (int i = 0; i + 1 < n; ++i) {
        const double d0 = L.d[i], d1 = L.d[i + 1];
        if (std::isfinite(d0) && std::isfinite(d1) && std::min(d0, d1) <= 0 &&
            std::max(d0, d1) >= 0 && !(d0 == 0 && d1 == 0))
            seed(0.5 * (L.xs[i] + L.xs[i + 1]), i, i + 1);
    }
    // f' changing sign across a single sample where it is undefined (sin(x)/x at the sample
    // x = 0, 0/0: on [-2, 2] its maximum was not found, on [-1, 2] it was, tester s28):
    // Newton from beside it, its iterates tested against their rounding.
    for (int i = 1; i + 1 < n; ++i) {
        const double d0 = L.d[i - 1], d1 = L.d[i + 1];
        if (!std::isfinite(L.d[i]) && std::isfinite(d0) && std::isfinite(d1) &&
            std::min(d0, d1) <= 0 && std::max(d0, d1) >= 0 && !(d0 == 0 && d1 == 0))
            seed(0.5 * (L.xs[i - 1] + L.xs[i]), i - 1, i + 1, Rounding::Test);
    }
    // |f'| touching zero without a sign change (x^3 between samples): its local minima.
    for (int i = 1; i + 1 < n; ++i) {
        const double g = std::abs(L.d[i]);
        if (std::isfinite(g) && g < std::abs(L.d[i - 1]) && g < std::abs(L.d[i + 1]))
            seed(L.xs[i], i, i);
    }
    return L;
}

Setup makeSetup(const std::vector<int>& axes, const Eigen::VectorXd& lo, const Eigen::VectorXd& hi,
                const Eigen::VectorXd& cell) {
    Setup s;
    s.axes = axes;
    s.domain = {lo, hi};
    s.cell = cell;
    s.diagonal = (hi - lo).norm();
    s.tolerance = positionTolerance(s.diagonal);
    return s;
}

void sortByValue(std::vector<CriticalPoint>& points) {
    std::stable_sort(
        points.begin(), points.end(),
        [](const CriticalPoint& a, const CriticalPoint& b) { return a.value < b.value; });
}

/// One polyline through part of a connected set of critical points.
struct Piece {
    std::vector<std::size_t> vertices; ///< indices into the set, in order
    std::vector<std::size_t> covered;  ///< every point it stands for (vertices or not)
    bool closed = false;
};

/// Orders a connected set of points into polylines: from an end (a point with the fewest
/// neighbours) to the nearest unvisited point, again and again, keeping vertices about half
/// a cell apart; where the nearest is further than kCurveLink cells the polyline ends, the
/// points it passed within a cell of are dropped as covered, and the rest start another
/// (the four arms of x^2 y^2 = 0 are two or three polylines, not one with jumps).
std::vector<Piece> orderCurve(const std::vector<Eigen::Vector2d>& pts) {
    const std::size_t n = pts.size();
    auto dist = [&](std::size_t i, std::size_t j) { return (pts[i] - pts[j]).norm(); };
    std::vector<int> neighbours(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            if (j != i && dist(i, j) <= kCurveLink)
                ++neighbours[i];
    std::vector<bool> used(n, false);
    std::vector<Piece> pieces;
    for (;;) {
        std::size_t start = n;
        for (std::size_t i = 0; i < n; ++i)
            if (!used[i] && (start == n || neighbours[i] < neighbours[start]))
                start = i;
        if (start == n)
            break;
        Piece piece{{start}, {start}, false};
        used[start] = true;
        for (;;) {
            std::size_t next = n;
            double best = std::numeric_limits<double>::infinity();
            for (std::size_t j = 0; j < n; ++j)
                if (const double d = used[j] ? best : dist(piece.vertices.back(), j); d < best) {
                    best = d;
                    next = j;
                }
            if (next == n || best > kCurveLink)
                break;
            used[next] = true;
            piece.covered.push_back(next);
            if (best >= 0.5) // Newton from neighbouring seeds lands close: thin
                piece.vertices.push_back(next);
        }
        for (std::size_t j = 0; j < n; ++j)
            for (std::size_t k = 0; k < piece.vertices.size() && !used[j]; ++k)
                if (dist(j, piece.vertices[k]) <= 1.0) {
                    used[j] = true;
                    piece.covered.push_back(j);
                }
        piece.closed = piece.vertices.size() >= 4 && neighbours[start] >= 2 &&
                       dist(piece.vertices.front(), piece.vertices.back()) <= kCurveLink;
        if (piece.vertices.size() >= 2)
            pieces.push_back(std::move(piece));
    }
    return pieces;
}

/// Splits singular critical points into curves (chains of points a cell or two apart) and
/// single points. A cluster less than half a cell across is one point.
void findCurves(const Expression& f, std::vector<CriticalPoint>& points, const Setup& s,
                std::vector<CriticalCurve>& curves) {
    std::vector<std::size_t> singular;
    for (std::size_t i = 0; i < points.size(); ++i)
        if (!fromEigenvalues(points[i].eigenvalues, s.curvatureTol))
            singular.push_back(i);
    // Union-find over the singular points, linked when within kCurveLink cells.
    std::vector<std::size_t> parent(singular.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto root = [&](std::size_t i) {
        while (parent[i] != i)
            i = parent[i] = parent[parent[i]];
        return i;
    };
    std::vector<Eigen::Vector2d> at;
    for (std::size_t i : singular)
        at.push_back(inCells(points[i].point, s.axes, s.cell));
    for (std::size_t i = 0; i < singular.size(); ++i)
        for (std::size_t j = i + 1; j < singular.size(); ++j)
            if ((at[i] - at[j]).squaredNorm() <= kCurveLink * kCurveLink)
                parent[root(i)] = root(j);
    std::vector<bool> drop(points.size(), false);
    for (std::size_t i = 0; i < singular.size(); ++i) {
        if (root(i) != i)
            continue;
        std::vector<std::size_t> members; // positions in `singular`
        for (std::size_t j = 0; j < singular.size(); ++j)
            if (root(j) == i)
                members.push_back(j);
        if (members.size() < 2)
            continue;
        auto point = [&](std::size_t m) -> CriticalPoint& { return points[singular[m]]; };
        // Across the cluster (its bounding box's diagonal, in cells).
        Eigen::Vector2d lo = at[members.front()], hi = lo;
        for (std::size_t m : members) {
            lo = lo.cwiseMin(at[m]);
            hi = hi.cwiseMax(at[m]);
        }
        if ((hi - lo).norm() < 0.5) { // one degenerate point reached from several cells
            std::size_t keep = members.front();
            for (std::size_t m : members)
                if (point(m).gradientNorm < point(keep).gradientNorm)
                    keep = m;
            for (std::size_t m : members)
                drop[singular[m]] = m != keep;
            continue;
        }
        // Across the curve: the eigenvalues that are not zero, of one sign at every point
        // for a valley floor (minima) or a ridge (maxima).
        int positive = 0, negative = 0;
        std::vector<Eigen::Vector2d> cells;
        for (std::size_t m : members) {
            cells.push_back(at[m]);
            const auto& l = point(m).eigenvalues.array();
            const double zero = std::max(s.curvatureTol, sqrtEps() * l.abs().maxCoeff());
            if ((l > zero).any() && !(l < -zero).any())
                ++positive;
            else if ((l < -zero).any() && !(l > zero).any())
                ++negative;
            drop[singular[m]] = true;
        }
        Classification kind;
        if (positive == int(members.size())) {
            kind = Classification::Minimum;
        } else if (negative == int(members.size())) {
            kind = Classification::Maximum;
        } else { // flat across too: ask f itself at a middle point
            const SignTest t =
                sideOrCircleTest(f, point(members[members.size() / 2]).point, s.axes, s.cell);
            if (t.changes < 0)
                kind = Classification::Degenerate;
            else if (t.changes > 0)
                kind = Classification::Saddle; // not extrema: f changes sign across (x^3)
            else
                kind = t.sign > 0 ? Classification::Minimum : Classification::Maximum;
        }
        for (const Piece& piece : orderCurve(cells)) {
            CriticalCurve c;
            c.classification = kind;
            c.closed = piece.closed;
            c.valueMin = std::numeric_limits<double>::infinity();
            c.valueMax = -c.valueMin;
            double sum = 0;
            for (std::size_t v : piece.vertices) {
                const CriticalPoint& p = point(members[v]);
                c.points.push_back(p.point);
                sum += p.value;
                c.valueMin = std::min(c.valueMin, p.value);
                c.valueMax = std::max(c.valueMax, p.value);
            }
            for (std::size_t v : piece.covered)
                c.touchesBoundary = c.touchesBoundary || point(members[v]).onBoundary;
            c.value = sum / double(piece.vertices.size());
            curves.push_back(std::move(c));
        }
    }
    std::vector<CriticalPoint> rest;
    for (std::size_t i = 0; i < points.size(); ++i)
        if (!drop[i])
            rest.push_back(std::move(points[i]));
    points = std::move(rest);
}

/// Appends a sentence to the search's note.
void addNote(CriticalPointSearch& r, const std::string& sentence) {
    r.note += (r.note.empty() ? "" : "; ") + sentence;
}

/// Records what the search spent, and says so when the budget cut it short.
void account(CriticalPointSearch& r, const Budget& budget, const Expression& f, long samples) {
    r.derivativeEvaluations = budget.used;
    r.evaluationBudget = budget.limit;
    if (budget.spent())
        addNote(r, "the search's work bound was reached (" + std::to_string(budget.limit) +
                       " derivative evaluations for f's " + std::to_string(f.nodes().size()) +
                       " operations on " + std::to_string(samples) + " samples): " +
                       (r.seedsSkipped > 0
                            ? std::to_string(r.seedsSkipped) +
                                  " starting points were not followed, so critical points may "
                                  "be missing"
                            : std::string("f was not followed all the way toward where it is "
                                          "undefined or grows, so its extremes there may be "
                                          "missing")));
}

} // namespace

long searchEvaluationBudget(const Expression& f, long samples, int searched) {
    // budget = floor(10,000 samples / (operations (1 + m + m^2))): an evaluation costs in
    // proportion to the jet entries it computes, operations x (value, m gradient, m^2 Hessian).
    const double operations = double(std::max<std::size_t>(1, f.nodes().size()));
    const double m = std::max(1, searched);
    const double budget = std::floor(kSearchEntriesPerSample * double(std::max(0L, samples)) /
                                     (operations * (1 + m + m * m)));
    return static_cast<long>(std::min(budget, 1e18));
}

double positionTolerance(double diagonal) {
    return sqrtEps() * diagonal;
}

GradientSample sampleGradient(const Expression& f, const GridSpec& g, const Eigen::VectorXd& base) {
    GradientSample s;
    s.grid = g;
    const Eigen::Index total = Eigen::Index(g.nx) * g.ny;
    Array xs(total), ys(total);
    for (int j = 0; j < g.ny; ++j) // point i + nx j, column-major like sampleGrid
        for (int i = 0; i < g.nx; ++i) {
            xs[i + Eigen::Index(g.nx) * j] = g.x(i);
            ys[i + Eigen::Index(g.nx) * j] = g.y(j);
        }
    s.value.resize(g.nx, g.ny);
    s.dx.resize(g.nx, g.ny);
    s.dy.resize(g.nx, g.ny);
    dualSweep(f, base, g.axisX, xs, g.axisY, ys, s.value.data(), s.dx.data(), s.dy.data());
    return s;
}

std::string kindOf(const CriticalPoint& p) {
    return p.detail.empty() ? std::string(toString(p.classification)) : p.detail;
}

CriticalPoint classifySingularPoint(const Expression& f, const Eigen::VectorXd& p,
                                    const std::vector<int>& axes, const Eigen::VectorXd& cell) {
    CriticalPoint c;
    c.point = p;
    c.value = evaluate(f, p);
    const CurvatureAnalysis a = analyzeCurvature(sliceDerivatives(f, p, axes), sliceOf(p, axes));
    c.eigenvalueErrors = a.eigenvalueErrors;
    c.curvatureLost = a.curvatureLost();
    // No eigenvalues: classify() goes straight to f (the caller found the Hessian singular).
    Budget unbounded; // one point: the valley test's own limits bound it
    classify(f, c, axes, cell, 0.0, unbounded);
    return c;
}

int circleSignChanges(const Expression& f, const Eigen::VectorXd& p, int axisX, int axisY,
                      double rx, double ry, int samples, int* sign) {
    const double f0 = evaluate(f, p);
    std::vector<double> d(static_cast<std::size_t>(samples));
    double scale = std::abs(f0);
    Eigen::VectorXd q = p;
    for (int k = 0; k < samples; ++k) {
        const double t = 2 * std::numbers::pi * k / samples;
        q[axisX] = p[axisX] + rx * std::cos(t);
        q[axisY] = p[axisY] + ry * std::sin(t);
        const double fq = evaluate(f, q);
        d[std::size_t(k)] = fq - f0;
        if (std::isfinite(fq))
            scale = std::max(scale, std::abs(fq));
    }
    const double noise = kRoundingFactor * scale;
    std::vector<int> signs;
    for (double v : d)
        if (std::isfinite(v) && std::abs(v) > noise)
            signs.push_back(v > 0 ? 1 : -1);
    if (sign)
        *sign = 0;
    if (2 * signs.size() < std::size_t(samples))
        return -1;
    int changes = 0;
    for (std::size_t k = 0; k < signs.size(); ++k) // cyclic: the last joins the first
        if (signs[k] != signs[(k + 1) % signs.size()])
            ++changes;
    if (sign && changes == 0)
        *sign = signs.front();
    return changes;
}

CriticalPointSearch findCriticalPoints(const Expression& f, const GridSpec& grid,
                                       const Eigen::VectorXd& baseIn) {
    CriticalPointSearch r;
    const auto inputs = static_cast<int>(f.inputCount());
    if (grid.axisX < 0 || grid.axisY < 0 || grid.axisX >= inputs || grid.axisY >= inputs ||
        grid.axisX == grid.axisY || grid.nx < 2 || grid.ny < 2 || !(grid.xmin < grid.xmax) ||
        !(grid.ymin < grid.ymax)) {
        r.note = "nothing searched: the grid needs two different inputs of f and at least two "
                 "samples on each of two non-empty ranges";
        return r;
    }
    if (const auto why = hessianNotComputed(f)) { // Newton needs the exact Hessian
        r.note = "nothing searched: the Hessian is " + *why;
        return r;
    }
    const Eigen::VectorXd base = fullPoint(baseIn, f.inputCount());
    const GradientSample g = sampleGradient(f, grid, base);
    const int nx = grid.nx, ny = grid.ny;
    const Eigen::Vector2d lo(grid.xmin, grid.ymin), hi(grid.xmax, grid.ymax);
    const Eigen::Vector2d cell((grid.xmax - grid.xmin) / std::max(1, nx - 1),
                               (grid.ymax - grid.ymin) / std::max(1, ny - 1));
    Setup s = makeSetup({grid.axisX, grid.axisY}, lo, hi, cell);
    const long samples = long(nx) * long(ny);
    Budget budget{searchEvaluationBudget(f, samples, 2)};

    // |grad f| by hypot: squares of 1e-170 underflow (exp(-1000 r^2) in its tail).
    const Eigen::ArrayXXd norm =
        g.dx.binaryExpr(g.dy, [](double a, double b) { return std::hypot(a, b); });
    const double typical = median(std::vector<double>(norm.data(), norm.data() + norm.size()));
    const double largest = norm.isFinite().select(norm, 0.0).maxCoeff();
    // Curvature counts as zero below sqrt(eps) times a typical |grad f| per diagonal: a
    // Hessian that small is rounding next to the way f bends elsewhere in the domain.
    s.curvatureTol = sqrtEps() * (typical > 0 ? typical : largest) / s.diagonal;

    // Sample extremes and corners are candidates for the extremes on the domain.
    auto node = [&](int i, int j) {
        Eigen::VectorXd p = base;
        p[grid.axisX] = grid.x(i);
        p[grid.axisY] = grid.y(j);
        return p;
    };
    int lowest[2] = {-1, -1}, highest[2] = {-1, -1};
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            const double v = g.value(i, j);
            if (!std::isfinite(v))
                continue;
            if (lowest[0] < 0 || v < g.value(lowest[0], lowest[1]))
                lowest[0] = i, lowest[1] = j;
            if (highest[0] < 0 || v > g.value(highest[0], highest[1]))
                highest[0] = i, highest[1] = j;
        }
    if (lowest[0] < 0) {
        r.note = "f is undefined at every sample of the searched domain";
        return r;
    }
    // The lowest and highest samples, and the samples tying with them (the four corners of
    // x^2 + 2y^2): considerExtreme keeps the ties.
    const double low = g.value(lowest[0], lowest[1]), high = g.value(highest[0], highest[1]);
    const double scale = std::max(std::abs(low), std::abs(high));
    const double tie = DomainExtremum::kTieUlps * std::numeric_limits<double>::epsilon() * scale;
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            const double v = g.value(i, j);
            const bool edge = i == 0 || j == 0 || i == nx - 1 || j == ny - 1;
            if (std::abs(v - low) <= tie)
                considerExtreme(r.globalMinimum, node(i, j), v, edge, -1, scale);
            if (std::abs(v - high) <= tie)
                considerExtreme(r.globalMaximum, node(i, j), v, edge, 1, scale);
        }
    if (!(largest > 0)) {
        r.note = "grad f = 0 at every sample: f is constant on the searched domain, so every "
                 "point is critical";
        return r;
    }

    // |grad f| <= eps * max|grad f| is zero to rounding next to the steepest slope of the
    // domain (exp(-1000 (x^2 + y^2)) away from its peak, where f underflows).
    const double flatSlope = kEps * largest;
    std::vector<Found> found;
    auto seed = [&](double x0, double y0, int i0, int j0, int i1, int j1) {
        double local = 0;
        for (int j = std::max(0, j0 - 1); j <= std::min(ny - 1, j1 + 1); ++j)
            for (int i = std::max(0, i0 - 1); i <= std::min(nx - 1, i1 + 1); ++i)
                if (std::isfinite(norm(i, j)))
                    local = std::max(local, norm(i, j));
        if (local <= flatSlope)
            return; // flat to rounding all around: nothing to tell apart
        const long keep = kPointCost * long(found.size() + 1); // for the points found
        if (budget.limit - budget.used <= keep) {
            ++r.seedsSkipped;
            return;
        }
        const Reserve reserve(budget, keep);
        Box box{Eigen::Vector2d(grid.x(i0) - cell[0], grid.y(j0) - cell[1]),
                Eigen::Vector2d(grid.x(i1) + cell[0], grid.y(j1) + cell[1])};
        Eigen::VectorXd p = base;
        p[grid.axisX] = x0;
        p[grid.axisY] = y0;
        Found full{newton(f, p, s.axes, box, s.diagonal, budget), sqrtEps() * local};
        r.newtonEvaluations += full.p.evaluations;
        ++r.newtonRuns;
        if (!accepted(full, s) && !budget.spent()) { // perhaps beside a curve of critical points
            Found across{newton(f, p, s.axes, box, s.diagonal, budget, Directions::Steepest),
                         full.accept};
            r.newtonEvaluations += across.p.evaluations;
            ++r.newtonRuns;
            if (accepted(across, s))
                full = std::move(across);
        }
        found.push_back(std::move(full));
    };
    // Cells where both partials change sign (a zero counts as either sign).
    int flatCells = 0;
    for (int j = 0; j + 1 < ny; ++j)
        for (int i = 0; i + 1 < nx; ++i) {
            const double ax[4] = {g.dx(i, j), g.dx(i + 1, j), g.dx(i, j + 1), g.dx(i + 1, j + 1)};
            const double ay[4] = {g.dy(i, j), g.dy(i + 1, j), g.dy(i, j + 1), g.dy(i + 1, j + 1)};
            bool finite = true, flat = true;
            for (int k = 0; k < 4; ++k) {
                finite = finite && std::isfinite(ax[k]) && std::isfinite(ay[k]);
                flat = flat && std::hypot(ax[k], ay[k]) <= flatSlope;
            }
            if (!finite)
                continue;
            if (flat) { // f is flat to rounding here: no point to tell apart
                ++flatCells;
                continue;
            }
            const auto [xmin, xmax] = std::minmax_element(ax, ax + 4);
            const auto [ymin, ymax] = std::minmax_element(ay, ay + 4);
            if (*xmin <= 0 && *xmax >= 0 && *ymin <= 0 && *ymax >= 0)
                seed(0.5 * (grid.x(i) + grid.x(i + 1)), 0.5 * (grid.y(j) + grid.y(j + 1)), i, j,
                     i + 1, j + 1);
        }
    // Nodes where |grad f| is a local minimum along their row or their column (a zero of
    // grad f that does not change sign, x^3 + y^2, or a curve of them, (x^2 + y^2 - 1)^3):
    // the smallest few per grid line.
    auto lineMinimum = [&](int i, int j, int di, int dj) {
        const double c = norm(i, j);
        bool someHigher = false;
        for (const int k : {-1, 1}) {
            const int a = i + k * di, b = j + k * dj;
            if (a < 0 || b < 0 || a >= nx || b >= ny)
                continue;
            if (!(norm(a, b) >= c))
                return false;
            someHigher = someHigher || norm(a, b) > std::max(c, flatSlope);
        }
        return someHigher;
    };
    std::vector<std::pair<double, std::pair<int, int>>> minima;
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i)
            if (std::isfinite(norm(i, j)) && (lineMinimum(i, j, 1, 0) || lineMinimum(i, j, 0, 1)))
                minima.push_back({norm(i, j), {i, j}});
    std::sort(minima.begin(), minima.end());
    minima.resize(std::min(minima.size(), std::size_t(kSeedsPerLine) * std::size_t(nx + ny)));
    for (const auto& [c, ij] : minima) {
        const auto [i, j] = ij;
        if (budget.spent()) {
            ++r.seedsSkipped;
            continue;
        }
        if (newtonStepWithin(f, node(i, j), s.axes, s.cell, budget))
            seed(grid.x(i), grid.y(j), i, j, i, j);
    }

    for (const Polished& p : dedupe(found, s)) {
        budget.used += kPointCost; // kept back for it (seed)
        r.points.push_back(makePoint(f, p, s));
    }
    findCurves(f, r.points, s, r.curves); // first: the points of a curve need no sign test
    for (CriticalPoint& c : r.points)
        classify(f, c, s.axes, s.cell, s.curvatureTol, budget);
    sortByValue(r.points);
    std::sort(r.curves.begin(), r.curves.end(),
              [](const CriticalCurve& a, const CriticalCurve& b) { return a.value < b.value; });

    // Extremes on the domain: critical points, curves, and the stationary points of f along
    // each edge (the corners are samples already).
    for (const CriticalPoint& c : r.points)
        consider(r, c.point, c.value, c.onBoundary, scale);
    for (const CriticalCurve& c : r.curves)
        for (const Eigen::VectorXd& p : c.points)
            consider(r, p, evaluate(f, p), onBoundary(s, p), scale);
    for (int edge = 0; edge < 4; ++edge) {
        const bool alongX = edge < 2;
        Eigen::VectorXd b = base;
        if (alongX)
            b[grid.axisY] = edge == 0 ? grid.ymin : grid.ymax;
        else
            b[grid.axisX] = edge == 2 ? grid.xmin : grid.xmax;
        const LineSearch line =
            alongX ? searchLine(f, b, grid.axisX, grid.xmin, grid.xmax, nx, s.diagonal, budget)
                   : searchLine(f, b, grid.axisY, grid.ymin, grid.ymax, ny, s.diagonal, budget);
        r.newtonEvaluations += line.evaluations;
        r.newtonRuns += int(line.found.size());
        r.seedsSkipped += line.skipped;
        for (const Found& c : line.found)
            if (accepted(c, s) && inside(s, c.p.point))
                consider(r, c.p.point, c.p.at.value, true, scale);
    }
    // Toward where f is undefined inside the domain (a defined node beside an undefined one)
    // and between the most extreme nodes and their neighbours (a pole between nodes).
    std::vector<SampleEdge> edges;
    const auto edgesOf = [&](int i, int j, bool gapsOnly) {
        for (const auto& [di, dj] : {std::pair{-1, 0}, {1, 0}, {0, -1}, {0, 1}}) {
            const int a = i + di, b = j + dj;
            if (a < 0 || b < 0 || a >= nx || b >= ny)
                continue;
            const bool defined = std::isfinite(g.value(a, b));
            if (!defined || !gapsOnly)
                edges.push_back({g.value(i, j), node(i, j), node(a, b),
                                 di != 0 ? grid.axisX : grid.axisY, defined});
        }
    };
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i)
            if (std::isfinite(g.value(i, j)))
                edgesOf(i, j, true);
    for (const Eigen::Index k : extremeSamples(g.value.data(), g.value.size(), kApproachedSamples))
        edgesOf(int(k % g.value.rows()), int(k / g.value.rows()), false);
    approachEdges(f, r, std::move(edges), 4, scale, budget);
    if (flatCells > 0)
        addNote(r, "|grad f| is below rounding (eps max|grad f|) at every corner of " +
                       std::to_string(flatCells) +
                       " cells: f is flat there and they are not searched");
    account(r, budget, f, samples);
    return r;
}

CriticalPointSearch findCriticalPoints(const Expression& f, const IntervalSpec& interval,
                                       const Eigen::VectorXd& baseIn) {
    CriticalPointSearch r;
    if (interval.axis < 0 || interval.axis >= static_cast<int>(f.inputCount()) || interval.n < 2 ||
        !(interval.xmin < interval.xmax)) {
        r.note = "nothing searched: the interval needs an input of f, at least two samples and "
                 "xmin < xmax";
        return r;
    }
    if (const auto why = hessianNotComputed(f)) {
        r.note = "nothing searched: the Hessian is " + *why;
        return r;
    }
    const Eigen::VectorXd base = fullPoint(baseIn, f.inputCount());
    const int n = interval.n;
    const Eigen::VectorXd lo = Eigen::VectorXd::Constant(1, interval.xmin);
    const Eigen::VectorXd hi = Eigen::VectorXd::Constant(1, interval.xmax);
    Setup s = makeSetup(
        {interval.axis}, lo, hi,
        Eigen::VectorXd::Constant(1, (interval.xmax - interval.xmin) / std::max(1, n - 1)));
    Budget budget{searchEvaluationBudget(f, n, 1)};
    const LineSearch line =
        searchLine(f, base, interval.axis, interval.xmin, interval.xmax, n, s.diagonal, budget);
    r.newtonEvaluations = line.evaluations;
    r.newtonRuns = int(line.found.size());
    r.seedsSkipped = line.skipped;
    const Array slope = line.d.abs();
    const double typical = median(std::vector<double>(slope.data(), slope.data() + slope.size()));
    const double largest = slope.isFinite().select(slope, 0.0).maxCoeff();
    s.curvatureTol = sqrtEps() * (typical > 0 ? typical : largest) / s.diagonal;
    const double scale = line.v.isFinite().select(line.v.abs(), 0.0).maxCoeff();
    for (int i = 0; i < n; ++i) {
        Eigen::VectorXd p = base;
        p[interval.axis] = line.xs[i];
        consider(r, p, line.v[i], i == 0 || i == n - 1, scale);
    }
    if (!r.globalMinimum.found) {
        r.note = "f is undefined at every sample of the searched interval";
        return r;
    }
    if (!(largest > 0)) {
        r.note = "f' = 0 at every sample: f is constant on the searched interval, so every point "
                 "is critical";
        return r;
    }
    for (const Polished& p : dedupe(line.found, s)) {
        budget.used += kPointCost; // kept back for it (searchLine's seed)
        CriticalPoint c = makePoint(f, p, s);
        classify(f, c, s.axes, s.cell, s.curvatureTol, budget);
        consider(r, c.point, c.value, c.onBoundary, scale);
        r.points.push_back(std::move(c));
    }
    sortByValue(r.points);
    // Toward where f is undefined (a defined sample beside an undefined one) and between the
    // most extreme samples and their neighbours (a pole between samples).
    std::vector<SampleEdge> edges;
    const auto edgesOf = [&](int i, bool gapsOnly) {
        for (const int k : {i - 1, i + 1}) {
            if (k < 0 || k >= n)
                continue;
            const bool defined = std::isfinite(line.v[k]);
            if (defined && gapsOnly)
                continue;
            Eigen::VectorXd inside = base, other = base;
            inside[interval.axis] = line.xs[i];
            other[interval.axis] = line.xs[k];
            edges.push_back({line.v[i], inside, other, interval.axis, defined});
        }
    };
    for (int i = 0; i < n; ++i)
        if (std::isfinite(line.v[i]))
            edgesOf(i, true);
    for (const Eigen::Index k : extremeSamples(line.v.data(), n, kApproachedSamples))
        edgesOf(int(k), false);
    approachEdges(f, r, std::move(edges), 2, scale, budget);
    account(r, budget, f, n);
    return r;
}

} // namespace gs
