// libFuzzer target over the engine: parse, evaluate at a point and on a small grid, exact
// derivatives (forward and reverse mode), Taylor models, classification, the critical-point
// search and the computational graph. The first bytes choose the point, the rest is the text.
// Built by the `fuzz` preset (clang, -fsanitize=fuzzer,address,undefined); scripts/fuzz runs it.
#include "cpubudget.h"
#include "criticalpoints.h"
#include "curvature.h"
#include "derivatives.h"
#include "evaluation.h"
#include "expression.h"
#include "graph.h"
#include "surface.h"
#include "taylor.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

// Points worth trying: zero, units, tiny and huge values, and where functions are singular.
constexpr double kValues[] = {0.0,  1.0,   -1.0,  0.5,    -2.0,  3.141592653589793,
                              1e-3, -1e-3, 1e3,   -1e308, 1e308, 4.9e-324,
                              2.0,  -0.5,  0.999, 1.001};

// Jets cost n^2 per node: keep each input fast enough that 1 s is never reached.
constexpr std::size_t kMaxInputs = 6;
constexpr std::size_t kMaxNodesForGraph = 400;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2)
        return 0;
    const gs::fuzz::CpuBudget budget; // 2 s of CPU per input (cpubudget.h), whatever the load
    const std::uint8_t pointSeed = data[0];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    const gs::ParseResult parsed = gs::Expression::parse(text);
    if (!parsed.ok()) {
        (void)gs::caretDiagram(text, *parsed.error);
        return 0;
    }
    const gs::Expression& f = *parsed.expression;
    const std::size_t n = f.inputCount();
    if (n > kMaxInputs)
        return 0;
    Eigen::VectorXd x(static_cast<Eigen::Index>(n));
    for (std::size_t i = 0; i < n; ++i)
        x[Eigen::Index(i)] = kValues[(pointSeed + 5 * i) % std::size(kValues)];

    (void)gs::evaluate(f, x);
    const gs::Derivatives d = gs::derivatives(f, x);
    const gs::CurvatureAnalysis c = gs::analyzeCurvature(d, x);
    (void)c.eigenvaluesToTolerance();
    (void)gs::approximationCheck(f, d, x, Eigen::VectorXd::Constant(x.size(), 0.01));
    (void)gs::reverseGradient(f, x);
    if (f.nodes().size() <= kMaxNodesForGraph)
        (void)gs::buildGraph(f, x, gs::Granularity::Operations);

    // A small grid: the surface, the models at the point, the critical points.
    gs::GridSpec grid;
    grid.nx = grid.ny = 9;
    if (n >= 2) {
        const gs::SurfaceSample s = gs::sampleSurface(f, grid, x);
        (void)gs::expand(f, x, grid, 5, Eigen::VectorXd::Constant(x.size(), 0.01));
        (void)gs::findCriticalPoints(f, grid, x);
        (void)s;
    } else if (n == 1) {
        gs::IntervalSpec interval;
        interval.n = 17;
        (void)gs::findCriticalPoints(f, interval, x);
    }
    return 0;
}
