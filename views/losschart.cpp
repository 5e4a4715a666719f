#include "losschart.h"

#include "chartlegend.h"

#include "scenestyle.h"
#include "ticks.h"
#include "vectorexport.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vtkAxis.h>
#include <vtkBrush.h>
#include <vtkCallbackCommand.h>
#include <vtkChartLegend.h>
#include <vtkChartXY.h>
#include <vtkContextScene.h>
#include <vtkContextView.h>
#include <vtkDataArray.h>
#include <vtkDoubleArray.h>
#include <vtkFloatArray.h>
#include <vtkNew.h>
#include <vtkPen.h>
#include <vtkPlot.h>
#include <vtkPlotPoints.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkStringArray.h>
#include <vtkTable.h>
#include <vtkTextProperty.h>

namespace gs {

namespace {

constexpr const char* kIterationTitle = "iteration"; // the bottom axis's title in a figure
/// Runs shorter than this many iterations have a tick at each one.
constexpr std::size_t kWholeTickRuns = 10;

/// The loss chart's VTK chart: its legend in a corner free of data, else above the plot.
vtkSmartPointer<vtkChartXY> legendPlacingChart() {
    auto chart = vtkSmartPointer<LegendAvoidingChart>::New();
    chart->outsideAllowed = true;
    chart->rawValues = true; // the iterations and values as given; log10 on a log axis
    return chart;
}

} // namespace

LossChart::LossChart()
    : ChartBase(legendPlacingChart()) {
    // In the window the section above the chart says "Loss per iteration": the bottom title
    // would take a text line of the plot's height (at font scale 1.5 on a 720-pixel screen
    // the chart has 150 pixels). A figure is read alone: exportFigure titles it.
    m_chart->GetAxis(vtkAxis::BOTTOM)->SetTitle("");
    m_chart->GetAxis(vtkAxis::LEFT)->SetTitle("f");
    // After each frame: the height the legend above the plot wants (heightWanted), the most
    // asked for these names, so that a grown chart (its legend now fitting) keeps its room.
    vtkNew<vtkCallbackCommand> room;
    room->SetClientData(this);
    room->SetCallback([](vtkObject*, unsigned long, void* self, void*) {
        static_cast<LossChart*>(self)->askForRoom();
    });
    m_view->GetRenderer()->AddObserver(vtkCommand::EndEvent, room);
    applyLook();
}

void LossChart::askForRoom() {
    if (m_exporting)
        return;
    const double ratio = deviceScale() > 0 ? deviceScale() : 1.0;
    const int wanted = int(std::ceil(legendChart()->wantedHeight / ratio));
    if (wanted > m_heightWanted) {
        m_heightWanted = wanted;
        QTimer::singleShot(0, this, [this] { emit wantsHeight(m_heightWanted); });
    }
}

void LossChart::applyLook() {
    applyThemeColours();
    applyTextScale();
    render();
}

LossChart::~LossChart() = default;

void LossChart::setSeries(const std::vector<ChartSeries>& series, const std::string& yTitle) {
    if (&series != &m_series)
        m_series = series;
    m_title = yTitle;
    m_chart->ClearPlots();
    legendChart()->data.clear();
    m_smallest = m_largest = 0;
    m_allPositive = true;
    m_note.clear();
    // A series ends at its first non-finite value.
    auto finiteLength = [](const ChartSeries& s) {
        std::size_t n = 0;
        while (n < s.values.size() && std::isfinite(s.values[n]))
            ++n;
        return n;
    };
    // On a log axis the values <= 0 are left out, as long as some value is positive (VTK
    // would otherwise draw the whole axis linear, silently).
    bool anyPositive = false, anyNonPositive = false;
    for (const ChartSeries& s : m_series)
        for (std::size_t i = 0, n = finiteLength(s); i < n; ++i)
            (s.values[i] > 0 ? anyPositive : anyNonPositive) = true;
    const bool skip = m_log && anyPositive && anyNonPositive;
    if (m_log && !anyPositive && anyNonPositive)
        m_note = "log scale: no value is positive, so the axis stays linear";
    std::string skipped; // "Newton from iteration 1, ..."
    std::size_t lastIteration = 0;
    for (const ChartSeries& s : m_series) {
        const std::size_t n = finiteLength(s);
        std::vector<std::size_t> rows;
        for (std::size_t i = 0; i < n; ++i)
            if (!skip || s.values[i] > 0)
                rows.push_back(i);
            else if (rows.size() == i) // the first value left out of this series
                skipped += (skipped.empty() ? "" : ", ") + s.name + ": first at iteration " +
                           std::to_string(i);
        if (rows.empty())
            continue;
        lastIteration = std::max(lastIteration, rows.back());
        vtkNew<vtkTable> table;
        vtkNew<vtkDoubleArray> k, v;
        k->SetName("iteration");
        v->SetName(s.name.c_str());
        k->SetNumberOfValues(vtkIdType(rows.size()));
        v->SetNumberOfValues(vtkIdType(rows.size()));
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const double value = s.values[rows[r]];
            k->SetValue(vtkIdType(r), double(rows[r]));
            v->SetValue(vtkIdType(r), value);
            m_allPositive = m_allPositive && value > 0;
            if (value > 0) {
                m_smallest = m_smallest > 0 ? std::min(m_smallest, value) : value;
                m_largest = std::max(m_largest, value);
            }
        }
        table->AddColumn(k);
        table->AddColumn(v);
        std::vector<std::array<double, 2>> drawn(rows.size());
        for (std::size_t r = 0; r < rows.size(); ++r)
            drawn[r] = {double(rows[r]), s.values[rows[r]]};
        legendChart()->data.emplace_back(std::move(drawn), rows.size() < 2);
        // One value is a point, not a line (VTK logs an error for a line of one point).
        vtkPlot* plot = m_chart->AddPlot(rows.size() < 2 ? vtkChart::POINTS : vtkChart::LINE);
        // A run with values left out: its points marked, so that a lone one still shows.
        if (auto* points = vtkPlotPoints::SafeDownCast(plot); points && rows.size() < n)
            points->SetMarkerStyle(vtkPlotPoints::CIRCLE);
        plot->SetInputData(table, 0, 1);
        plot->SetColor(static_cast<unsigned char>(255 * s.color[0]),
                       static_cast<unsigned char>(255 * s.color[1]),
                       static_cast<unsigned char>(255 * s.color[2]), 255);
        plot->SetWidth(float(kLineWidth * layoutRatio()));
        legendChart()->plotScale = layoutRatio();
        // The whole name: the legend breaks a long one onto more lines, never cuts it.
        plot->SetLabel(s.name);
    }
    // Every run named in the legend, up to kMaxLegendEntries of them (issue #9: four or six
    // runs were told apart by colour only); more, and the run list names them.
    m_chart->SetShowLegend(m_chart->GetNumberOfPlots() <= kMaxLegendEntries);
    std::vector<std::string> labels = legendLabels();
    if (!m_chart->GetShowLegend())
        labels.clear();
    if (labels != m_legendNames) { // other names: the room they want is measured again
        m_legendNames = labels;
        if (m_heightWanted > 0) {
            m_heightWanted = 0;
            emit wantsHeight(0);
        }
    }
    if (!skipped.empty())
        m_note = "log scale: values ≤ 0 are not drawn (" + skipped + ")";
    // A run diverging without bound flattened the others to a line at 0 (tester s17): on a
    // linear axis the range holds the other (not diverged) runs' values and each diverged
    // run's up to kDivergedReach times the largest magnitude among those and its start; past
    // that its line leaves the chart.
    m_linearRange.reset();
    if (!m_log || !anyPositive) {
        double size = 0, lo = INFINITY, hi = -INFINITY;
        const auto take = [&](double v) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        };
        for (const ChartSeries& s : m_series)
            for (std::size_t i = 0, n = finiteLength(s); i < n && (!s.diverged || i == 0); ++i) {
                size = std::max(size, std::abs(s.values[i]));
                take(s.values[i]);
            }
        bool cut = false, positive = true;
        for (const ChartSeries& s : m_series)
            for (std::size_t i = 1, n = finiteLength(s); s.diverged && i < n; ++i) {
                positive = positive && s.values[i] > 0;
                if (std::abs(s.values[i]) > kDivergedReach * size) {
                    cut = true;
                    break;
                }
                take(s.values[i]);
            }
        // Only to keep other runs readable: a diverged run alone (or among diverged runs) is
        // drawn whole (tester s21: f = x² − y² fell to −7e3 off a chart that stopped at 0).
        const bool steadyRun = std::any_of(m_series.begin(), m_series.end(), [&](const auto& s) {
            return !s.diverged && finiteLength(s) > 0;
        });
        if (cut && steadyRun && lo <= hi) {
            const double pad = hi > lo ? 0.05 * (hi - lo) : 0.5 * std::max(1.0, std::abs(hi));
            m_linearRange = std::array<double, 2>{lo - pad, hi + pad};
            m_note += std::string(m_note.empty() ? "" : "; ") +
                      "a diverged run leaves the chart past 10× the other values" +
                      (positive && !m_log ? " (log scale shows all of it)" : "");
        }
    }
    m_chart->GetAxis(vtkAxis::LEFT)->SetTitle(yTitle);
    m_chart->GetAxis(vtkAxis::LEFT)->SetLogScale(m_log);
    // Runs of one value (a start on a critical point) gave VTK an iteration range of no
    // width, drawn from -1e-7 to 1e-7 (tester s17): at least iterations 0 to 1.
    // Iterations are whole numbers: a short run (fewer than kWholeTickRuns steps) has a tick
    // at each, where VTK's own ticks fell at 0.5, 1.5 (tester s28).
    vtkAxis* iterations = m_chart->GetAxis(vtkAxis::BOTTOM);
    if (lastIteration < kWholeTickRuns) {
        const std::size_t last = std::max<std::size_t>(1, lastIteration);
        vtkNew<vtkDoubleArray> at;
        for (std::size_t k = 0; k <= last; ++k)
            at->InsertNextValue(double(k));
        iterations->SetBehavior(vtkAxis::FIXED);
        iterations->SetUnscaledRange(0, double(last));
        iterations->SetCustomTickPositions(at);
    } else {
        iterations->SetCustomTickPositions(nullptr);
        iterations->SetBehavior(vtkAxis::AUTO);
    }
    updateValueTicks();
    render();
}

std::array<double, 2> LossChart::valueRange() const {
    vtkAxis* axis = m_chart->GetAxis(vtkAxis::LEFT);
    return {axis->GetUnscaledMinimum(), axis->GetUnscaledMaximum()};
}

std::array<double, 2> LossChart::iterationRange() const {
    vtkAxis* axis = m_chart->GetAxis(vtkAxis::BOTTOM);
    return {axis->GetUnscaledMinimum(), axis->GetUnscaledMaximum()};
}

void LossChart::applyLineWidths(double ratio) {
    // VTK draws chart lines in device pixels as given (text it scales by the DPI): the lines
    // follow the ratio as text does, so at ratio 2 they are as thick beside their labels.
    for (vtkIdType i = 0; i < m_chart->GetNumberOfPlots(); ++i)
        m_chart->GetPlot(i)->SetWidth(float(kLineWidth * ratio));
    // The plot's least height in device pixels too: set only with the series, it stayed at
    // ratio 1 when the window's ratio came later, and at ratio 2 the plot kept half of it.
    legendChart()->plotScale = ratio;
}

double LossChart::lineWidth(int i) const {
    vtkPlot* plot = i >= 0 && i < m_chart->GetNumberOfPlots() ? m_chart->GetPlot(i) : nullptr;
    return plot ? double(plot->GetWidth()) : 0.0;
}

std::vector<double> LossChart::seriesValues(int i) const {
    std::vector<double> values;
    vtkPlot* plot = i >= 0 && i < m_chart->GetNumberOfPlots() ? m_chart->GetPlot(i) : nullptr;
    vtkTable* table = plot ? plot->GetInput() : nullptr;
    vtkDataArray* column = table ? vtkArrayDownCast<vtkDataArray>(table->GetColumn(1)) : nullptr;
    for (vtkIdType k = 0; column && k < column->GetNumberOfTuples(); ++k)
        values.push_back(column->GetTuple1(k));
    return values;
}

std::array<double, 3> LossChart::seriesColour(int i) const {
    std::array<double, 3> c{};
    if (vtkPlot* plot = i >= 0 && i < m_chart->GetNumberOfPlots() ? m_chart->GetPlot(i) : nullptr)
        plot->GetColor(c.data());
    return c;
}

std::string LossChart::valueTitle() const {
    return m_chart->GetAxis(vtkAxis::LEFT)->GetTitle();
}

int LossChart::legendLabelSize() const {
    return m_chart->GetLegend()->GetLabelSize();
}

std::vector<std::string> LossChart::legendLabels() const {
    std::vector<std::string> labels;
    for (vtkIdType i = 0; i < m_chart->GetNumberOfPlots(); ++i)
        labels.emplace_back(m_chart->GetPlot(i)->GetLabel().c_str());
    return labels;
}

std::vector<std::vector<std::string>> LossChart::legendLines() const {
    std::vector<std::vector<std::string>> lines;
    if (legendChart()->legendDrawn())
        for (const FlowLegend::Entry& e : legendChart()->flowLegend()->entries())
            if (e.plot >= 0) // a run's entry, not the "+N more" line
                lines.push_back(e.lines);
    return lines;
}

int LossChart::legendLeftOut() const {
    return legendChart()->legendDrawn() ? legendChart()->flowLegend()->leftOut() : 0;
}

bool LossChart::legendShown() const {
    return legendChart()->legendDrawn();
}

LegendAvoidingChart* LossChart::legendChart() const {
    return static_cast<LegendAvoidingChart*>(m_chart.Get());
}

std::array<double, 4> LossChart::legendBox() const {
    return legendChart()->legendBox;
}

bool LossChart::legendOutside() const {
    return legendChart()->legendOutside();
}

int LossChart::dataUnderLegend() const {
    const std::array<double, 4>& b = legendChart()->legendBox;
    return b[2] > b[0] ? legendChart()->covered(b) : 0;
}

std::array<double, 4> LossChart::plotArea() const {
    const int* a = m_chart->GetPoint1();
    const int* b = m_chart->GetPoint2();
    return {double(a[0]), double(a[1]), double(b[0]), double(b[1])};
}

void LossChart::updateValueTicks() {
    vtkAxis* axis = m_chart->GetAxis(vtkAxis::LEFT);
    axis->SetBehavior(vtkAxis::AUTO);
    setDecadeTicks(vtkAxis::LEFT, 0, 0, 1);
    m_chart->RecalculateBounds();
    // VTK's rule: a log axis is active when no value is zero or negative.
    if (!m_log || !m_allPositive || !(m_smallest > 0) || !(m_largest > 0)) {
        if (m_linearRange) {
            axis->SetBehavior(vtkAxis::FIXED);
            axis->SetUnscaledRange((*m_linearRange)[0], (*m_linearRange)[1]);
        }
        return;
    }
    // Whole decades from below the smallest value to above the largest, every `stride`-th
    // labelled so that at most kMaxLogTicks labels show, however many decades the runs span;
    // fewer where the labels would touch at the chart's height and font (every other decade,
    // ...: ChartBase::setDecadeTicks, issue #9 at font scale 1.5).
    const int low = static_cast<int>(std::floor(std::log10(m_smallest)));
    int high = static_cast<int>(std::ceil(std::log10(m_largest)));
    if (high == low)
        ++high;
    const int stride = std::max(1, (high - low + kMaxLogTicks - 2) / (kMaxLogTicks - 1));
    high = low + ((high - low + stride - 1) / stride) * stride;
    axis->SetBehavior(vtkAxis::FIXED);
    axis->SetUnscaledRange(std::pow(10.0, low), std::pow(10.0, high));
    setDecadeTicks(vtkAxis::LEFT, low, high, stride);
}

std::vector<double> LossChart::valueTickPositions() const {
    return tickPositions(vtkAxis::LEFT);
}

std::vector<double> LossChart::iterationTickPositions() const {
    return tickPositions(vtkAxis::BOTTOM);
}

std::vector<double> LossChart::tickPositions(int position) const {
    vtkAxis* axis = m_chart->GetAxis(position);
    axis->Update();
    std::vector<double> out;
    vtkDoubleArray* p = axis->GetTickPositions();
    for (vtkIdType i = 0; p && i < p->GetNumberOfTuples(); ++i)
        out.push_back(p->GetValue(i));
    return out;
}

std::vector<std::string> LossChart::valueTickLabels() const {
    vtkAxis* axis = m_chart->GetAxis(vtkAxis::LEFT);
    axis->Update();
    std::vector<std::string> out;
    vtkStringArray* l = axis->GetTickLabels();
    for (vtkIdType i = 0; l && i < l->GetNumberOfTuples(); ++i)
        out.push_back(l->GetValue(i));
    return out;
}

void LossChart::setLogScale(bool on) {
    if (on == m_log)
        return;
    m_log = on;
    setSeries(m_series, m_title); // which values have a place on the axis changed
}

namespace {

/// One of the chart's axes as VTK laid it out: its ends and ticks in scene pixels (y up).
struct AxisLayout {
    QPointF p1, p2;
    double minimum = 0, maximum = 1; ///< in the axis's own units (log10 on a log axis)
    bool log = false;
    std::vector<std::pair<double, QString>> ticks; ///< scene position along the axis, label
    QString title;
    int labelSize = 12, titleSize = 12;
    QColor grid;
};

AxisLayout layoutOf(vtkAxis* axis) {
    AxisLayout a;
    const float* p1 = axis->GetPoint1();
    const float* p2 = axis->GetPoint2();
    a.p1 = QPointF(p1[0], p1[1]);
    a.p2 = QPointF(p2[0], p2[1]);
    a.minimum = axis->GetMinimum();
    a.maximum = axis->GetMaximum();
    a.log = axis->GetLogScaleActive();
    vtkFloatArray* positions = axis->GetTickScenePositions();
    vtkStringArray* labels = axis->GetTickLabels();
    for (vtkIdType i = 0; positions && i < positions->GetNumberOfTuples(); ++i)
        a.ticks.emplace_back(positions->GetValue(i),
                             labels && i < labels->GetNumberOfValues()
                                 ? QString::fromStdString(labels->GetValue(i))
                                 : QString());
    a.title = QString::fromStdString(axis->GetTitle());
    a.labelSize = axis->GetLabelProperties()->GetFontSize();
    a.titleSize = axis->GetTitleProperties()->GetFontSize();
    unsigned char g[4];
    axis->GetGridPen()->GetColor(g);
    a.grid = QColor(g[0], g[1], g[2]);
    return a;
}

QFont figureFont(int pixels, bool bold = false) {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(std::max(1, pixels));
    font.setBold(bold);
    return font;
}

} // namespace

std::string LossChart::exportFigure(const std::string& path, int width, int height) {
    if (!isVectorPath(path))
        return "'" + path + "': a chart figure is .svg or .pdf";
    ImageExportOptions o;
    o.width = width;
    o.height = height;
    if (std::string problem = validateImageExport(path, o); !problem.empty())
        return problem;
    if (!displayAvailable())
        return "no X display to render with (DISPLAY is not set or unreachable)";
    // VTK lays the chart out (axes, ticks, labels) at the figure's size in an off-screen view;
    // the figure draws that layout, and the runs' values placed on the axes' ranges.
    vtkNew<vtkRenderWindow> window;
    window->SetOffScreenRendering(1);
    window->SetSize(width, height);
    vtkNew<vtkContextView> view;
    view->SetRenderWindow(window);
    // Laid out as at ratio 1 (gaps, tick distances): the same figure on any screen.
    setLayoutRatio(1.0);
    m_exporting = true;
    m_chart->GetAxis(vtkAxis::BOTTOM)->SetTitle(kIterationTitle);
    m_view->GetScene()->RemoveItem(m_chart);
    view->GetScene()->AddItem(m_chart);
    window->Render();
    const AxisLayout bottom = layoutOf(m_chart->GetAxis(vtkAxis::BOTTOM));
    const AxisLayout left = layoutOf(m_chart->GetAxis(vtkAxis::LEFT));
    struct Line {
        QColor color;
        double width;
        QString label;
        QPolygonF points;
        int plot = 0;
    };
    std::vector<Line> lines;
    const double h = height;
    auto picture = [&](double sx, double sy) { return QPointF(sx, h - sy); };
    auto along = [](const AxisLayout& a, double v, double from, double to) {
        const double u = a.log ? std::log10(v) : v;
        return from + (u - a.minimum) / (a.maximum - a.minimum) * (to - from);
    };
    for (vtkIdType i = 0; i < m_chart->GetNumberOfPlots(); ++i) {
        vtkPlot* plot = m_chart->GetPlot(i);
        vtkTable* table = plot ? plot->GetInput() : nullptr;
        if (!table || table->GetNumberOfColumns() < 2)
            continue;
        auto* xs = vtkDataArray::SafeDownCast(table->GetColumn(0));
        auto* ys = vtkDataArray::SafeDownCast(table->GetColumn(1));
        if (!xs || !ys)
            continue;
        unsigned char c[3];
        plot->GetColor(c);
        // The width at ratio 1: the window's lines are widened by its device pixel ratio,
        // a figure of a given size is the same whatever screen the window is on.
        Line line{QColor(c[0], c[1], c[2]),
                  kLineWidth,
                  QString::fromStdString(plot->GetLabel()),
                  {},
                  int(i)};
        for (vtkIdType k = 0; k < xs->GetNumberOfTuples(); ++k) {
            const double y = ys->GetTuple1(k);
            if (left.log && !(y > 0))
                continue;
            line.points << picture(along(bottom, xs->GetTuple1(k), bottom.p1.x(), bottom.p2.x()),
                                   along(left, y, left.p1.y(), left.p2.y()));
        }
        lines.push_back(line);
    }
    const int legendSize = m_chart->GetLegend()->GetLabelSize();
    // The legend where the layout put it (a corner free of data, or above the plot).
    const std::array<double, 4> legendAt = legendChart()->legendBox;
    const double lineStep = legendChart()->flowLegend()->lineStep();
    const std::vector<FlowLegend::Entry> legendEntries =
        legendChart()->legendDrawn() ? legendChart()->flowLegend()->entries()
                                     : std::vector<FlowLegend::Entry>{};
    view->GetScene()->RemoveItem(m_chart);
    m_view->GetScene()->AddItem(m_chart);
    m_exporting = false;
    m_chart->GetAxis(vtkAxis::BOTTOM)->SetTitle("");
    setLayoutRatio(deviceScale());
    render();

    const QColor ink(0, 0, 0);
    return writeVectorFigure(path, width, height, [&](QPainter& p) {
        p.setRenderHint(QPainter::Antialiasing, true);
        p.fillRect(QRectF(0, 0, width, height), Qt::white);
        const QRectF plotArea(picture(bottom.p1.x(), left.p2.y()),
                              picture(bottom.p2.x(), left.p1.y()));
        // The grid, then the runs clipped to the plot, then the axes over them.
        p.setPen(QPen(bottom.grid, 1));
        for (const auto& [x, label] : bottom.ticks)
            p.drawLine(QPointF(x, plotArea.top()), QPointF(x, plotArea.bottom()));
        for (const auto& [y, label] : left.ticks)
            p.drawLine(QPointF(plotArea.left(), h - y), QPointF(plotArea.right(), h - y));
        p.save();
        p.setClipRect(plotArea);
        for (const Line& line : lines) {
            QPen pen(line.color, line.width);
            pen.setCapStyle(Qt::RoundCap);
            pen.setJoinStyle(Qt::RoundJoin);
            p.setPen(pen);
            p.drawPolyline(line.points);
        }
        p.restore();
        p.setPen(QPen(ink, 1));
        p.drawLine(plotArea.bottomLeft(), plotArea.bottomRight());
        p.drawLine(plotArea.bottomLeft(), plotArea.topLeft());
        constexpr double tick = 5;
        p.setFont(figureFont(bottom.labelSize));
        for (const auto& [x, label] : bottom.ticks) {
            p.drawLine(QPointF(x, plotArea.bottom()), QPointF(x, plotArea.bottom() + tick));
            p.drawText(QRectF(x - 50, plotArea.bottom() + tick, 100, bottom.labelSize * 1.4),
                       Qt::AlignHCenter | Qt::AlignTop, label);
        }
        p.setFont(figureFont(left.labelSize));
        for (const auto& [y, label] : left.ticks) {
            p.drawLine(QPointF(plotArea.left() - tick, h - y), QPointF(plotArea.left(), h - y));
            p.drawText(
                QRectF(0, h - y - left.labelSize, plotArea.left() - tick - 2, 2 * left.labelSize),
                Qt::AlignRight | Qt::AlignVCenter, label);
        }
        p.setFont(figureFont(bottom.titleSize, true));
        p.drawText(QRectF(plotArea.left(), plotArea.bottom() + tick + bottom.labelSize * 1.4,
                          plotArea.width(), bottom.titleSize * 1.5),
                   Qt::AlignHCenter | Qt::AlignTop, bottom.title);
        p.save();
        p.setFont(figureFont(left.titleSize, true));
        p.translate(2, plotArea.center().y());
        p.rotate(-90);
        p.drawText(QRectF(-plotArea.height() / 2, 0, plotArea.height(), left.titleSize * 1.5),
                   Qt::AlignHCenter | Qt::AlignTop, left.title);
        p.restore();
        // The legend as on screen: in a corner free of data, or above the plot.
        if (legendEntries.empty())
            return;
        const QFont legendFont = figureFont(legendSize);
        p.setFont(legendFont);
        const QFontMetricsF m(legendFont, p.device());
        p.setPen(QPen(ink, 0.5));
        p.setBrush(QColor(255, 255, 255, 230));
        p.drawRect(QRectF(picture(legendAt[0], legendAt[3]), picture(legendAt[2], legendAt[1])));
        for (const FlowLegend::Entry& e : legendEntries) {
            const auto line = std::find_if(lines.begin(), lines.end(),
                                           [&](const Line& l) { return l.plot == e.plot; });
            const double y = h - (e.symbol[1] + e.symbol[3] / 2);
            if (line != lines.end()) {
                p.setPen(QPen(line->color, line->width));
                p.drawLine(QPointF(e.symbol[0], y), QPointF(e.symbol[0] + e.symbol[2], y));
            }
            p.setPen(ink);
            // VTK sets the label's bottom at its anchor; the text's baseline is a descent up.
            for (std::size_t k = 0; k < e.lines.size(); ++k)
                p.drawText(
                    QPointF(e.label[0], h - (e.label[1] - float(k) * lineStep) - m.descent()),
                    QString::fromStdString(e.lines[k]));
        }
    });
}

bool LossChart::logScaleActive() const {
    return m_chart->GetAxis(vtkAxis::LEFT)->GetLogScaleActive();
}

int LossChart::seriesCount() const {
    return static_cast<int>(m_chart->GetNumberOfPlots());
}

} // namespace gs
