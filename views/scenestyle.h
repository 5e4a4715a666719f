#pragma once
// How the 3-D scene looks: what is shown (SceneStyle, chosen by the person) and the style
// numbers (SceneLook: colours, fonts, line widths, sizes), kept in one place so every
// piece of the scene and every export draws with the same values.

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace gs {

using Rgb = std::array<double, 3>;

/// What the person chose to see.
struct SceneStyle {
    bool showTangent = true;
    bool showQuadratic = true;
    bool showGradient = true;
    bool shaded = false;     ///< shaded surface coloured by height, with a colour bar
    int wireLines = 21;      ///< wire lines per axis drawn through the finely sampled surface
    double pixelScale = 1.0; ///< fonts and line widths, for exports larger than the window
    double boxHeight = 0.8;  ///< the box's height relative to its wider side (f's aspect)

    bool operator==(const SceneStyle&) const = default;
};

/// How the style's pixel sizes (SceneLook) become device pixels. `text` multiplies font sizes;
/// `line` multiplies line widths, point sizes, label offsets and pick radii. In an export
/// both are the export's pixelScale. In the window `line` is also multiplied by the screen's
/// device pixel ratio r: VTK multiplies font sizes by the render window's DPI / 72 itself (the
/// bridge, vtkwidget.cpp, sets the DPI to 72 r) but draws line widths in device pixels as
/// given, so without the factor a line on a ratio-2 screen would be half as thick beside its
/// text as on a ratio-1 screen or in an export.
struct PixelScale {
    double text = 1.0;
    double line = 1.0;
};

/// The style numbers. Sizes in pixels at pixelScale 1; lengths as fractions of the box's width.
struct SceneLook {
    // Lecture-ready colours on white: the book's matplotlib blue and purple. The overlays'
    // hues (blue, purple, grey, red, green, near-black) are not used by the runs (runColor).
    // Colour-blind safe: under simulated protanopia, deuteranopia and tritanopia (Machado et
    // al. 2009) surface, quadratic, tangent and background stay at least 15 CIELAB units
    // apart (test_gui checks it for the defaults and both themes).
    Rgb background{1, 1, 1}; ///< the views' ground (the window's theme: light or dark)
    Rgb panel{1, 1, 1};      ///< behind titles, labels and the legend, drawn translucent
    Rgb ink{0.13, 0.13, 0.16};
    Rgb surface{0.12, 0.47, 0.71};
    Rgb quadratic{0.50, 0.0, 0.50};
    Rgb tangent{0.78, 0.78, 0.80};
    Rgb tangentEdge{0.45, 0.45, 0.50};
    Rgb ascent{0.84, 0.15, 0.16};
    Rgb descent{0.17, 0.63, 0.17};
    Rgb marker{0.85, 0.10, 0.10};
    Rgb newtonModel{0.25, 0.25, 0.25};
    /// A critical point that is neither a minimum, a maximum nor a saddle (criticalmarkers).
    Rgb unclassified{0.40, 0.40, 0.40};
    /// The step-by-step state's step taken and moment arrows (stateglyphs): black and BrBG
    /// brown #8C510A; on the dark theme the ink and the salmon of the dark runs (#DD7755).
    Rgb stepTaken{0, 0, 0};
    Rgb moment{0.549, 0.318, 0.039};
    /// The tangent plane is translucent: the surface, the point and the arrows show through.
    double tangentOpacity = 0.45;

    double titleFont = 20, fTitleFont = 16, tickFont = 13, colorBarFont = 12;
    /// The factor withFontScale applied (legends, sized in viewport fractions, follow it).
    double fontScale = 1;
    double wireWidth = 1.2, quadraticWidth = 1.6, tangentEdgeWidth = 0.5, axisWidth = 1;
    double pathWidth = 3, pathPointSize = 6, newtonWidth = 1.4;

    double markerDiameter = 0.06, ballDiameter = 0.045, arrowLength = 0.3, fTick = 0.025;

    /// The optimizer runs' colours, in order (runColor): a colour-blind-safe qualitative
    /// palette without the overlays' hues. First the five furthest from the surface, the
    /// quadratic and the step-by-step state's glyphs (stateglyphs.h: magenta, teal, the
    /// moment's brown) as drawn on both themes: Okabe-Ito orange #E69F00 and reddish purple
    /// #CC79A7, Tol sand #DDCC77 and wine #994455, Okabe-Ito bluish green #009E73; then Tol
    /// olive #999933, the glyphs' hues (Tol teal #44AA99, vibrant magenta #EE3377, BrBG brown
    /// #8C510A), and last the blues, nearest the surface (sky blue as drawn 17-24 CIELAB
    /// units from it, tester s11 P7): Tol indigo #332288, light blue #99DDFF, Okabe-Ito sky
    /// blue #56B4E9. Twelve, one per method with one to spare, before a colour repeats. None
    /// is the surface's blue, the quadratic's purple, the tangent's grey, the arrows' red and
    /// green or the Newton model's near-black (test_render checks the distances: >= 0.25 from
    /// those, >= 0.3 between runs; test_gui the CIELAB distances of the first ones).
    std::vector<Rgb> runs{{0.902, 0.624, 0.000}, {0.800, 0.475, 0.655}, {0.867, 0.800, 0.467},
                          {0.600, 0.267, 0.333}, {0.000, 0.620, 0.451}, {0.600, 0.600, 0.200},
                          {0.267, 0.667, 0.600}, {0.933, 0.200, 0.467}, {0.549, 0.318, 0.039},
                          {0.200, 0.133, 0.533}, {0.600, 0.867, 1.000}, {0.337, 0.706, 0.914}};

    /// Every colour drawn over the ground, named (all but the ground and the panel): what
    /// must stand out from the ground on either theme (test_gui darkThemeOverlaysKeepContrast
    /// reads this list, so a colour added here is checked). The runs are not in it.
    std::vector<std::pair<const char*, Rgb>> drawnColours() const {
        return {{"ink and the extremes' rings", ink},
                {"surface", surface},
                {"quadratic", quadratic},
                {"tangent", tangent},
                {"tangent edge", tangentEdge},
                {"ascent arrow", ascent},
                {"descent arrow", descent},
                {"point", marker},
                {"Newton model", newtonModel},
                {"unclassified critical point", unclassified},
                {"step taken", stepTaken},
                {"moment", moment}};
    }

    /// The same look on a dark ground: light ink (the rings of the extremes are ink), a
    /// light violet quadratic (#B866FF: the light theme's purple has 1.7:1 on it), a
    /// lighter tangent edge, Newton model and unclassified marker, and in place of the three
    /// runs' colours too dark for it (indigo, brown, wine: contrast 1.4, 2.6, 2.6 against the
    /// dark ground) lavender #8080BB, salmon #DD7755 and sage #99AA80. Every overlay colour
    /// keeps a WCAG contrast ratio of at least 3:1 against the ground, and the runs keep the
    /// light palette's distances (test_gui darkThemeOverlaysKeepContrast).
    SceneLook dark() const;
    /// Every font size multiplied by `factor` (lectures: text readable from the back row).
    SceneLook withFontScale(double factor) const;
};

/// The look of gradscape's scenes: the defaults, or what the window's preferences set. Scenes
/// read it when built and in applyLook(); the command line never changes it.
const SceneLook& sceneLook();
/// Replaces the look for scenes built (or re-styled with applyLook()) from now on.
void setSceneLook(const SceneLook& look);

/// The font VTK draws the scenes' text in (its default family, "Arial"): DejaVu Sans, the
/// vector figures' font, from these files (fonts-dejavu-core; the oblique ones are in
/// fonts-dejavu-extra). A face whose file is missing falls back to VTK's embedded font.
/// Debian's VTK embeds URW Gothic L as its Arial, which draws [ and ] as round brackets
/// (a title "V[1,1]" read "V(1,1)" in PNG exports, "V[1,1]" in SVG and PDF).
const char* sceneFontFile(bool bold, bool italic);
/// Makes VTK's text renderer load sceneFontFile() for the default family. Done once when the
/// program starts (a static initializer in scenestyle.cpp, before anything draws text: VTK's
/// text renderer keeps the font tools it started with); calling it again does nothing.
void useSceneFont();

/// How a picture prints a number (level labels, critical-point labels, legends, captions; not
/// the readout, which is full precision), with `digits` significant digits (1 to 17):
/// - plain where the value rounded to `digits` lies from 0.001 to under 10^4 ("0.15", "2010",
///   "-0.4"), trailing zeros and a bare point dropped, "-0" as "0";
/// - else m.mmeN ("6.31e4", "-3.2e-5", "1.0e-5"): the mantissa keeps its `digits` digits
///   (a set of labels lines up), the exponent has no "+" and no leading zeros;
/// - the sign an ASCII hyphen-minus, as the tick labels beside it; "nan", "inf" as %g.
std::string compactNumber(double v, int digits);
/// The fewest significant digits, 1 to `most`, with which %g gives `v` back to a relative
/// 1e-9 (`most` where none does; 1 for 0 and non-finite values).
int significantDigits(double v, int most);
/// One value alone (a marker's label, a legend entry, a caption): compactNumber with the
/// fewest digits up to three that give it back: 1994000 -> "1.99e6", 0.15 -> "0.15",
/// 2010 -> "2010", -3.2e-5 -> "-3.2e-5", 1e-5 -> "1e-5".
std::string compactNumber(double v);

/// The least WCAG contrast of a run's path against the ground (3:1, graphics).
constexpr double kRunContrast = 3.0;
/// The colour of the i-th optimizer run (sceneLook().runs, repeating), so a path never
/// reads as a model: moved away from the ground until it has kRunContrast (colourAgainst).
Rgb runColor(int i);
/// How many run colours there are before they repeat.
int runColorCount();

/// WCAG 2 relative luminance of an sRGB colour: L = 0.2126 R + 0.7152 G + 0.0722 B of the
/// linearized channels (v / 12.92 up to 0.04045, else ((v + 0.055) / 1.055)^2.4).
double rgbLuminance(const Rgb& c);
/// WCAG 2 contrast ratio (L1 + 0.05) / (L2 + 0.05) of two colours, L1 the lighter's.
double rgbContrast(const Rgb& a, const Rgb& b);
/// `colour` moved away from `background` in steps of 1/64 (toward black on a light ground,
/// luminance >= 0.18, mid-grey's; toward white on a dark one) until it has `minRatio`
/// against it; a colour that already has it is returned as it is. Lines and marks need 3:1
/// (WCAG's for graphics), text 4.5:1. Used by the contour levels and the Step dock's charts.
Rgb colourAgainst(const Rgb& background, const Rgb& colour, double minRatio);

} // namespace gs
