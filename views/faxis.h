#pragma once
// The f axis of the 3-D scene: a vertical line on the box's (xmin, ymin) edge with ticks at
// 1-2-5 steps, screen-aligned labels and the title "f" above it. Ours, because VTK's cube
// axes in 2-D mode draw z labels without the axis line or its ticks.

#include "evaluation.h"
#include "surfacegeometry.h"

#include <vector>
#include <vtkSmartPointer.h>

class vtkActor;
class vtkBillboardTextActor3D;
class vtkRenderer;

namespace gs {

class FAxis {
public:
    explicit FAxis(vtkRenderer* renderer);

    /// Rebuilds the axis for values zmin..zmax drawn by `height` up to `boxHeight`.
    void rebuild(const GridSpec& grid, double zmin, double zmax, const HeightMap& height,
                 double boxHeight);
    /// Fonts and line width for `pixelScale`.
    void applyStyle(double pixelScale);

private:
    vtkRenderer* m_renderer;
    double m_pixelScale = 1;
    vtkSmartPointer<vtkActor> m_line; ///< the axis and its ticks
    vtkSmartPointer<vtkBillboardTextActor3D> m_title;
    std::vector<vtkSmartPointer<vtkBillboardTextActor3D>> m_labels;
};

} // namespace gs
