#pragma once
// The loss chart: f (or |grad f|) per iteration for every optimizer run, drawn with
// VTK's 2-D charts in its own GL window. It plots the numbers it is given.

#include "chartbase.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace gs {

class LegendAvoidingChart;

struct ChartSeries {
    std::string name;
    std::array<double, 3> color{0, 0, 0};
    std::vector<double> values; ///< one per iteration, the start first; non-finite ends it
    /// The run diverged: on a linear axis, its values beyond kDivergedReach times the others'
    /// size run off the chart (a run rising to 1e21 flattened every curve to the axis).
    bool diverged = false;
};

class LossChart : public ChartBase {
    Q_OBJECT
public:
    LossChart();
    ~LossChart() override;

    void setSeries(const std::vector<ChartSeries>& series, const std::string& yTitle);
    /// Log scale on the value axis. Values <= 0 have no place on it: they are left out (a
    /// run that reaches f = 0 exactly ends its line there, its points marked) and note()
    /// says so; with no positive value at all the axis stays linear, and note() says why.
    void setLogScale(bool on);
    /// What the log scale leaves out or why it is not drawn; empty when nothing is.
    const std::string& note() const { return m_note; }
    /// Re-reads sceneLook()'s ground and ink (the window's theme) and its font scale.
    void applyLook();
    bool logScaleActive() const;
    int seriesCount() const;
    /// The values plotted by series i (the runs drawn, in order), read back from the chart,
    /// and the value axis's title (for tests: what is drawn is what the run holds).
    std::vector<double> seriesValues(int i) const;
    /// The colour series i is drawn in, read back from the chart (for tests).
    std::array<double, 3> seriesColour(int i) const;
    std::string valueTitle() const;
    /// The value axis's labelled ticks as drawn: on a log scale, whole decades (at most
    /// kMaxLogTicks of them), positions in log10 units.
    std::vector<double> valueTickPositions() const;
    /// The iteration axis's ticks (whole numbers on a short run).
    std::vector<double> iterationTickPositions() const;
    /// The iteration axis's range as set (at least 0 to 1, for runs of one value).
    std::array<double, 2> iterationRange() const;
    /// The value axis's range as drawn.
    std::array<double, 2> valueRange() const;
    /// A diverged run's values are drawn within this multiple of the largest magnitude among
    /// the other runs' values and its own start; past it the line leaves the chart.
    static constexpr double kDivergedReach = 10.0;
    std::vector<std::string> valueTickLabels() const;
    /// Writes the chart as an SVG or PDF figure of width x height (pixels; PDF points): VTK's
    /// context exporters paint its lines, axes and legend as vector paths and text. Laid out
    /// off screen at that size (needs an X display). Returns an empty string or the message.
    [[nodiscard]] std::string exportFigure(const std::string& path, int width, int height);

    /// The runs' line width at device pixel ratio 1 (what an exported figure draws); the
    /// window draws it times its device pixel ratio (as the 3-D and 2-D views, PixelScale).
    static constexpr double kLineWidth = 2.0;
    /// The width VTK draws series i with, in device pixels (for tests).
    double lineWidth(int i) const;

    static constexpr int kMaxLogTicks = 6;
    /// The chart names every run in its legend, up to this many (more: the run list beside
    /// it names each run in its colour) and as many as fit its share of the chart's height.
    /// Names are whole, broken onto lines when long.
    static constexpr int kMaxLegendEntries = 8;
    bool legendShown() const;
    /// The height (logical pixels) the chart wants for its legend above the plot and a
    /// readable plot: the most wanted since the legend's names last changed, 0 for none.
    int heightWanted() const { return m_heightWanted; }
    /// The legend's font size (VTK points) and its entries, for tests.
    int legendLabelSize() const;
    std::vector<std::string> legendLabels() const;
    /// The legend's entries as last drawn: each its lines (a long name broken at spaces).
    std::vector<std::vector<std::string>> legendLines() const;
    /// How many runs the legend left out for its height (above the plot it takes at most
    /// LegendAvoidingChart::kMaxLegendShare of the chart; its last line says "+N more").
    int legendLeftOut() const;
    /// Where the legend was last drawn (display pixels: x0, y0, x1, y1; zero before), whether
    /// above the plot area (no corner of it was free of data), and how many points and line
    /// pieces lie under it (for tests). The plot area: x0, y0, x1, y1 as laid out.
    std::array<double, 4> legendBox() const;
    bool legendOutside() const;
    int dataUnderLegend() const;
    std::array<double, 4> plotArea() const;

signals:
    /// The chart wants `height` logical pixels (the window sets its least height to it;
    /// heightWanted()).
    void wantsHeight(int height);

protected:
    /// kLineWidth times `ratio` to every plot.
    void applyLineWidths(double ratio) override;

private:
    std::vector<double> tickPositions(int position) const; ///< of vtkAxis::LEFT or BOTTOM
    /// The chart ChartBase holds, as the legend-placing kind this chart made.
    LegendAvoidingChart* legendChart() const;
    /// Decade ticks on a log axis (VTK's own crowd the axis with labels), automatic otherwise.
    void updateValueTicks();

    /// After a frame: the legend's wanted height, emitted as heightWanted when it grew.
    void askForRoom();

    bool m_log = false;
    bool m_exporting = false;
    int m_heightWanted = 0;
    std::vector<std::string> m_legendNames; ///< the names m_heightWanted is for
    double m_smallest = 0, m_largest = 0;   ///< the positive values' range, for the decades
    bool m_allPositive = false;
    /// On a linear axis with a diverged run: the range that keeps the others readable.
    std::optional<std::array<double, 2>> m_linearRange;
    std::vector<ChartSeries> m_series; ///< as given: setLogScale plots them again
    std::string m_title;
    std::string m_note;
};

} // namespace gs
