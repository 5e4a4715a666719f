#include "evaluation.h"

#include "gridkernel.h"
#include "tape.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <memory>
#include <string_view>
#include <thread>

namespace gs {

double applyBinary(Op op, double a, double b) {
    switch (op) {
    case Op::Add:
        return a + b;
    case Op::Sub:
        return a - b;
    case Op::Mul:
        return a * b;
    case Op::Div:
        return a / b;
    case Op::Pow:
        return std::pow(a, b);
    default:
        return std::nan("");
    }
}

namespace {

struct DoubleOps {
    double constant(double c) const { return c; }
    double unary(Op op, double x) const { return applyUnary(op, x); }
    double binary(Op op, double a, double b) const { return applyBinary(op, a, b); }
    double powConst(double a, double c) const { return std::pow(a, c); }
};

// Below this many points per thread, starting a thread costs more than it saves.
constexpr Eigen::Index kMinPointsPerThread = 32768;
using detail::GridStep;
using detail::kGridAlign;
using detail::kGridChunk;

// The sweep of one chunk as steps over slots of a work area: inputs in slots [0, inputs), then
// the constants the sweep reads (filled once per thread), then the other nodes, each slot
// reused once its node's last reader has run (about ten live slots of 8 KB: inside L1/L2).
struct GridPlan {
    std::vector<GridStep> steps;
    std::vector<std::pair<int, double>> constants; // slot, value
    int slots = 0;
    int outputSlot = 0;
};

GridPlan planGrid(const Expression& f) {
    const auto& nodes = f.nodes();
    const int count = static_cast<int>(nodes.size());
    GridPlan plan;
    plan.slots = static_cast<int>(f.inputCount());
    std::vector<int> slot(nodes.size(), -1), lastUse(nodes.size(), -1);
    for (int i = 0; i < count; ++i) {
        const Node& n = nodes[std::size_t(i)];
        if (!n.variable || n.op == Op::Input)
            continue;
        if (n.a >= 0)
            lastUse[std::size_t(n.a)] = i;
        if (n.b >= 0)
            lastUse[std::size_t(n.b)] = i;
    }
    const int output = f.output();
    std::vector<int> freeSlots;
    auto constantSlot = [&](int node) {
        auto& s = slot[std::size_t(node)];
        if (s < 0) {
            s = plan.slots++;
            plan.constants.emplace_back(s, nodes[std::size_t(node)].value);
        }
        return s;
    };
    for (int i = 0; i < count; ++i) {
        const Node& n = nodes[std::size_t(i)];
        if (!n.variable) {
            if (i == output)
                constantSlot(i);
            continue;
        }
        if (n.op == Op::Input) {
            slot[std::size_t(i)] = n.input;
            continue;
        }
        GridStep step;
        step.op = n.op;
        const auto operand = [&](int node) {
            return nodes[std::size_t(node)].variable ? slot[std::size_t(node)] : constantSlot(node);
        };
        step.a = operand(n.a);
        step.b = n.b >= 0 ? operand(n.b) : step.a;
        // A constant exponent (however written: -1, 1+1, n = -1; x^n) gets the power rule,
        // which also holds for negative bases and integer exponents.
        if (n.op == Op::Pow && !nodes[std::size_t(n.b)].variable) {
            step.constExponent = true;
            step.c = nodes[std::size_t(n.b)].value;
        }
        // Operands read for the last time free their slots first, so dst may be one of them
        // (element-wise operations allow that).
        for (int operandNode : {n.a, n.b}) {
            if (operandNode < 0 || lastUse[std::size_t(operandNode)] != i)
                continue;
            const Node& o = nodes[std::size_t(operandNode)];
            if (o.variable && o.op != Op::Input && operandNode != output) {
                freeSlots.push_back(slot[std::size_t(operandNode)]);
                lastUse[std::size_t(operandNode)] = -1; // n.a == n.b: free once
            }
        }
        if (!freeSlots.empty()) {
            step.dst = freeSlots.back();
            freeSlots.pop_back();
        } else {
            step.dst = plan.slots++;
        }
        slot[std::size_t(i)] = step.dst;
        plan.steps.push_back(step);
    }
    plan.outputSlot = output >= 0 ? slot[std::size_t(output)] : -1;
    return plan;
}

// The kernel sampleGrid uses, chosen once (simdLevel()).
struct KernelChoice {
    std::atomic<SimdLevel> level;
    KernelChoice()
        : level(startLevel()) {}
    static SimdLevel startLevel() {
        const char* forced = std::getenv("GRADSCAPE_SIMD");
        if (forced && std::string_view(forced) == "baseline")
            return SimdLevel::Baseline;
        if (forced && std::string_view(forced) == "avx2" && simdLevelAvailable(SimdLevel::Avx2Fma))
            return SimdLevel::Avx2Fma;
        return bestSimdLevel();
    }
};

KernelChoice& kernelChoice() {
    static KernelChoice choice;
    return choice;
}

detail::GridKernel kernelFor(SimdLevel level) {
#ifdef GS_GRID_KERNEL_AVX2
    if (level == SimdLevel::Avx2Fma)
        return detail::kernel_avx2::runGridChunk;
    if (level == SimdLevel::Avx512)
        return detail::kernel_avx512::runGridChunk;
#endif
    (void)level;
    return detail::kernel_baseline::runGridChunk;
}

// Writes f at points [0, count) into out[0, count); `fill(start, n, work)` writes the inputs
// of points [start, start + n) into the work area's first slots (input k at k * kGridChunk).
// Chunks always start at multiples of kGridChunk and each is computed alone by the same
// kernel, so the result is the same bit for bit whatever the number of threads; contiguous
// runs of chunks go to `threads` threads (0: every core), never more than one per
// kMinPointsPerThread points.
template <class Fill>
void evaluateChunked(const Expression& f, Eigen::Index count, double* out, Fill fill, int threads) {
    const GridPlan plan = planGrid(f);
    if (plan.outputSlot < 0) { // a vector or matrix value: no scalar to sample
        std::fill(out, out + count, std::numeric_limits<double>::quiet_NaN());
        return;
    }
    const detail::GridKernel kernel = kernelFor(simdLevel());
    auto run = [&](Eigen::Index firstChunk, Eigen::Index lastChunk) {
        const std::size_t doubles = std::size_t(plan.slots) * std::size_t(kGridChunk);
        std::vector<double> memory(doubles + kGridAlign / sizeof(double));
        void* p = memory.data();
        std::size_t space = memory.size() * sizeof(double);
        double* work =
            static_cast<double*>(std::align(kGridAlign, doubles * sizeof(double), p, space));
        for (const auto& [s, value] : plan.constants)
            std::fill_n(work + s * kGridChunk, kGridChunk, value);
        for (Eigen::Index c = firstChunk; c < lastChunk; ++c) {
            const Eigen::Index start = c * kGridChunk;
            const Eigen::Index n = std::min(kGridChunk, count - start);
            fill(start, n, work);
            kernel(plan.steps.data(), plan.steps.size(), n, work);
            std::copy_n(work + plan.outputSlot * kGridChunk, n, out + start);
        }
    };
    const Eigen::Index chunks = (count + kGridChunk - 1) / kGridChunk;
    const Eigen::Index cores = threads > 0 ? threads : evaluationThreads();
    const Eigen::Index workers =
        std::clamp<Eigen::Index>(std::min(cores, count / kMinPointsPerThread), 1, chunks);
    if (workers <= 1) {
        run(0, chunks);
        return;
    }
    std::vector<std::jthread> pool;
    pool.reserve(std::size_t(workers - 1));
    for (Eigen::Index w = 1; w < workers; ++w)
        pool.emplace_back(run, chunks * w / workers, chunks * (w + 1) / workers);
    run(0, chunks / workers); // this thread takes the first share
}

} // namespace

double evaluate(const Expression& f, const Eigen::VectorXd& x) {
    return evaluateNodes(f, x)[static_cast<std::size_t>(f.output())];
}

ConstantValue evaluateConstant(std::string_view text) {
    // 'text' followed by what is wrong with it (appended: GCC 12 warns falsely on
    // "'" + std::string(...)).
    const auto quoted = [](std::string_view what, std::string_view rest) {
        std::string m(1, '\'');
        m.append(what).append("' ").append(rest);
        return m;
    };
    std::string_view word = text;
    while (!word.empty() && (word.front() == ' ' || word.front() == '+' || word.front() == '-'))
        word.remove_prefix(1);
    while (!word.empty() && word.back() == ' ')
        word.remove_suffix(1);
    if (isReservedName(word)) // nan, inf: the parser's "reserved name" would puzzle here
        return {0.0, quoted(text, "is not a finite number")};
    const ParseResult r = Expression::parse(text);
    if (!r.ok())
        return {0.0, "column " + std::to_string(r.error->column) + ": " + r.error->message};
    const Expression& e = *r.expression;
    // Free names parse as inputs: here they are names without a value.
    if (e.inputCount() > 0)
        return {0.0, quoted(e.inputs().front(), "is not a number: type a number or an "
                                                "expression of numbers, e.g. log(2) or pi/4")};
    const double v = evaluate(e, Eigen::VectorXd());
    if (std::isnan(v))
        return {v, quoted(text, "is undefined (not a number)")};
    if (std::isinf(v))
        return {v, quoted(text, v > 0 ? "is not a finite number (it is +inf)"
                                      : "is not a finite number (it is -inf)")};
    return {v, {}};
}

std::vector<double> evaluateNodes(const Expression& f, const Eigen::VectorXd& x) {
    std::vector<double> inputs(x.data(), x.data() + x.size());
    inputs.resize(f.inputCount(), 0.0);
    return detail::forwardPass(f, inputs, DoubleOps{});
}

SimdLevel simdLevel() {
    return kernelChoice().level.load(std::memory_order_relaxed);
}

bool simdLevelAvailable(SimdLevel level) {
    if (level == SimdLevel::Baseline)
        return true;
#ifdef GS_GRID_KERNEL_AVX2
    // libgcc's check includes the OS saving the AVX (and AVX-512) registers (XGETBV).
    __builtin_cpu_init();
    const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    if (level == SimdLevel::Avx2Fma)
        return avx2;
    return avx2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
           __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw");
#else
    return false;
#endif
}

bool setSimdLevel(SimdLevel level) {
    if (!simdLevelAvailable(level))
        return false;
    kernelChoice().level.store(level, std::memory_order_relaxed);
    return true;
}

SimdLevel bestSimdLevel() {
    for (SimdLevel level : {SimdLevel::Avx512, SimdLevel::Avx2Fma})
        if (simdLevelAvailable(level))
            return level;
    return SimdLevel::Baseline;
}

const char* simdLevelName(SimdLevel level) {
    switch (level) {
    case SimdLevel::Avx512:
        return "AVX-512";
    case SimdLevel::Avx2Fma:
        return "AVX2+FMA";
    case SimdLevel::Baseline:
        break;
    }
    return "baseline (SSE2)";
}

int evaluationThreads() {
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

Eigen::ArrayXXd sampleGrid(const Expression& f, const GridSpec& g, const Eigen::VectorXd& base,
                           int threads) {
    const Eigen::Index total = Eigen::Index(g.nx) * g.ny;
    const auto inputs = static_cast<int>(f.inputCount());
    Eigen::ArrayXd xs(g.nx), ys(g.ny);
    for (int i = 0; i < g.nx; ++i)
        xs[i] = g.x(i);
    for (int j = 0; j < g.ny; ++j)
        ys[j] = g.y(j);
    // Point p = i + nx * j, so the column-major result is z(i, j).
    Eigen::ArrayXXd z(g.nx, g.ny);
    evaluateChunked(
        f, total, z.data(),
        [&](Eigen::Index start, Eigen::Index n, double* work) {
            // Runs along x: a copy of xs for the x input, a constant y_j for the y input (no
            // division per point, which would cost more than exp).
            for (int k = 0; k < inputs; ++k) {
                double* a = work + k * kGridChunk;
                if (k != g.axisX && k != g.axisY) {
                    std::fill_n(a, n, k < base.size() ? base[k] : 0.0);
                    continue;
                }
                Eigen::Index p = 0;
                int i = static_cast<int>(start % g.nx), j = static_cast<int>(start / g.nx);
                while (p < n) {
                    const Eigen::Index run = std::min<Eigen::Index>(n - p, g.nx - i);
                    if (k == g.axisX)
                        std::copy_n(xs.data() + i, run, a + p);
                    else
                        std::fill_n(a + p, run, ys[j]);
                    p += run;
                    i = 0;
                    ++j;
                }
            }
        },
        threads);
    return z;
}

} // namespace gs
