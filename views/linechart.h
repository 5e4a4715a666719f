#pragma once
// A small 2-D chart of named lines and point sets on linear or log axes, drawn with VTK's
// charts in its own GL window (as the loss chart): the learning-rate sweep (final f or steps
// against eta, the stability limit and the optimal eta as vertical lines) and the
// eigen-direction errors per iteration with their predicted decay. It plots the numbers it
// is given; a click reports the x under the cursor.

#include "chartbase.h"
#include "scenestyle.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace gs {

class LegendAvoidingChart;

struct ChartLine {
    enum class Style { Solid, Dashed, Points };
    std::string name; ///< the legend's text (empty: not in the legend)
    Rgb color{0, 0, 0};
    Style style = Style::Solid;
    std::vector<double> x,
        y; ///< pairs that are not finite (or not positive on a log axis) are left out
};

class LineChart : public ChartBase {
    Q_OBJECT
public:
    LineChart();
    ~LineChart() override;

    /// Each line is drawn in its colour moved away from the chart's ground until it has
    /// kLineContrast against it (colourAgainst): Tol's yellow and cyan had 1.9:1 on white.
    void setLines(const std::vector<ChartLine>& lines, const std::string& xTitle,
                  const std::string& yTitle, bool logX, bool logY);
    /// Re-reads sceneLook()'s ground and ink (the window's theme) and its font scale; the
    /// lines take their colours again against the new ground.
    void applyLook();
    /// The colour line i is drawn in (for tests).
    Rgb lineColour(int line) const;
    /// The least contrast of a line against the ground: 3:1 (WCAG's for graphics) with a margin.
    static constexpr double kLineContrast = 3.2;
    /// The corner the legend prefers (top right by default): it takes the corner of the plot
    /// area with the least data under it, this one on a tie.
    void setLegendCorner(bool top, bool right);
    /// The legend's box as last drawn (display pixels: x0, y0, x1, y1; zero before), and how
    /// many points and line pieces lie under it (for tests).
    std::array<double, 4> legendBox() const;
    int dataUnderLegend() const;
    /// The lines drawn (those with at least one point left), and the points of line i.
    int lineCount() const;
    int pointCount(int line) const;
    /// Whether the last setLines drew y on a log axis.
    bool logY() const { return m_logY; }
    /// The x value at a display position (pixels, y up): on a log axis, 10^(the position's
    /// log10 value).
    std::optional<double> xAt(double displayX) const;
    /// Line and marker widths at device pixel ratio 1; the window draws them times its ratio
    /// (VTK draws chart lines in device pixels, text it scales by the DPI; PixelScale).
    static constexpr double kSolidWidth = 3.0, kDashedWidth = 1.5, kPointWidth = 1.0;
    static constexpr double kMarkerSize = 6.0;
    /// The width VTK draws line i with, in device pixels (for tests).
    double lineWidth(int line) const;

signals:
    /// A click (press and release without a drag) at x in the chart's units.
    void clicked(double x);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    /// Each plot's width (and marker size) at ratio 1 times `ratio`.
    void applyLineWidths(double ratio) override;

private:
    /// The chart ChartBase holds, as the legend-placing kind this chart made.
    LegendAvoidingChart* legendChart() const;

    std::vector<int> m_points;
    std::vector<double> m_widths; ///< each plot's width at ratio 1
    std::vector<Rgb> m_colours;   ///< each plot's colour as given (before colourAgainst)
    QPointF m_pressedAt;
    bool m_logX = false;
    bool m_logY = false;
};

} // namespace gs
