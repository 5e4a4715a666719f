#include "losschart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vtkAxis.h>
#include <vtkChartLegend.h>
#include <vtkChartXY.h>
#include <vtkContextScene.h>
#include <vtkContextView.h>
#include <vtkDoubleArray.h>
#include <vtkPen.h>
#include <vtkPlot.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkStringArray.h>
#include <vtkTable.h>
#include <vtkTextProperty.h>

namespace gs {

LossChart::LossChart()
    : m_view(vtkSmartPointer<vtkContextView>::New())
    , m_chart(vtkSmartPointer<vtkChartXY>::New()) {
    m_view->SetRenderWindow(renderWindow());
    m_view->GetRenderer()->SetBackground(1, 1, 1);
    m_view->GetScene()->AddItem(m_chart);
    m_chart->SetShowLegend(true);
    m_chart->GetLegend()->SetHorizontalAlignment(vtkChartLegend::RIGHT);
    m_chart->GetLegend()->SetVerticalAlignment(vtkChartLegend::TOP);
    m_chart->GetLegend()->SetLabelSize(10); // a small chart: the legend must not hide it
    m_chart->GetAxis(vtkAxis::BOTTOM)->SetTitle("iteration");
    m_chart->GetAxis(vtkAxis::LEFT)->SetTitle("f");
}

LossChart::~LossChart() = default;

void LossChart::setSeries(const std::vector<ChartSeries>& series, const std::string& yTitle) {
    m_chart->ClearPlots();
    m_smallest = m_largest = 0;
    m_allPositive = true;
    for (const ChartSeries& s : series) {
        std::size_t n = 0;
        while (n < s.values.size() && std::isfinite(s.values[n]))
            ++n;
        if (n == 0)
            continue;
        vtkNew<vtkTable> table;
        vtkNew<vtkDoubleArray> k, v;
        k->SetName("iteration");
        v->SetName(s.name.c_str());
        k->SetNumberOfValues(vtkIdType(n));
        v->SetNumberOfValues(vtkIdType(n));
        for (std::size_t i = 0; i < n; ++i) {
            k->SetValue(vtkIdType(i), double(i));
            v->SetValue(vtkIdType(i), s.values[i]);
            m_allPositive = m_allPositive && s.values[i] > 0;
            if (s.values[i] > 0) {
                m_smallest = m_smallest > 0 ? std::min(m_smallest, s.values[i]) : s.values[i];
                m_largest = std::max(m_largest, s.values[i]);
            }
        }
        table->AddColumn(k);
        table->AddColumn(v);
        vtkPlot* plot = m_chart->AddPlot(vtkChart::LINE);
        plot->SetInputData(table, 0, 1);
        plot->SetColor(static_cast<unsigned char>(255 * s.color[0]),
                       static_cast<unsigned char>(255 * s.color[1]),
                       static_cast<unsigned char>(255 * s.color[2]), 255);
        plot->SetWidth(2.0);
        plot->SetLabel(s.name);
    }
    // A legend over a small chart hides it: only for a few runs. The run list beside the
    // chart names every run in its colour.
    m_chart->SetShowLegend(m_chart->GetNumberOfPlots() <= kMaxLegendEntries);
    m_chart->GetAxis(vtkAxis::LEFT)->SetTitle(yTitle);
    m_chart->GetAxis(vtkAxis::LEFT)->SetLogScale(m_log);
    updateValueTicks();
    render();
}

bool LossChart::legendShown() const {
    return m_chart->GetShowLegend();
}

void LossChart::updateValueTicks() {
    vtkAxis* axis = m_chart->GetAxis(vtkAxis::LEFT);
    axis->SetBehavior(vtkAxis::AUTO);
    axis->SetCustomTickPositions(nullptr, nullptr);
    m_chart->RecalculateBounds();
    // VTK's rule: a log axis is active when no value is zero or negative.
    if (!m_log || !m_allPositive || !(m_smallest > 0) || !(m_largest > 0))
        return;
    // Whole decades from below the smallest value to above the largest, every `stride`-th
    // labelled so that at most kMaxLogTicks labels show, however many decades the runs span.
    const int low = static_cast<int>(std::floor(std::log10(m_smallest)));
    int high = static_cast<int>(std::ceil(std::log10(m_largest)));
    if (high == low)
        ++high;
    const int stride = std::max(1, (high - low + kMaxLogTicks - 2) / (kMaxLogTicks - 1));
    high = low + ((high - low + stride - 1) / stride) * stride;
    vtkNew<vtkDoubleArray> positions; // log10 units: the axis's scaled coordinates
    vtkNew<vtkStringArray> labels;
    for (int d = low; d <= high; d += stride) {
        positions->InsertNextValue(d);
        char text[16];
        if (d >= -3 && d <= 3)
            std::snprintf(text, sizeof text, "%g", std::pow(10.0, d));
        else
            std::snprintf(text, sizeof text, "1e%d", d);
        labels->InsertNextValue(text);
    }
    axis->SetBehavior(vtkAxis::FIXED);
    axis->SetUnscaledRange(std::pow(10.0, low), std::pow(10.0, high));
    axis->SetCustomTickPositions(positions, labels);
}

std::vector<double> LossChart::valueTickPositions() const {
    vtkAxis* axis = m_chart->GetAxis(vtkAxis::LEFT);
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
    m_log = on;
    m_chart->GetAxis(vtkAxis::LEFT)->SetLogScale(on);
    updateValueTicks();
    render();
}

bool LossChart::logScaleActive() const {
    return m_chart->GetAxis(vtkAxis::LEFT)->GetLogScaleActive();
}

int LossChart::seriesCount() const {
    return static_cast<int>(m_chart->GetNumberOfPlots());
}

} // namespace gs
