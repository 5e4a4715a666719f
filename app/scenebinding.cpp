#include "scenebinding.h"

#include "diagnostics.h"
#include "overlays.h"
#include "stepexplain.h"
#include "taylor.h"

#include <QRegularExpression>
#include <vtkActor.h> // overlays.h converts a vtkActor smart pointer inline

namespace gs {

SceneStyle sceneStyle(const Settings& s, double pixelScale) {
    SceneStyle style;
    style.showTangent = s.showTangent;
    style.showQuadratic = s.showQuadratic;
    style.showGradient = s.showGradient;
    style.shaded = s.shaded;
    style.wireLines = s.wireLines;
    style.pixelScale = pixelScale;
    style.boxHeight = s.boxAspect;
    return style;
}

QString sceneTitle(const Document& doc) {
    // A statement list "a = x+y; f = a^2" is titled by its output, the last statement:
    // "f(x, y) = a^2". A single expression keeps the name f.
    // The parser says where the last statement starts (statements end at ';' or a line
    // break; a matrix literal may span lines), so `X = ...\nU = ...\nf = ...` is titled f.
    QString name = QStringLiteral("f");
    const std::string text = doc.settings().function.toStdString();
    const std::vector<Statement>& statements = doc.expression().statements();
    const std::size_t offset =
        statements.empty() ? 0 : std::min(statements.back().offset, text.size());
    QString body = QString::fromStdString(text.substr(offset)).simplified();
    while (body.endsWith(QLatin1Char(';')))
        body = body.chopped(1).trimmed();
    static const QRegularExpression assignment(
        QStringLiteral("^([A-Za-z_]\\w*)\\s*=(?!=)\\s*(.*)$"));
    if (const auto m = assignment.match(body); m.hasMatch()) {
        name = m.captured(1);
        body = m.captured(2);
    }
    // The inputs not plotted are held at the point: the title says which slice is shown.
    const QStringList names = doc.inputNames();
    const GridSpec g = doc.grid();
    const std::vector<double>& point = doc.settings().point;
    QStringList args;
    std::vector<int> held; // indices into args of the held inputs, in order
    for (int i = 0; i < names.size(); ++i) {
        if (i == g.axisX || i == g.axisY || std::size_t(i) >= point.size()) {
            args << names[i];
        } else {
            held.push_back(int(args.size()));
            args << QStringLiteral("%1=%2").arg(
                names[i], QString::fromStdString(compactNumber(point[std::size_t(i)])));
        }
    }
    const auto title = [&](const QStringList& a) {
        return QStringLiteral("%1(%2) = %3").arg(name, a.join(QStringLiteral(", ")), body);
    };
    // Too long: the function is what the title is for, so the held inputs go first, from the
    // last, "..." in their place (the panel's boxes show their values); the plotted two stay.
    // Only then is the function itself cut (issue #9: a matrix function of six inputs was
    // titled "f(V[1,1], V[1,2], V[1,3]=0.5, ..., V[2,3]=0.5) = ..." and its body cut off).
    QString full = title(args);
    while (full.size() > kTitleLength && !held.empty()) {
        args.removeAt(held.back());
        if (!args.endsWith(QStringLiteral("...")))
            args << QStringLiteral("...");
        held.pop_back();
        full = title(args);
    }
    return elideTitle(full);
}

QString elideTitle(const QString& title) {
    if (title.size() <= kTitleLength)
        return title;
    // Cut at a character boundary (never inside a surrogate pair), then "...".
    qsizetype cut = kTitleLength - 3;
    if (title.at(cut - 1).isHighSurrogate())
        --cut;
    return title.left(cut) + QStringLiteral("...");
}

void showDocument(SurfaceScene& scene, const Document& doc, double pixelScale) {
    scene.setStyle(sceneStyle(doc.settings(), pixelScale));
    scene.setTitle(sceneTitle(doc).toStdString());
    // Empty axes say why (tester s19: the reason was only at the foot of the panel).
    scene.setMessage(nothingToPlotNote(doc).toStdString());
    const QStringList names = doc.inputNames();
    const GridSpec g = doc.grid();
    scene.setAxisTitles(names.value(g.axisX).toStdString(), names.value(g.axisY).toStdString());
    scene.setSurface(doc.sharedSurface());
    showExpansion(scene, doc);
    showRuns(scene, doc);
}

void showExpansion(SurfaceScene& scene, const Document& doc) {
    scene.setExpansion(doc.expansion());
}

namespace {
/// A run's method and the setting it uses: Newton's step is damping * d, not eta (eta only
/// bounds its safeguarded step in flat directions), so it shows its damping when < 1.
QString methodLabel(const RunSettings& r) {
    const Method m = r.options.method;
    const bool newton = m == Method::Newton || m == Method::NewtonLineSearch;
    QString label = QString::fromUtf8(displayName(m).data());
    if (!newton)
        label += QStringLiteral(" lr=%1").arg(
            QString::fromStdString(compactNumber(r.options.learningRate)));
    else if (r.options.damping != 1)
        label += QStringLiteral(" damping=%1")
                     .arg(QString::fromStdString(compactNumber(r.options.damping)));
    return label;
}
} // namespace

Rgb runColour(const Document& doc, int i) {
    const auto& runs = doc.settings().runs;
    return runColor(i >= 0 && std::size_t(i) < runs.size() ? runs[std::size_t(i)].colour : i);
}

QString runName(const Document& doc, int i) {
    const auto& runs = doc.settings().runs;
    QString label = methodLabel(runs[std::size_t(i)]);
    // Two runs alike in that (another start, other options the label does not show) are told
    // apart by their number among those alike: "Gradient descent lr=0.1 #2", in every legend.
    int alike = 0, ordinal = 0;
    for (std::size_t j = 0; j < runs.size(); ++j)
        if (methodLabel(runs[j]) == label) {
            ++alike;
            if (j <= std::size_t(i))
                ++ordinal;
        }
    if (alike > 1)
        label += QStringLiteral(" #%1").arg(ordinal);
    return label;
}

QString runLabel(const Document& doc, int i) {
    QString label = runName(doc, i);
    // A converged run says what it converged to (minimum, saddle, flat, ...), a diverged one
    // that it diverged (tester s17: only the status bar and the run list said so).
    if (std::size_t(i) < doc.trajectories().size()) {
        const Trajectory& t = doc.trajectories()[std::size_t(i)];
        if (t.endPoint)
            label += QStringLiteral(" (%1)").arg(QString::fromUtf8(t.endPoint->name().data()));
        else if (t.reason == StopReason::Diverged)
            // Why, in a word or two (tester s23: with f = 1/0 every run read "diverged", as
            // if the learning rate were to blame).
            label += t.divergence == Divergence::Undefined && t.stepCount() == 0
                         ? QStringLiteral(" (f undefined at the start)")
                     : t.divergence == Divergence::Undefined ? QStringLiteral(" (f undefined)")
                     : t.divergence == Divergence::UnboundedBelow
                         ? QStringLiteral(" (f unbounded below)")
                         : QStringLiteral(" (diverged)");
    }
    return label;
}

QString runDescription(const Document& doc, int i) {
    const RunSettings& r = doc.settings().runs[std::size_t(i)];
    const Trajectory& t = doc.trajectories()[std::size_t(i)];
    QStringList start;
    for (double v : r.start)
        start << QString::number(v, 'g', 4);
    return QStringLiteral("%1 from (%2): %3")
        .arg(runLabel(doc, i), start.join(QStringLiteral(", ")), QString::fromStdString(t.message));
}

void showRuns(SurfaceScene& scene, const Document& doc) {
    const GridSpec g = doc.grid();
    std::vector<RunPath> paths;
    for (std::size_t i = 0; i < doc.trajectories().size(); ++i) {
        RunPath p;
        for (const Step& s : doc.trajectories()[i].steps)
            p.points.emplace_back(s.x[g.axisX], s.x.size() > g.axisY ? s.x[g.axisY] : 0.0, s.value);
        p.color = runColour(doc, int(i));
        p.label = runLabel(doc, int(i)).toStdString();
        paths.push_back(std::move(p));
    }
    scene.setRuns(paths);
}

std::vector<ChartSeries> lossSeries(const Document& doc, const StateColumn& quantity) {
    const auto n = Eigen::Index(doc.inputNames().size());
    std::vector<ChartSeries> series;
    for (std::size_t i = 0; i < doc.trajectories().size(); ++i) {
        ChartSeries s;
        s.name = runLabel(doc, int(i)).toStdString();
        s.color = runColour(doc, int(i));
        s.diverged = doc.trajectories()[i].reason == StopReason::Diverged;
        for (const Step& step : doc.trajectories()[i].steps) {
            const std::optional<double> v = stateValue(step, quantity, n);
            if (!v)
                break;
            s.values.push_back(*v);
        }
        series.push_back(std::move(s));
    }
    return series;
}

void showFrame(SurfaceScene& scene, const Document& doc, int frame, int onlyRun) {
    scene.setFrame(frame);
    scene.clearNewtonModel();
    if (frame < 0)
        return;
    for (std::size_t i = 0; i < doc.trajectories().size(); ++i) {
        const Trajectory& t = doc.trajectories()[i];
        const Method method = doc.settings().runs[i].options.method;
        if ((onlyRun >= 0 && int(i) != onlyRun) ||
            (method != Method::Newton && method != Method::NewtonLineSearch) ||
            frame >= t.stepCount())
            continue;
        // The step from iterate `frame` jumps to the minimum of this quadratic model.
        const Eigen::VectorXd& x = t.steps[std::size_t(frame)].x;
        // Within the quadratic radius of the iterate, like the quadratic at the point; the
        // label says what that step actually was (pure, damped, safeguarded).
        const GridSpec g = doc.modelGrid(x);
        scene.setNewtonModel(g, taylor(doc.expression(), x, 2).sampleGrid(g),
                             newtonStepText(t.steps[std::size_t(frame) + 1], frame + 1));
        return;
    }
}

std::optional<StepMarks> stepMarks(const Document& doc, const StepFocus& focus) {
    if (focus.run < 0 || std::size_t(focus.run) >= doc.trajectories().size())
        return std::nullopt;
    const RunSettings& run = doc.settings().runs[std::size_t(focus.run)];
    const auto e =
        explainStep(doc.trajectories()[std::size_t(focus.run)], run.options, focus.frame);
    if (!e)
        return std::nullopt;
    const GridSpec g = doc.grid();
    const StepArrows& a = e->arrows;
    auto plotted = [&](const Eigen::VectorXd& v) -> std::optional<Eigen::Vector2d> {
        if (v.size() <= g.axisX)
            return std::nullopt;
        return Eigen::Vector2d(v[g.axisX], v.size() > g.axisY ? v[g.axisY] : 0.0);
    };
    const int count = int(e->subSteps.size());
    const int shown = focus.subStep < 0 || focus.subStep >= count ? count - 1 : focus.subStep;
    StepMarks m;
    m.point = *plotted(a.point);
    m.value = a.value;
    m.gradientStep = plotted(a.gradientStep);
    // The moment (Newton's direction) appears with the second sub-step, the rectangle with
    // the scaling (the one before the step), the step taken with the last.
    if (shown >= 1)
        m.momentStep = plotted(a.momentStep);
    if (shown >= count - 2 && count >= 4)
        m.rate = plotted(a.rate);
    if (shown == count - 1)
        m.update = plotted(a.update);
    m.momentLabel = a.momentLabel;
    m.momentRole = a.momentRole;
    return m;
}

} // namespace gs
