#pragma once
// Feeds a document's results into a 3-D scene: the window and the exporter both use it,
// so a picture on screen and a picture on disk come from the same code.

#include "document.h"
#include "losschart.h"
#include "statecsv.h"
#include "surfacescene.h"

namespace gs {

SceneStyle sceneStyle(const Settings& s, double pixelScale = 1.0);
/// "f(x, y) = x*exp(-x^2-y^2)": the output statement of the function (for a statement list,
/// the last one, under its own name), the inputs not plotted with the values they are held
/// at ("f(w, x, y=0.5, z=1) = ..."), at most kTitleLength characters (what fits across an
/// 800-pixel view): held inputs left out from the last ("f(w, x, y=0.5, ...) = ...") before
/// the function's text is cut.
QString sceneTitle(const Document& doc);
/// The longest title drawn, in characters: longer ones end in "...".
inline constexpr qsizetype kTitleLength = 72;
QString elideTitle(const QString& title);

/// Everything: title, surface, expansion, optimizer runs (whole paths) and style.
void showDocument(SurfaceScene& scene, const Document& doc, double pixelScale = 1.0);
/// Only what depends on the expansion point (the cheap path of a drag).
void showExpansion(SurfaceScene& scene, const Document& doc);

/// "Adam, lr 0.1, from (1, -0.5): converged, 42 steps" for run i.
QString runDescription(const Document& doc, int i);
/// Run i's method and setting, numbered among runs alike: "Adam lr=0.1 #2".
QString runName(const Document& doc, int i);
/// The short legend label of run i: its name and outcome, "Adam lr=0.1 (minimum)".
QString runLabel(const Document& doc, int i);
/// Run i's colour: its palette slot's (RunSettings::colour), the same in every view.
Rgb runColour(const Document& doc, int i);
/// The optimizer runs as paths on the surface.
void showRuns(SurfaceScene& scene, const Document& doc);
/// Column `quantity` of the state table (f, |grad f|, a moment, ...: statecsv.h) per
/// iteration, one series per run, read from the runs as they are (a series ends where its
/// run has no such value: at the last iterate for the step's quantities, at once for a
/// method without one).
std::vector<ChartSeries> lossSeries(const Document& doc, const StateColumn& quantity);
/// Shows frame `frame` of the runs, with the quadratic the first Newton run minimizes
/// in the step that starts there. A negative frame shows every path whole. With `onlyRun`
/// (the run Step by Step explains), that run's model or none: the caption under the plot
/// never describes another run than the one explained (tester s20).
void showFrame(SurfaceScene& scene, const Document& doc, int frame, int onlyRun = -1);

/// What the step-by-step view shows: run `run` at iterate `frame`, up to sub-step `subStep`
/// of that iteration (gradient, moment, scaling, step; a negative sub-step or one past the
/// last: all of them).
struct StepFocus {
    int run = -1; ///< none: no state drawn
    int frame = 0;
    int subStep = -1;
};
/// The marks of `focus` in the plotted inputs, from the engine's explanation of the step
/// (stepexplain.h): the gradient step from the first sub-step, the moment from the second
/// (methods that have one), the adaptive rectangle from the scaling, the step taken from
/// the last. Nothing when the run has no step there (its last iterate, or no such run).
std::optional<StepMarks> stepMarks(const Document& doc, const StepFocus& focus);

} // namespace gs
