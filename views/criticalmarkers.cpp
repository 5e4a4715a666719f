#include "criticalmarkers.h"

#include "sceneactors.h"

#include <algorithm>
#include <cmath>
#include <vtkActor.h>
#include <vtkBillboardTextActor3D.h>
#include <vtkBox.h>
#include <vtkClipPolyData.h>
#include <vtkConeSource.h>
#include <vtkCubeSource.h>
#include <vtkGlyph3D.h>
#include <vtkGlyphSource2D.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSphereSource.h>
#include <vtkTextProperty.h>
#include <vtkTransform.h>
#include <vtkTransformPolyDataFilter.h>

namespace gs {

namespace {

int kindIndex(Classification k) {
    switch (k) {
    case Classification::Minimum:
        return 0;
    case Classification::Maximum:
        return 1;
    case Classification::Saddle:
        return 2;
    default:
        return 3;
    }
}

constexpr Classification kKindOf[] = {Classification::Minimum, Classification::Maximum,
                                      Classification::Saddle, Classification::Degenerate};

/// The glyph's source, diameter 1, centred on the origin.
vtkSmartPointer<vtkAlgorithm> symbol(int kind, bool flat) {
    if (flat) {
        auto g = vtkSmartPointer<vtkGlyphSource2D>::New();
        g->SetFilled(true);
        g->SetResolution(24);
        switch (kind) {
        case 0:
            g->SetGlyphTypeToCircle();
            break;
        case 1:
            g->SetGlyphTypeToTriangle();
            break;
        case 2:
            g->SetGlyphTypeToDiamond();
            break;
        default:
            g->SetGlyphTypeToSquare();
        }
        return g;
    }
    switch (kind) {
    case 0: {
        auto s = vtkSmartPointer<vtkSphereSource>::New();
        s->SetThetaResolution(20);
        s->SetPhiResolution(14);
        return s;
    }
    case 1: {
        // A cone pointing up (+z): a peak.
        auto c = vtkSmartPointer<vtkConeSource>::New();
        c->SetDirection(0, 0, 1);
        c->SetResolution(20);
        return c;
    }
    case 2: {
        // A cube standing on a corner reads as a diamond from every side.
        auto c = vtkSmartPointer<vtkCubeSource>::New();
        auto t = vtkSmartPointer<vtkTransform>::New();
        t->RotateZ(45);
        t->RotateX(35.26);
        t->Scale(0.7, 0.7, 0.7);
        auto f = vtkSmartPointer<vtkTransformPolyDataFilter>::New();
        f->SetInputConnection(c->GetOutputPort());
        f->SetTransform(t);
        return f;
    }
    default: {
        auto c = vtkSmartPointer<vtkCubeSource>::New();
        c->SetXLength(0.8);
        c->SetYLength(0.8);
        c->SetZLength(0.8);
        return c;
    }
    }
}

vtkSmartPointer<vtkActor> glyphActor(vtkAlgorithm* source, vtkPoints* points) {
    auto data = vtkSmartPointer<vtkPolyData>::New();
    data->SetPoints(points);
    auto glyph = vtkSmartPointer<vtkGlyph3D>::New();
    glyph->SetInputData(data);
    glyph->SetSourceConnection(source->GetOutputPort());
    glyph->SetScaleModeToDataScalingOff();
    glyph->OrientOff();
    auto mapper = vtkSmartPointer<vtkPolyDataMapper>::New();
    mapper->SetInputConnection(glyph->GetOutputPort());
    mapper->ScalarVisibilityOff();
    auto actor = vtkSmartPointer<vtkActor>::New();
    actor->SetMapper(mapper);
    return actor;
}

vtkGlyph3D* glyphOf(vtkActor* a) {
    vtkAlgorithm* input = a->GetMapper()->GetInputAlgorithm();
    if (auto* clip = vtkClipPolyData::SafeDownCast(input)) // clipped to the frame
        input = clip->GetInputAlgorithm();
    return vtkGlyph3D::SafeDownCast(input);
}

} // namespace

Rgb markerColor(Classification kind) {
    switch (kind) {
    case Classification::Minimum:
        return {0.10, 0.55, 0.25}; // green: a valley floor
    case Classification::Maximum:
        return {0.80, 0.10, 0.45}; // magenta: a peak
    case Classification::Saddle:
        return {0.95, 0.50, 0.05}; // orange
    default:
        return sceneLook().unclassified; // grey, lighter on the dark theme
    }
}

Rgb markerLabelColor(Classification kind) {
    // Toward the ink (not black or white: the label keeps its hue's family), 4.6:1 against
    // the panel (rgbContrast, scenestyle.h).
    const Rgb c = markerColor(kind), ink = sceneLook().ink, panel = sceneLook().panel;
    Rgb moved = c;
    for (int i = 1; i <= 64 && rgbContrast(moved, panel) < 4.6; ++i)
        for (std::size_t j = 0; j < 3; ++j)
            moved[j] = c[j] + (ink[j] - c[j]) * i / 64.0;
    return moved;
}

const char* markerSymbolName(Classification kind) {
    switch (kind) {
    case Classification::Minimum:
        return "min";
    case Classification::Maximum:
        return "max";
    case Classification::Saddle:
        return "saddle";
    default:
        return "degenerate";
    }
}

CriticalMarkers::CriticalMarkers(bool flat)
    : m_flat(flat) {
    for (int k = 0; k < kKinds; ++k) {
        m_points[std::size_t(k)] = vtkSmartPointer<vtkPoints>::New();
        m_actors[std::size_t(k)] = glyphActor(symbol(k, flat), m_points[std::size_t(k)]);
        const Rgb c = markerColor(kKindOf[k]);
        m_actors[std::size_t(k)]->GetProperty()->SetColor(c[0], c[1], c[2]);
        if (!flat) {
            m_actors[std::size_t(k)]->GetProperty()->SetSpecular(0.3);
        } else {
            m_actors[std::size_t(k)]->GetProperty()->SetEdgeColor(1, 1, 1);
        }
    }
    auto ring = vtkSmartPointer<vtkGlyphSource2D>::New();
    ring->SetGlyphTypeToCircle();
    ring->SetResolution(48);
    ring->SetFilled(false);
    m_ringPoints = vtkSmartPointer<vtkPoints>::New();
    m_rings = glyphActor(ring, m_ringPoints);
    const Rgb& ink = sceneLook().ink;
    m_rings->GetProperty()->SetColor(ink[0], ink[1], ink[2]);
    m_rings->GetProperty()->SetLineWidth(2);
    // In 3-D a ring lies at its extreme's height, inside the surface around a minimum (the
    // surface rises from it): a shaded surface buried it. Drawn on top, as the point is.
    if (!flat)
        drawOnTop(m_rings);
}

CriticalMarkers::~CriticalMarkers() = default;

void CriticalMarkers::addTo(vtkRenderer* renderer) {
    m_renderer = renderer;
    for (auto& a : m_actors)
        renderer->AddActor(a);
    renderer->AddActor(m_rings);
}

void CriticalMarkers::clipTo(vtkBox* box) {
    for (vtkActor* a : {m_actors[0].Get(), m_actors[1].Get(), m_actors[2].Get(), m_actors[3].Get(),
                        m_rings.Get()}) {
        vtkGlyph3D* glyph = glyphOf(a);
        auto clip = vtkSmartPointer<vtkClipPolyData>::New();
        clip->SetInputConnection(glyph->GetOutputPort());
        clip->SetClipFunction(box);
        clip->InsideOutOn(); // keep what is inside the box
        a->GetMapper()->SetInputConnection(clip->GetOutputPort());
    }
}

void CriticalMarkers::update(const std::vector<PlotMarker>& markers, double size,
                             const PixelScale& scale) {
    if (&markers != &m_markers)
        m_markers = markers;
    m_size = size;
    for (auto& p : m_points)
        p->Reset();
    m_ringPoints->Reset();
    if (m_renderer)
        for (auto& l : m_labels)
            m_renderer->RemoveActor(l);
    m_labels.clear();
    const Rgb& ink = sceneLook().ink;
    // The colours again: the look may have changed (the theme) since the markers were made.
    m_rings->GetProperty()->SetColor(ink[0], ink[1], ink[2]);
    for (int k = 0; k < kKinds; ++k) {
        const Rgb c = markerColor(kKindOf[k]);
        m_actors[std::size_t(k)]->GetProperty()->SetColor(c[0], c[1], c[2]);
    }
    for (const PlotMarker& m : markers) {
        if (!m.at.allFinite())
            continue;
        if (m.extreme != 0) {
            m_ringPoints->InsertNextPoint(m.at.data());
        } else {
            m_points[std::size_t(kindIndex(m.kind))]->InsertNextPoint(m.at.data());
        }
        if (m.label.empty() || !m_renderer)
            continue;
        auto t = vtkSmartPointer<vtkBillboardTextActor3D>::New();
        t->SetInput(m.label.c_str());
        t->SetPosition(m.at.x(), m.at.y(), m.at.z());
        vtkTextProperty* p = t->GetTextProperty();
        // Follows the font scale (a lecture's 1.5) as the tick labels do.
        p->SetFontSize(int(std::lround(12 * sceneLook().fontScale * scale.text)));
        const Rgb c = m.extreme ? ink : markerLabelColor(m.kind);
        p->SetColor(c[0], c[1], c[2]);
        p->SetBold(m.extreme != 0);
        const Rgb& panel = sceneLook().panel;
        p->SetBackgroundColor(panel[0], panel[1], panel[2]);
        p->SetBackgroundOpacity(0.9); // level lines under it do not cross the words
        // Minima are labelled below their marker, everything else above.
        // Near an edge of the plot the label turns inwards (PlotMarker::labelX, labelY).
        const bool below =
            m.labelY != 0 ? m.labelY < 0 : m.kind == Classification::Minimum || m.extreme < 0;
        p->SetVerticalJustification(below ? VTK_TEXT_TOP : VTK_TEXT_BOTTOM);
        if (m.labelX < 0)
            p->SetJustificationToRight();
        else if (m.labelX > 0)
            p->SetJustificationToLeft();
        else
            p->SetJustificationToCentered();
        const double gap = m.labelGap > 0 ? m.labelGap : 9.0 * (m.extreme ? 2 : 1);
        t->SetDisplayOffset(int(std::lround(m.labelX * 6 * scale.line)),
                            int(std::lround((below ? -1 : 1) * gap * scale.line)));
        t->SetVisibility(m_visible);
        m_renderer->AddActor(t);
        m_labels.push_back(t);
    }
    for (auto& p : m_points)
        p->Modified();
    m_ringPoints->Modified();
    for (auto& a : m_actors) {
        glyphOf(a)->SetScaleFactor(size);
        glyphOf(a)->Modified();
        a->GetProperty()->SetLineWidth(float(scale.line));
    }
    glyphOf(m_rings)->SetScaleFactor(size * 2.2);
    glyphOf(m_rings)->Modified();
    m_rings->GetProperty()->SetLineWidth(float(2 * scale.line));
}

void CriticalMarkers::setScale(const PixelScale& scale) {
    update(m_markers, m_size, scale);
}

void CriticalMarkers::setVisible(bool visible) {
    m_visible = visible;
    for (auto& a : m_actors)
        a->SetVisibility(visible);
    m_rings->SetVisibility(visible);
    for (auto& l : m_labels)
        l->SetVisibility(visible);
}

int CriticalMarkers::count(Classification kind) const {
    return int(m_points[std::size_t(kindIndex(kind))]->GetNumberOfPoints());
}

} // namespace gs

namespace gs {

std::vector<std::array<double, 6>> CriticalMarkers::labelBounds() const {
    std::vector<std::array<double, 6>> out;
    for (const auto& l : m_labels) {
        std::array<double, 6> b{};
        const double* q = l->GetBounds();
        if (q)
            std::copy(q, q + 6, b.begin());
        out.push_back(b);
    }
    return out;
}

std::array<double, 6> CriticalMarkers::ringBounds(bool drawn) const {
    std::array<double, 6> b{};
    vtkAlgorithm* source = m_rings->GetMapper()->GetInputAlgorithm();
    if (!drawn)
        if (auto* clip = vtkClipPolyData::SafeDownCast(source))
            source = clip->GetInputAlgorithm();
    source->Update();
    if (auto* d = vtkPolyData::SafeDownCast(source->GetOutputDataObject(0));
        d && d->GetNumberOfPoints() > 0)
        d->GetBounds(b.data());
    return b;
}

} // namespace gs
