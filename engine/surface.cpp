#include "surface.h"

#include "valuerange.h"

#include <cmath>

namespace gs {

SurfaceSample sampleSurface(const Expression& f, const GridSpec& grid,
                            const Eigen::VectorXd& base) {
    SurfaceSample s;
    s.grid = grid;
    s.z = sampleGrid(f, grid, base);
    const ValueRange range = finiteRange(s.z);
    double lo = range.lo, hi = range.hi;
    s.anyFinite = range.any();
    if (!s.anyFinite) {
        lo = 0;
        hi = 1;
    } else if (hi - lo <=
               1e3 * std::numeric_limits<double>::epsilon() * std::max(1.0, std::abs(hi))) {
        // A flat surface still gets a visible box around it.
        const double pad = 0.5 * std::max(1.0, std::abs(hi));
        lo -= pad;
        hi += pad;
    }
    s.zmin = lo;
    s.zmax = hi;
    return s;
}

Expansion expand(const Expression& f, const Eigen::VectorXd& x0, const GridSpec& domain,
                 int modelResolution, const Eigen::VectorXd& epsilon) {
    Expansion e;
    e.point = x0;
    e.at = derivatives(f, x0);
    e.gradientNorm = e.at.gradient.norm();
    e.curvature = analyzeCurvature(e.at, x0);
    e.modelGrid = domain;
    e.modelGrid.nx = e.modelGrid.ny = modelResolution;
    // The plane is drawn as a patch (a quarter of the domain's width each way) so it reads
    // as tangent at the point instead of hiding the surface.
    e.tangentGrid = e.modelGrid;
    e.tangentGrid.nx = e.tangentGrid.ny = 11;
    const double half = 0.25 * std::max(domain.xmax - domain.xmin, domain.ymax - domain.ymin);
    const double cx = domain.axisX < x0.size() ? x0[domain.axisX] : 0.0;
    const double cy = domain.axisY < x0.size() ? x0[domain.axisY] : 0.0;
    e.tangentGrid.xmin = cx - half;
    e.tangentGrid.xmax = cx + half;
    e.tangentGrid.ymin = cy - half;
    e.tangentGrid.ymax = cy + half;
    e.tangent = taylor(e.at, x0, 1).sampleGrid(e.tangentGrid);
    e.quadratic = taylor(e.at, x0, 2).sampleGrid(e.modelGrid);
    Eigen::VectorXd eps = Eigen::VectorXd::Zero(x0.size());
    eps.head(std::min(eps.size(), epsilon.size())) =
        epsilon.head(std::min(eps.size(), epsilon.size()));
    e.check = approximationCheck(f, e.at, x0, eps);
    const auto n = x0.size();
    const double gx = domain.axisX < n ? e.at.gradient[domain.axisX] : 0.0;
    const double gy = domain.axisY < n ? e.at.gradient[domain.axisY] : 0.0;
    e.ascent = {gx, gy, gx * gx + gy * gy};
    return e;
}

} // namespace gs
