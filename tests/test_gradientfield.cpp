// The gradient field: arrows at the cells' centres with exact derivatives, checked against
// gradients derived by hand, and the arrow lengths (proportional to |grad f| up to a cap).
#include "gradientfield.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
/// A first-order dual sweep rounds each operation once: a few ulps of the largest term
/// (here 16 eps relative to max(1, |exact|)).
constexpr double kGradTol = 16 * kEps;

gs::Expression parse(const char* text, std::vector<std::string> vars = {"x", "y"}) {
    auto r = gs::Expression::parse(text, vars);
    if (!r.ok())
        qFatal("parse failed: %s", text);
    return *r.expression;
}

gs::GridSpec domain(double xmin, double xmax, double ymin, double ymax) {
    gs::GridSpec g;
    g.xmin = xmin;
    g.xmax = xmax;
    g.ymin = ymin;
    g.ymax = ymax;
    return g;
}

using Partial = std::function<double(double, double)>;

bool close(double got, double exact) {
    return std::abs(got - exact) <= kGradTol * std::max(1.0, std::abs(exact));
}

} // namespace

class TestGradientField : public QObject {
    Q_OBJECT
private slots:
    void handDerivedGradients_data() {
        QTest::addColumn<QString>("function");
        QTest::addColumn<Partial>("fx");
        QTest::addColumn<Partial>("fy");
        QTest::newRow("x^2 + 3y") << "x^2 + 3*y" << Partial([](double x, double) { return 2 * x; })
                                  << Partial([](double, double) { return 3.0; });
        // d/dx x e^(-x^2-y^2) = (1 - 2x^2) e^(-x^2-y^2), d/dy = -2xy e^(-x^2-y^2)
        QTest::newRow("book") << "x*exp(-x^2-y^2)" << Partial([](double x, double y) {
            return (1 - 2 * x * x) * std::exp(-x * x - y * y);
        }) << Partial([](double x, double y) { return -2 * x * y * std::exp(-x * x - y * y); });
        // d/dx sin(x) cos(y) = cos(x) cos(y), d/dy = -sin(x) sin(y)
        QTest::newRow("sin cos") << "sin(x)*cos(y)" << Partial([](double x, double y) {
            return std::cos(x) * std::cos(y);
        }) << Partial([](double x, double y) { return -std::sin(x) * std::sin(y); });
        // Rosenbrock: f_x = -2(1 - x) - 400 x (y - x^2), f_y = 200 (y - x^2)
        QTest::newRow("rosenbrock") << "(1-x)^2+100*(y-x^2)^2" << Partial([](double x, double y) {
            return -2 * (1 - x) - 400 * x * (y - x * x);
        }) << Partial([](double x, double y) { return 200 * (y - x * x); });
    }

    void handDerivedGradients() {
        QFETCH(QString, function);
        QFETCH(Partial, fx);
        QFETCH(Partial, fy);
        const gs::GradientField field = gs::gradientField(
            parse(qPrintable(function)), domain(-2, 2, -1, 3), Eigen::Vector2d(0, 0));
        // A square domain of side 4: 17 x 17 cells of side 4/17, arrows at their centres.
        QCOMPARE(field.grid.nx, 17);
        QCOMPARE(field.grid.ny, 17);
        QVERIFY(std::abs(field.cellX - 4.0 / 17) <= 4 * kEps);
        QVERIFY(std::abs(field.grid.x(0) - (-2 + 2.0 / 17)) <= 4 * kEps);
        QVERIFY(std::abs(field.grid.y(16) - (3 - 2.0 / 17)) <= 8 * kEps);
        for (int i = 0; i < field.grid.nx; ++i)
            for (int j = 0; j < field.grid.ny; ++j) {
                const double x = field.grid.x(i), y = field.grid.y(j);
                QVERIFY2(close(field.dx(i, j), fx(x, y)),
                         qPrintable(QStringLiteral("f_x at (%1, %2): %3, exact %4")
                                        .arg(x)
                                        .arg(y)
                                        .arg(field.dx(i, j))
                                        .arg(fx(x, y))));
                QVERIFY2(close(field.dy(i, j), fy(x, y)),
                         qPrintable(QStringLiteral("f_y at (%1, %2)").arg(x).arg(y)));
            }
    }

    void sliceOfThreeInputs() {
        // f = x y z over (x, z) with y held at 2: f_x = y z = 2z, f_z = x y = 2x.
        gs::GridSpec g = domain(-1, 1, -3, 3);
        g.axisX = 0;
        g.axisY = 2;
        const gs::GradientField field =
            gs::gradientField(parse("x*y*z", {"x", "y", "z"}), g, Eigen::Vector3d(0.5, 2, -7));
        // Longer side 6: 17 cells of 6/17 along z, round(2 / (6/17)) = 6 along x.
        QCOMPARE(field.grid.ny, 17);
        QCOMPARE(field.grid.nx, 6);
        for (int i = 0; i < field.grid.nx; ++i)
            for (int j = 0; j < field.grid.ny; ++j) {
                QVERIFY(close(field.dx(i, j), 2 * field.grid.y(j)));
                QVERIFY(close(field.dy(i, j), 2 * field.grid.x(i)));
            }
    }

    void lengthsAreCapped() {
        // |grad(x^2 + y^2)| = 2r grows towards the corners: the longest tenth is capped.
        const gs::GradientField field =
            gs::gradientField(parse("x^2+y^2"), domain(-2, 2, -2, 2), Eigen::Vector2d(0, 0));
        std::vector<double> norms;
        int above = 0;
        for (int i = 0; i < field.grid.nx; ++i)
            for (int j = 0; j < field.grid.ny; ++j) {
                const double r = std::hypot(field.grid.x(i), field.grid.y(j));
                norms.push_back(2 * r);
            }
        std::sort(norms.begin(), norms.end());
        // 289 arrows, none at the origin (17 is odd: the middle cell is centred on 0,
        // |grad f| = 0 there, so 288 nonzero); the cap is the sorted nonzero norms'
        // element floor(0.9 * 287) = 258.
        QCOMPARE(norms.front(), 0.0);
        const double cap = norms[1 + 258];
        QVERIFY(std::abs(field.fullNorm - cap) <= 8 * kEps * cap);
        for (int i = 0; i < field.grid.nx; ++i)
            for (int j = 0; j < field.grid.ny; ++j) {
                const double n = 2 * std::hypot(field.grid.x(i), field.grid.y(j));
                QVERIFY(std::abs(field.length(i, j) - std::min(1.0, n / cap)) <= 16 * kEps);
                above += n > cap * (1 + 8 * kEps) ? 1 : 0;
            }
        QVERIFY(field.capped >= above && field.capped <= 289 / 10 + 1);
        QVERIFY(field.capped > 0);
        QCOMPARE(field.length(8, 8), 0.0); // the origin: no arrow
    }

    void uniformFieldIsFullLength() {
        // grad(3x - 4y) = (3, -4), |grad f| = 5 everywhere: every arrow one cell, none capped.
        const gs::GradientField field =
            gs::gradientField(parse("3*x-4*y"), domain(0, 1, 0, 1), Eigen::Vector2d(0, 0), 5);
        QCOMPARE(field.fullNorm, 5.0);
        QCOMPARE(field.capped, 0);
        QVERIFY((field.length == 1.0).all());
        QVERIFY((field.dx == 3.0).all() && (field.dy == -4.0).all());
    }

    void undefinedAndFlat() {
        // sqrt(x) is undefined left of 0: no arrow there; a constant has no arrow anywhere.
        const gs::GradientField root =
            gs::gradientField(parse("sqrt(x)+y"), domain(-1, 1, -1, 1), Eigen::Vector2d(0, 0), 4);
        for (int j = 0; j < root.grid.ny; ++j) {
            QVERIFY(std::isnan(root.dx(0, j)));
            QCOMPARE(root.length(0, j), 0.0);
            // at x = 0.75: f_x = 1 / (2 sqrt(0.75))
            QVERIFY(close(root.dx(3, j), 0.5 / std::sqrt(0.75)));
        }
        const gs::GradientField flat =
            gs::gradientField(parse("0*x+2"), domain(-1, 1, -1, 1), Eigen::Vector2d(0, 0));
        QCOMPARE(flat.fullNorm, 0.0);
        QVERIFY((flat.length == 0.0).all());
    }
};

QTEST_GUILESS_MAIN(TestGradientField)
#include "test_gradientfield.moc"
