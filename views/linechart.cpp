#include "linechart.h"

#include "chartlegend.h"

#include "ticks.h"

#include <QMouseEvent>
#include <cmath>
#include <cstdio>
#include <vtkAxis.h>
#include <vtkChartLegend.h>
#include <vtkChartXY.h>
#include <vtkContextScene.h>
#include <vtkContextView.h>
#include <vtkDoubleArray.h>
#include <vtkObjectFactory.h>
#include <vtkPen.h>
#include <vtkPlot.h>
#include <vtkPlotPoints.h>
#include <vtkRect.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkStringArray.h>
#include <vtkTable.h>

#include <array>
#include <utility>

namespace gs {

LineChart::LineChart()
    : ChartBase(vtkSmartPointer<LegendAvoidingChart>::New(), kSmallLegendFont) {
    applyThemeColours();
}

void LineChart::applyLook() {
    applyThemeColours();
    const Rgb ground = background();
    for (vtkIdType i = 0; i < m_chart->GetNumberOfPlots() && i < vtkIdType(m_colours.size()); ++i) {
        const Rgb c = colourAgainst(ground, m_colours[std::size_t(i)], kLineContrast);
        m_chart->GetPlot(i)->SetColor(c[0], c[1], c[2]);
    }
    applyTextScale();
    render();
}

Rgb LineChart::lineColour(int line) const {
    Rgb c{};
    if (line >= 0 && line < m_chart->GetNumberOfPlots())
        m_chart->GetPlot(line)->GetColor(c.data());
    return c;
}

LineChart::~LineChart() = default;

LegendAvoidingChart* LineChart::legendChart() const {
    return static_cast<LegendAvoidingChart*>(m_chart.Get());
}

namespace {

// Whole decades covering [low, high] (log10 units), at most kMaxTicks labels: "1e-4", "0.01",
// "1", "10" (VTK's own log ticks crowd a small chart).
void decadeTicks(vtkAxis* axis, double low, double high) {
    constexpr int kMaxTicks = 6;
    int a = int(std::floor(low)), b = int(std::ceil(high));
    if (b == a)
        ++b;
    const int stride = std::max(1, (b - a + kMaxTicks - 2) / (kMaxTicks - 1));
    vtkNew<vtkDoubleArray> positions;
    vtkNew<vtkStringArray> labels;
    for (int d = a; d <= b; d += stride) {
        positions->InsertNextValue(d);
        labels->InsertNextValue(decadeLabel(d));
    }
    axis->SetBehavior(vtkAxis::FIXED);
    axis->SetRange(a, b);
    axis->SetCustomTickPositions(positions, labels);
}

} // namespace

void LineChart::setLines(const std::vector<ChartLine>& lines, const std::string& xTitle,
                         const std::string& yTitle, bool logX, bool logY) {
    m_chart->ClearPlots();
    legendChart()->data.clear();
    m_points.clear();
    m_widths.clear();
    m_colours.clear();
    const Rgb ground = background();
    m_logX = logX;
    m_logY = logY;
    // A log axis is drawn as a linear one over log10 of the values, with decade ticks.
    double lowX = INFINITY, highX = -INFINITY, lowY = INFINITY, highY = -INFINITY;
    for (const ChartLine& line : lines) {
        vtkNew<vtkTable> table;
        vtkNew<vtkDoubleArray> xs, ys;
        xs->SetName("x");
        ys->SetName(line.name.empty() ? " " : line.name.c_str());
        for (std::size_t i = 0; i < std::min(line.x.size(), line.y.size()); ++i) {
            const double x = line.x[i], y = line.y[i];
            if (!std::isfinite(x) || !std::isfinite(y) || (logX && !(x > 0)) || (logY && !(y > 0)))
                continue;
            const double px = logX ? std::log10(x) : x, py = logY ? std::log10(y) : y;
            xs->InsertNextValue(px);
            ys->InsertNextValue(py);
            lowX = std::min(lowX, px);
            highX = std::max(highX, px);
            lowY = std::min(lowY, py);
            highY = std::max(highY, py);
        }
        if (xs->GetNumberOfTuples() == 0)
            continue;
        std::vector<std::array<double, 2>> drawn;
        for (vtkIdType i = 0; i < xs->GetNumberOfTuples(); ++i)
            drawn.push_back({xs->GetValue(i), ys->GetValue(i)});
        table->AddColumn(xs);
        table->AddColumn(ys);
        // A line of one point is drawn as a point (VTK draws no line through fewer than two).
        const bool points = line.style == ChartLine::Style::Points || xs->GetNumberOfTuples() < 2;
        vtkPlot* plot = m_chart->AddPlot(points ? vtkChart::POINTS : vtkChart::LINE);
        plot->SetInputData(table, 0, 1);
        m_colours.push_back(line.color);
        const Rgb c = colourAgainst(ground, line.color, kLineContrast);
        plot->SetColor(c[0], c[1], c[2]);
        const bool dashed = line.style == ChartLine::Style::Dashed;
        // Dashed lines (marks, predictions) thinner, over the solid ones they annotate.
        m_widths.push_back(points ? kPointWidth : dashed ? kDashedWidth : kSolidWidth);
        if (dashed)
            plot->GetPen()->SetLineType(vtkPen::DASH_LINE);
        if (auto* marks = vtkPlotPoints::SafeDownCast(plot)) { // lines are plot points too
            marks->SetMarkerStyle(points ? vtkPlotPoints::CIRCLE : vtkPlotPoints::NONE);
        }
        legendChart()->data.emplace_back(std::move(drawn), points);
        plot->SetLabel(line.name);
        plot->SetLegendVisibility(!line.name.empty());
        m_points.push_back(int(xs->GetNumberOfTuples()));
    }
    applyLineWidths(layoutRatio());
    vtkAxis* bottom = m_chart->GetAxis(vtkAxis::BOTTOM);
    vtkAxis* left = m_chart->GetAxis(vtkAxis::LEFT);
    bottom->SetTitle(xTitle);
    left->SetTitle(yTitle);
    for (vtkAxis* axis : {bottom, left}) {
        axis->SetBehavior(vtkAxis::AUTO);
        axis->SetCustomTickPositions(nullptr, nullptr);
    }
    m_chart->RecalculateBounds();
    if (logX && std::isfinite(lowX))
        decadeTicks(bottom, lowX, highX);
    if (logY && std::isfinite(lowY))
        decadeTicks(left, lowY, highY);
    render();
}

void LineChart::applyLineWidths(double ratio) {
    // Lines follow the device pixel ratio as text does: as thick beside their labels at 2.
    for (vtkIdType i = 0; i < m_chart->GetNumberOfPlots() && i < vtkIdType(m_widths.size()); ++i) {
        vtkPlot* plot = m_chart->GetPlot(i);
        plot->SetWidth(float(m_widths[std::size_t(i)] * ratio));
        if (auto* marks = vtkPlotPoints::SafeDownCast(plot))
            marks->SetMarkerSize(float(kMarkerSize * ratio));
    }
}

double LineChart::lineWidth(int line) const {
    return line >= 0 && line < m_chart->GetNumberOfPlots()
               ? double(m_chart->GetPlot(line)->GetWidth())
               : 0.0;
}

void LineChart::setLegendCorner(bool top, bool right) {
    legendChart()->preferTop = top;
    legendChart()->preferRight = right;
    m_chart->GetLegend()->SetHorizontalAlignment(right ? vtkChartLegend::RIGHT
                                                       : vtkChartLegend::LEFT);
    m_chart->GetLegend()->SetVerticalAlignment(top ? vtkChartLegend::TOP : vtkChartLegend::BOTTOM);
}

std::array<double, 4> LineChart::legendBox() const {
    return legendChart()->legendBox;
}

int LineChart::dataUnderLegend() const {
    const std::array<double, 4>& b = legendChart()->legendBox;
    return b[2] > b[0] ? legendChart()->covered(b) : 0;
}

int LineChart::lineCount() const {
    return int(m_points.size());
}

int LineChart::pointCount(int line) const {
    return m_points.at(std::size_t(line));
}

std::optional<double> LineChart::xAt(double displayX) const {
    vtkAxis* axis = m_chart->GetAxis(vtkAxis::BOTTOM);
    const float* a = axis->GetPoint1();
    const float* b = axis->GetPoint2();
    if (!(b[0] > a[0]))
        return std::nullopt;
    // The axis runs from its minimum at Point1 to its maximum at Point2, in scaled units
    // (log10 of the value on a log axis).
    const double t = (displayX - a[0]) / (b[0] - a[0]);
    const double v = axis->GetMinimum() + t * (axis->GetMaximum() - axis->GetMinimum());
    return m_logX ? std::pow(10.0, v) : v;
}

void LineChart::mousePressEvent(QMouseEvent* event) {
    m_pressedAt = event->position();
    VtkWidget::mousePressEvent(event);
}

void LineChart::mouseReleaseEvent(QMouseEvent* event) {
    VtkWidget::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton ||
        (event->position() - m_pressedAt).manhattanLength() > 4)
        return;
    if (const auto x = xAt(toDisplay(event->position()).x()))
        emit clicked(*x);
}

} // namespace gs
