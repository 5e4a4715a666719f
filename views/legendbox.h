#pragma once
// A legend whose text has a readable size whatever the view's size: vtkLegendBoxActor
// fits its text into a box given in viewport fractions, so in a narrow view (the 3-D and
// contour views side by side) or with a long label the text shrank to 6-8 pixels. Here the
// box is laid out in pixels from the text measured at the wanted font size, anchored at a
// corner; a label wider than the room left is elided ("Adam lr=0.05 (mini…"), never shrunk.

#include <string>
#include <vector>

class vtkLegendBoxActor;
class vtkViewport;

namespace gs {

/// Where a legend's box sits, in normalized viewport units: its right edge at `right`, its
/// top edge (top = true) or bottom edge at `y`; at most `maxWidth` of the viewport wide, or
/// in a narrow view (side by side) up to `minEms` of the font size, within 0.7 of it.
struct LegendAnchor {
    double right = 0.99;
    double y = 0.9;
    bool top = true;
    double maxWidth = 0.45;
    double minEms = 22;
};

/// The widest box `anchor` allows in a viewport `viewWidth` pixels wide with text of
/// `fontPixels`: max(maxWidth w, min(minEms fontPixels, 0.7 w)).
double legendWidthLimit(const LegendAnchor& anchor, double viewWidth, double fontPixels);

/// The legend's symbols are bars 1 wide and this high (width / height = 2.5).
constexpr double kLegendBarAspect = 1 / 0.4;

/// Sizes and places `legend` for `viewport`'s size in pixels so that its entries, `labels`
/// (the full texts, in entry order), are drawn at `fontSize` (VTK points: pixels at the
/// window's 72 DPI per device pixel ratio), eliding those that would make the box wider
/// than the anchor allows. Does nothing while the viewport has no size. Returns the font
/// size the legend will draw with (vtkLegendBoxActor's own fit, computed the same way).
int fitLegend(vtkLegendBoxActor* legend, vtkViewport* viewport,
              const std::vector<std::string>& labels, int fontSize, const LegendAnchor& anchor);

/// `text` cut at a UTF-8 character boundary to its first `characters` characters plus "…"
/// (the whole text when it has no more than that).
std::string elideUtf8(const std::string& text, std::size_t characters);
/// The number of UTF-8 characters (code points) in `text`.
std::size_t utf8Length(const std::string& text);

/// The font size a legend's entries are drawn at now (after a render), for tests: the
/// smallest over its entries, 0 without entries.
int legendFontSize(vtkLegendBoxActor* legend);

} // namespace gs
