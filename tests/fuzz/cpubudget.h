#pragma once
// The per-input time limit of the fuzz targets, in user CPU seconds of the whole process
// (every thread): the input's own work. System time is reported, not charged: under memory
// pressure from builds beside it one input spent 0.92 s in the kernel on 5,223 page faults
// and 0.13 s of its own (session 10); alone it takes 0.2 s. libFuzzer's -timeout is
// wall-clock time, which on a shared 2-core machine under load, and under `nice -n 19`,
// measures the neighbours more than the input: inputs of 0.2 s CPU took 12 s of wall time
// there. An input over the budget aborts, so libFuzzer saves it as
// a crash with its stack; -timeout stays as a backstop for true hangs (docs/hardening.md).
// The budget is spent in a build with ASan, UBSan and coverage tracing, 10-20 times slower
// than a release: a 19-input session of 0.05 s user CPU in the release CLI took 0.80 s alone
// here (session 20). 2 s keeps the limit near 0.1-0.2 s of release work: still a hang and
// blow-up detector, no longer tripped by honest inputs at the edge of the size limits.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sys/resource.h>

namespace gs::fuzz {

inline constexpr double kCpuSecondsPerInput = 2.0;

/// The process's resource use so far (every thread).
struct Usage {
    double user = 0, system = 0; ///< CPU seconds
    long minorFaults = 0, majorFaults = 0;
    std::chrono::steady_clock::time_point wall;

    static Usage now() {
        rusage r{};
        getrusage(RUSAGE_SELF, &r);
        const auto seconds = [](const timeval& t) {
            return double(t.tv_sec) + 1e-6 * double(t.tv_usec);
        };
        return {seconds(r.ru_utime), seconds(r.ru_stime), r.ru_minflt, r.ru_majflt,
                std::chrono::steady_clock::now()};
    }
};

/// Aborts when the scope took more than kCpuSecondsPerInput of user CPU time, saying how
/// the time split (user, system, page faults, wall), so a report can be told from a noisy
/// neighbour.
class CpuBudget {
public:
    CpuBudget()
        : m_start(Usage::now()) {}
    ~CpuBudget() {
        const Usage end = Usage::now();
        const double user = end.user - m_start.user, system = end.system - m_start.system;
        if (user > kCpuSecondsPerInput) {
            const double wall = std::chrono::duration<double>(end.wall - m_start.wall).count();
            std::fprintf(stderr,
                         "fuzz: one input took %.2f s of user CPU time (budget %.1f s), "
                         "system %.2f s, %ld minor and %ld major page faults, %.2f s wall\n",
                         user, kCpuSecondsPerInput, system, end.minorFaults - m_start.minorFaults,
                         end.majorFaults - m_start.majorFaults, wall);
            std::abort();
        }
    }
    CpuBudget(const CpuBudget&) = delete;
    CpuBudget& operator=(const CpuBudget&) = delete;

private:
    Usage m_start;
};

} // namespace gs::fuzz
