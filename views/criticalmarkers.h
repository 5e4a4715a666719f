#pragma once
// Critical points as markers, one symbol and colour per kind (minimum: circle, maximum:
// triangle, saddle: diamond, degenerate: square; as solids in 3-D), with optional labels,
// and rings around the domain's global minimum and maximum.
// Shared by the 3-D scene, the contour view and the curve view.

#include "curvature.h"
#include "scenestyle.h"

#include <Eigen/Core>
#include <array>
#include <string>
#include <vector>
#include <vtkSmartPointer.h>

class vtkActor;
class vtkBox;
class vtkPoints;
class vtkRenderer;
class vtkBillboardTextActor3D;

namespace gs {

/// One marker: where (world coordinates), what kind, its label (may be empty).
struct PlotMarker {
    Eigen::Vector3d at = Eigen::Vector3d::Zero();
    Classification kind = Classification::Degenerate;
    std::string label;
    /// The lowest (-1) or highest (+1) value found on the domain: drawn with a ring.
    int extreme = 0;
    /// Where the label goes, towards the inside of the plot: labelX -1 ends it at the marker
    /// (near the right edge), +1 starts it there (near the left edge), 0 centres it; labelY
    /// +1 above, -1 below, 0 the default (minima below, the rest above).
    int labelX = 0, labelY = 0;
    /// The label's distance from the marker in pixels (at line scale 1) above or below it; 0:
    /// the default (9, 18 for an extreme's ring). A view sets more where a run's ball may sit
    /// on the marker (the contour view: the ball's radius).
    double labelGap = 0;
};

/// The marker colour of each kind.
Rgb markerColor(Classification kind);
/// The colour of a marker's label: markerColor moved toward the ink in steps of 1/64 until it
/// has 4.6:1 (WCAG AA for text, 4.5:1, with a margin) against the labels' panel. The minima's
/// green had 4.3:1 and the saddles' orange 2.7:1 on white, the maxima's magenta 3.2:1 on the
/// dark ground (issue #9).
Rgb markerLabelColor(Classification kind);
/// "min", "max", "saddle", "degenerate".
const char* markerSymbolName(Classification kind);

class CriticalMarkers {
public:
    /// `flat`: 2-D symbols in the x-y plane (top views); else solids (the 3-D scene).
    explicit CriticalMarkers(bool flat);
    ~CriticalMarkers();
    void addTo(vtkRenderer* renderer);

    /// Cuts the symbols and rings to `box` (the flat views' frame): a ring around a corner
    /// of the domain stays off the axes' tick labels.
    void clipTo(vtkBox* box);
    /// Replaces the markers; `size` is a symbol's diameter in world units.
    void update(const std::vector<PlotMarker>& markers, double size, const PixelScale& scale);
    /// The same markers at another scale (the view moved to a screen with another ratio).
    void setScale(const PixelScale& scale);
    void setVisible(bool visible);
    /// How many markers of a kind are drawn (for tests).
    int count(Classification kind) const;
    /// A symbol's diameter in world units as last drawn (for tests).
    double symbolSize() const { return m_size; }
    /// For tests, after a render: each label's quad as VTK drew it (world bounds: xmin, xmax,
    /// ymin, ymax, zmin, zmax), and the rings' bounds as drawn (after clipTo's cut) and whole.
    std::vector<std::array<double, 6>> labelBounds() const;
    std::array<double, 6> ringBounds(bool drawn) const;

private:
    static constexpr int kKinds = 4; // minimum, maximum, saddle, degenerate
    bool m_flat;
    vtkRenderer* m_renderer = nullptr;
    std::array<vtkSmartPointer<vtkPoints>, kKinds> m_points;
    std::array<vtkSmartPointer<vtkActor>, kKinds> m_actors;
    vtkSmartPointer<vtkPoints> m_ringPoints;
    vtkSmartPointer<vtkActor> m_rings;
    std::vector<vtkSmartPointer<vtkBillboardTextActor3D>> m_labels;
    bool m_visible = true;
    std::vector<PlotMarker> m_markers; ///< what update() drew, for setScale()
    double m_size = 0;
};

} // namespace gs
