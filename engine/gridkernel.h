#pragma once
// The grid evaluator's inner loop: one chunk of points swept through the expression's DAG on
// Eigen arrays. gridkernel.cpp is compiled more than once, each time for one instruction set
// and into its own namespace (CMake: engine/CMakeLists.txt); evaluation.cpp chooses one when
// the program starts (the best the CPU has) and plans each sweep. Only plain data crosses
// this interface (no Eigen or standard-library object), so no code compiled for one
// instruction set can be shared with, or replace, code compiled for another.

#include "expression.h"

#include <cstddef>

namespace gs::detail {

/// Points per chunk. Slot s of a chunk's work area is work[s * kGridChunk, s * kGridChunk + n).
/// 256 points are 2 KB a slot, so the slots of a typical expression stay in the L1 cache
/// between steps (bench_grid, one core with AVX-512: 1.5 ms at 256 against 1.8 ms at 1024).
inline constexpr std::ptrdiff_t kGridChunk = 256;
/// Alignment of the work area in bytes (a cache line; an AVX-512 register).
inline constexpr std::size_t kGridAlign = 64;

/// One step of the sweep: slot `dst` = op(slot `a`, slot `b`). A `constExponent` Pow is the
/// power rule's a^c with c = `c` (slot b holds c too, for the general case).
struct GridStep {
    Op op = Op::Constant;
    int dst = 0, a = 0, b = 0;
    bool constExponent = false;
    double c = 0;
};

/// Runs `count` steps over n <= kGridChunk points of the work area (aligned to kGridAlign).
using GridKernel = void (*)(const GridStep* steps, std::size_t count, std::ptrdiff_t n,
                            double* work);

// One declaration per build of gridkernel.cpp.
namespace kernel_baseline {
void runGridChunk(const GridStep* steps, std::size_t count, std::ptrdiff_t n, double* work);
}
#ifdef GS_GRID_KERNEL_AVX2
namespace kernel_avx2 {
void runGridChunk(const GridStep* steps, std::size_t count, std::ptrdiff_t n, double* work);
}
namespace kernel_avx512 {
void runGridChunk(const GridStep* steps, std::size_t count, std::ptrdiff_t n, double* work);
}
#endif

} // namespace gs::detail
