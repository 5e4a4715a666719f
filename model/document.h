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
#include <QObject>
#include <QString>
#include <QStringList>
#include <optional>

class QUndoStack;

namespace gs {

/// One optimizer run: the method and its parameters, and where it starts.
struct RunSettings {
    OptimizerOptions options;
    std::vector<double> start; ///< in input order

    bool operator==(const RunSettings&) const = default;
};

/// What a person chooses; the undoable state.
struct Settings {
    QString function = QStringLiteral("x*exp(-x^2-y^2)");
    QStringList variables; ///< empty: x, y when the function uses no others, else alphabetical
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
    std::vector<RunSettings> runs; ///< optimizer runs, drawn in this order

    bool operator==(const Settings&) const = default;
};

class Document : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxResolution = int(options::resolution.max);
    static constexpr int kMinResolution = int(options::resolution.min);
    static constexpr int kModelResolution = 41;

    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    const Settings& settings() const { return m_settings; }
    const Expression& expression() const { return *m_expression; }
    const SurfaceSample& surface() const { return m_surface; }
    const Expansion& expansion() const { return m_expansion; }
    /// One trajectory per run in settings().runs, recomputed when the runs or the function change.
    const std::vector<Trajectory>& trajectories() const { return m_trajectories; }
    /// The critical points of f on the domain (an interval for one input, the grid's two
    /// inputs otherwise, the others at the point), searched again only with the surface.
    const CriticalPointSearch& criticalPoints() const { return m_critical; }
    /// How many times the search ran (it runs only with the surface; for tests).
    int criticalPointSearches() const { return m_criticalSearches; }
    /// Gradient descent on the quadratic model at the point is stable for a learning rate
    /// below 2 / lambda_max (lambda_max the Hessian's largest eigenvalue); 0 when
    /// lambda_max <= 0 (no positive curvature: no bound from the model).
    double stableLearningRate() const;
    QStringList inputNames() const;
    GridSpec grid() const;
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

    // Convenience edits, each one undoable step; each returns the error, or empty.
    [[nodiscard]] QString setFunction(const QString& text);
    /// Moves the point in the two plotted inputs (only the first for a function of one input).
    [[nodiscard]] QString setPoint(double x, double y, int mergeId = -1);
    [[nodiscard]] QString addRun(const RunSettings& run);
    [[nodiscard]] QString removeRun(int index);
    [[nodiscard]] QString clearRuns();

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

    Settings m_settings;
    std::optional<Expression> m_expression;
    SurfaceSample m_surface;
    Expansion m_expansion;
    CriticalPointSearch m_critical;
    int m_criticalSearches = 0;
    std::vector<Trajectory> m_trajectories;
    QUndoStack* m_undo;
};

/// The input order a function gets in the document: the given variables, else x and y
/// when it uses no other names (so f = x^2 is still a surface over x and y), else
/// alphabetical, padded with y when only one name is used.
QStringList documentVariables(const QString& function, const QStringList& given,
                              ParseError* error = nullptr);

} // namespace gs
