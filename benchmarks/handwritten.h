#pragma once
// The book's function written by hand, for the grid benchmark (bench_grid): its own file,
// compiled with -O3 -march=native -ffast-math (benchmarks/CMakeLists.txt), one core.

namespace gs::bench {

/// z[i + nx * j] = x_i * exp(-x_i^2 - y_j^2) on the regular grid [x0, x1] x [y0, y1].
void handWrittenGrid(double x0, double x1, double y0, double y1, int nx, int ny, double* z);

} // namespace gs::bench
