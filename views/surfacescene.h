#pragma once
// The 3-D scene of a function: its surface, the expansion point, the tangent plane,
// the quadratic model and the gradient arrows, optimizer paths, with axes and a title.
// Plain VTK, no Qt, so the window and the headless exporter draw exactly the same picture.
// It shows what the engine computed; the only arithmetic here maps values to the box.
// The pieces each live in their own file: surfacegeometry (the surface), overlays (what is
// at the point), faxis, runpaths (paths and legend), scenecamera, scenepicking, scenestyle.

#include "criticalmarkers.h"
#include "runpaths.h"
#include "scenecamera.h"
#include "scenestyle.h"
#include "surface.h"
#include "surfacegeometry.h"
#include "ticks.h"

#include <Eigen/Core>
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <vtkSmartPointer.h>

class vtkActor;
class vtkBox;
class vtkRenderer;
class vtkCallbackCommand;
class vtkLight;
class vtkScalarBarActor;
class vtkBillboardTextActor3D;
class vtkTextActor;

namespace gs {

class FitTextWidth;

class ExpansionOverlays;
class FAxis;
class InputAxes;
class ScenePicker;

class SurfaceScene {
public:
    SurfaceScene();
    ~SurfaceScene();
    SurfaceScene(const SurfaceScene&) = delete;
    SurfaceScene& operator=(const SurfaceScene&) = delete;

    vtkRenderer* renderer() const;

    void setTitle(const std::string& title);
    /// A message in the middle of the view, where the surface would be (there is nothing to
    /// plot: f is not finite anywhere on the domain); empty hides it. Wrapped into lines of
    /// at most kMessageLine characters and kept within the view's width.
    void setMessage(const std::string& message);
    std::string message() const { return m_messageText; }
    static constexpr int kMessageLine = 60;
    /// The input axes' titles: the names of the two plotted inputs.
    void setAxisTitles(const std::string& x, const std::string& y);
    /// A new surface: rebuilds the mesh, the box and the axes. Keeps the camera. The scene
    /// keeps the shared sample (no copy of the grid); the other form copies `surface`.
    void setSurface(std::shared_ptr<const SurfaceSample> surface);
    void setSurface(const SurfaceSample& surface);
    /// A moved expansion point: only the marker, models and arrows change.
    void setExpansion(const Expansion& expansion);
    void setStyle(const SceneStyle& style);
    /// The device pixel ratio of the screen showing the scene (the window's bridge sets it;
    /// 1 in an export): line widths and point sizes are multiplied by it (PixelScale).
    void setDeviceScale(double ratio);
    /// The style's pixelScale for text; times the device scale for lines.
    PixelScale pixelScale() const;
    /// The width the wireframe is drawn with, in device pixels (for tests).
    double wireLineWidth() const;
    /// Re-reads sceneLook() (colours, fonts): after the window's preferences changed it.
    void applyLook() { applyStyle(); }

    /// Optimizer runs; each is drawn up to the current frame (all of it by default).
    void setRuns(const std::vector<RunPath>& runs);
    /// Shows iterates 0..frame of every run (a run shorter than that is shown whole) and a
    /// ball at each run's current iterate. A negative frame shows every path whole.
    void setFrame(int frame);
    /// The quadratic a Newton step minimized, drawn on the model grid (hidden when empty),
    /// with a label saying what the step was (newtonStepText in overlays.h).
    void setNewtonModel(const GridSpec& grid, const Eigen::ArrayXXd& values,
                        const std::string& label = {});
    std::string newtonLabel() const;
    /// Where the Newton label is drawn (display pixels: xmin, xmax, ymin, ymax; after a
    /// render), zero when hidden: clear of the axes' tick labels.
    std::array<double, 4> newtonLabelBox() const;
    void clearNewtonModel();
    bool newtonModelVisible() const;
    /// The bounds of what is drawn of Newton's model (after clipping).
    std::array<double, 6> newtonModelBounds() const;
    /// How many points of run `i` are drawn now (for tests).
    int drawnPathPoints(int run) const;
    /// The selected run's state at the iterate on screen (nothing: none drawn).
    void setStepMarks(const std::optional<StepMarks>& marks);
    const StateGlyphs& stateGlyphs() const { return m_runs->stateGlyphs(); }
    /// The runs' paths, balls and legend (for tests: the legend's entries and its box,
    /// RunPaths::legendRect).
    const RunPaths& runPaths() const { return *m_runs; }
    /// Critical points of f as markers (one symbol and colour per kind); `at` = (x, y, f).
    void setCriticalPoints(const std::vector<PlotMarker>& markers);
    const CriticalMarkers& criticalMarkers() const { return *m_critical; }

    /// The view the book's figure uses: from the front left, looking slightly down.
    void resetCamera();
    /// The box fitted to the window as resetCamera() fits it, looking the way the camera looks
    /// now (an animation exported from the window: the view's turn, the picture's framing).
    /// `withArrows`: the ∇f and −∇f arrows fitted with the box (a camera preset: from the side
    /// the −∇f arrow ran off the view's foot); an animation's picture is framed as an image is.
    void fitCameraKeepingDirection(bool withArrows = false);
    /// The other scene's camera, for a picture of width / height `aspect` (0: the other's
    /// shape): at another shape zoomed so that the fitted box takes the same share of it
    /// (aspectZoom; the vertical view angle alone cut a narrow picture's sides).
    void copyCamera(const SurfaceScene& other, double aspect = 0);
    /// The axes' tick labels and titles inside the view (zoomed out if need be), once the
    /// renderer has its window: a picture of another shape than the view's.
    void keepAxisTextInView();
    /// Sets a saved camera (a session's) for a view of width / height `aspect`: as it was when
    /// the view has the saved view's aspect (or the saved one is not known), else zoomed so
    /// that the fitted box takes the same share of the view as it did (aspectZoom).
    void restoreCamera(const CameraState& camera, double aspect);
    /// The normal (world coordinates) of the plane the surface is when f is linear over the
    /// plotted inputs, else nothing: the default camera keeps from seeing it edge-on.
    std::optional<std::array<double, 3>> planeNormal() const;
    /// The band above the title's bottom (display pixels; 0 before the title is laid out):
    /// the camera's fits keep the box and the axes' text below it.
    double titleBand() const;
    /// The input axes' titles beyond their labels and clear of the f axis's (InputAxes).
    void placeAxisTitles();

    /// The (x, y) of the surface under a display position (pixels, y up), if any.
    std::optional<Eigen::Vector2d> pickSurface(int displayX, int displayY) const;
    /// True when the display position is on the expansion-point marker.
    bool hitsMarker(int displayX, int displayY) const;
    /// True when the expansion point's marker is drawn (not outside the domain, f defined).
    bool markerVisible() const;

    /// The world z at which a value of f is drawn (the box is scaled to look cubic).
    double displayZ(double z) const;
    /// Display position (pixels, y up) of a point (x, y, f) of the plot.
    Eigen::Vector2d toDisplay(double x, double y, double f) const;
    /// Where run `run`'s ball is drawn in display pixels (coincident balls round their point,
    /// RunPaths::fanBalls), or nothing while it is hidden.
    std::optional<Eigen::Vector2d> runBallDisplay(int run) const;
    /// World bounds of what is drawn of the quadratic and of the box (for tests).
    std::array<double, 6> quadraticBounds() const;
    /// Looks straight down in parallel projection (a true top view, f axis hidden: its ticks
    /// would all project onto one corner) or back to the fitted perspective view.
    void setTopView(bool top);
    bool fAxisVisible() const;
    /// For tests: the axes' tick labels and titles (f axis, then the inputs').
    std::vector<vtkBillboardTextActor3D*> axisTexts() const;
    /// The bounds of what is drawn of the tangent plane (after clipping).
    std::array<double, 6> tangentBounds() const;
    /// The world box of the ∇f and −∇f arrows as drawn (empty, min > max, when they are not).
    std::array<double, 6> arrowBounds() const;
    /// The length of the ∇f arrow as drawn, in the box's units (0: no arrow).
    double gradientArrowLength() const;
    std::array<double, 6> boxBounds() const;
    /// The font sizes of the input axes' tick labels and titles (for tests).
    std::vector<int> textFontSizes() const;
    /// The colour bar's labels (shaded mode), bottom to top: empty when VTK's own are used.
    std::vector<double> colorBarTicks() const;
    /// What the run legend's cost reads from the scene on screen now, measured once per
    /// layout (the axes' text boxes through FreeType were measured for every place tried, four
    /// times a render during a drag): display pixels.
    struct LegendObstacles {
        std::vector<Eigen::Vector2d> markers; ///< critical points, the point, the runs' balls
        std::vector<std::array<double, 4>>
            texts;                            ///< axis labels and titles; colour bar, state legend
        std::vector<Eigen::Vector2d> surface; ///< about 600 of the surface's points
    };
    LegendObstacles legendObstacles() const;
    /// What the run legend covers at a display box (xmin, xmax, ymin, ymax) among `scene`:
    /// markers, the axes' text, the colour bar and the state's legend, the surface.
    double legendCost(const LegendObstacles& scene, const std::array<double, 4>& box) const;

private:
    /// resetCamera and fitCameraKeepingDirection: the box (the domain, f from 0 to the box's
    /// height) fitted to the window.
    void fitBox(bool keepDirection, bool withArrows = false);
    /// keepTextInView for the box `bounds`, the axes' titles placed first.
    void keepAxisTextInView(const std::array<double, 6>& bounds);
    /// The box the camera frames: the domain, f from 0 to the box's height.
    std::array<double, 6> fitBounds() const;
    void rebuildSurface();
    void rebuildExpansion();
    void updateRuns();
    void applyStyle();
    HeightMap heightMap() const;
    double boxWidth() const;

    SceneStyle m_style;
    double m_deviceScale = 1.0;
    std::shared_ptr<const SurfaceSample> m_surface;
    std::optional<Expansion> m_expansion;
    double m_zScale = 1.0, m_boxHeight = 1.0;

    vtkSmartPointer<vtkRenderer> m_renderer;
    vtkSmartPointer<vtkBox> m_box; ///< the plot's box: models and paths are clipped to it
    vtkSmartPointer<vtkActor> m_wire, m_shaded;
    std::array<double, 6> m_boxBounds{};
    vtkSmartPointer<vtkTextActor> m_title;
    std::unique_ptr<FitTextWidth> m_titleFit; ///< the title within the view's width
    vtkSmartPointer<vtkTextActor> m_message;
    std::unique_ptr<FitTextWidth> m_messageFit;
    std::string m_messageText;
    vtkSmartPointer<vtkScalarBarActor> m_colorBar;
    /// Shaded mode's key light above the viewer and its weaker headlight.
    vtkSmartPointer<vtkLight> m_shadedLight, m_fillLight;
    std::unique_ptr<FAxis> m_fAxis;
    std::unique_ptr<InputAxes> m_inputAxes;
    std::unique_ptr<ExpansionOverlays> m_overlays;
    vtkSmartPointer<vtkCallbackCommand> m_labelWatch;
    unsigned long m_labelObserver = 0;
    std::unique_ptr<RunPaths> m_runs;
    std::unique_ptr<ScenePicker> m_picker;
    std::unique_ptr<CriticalMarkers> m_critical;
    std::vector<PlotMarker> m_criticalData;
};

} // namespace gs
