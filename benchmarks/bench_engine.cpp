// The typed expression x*exp(-x^2-y^2) on a 1000 x 1000 grid beside the same
// formula written by hand in C++, in one run, single thread; and the critical-point
// search at the default resolution (101 x 101), whose target is 50 ms.
#include "criticalpoints.h"
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

} // namespace

BENCHMARK_CAPTURE(criticalPoints, book, "x*exp(-x^2-y^2)", 2.0)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(criticalPoints, himmelblau, "(x^2+y-11)^2+(x+y^2-7)^2", 5.0)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(criticalPoints, circleOfMinima, "(x^2+y^2-1)^2", 2.0)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(gradientSample)->Unit(benchmark::kMillisecond);
BENCHMARK(typedExpression)->Unit(benchmark::kMillisecond);
BENCHMARK(handWritten)->Unit(benchmark::kMillisecond);
BENCHMARK(parse)->Unit(benchmark::kMicrosecond);
BENCHMARK(exactGradientAndHessian)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
