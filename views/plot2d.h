#pragma once
// The frame every 2-D scene shares (the curve view, the contour view): a renderer with a
// parallel camera looking down on the x-y plane, labelled axes around the plotted frame, a
// title and a note, and the camera moves a flat plot needs (fit, zoom about a point, pan).
// Plain VTK, so the window and the headless exporter draw the same picture. A plot's
// vertical unit may be scaled to the world's (a curve's f against x); the only arithmetic
// here maps plot units to world units and back.

#include "scenestyle.h"

#include <Eigen/Core>
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>
#include <vtkSmartPointer.h>

class vtkActor2D;
class vtkCallbackCommand;
class vtkLegendBoxActor;
class vtkPlaneCollection;
class vtkProp;
class vtkRenderer;
class vtkTextActor;

namespace gs {

class FitTextWidth;
class PlotAxes;

class Plot2D {
public:
    Plot2D();
    virtual ~Plot2D();
    Plot2D(const Plot2D&) = delete;
    Plot2D& operator=(const Plot2D&) = delete;

    vtkRenderer* renderer() const;

    void setTitle(const std::string& title);
    /// A line of text under the title (a hint such as the stable learning rate); empty hides it.
    void setNote(const std::string& note);
    /// The note as set (noteShown: as drawn, wrapped or elided).
    const std::string& note() const { return m_noteText; }
    /// Fonts and line widths grow with exports larger than the window.
    void setPixelScale(double scale);
    /// The text's scale (PixelScale::text).
    double pixelScale() const { return m_pixelScale; }
    /// The device pixel ratio of the screen showing the plot (the window's bridge sets it; 1
    /// in an export): line widths, point sizes, offsets and pick radii grow with it.
    void setDeviceScale(double ratio);
    /// The lines' scale (PixelScale::line): pixelScale() times the device scale.
    double lineScale() const { return m_pixelScale * m_deviceScale; }
    PixelScale scale() const { return {pixelScale(), lineScale()}; }
    /// Re-reads sceneLook() (colours, fonts): after the window's preferences changed it.
    void applyLook() { setPixelScale(m_pixelScale); }

    /// Shows the whole frame, with room for the axes' labels, in the renderer's aspect.
    void resetCamera();
    /// Forgets a zoom or pan (the axes show the whole frame again) without fitting the
    /// camera: before new content whose frame the last zoom means nothing to (its levels were
    /// chosen over the old zoomed range, tester s18).
    void leaveZoom();
    /// Zooms by `factor` (> 1 closer) keeping the plot point under the display position put.
    void zoom(double factor, double displayX, double displayY);
    /// Moves the plot by a display offset (pixels).
    void pan(double dx, double dy);
    /// After a fit (resetCamera): zooms and pans so that the frame, where the fit put it on
    /// screen, shows `range` (plot units: xmin, xmax, ymin, ymax; its aspect the frame's):
    /// an export of a zoomed view shows what the view shows (tester s18).
    void showRange(const std::array<double, 4>& range);
    /// Whether the person zoomed or panned since the last resetCamera. The frame and its
    /// axes then stay where resetCamera put them on screen: zoom and pan change the range
    /// they show (the axes label it), and what falls outside is clipped at the frame.
    bool zoomed() const { return m_zoomed; }
    /// The range the axes show (plot units: xmin, xmax, ymin, ymax): the frame with its pads
    /// until the person zooms or pans, then what the fixed frame on screen holds.
    std::array<double, 4> shownRange() const;
    /// How many of the bands where the axes' text stands (left of the frame shown: the f or y
    /// tick labels; below it: the x ones) display box `box` (xmin, xmax, ymin, ymax) reaches
    /// into by more than half a tick label's height (a box just past a band's end, above the
    /// frame's top say, meets no label). The bands, not the labels: a legend laid out before
    /// a render after a zoom saw the last picture's ticks, and went over the new top tick
    /// (tester s17).
    int axisBandsMet(const std::array<double, 4>& box) const;
    /// True when the plot point lies inside the frame and inside the range shown.
    bool shown(const Eigen::Vector2d& p) const;

    /// The plot point (x, y in the plot's units) under a display position (pixels, y up).
    Eigen::Vector2d toPlot(double displayX, double displayY) const;
    /// The display position (pixels, y up) of a plot point.
    Eigen::Vector2d toDisplay(double x, double y) const;
    /// True when the plot point lies inside the frame.
    bool insideFrame(const Eigen::Vector2d& p) const;
    /// The frame in plot units: xmin, xmax, ymin, ymax.
    const std::array<double, 4>& frame() const { return m_frame; }

    /// An axis's title and tick labels as last drawn: boxes in display pixels (xmin, xmax,
    /// ymin, ymax), read back from VTK's text actors (for tests: the title clears the labels).
    struct AxisText {
        std::array<double, 4> title{};
        std::vector<std::array<double, 4>> labels;
    };
    /// axis 0: x, 1: y. Empty before the first render.
    AxisText axisText(int axis) const;
    /// An axis's title as set (axis 0: x, 1: y).
    std::string axisTitle(int axis) const;
    /// The note as drawn: its lines (0 hidden; a long note is wrapped onto two before it is
    /// made smaller), its font size, its box in display pixels (xmin, xmax, ymin, ymax).
    int noteLines() const;
    /// The note's text as drawn (its lines joined by newlines).
    std::string noteShown() const;
    int noteFontSize() const;
    std::array<double, 4> noteBox() const;
    /// The title's box as drawn (display pixels: xmin, xmax, ymin, ymax).
    std::array<double, 4> titleBox() const;
    /// The title's text as drawn.
    std::string titleShown() const;

protected:
    /// The plotted rectangle in plot units; world y = (y - yOrigin) * yScale (scale 1 and
    /// origin 0 keep plot and world the same, as a contour plot needs it).
    void setPlotFrame(const std::array<double, 4>& frame, double yScale, double yOrigin,
                      const std::string& xTitle, const std::string& yTitle);
    /// Room between the frame and its axes (plot units: left, right, bottom, top): the axes
    /// and the camera's fit take the frame grown by it, so that a marker on the frame's edge
    /// (a ring round an extreme at a corner) is drawn whole, off the tick labels. frame()
    /// stays the plotted rectangle. setPlotFrame clears it.
    void setFramePad(const std::array<double, 4>& pad);
    /// The frame grown by the pad: where the axes are drawn.
    std::array<double, 4> axesFrame() const;
    double worldY(double y) const { return (y - m_yOrigin) * m_yScale; }
    double plotY(double worldY) const { return m_yOrigin + worldY / m_yScale; }
    /// The frame's width in world units.
    double worldWidth() const { return m_frame[1] - m_frame[0]; }
    /// What the sizes of glyphs (markers, balls, the point, its arrows) are fractions of, in
    /// world units: the frame's width at the fit, shrunk by the zoom since, so that a glyph
    /// keeps its size on screen as the wheel zooms (issue #9, tester s15: they grew with it).
    double glyphWidth() const;
    /// glyphWidth() changed since the glyphs were last sized (a zoom, a fit, a new frame): the
    /// scene sizes them again. Called before a render, ahead of the legends' and labels'
    /// layout (which keep off the glyphs).
    virtual void resizeGlyphs() {}
    /// Display pixels per world unit at the current zoom.
    double pixelsPerWorld() const;
    virtual void applyPixelScale() {}
    /// The priority of the note's observer of the render's start: after the legends' layout
    /// (0, RunPaths), before a view's own placement of what keeps off them (lower).
    static constexpr float kNotePriority = -1.0f;
    /// Whether a legend of the view may stand beside the note (the note's room keeps clear
    /// of it); a view says no for one inside the frame (the contour's point legend).
    virtual bool besideNote(vtkActor2D*) const { return true; }
    /// Where the note puts a legend at display box `legend` (xmin, xmax, ymin, ymax) if it
    /// were the only one beside it: under the note's lines where they reach it (fitNote),
    /// else where it is. What a legend's placement costs where it will be drawn.
    std::array<double, 4> legendUnderNote(const std::array<double, 4>& legend);
    /// Room kept free right of the frame (pixels at pixel scale 1) for a colour bar: the
    /// camera fits the frame into the rest of the view, at most kMaxRightShare of its width.
    void setRightReserve(double pixels) { m_rightReserve = pixels; }
    static constexpr double kMaxRightShare = 0.4;
    /// The display pixels per plot unit resetCamera would give the frame with `pixels` (at
    /// pixel scale 1) reserved right of it, the view's size and the axes' text as they are
    /// now; 0 before the view has a size. Nothing moves: a legend weighs a room beside the
    /// frame against the frame's size with it (a trial re-framing left traces in the axes'
    /// measured text, and an example reached two ways was framed two ways).
    double fittedPixelsPerUnit(double pixels) const;
    /// The room (display pixels) the axes' text takes left of and below the axes' frame, as
    /// the last picture drew it (estimated before the first): what a legend beside the frame
    /// keeps off.
    std::array<double, 2> axisTextRoom() const {
        const TextRoom room = textRoom();
        return {room.left, room.bottom};
    }

private:
    /// The room (display pixels) the axes' labels and titles take left of, below, right of
    /// the frame, and the title and the note above it: estimated from the font sizes and the
    /// frame's numbers, so that the first picture has it.
    struct TextRoom {
        double left = 0, bottom = 0, right = 0, top = 0;
    };
    TextRoom textRoom() const;
    /// Sets the note at its wanted size, on two lines if one does not fit the width, smaller
    /// only if two do not fit either (before every render: the view's width changes).
    void fitNote();
    /// The note's room (display pixels) beside a legend at `legend` (xmin, xmax, ymin, ymax).
    double roomBeside(const std::array<double, 4>& legend) const;
    /// The note's lines with `beside` pixels of room beside the legends (else the whole
    /// width, at the tick labels' size at least, elided last); the font left set on m_note.
    std::vector<std::string> wrapNote(double beside);
    /// resetCamera's fit for the note and legends as they are laid out now.
    void fitCamera();
    /// fitCamera's numbers for a right reserve of `pixels`: its share r of the view's width,
    /// pixels per plot unit p (0 when the view has no size or no room), the text's room.
    struct Fit {
        double r = 0, p = 0;
        double xc = 0; ///< the frame's centre on screen (display pixels)
        TextRoom room;
    };
    Fit fitFor(double pixels) const;
    /// The visible legends beside the note (besideNote) and their display boxes (xmin, xmax,
    /// ymin, ymax).
    std::vector<std::pair<vtkLegendBoxActor*, std::array<double, 4>>> legendsBesideNote() const;
    /// The lowest bottom edge (display pixels) of the legends beside the note that reach left
    /// of `frameRight` with their top at `band` or above; `lowest` if none.
    double legendsOverFrame(double frameRight, double band, double lowest) const;
    /// The tick labels' font size in display pixels.
    double label() const;

public:
    /// Whether the fit was made on an estimate of the axes' text and a picture has measured
    /// it since: the window fits again on the measurement (refit) and renders, so that a
    /// scene is framed the same however it was reached. (An export renders once, on the
    /// estimate: its frames and stills agree.)
    bool refitWanted() const;
    /// Whether the camera was fitted for the frame and the view's size as they are now. A
    /// layout decided before that (resetCamera's first pass, a tab's first picture at its
    /// size) saw another scene's frame or size.
    bool fittedToView() const;
    void refit() {
        fitCamera();
        m_refitted = true;
    }

private:
    /// The axes' bounds and ranges: the frame grown by the pad, or `range` (plot units).
    void placeAxes();
    void placeAxes(const std::array<double, 4>& range);
    /// Before a render: glyphs sized again for a new glyphWidth (resizeGlyphs); a zoomed
    /// plot's axes take the range shown, every actor with a mapper is clipped to it.
    void followZoom();
    /// Last before a render (after the views placed their labels): a billboard label
    /// anchored outside the range shown is hidden for this render (shown again after it:
    /// the scenes own their labels' visibility).
    void hideOutside();
    /// After a render: the labels hideOutside hid are shown again.
    void showHidden();
    /// Before the first zoom or pan after a fit: where the axes' frame is on screen.
    void rememberHome();
    void clipActors(bool on);

    std::array<double, 4> m_frame{0, 1, 0, 1};
    std::array<double, 4> m_pad{0, 0, 0, 0};
    double m_yScale = 1.0, m_yOrigin = 0.0;
    double m_pixelScale = 1.0;
    double m_deviceScale = 1.0;
    double m_rightReserve = 0.0;
    vtkSmartPointer<vtkRenderer> m_renderer;
    vtkSmartPointer<PlotAxes> m_axes;
    vtkSmartPointer<vtkTextActor> m_title, m_note;
    /// The title and the note within the view's width (a lecture's font scale).
    std::unique_ptr<FitTextWidth> m_titleFit;
    std::string m_noteText;
    int m_noteFont = 14, m_tickFont = 13; ///< the note's size and its least, the tick labels'
    /// legendUnderNote's note boxes for each room beside, for the view's size, text and fonts.
    std::map<double, std::array<double, 4>> m_noteFits;
    std::tuple<int, int, std::string, int, int> m_noteFitsKey;

    vtkSmartPointer<vtkCallbackCommand> m_noteWatch;
    unsigned long m_noteObserver = 0;

    bool m_zoomed = false;
    double m_glyphWidth = 0; ///< glyphWidth() when resizeGlyphs was last called
    /// The axes' text room (left, bottom, right) the last fit used, when it was measured from
    /// a picture rather than estimated (refitWanted).
    std::optional<std::array<double, 3>> m_fitRoom;
    /// Refitted once since the last resetCamera: never again until the next (two fits whose
    /// tick labels measure each other's room would render for ever).
    bool m_refitted = false;
    /// The frame (with its pads) and the view's size the camera was last fitted for.
    std::array<double, 4> m_fittedFrame{};
    std::array<int, 2> m_fittedSize{};
    bool m_fitting = false; ///< within resetCamera's passes
    /// The axes' frame on screen at the last fit (normalized viewport: xmin, xmax, ymin,
    /// ymax) and the camera's parallel scale then (zoom stays within a range of it).
    std::array<double, 4> m_home{0, 1, 0, 1};
    double m_homeScale = 1.0;
    vtkSmartPointer<vtkPlaneCollection> m_clip;
    std::vector<vtkSmartPointer<vtkProp>> m_hidden; ///< labels hidden for one render
    vtkSmartPointer<vtkCallbackCommand> m_zoomWatch, m_hideWatch, m_zoomRestore;
    unsigned long m_zoomObserver = 0, m_hideObserver = 0, m_restoreObserver = 0;
};

} // namespace gs
