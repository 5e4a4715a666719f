#include "surfacescene.h"

#include <Eigen/Geometry>

#include <vtkActor.h>
#include <vtkArrowSource.h>
#include <vtkBillboardTextActor3D.h>
#include <vtkBox.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkCellPicker.h>
#include <vtkClipPolyData.h>
#include <vtkColorTransferFunction.h>
#include <vtkCubeAxesActor.h>
#include <vtkDoubleArray.h>
#include <vtkLegendBoxActor.h>
#include <vtkMath.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkScalarBarActor.h>
#include <vtkSphereSource.h>
#include <vtkStaticCellLocator.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>
#include <vtkTransform.h>
#include <vtkTransformPolyDataFilter.h>

#include <cmath>

namespace gs {

namespace {

// Lecture-ready colours on white: the book's matplotlib blue and purple.
constexpr double kInk[3] = {0.13, 0.13, 0.16};
constexpr double kSurface[3] = {0.12, 0.47, 0.71};
constexpr double kQuadratic[3] = {0.50, 0.0, 0.50};
constexpr double kTangent[3] = {1.0, 0.82, 0.50};
constexpr double kAscent[3] = {0.84, 0.15, 0.16};
constexpr double kDescent[3] = {0.17, 0.63, 0.17};
constexpr double kMarker[3] = {0.85, 0.10, 0.10};

vtkSmartPointer<vtkActor> makeActor(vtkAlgorithmOutput* input, vtkPolyData* data = nullptr) {
    auto mapper = vtkSmartPointer<vtkPolyDataMapper>::New();
    if (input)
        mapper->SetInputConnection(input);
    else
        mapper->SetInputData(data);
    mapper->ScalarVisibilityOff();
    auto actor = vtkSmartPointer<vtkActor>::New();
    actor->SetMapper(mapper);
    return actor;
}

// Indices of `lines` evenly spread rows among n samples (always the first and last).
std::vector<int> wireIndices(int n, int lines) {
    std::vector<int> idx;
    lines = std::clamp(lines, 2, n);
    for (int k = 0; k < lines; ++k) {
        const int i = static_cast<int>(std::lround(double(k) * (n - 1) / (lines - 1)));
        if (idx.empty() || idx.back() != i)
            idx.push_back(i);
    }
    return idx;
}

struct GridGeometry {
    vtkSmartPointer<vtkPoints> points = vtkSmartPointer<vtkPoints>::New();
    vtkSmartPointer<vtkDoubleArray> heights = vtkSmartPointer<vtkDoubleArray>::New();
    std::vector<char> valid;
    int nx = 0, ny = 0;
    int id(int i, int j) const { return i + nx * j; }
};

// Grid values as display points; undefined values become holes.
template <class ToZ>
GridGeometry gridGeometry(const GridSpec& g, const Eigen::ArrayXXd& z, ToZ toDisplayZ) {
    GridGeometry geo;
    geo.nx = g.nx;
    geo.ny = g.ny;
    geo.points->SetNumberOfPoints(Eigen::Index(g.nx) * g.ny);
    geo.heights->SetNumberOfValues(Eigen::Index(g.nx) * g.ny);
    geo.valid.resize(std::size_t(g.nx) * g.ny);
    for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i) {
            const double v = z(i, j);
            const bool ok = std::isfinite(v);
            const int id = geo.id(i, j);
            geo.valid[std::size_t(id)] = ok;
            geo.points->SetPoint(id, g.x(i), g.y(j), ok ? toDisplayZ(v) : 0.0);
            geo.heights->SetValue(id, ok ? v : 0.0);
        }
    return geo;
}

// Polylines along both axes through the chosen rows and columns, broken at holes.
vtkSmartPointer<vtkPolyData> wireframe(const GridGeometry& geo, int lines) {
    auto cells = vtkSmartPointer<vtkCellArray>::New();
    std::vector<vtkIdType> run;
    auto flush = [&] {
        if (run.size() >= 2)
            cells->InsertNextCell(static_cast<vtkIdType>(run.size()), run.data());
        run.clear();
    };
    auto trace = [&](int count, auto idAt) {
        for (int k = 0; k < count; ++k) {
            const int id = idAt(k);
            if (geo.valid[std::size_t(id)])
                run.push_back(id);
            else
                flush();
        }
        flush();
    };
    for (int j : wireIndices(geo.ny, lines))
        trace(geo.nx, [&](int i) { return geo.id(i, j); });
    for (int i : wireIndices(geo.nx, lines))
        trace(geo.ny, [&](int j) { return geo.id(i, j); });
    auto poly = vtkSmartPointer<vtkPolyData>::New();
    poly->SetPoints(geo.points);
    poly->SetLines(cells);
    return poly;
}

// Two triangles per grid cell whose four corners are defined.
vtkSmartPointer<vtkPolyData> mesh(const GridGeometry& geo) {
    auto cells = vtkSmartPointer<vtkCellArray>::New();
    for (int j = 0; j + 1 < geo.ny; ++j)
        for (int i = 0; i + 1 < geo.nx; ++i) {
            const vtkIdType a = geo.id(i, j), b = geo.id(i + 1, j), c = geo.id(i + 1, j + 1),
                            d = geo.id(i, j + 1);
            if (!(geo.valid[std::size_t(a)] && geo.valid[std::size_t(b)] &&
                  geo.valid[std::size_t(c)] && geo.valid[std::size_t(d)]))
                continue;
            const vtkIdType t1[3] = {a, b, c}, t2[3] = {a, c, d};
            cells->InsertNextCell(3, t1);
            cells->InsertNextCell(3, t2);
        }
    auto poly = vtkSmartPointer<vtkPolyData>::New();
    poly->SetPoints(geo.points);
    poly->SetPolys(cells);
    poly->GetPointData()->SetScalars(geo.heights);
    return poly;
}

// Viridis, sampled at five stops: perceptually even and readable in grey.
vtkSmartPointer<vtkColorTransferFunction> viridis(double lo, double hi) {
    auto f = vtkSmartPointer<vtkColorTransferFunction>::New();
    const double stops[5][3] = {{0.267, 0.005, 0.329},
                                {0.229, 0.322, 0.546},
                                {0.128, 0.567, 0.551},
                                {0.369, 0.789, 0.383},
                                {0.993, 0.906, 0.144}};
    for (int k = 0; k < 5; ++k)
        f->AddRGBPoint(lo + (hi - lo) * k / 4.0, stops[k][0], stops[k][1], stops[k][2]);
    return f;
}

vtkSmartPointer<vtkActor> clippedModelActor(vtkBox* box) {
    auto clip = vtkSmartPointer<vtkClipPolyData>::New();
    clip->SetInputData(vtkSmartPointer<vtkPolyData>::New());
    clip->SetClipFunction(box);
    clip->InsideOutOn(); // keep what is inside the box
    return makeActor(clip->GetOutputPort());
}

void setClipInput(vtkActor* a, vtkPolyData* data) {
    auto* clip = vtkClipPolyData::SafeDownCast(a->GetMapper()->GetInputAlgorithm());
    clip->SetInputData(data);
}

// A unit sphere behind a transform: placeBall() moves and sizes it.
vtkSmartPointer<vtkActor> ballActor(const double color[3]) {
    vtkNew<vtkSphereSource> sphere;
    sphere->SetThetaResolution(24);
    sphere->SetPhiResolution(16);
    auto place = vtkSmartPointer<vtkTransformPolyDataFilter>::New();
    place->SetInputConnection(sphere->GetOutputPort());
    place->SetTransform(vtkSmartPointer<vtkTransform>::New());
    auto actor = makeActor(place->GetOutputPort());
    actor->GetProperty()->SetColor(color[0], color[1], color[2]);
    actor->GetProperty()->SetSpecular(0.4);
    return actor;
}

void placeBall(vtkActor* ball, const double at[3], double diameter) {
    auto* place = vtkTransformPolyDataFilter::SafeDownCast(ball->GetMapper()->GetInputAlgorithm());
    auto* t = vtkTransform::SafeDownCast(place->GetTransform());
    t->Identity();
    t->Translate(at);
    t->Scale(diameter, diameter, diameter);
    place->Modified();
}

vtkSmartPointer<vtkActor> arrowActor(const double color[3]) {
    vtkNew<vtkArrowSource> arrow;
    arrow->SetTipResolution(24);
    arrow->SetShaftResolution(12);
    arrow->SetTipLength(0.25);
    arrow->SetTipRadius(0.08);
    arrow->SetShaftRadius(0.025);
    auto place = vtkSmartPointer<vtkTransformPolyDataFilter>::New();
    place->SetInputConnection(arrow->GetOutputPort());
    place->SetTransform(vtkSmartPointer<vtkTransform>::New());
    auto actor = makeActor(place->GetOutputPort());
    actor->GetProperty()->SetColor(color[0], color[1], color[2]);
    return actor;
}

// Places the unit arrow (along +x) at `origin`, pointing along `dir`, `length` long.
void placeArrow(vtkActor* actor, const Eigen::Vector3d& origin, const Eigen::Vector3d& dir,
                double length) {
    auto* place = vtkTransformPolyDataFilter::SafeDownCast(actor->GetMapper()->GetInputAlgorithm());
    auto* t = vtkTransform::SafeDownCast(place->GetTransform());
    const Eigen::Vector3d u = dir.normalized();
    const Eigen::Vector3d helper =
        std::abs(u.z()) < 0.9 ? Eigen::Vector3d::UnitZ() : Eigen::Vector3d::UnitX();
    const Eigen::Vector3d v = u.cross(helper).normalized(), w = u.cross(v);
    double m[16] = {u.x() * length,
                    v.x() * length,
                    w.x() * length,
                    origin.x(),
                    u.y() * length,
                    v.y() * length,
                    w.y() * length,
                    origin.y(),
                    u.z() * length,
                    v.z() * length,
                    w.z() * length,
                    origin.z(),
                    0,
                    0,
                    0,
                    1};
    t->SetMatrix(m);
    place->Modified();
}

} // namespace

std::array<double, 3> runColor(int i) {
    // Not the surface's blue, the marker's and ascent arrow's red or the descent arrow's green.
    static constexpr std::array<double, 3> palette[] = {
        {1.00, 0.50, 0.05}, {0.58, 0.40, 0.74}, {0.09, 0.75, 0.81}, {0.55, 0.34, 0.29},
        {0.89, 0.47, 0.76}, {0.74, 0.74, 0.13}, {0.20, 0.20, 0.20}, {0.50, 0.50, 0.50}};
    return palette[static_cast<std::size_t>(i) % std::size(palette)];
}

SurfaceScene::SurfaceScene()
    : m_renderer(vtkSmartPointer<vtkRenderer>::New()) {
    m_renderer->SetBackground(1, 1, 1);

    m_wire = makeActor(nullptr, vtkSmartPointer<vtkPolyData>::New());
    m_wire->GetProperty()->SetColor(kSurface[0], kSurface[1], kSurface[2]);
    m_shaded = makeActor(nullptr, vtkSmartPointer<vtkPolyData>::New());
    m_shaded->GetMapper()->ScalarVisibilityOn();
    m_shaded->GetProperty()->SetInterpolationToGouraud();
    m_pickMesh = makeActor(nullptr, vtkSmartPointer<vtkPolyData>::New());

    m_box = vtkSmartPointer<vtkBox>::New();
    vtkBox* box = m_box;
    m_tangent = clippedModelActor(box);
    m_tangent->GetProperty()->SetColor(kTangent[0], kTangent[1], kTangent[2]);
    m_tangent->GetProperty()->SetOpacity(1.0);
    m_tangent->GetProperty()->EdgeVisibilityOn();
    m_tangent->GetProperty()->SetAmbient(0.5); // lit from either side alike
    m_tangent->GetProperty()->SetDiffuse(0.5);
    m_tangent->GetProperty()->SetEdgeColor(0.90, 0.55, 0.10);
    m_quadratic = clippedModelActor(box);
    m_quadratic->GetProperty()->SetColor(kQuadratic[0], kQuadratic[1], kQuadratic[2]);

    m_marker = ballActor(kMarker);
    m_ascent = arrowActor(kAscent);
    m_descent = arrowActor(kDescent);

    m_axes = vtkSmartPointer<vtkCubeAxesActor>::New();
    m_axes->SetCamera(m_renderer->GetActiveCamera());
    m_axes->SetXTitle("x");
    m_axes->SetYTitle("y");
    m_axes->SetZTitle("");
    // VTK's 2-D mode draws z labels without the z axis line and its ticks: the f axis is
    // ours (m_zAxis, m_zLabels, m_zTitle), on the box's (xmin, ymin) edge.
    m_axes->ZAxisVisibilityOff();
    m_axes->ZAxisLabelVisibilityOff();
    m_axes->ZAxisTickVisibilityOff();
    m_axes->ZAxisMinorTickVisibilityOff();
    m_axes->SetFlyModeToOuterEdges();
    m_axes->SetTickLocationToOutside();
    m_axes->SetUse2DMode(1); // screen-aligned labels: no overlap along a short z axis
    m_axes->SetScreenSize(9);
    m_axes->SetLabelOffset(12);
    m_axes->GetXAxesLinesProperty()->SetColor(kInk[0], kInk[1], kInk[2]);
    m_axes->GetYAxesLinesProperty()->SetColor(kInk[0], kInk[1], kInk[2]);
    m_axes->GetZAxesLinesProperty()->SetColor(kInk[0], kInk[1], kInk[2]);
    for (int a = 0; a < 3; ++a) {
        m_axes->GetTitleTextProperty(a)->SetColor(kInk[0], kInk[1], kInk[2]);
        m_axes->GetLabelTextProperty(a)->SetColor(kInk[0], kInk[1], kInk[2]);
    }

    m_zAxis = makeActor(nullptr, vtkSmartPointer<vtkPolyData>::New());
    m_zAxis->GetProperty()->SetColor(kInk[0], kInk[1], kInk[2]);
    m_renderer->AddActor(m_zAxis);

    // The f axis title sits above the top of the vertical axis, as in most plotting tools.
    m_zTitle = vtkSmartPointer<vtkBillboardTextActor3D>::New();
    m_zTitle->SetInput("f");
    m_zTitle->GetTextProperty()->SetColor(kInk[0], kInk[1], kInk[2]);
    m_zTitle->GetTextProperty()->SetJustificationToCentered();
    m_zTitle->GetTextProperty()->ItalicOn();
    m_renderer->AddActor(m_zTitle);

    m_title = vtkSmartPointer<vtkTextActor>::New();
    m_title->GetTextProperty()->SetColor(kInk[0], kInk[1], kInk[2]);
    m_title->GetTextProperty()->SetJustificationToCentered();
    m_title->GetTextProperty()->SetVerticalJustificationToTop();
    m_title->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
    m_title->SetPosition(0.5, 0.97);

    m_newton = clippedModelActor(box);
    m_newton->GetProperty()->SetColor(0.55, 0.27, 0.07);
    m_newton->SetVisibility(false);
    m_renderer->AddActor(m_newton);

    m_legend = vtkSmartPointer<vtkLegendBoxActor>::New();
    m_legend->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
    m_legend->GetPositionCoordinate()->SetValue(0.02, 0.02);
    m_legend->GetPosition2Coordinate()->SetValue(0.34, 0.04);
    m_legend->BorderOff();
    m_legend->SetPadding(2);
    m_legend->GetEntryTextProperty()->SetColor(kInk[0], kInk[1], kInk[2]);
    m_legend->UseBackgroundOn();
    m_legend->SetBackgroundColor(1, 1, 1);
    m_legend->SetBackgroundOpacity(0.85);
    m_legend->GetEntryTextProperty()->ShadowOff();
    m_legend->GetEntryTextProperty()->ItalicOff();
    m_legend->GetEntryTextProperty()->BoldOff();
    m_legend->SetVisibility(false);
    m_renderer->AddActor2D(m_legend);

    m_colorBar = vtkSmartPointer<vtkScalarBarActor>::New();
    m_colorBar->SetNumberOfLabels(5);
    m_colorBar->SetLabelFormat("%.3g");
    m_colorBar->GetLabelTextProperty()->SetColor(kInk[0], kInk[1], kInk[2]);
    m_colorBar->GetLabelTextProperty()->ShadowOff();
    m_colorBar->GetLabelTextProperty()->ItalicOff();
    m_colorBar->GetLabelTextProperty()->BoldOff();
    m_colorBar->SetPosition(0.88, 0.15);
    m_colorBar->SetWidth(0.08);
    m_colorBar->SetHeight(0.6);

    for (vtkActor* a : {m_wire.Get(), m_shaded.Get(), m_tangent.Get(), m_quadratic.Get(),
                        m_marker.Get(), m_ascent.Get(), m_descent.Get()})
        m_renderer->AddActor(a);
    m_renderer->AddActor(m_axes);
    m_renderer->AddActor2D(m_title);
    m_renderer->AddActor2D(m_colorBar);

    // The pick mesh is never drawn: it is only in the picker's list, so wire gaps still pick.
    m_picker = vtkSmartPointer<vtkCellPicker>::New();
    m_picker->SetTolerance(0.0005);
    m_picker->PickFromListOn();
    m_picker->AddPickList(m_pickMesh);
    m_markerPicker = vtkSmartPointer<vtkCellPicker>::New();
    m_markerPicker->SetTolerance(0.002);
    m_markerPicker->PickFromListOn();
    m_markerPicker->AddPickList(m_marker);

    applyStyle();
    rebuildExpansion(); // nothing to show at an expansion point yet: hides marker and models
    resetCamera();
}

SurfaceScene::~SurfaceScene() = default;

vtkRenderer* SurfaceScene::renderer() const {
    return m_renderer;
}

void SurfaceScene::setTitle(const std::string& title) {
    m_title->SetInput(title.c_str());
}

double SurfaceScene::displayZ(double z) const {
    const double zmin = m_surface ? m_surface->zmin : 0.0;
    return (z - zmin) * m_zScale;
}

void SurfaceScene::setSurface(const SurfaceSample& surface) {
    m_surface = surface;
    rebuildSurface();
    if (m_expansion)
        rebuildExpansion();
}

void SurfaceScene::setExpansion(const Expansion& expansion) {
    m_expansion = expansion;
    rebuildExpansion();
}

void SurfaceScene::setStyle(const SceneStyle& style) {
    if (style == m_style)
        return;
    const bool linesChanged = style.wireLines != m_style.wireLines;
    m_style = style;
    if (linesChanged && m_surface)
        rebuildSurface();
    applyStyle();
    if (m_expansion)
        rebuildExpansion();
}

void SurfaceScene::rebuildSurface() {
    const SurfaceSample& s = *m_surface;
    const GridSpec& g = s.grid;
    // The box is as tall as 0.8 of its wider side, whatever the units of f.
    const double width = std::max(g.xmax - g.xmin, g.ymax - g.ymin);
    m_boxHeight = 0.8 * width;
    m_zScale = m_boxHeight / (s.zmax - s.zmin);
    const GridGeometry geo = gridGeometry(g, s.z, [this](double z) { return displayZ(z); });

    m_wire->GetMapper()->SetInputDataObject(wireframe(geo, m_style.wireLines));
    auto surfaceMesh = mesh(geo);
    m_shaded->GetMapper()->SetInputDataObject(surfaceMesh);
    m_shaded->GetMapper()->SetScalarRange(s.zmin, s.zmax);
    auto lut = viridis(s.zmin, s.zmax);
    m_shaded->GetMapper()->SetLookupTable(lut);
    m_colorBar->SetLookupTable(lut);
    m_pickMesh->GetMapper()->SetInputDataObject(surfaceMesh);
    m_pickMesh->GetMapper()->Update();
    m_picker->InitializePickList();
    m_picker->AddPickList(m_pickMesh);
    m_picker->RemoveAllLocators();
    auto locator = vtkSmartPointer<vtkStaticCellLocator>::New();
    locator->SetDataSet(surfaceMesh);
    locator->BuildLocator();
    m_picker->AddLocator(locator);

    const double bounds[6] = {g.xmin, g.xmax, g.ymin, g.ymax, 0.0, m_boxHeight};
    m_axes->SetBounds(bounds);
    m_axes->SetXAxisRange(g.xmin, g.xmax);
    m_axes->SetYAxisRange(g.ymin, g.ymax);
    m_axes->SetZAxisRange(s.zmin, s.zmax);
    rebuildZAxis();
    // Models and paths are clipped to the same box: never out of the plot, unlike the
    // book's figure.
    m_box->SetBounds(bounds);
    for (vtkActor* a : {m_tangent.Get(), m_quadratic.Get(), m_newton.Get()})
        a->GetMapper()->GetInputAlgorithm()->Modified();
    updateRunGeometry();
}

void SurfaceScene::rebuildExpansion() {
    const bool show =
        m_surface && m_expansion && std::isfinite(m_expansion->at.value) &&
        m_expansion->point.size() > std::max(m_surface->grid.axisX, m_surface->grid.axisY);
    for (vtkActor* a :
         {m_marker.Get(), m_tangent.Get(), m_quadratic.Get(), m_ascent.Get(), m_descent.Get()})
        a->SetVisibility(show);
    if (!show)
        return;
    const Expansion& e = *m_expansion;
    const GridSpec& g = m_surface->grid;
    const double width = std::max(g.xmax - g.xmin, g.ymax - g.ymin);
    const Eigen::Vector3d at(e.point[g.axisX], e.point[g.axisY], displayZ(e.at.value));

    placeBall(m_marker, at.data(), 0.06 * width);

    auto modelZ = [this](double z) { return displayZ(z); };
    const GridGeometry tangent = gridGeometry(e.tangentGrid, e.tangent, modelZ);
    auto plane = mesh(tangent);
    plane->GetPointData()->SetScalars(nullptr);
    setClipInput(m_tangent, plane);
    const GridGeometry quadratic = gridGeometry(e.modelGrid, e.quadratic, modelZ);
    setClipInput(m_quadratic, wireframe(quadratic, m_style.wireLines));

    // The ascent direction lives in f's units; in the box, z is scaled.
    const Eigen::Vector3d ascent(e.ascent.x(), e.ascent.y(), e.ascent.z() * m_zScale);
    // No arrows at a critical point, or where f changes only along inputs not plotted.
    const bool flat = e.gradientNorm <= e.curvature.gradientTolerance ||
                      e.ascent.head<2>().isZero(0) || !ascent.allFinite();
    const double length = 0.3 * width;
    if (!flat) {
        placeArrow(m_ascent, at, ascent, length);
        placeArrow(m_descent, at, -ascent, length);
    }
    m_ascent->SetVisibility(m_style.showGradient && !flat);
    m_descent->SetVisibility(m_style.showGradient && !flat);
    m_tangent->SetVisibility(m_style.showTangent);
    m_quadratic->SetVisibility(m_style.showQuadratic);
}

std::vector<double> niceTicks(double lo, double hi, int most) {
    // The smallest step of 1, 2 or 5 times a power of ten that gives at most `most` ticks;
    // ticks are whole multiples of the step (k * step, so no rounding accumulates).
    const double span = std::max(hi - lo, 1e-300);
    double power = std::pow(10.0, std::floor(std::log10(span / std::max(1, most))) - 1);
    for (;; power *= 10)
        for (double m : {1.0, 2.0, 5.0}) {
            const double step = m * power;
            const double first = std::ceil(lo / step - 1e-9), last = std::floor(hi / step + 1e-9);
            if (last - first + 1 > most)
                continue;
            std::vector<double> ticks;
            for (double k = first; k <= last; ++k)
                ticks.push_back(k == 0 ? 0.0 : k * step);
            return ticks;
        }
}

void SurfaceScene::rebuildZAxis() {
    for (auto& label : m_zLabels)
        m_renderer->RemoveActor(label);
    m_zLabels.clear();
    const SurfaceSample& s = *m_surface;
    const GridSpec& g = s.grid;
    const double width = std::max(g.xmax - g.xmin, g.ymax - g.ymin);
    const double tick = 0.025 * width;
    auto points = vtkSmartPointer<vtkPoints>::New();
    auto lines = vtkSmartPointer<vtkCellArray>::New();
    auto segment = [&](double x0, double y0, double z0, double x1, double y1, double z1) {
        const vtkIdType ids[2] = {points->InsertNextPoint(x0, y0, z0),
                                  points->InsertNextPoint(x1, y1, z1)};
        lines->InsertNextCell(2, ids);
    };
    segment(g.xmin, g.ymin, 0, g.xmin, g.ymin, m_boxHeight);
    // Ticks point away from the box, diagonally out of its corner.
    for (double t : niceTicks(s.zmin, s.zmax, 6)) {
        const double z = displayZ(t);
        segment(g.xmin, g.ymin, z, g.xmin - tick, g.ymin - tick, z);
        auto label = vtkSmartPointer<vtkBillboardTextActor3D>::New();
        char text[32];
        std::snprintf(text, sizeof text, "%g", t);
        label->SetInput(text);
        label->SetPosition(g.xmin - 2.2 * tick, g.ymin - 2.2 * tick, z);
        label->GetTextProperty()->SetColor(kInk[0], kInk[1], kInk[2]);
        label->GetTextProperty()->SetJustificationToRight();
        label->GetTextProperty()->SetVerticalJustificationToCentered();
        label->GetTextProperty()->SetFontSize(
            static_cast<int>(std::lround(13 * m_style.pixelScale)));
        m_renderer->AddActor(label);
        m_zLabels.push_back(label);
    }
    auto poly = vtkSmartPointer<vtkPolyData>::New();
    poly->SetPoints(points);
    poly->SetLines(lines);
    m_zAxis->GetMapper()->SetInputDataObject(poly);
    m_zTitle->SetPosition(g.xmin - 2.2 * tick, g.ymin - 2.2 * tick, 1.1 * m_boxHeight);
}

void SurfaceScene::applyStyle() {
    const double k = m_style.pixelScale;
    m_wire->SetVisibility(!m_style.shaded);
    m_shaded->SetVisibility(m_style.shaded);
    m_colorBar->SetVisibility(m_style.shaded);
    m_wire->GetProperty()->SetLineWidth(static_cast<float>(1.2 * k));
    m_quadratic->GetProperty()->SetLineWidth(static_cast<float>(1.6 * k));
    m_tangent->GetProperty()->SetLineWidth(static_cast<float>(0.5 * k));
    m_axes->GetXAxesLinesProperty()->SetLineWidth(static_cast<float>(k));
    m_axes->GetYAxesLinesProperty()->SetLineWidth(static_cast<float>(k));
    m_axes->GetZAxesLinesProperty()->SetLineWidth(static_cast<float>(k));
    m_title->GetTextProperty()->SetFontSize(static_cast<int>(std::lround(20 * k)));
    m_zTitle->GetTextProperty()->SetFontSize(static_cast<int>(std::lround(16 * k)));
    m_zAxis->GetProperty()->SetLineWidth(static_cast<float>(k));
    for (auto& label : m_zLabels)
        label->GetTextProperty()->SetFontSize(static_cast<int>(std::lround(13 * k)));
    m_colorBar->GetLabelTextProperty()->SetFontSize(static_cast<int>(std::lround(12 * k)));
    m_newton->GetProperty()->SetLineWidth(static_cast<float>(1.4 * k));
    for (auto& r : m_runs) {
        r.line->GetProperty()->SetLineWidth(static_cast<float>(3 * k));
        r.line->GetProperty()->SetPointSize(static_cast<float>(6 * k));
    }
    m_colorBar->SetUnconstrainedFontSize(true);
}

void SurfaceScene::resetCamera() {
    vtkCamera* cam = m_renderer->GetActiveCamera();
    double b[6] = {-2, 2, -2, 2, 0, 2.8};
    if (m_surface) {
        const GridSpec& g = m_surface->grid;
        b[0] = g.xmin;
        b[1] = g.xmax;
        b[2] = g.ymin;
        b[3] = g.ymax;
        b[5] = m_boxHeight;
    }
    const double c[3] = {(b[0] + b[1]) / 2, (b[2] + b[3]) / 2, (b[4] + b[5]) / 2};
    cam->SetFocalPoint(c);
    // matplotlib's default 3-D view: azimuth -60 degrees, elevation 30 degrees.
    cam->SetPosition(c[0] + 0.5, c[1] - 0.866, c[2] + 0.577);
    cam->SetViewUp(0, 0, 1);
    cam->SetViewAngle(30); // Zoom() below narrows it: start from VTK's default every time
    m_renderer->ResetCamera(b);
    // ResetCamera fits a sphere around the box, which leaves it small; fit the box's
    // projected corners instead, leaving a margin for the axis labels and the title.
    if (m_renderer->GetRenderWindow()) {
        // Centre the box's projection in the view, then zoom it to fill 78% of it.
        double lo[2] = {1e300, 1e300}, hi[2] = {-1e300, -1e300};
        for (int corner = 0; corner < 8; ++corner) {
            m_renderer->SetWorldPoint(b[corner & 1], b[2 + ((corner >> 1) & 1)],
                                      b[4 + ((corner >> 2) & 1)], 1.0);
            m_renderer->WorldToView();
            const double* v = m_renderer->GetViewPoint();
            for (int k = 0; k < 2; ++k) {
                lo[k] = std::min(lo[k], v[k]);
                hi[k] = std::max(hi[k], v[k]);
            }
        }
        // One view unit is half the view's height (or width) at the focal distance.
        const double halfHeight =
            cam->GetDistance() * std::tan(vtkMath::RadiansFromDegrees(cam->GetViewAngle() / 2));
        const double aspect = m_renderer->GetAspect()[0];
        Eigen::Vector3d up, right, dir;
        cam->GetViewUp(up.data());
        cam->GetDirectionOfProjection(dir.data());
        right = dir.cross(up).normalized();
        up = right.cross(dir).normalized();
        const Eigen::Vector3d shift = right * ((lo[0] + hi[0]) / 2 * halfHeight * aspect) +
                                      up * ((lo[1] + hi[1]) / 2 * halfHeight);
        Eigen::Vector3d focal, position;
        cam->GetFocalPoint(focal.data());
        cam->GetPosition(position.data());
        focal += shift;
        position += shift;
        cam->SetFocalPoint(focal.data());
        cam->SetPosition(position.data());
        const double extent = std::max((hi[0] - lo[0]) / 2, (hi[1] - lo[1]) / 2);
        if (extent > 0)
            cam->Zoom(0.8 / extent);
    }
    m_renderer->ResetCameraClippingRange();
}

void SurfaceScene::copyCamera(const SurfaceScene& other) {
    m_renderer->GetActiveCamera()->DeepCopy(other.m_renderer->GetActiveCamera());
    m_renderer->ResetCameraClippingRange();
}

void SurfaceScene::setRuns(const std::vector<RunPath>& runs) {
    for (auto& r : m_runs) {
        m_renderer->RemoveActor(r.line);
        m_renderer->RemoveActor(r.ball);
    }
    m_runs.clear();
    for (const RunPath& path : runs) {
        // Paths are clipped to the plot's box like the models: a wild step leaves the box.
        RunActors r{path, clippedModelActor(m_box), nullptr};
        r.line->GetProperty()->SetColor(path.color[0], path.color[1], path.color[2]);
        r.line->GetProperty()->SetLineWidth(static_cast<float>(3 * m_style.pixelScale));
        r.line->GetProperty()->RenderPointsAsSpheresOn();
        r.line->GetProperty()->SetPointSize(static_cast<float>(6 * m_style.pixelScale));
        r.line->GetProperty()->SetVertexVisibility(true);
        r.line->GetProperty()->SetVertexColor(path.color[0], path.color[1], path.color[2]);
        r.ball = ballActor(path.color.data());
        m_renderer->AddActor(r.line);
        m_renderer->AddActor(r.ball);
        m_runs.push_back(std::move(r));
    }
    // Each entry: a short line in the run's colour, then its label.
    vtkNew<vtkPolyData> symbol;
    vtkNew<vtkPoints> ends;
    ends->InsertNextPoint(0, 0, 0);
    ends->InsertNextPoint(1, 0, 0);
    vtkNew<vtkCellArray> segment;
    const vtkIdType ids[2] = {0, 1};
    segment->InsertNextCell(2, ids);
    symbol->SetPoints(ends);
    symbol->SetLines(segment);
    m_legend->SetNumberOfEntries(static_cast<int>(m_runs.size()));
    for (std::size_t i = 0; i < m_runs.size(); ++i)
        m_legend->SetEntry(static_cast<int>(i), symbol.Get(), m_runs[i].path.label.c_str(),
                           const_cast<double*>(m_runs[i].path.color.data()));
    m_legend->GetPosition2Coordinate()->SetValue(0.26, 0.032 * double(m_runs.size()));
    m_legend->SetVisibility(!m_runs.empty());
    updateRunGeometry();
}

void SurfaceScene::setFrame(int frame) {
    m_frame = frame;
    updateRunGeometry();
}

int SurfaceScene::drawnPathPoints(int run) const {
    auto* clip = vtkClipPolyData::SafeDownCast(
        m_runs[std::size_t(run)].line->GetMapper()->GetInputAlgorithm());
    auto* poly = vtkPolyData::SafeDownCast(clip->GetInput());
    return poly ? static_cast<int>(poly->GetNumberOfPoints()) : 0;
}

void SurfaceScene::updateRunGeometry() {
    const double width = m_surface ? std::max(m_surface->grid.xmax - m_surface->grid.xmin,
                                              m_surface->grid.ymax - m_surface->grid.ymin)
                                   : 4.0;
    for (auto& r : m_runs) {
        const auto& pts = r.path.points;
        const int total = static_cast<int>(pts.size());
        const int shown = m_frame < 0 ? total : std::min(total, m_frame + 1);
        auto points = vtkSmartPointer<vtkPoints>::New();
        auto lines = vtkSmartPointer<vtkCellArray>::New();
        auto verts = vtkSmartPointer<vtkCellArray>::New();
        std::vector<vtkIdType> ids;
        for (int k = 0; k < shown; ++k) {
            const Eigen::Vector3d& p = pts[std::size_t(k)];
            if (!p.allFinite())
                break; // a diverged run ends where f stopped being defined
            const vtkIdType id = points->InsertNextPoint(p.x(), p.y(), displayZ(p.z()));
            ids.push_back(id);
            verts->InsertNextCell(1, &id);
        }
        if (ids.size() >= 2)
            lines->InsertNextCell(static_cast<vtkIdType>(ids.size()), ids.data());
        auto poly = vtkSmartPointer<vtkPolyData>::New();
        poly->SetPoints(points);
        poly->SetLines(lines);
        poly->SetVerts(verts);
        setClipInput(r.line, poly);
        double at[3] = {0, 0, 0};
        if (!ids.empty())
            points->GetPoint(ids.back(), at);
        // The ball marks the current iterate while it is inside the box.
        const bool inside = !ids.empty() && m_box->EvaluateFunction(at) <= 1e-9 * width;
        r.ball->SetVisibility(inside);
        if (inside)
            placeBall(r.ball, at, 0.045 * width);
    }
}

void SurfaceScene::setNewtonModel(const GridSpec& grid, const Eigen::ArrayXXd& values) {
    const GridGeometry geo = gridGeometry(grid, values, [this](double z) { return displayZ(z); });
    setClipInput(m_newton, wireframe(geo, 11));
    m_newton->SetVisibility(true);
}

void SurfaceScene::clearNewtonModel() {
    m_newton->SetVisibility(false);
}

bool SurfaceScene::newtonModelVisible() const {
    return m_newton->GetVisibility();
}

Eigen::Vector2d SurfaceScene::toDisplay(double x, double y, double f) const {
    m_renderer->SetWorldPoint(x, y, displayZ(f), 1.0);
    m_renderer->WorldToDisplay();
    const double* d = m_renderer->GetDisplayPoint();
    return {d[0], d[1]};
}

std::array<double, 6> SurfaceScene::quadraticBounds() const {
    auto* clip = vtkClipPolyData::SafeDownCast(m_quadratic->GetMapper()->GetInputAlgorithm());
    clip->Update();
    std::array<double, 6> b{};
    clip->GetOutput()->GetBounds(b.data());
    return b;
}

std::array<double, 6> SurfaceScene::boxBounds() const {
    std::array<double, 6> b{};
    m_axes->GetBounds(b.data());
    return b;
}

std::optional<Eigen::Vector2d> SurfaceScene::pickSurface(int x, int y) const {
    if (!m_surface || !m_picker->Pick(x, y, 0, m_renderer))
        return std::nullopt;
    const double* p = m_picker->GetPickPosition();
    return Eigen::Vector2d(p[0], p[1]);
}

bool SurfaceScene::hitsMarker(int x, int y) const {
    return m_marker->GetVisibility() && m_markerPicker->Pick(x, y, 0, m_renderer);
}

} // namespace gs
