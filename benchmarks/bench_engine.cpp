// The typed expression x*exp(-x^2-y^2) on a 1000 x 1000 grid beside the same
// formula written by hand in C++, in one run, single thread.
#include "derivatives.h"
#include "evaluation.h"
#include "expression.h"

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

} // namespace

BENCHMARK(typedExpression)->Unit(benchmark::kMillisecond);
BENCHMARK(handWritten)->Unit(benchmark::kMillisecond);
BENCHMARK(parse)->Unit(benchmark::kMicrosecond);
BENCHMARK(exactGradientAndHessian)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
