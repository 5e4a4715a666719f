#include "faxis.h"

#include "sceneactors.h"
#include "scenecamera.h"
#include "ticks.h"

#include <vtkActor.h>
#include <vtkBillboardTextActor3D.h>
#include <vtkCellArray.h>
#include <vtkMapper.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkTextProperty.h>

#include <Eigen/Core>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace gs {

namespace {

int fontSize(double points, double pixelScale) {
    return static_cast<int>(std::lround(points * pixelScale));
}

} // namespace

FAxis::FAxis(vtkRenderer* renderer)
    : m_renderer(renderer) {
    const SceneLook& look = sceneLook();
    m_line = makeActor(nullptr, vtkSmartPointer<vtkPolyData>::New());
    m_line->GetProperty()->SetColor(look.ink[0], look.ink[1], look.ink[2]);
    m_renderer->AddActor(m_line);
    // The title sits above the top of the vertical axis, as in most plotting tools.
    m_title = vtkSmartPointer<vtkBillboardTextActor3D>::New();
    m_title->SetInput("f");
    m_title->GetTextProperty()->SetColor(look.ink[0], look.ink[1], look.ink[2]);
    m_title->GetTextProperty()->SetJustificationToCentered();
    m_title->GetTextProperty()->ItalicOn();
    m_renderer->AddActor(m_title);
}

void FAxis::setVisible(bool visible) {
    m_visible = visible;
    m_line->SetVisibility(visible);
    m_title->SetVisibility(visible);
    for (auto& label : m_labels)
        label->SetVisibility(visible);
}

void FAxis::rebuild(const GridSpec& g, double zmin, double zmax, const HeightMap& height,
                    double boxHeight) {
    const SceneLook& look = sceneLook();
    for (auto& label : m_labels)
        m_renderer->RemoveActor(label);
    m_labels.clear();
    m_ticks.clear();
    for (double t : niceTicks(zmin, zmax, 6)) {
        m_ticks.push_back(height(t));
        auto label = vtkSmartPointer<vtkBillboardTextActor3D>::New();
        char text[32];
        std::snprintf(text, sizeof text, "%g", t);
        label->SetInput(text);
        label->GetTextProperty()->SetColor(look.ink[0], look.ink[1], look.ink[2]);
        label->GetTextProperty()->SetJustificationToRight();
        label->GetTextProperty()->SetVerticalJustificationToCentered();
        label->GetTextProperty()->SetFontSize(fontSize(look.tickFont, m_pixelScale));
        label->SetVisibility(m_visible);
        m_renderer->AddActor(label);
        m_labels.push_back(label);
    }
    m_grid = g;
    m_boxHeight = boxHeight;
    layout();
}

void FAxis::setCorner(int corner) {
    if (corner == m_corner)
        return;
    m_corner = corner;
    layout();
}

void FAxis::layout() {
    const GridSpec& g = m_grid;
    const double width = std::max(g.xmax - g.xmin, g.ymax - g.ymin);
    const double tick = sceneLook().fTick * width;
    // The corner's edge, and the way out of the box there (ticks point diagonally out).
    const double cx = (m_corner & 1) ? g.xmax : g.xmin, cy = (m_corner & 2) ? g.ymax : g.ymin;
    const double sx = (m_corner & 1) ? 1 : -1, sy = (m_corner & 2) ? 1 : -1;
    auto points = vtkSmartPointer<vtkPoints>::New();
    auto lines = vtkSmartPointer<vtkCellArray>::New();
    auto segment = [&](double x0, double y0, double z0, double x1, double y1, double z1) {
        const vtkIdType ids[2] = {points->InsertNextPoint(x0, y0, z0),
                                  points->InsertNextPoint(x1, y1, z1)};
        lines->InsertNextCell(2, ids);
    };
    segment(cx, cy, 0, cx, cy, m_boxHeight);
    for (std::size_t i = 0; i < m_ticks.size(); ++i) {
        const double z = m_ticks[i];
        segment(cx, cy, z, cx + sx * tick, cy + sy * tick, z);
        m_labels[i]->SetPosition(cx + sx * 2.2 * tick, cy + sy * 2.2 * tick, z);
    }
    auto poly = vtkSmartPointer<vtkPolyData>::New();
    poly->SetPoints(points);
    poly->SetLines(lines);
    m_line->GetMapper()->SetInputDataObject(poly);
    m_title->SetPosition(cx + sx * 2.2 * tick, cy + sy * 2.2 * tick, 1.1 * m_boxHeight);
}

InputAxes::InputAxes(vtkRenderer* renderer)
    : m_renderer(renderer) {
    const SceneLook& look = sceneLook();
    m_line = makeActor(nullptr, vtkSmartPointer<vtkPolyData>::New());
    m_line->GetProperty()->SetColor(look.ink[0], look.ink[1], look.ink[2]);
    m_renderer->AddActor(m_line);
    m_xTitle = makeText("x");
    m_yTitle = makeText("y");
    for (vtkBillboardTextActor3D* t : {m_xTitle.Get(), m_yTitle.Get()}) {
        t->GetTextProperty()->ItalicOn();
        t->GetTextProperty()->SetJustificationToCentered();
        t->GetTextProperty()->SetVerticalJustificationToCentered();
        m_renderer->AddActor(t);
    }
}

vtkSmartPointer<vtkBillboardTextActor3D> InputAxes::makeText(const std::string& text) const {
    const Rgb& ink = sceneLook().ink;
    auto t = vtkSmartPointer<vtkBillboardTextActor3D>::New();
    t->SetInput(text.c_str());
    t->GetTextProperty()->SetColor(ink[0], ink[1], ink[2]);
    t->GetTextProperty()->ShadowOff();
    return t;
}

void InputAxes::setTitles(const std::string& x, const std::string& y) {
    m_xTitle->SetInput(x.c_str());
    m_yTitle->SetInput(y.c_str());
}

void InputAxes::rebuild(const GridSpec& g) {
    const SceneLook& look = sceneLook();
    for (auto& label : m_labels)
        m_renderer->RemoveActor(label);
    m_labels.clear();
    const double width = std::max(g.xmax - g.xmin, g.ymax - g.ymin);
    const double tick = look.fTick * width;
    auto points = vtkSmartPointer<vtkPoints>::New();
    auto lines = vtkSmartPointer<vtkCellArray>::New();
    auto segment = [&](double x0, double y0, double x1, double y1) {
        const vtkIdType ids[2] = {points->InsertNextPoint(x0, y0, 0),
                                  points->InsertNextPoint(x1, y1, 0)};
        lines->InsertNextCell(2, ids);
    };
    auto label = [&](double v, double x, double y, bool xAxis) {
        char text[32];
        std::snprintf(text, sizeof text, "%g", v);
        auto t = makeText(text);
        t->SetPosition(x, y, 0);
        // Below the x axis, centred; right of the y axis, from its start: never on the line.
        if (xAxis) {
            t->GetTextProperty()->SetJustificationToCentered();
            t->GetTextProperty()->SetVerticalJustificationToTop();
        } else {
            t->GetTextProperty()->SetJustificationToLeft();
            t->GetTextProperty()->SetVerticalJustificationToCentered();
        }
        t->GetTextProperty()->SetFontSize(fontSize(look.tickFont, m_pixelScale));
        m_renderer->AddActor(t);
        m_labels.push_back(t);
    };
    // The first input along the front edge (y = ymin), ticks pointing away from the box.
    segment(g.xmin, g.ymin, g.xmax, g.ymin);
    for (double t : niceTicks(g.xmin, g.xmax, 6)) {
        segment(t, g.ymin, t, g.ymin - tick);
        label(t, t, g.ymin - 2.5 * tick, true);
    }
    m_xLabels = m_labels.size();
    // The second input along the right edge (x = xmax). Its label at ymin would sit on the
    // first axis's last label at the shared corner: that tick keeps its mark, not its label.
    segment(g.xmax, g.ymin, g.xmax, g.ymax);
    const double cornerGap = 0.08 * (g.ymax - g.ymin);
    for (double t : niceTicks(g.ymin, g.ymax, 6)) {
        segment(g.xmax, t, g.xmax + tick, t);
        if (t - g.ymin > cornerGap)
            label(t, g.xmax + 2.5 * tick, t, false);
    }
    auto poly = vtkSmartPointer<vtkPolyData>::New();
    poly->SetPoints(points);
    poly->SetLines(lines);
    m_line->GetMapper()->SetInputDataObject(poly);
    // Titles at the middle of each axis, moved beyond the labels on screen (placeTitles).
    m_xTitle->SetPosition(0.5 * (g.xmin + g.xmax), g.ymin, 0);
    m_yTitle->SetPosition(g.xmax, 0.5 * (g.ymin + g.ymax), 0);
    m_grid = g;
    m_built = true;
}

void InputAxes::placeTitles(const std::vector<std::array<double, 4>>& avoid) {
    if (!m_built || !m_renderer->GetRenderWindow())
        return;
    const int* size = m_renderer->GetSize();
    if (!size || size[0] <= 0 || size[1] <= 0)
        return;
    auto display = [&](double x, double y) {
        m_renderer->SetWorldPoint(x, y, 0, 1.0);
        m_renderer->WorldToDisplay();
        const double* d = m_renderer->GetDisplayPoint();
        return Eigen::Vector2d(d[0], d[1]);
    };
    const GridSpec& g = m_grid;
    const Eigen::Vector2d centre = display(0.5 * (g.xmin + g.xmax), 0.5 * (g.ymin + g.ymax));
    // A title was drawn a fixed distance from its axis in world units while its labels grow
    // with the font: at font scale 1.5 "V[1,1]" sat on the labels (issue #9, font19). Now:
    // pushed out from the axis's middle, across the axis on screen, past the farthest reach
    // of its labels' boxes, by a gap of half a label's height.
    struct Axis {
        vtkBillboardTextActor3D* title;
        Eigen::Vector2d a, b;
        std::size_t from, to; ///< its labels in m_labels
    };
    const Axis axes[2] = {
        {m_xTitle, display(g.xmin, g.ymin), display(g.xmax, g.ymin), 0, m_xLabels},
        {m_yTitle, display(g.xmax, g.ymin), display(g.xmax, g.ymax), m_xLabels, m_labels.size()}};
    // Tick labels that would overlap one drawn already (this axis's, the other's or the f
    // axis's: `avoid`) are left out, a quarter of a label's height apart. Seen nearly end-on
    // (the front or side presets), an axis is shorter on screen than its labels laid along
    // it with half a label between neighbours: they would stand in a heap off its line, read
    // as no scale, so it shows none, nor its title; nor does an axis keeping fewer than two.
    std::vector<std::array<double, 4>> kept = avoid;
    for (const Axis& axis : axes) {
        const std::size_t before = kept.size();
        const Eigen::Vector2d along = axis.b - axis.a;
        const double length = along.norm();
        const Eigen::Vector2d u =
            length > 0 ? Eigen::Vector2d(along / length) : Eigen::Vector2d(1, 0);
        std::vector<std::array<double, 4>> boxes;
        double needed = 0;
        for (std::size_t i = axis.from; i < axis.to && i < m_labels.size(); ++i) {
            m_labels[i]->SetVisibility(true);
            const std::array<double, 4> b = textDisplayBox(m_renderer, m_labels[i]);
            boxes.push_back(b);
            needed += (b[1] - b[0]) * std::abs(u.x()) + (b[3] - b[2]) * std::abs(u.y());
        }
        for (std::size_t i = axis.from; i < axis.to && i < m_labels.size(); ++i) {
            vtkBillboardTextActor3D* l = m_labels[i];
            const std::array<double, 4>& b = boxes[i - axis.from];
            if (length < 1.5 * needed) {
                l->SetVisibility(false);
                continue;
            }
            const double pad = 0.125 * (b[3] - b[2]);
            const bool clear = std::none_of(kept.begin(), kept.end(), [&](const auto& o) {
                return b[0] - pad < o[1] && o[0] < b[1] + pad && b[2] - pad < o[3] &&
                       o[2] < b[3] + pad;
            });
            l->SetVisibility(clear);
            if (clear)
                kept.push_back(b);
        }
        const bool shown = kept.size() >= before + 2;
        axis.title->SetVisibility(shown);
        if (!shown) {
            kept.resize(before);
            for (std::size_t i = axis.from; i < axis.to && i < m_labels.size(); ++i)
                m_labels[i]->SetVisibility(false);
        }
    }
    for (const Axis& axis : axes) {
        if (!axis.title->GetVisibility())
            continue;
        const Eigen::Vector2d mid = 0.5 * (axis.a + axis.b);
        Eigen::Vector2d along = axis.b - axis.a;
        if (along.norm() < 1e-9)
            along = {1, 0}; // seen end-on: out along the screen's x
        Eigen::Vector2d out(-along.y(), along.x());
        out.normalize();
        if (out.dot(mid - centre) < 0)
            out = -out; // away from the box
        double reach = 0, gap = 0;
        for (std::size_t i = axis.from; i < axis.to && i < m_labels.size(); ++i) {
            vtkBillboardTextActor3D* l = m_labels[i];
            if (!l->GetVisibility())
                continue;
            const std::array<double, 4> b = textDisplayBox(m_renderer, l);
            for (double x : {b[0], b[1]})
                for (double y : {b[2], b[3]})
                    reach = std::max(reach, (Eigen::Vector2d(x, y) - mid).dot(out));
            gap = std::max(gap, 0.5 * (b[3] - b[2]));
        }
        // The title's own half extent across the axis (it is centred on its anchor).
        axis.title->SetDisplayOffset(0, 0);
        const std::array<double, 4> t = textDisplayBox(m_renderer, axis.title);
        const double halfW = 0.5 * (t[1] - t[0]), halfH = 0.5 * (t[3] - t[2]);
        const double half = halfW * std::abs(out.x()) + halfH * std::abs(out.y());
        double distance = reach + gap + half;
        // Turned, the other axis's labels (or the f axis's) may lie out there too: further out
        // past any box the title's would meet, a few times at most.
        auto box = [&](double along) {
            const Eigen::Vector2d c = mid + out * along;
            return std::array<double, 4>{c.x() - halfW, c.x() + halfW, c.y() - halfH,
                                         c.y() + halfH};
        };
        std::vector<std::array<double, 4>> others = avoid;
        for (std::size_t i = 0; i < m_labels.size(); ++i)
            if ((i < axis.from || i >= axis.to) && m_labels[i]->GetVisibility())
                others.push_back(textDisplayBox(m_renderer, m_labels[i]));
        for (int pass = 0; pass < 8; ++pass) {
            const std::array<double, 4> b = box(distance);
            double push = 0;
            for (const std::array<double, 4>& o : others) {
                if (b[1] <= o[0] || o[1] <= b[0] || b[3] <= o[2] || o[3] <= b[2])
                    continue;
                // How far along `out` the title must go for its box to clear o's, plus the gap.
                double need = 0;
                for (double x : {o[0], o[1]})
                    for (double y : {o[2], o[3]})
                        need = std::max(need, (Eigen::Vector2d(x, y) - mid).dot(out));
                push = std::max(push, need + gap + half - distance);
            }
            if (!(push > 0))
                break;
            distance += push;
        }
        const Eigen::Vector2d at = mid + out * distance;
        // The title's box centre now (anchor, no offset) to where it belongs.
        const Eigen::Vector2d now(0.5 * (t[0] + t[1]), 0.5 * (t[2] + t[3]));
        const Eigen::Vector2d shift = at - now;
        axis.title->SetDisplayOffset(int(std::lround(shift.x())), int(std::lround(shift.y())));
    }
}

void InputAxes::applyStyle(const PixelScale& scale) {
    const SceneLook& look = sceneLook();
    const double pixelScale = scale.text;
    m_pixelScale = pixelScale;
    const Rgb& ink = look.ink; // the look may have changed (the window's preferences)
    m_line->GetProperty()->SetColor(ink[0], ink[1], ink[2]);
    m_line->GetProperty()->SetLineWidth(static_cast<float>(look.axisWidth * scale.line));
    for (vtkBillboardTextActor3D* t : {m_xTitle.Get(), m_yTitle.Get()}) {
        t->GetTextProperty()->SetFontSize(fontSize(look.fTitleFont, pixelScale));
        t->GetTextProperty()->SetColor(ink[0], ink[1], ink[2]);
    }
    for (auto& label : m_labels) {
        label->GetTextProperty()->SetFontSize(fontSize(look.tickFont, pixelScale));
        label->GetTextProperty()->SetColor(ink[0], ink[1], ink[2]);
    }
}

std::vector<vtkBillboardTextActor3D*> InputAxes::texts() const {
    std::vector<vtkBillboardTextActor3D*> all;
    for (const auto& l : m_labels)
        all.push_back(l);
    all.push_back(m_xTitle);
    all.push_back(m_yTitle);
    return all;
}

std::vector<vtkBillboardTextActor3D*> FAxis::texts() const {
    std::vector<vtkBillboardTextActor3D*> all;
    for (const auto& l : m_labels)
        all.push_back(l);
    all.push_back(m_title);
    return all;
}

void FAxis::applyStyle(const PixelScale& scale) {
    const SceneLook& look = sceneLook();
    const double pixelScale = scale.text;
    m_pixelScale = pixelScale;
    const Rgb& ink = look.ink; // the look may have changed (the window's preferences)
    m_title->GetTextProperty()->SetFontSize(fontSize(look.fTitleFont, pixelScale));
    m_title->GetTextProperty()->SetColor(ink[0], ink[1], ink[2]);
    m_line->GetProperty()->SetColor(ink[0], ink[1], ink[2]);
    m_line->GetProperty()->SetLineWidth(static_cast<float>(look.axisWidth * scale.line));
    for (auto& label : m_labels) {
        label->GetTextProperty()->SetFontSize(fontSize(look.tickFont, pixelScale));
        label->GetTextProperty()->SetColor(ink[0], ink[1], ink[2]);
    }
}

} // namespace gs
