#include "plot2d.h"

#include "cubeaxesparts.h"
#include "sceneactors.h"
#include "scenestyle.h"

#include <algorithm>
#include <cmath>
#include <vtkAxisActor.h>
#include <vtkCamera.h>
#include <vtkCoordinate.h>
#include <vtkCubeAxesActor.h>
#include <vtkObjectFactory.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>
#include <vtkViewport.h>

namespace gs {

namespace {
/// Room around the frame for tick labels and titles, as a fraction of its size.
constexpr double kMargin = 0.16;

using Box = std::array<double, 4>; // xmin, xmax, ymin, ymax (display pixels)

/// A text actor's box where it is drawn: VTK gives the box about the actor's anchor.
Box boxOf(vtkTextActor* text, vtkViewport* viewport) {
    Box b{};
    text->GetBoundingBox(viewport, b.data());
    const double* at =
        text->GetActualPositionCoordinate()->GetComputedDoubleViewportValue(viewport);
    return {b[0] + at[0], b[1] + at[0], b[2] + at[1], b[3] + at[1]};
}

bool hasArea(const Box& b) {
    return b[1] > b[0] && b[3] > b[2];
}

} // namespace

/// The frame's axes (vtkCubeAxesActor in 2-D mode) with titles that clear their tick labels.
/// VTK places a 2-D axis title a fixed number of pixels (50 for y, 40 for x) from the axis,
/// while the labels grow with the DPI (a device pixel ratio of 2) and their digits: at ratio 2
/// the y title sat on the labels. Each frame, after VTK has laid out labels and titles and
/// before the overlay pass draws them, a title that would come closer to its labels than a
/// gap is moved out to that gap, measured from the labels' drawn boxes. The vector export
/// reads the title's position after a render, so it draws it where the raster does.
class PlotAxes : public vtkCubeAxesActor {
public:
    static PlotAxes* New();

    int RenderOverlay(vtkViewport* viewport) override {
        clearLabels(viewport);
        return Superclass::RenderOverlay(viewport);
    }

    /// The title's and the labels' boxes of the first drawn axis of a kind (0 x, 1 y).
    Plot2D::AxisText text(int kind, vtkViewport* viewport) const {
        Plot2D::AxisText out;
        vtkAxisActor* axis = drawnAxis(kind);
        if (!axis || !viewport)
            return out;
        out.title = boxOf(axis->*member(AxisTitle2D{}), viewport);
        vtkTextActor** labels = axis->*member(AxisLabels2D{});
        for (int i = 0; labels && i < axis->GetNumberOfLabelsBuilt(); ++i)
            if (const Box b = boxOf(labels[i], viewport); hasArea(b))
                out.labels.push_back(b);
        return out;
    }

private:
    /// The number of drawn axes of a kind (0 x, 1 y), and the i-th of them.
    int drawnCount(int kind) const {
        return kind == 0 ? this->*member(CubeCountX{}) : this->*member(CubeCountY{});
    }
    vtkAxisActor* drawn(int kind, int i) const {
        return kind == 0 ? XAxes[(this->*member(CubeRenderX{}))[i]]
                         : YAxes[(this->*member(CubeRenderY{}))[i]];
    }
    vtkAxisActor* drawnAxis(int kind) const {
        return drawnCount(kind) > 0 ? drawn(kind, 0) : nullptr;
    }

    void clearLabels(vtkViewport* viewport) {
        for (int kind : {0, 1}) {
            for (int i = 0; i < drawnCount(kind); ++i) {
                vtkAxisActor* axis = drawn(kind, i);
                vtkTextActor* title = axis->*member(AxisTitle2D{});
                const Box t = boxOf(title, viewport);
                vtkTextActor** labels = axis->*member(AxisLabels2D{});
                Box reach{1e300, -1e300, 1e300, -1e300}; // the labels' union
                double labelHeight = 0;
                for (int k = 0; labels && k < axis->GetNumberOfLabelsBuilt(); ++k)
                    if (const Box b = boxOf(labels[k], viewport); hasArea(b)) {
                        reach = {std::min(reach[0], b[0]), std::max(reach[1], b[1]),
                                 std::min(reach[2], b[2]), std::max(reach[3], b[3])};
                        labelHeight = std::max(labelHeight, b[3] - b[2]);
                    }
                if (!hasArea(t) || !hasArea(reach))
                    continue;
                // The gap: a third of a label's height, so it grows with the labels' font.
                const double gap = labelHeight / 3;
                double* p = title->GetPosition();
                if (kind == 1 && t[1] > reach[0] - gap) // y: the title left of the labels
                    title->SetPosition(p[0] - (t[1] - (reach[0] - gap)), p[1]);
                else if (kind == 0 && t[3] > reach[2] - gap) // x: the title below them
                    title->SetPosition(p[0], p[1] - (t[3] - (reach[2] - gap)));
            }
        }
    }

    // Last: it takes no ';' (-Wpedantic) and ends in public:.
    vtkTypeMacro(PlotAxes, vtkCubeAxesActor)
};

vtkStandardNewMacro(PlotAxes);

Plot2D::Plot2D()
    : m_renderer(vtkSmartPointer<vtkRenderer>::New())
    , m_axes(vtkSmartPointer<PlotAxes>::New())
    , m_title(vtkSmartPointer<vtkTextActor>::New())
    , m_note(vtkSmartPointer<vtkTextActor>::New()) {
    m_renderer->GetActiveCamera()->ParallelProjectionOn();

    m_axes->SetCamera(m_renderer->GetActiveCamera());
    m_axes->SetZTitle("");
    m_axes->ZAxisVisibilityOff();
    m_axes->ZAxisLabelVisibilityOff();
    m_axes->ZAxisTickVisibilityOff();
    m_axes->ZAxisMinorTickVisibilityOff();
    m_axes->SetFlyModeToOuterEdges();
    m_axes->SetTickLocationToOutside();
    m_axes->SetUse2DMode(1);
    m_axes->SetScreenSize(9);
    m_axes->SetLabelOffset(12);
    m_renderer->AddActor(m_axes);

    for (vtkTextActor* t : {m_title.Get(), m_note.Get()}) {
        t->GetTextProperty()->SetJustificationToCentered();
        t->GetTextProperty()->SetVerticalJustificationToTop();
        t->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
        m_renderer->AddActor2D(t);
    }
    m_titleFit = std::make_unique<FitTextWidth>(m_title, m_renderer, 0.96);
    m_noteFit = std::make_unique<FitTextWidth>(m_note, m_renderer, 0.96);
    m_title->SetPosition(0.5, 0.975);
    m_note->SetPosition(0.5, 0.93);
    m_note->GetTextProperty()->SetItalic(true);
    setPixelScale(1.0);
}

Plot2D::~Plot2D() = default;

vtkRenderer* Plot2D::renderer() const {
    return m_renderer;
}

void Plot2D::setTitle(const std::string& title) {
    m_title->SetInput(title.c_str());
}

void Plot2D::setNote(const std::string& note) {
    m_note->SetInput(note.c_str());
    m_note->SetVisibility(!note.empty());
}

void Plot2D::setPixelScale(double scale) {
    m_pixelScale = scale;
    const SceneLook& look = sceneLook();
    // Colours too: the look may have changed since the plot was built (applyLook).
    const Rgb& ink = look.ink;
    m_renderer->SetBackground(look.background[0], look.background[1], look.background[2]);
    m_axes->GetXAxesLinesProperty()->SetColor(ink[0], ink[1], ink[2]);
    m_axes->GetYAxesLinesProperty()->SetColor(ink[0], ink[1], ink[2]);
    for (int a = 0; a < 3; ++a) {
        m_axes->GetTitleTextProperty(a)->SetColor(ink[0], ink[1], ink[2]);
        m_axes->GetLabelTextProperty(a)->SetColor(ink[0], ink[1], ink[2]);
    }
    for (vtkTextActor* t : {m_title.Get(), m_note.Get()})
        t->GetTextProperty()->SetColor(ink[0], ink[1], ink[2]);
    m_titleFit->setFontSize(int(std::lround(look.titleFont * scale)));
    m_noteFit->setFontSize(int(std::lround(look.tickFont * 1.1 * scale)));
    m_axes->GetXAxesLinesProperty()->SetLineWidth(float(look.axisWidth * lineScale()));
    m_axes->GetYAxesLinesProperty()->SetLineWidth(float(look.axisWidth * lineScale()));
    applyPixelScale();
}

void Plot2D::setDeviceScale(double ratio) {
    if (!(ratio > 0) || ratio == m_deviceScale)
        return;
    m_deviceScale = ratio;
    setPixelScale(m_pixelScale);
}

void Plot2D::setPlotFrame(const std::array<double, 4>& frame, double yScale, double yOrigin,
                          const std::string& xTitle, const std::string& yTitle) {
    m_frame = frame;
    m_yScale = yScale;
    m_yOrigin = yOrigin;
    double bounds[6] = {frame[0], frame[1], worldY(frame[2]), worldY(frame[3]), 0, 0};
    m_axes->SetBounds(bounds);
    m_axes->SetXAxisRange(frame[0], frame[1]);
    m_axes->SetYAxisRange(frame[2], frame[3]);
    m_axes->SetXTitle(xTitle.c_str());
    m_axes->SetYTitle(yTitle.c_str());
}

void Plot2D::resetCamera() {
    vtkCamera* cam = m_renderer->GetActiveCamera();
    const double w = worldWidth(), h = worldY(m_frame[3]) - worldY(m_frame[2]);
    const double cx = m_frame[0] + 0.5 * w, cy = worldY(m_frame[2]) + 0.5 * h;
    cam->SetFocalPoint(cx, cy, 0);
    cam->SetPosition(cx, cy, 4 * std::max(w, h));
    cam->SetViewUp(0, 1, 0);
    double aspect = m_renderer->GetTiledAspectRatio(); // width / height
    if (!(aspect > 0))
        aspect = 4.0 / 3.0;
    // A reserve on the right takes the fraction r of the view's width: the frame and its
    // margins fit the rest, (1 - r) of the width, centred there.
    const int* size = m_renderer->GetSize();
    const double r = m_rightReserve > 0 && size[0] > 0
                         ? std::min(0.4, m_rightReserve * lineScale() / size[0])
                         : 0.0;
    // The parallel scale is half the visible height; leave a margin for labels and title.
    const double scale = 0.5 * (1 + 2 * kMargin) * std::max(h, w / (aspect * (1 - r)));
    cam->SetParallelScale(scale);
    // Visible width V = 2 scale aspect; the frame's centre sits at the middle of the left
    // (1 - r) V: the camera moves right by r V / 2.
    const double shift = r * scale * aspect;
    cam->SetFocalPoint(cx + shift, cy, 0);
    cam->SetPosition(cx + shift, cy, 4 * std::max(w, h));
    m_renderer->ResetCameraClippingRange(m_frame[0] - w, m_frame[1] + w, cy - h, cy + h, -w, w);
}

double Plot2D::pixelsPerWorld() const {
    const int* size = m_renderer->GetSize();
    const double scale = m_renderer->GetActiveCamera()->GetParallelScale();
    return size[1] > 0 && scale > 0 ? size[1] / (2 * scale) : 1.0;
}

void Plot2D::zoom(double factor, double displayX, double displayY) {
    if (!(factor > 0))
        return;
    vtkCamera* cam = m_renderer->GetActiveCamera();
    const Eigen::Vector2d p = toPlot(displayX, displayY);
    double f[3], pos[3];
    cam->GetFocalPoint(f);
    cam->GetPosition(pos);
    // The world point under the cursor stays put: c' = p + (c - p) / factor.
    const double px = p.x(), py = worldY(p.y());
    const double nx = px + (f[0] - px) / factor, ny = py + (f[1] - py) / factor;
    cam->SetFocalPoint(nx, ny, f[2]);
    cam->SetPosition(nx, ny, pos[2]);
    cam->SetParallelScale(cam->GetParallelScale() / factor);
}

void Plot2D::pan(double dx, double dy) {
    vtkCamera* cam = m_renderer->GetActiveCamera();
    const double k = 1.0 / pixelsPerWorld();
    double f[3], pos[3];
    cam->GetFocalPoint(f);
    cam->GetPosition(pos);
    cam->SetFocalPoint(f[0] - dx * k, f[1] - dy * k, f[2]);
    cam->SetPosition(pos[0] - dx * k, pos[1] - dy * k, pos[2]);
}

Eigen::Vector2d Plot2D::toPlot(double displayX, double displayY) const {
    m_renderer->SetDisplayPoint(displayX, displayY, 0);
    m_renderer->DisplayToWorld();
    double w[4];
    m_renderer->GetWorldPoint(w);
    if (w[3] != 0 && w[3] != 1)
        for (int i = 0; i < 3; ++i)
            w[i] /= w[3];
    return {w[0], plotY(w[1])};
}

Eigen::Vector2d Plot2D::toDisplay(double x, double y) const {
    m_renderer->SetWorldPoint(x, worldY(y), 0, 1);
    m_renderer->WorldToDisplay();
    double d[3];
    m_renderer->GetDisplayPoint(d);
    return {d[0], d[1]};
}

Plot2D::AxisText Plot2D::axisText(int axis) const {
    return m_axes->text(axis, m_renderer);
}

bool Plot2D::insideFrame(const Eigen::Vector2d& p) const {
    return p.x() >= m_frame[0] && p.x() <= m_frame[1] && p.y() >= m_frame[2] && p.y() <= m_frame[3];
}

} // namespace gs
