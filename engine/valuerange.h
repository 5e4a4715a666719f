#pragma once
// The range of the finite values of a sample (NaN and infinities are where f is undefined):
// what a surface's box and a contour view's levels are fitted to.

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gs {

struct ValueRange {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    bool any() const { return lo <= hi; }
};

/// The least and largest finite values of `z` (none: any() is false).
template <class Derived> ValueRange finiteRange(const Eigen::DenseBase<Derived>& z) {
    ValueRange r;
    for (Eigen::Index j = 0; j < z.cols(); ++j)
        for (Eigen::Index i = 0; i < z.rows(); ++i)
            if (const double v = z(i, j); std::isfinite(v)) {
                r.lo = std::min(r.lo, v);
                r.hi = std::max(r.hi, v);
            }
    return r;
}

} // namespace gs
