#include "vectorexport.h"

#include "cubeaxesparts.h"

#include <QFile>
#include <QFont>
#include <QFontMetricsF>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <vtkActor.h>
#include <vtkActor2D.h>
#include <vtkAxisActor.h>
#include <vtkBillboardTextActor3D.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkCoordinate.h>
#include <vtkCubeAxesActor.h>
#include <vtkDataArray.h>
#include <vtkFloatArray.h>
#include <vtkInformation.h>
#include <vtkInformationIntegerKey.h>
#include <vtkLegendBoxActor.h>
#include <vtkLight.h>
#include <vtkLightCollection.h>
#include <vtkMapper.h>
#include <vtkMatrix4x4.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkPolyDataMapper2D.h>
#include <vtkProp.h>
#include <vtkPropCollection.h>
#include <vtkProperty.h>
#include <vtkProperty2D.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkScalarBarActor.h>
#include <vtkScalarBarActorInternal.h>
#include <vtkScalarsToColors.h>
#include <vtkTextActor.h>
#include <vtkTextMapper.h>
#include <vtkTextProperty.h>
#include <vtkTextRenderer.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace gs {

namespace {

// ---------------------------------------------------------------------------------------------
// Marks on props, kept in the prop's information (VTK's own place for such flags).

vtkInformationIntegerKey* hidingKey() {
    static vtkInformationIntegerKey* key = new vtkInformationIntegerKey("GsHiding", "gs");
    return key;
}
vtkInformationIntegerKey* onTopKey() {
    static vtkInformationIntegerKey* key = new vtkInformationIntegerKey("GsOnTop", "gs");
    return key;
}
vtkInformationIntegerKey* wholeKey() {
    static vtkInformationIntegerKey* key = new vtkInformationIntegerKey("GsWhole", "gs");
    return key;
}
vtkInformationIntegerKey* overSceneKey() {
    static vtkInformationIntegerKey* key = new vtkInformationIntegerKey("GsOverScene", "gs");
    return key;
}

void setMark(vtkProp* prop, vtkInformationIntegerKey* key, bool on = true) {
    if (!prop->GetPropertyKeys()) {
        vtkNew<vtkInformation> info;
        prop->SetPropertyKeys(info);
    }
    prop->GetPropertyKeys()->Set(key, on ? 1 : 0);
}

bool hasMark(vtkProp* prop, vtkInformationIntegerKey* key) {
    vtkInformation* info = prop->GetPropertyKeys();
    return info && info->Has(key) && info->Get(key) != 0;
}

// ---------------------------------------------------------------------------------------------
// VTK's composite 2-D actors keep their parts in non-public members (vtkmember.h); here they
// are read, never changed.

// The axes' parts shared with plot2d.cpp are in cubeaxesparts.h.
using AxisArray = vtkAxisActor* [kAlignedAxes];
GS_MEMBER(CubeXAxes, vtkCubeAxesActor, AxisArray, XAxes)
GS_MEMBER(CubeYAxes, vtkCubeAxesActor, AxisArray, YAxes)
GS_MEMBER(AxisLine, vtkAxisActor, vtkActor*, AxisLinesActor)
GS_MEMBER(AxisMajorTicks, vtkAxisActor, vtkActor*, AxisMajorTicksActor)
GS_MEMBER(AxisMinorTicks, vtkAxisActor, vtkActor*, AxisMinorTicksActor)
GS_MEMBER(BarInternal, vtkScalarBarActor, vtkScalarBarActorInternal*, P)
GS_MEMBER(BarSwatch, vtkScalarBarActor, vtkActor2D*, ScalarBarActor)
GS_MEMBER(BarTitle, vtkScalarBarActor, vtkTextActor*, TitleActor)
GS_MEMBER(LegendTexts, vtkLegendBoxActor, vtkActor2D**, TextActor)
GS_MEMBER(LegendMappers, vtkLegendBoxActor, vtkTextMapper**, TextMapper)
GS_MEMBER(LegendSymbols, vtkLegendBoxActor, vtkActor2D**, SymbolActor)
GS_MEMBER(LegendUseBackground, vtkLegendBoxActor, vtkTypeBool, UseBackground)
GS_MEMBER(LegendBackgroundOpacity, vtkLegendBoxActor, double, BackgroundOpacity)
using Color3 = double[3];
GS_MEMBER(LegendBackgroundColor, vtkLegendBoxActor, Color3, BackgroundColor)
#undef GS_MEMBER

// ---------------------------------------------------------------------------------------------
// What is painted.

QColor toColor(const double rgb[3], double alpha = 1.0) {
    auto c = [](double v) { return std::clamp(v, 0.0, 1.0); };
    return QColor::fromRgbF(float(c(rgb[0])), float(c(rgb[1])), float(c(rgb[2])), float(c(alpha)));
}

struct TextItem {
    QString text;
    QPointF anchor; ///< painter coordinates (y down)
    double fontPixels = 12;
    int justification = VTK_TEXT_LEFT;
    int vertical = VTK_TEXT_BOTTOM;
    double orientation = 0; ///< degrees, counter-clockwise
    bool bold = false, italic = false;
    QColor color, background;
    /// Where VTK puts the text, unrotated, relative to the anchor (y down); the text is
    /// fitted into it so the figure's layout is the raster's whatever the font's metrics.
    /// The text's own box: without the padding VTK adds around a background or frame.
    QRectF box;
    /// VTK's padding on each side of the text when it draws a background or frame (pixels).
    double padding = 0;
};

/// One thing to paint: a filled polygon, a filled outline (a translucent patch merged into
/// one path), a polyline, a dot or a text. Painted in order of layer, then from far to near,
/// then in the order found (VTK's order among equals).
struct Primitive {
    enum class Kind { Polygon, Path, Polyline, Dot, Text } kind = Kind::Polyline;
    int layer = 0;    ///< one of the kLayer constants below
    double depth = 0; ///< distance from the camera (all layers but the 2-D overlay)
    std::size_t order = 0;
    /// A solid painted as one (a ball, markPaintedWhole): its pieces share `group` (>= 0) and
    /// are placed among the other primitives at `groupDepth`, the solid's centre, then
    /// painted far to near among themselves. -1: on its own.
    int group = -1;
    double groupDepth = 0;
    QPolygonF points;
    QPainterPath path; ///< Kind::Path
    QColor fill, stroke;
    double width = 1;
    TextItem text;
};

// The layers repeat the raster's passes. VTK draws the opaque props first, each depth-tested
// (the shaded surface hides what is behind it), then the translucent ones (the tangent plane),
// tested against that depth but writing none: a translucent patch tints what is behind it and
// leaves what is in front of it untouched. The 3-D scene is therefore split by the translucent
// patches' depth into what lies behind them (painted first), the patches (their fill, then
// their edges) and what lies in front of them or beside them. What a scene draws on top
// (markDrawnOnTop) comes after, the 2-D overlay last.
constexpr int kLayerBehind = 0, kLayerTranslucentFill = 1, kLayerTranslucentLines = 2,
              kLayerScene = 3, kLayerOnTop = 4, kLayerOverlay = 5;
/// What actor3D is asked to draw translucently (its pieces go to kLayerTranslucent*).
constexpr int kLayerTranslucent = kLayerTranslucentFill;

/// Samples along a line tested against the depth buffer, in display pixels.
constexpr double kSampleSpacing = 0.5;
/// A sample is visible when it is no farther than the nearest hiding surface around it plus
/// this fraction of the hiding props' diagonal (lines lie on the surface they mark; the
/// depth buffer holds that surface to 24 bits and to one pixel).
constexpr double kDepthTolerance = 0.004;

/// The camera's projection of world points to the picture (y down) and their distance.
class Projection {
public:
    Projection(vtkRenderer* renderer, int width, int height)
        : m_width(width)
        , m_height(height) {
        vtkCamera* cam = renderer->GetActiveCamera();
        m_matrix->DeepCopy(
            cam->GetCompositeProjectionTransformMatrix(double(width) / height, -1, 1));
        m_view->DeepCopy(cam->GetViewTransformMatrix());
        m_parallel = cam->GetParallelProjection() != 0;
        cam->GetClippingRange(m_near, m_far);
    }
    /// Display position (painter coordinates), false behind the camera.
    bool toPicture(const double p[3], QPointF& out) const {
        const double in[4] = {p[0], p[1], p[2], 1.0};
        double c[4];
        m_matrix->MultiplyPoint(in, c);
        if (!(c[3] > 0))
            return false;
        const double x = (c[0] / c[3] + 1) * 0.5 * m_width;
        const double y = (c[1] / c[3] + 1) * 0.5 * m_height;
        out = QPointF(x, m_height - y);
        return std::isfinite(x) && std::isfinite(y);
    }
    /// Distance along the view direction.
    double depth(const double p[3]) const {
        const double in[4] = {p[0], p[1], p[2], 1.0};
        double e[4];
        m_view->MultiplyPoint(in, e);
        return -e[2];
    }
    /// The distance a depth-buffer value (0 near .. 1 far) stands for.
    double bufferDepth(double d) const {
        const double zn = 2 * d - 1, n = m_near, f = m_far;
        return m_parallel ? 0.5 * (zn * (f - n) + f + n) : 2 * f * n / ((f + n) - zn * (f - n));
    }
    int width() const { return m_width; }
    int height() const { return m_height; }

private:
    int m_width, m_height;
    vtkNew<vtkMatrix4x4> m_matrix, m_view;
    bool m_parallel = false;
    double m_near = 0.1, m_far = 1000;
};

/// The hiding props' depth, as distances, at kDepthOversampling times the picture's size;
/// each pixel holds the farthest of its 3x3 neighbourhood so a line on an edge is not cut.
class DepthMap {
public:
    bool empty() const { return m_depth.empty(); }
    /// `cover`: every pixel the props cover holds the nearest possible depth, so whatever lies
    /// there is behind them (what the raster draws over the scene, markDrawnOverScene).
    void build(vtkRenderer* source, const std::vector<vtkProp*>& hiding, int width, int height,
               bool cover = false) {
        m_scale = kDepthOversampling;
        m_width = width * m_scale;
        m_height = height * m_scale;
        vtkNew<vtkRenderWindow> window;
        window->SetOffScreenRendering(1);
        window->SetMultiSamples(0);
        window->SetSize(m_width, m_height);
        vtkNew<vtkRenderer> renderer;
        renderer->SetActiveCamera(source->GetActiveCamera());
        window->AddRenderer(renderer);
        double bounds[6] = {1, -1, 1, -1, 1, -1};
        for (vtkProp* prop : hiding) {
            auto* actor = vtkActor::SafeDownCast(prop);
            if (!actor || !actor->GetMapper())
                continue;
            actor->GetMapper()->Update();
            auto* data = vtkPolyData::SafeDownCast(actor->GetMapper()->GetInputDataObject(0, 0));
            if (!data || data->GetNumberOfPolys() == 0)
                continue;
            vtkNew<vtkPolyDataMapper> mapper;
            mapper->SetInputData(data);
            mapper->ScalarVisibilityOff();
            vtkNew<vtkActor> copy;
            copy->SetMapper(mapper);
            copy->SetUserMatrix(actor->GetMatrix());
            renderer->AddActor(copy);
            double b[6];
            copy->GetBounds(b);
            for (int k = 0; k < 3; ++k) {
                bounds[2 * k] = std::min(bounds[2 * k], b[2 * k]);
                bounds[2 * k + 1] = std::max(bounds[2 * k + 1], b[2 * k + 1]);
            }
        }
        if (bounds[0] > bounds[1])
            return;
        window->Render();
        vtkNew<vtkFloatArray> z;
        window->GetZbufferData(0, 0, m_width - 1, m_height - 1, z);
        const Projection projection(renderer, width, height);
        std::vector<float> raw(std::size_t(m_width) * m_height);
        for (int y = 0; y < m_height; ++y)
            for (int x = 0; x < m_width; ++x) {
                const double d = z->GetValue(vtkIdType(y) * m_width + x);
                raw[index(x, y)] = cover && d < 1.0 ? -std::numeric_limits<float>::max()
                                                    : float(projection.bufferDepth(d));
            }
        m_depth.assign(raw.size(), 0.f);
        for (int y = 0; y < m_height; ++y)
            for (int x = 0; x < m_width; ++x) {
                float far = 0;
                for (int dy = -1; dy <= 1; ++dy)
                    for (int dx = -1; dx <= 1; ++dx) {
                        const int xx = std::clamp(x + dx, 0, m_width - 1);
                        const int yy = std::clamp(y + dy, 0, m_height - 1);
                        far = std::max(far, raw[index(xx, yy)]);
                    }
                m_depth[index(x, y)] = far;
            }
        const double diagonal =
            std::sqrt(std::pow(bounds[1] - bounds[0], 2) + std::pow(bounds[3] - bounds[2], 2) +
                      std::pow(bounds[5] - bounds[4], 2));
        m_tolerance = kDepthTolerance * diagonal;
        window->RemoveRenderer(renderer);
    }
    /// True when a point at picture position `at` (y down) and distance `depth` is not behind
    /// a hiding surface anywhere within `radius` pixels of it: a wide line's stroke covers
    /// that much of the picture, and the raster depth-tests each of its fragments, so a line
    /// that runs behind a ball is cut where any part of its stroke would be (a thin line:
    /// radius 0, its centre only).
    bool visible(const QPointF& at, double depth, double radius = 0) const {
        if (m_depth.empty())
            return true;
        const int cx = int(std::floor(at.x() * m_scale));
        const int cy = m_height - 1 - int(std::floor(at.y() * m_scale));
        const int r = int(std::ceil(radius * m_scale));
        // One sample a picture pixel across the footprint is enough: each map pixel already
        // holds the farthest of its neighbours.
        const int step = std::max(1, m_scale);
        for (int dy = -r; dy <= r; dy += step)
            for (int dx = -r; dx <= r; dx += step) {
                if (dx * dx + dy * dy > r * r)
                    continue;
                const int x = cx + dx, y = cy + dy;
                if (x < 0 || y < 0 || x >= m_width || y >= m_height)
                    continue;
                if (depth > m_depth[index(x, y)] + m_tolerance)
                    return false;
            }
        return true;
    }

private:
    std::size_t index(int x, int y) const { return std::size_t(y) * m_width + x; }
    int m_scale = 1, m_width = 0, m_height = 0;
    double m_tolerance = 0;
    std::vector<float> m_depth;
};

// ---------------------------------------------------------------------------------------------
// Collecting the scene.

class Collector {
public:
    /// `depth`: the opaque hiding props' depth; `translucent`: the translucent patches';
    /// `over`: where the translucent patches drawn over the scene cover (markDrawnOverScene);
    /// `onTop`: the depth of what is drawn on top (arrows, balls), which VTK tests among
    /// themselves.
    Collector(vtkRenderer* renderer, const Projection& projection, const DepthMap& depth,
              const DepthMap& translucent, const DepthMap& over, const DepthMap& onTop)
        : m_renderer(renderer)
        , m_projection(projection)
        , m_depth(depth)
        , m_translucent(translucent)
        , m_over(over)
        , m_onTop(onTop) {}

    /// What was collected, the translucent patches merged into one outline per colour.
    std::vector<Primitive>& primitives() {
        for (auto& [key, patch] : m_patches) {
            Primitive p;
            p.kind = Primitive::Kind::Path;
            p.layer = kLayerTranslucentFill;
            p.depth = patch.depthSum / double(std::max(1, patch.pieces));
            // The union of the pieces: adjacent triangles become one outline, so no
            // anti-aliased seam (a hairline of double coverage or a gap) shows between them.
            p.path = patch.path.simplified();
            p.fill = QColor::fromRgba(key.second);
            add(std::move(p));
        }
        m_patches.clear();
        return m_primitives;
    }

    void prop(vtkProp* prop) {
        if (!prop->GetVisibility())
            return;
        if (auto* axes = vtkCubeAxesActor::SafeDownCast(prop))
            cubeAxes(axes);
        else if (auto* bar = vtkScalarBarActor::SafeDownCast(prop))
            scalarBar(bar);
        else if (auto* legend = vtkLegendBoxActor::SafeDownCast(prop))
            legendBox(legend);
        else if (auto* text = vtkTextActor::SafeDownCast(prop))
            textActor(text);
        else if (auto* billboard = vtkBillboardTextActor3D::SafeDownCast(prop))
            billboardText(billboard);
        else if (auto* actor = vtkActor::SafeDownCast(prop)) {
            m_overScene = hasMark(prop, overSceneKey());
            if (hasMark(prop, wholeKey())) {
                // One solid: its pieces together, at its centre's depth.
                double b[6];
                actor->GetBounds(b);
                const double centre[3] = {(b[0] + b[1]) / 2, (b[2] + b[3]) / 2, (b[4] + b[5]) / 2};
                m_group = m_groups++;
                m_groupDepth = m_projection.depth(centre);
            }
            actor3D(actor, hasMark(prop, onTopKey()) ? kLayerOnTop
                           : isTranslucent(actor)    ? kLayerTranslucent
                                                     : kLayerScene);
            m_overScene = false;
            m_group = -1;
            m_groupDepth = 0;
        } else if (auto* actor2D = vtkActor2D::SafeDownCast(prop))
            actor2DPart(actor2D);
    }

private:
    void add(Primitive p) {
        p.order = m_primitives.size();
        p.group = m_group;
        p.groupDepth = m_groupDepth;
        m_primitives.push_back(std::move(p));
    }

    // -- 3-D geometry --------------------------------------------------------------------------

    /// Where a point of the 3-D scene is painted: -1 when an opaque hiding prop is in front
    /// of it, else its layer (kLayerBehind when a translucent patch is in front of it).
    /// Translucent geometry (`layer` kLayerTranslucent*) is tested against the opaque depth
    /// only, as VTK tests it.
    int target(const QPointF& at, double depth, int layer, double radius = 0) const {
        if (layer == kLayerOnTop)
            return m_onTop.visible(at, depth, radius) ? kLayerOnTop : -1;
        // A patch drawn over the scene is hidden by nothing the scene draws.
        const bool over = m_overScene && layer != kLayerScene;
        if (!over && !m_depth.visible(at, depth))
            return -1;
        if (layer != kLayerScene)
            return layer;
        return m_translucent.visible(at, depth) && m_over.visible(at, depth) ? kLayerScene
                                                                             : kLayerBehind;
    }
    int target(const std::array<double, 3>& w, int layer) const {
        QPointF at;
        if (!m_projection.toPicture(w.data(), at))
            return -1;
        return target(at, m_projection.depth(w.data()), layer);
    }
    bool depthTested(int layer) const {
        if (layer == kLayerOnTop)
            return !m_onTop.empty();
        return (layer == kLayerScene || layer == kLayerTranslucentFill ||
                layer == kLayerTranslucentLines) &&
               !(m_depth.empty() && m_translucent.empty() && m_over.empty());
    }

    void actor3D(vtkActor* actor, int layer) {
        vtkMapper* mapper = actor->GetMapper();
        if (!mapper)
            return;
        mapper->Update();
        auto* data = vtkPolyData::SafeDownCast(mapper->GetInputDataObject(0, 0));
        if (!data || data->GetNumberOfPoints() == 0)
            return;
        vtkProperty* property = actor->GetProperty();
        const double opacity = property->GetOpacity();
        // Lines and dots of a translucent actor are painted with its patches' edges.
        const int lineLayer = layer == kLayerTranslucent ? kLayerTranslucentLines : layer;
        // Colours per point or per cell when the mapper colours by scalars (a shaded surface).
        int cellColors = 0;
        vtkUnsignedCharArray* colors = nullptr;
        if (mapper->GetScalarVisibility())
            colors = mapper->MapScalars(data, opacity, cellColors);

        vtkMatrix4x4* matrix = actor->GetMatrix();
        std::vector<std::array<double, 3>> world(std::size_t(data->GetNumberOfPoints()));
        for (vtkIdType i = 0; i < data->GetNumberOfPoints(); ++i) {
            double p[4] = {0, 0, 0, 1}, q[4];
            data->GetPoint(i, p);
            p[3] = 1;
            matrix->MultiplyPoint(p, q);
            world[std::size_t(i)] = {q[0] / q[3], q[1] / q[3], q[2] / q[3]};
        }
        // The points' normals (a ball's), turned by the actor's matrix (its inverse
        // transpose): a facet is lit with their mean, as the raster interpolates them.
        vtkDataArray* normals = data->GetPointData()->GetNormals();
        vtkNew<vtkMatrix4x4> normalMatrix;
        vtkMatrix4x4::Invert(matrix, normalMatrix);
        normalMatrix->Transpose();
        auto normalOf =
            [&](const std::vector<vtkIdType>& ids) -> std::optional<std::array<double, 3>> {
            if (!normals || normals->GetNumberOfComponents() != 3)
                return std::nullopt;
            double sum[4] = {0, 0, 0, 0}, out[4];
            for (vtkIdType id : ids) {
                const double* q = normals->GetTuple3(id);
                for (int k = 0; k < 3; ++k)
                    sum[k] += q[k];
            }
            normalMatrix->MultiplyPoint(sum, out);
            return std::array<double, 3>{out[0], out[1], out[2]};
        };
        const double* base = property->GetColor();
        auto colorOf = [&](vtkIdType cell, vtkIdType point) {
            if (colors) {
                const vtkIdType at = cellColors ? cell : point;
                if (at >= 0 && at < colors->GetNumberOfTuples()) {
                    const unsigned char* c = colors->GetPointer(4 * at);
                    return QColor(c[0], c[1], c[2], c[3]);
                }
            }
            return toColor(base, opacity);
        };
        const int representation = property->GetRepresentation();
        const double lineWidth = std::max(0.25f, property->GetLineWidth());
        vtkIdType cell = 0;

        // Vertices: dots.
        if (vtkCellArray* verts = data->GetVerts()) {
            vtkIdType n;
            const vtkIdType* ids;
            for (verts->InitTraversal(); verts->GetNextCell(n, ids); ++cell)
                for (vtkIdType k = 0; k < n; ++k)
                    dot(world[std::size_t(ids[k])], colorOf(cell, ids[k]), property->GetPointSize(),
                        lineLayer);
        }
        // Lines: visible runs.
        if (vtkCellArray* lines = data->GetLines()) {
            vtkIdType n;
            const vtkIdType* ids;
            for (lines->InitTraversal(); lines->GetNextCell(n, ids); ++cell) {
                std::vector<std::array<double, 3>> run;
                for (vtkIdType k = 0; k < n; ++k)
                    run.push_back(world[std::size_t(ids[k])]);
                polyline(run, colorOf(cell, n > 0 ? ids[0] : -1), lineWidth, lineLayer);
            }
        }
        // The edges of a translucent patch, each drawn once (VTK draws a shared edge once,
        // not once per triangle); collected below, stroked after the loop.
        const bool patchEdges = layer == kLayerTranslucent && representation == VTK_SURFACE &&
                                property->GetEdgeVisibility();
        std::vector<std::pair<vtkIdType, vtkIdType>> edges;
        // Polygons (and strips as triangles): filled, or their edges when drawn as wireframe.
        auto polygon = [&](const std::vector<vtkIdType>& ids, vtkIdType c) {
            std::vector<std::array<double, 3>> corners;
            for (vtkIdType id : ids)
                corners.push_back(world[std::size_t(id)]);
            if (representation == VTK_WIREFRAME) {
                corners.push_back(corners.front());
                polyline(corners, colorOf(c, ids.front()), lineWidth, lineLayer);
                return;
            }
            if (representation == VTK_POINTS) {
                for (std::size_t k = 0; k < ids.size(); ++k)
                    dot(corners[k], colorOf(c, ids[k]), property->GetPointSize(), lineLayer);
                return;
            }
            QColor fill = colorOf(c, ids.front());
            if (!cellColors && colors) { // point colours: the mean of the corners'
                double r = 0, g = 0, b = 0, a = 0;
                for (vtkIdType id : ids) {
                    const QColor k = colorOf(c, id);
                    r += k.redF(), g += k.greenF(), b += k.blueF(), a += k.alphaF();
                }
                const double m = double(ids.size());
                fill = QColor::fromRgbF(float(r / m), float(g / m), float(b / m), float(a / m));
            }
            QColor edge;
            if (patchEdges) {
                for (std::size_t k = 0; k < ids.size(); ++k) {
                    const vtkIdType a = ids[k], b = ids[(k + 1) % ids.size()];
                    edges.emplace_back(std::min(a, b), std::max(a, b));
                }
            } else if (property->GetEdgeVisibility()) {
                edge = toColor(property->GetEdgeColor(), opacity);
            }
            filledPolygon(corners, fill, edge, lineWidth, property, layer, actor, normalOf(ids));
        };
        if (vtkCellArray* polys = data->GetPolys()) {
            vtkIdType n;
            const vtkIdType* ids;
            for (polys->InitTraversal(); polys->GetNextCell(n, ids); ++cell)
                if (n >= 3)
                    polygon(std::vector<vtkIdType>(ids, ids + n), cell);
        }
        if (vtkCellArray* strips = data->GetStrips()) {
            vtkIdType n;
            const vtkIdType* ids;
            for (strips->InitTraversal(); strips->GetNextCell(n, ids); ++cell)
                for (vtkIdType k = 0; k + 2 < n; ++k)
                    polygon({ids[k], ids[k + 1], ids[k + 2]}, cell);
        }
        std::sort(edges.begin(), edges.end());
        edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
        const QColor edgeColor = toColor(property->GetEdgeColor(), opacity);
        for (const auto& [a, b] : edges)
            polyline({world[std::size_t(a)], world[std::size_t(b)]}, edgeColor, lineWidth,
                     kLayerTranslucentLines);
    }

    /// A prop VTK draws in its translucent pass: a 3-D actor with an opacity below one.
    static bool isTranslucent(vtkActor* actor) {
        return actor->GetProperty() && actor->GetProperty()->GetOpacity() < 1.0;
    }

    void dot(const std::array<double, 3>& p, const QColor& color, double size, int layer) {
        QPointF at;
        if (!m_projection.toPicture(p.data(), at))
            return;
        const double depth = m_projection.depth(p.data());
        if (depthTested(layer)) {
            layer = target(at, depth, layer, size / 2);
            if (layer < 0)
                return;
        }
        Primitive d;
        d.kind = Primitive::Kind::Dot;
        d.layer = layer;
        d.depth = depth;
        d.points = {at};
        d.fill = color;
        d.width = std::max(1.0, size);
        add(std::move(d));
    }

    /// A polyline cut into the runs the hiding surfaces leave visible, each run in the layer
    /// of its place (behind a translucent patch or not).
    void polyline(const std::vector<std::array<double, 3>>& pts, const QColor& color, double width,
                  int layer) {
        if (pts.size() < 2)
            return;
        if (!depthTested(layer)) { // one path
            Primitive p;
            p.kind = Primitive::Kind::Polyline;
            p.layer = layer == kLayerTranslucentFill ? kLayerTranslucentLines : layer;
            p.stroke = color;
            p.width = width;
            double depth = 0;
            for (const auto& w : pts) {
                QPointF at;
                if (!m_projection.toPicture(w.data(), at))
                    return;
                p.points << at;
                depth += m_projection.depth(w.data());
            }
            p.depth = depth / double(pts.size());
            add(std::move(p));
            return;
        }
        // Each segment is sampled every kSampleSpacing pixels; a run of samples with the
        // same place becomes one path, and a segment is its own primitive so that the
        // painter's order interleaves it correctly with the polygons.
        for (std::size_t s = 0; s + 1 < pts.size(); ++s) {
            const auto& a = pts[s];
            const auto& b = pts[s + 1];
            QPointF pa, pb;
            if (!m_projection.toPicture(a.data(), pa) || !m_projection.toPicture(b.data(), pb))
                continue;
            const double length = std::hypot(pb.x() - pa.x(), pb.y() - pa.y());
            const int steps = std::clamp(int(std::ceil(length / kSampleSpacing)), 1, 4000);
            QPolygonF run;
            double depthSum = 0;
            int runLayer = -1;
            auto flush = [&] {
                if (run.size() >= 2 && runLayer >= 0) {
                    Primitive p;
                    p.kind = Primitive::Kind::Polyline;
                    p.layer = runLayer;
                    p.stroke = color;
                    p.width = width;
                    p.depth = depthSum / run.size();
                    p.points = {run.front(), run.back()}; // a straight segment
                    add(std::move(p));
                }
                run.clear();
                depthSum = 0;
            };
            for (int k = 0; k <= steps; ++k) {
                const double t = double(k) / steps;
                const double w[3] = {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]),
                                     a[2] + t * (b[2] - a[2])};
                QPointF at;
                m_projection.toPicture(w, at);
                const double depth = m_projection.depth(w);
                const int here = target(at, depth, layer, width / 2);
                if (here != runLayer) {
                    // A run that goes on in another layer starts where the last one ended.
                    const bool joined = here >= 0 && runLayer >= 0 && !run.isEmpty();
                    const QPointF last = joined ? run.back() : QPointF();
                    if (joined)
                        run << at, depthSum += depth;
                    flush();
                    if (joined)
                        run << last, depthSum += depth;
                    runLayer = here;
                }
                if (here >= 0) {
                    run << at;
                    depthSum += depth;
                }
            }
            flush();
        }
    }

    /// How often a polygon the hiding surface cuts is split in four to follow the cut.
    static constexpr int kMaxSplits = 3;
    /// The same among what is drawn on top: there a cut runs across small solids (an
    /// arrow's shaft entering the point's ball), and a piece left 1/8 of a shaft long would be
    /// painted whole over the ball it enters; these solids are few, so the cut is followed
    /// to kMinSplitPixels.
    static constexpr int kMaxSplitsOnTop = 10;
    /// A piece this small on the picture (its longest side, in pixels) is not split further:
    /// the cut is then followed to the pixel (a ball's facets are this small already).
    static constexpr double kMinSplitPixels = 2.0;

    double onScreenSize(const std::array<std::array<double, 3>, 3>& t) const {
        QPointF p[3];
        for (int k = 0; k < 3; ++k)
            if (!m_projection.toPicture(t[std::size_t(k)].data(), p[k]))
                return 0;
        double longest = 0;
        for (int k = 0; k < 3; ++k) {
            const QPointF d = p[k] - p[(k + 1) % 3];
            longest = std::max(longest, std::hypot(d.x(), d.y()));
        }
        return longest;
    }

    /// The colour VTK's lighting gives a polygon of colour `base` (its ambient and diffuse
    /// colour; a mapped scalar colour is both) at its centre, as VTK 9.1's polygon shader
    /// computes it (vtkOpenGLPolyDataMapper::ReplaceShaderLight), with the facet's normal
    /// (the mean of its points' normals, else the polygon's) turned towards the viewer (VTK's
    /// two-sided lighting), the unit vector v from the point to the eye and, for each light,
    /// the unit vector l towards it and its intensity I:
    ///   headlight alone at intensity 1: d = max(0, n.z), s = d^p (z towards the eye);
    ///   otherwise: d = sum I max(0, n.l), s = sum I [n.l > 0] max(0, r.v)^p, r = 2 (n.l) n - l;
    ///   colour = ambient base + diffuse base d + specular specularColour s, p the specular
    ///   power, each channel clamped to 1 (the framebuffer's).
    QColor lit(const std::vector<std::array<double, 3>>& corners,
               const std::optional<std::array<double, 3>>& given, const QColor& base,
               vtkProperty* property) const {
        using V3 = std::array<double, 3>;
        auto dot = [](const V3& a, const V3& b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; };
        auto unit = [&](V3 a) {
            const double n = std::sqrt(dot(a, a));
            if (n > 0)
                for (double& c : a)
                    c /= n;
            return a;
        };
        V3 centre{0, 0, 0};
        for (const auto& c : corners)
            for (int k = 0; k < 3; ++k)
                centre[std::size_t(k)] += c[std::size_t(k)] / double(corners.size());
        V3 n;
        if (given) {
            n = unit(*given);
        } else {
            const auto& a = corners[0];
            const auto& b = corners[1];
            const auto& c = corners[2];
            const V3 u{b[0] - a[0], b[1] - a[1], b[2] - a[2]};
            const V3 w{c[0] - a[0], c[1] - a[1], c[2] - a[2]};
            n = unit(
                {u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]});
        }
        if (dot(n, n) == 0)
            return base;
        vtkCamera* cam = m_renderer->GetActiveCamera();
        V3 towardsCamera; // the view's z axis: against the direction of projection
        cam->GetDirectionOfProjection(towardsCamera.data());
        for (double& c : towardsCamera)
            c = -c;
        V3 v = towardsCamera;
        if (!cam->GetParallelProjection()) {
            const double* eye = cam->GetPosition();
            v = unit({eye[0] - centre[0], eye[1] - centre[1], eye[2] - centre[2]});
        }
        if (dot(n, v) < 0) // the side seen is lit (two-sided lighting)
            for (double& c : n)
                c = -c;
        // The renderer's lights as the render used them; none (not rendered yet): VTK's
        // headlight.
        struct Light {
            V3 towards;
            double intensity;
            bool head;
        };
        std::vector<Light> lights;
        vtkLightCollection* collection = m_renderer->GetLights();
        collection->InitTraversal();
        while (vtkLight* l = collection->GetNextItem()) {
            if (!l->GetSwitch())
                continue;
            if (l->LightTypeIsHeadlight()) {
                lights.push_back({towardsCamera, l->GetIntensity(), true});
            } else {
                double p[3], f[3];
                l->GetTransformedPosition(p);
                l->GetTransformedFocalPoint(f);
                lights.push_back(
                    {unit({p[0] - f[0], p[1] - f[1], p[2] - f[2]}), l->GetIntensity(), false});
            }
        }
        if (lights.empty())
            lights.push_back({towardsCamera, 1.0, true});
        const double power = property->GetSpecularPower();
        double diffuse = 0, specular = 0;
        if (lights.size() == 1 && lights[0].head && lights[0].intensity == 1.0) {
            diffuse = std::max(0.0, dot(n, towardsCamera));
            specular = std::pow(diffuse, power);
        } else {
            for (const Light& l : lights) {
                const double nl = dot(n, l.towards);
                if (nl <= 0)
                    continue;
                diffuse += l.intensity * nl;
                const V3 r{2 * nl * n[0] - l.towards[0], 2 * nl * n[1] - l.towards[1],
                           2 * nl * n[2] - l.towards[2]};
                specular += l.intensity * std::pow(std::max(0.0, dot(r, v)), power);
            }
        }
        const double a = property->GetAmbient(), d = property->GetDiffuse() * diffuse,
                     s = property->GetSpecular() * specular;
        const double* sc = property->GetSpecularColor();
        auto channel = [&](double c, double highlight) {
            return float(std::clamp(a * c + d * c + s * highlight, 0.0, 1.0));
        };
        return QColor::fromRgbF(channel(base.redF(), sc[0]), channel(base.greenF(), sc[1]),
                                channel(base.blueF(), sc[2]), base.alphaF());
    }

    void filledPolygon(const std::vector<std::array<double, 3>>& corners, QColor fill,
                       const QColor& edge, double width, vtkProperty* property, int layer,
                       vtkActor* actor, const std::optional<std::array<double, 3>>& normal) {
        if (property->GetLighting() && corners.size() >= 3)
            fill = lit(corners, normal, fill, property);
        if (!depthTested(layer)) {
            keepPiece({corners.begin(), corners.end()}, fill, edge, width, layer, actor);
            return;
        }
        // A polygon the hiding surface (or a translucent patch) cuts is split into triangles,
        // each in four while its corners lie in different places, so the cut is followed to
        // 1/2^kMaxSplits of the polygon; a piece goes where its centre is.
        if (layer == kLayerOnTop)
            m_facet.emplace();
        for (std::size_t k = 1; k + 1 < corners.size(); ++k)
            visiblePart({corners[0], corners[k], corners[k + 1]}, fill, edge, width, 0, layer,
                        actor);
        if (m_facet)
            keepFacet(fill, edge, width);
    }

    /// What is left of an on-top facet cut finely (kMaxSplitsOnTop): its visible pieces as one
    /// outline, so the figure holds one path per facet, not hundreds of slivers.
    void keepFacet(const QColor& fill, const QColor& edge, double width) {
        Facet facet = std::move(*m_facet);
        m_facet.reset();
        if (facet.pieces.empty())
            return;
        if (facet.pieces.size() == 1) {
            piece(facet.pieces.front(), fill, edge, width, kLayerOnTop);
            return;
        }
        QPainterPath path;
        double depth = 0;
        for (const auto& corners : facet.pieces) {
            auto [points, centreDepth] = projected(corners);
            if (points.isEmpty())
                return;
            points << points.front();
            path.addPolygon(points);
            depth += centreDepth;
        }
        Primitive p;
        p.kind = Primitive::Kind::Path;
        p.layer = kLayerOnTop;
        p.depth = depth / double(facet.pieces.size());
        p.path = path.simplified();
        p.fill = fill;
        add(std::move(p));
    }

    void visiblePart(const std::array<std::array<double, 3>, 3>& t, const QColor& fill,
                     const QColor& edge, double width, int splits, int layer, vtkActor* actor) {
        std::array<double, 3> centre{};
        for (int k = 0; k < 3; ++k)
            centre[std::size_t(k)] =
                (t[0][std::size_t(k)] + t[1][std::size_t(k)] + t[2][std::size_t(k)]) / 3;
        const int a = target(t[0], layer), b = target(t[1], layer), c = target(t[2], layer);
        const int middle = target(centre, layer);
        const int maxSplits = layer == kLayerOnTop ? kMaxSplitsOnTop : kMaxSplits;
        if ((a == middle && b == middle && c == middle) || splits >= maxSplits ||
            (a < 0 && b < 0 && c < 0 && middle < 0) || onScreenSize(t) < kMinSplitPixels) {
            if (middle >= 0)
                keepPiece({t[0], t[1], t[2]}, fill, edge, width, middle, actor);
            return;
        }
        auto mid = [](const std::array<double, 3>& p, const std::array<double, 3>& q) {
            return std::array<double, 3>{(p[0] + q[0]) / 2, (p[1] + q[1]) / 2, (p[2] + q[2]) / 2};
        };
        const auto ab = mid(t[0], t[1]), bc = mid(t[1], t[2]), ca = mid(t[2], t[0]);
        // Inner edges are not the polygon's: only the outer pieces keep an edge colour.
        for (const auto& s : {std::array{t[0], ab, ca}, std::array{ab, t[1], bc},
                              std::array{ca, bc, t[2]}, std::array{ab, bc, ca}})
            visiblePart(s, fill, QColor(), width, splits + 1, layer, actor);
    }

    /// A visible piece: a polygon of its own, or part of its actor's translucent patch.
    void keepPiece(const std::vector<std::array<double, 3>>& corners, const QColor& fill,
                   const QColor& edge, double width, int layer, vtkActor* actor) {
        if (m_facet && layer == kLayerOnTop) {
            m_facet->pieces.push_back(corners);
            return;
        }
        if (layer != kLayerTranslucentFill) {
            piece(corners, fill, edge, width, layer);
            return;
        }
        auto [points, depth] = projected(corners);
        if (points.isEmpty())
            return;
        points << points.front();
        Patch& patch = m_patches[{actor, fill.rgba()}];
        patch.path.addPolygon(points);
        patch.depthSum += depth;
        ++patch.pieces;
    }

    /// A polygon's corners in the picture and its centre's distance; no points when a corner
    /// is behind the camera.
    std::pair<QPolygonF, double>
    projected(const std::vector<std::array<double, 3>>& corners) const {
        QPolygonF points;
        std::array<double, 3> centre{0, 0, 0};
        for (const auto& c : corners) {
            QPointF at;
            if (!m_projection.toPicture(c.data(), at))
                return {};
            points << at;
            for (int k = 0; k < 3; ++k)
                centre[std::size_t(k)] += c[std::size_t(k)] / double(corners.size());
        }
        return {points, m_projection.depth(centre.data())};
    }

    void piece(const std::vector<std::array<double, 3>>& corners, const QColor& fill,
               const QColor& edge, double width, int layer) {
        Primitive p;
        p.kind = Primitive::Kind::Polygon;
        p.layer = layer;
        std::tie(p.points, p.depth) = projected(corners);
        if (p.points.isEmpty())
            return;
        p.fill = fill;
        p.stroke = edge;
        p.width = width;
        add(std::move(p));
    }

    // -- 2-D parts -----------------------------------------------------------------------------

    QPointF displayToPicture(const double d[2]) const {
        return QPointF(d[0], m_projection.height() - d[1]);
    }

    void text(const char* input, vtkTextProperty* prop, const QPointF& anchor, double extraAngle,
              int layer, double depth = 0) {
        if (!input || !*input || !prop)
            return;
        Primitive p;
        p.kind = Primitive::Kind::Text;
        p.layer = layer;
        p.depth = depth;
        TextItem& t = p.text;
        t.text = QString::fromUtf8(input);
        t.anchor = anchor;
        t.fontPixels = prop->GetFontSize();
        t.justification = prop->GetJustification();
        t.vertical = prop->GetVerticalJustification();
        t.orientation = prop->GetOrientation() + extraAngle;
        t.bold = prop->GetBold();
        t.italic = prop->GetItalic();
        t.color = toColor(prop->GetColor(), prop->GetOpacity());
        if (prop->GetBackgroundOpacity() > 0)
            t.background = toColor(prop->GetBackgroundColor(), prop->GetBackgroundOpacity());
        vtkNew<vtkTextProperty> flat;
        flat->ShallowCopy(prop);
        flat->SetOrientation(0);
        int bbox[4];
        const int dpi =
            m_renderer->GetRenderWindow() ? m_renderer->GetRenderWindow()->GetDPI() : 72;
        // VTK pads a text with a background or frame by 2 pixels a side (1 + the frame's
        // width with a frame; vtkFreeTypeTools::CalculateBoundingBox) and its bounding box
        // includes the padding: fitting the text into that box drew it a quarter larger than
        // the raster (11-pixel level labels at 14 in SVG and PDF).
        const bool frame = prop->GetFrame() && prop->GetFrameWidth() > 0;
        if (frame || static_cast<unsigned char>(prop->GetBackgroundOpacity() * 255) > 0)
            t.padding = frame ? 1 + prop->GetFrameWidth() : 2;
        if (vtkTextRenderer* renderer = vtkTextRenderer::GetInstance();
            renderer && renderer->GetBoundingBox(flat, input, bbox, dpi) && bbox[1] > bbox[0] &&
            bbox[3] > bbox[2])
            t.box = QRectF(QPointF(bbox[0], -bbox[3] - 1), QPointF(bbox[1] + 1, -bbox[2]))
                        .adjusted(t.padding, t.padding, -t.padding, -t.padding);
        add(std::move(p));
    }

    void textActor(vtkTextActor* actor) {
        if (!actor->GetVisibility())
            return;
        const double* d =
            actor->GetActualPositionCoordinate()->GetComputedDoubleDisplayValue(m_renderer);
        text(actor->GetInput(), actor->GetTextProperty(), displayToPicture(d),
             actor->GetOrientation(), kLayerOverlay);
    }

    void billboardText(vtkBillboardTextActor3D* actor) {
        const double* p = actor->GetPosition();
        QPointF at;
        if (!m_projection.toPicture(p, at))
            return;
        const int* offset = actor->GetDisplayOffset();
        at += QPointF(offset[0], -offset[1]);
        text(actor->GetInput(), actor->GetTextProperty(), at, 0, kLayerOnTop,
             m_projection.depth(p));
    }

    /// A 2-D actor: poly data in display coordinates, or a text mapper.
    void actor2DPart(vtkActor2D* actor) {
        if (!actor || !actor->GetVisibility())
            return;
        const double* origin =
            actor->GetActualPositionCoordinate()->GetComputedDoubleDisplayValue(m_renderer);
        const double o[2] = {origin[0], origin[1]};
        if (auto* textMapper = vtkTextMapper::SafeDownCast(actor->GetMapper())) {
            text(textMapper->GetInput(), textMapper->GetTextProperty(), displayToPicture(o), 0,
                 kLayerOverlay);
            return;
        }
        auto* mapper = vtkPolyDataMapper2D::SafeDownCast(actor->GetMapper());
        if (!mapper)
            return;
        mapper->Update();
        vtkPolyData* data = mapper->GetInput();
        if (!data)
            return;
        vtkProperty2D* property = actor->GetProperty();
        vtkCoordinate* transform = mapper->GetTransformCoordinate();
        auto pointAt = [&](vtkIdType id) {
            double p[3];
            data->GetPoint(id, p);
            if (transform) {
                transform->SetValue(p);
                const double* d = transform->GetComputedDoubleDisplayValue(m_renderer);
                return displayToPicture(d);
            }
            const double d[2] = {o[0] + p[0], o[1] + p[1]};
            return displayToPicture(d);
        };
        vtkDataArray* scalars = nullptr;
        bool cellScalars = false;
        if (mapper->GetScalarVisibility()) {
            scalars = data->GetCellData()->GetScalars();
            cellScalars = scalars != nullptr;
            if (!scalars)
                scalars = data->GetPointData()->GetScalars();
        }
        auto colorOf = [&](vtkIdType cell, vtkIdType point) {
            const vtkIdType at = cellScalars ? cell : point;
            if (scalars && at >= 0 && at < scalars->GetNumberOfTuples()) {
                auto* direct = vtkUnsignedCharArray::SafeDownCast(scalars);
                if (direct && direct->GetNumberOfComponents() >= 3) {
                    const unsigned char* c =
                        direct->GetPointer(direct->GetNumberOfComponents() * at);
                    return QColor(c[0], c[1], c[2],
                                  direct->GetNumberOfComponents() == 4 ? c[3] : 255);
                }
                if (vtkScalarsToColors* lut = mapper->GetLookupTable()) {
                    double rgb[3];
                    lut->GetColor(scalars->GetComponent(at, 0), rgb);
                    return toColor(rgb, property->GetOpacity());
                }
            }
            return toColor(property->GetColor(), property->GetOpacity());
        };
        vtkIdType cell = 0;
        vtkIdType n;
        const vtkIdType* ids;
        if (vtkCellArray* verts = data->GetVerts())
            for (verts->InitTraversal(); verts->GetNextCell(n, ids); ++cell) {
            }
        if (vtkCellArray* lines = data->GetLines())
            for (lines->InitTraversal(); lines->GetNextCell(n, ids); ++cell) {
                Primitive p;
                p.kind = Primitive::Kind::Polyline;
                p.layer = kLayerOverlay;
                p.stroke = colorOf(cell, n > 0 ? ids[0] : -1);
                p.width = property->GetLineWidth();
                for (vtkIdType k = 0; k < n; ++k)
                    p.points << pointAt(ids[k]);
                add(std::move(p));
            }
        if (vtkCellArray* polys = data->GetPolys())
            for (polys->InitTraversal(); polys->GetNextCell(n, ids); ++cell) {
                Primitive p;
                p.kind = Primitive::Kind::Polygon;
                p.layer = kLayerOverlay;
                p.fill = colorOf(cell, n > 0 ? ids[0] : -1);
                for (vtkIdType k = 0; k < n; ++k)
                    p.points << pointAt(ids[k]);
                add(std::move(p));
            }
    }

    void cubeAxes(vtkCubeAxesActor* axes) {
        vtkAxisActor* const* xs = axes->*member(CubeXAxes{});
        vtkAxisActor* const* ys = axes->*member(CubeYAxes{});
        const int* renderX = axes->*member(CubeRenderX{});
        const int* renderY = axes->*member(CubeRenderY{});
        const int countX = axes->*member(CubeCountX{});
        const int countY = axes->*member(CubeCountY{});
        for (int i = 0; i < countX; ++i)
            axis(xs[renderX[i]]);
        for (int i = 0; i < countY; ++i)
            axis(ys[renderY[i]]);
    }

    void axis(vtkAxisActor* a) {
        if (!a || !a->GetVisibility())
            return;
        if (a->GetAxisVisibility())
            actor3D(a->*member(AxisLine{}), kLayerOverlay);
        if (a->GetTickVisibility()) {
            actor3D(a->*member(AxisMajorTicks{}), kLayerOverlay);
            if (a->GetMinorTicksVisible())
                actor3D(a->*member(AxisMinorTicks{}), kLayerOverlay);
        }
        if (a->GetLabelVisibility()) {
            vtkTextActor** labels = a->*member(AxisLabels2D{});
            for (int i = 0; labels && i < a->GetNumberOfLabelsBuilt(); ++i)
                textActor(labels[i]);
        }
        if (a->GetTitleVisibility())
            textActor(a->*member(AxisTitle2D{}));
    }

    void scalarBar(vtkScalarBarActor* bar) {
        actor2DPart(bar->*member(BarSwatch{}));
        if (vtkScalarBarActorInternal* internal = bar->*member(BarInternal{}))
            for (const auto& label : internal->TextActors)
                textActor(label);
        if (bar->GetTitle() && *bar->GetTitle())
            textActor(bar->*member(BarTitle{}));
    }

    void legendBox(vtkLegendBoxActor* legend) {
        if (legend->*member(LegendUseBackground{})) {
            const double* a =
                legend->GetPositionCoordinate()->GetComputedDoubleDisplayValue(m_renderer);
            const QPointF p1 = displayToPicture(a);
            const double* b =
                legend->GetPosition2Coordinate()->GetComputedDoubleDisplayValue(m_renderer);
            const QPointF p2 = displayToPicture(b);
            Primitive box;
            box.kind = Primitive::Kind::Polygon;
            box.layer = kLayerOverlay;
            box.points = QPolygonF(QRectF(p1, p2).normalized());
            box.fill = toColor(legend->*member(LegendBackgroundColor{}),
                               legend->*member(LegendBackgroundOpacity{}));
            add(std::move(box));
        }
        if (legend->GetBorder()) { // the raster's border (issue #9: the figure had none)
            const double* a =
                legend->GetPositionCoordinate()->GetComputedDoubleDisplayValue(m_renderer);
            const QPointF p1 = displayToPicture(a);
            const double* b =
                legend->GetPosition2Coordinate()->GetComputedDoubleDisplayValue(m_renderer);
            const QPolygonF edge(QRectF(p1, displayToPicture(b)).normalized());
            Primitive border;
            border.kind = Primitive::Kind::Polyline;
            border.layer = kLayerOverlay;
            border.points = edge; // closed: QPolygonF(QRectF) repeats the first corner
            border.stroke =
                toColor(legend->GetProperty()->GetColor(), legend->GetProperty()->GetOpacity());
            border.width = legend->GetProperty()->GetLineWidth();
            add(std::move(border));
        }
        vtkActor2D** texts = legend->*member(LegendTexts{});
        vtkActor2D** symbols = legend->*member(LegendSymbols{});
        for (int i = 0; i < legend->GetNumberOfEntries(); ++i) {
            if (symbols)
                actor2DPart(symbols[i]);
            if (texts)
                actor2DPart(texts[i]);
        }
    }

    vtkRenderer* m_renderer;
    const Projection& m_projection;
    const DepthMap& m_depth;
    const DepthMap& m_translucent;
    const DepthMap& m_over;
    const DepthMap& m_onTop;
    /// While an actor marked drawn over the scene is collected.
    bool m_overScene = false;
    /// While an actor painted whole is collected: its group and its centre's depth.
    int m_group = -1, m_groups = 0;
    double m_groupDepth = 0;
    std::vector<Primitive> m_primitives;
    /// A translucent actor's visible pieces of one colour, merged when collected.
    struct Patch {
        QPainterPath path;
        double depthSum = 0;
        int pieces = 0;
    };
    std::map<std::pair<vtkActor*, QRgb>, Patch> m_patches;
    /// While an on-top facet is cut: its visible pieces (keepFacet).
    struct Facet {
        std::vector<std::vector<std::array<double, 3>>> pieces;
    };
    std::optional<Facet> m_facet;
};

// ---------------------------------------------------------------------------------------------
// Painting.

void paintText(QPainter& painter, const TextItem& t) {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(std::max(1, int(std::lround(t.fontPixels))));
    font.setBold(t.bold);
    font.setItalic(t.italic);
    painter.setFont(font);
    const QFontMetricsF metrics(font, painter.device());
    const QStringList lines = t.text.split(QLatin1Char('\n'));
    const double lineHeight = metrics.ascent() + metrics.descent();
    double width = 0;
    for (const QString& line : lines)
        width = std::max(width, metrics.horizontalAdvance(line));
    // VTK's box when known, else one from Qt's metrics placed by VTK's justification.
    QRectF box = t.box;
    if (!box.isValid()) {
        const double height = lineHeight * double(lines.size());
        double left = 0, top = 0;
        if (t.justification == VTK_TEXT_CENTERED)
            left = -width / 2;
        else if (t.justification == VTK_TEXT_RIGHT)
            left = -width;
        if (t.vertical == VTK_TEXT_BOTTOM)
            top = -height;
        else if (t.vertical == VTK_TEXT_CENTERED)
            top = -height / 2;
        box = QRectF(left, top, width, height);
    }
    painter.save();
    painter.translate(t.anchor);
    painter.rotate(-t.orientation);
    if (t.background.isValid() && t.background.alpha() > 0)
        painter.fillRect(box.adjusted(-t.padding, -t.padding, t.padding, t.padding), t.background);
    painter.setPen(t.color);
    // Each line is scaled into its share of the box: the height to VTK's line, the width to
    // VTK's (a single line) or in proportion (several, justified as VTK justifies them).
    const double share = box.height() / double(lines.size());
    const double sy = share / lineHeight;
    for (int i = 0; i < lines.size(); ++i) {
        const double w = metrics.horizontalAdvance(lines[i]);
        double sx = sy;
        if (lines.size() == 1 && w > 0)
            sx = std::clamp(box.width() / w, 0.7 * sy, 1.4 * sy);
        double x = box.left();
        if (t.justification == VTK_TEXT_CENTERED)
            x = box.center().x() - 0.5 * w * sx;
        else if (t.justification == VTK_TEXT_RIGHT)
            x = box.right() - w * sx;
        painter.save();
        painter.translate(x, box.top() + share * i);
        painter.scale(sx, sy);
        painter.drawText(QPointF(0, metrics.ascent()), lines[i]);
        painter.restore();
    }
    painter.restore();
}

void paint(QPainter& painter, std::vector<Primitive>& primitives) {
    std::stable_sort(primitives.begin(), primitives.end(),
                     [](const Primitive& a, const Primitive& b) {
                         if (a.layer != b.layer)
                             return a.layer < b.layer;
                         if (a.layer != kLayerOverlay) {
                             // A solid painted whole sits at its centre's depth, its
                             // pieces together (far to near among themselves): coincident
                             // balls do not interleave their facets.
                             const double da = a.group >= 0 ? a.groupDepth : a.depth;
                             const double db = b.group >= 0 ? b.groupDepth : b.depth;
                             if (da != db)
                                 return da > db; // far first
                             if (a.group != b.group)
                                 return a.group < b.group; // VTK's order among equals
                             if (a.depth != b.depth)
                                 return a.depth > b.depth;
                         }
                         return a.order < b.order;
                     });
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const Primitive& p : primitives) {
        switch (p.kind) {
        case Primitive::Kind::Polygon: {
            if (p.stroke.isValid()) {
                QPen pen(p.stroke, p.width);
                pen.setJoinStyle(Qt::RoundJoin);
                painter.setPen(pen);
            } else if (p.fill.alpha() == 255) {
                // A hairline in the fill colour closes the seams an anti-aliasing renderer
                // leaves between adjacent opaque polygons.
                QPen pen(p.fill, 0.5);
                pen.setJoinStyle(Qt::RoundJoin);
                painter.setPen(pen);
            } else {
                painter.setPen(Qt::NoPen);
            }
            painter.setBrush(p.fill);
            painter.drawPolygon(p.points);
            break;
        }
        case Primitive::Kind::Path: {
            // An opaque outline gets the polygons' seam-closing hairline (above).
            if (p.fill.alpha() == 255) {
                QPen pen(p.fill, 0.5);
                pen.setJoinStyle(Qt::RoundJoin);
                painter.setPen(pen);
            } else {
                painter.setPen(Qt::NoPen);
            }
            painter.setBrush(p.fill);
            painter.drawPath(p.path);
            break;
        }
        case Primitive::Kind::Polyline: {
            QPen pen(p.stroke, p.width);
            pen.setCapStyle(Qt::RoundCap);
            pen.setJoinStyle(Qt::RoundJoin);
            painter.setPen(pen);
            painter.setBrush(Qt::NoBrush);
            painter.drawPolyline(p.points);
            break;
        }
        case Primitive::Kind::Dot: {
            painter.setPen(Qt::NoPen);
            painter.setBrush(p.fill);
            painter.drawEllipse(p.points.front(), p.width / 2, p.width / 2);
            break;
        }
        case Primitive::Kind::Text:
            paintText(painter, p.text);
            break;
        }
    }
}

std::string extensionOf(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

/// Paints `draw` into an SVG or PDF file of width x height pixels (PDF: points).
std::string writeVectorFile(const std::string& path, int width, int height,
                            const std::function<void(QPainter&)>& draw) {
    // Opened here, so that a path that cannot be written is one message with the reason
    // (Qt's painters would print their own warnings to stderr and say nothing of why).
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return "could not write '" + path + "' (" + file.errorString().toStdString() + ")";
    if (extensionOf(path) == ".svg") {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(QSize(width, height));
        svg.setViewBox(QRect(0, 0, width, height));
        svg.setTitle(QStringLiteral("gradscape"));
        svg.setResolution(96);
        QPainter painter;
        if (!painter.begin(&svg))
            return "could not write '" + path + "'";
        draw(painter);
        if (!painter.end())
            return "could not write '" + path + "'";
    } else {
        QPdfWriter pdf(&file);
        pdf.setPageSize(QPageSize(QSizeF(width, height), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setResolution(72); // one point a pixel
        pdf.setTitle(QStringLiteral("gradscape"));
        pdf.setCreator(QStringLiteral("gradscape"));
        QPainter painter;
        if (!painter.begin(&pdf))
            return "could not write '" + path + "'";
        draw(painter);
        if (!painter.end())
            return "could not write '" + path + "'";
    }
    file.close();
    if (file.error() != QFileDevice::NoError)
        return "could not write '" + path + "' (" + file.errorString().toStdString() + ")";
    return {};
}

} // namespace

void markHiding(vtkProp* prop) {
    setMark(prop, hidingKey());
}

void markDrawnOnTop(vtkProp* prop) {
    setMark(prop, onTopKey());
}

void markPaintedWhole(vtkProp* prop) {
    setMark(prop, wholeKey());
}

void markDrawnOverScene(vtkProp* prop, bool over) {
    setMark(prop, overSceneKey(), over);
}

bool isDrawnOverScene(vtkProp* prop) {
    return hasMark(prop, overSceneKey());
}

bool isVectorPath(const std::string& path) {
    const std::string ext = extensionOf(path);
    return ext == ".svg" || ext == ".pdf";
}

std::string exportVector(vtkRenderer* renderer, const std::string& path,
                         const ImageExportOptions& o, const std::function<void()>& prepare) {
    if (std::string problem = validateImageExport(path, o); !problem.empty())
        return problem;
    if (!displayAvailable())
        return "no X display to render with (DISPLAY is not set or unreachable); run under "
               "xvfb-run -a";
    // One render at the figure's size lays out what VTK places in pixels (text, axes, the
    // colour bar, the legend) exactly as the raster export does.
    vtkNew<vtkRenderWindow> window;
    window->SetOffScreenRendering(1);
    window->SetMultiSamples(0);
    window->SetSize(o.width, o.height);
    window->AddRenderer(renderer);
    if (prepare)
        prepare();
    window->Render();

    // What writes depth in the raster hides in the figure: the props marked as hiding that
    // are drawn (the shaded surface; the wireframe's surface is not drawn and hides nothing,
    // so the raster's see-through wireframe is the figure's too). The translucent props'
    // depth decides what is painted before them and what after. What is drawn on top
    // (arrows, balls, paths) hides among itself, as VTK depth-tests it among itself.
    std::vector<vtkProp*> hiding, translucent, over, onTop;
    vtkPropCollection* props = renderer->GetViewProps();
    vtkCollectionSimpleIterator it;
    props->InitTraversal(it);
    while (vtkProp* prop = props->GetNextProp(it)) {
        if (!prop->GetVisibility())
            continue;
        auto* actor = vtkActor::SafeDownCast(prop);
        if (hasMark(prop, hidingKey()))
            hiding.push_back(prop);
        else if (hasMark(prop, onTopKey()))
            onTop.push_back(prop);
        else if (actor && !hasMark(prop, onTopKey()) && actor->GetProperty() &&
                 actor->GetProperty()->GetOpacity() < 1.0 &&
                 actor->GetProperty()->GetRepresentation() == VTK_SURFACE)
            (hasMark(prop, overSceneKey()) ? over : translucent).push_back(prop);
    }
    DepthMap depth, translucentDepth, overDepth, onTopDepth;
    if (!hiding.empty())
        depth.build(renderer, hiding, o.width, o.height);
    if (!translucent.empty())
        translucentDepth.build(renderer, translucent, o.width, o.height);
    if (!over.empty())
        overDepth.build(renderer, over, o.width, o.height, true);
    if (!onTop.empty())
        onTopDepth.build(renderer, onTop, o.width, o.height);

    const Projection projection(renderer, o.width, o.height);
    Collector collector(renderer, projection, depth, translucentDepth, overDepth, onTopDepth);
    props->InitTraversal(it);
    while (vtkProp* prop = props->GetNextProp(it))
        collector.prop(prop);

    double background[3];
    renderer->GetBackground(background);
    const std::string error = writeVectorFile(path, o.width, o.height, [&](QPainter& painter) {
        if (!o.transparent)
            painter.fillRect(QRectF(0, 0, o.width, o.height), toColor(background));
        paint(painter, collector.primitives());
    });
    window->RemoveRenderer(renderer);
    renderer->SetRenderWindow(nullptr);
    return error;
}

std::string writeVectorFigure(const std::string& path, int width, int height,
                              const std::function<void(QPainter&)>& draw) {
    if (!isVectorPath(path))
        return "'" + path + "': a figure is .svg or .pdf";
    return writeVectorFile(path, width, height, draw);
}

} // namespace gs
