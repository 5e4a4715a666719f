#pragma once
// What the 2-D charts share (the loss chart, the sweep and eigen-direction charts): VTK's
// chart (vtkChartXY) in a context view in its own GL window (VtkWidget), sized for the screen.
//
// Two scales, each applied once:
// - text follows the font scale (sceneLook().fontScale, Edit ▸ Preferences): tick labels,
//   axis titles and the legend are kLabelFont, kTitleFont and the legend size times it. VTK itself
//   multiplies font sizes by the render window's DPI / 72, which the bridge sets to 72 times
//   the device pixel ratio (vtkwidget.cpp): text is never multiplied by the ratio here.
// - lengths VTK draws in device pixels as given (line widths, tick marks, the gaps between
//   an axis, its labels and its title, the legend's padding, the room beyond the axes' ends,
//   and the least distance between two ticks) are multiplied by the device pixel ratio here;
//   the gaps around text and the tick distance also by the font scale, so that text keeps
//   the room around it it has at ratio 1 and scale 1 (no label meets its neighbour or the
//   other axis's labels).
// An exported figure is laid out at ratio 1 (setLayoutRatio), the same file on any screen.

#include "scenestyle.h"
#include "vtkwidget.h"

#include <array>
#include <string>
#include <vector>

class vtkChartXY;
class vtkContextView;

namespace gs {

class ChartBase : public VtkWidget {
    Q_OBJECT
public:
    ~ChartBase() override;

    /// Font sizes (pixels at device pixel ratio 1) at font scale 1.
    static constexpr double kLabelFont = 12, kTitleFont = 12;
    /// The legend as large as the views' tick labels (SceneLook::tickFont): at 10 it was 6-8 px
    /// on screen beside 13 px text. Long run names are elided by the charts, never shrunk.
    static constexpr double kLegendFont = 13;
    /// The small charts' legend (the sweep and eigen-direction charts in the Step dock): at
    /// 13 it covers their data in every corner of a 400-pixel chart.
    static constexpr double kSmallLegendFont = 10;
    /// VTK's own gaps at ratio 1 (pixels): label to axis line, title to labels, tick length,
    /// the axis's margin to the window's edge, the least tick distances (vertical, horizontal
    /// axes), the legend's padding and line sample width.
    static constexpr double kLabelOffset = 7, kTitleGap = 3, kTickLength = 5, kMargin = 15;
    static constexpr double kTickSpacingVertical = 30, kTickSpacingHorizontal = 45;
    static constexpr double kLegendPadding = 5, kLegendSymbol = 25, kHiddenAxisBorder = 20;

    /// The device pixel ratio the chart is drawn for (set by resizeGL; 1 until shown).
    double deviceScale() const { return m_deviceScale; }

    /// A piece of the chart's text as VTK draws it: display pixels (y up), from VTK's text
    /// metrics at the window's DPI placed at the anchor VTK draws it at.
    struct TextBox {
        std::string text;
        std::array<double, 4> box{}; ///< xmin, xmax, ymin, ymax
        double fontPixels = 0;       ///< the font's size in device pixels (size x DPI / 72)
        bool left = true;            ///< on the left (value) axis, else the bottom one
        bool title = false;          ///< the axis's title, else a tick label
    };
    /// Every tick label in range on the left and bottom axes, then the two axis titles
    /// (rotated: the left one's box is its rotated box). Lays the chart out first.
    std::vector<TextBox> axisText();
    /// The legend's label font in device pixels (0 when no legend is shown).
    double legendFontPixels() const;
    /// The colours the chart is drawn with now (for tests): its ground, the axes' labels and
    /// titles, and the legend's text (all sceneLook().ink after applyThemeColours()).
    Rgb background() const;
    std::vector<Rgb> textColours() const;

protected:
    /// `chart`: a vtkChartXY of a subclass's own kind (a new plain one when null);
    /// `legendFont`: the legend's size at font scale 1 (kLegendFont or kSmallLegendFont).
    explicit ChartBase(vtkSmartPointer<vtkChartXY> chart = nullptr,
                       double legendFont = kLegendFont);
    void resizeGL(int w, int h) override;

    /// Font sizes and text spacing from sceneLook().fontScale and the layout ratio. Called
    /// when the ratio changes and when a frame starts with another font scale.
    void applyTextScale();
    /// The theme's colours (sceneLook()): the ground, the axes, their labels and titles in the
    /// ink, the grid halfway between, the legend's text in the ink on the panel. Both themes
    /// keep their text >= 4.5:1 against the ground (SceneLook's ink).
    void applyThemeColours();
    /// Each plot's line width (and marker size) for `ratio` (device pixels per pixel).
    virtual void applyLineWidths(double ratio) = 0;
    /// Lays out and draws the chart as for device pixel ratio `ratio` (an export: 1); the
    /// window's ratio again with deviceScale().
    void setLayoutRatio(double ratio);
    /// The decade ticks' stride for the axes' lengths (setDecadeTicks): `before` a frame, from
    /// the last layout; after it, another frame when the layout changed what they want.
    void fitDecadeTicks(bool before);
    /// applyTextScale() if sceneLook()'s font scale is not the one applied.
    void followFontScale();
    /// Labels whole decades `low` to `high` on the axis at `position` (a log axis, positions
    /// in log10 units), every `leastStride`-th at least and fewer when the labels would touch
    /// at the axis's length and the labels' measured size at the current font (decadeStride,
    /// chosen again before each frame; the range's top raised to the last labelled decade).
    /// `low == high`: VTK's own ticks again.
    void setDecadeTicks(int position, int low, int high, int leastStride);
    /// The ratio the chart is laid out for now (deviceScale(), or 1 while exporting).
    double layoutRatio() const { return m_layoutRatio; }

    vtkSmartPointer<vtkContextView> m_view;
    vtkSmartPointer<vtkChartXY> m_chart;

private:
    double m_deviceScale = 1.0;
    double m_layoutRatio = 1.0;
    double m_fontScale = 1.0;          ///< the font scale the text sizes were set for
    double m_legendFont = kLegendFont; ///< the legend's size at font scale 1
};

} // namespace gs
