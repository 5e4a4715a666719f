#pragma once
// Tick placement for axes: pure arithmetic, tested without a display.

#include <vector>

namespace gs {

/// Tick values for an axis from lo to hi: 1, 2 or 5 times a power of ten apart, at most
/// `most` of them.
std::vector<double> niceTicks(double lo, double hi, int most);

} // namespace gs
