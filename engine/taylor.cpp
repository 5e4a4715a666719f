#include "taylor.h"

namespace gs {

double TaylorModel::operator()(const Eigen::VectorXd& x) const {
    const Eigen::VectorXd d = x - center;
    double v = at.value + at.gradient.dot(d);
    if (order >= 2 && at.hessian.rows() == d.size()) // no Hessian (many inputs): linear
        v += 0.5 * d.dot(at.hessian * d);
    return v;
}

Eigen::ArrayXXd TaylorModel::sampleGrid(const GridSpec& g) const {
    // Only the two grid axes move; the others sit at the centre, so d has two entries.
    const auto n = center.size();
    const auto ax = g.axisX, ay = g.axisY;
    const double gx = ax < n ? at.gradient[ax] : 0, gy = ay < n ? at.gradient[ay] : 0;
    const auto nh = at.hessian.rows(); // 0 when not computed (many inputs): a plane
    const double hxx = ax < nh ? at.hessian(ax, ax) : 0, hyy = ay < nh ? at.hessian(ay, ay) : 0;
    const double hxy = ax < nh && ay < nh ? at.hessian(ax, ay) : 0;
    const double cx = ax < n ? center[ax] : 0, cy = ay < n ? center[ay] : 0;
    const double q = order >= 2 ? 1.0 : 0.0;
    Eigen::ArrayXXd z(g.nx, g.ny);
    for (int j = 0; j < g.ny; ++j) {
        const double dy = g.y(j) - cy;
        for (int i = 0; i < g.nx; ++i) {
            const double dx = g.x(i) - cx;
            z(i, j) = at.value + gx * dx + gy * dy +
                      q * (0.5 * hxx * dx * dx + hxy * dx * dy + 0.5 * hyy * dy * dy);
        }
    }
    return z;
}

TaylorModel taylor(const Derivatives& at, const Eigen::VectorXd& x0, int order) {
    return {order, x0, at};
}

TaylorModel taylor(const Expression& f, const Eigen::VectorXd& x0, int order) {
    return taylor(derivatives(f, x0), x0, order);
}

ApproximationCheck approximationCheck(const Expression& f, const Derivatives& at,
                                      const Eigen::VectorXd& x0, const Eigen::VectorXd& epsilon) {
    const Eigen::VectorXd x = x0 + epsilon;
    return {epsilon, evaluate(f, x), taylor(at, x0, 1)(x), taylor(at, x0, 2)(x)};
}

} // namespace gs
