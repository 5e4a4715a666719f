#pragma once
// Grid samples of f as VTK geometry: points at display heights, wire lines through chosen
// rows and columns, triangles for shading and picking. Undefined values become holes.

#include "evaluation.h"
#include "scenestyle.h"

#include <Eigen/Core>
#include <vector>
#include <vtkSmartPointer.h>

class vtkColorTransferFunction;
class vtkDoubleArray;
class vtkPoints;
class vtkPolyData;

namespace gs {

/// Where a value of f is drawn: z_display = (z - zmin) * scale, so the box starts at 0.
struct HeightMap {
    double zmin = 0, scale = 1;
    double operator()(double z) const { return (z - zmin) * scale; }
};

/// The grid's points at display height, their values, and which are defined.
struct GridGeometry {
    vtkSmartPointer<vtkPoints> points;
    vtkSmartPointer<vtkDoubleArray> heights;
    std::vector<char> valid;
    int nx = 0, ny = 0;
    int id(int i, int j) const { return i + nx * j; }
};

GridGeometry gridGeometry(const GridSpec& grid, const Eigen::ArrayXXd& z, const HeightMap& height);

/// Indices of `lines` rows evenly spread among n samples (always the first and last).
std::vector<int> wireIndices(int n, int lines);

/// Polylines along both axes through `lines` rows and columns, broken at holes.
vtkSmartPointer<vtkPolyData> wireframe(const GridGeometry& geo, int lines);

/// Two triangles per grid cell whose four corners are defined; scalars are the values of f.
vtkSmartPointer<vtkPolyData> mesh(const GridGeometry& geo);

/// Viridis from lo to hi: perceptually even and readable in grey.
vtkSmartPointer<vtkColorTransferFunction> viridis(double lo, double hi);

} // namespace gs
