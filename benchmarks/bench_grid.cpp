// Issue #14's grid ratios, printed together from one run: x*exp(-x^2-y^2) typed and sampled on
// a 1000 x 1000 grid of [-2, 2]^2 on every core and on one core, the same formula written by
// hand (benchmarks/handwritten.cpp: -O3 -march=native -ffast-math, one core), and numpy in
// the system python3 (benchmarks/grid_numpy.py; said so when python3 or numpy is missing).
// Wall time, median of the rounds; the variants take turns in each round, so a change in the
// machine's load touches them alike. Prints numbers only.
// Usage: bench_grid [rounds]   (GRADSCAPE_SIMD=baseline: the baseline kernel)
#include "evaluation.h"
#include "expression.h"
#include "handwritten.h"

#include <Eigen/Core>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

namespace {

constexpr int kN = 1000;
constexpr const char* kFormula = "x*exp(-x^2-y^2)";

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

double cpuNow() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) * 1e-6;
}

// Wall and CPU time (every thread of the process) of one call, in ms.
struct Time {
    double wall, cpu;
};

template <class F> Time millis(F&& f) {
    const double cpu = cpuNow();
    const auto start = std::chrono::steady_clock::now();
    f();
    return {
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(),
        cpuNow() - cpu};
}

struct Series {
    std::vector<double> wall, cpu;
    void add(Time t) {
        wall.push_back(t.wall);
        cpu.push_back(t.cpu);
    }
};

// numpy's medians (wall, CPU) in ms, or a negative wall time with `why` set.
Time numpyMillis(int reps, std::string& why) {
    if (std::system("/usr/bin/python3 -c 'import numpy' >/dev/null 2>&1") != 0) {
        why = std::system("test -x /usr/bin/python3") != 0
                  ? "/usr/bin/python3 not found"
                  : "numpy not importable by /usr/bin/python3 (apt-get install python3-numpy)";
        return {-1, -1};
    }
    const std::string command = "/usr/bin/python3 " GS_BENCH_DIR "/grid_numpy.py " +
                                std::to_string(kN) + " " + std::to_string(reps);
    FILE* p = popen(command.c_str(), "r");
    Time t{-1, -1};
    if (!p || std::fscanf(p, "%lf %lf", &t.wall, &t.cpu) != 2) {
        why = "grid_numpy.py printed no time";
        t.wall = -1;
    }
    if (p)
        pclose(p);
    return t;
}

} // namespace

int main(int argc, char** argv) {
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 21;
    const auto f = *gs::Expression::parse(kFormula).expression;
    gs::GridSpec g;
    g.nx = g.ny = kN;
    Eigen::ArrayXXd z(kN, kN);
    Series all, one, hand;
    for (int r = 0; r <= rounds; ++r) { // round 0 warms up and is not counted
        const Time a = millis([&] { z = gs::sampleGrid(f, g, Eigen::Vector2d::Zero(), 0); });
        const Time o = millis([&] { z = gs::sampleGrid(f, g, Eigen::Vector2d::Zero(), 1); });
        const Time h = millis(
            [&] { gs::bench::handWrittenGrid(g.xmin, g.xmax, g.ymin, g.ymax, kN, kN, z.data()); });
        if (r > 0) {
            all.add(a);
            one.add(o);
            hand.add(h);
        }
    }
    std::string why;
    const Time numpy = numpyMillis(rounds, why);
    std::string load = "?";
    std::ifstream("/proc/loadavg") >> load;
    std::printf("%s on a %d x %d grid, median of %d rounds; %d cores; grid kernel %s; load "
                "average %s\n",
                kFormula, kN, kN, rounds, gs::evaluationThreads(),
                gs::simdLevelName(gs::simdLevel()), load.c_str());
    std::printf("%-52s %9s %9s\n", "", "wall ms", "CPU ms");
    const auto line = [](const char* what, double wall, double cpu) {
        std::printf("%-52s %9.2f %9.2f\n", what, wall, cpu);
    };
    const Time mAll{median(all.wall), median(all.cpu)}, mOne{median(one.wall), median(one.cpu)},
        mHand{median(hand.wall), median(hand.cpu)};
    line("typed, all cores", mAll.wall, mAll.cpu);
    line("typed, one core", mOne.wall, mOne.cpu);
    line("hand-written -O3 -march=native -ffast-math, one core", mHand.wall, mHand.cpu);
    if (numpy.wall >= 0)
        line("numpy (/usr/bin/python3, one process)", numpy.wall, numpy.cpu);
    else
        std::printf("numpy: not measured: %s\n", why.c_str());
    // Wall time is what a person waits for; on a loaded machine the CPU times are the
    // comparable ones (a busy core stretches wall time, not CPU time).
    if (numpy.wall >= 0)
        std::printf("numpy / typed all cores: %.2fx wall (target >= 3); numpy CPU / typed wall "
                    "%.2fx\n",
                    numpy.wall / mAll.wall, numpy.cpu / mAll.wall);
    std::printf("typed one core / hand-written: %.2fx wall, %.2fx CPU (target <= 2)\n",
                mOne.wall / mHand.wall, mOne.cpu / mHand.cpu);
    return 0;
}
