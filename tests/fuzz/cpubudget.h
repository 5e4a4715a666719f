#pragma once
// The per-input time limit of the fuzz targets, in CPU seconds of the whole process (every
// thread). libFuzzer's -timeout is wall-clock time, which on a shared 2-core machine under
// load, and under `nice -n 19`, measures the neighbours more than the input: inputs of 0.2 s
// CPU took 12 s of wall time there. An input over the budget aborts, so libFuzzer saves it as
// a crash with its stack; -timeout stays as a backstop for true hangs (docs/hardening.md).
// The budget is spent in a build with ASan and UBSan, several times slower than a release.

#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace gs::fuzz {

inline constexpr double kCpuSecondsPerInput = 1.0;

inline double processCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

/// Aborts when the scope took more than kCpuSecondsPerInput of CPU time.
class CpuBudget {
public:
    CpuBudget()
        : m_start(processCpuSeconds()) {}
    ~CpuBudget() {
        const double used = processCpuSeconds() - m_start;
        if (used > kCpuSecondsPerInput) {
            std::fprintf(stderr, "fuzz: one input took %.2f s of CPU time (budget %.1f s)\n", used,
                         kCpuSecondsPerInput);
            std::abort();
        }
    }
    CpuBudget(const CpuBudget&) = delete;
    CpuBudget& operator=(const CpuBudget&) = delete;

private:
    double m_start;
};

} // namespace gs::fuzz
