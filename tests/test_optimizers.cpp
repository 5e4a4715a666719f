// Every optimizer against its textbook update rule, computed independently here with
// hand-written gradients, on a quadratic and on Rosenbrock; Newton's one-step property;
// convergence and divergence.
#include "optimizers.h"

#include <Eigen/Dense>
#include <QTest>
#include <cmath>
#include <functional>

using Eigen::Vector2d;
using gs::Method;

namespace {

QString reason(const gs::Trajectory& t) {
    return QString::fromUtf8(gs::toString(t.reason).data());
}

gs::Expression parse(const char* text) {
    return *gs::Expression::parse(text).expression;
}

// f = 1/2 x^T A x - b^T x with A = [[3, 1], [1, 2]], b = (1, -1): grad = A x - b.
const char* kQuadratic = "0.5*(3*x^2 + 2*x*y + 2*y^2) - x + y";
Vector2d quadraticGrad(const Vector2d& p) {
    Eigen::Matrix2d a;
    a << 3, 1, 1, 2;
    return a * p - Vector2d(1, -1);
}

// Rosenbrock (1-x)^2 + 100 (y-x^2)^2.
const char* kRosenbrock = "(1-x)^2 + 100*(y-x^2)^2";
Vector2d rosenbrockGrad(const Vector2d& p) {
    const double x = p.x(), y = p.y();
    return {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)};
}

using Grad = std::function<Vector2d(const Vector2d&)>;

// The textbook iterations, written out independently of the engine.
std::vector<Vector2d> reference(Method method, const Grad& grad, Vector2d x,
                                const gs::OptimizerOptions& o) {
    std::vector<Vector2d> xs{x};
    Vector2d prev = x, m = Vector2d::Zero(), s = Vector2d::Zero(), v = Vector2d::Zero();
    for (int t = 1; t <= o.maxSteps; ++t) {
        const Vector2d g = grad(x);
        Vector2d next = x;
        switch (method) {
        case Method::GradientDescent:
            next = x - o.learningRate * g;
            break;
        case Method::Momentum: // Polyak: x_{k+1} = x_k - eta g_k + beta (x_k - x_{k-1})
            next = x - o.learningRate * g + o.momentum * (x - prev);
            break;
        case Method::Nesterov: // Sutskever et al.: lookahead gradient
            v = o.momentum * v - o.learningRate * grad(x + o.momentum * v);
            next = x + v;
            break;
        case Method::Adam: { // Kingma & Ba, Algorithm 1
            m = o.beta1 * m + (1 - o.beta1) * g;
            s = o.beta2 * s + (1 - o.beta2) * Vector2d(g.x() * g.x(), g.y() * g.y());
            const Vector2d mh = m / (1 - std::pow(o.beta1, t));
            const Vector2d sh = s / (1 - std::pow(o.beta2, t));
            next = x - o.learningRate * Vector2d(mh.x() / (std::sqrt(sh.x()) + o.adamEpsilon),
                                                 mh.y() / (std::sqrt(sh.y()) + o.adamEpsilon));
            break;
        }
        case Method::Newton: // tested on its own below
        case Method::NewtonLineSearch:
            break;
        }
        prev = x;
        x = next;
        xs.push_back(x);
    }
    return xs;
}

} // namespace

Q_DECLARE_METATYPE(Method)
Q_DECLARE_METATYPE(Vector2d)

class TestOptimizers : public QObject {
    Q_OBJECT
private slots:
    void matchesTextbook_data() {
        QTest::addColumn<Method>("method");
        QTest::addColumn<bool>("rosenbrock");
        QTest::addColumn<double>("lr");
        const Method methods[] = {Method::GradientDescent, Method::Momentum, Method::Nesterov,
                                  Method::Adam};
        for (Method m : methods) {
            const QByteArray name(gs::toString(m).data());
            QTest::newRow(name + " quadratic") << m << false << 0.1;
            QTest::newRow(name + " rosenbrock") << m << true << (m == Method::Adam ? 0.05 : 1e-3);
        }
    }
    void matchesTextbook() {
        QFETCH(Method, method);
        QFETCH(bool, rosenbrock);
        QFETCH(double, lr);
        gs::OptimizerOptions o;
        o.method = method;
        o.learningRate = lr;
        o.maxSteps = 60;
        o.tolerance = 0; // run the whole budget
        const Vector2d start(-1.2, 1.0);
        const auto run = gs::optimize(parse(rosenbrock ? kRosenbrock : kQuadratic), start, o);
        const auto ref =
            reference(method, rosenbrock ? Grad(rosenbrockGrad) : Grad(quadraticGrad), start, o);
        QCOMPARE(reason(run), QStringLiteral("max_steps"));
        QCOMPARE(run.stepCount(), o.maxSteps);
        QCOMPARE(run.steps.size(), ref.size());
        for (std::size_t k = 0; k < ref.size(); ++k) {
            const double err = (run.steps[k].x - ref[k]).norm();
            QVERIFY2(err <= 1e-10 * (1 + ref[k].norm()),
                     qPrintable(QStringLiteral("step %1: error %2").arg(k).arg(err)));
        }
        // The trajectory's values and gradient norms belong to its points.
        const auto& last = run.steps.back();
        QCOMPARE(last.gradientNorm,
                 (rosenbrock ? rosenbrockGrad(last.x) : quadraticGrad(last.x)).norm());
    }

    void newtonSolvesAQuadraticInOneStep() {
        gs::OptimizerOptions o;
        o.method = Method::Newton;
        o.tolerance = 1e-9;
        const auto run = gs::optimize(parse(kQuadratic), Vector2d(5, -7), o);
        Eigen::Matrix2d a;
        a << 3, 1, 1, 2;
        const Vector2d minimum = a.ldlt().solve(Vector2d(1, -1));
        QCOMPARE(reason(run), QStringLiteral("converged"));
        QCOMPARE(run.stepCount(), 1);
        QVERIFY((run.steps[1].x - minimum).norm() <= 1e-14 * 10);
        QVERIFY(!run.steps[1].safeguarded);
    }

    void newtonOnRosenbrockConverges() {
        gs::OptimizerOptions o;
        o.method = Method::Newton;
        o.tolerance = 1e-10;
        const auto run = gs::optimize(parse(kRosenbrock), Vector2d(-1.2, 1.0), o);
        QCOMPARE(reason(run), QStringLiteral("converged"));
        QVERIFY((run.steps.back().x - Vector2d(1, 1)).norm() < 1e-8);
        QVERIFY(run.stepCount() < 20);
    }

    void newtonNeverGoesUphillAtASaddle() {
        // At (0.5, 0.1) on x^2 - y^2 the Hessian is indefinite: the pure Newton step would
        // jump to the saddle (0, 0); the safeguarded step must decrease f.
        gs::OptimizerOptions o;
        o.method = Method::Newton;
        o.learningRate = 0.1;
        o.maxSteps = 5;
        o.tolerance = 0;
        const auto run = gs::optimize(parse("x^2 - y^2"), Vector2d(0.5, 0.1), o);
        QVERIFY(run.steps[1].safeguarded);
        for (std::size_t k = 1; k < run.steps.size(); ++k)
            QVERIFY(run.steps[k].value < run.steps[k - 1].value);
        // Independent check of the first step: the eigenvalues are 2 and -2; both |lambda|
        // are below 1/eta = 10 and floored to it, so d = -g / 10 with g = (2x, -2y).
        const Vector2d g(1.0, -0.2);
        const Vector2d expected = Vector2d(0.5, 0.1) - Vector2d(g.x() / 10, g.y() / 10);
        QVERIFY((run.steps[1].x - expected).norm() < 1e-15 * 10);
    }

    void convergesAndSaysSo() {
        gs::OptimizerOptions o;
        o.learningRate = 0.25;
        o.tolerance = 1e-8;
        const auto run = gs::optimize(parse("x^2 + y^2"), Vector2d(1, -2), o);
        QCOMPARE(reason(run), QStringLiteral("converged"));
        QVERIFY(run.steps.back().gradientNorm <= 1e-8);
        QVERIFY(run.steps[run.steps.size() - 2].gradientNorm > 1e-8);
        QVERIFY(QString::fromStdString(run.message).contains(QStringLiteral("converged")));
    }

    void divergenceIsDetected_data() {
        QTest::addColumn<QString>("function");
        QTest::addColumn<double>("lr");
        QTest::addColumn<QString>("message");
        // x <- x - 2.5 * 2x = -4x: grows without bound.
        QTest::newRow("too large a step") << "x^2 + y^2" << 2.5 << "left the region";
        // log(x) from x = 0.5 downhill runs into x <= 0, where it is undefined.
        QTest::newRow("out of the domain") << "log(x) + y^2" << 1.0 << "undefined";
    }
    void divergenceIsDetected() {
        QFETCH(QString, function);
        QFETCH(double, lr);
        QFETCH(QString, message);
        gs::OptimizerOptions o;
        o.learningRate = lr;
        o.escapeRadius = 1e3;
        o.maxSteps = 1000;
        const auto run = gs::optimize(parse(function.toStdString().c_str()), Vector2d(0.5, 0.5), o);
        QCOMPARE(reason(run), QStringLiteral("diverged"));
        QVERIFY(run.stepCount() < 1000);
        QVERIFY2(QString::fromStdString(run.message).contains(message), run.message.c_str());
    }

    void optionRanges_data() {
        QTest::addColumn<QString>("option");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("problem"); // empty: valid
        QTest::newRow("lr zero") << "lr" << 0.0 << "learning_rate";
        QTest::newRow("lr inf") << "lr" << HUGE_VAL << "learning_rate";
        QTest::newRow("lr above 1000") << "lr" << 1001.0 << "learning_rate";
        QTest::newRow("lr small") << "lr" << 1e-12 << "";
        QTest::newRow("momentum 1") << "momentum" << 1.0 << "";
        QTest::newRow("momentum above 1") << "momentum" << 1.01 << "momentum";
        QTest::newRow("beta1 1") << "beta1" << 1.0 << "beta1";
        QTest::newRow("beta2 0") << "beta2" << 0.0 << "";
        QTest::newRow("damping 0") << "damping" << 0.0 << "damping";
        QTest::newRow("damping 1") << "damping" << 1.0 << "";
        QTest::newRow("tolerance negative") << "tolerance" << -1e-9 << "tolerance";
        QTest::newRow("steps negative") << "steps" << -1.0 << "steps";
        QTest::newRow("steps too many") << "steps" << 100001.0 << "steps";
        QTest::newRow("steps zero") << "steps" << 0.0 << "";
    }
    void optionRanges() {
        QFETCH(QString, option);
        QFETCH(double, value);
        QFETCH(QString, problem);
        gs::OptimizerOptions o;
        QVERIFY(!gs::checkOptions(o)); // the defaults are valid
        if (option == "lr")
            o.learningRate = value;
        if (option == "momentum")
            o.momentum = value;
        if (option == "beta1")
            o.beta1 = value;
        if (option == "beta2")
            o.beta2 = value;
        if (option == "damping")
            o.damping = value;
        if (option == "tolerance")
            o.tolerance = value;
        if (option == "steps")
            o.maxSteps = int(value);
        const auto found = gs::checkOptions(o);
        QCOMPARE(found ? QString::fromStdString(found->field) : QString(), problem);
    }

    void namesRoundTrip() {
        for (Method m : gs::kMethods)
            QCOMPARE(gs::methodFromString(gs::toString(m)), std::optional<Method>(m));
        QCOMPARE(gs::methodFromString("newton-ls"),
                 std::optional<Method>(Method::NewtonLineSearch));
        QVERIFY(!gs::methodFromString("sgd").has_value());
    }

    // Issue 8.5: the book's pure Newton from (-0.5, 0.5) on x e^(-x^2-y^2) steps uphill
    // (f -0.303 -> -0.135), wanders onto the plateau and converges there: reported as flat.
    void pureNewtonSaysWhereItConverged() {
        gs::OptimizerOptions o;
        o.method = Method::Newton;
        const auto run = gs::optimize(parse("x*exp(-x^2-y^2)"), Vector2d(-0.5, 0.5), o);
        // f(-0.5, 0.5) = -0.5 e^-0.5
        QVERIFY(std::abs(run.steps[0].value + 0.5 * std::exp(-0.5)) <= 1e-15);
        QVERIFY(run.steps[1].value > run.steps[0].value); // pure Newton can go uphill
        QVERIFY(run.steps[1].newton == gs::NewtonKind::Pure);
        QCOMPARE(reason(run), QStringLiteral("converged"));
        QVERIFY(run.endPoint.has_value());
        QVERIFY(run.endPoint->flat);
        QCOMPARE(QString::fromUtf8(run.endPoint->name().data()), QStringLiteral("flat"));
        QVERIFY(std::abs(run.endPoint->value) < 1e-15);
        QVERIFY(QString::fromStdString(run.message).contains(QStringLiteral("flat region")));
        QVERIFY(QString::fromStdString(run.message).contains(QStringLiteral("pure")));
    }

    // The safeguarded Newton with backtracking from the same start: f decreases at every
    // step (Armijo: f(x + t d) <= f(x) + 1e-4 t g.d) and it converges to the minimum
    // (-1/sqrt2, 0), f = -e^(-1/2)/sqrt2.
    void newtonLineSearchFindsTheMinimum() {
        gs::OptimizerOptions o;
        o.method = Method::NewtonLineSearch;
        o.tolerance = 1e-10;
        const auto f = parse("x*exp(-x^2-y^2)");
        const auto run = gs::optimize(f, Vector2d(-0.5, 0.5), o);
        QCOMPARE(reason(run), QStringLiteral("converged"));
        QVERIFY(run.steps[1].value < run.steps[0].value); // where pure Newton went uphill
        for (std::size_t k = 1; k < run.steps.size(); ++k) {
            // Near the minimum the decrease falls below f's rounding: never an increase.
            QVERIFY2(run.steps[k].value <= run.steps[k - 1].value, qPrintable(QString::number(k)));
            QVERIFY(run.steps[k].newton != gs::NewtonKind::None);
        }
        const Vector2d minimum(-1 / std::sqrt(2.0), 0);
        QVERIFY((run.steps.back().x - minimum).norm() < 1e-9);
        QVERIFY(std::abs(run.steps.back().value + std::exp(-0.5) / std::sqrt(2.0)) < 1e-15);
        QVERIFY(run.endPoint.has_value());
        QVERIFY(run.endPoint->classification == gs::Classification::Minimum);
        QVERIFY(!run.endPoint->flat);
        QVERIFY(QString::fromStdString(run.message).contains(QStringLiteral("minimum")));
    }

    void newtonStepKinds() {
        gs::OptimizerOptions o;
        o.method = Method::Newton;
        o.maxSteps = 1;
        o.tolerance = 0;
        auto run = gs::optimize(parse(kQuadratic), Vector2d(5, -7), o);
        QVERIFY(run.steps[0].newton == gs::NewtonKind::None);
        QVERIFY(run.steps[1].newton == gs::NewtonKind::Pure);
        o.damping = 0.5;
        run = gs::optimize(parse(kQuadratic), Vector2d(5, -7), o);
        QVERIFY(run.steps[1].newton == gs::NewtonKind::Damped);
        QCOMPARE(run.steps[1].stepLength, 0.5);
        o.damping = 1;
        run = gs::optimize(parse("x^2 - y^2"), Vector2d(0.5, 0.1), o);
        QVERIFY(run.steps[1].newton == gs::NewtonKind::Safeguarded);
        QCOMPARE(QString::fromUtf8(gs::toString(run.steps[1].newton).data()),
                 QStringLiteral("safeguarded"));
        // Gradient descent takes no Newton steps.
        o.method = Method::GradientDescent;
        run = gs::optimize(parse(kQuadratic), Vector2d(5, -7), o);
        QVERIFY(run.steps[1].newton == gs::NewtonKind::None);
    }

    void endPointClassification_data() {
        QTest::addColumn<QString>("function");
        QTest::addColumn<Vector2d>("start");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bowl") << "x^2 + y^2" << Vector2d(1, -2) << "minimum";
        QTest::newRow("shifted, scaled bowl")
            << "1e9 + 0.5*(x^2 + y^2)" << Vector2d(1, -2) << "minimum";
        // Gradient descent from (1, 0) on x^2 - y^2 never leaves y = 0: it ends on the saddle.
        QTest::newRow("saddle") << "x^2 - y^2" << Vector2d(1, 0) << "saddle";
        // Started on a maximum: converged at step 0, no extent, the Hessian -2 I decides.
        QTest::newRow("maximum") << "-x^2 - y^2" << Vector2d(0, 0) << "maximum";
        QTest::newRow("flat everywhere") << "0*x + 0*y + 3" << Vector2d(1, 1) << "flat";
    }
    void endPointClassification() {
        QFETCH(QString, function);
        QFETCH(Vector2d, start);
        QFETCH(QString, expected);
        gs::OptimizerOptions o;
        o.learningRate = 0.25;
        o.maxSteps = 1000;
        const auto run = gs::optimize(parse(qPrintable(function)), start, o);
        QCOMPARE(reason(run), QStringLiteral("converged"));
        QVERIFY(run.endPoint.has_value());
        QCOMPARE(QString::fromUtf8(run.endPoint->name().data()), expected);
        QCOMPARE(run.endPoint->point, run.steps.back().x);
    }

    void unconvergedRunsHaveNoEndPoint() {
        gs::OptimizerOptions o;
        o.maxSteps = 2;
        const auto run = gs::optimize(parse(kQuadratic), Vector2d(5, -7), o);
        QCOMPARE(reason(run), QStringLiteral("max_steps"));
        QVERIFY(!run.endPoint.has_value());
    }
};

QTEST_APPLESS_MAIN(TestOptimizers)
#include "test_optimizers.moc"
