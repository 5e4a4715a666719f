#include "chartlegend.h"

#include "geometry2d.h"

#include <algorithm>
#include <cmath>
#include <vtkAxis.h>
#include <vtkBrush.h>
#include <vtkContext2D.h>
#include <vtkObjectFactory.h>
#include <vtkPen.h>
#include <vtkPlot.h>
#include <vtkRect.h>
#include <vtkTextProperty.h>
#include <vtkVector.h>

namespace gs {

vtkStandardNewMacro(FlowLegend);

namespace {

/// The height of `text` drawn with the painter's text property (pixels).
float textHeight(vtkContext2D* painter, const std::string& text) {
    vtkVector2f bounds[2];
    painter->ComputeStringBounds(text, bounds->GetData());
    return bounds[1].GetY();
}

float textWidth(vtkContext2D* painter, const std::string& text) {
    vtkVector2f bounds[2];
    painter->ComputeStringBounds(text, bounds->GetData());
    return bounds[1].GetX();
}

} // namespace

void FlowLegend::layOut(vtkContext2D* painter) {
    m_entries.clear();
    vtkChart* chart = GetChart();
    if (!chart)
        return;
    painter->ApplyTextProp(LabelProperties);
    // A line's height from letters with ascenders and descenders; labels are set on the
    // baseline of "The" (VTK's own legend does the same).
    const float line = std::floor(textHeight(painter, "Tgyf"));
    const float base = textHeight(painter, "The");
    const float pad = float(Padding), symbol = float(SymbolWidth);
    float x = pad, widest = 0;
    int row = 0;
    for (vtkIdType i = 0; i < chart->GetNumberOfPlots(); ++i) {
        vtkPlot* plot = chart->GetPlot(i);
        if (!plot || !plot->GetVisible() || !plot->GetLegendVisibility() ||
            plot->GetLabel().empty())
            continue;
        Entry e;
        e.text = plot->GetLabel();
        e.plot = int(i);
        const float width = symbol + textWidth(painter, e.text);
        if (x > pad && (maxWidth <= 0 || x + width + pad > maxWidth)) {
            ++row; // the next row
            x = pad;
        }
        // Rows from the top; y is fixed once the number of rows is known.
        e.symbol = {x, float(row), symbol - 3, std::ceil(line)};
        e.label = {x + symbol, base - textHeight(painter, e.text + "T")};
        m_entries.push_back(e);
        widest = std::max(widest, x + width + pad);
        x += width + 2 * pad;
    }
    const float height = m_entries.empty() ? 0 : float(row + 1) * (line + pad) + pad;
    Rect = vtkRectf(std::floor(GetPointVector().GetX()), std::floor(GetPointVector().GetY()),
                    std::ceil(widest), std::ceil(height));
    for (Entry& e : m_entries) {
        const float y = Rect.GetY() + height - pad - line - e.symbol[1] * (line + pad);
        e.symbol[0] += Rect.GetX();
        e.symbol[1] = y;
        e.label[0] += Rect.GetX();
        e.label[1] += y;
    }
}

vtkRectf FlowLegend::GetBoundingRect(vtkContext2D* painter) {
    layOut(painter);
    RectTime.Modified();
    return Rect;
}

bool FlowLegend::Paint(vtkContext2D* painter) {
    if (!GetVisible())
        return true;
    layOut(painter);
    if (m_entries.empty())
        return true;
    painter->ApplyPen(Pen);
    painter->ApplyBrush(Brush);
    painter->DrawRect(Rect.GetX(), Rect.GetY(), Rect.GetWidth(), Rect.GetHeight());
    for (const Entry& e : m_entries) {
        painter->ApplyTextProp(LabelProperties);
        painter->DrawString(e.label[0], e.label[1], e.text);
        if (vtkPlot* plot = GetChart()->GetPlot(e.plot))
            plot->PaintLegend(painter, vtkRectf(e.symbol[0], e.symbol[1], e.symbol[2], e.symbol[3]),
                              0);
    }
    return true;
}

vtkStandardNewMacro(LegendAvoidingChart);

LegendAvoidingChart::LegendAvoidingChart() {
    // VTK's legend replaced by the flowing one, drawn last (over the plots) as VTK's is.
    RemoveItem(Legend);
    vtkNew<FlowLegend> legend;
    legend->SetChart(this);
    legend->SetVisible(false);
    Legend = legend.Get();
    AddItem(Legend);
}

FlowLegend* LegendAvoidingChart::flowLegend() const {
    return static_cast<FlowLegend*>(Legend.Get());
}

int LegendAvoidingChart::covered(const std::array<double, 4>& box) const {
    return covered(box,
                   {double(Point1[0]), double(Point1[1]), double(Point2[0]), double(Point2[1])});
}

namespace {

/// Whether the segment p-q meets the box (x0, y0, x1, y1; some part inside: geometry2d.h).
bool crosses(const std::array<double, 2>& p, const std::array<double, 2>& q,
             const std::array<double, 4>& box) {
    return segmentMeetsRect(p[0], p[1], q[0], q[1], box[0], box[2], box[1], box[3]);
}

} // namespace

int LegendAvoidingChart::covered(const std::array<double, 4>& box,
                                 const std::array<double, 4>& area) const {
    auto* self = const_cast<LegendAvoidingChart*>(this); // VTK's getters are not const
    vtkAxis* bx = self->GetAxis(vtkAxis::BOTTOM);
    vtkAxis* ly = self->GetAxis(vtkAxis::LEFT);
    const double sx = bx->GetMaximum() - bx->GetMinimum(), sy = ly->GetMaximum() - ly->GetMinimum();
    const bool logX = rawValues && bx->GetLogScaleActive(),
               logY = rawValues && ly->GetLogScaleActive();
    // A data point's display position in `area`.
    auto toDisplay = [&](std::array<double, 2> p) -> std::array<double, 2> {
        p = {logX ? std::log10(p[0]) : p[0], logY ? std::log10(p[1]) : p[1]};
        return {area[0] + (sx != 0 ? (p[0] - bx->GetMinimum()) / sx : 0.5) * (area[2] - area[0]),
                area[1] + (sy != 0 ? (p[1] - ly->GetMinimum()) / sy : 0.5) * (area[3] - area[1])};
    };
    int n = 0;
    for (const auto& [points, isPoints] : data) {
        std::array<double, 2> last{};
        for (std::size_t i = 0; i < points.size(); ++i) {
            const std::array<double, 2> d = toDisplay(points[i]);
            if (!std::isfinite(d[0]) || !std::isfinite(d[1]))
                continue; // not on a log axis
            if (isPoints || points.size() == 1)
                n += d[0] >= box[0] && d[0] <= box[2] && d[1] >= box[1] && d[1] <= box[3];
            else if (i > 0)
                n += crosses(last, d, box);
            last = d;
        }
    }
    return n;
}

std::pair<bool, bool> LegendAvoidingChart::bestCorner(double w, double h,
                                                      const std::array<double, 4>& area,
                                                      bool& free) const {
    // The preferred corner first, then the other side, then the other row.
    const std::array<std::pair<bool, bool>, 4> order{
        std::pair{preferTop, preferRight}, std::pair{preferTop, !preferRight},
        std::pair{!preferTop, preferRight}, std::pair{!preferTop, !preferRight}};
    int best = -1, fewest = 0;
    for (int k = 0; k < 4; ++k) {
        const auto [top, right] = order[std::size_t(k)];
        // Where VTK puts it, with a few pixels to spare round it.
        const double x0 = right ? area[2] - w - kPad : area[0],
                     y0 = top ? area[3] - h - kPad : area[1];
        const int n = covered({x0, y0, x0 + w + kPad, y0 + h + kPad}, area);
        if (best < 0 || n < fewest) {
            best = k;
            fewest = n;
        }
    }
    // Free: nothing under it, and inside the plot area (a taller or wider legend would
    // reach over the axes' labels).
    free = fewest == 0 && w + kPad <= area[2] - area[0] && h + kPad <= area[3] - area[1];
    return order[std::size_t(best)];
}

double LegendAvoidingChart::gapAbove() const {
    return m_gap;
}

bool LegendAvoidingChart::UpdateLayout(vtkContext2D* painter) {
    FlowLegend* legend = flowLegend();
    const int* g = GetGeometry();
    const float outsideWidth = float(g[0] - 2 * legend->GetPadding());
    // Inside (a corner), above the plot, or left out; laid out by VTK for that place.
    auto place = [&](bool outside, bool left) {
        m_outside = outside && !left;
        m_left = left;
        legend->SetInline(!m_outside);
        legend->SetVisible(GetShowLegend() && !left);
        legend->maxWidth = m_outside ? outsideWidth : 0;
    };
    if (!GetShowLegend() || !outsideAllowed) {
        place(false, false);
        return Superclass::UpdateLayout(painter);
    }
    // Half a tick label above the plot area is the top label's; the legend above that.
    painter->ApplyTextProp(GetAxis(vtkAxis::LEFT)->GetLabelProperties());
    m_gap = std::ceil(textHeight(painter, "0") / 2) + legend->GetPadding();
    place(m_outside, m_left); // as the last frame decided
    bool changed = Superclass::UpdateLayout(painter);
    // The place, decided from the plot area without a legend above it (the top border is the
    // hidden axis's), whatever the place now: the same decision at every layout.
    const std::array<double, 4> area{double(Point1[0]), double(Point1[1]), double(Point2[0]),
                                     m_outside ? double(g[1] - HiddenAxisBorder)
                                               : double(Point2[1])};
    legend->maxWidth = 0; // the legend's size in a corner: one entry per row
    const vtkRectf stacked = legend->GetBoundingRect(painter);
    bool free = false;
    bestCorner(stacked.GetWidth(), stacked.GetHeight(), area, free);
    // Above the plot: its rows, the gap and the padding take the place of the hidden axis's
    // border; the plot must keep kLeastPlotShare of its height, else no legend at all.
    legend->maxWidth = outsideWidth;
    const vtkRectf rows = legend->GetBoundingRect(painter);
    const double above = rows.GetHeight() + gapAbove() + legend->GetPadding();
    const double height = area[3] - area[1];
    // Left out too when an entry is wider than the chart (it would reach past its edges).
    const bool left =
        !free && (height - std::max(0.0, above - HiddenAxisBorder) < kLeastPlotShare * height ||
                  rows.GetWidth() > outsideWidth);
    legend->maxWidth = m_outside ? outsideWidth : 0;
    if (m_outside != (!free && !left) || m_left != left) { // another place: laid out again
        place(!free, left);
        changed = Superclass::UpdateLayout(painter) || changed;
    }
    if (m_left)
        legendBox = {};
    return changed;
}

int LegendAvoidingChart::GetLegendBorder(vtkContext2D* painter, int axisPosition) {
    if (!m_outside || !Legend->GetVisible())
        return Superclass::GetLegendBorder(painter, axisPosition); // 0 for an inline legend
    if (axisPosition != vtkAxis::TOP)
        return 0;
    // The legend, the gap under it and its padding over it (it stays off the chart's edge).
    return int(std::ceil(Legend->GetBoundingRect(painter).GetHeight() + gapAbove() +
                         Legend->GetPadding()));
}

void LegendAvoidingChart::SetLegendPosition(const vtkRectf& rect) {
    const double w = rect.GetWidth(), h = rect.GetHeight();
    if (m_outside) {
        // Above the plot area, centred on it as far as the chart's width allows.
        const int* g = GetGeometry();
        const double pad = Legend->GetPadding();
        const double x =
            std::max(pad, std::min((Point1[0] + Point2[0]) / 2.0 - w / 2, double(g[0]) - w - pad));
        const double y = Point2[1] + gapAbove();
        Legend->SetPoint(vtkVector2f(float(std::floor(x)), float(std::floor(y))));
        legendBox = {std::floor(x), std::floor(y), std::floor(x) + w, std::floor(y) + h};
        return;
    }
    bool free = false;
    const auto [top, right] = bestCorner(
        w, h, {double(Point1[0]), double(Point1[1]), double(Point2[0]), double(Point2[1])}, free);
    GetLegend()->SetHorizontalAlignment(right ? vtkChartLegend::RIGHT : vtkChartLegend::LEFT);
    GetLegend()->SetVerticalAlignment(top ? vtkChartLegend::TOP : vtkChartLegend::BOTTOM);
    Superclass::SetLegendPosition(rect);
    const float* at = GetLegend()->GetPoint();
    legendBox = {at[0], at[1], at[0] + w, at[1] + h};
}

} // namespace gs
