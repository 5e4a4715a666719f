#include "curvescene.h"

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

void setColor(vtkActor* a, const Rgb& c) {
    a->GetProperty()->SetColor(c[0], c[1], c[2]);
}

} // namespace

CurveScene::CurveScene()
    : m_box(vtkSmartPointer<vtkBox>::New())
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
    m_markers->clipTo(m_box); // inside the frame, off the tick labels
    m_markers->addTo(renderer());
    renderer()->AddActor(m_pointDisc->actor);
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

void CurveScene::setCurve(const SurfaceSample& s, const std::string& xName) {
    const GridSpec& g = s.grid;
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
    for (int i = 0; i < g.nx; ++i)
        points.emplace_back(g.x(i), s.z.rows() > i && s.z.cols() > 0 ? s.z(i, 0) : NAN);
    vtkPolyDataMapper::SafeDownCast(m_curve->GetMapper())->SetInputData(polyline(points, kCurveZ));
    const double w = worldWidth();
    m_box->SetBounds(frame[0], frame[1], worldY(frame[2]), worldY(frame[3]), -w, w);
    m_tangent->clip->Modified();
    m_quadratic->clip->Modified();
}

void CurveScene::setExpansion(const Expansion& e, bool tangent, bool quadratic) {
    m_point.reset();
    const bool defined = e.point.size() > 0 && std::isfinite(e.at.value);
    if (defined) {
        m_point = Eigen::Vector2d(e.point[0], e.at.value);
    }
    m_pointDisc->place(m_point ? std::optional(Eigen::Vector3d(e.point[0], worldY(e.at.value),
                                                               kPointZ * worldWidth()))
                               : std::nullopt,
                       0.022 * worldWidth());
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
    for (PlotMarker& m : world)
        m.at = Eigen::Vector3d(m.at.x(), worldY(m.at.y()), 0.002 * worldWidth());
    m_markers->update(world, 0.02 * worldWidth(), scale());
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
int CurveScene::tangentPoints() const {
    return m_tangent->actor->GetVisibility() ? pointCount(m_tangent->output()) : 0;
}
int CurveScene::quadraticPoints() const {
    return m_quadratic->actor->GetVisibility() ? pointCount(m_quadratic->output()) : 0;
}

} // namespace gs
