#pragma once
// Feeds a document's results into the 2-D scenes (the curve view for one input, the
// contour view for two or more) and the critical-point markers of every scene: shared by
// the window and `--export --view`, so screen and file show the same picture.

#include "contourscene.h"
#include "curvescene.h"
#include "document.h"
#include "surfacescene.h"

namespace gs {

/// The views `--view` and the window can show.
enum class ViewKind { Surface, Contour, Curve };

/// `--view` text to a view: "surface", "contour", "curve"; empty means the default for the
/// function (curve for one input, else surface). Returns nullopt for anything else.
std::optional<ViewKind> parseViewKind(const QString& text);
/// The names parseViewKind accepts, for messages and help ("surface|contour|curve").
QString viewKindNames();
/// The view shown when none is asked for: the curve for one input, else the surface.
ViewKind defaultView(const Document& doc);

/// A found point's plotted coordinates within sqrt(eps) of an axis's extent of zero set to 0:
/// an extremum is located only to about that.
Eigen::VectorXd coordinatesAtScale(const Document& doc, Eigen::VectorXd p);

/// The critical points and the domain's extremes as markers, in plot units (x, y, f) for
/// two inputs or (x, f, 0) for one; `labels` names the kind and value ("min −32").
std::vector<PlotMarker> criticalMarkers(const Document& doc, bool labels);
/// One line per critical point for the list: kind, point, value, eigenvalues.
QString criticalPointText(const Document& doc, const CriticalPoint& p);
/// The list's line for the lowest (`lowest`) or highest value of f on the searched domain; one
/// not attained says where f passes every value ("no highest f ...: f rises past 4.017e+61
/// approaching (0)").
QString extremumText(const Document& doc, const DomainExtremum& e, bool lowest);

/// The critical-point markers of the 3-D scene (symbols only, no labels).
void showCriticalPoints(SurfaceScene& scene, const Document& doc);

void showCurve(CurveScene& scene, const Document& doc, double pixelScale = 1.0);
void showCurveExpansion(CurveScene& scene, const Document& doc);
/// The runs on the curve: each iterate at (x_k, f(x_k)).
void showCurveRuns(CurveScene& scene, const Document& doc);

/// Samples along the longer side of the contour view's own sample (contourSample): about two
/// display pixels a cell in a window's plot, where the surface's 101 left the level curves of
/// Rosenbrock's valley jagged.
constexpr int kContourSamples = 301;
/// The sample the contour view draws its level curves from (ContourScene::setLevelSample):
/// f over the part of the domain within `shown` (plot units: xmin, xmax, ymin, ymax) grown by
/// half its size each way (a pan or a notch of zoom out stays covered until the next sample),
/// kContourSamples along its longer side, cells near square. Null when that part is empty or
/// the document's surface is as fine there.
std::shared_ptr<const SurfaceSample> contourSample(const Document& doc,
                                                   const std::array<double, 4>& shown);

/// Samples along the longer side of the level sample for the quadratic model's curves: a
/// quadratic's level curves are smooth, so a cell of two of the level sample's (1/75 of the
/// range shown, under 10 px in a window) keeps them round at any zoom for a few ms a drag.
constexpr int kModelContourSamples = 151;
/// The quadratic model over the part of its grid (Document::modelGrid) within the level
/// sample's (ContourScene::levelSample, the range shown grown by half each way), cells of its
/// longer side / (kModelContourSamples - 1). Nullopt when the two do not meet or the
/// expansion's own grid is as fine.
std::optional<ModelSample> contourModelSample(const Document& doc, const GridSpec& levelGrid);

/// The contour view of the document over its domain, or over `shown` (the range a zoomed
/// view shows: its level curves sampled there).
void showContour(ContourScene& scene, const Document& doc, double pixelScale = 1.0,
                 const std::optional<std::array<double, 4>>& shown = std::nullopt);
/// Only what depends on the point (a drag): the overlays and the stability note.
void showContourExpansion(ContourScene& scene, const Document& doc);
void showContourRuns(ContourScene& scene, const Document& doc);

/// "GD on the local quadratic is stable for η < 0.5 (2/λmax)", or why there is no bound.
QString stabilityHint(const Document& doc);

} // namespace gs
