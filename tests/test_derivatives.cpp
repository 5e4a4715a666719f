// Exact derivatives, Taylor models and classification, each against formulas
// derived by hand in this file (independent of the engine's AD rules).
#include "curvature.h"
#include "derivatives.h"
#include "evaluation.h"
#include "taylor.h"

#include <Eigen/Dense>
#include <QTest>
#include <cmath>
#include <limits>

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
};

QTEST_APPLESS_MAIN(TestDerivatives)
#include "test_derivatives.moc"
