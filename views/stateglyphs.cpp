#include "stateglyphs.h"

#include "geometry2d.h"
#include "legendbox.h"

#include <vtkActor.h>
#include <vtkBox.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkCoordinate.h>
#include <vtkLegendBoxActor.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkTextProperty.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

namespace gs {

namespace {

// A legend symbol: a bar in the glyph's colour (as the run legend draws its entries).
vtkSmartPointer<vtkPolyData> bar(const Rgb& c) {
    auto symbol = vtkSmartPointer<vtkPolyData>::New();
    vtkNew<vtkPoints> corners;
    for (const auto& [x, y] : {std::pair{0.0, 0.0}, {1.0, 0.0}, {1.0, 0.4}, {0.0, 0.4}})
        corners->InsertNextPoint(x, y, 0);
    vtkNew<vtkCellArray> cells;
    const vtkIdType ids[4] = {0, 1, 2, 3};
    cells->InsertNextCell(4, ids);
    symbol->SetPoints(corners);
    symbol->SetPolys(cells);
    vtkNew<vtkUnsignedCharArray> colour;
    colour->SetNumberOfComponents(3);
    colour->InsertNextTuple3(std::lround(255 * c[0]), std::lround(255 * c[1]),
                             std::lround(255 * c[2]));
    symbol->GetCellData()->SetScalars(colour);
    return symbol;
}

} // namespace

StateGlyphs::StateGlyphs(vtkRenderer* renderer, vtkBox* box)
    : m_renderer(renderer)
    , m_box(box)
    , m_gradient(gradientColor())
    , m_moment(momentColor())
    , m_update(updateColor())
    , m_rate(box)
    , m_legend(vtkSmartPointer<vtkLegendBoxActor>::New()) {
    for (Arrow* a : {&m_gradient, &m_moment, &m_update}) {
        // The slim step taken over the moment arrow it often follows (kSlimmer).
        drawOnTop(a->actor, a == &m_update ? 0.0005 : 0.001);
        // Mostly their own colour whichever way the light falls (a steep view lights them
        // from the side).
        a->actor->GetProperty()->SetAmbient(0.45);
        a->actor->GetProperty()->SetDiffuse(0.6);
        a->actor->SetVisibility(false);
        m_renderer->AddActor(a->actor);
    }
    const Rgb c = rateColor();
    m_rate.actor->GetProperty()->SetColor(c[0], c[1], c[2]);
    m_rate.actor->SetVisibility(false);
    drawOnTop(m_rate.actor);
    m_renderer->AddActor(m_rate.actor);
    const Rgb& ink = sceneLook().ink;
    m_legend->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
    m_legend->BorderOff();
    m_legend->SetPadding(3);
    m_legend->UseBackgroundOn();
    m_legend->SetBackgroundColor(1, 1, 1);
    m_legend->SetBackgroundOpacity(0.85);
    m_legend->GetEntryTextProperty()->SetColor(ink[0], ink[1], ink[2]);
    m_legend->GetEntryTextProperty()->ShadowOff();
    m_legend->GetEntryTextProperty()->ItalicOff();
    m_legend->GetEntryTextProperty()->BoldOff();
    m_legend->SetVisibility(false);
    m_renderer->AddActor2D(m_legend);
    applyStyle(1.0);
}

StateGlyphs::~StateGlyphs() = default;

double StateGlyphs::magnification(double longest, double width) {
    if (!(longest > 0) || !(width > 0) || longest >= kMagnifyTo * width / 2)
        return 1;
    // The largest m 10^e (m in 1, 2, 5) with longest * m 10^e <= kMagnifyTo * width.
    const double room = kMagnifyTo * width / longest;
    const double decade = std::pow(10.0, std::floor(std::log10(room)));
    for (double m : {5.0, 2.0, 1.0})
        if (m * decade <= room)
            return m * decade;
    return decade;
}

void StateGlyphs::applyStyle(double lineScale) {
    m_rate.actor->GetProperty()->SetLineWidth(static_cast<float>(3.0 * lineScale));
}

bool StateGlyphs::gradientVisible() const {
    return m_gradient.actor->GetVisibility();
}
bool StateGlyphs::momentVisible() const {
    return m_moment.actor->GetVisibility();
}
bool StateGlyphs::updateVisible() const {
    return m_update.actor->GetVisibility();
}
std::array<double, 6> StateGlyphs::arrowBounds(int k) const {
    std::array<double, 6> b{};
    const Arrow* arrows[3] = {&m_gradient, &m_moment, &m_update};
    if (k >= 0 && k < 3)
        arrows[k]->actor->GetBounds(b.data());
    return b;
}

bool StateGlyphs::rateVisible() const {
    return m_rate.actor->GetVisibility();
}

void StateGlyphs::update(const HeightMap& height, double width) {
    struct Entry {
        Rgb color;
        std::string label;
    };
    std::vector<Entry> entries;
    // Lifted a little in the 3-D view (a flat view's height map has scale 0: nothing to lift).
    const double lift = height.scale != 0 ? kLift * width : 0.0;
    const double z = m_marks ? height(m_marks->value) + lift : 0.0;
    const Eigen::Vector3d origin = m_marks
                                       ? Eigen::Vector3d(m_marks->point.x(), m_marks->point.y(), z)
                                       : Eigen::Vector3d::Zero().eval();
    // Drawn while x_k is in the plot's box (as the run's ball) and f is defined there.
    double at[3] = {origin.x(), origin.y(), origin.z() - lift};
    const bool inside = m_marks && std::isfinite(z) && origin.allFinite() &&
                        (!m_box || m_box->EvaluateFunction(at) <= 1e-9 * width);
    // Steps are often a few pixels long: the arrows and the rectangle are magnified together
    // by the largest 1-2-5 factor (1, 2, 5, 10, 20, ...) that keeps the longest of them at
    // most kMagnifyTo of the plot's width, and the legend says so ("x20").
    double longest = 0;
    if (m_marks) {
        for (const auto* v :
             {&m_marks->gradientStep, &m_marks->momentStep, &m_marks->update, &m_marks->rate})
            if (*v && v->value().allFinite())
                longest = std::max(longest, v->value().norm());
    }
    m_arrowScale = magnification(longest, width);
    const std::string times =
        m_arrowScale > 1 ? " ×" + std::to_string(std::llround(m_arrowScale)) : std::string();
    auto place = [&](Arrow& arrow, const std::optional<Eigen::Vector2d>& v, const Rgb& color,
                     const std::string& label, double thickness = 1.0) {
        const bool shown = inside && v && v->allFinite() && v->norm() > 0;
        arrow.actor->SetVisibility(shown);
        if (!shown)
            return;
        // The theme's colour (it may have changed since the arrow was made).
        arrow.actor->GetProperty()->SetColor(color[0], color[1], color[2]);
        // Cut where it leaves the box's x-y extent (x_k is inside; clipSegmentToRect): a long
        // step drew over the titles and tick labels (issue #9). The legend says it is ("cut at the
        // edge").
        const double full = m_arrowScale * v->norm();
        double length = full;
        if (m_box) {
            double b[6];
            m_box->GetBounds(b);
            const Eigen::Vector2d tip = m_marks->point + m_arrowScale * *v;
            const auto part = clipSegmentToRect(m_marks->point.x(), m_marks->point.y(), tip.x(),
                                                tip.y(), b[0], b[1], b[2], b[3]);
            length = part ? part->second * full : 0.0;
        }
        const bool cut = length < (1 - 1e-9) * full;
        length = std::max(length, 1e-9 * full);
        arrow.setThickness(thickness * kShaftRadius * width, thickness * kTipRadius * width,
                           kTipLength * width, length);
        arrow.place(origin, Eigen::Vector3d(v->x(), v->y(), 0), length);
        entries.push_back({color, label + times + (cut ? ", cut at the edge" : "")});
    };
    // Gradient descent's step is its gradient step: one arrow named both ways, at full
    // thickness (the slim step arrow on top hid the gradient step under it, tester s14).
    // Equal to rounding: 64 machine epsilons of the step's length.
    const bool same = m_marks && m_marks->gradientStep && m_marks->update &&
                      (*m_marks->update - *m_marks->gradientStep).norm() <=
                          64 * std::numeric_limits<double>::epsilon() * m_marks->update->norm();
    place(m_gradient, m_marks && !same ? m_marks->gradientStep : std::nullopt, gradientColor(),
          "−η ∇f (gradient step)");
    place(m_moment, m_marks ? m_marks->momentStep : std::nullopt, momentColor(),
          m_marks ? m_marks->momentLabel + " (" + m_marks->momentRole + ")" : std::string());
    // The rectangle: sides r_x and r_y, centred on x_k.
    const bool rate = inside && m_marks->rate && m_marks->rate->allFinite();
    m_rate.actor->SetVisibility(rate);
    m_rateExtent = rate ? *m_marks->rate : Eigen::Vector2d(0, 0);
    if (rate) {
        const Eigen::Vector2d h = m_arrowScale * *m_marks->rate / 2;
        vtkNew<vtkPoints> corners;
        for (const auto& [sx, sy] : {std::pair{-1, -1}, {1, -1}, {1, 1}, {-1, 1}})
            corners->InsertNextPoint(origin.x() + sx * h.x(), origin.y() + sy * h.y(), z);
        vtkNew<vtkCellArray> loop;
        const vtkIdType ids[5] = {0, 1, 2, 3, 0};
        loop->InsertNextCell(5, ids);
        vtkNew<vtkPolyData> poly;
        poly->SetPoints(corners);
        poly->SetLines(loop);
        m_rate.setInput(poly);
        entries.push_back({rateColor(), "step size per coordinate" + times});
    }
    place(m_update, m_marks ? m_marks->update : std::nullopt, updateColor(),
          same ? "step taken = −η ∇f (gradient step)" : "step taken", same ? 1.0 : kSlimmer);

    // The theme's panel behind the theme's ink (white behind white text on the dark theme).
    const Rgb& panel = sceneLook().panel;
    m_legend->SetBackgroundColor(panel[0], panel[1], panel[2]);
    m_legend->SetNumberOfEntries(static_cast<int>(entries.size()));
    m_legendLabels.clear();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        Rgb text = sceneLook().ink; // VTK takes a non-const pointer
        m_legendLabels.push_back("  " + entries[i].label);
        m_legend->SetEntry(static_cast<int>(i), bar(entries[i].color).Get(),
                           m_legendLabels.back().c_str(), text.data());
    }
    // Sized in pixels at each render (layoutLegend); until then, the old fractions.
    const double h = 0.032 * double(entries.size());
    m_legend->GetPositionCoordinate()->SetValue(0.70, m_legendBottom);
    m_legend->GetPosition2Coordinate()->SetValue(0.28, h);
    m_legend->SetVisibility(!entries.empty());
}

void StateGlyphs::setLegendBottom(double y) {
    m_legendBottom = y;
    if (!m_bottomAnchored)
        return; // placed at the top (RunPaths: the bottom was taken)
    const double* at = m_legend->GetPositionCoordinate()->GetValue();
    m_legend->GetPositionCoordinate()->SetValue(at[0], y);
}

void StateGlyphs::layoutLegend(int fontSize) {
    // Bottom right of the view, growing up and to the left from (0.98, bottom).
    layoutLegend(fontSize, defaultLegendAnchor());
}

void StateGlyphs::layoutLegend(int fontSize, const LegendAnchor& anchor) {
    m_bottomAnchored = !anchor.top;
    if (m_legend->GetVisibility())
        fitLegend(m_legend, m_renderer, m_legendLabels, fontSize, anchor);
}

vtkLegendBoxActor* StateGlyphs::legend() const {
    return m_legend;
}

} // namespace gs
