#pragma once
// Optimizer runs in the 3-D scene: each run's path up to the current frame (clipped to the
// plot's box), a ball at its current iterate, and a legend naming the runs; the selected
// run's state at its iterate (stateglyphs.h).

#include "sceneactors.h"
#include "stateglyphs.h"
#include "surfacegeometry.h"

#include <array>
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

class RunPaths {
public:
    RunPaths(vtkRenderer* renderer, vtkBox* box);
    ~RunPaths();
    RunPaths(const RunPaths&) = delete;
    RunPaths& operator=(const RunPaths&) = delete;

    /// `lineScale`: PixelScale::line (the paths' widths and point sizes).
    void setRuns(const std::vector<RunPath>& runs, double lineScale);
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
    /// The run legend (for tests: its font size after a render, legendbox.h).
    vtkLegendBoxActor* legend() const;
    /// The font size the legends are laid out for now (VTK points).
    int legendFontSize() const;
    /// How many runs are drawn (for tests).
    int runCount() const { return int(m_runs.size()); }
    /// The colour run `i`'s path is drawn in, read back from its actor (for tests).
    Rgb pathColour(int run) const;
    /// How many points of run `i` are drawn now (for tests).
    int drawnPoints(int run) const;
    /// The selected run's state at the iterate on screen (arrows, rectangle, legend); drawn
    /// by the next update().
    void setStepMarks(const std::optional<StepMarks>& marks) { m_state->setMarks(marks); }
    const StateGlyphs& stateGlyphs() const { return *m_state; }
    StateGlyphs& stateGlyphs() { return *m_state; }

private:
    struct Actors {
        RunPath path;
        ClippedActor line;
        Ball ball;
    };
    vtkRenderer* m_renderer;
    vtkBox* m_box;
    std::vector<Actors> m_runs;
    int m_frame = -1;
    vtkSmartPointer<vtkLegendBoxActor> m_legend;
    std::vector<std::string> m_legendLabels; ///< the entries' full texts
    double m_lineScale = 1;
    vtkSmartPointer<vtkCallbackCommand> m_beforeRender;
    unsigned long m_observer = 0;
    std::unique_ptr<StateGlyphs> m_state;
};

} // namespace gs
