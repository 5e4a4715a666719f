#pragma once
// Tick placement for axes: pure arithmetic, tested without a display.

#include <string>
#include <vector>

namespace gs {

/// Tick values for an axis from lo to hi: 1, 2 or 5 times a power of ten apart, at most
/// `most` of them.
std::vector<double> niceTicks(double lo, double hi, int most);

/// The label of the decade 10^d on a log axis: "0.001" to "1000" written out, "1e-5" and
/// "1e6" beyond (the loss chart and the sweep and eigen charts).
std::string decadeLabel(int d);

} // namespace gs
