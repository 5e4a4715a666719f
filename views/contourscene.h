#pragma once
// The top view of a function of two inputs: level curves of f from the document's surface
// sample (VTK's contour filter, labelled, evenly or log-spaced), at equal aspect so that
// perpendicular looks perpendicular. At the expansion point: the level curve through it and
// its tangent line, grad f and -grad f, the Hessian's eigenvectors as principal axes, and
// the quadratic model's level curves over the true ones; the optimizer paths; critical-point
// markers. Plain VTK (a Plot2D): the window and the exporter draw the same picture. It
// shows what the engine computed; the arithmetic here places levels and maps lengths.

#include "criticalmarkers.h"
#include "gradientfield.h"
#include "plot2d.h"
#include "runpaths.h"
#include "sceneactors.h"
#include "surface.h"

#include <array>
#include <memory>
#include <optional>

class vtkActor;
class vtkActor2D;
class vtkBandedPolyDataContourFilter;
class vtkCallbackCommand;
class vtkLegendBoxActor;
class vtkLookupTable;
class vtkTextActor;
class vtkBox;
class vtkContourFilter;
class vtkImageData;
class vtkBillboardTextActor3D;
class vtkColorTransferFunction;
class vtkStripper;
class vtkPolyData;

namespace gs {

enum class LevelSpacing {
    Auto, ///< log when most of the domain lies in the lowest tenth of f's range, else even
    Even,
    Log ///< geometric steps above the minimum (valleys such as Rosenbrock's)
};

/// The contour levels for values in [zmin, zmax]: `count` of them, evenly spaced (1-2-5 nice
/// numbers) or geometric above zmin over four decades; `values` decides Auto.
std::vector<double> contourLevels(double zmin, double zmax, int count, LevelSpacing spacing,
                                  const Eigen::ArrayXXd* values = nullptr);

/// The level labels' texts, all with one number of significant digits (the fewest, up to four,
/// that gives every value back): plain from 0.001 to 10^4 ("0.15", "2010"), else "6.31e4",
/// "6.30e5" (no "+", no zeros in the exponent, the mantissa's digits kept).
std::vector<std::string> levelTexts(const std::vector<double>& levels);

/// The quadratic model's levels over its square (`model`, finite values): about `count` of
/// them (count / 2.5 to count + 2), 1-2-5 nice steps apart, one of them `value` (f(x0): the model's
/// level through the point), all strictly inside the model's range. A few clean ellipses or
/// hyperbolas: the true f's levels (log-spaced in a valley) crowded dozens of nearly parallel lines
/// into it.
std::vector<double> modelLevels(double value, const Eigen::ArrayXXd& model, int count);

/// The block of `z` (over grid `g`) that covers the plot range `r` (xmin, xmax, ymin, ymax),
/// one sample past it each way, clamped to the grid.
Eigen::ArrayXXd shownPart(const GridSpec& g, const Eigen::ArrayXXd& z,
                          const std::array<double, 4>& r);

/// The quadratic model over a grid of the view's choosing (planebinding's contourModelSample):
/// finer than the expansion's, over the part of the plot shown when zoomed.
struct ModelSample {
    GridSpec grid;
    Eigen::ArrayXXd values;
};

class ContourScene : public Plot2D {
public:
    ContourScene();
    ~ContourScene() override;

    /// A new surface: the level curves and the frame (the domain, at equal aspect).
    void setSurface(const SurfaceSample& surface, const std::string& xName,
                    const std::string& yName);
    /// The same, keeping the shared sample instead of a copy of the grid; `levelSample` as
    /// setLevelSample.
    void setSurface(std::shared_ptr<const SurfaceSample> surface, const std::string& xName,
                    const std::string& yName,
                    std::shared_ptr<const SurfaceSample> levelSample = nullptr);
    /// The sample the level curves, the level curve through the point and the bands are
    /// drawn from and their levels chosen over: a finer sample of the part of the domain shown
    /// (planebinding's contourSample), its grid within the frame; null: the surface's. The
    /// surface's grid drew jagged curves in Rosenbrock's valley, and a zoom into a part of it
    /// held no level at all (issue #9).
    void setLevelSample(std::shared_ptr<const SurfaceSample> sample);
    /// The sample the level curves are drawn from now (the surface's when none was set).
    const SurfaceSample* levelSample() const {
        return m_levelSample ? m_levelSample.get() : m_surface.get();
    }
    void setLevelSpacing(LevelSpacing spacing);
    LevelSpacing levelSpacing() const { return m_spacing; }
    /// What is shown at the point (`quadratic` the model's level curves, `gradient` the
    /// arrows and the principal axes, `tangent` the level curve's tangent line). The model's
    /// curves are drawn from `model` when given, else from the expansion's own grid (41 samples
    /// over the domain: coarse polygons in a zoomed view, issue #9).
    void setExpansion(const Expansion& e, bool tangent, bool quadratic, bool gradient,
                      const ModelSample* model = nullptr);
    void setRuns(const std::vector<RunPath>& runs);
    void setFrame(int frame);
    /// The selected run's state at the iterate on screen (nothing: none drawn).
    void setStepMarks(const std::optional<StepMarks>& marks);
    const StateGlyphs& stateGlyphs() const { return m_runs->stateGlyphs(); }
    /// The runs' paths, balls and legend (for tests: the run legend's entries).
    const RunPaths& runPaths() const { return *m_runs; }
    /// Markers in plot units: at = (x, y, f).
    void setCriticalPoints(const std::vector<PlotMarker>& markers);
    /// The gradient field as the engine computed it (gradientField): an arrow per cell,
    /// centred on the cell, its length field.length of the cell; a legend says the scale.
    void setGradientField(const GradientField& field);
    void showGradientField(bool show);
    /// Filled bands between the levels (coloured by rank, as the lines) and a colour bar
    /// beside the frame, labelled with the levels.
    void showBands(bool show);

    /// For tests: arrows drawn, the field's legend, band polygons drawn, the colour bar's
    /// swatches and labels (bottom to top).
    int fieldArrows() const;
    std::string fieldLegend() const;
    /// Its box as drawn (display pixels: xmin, ymin, xmax, ymax); zeros while hidden.
    std::array<double, 4> fieldLegendRect() const;
    int bandPolygons() const;
    int colorBarSwatches() const;
    std::vector<std::string> colorBarLabels() const;

    /// Forgets where the legends were (the point legend's corner, the run legend's, the
    /// room beside the frame): the next picture lays them out from the scene alone. For a new
    /// function or domain (tester s14: the same example loaded twice had two layouts); a
    /// parameter's slider keeps them (no jumping while it moves).
    void forgetLayout();
    /// Takes the legends' layout `shown` has on screen (issue #9: an export, a fresh scene,
    /// put both legends over the plot where the window had them beside it): whether the point
    /// legend stands beside the frame with its room, its place inside it, the run legend's
    /// corner. Call it after the content is set (a new surface or runs reconsider the place).
    void copyLegendLayout(const ContourScene& shown);
    /// The expansion point, if drawn.
    std::optional<Eigen::Vector2d> pointMarker() const { return m_point; }
    bool hitsMarker(double displayX, double displayY) const;

    /// For tests: the levels drawn, the points of the level curves, of the level curve
    /// through the point, of the model's level curves; the principal axes drawn.
    const std::vector<double>& levels() const { return m_levels; }
    /// For tests: the colour the lines of level k are drawn in (the mapper's colour map).
    Rgb levelLineColour(std::size_t k) const;
    int contourPoints() const;
    int pointLevelPoints() const;
    int modelContourPoints() const;
    int principalAxes() const;
    /// True when the point's Hessian is a multiple of I and a ring stands for its axes.
    bool everyDirectionRing() const;
    /// The principal axes or the ring as drawn (cut at the frame): segments in plot units.
    std::vector<std::array<Eigen::Vector2d, 2>> principalSegments() const;
    /// The direction of principal axis k (0 or 1) as drawn, a unit vector of arbitrary sign;
    /// zero when it is not drawn.
    Eigen::Vector2d principalAxisDirection(int k) const;
    /// Principal axis k's ends as drawn (cut at the frame), in plot units; none when not drawn.
    std::optional<std::array<Eigen::Vector2d, 2>> principalAxisEnds(int k) const;
    /// The legend of the lines at the point, entry by entry (empty: none drawn).
    std::vector<std::string> pointLegend() const;
    /// That legend's symbol for entry i (a bar, or an arrow for the gradient's arrows).
    vtkPolyData* pointLegendSymbol(int i) const;
    /// Where that legend was drawn last, in display pixels (x0, y0, x1, y1; y up), all zero
    /// when it is hidden: inside the frame, in a corner (or slid along an edge from one) with
    /// the least under it.
    std::array<double, 4> pointLegendRect() const;
    /// Where the run legend was drawn last (display pixels, as pointLegendRect).
    std::array<double, 4> runLegendRect() const;
    /// What the run legend covers at a display box (xmin, xmax, ymin, ymax): what is drawn
    /// in the plot and the axes' text never, level labels a little (RunPaths::setLegendCost).
    double runLegendCost(const std::array<double, 4>& box) const;
    /// The level labels' and the colour bar's font size: the tick labels'.
    int levelFontSize() const;
    /// The font size the point legend draws with (after a render; legendbox.h).
    int pointLegendFontSize() const;
    /// For tests: the level curves' points (plot units), and the level each lies on.
    std::vector<Eigen::Vector2d> levelCurvePoints() const;
    std::vector<double> levelCurveValues() const;
    /// The same for the quadratic model's level curves (empty when they are hidden).
    std::vector<Eigen::Vector2d> modelCurvePoints() const;
    std::vector<double> modelCurveValues() const;
    const CriticalMarkers& markers() const { return *m_markers; }
    /// For tests, after a render: the level labels' and the critical-point labels' boxes as
    /// VTK drew them, in display pixels (x0, y0, x1, y1; y up).
    std::vector<std::array<double, 4>> levelLabelBoxes() const;
    /// The level labels' texts as drawn.
    std::vector<std::string> levelLabelTexts() const;
    std::vector<std::array<double, 4>> markerLabelBoxes() const;
    /// The leader lines drawn from markers to labels placed further than two label heights
    /// off them (plot units: from the ring's edge to the label's box).
    const std::vector<std::pair<Eigen::Vector2d, Eigen::Vector2d>>& leaderLines() const {
        return m_leaders;
    }
    int drawnPathPoints(int run) const { return m_runs->drawnPoints(run); }
    /// Whether the grad f (k = 0) or -grad f (k = 1) arrow is cut short at the frame.
    bool arrowCut(int k) const { return k >= 0 && k < 2 && m_arrowCut[std::size_t(k)]; }
    /// For tests: the edges of the grad f arrows' polygons as drawn (plot units; empty when
    /// hidden).
    std::vector<std::pair<Eigen::Vector2d, Eigen::Vector2d>> arrowEdges() const;

private:
    /// The level labels' boxes where placeLabels put them, at the sizes it measured (display
    /// pixels, x0, y0, x1, y1): what the legends keep off, known before any render.
    std::vector<std::array<double, 4>> placedLabelBoxes() const;
    void applyPixelScale() override;
    bool besideNote(vtkActor2D* legend) const override;
    /// The level curves' image from levelSample().
    void takeLevelImage();
    void rebuildLevels();
    void placeLabels();
    /// Each critical-point marker's label on the side of it with the fewest runs' iterates
    /// (the balls pass there) and other markers under it, within the frame.
    void placeMarkerLabels();
    /// The level lines' colour map, by rank, on the theme's ground (levelLineColor).
    void colourLevels();
    void rebuildBands();
    /// A thin line from each marker to its label where the label stands far off (after
    /// placeMarkerLabels).
    void updateLeaderLines();
    void rebuildField();
    void updatePointLegend(bool gradientArrows, bool positive, bool negative, bool ring);
    /// The point's disc, its tangent, grad f arrows and principal axes, sized for glyphWidth
    /// from m_glyphs (setExpansion; resizeGlyphs after a zoom).
    void placePointGlyphs();
    void resizeGlyphs() override;
    /// Puts the point legend in a corner inside the frame as it is on screen now (before
    /// every render: zoom and pan move the frame), and the state's legend above the x axis's
    /// tick labels.
    void placePointLegend();
    /// The gradient field's note at a bottom corner of the view clear of the axes' labels and
    /// title, else right of the frame above its foot (tester s23: over the x tick "2.0").
    void placeFieldLegend();
    /// A segment drawn `r` either side (display pixels, or plot units where said; a = b: a
    /// disc).
    struct Stroke {
        Eigen::Vector2d a, b;
        double r;
    };
    /// Whether the box [x0, x1] x [y0, y1] meets a stroke (the segment against the box grown
    /// by its r: a capsule, a little more at the box's corners).
    static bool meetsStrokes(double x0, double y0, double x1, double y1,
                             const std::vector<Stroke>& strokes);
    /// The point's disc, its grad f arrows, its tangent line and principal axes as drawn, in
    /// plot units: level labels keep off them as off each other (issue #9: a label sat on the
    /// -grad f arrow).
    std::vector<Stroke> pointOverlayStrokes() const;
    /// What is drawn in the plot but the level curves, on screen now: the runs' paths with
    /// their balls, the point, its arrows, tangent and principal axes, the critical-point
    /// markers, their rings and labels. The point legend never goes over them.
    std::vector<Stroke> occupiedStrokes() const;
    /// Keeps `pixels` (at pixel scale 1) right of the frame for the point legend (besides the
    /// colour bar's); `reframe`: fits the camera to the new room.
    void setLegendReserve(double pixels, bool reframe);
    /// The segment a-b cut to the domain: overlays never leave the plot's frame.
    vtkSmartPointer<vtkPolyData> inFrame(const Eigen::Vector3d& a, const Eigen::Vector3d& b) const;
    /// A circle about `centre` as chords, each cut at the frame.
    vtkSmartPointer<vtkPolyData> ringInFrame(const Eigen::Vector3d& centre, double radius) const;

    std::shared_ptr<const SurfaceSample> m_surface;
    std::shared_ptr<const SurfaceSample> m_levelSample; ///< null: m_surface's
    std::optional<Eigen::Vector2d> m_point;
    LevelSpacing m_spacing = LevelSpacing::Auto;
    std::vector<double> m_levels;
    vtkSmartPointer<vtkBox> m_box;
    /// m_box grown by a ring's radius: the markers are cut to it (whole rings at corners).
    vtkSmartPointer<vtkBox> m_markerBox;
    vtkSmartPointer<vtkImageData> m_image, m_modelImage;
    vtkSmartPointer<vtkContourFilter> m_contour, m_pointLevel, m_modelContour;
    vtkSmartPointer<vtkStripper> m_stripper;
    vtkSmartPointer<vtkColorTransferFunction> m_lut;
    std::vector<vtkSmartPointer<vtkBillboardTextActor3D>> m_labels;
    /// Each label's text's half width and height as measured (display pixels).
    std::vector<Eigen::Vector2d> m_labelHalfPixels;
    /// The critical-point markers (plot units): no level label goes on them or their labels.
    std::vector<PlotMarker> m_markerList;
    /// The markers as given (their labels' sides as planebinding chose them).
    std::vector<PlotMarker> m_markerInput;
    /// The zoom the level labels were placed at (display pixels per world unit).
    double m_labelsPixelsPerWorld = 0;
    /// Whether a level label was moved or dropped only for the point or its arrows when the
    /// labels were last placed: a moved point places them again (setExpansion).
    bool m_labelsAvoidedPoint = false;
    /// And the run legend's box they kept off (runLegendRect).
    std::array<double, 4> m_labelsRunLegend{};
    /// The point legend's box the labels were placed around (pointLegendRect).
    std::array<double, 4> m_labelsPointLegend{};
    std::array<double, 4> m_labelsShown{}; ///< the range shown when the labels were placed
    Eigen::Vector2d m_labelsOrigin{0, 0};  ///< and the frame's corner on screen then
    /// The frame's lower left corner on screen (display pixels).
    Eigen::Vector2d frameOrigin() const { return toDisplay(frame()[0], frame()[2]); }
    vtkSmartPointer<vtkCallbackCommand> m_zoomWatch;
    unsigned long m_zoomObserver = 0;
    vtkSmartPointer<vtkActor> m_contourActor, m_pointLevelActor, m_modelActor, m_tangentLine;
    std::unique_ptr<Disc> m_pointDisc;
    std::unique_ptr<Arrow> m_ascent, m_descent;
    /// The arrows' length (plot units, 0: none) along +-m_gradientDirection from the point.
    double m_arrowLength = 0;
    /// How far each arrow (grad f, -grad f) reaches before the frame cuts it (plot units), and
    /// whether it was cut.
    std::array<double, 2> m_arrowReach{};
    std::array<bool, 2> m_arrowCut{};
    Eigen::Vector2d m_gradientDirection = Eigen::Vector2d::Zero();
    std::array<vtkSmartPointer<vtkActor>, 2> m_axes;
    /// Drawn instead of the axes where H = lambda I (CurvatureAnalysis::equalEigenvalues).
    vtkSmartPointer<vtkActor> m_ring;
    /// What placePointGlyphs draws at the point, from the last expansion.
    struct PointGlyphs {
        Eigen::Vector2d gradient = Eigen::Vector2d::Zero(); ///< grad f over the plotted inputs
        bool moving = false;    ///< grad f beyond its rounding error: arrows and the tangent
        double meanSlope = 0;   ///< the surface's (arrowscale.h)
        Eigen::VectorXd lambda; ///< the Hessian's eigenvalues, to tolerance
        Eigen::MatrixXd eigenvectors;
        bool equalEigenvalues = false; ///< H = lambda I: every direction principal
        GridSpec grid;                 ///< the model's grid (the frame without a surface)
        bool tangent = false, showGradient = false;
    };
    PointGlyphs m_glyphs;
    std::unique_ptr<RunPaths> m_runs;
    std::unique_ptr<CriticalMarkers> m_markers;
    std::vector<std::pair<Eigen::Vector2d, Eigen::Vector2d>> m_leaders;
    vtkSmartPointer<vtkActor> m_leaderActor;

    std::optional<GradientField> m_field;
    bool m_showField = false, m_showBands = false;
    vtkSmartPointer<vtkActor> m_fieldActor;
    vtkSmartPointer<vtkTextActor> m_fieldLegend;
    /// Its text on two lines (under the plot) and on four (in a narrow margin beside it).
    std::array<std::string, 2> m_fieldText;
    vtkSmartPointer<vtkLegendBoxActor> m_pointLegend;
    std::vector<std::string> m_pointLegendLabels; ///< its entries' full texts
    /// Its entries' widest texts as the point moves (room beside the frame is made for them).
    std::vector<std::string> m_pointLegendWidest;
    /// Its entries but the principal axes' (which follow the point's curvature).
    int m_pointLegendFixedEntries = -1;
    /// The room beside the frame was made for the step's legend too: it stays until a fresh
    /// layout.
    bool m_roomForState = false;
    // The point legend beside the frame (room made or found free): it stays while the point moves.
    bool m_pointLegendBeside = false;
    /// Where it sits (its lower left corner as fractions of the room inside the frame; top
    /// left to begin with): kept while no other place has clearly less under it, so it does
    /// not jump while the point moves.
    Eigen::Vector2d m_pointLegendPlace{0, 1};
    /// The room kept right of the frame for the colour bar and for the point legend when
    /// nothing inside the frame is free (pixels at pixel scale 1).
    double m_barReserve = 0, m_legendReserve = 0;
    /// What is drawn changed: the legend beside the frame may go back in.
    bool m_reconsiderLegend = true;
    std::array<int, 2> m_layoutSize{}; ///< the view's size the point legend was placed for
    bool m_placingLegend = false, m_reframingLegend = false;
    bool m_stateLegendShown = false; ///< the step's legend was drawn at the last placement
    /// The runs' iterates (plot units): the legend keeps off them.
    std::vector<Eigen::Vector2d> m_runPoints;
    /// The runs' steps as segments (plot units): level labels keep off them.
    std::vector<std::pair<Eigen::Vector2d, Eigen::Vector2d>> m_runSegments;
    vtkSmartPointer<vtkBandedPolyDataContourFilter> m_bands;
    vtkSmartPointer<vtkLookupTable> m_bandColors;
    vtkSmartPointer<vtkActor> m_bandActor;
    vtkSmartPointer<vtkActor2D> m_colorBar;
    std::vector<vtkSmartPointer<vtkTextActor>> m_barLabels;
};

} // namespace gs
