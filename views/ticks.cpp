#include "ticks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace gs {

std::vector<double> niceTicks(double lo, double hi, int most) {
    // The smallest step of 1, 2 or 5 times a power of ten that gives at most `most` ticks;
    // ticks are whole multiples of the step (k * step, so no rounding accumulates).
    const double span = std::max(hi - lo, 1e-300);
    double power = std::pow(10.0, std::floor(std::log10(span / std::max(1, most))) - 1);
    for (;; power *= 10)
        for (double m : {1.0, 2.0, 5.0}) {
            const double step = m * power;
            const double first = std::ceil(lo / step - 1e-9), last = std::floor(hi / step + 1e-9);
            if (last - first + 1 > most)
                continue;
            std::vector<double> ticks;
            for (double k = first; k <= last; ++k)
                ticks.push_back(k == 0 ? 0.0 : k * step);
            return ticks;
        }
}

int decadeStride(int low, int high, double axisPixels, double labelPixels, int leastStride) {
    const int decades = std::max(1, high - low);
    const int least = std::clamp(leastStride, 1, decades);
    // Labels s decades apart are s * (axisPixels / decades) pixels apart centre to centre:
    // they keep a gap of g * labelPixels when that distance is at least (1 + g) * labelPixels.
    const double perDecade = axisPixels / decades;
    const double need = (1 + kDecadeLabelGap) * labelPixels;
    for (int s = least;; s += least)
        if (s * perDecade >= need || s + least > decades)
            return s;
}

std::string decadeLabel(int d) {
    char text[16];
    if (d >= -3 && d <= 3)
        std::snprintf(text, sizeof text, "%g", std::pow(10.0, d));
    else
        std::snprintf(text, sizeof text, "1e%d", d);
    return text;
}

} // namespace gs
