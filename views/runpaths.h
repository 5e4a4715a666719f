#pragma once
// Optimizer runs in the 3-D scene: each run's path up to the current frame (clipped to the
// plot's box), a ball at its current iterate, and a legend naming the runs; the selected
// run's state at its iterate (stateglyphs.h).

#include "sceneactors.h"
#include "stateglyphs.h"
#include "surfacegeometry.h"

#include <array>
#include <functional>
#include <memory>
#include <string>
#include <vector>

class vtkCallbackCommand;
class vtkLegendBoxActor;

namespace gs {

/// An optimizer run as the scene draws it: its points on the surface and its colour.
struct RunPath {
    std::vector<Eigen::Vector3d> points; ///< (x, y, f) per iterate, the start first
    Rgb color{1, 0, 0};
    std::string label;
};

/// Which places the run legend tries beyond the top corners at the two wider widths
/// (RunPaths::layoutLegends).
struct RunLegendPlaces {
    bool bottomCorners = false;
    bool tight = false;  ///< RunPaths::kTightLegend too (a contour's square frame leaves a column)
    bool slides = false; ///< each place slid along the side edge too (RunPaths::kLegendSlides)
};

class RunPaths {
public:
    RunPaths(vtkRenderer* renderer, vtkBox* box);
    ~RunPaths();
    RunPaths(const RunPaths&) = delete;
    RunPaths& operator=(const RunPaths&) = delete;

    /// `lineScale`: PixelScale::line (the paths' widths and point sizes).
    void setRuns(const std::vector<RunPath>& runs, double lineScale);
    /// Run `run`'s points moved (the same iterates under a plot's new scale of f), drawn by
    /// the next update().
    void setPoints(int run, std::vector<Eigen::Vector3d> points) {
        m_runs.at(std::size_t(run)).path.points = std::move(points);
    }
    /// Iterates 0..frame of every run; a negative frame shows every path whole.
    void setFrame(int frame) { m_frame = frame; }
    /// Re-draws the paths for heights `height` in a box `width` wide.
    void update(const HeightMap& height, double width);
    void applyStyle(double lineScale);
    /// The bottom of the run legend in normalized viewport units (1 without one): what is
    /// placed beside the plot below the legend (the colour bar) starts under it.
    double legendBottom() const;
    /// Sizes the run legend and the state's legend in pixels for the viewport's size, their
    /// text at the look's tick-label size times the export's text scale (legendbox.h): done
    /// before every render, and when the runs change.
    void layoutLegends();
    /// What the run legend would cover at a display box (xmin, xmax, ymin, ymax): the scene's
    /// cost of that place (markers and text heavily, the surface by how much of it). With a
    /// cost, layoutLegends tries the top right and top left corners (and the bottom ones
    /// when the places allow), each with the names whole (up to kWideLegend of the view) and
    /// elided (LegendAnchor's 0.45, and kTightLegend where allowed: beside a square frame in
    /// a wide view, clear of it), and takes the place of least cost plus kElidedCost an elided
    /// name; without, the top right.
    using LegendCost = std::function<double(const std::array<double, 4>&)>;
    /// Made once per layout (before each render): the cost of the places tried then, with
    /// what it measures (text boxes through FreeType, projected points) measured once.
    using LegendCostMaker = std::function<LegendCost()>;
    void setLegendCost(LegendCostMaker cost, RunLegendPlaces places = {}) {
        m_legendCost = std::move(cost);
        m_places = places;
    }
    /// kSwitchCost: how much less another corner must cost before the legend moves there
    /// (a ball passing by in an animation does not make it jump to and fro).
    static constexpr double kWideLegend = 0.7, kTightLegend = 0.3, kElidedCost = 10,
                            kSwitchCost = 3;
    /// Slides along the side edge (RunLegendPlaces::slides), half the legend's height each,
    /// each costing kSlideCost: a whole name slid down beats one cut in the corner.
    static constexpr int kLegendSlides = 4;
    static constexpr double kSlideCost = 2;
    /// The corners the run legend may take.
    enum class Corner { TopRight, TopLeft, BottomRight, BottomLeft };
    /// Where the run legend sits now (for tests).
    Corner legendCorner() const { return m_corner; }
    /// Starts the run legend in `corner` (another view's layout copied: kSwitchCost keeps it
    /// there unless another corner is clearly better).
    void setLegendCorner(Corner corner) { m_corner = corner; }
    /// The next layout chooses the corner from the scene alone, without kSwitchCost (new
    /// content; a new view size does so by itself).
    void forgetCorner() { m_freshCorner = true; }
    /// Whether the run legend sits in a left corner now (for tests).
    bool legendOnLeft() const {
        return m_corner == Corner::TopLeft || m_corner == Corner::BottomLeft;
    }
    /// The display boxes (xmin, xmax, ymin, ymax) the last layout tried, with what each
    /// cost (for tests).
    const std::vector<std::pair<std::array<double, 4>, double>>& legendPlacesTried() const {
        return m_tried;
    }
    /// The run legend's box (normalized viewport: x0, y0, x1, y1), after a render.
    std::array<double, 4> legendRect() const;
    /// The run legend (for tests: its font size after a render, legendbox.h).
    vtkLegendBoxActor* legend() const;
    /// The font size the legends are laid out for now (VTK points).
    int legendFontSize() const;
    /// How many runs are drawn (for tests).
    int runCount() const { return int(m_runs.size()); }
    /// The colour run `i`'s path is drawn in, read back from its actor (for tests).
    Rgb pathColour(int run) const;
    /// Run `i`'s legend entry as shown (", cut" where its path leaves the plot's box).
    std::string legendEntry(int run) const;
    /// How many points of run `i` are drawn now (for tests).
    int drawnPoints(int run) const;
    /// Where run `i`'s ball is drawn (world), and whether it is: balls that would coincide
    /// (runs ending at one minimum, or at their common start) are set round it in the screen's
    /// plane, touching (fanBalls, before each render, from the camera).
    std::optional<Eigen::Vector3d> ballCentre(int run) const;
    /// A ball's diameter (world units) as last placed.
    double ballDiameter() const { return m_ballDiameter; }
    /// Balls whose iterates lie closer than this share of a diameter are fanned out.
    static constexpr double kCoincidentShare = 0.5;
    /// The selected run's state at the iterate on screen (arrows, rectangle, legend); drawn
    /// by the next update().
    void setStepMarks(const std::optional<StepMarks>& marks) { m_state->setMarks(marks); }
    const StateGlyphs& stateGlyphs() const { return *m_state; }
    StateGlyphs& stateGlyphs() { return *m_state; }

private:
    /// The state's legend (StateGlyphs) where it covers least, as the run legend (part of
    /// layoutLegends); m_stateCorner the place it had (0-3), kept unless another costs
    /// kSwitchCost less (stepping does not make it jump to and fro).
    void layoutStateLegend(int font);
    int m_stateCorner = 0;
    struct Actors {
        RunPath path;
        ClippedActor line;
        Ball ball;
        Eigen::Vector3d at{0, 0, 0}; ///< the ball's iterate (world), when shown
        Eigen::Vector3d drawnAt{0, 0, 0};
        bool shown = false;
        bool cut = false; ///< part of the path drawn leaves the box: its legend entry says so
    };
    /// Balls at coincident iterates set round their iterate in the screen's plane (issue #13:
    /// the raster z-fought them into slices, the figure painted only the last): two side by
    /// side, more on a ring with a diameter between neighbours, never overlapping.
    void fanBalls();
    /// Where fanBalls draws the balls of one group (runs' indices), into `drawn`.
    void fanGroup(std::vector<std::size_t> group, const Eigen::Vector3d& right,
                  const Eigen::Vector3d& screenUp, std::vector<Eigen::Vector3d>& drawn) const;
    vtkRenderer* m_renderer;
    vtkBox* m_box;
    std::vector<Actors> m_runs;
    int m_frame = -1;
    vtkSmartPointer<vtkLegendBoxActor> m_legend;
    std::vector<std::string> m_legendLabels; ///< the entries' full texts
    LegendCostMaker m_legendCost;
    RunLegendPlaces m_places;
    Corner m_corner = Corner::TopRight;
    bool m_freshCorner = true;
    std::array<int, 2> m_layoutSize{}; ///< the view's size the legend was placed for
    std::vector<std::pair<std::array<double, 4>, double>> m_tried;
    double m_lineScale = 1;
    double m_ballDiameter = 0; ///< world units, as last placed
    vtkSmartPointer<vtkCallbackCommand> m_beforeRender;
    unsigned long m_observer = 0;
    std::unique_ptr<StateGlyphs> m_state;
};

} // namespace gs
