#include "curvescene.h"

#include <algorithm>
#include <cmath>
#include <vtkActor.h>
#include <vtkBox.h>
#include <vtkCellArray.h>
#include <vtkClipPolyData.h>
#include <vtkGlyph3D.h>
#include <vtkGlyphSource2D.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>

namespace gs {

namespace {

// Drawing order along z (towards the camera): curve, models, point and markers on top.
constexpr double kCurveZ = 0.0, kModelZ = 0.001, kPointZ = 0.003;
/// The frame's height relative to its width, whatever the units of f.
constexpr double kAspect = 0.62;
/// Room above and below f's range, as a fraction of it.
constexpr double kHeadroom = 0.08;
/// Room left and right of the domain, as a fraction of its width: more than a ring's radius
/// (the ring is 2.2 times a marker of 0.02 of the frame's width across: 0.022 of it, and its
/// line) so that markers at the domain's ends are whole.
constexpr double kSideRoom = 0.03;
/// The runs' balls at this share of the 3-D and contour views' (sceneLook().ballDiameter of
/// the width): the curve's frame is wider than a contour's square, and a ball there hid the
/// curve's minimum it rested on.
constexpr double kBallShare = 0.6;

void setColor(vtkActor* a, const Rgb& c) {
    a->GetProperty()->SetColor(c[0], c[1], c[2]);
}

} // namespace

CurveScene::CurveScene()
    : m_box(vtkSmartPointer<vtkBox>::New())
    , m_markerBox(vtkSmartPointer<vtkBox>::New())
    , m_curve(makeActor(nullptr, vtkSmartPointer<vtkPolyData>::New()))
    , m_tangent(std::make_unique<ClippedActor>(m_box))
    , m_quadratic(std::make_unique<ClippedActor>(m_box))
    , m_markers(std::make_unique<CriticalMarkers>(true)) {
    const SceneLook& look = sceneLook();
    setColor(m_curve, look.surface);
    setColor(m_tangent->actor, look.tangentEdge);
    setColor(m_quadratic->actor, look.quadratic);

    m_pointDisc = std::make_unique<Disc>(look.marker);

    renderer()->AddActor(m_curve);
    renderer()->AddActor(m_quadratic->actor);
    renderer()->AddActor(m_tangent->actor);
    m_markers->clipTo(m_markerBox); // inside the frame and a ring's radius, off the labels
    m_markers->addTo(renderer());
    renderer()->AddActor(m_pointDisc->actor);
    m_runs = std::make_unique<RunPaths>(renderer(), m_box);
    // The top corner where the legend hides least of the picture (under the note when the
    // note's lines reach it): a parabola's arms fill the top right as often as the left.
    m_runs->setLegendCost([this]() -> RunPaths::LegendCost {
        return [this](const std::array<double, 4>& box) {
            return runLegendCost(legendUnderNote(box));
        };
    });
    applyPixelScale();
}

CurveScene::~CurveScene() = default;

void CurveScene::applyPixelScale() {
    const SceneLook& look = sceneLook();
    const double k = lineScale();
    setColor(m_curve, look.surface); // the look may have changed (the window's preferences)
    setColor(m_tangent->actor, look.tangentEdge);
    setColor(m_quadratic->actor, look.quadratic);
    m_curve->GetProperty()->SetLineWidth(float(2.2 * k));
    m_tangent->actor->GetProperty()->SetLineWidth(float(2.0 * k));
    m_quadratic->actor->GetProperty()->SetLineWidth(float(look.quadraticWidth * 1.3 * k));
    m_markers->setScale(scale());
    if (m_runs)
        m_runs->applyStyle(k);
}

void CurveScene::resizeGlyphs() {
    // The point and the markers keep their size on screen (glyphWidth).
    if (m_point)
        m_pointDisc->place(
            Eigen::Vector3d(m_point->x(), worldY(m_point->y()), kPointZ * worldWidth()),
            0.022 * glyphWidth());
    setCriticalPoints(m_markerData);
    placeMarkerBox();
    updateRuns();
}

void CurveScene::placeMarkerBox() {
    // A ring is 2.2 symbols across (CriticalMarkers); tester s17: zoomed out, the ring at a
    // domain's end outgrew the frame's side room and was cut into arcs.
    const double ring = 1.1 * m_markers->symbolSize() + 0.005 * glyphWidth();
    double b[6];
    m_box->GetBounds(b);
    m_markerBox->SetBounds(b[0] - ring, b[1] + ring, b[2] - ring, b[3] + ring, b[4], b[5]);
}

void CurveScene::setRuns(const std::vector<RunPath>& runs) {
    m_runData = runs;
    m_runs->setRuns(runs, lineScale());
    updateRuns();
    setCriticalPoints(m_markerData); // labels clear of the balls resting on markers
}

void CurveScene::setFrame(int frame) {
    m_runs->setFrame(frame);
    updateRuns();
}

void CurveScene::updateRuns() {
    // RunPaths draws (x, y, height(z)): here y is f at the frame's scale and z is 0.
    for (std::size_t i = 0; i < m_runData.size() && int(i) < m_runs->runCount(); ++i) {
        std::vector<Eigen::Vector3d> world;
        for (const Eigen::Vector3d& p : m_runData[i].points)
            world.emplace_back(p.x(), worldY(p.y()), 0.0);
        m_runs->setPoints(int(i), std::move(world));
    }
    m_runs->update(HeightMap{0, 0}, kBallShare * glyphWidth());
}

std::optional<Eigen::Vector2d> CurveScene::ballAt(int run) const {
    const std::optional<Eigen::Vector3d> c = m_runs->ballCentre(run);
    return c ? std::optional(Eigen::Vector2d(c->x(), plotY(c->y()))) : std::nullopt;
}

double CurveScene::runLegendCost(const std::array<double, 4>& box) const {
    const auto under = [&](const Eigen::Vector2d& plot, double margin) {
        const Eigen::Vector2d d = toDisplay(plot.x(), plot.y());
        return d.x() >= box[0] - margin && d.x() <= box[1] + margin && d.y() >= box[2] - margin &&
               d.y() <= box[3] + margin;
    };
    // The curve: up to kCurveShare for all of it; the point, a marker (and its label beside
    // it), an iterate: each as much as a name cut (RunPaths::kElidedCost), so the legend
    // rather elides a name than hides what the picture is about.
    constexpr double kCurveShare = 30;
    double c = 0;
    int curve = 0;
    for (const Eigen::Vector2d& p : m_curvePlot)
        curve += std::isfinite(p.y()) && under(p, 0) ? 1 : 0;
    if (!m_curvePlot.empty())
        c += kCurveShare * curve / double(m_curvePlot.size());
    const double label = 40 * lineScale(); // a marker's label stands beside it
    for (const PlotMarker& m : m_markerData)
        if (m.at.allFinite())
            c += under(Eigen::Vector2d(m.at.x(), m.at.y()), label) ? RunPaths::kElidedCost : 0;
    if (m_point && under(*m_point, 10 * lineScale()))
        c += RunPaths::kElidedCost;
    for (const RunPath& r : m_runData)
        for (const Eigen::Vector3d& p : r.points)
            if (p.allFinite() && under(Eigen::Vector2d(p.x(), p.y()), 0)) {
                c += RunPaths::kElidedCost;
                break; // a run once: a path ending under it is hidden whatever its length
            }
    // The axes' tick labels: as much as a name cut (Plot2D::axisBandsMet).
    c += RunPaths::kElidedCost * axisBandsMet(box);
    return c;
}

vtkSmartPointer<vtkPolyData> CurveScene::polyline(const std::vector<Eigen::Vector2d>& points,
                                                  double z) const {
    // Undefined values (NaN) break the line into pieces.
    auto pts = vtkSmartPointer<vtkPoints>::New();
    auto lines = vtkSmartPointer<vtkCellArray>::New();
    std::vector<vtkIdType> run;
    auto flush = [&] {
        if (run.size() > 1)
            lines->InsertNextCell(vtkIdType(run.size()), run.data());
        run.clear();
    };
    for (const Eigen::Vector2d& p : points) {
        if (!std::isfinite(p.y())) {
            flush();
            continue;
        }
        run.push_back(pts->InsertNextPoint(p.x(), worldY(p.y()), z * worldWidth()));
    }
    flush();
    auto data = vtkSmartPointer<vtkPolyData>::New();
    data->SetPoints(pts);
    data->SetLines(lines);
    return data;
}

void CurveScene::setCurve(const SurfaceSample& s, const std::string& xName,
                          const std::vector<double>& breaks) {
    const GridSpec& g = s.grid;
    m_xmin = g.xmin;
    m_xmax = g.xmax;
    double lo = s.zmin, hi = s.zmax;
    if (!(hi > lo)) { // a constant: a unit band around it
        lo -= 0.5;
        hi += 0.5;
    }
    const double pad = kHeadroom * (hi - lo);
    // Room beside the domain's ends too: a marker there (the ring round a global extreme at
    // an end of the domain) is drawn whole, not cut in half by the frame.
    const double side = kSideRoom * (g.xmax - g.xmin);
    const std::array<double, 4> frame{g.xmin - side, g.xmax + side, lo - pad, hi + pad};
    setPlotFrame(frame, kAspect * (g.xmax - g.xmin) / (frame[3] - frame[2]), frame[2], xName,
                 "f(" + xName + ")");
    std::vector<Eigen::Vector2d> points;
    for (int i = 0; i < g.nx; ++i) {
        if (i > 0) // a break between this sample and the last: an undefined point there
            for (const double x : breaks)
                if (x > g.x(i - 1) && x < g.x(i)) {
                    points.emplace_back(x, NAN);
                    break;
                }
        points.emplace_back(g.x(i), s.z.rows() > i && s.z.cols() > 0 ? s.z(i, 0) : NAN);
    }
    vtkPolyDataMapper::SafeDownCast(m_curve->GetMapper())->SetInputData(polyline(points, kCurveZ));
    m_curvePlot = std::move(points);
    const double w = worldWidth();
    m_box->SetBounds(frame[0], frame[1], worldY(frame[2]), worldY(frame[3]), -w, w);
    placeMarkerBox();
    m_tangent->clip->Modified();
    m_quadratic->clip->Modified();
    m_runs->forgetCorner();
    updateRuns(); // f's scale changed
}

void CurveScene::setExpansion(const Expansion& e, bool tangent, bool quadratic) {
    m_point.reset();
    // Outside the plotted interval nothing is drawn at the point, as in 2-D (pointInDomain):
    // x = 1.3 on [-1, 1] put its disc beside the frame, its tangent over the ring at x = 1.
    const bool defined = e.point.size() > 0 && std::isfinite(e.at.value) && e.point[0] >= m_xmin &&
                         e.point[0] <= m_xmax;
    if (defined) {
        m_point = Eigen::Vector2d(e.point[0], e.at.value);
    }
    m_pointDisc->place(m_point ? std::optional(Eigen::Vector3d(e.point[0], worldY(e.at.value),
                                                               kPointZ * worldWidth()))
                               : std::nullopt,
                       0.022 * glyphWidth());
    auto column = [](const GridSpec& g, const Eigen::ArrayXXd& v) {
        std::vector<Eigen::Vector2d> points;
        for (int i = 0; i < g.nx && i < v.rows(); ++i)
            points.emplace_back(g.x(i), v.cols() > 0 ? v(i, 0) : NAN);
        return points;
    };
    m_tangent->setInput(polyline(column(e.tangentGrid, e.tangent), kModelZ));
    m_quadratic->setInput(polyline(column(e.modelGrid, e.quadratic), kModelZ));
    m_tangent->actor->SetVisibility(defined && tangent);
    m_quadratic->actor->SetVisibility(defined && quadratic);
}

void CurveScene::setCriticalPoints(const std::vector<PlotMarker>& markers) {
    m_markerData = markers;
    std::vector<PlotMarker> world = markers;
    // A run ending on a marker rests its ball there: the label stands clear of the ball (its
    // radius and 3 pixels), as in the contour view.
    const double ball = 0.5 * sceneLook().ballDiameter * kBallShare * glyphWidth();
    for (PlotMarker& m : world) {
        m.at = Eigen::Vector3d(m.at.x(), worldY(m.at.y()), 0.002 * worldWidth());
        for (const RunPath& r : m_runData) {
            auto end = std::find_if(r.points.begin(), r.points.end(),
                                    [](const Eigen::Vector3d& p) { return !p.allFinite(); });
            if (end == r.points.begin())
                continue;
            const Eigen::Vector3d& p = *std::prev(end); // the last defined iterate
            if (std::hypot(p.x() - m.at.x(), worldY(p.y()) - m.at.y()) <= ball)
                m.labelGap = std::max({m.labelGap, 9.0 * (m.extreme ? 2 : 1),
                                       ball * pixelsPerWorld() / lineScale() + 3});
        }
    }
    m_markers->update(world, 0.02 * glyphWidth(), scale());
}

std::optional<Eigen::Vector2d> CurveScene::pointMarker() const {
    return m_point;
}

bool CurveScene::hitsMarker(double displayX, double displayY) const {
    if (!m_point)
        return false;
    const Eigen::Vector2d d = toDisplay(m_point->x(), m_point->y());
    return (d - Eigen::Vector2d(displayX, displayY)).norm() <= 10 * lineScale();
}

namespace {
int pointCount(vtkPolyData* d) {
    return d ? int(d->GetNumberOfPoints()) : 0;
}
} // namespace

int CurveScene::curvePoints() const {
    return pointCount(vtkPolyData::SafeDownCast(m_curve->GetMapper()->GetInputDataObject(0, 0)));
}
int CurveScene::curvePieces() const {
    auto* d = vtkPolyData::SafeDownCast(m_curve->GetMapper()->GetInputDataObject(0, 0));
    return d ? int(d->GetNumberOfLines()) : 0;
}
int CurveScene::tangentPoints() const {
    return m_tangent->actor->GetVisibility() ? pointCount(m_tangent->output()) : 0;
}
int CurveScene::quadraticPoints() const {
    return m_quadratic->actor->GetVisibility() ? pointCount(m_quadratic->output()) : 0;
}

} // namespace gs
