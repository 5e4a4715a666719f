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

/// `text` broken at spaces into lines no wider than `width` (pixels); a word wider than that
/// keeps a line of its own (never cut).
std::vector<std::string> FlowLegend::wrap(vtkContext2D* painter, const std::string& text,
                                          float width) {
    std::vector<std::string> lines;
    if (width <= 0 || textWidth(painter, text) <= width)
        return {text};
    std::string line;
    std::size_t at = 0;
    while (at <= text.size()) {
        std::size_t end = text.find(' ', at);
        if (end == std::string::npos)
            end = text.size();
        const std::string word = text.substr(at, end - at);
        const std::string longer = line.empty() ? word : line + " " + word;
        if (!line.empty() && textWidth(painter, longer) > width) {
            lines.push_back(line);
            line = word;
        } else {
            line = longer;
        }
        at = end + 1;
    }
    if (!line.empty())
        lines.push_back(line);
    return lines;
}

void FlowLegend::layOut(vtkContext2D* painter) {
    m_leftOut = 0;
    vtkChart* chart = GetChart();
    if (!chart) {
        m_entries.clear();
        return;
    }
    int labelled = 0;
    for (vtkIdType i = 0; i < chart->GetNumberOfPlots(); ++i) {
        vtkPlot* plot = chart->GetPlot(i);
        labelled +=
            plot && plot->GetVisible() && plot->GetLegendVisibility() && !plot->GetLabel().empty();
    }
    layOutFirst(painter, labelled, 0);
    // Too tall: fewer entries and a line saying how many more, down to one entry (a "+N more"
    // alone names no run; taller than maxHeight then, the chart leaves it out if the plot
    // would keep too little).
    for (int shown = labelled - 1; maxHeight > 0 && Rect.GetHeight() > maxHeight && shown >= 1;
         --shown) {
        layOutFirst(painter, shown, labelled - shown);
        m_leftOut = labelled - shown;
    }
}

void FlowLegend::layOutFirst(vtkContext2D* painter, int count, int more) {
    m_entries.clear();
    vtkChart* chart = GetChart();
    painter->ApplyTextProp(LabelProperties);
    // A line's height from letters with ascenders and descenders; labels are set on the
    // baseline of "The" (VTK's own legend does the same).
    const float line = std::floor(textHeight(painter, "Tgyf"));
    const float base = textHeight(painter, "The");
    const float pad = float(Padding), symbol = float(SymbolWidth);
    m_lineStep = line + pad / 2;
    // An entry wider than the rows' width is broken at spaces onto more lines (a name is
    // never cut: issue #9, the loss chart with six runs).
    const float textRoom = maxWidth > 0 ? maxWidth - 2 * pad - symbol : 0;
    float x = pad, widest = 0;
    int row = 0;
    std::vector<int> rowLines{1};                   // the most lines of an entry in each row
    std::vector<std::pair<int, std::string>> items; // (plot, text)
    for (vtkIdType i = 0; i < chart->GetNumberOfPlots() && int(items.size()) < count; ++i) {
        vtkPlot* plot = chart->GetPlot(i);
        if (plot && plot->GetVisible() && plot->GetLegendVisibility() && !plot->GetLabel().empty())
            items.emplace_back(int(i), plot->GetLabel());
    }
    if (more > 0) {
        std::string text = std::to_string(more); // appended, not "+" + s: GCC 12's -Wrestrict
        text.insert(text.begin(), '+');
        text.append(" more");
        items.emplace_back(-1, text);
    }
    for (const auto& [index, text] : items) {
        Entry e;
        e.text = text;
        e.plot = index;
        // The "+N more" line has no line sample: its text starts where the samples do.
        const float sample = index >= 0 ? symbol : 0;
        e.lines = wrap(painter, e.text, textRoom);
        float textW = 0;
        for (const std::string& l : e.lines)
            textW = std::max(textW, textWidth(painter, l));
        const float width = sample + textW;
        if (x > pad && (maxWidth <= 0 || x + width + pad > maxWidth)) {
            ++row; // the next row
            rowLines.push_back(1);
            x = pad;
        }
        rowLines.back() = std::max(rowLines.back(), int(e.lines.size()));
        // Rows from the top; y is fixed once the rows' heights are known.
        e.symbol = {x, float(row), std::max(0.0f, sample - 3), std::ceil(line)};
        e.label = {x + sample, base - textHeight(painter, e.lines.front() + "T")};
        m_entries.push_back(e);
        widest = std::max(widest, x + width + pad);
        x += width + 2 * pad;
    }
    // Each row as high as its tallest entry: its lines m_lineStep apart.
    std::vector<float> rowTop(rowLines.size() + 1, pad); // from the top
    for (std::size_t r = 0; r < rowLines.size(); ++r)
        rowTop[r + 1] = rowTop[r] + float(rowLines[r] - 1) * m_lineStep + line + pad;
    const float height = m_entries.empty() ? 0 : rowTop.back();
    Rect = vtkRectf(std::floor(GetPointVector().GetX()), std::floor(GetPointVector().GetY()),
                    std::ceil(widest), std::ceil(height));
    for (Entry& e : m_entries) {
        const float y = Rect.GetY() + height - rowTop[std::size_t(e.symbol[1])] - line;
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
        for (std::size_t k = 0; k < e.lines.size(); ++k)
            painter->DrawString(e.label[0], e.label[1] - float(k) * m_lineStep, e.lines[k]);
        if (vtkPlot* plot = e.plot >= 0 ? GetChart()->GetPlot(e.plot) : nullptr)
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
    // Above the plot, at most kMaxLegendShare of the chart's height (the rest: "+N more").
    const float outsideHeight = float(kMaxLegendShare * g[1]);
    // Inside (a corner), above the plot, or left out; laid out by VTK for that place.
    auto place = [&](bool outside, bool left) {
        m_outside = outside && !left;
        m_left = left;
        legend->SetInline(!m_outside);
        legend->SetVisible(GetShowLegend() && !left);
        legend->maxWidth = m_outside ? outsideWidth : 0;
        legend->maxHeight = m_outside ? outsideHeight : 0;
    };
    if (!GetShowLegend() || !outsideAllowed) {
        place(false, false);
        wantedHeight = 0;
        if (!GetShowLegend())
            legendBox = {};
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
    legend->maxWidth = 0; // the legend's size in a corner: one entry per row, every entry
    legend->maxHeight = 0;
    const vtkRectf stacked = legend->GetBoundingRect(painter);
    bool free = false;
    bestCorner(stacked.GetWidth(), stacked.GetHeight(), area, free);
    // Above the plot: its rows, the gap and the padding take the place of the hidden axis's
    // border. Never left out (issue #9: runs told apart by colour only): when the plot would
    // keep less than kLeastPlotShare of its height, wantedHeight says how high the chart
    // must be for the plot to keep kLeastPlotPixels (the window gives the chart that room).
    legend->maxWidth = outsideWidth;
    legend->maxHeight = outsideHeight;
    const vtkRectf rows = legend->GetBoundingRect(painter);
    const double above =
        std::max(0.0, rows.GetHeight() + gapAbove() + legend->GetPadding() - HiddenAxisBorder);
    const double height = area[3] - area[1];
    const double leastPlot = kLeastPlotPixels * plotScale;
    wantedHeight = !free && height - above < kLeastPlotShare * height
                       ? double(g[1]) - height + above + leastPlot
                       : 0;
    // Left out only while the chart is too short for the plot to keep kLeastPlotShare of
    // kLeastPlotPixels and a third of the chart under it (the window had no room to give: at
    // 1280x720 and font scale 1.5 "Add run" keeps its place; the run list and the 3-D view's
    // legend name the runs in their colours).
    const bool left =
        !free && (height - above < kLeastPlotShare * leastPlot || height - above < g[1] / 3.0);
    legend->maxWidth = m_outside ? outsideWidth : 0;
    legend->maxHeight = m_outside ? outsideHeight : 0;
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
