#include "surfacescene.h"

#include "faxis.h"
#include "overlays.h"
#include "sceneactors.h"
#include "scenecamera.h"
#include "scenepicking.h"
#include "ticks.h"
#include "vectorexport.h"

#include <vtkActor.h>
#include <vtkBillboardTextActor3D.h>
#include <vtkBoundingBox.h>
#include <vtkBox.h>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkColorTransferFunction.h>
#include <vtkDoubleArray.h>
#include <vtkLegendBoxActor.h>
#include <vtkLight.h>
#include <vtkMapper.h>
#include <vtkNew.h>
#include <vtkPolyData.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkScalarBarActor.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cmath>

namespace gs {

namespace {

/// The shaded surface's lights: a key light straight down from above (world +z, whatever
/// the camera) and a headlight; and its material, so that its colours are the colour bar's.
/// VTK lights a facet with normal n as c (a + d (K max(0, n.z) + H max(0, n.v))), v towards
/// the eye. A facet facing up seen from the default 30 degrees (n.z = 1, n.v = sin 30 = 0.5)
/// gets a + d (K + H/2) = 1: the bar's colour exactly. Steeper facets are darker (down to
/// a = 0.45 for a vertical one seen edge-on), none brighter than a + d |(0, 0, 1) + H v| =
/// 0.45 + 0.4074 * 1.480 = 1.053 (n between up and the eye); a flat facet seen from straight
/// above gets 0.45 + 0.4074 * 1.7 = 1.14, from the side 0.86. The headlight keeps what the
/// scene draws on top (ambient 0, diffuse 1) as lit as under the lights before (a shaft
/// seen side on: 0.7 cos 30 = 0.61, was 0.65).
constexpr double kKeyLight = 1.0, kHeadLight = 0.7, kShadedAmbient = 0.45,
                 kShadedDiffuse = (1 - kShadedAmbient) / (kKeyLight + 0.5 * kHeadLight);
/// The colour bar's labels: at most this many round values.
constexpr int kColorBarTicks = 6;
/// The axes' text keeps this far from the view's edges (pixels at line scale 1).
constexpr double kTextMargin = 4;

int fontSize(double points, double pixelScale) {
    return static_cast<int>(std::lround(points * pixelScale));
}

} // namespace

SurfaceScene::SurfaceScene()
    : m_renderer(makeSceneRenderer())
    , m_box(vtkSmartPointer<vtkBox>::New()) {
    m_boxBounds = {-2, 2, -2, 2, 0, m_style.boxHeight * 4};

    m_wire = makeActor(nullptr, vtkSmartPointer<vtkPolyData>::New());
    m_shaded = makeActor(nullptr, vtkSmartPointer<vtkPolyData>::New());
    m_shaded->GetMapper()->ScalarVisibilityOn();
    m_shaded->GetProperty()->SetInterpolationToGouraud();
    // Some light everywhere: a steep slope keeps its colour readable against the colour bar;
    // a facet facing up has the bar's colour (kShadedDiffuse).
    m_shaded->GetProperty()->SetAmbient(kShadedAmbient);
    m_shaded->GetProperty()->SetDiffuse(kShadedDiffuse);
    // Shaded, the surface's triangles hide what is behind them in a vector figure (as in the
    // raster); the wireframe, drawn alone, is see-through in both.
    markHiding(m_shaded);

    m_title = vtkSmartPointer<vtkTextActor>::New();
    m_title->GetTextProperty()->SetJustificationToCentered();
    m_title->GetTextProperty()->SetVerticalJustificationToTop();
    m_title->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
    m_title->SetPosition(0.5, 0.97);
    // Zoomed in, the surface reaches the top of the view: the title keeps a ground
    // (look.panel, applyStyle).
    m_title->GetTextProperty()->SetBackgroundOpacity(0.85);
    m_title->GetTextProperty()->SetFrame(false);

    m_colorBar = vtkSmartPointer<vtkScalarBarActor>::New();
    m_colorBar->SetNumberOfLabels(5);
    m_colorBar->SetLabelFormat("%g"); // round values: 0.2, 1500, 1e-05
    m_colorBar->GetLabelTextProperty()->ShadowOff();
    m_colorBar->GetLabelTextProperty()->ItalicOff();
    m_colorBar->GetLabelTextProperty()->BoldOff();
    m_colorBar->SetPosition(0.88, 0.15);
    m_colorBar->SetWidth(0.08);
    m_colorBar->SetHeight(0.6);
    m_colorBar->SetUnconstrainedFontSize(true);

    // Drawing order: the f axis, the input axes, the Newton model, the legend, the surface,
    // the point's overlays, then the title and the colour bar.
    m_fAxis = std::make_unique<FAxis>(m_renderer);
    m_inputAxes = std::make_unique<InputAxes>(m_renderer);
    m_overlays = std::make_unique<ExpansionOverlays>(m_box);
    m_overlays->addNewtonModelTo(m_renderer);
    m_runs = std::make_unique<RunPaths>(m_renderer, m_box);
    // All four corners: the 3-D box leaves the bottom ones free as often as the top ones.
    m_runs->setLegendCost(
        [this]() -> RunPaths::LegendCost {
            return [this, scene = legendObstacles()](const std::array<double, 4>& box) {
                return legendCost(scene, box);
            };
        },
        {.bottomCorners = true});
    m_renderer->AddActor(m_wire);
    m_renderer->AddActor(m_shaded);
    // The shaded surface's lights: VTK's headlight (at the eye) alone lit a height field seen
    // from 30 degrees up at half strength where it is flat and nearly not at all where it
    // rises towards the viewer (log-sum-exp's near side came out black). A key light from
    // straight above lights what faces up fully from any side (a height field faces up
    // everywhere: n.z > 0), so the surface has the colour bar's colours where it is flat; a
    // headlight keeps what faces the viewer lit (the arrows' and balls' fronts). The
    // vector export lights with the same lights (vectorexport.cpp). The wireframe keeps
    // VTK's own headlight (applyStyle).
    m_shadedLight = vtkSmartPointer<vtkLight>::New();
    m_shadedLight->SetLightTypeToSceneLight();
    m_shadedLight->SetPosition(0, 0, 1); // world coordinates: from +z down
    m_shadedLight->SetFocalPoint(0, 0, 0);
    m_shadedLight->PositionalOff();
    m_shadedLight->SetIntensity(kKeyLight);
    m_fillLight = vtkSmartPointer<vtkLight>::New();
    m_fillLight->SetLightTypeToHeadlight();
    m_fillLight->SetIntensity(kHeadLight);
    m_overlays->addTo(m_renderer);
    m_renderer->AddActor2D(m_title);
    m_titleFit = std::make_unique<FitTextWidth>(m_title, m_renderer, 0.96);
    m_message = vtkSmartPointer<vtkTextActor>::New();
    m_message->GetTextProperty()->SetJustificationToCentered();
    m_message->GetTextProperty()->SetVerticalJustificationToCentered();
    m_message->GetTextProperty()->ItalicOn();
    m_message->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
    m_message->SetPosition(0.5, 0.55);
    m_message->SetVisibility(false);
    m_renderer->AddActor2D(m_message);
    m_messageFit = std::make_unique<FitTextWidth>(m_message, m_renderer, 0.9);
    m_renderer->AddActor2D(m_colorBar);
    m_picker = std::make_unique<ScenePicker>(m_overlays->marker());
    m_critical = std::make_unique<CriticalMarkers>(false);
    m_critical->addTo(m_renderer);

    // The Newton label (an animation's caption) keeps off the axes' tick labels and titles
    // where they are drawn now: placed before every render, after the others' layout.
    m_labelWatch = vtkSmartPointer<vtkCallbackCommand>::New();
    m_labelWatch->SetClientData(this);
    m_labelWatch->SetCallback([](vtkObject*, unsigned long, void* self, void*) {
        auto* scene = static_cast<SurfaceScene*>(self);
        // The input axes' titles beyond their labels as this frame draws them.
        scene->placeAxisTitles();
        // No caption, nothing to place: the text boxes below were 6% of a drag move's own work
        // (perf).
        if (scene->m_overlays->newtonLabel().empty())
            return;
        std::vector<std::array<double, 4>> avoid;
        for (vtkBillboardTextActor3D* t : scene->axisTexts())
            if (t->GetVisibility() && t->GetInput() && *t->GetInput())
                avoid.push_back(textDisplayBox(scene->m_renderer, t));
        // And the title and the run legend (a caption under the title keeps off them).
        vtkRenderer* r = scene->m_renderer;
        double top = 0.9;
        if (scene->m_title->GetVisibility() && scene->m_title->GetInput()) {
            double b[4];
            scene->m_title->GetBoundingBox(r, b);
            const double* at =
                scene->m_title->GetActualPositionCoordinate()->GetComputedDoubleViewportValue(r);
            avoid.push_back({b[0] + at[0], b[1] + at[0], b[2] + at[1], b[3] + at[1]});
            if (r->GetSize()[1] > 0)
                top = (b[2] + at[1]) / r->GetSize()[1];
        }
        // And the step's legend, laid out before this (RunPaths' observer comes first): in
        // the bottom right it covered the caption (tester s20).
        for (vtkLegendBoxActor* legend :
             {scene->m_runs->legend(), scene->m_runs->stateGlyphs().legend()})
            if (legend && legend->GetVisibility()) {
                const int* p0 = legend->GetPositionCoordinate()->GetComputedDisplayValue(r);
                const int* p1 = legend->GetPosition2Coordinate()->GetComputedDisplayValue(r);
                avoid.push_back({double(std::min(p0[0], p1[0])), double(std::max(p0[0], p1[0])),
                                 double(std::min(p0[1], p1[1])), double(std::max(p0[1], p1[1]))});
            }
        scene->m_overlays->placeNewtonLabel(r, avoid, top);
    });
    m_labelObserver = m_renderer->AddObserver(vtkCommand::StartEvent, m_labelWatch, -10.0f);

    applyStyle();
    rebuildExpansion(); // nothing to show at an expansion point yet: hides marker and models
    resetCamera();
}

SurfaceScene::~SurfaceScene() {
    m_renderer->RemoveObserver(m_labelObserver);
}

std::array<double, 4> SurfaceScene::newtonLabelBox() const {
    return m_overlays->newtonLabelBox(m_renderer);
}

vtkRenderer* SurfaceScene::renderer() const {
    return m_renderer;
}

void SurfaceScene::setTitle(const std::string& title) {
    m_title->SetInput(title.c_str());
}

void SurfaceScene::setMessage(const std::string& message) {
    m_messageText = message;
    // Words into lines of at most kMessageLine characters (UTF-8: continuation bytes do not
    // count); a word longer than that has a line of its own.
    std::string wrapped, line;
    const auto length = [](const std::string& s) {
        return std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; });
    };
    std::size_t at = 0;
    while (at < message.size()) {
        const std::size_t end = std::min(message.find(' ', at), message.size());
        const std::string word = message.substr(at, end - at);
        at = end + 1;
        if (!line.empty() && length(line) + 1 + length(word) > kMessageLine) {
            wrapped += (wrapped.empty() ? "" : "\n") + line;
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    if (!line.empty())
        wrapped += (wrapped.empty() ? "" : "\n") + line;
    m_message->SetInput(wrapped.c_str());
    m_message->SetVisibility(!message.empty());
}

HeightMap SurfaceScene::heightMap() const {
    return {m_surface ? m_surface->zmin : 0.0, m_zScale};
}

double SurfaceScene::displayZ(double z) const {
    return heightMap()(z);
}

double SurfaceScene::boxWidth() const {
    if (!m_surface)
        return 4.0;
    const GridSpec& g = m_surface->grid;
    return std::max(g.xmax - g.xmin, g.ymax - g.ymin);
}

void SurfaceScene::setSurface(const SurfaceSample& surface) {
    setSurface(std::make_shared<const SurfaceSample>(surface));
}

void SurfaceScene::setSurface(std::shared_ptr<const SurfaceSample> surface) {
    if (!surface)
        return;
    m_surface = std::move(surface);
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
    const bool linesChanged =
        style.wireLines != m_style.wireLines || style.boxHeight != m_style.boxHeight;
    m_style = style;
    if (linesChanged && m_surface)
        rebuildSurface();
    applyStyle();
    if (m_expansion)
        rebuildExpansion();
}

void SurfaceScene::setDeviceScale(double ratio) {
    if (!(ratio > 0) || ratio == m_deviceScale)
        return;
    m_deviceScale = ratio;
    applyStyle();
}

PixelScale SurfaceScene::pixelScale() const {
    return {m_style.pixelScale, m_style.pixelScale * m_deviceScale};
}

double SurfaceScene::wireLineWidth() const {
    return m_wire->GetProperty()->GetLineWidth();
}

void SurfaceScene::rebuildSurface() {
    const SurfaceSample& s = *m_surface;
    const GridSpec& g = s.grid;
    m_boxHeight = m_style.boxHeight * boxWidth();
    m_zScale = m_boxHeight / (s.zmax - s.zmin);
    const GridGeometry geo = gridGeometry(g, s.z, heightMap());

    m_wire->GetMapper()->SetInputDataObject(wireframe(geo, m_style.wireLines));
    auto surfaceMesh = mesh(geo);
    m_shaded->GetMapper()->SetInputDataObject(surfaceMesh);
    m_shaded->GetMapper()->SetScalarRange(s.zmin, s.zmax);
    auto lut = viridis(s.zmin, s.zmax);
    m_shaded->GetMapper()->SetLookupTable(lut);
    m_colorBar->SetLookupTable(lut);
    // The bar's labels at round values (1, 2 or 5 times a power of ten apart, niceTicks)
    // inside f's range: VTK's own labels divide the range evenly (0.429, 0.214, ...).
    vtkNew<vtkDoubleArray> ticks;
    for (double t : niceTicks(s.zmin, s.zmax, kColorBarTicks))
        if (t >= s.zmin && t <= s.zmax)
            ticks->InsertNextValue(t);
    m_colorBar->SetCustomLabels(ticks);
    m_colorBar->SetUseCustomLabels(ticks->GetNumberOfTuples() >= 2);
    m_picker->setSurface(surfaceMesh);

    const double bounds[6] = {g.xmin, g.xmax, g.ymin, g.ymax, 0.0, m_boxHeight};
    std::copy(std::begin(bounds), std::end(bounds), m_boxBounds.begin());
    m_inputAxes->rebuild(g);
    m_fAxis->rebuild(g, s.zmin, s.zmax, heightMap(), m_boxHeight);
    // Models and paths are clipped to the same box: never out of the plot, unlike the
    // book's figure.
    m_box->SetBounds(bounds);
    m_overlays->boxChanged();
    updateRuns();
    setCriticalPoints(std::vector<PlotMarker>(m_criticalData)); // at the new heights
}

void SurfaceScene::setCriticalPoints(const std::vector<PlotMarker>& markers) {
    m_criticalData = markers;
    std::vector<PlotMarker> world = markers;
    for (PlotMarker& m : world)
        m.at.z() = m_surface ? heightMap()(m.at.z()) : 0.0;
    // Markers only: the 3-D scene has no room for labels (the list panel names them).
    for (PlotMarker& m : world)
        m.label.clear();
    m_critical->update(world, 0.6 * sceneLook().markerDiameter * boxWidth(), pixelScale());
}

void SurfaceScene::rebuildExpansion() {
    m_overlays->update(m_expansion ? &*m_expansion : nullptr,
                       m_surface ? &m_surface->grid : nullptr, heightMap(), m_style,
                       m_surface ? meanSlope(*m_surface) : 0.0);
}

void SurfaceScene::updateRuns() {
    m_runs->update(heightMap(), boxWidth());
}

void SurfaceScene::applyStyle() {
    const SceneLook& look = sceneLook();
    const PixelScale scale = pixelScale();
    const double k = scale.text;
    // Colours: the look may have changed since the scene was built (applyLook).
    const Rgb& ink = look.ink;
    m_renderer->SetBackground(look.background[0], look.background[1], look.background[2]);
    m_wire->GetProperty()->SetColor(look.surface[0], look.surface[1], look.surface[2]);
    m_title->GetTextProperty()->SetColor(ink[0], ink[1], ink[2]);
    m_title->GetTextProperty()->SetBackgroundColor(look.panel[0], look.panel[1], look.panel[2]);
    m_colorBar->GetLabelTextProperty()->SetColor(ink[0], ink[1], ink[2]);
    m_wire->SetVisibility(!m_style.shaded);
    m_shaded->SetVisibility(m_style.shaded);
    // Shaded: the light above the viewer; else none of ours (VTK makes its headlight).
    m_renderer->RemoveAllLights();
    if (m_style.shaded) {
        m_renderer->AddLight(m_shadedLight);
        m_renderer->AddLight(m_fillLight);
    }
    m_colorBar->SetVisibility(m_style.shaded);
    m_wire->GetProperty()->SetLineWidth(static_cast<float>(look.wireWidth * scale.line));
    m_inputAxes->applyStyle(scale);
    m_titleFit->setFontSize(fontSize(look.titleFont, k));
    m_message->GetTextProperty()->SetColor(ink[0], ink[1], ink[2]);
    m_messageFit->setFontSize(fontSize(look.fTitleFont, k));
    m_colorBar->GetLabelTextProperty()->SetFontSize(fontSize(look.colorBarFont, k));
    m_fAxis->applyStyle(scale);
    m_overlays->applyStyle(scale);
    m_runs->applyStyle(scale.line);
    m_critical->setScale(scale);
}

void SurfaceScene::setTopView(bool top) {
    vtkCamera* cam = m_renderer->GetActiveCamera();
    m_fAxis->setVisible(!top);
    cam->SetParallelProjection(top);
    if (top && m_surface) {
        // Half the visible height: the domain with a margin for the axes' labels.
        const GridSpec& g = m_surface->grid;
        const double aspect =
            m_renderer->GetRenderWindow() ? m_renderer->GetTiledAspectRatio() : 1.0;
        cam->SetParallelScale(0.5 * 1.3 *
                              std::max(g.ymax - g.ymin, (g.xmax - g.xmin) / std::max(aspect, 0.1)));
        // The labels inside the view and the domain under the title (its top edge met the
        // title: tester s13b).
        keepAxisTextInView(fitBounds());
    }
    m_renderer->ResetCameraClippingRange();
}

std::vector<vtkBillboardTextActor3D*> SurfaceScene::axisTexts() const {
    std::vector<vtkBillboardTextActor3D*> texts = m_fAxis->texts();
    for (vtkBillboardTextActor3D* t : m_inputAxes->texts())
        texts.push_back(t);
    return texts;
}

bool SurfaceScene::fAxisVisible() const {
    return m_fAxis->isVisible();
}

void SurfaceScene::resetCamera() {
    fitBox(false);
}

void SurfaceScene::fitCameraKeepingDirection(bool withArrows) {
    fitBox(true, withArrows);
}

void SurfaceScene::keepAxisTextInView() {
    keepAxisTextInView(fitBounds());
    m_renderer->ResetCameraClippingRange();
}

void SurfaceScene::keepAxisTextInView(const std::array<double, 6>& bounds) {
    placeAxisTitles(); // where this view draws them, for the fit below
    keepTextInView(m_renderer, bounds.data(), axisTexts(), kTextMargin * pixelScale().line,
                   titleBand());
}

std::array<double, 6> SurfaceScene::fitBounds() const {
    std::array<double, 6> b{-2, 2, -2, 2, 0, 2.8};
    if (m_surface) {
        const GridSpec& g = m_surface->grid;
        b = {g.xmin, g.xmax, g.ymin, g.ymax, 0, m_boxHeight};
    }
    return b;
}

void SurfaceScene::restoreCamera(const CameraState& camera, double aspect) {
    applyCamera(m_renderer, camera);
    // A top view's f axis is hidden, as setTopView hides it.
    m_fAxis->setVisible(!camera.parallelProjection);
    const std::array<double, 6> b = fitBounds();
    const double saved = camera.viewSize[1] > 0 ? camera.viewSize[0] / camera.viewSize[1] : 0.0;
    zoomCamera(m_renderer->GetActiveCamera(),
               aspectZoom(m_renderer->GetActiveCamera(), b.data(), saved, aspect));
    m_renderer->ResetCameraClippingRange();
}

std::array<double, 6> SurfaceScene::arrowBounds() const {
    return m_overlays->arrowBounds();
}

void SurfaceScene::fitBox(bool keepDirection, bool withArrows) {
    m_fAxis->setVisible(true);
    m_renderer->GetActiveCamera()->ParallelProjectionOff();
    std::array<double, 6> bounds = fitBounds();
    if (withArrows) {
        // A preset's direction (front, side) sees the arrows' rise or fall beside the box
        // (tester s23: from the side the −∇f arrow ran off the view's foot): fitted too.
        vtkBoundingBox box(bounds.data());
        if (const std::array<double, 6> arrows = arrowBounds();
            vtkBoundingBox::IsValid(arrows.data()))
            box.AddBounds(arrows.data());
        box.GetBounds(bounds.data());
    }
    const std::optional<std::array<double, 3>> plane = planeNormal();
    fitCamera(m_renderer, bounds.data(), keepDirection, plane ? &*plane : nullptr);
    // The axes' tick labels and titles inside the view too (a narrow view cut "2500").
    keepAxisTextInView(bounds);
}

double SurfaceScene::titleBand() const {
    // The band from the view's top to the title's bottom (pixels), once the title is laid out.
    if (!m_title->GetVisibility() || !m_title->GetInput() || !*m_title->GetInput() ||
        !m_renderer->GetRenderWindow() || m_renderer->GetSize()[1] <= 0)
        return 0;
    double t[4];
    m_title->GetBoundingBox(m_renderer, t);
    const double* at =
        m_title->GetActualPositionCoordinate()->GetComputedDoubleViewportValue(m_renderer);
    const double band = std::max(0.0, m_renderer->GetSize()[1] - (t[2] + at[1]));
    return band > 0.25 * m_renderer->GetSize()[1] ? 0.0 : band; // not laid out yet
}

void SurfaceScene::placeAxisTitles() {
    // The f axis on the vertical edge seen leftmost (its labels stand to its left, in the
    // open; no surface in front of it). Another edge only when it is a pixel further left:
    // no flicker between two edges seen one above the other (from the front or the side).
    if (m_surface && m_fAxis->isVisible() && m_renderer->GetRenderWindow()) {
        const GridSpec& g = m_surface->grid;
        auto left = [&](int corner) {
            m_renderer->SetWorldPoint((corner & 1) ? g.xmax : g.xmin,
                                      (corner & 2) ? g.ymax : g.ymin, 0, 1.0);
            m_renderer->WorldToDisplay();
            return m_renderer->GetDisplayPoint()[0];
        };
        int best = m_fAxis->corner();
        double bestX = left(best) - 1;
        for (int corner = 0; corner < 4; ++corner)
            if (const double x = left(corner); x < bestX) {
                best = corner;
                bestX = x;
            }
        m_fAxis->setCorner(best);
    }
    std::vector<std::array<double, 4>> fLabels;
    if (m_fAxis->isVisible())
        for (vtkBillboardTextActor3D* t : m_fAxis->texts())
            if (t->GetInput() && *t->GetInput())
                fLabels.push_back(textDisplayBox(m_renderer, t));
    m_inputAxes->placeTitles(fLabels);
}

std::optional<std::array<double, 3>> SurfaceScene::planeNormal() const {
    if (!m_surface || !m_surface->anyFinite)
        return std::nullopt;
    const SurfaceSample& s = *m_surface;
    const GridSpec& g = s.grid;
    const Eigen::Index nx = s.z.rows(), ny = s.z.cols();
    if (nx < 2 || ny < 2 || !(g.xmax > g.xmin) || !(g.ymax > g.ymin))
        return std::nullopt;
    // The plane through three corners as drawn (world z), and every sample on it: f is
    // linear over the plotted inputs (a tolerance of rounding, relative to the box's height).
    const HeightMap h = heightMap();
    const double z00 = h(s.z(0, 0)), z10 = h(s.z(nx - 1, 0)), z01 = h(s.z(0, ny - 1));
    if (!std::isfinite(z00) || !std::isfinite(z10) || !std::isfinite(z01))
        return std::nullopt;
    const double dx = (z10 - z00) / (g.xmax - g.xmin), dy = (z01 - z00) / (g.ymax - g.ymin);
    const double tolerance = 1e-6 * std::max(m_boxHeight, 1e-300);
    for (Eigen::Index j = 0; j < ny; ++j)
        for (Eigen::Index i = 0; i < nx; ++i) {
            const double z = h(s.z(i, j));
            if (!std::isfinite(z) || std::abs(z - (z00 + dx * (g.x(int(i)) - g.xmin) +
                                                   dy * (g.y(int(j)) - g.ymin))) > tolerance)
                return std::nullopt;
        }
    return std::array<double, 3>{-dx, -dy, 1.0};
}

void SurfaceScene::copyCamera(const SurfaceScene& other, double aspect) {
    vtkCamera* camera = m_renderer->GetActiveCamera();
    camera->DeepCopy(other.m_renderer->GetActiveCamera());
    if (aspect > 0 && other.m_renderer->GetRenderWindow()) {
        const std::array<double, 6> b = fitBounds();
        zoomCamera(camera,
                   aspectZoom(camera, b.data(), other.m_renderer->GetTiledAspectRatio(), aspect));
    }
    m_renderer->ResetCameraClippingRange();
}

void SurfaceScene::setRuns(const std::vector<RunPath>& runs) {
    m_runs->setRuns(runs, pixelScale().line);
    updateRuns();
}

void SurfaceScene::setFrame(int frame) {
    m_runs->setFrame(frame);
    updateRuns();
}

void SurfaceScene::setStepMarks(const std::optional<StepMarks>& marks) {
    m_runs->setStepMarks(marks);
    updateRuns();
}

int SurfaceScene::drawnPathPoints(int run) const {
    return m_runs->drawnPoints(run);
}

void SurfaceScene::setNewtonModel(const GridSpec& grid, const Eigen::ArrayXXd& values,
                                  const std::string& label) {
    m_overlays->setNewtonModel(grid, values, heightMap(), label);
}

std::string SurfaceScene::newtonLabel() const {
    return m_overlays->newtonLabel();
}

void SurfaceScene::clearNewtonModel() {
    m_overlays->clearNewtonModel();
}

bool SurfaceScene::newtonModelVisible() const {
    return m_overlays->newtonModelVisible();
}

Eigen::Vector2d SurfaceScene::toDisplay(double x, double y, double f) const {
    m_renderer->SetWorldPoint(x, y, displayZ(f), 1.0);
    m_renderer->WorldToDisplay();
    const double* d = m_renderer->GetDisplayPoint();
    return {d[0], d[1]};
}

SurfaceScene::LegendObstacles SurfaceScene::legendObstacles() const {
    LegendObstacles o;
    auto display = [&](const double* w) {
        m_renderer->SetWorldPoint(w[0], w[1], w[2], 1.0);
        m_renderer->WorldToDisplay();
        const double* d = m_renderer->GetDisplayPoint();
        return Eigen::Vector2d(d[0], d[1]);
    };
    for (const PlotMarker& m : m_criticalData) {
        const double w[3] = {m.at.x(), m.at.y(), m_surface ? heightMap()(m.at.z()) : 0.0};
        o.markers.push_back(display(w));
    }
    if (markerVisible())
        o.markers.push_back(display(m_overlays->marker()->GetCenter()));
    for (int i = 0; i < m_runs->runCount(); ++i)
        if (const std::optional<Eigen::Vector3d> b = m_runs->ballCentre(i))
            o.markers.push_back(display(b->data()));
    for (vtkBillboardTextActor3D* t : axisTexts())
        if (t->GetVisibility() && t->GetInput() && *t->GetInput())
            o.texts.push_back(textDisplayBox(m_renderer, t));
    // The 2-D pieces in the corners: the colour bar (shaded, right) and the state's legend
    // (bottom right), where they are now.
    const auto rectOf = [&](vtkActor2D* a) {
        const int* p0 = a->GetPositionCoordinate()->GetComputedDisplayValue(m_renderer);
        const int* p1 = a->GetPosition2Coordinate()->GetComputedDisplayValue(m_renderer);
        return std::array<double, 4>{double(std::min(p0[0], p1[0])), double(std::max(p0[0], p1[0])),
                                     double(std::min(p0[1], p1[1])),
                                     double(std::max(p0[1], p1[1]))};
    };
    if (m_colorBar->GetVisibility()) {
        // Its end labels stand half a line past the bar's ends ("2500" at the top): a legend
        // placed against the bar's own box ran into them (tester s11). Grown by a label's
        // height on every side.
        std::array<double, 4> bar = rectOf(m_colorBar);
        const double room = m_colorBar->GetLabelTextProperty()->GetFontSize();
        bar = {bar[0] - room, bar[1] + room, bar[2] - room, bar[3] + room};
        o.texts.push_back(bar);
    }
    if (vtkLegendBoxActor* state = m_runs->stateGlyphs().legend(); state && state->GetVisibility())
        o.texts.push_back(rectOf(state));
    // The surface: at most about 600 of its points.
    vtkPolyData* surface = vtkPolyData::SafeDownCast(
        (m_style.shaded ? m_shaded : m_wire)->GetMapper()->GetInputDataObject(0, 0));
    const vtkIdType n = surface ? surface->GetNumberOfPoints() : 0;
    if (n > 0) {
        const vtkIdType stride = std::max<vtkIdType>(1, n / 600);
        for (vtkIdType i = 0; i < n; i += stride) {
            double w[3];
            surface->GetPoint(i, w);
            o.surface.push_back(display(w));
        }
    }
    return o;
}

double SurfaceScene::legendCost(const LegendObstacles& scene,
                                const std::array<double, 4>& box) const {
    // box: xmin, xmax, ymin, ymax (display pixels). A marker (critical point, the point, a
    // run's ball) within kMarkerRoom of it costs kMarkerCost, an axis label or title (or the
    // colour bar, the state's legend) it meets kHiddenCost (a marker hidden is worse: its
    // label is not drawn in 3-D); the surface costs kSurfaceCost per percent of its points
    // under the box.
    constexpr double kMarkerCost = 2000, kHiddenCost = 1000, kSurfaceCost = 5, kMarkerRoom = 12;
    auto near = [&](const Eigen::Vector2d& d, double room) {
        return d.x() >= box[0] - room && d.x() <= box[1] + room && d.y() >= box[2] - room &&
               d.y() <= box[3] + room;
    };
    double cost = 0;
    for (const Eigen::Vector2d& m : scene.markers)
        cost += near(m, kMarkerRoom * m_deviceScale) ? kMarkerCost : 0;
    for (const std::array<double, 4>& a : scene.texts) {
        const bool apart = a[1] < box[0] || box[1] < a[0] || a[3] < box[2] || box[3] < a[2];
        cost += apart ? 0 : kHiddenCost;
    }
    if (!scene.surface.empty()) {
        const auto under = std::count_if(scene.surface.begin(), scene.surface.end(),
                                         [&](const Eigen::Vector2d& d) { return near(d, 0); });
        cost += kSurfaceCost * 100.0 * double(under) / double(scene.surface.size());
    }
    return cost;
}

std::optional<Eigen::Vector2d> SurfaceScene::runBallDisplay(int run) const {
    const std::optional<Eigen::Vector3d> at = m_runs->ballCentre(run);
    if (!at)
        return std::nullopt;
    m_renderer->SetWorldPoint(at->x(), at->y(), at->z(), 1.0);
    m_renderer->WorldToDisplay();
    const double* d = m_renderer->GetDisplayPoint();
    return Eigen::Vector2d(d[0], d[1]);
}

std::array<double, 6> SurfaceScene::quadraticBounds() const {
    std::array<double, 6> b{};
    m_overlays->quadraticGeometry()->GetBounds(b.data());
    return b;
}

std::array<double, 6> SurfaceScene::tangentBounds() const {
    std::array<double, 6> b{};
    m_overlays->tangentGeometry()->GetBounds(b.data());
    return b;
}

std::array<double, 6> SurfaceScene::newtonModelBounds() const {
    std::array<double, 6> b{};
    m_overlays->newtonGeometry()->GetBounds(b.data());
    return b;
}

double SurfaceScene::gradientArrowLength() const {
    return m_overlays->arrowLength();
}

std::array<double, 6> SurfaceScene::boxBounds() const {
    return m_boxBounds;
}

void SurfaceScene::setAxisTitles(const std::string& x, const std::string& y) {
    m_inputAxes->setTitles(x, y);
}

std::vector<int> SurfaceScene::textFontSizes() const {
    std::vector<int> sizes;
    for (vtkBillboardTextActor3D* t : m_inputAxes->texts())
        sizes.push_back(t->GetTextProperty()->GetFontSize());
    return sizes;
}

std::optional<Eigen::Vector2d> SurfaceScene::pickSurface(int x, int y) const {
    if (!m_surface)
        return std::nullopt;
    return m_picker->pickSurface(m_renderer, x, y);
}

bool SurfaceScene::hitsMarker(int x, int y) const {
    return m_picker->hitsMarker(m_renderer, x, y);
}

bool SurfaceScene::markerVisible() const {
    return m_overlays->marker()->GetVisibility();
}

} // namespace gs

namespace gs {

std::vector<double> SurfaceScene::colorBarTicks() const {
    std::vector<double> ticks;
    vtkDoubleArray* labels =
        m_colorBar->GetUseCustomLabels() ? m_colorBar->GetCustomLabels() : nullptr;
    for (vtkIdType i = 0; labels && i < labels->GetNumberOfTuples(); ++i)
        ticks.push_back(labels->GetValue(i));
    return ticks;
}

} // namespace gs
