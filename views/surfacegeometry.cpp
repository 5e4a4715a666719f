#include "surfacegeometry.h"

#include <vtkCellArray.h>
#include <vtkColorTransferFunction.h>
#include <vtkDoubleArray.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>

#include <algorithm>
#include <cmath>

namespace gs {

std::vector<int> wireIndices(int n, int lines) {
    std::vector<int> idx;
    lines = std::clamp(lines, 2, n);
    for (int k = 0; k < lines; ++k) {
        const int i = static_cast<int>(std::lround(double(k) * (n - 1) / (lines - 1)));
        if (idx.empty() || idx.back() != i)
            idx.push_back(i);
    }
    return idx;
}

GridGeometry gridGeometry(const GridSpec& g, const Eigen::ArrayXXd& z, const HeightMap& height) {
    GridGeometry geo;
    geo.points = vtkSmartPointer<vtkPoints>::New();
    geo.heights = vtkSmartPointer<vtkDoubleArray>::New();
    geo.nx = g.nx;
    geo.ny = g.ny;
    geo.points->SetNumberOfPoints(Eigen::Index(g.nx) * g.ny);
    geo.heights->SetNumberOfValues(Eigen::Index(g.nx) * g.ny);
    geo.valid.resize(std::size_t(g.nx) * g.ny);
    for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i) {
            const double v = z(i, j);
            const bool ok = std::isfinite(v);
            const int id = geo.id(i, j);
            geo.valid[std::size_t(id)] = ok;
            geo.points->SetPoint(id, g.x(i), g.y(j), ok ? height(v) : 0.0);
            geo.heights->SetValue(id, ok ? v : 0.0);
        }
    return geo;
}

vtkSmartPointer<vtkPolyData> wireframe(const GridGeometry& geo, int lines) {
    auto cells = vtkSmartPointer<vtkCellArray>::New();
    std::vector<vtkIdType> run;
    auto flush = [&] {
        if (run.size() >= 2)
            cells->InsertNextCell(static_cast<vtkIdType>(run.size()), run.data());
        run.clear();
    };
    auto trace = [&](int count, auto idAt) {
        for (int k = 0; k < count; ++k) {
            const int id = idAt(k);
            if (geo.valid[std::size_t(id)])
                run.push_back(id);
            else
                flush();
        }
        flush();
    };
    for (int j : wireIndices(geo.ny, lines))
        trace(geo.nx, [&](int i) { return geo.id(i, j); });
    for (int i : wireIndices(geo.nx, lines))
        trace(geo.ny, [&](int j) { return geo.id(i, j); });
    auto poly = vtkSmartPointer<vtkPolyData>::New();
    poly->SetPoints(geo.points);
    poly->SetLines(cells);
    return poly;
}

vtkSmartPointer<vtkPolyData> mesh(const GridGeometry& geo) {
    auto cells = vtkSmartPointer<vtkCellArray>::New();
    for (int j = 0; j + 1 < geo.ny; ++j)
        for (int i = 0; i + 1 < geo.nx; ++i) {
            const vtkIdType a = geo.id(i, j), b = geo.id(i + 1, j), c = geo.id(i + 1, j + 1),
                            d = geo.id(i, j + 1);
            if (!(geo.valid[std::size_t(a)] && geo.valid[std::size_t(b)] &&
                  geo.valid[std::size_t(c)] && geo.valid[std::size_t(d)]))
                continue;
            const vtkIdType t1[3] = {a, b, c}, t2[3] = {a, c, d};
            cells->InsertNextCell(3, t1);
            cells->InsertNextCell(3, t2);
        }
    auto poly = vtkSmartPointer<vtkPolyData>::New();
    poly->SetPoints(geo.points);
    poly->SetPolys(cells);
    poly->GetPointData()->SetScalars(geo.heights);
    return poly;
}

vtkSmartPointer<vtkColorTransferFunction> viridis(double lo, double hi) {
    auto f = vtkSmartPointer<vtkColorTransferFunction>::New();
    // Viridis sampled at five stops.
    const double stops[5][3] = {{0.267, 0.005, 0.329},
                                {0.229, 0.322, 0.546},
                                {0.128, 0.567, 0.551},
                                {0.369, 0.789, 0.383},
                                {0.993, 0.906, 0.144}};
    for (int k = 0; k < 5; ++k)
        f->AddRGBPoint(lo + (hi - lo) * k / 4.0, stops[k][0], stops[k][1], stops[k][2]);
    return f;
}

} // namespace gs
