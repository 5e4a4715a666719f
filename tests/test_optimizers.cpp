// Every optimizer against its textbook update rule, computed independently here with
// hand-written gradients, on a quadratic and on Rosenbrock; Newton's one-step property;
// convergence and divergence.
#include "optimizers.h"
#include "sweep.h"

#include <Eigen/Dense>
#include <QTest>
#include <cmath>
#include <functional>
#include <random>

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
double quadraticValue(const Vector2d& p) {
    const double x = p.x(), y = p.y();
    return 0.5 * (3 * x * x + 2 * x * y + 2 * y * y) - x + y;
}

// Rosenbrock (1-x)^2 + 100 (y-x^2)^2.
const char* kRosenbrock = "(1-x)^2 + 100*(y-x^2)^2";
Vector2d rosenbrockGrad(const Vector2d& p) {
    const double x = p.x(), y = p.y();
    return {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)};
}
double rosenbrockValue(const Vector2d& p) {
    const double x = p.x(), y = p.y();
    return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
}

using Grad = std::function<Vector2d(const Vector2d&)>;
using Value = std::function<double(const Vector2d&)>;

// The textbook iterations, written out independently of the engine (coordinate by
// coordinate for the new methods). `noise`: Gaussian noise of that deviation added to every
// gradient, from a std::mt19937_64 seeded with `seed` (x first, then y, each step).
std::vector<Vector2d> reference(Method method, const Grad& exactGrad, const Value& f, Vector2d x,
                                const gs::OptimizerOptions& o) {
    std::vector<Vector2d> xs{x};
    Vector2d prev = x, m = Vector2d::Zero(), s = Vector2d::Zero(), v = Vector2d::Zero();
    std::mt19937_64 rng(o.seed);
    std::normal_distribution<double> gauss(0.0, 1.0);
    auto grad = [&](const Vector2d& p) {
        Vector2d g = exactGrad(p);
        if (o.noise > 0) {
            g.x() += o.noise * gauss(rng);
            g.y() += o.noise * gauss(rng);
        }
        return g;
    };
    for (int t = 1; t <= o.maxSteps; ++t) {
        const Vector2d g = method == Method::Nesterov ? Vector2d::Zero() : grad(x);
        Vector2d next = x;
        switch (method) {
        case Method::GradientDescentLineSearch: { // Armijo backtracking from eta, c1 = 1e-4
            double step = o.learningRate;
            for (int j = 0; j < 60; ++j) {
                if (f(x - step * g) <= f(x) - 1e-4 * step * g.squaredNorm())
                    break;
                step /= 2;
            }
            next = x - step * g;
            break;
        }
        case Method::QHM: // Ma & Yarats, quasi-hyperbolic momentum
            for (int i = 0; i < 2; ++i) {
                v[i] = o.momentum * v[i] + (1 - o.momentum) * g[i];
                next[i] = x[i] - o.learningRate * ((1 - o.nu) * g[i] + o.nu * v[i]);
            }
            break;
        case Method::AdaGrad: // Duchi, Hazan & Singer
            for (int i = 0; i < 2; ++i) {
                s[i] += g[i] * g[i];
                next[i] = x[i] - o.learningRate * g[i] / (std::sqrt(s[i]) + o.epsilon);
            }
            break;
        case Method::RMSProp: // Tieleman & Hinton
            for (int i = 0; i < 2; ++i) {
                s[i] = o.rho * s[i] + (1 - o.rho) * g[i] * g[i];
                next[i] = x[i] - o.learningRate * g[i] / (std::sqrt(s[i]) + o.epsilon);
            }
            break;
        case Method::QHAdam: // Ma & Yarats, Algorithm QHAdam
            for (int i = 0; i < 2; ++i) {
                m[i] = o.beta1 * m[i] + (1 - o.beta1) * g[i];
                s[i] = o.beta2 * s[i] + (1 - o.beta2) * g[i] * g[i];
                const double mh = m[i] / (1 - std::pow(o.beta1, t));
                const double sh = s[i] / (1 - std::pow(o.beta2, t));
                next[i] =
                    x[i] - o.learningRate * ((1 - o.nu1) * g[i] + o.nu1 * mh) /
                               (std::sqrt((1 - o.nu2) * g[i] * g[i] + o.nu2 * sh) + o.epsilon);
            }
            break;
        case Method::GradientDescent:
            next = x - o.learningRate * g;
            break;
        case Method::Momentum: // Polyak: x_{k+1} = x_k - eta g_k + beta (x_k - x_{k-1})
            next = x - o.learningRate * g + o.momentum * (x - prev);
            break;
        case Method::Nesterov: // Sutskever et al.: lookahead gradient
            v = o.momentum * v - o.learningRate * grad(Vector2d(x + o.momentum * v));
            next = x + v;
            break;
        case Method::Adam: { // Kingma & Ba, Algorithm 1
            m = o.beta1 * m + (1 - o.beta1) * g;
            s = o.beta2 * s + (1 - o.beta2) * Vector2d(g.x() * g.x(), g.y() * g.y());
            const Vector2d mh = m / (1 - std::pow(o.beta1, t));
            const Vector2d sh = s / (1 - std::pow(o.beta2, t));
            next = x - o.learningRate * Vector2d(mh.x() / (std::sqrt(sh.x()) + o.epsilon),
                                                 mh.y() / (std::sqrt(sh.y()) + o.epsilon));
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
        QTest::addColumn<double>("noise");
        const Method methods[] = {Method::GradientDescent,
                                  Method::Momentum,
                                  Method::Nesterov,
                                  Method::Adam,
                                  Method::AdaGrad,
                                  Method::RMSProp,
                                  Method::QHM,
                                  Method::QHAdam,
                                  Method::GradientDescentLineSearch};
        for (Method m : methods) {
            const bool adaptive = gs::isAdaptive(m);
            const QByteArray name(gs::toString(m).data());
            QTest::newRow(name + " quadratic") << m << false << 0.1 << 0.0;
            QTest::newRow(name + " rosenbrock") << m << true
                                                << (adaptive                                 ? 0.05
                                                    : m == Method::GradientDescentLineSearch ? 1.0
                                                                                             : 1e-3)
                                                << 0.0;
            // The same rule with noisy gradients: the noise is drawn in the documented order.
            QTest::newRow(name + " quadratic, noise") << m << false << 0.1 << 0.5;
        }
    }
    // Each method against its rule written out above, 1e-12 relative at every step.
    void matchesTextbook() {
        QFETCH(Method, method);
        QFETCH(bool, rosenbrock);
        QFETCH(double, lr);
        QFETCH(double, noise);
        gs::OptimizerOptions o;
        o.method = method;
        o.learningRate = lr;
        o.maxSteps = 60;
        o.tolerance = 0; // run the whole budget
        o.noise = noise;
        o.seed = 20261130;
        // Parameters away from the defaults, so a swapped coefficient cannot pass.
        o.rho = 0.8;
        o.nu = 0.6;
        o.nu1 = 0.75;
        o.nu2 = 0.9;
        if (method == Method::QHM)
            o.momentum = 0.95;
        const Vector2d start(-1.2, 1.0);
        const auto run = gs::optimize(parse(rosenbrock ? kRosenbrock : kQuadratic), start, o);
        const auto ref =
            reference(method, rosenbrock ? Grad(rosenbrockGrad) : Grad(quadraticGrad),
                      rosenbrock ? Value(rosenbrockValue) : Value(quadraticValue), start, o);
        QCOMPARE(reason(run), QStringLiteral("max_steps"));
        QCOMPARE(run.stepCount(), o.maxSteps);
        QCOMPARE(run.steps.size(), ref.size());
        for (std::size_t k = 0; k < ref.size(); ++k) {
            const double err = (run.steps[k].x - ref[k]).norm();
            QVERIFY2(err <= 1e-12 * (1 + ref[k].norm()),
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
        // One step, singular (tester4 A9: "after 1 steps").
        QVERIFY2(QString::fromStdString(run.message).contains(QStringLiteral("after 1 step (")),
                 run.message.c_str());
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
        QTest::newRow("too large a step")
            << "x^2 + y^2" << 2.5
            << "left the region of interest (|x - x₀| > 1e+03) at step 6 with the steps growing "
               "as f rose: learning rate too large";
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

    // A pure Newton step from near the inflection point of x^3 - 3x (f'' = 6x small) jumps far:
    // the window's region of interest (ten times the plot's size) stops it, and the reason is
    // the curvature, not eta (tester s17: "learning rate too large" for Newton).
    void newtonLeavingIsNotBlamedOnTheLearningRate() {
        gs::OptimizerOptions o;
        o.method = gs::Method::Newton;
        o.escapeRadius = 40;
        const auto run = gs::optimize(parse("x^3 - 3*x"), Eigen::VectorXd::Constant(1, -0.5), o);
        QCOMPARE(reason(run), QStringLiteral("diverged"));
        QVERIFY(run.divergence == gs::Divergence::StepTooLarge);
        const QString m = QString::fromStdString(run.message);
        QVERIFY2(m.contains(QStringLiteral("a Newton step −H⁻¹∇f is long where the curvature is "
                                           "small")) &&
                     !m.contains(QStringLiteral("learning rate too large")),
                 qPrintable(m));
        // The step before the jump was next to the inflection point x = 0.
        const auto& before = run.steps[run.steps.size() - 2].x;
        QVERIFY2(std::abs(before[0]) < 0.01, qPrintable(QString::number(before[0])));
    }

    // Divergence rule 2 (optimizers.h): |f(x_k) - f(x_0)| > D0 / eps, D0 = |g0| |x1 - x0|.
    // Reference by hand (python3, plain floats, the update x <- x - eta grad f):
    //   eps = sys.float_info.epsilon; D0 = hypot(*g0) * hypot(*(x1 - x0))
    //   first k with abs(f(x_k) - f(x_0)) > D0 / eps
    // 0.5x^2+5y^2 from (-1.8, 0.8), eta 0.245: D0 = 16.4738, k = 51, f = 9.219e16 (the tester's
    // sweep point that ended "max_steps" with f = 1e20 in 60 steps); eta 0.21: never in 60
    // steps (f = 296669 at step 60); -x^2+y^2 from (1, 0.5), eta 0.1: D0 = 0.5, k = 97,
    // f = -2.297e15 (falling: unbounded below). The distance rule (1e12) is not reached.
    void divergenceByTheRiseOfF_data() {
        QTest::addColumn<QString>("function");
        QTest::addColumn<double>("x0");
        QTest::addColumn<double>("y0");
        QTest::addColumn<double>("lr");
        QTest::addColumn<int>("steps");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("stopStep");
        QTest::addColumn<double>("finalValue");
        QTest::addColumn<int>("divergence");
        QTest::newRow("eta above 2/lambda_max")
            << "0.5*x^2+5*y^2" << -1.8 << 0.8 << 0.245 << 60 << "diverged" << 51
            << 9.219050761776888e16 << int(gs::Divergence::StepTooLarge);
        QTest::newRow("slow growth, out of steps")
            << "0.5*x^2+5*y^2" << -1.8 << 0.8 << 0.21 << 60 << "max_steps" << 60 << 296669.020217054
            << int(gs::Divergence::None);
        QTest::newRow("unbounded below")
            << "-x^2+y^2" << 1.0 << 0.5 << 0.1 << 1000 << "diverged" << 97 << -2297003903547059.5
            << int(gs::Divergence::UnboundedBelow);
    }
    // Tester s24: Newton on 1/(x - 0.3)^2 from -1.2 steps u -> 4u/3 (u = x - 0.3: f'/f'' =
    // -u/3), off to -inf while f falls toward 0, by less each step (f shrinks by 9/16): it
    // was "f unbounded below". Said as falling ever more slowly, not as unbounded.
    void fallingTowardABoundIsNotUnbounded() {
        gs::OptimizerOptions o;
        o.method = gs::Method::Newton;
        o.maxSteps = 1000;
        o.tolerance = 1e-40; // |f'| = 2/|u|^3 passes 1e-6 long before the escape radius
        Eigen::VectorXd x0(1);
        x0 << -1.2;
        const auto run = gs::optimize(parse("1/(x - 0.3)^2"), x0, o);
        QCOMPARE(::reason(run), QStringLiteral("diverged"));
        QVERIFY(run.divergence != gs::Divergence::UnboundedBelow);
        QVERIFY2(QString::fromStdString(run.message).contains(QStringLiteral("ever more slowly")),
                 run.message.c_str());
        QVERIFY(run.steps.back().value > 0);
    }

    void divergenceByTheRiseOfF() {
        QFETCH(QString, function);
        QFETCH(double, x0);
        QFETCH(double, y0);
        QFETCH(double, lr);
        QFETCH(int, steps);
        QFETCH(QString, reason);
        QFETCH(int, stopStep);
        QFETCH(double, finalValue);
        QFETCH(int, divergence);
        gs::OptimizerOptions o;
        o.learningRate = lr;
        o.maxSteps = steps;
        const auto run = gs::optimize(parse(function.toStdString().c_str()), Vector2d(x0, y0), o);
        QCOMPARE(::reason(run), reason);
        QCOMPARE(run.stepCount(), stopStep);
        QVERIFY(std::abs(run.steps.back().value - finalValue) <= 1e-12 * std::abs(finalValue));
        QCOMPARE(int(run.divergence), divergence);
        if (reason == QStringLiteral("diverged"))
            // Machine epsilon said so, not "ε", the panel's Taylor offset (tester s13).
            QVERIFY2(
                QString::fromStdString(run.message).contains(QStringLiteral("1/machine epsilon")),
                run.message.c_str());
        // Scale-free: f times 1000 plus 1e6 diverges at the same step.
        const auto scaled = gs::optimize(
            parse(("1e6 + 1000*(" + function + ")").toStdString().c_str()), Vector2d(x0, y0), [&] {
                gs::OptimizerOptions s = o;
                s.learningRate = lr / 1000;
                return s;
            }());
        QCOMPARE(scaled.stepCount(), stopStep);
        QCOMPARE(::reason(scaled), reason);
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
        QTest::newRow("rho 1") << "rho" << 1.0 << "rho";
        QTest::newRow("rho 0") << "rho" << 0.0 << "";
        QTest::newRow("nu 1") << "nu" << 1.0 << "";
        QTest::newRow("nu above 1") << "nu" << 1.5 << "nu";
        QTest::newRow("nu2 negative") << "nu2" << -0.1 << "nu2";
        QTest::newRow("eps zero") << "eps" << 0.0 << "adaptive_epsilon";
        QTest::newRow("noise negative") << "noise" << -1.0 << "noise";
        QTest::newRow("noise nan") << "noise" << std::nan("") << "noise";
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
        if (option == "rho")
            o.rho = value;
        if (option == "nu")
            o.nu = value;
        if (option == "nu2")
            o.nu2 = value;
        if (option == "eps")
            o.epsilon = value;
        if (option == "noise")
            o.noise = value;
        const auto found = gs::checkOptions(o);
        QCOMPARE(found ? QString::fromStdString(found->field) : QString(), problem);
    }

    void namesRoundTrip() {
        for (Method m : gs::kMethods)
            QCOMPARE(gs::methodFromString(gs::toString(m)), std::optional<Method>(m));
        QCOMPARE(gs::methodFromString("newton-ls"),
                 std::optional<Method>(Method::NewtonLineSearch));
        QVERIFY(!gs::methodFromString("sgd").has_value());
        const char* names[] = {"adagrad", "rmsprop", "qhm", "qhadam", "gd-linesearch"};
        const Method methods[] = {Method::AdaGrad, Method::RMSProp, Method::QHM, Method::QHAdam,
                                  Method::GradientDescentLineSearch};
        for (int i = 0; i < 5; ++i)
            QCOMPARE(gs::methodFromString(names[i]), std::optional<Method>(methods[i]));
        QCOMPARE(std::size(gs::kMethods), std::size_t(11));
        QCOMPARE(QString::fromStdString(gs::methodNames()),
                 QStringLiteral("gd, gd-linesearch, momentum, nesterov, qhm, adagrad, rmsprop, "
                                "adam, qhadam, newton or newton-ls"));
    }

    // The same seed gives the same path bit for bit, another seed another path, and no noise
    // is the exact-gradient run whatever the seed.
    void noiseIsReproducible_data() {
        QTest::addColumn<Method>("method");
        for (Method m : gs::kMethods)
            QTest::newRow(gs::toString(m).data()) << m;
    }
    void noiseIsReproducible() {
        QFETCH(Method, method);
        gs::OptimizerOptions o;
        o.method = method;
        o.learningRate = 0.05;
        o.maxSteps = 40;
        o.tolerance = 0;
        const auto f = parse(kQuadratic);
        const Vector2d start(-1.2, 1.0);
        const auto exact = gs::optimize(f, start, o);
        o.seed = 7;
        const auto exactSeeded = gs::optimize(f, start, o);
        o.noise = 0.3;
        const auto a = gs::optimize(f, start, o);
        const auto b = gs::optimize(f, start, o);
        o.seed = 8;
        const auto c = gs::optimize(f, start, o);
        QCOMPARE(a.steps.size(), b.steps.size());
        bool differsFromExact = false, differsFromOtherSeed = false;
        for (std::size_t k = 0; k < a.steps.size(); ++k) {
            QVERIFY(a.steps[k].x == b.steps[k].x); // bit for bit
            QVERIFY(a.steps[k].state.gradient == b.steps[k].state.gradient);
            differsFromExact |= k < exact.steps.size() && a.steps[k].x != exact.steps[k].x;
            differsFromOtherSeed |= k < c.steps.size() && a.steps[k].x != c.steps[k].x;
        }
        QVERIFY(differsFromExact);
        QVERIFY(differsFromOtherSeed);
        QCOMPARE(exact.steps.size(), exactSeeded.steps.size());
        for (std::size_t k = 0; k < exact.steps.size(); ++k)
            QVERIFY(exact.steps[k].x == exactSeeded.steps[k].x);
    }

    // The state recorded per iteration is the one the rule computes: Adam's m and v, the
    // effective step eta / (sqrt(v-hat) + eps), the step x_{k+1} - x_k; momentum's velocity.
    void stateIsRecorded() {
        gs::OptimizerOptions o;
        o.method = Method::Adam;
        o.maxSteps = 5;
        o.tolerance = 0;
        const Vector2d start(-1.2, 1.0);
        auto run = gs::optimize(parse(kQuadratic), start, o);
        Vector2d m = Vector2d::Zero(), v = Vector2d::Zero();
        for (int k = 0; k < 5; ++k) {
            const auto& st = run.steps[std::size_t(k)].state;
            const Vector2d g = quadraticGrad(run.steps[std::size_t(k)].x);
            QVERIFY((Vector2d(st.gradient) - g).norm() <= 1e-14 * (1 + g.norm()));
            m = o.beta1 * m + (1 - o.beta1) * g;
            v = o.beta2 * v + (1 - o.beta2) * Vector2d(g.x() * g.x(), g.y() * g.y());
            QVERIFY((Vector2d(st.moment) - m).norm() <= 1e-14 * (1 + m.norm()));
            QVERIFY((Vector2d(st.secondMoment) - v).norm() <= 1e-14 * (1 + v.norm()));
            for (int i = 0; i < 2; ++i) {
                const double vhat = v[i] / (1 - std::pow(o.beta2, k + 1));
                const double rate = o.learningRate / (std::sqrt(vhat) + o.epsilon);
                QVERIFY(std::abs(st.rate[i] - rate) <= 1e-14 * rate);
            }
            const Vector2d update = run.steps[std::size_t(k + 1)].x - run.steps[std::size_t(k)].x;
            QCOMPARE(Vector2d(st.update), update);
            QCOMPARE(st.updateNorm, update.norm());
        }
        // The last iterate took no step: its gradient only.
        QCOMPARE(run.steps.back().state.update.size(), Eigen::Index(0));
        QCOMPARE(run.steps.back().state.gradient.size(), Eigen::Index(2));
        // Momentum: the velocity is the step; no second moment.
        o.method = Method::Momentum;
        run = gs::optimize(parse(kQuadratic), start, o);
        QCOMPARE(run.steps[2].state.moment, run.steps[2].state.update);
        QCOMPARE(run.steps[2].state.secondMoment.size(), Eigen::Index(0));
    }

    void quadraticDetection_data() {
        QTest::addColumn<QString>("function");
        QTest::addColumn<bool>("quadratic");
        QTest::newRow("x^2+3*x*y") << "x^2+3*x*y" << true;
        QTest::newRow("x^3") << "x^3" << false;
        QTest::newRow("x*exp(y)") << "x*exp(y)" << false;
        QTest::newRow("affine") << "2*x - y/4 + 7" << true;
        QTest::newRow("constant") << "0*x + 3" << true;
        QTest::newRow("statements") << "a = x - y; a*a/2 + exp(1)*x" << true;
        QTest::newRow("power of a sum") << "(x + 2*y)^2 - (x - y)^2" << true;
        QTest::newRow("cubic by products") << "x*y*x" << false;
        QTest::newRow("square of a square") << "(x^2)^2" << false;
        QTest::newRow("division by x") << "y/x" << false;
        QTest::newRow("half power") << "x^0.5" << false;
        QTest::newRow("variable exponent") << "2^x" << false;
        QTest::newRow("constant function of a constant") << "sqrt(2)*x^2" << true;
        QTest::newRow("function of x") << "sqrt(x^2)" << false;
        QTest::newRow("x^0") << "x^0 + y" << true;
    }
    void quadraticDetection() {
        QFETCH(QString, function);
        QFETCH(bool, quadratic);
        const auto f = parse(qPrintable(function));
        QCOMPARE(gs::isQuadratic(f), quadratic);
        QCOMPARE(
            gs::quadraticModel(f, Eigen::VectorXd::Zero(Eigen::Index(f.inputCount()))).has_value(),
            quadratic);
    }

    // The quadratic model: eigenvalues (5 -+ sqrt 5)/2 of [[3, 1], [1, 2]], the minimizer
    // A^-1 b, the stability limit 2/lambda_max and the optimal rate 2/(lambda_min+lambda_max)
    // = 2/trace = 0.4, from any point.
    void quadraticModel() {
        const auto q = gs::quadraticModel(parse(kQuadratic), Vector2d(5, -7));
        QVERIFY(q.has_value());
        const double lmin = (5 - std::sqrt(5.0)) / 2, lmax = (5 + std::sqrt(5.0)) / 2;
        QVERIFY(std::abs(q->eigenvalues[0] - lmin) <= 1e-15 * 8);
        QVERIFY(std::abs(q->eigenvalues[1] - lmax) <= 1e-15 * 8);
        Eigen::Matrix2d a;
        a << 3, 1, 1, 2;
        const Vector2d minimum = a.ldlt().solve(Vector2d(1, -1));
        QVERIFY(q->hasCriticalPoint());
        QVERIFY((q->criticalPoint - minimum).norm() <= 1e-14);
        QVERIFY(std::abs(*q->stabilityLimit - 2 / lmax) <= 1e-15);
        QVERIFY(std::abs(*q->optimalRate - 0.4) <= 1e-15);
        // Indefinite: no limit, no optimal rate; a critical point (the saddle) all the same.
        const auto saddle = gs::quadraticModel(parse("x^2 - y^2"), Vector2d(1, 1));
        QVERIFY(!saddle->stabilityLimit && !saddle->optimalRate);
        QVERIFY(saddle->hasCriticalPoint() && saddle->criticalPoint.norm() == 0);
        // Singular: no critical point.
        QVERIFY(!gs::quadraticModel(parse("x^2 + y"), Vector2d(1, 1))->hasCriticalPoint());
    }

    // Gradient descent on f = 1/2 x^T A x: along eigenvector i the error is multiplied by
    // 1 - eta lambda_i every step, lambda = (5 -+ sqrt 5)/2 by hand.
    void eigenDirectionsGradientDescent() {
        const auto f = parse("1.5*x^2 + x*y + y^2");
        gs::OptimizerOptions o;
        o.learningRate = 0.1;
        o.maxSteps = 20;
        o.tolerance = 0;
        const auto run = gs::optimize(f, Vector2d(1, -2), o);
        const auto q = gs::quadraticModel(f, Vector2d(1, -2));
        const auto errors = gs::eigenDirectionErrors(*q, run);
        const auto predicted = gs::predictedFactors(*q, o);
        QVERIFY(errors && predicted);
        const double lambda[] = {(5 - std::sqrt(5.0)) / 2, (5 + std::sqrt(5.0)) / 2};
        for (int i = 0; i < 2; ++i) {
            const double factor = 1 - o.learningRate * lambda[i]; // positive here
            QVERIFY(std::abs((*predicted)[i] - factor) <= 1e-15);
            for (int k = 0; k < o.maxSteps; ++k) {
                const double ratio = (*errors)(k + 1, i) / (*errors)(k, i);
                QVERIFY2(std::abs(ratio - factor) <= 1e-12 * factor,
                         qPrintable(QStringLiteral("direction %1 step %2: %3 vs %4")
                                        .arg(i)
                                        .arg(k)
                                        .arg(ratio, 0, 'g', 17)
                                        .arg(factor, 0, 'g', 17)));
            }
        }
        // Momentum and the adaptive methods are not gradient descent: Adam has no prediction.
        o.method = Method::Adam;
        QVERIFY(!gs::predictedFactors(*q, o));
    }

    // Heavy ball along eigenvector i: e_{k+1} = (1 + beta - eta lambda) e_k - beta e_{k-1};
    // the decay per step is the spectral radius of [[1 + beta - eta lambda, -beta], [1, 0]],
    // computed here by Eigen's general eigen-solver, and observed on the run.
    void eigenDirectionsHeavyBall_data() {
        QTest::addColumn<double>("beta");
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        // Complex roots in both directions (|mu| = sqrt 0.5): the decay is measured over a
        // long window, as the pair (e_k, e_{k-1}) turns.
        QTest::newRow("beta 0.5, underdamped") << 0.5 << 10 << 300;
        // Real roots (0.843 and 0.560): the faster direction reaches the rounding of the
        // slower one near step 80, so the window ends before.
        QTest::newRow("beta 0.1, overdamped") << 0.1 << 10 << 40;
    }
    void eigenDirectionsHeavyBall() {
        QFETCH(double, beta);
        QFETCH(int, from);
        QFETCH(int, to);
        const auto f = parse("1.5*x^2 + x*y + y^2");
        gs::OptimizerOptions o;
        o.method = Method::Momentum;
        o.learningRate = 0.1;
        o.momentum = beta;
        o.maxSteps = to;
        o.tolerance = 0;
        const auto run = gs::optimize(f, Vector2d(1, -2), o);
        const auto q = gs::quadraticModel(f, Vector2d(0, 0));
        const auto errors = gs::eigenDirectionErrors(*q, run);
        const auto predicted = gs::predictedFactors(*q, o);
        QVERIFY(errors && predicted);
        const double lambda[] = {(5 - std::sqrt(5.0)) / 2, (5 + std::sqrt(5.0)) / 2};
        for (int i = 0; i < 2; ++i) {
            const double a = 1 + beta - o.learningRate * lambda[i];
            Eigen::Matrix2d m;
            m << a, -beta, 1, 0;
            const double rho =
                Eigen::EigenSolver<Eigen::Matrix2d>(m).eigenvalues().cwiseAbs().maxCoeff();
            QVERIFY2(std::abs((*predicted)[i] - rho) <= 1e-12 * rho,
                     qPrintable(QStringLiteral("%1 vs %2").arg((*predicted)[i]).arg(rho)));
            const auto e = [&](int k) { return (*errors)(k, i); };
            // The recurrence, step by step, while the direction is well above the rounding
            // of x (the faster direction of beta 0.1 falls below it relatively soon).
            for (int k = 1; k < 10; ++k)
                QVERIFY(std::abs(e(k + 1) - (a * e(k) - beta * e(k - 1))) <=
                        1e-12 * (std::abs(e(k)) + std::abs(e(k - 1))));
            const double observed = std::pow(
                std::hypot(e(to), e(to - 1)) / std::hypot(e(from), e(from - 1)), 1.0 / (to - from));
            QVERIFY2(std::abs(observed - rho) <= 0.02 * rho,
                     qPrintable(QStringLiteral("direction %1: observed %2, predicted %3")
                                    .arg(i)
                                    .arg(observed)
                                    .arg(rho)));
        }
    }

    // Every point of a sweep is exactly the single run at its learning rate; on the
    // quadratic, gradient descent converges below 2/lambda_max and diverges above it.
    void sweepAgreesWithSingleRuns_data() {
        QTest::addColumn<Method>("method");
        QTest::addColumn<double>("noise");
        QTest::newRow("gd") << Method::GradientDescent << 0.0;
        QTest::newRow("adam, noise") << Method::Adam << 0.2;
        QTest::newRow("qhm") << Method::QHM << 0.0;
        QTest::newRow("gd-linesearch") << Method::GradientDescentLineSearch << 0.0;
    }
    void sweepAgreesWithSingleRuns() {
        QFETCH(Method, method);
        QFETCH(double, noise);
        const auto f = parse(kQuadratic);
        const Vector2d start(-1.2, 1.0);
        gs::SweepOptions s;
        s.base.method = method;
        s.base.maxSteps = 2000;
        s.base.tolerance = 1e-8;
        s.base.noise = noise;
        s.base.seed = 3;
        s.base.escapeRadius = 1e6;
        s.lrMin = 1e-3;
        s.lrMax = 2;
        s.count = 24;
        s.threads = 3;
        QVERIFY(!gs::checkSweep(s));
        const auto result = gs::sweepLearningRate(f, start, s);
        QCOMPARE(result.points.size(), std::size_t(24));
        QCOMPARE(result.points.front().learningRate, 1e-3);
        QCOMPARE(result.points.back().learningRate, 2.0);
        for (std::size_t i = 0; i < result.points.size(); ++i) {
            const auto& p = result.points[i];
            // log-spaced: eta_i = 1e-3 (2000)^(i/23)
            QVERIFY(std::abs(p.learningRate - 1e-3 * std::pow(2000.0, double(i) / 23)) <=
                    1e-13 * p.learningRate);
            gs::OptimizerOptions o = s.base;
            o.learningRate = p.learningRate;
            const auto single = gs::optimize(f, start, o);
            QCOMPARE(p.steps, single.stepCount());
            QVERIFY(p.reason == single.reason);
            QVERIFY(p.finalValue == single.steps.back().value ||
                    (std::isnan(p.finalValue) && std::isnan(single.steps.back().value)));
        }
        QVERIFY(result.quadratic && result.quadratic->stabilityLimit);
        if (method == Method::GradientDescent) {
            const double limit = *result.quadratic->stabilityLimit;
            bool sawConverged = false, sawDiverged = false;
            for (const auto& p : result.points) {
                if (p.learningRate > 1.01 * limit) {
                    QVERIFY(p.diverged());
                    sawDiverged = true;
                } else if (p.learningRate > 0.05 && p.learningRate < 0.99 * limit) {
                    QVERIFY(p.converged());
                    sawConverged = true;
                }
            }
            QVERIFY(sawConverged && sawDiverged);
        }
    }

    void sweepChecksItsOptions() {
        gs::SweepOptions s;
        QVERIFY(!gs::checkSweep(s));
        s.lrMin = 1;
        s.lrMax = 0.5;
        QCOMPARE(QString::fromStdString(gs::checkSweep(s)->field), QStringLiteral("lr_range"));
        s.lrMax = 2;
        s.count = 1;
        QCOMPARE(QString::fromStdString(gs::checkSweep(s)->field), QStringLiteral("count"));
        // The range's ends are declared once (optiontable.h): above 0, at most 1000.
        s.count = 60;
        s.lrMin = 0;
        QCOMPARE(QString::fromStdString(gs::checkSweep(s)->requirement),
                 QStringLiteral("above 0 and at most 1000"));
        s.lrMin = 1e-4;
        s.lrMax = 1001;
        QCOMPARE(QString::fromStdString(gs::checkSweep(s)->field), QStringLiteral("lr_range"));
        s.lrMax = 10;
        QVERIFY(!gs::checkSweep(s));
        const auto values = gs::logSpaced(1e-4, 10, 6);
        const double expected[] = {1e-4, 1e-3, 1e-2, 1e-1, 1, 10};
        for (int i = 0; i < 6; ++i)
            QVERIFY(std::abs(values[std::size_t(i)] - expected[i]) <= 1e-14 * expected[i]);
    }

    // A sweep stopped before it starts runs nothing and says so; one left alone counts every
    // run as it finishes (what the window's progress bar reads).
    void sweepStopsAndCountsItsRuns() {
        const auto f = parse(kQuadratic);
        gs::SweepOptions s;
        s.count = 40;
        s.threads = 2;
        std::atomic<int> finished{0};
        s.finished = &finished;
        std::stop_source stop;
        s.stop = stop.get_token();
        const auto full = gs::sweepLearningRate(f, Vector2d(-1.2, 1.0), s);
        QVERIFY(!full.cancelled);
        QCOMPARE(finished.load(), 40);
        QVERIFY(full.quadratic);
        finished = 0;
        stop.request_stop();
        const auto none = gs::sweepLearningRate(f, Vector2d(-1.2, 1.0), s);
        QVERIFY(none.cancelled);
        QCOMPARE(finished.load(), 0);
        for (const auto& p : none.points)
            QCOMPARE(p.learningRate, 0.0); // not run
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
        // Tester s13: on x^3 + y^2 the run stops at x = 5.8e-4 (3 x^2 = 1e-6) where
        // H = diag(6x, 2) is positive definite, but the critical point it approaches, (0, 0),
        // has H = diag(0, 2) and f is unbounded below: not a minimum. At 2 x* - x, beyond
        // Newton's estimate x* = x/2, the curvature along x vanishes: degenerate.
        QTest::newRow("cubic: a degenerate saddle")
            << "x^3 + y^2" << Vector2d(0.5, 1) << "degenerate";
        // A true minimum with a cubic term beside it, f'' = 2 + 6x: still a minimum.
        QTest::newRow("cubic term, true minimum")
            << "x^2 + x^3 + y^2" << Vector2d(0.3, 1) << "minimum";
    }
    void endPointClassification() {
        QFETCH(QString, function);
        QFETCH(Vector2d, start);
        QFETCH(QString, expected);
        gs::OptimizerOptions o;
        o.learningRate = 0.25;
        o.maxSteps = 10000; // the cubic's x_k ~ 4 / (3 k) takes about 2,300
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
