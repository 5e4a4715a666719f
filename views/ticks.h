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

/// The stride (a label every `stride` decades) for decades `low` to `high` on an axis of
/// `axisPixels` whose labels take `labelPixels` along it (their height on a vertical axis, the
/// widest one's width on a horizontal one): the least multiple of `leastStride` whose labels,
/// `stride * axisPixels / (high - low)` apart, leave a gap of at least kDecadeLabelGap times
/// their size between them; no more than high - low (the two ends are then the only labels,
/// however short the axis).
int decadeStride(int low, int high, double axisPixels, double labelPixels, int leastStride = 1);

/// The least gap between two decade labels, in units of a label's size along the axis.
inline constexpr double kDecadeLabelGap = 0.25;

} // namespace gs
