#pragma once
// Picking in the 3-D scene: the surface under the pointer (on a triangulated copy that is
// never drawn, so the gaps between wire lines pick too) and the expansion-point marker.

#include <Eigen/Core>
#include <optional>
#include <vtkSmartPointer.h>

class vtkActor;
class vtkCellPicker;
class vtkPolyData;
class vtkRenderer;

namespace gs {

class ScenePicker {
public:
    explicit ScenePicker(vtkActor* marker);

    /// The surface's triangles (with a cell locator built once per surface).
    void setSurface(vtkPolyData* mesh);
    /// The (x, y) of the surface under a display position (pixels, y up), if any.
    std::optional<Eigen::Vector2d> pickSurface(vtkRenderer* renderer, int x, int y) const;
    /// True when the display position is on the (visible) marker.
    bool hitsMarker(vtkRenderer* renderer, int x, int y) const;

private:
    vtkActor* m_marker;
    vtkSmartPointer<vtkActor> m_mesh; ///< in the picker's list only, never in a renderer
    vtkSmartPointer<vtkCellPicker> m_surfacePicker, m_markerPicker;
    bool m_hasSurface = false;
};

} // namespace gs
