#pragma once
// Where a chart's legend goes: never over its data when that can be avoided.
//
// LegendAvoidingChart is VTK's XY chart with its legend (a FlowLegend) in the corner of the
// plot area with no data under it (points inside it, line pieces across it), the preferred
// corner first. When every corner covers data (or the legend is larger than the plot area),
// a chart that allows it (`outsideAllowed`: the loss chart) puts the legend above the plot
// area, its entries side by side in as many rows as the chart's width needs, and the plot
// area gives up that height: the legend then covers neither the data nor the axes' labels.
// When even there the plot would keep less than kLeastPlotShare of the height it has without
// the legend (a small chart, a large font), the legend is not drawn: the loss chart's run
// list names every run in its colour. A chart that does not allow it (the sweep and
// eigen-direction charts) takes the corner with the least data under it.

#include <array>
#include <string>
#include <utility>
#include <vector>
#include <vtkChartLegend.h>
#include <vtkChartXY.h>

namespace gs {

/// VTK's chart legend laid out in rows: each entry (line sample, then label) beside the
/// last while the row stays within `maxWidth` pixels, else on a row of its own; with
/// `maxWidth` 0 one entry per row, as VTK's own legend.
class FlowLegend : public vtkChartLegend {
public:
    static FlowLegend* New();

    float maxWidth = 0;

    /// An entry as last laid out: its line sample's box and its label's anchor (display
    /// pixels, y up; the label is drawn left and bottom justified there), the label.
    struct Entry {
        std::array<float, 4> symbol{}; ///< x, y, width, height
        std::array<float, 2> label{};
        std::string text;
        int plot = 0; ///< the chart's plot index
    };
    const std::vector<Entry>& entries() const { return m_entries; }

    vtkRectf GetBoundingRect(vtkContext2D* painter) override;
    bool Paint(vtkContext2D* painter) override;

private:
    /// The entries' places relative to the box's lower left corner, and the box's size.
    void layOut(vtkContext2D* painter);

    std::vector<Entry> m_entries;

public:
    // Last: it takes no ';' (-Wpedantic) and ends in public:.
    vtkTypeMacro(FlowLegend, vtkChartLegend)
};

class LegendAvoidingChart : public vtkChartXY {
public:
    static LegendAvoidingChart* New();

    /// The lines in the axes' units (log10 on a log axis), and whether each is points.
    std::vector<std::pair<std::vector<std::array<double, 2>>, bool>> data;
    /// The lines are the values themselves: on an axis VTK draws log-scaled, their log10.
    bool rawValues = false;
    /// The preferred corner (setLegendCorner).
    bool preferTop = true, preferRight = true;
    /// Whether the legend may go above the plot area when no corner is free of data (or be
    /// left out when that leaves the plot too little room).
    bool outsideAllowed = false;
    /// The least share of its height the plot keeps with the legend above it.
    static constexpr double kLeastPlotShare = 0.5;
    /// The legend's box as last placed (display pixels: x0, y0, x1, y1), and whether it is
    /// above the plot area.
    std::array<double, 4> legendBox{};
    bool legendOutside() const { return m_outside; }
    /// Whether the legend is drawn: shown (SetShowLegend) and given a place.
    bool legendDrawn() const { return ShowLegend && !m_left; }

    FlowLegend* flowLegend() const;

    /// How much data a display box (x0, y0, x1, y1) covers, with the plot area as laid out.
    int covered(const std::array<double, 4>& box) const;

protected:
    LegendAvoidingChart();

    /// VTK's legend sits this close to the plot area's sides (pixels, a few to spare).
    static constexpr double kPad = 8;

    bool UpdateLayout(vtkContext2D* painter) override;
    int GetLegendBorder(vtkContext2D* painter, int axisPosition) override;
    void SetLegendPosition(const vtkRectf& rect) override;

private:
    /// How much data `box` covers when the plot area is `area` (x0, y0, x1, y1).
    int covered(const std::array<double, 4>& box, const std::array<double, 4>& area) const;
    /// The corner (top, right) for a w x h legend in `area`: the first in order of preference
    /// with the least data under it; `free` says whether it has none and the legend fits.
    std::pair<bool, bool> bestCorner(double w, double h, const std::array<double, 4>& area,
                                     bool& free) const;
    /// The gap between the plot area and a legend above it (half a tick label, the padding).
    double gapAbove() const;

    bool m_outside = false;
    bool m_left = false; ///< left out: no place leaves the plot its room
    double m_gap = 0;

public:
    vtkTypeMacro(LegendAvoidingChart, vtkChartXY)
};

} // namespace gs
