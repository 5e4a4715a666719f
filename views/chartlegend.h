#pragma once
// Where a chart's legend goes: never over its data when that can be avoided.
//
// LegendAvoidingChart is VTK's XY chart with its legend (a FlowLegend) in the corner of the
// plot area with no data under it (points inside it, line pieces across it), the preferred
// corner first. When every corner covers data (or the legend is larger than the plot area),
// a chart that allows it (`outsideAllowed`: the loss chart) puts the legend above the plot
// area, its entries side by side in as many rows as the chart's width needs (an entry wider
// than the chart broken at spaces onto more lines: names are never cut), and the plot area
// gives up that height: the legend then covers neither the data nor the axes' labels. When
// the plot would keep less than kLeastPlotShare of its height, `wantedHeight` says how tall
// the chart must be for the plot to keep kLeastPlotPixels; the window grows the chart to it.
// Only while the chart is so short that the plot would keep less than half of
// kLeastPlotPixels or a third of the chart (the window had no room to give) is the legend
// left out: the run list names every run.
// A chart that does not allow it (the sweep and eigen-direction charts) takes the corner
// with the least data under it.

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
    /// The legend's greatest height (pixels; 0: none). Entries past it are left out, the last
    /// row saying how many ("+3 more"): a legend above a small chart took two thirds of it
    /// (issue #9, font19). One entry is always named (a legend of "+6 more" alone named no
    /// run). The run list beside the chart names every run.
    float maxHeight = 0;
    /// How many entries the last layout left out for maxHeight.
    int leftOut() const { return m_leftOut; }

    /// An entry as last laid out: its line sample's box and its label's anchor (display
    /// pixels, y up; the label is drawn left and bottom justified there), the label.
    struct Entry {
        std::array<float, 4> symbol{}; ///< x, y, width, height
        std::array<float, 2> label{};
        std::string text;
        /// The text as drawn: one line, or broken at spaces where it is wider than the
        /// rows' width; line k's anchor is lineStep() * k below `label`.
        std::vector<std::string> lines;
        int plot = 0; ///< the chart's plot index; -1 for the "+N more" line (no line sample)
    };
    const std::vector<Entry>& entries() const { return m_entries; }
    /// The distance between an entry's lines (pixels).
    float lineStep() const { return m_lineStep; }

    vtkRectf GetBoundingRect(vtkContext2D* painter) override;
    bool Paint(vtkContext2D* painter) override;

private:
    /// The entries' places relative to the box's lower left corner, and the box's size.
    void layOut(vtkContext2D* painter);
    static std::vector<std::string> wrap(vtkContext2D* painter, const std::string& text,
                                         float width);

    /// The first `count` entries (plots with a label), then a "+more more" line when more > 0.
    void layOutFirst(vtkContext2D* painter, int count, int more);

    std::vector<Entry> m_entries;
    float m_lineStep = 0;
    int m_leftOut = 0;

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
    /// Whether the legend may go above the plot area when no corner is free of data.
    bool outsideAllowed = false;
    /// A legend above the plot takes at most this share of the chart's height.
    static constexpr double kMaxLegendShare = 0.4;
    /// Below this share of its height left to the plot, the chart asks for more height.
    static constexpr double kLeastPlotShare = 0.5;
    /// The plot's height the chart asks for then (pixels at ratio 1, times `plotScale`).
    static constexpr double kLeastPlotPixels = 90;
    double plotScale = 1;
    /// The chart's height (display pixels) the legend above the plot wants, 0 when the
    /// chart is high enough (or the legend is in a corner).
    double wantedHeight = 0;
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
    bool m_left = false; ///< left out: the chart too short for the plot and the legend
    double m_gap = 0;

public:
    vtkTypeMacro(LegendAvoidingChart, vtkChartXY)
};

} // namespace gs
