// One iteration taken apart (stepexplain.h): every number of every sub-step and every arrow
// against the method's update rule run by hand here, coordinate by coordinate, with the
// gradient of the quadratic written out (not the engine's).
#include "stepexplain.h"
#include "sweep.h"

#include <Eigen/Dense>
#include <QTest>
#include <cmath>
#include <limits>

using Eigen::Vector2d;
using gs::Method;

namespace {

// f = 1/2 x^T A x - b^T x with A = [[3, 1], [1, 2]], b = (1, -1): grad = A x - b.
const char* kQuadratic = "0.5*(3*x^2 + 2*x*y + 2*y^2) - x + y";
Vector2d grad(const Vector2d& p) {
    return {3 * p.x() + p.y() - 1, p.x() + 2 * p.y() + 1};
}

// A few dozen roundings separate the engine's vector arithmetic from the loop below.
constexpr double kTolerance = 64 * std::numeric_limits<double>::epsilon();

bool close(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
    return a.size() == b.size() &&
           ((a - b).array().abs() <= kTolerance * (1 + b.array().abs())).all();
}

// What the hand-run method had at iteration k.
struct Hand {
    Vector2d x = Vector2d::Zero(), g = Vector2d::Zero(), moment = Vector2d::Zero(),
             moment0 = Vector2d::Zero(), second = Vector2d::Zero(), second0 = Vector2d::Zero(),
             rate = Vector2d::Zero(), mhat = Vector2d::Zero(), vhat = Vector2d::Zero(),
             update = Vector2d::Zero(), momentStep = Vector2d::Zero();
};

Hand byHand(Method method, const gs::OptimizerOptions& o, Vector2d x, int iteration) {
    Vector2d m = Vector2d::Zero(), s = Vector2d::Zero();
    Hand h;
    for (int k = 0; k <= iteration; ++k) {
        const double t = k + 1, eta = o.learningRate;
        h = Hand{};
        h.x = x;
        h.moment0 = m;
        h.second0 = s;
        Vector2d g = grad(x);
        if (method == Method::Nesterov)
            g = grad(Vector2d(x + o.momentum * m));
        h.g = g;
        for (int i = 0; i < 2; ++i) {
            switch (method) {
            case Method::Momentum:
            case Method::Nesterov:
                h.momentStep[i] = o.momentum * m[i];
                m[i] = o.momentum * m[i] - eta * g[i];
                h.update[i] = m[i];
                h.rate[i] = eta;
                break;
            case Method::QHM:
                m[i] = o.momentum * m[i] + (1 - o.momentum) * g[i];
                h.update[i] = -eta * ((1 - o.nu) * g[i] + o.nu * m[i]);
                h.momentStep[i] = -eta * o.nu * m[i];
                h.rate[i] = eta;
                break;
            case Method::AdaGrad:
                s[i] += g[i] * g[i];
                h.rate[i] = eta / (std::sqrt(s[i]) + o.epsilon);
                h.update[i] = -h.rate[i] * g[i];
                break;
            case Method::RMSProp:
                s[i] = o.rho * s[i] + (1 - o.rho) * g[i] * g[i];
                h.rate[i] = eta / (std::sqrt(s[i]) + o.epsilon);
                h.update[i] = -h.rate[i] * g[i];
                break;
            case Method::Adam:
            case Method::QHAdam: {
                m[i] = o.beta1 * m[i] + (1 - o.beta1) * g[i];
                s[i] = o.beta2 * s[i] + (1 - o.beta2) * g[i] * g[i];
                h.mhat[i] = m[i] / (1 - std::pow(o.beta1, t));
                h.vhat[i] = s[i] / (1 - std::pow(o.beta2, t));
                if (method == Method::Adam) {
                    h.rate[i] = eta / (std::sqrt(h.vhat[i]) + o.epsilon);
                    h.update[i] = -h.rate[i] * h.mhat[i];
                    h.momentStep[i] = -eta * h.mhat[i];
                } else {
                    h.rate[i] = eta / (std::sqrt((1 - o.nu2) * g[i] * g[i] + o.nu2 * h.vhat[i]) +
                                       o.epsilon);
                    h.update[i] = -h.rate[i] * ((1 - o.nu1) * g[i] + o.nu1 * h.mhat[i]);
                    h.momentStep[i] = -eta * o.nu1 * h.mhat[i];
                }
                break;
            }
            default: // gradient descent
                h.update[i] = -eta * g[i];
                h.rate[i] = eta;
                break;
            }
        }
        h.moment = m;
        h.second = s;
        x += h.update;
    }
    return h;
}

const gs::StepQuantity* find(const gs::StepExplanation& e, const std::string& title,
                             const std::string& symbol) {
    for (const gs::SubStep& s : e.subSteps)
        if (s.title == title)
            for (const gs::StepQuantity& q : s.quantities)
                if (q.symbol == symbol)
                    return &q;
    return nullptr;
}

} // namespace

Q_DECLARE_METATYPE(Method)

class TestStepExplain : public QObject {
    Q_OBJECT
private slots:
    void matchesTheRuleByHand_data() {
        QTest::addColumn<Method>("method");
        QTest::addColumn<int>("subSteps");
        QTest::newRow("gd") << Method::GradientDescent << 2;
        QTest::newRow("momentum") << Method::Momentum << 3;
        QTest::newRow("nesterov") << Method::Nesterov << 3;
        QTest::newRow("qhm") << Method::QHM << 3;
        QTest::newRow("adagrad") << Method::AdaGrad << 4;
        QTest::newRow("rmsprop") << Method::RMSProp << 4;
        QTest::newRow("adam") << Method::Adam << 4;
        QTest::newRow("qhadam") << Method::QHAdam << 4;
    }

    void matchesTheRuleByHand() {
        QFETCH(Method, method);
        QFETCH(int, subSteps);
        gs::OptimizerOptions o;
        o.method = method;
        o.learningRate = 0.05;
        o.maxSteps = 6;
        o.tolerance = 1e-14;
        const auto f = gs::Expression::parse(kQuadratic).expression;
        QVERIFY(f);
        const Vector2d start(1.5, -1.0);
        const gs::Trajectory run = gs::optimize(*f, start, o);
        QCOMPARE(run.stepCount(), 6);
        QCOMPARE(gs::subStepCount(method), subSteps);
        for (int k : {0, 3, 5}) {
            const auto e = gs::explainStep(run, o, k);
            QVERIFY(e);
            const Hand h = byHand(method, o, start, k);
            QCOMPARE(int(e->subSteps.size()), subSteps);
            QCOMPARE(e->subSteps.front().title, std::string("gradient"));
            QCOMPARE(e->subSteps.back().title, std::string("step"));
            QVERIFY(close(find(*e, "gradient", "g")->value, h.g));
            QVERIFY(close(find(*e, "step", "Δx")->value, h.update));
            QVERIFY(close(find(*e, "step", "x′")->value, h.x + h.update));
            QVERIFY(close(e->arrows.point, h.x));
            QVERIFY(close(e->arrows.update, h.update));
            QVERIFY(close(e->arrows.gradientStep, -o.learningRate * h.g));
            switch (method) {
            case Method::Momentum:
            case Method::Nesterov:
                QVERIFY(close(find(*e, "velocity", "v")->value, h.moment0));
                QVERIFY(close(find(*e, "velocity", "v′")->value, h.moment));
                QVERIFY(close(e->arrows.momentStep, h.momentStep));
                // The picture's sum: the carried velocity plus the gradient step is the step.
                QVERIFY(close(e->arrows.momentStep + e->arrows.gradientStep, h.update));
                QVERIFY(e->arrows.rate.size() == 0);
                break;
            case Method::QHM:
                QVERIFY(close(find(*e, "momentum buffer", "b")->value, h.moment0));
                QVERIFY(close(find(*e, "momentum buffer", "b′")->value, h.moment));
                QVERIFY(close(e->arrows.momentStep, h.momentStep));
                break;
            case Method::AdaGrad:
                QVERIFY(close(find(*e, "accumulate", "G")->value, h.second0));
                QVERIFY(close(find(*e, "accumulate", "G′")->value, h.second));
                QVERIFY(close(find(*e, "scaling", "r")->value, h.rate));
                QVERIFY(close(e->arrows.rate, h.rate));
                QVERIFY(e->arrows.momentStep.size() == 0);
                break;
            case Method::RMSProp:
                QVERIFY(close(find(*e, "running mean", "E")->value, h.second0));
                QVERIFY(close(find(*e, "running mean", "E′")->value, h.second));
                QVERIFY(close(e->arrows.rate, h.rate));
                break;
            case Method::Adam:
            case Method::QHAdam:
                QVERIFY(close(find(*e, "moments", "m")->value, h.moment0));
                QVERIFY(close(find(*e, "moments", "v′")->value, h.second));
                QVERIFY(close(find(*e, "scaling", "m̂")->value, h.mhat));
                QVERIFY(close(find(*e, "scaling", "v̂")->value, h.vhat));
                QVERIFY(
                    close(find(*e, "scaling", "t")->value, Eigen::VectorXd::Constant(1, k + 1)));
                QVERIFY(close(e->arrows.rate, h.rate));
                QVERIFY(close(e->arrows.momentStep, h.momentStep));
                break;
            default:
                QVERIFY(close(find(*e, "step", "η")->value, Eigen::VectorXd::Constant(1, 0.05)));
                break;
            }
        }
        // The last iterate takes no step; nothing before the start.
        QVERIFY(!gs::explainStep(run, o, 6));
        QVERIFY(!gs::explainStep(run, o, -1));
    }

    void newtonHasThreeSubSteps() {
        gs::OptimizerOptions o;
        o.method = Method::Newton;
        const auto f = gs::Expression::parse(kQuadratic).expression;
        const gs::Trajectory run = gs::optimize(*f, Eigen::Vector2d(1.5, -1.0), o);
        const auto e = gs::explainStep(run, o, 0);
        QVERIFY(e);
        QCOMPARE(int(e->subSteps.size()), 3);
        // A pure Newton step on a quadratic lands on x* = A^-1 b = (0.6, -0.8) in one step:
        // its direction d = -H^-1 g = x* - x0 = (-0.9, 0.2), shown between g and the step.
        QVERIFY(close(find(*e, "Newton direction", "d")->value, Eigen::Vector2d(-0.9, 0.2)));
        // The H it was solved with is shown with g (tester s18: only g was): A.
        const gs::StepQuantity* h = find(*e, "gradient", "H");
        QVERIFY(h);
        Eigen::Matrix2d a;
        a << 3, 1, 1, 2;
        QVERIFY(h->matrix.rows() == 2 && h->matrix.cols() == 2);
        QVERIFY((h->matrix - a).cwiseAbs().maxCoeff() <= kTolerance * a.cwiseAbs().maxCoeff());
        QVERIFY(close(find(*e, "step", "x′")->value, Eigen::Vector2d(0.6, -0.8)));
        QVERIFY(close(find(*e, "step", "t")->value, Eigen::VectorXd::Constant(1, 1.0)));
        QVERIFY(e->arrows.gradientStep.size() == 0); // no eta g: Newton does not take one
        // d is drawn with its sub-step (tester s19b: the text gave d, the plot nothing).
        QVERIFY(close(e->arrows.momentStep, Eigen::Vector2d(-0.9, 0.2)));
        QCOMPARE(e->arrows.momentRole, std::string("Newton direction"));
    }

    void predictedEigenErrorsFollowTheFactors() {
        // Gradient descent on f = x^2 + 10 y^2 (H = diag(2, 20)) with eta = 0.05: along x
        // e <- (1 - 0.1) e, along y e <- (1 - 1) e = 0; from (1, 1) the errors are exactly
        // (0.9^k, 0) after the first step, and the prediction says the same.
        gs::OptimizerOptions o;
        o.learningRate = 0.05;
        o.maxSteps = 8;
        o.tolerance = 0;
        const auto f = gs::Expression::parse("x^2 + 10*y^2").expression;
        const gs::Trajectory run = gs::optimize(*f, Eigen::Vector2d(1, 1), o);
        const auto q = gs::quadraticModel(*f, Eigen::Vector2d(1, 1));
        QVERIFY(q && q->hasCriticalPoint());
        const auto errors = gs::eigenDirectionErrors(*q, run);
        const auto factors = gs::predictedFactors(*q, o);
        QVERIFY(errors && factors);
        const Eigen::MatrixXd predicted = gs::predictedEigenErrors(*errors, *factors);
        QCOMPARE(predicted.rows(), errors->rows());
        for (Eigen::Index k = 0; k < predicted.rows(); ++k) {
            // Eigenvalues ascending: column 0 is x (lambda 2), column 1 is y (lambda 20).
            QVERIFY(std::abs(predicted(k, 0) - std::pow(0.9, double(k))) <=
                    kTolerance * std::pow(0.9, double(k)));
            QCOMPARE(predicted(k, 1), k == 0 ? 1.0 : 0.0);
            QVERIFY(std::abs(std::abs((*errors)(k, 0)) - predicted(k, 0)) <= kTolerance);
        }
        // Mismatched sizes: nothing rather than garbage.
        QCOMPARE(gs::predictedEigenErrors(*errors, Eigen::VectorXd::Ones(3)).rows(), 0);
    }
};

QTEST_APPLESS_MAIN(TestStepExplain)
#include "test_stepexplain.moc"
