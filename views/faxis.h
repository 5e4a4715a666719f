#pragma once
// The axes of the 3-D scene. The f axis: a vertical line on one of the box's vertical edges
// (the one seen leftmost: SurfaceScene::placeAxisTitles) with ticks at 1-2-5 steps,
// screen-aligned labels and the title "f" above it. The input axes:
// lines along the box's floor (the first input along y = ymin, the second along x = xmax)
// with ticks, labels and titles offset outward, clear of the line. Ours, because VTK's cube
// axes strike their lines through the labels, overlap labels at the corners, rotate titles
// and keep their fonts when an export is larger than the window.

#include "evaluation.h"
#include "surfacegeometry.h"

#include <array>
#include <string>
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
    /// The vertical edge the axis stands on: bit 0 set at xmax (else xmin), bit 1 at ymax.
    /// The scene puts it on the edge seen leftmost, so no surface hides it and its labels
    /// (right-aligned, to its left) stand in the open: seen from the side (Ctrl+3), the
    /// (xmin, ymin) edge is behind the surface.
    void setCorner(int corner);
    int corner() const { return m_corner; }
    /// Fonts and line width for `scale`.
    void applyStyle(const PixelScale& scale);
    /// Hidden in a view from straight above, where every tick projects onto one point.
    void setVisible(bool visible);
    bool isVisible() const { return m_visible; }
    /// The texts drawn (tick labels then the title): the camera keeps them in the view.
    std::vector<vtkBillboardTextActor3D*> texts() const;

private:
    /// The line, ticks, labels and title at the corner's edge.
    void layout();

    bool m_visible = true;
    int m_corner = 0;
    GridSpec m_grid;
    double m_boxHeight = 1;
    std::vector<double> m_ticks; ///< the ticks' heights in the box
    vtkRenderer* m_renderer;
    double m_pixelScale = 1;
    vtkSmartPointer<vtkActor> m_line; ///< the axis and its ticks
    vtkSmartPointer<vtkBillboardTextActor3D> m_title;
    std::vector<vtkSmartPointer<vtkBillboardTextActor3D>> m_labels;
};

/// The two plotted inputs' axes on the floor of the box (z = 0 in the box).
class InputAxes {
public:
    explicit InputAxes(vtkRenderer* renderer);

    /// The axes' titles: the plotted inputs' names.
    void setTitles(const std::string& x, const std::string& y);
    /// Rebuilds lines, ticks and labels for the grid's ranges.
    void rebuild(const GridSpec& grid);
    /// Fonts and line width for `scale`.
    void applyStyle(const PixelScale& scale);

    /// The texts drawn, for tests: tick labels then titles.
    std::vector<vtkBillboardTextActor3D*> texts() const;
    /// Moves each title off its axis on screen, beyond its tick labels as they are drawn now
    /// (their boxes at their font, the camera's view): clear of them at any font scale and
    /// from any side, and clear of `avoid` (display boxes: xmin, xmax, ymin, ymax; the f
    /// axis's labels) and the other axis's labels. Called before each render.
    void placeTitles(const std::vector<std::array<double, 4>>& avoid = {});

private:
    vtkSmartPointer<vtkBillboardTextActor3D> makeText(const std::string& text) const;

    vtkRenderer* m_renderer;
    double m_pixelScale = 1;
    vtkSmartPointer<vtkActor> m_line; ///< both axes and their ticks
    vtkSmartPointer<vtkBillboardTextActor3D> m_xTitle, m_yTitle;
    std::vector<vtkSmartPointer<vtkBillboardTextActor3D>> m_labels;
    /// The first m_xLabels of m_labels are the first axis's.
    std::size_t m_xLabels = 0;
    GridSpec m_grid; ///< as last rebuilt
    bool m_built = false;
};

} // namespace gs
