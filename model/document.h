#pragma once
// The one document everything observes: the function, its domain and resolution,
// the expansion point and what the scene shows. Every edit is an undoable command;
// derived results are cached by what changed (a new function or domain re-samples
// the surface; a moved point only recomputes the Taylor models).

#include "criticalpoints.h"
#include "expression.h"
#include "optimizers.h"
#include "optiontable.h"
#include "surface.h"

#include <Eigen/Core>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

class QUndoStack;

namespace gs {

/// One optimizer run: the method and its parameters, and where it starts.
struct RunSettings {
    OptimizerOptions options;
    std::vector<double> start; ///< in input order
    /// Its slot in the runs' palette (runColor), kept for the run's life: removing a run
    /// recoloured the ones after it (tester s17). -1: the first slot free when it is added.
    int colour = -1;

    bool operator==(const RunSettings&) const = default;
};

/// A named constant of the function with a slider: its value, the slider's range and step.
/// A constant with respect to the inputs (zero derivatives); changing it re-samples.
struct Parameter {
    QString name;
    double value = 1.0;
    double min = -5.0, max = 5.0;
    double step = 0.1;

    bool operator==(const Parameter&) const = default;
    /// A new parameter at `value`, its range [-5, 5] widened to hold it (to the power of ten
    /// above |value|, so the value sits inside the slider).
    static Parameter named(const QString& name, double value = 1.0);
};

/// What a person chooses; the undoable state.
struct Settings {
    QString function = QStringLiteral("x*exp(-x^2-y^2)");
    QStringList variables; ///< fixed by the person; empty: inferred (documentVariables)
    double xmin = -2, xmax = 2, ymin = -2, ymax = 2;
    int resolution = int(options::resolution.defaultValue); ///< samples per axis
    int wireLines = int(options::wireLines.defaultValue);   ///< wire lines per axis
    /// Which inputs are plotted along x and y (indices into the input order); the others are
    /// held at the point's values: the surface is that slice of f.
    int plotX = 0, plotY = 1;
    std::vector<double> point{-1.0, 0.0};     ///< expansion point, in input order
    std::vector<double> epsilon{0.01, -0.03}; ///< offset for the approximation check
    /// The quadratic model is drawn within this distance of the point along each plotted
    /// input (0: over the whole domain).
    double modelRadius = options::modelRadius.defaultValue;
    /// The box's height relative to its width (the aspect ratio of f).
    double boxAspect = options::boxAspect.defaultValue;
    bool showTangent = true, showQuadratic = true, showGradient = true, shaded = false;
    /// The contour view's gradient field (arrows of grad f on a grid) and filled level bands
    /// with a colour bar.
    bool showField = false, showBands = false;
    std::vector<RunSettings> runs;     ///< optimizer runs, drawn in this order
    std::vector<Parameter> parameters; ///< named constants with sliders, in panel order
    bool chartLogScale = false;        ///< the loss chart's value axis on a log scale

    bool operator==(const Settings&) const = default;
};

/// Gives each run without a colour (colour < 0), in list order, the smallest slot no other
/// run holds.
void assignRunColours(std::vector<RunSettings>& runs);

/// The parameters' names and values, as the parser takes them.
std::vector<ParameterValue> parameterValues(const Settings& s);

class Document : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxResolution = int(options::resolution.max);
    static constexpr int kMinResolution = int(options::resolution.min);
    static constexpr int kModelResolution = 41;
    static constexpr int kMaxParameters = 64;
    /// The undo stack keeps the last kUndoLimit steps and drops older ones, so a long
    /// session's memory stays bounded. A step holds the settings before and after (the
    /// function's text is the bulk: typically under 1 kB a step, at most 2 x 200 kB for a
    /// function of the language's 100,000 characters); a drag, a slider drag or a typed
    /// function is one step, so 1,000 steps are hours of work.
    static constexpr int kUndoLimit = 1000;

    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    const Settings& settings() const { return m_settings; }
    const Expression& expression() const { return *m_expression; }
    const SurfaceSample& surface() const { return *m_surface; }
    /// The same sample, shared: the scenes keep it without a copy of the grid (8 MB at 1001²).
    /// A new sample is a new object; this one never changes.
    std::shared_ptr<const SurfaceSample> sharedSurface() const { return m_surface; }
    const Expansion& expansion() const { return m_expansion; }
    /// One trajectory per run in settings().runs, recomputed when the runs or the function change.
    const std::vector<Trajectory>& trajectories() const { return m_trajectories; }
    /// The critical points of f on the domain (an interval for one input, the grid's two
    /// inputs otherwise, the others at the point), searched again only with the surface.
    const CriticalPointSearch& criticalPoints() const { return m_critical; }
    /// How many times the search ran (it runs only with the surface; for tests).
    int criticalPointSearches() const { return m_criticalSearches; }
    /// The isolated critical point found nearest the expansion point, when the point is not
    /// critical (or critical with a singular Hessian, which the search's higher-order test
    /// classes) but within kNearCritical of the domain's width of it (a point typed from a
    /// marker's label, to its digits, has a gradient of rounding size yet not zero): its
    /// index in criticalPoints().points (-1: none) and the distance.
    struct NearCritical {
        int index = -1;
        double distance = 0;
    };
    static constexpr double kNearCritical = 1e-3;
    NearCritical nearCriticalPoint() const;
    /// Gradient descent on the quadratic model at the point (engine/curvature.h): stable for
    /// a learning rate below 2 / lambda_max only when H is positive definite; unstable along
    /// a negative-curvature direction whatever the rate.
    DescentStability descentStability() const;
    QStringList inputNames() const;
    GridSpec grid() const;
    /// f over `grid` as the surface is sampled (the inputs it does not vary at the point): a
    /// view's own sample, finer or of a zoomed-in part (the contour view's level curves).
    SurfaceSample sample(const GridSpec& grid) const;
    /// The grid a quadratic model around `x` is drawn on: the square of half-width
    /// Settings::modelRadius around it (within the domain), or the whole domain when 0.
    GridSpec modelGrid(const Eigen::VectorXd& x) const;
    /// The quadratic model at the point (T2, as Expansion::quadratic) over `grid`: a view's
    /// own sample of it, finer or of a zoomed-in part (the contour view's model curves).
    Eigen::ArrayXXd modelSample(const GridSpec& grid) const;
    QUndoStack* undoStack() const { return m_undo; }

    /// Checks `s` without applying it: an empty string, or what is wrong and where.
    /// `parsed` receives the parsed function when it differs from the current one.
    QString validate(const Settings& s, std::optional<Expression>* parsed = nullptr) const;
    /// The same checks as for a document holding another function (`s` is parsed), without
    /// a document: what a session reader asks before anything is computed.
    static QString validateNew(const Settings& s);

    /// Applies `s` as one undoable step named `what`. Consecutive steps with the same
    /// non-negative `mergeId` (one drag) undo together. Returns the error, or empty.
    [[nodiscard]] QString change(const Settings& s, const QString& what, int mergeId = -1);
    /// `s` (in the current input order) with its function replaced by `function`: the point,
    /// epsilon, run starts and plotted inputs follow their inputs by name (withInputs). As the
    /// person types x*exp(-x^2-y^2), x*ex has the inputs ex and x: by place, y came back with
    /// x's coordinate (tester s24). Unchanged when `function`'s inputs cannot be read (the
    /// change then says what is wrong).
    Settings withFunction(Settings s, const QString& function) const;

    // Convenience edits, each one undoable step; each returns the error, or empty.
    [[nodiscard]] QString setFunction(const QString& text);
    /// Moves the point in the two plotted inputs (only the first for a function of one input).
    [[nodiscard]] QString setPoint(double x, double y, int mergeId = -1);
    [[nodiscard]] QString addRun(const RunSettings& run);
    [[nodiscard]] QString removeRun(int index);
    [[nodiscard]] QString clearRuns();
    /// Sets parameter `index`'s value (a slider: the moves of one drag share `mergeId`).
    [[nodiscard]] QString setParameterValue(int index, double value, int mergeId = -1);
    /// Replaces parameter `index` (its range and step; the name is kept).
    [[nodiscard]] QString setParameter(int index, const Parameter& p);
    /// Makes `names` parameters (Parameter::named, value 1) in one step: symbols the function
    /// does not know, or inputs (then the point, epsilon and runs keep the other inputs'
    /// values, matched by name). With `function`, that text replaces the function in the
    /// same step (the window's editor holds text the document refused for those symbols).
    [[nodiscard]] QString addParameters(const QStringList& names, const QString& function = {});
    /// Removes parameter `index` (refused when the function then does not parse).
    [[nodiscard]] QString removeParameter(int index);

    /// Applies without the undo stack (the undo commands themselves call this).
    void apply(const Settings& s);

    /// What a change touched, so observers redo only that.
    enum Change { SurfaceChange = 1, ExpansionChange = 2, RunsChange = 4 };

signals:
    /// Any change: `what` is a set of Change flags (a surface change implies the expansion);
    /// editors re-read settings(), views redraw what changed.
    void changed(int what);

private:
    bool sameFunction(const Settings& s) const;
    void recomputeSurface();
    void recomputeExpansion();
    void recomputeRuns();
    void recomputeCriticalPoints();
    /// `s` with its point, epsilon, run starts and plotted inputs moved from the current
    /// input order to `names` (matched by name; a new input gets the point and epsilon it
    /// last had in this document, else, where it takes the place of an input that is gone
    /// (x*y -> u*v), that input's, else 0).
    Settings withInputs(Settings s, const QStringList& names) const;
    /// Each input's last coordinate of the point and of epsilon, by name (view memory, not
    /// part of the settings: f = 1/0 has one input, and going back to x*y keeps y).
    QHash<QString, double> m_lastPoint, m_lastEpsilon;

    Settings m_settings;
    std::optional<Expression> m_expression;
    std::shared_ptr<const SurfaceSample> m_surface = std::make_shared<const SurfaceSample>();
    Expansion m_expansion;
    CriticalPointSearch m_critical;
    int m_criticalSearches = 0;
    std::vector<Trajectory> m_trajectories;
    QUndoStack* m_undo;
};

/// Names the window can offer to make parameters (`s` as typed): the unknown symbols when the
/// declared variables do not cover the function, or, with none declared, the inputs besides
/// x and y of a function that uses x or y (`a*x^2 + b*y^2`: a and b). Else empty.
QStringList parameterCandidates(const Settings& s);

/// The inputs a function gets in the document. The rule (docs/expression-language.md):
/// the variables the person fixed (`given`: the window's Variables field, --variables, a
/// session) when there are any; otherwise inferred from f: the names it uses, alphabetical
/// (x for a constant). So sin(x) is a curve and x*y a surface, whatever came before.
/// Parameters are never inputs.
QStringList documentVariables(const QString& function, const QStringList& given,
                              ParseError* error = nullptr,
                              const std::vector<ParameterValue>& parameters = {});

} // namespace gs
