#pragma once
// The scene of a function of one input: the curve f(x) over its interval, at the expansion
// point the tangent line and the quadratic (second-order Taylor) parabola, critical points
// marked with kind and value, the global minimum on the interval, labelled axes, and the
// optimizer runs as their iterates (x_k, f(x_k)) joined in order, a ball at the frame shown.
// Plain VTK (a Plot2D), so the window and the exporter draw the same picture. It shows what
// the engine computed (the curve is the surface sample's first column, the models are the
// Expansion's); the only arithmetic maps f to the frame's height.

#include "criticalmarkers.h"
#include "plot2d.h"
#include "runpaths.h"
#include "sceneactors.h"
#include "surface.h"

#include <cmath>
#include <memory>
#include <optional>

class vtkActor;
class vtkBox;
class vtkPolyData;

namespace gs {

class CurveScene : public Plot2D {
public:
    CurveScene();
    ~CurveScene() override;

    /// A new curve: the interval and f on it (sample(i, 0) at grid.x(i)); rebuilds the frame.
    /// The line breaks where f is undefined and at each of `breaks` (x where f grows without
    /// bound between two samples: 1/x's pole between -0.02 and 0.02 is not drawn across).
    void setCurve(const SurfaceSample& sample, const std::string& xName,
                  const std::vector<double>& breaks = {});
    /// The point, its tangent line and quadratic parabola (from the Expansion's models).
    void setExpansion(const Expansion& e, bool tangent, bool quadratic);
    /// Markers in plot units: at = (x, f, 0).
    void setCriticalPoints(const std::vector<PlotMarker>& markers);
    /// Optimizer runs in plot units: points (x_k, f(x_k), 0), the start first.
    void setRuns(const std::vector<RunPath>& runs);
    /// Iterates 0..frame of every run (an animation's frame); negative: every path whole.
    void setFrame(int frame);
    const RunPaths& runPaths() const { return *m_runs; }
    /// Where run `run`'s ball is drawn, in plot units (x, f), if it is (for tests).
    std::optional<Eigen::Vector2d> ballAt(int run) const;

    /// The plot point (x, f) of the expansion point's marker, if shown.
    std::optional<Eigen::Vector2d> pointMarker() const;
    /// True when a display position is within a few pixels of the point's marker.
    bool hitsMarker(double displayX, double displayY) const;
    /// Points drawn of the curve, of the tangent and of the parabola (for tests).
    int curvePoints() const;
    /// For tests: the pieces the curve is drawn in (undefined values and breaks part them).
    int curvePieces() const;
    int tangentPoints() const;
    int quadraticPoints() const;
    const CriticalMarkers& markers() const { return *m_markers; }

private:
    void applyPixelScale() override;
    void resizeGlyphs() override;
    /// The runs in world units (the frame's scale of f may have changed), sized for glyphWidth.
    void updateRuns();
    /// What the run legend would hide at a display box: the curve and the models, the point,
    /// the markers and their labels, the runs' iterates.
    double runLegendCost(const std::array<double, 4>& box) const;
    vtkSmartPointer<vtkPolyData> polyline(const std::vector<Eigen::Vector2d>& points,
                                          double z) const;

    std::optional<Eigen::Vector2d> m_point;
    double m_xmin = -INFINITY, m_xmax = INFINITY; ///< the plotted interval (setCurve)
    std::vector<PlotMarker> m_markerData;
    vtkSmartPointer<vtkBox> m_box;
    /// The markers' clip: the frame grown by a ring's radius (placeMarkerBox), so that a ring
    /// at a domain's end stays whole as the view zooms out and the rings grow in world units.
    vtkSmartPointer<vtkBox> m_markerBox;
    void placeMarkerBox();
    vtkSmartPointer<vtkActor> m_curve;
    std::unique_ptr<Disc> m_pointDisc;
    std::unique_ptr<ClippedActor> m_tangent, m_quadratic;
    std::unique_ptr<CriticalMarkers> m_markers;
    std::vector<Eigen::Vector2d> m_curvePlot; ///< the curve's samples (plot units)
    std::vector<RunPath> m_runData;           ///< as given, in plot units
    std::unique_ptr<RunPaths> m_runs;
};

} // namespace gs
