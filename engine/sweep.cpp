#include "sweep.h"

#include "curvature.h"
#include "derivatives.h"

#include <Eigen/Dense>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

namespace gs {

namespace {

constexpr int kNotPolynomial = -1;
constexpr int kAboveQuadratic = 3; // every degree above 2 is reported as this

int capped(int degree) {
    return std::min(degree, kAboveQuadratic);
}

} // namespace

int polynomialDegree(const Expression& f) {
    const auto& nodes = f.nodes();
    std::vector<int> degree(nodes.size(), 0);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const Node& node = nodes[i];
        if (!node.variable) { // folded to a constant by the parser
            degree[i] = 0;
            continue;
        }
        const int a = node.a >= 0 ? degree[std::size_t(node.a)] : 0;
        const int b = node.b >= 0 ? degree[std::size_t(node.b)] : 0;
        const bool polynomialOperands = a != kNotPolynomial && b != kNotPolynomial;
        int d = kNotPolynomial;
        switch (node.op) {
        case Op::Input:
            d = 1;
            break;
        case Op::Add:
        case Op::Sub:
            if (polynomialOperands)
                d = std::max(a, b);
            break;
        case Op::Neg:
            d = a;
            break;
        case Op::Mul:
            if (polynomialOperands)
                d = capped(a + b);
            break;
        case Op::Div: // p / c is a polynomial; p / q (q depending on an input) is not
            if (polynomialOperands && !nodes[std::size_t(node.b)].variable)
                d = a;
            break;
        case Op::Pow: { // p ^ k with a constant whole k >= 0
            const Node& exponent = nodes[std::size_t(node.b)];
            const double k = exponent.value;
            if (a != kNotPolynomial && !exponent.variable && k >= 0 && k == std::floor(k))
                d = k == 0 ? 0 : capped(int(std::min(k, double(kAboveQuadratic))) * a);
            break;
        }
        default: // exp, log, sqrt, sin, abs, ...: not polynomials of a variable argument
            break;
        }
        degree[i] = d;
    }
    return degree[std::size_t(f.output())];
}

bool isQuadratic(const Expression& f) {
    const int d = polynomialDegree(f);
    return d != kNotPolynomial && d <= 2;
}

std::optional<QuadraticModel> quadraticModel(const Expression& f, const Eigen::VectorXd& at) {
    if (hessianNotComputed(f) || !isQuadratic(f) || at.size() != Eigen::Index(f.inputCount()))
        return std::nullopt;
    const Derivatives d = derivatives(f, at);
    QuadraticModel q;
    q.hessian = d.hessian;
    const auto n = at.size();
    if (n == 0)
        return q;
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(q.hessian);
    q.eigenvalues = eig.eigenvalues();
    q.eigenvectors = eig.eigenvectors();
    const double scale = q.eigenvalues.cwiseAbs().maxCoeff();
    const double tol = relativeTolerance() * scale;
    const bool nonsingular = scale > 0 && (q.eigenvalues.array().abs() > tol).all();
    if (nonsingular) {
        // x* = x0 - H^-1 g0 = x0 - V diag(1/lambda) V^T g0
        q.criticalPoint = at - q.eigenvectors * ((q.eigenvectors.transpose() * d.gradient).array() /
                                                 q.eigenvalues.array())
                                                    .matrix();
    }
    if (nonsingular && q.eigenvalues[0] > 0) {
        const double lmin = q.eigenvalues[0], lmax = q.eigenvalues[n - 1];
        q.stabilityLimit = 2 / lmax;
        q.optimalRate = 2 / (lmin + lmax);
    }
    return q;
}

double gradientDescentFactor(double eta, double lambda) {
    return std::abs(1 - eta * lambda);
}

double heavyBallFactor(double eta, double beta, double lambda) {
    // mu^2 - a mu + beta = 0 with a = 1 + beta - eta lambda: the eigenvalues of M.
    const double a = 1 + beta - eta * lambda;
    const double disc = a * a - 4 * beta;
    if (disc < 0)
        return std::sqrt(beta); // complex pair: |mu|^2 = mu mu-bar = beta
    // The larger root without cancellation: mu1 = (a + sign(a) sqrt(disc)) / 2, mu2 = beta / mu1.
    const double mu1 = 0.5 * (a + std::copysign(std::sqrt(disc), a));
    const double mu2 = mu1 != 0 ? beta / mu1 : 0.0;
    return std::max(std::abs(mu1), std::abs(mu2));
}

std::optional<Eigen::MatrixXd> eigenDirectionErrors(const QuadraticModel& q,
                                                    const Trajectory& run) {
    if (!q.hasCriticalPoint())
        return std::nullopt;
    Eigen::MatrixXd errors(Eigen::Index(run.steps.size()), q.eigenvalues.size());
    for (std::size_t k = 0; k < run.steps.size(); ++k)
        errors.row(Eigen::Index(k)) =
            (q.eigenvectors.transpose() * (run.steps[k].x - q.criticalPoint)).transpose();
    return errors;
}

std::optional<Eigen::VectorXd> predictedFactors(const QuadraticModel& q,
                                                const OptimizerOptions& o) {
    if (o.method != Method::GradientDescent && o.method != Method::Momentum)
        return std::nullopt;
    Eigen::VectorXd factors(q.eigenvalues.size());
    for (Eigen::Index i = 0; i < factors.size(); ++i)
        factors[i] = o.method == Method::GradientDescent
                         ? gradientDescentFactor(o.learningRate, q.eigenvalues[i])
                         : heavyBallFactor(o.learningRate, o.momentum, q.eigenvalues[i]);
    return factors;
}

std::vector<double> logSpaced(double a, double b, int n) {
    std::vector<double> values;
    if (n <= 0)
        return values;
    if (n == 1)
        return {a};
    const double la = std::log(a), lb = std::log(b);
    values.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i)
        values.push_back(i == 0       ? a
                         : i == n - 1 ? b
                                      : std::exp(la + (lb - la) * double(i) / double(n - 1)));
    return values;
}

std::optional<OptionProblem> checkSweep(const SweepOptions& s) {
    if (auto problem = checkOptions(s.base))
        return problem;
    if (auto problem = checkOption(options::sweepFrom, s.lrMin))
        return problem;
    if (auto problem = checkOption(options::sweepTo, s.lrMax))
        return problem;
    if (!(s.lrMin < s.lrMax))
        return OptionProblem{"lr_range", "a range from a smaller to a larger learning rate"};
    if (auto problem = checkOption(options::sweepCount, s.count))
        return problem;
    if (s.threads < 0)
        return OptionProblem{"threads", "at least 0"};
    return std::nullopt;
}

SweepResult sweepLearningRate(const Expression& f, const Eigen::VectorXd& start,
                              const SweepOptions& s) {
    SweepResult result;
    const std::vector<double> rates = logSpaced(s.lrMin, s.lrMax, s.count);
    result.points.resize(rates.size());
    // Each worker takes the next unclaimed rate and writes only its own slot; the
    // expression is immutable and optimize() owns its state (and its noise generator).
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    auto work = [&] {
        for (std::size_t i = next++; i < rates.size() && !s.stop.stop_requested(); i = next++) {
            OptimizerOptions o = s.base;
            o.learningRate = rates[i];
            const Trajectory t = optimize(f, start, o);
            SweepPoint& p = result.points[i];
            p.learningRate = rates[i];
            p.finalValue = t.steps.back().value;
            p.finalGradientNorm = t.steps.back().gradientNorm;
            p.steps = t.stepCount();
            p.reason = t.reason;
            p.divergence = t.divergence;
            ++done;
            if (s.finished)
                ++*s.finished;
        }
    };
    const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t threads =
        std::min<std::size_t>(rates.size(), s.threads > 0 ? std::size_t(s.threads) : hardware);
    {
        std::vector<std::jthread> workers;
        for (std::size_t i = 1; i < threads; ++i)
            workers.emplace_back(work);
        work(); // this thread works too
    }           // the jthreads join here
    result.cancelled = done < rates.size();
    if (result.cancelled)
        return result;
    result.quadratic = quadraticModel(f, start);
    return result;
}

} // namespace gs
