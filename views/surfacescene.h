#pragma once
// The 3-D scene of a function: its surface, the expansion point, the tangent plane,
// the quadratic model and the gradient arrows, with axes and a title. Plain VTK, no
// Qt, so the window and the headless exporter draw exactly the same picture.
// It shows what the engine computed; the only arithmetic here maps values to the box.

#include "surface.h"

#include <Eigen/Core>
#include <array>
#include <optional>
#include <string>
#include <vector>
#include <vtkSmartPointer.h>

class vtkActor;
class vtkBox;
class vtkCamera;
class vtkCellPicker;
class vtkBillboardTextActor3D;
class vtkCubeAxesActor;
class vtkLegendBoxActor;
class vtkPolyData;
class vtkRenderer;
class vtkScalarBarActor;
class vtkTextActor;
class vtkTransform;

namespace gs {

/// An optimizer run as the scene draws it: its points on the surface and its colour.
struct RunPath {
    std::vector<Eigen::Vector3d> points; ///< (x, y, f) per iterate, the start first
    std::array<double, 3> color{1, 0, 0};
    std::string label;
};

/// Tick values for an axis from lo to hi: 1, 2 or 5 times a power of ten apart, at most
/// `most` of them.
std::vector<double> niceTicks(double lo, double hi, int most);

/// The colour of the i-th optimizer run (a qualitative palette that avoids the surface's blue).
std::array<double, 3> runColor(int i);

struct SceneStyle {
    bool showTangent = true;
    bool showQuadratic = true;
    bool showGradient = true;
    bool shaded = false;     ///< shaded surface coloured by height, with a colour bar
    int wireLines = 21;      ///< wire lines per axis drawn through the finely sampled surface
    double pixelScale = 1.0; ///< fonts and line widths, for exports larger than the window

    bool operator==(const SceneStyle&) const = default;
};

class SurfaceScene {
public:
    SurfaceScene();
    ~SurfaceScene();
    SurfaceScene(const SurfaceScene&) = delete;
    SurfaceScene& operator=(const SurfaceScene&) = delete;

    vtkRenderer* renderer() const;

    void setTitle(const std::string& title);
    /// A new surface: rebuilds the mesh, the box and the axes. Keeps the camera.
    void setSurface(const SurfaceSample& surface);
    /// A moved expansion point: only the marker, models and arrows change.
    void setExpansion(const Expansion& expansion);
    void setStyle(const SceneStyle& style);

    /// Optimizer runs; each is drawn up to the current frame (all of it by default).
    void setRuns(const std::vector<RunPath>& runs);
    /// Shows iterates 0..frame of every run (a run shorter than that is shown whole) and a
    /// ball at each run's current iterate. A negative frame shows every path whole.
    void setFrame(int frame);
    /// The quadratic a Newton step minimized, drawn on the model grid (hidden when empty).
    void setNewtonModel(const GridSpec& grid, const Eigen::ArrayXXd& values);
    void clearNewtonModel();
    bool newtonModelVisible() const;
    /// How many points of run `i` are drawn now (for tests).
    int drawnPathPoints(int run) const;

    /// The view the book's figure uses: from the front left, looking slightly down.
    void resetCamera();
    void copyCamera(const SurfaceScene& other);

    /// The (x, y) of the surface under a display position (pixels, y up), if any.
    std::optional<Eigen::Vector2d> pickSurface(int displayX, int displayY) const;
    /// True when the display position is on the expansion-point marker.
    bool hitsMarker(int displayX, int displayY) const;

    /// The world z at which a value of f is drawn (the box is scaled to look cubic).
    double displayZ(double z) const;
    /// Display position (pixels, y up) of a point (x, y, f) of the plot.
    Eigen::Vector2d toDisplay(double x, double y, double f) const;
    /// World bounds of what is drawn of the quadratic and of the box (for tests).
    std::array<double, 6> quadraticBounds() const;
    std::array<double, 6> boxBounds() const;

private:
    void rebuildSurface();
    void rebuildExpansion();
    void applyStyle();
    void rebuildZAxis();

    SceneStyle m_style;
    std::optional<SurfaceSample> m_surface;
    std::optional<Expansion> m_expansion;
    double m_zScale = 1.0, m_boxHeight = 1.0;

    vtkSmartPointer<vtkRenderer> m_renderer;
    vtkSmartPointer<vtkActor> m_wire, m_shaded, m_pickMesh, m_marker, m_tangent, m_quadratic,
        m_ascent, m_descent;
    struct RunActors {
        RunPath path;
        vtkSmartPointer<vtkActor> line, ball;
    };
    void updateRunGeometry();
    std::vector<RunActors> m_runs;
    int m_frame = -1;
    vtkSmartPointer<vtkActor> m_newton;
    vtkSmartPointer<vtkBox> m_box; ///< the plot's box: models and paths are clipped to it
    vtkSmartPointer<vtkLegendBoxActor> m_legend;
    vtkSmartPointer<vtkCubeAxesActor> m_axes;
    vtkSmartPointer<vtkTextActor> m_title;
    vtkSmartPointer<vtkBillboardTextActor3D> m_zTitle;
    vtkSmartPointer<vtkActor> m_zAxis; ///< the f axis line and its ticks
    std::vector<vtkSmartPointer<vtkBillboardTextActor3D>> m_zLabels;
    vtkSmartPointer<vtkScalarBarActor> m_colorBar;
    vtkSmartPointer<vtkCellPicker> m_picker, m_markerPicker;
};

} // namespace gs
