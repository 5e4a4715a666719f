#include "handwritten.h"

#include <cmath>

namespace gs::bench {

void handWrittenGrid(double x0, double x1, double y0, double y1, int nx, int ny, double* z) {
    for (int j = 0; j < ny; ++j) {
        const double y = y0 + (y1 - y0) * j / (ny - 1);
        double* row = z + static_cast<long>(nx) * j;
        for (int i = 0; i < nx; ++i) {
            const double x = x0 + (x1 - x0) * i / (nx - 1);
            row[i] = x * std::exp(-x * x - y * y);
        }
    }
}

} // namespace gs::bench
