// The typed expression x*exp(-x^2-y^2) on a 1000 x 1000 grid beside the same
// formula written by hand in C++, in one run, single thread. Then the gradient of a sum of
// n squares by reverse mode next to one evaluation, and the forward-mode jets at small n;
// and the critical-point search at the default resolution (101 x 101), whose target is 50 ms.
#include "criticalpoints.h"
#include "derivatives.h"
#include "evaluation.h"
#include "expression.h"
#include "graph.h"
#include "sweep.h"

#include <benchmark/benchmark.h>
#include <cmath>
#include <cstdint>
#include <string>

namespace {

const gs::GridSpec kGrid = [] {
    gs::GridSpec g;
    g.nx = g.ny = 1000;
    return g;
}();

// Arg: threads (1: one core, 0: every core). Wall time is what the person waits for.
void typedExpression(benchmark::State& state) {
    const auto f = *gs::Expression::parse("x*exp(-x^2-y^2)").expression;
    const int threads = int(state.range(0));
    for (auto _ : state) {
        Eigen::ArrayXXd z = gs::sampleGrid(f, kGrid, Eigen::Vector2d::Zero(), threads);
        benchmark::DoNotOptimize(z.data());
    }
    state.SetItemsProcessed(state.iterations() * kGrid.nx * kGrid.ny);
}

void handWritten(benchmark::State& state) {
    for (auto _ : state) {
        Eigen::ArrayXXd z(kGrid.nx, kGrid.ny);
        for (int j = 0; j < kGrid.ny; ++j) {
            const double y = kGrid.y(j);
            for (int i = 0; i < kGrid.nx; ++i) {
                const double x = kGrid.x(i);
                z(i, j) = x * std::exp(-x * x - y * y);
            }
        }
        benchmark::DoNotOptimize(z.data());
    }
    state.SetItemsProcessed(state.iterations() * kGrid.nx * kGrid.ny);
}

void parse(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(gs::Expression::parse("x*exp(-x^2-y^2)"));
}

void exactGradientAndHessian(benchmark::State& state) {
    const auto f = *gs::Expression::parse("x*exp(-x^2-y^2)").expression;
    const Eigen::Vector2d p(-1, 0);
    for (auto _ : state)
        benchmark::DoNotOptimize(gs::derivatives(f, p));
}

// x1^2 + ... + xn^2 and a point with every coordinate different.
struct SumOfSquares {
    gs::Expression f;
    Eigen::VectorXd x;
};

SumOfSquares sumOfSquares(int n) {
    std::string text;
    for (int i = 1; i <= n; ++i) {
        text += i > 1 ? " + x" : "x";
        text += std::to_string(i);
        text += "^2";
    }
    return {*gs::Expression::parse(text).expression, Eigen::VectorXd::LinSpaced(n, -1, 1)};
}

void evaluateSquares(benchmark::State& state) {
    const auto s = sumOfSquares(int(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(gs::evaluate(s.f, s.x));
}

void reverseGradientSquares(benchmark::State& state) {
    const auto s = sumOfSquares(int(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(gs::reverseGradient(s.f, s.x));
}

// The engine's forward-mode jets: value, gradient and n x n Hessian per node.
void forwardJetSquares(benchmark::State& state) {
    const auto s = sumOfSquares(int(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(gs::derivatives(s.f, s.x));
}

// The graph the backpropagation view shows: operations, local partials, adjoints.
void buildGraphSquares(benchmark::State& state) {
    const auto s = sumOfSquares(int(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(gs::buildGraph(s.f, s.x, gs::Granularity::Operations));
}

// The search as the window runs it: 101 x 101 samples of f and grad f, candidate cells,
// Newton, classification, extremes on the domain.
void criticalPoints(benchmark::State& state, const char* text, double half) {
    const auto f = *gs::Expression::parse(text).expression;
    gs::GridSpec g;
    g.xmin = g.ymin = -half;
    g.xmax = g.ymax = half;
    for (auto _ : state)
        benchmark::DoNotOptimize(gs::findCriticalPoints(f, g, Eigen::Vector2d::Zero()));
}

// Only the vectorized sweep of f and grad f over the same grid.
void gradientSample(benchmark::State& state) {
    const auto f = *gs::Expression::parse("x*exp(-x^2-y^2)").expression;
    for (auto _ : state)
        benchmark::DoNotOptimize(gs::sampleGradient(f, gs::GridSpec{}, Eigen::Vector2d::Zero()));
}

// The learning-rate sweep as --sweep runs it: Adam on Rosenbrock from (-1.2, 1), 60 rates
// from 1e-4 to 10, 1000 steps each; Arg = worker threads (1: serial).
void learningRateSweep(benchmark::State& state) {
    const auto f = *gs::Expression::parse("(1-x)^2 + 100*(y-x^2)^2").expression;
    gs::SweepOptions s;
    s.base.method = gs::Method::Adam;
    s.base.maxSteps = 1000;
    s.threads = int(state.range(0));
    for (auto _ : state)
        benchmark::DoNotOptimize(gs::sweepLearningRate(f, Eigen::Vector2d(-1.2, 1), s));
}

// The book's matrix factorization |X - UV|^2 with X 50 x 40, U 50 x 5 constants and V 5 x 40
// the input (200 scalars): parsed once (scalarized: about 26,000 scalar nodes), then one
// evaluation, one reverse-mode gradient, and the parse itself. Fixed pseudo-random entries.
gs::Expression factorization() {
    std::uint64_t state = 12345;
    auto next = [&state] { // a small LCG: the same numbers on every machine
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return double(state >> 11) / double(1ULL << 53) - 0.5;
    };
    auto literal = [&](int rows, int cols) {
        std::string s = "[";
        for (int i = 0; i < rows; ++i) {
            s += i ? ", [" : "[";
            for (int j = 0; j < cols; ++j)
                s += (j ? ", " : "") + std::to_string(next());
            s += "]";
        }
        return s + "]";
    };
    std::string text = "X = " + literal(50, 40);
    text += "; U = " + literal(50, 5);
    text += "; f = norm(X - U * V)^2";
    return *gs::Expression::parse(text, {"V[5,40]"}).expression;
}

void factorizationEvaluate(benchmark::State& state) {
    const gs::Expression f = factorization();
    const Eigen::VectorXd v = Eigen::VectorXd::LinSpaced(200, -1, 1);
    for (auto _ : state)
        benchmark::DoNotOptimize(gs::evaluate(f, v));
    state.counters["nodes"] = double(f.nodes().size());
}

void factorizationGradient(benchmark::State& state) {
    const gs::Expression f = factorization();
    const Eigen::VectorXd v = Eigen::VectorXd::LinSpaced(200, -1, 1);
    for (auto _ : state)
        benchmark::DoNotOptimize(gs::reverseGradient(f, v));
    state.counters["nodes"] = double(f.nodes().size());
}

void factorizationParse(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(factorization());
}

} // namespace

BENCHMARK(factorizationEvaluate)->Unit(benchmark::kMicrosecond);
BENCHMARK(factorizationGradient)->Unit(benchmark::kMicrosecond);
BENCHMARK(factorizationParse)->Unit(benchmark::kMillisecond);
BENCHMARK(evaluateSquares)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMicrosecond);
BENCHMARK(reverseGradientSquares)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMicrosecond);
BENCHMARK(forwardJetSquares)->Arg(10)->Arg(30)->Arg(100)->Unit(benchmark::kMicrosecond);
BENCHMARK(buildGraphSquares)->Arg(1000)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(criticalPoints, book, "x*exp(-x^2-y^2)", 2.0)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(criticalPoints, himmelblau, "(x^2+y-11)^2+(x+y^2-7)^2", 5.0)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(criticalPoints, circleOfMinima, "(x^2+y^2-1)^2", 2.0)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(gradientSample)->Unit(benchmark::kMillisecond);
BENCHMARK(typedExpression)->Arg(1)->Arg(0)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(handWritten)->Unit(benchmark::kMillisecond);
BENCHMARK(parse)->Unit(benchmark::kMicrosecond);
BENCHMARK(exactGradientAndHessian)->Unit(benchmark::kMicrosecond);
BENCHMARK(learningRateSweep)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_MAIN();
