#pragma once
// The loss chart: f (or |grad f|) per iteration for every optimizer run, drawn with
// VTK's 2-D charts in its own GL window. It plots the numbers it is given.

#include "vtkwidget.h"

#include <array>
#include <string>
#include <vector>

class vtkChartXY;
class vtkContextView;

namespace gs {

struct ChartSeries {
    std::string name;
    std::array<double, 3> color{0, 0, 0};
    std::vector<double> values; ///< one per iteration, the start first; non-finite ends it
};

class LossChart : public VtkWidget {
    Q_OBJECT
public:
    LossChart();
    ~LossChart() override;

    void setSeries(const std::vector<ChartSeries>& series, const std::string& yTitle);
    /// Log scale on the value axis; VTK falls back to linear when a value is not positive.
    void setLogScale(bool on);
    bool logScaleActive() const;
    int seriesCount() const;

private:
    vtkSmartPointer<vtkContextView> m_view;
    vtkSmartPointer<vtkChartXY> m_chart;
    bool m_log = false;
};

} // namespace gs
