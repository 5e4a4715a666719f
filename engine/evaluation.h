#pragma once
// Values of an expression: at one point, and vectorized over many points or a grid.
// Outside a function's domain (log of a negative, 1/0) the result is NaN or +-inf,
// never an exception, so views can leave holes.

#include "expression.h"
#include "functions.h"

#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

namespace gs {

/// f(x) for x in input order.
double evaluate(const Expression& f, const Eigen::VectorXd& x);

/// A number typed as an expression of numbers, for the window's number boxes: "log(2)",
/// "pi/4", "2^-10", "1e-3". `error` says what is wrong and where (empty when `value` is a
/// finite number): a parse error with its column, a name that is not a constant, a value that
/// is not finite ("1e999", "log(-1)").
struct ConstantValue {
    double value = 0.0;
    std::string error;
};
ConstantValue evaluateConstant(std::string_view text);

/// Every node's value at x (the forward pass), indexed like Expression::nodes().
std::vector<double> evaluateNodes(const Expression& f, const Eigen::VectorXd& x);

/// A regular grid over two of the inputs; the other inputs stay at a base point.
struct GridSpec {
    double xmin = -2, xmax = 2, ymin = -2, ymax = 2;
    int nx = 101, ny = 101;
    int axisX = 0, axisY = 1; ///< which inputs vary along x and y

    double x(int i) const { return nx > 1 ? xmin + (xmax - xmin) * i / (nx - 1) : xmin; }
    double y(int j) const { return ny > 1 ? ymin + (ymax - ymin) * j / (ny - 1) : ymin; }
};

/// z(i, j) = f at (x_i, y_j) with the other inputs taken from `base`. Large grids are split
/// over `threads` threads (0: every core); the result is the same bit for bit for any count.
Eigen::ArrayXXd sampleGrid(const Expression& f, const GridSpec& grid, const Eigen::VectorXd& base,
                           int threads = 0);

/// The instruction sets the grid kernel is built for (sampleGrid's inner loop, gridkernel.h).
enum class SimdLevel {
    Baseline, ///< any x86-64 (SSE2), or the compiler's default elsewhere
    Avx2Fma,  ///< x86-64 with AVX2 and FMA (x86-64-v3)
    Avx512,   ///< x86-64 with AVX-512 F, DQ, VL and BW besides (x86-64-v4)
};
/// The level sampleGrid uses. Chosen once at start-up: the best this CPU has, or the level
/// the environment variable GRADSCAPE_SIMD names (`baseline`, `avx2`, when available).
/// Results are the same bit for bit for a given level (and any number of threads); two
/// levels differ by a few ulp.
SimdLevel simdLevel();
/// Whether this build and this CPU can run `level`.
bool simdLevelAvailable(SimdLevel level);
/// Uses `level` from now on (tests, benchmarks); false, and no change, when not available.
bool setSimdLevel(SimdLevel level);
/// The best level this build and CPU can run.
SimdLevel bestSimdLevel();
/// "AVX-512", "AVX2+FMA", "baseline (SSE2)".
const char* simdLevelName(SimdLevel level);

/// The number of threads grid evaluation uses by default: the machine's cores.
int evaluationThreads();

/// +, -, *, /, ^ on doubles.
double applyBinary(Op op, double a, double b);

} // namespace gs
