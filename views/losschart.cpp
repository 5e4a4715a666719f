#include "losschart.h"

#include <cmath>
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
    m_chart->GetAxis(vtkAxis::LEFT)->SetTitle(yTitle);
    m_chart->GetAxis(vtkAxis::LEFT)->SetLogScale(m_log);
    m_chart->RecalculateBounds();
    render();
}

void LossChart::setLogScale(bool on) {
    m_log = on;
    m_chart->GetAxis(vtkAxis::LEFT)->SetLogScale(on);
    m_chart->RecalculateBounds();
    render();
}

bool LossChart::logScaleActive() const {
    return m_chart->GetAxis(vtkAxis::LEFT)->GetLogScaleActive();
}

int LossChart::seriesCount() const {
    return static_cast<int>(m_chart->GetNumberOfPlots());
}

} // namespace gs
