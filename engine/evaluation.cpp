#include "evaluation.h"

#include "tape.h"

#include <algorithm>
#include <cmath>
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

using Array = Eigen::ArrayXd;

// Whole-array versions of the table's functions and applyBinary; Eigen vectorizes exp, log,
// sqrt, sin, cos, tanh.
struct ArrayOps {
    Eigen::Index size;
    Array constant(double c) const { return Array::Constant(size, c); }
    // The table's vectorized form where it has one, else its scalar value per element.
    Array unary(Op op, const Array& x) const {
        const FunctionEntry* e = functionEntry(op);
        if (e && e->array)
            return e->array(x);
        return x.unaryExpr([op](double v) { return applyUnary(op, v); });
    }
    Array binary(Op op, const Array& a, const Array& b) const {
        switch (op) {
        case Op::Add:
            return a + b;
        case Op::Sub:
            return a - b;
        case Op::Mul:
            return a * b;
        case Op::Div:
            return a / b;
        default:
            return a.binaryExpr(b, [](double p, double q) { return std::pow(p, q); });
        }
    }
    Array powConst(const Array& a, double c) const {
        if (c == 2.0)
            return a.square();
        if (c == 3.0)
            return a.cube();
        if (c == 0.5)
            return a.sqrt();
        if (c == 1.0)
            return a;
        return a.pow(c);
    }
};

// 1024 points x ~10 live nodes x 8 bytes = 80 KB: inside L2, and few enough chunks
// that per-chunk allocation stays small (measured: 512 was 25% slower).
constexpr Eigen::Index kChunk = 1024;
// Below this many points per thread, starting a thread costs more than it saves.
constexpr Eigen::Index kMinPointsPerThread = 32768;

// Writes f at points [0, count) into out[0, count); `fill` sets the inputs of one chunk.
// Writes f at points [0, count) into out[0, count); `fill` sets the inputs of one chunk.
// Chunks always start at multiples of kChunk and each is computed alone, so the result is the
// same bit for bit whatever the number of threads; contiguous runs of chunks go to `threads`
// threads (0: every core), never more than one per kMinPointsPerThread points.
template <class Fill>
void evaluateChunked(const Expression& f, Eigen::Index count, double* out, Fill fill, int threads) {
    auto run = [&](Eigen::Index firstChunk, Eigen::Index lastChunk) {
        std::vector<Array> inputs(f.inputCount());
        for (Eigen::Index c = firstChunk; c < lastChunk; ++c) {
            const Eigen::Index start = c * kChunk;
            const Eigen::Index n = std::min(kChunk, count - start);
            for (auto& in : inputs)
                in.resize(n);
            fill(start, n, inputs);
            const auto values = detail::forwardPass(f, inputs, ArrayOps{n});
            Eigen::Map<Eigen::ArrayXd>(out + start, n) =
                values[static_cast<std::size_t>(f.output())];
        }
    };
    const Eigen::Index chunks = (count + kChunk - 1) / kChunk;
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

std::vector<double> evaluateNodes(const Expression& f, const Eigen::VectorXd& x) {
    std::vector<double> inputs(x.data(), x.data() + x.size());
    inputs.resize(f.inputCount(), 0.0);
    return detail::forwardPass(f, inputs, DoubleOps{});
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
        [&](Eigen::Index start, Eigen::Index n, auto& in) {
            // Walk (i, j) incrementally: a division per point would cost more than exp.
            const int i0 = static_cast<int>(start % g.nx), j0 = static_cast<int>(start / g.nx);
            for (int k = 0; k < inputs; ++k) {
                auto& a = in[static_cast<std::size_t>(k)];
                if (k == g.axisX || k == g.axisY) {
                    int i = i0, j = j0;
                    for (Eigen::Index p = 0; p < n; ++p) {
                        a[p] = k == g.axisX ? xs[i] : ys[j];
                        if (++i == g.nx) {
                            i = 0;
                            ++j;
                        }
                    }
                } else {
                    a.setConstant(k < base.size() ? base[k] : 0.0);
                }
            }
        },
        threads);
    return z;
}

} // namespace gs
