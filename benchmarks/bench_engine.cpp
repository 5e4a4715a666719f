// The typed expression x*exp(-x^2-y^2) on a 1000 x 1000 grid beside the same
// formula written by hand in C++, in one run, single thread. Then the gradient of a sum of
// n squares by reverse mode next to one evaluation, and the forward-mode jets at small n.
#include "derivatives.h"
#include "evaluation.h"
#include "expression.h"
#include "graph.h"

#include <benchmark/benchmark.h>
#include <cmath>

namespace {

const gs::GridSpec kGrid = [] {
    gs::GridSpec g;
    g.nx = g.ny = 1000;
    return g;
}();

void typedExpression(benchmark::State& state) {
    const auto f = *gs::Expression::parse("x*exp(-x^2-y^2)").expression;
    for (auto _ : state) {
        Eigen::ArrayXXd z = gs::sampleGrid(f, kGrid, Eigen::Vector2d::Zero());
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

} // namespace

BENCHMARK(evaluateSquares)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMicrosecond);
BENCHMARK(reverseGradientSquares)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMicrosecond);
BENCHMARK(forwardJetSquares)->Arg(10)->Arg(30)->Arg(100)->Unit(benchmark::kMicrosecond);
BENCHMARK(buildGraphSquares)->Arg(1000)->Unit(benchmark::kMicrosecond);
BENCHMARK(typedExpression)->Unit(benchmark::kMillisecond);
BENCHMARK(handWritten)->Unit(benchmark::kMillisecond);
BENCHMARK(parse)->Unit(benchmark::kMicrosecond);
BENCHMARK(exactGradientAndHessian)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
