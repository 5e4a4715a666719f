#include "overlays.h"

#include <vtkActor.h>
#include <vtkBoundingBox.h>
#include <vtkBox.h>
#include <vtkClipPolyData.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace gs {

ExpansionOverlays::ExpansionOverlays(vtkBox* box)
    : m_plotBox(box)
    , m_tangentBox(vtkSmartPointer<vtkBox>::New())
    , m_marker(sceneLook().marker)
    , m_tangent(m_tangentBox)
    , m_quadratic(box)
    , m_newton(box)
    , m_ascent(sceneLook().ascent)
    , m_descent(sceneLook().descent)
    , m_newtonLabel(vtkSmartPointer<vtkTextActor>::New()) {
    const SceneLook& look = sceneLook();
    // The Newton label: bottom right, in the model's colour, on the panel's ground (applyStyle).
    vtkTextProperty* label = m_newtonLabel->GetTextProperty();
    label->SetColor(look.newtonModel[0], look.newtonModel[1], look.newtonModel[2]);
    label->SetJustificationToRight();
    label->SetVerticalJustificationToBottom();
    label->SetBackgroundColor(1, 1, 1);
    label->SetBackgroundOpacity(0.85);
    m_newtonLabel->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
    m_newtonLabel->SetPosition(0.98, 0.02);
    m_newtonLabel->SetVisibility(false);
    vtkProperty* tangent = m_tangent.actor->GetProperty();
    tangent->SetColor(look.tangent[0], look.tangent[1], look.tangent[2]);
    tangent->SetOpacity(look.tangentOpacity);
    tangent->EdgeVisibilityOn();
    tangent->SetAmbient(0.5); // lit from either side alike
    tangent->SetDiffuse(0.5);
    tangent->SetEdgeColor(look.tangentEdge[0], look.tangentEdge[1], look.tangentEdge[2]);
    m_quadratic.actor->GetProperty()->SetColor(look.quadratic[0], look.quadratic[1],
                                               look.quadratic[2]);
    m_newton.actor->GetProperty()->SetColor(look.newtonModel[0], look.newtonModel[1],
                                            look.newtonModel[2]);
    m_newton.actor->SetVisibility(false);
    // The point and the arrows explain the models: never buried by them or by the surface.
    for (vtkActor* a : {m_marker.actor.Get(), m_ascent.actor.Get(), m_descent.actor.Get()})
        drawOnTop(a);
}

void ExpansionOverlays::addNewtonModelTo(vtkRenderer* renderer) const {
    renderer->AddActor(m_newton.actor);
    renderer->AddActor2D(m_newtonLabel);
}

void ExpansionOverlays::addTo(vtkRenderer* renderer) const {
    // The translucent plane is drawn after everything opaque (VTK's translucent pass).
    for (vtkActor* a : {m_quadratic.actor.Get(), m_tangent.actor.Get(), m_marker.actor.Get(),
                        m_ascent.actor.Get(), m_descent.actor.Get()})
        renderer->AddActor(a);
}

void ExpansionOverlays::update(const Expansion* e, const GridSpec* g, const HeightMap& height,
                               const SceneStyle& style, double slope) {
    const bool show = e && g && std::isfinite(e->at.value) && pointInDomain(*e, *g);
    for (vtkActor* a : {m_marker.actor.Get(), m_tangent.actor.Get(), m_quadratic.actor.Get(),
                        m_ascent.actor.Get(), m_descent.actor.Get()})
        a->SetVisibility(show);
    m_arrowLength = 0;
    if (!show)
        return;
    const SceneLook& look = sceneLook();
    const double width = std::max(g->xmax - g->xmin, g->ymax - g->ymin);
    const Eigen::Vector3d at(e->point[g->axisX], e->point[g->axisY], height(e->at.value));
    m_marker.place(at.data(), look.markerDiameter * width);
    // The plane's box: the plot's, with room above and below the point (a horizontal plane
    // at a maximum lies exactly on the top face and would be clipped away as outside).
    double b[6];
    m_plotBox->GetBounds(b);
    const double margin = kTangentMargin * (b[5] - b[4]);
    b[4] = std::min(b[4], at.z() - margin);
    b[5] = std::max(b[5], at.z() + margin);
    m_tangentBox->SetBounds(b);

    const GridGeometry tangent = gridGeometry(e->tangentGrid, e->tangent, height);
    auto plane = mesh(tangent);
    plane->GetPointData()->SetScalars(nullptr);
    m_tangent.setInput(plane);
    const GridGeometry quadratic = gridGeometry(e->modelGrid, e->quadratic, height);
    // As many wire lines per unit of x as the surface has: a small neighbourhood gets fewer.
    const double share = (e->modelGrid.xmax - e->modelGrid.xmin) / width;
    const int lines = std::clamp(int(std::lround(style.wireLines * share)) + 1,
                                 std::min(5, style.wireLines), style.wireLines);
    m_quadratic.setInput(wireframe(quadratic, lines));

    // The ascent direction lives in f's units; in the box, z is scaled.
    const Eigen::Vector3d ascent(e->ascent.x(), e->ascent.y(), e->ascent.z() * height.scale);
    // No arrows at a critical point, or where f changes only along inputs not plotted.
    // Their length in proportion to |∇f| over the plotted inputs (arrowRatio).
    const double ratio = arrowRatio(e->ascent.head<2>().norm(), slope);
    const bool flat = e->gradientNorm <= e->curvature.gradientTolerance ||
                      e->ascent.head<2>().isZero(0) || !ascent.allFinite() || ratio == 0;
    if (!flat) {
        m_ascent.place(at, ascent, ratio * look.arrowLength * width);
        m_descent.place(at, -ascent, ratio * look.arrowLength * width);
    }
    m_arrowLength = style.showGradient && !flat ? ratio * look.arrowLength * width : 0.0;
    m_ascent.actor->SetVisibility(style.showGradient && !flat);
    m_descent.actor->SetVisibility(style.showGradient && !flat);
    m_tangent.actor->SetVisibility(style.showTangent);
    // Over a shaded surface the plane is drawn over it, as over the wireframe: where f is
    // convex the surface lies above its tangent plane and, depth-tested, buried it.
    drawOverScene(m_tangent.actor, style.shaded);
    m_quadratic.actor->SetVisibility(style.showQuadratic);
}

void ExpansionOverlays::applyStyle(const PixelScale& scale) {
    const double k = scale.line;
    const SceneLook& look = sceneLook();
    // The colours the window's preferences may change.
    m_tangent.actor->GetProperty()->SetColor(look.tangent[0], look.tangent[1], look.tangent[2]);
    m_tangent.actor->GetProperty()->SetEdgeColor(look.tangentEdge[0], look.tangentEdge[1],
                                                 look.tangentEdge[2]);
    m_quadratic.actor->GetProperty()->SetColor(look.quadratic[0], look.quadratic[1],
                                               look.quadratic[2]);
    m_newton.actor->GetProperty()->SetColor(look.newtonModel[0], look.newtonModel[1],
                                            look.newtonModel[2]);
    // The Newton label in the model's colour on the theme's panel (on the dark theme the
    // light grey model's text on the white ground it had was 1.5:1).
    vtkTextProperty* label = m_newtonLabel->GetTextProperty();
    label->SetColor(look.newtonModel[0], look.newtonModel[1], look.newtonModel[2]);
    label->SetBackgroundColor(look.panel[0], look.panel[1], look.panel[2]);
    m_quadratic.actor->GetProperty()->SetLineWidth(static_cast<float>(look.quadraticWidth * k));
    m_tangent.actor->GetProperty()->SetLineWidth(static_cast<float>(look.tangentEdgeWidth * k));
    m_newton.actor->GetProperty()->SetLineWidth(static_cast<float>(look.newtonWidth * k));
    m_newtonLabel->GetTextProperty()->SetFontSize(
        static_cast<int>(std::lround(look.tickFont * scale.text)));
}

void ExpansionOverlays::boxChanged() {
    for (const ClippedActor* a : {&m_tangent, &m_quadratic, &m_newton})
        a->clip->Modified();
}

void ExpansionOverlays::setNewtonModel(const GridSpec& grid, const Eigen::ArrayXXd& values,
                                       const HeightMap& height, const std::string& label) {
    m_newton.setInput(wireframe(gridGeometry(grid, values, height), 11));
    m_newton.actor->SetVisibility(true);
    m_newtonText = label;
    m_newtonLabel->SetInput(label.c_str());
    m_newtonLabel->SetVisibility(!label.empty());
}

void ExpansionOverlays::clearNewtonModel() {
    m_newton.actor->SetVisibility(false);
    m_newtonText.clear();
    m_newtonLabel->SetInput("");
    m_newtonLabel->SetVisibility(false);
    // The point and the arrows explain the models: never buried by them or by the surface.
    for (vtkActor* a : {m_marker.actor.Get(), m_ascent.actor.Get(), m_descent.actor.Get()})
        drawOnTop(a);
}

bool ExpansionOverlays::newtonModelVisible() const {
    return m_newton.actor->GetVisibility();
}

std::string ExpansionOverlays::newtonLabel() const {
    return m_newtonLabel->GetVisibility() ? m_newtonText : std::string();
}

std::array<double, 4> ExpansionOverlays::newtonLabelBox(vtkRenderer* renderer) const {
    const char* text = m_newtonLabel->GetInput();
    if (!m_newtonLabel->GetVisibility() || !text || !*text)
        return {0, 0, 0, 0};
    // VTK gives the box about the text's anchor (justification included): add where it is.
    double b[4];
    m_newtonLabel->GetBoundingBox(renderer, b);
    const double* at =
        m_newtonLabel->GetActualPositionCoordinate()->GetComputedDoubleViewportValue(renderer);
    return {b[0] + at[0], b[1] + at[0], b[2] + at[1], b[3] + at[1]};
}

void ExpansionOverlays::placeNewtonLabel(vtkRenderer* renderer,
                                         const std::vector<std::array<double, 4>>& avoid,
                                         double top) {
    const int* size = renderer->GetSize();
    if (!m_newtonLabel->GetVisibility() || m_newtonText.empty() || !size || size[0] <= 0 ||
        size[1] <= 0)
        return;
    const auto meets = [](const std::array<double, 4>& a, const std::array<double, 4>& b) {
        return a[0] < b[1] && b[0] < a[1] && a[2] < b[3] && b[2] < a[3];
    };
    // The text on one line, or broken after its "step N:" (a wide caption at a large font
    // scale spans the view's width: no place beside the tick labels holds it on one line).
    const std::string oneLine = m_newtonText;
    std::string twoLines = oneLine;
    if (const auto colon = twoLines.find(": "); colon != std::string::npos)
        twoLines.replace(colon, 2, ":\n");
    vtkTextProperty* p = m_newtonLabel->GetTextProperty();
    const auto at = [&](bool right, bool fromTop, double y) {
        right ? p->SetJustificationToRight() : p->SetJustificationToLeft();
        fromTop ? p->SetVerticalJustificationToTop() : p->SetVerticalJustificationToBottom();
        m_newtonLabel->SetPosition(right ? 0.98 : 0.02, y);
    };
    const auto clear = [&]() {
        const std::array<double, 4> box = newtonLabelBox(renderer);
        if (box[0] < 0 || box[1] > size[0] || box[2] < 0 || box[3] > size[1])
            return false;
        for (const auto& a : avoid)
            if (meets(box, a))
                return false;
        return true;
    };
    for (const std::string& text : {oneLine, twoLines}) {
        m_newtonLabel->SetInput(text.c_str());
        // Bottom right (where it always was), bottom left, then a line higher at a time up to
        // a quarter of the view; then under the title, left and right.
        at(true, false, 0.02);
        const std::array<double, 4> first = newtonLabelBox(renderer);
        const double lines = text == oneLine ? 1 : 2;
        const double line = std::max(1.0, (first[3] - first[2]) / lines) * 1.2 / size[1];
        for (int k = 0; 0.02 + k * line <= 0.25; ++k)
            for (const bool right : {true, false}) {
                at(right, false, 0.02 + k * line);
                if (clear())
                    return;
            }
        for (const bool right : {false, true}) {
            at(right, true, top - 0.01);
            if (clear())
                return;
        }
    }
    m_newtonLabel->SetInput(oneLine.c_str()); // nowhere clear: where it always was
    at(true, false, 0.02);
}

std::array<double, 6> ExpansionOverlays::arrowBounds() const {
    vtkBoundingBox box; // starts empty (not valid)
    for (const Arrow* a : {&m_ascent, &m_descent})
        if (a->actor->GetVisibility() && vtkBoundingBox::IsValid(a->actor->GetBounds()))
            box.AddBounds(a->actor->GetBounds());
    std::array<double, 6> b{1, -1, 1, -1, 1, -1};
    if (box.IsValid())
        box.GetBounds(b.data());
    return b;
}

std::string newtonStepText(const Step& next, int index) {
    // VTK's fonts have no Greek or superscripts: t is the fraction of the direction taken.
    const std::string t = "t = " + compactNumber(next.stepLength);
    const std::string head = "Newton step " + std::to_string(index) + ": ";
    switch (next.newton) {
    case NewtonKind::None:
        return {};
    case NewtonKind::Pure:
        return head + "pure, the full step to the grey model's minimum";
    case NewtonKind::Damped:
        return head + "damped, " + t + " of the step to the grey model's minimum";
    case NewtonKind::Safeguarded:
        return head + "safeguarded (H not positive definite): eigenvalues floored at 1/lr" +
               (next.stepLength < 1 ? std::string(", ") + t : std::string());
    }
    return {};
}

bool pointInDomain(const Expansion& e, const GridSpec& g) {
    if (e.point.size() <= std::max(g.axisX, g.axisY))
        return false;
    const double x = e.point[g.axisX], y = e.point[g.axisY];
    return x >= g.xmin && x <= g.xmax && y >= g.ymin && y <= g.ymax;
}

} // namespace gs
