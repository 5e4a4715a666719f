// The grid kernel (gridkernel.h), compiled once per instruction set: GS_KERNEL_NS names the
// build (kernel_baseline, kernel_avx2, kernel_avx512) and the compiler flags choose Eigen's
// packets (SSE2: 2 doubles, AVX2+FMA: 4, AVX-512: 8). Eigen vectorizes when it is compiled, so the
// flags must be this file's, not the caller's.
//
// No template instantiated here may be shared with another object file: the linker keeps one
// copy of each weak symbol, and an AVX2 copy of, say, Eigen's assignment loop chosen for the
// baseline build would crash a CPU without AVX2. So every Eigen expression below goes through
// a functor of this file's anonymous namespace (`Local<F>`): a template whose arguments have
// internal linkage has internal linkage itself. Work memory is the caller's (no std::vector or
// Eigen storage here). The CTest `grid_kernel_symbols` checks the objects for shared weak
// symbols.

#include "gridkernel.h"

#include "functions.h"

#include <Eigen/Core>
#include <cmath>
#include <cstring>

#ifndef GS_KERNEL_NS
#error "GS_KERNEL_NS must name this build of the grid kernel"
#endif

namespace gs::detail::GS_KERNEL_NS {
namespace {

// Eigen's functor F with internal linkage (same packet and scalar code, same traits).
template <class F> struct Local : F { using F::F; };

} // namespace
} // namespace gs::detail::GS_KERNEL_NS

namespace Eigen::internal {
template <class F> struct functor_traits<gs::detail::GS_KERNEL_NS::Local<F>> : functor_traits<F> {};
} // namespace Eigen::internal

namespace gs::detail::GS_KERNEL_NS {
namespace {

using Slot = Eigen::Map<Eigen::ArrayXd, Eigen::Aligned64>;
using ConstSlot = Eigen::Map<const Eigen::ArrayXd, Eigen::Aligned64>;
namespace ei = Eigen::internal;

template <class F> void unary(Slot& d, const ConstSlot& a) {
    d = a.unaryExpr(Local<F>());
}

template <class F> void binary(Slot& d, const ConstSlot& a, const ConstSlot& b) {
    d = a.binaryExpr(b, Local<F>());
}

} // namespace

void runGridChunk(const GridStep* steps, std::size_t count, std::ptrdiff_t n, double* work) {
    for (std::size_t i = 0; i < count; ++i) {
        const GridStep& s = steps[i];
        Slot d(work + s.dst * kGridChunk, n);
        const ConstSlot a(work + s.a * kGridChunk, n), b(work + s.b * kGridChunk, n);
        switch (s.op) {
        case Op::Add:
            binary<ei::scalar_sum_op<double, double>>(d, a, b);
            break;
        case Op::Sub:
            binary<ei::scalar_difference_op<double, double>>(d, a, b);
            break;
        case Op::Mul:
            binary<ei::scalar_product_op<double, double>>(d, a, b);
            break;
        case Op::Div:
            binary<ei::scalar_quotient_op<double, double>>(d, a, b);
            break;
        case Op::Pow:
            if (!s.constExponent)
                d = a.binaryExpr(b, [](double p, double q) { return std::pow(p, q); });
            else if (s.c == 2.0)
                unary<ei::scalar_square_op<double>>(d, a); // a*a
            else if (s.c == 3.0)
                unary<ei::scalar_cube_op<double>>(d, a); // a*a*a
            else if (s.c == 0.5)
                unary<ei::scalar_sqrt_op<double>>(d, a);
            else if (s.c == 1.0)
                std::memmove(d.data(), a.data(), sizeof(double) * std::size_t(n));
            else
                binary<ei::scalar_pow_op<double, double>>(d, a, b);
            break;
        // The language's functions with a packet form in Eigen (functions.cpp: `vectorized`).
        case Op::Neg:
            unary<ei::scalar_opposite_op<double>>(d, a);
            break;
        case Op::Exp:
            unary<ei::scalar_exp_op<double>>(d, a);
            break;
        case Op::Log:
            unary<ei::scalar_log_op<double>>(d, a);
            break;
        case Op::Sqrt:
            unary<ei::scalar_sqrt_op<double>>(d, a);
            break;
        case Op::Sin:
            unary<ei::scalar_sin_op<double>>(d, a);
            break;
        case Op::Cos:
            unary<ei::scalar_cos_op<double>>(d, a);
            break;
        case Op::Tan:
            unary<ei::scalar_tan_op<double>>(d, a);
            break;
        case Op::Asin:
            unary<ei::scalar_asin_op<double>>(d, a);
            break;
        case Op::Acos:
            unary<ei::scalar_acos_op<double>>(d, a);
            break;
        case Op::Atan:
            unary<ei::scalar_atan_op<double>>(d, a);
            break;
        case Op::Sinh:
            unary<ei::scalar_sinh_op<double>>(d, a);
            break;
        case Op::Cosh:
            unary<ei::scalar_cosh_op<double>>(d, a);
            break;
        case Op::Tanh:
            unary<ei::scalar_tanh_op<double>>(d, a);
            break;
        case Op::Abs:
            unary<ei::scalar_abs_op<double>>(d, a);
            break;
        default: // the table's scalar value, point by point (sigmoid, softplus)
            d = a.unaryExpr([op = s.op](double v) { return applyUnary(op, v); });
        }
    }
}

} // namespace gs::detail::GS_KERNEL_NS
