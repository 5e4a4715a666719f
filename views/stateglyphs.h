#pragma once
// What an optimizer is thinking at the iterate on screen, drawn at that iterate in the plane
// of the two plotted inputs: the plain gradient step −η ∇f, what the moment carries,
// the adaptive methods' per-coordinate step sizes as a rectangle around the point (its sides
// are the step sizes), and the step actually taken; with a legend. It draws the vectors it
// is given (engine/stepexplain.h), at their true length in the inputs' units.

#include "legendbox.h"
#include "sceneactors.h"
#include "surfacegeometry.h"

#include <Eigen/Core>
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class vtkBox;
class vtkLegendBoxActor;
class vtkRenderer;

namespace gs {

/// One iteration's state in plot units (the two plotted inputs). An empty vector or rate is
/// not drawn (the method has none, or the sub-step on screen has not reached it yet).
struct StepMarks {
    Eigen::Vector2d point{0, 0}; ///< x_k
    double value = 0;            ///< f(x_k): the arrows' height in the 3-D view
    std::optional<Eigen::Vector2d> gradientStep, momentStep, update, rate;
    std::string momentLabel = "moment";
    std::string momentRole = "moment"; ///< StepArrows::momentRole
};

class StateGlyphs {
public:
    StateGlyphs(vtkRenderer* renderer, vtkBox* box);
    ~StateGlyphs();

    void setMarks(const std::optional<StepMarks>& marks) { m_marks = marks; }
    const std::optional<StepMarks>& marks() const { return m_marks; }
    /// Draws the marks at height(f(x_k)) in a plot `width` wide (the legend's place).
    void update(const HeightMap& height, double width);
    /// `lineScale`: PixelScale::line.
    void applyStyle(double lineScale);
    /// The legend's bottom edge in normalized viewport units (0.02 unless a view moves it
    /// up: the contour view keeps it off its x axis's tick labels); a legend laid out at the
    /// top stays there.
    void setLegendBottom(double y);
    /// Sizes and places the legend for the viewport's pixels with its text at `fontSize`
    /// (legendbox.h): RunPaths calls it before each render.
    void layoutLegend(int fontSize);
    /// The same at `anchor` (RunPaths tries places against the scene's cost).
    void layoutLegend(int fontSize, const LegendAnchor& anchor);
    /// Where layoutLegend puts the legend without a cost: the bottom right, its bottom at
    /// setLegendBottom's.
    LegendAnchor defaultLegendAnchor() const { return {0.98, m_legendBottom, false, 0.5}; }
    vtkLegendBoxActor* legend() const;

    /// For tests: which glyphs are drawn now (arrows: gradient step, moment, update; the
    /// rectangle), and the rectangle's corners' extent in x and y.
    bool gradientVisible() const;
    bool momentVisible() const;
    bool updateVisible() const;
    bool rateVisible() const;
    Eigen::Vector2d rateExtent() const { return m_rateExtent; }
    /// For tests: the bounds of arrow k (0 gradient step, 1 moment, 2 step taken) as drawn
    /// (xmin, xmax, ymin, ymax, zmin, zmax); each ends where it leaves the box's x-y extent.
    std::array<double, 6> arrowBounds(int k) const;
    /// The glyphs' common magnification (1, 2, 5, 10, 20, ...).
    double arrowScale() const { return m_arrowScale; }
    /// The glyphs are magnified when the longest (arrow or rectangle side) is under half of
    /// kMagnifyTo of the plot's width, by the largest 1-2-5 factor that keeps it at most
    /// kMagnifyTo of it (so it ends between 0.4 and 1 times that).
    static constexpr double kMagnifyTo = 0.3;
    /// The arrows' thickness as fractions of the plot's width, whatever their length (the
    /// camera fits the plot, so these are fractions of the view): thick enough to read when
    /// the view looks along them, as at a steep angle. The 3-D view lifts the glyphs by
    /// kLift of the width above f(x_k), so the surface through x_k does not cut them.
    static constexpr double kShaftRadius = 0.007, kTipRadius = 0.021, kTipLength = 0.065;
    /// The step taken is drawn slimmer (this fraction of the others' thickness): where it
    /// follows the moment, as Adam's does, the moment's colour shows around it.
    static constexpr double kSlimmer = 0.55;
    static constexpr double kLift = 0.02;
    static double magnification(double longest, double width);

    static Rgb gradientColor() { return {0.933, 0.200, 0.467}; } ///< Tol vibrant magenta
    /// BrBG brown #8C510A; the theme's (SceneLook::moment: salmon on the dark ground).
    static Rgb momentColor() { return sceneLook().moment; }
    /// The step taken: black; the theme's (SceneLook::stepTaken: the ink on the dark ground).
    static Rgb updateColor() { return sceneLook().stepTaken; }
    static Rgb rateColor() { return {0.0, 0.600, 0.533}; } ///< Tol vibrant teal

private:
    vtkRenderer* m_renderer;
    vtkBox* m_box;
    std::optional<StepMarks> m_marks;
    Arrow m_gradient, m_moment, m_update;
    ClippedActor m_rate;
    vtkSmartPointer<vtkLegendBoxActor> m_legend;
    Eigen::Vector2d m_rateExtent{0, 0};
    double m_legendBottom = 0.02;
    bool m_bottomAnchored = true; ///< its bottom at m_legendBottom (setLegendBottom moves it)
    std::vector<std::string> m_legendLabels; ///< the entries' full texts (legendbox.h elides)
    double m_arrowScale = 1;
};

} // namespace gs
