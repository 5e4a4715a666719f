#include "gradientfield.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace gs {

GradientField gradientField(const Expression& f, const GridSpec& domain,
                            const Eigen::VectorXd& base, int arrows) {
    GradientField field;
    arrows = std::clamp(arrows, 2, 200);
    const double wx = domain.xmax - domain.xmin, wy = domain.ymax - domain.ymin;
    // Square-ish cells: side h = longer side / arrows, n = round(side / h) cells per axis.
    const double h = std::max(wx, wy) / arrows;
    const int nx = std::clamp(int(std::lround(wx / h)), 1, arrows);
    const int ny = std::clamp(int(std::lround(wy / h)), 1, arrows);
    field.cellX = wx / nx;
    field.cellY = wy / ny;
    // Cell centres: xmin + (i + 1/2) cellX, i = 0 .. nx - 1.
    GridSpec& g = field.grid;
    g = domain;
    g.nx = nx;
    g.ny = ny;
    g.xmin = domain.xmin + 0.5 * field.cellX;
    g.xmax = domain.xmax - 0.5 * field.cellX;
    g.ymin = domain.ymin + 0.5 * field.cellY;
    g.ymax = domain.ymax - 0.5 * field.cellY;

    const GradientSample s = sampleGradient(f, g, base);
    field.dx = s.dx;
    field.dy = s.dy;
    const Eigen::ArrayXXd norm = (s.dx.square() + s.dy.square()).sqrt();
    std::vector<double> finite;
    for (Eigen::Index k = 0; k < norm.size(); ++k)
        if (std::isfinite(norm(k)) && norm(k) > 0)
            finite.push_back(norm(k));
    field.length = Eigen::ArrayXXd::Zero(nx, ny);
    if (finite.empty())
        return field;
    // Nearest rank: the element at floor(q (n - 1)) of the sorted norms.
    const auto rank = std::ptrdiff_t(std::floor(kFieldCapQuantile * double(finite.size() - 1)));
    std::nth_element(finite.begin(), finite.begin() + rank, finite.end());
    field.fullNorm = finite[std::size_t(rank)];
    for (Eigen::Index k = 0; k < norm.size(); ++k) {
        if (!(std::isfinite(norm(k)) && norm(k) > 0))
            continue;
        field.length(k) = std::min(1.0, norm(k) / field.fullNorm);
        field.capped += norm(k) > field.fullNorm ? 1 : 0;
    }
    return field;
}

} // namespace gs
