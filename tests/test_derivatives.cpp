// Exact derivatives, Taylor models and classification, each against formulas
// derived by hand in this file (independent of the engine's AD rules).
#include "curvature.h"
#include "derivatives.h"
#include "evaluation.h"
#include "functions.h"
#include "taylor.h"

#include <Eigen/Dense>
#include <QStringList>
#include <QTest>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <limits>
#include <numbers>
#include <random>
#include <string>

using Eigen::MatrixXd;
using Eigen::VectorXd;

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

gs::Expression parse(const std::string& text, std::vector<std::string> vars = {}) {
    auto r = gs::Expression::parse(text, vars);
    if (!r.ok())
        qFatal("parse failed: %s", r.error->message.c_str());
    return *r.expression;
}

// |a - b| <= k eps (|b| + scale), elementwise.
bool close(const MatrixXd& a, const MatrixXd& b, double scale, double k = 64) {
    if (a.rows() != b.rows() || a.cols() != b.cols())
        return false;
    return ((a - b).array().abs() <= k * kEps * (b.array().abs() + scale)).all();
}

struct Exact {
    double value;
    VectorXd gradient;
    MatrixXd hessian;
};

using Formula = Exact (*)(const VectorXd&);

Exact bookSurface(const VectorXd& v) { // x e^(-x^2-y^2), the book's Hessian example
    const double x = v[0], y = v[1], e = std::exp(-x * x - y * y);
    MatrixXd h(2, 2);
    h << 4 * x * x * x - 6 * x, 4 * x * x * y - 2 * y, 4 * x * x * y - 2 * y, 4 * x * y * y - 2 * x;
    return {x * e, e * Eigen::Vector2d(1 - 2 * x * x, -2 * x * y), e * h};
}

Exact logSumExp(const VectorXd& v) { // grad = softmax p, H = diag(p) - p p^T
    const double s = std::exp(v[0]) + std::exp(v[1]);
    const Eigen::Vector2d p(std::exp(v[0]) / s, std::exp(v[1]) / s);
    return {std::log(s), p, MatrixXd(p.asDiagonal()) - p * p.transpose()};
}

Exact cubicPoly(const VectorXd& v) { // x^2 y + x y^2
    const double x = v[0], y = v[1];
    MatrixXd h(2, 2);
    h << 2 * y, 2 * x + 2 * y, 2 * x + 2 * y, 2 * x;
    return {x * x * y + x * y * y, Eigen::Vector2d(2 * x * y + y * y, x * x + 2 * x * y), h};
}

Exact quartic(const VectorXd& v) { // 3x^4 - 4x^3 - 12x^2
    const double x = v[0];
    return {3 * std::pow(x, 4) - 4 * std::pow(x, 3) - 12 * x * x,
            VectorXd::Constant(1, 12 * x * x * x - 12 * x * x - 24 * x),
            MatrixXd::Constant(1, 1, 36 * x * x - 24 * x - 24)};
}

Exact norm(const VectorXd& v) { // |v|: grad = v/|v|, H = (I - u u^T)/|v|
    const double r = v.norm();
    const VectorXd u = v / r;
    return {r, u, (MatrixXd::Identity(3, 3) - u * u.transpose()) / r};
}

// A derivative by finite differences of values only (independent of the engine's AD), with
// an honest error estimate. Fourth-order central stencils at step s:
//   D1(s) = [g(-2s) - 8 g(-s) + 8 g(s) - g(2s)] / (12 s),        error s^4 |g'''''| / 30
//   D2(s) = [-g(-2s) + 16 g(-s) - 30 g(0) + 16 g(s) - g(2s)] / (12 s^2), error s^4 |g''''''| / 90
// Truncation: D(2s) - D(s) = 15 x (truncation error of D(s)) to leading order, so
// |D(s) - D(2s)| over-estimates D(s)'s truncation error fifteen-fold; |D(2s) - D(4s)| / 8
// and |D(s) - D(s/10)| guard against a step whose estimates agree by chance.
// Rounding: each g value is off by at most kValueUlps ulps of the largest |g| involved,
// so D is off by at most kValueUlps eps sum|c_k g_k| / (12 s^order).
// The step is chosen per point: the candidate s = 10^-1 ... 10^-8 whose total estimate
// (truncation + rounding, below) is smallest.
struct Difference {
    double value = 0, error = INFINITY;
};

constexpr double kValueUlps = 64; // a depth-5 expression rounds ~20 times, each <= 1 ulp

Difference difference(const std::function<double(double)>& g, int order) {
    static const double c1[] = {1, -8, 0, 8, -1}, c2[] = {-1, 16, -30, 16, -1};
    const double* c = order == 1 ? c1 : c2;
    auto stencil = [&](double s, double* rounding) {
        double sum = 0, magnitude = 0;
        for (int k = 0; k < 5; ++k) {
            if (c[k] == 0)
                continue;
            const double v = g((k - 2) * s);
            sum += c[k] * v;
            magnitude += std::abs(c[k] * v);
        }
        const double scale = 12 * (order == 1 ? s : s * s);
        *rounding = kValueUlps * kEps * magnitude / scale;
        return sum / scale;
    };
    Difference best;
    double rSmall = 0;
    double dSmall = stencil(1e-1, &rSmall);
    for (double s = 1e-1; s >= 1e-8; s /= 10) {
        double r1 = 0, r2 = 0, r4 = 0;
        const double d = dSmall, rs = rSmall;
        const double d2 = stencil(2 * s, &r2), d4 = stencil(4 * s, &r4);
        dSmall = stencil(s / 10, &rSmall);
        r1 = rs;
        // In the asymptotic regime |D(2s) - D(4s)| = 16 |D(s) - D(2s)|, and D(s/10) agrees
        // with D(s): a step too long for the function's features (a pole, a jump, or a
        // saturated stretch where every stencil value is the same) fails one of these.
        const double error =
            std::max({std::abs(d - d2), std::abs(d2 - d4) / 8, std::abs(d - dSmall)}) + r1 + r2 +
            r4 + rSmall;
        if (std::isfinite(d) && std::isfinite(error) && error < best.error)
            best = {d, error};
    }
    return best;
}

// grad and H of f at p by differences along e_i (first and second derivatives) and, for
// the mixed partials, the polarization H_ij = (D2 along e_i + e_j - D2 along e_i - e_j) / 4.
struct DifferenceDerivatives {
    VectorXd g, gError;
    MatrixXd h, hError;
};

DifferenceDerivatives differences(const gs::Expression& f, const VectorXd& p) {
    const auto n = p.size();
    DifferenceDerivatives r{VectorXd(n), VectorXd(n), MatrixXd(n, n), MatrixXd(n, n)};
    auto along = [&](const VectorXd& dir, int order) {
        return difference([&](double t) { return gs::evaluate(f, p + t * dir); }, order);
    };
    for (Eigen::Index i = 0; i < n; ++i) {
        const VectorXd e = VectorXd::Unit(n, i);
        const Difference d1 = along(e, 1), d2 = along(e, 2);
        r.g[i] = d1.value;
        r.gError[i] = d1.error;
        r.h(i, i) = d2.value;
        r.hError(i, i) = d2.error;
        for (Eigen::Index j = 0; j < i; ++j) {
            const VectorXd ej = VectorXd::Unit(n, j);
            const Difference plus = along(e + ej, 2), minus = along(e - ej, 2);
            r.h(i, j) = r.h(j, i) = (plus.value - minus.value) / 4;
            r.hError(i, j) = r.hError(j, i) = (plus.error + minus.error) / 4;
        }
    }
    return r;
}

// A random expression over a, b, c: every documented function, computed exponents,
// statements, and constant pieces whose local derivatives are infinite (they depend on no
// input, so they contribute nothing to the derivatives).
class RandomExpression {
public:
    explicit RandomExpression(unsigned seed)
        : m_rng(seed) {}

    std::string generate(int depth) {
        std::string body = node(depth);
        if (pick(4) == 0) // a statement list with a computed exponent as a name
            return "n = " + std::string(pick(2) ? "1+1" : "-1") + "; q = " + body +
                   "; q + (a^2 + 1)^n";
        return body;
    }

private:
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_rng); }
    double uniform(double lo, double hi) {
        return std::uniform_real_distribution<double>(lo, hi)(m_rng);
    }

    std::string leaf() {
        static const char* vars[] = {"a", "b", "c"};
        // Constants with an infinite derivative somewhere inside: nonzero values, so that a
        // product with them keeps its dependence real.
        static const char* pieces[] = {"acos(-1)",           "asin(1)", "acos(cos(pi))",
                                       "sigmoid(exp(1000))", "2^0.5",   "e"};
        switch (pick(6)) {
        case 0:
            return pieces[pick(6)];
        case 1: {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%.3g", uniform(0.25, 3));
            return buffer;
        }
        default:
            return vars[pick(3)];
        }
    }

    std::string node(int depth) {
        if (depth == 0)
            return leaf();
        const auto& table = gs::functionTable();
        switch (pick(8)) {
        case 0:
        case 1: { // a binary operator; never the same operand twice (x - x is only formally
                  // variable: its derivatives through sqrt or acos are undefined, honestly)
            static const char* ops[] = {" + ", " - ", "*", "/"};
            std::string l = node(depth - 1), r = node(depth - 1);
            if (l == r)
                r = "(" + r + " + 0.5)";
            return "(" + l + ops[pick(4)] + r + ")";
        }
        case 2: { // a power with a computed exponent, a variable one, or pow()
            static const char* exponents[] = {"2",   "(1+1)",  "-1",        "(-1)", "(2*1.5)",
                                              "0.5", "(-2.0)", "((4-1)/2)", "3"};
            const std::string base = node(depth - 1);
            switch (pick(4)) {
            case 0:
                return "pow(" + base + ", " + exponents[pick(9)] + ")";
            case 1: // a variable exponent of a positive base
                return "(softplus(" + base + ") + 0.5)^(" + node(depth - 1) + ")";
            default:
                return "(" + base + ")^" + exponents[pick(9)];
            }
        }
        case 3: // a constant piece with an infinite derivative, added
        {
            const std::string inner = node(depth - 1);
            return "(" + inner + " + " + (pick(2) ? "sqrt(0)" : "0^0.5") + ")";
        }
        default: { // a function of the table, its argument kept inside its domain half the time
            const gs::FunctionEntry* f = nullptr;
            while (!f || f->arity != 1)
                f = &table[static_cast<std::size_t>(pick(static_cast<int>(table.size())))];
            std::string arg = node(depth - 1);
            if (pick(2)) {
                if (f->op == gs::Op::Log || f->op == gs::Op::Sqrt)
                    arg = arg + "^2 + 0.25";
                else if (f->op == gs::Op::Asin || f->op == gs::Op::Acos)
                    arg = "0.9*tanh(" + arg + ")";
                else if (f->op == gs::Op::Tan)
                    arg = "atan(" + arg + ")/2";
                else if (f->op == gs::Op::Exp || f->op == gs::Op::Sinh || f->op == gs::Op::Cosh)
                    arg = "tanh(" + arg + ")*3";
            }
            if (!f->name)
                return "(-(" + arg + "))";
            const char* name = f->alias && pick(2) ? f->alias : f->name;
            return std::string(name) + "(" + arg + ")";
        }
        }
    }

    std::mt19937 m_rng;
};

// The bit-for-bit tests' points: kPointCount of them, point `start` of n inputs taking n
// values of a fixed cycle from `start` on (zero, tiny, negative and large entries).
constexpr double kPointValues[] = {0.7, -1.3, 0.0, 2.5, 1e-3, -0.4, 1.0, 40.0};
constexpr std::size_t kPointCount = std::size(kPointValues);
VectorXd cyclePoint(std::size_t start, Eigen::Index n) {
    VectorXd x(n);
    for (Eigen::Index i = 0; i < n; ++i)
        x[i] = kPointValues[(start + std::size_t(i)) % kPointCount];
    return x;
}

} // namespace

Q_DECLARE_METATYPE(Formula)
Q_DECLARE_METATYPE(VectorXd)

class TestDerivatives : public QObject {
    Q_OBJECT
private slots:
    void bookFunctions_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Formula>("formula");
        QTest::addColumn<VectorXd>("point");
        auto row = [](const char* name, const char* text, Formula f, VectorXd p) {
            QTest::newRow(name) << QString(text) << f << p;
        };
        row("surface at book point", "x*exp(-x^2-y^2)", bookSurface, Eigen::Vector2d(-1, 0));
        row("surface elsewhere", "x*exp(-x^2-y^2)", bookSurface, Eigen::Vector2d(0.3, -1.7));
        row("logsumexp at (0, log 2)", "log(exp(x)+exp(y))", logSumExp,
            Eigen::Vector2d(0, std::log(2.0)));
        row("logsumexp far", "log(exp(x)+exp(y))", logSumExp, Eigen::Vector2d(3.5, -2.25));
        row("x^2 y + x y^2", "x^2*y + x*y^2", cubicPoly, Eigen::Vector2d(-1.5, 0.75));
        row("quartic at -1", "3*x^4 - 4*x^3 - 12*x^2", quartic, VectorXd::Constant(1, -1));
        row("quartic at 0.3", "3*x^4 - 4*x^3 - 12*x^2", quartic, VectorXd::Constant(1, 0.3));
        row("norm", "sqrt(x^2+y^2+z^2)", norm, Eigen::Vector3d(1, -2, 0.5));
    }
    void bookFunctions() {
        QFETCH(QString, text);
        QFETCH(Formula, formula);
        QFETCH(VectorXd, point);
        const auto f = parse(text.toStdString());
        const auto d = gs::derivatives(f, point);
        const Exact e = formula(point);
        const double scale = 1 + std::abs(e.value);
        QVERIFY(close(VectorXd::Constant(1, d.value), VectorXd::Constant(1, e.value), scale));
        QVERIFY2(close(d.gradient, e.gradient, scale), "gradient");
        QVERIFY2(close(d.hessian, e.hessian, scale), "hessian");
    }

    void linearAndQuadraticForms() {
        // beta^T x: gradient beta, Hessian 0. x^T A x: gradient (A + A^T) x, Hessian A + A^T.
        MatrixXd a(3, 3);
        a << 2, -1, 0.5, 3, 1, -2, 0.25, 4, -3;
        const Eigen::Vector3d beta(1.5, -2, 0.75), x(0.3, -1.1, 2);
        std::string lin, quad;
        const char* names[] = {"x1", "x2", "x3"};
        for (int i = 0; i < 3; ++i) {
            lin += (i ? " + " : "") + std::to_string(beta[i]) + "*" + names[i];
            for (int j = 0; j < 3; ++j)
                quad += (i + j ? " + " : "") + std::to_string(a(i, j)) + "*" + names[i] + "*" +
                        names[j];
        }
        const auto dl = gs::derivatives(parse(lin), x);
        QVERIFY(close(dl.gradient, beta, 1));
        QVERIFY(dl.hessian.isZero(0));
        const auto dq = gs::derivatives(parse(quad), x);
        const MatrixXd s = a + a.transpose();
        QVERIFY(close(dq.gradient, s * x, 10));
        QVERIFY(close(dq.hessian, s, 10));
        QCOMPARE(dq.value, x.dot(a * x));
    }

    void agreesWithCentralDifferences() {
        // A comparison only: central differences carry O(h^2) + O(eps/h) error ~ eps^(2/3).
        const auto f = parse("sigmoid(x*y) + softplus(x-y) + atan(x)*tanh(y) + asin(x/3) + "
                             "acos(y/4) + sinh(x)/cosh(y) + tan(x/2) + abs(y)^1.5");
        const Eigen::Vector2d p(0.8, -1.2);
        const VectorXd g = gs::gradient(f, p), fd = gs::centralDifferenceGradient(f, p);
        QVERIFY(((g - fd).array().abs() <= 1e-8 * (1 + g.array().abs())).all());
        // The Hessian is the gradient's derivative: compare each column to differences of g.
        const MatrixXd h = gs::hessian(f, p);
        const double step = std::cbrt(kEps);
        for (int k = 0; k < 2; ++k) {
            Eigen::Vector2d up = p, down = p;
            up[k] += step;
            down[k] -= step;
            const VectorXd col = (gs::gradient(f, up) - gs::gradient(f, down)) / (2 * step);
            QVERIFY(((h.col(k) - col).array().abs() <= 1e-7 * (1 + col.array().abs())).all());
        }
        QVERIFY(h.isApprox(h.transpose()));
    }

    void outsideTheDomainIsNaN() {
        const auto d = gs::derivatives(parse("log(x) + sqrt(y)"), Eigen::Vector2d(-1, 1));
        QVERIFY(std::isnan(d.value));
        QVERIFY(d.gradient.array().isNaN().any());
        const auto c = gs::analyzeCurvature(d, Eigen::Vector2d(-1, 1));
        QVERIFY(c.classification == gs::Classification::NotCritical);
    }

    void powerRuleAtZero() {
        // x^2 at 0: the power rule must not produce 0 * inf.
        const auto d = gs::derivatives(parse("x^2 + y^1"), Eigen::Vector2d(0, 0));
        QCOMPARE(d.gradient, VectorXd(Eigen::Vector2d(0, 1)));
        QCOMPARE(d.hessian(0, 0), 2.0);
        QCOMPARE(d.hessian(1, 1), 0.0);
        // Variable exponent: d/dx x^y = y x^(y-1), d/dy = x^y log x.
        const auto v = gs::derivatives(parse("x^y"), Eigen::Vector2d(2, 3));
        QVERIFY(close(v.gradient, Eigen::Vector2d(3 * 4, 8 * std::log(2.0)), 8));
    }

    void taylorModels() {
        // The book: T2 of x e^(-x^2-y^2) at (-1, 0) is e^-1 (-1 - (x+1) + (x+1)^2 + y^2).
        const auto f = parse("x*exp(-x^2-y^2)");
        const Eigen::Vector2d x0(-1, 0);
        const auto t2 = gs::taylor(f, x0, 2), t1 = gs::taylor(f, x0, 1);
        for (const Eigen::Vector2d& p : {Eigen::Vector2d(0.5, 1), Eigen::Vector2d(-2, -0.3)}) {
            const double u = p[0] + 1, y = p[1];
            QVERIFY(std::abs(t2(p) - std::exp(-1) * (-1 - u + u * u + y * y)) <= 16 * kEps);
            QVERIFY(std::abs(t1(p) - std::exp(-1) * (-1 - u)) <= 16 * kEps);
        }
        // Error orders: halving epsilon divides the T1 error by ~4 and the T2 error by ~8.
        const Eigen::Vector2d dir(1, -3);
        auto err = [&](const gs::TaylorModel& t, double h) {
            const VectorXd p = x0 + h * dir;
            return std::abs(gs::evaluate(f, p) - t(p));
        };
        const double r1 = err(t1, 1e-2) / err(t1, 5e-3), r2 = err(t2, 1e-2) / err(t2, 5e-3);
        QVERIFY2(r1 > 3.8 && r1 < 4.2, qPrintable(QString::number(r1)));
        QVERIFY2(r2 > 7.5 && r2 < 8.5, qPrintable(QString::number(r2)));
        // A quadratic is its own second-order model.
        const auto q = parse("1 + 2*x - 3*y + 0.5*x^2 + x*y - 2*y^2");
        const auto tq = gs::taylor(q, Eigen::Vector2d(0.4, -0.9), 2);
        const Eigen::Vector2d far(-3, 5);
        QVERIFY(std::abs(tq(far) - gs::evaluate(q, far)) <= 64 * kEps * 50);
        // Grid sampling of a model matches pointwise evaluation.
        gs::GridSpec g;
        g.nx = g.ny = 9;
        const Eigen::ArrayXXd z = t2.sampleGrid(g);
        QVERIFY(std::abs(z(3, 7) - t2(Eigen::Vector2d(g.x(3), g.y(7)))) <= 16 * kEps);
    }

    void bookApproximation() {
        // log(e^x + e^y) at (0, log 2) + (0.01, -0.03): linear approx 1.0819..., true 1.0821...
        const auto f = parse("log(exp(x)+exp(y))");
        const Eigen::Vector2d x0(0, std::log(2.0)), eps(0.01, -0.03);
        const auto a = gs::approximationCheck(f, gs::derivatives(f, x0), x0, eps);
        const double linear = std::log(3.0) + eps.dot(Eigen::Vector2d(1.0 / 3, 2.0 / 3));
        QVERIFY(std::abs(a.linear - linear) <= 8 * kEps);
        QVERIFY(std::abs(a.trueValue - std::log(std::exp(0.01) + 2 * std::exp(-0.03))) <= 8 * kEps);
        QVERIFY(std::abs(a.quadratic - a.trueValue) < std::abs(a.linear - a.trueValue));
    }

    void classification_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<VectorXd>("point");
        QTest::addColumn<QString>("expected");
        const double r = 1 / std::sqrt(2.0);
        QTest::newRow("bowl") << "x^2 + y^2" << VectorXd(Eigen::Vector2d(0, 0)) << "minimum";
        QTest::newRow("bowl off centre")
            << "x^2 + y^2" << VectorXd(Eigen::Vector2d(1, 1)) << "not_critical";
        QTest::newRow("cap") << "-x^2 - 3*y^2" << VectorXd(Eigen::Vector2d(0, 0)) << "maximum";
        QTest::newRow("saddle") << "x^2 - y^2" << VectorXd(Eigen::Vector2d(0, 0)) << "saddle";
        QTest::newRow("book min") << "x*exp(-x^2-y^2)" << VectorXd(Eigen::Vector2d(-r, 0))
                                  << "minimum";
        QTest::newRow("book max") << "x*exp(-x^2-y^2)" << VectorXd(Eigen::Vector2d(r, 0))
                                  << "maximum";
        QTest::newRow("flat quartic")
            << "x^4 + y^4" << VectorXd(Eigen::Vector2d(0, 0)) << "degenerate";
        QTest::newRow("half flat")
            << "x^4 + y^2" << VectorXd(Eigen::Vector2d(0, 0)) << "degenerate";
        QTest::newRow("monkey") << "x^3 - 3*x*y^2" << VectorXd(Eigen::Vector2d(0, 0))
                                << "degenerate";
        QTest::newRow("quartic -1")
            << "3*x^4 - 4*x^3 - 12*x^2" << VectorXd(VectorXd::Constant(1, -1)) << "minimum";
        QTest::newRow("quartic 0")
            << "3*x^4 - 4*x^3 - 12*x^2" << VectorXd(VectorXd::Constant(1, 0)) << "maximum";
        QTest::newRow("quartic 2")
            << "3*x^4 - 4*x^3 - 12*x^2" << VectorXd(VectorXd::Constant(1, 2)) << "minimum";
        QTest::newRow("tiny scale not critical")
            << "1e-20*(x^2+y^2)" << VectorXd(Eigen::Vector2d(1, 0)) << "not_critical";
        QTest::newRow("tiny scale min")
            << "1e-20*(x^2+y^2)" << VectorXd(Eigen::Vector2d(0, 0)) << "minimum";
        QTest::newRow("huge scale saddle")
            << "1e20*(x^2-y^2)" << VectorXd(Eigen::Vector2d(0, 0)) << "saddle";
        QTest::newRow("shifted min")
            << "(x-3)^2 + (y+1e-3)^2 + 1e6" << VectorXd(Eigen::Vector2d(3, -1e-3)) << "minimum";
    }
    void classification() {
        QFETCH(QString, text);
        QFETCH(VectorXd, point);
        QFETCH(QString, expected);
        const auto f = parse(text.toStdString());
        const auto c = gs::analyzeCurvature(gs::derivatives(f, point), point);
        QCOMPARE(QString::fromUtf8(gs::toString(c.classification).data()), expected);
    }

    void eigenvaluesToTolerance() {
        // log(e^x + e^y): H = diag(p) - p p^T is singular; its zero eigenvalue comes out as
        // rounding noise, and counts as zero.
        const auto f = parse("log(exp(x)+exp(y))");
        const Eigen::Vector2d x(0, std::log(2.0));
        const auto c = gs::analyzeCurvature(gs::derivatives(f, x), x);
        const VectorXd shown = c.eigenvaluesToTolerance();
        QCOMPARE(shown[0], 0.0);
        QCOMPARE(shown[1], c.eigenvalues[1]); // 4/9, untouched
        QVERIFY(std::abs(shown[1] - 4.0 / 9) <= 8 * kEps);
    }

    // tester4 A7: f = 1/0 + x is +inf; AD of its finite part said grad = 1, H = 0, while the
    // eigenvalue came out NaN. Where f is not finite, its derivatives are not meaningful: NaN.
    void derivativesWhereFIsNotFinite_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("x");
        QTest::newRow("overflow") << "1/0 + x" << 1.0;
        QTest::newRow("undefined") << "log(x) + x^2" << -1.0;
        QTest::newRow("exp overflow") << "exp(1000*x)" << 1.0;
    }
    void derivativesWhereFIsNotFinite() {
        QFETCH(QString, text);
        QFETCH(double, x);
        const auto d = gs::derivatives(parse(text.toStdString()), VectorXd::Constant(1, x));
        QVERIFY(!std::isfinite(d.value));
        QCOMPARE(d.gradient.size(), 1);
        QVERIFY(std::isnan(d.gradient[0]));
        QCOMPARE(d.hessian.rows(), 1);
        QVERIFY(std::isnan(d.hessian(0, 0)));
        // A finite f keeps its derivatives (x at 1: 1 and 0).
        const auto finite = gs::derivatives(parse("1/2 + x"), VectorXd::Constant(1, x));
        QCOMPARE(finite.gradient[0], 1.0);
        QCOMPARE(finite.hessian(0, 0), 0.0);
    }

    // Gradient descent's stability on the quadratic model (tester4 A1): a bound only when H
    // is positive definite. Eigenvalues by hand: diag(1, 10): 2/10; x^2 - y^2: -2, 2;
    // x^2 + 4xy + y^2: [[2, 4], [4, 2]]: -2, 6; -x^2 - y^2: -2; log(e^x + e^y) at (0, ln 2):
    // 0 (rounding noise) and 4/9: flat, 2/(4/9) = 4.5; x + y: H = 0.
    void descentStability_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<VectorXd>("point");
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("limit");
        QTest::addColumn<double>("lambda");
        using K = gs::DescentStability::Kind;
        QTest::newRow("bowl") << "0.5*x^2 + 5*y^2" << VectorXd(Eigen::Vector2d(1, 1))
                              << int(K::Stable) << 0.2 << 0.0;
        QTest::newRow("saddle") << "x^2 - y^2" << VectorXd(Eigen::Vector2d(0, 0))
                                << int(K::NegativeCurvature) << 0.0 << -2.0;
        QTest::newRow("indefinite form") << "x^2 + 4*x*y + y^2" << VectorXd(Eigen::Vector2d(1, 0.5))
                                         << int(K::NegativeCurvature) << 0.0 << -2.0;
        QTest::newRow("cap") << "-x^2 - y^2" << VectorXd(Eigen::Vector2d(0.3, 0))
                             << int(K::NegativeCurvature) << 0.0 << -2.0;
        QTest::newRow("log-sum-exp")
            << "log(exp(x)+exp(y))" << VectorXd(Eigen::Vector2d(0, std::log(2.0))) << int(K::Flat)
            << 4.5 << 0.0;
        QTest::newRow("plane") << "x + y" << VectorXd(Eigen::Vector2d(1, 2)) << int(K::NoCurvature)
                               << 0.0 << 0.0;
    }
    void descentStability() {
        QFETCH(QString, text);
        QFETCH(VectorXd, point);
        QFETCH(int, kind);
        QFETCH(double, limit);
        QFETCH(double, lambda);
        const auto f = parse(text.toStdString());
        const auto s = gs::descentStability(gs::analyzeCurvature(gs::derivatives(f, point), point));
        QCOMPARE(int(s.kind), kind);
        QVERIFY(std::abs(s.limit - limit) <= 8 * kEps * std::max(1.0, limit));
        QVERIFY(std::abs(s.lambda - lambda) <= 8 * kEps * std::max(1.0, std::abs(lambda)));
    }

    void eigenDecomposition() {
        // H = [[2, 1], [1, 2]]: eigenvalues 1 and 3, eigenvectors (1,-1)/sqrt2 and (1,1)/sqrt2.
        const auto f = parse("x^2 + x*y + y^2");
        const auto d = gs::derivatives(f, Eigen::Vector2d(0, 0));
        const auto c = gs::analyzeCurvature(d, Eigen::Vector2d(0, 0));
        QVERIFY(std::abs(c.eigenvalues[0] - 1) <= 8 * kEps);
        QVERIFY(std::abs(c.eigenvalues[1] - 3) <= 8 * kEps);
        QVERIFY(std::abs(std::abs(c.eigenvectors.col(1).dot(Eigen::Vector2d(1, 1).normalized())) -
                         1) <= 8 * kEps);
        QVERIFY((d.hessian * c.eigenvectors - c.eigenvectors * c.eigenvalues.asDiagonal()).norm() <=
                16 * kEps);
    }

    // Issue 8.1: an exponent that depends on no input, however written, takes the power
    // rule, negative bases included. d/dx x^-1 = -x^-2, d2 = 2 x^-3; d/dx x^2 = 2x, d2 = 2.
    void constantExponentsUsePowerRule_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("d1");
        QTest::addColumn<double>("d2");
        for (const char* t : {"x^-1", "x^(-1)", "pow(x,-1)", "x**-1", "x^(-1.0)", "n = -1; x^n",
                              "x^(0-1)", "m = 2; x^(1-m)"})
            QTest::newRow(t) << QString(t) << -2.0 << -0.25 << -0.25;
        for (const char* t : {"x^(1+1)", "x^(2*1)", "pow(x, 4/2)", "k = 1; x^(k+k)"}) {
            QTest::newRow((std::string(t) + " at -2").c_str()) << QString(t) << -2.0 << -4.0 << 2.0;
            QTest::newRow((std::string(t) + " at 0").c_str()) << QString(t) << 0.0 << 0.0 << 2.0;
        }
        // (x-1)^3 at -1: 3 (x-1)^2 = 12, 6 (x-1) = -12
        QTest::newRow("cube of a negative") << "(x-1)^(6/2)" << -1.0 << 12.0 << -12.0;
    }
    void constantExponentsUsePowerRule() {
        QFETCH(QString, text);
        QFETCH(double, x);
        QFETCH(double, d1);
        QFETCH(double, d2);
        const auto d = gs::derivatives(parse(text.toStdString()), VectorXd::Constant(1, x));
        QVERIFY2(std::abs(d.gradient[0] - d1) <= 4 * kEps * std::abs(d1),
                 qPrintable(QString::number(d.gradient[0])));
        QVERIFY2(std::abs(d.hessian(0, 0) - d2) <= 4 * kEps * std::abs(d2),
                 qPrintable(QString::number(d.hessian(0, 0))));
    }

    void variableExponentOfNonPositiveBaseIsUndefined() {
        // a^b with b depending on an input is exp(b log a) near the point: undefined for
        // a <= 0, and said so, while the value is still pow's.
        const auto d = gs::derivatives(parse("x^y"), Eigen::Vector2d(-2, 1));
        QCOMPARE(d.value, -2.0);
        QVERIFY(d.gradient.array().isNaN().all());
        const auto zero = gs::derivatives(parse("0^y + x"), Eigen::Vector2d(1, 2));
        QVERIFY(std::isnan(zero.gradient[1]));
        // A positive base keeps its derivatives: d/dy 2^y = 2^y log 2.
        const auto two = gs::derivatives(parse("2^y + x"), Eigen::Vector2d(1, 3));
        QVERIFY(std::abs(two.gradient[1] - 8 * std::log(2.0)) <= 8 * kEps * 8);
    }

    // Issue 8.2: a sub-expression that depends on no input has zero derivatives, whatever
    // its local derivative (sqrt at 0, acos at -1, sigmoid's exp(1000)).
    void constantPiecesHaveZeroDerivatives_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("dx");
        for (const char* t :
             {"x + acos(-1)", "x + asin(1)", "x + sqrt(0)", "x + 0^0.5", "x + acos(cos(pi))",
              "x + sigmoid(exp(1000))", "c = sqrt(0); x + c", "x + abs(0)", "x + log(1)"})
            QTest::newRow(t) << QString(t) << 1.0;
        QTest::newRow("x*sqrt(0)") << "x*sqrt(0)" << 0.0;
        QTest::newRow("x*acos(-1)") << "x*acos(-1)" << std::numbers::pi;
    }
    void constantPiecesHaveZeroDerivatives() {
        QFETCH(QString, text);
        QFETCH(double, dx);
        const auto d =
            gs::derivatives(parse(text.toStdString(), {"x", "y"}), Eigen::Vector2d(0.3, -0.7));
        QVERIFY2(d.gradient.allFinite(), "gradient");
        QVERIFY(std::abs(d.gradient[0] - dx) <= 2 * kEps * dx);
        QCOMPARE(d.gradient[1], 0.0);
        QVERIFY(d.hessian.isZero(0));
    }

    // derivatives() keeps the jets of at most six inputs in fixed-maximum Eigen storage (no
    // heap allocation per operation) and of more in dynamic storage. Every jet rule is
    // entrywise, so the two must give the same bits. The independent computation: the same
    // function with unused inputs appended up to 9 (a listed name that is never used is still
    // an input, parse()), which takes the dynamic jets; its first n entries must equal the
    // small function's bit for bit: value, gradient, Hessian and all three error bounds.
    void smallJetsAreTheSameBits_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("vars");
        const QStringList xy{"x", "y"};
        // Every rule: + - * /, constant and variable powers, constants, every function of the
        // table (each composed with a two-input argument, so its gradient and Hessian are
        // full), at points inside and outside their domains.
        QTest::newRow("one input") << "x^3 - 2*x + 1/x" << QStringList{"x"};
        QTest::newRow("rules") << "(x*y - 3)/(x + 2*y) + x^2.5 + y^-1 + x^y - 7*x + 0*y" << xy;
        QTest::newRow("book") << "log(exp(x)+exp(y)) + x*exp(-x^2-y^2)" << xy;
        QTest::newRow("three") << "x*y*z + sin(x - z)^2 + sqrt(x^2 + y^2 + z^2)"
                               << QStringList{"x", "y", "z"};
        QTest::newRow("six") << "a*b - c/d + exp(e*f) + (a + b + c + d + e + f)^3"
                             << QStringList{"a", "b", "c", "d", "e", "f"};
        for (const gs::FunctionEntry& e : gs::functionTable()) {
            if (!e.name || e.arity != 1)
                continue;
            const QString name = QString::fromLatin1(e.name);
            QTest::newRow(qPrintable(name)) << name + "(0.3*x - 0.2*y + x*y) * (1 + x)" << xy;
        }
    }

    void smallJetsAreTheSameBits() {
        QFETCH(QString, text);
        QFETCH(QStringList, vars);
        std::vector<std::string> names, padded;
        for (const QString& v : vars)
            names.push_back(v.toStdString());
        padded = names;
        for (int k = 0; padded.size() < 9; ++k)
            padded.push_back("pad" + std::to_string(k));
        const auto f = parse(text.toStdString(), names);
        const auto g = parse(text.toStdString(), padded);
        QCOMPARE(g.inputCount(), std::size_t(9));
        const auto n = static_cast<Eigen::Index>(names.size());
        auto bits = [](double v) { return std::bit_cast<std::uint64_t>(v); };
        auto same = [&](const MatrixXd& small, const MatrixXd& large) {
            if (small.rows() != n || small.cols() > n)
                return false;
            for (Eigen::Index i = 0; i < small.rows(); ++i)
                for (Eigen::Index j = 0; j < small.cols(); ++j)
                    if (bits(small(i, j)) != bits(large(i, j)))
                        return false;
            return true;
        };
        int compared = 0;
        for (std::size_t start = 0; start < kPointCount; ++start) {
            const VectorXd x = cyclePoint(start, n);
            VectorXd xp = VectorXd::Constant(9, 0.25);
            xp.head(n) = x;
            const gs::Derivatives a = gs::derivatives(f, x), b = gs::derivatives(g, xp);
            const std::string where = text.toStdString() + " at point " + std::to_string(start);
            QVERIFY2(a.hessianComputed && b.hessianComputed, where.c_str());
            QVERIFY2(bits(a.value) == bits(b.value), where.c_str());
            QVERIFY2(bits(a.error.value) == bits(b.error.value), where.c_str());
            QVERIFY2(same(a.gradient, b.gradient), where.c_str());
            QVERIFY2(same(a.hessian, b.hessian), where.c_str());
            QVERIFY2(same(a.error.gradient, b.error.gradient), where.c_str());
            QVERIFY2(same(a.error.hessian, b.error.hessian), where.c_str());
            compared += std::isfinite(a.value) && a.hessian.allFinite();
        }
        // The test must test: most points give finite numbers to compare.
        QVERIFY(compared > 0);
    }

    // derivatives(f, x, wrt) differentiates along the listed inputs only (the critical-point
    // search's plotted pair of a function with more inputs). The independent computation:
    // derivatives over every input, restricted to wrt; every entry must be the same bits,
    // error bounds included, for subsets in and out of order.
    void chosenInputsAreTheSameBits_data() { smallJetsAreTheSameBits_data(); }

    void chosenInputsAreTheSameBits() {
        QFETCH(QString, text);
        QFETCH(QStringList, vars);
        std::vector<std::string> names;
        for (const QString& v : vars)
            names.push_back(v.toStdString());
        names.push_back("p"); // one more input, used, that is never differentiated below
        const auto f = parse(("(" + text + ") * (1 + p^2)").toStdString(), names);
        const int n = int(f.inputCount());
        QCOMPARE(n, int(vars.size()) + 1);
        std::vector<std::vector<int>> subsets{{0}, {n - 2, 0}};
        if (n >= 3)
            subsets.push_back({1, 0});
        if (n >= 4)
            subsets.push_back({2, 0, 1});
        auto bits = [](double v) { return std::bit_cast<std::uint64_t>(v); };
        int compared = 0;
        for (std::size_t start = 0; start < kPointCount; ++start) {
            const VectorXd x = cyclePoint(start, n);
            const gs::Derivatives all = gs::derivatives(f, x);
            for (const std::vector<int>& wrt : subsets) {
                const gs::Derivatives d = gs::derivatives(f, x, wrt);
                const std::string where = text.toStdString() + " at point " +
                                          std::to_string(start) + ", " +
                                          std::to_string(wrt.size()) + " inputs";
                const auto m = static_cast<Eigen::Index>(wrt.size());
                QVERIFY2(d.gradient.size() == m && d.hessian.rows() == m && d.hessian.cols() == m &&
                             d.error.hessian.rows() == m,
                         where.c_str());
                QVERIFY2(bits(d.value) == bits(all.value), where.c_str());
                QVERIFY2(bits(d.error.value) == bits(all.error.value), where.c_str());
                for (Eigen::Index k = 0; k < m; ++k) {
                    const int i = wrt[std::size_t(k)];
                    QVERIFY2(bits(d.gradient[k]) == bits(all.gradient[i]), where.c_str());
                    QVERIFY2(bits(d.error.gradient[k]) == bits(all.error.gradient[i]),
                             where.c_str());
                    for (Eigen::Index l = 0; l < m; ++l) {
                        const int j = wrt[std::size_t(l)];
                        QVERIFY2(bits(d.hessian(k, l)) == bits(all.hessian(i, j)), where.c_str());
                        QVERIFY2(bits(d.error.hessian(k, l)) == bits(all.error.hessian(i, j)),
                                 where.c_str());
                    }
                }
                compared += std::isfinite(d.value) && d.hessian.allFinite();
            }
        }
        QVERIFY(compared > 0);
    }

    // derivativesWithoutBounds (Newton's steps in the critical-point search): the same value,
    // gradient and Hessian bits as derivatives() for the same inputs, and no bounds.
    void withoutBoundsAreTheSameBits_data() { smallJetsAreTheSameBits_data(); }

    void withoutBoundsAreTheSameBits() {
        QFETCH(QString, text);
        QFETCH(QStringList, vars);
        std::vector<std::string> names;
        for (const QString& v : vars)
            names.push_back(v.toStdString());
        const auto f = parse(text.toStdString(), names);
        const int n = int(f.inputCount());
        std::vector<std::vector<int>> subsets{{0}};
        if (n >= 2)
            subsets.push_back({n - 1, 0});
        if (n >= 3)
            subsets.push_back({2, 0, 1});
        auto bits = [](double v) { return std::bit_cast<std::uint64_t>(v); };
        int compared = 0;
        for (std::size_t start = 0; start < kPointCount; ++start) {
            const VectorXd x = cyclePoint(start, n);
            for (const std::vector<int>& wrt : subsets) {
                const gs::Derivatives full = gs::derivatives(f, x, wrt);
                const gs::Derivatives d = gs::derivativesWithoutBounds(f, x, wrt);
                const std::string where = text.toStdString() + " at point " +
                                          std::to_string(start) + ", " +
                                          std::to_string(wrt.size()) + " inputs";
                const auto m = static_cast<Eigen::Index>(wrt.size());
                QVERIFY2(d.gradient.size() == m && d.hessian.rows() == m && d.hessian.cols() == m,
                         where.c_str());
                QVERIFY2(d.error.gradient.size() == 0 && d.error.hessian.size() == 0,
                         where.c_str());
                QVERIFY2(bits(d.value) == bits(full.value), where.c_str());
                for (Eigen::Index k = 0; k < m; ++k) {
                    QVERIFY2(bits(d.gradient[k]) == bits(full.gradient[k]), where.c_str());
                    for (Eigen::Index l = 0; l < m; ++l)
                        QVERIFY2(bits(d.hessian(k, l)) == bits(full.hessian(k, l)), where.c_str());
                }
                compared += std::isfinite(d.value) && d.hessian.allFinite();
            }
        }
        QVERIFY(compared > 0);
    }

    void formalDependenceIsUndefinedNotWrong() {
        // acos(cos(x - x)) is constant, but only formally: x - x has a zero tangent and acos'
        // is infinite at 1. The derivative is reported undefined (NaN), never a wrong number.
        const auto d = gs::derivatives(parse("acos(cos(x - x)) + y"), Eigen::Vector2d(0.3, 1));
        QVERIFY(std::isnan(d.gradient[0]) || d.gradient[0] == 0);
        QCOMPARE(d.value, 1.0);
    }

    // Issue 8.3: classification does not change when a constant is added to f, f is
    // multiplied by a positive constant or an input is rescaled.
    void classificationIsScaleFree_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<VectorXd>("point");
        QTest::addColumn<QString>("expected");
        auto row = [](const QString& t, VectorXd p, const char* e) {
            QTest::newRow(
                qPrintable(t + " @ " + QString::number(p[0]) + "," + QString::number(p[1])))
                << t << p << QString(e);
        };
        row("1e12 + x^2 + y^2", Eigen::Vector2d(100, 0), "not_critical");
        row("1e6 + x^2 + y^2", Eigen::Vector2d(0.005, 0), "not_critical");
        row("x^2 + 1e-9*y^2", Eigen::Vector2d(0, 0), "minimum");
        row("x^2 - 1e-9*y^2", Eigen::Vector2d(0, 0), "saddle");
        row("-x^2 - 1e-12*y^2", Eigen::Vector2d(0, 0), "maximum");
        // Every base case under f -> 1e12 + f, f -> 1e-30 f, f -> 3e8 f - 7, and the inputs
        // rescaled (u = 1e4 x, v = 1e-5 y at the point divided accordingly).
        const double r = 1 / std::sqrt(2.0);
        struct Base {
            const char* f; // in u, v
            double u, v;
            const char* expected;
        } bases[] = {
            {"u^2 + 1e-9*v^2", 0, 0, "minimum"},
            {"u^2 - 1e-9*v^2", 0, 0, "saddle"},
            {"u^2 + v^2", 100, 0, "not_critical"},
            {"u^2 + v^2", 0.005, 0, "not_critical"},
            {"u^2 + v^2", 1e-9, 0, "not_critical"},
            {"u*exp(-u^2-v^2)", -r, 0, "minimum"},
            {"u*exp(-u^2-v^2)", r, 0, "maximum"},
            {"u*exp(-u^2-v^2)", -1, 0, "not_critical"},
            {"(u-3)^2 + (v+1e-3)^2", 3, -1e-3, "minimum"},
            {"u^4 + v^2", 0, 0, "degenerate"},
            {"u*v", 0, 0, "saddle"},
            {"log(exp(u)+exp(v))", 0, 0, "not_critical"},
        };
        for (const Base& b : bases) {
            const QString f = QString::fromLatin1(b.f);
            const Eigen::Vector2d p(b.u, b.v), scaled(b.u / 1e4, b.v / 1e-5);
            row("u = x; v = y; " + f, p, b.expected);
            row("u = x; v = y; 1e12 + " + f, p, b.expected);
            row("u = x; v = y; 1e-30*(" + f + ")", p, b.expected);
            row("u = x; v = y; 3e8*(" + f + ") - 7", p, b.expected);
            row("u = 1e4*x; v = 1e-5*y; " + f, scaled, b.expected);
            row("u = 1e4*x; v = 1e-5*y; 1e6 + 1e-3*(" + f + ")", scaled, b.expected);
        }
    }
    void classificationIsScaleFree() {
        QFETCH(QString, text);
        QFETCH(VectorXd, point);
        QFETCH(QString, expected);
        const auto f = parse(text.toStdString(), {"x", "y"});
        const auto c = gs::analyzeCurvature(gs::derivatives(f, point), point);
        QCOMPARE(QString::fromUtf8(gs::toString(c.classification).data()), expected);
    }

    // Issue 8.4: the book's backpropagation example, Hessian 14336 * ones(4, 4) at
    // (-1, 0, -2, 1) (sympy: hessian of ((a+b)^2 + (a-b)^2)^2 there), eigenvalues
    // {0, 0, 0, 57344}. Shown: three exact zeros, never a negative eigenvalue.
    void backpropagationEigenvalues() {
        const auto f =
            parse("a = (w+x+y+z)^2; b = (w+x-y-z)^2; u = (a+b)^2; v = (a-b)^2; f = (u+v)^2");
        const Eigen::Vector4d p(-1, 0, -2, 1);
        const auto d = gs::derivatives(f, p);
        QVERIFY(d.hessian.isApprox(MatrixXd::Constant(4, 4, 14336), 4 * kEps));
        const auto c = gs::analyzeCurvature(d, p);
        const VectorXd shown = c.eigenvaluesToTolerance();
        QCOMPARE(shown[0], 0.0);
        QCOMPARE(shown[1], 0.0);
        QCOMPARE(shown[2], 0.0);
        QVERIFY(std::abs(shown[3] - 57344) <= 64 * kEps * 57344);
        QCOMPARE(c.inertia.zero, 3);
        QCOMPARE(c.inertia.positive, 1);
    }

    // Issue 7: every unary entry of the function table, f' and f'' against fourth-order
    // differences of its value at points inside its smooth interval.
    void functionTableDerivatives() {
        int checked = 0;
        for (const gs::FunctionEntry& e : gs::functionTable()) {
            if (e.arity != 1)
                continue;
            QVERIFY(e.value && e.derivatives && e.help && *e.help);
            for (double s : {0.1, 0.35, 0.5, 0.8, 0.95}) {
                const double u = e.smoothLo + s * (e.smoothHi - e.smoothLo);
                const auto d = gs::unaryDerivatives(e.op, u);
                QCOMPARE(d.f, e.value(u));
                const Difference d1 = difference([&](double t) { return e.value(u + t); }, 1);
                const Difference d2 = difference([&](double t) { return e.value(u + t); }, 2);
                // Tolerance: the difference's own error estimate (see difference()), twice,
                // plus the rounding of the closed forms (a few ulps of each).
                QVERIFY2(std::abs(d.d1 - d1.value) <= 2 * d1.error + 16 * kEps * std::abs(d.d1),
                         qPrintable(QStringLiteral("%1 f' at %2: %3 vs %4")
                                        .arg(e.name ? e.name : "-")
                                        .arg(u)
                                        .arg(d.d1, 0, 'g', 17)
                                        .arg(d1.value, 0, 'g', 17)));
                QVERIFY2(std::abs(d.d2 - d2.value) <= 2 * d2.error + 16 * kEps * std::abs(d.d2),
                         qPrintable(QStringLiteral("%1 f'' at %2: %3 vs %4")
                                        .arg(e.name ? e.name : "-")
                                        .arg(u)
                                        .arg(d.d2, 0, 'g', 17)
                                        .arg(d2.value, 0, 'g', 17)));
                // The differences must be sharp enough to mean something.
                QVERIFY(d1.error <= 1e-8 * (1 + std::abs(d.d1)));
                QVERIFY(d2.error <= 1e-5 * (1 + std::abs(d.d2)));
                ++checked;
            }
        }
        QCOMPARE(checked, 5 * 16); // neg and the 15 named unary functions
    }

    // Done-when of issue 8: exact derivatives of random expressions (depth 4-5, every
    // function, computed exponents, statements, constant pieces with infinite derivatives)
    // and of their shifted and scaled versions, against differences of values only.
    void randomExpressionsAgreeWithDifferences() {
        RandomExpression generator(20261130);
        std::mt19937 points(7);
        std::uniform_real_distribution<double> coordinate(-1.5, 1.5);
        int total = 0, checked = 0, outside = 0;
        for (int k = 0; k < 120; ++k) {
            const std::string body = generator.generate(4 + k % 2);
            const Eigen::Vector3d p(coordinate(points), coordinate(points), coordinate(points));
            // Variants: as is; shifted; scaled; inputs rescaled (a = 1e3 x, c = 1e-2 z).
            const struct {
                std::string prefix, wrapOpen, wrapClose;
                Eigen::Vector3d point;
            } variants[] = {
                {"a = x; b = y; c = z; ", "", "", p},
                {"a = x; b = y; c = z; ", "1e6 + (", ")", p},
                {"a = x; b = y; c = z; ", "1e-3*(", ")", p},
                {"a = 1e3*x; b = y; c = 1e-2*z; ", "", "",
                 Eigen::Vector3d(p[0] / 1e3, p[1], p[2] * 1e2)},
            };
            for (const auto& v : variants) {
                // A statement list ends in its own expression: wrap only its last part.
                std::string text = body;
                const auto last = text.rfind("; ");
                if (last == std::string::npos)
                    text = v.wrapOpen + text + v.wrapClose;
                else
                    text =
                        text.substr(0, last + 2) + v.wrapOpen + text.substr(last + 2) + v.wrapClose;
                text = v.prefix + text;
                auto parsed = gs::Expression::parse(text, {"x", "y", "z"});
                QVERIFY2(parsed.ok(), text.c_str());
                ++total;
                const auto d = gs::derivatives(*parsed.expression, v.point);
                if (!std::isfinite(d.value)) {
                    ++outside;
                    continue;
                }
                // An intermediate that overflowed (cosh(1/a^2) near 0, then saturated by
                // tanh) leaves f finite but its derivatives inf * 0: out of this test's scope.
                bool overflow = false;
                for (double node : gs::evaluateNodes(*parsed.expression, v.point))
                    overflow = overflow || std::isinf(node);
                if (overflow)
                    continue;
                const auto fd = differences(*parsed.expression, v.point);
                // Smooth at the differences' resolution (no kink, pole or domain edge
                // within the stencil): the estimated errors are small.
                const bool smooth = (fd.gError.array() <= 1e-3 * (1 + fd.g.array().abs())).all() &&
                                    (fd.hError.array() <= 1e-2 * (1 + fd.h.array().abs())).all();
                if (!smooth)
                    continue;
                ++checked;
                const std::string where = text + " at (" + std::to_string(v.point[0]) + ", " +
                                          std::to_string(v.point[1]) + ", " +
                                          std::to_string(v.point[2]) + ")";
                // Where f is smooth its derivatives exist: never a null.
                QVERIFY2(d.gradient.allFinite() && d.hessian.allFinite(), where.c_str());
                // Tolerance: twice the differences' error estimate (truncation over-estimated
                // fifteen-fold, rounding bounded, see difference()), plus the AD's own
                // rounding, generously 1e3 eps of the entry.
                const bool gradientAgrees =
                    ((d.gradient - fd.g).array().abs() <=
                     2 * fd.gError.array() + 1e3 * kEps * d.gradient.array().abs())
                        .all();
                const bool hessianAgrees =
                    ((d.hessian - fd.h).array().abs() <=
                     2 * fd.hError.array() + 1e3 * kEps * d.hessian.array().abs())
                        .all();
                if (!gradientAgrees)
                    qInfo() << d.gradient[0] << d.gradient[1] << d.gradient[2] << fd.g[0] << fd.g[1]
                            << fd.g[2] << fd.gError[0] << fd.gError[1] << fd.gError[2];
                QVERIFY2(gradientAgrees, where.c_str());
                QVERIFY2(hessianAgrees, where.c_str());
            }
        }
        qInfo("%d functions, %d checked, %d outside their domain", total, checked, outside);
        // The test must test: most defined cases are smooth where they are sampled.
        QVERIFY(checked >= total / 3);
    }
};

QTEST_APPLESS_MAIN(TestDerivatives)
#include "test_derivatives.moc"
