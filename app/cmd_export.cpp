// --export and --animate: the document built from arguments, rendered off screen.
#include "commandargs.h"
#include "commands.h"
#include "options.h"
#include "planebinding.h"
#include "scenebinding.h"
#include "sceneexport.h"
#include "sessioncontroller.h"
#include "surfacescene.h"
#include "vectorexport.h"

#include <QFileInfo>
#include <QScopeGuard>
#include <cstdio>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

namespace gs {

struct FigureCache::Kept {
    std::unique_ptr<Document> doc;
    int surfaceVersion = 0; ///< counts the document's new surfaces
    std::unique_ptr<SurfaceScene> scene;
    int sceneSurface = -1; ///< the surfaceVersion the scene shows
};

FigureCache::FigureCache()
    : m_windows(std::make_unique<ExportWindows>())
    , m_kept(std::make_unique<Kept>()) {}

FigureCache::~FigureCache() = default;

namespace {

/// The settings the arguments ask for (on top of `session`'s), applied to `doc`.
void buildDocument(Document& doc, const QCommandLineParser& p,
                   const std::optional<Session>& session) {
    if (const QString error = doc.change(sceneSettings(p, session ? &*session : nullptr),
                                         QStringLiteral("Command line"));
        !error.isEmpty())
        throw UsageError(error);
}

/// The camera a session saved for the 3-D view, if it has one; a malformed one is bad input.
std::optional<CameraState> sessionCamera(const QCommandLineParser& p,
                                         const std::optional<Session>& session) {
    if (!session)
        return std::nullopt;
    QString error;
    const auto camera = surfaceCamera(session->views, &error);
    if (!error.isEmpty())
        throw UsageError(QStringLiteral("--session: %1: %2")
                             .arg(QFileInfo(p.value(QStringLiteral("session"))).fileName(), error));
    return camera;
}

void requireDisplay(const QString& option) {
    if (!displayAvailable())
        throw EnvironmentError(option +
                               QStringLiteral(" needs an X display (DISPLAY is not set or "
                                              "unreachable); run it as xvfb-run -a gradscape ..."));
}

/// The view `--view` asks for (the function's default without it); one that cannot show
/// this function is bad input.
ViewKind requestedView(const QCommandLineParser& p, const Document& doc) {
    if (!p.isSet(QStringLiteral("view")))
        return defaultView(doc);
    const QString text = p.value(QStringLiteral("view"));
    const auto view = parseViewKind(text);
    if (!view)
        throw UsageError(QStringLiteral("--view: '%1' is not a view; use one of %2|graph")
                             .arg(text, viewKindNames())); // graph: cmd_exportgraph.cpp
    const bool oneInput = doc.expression().inputCount() == 1;
    if (*view == ViewKind::Curve && !oneInput)
        throw UsageError(QStringLiteral("--view curve: needs a function of one input (this one "
                                        "has %1); use surface or contour")
                             .arg(doc.expression().inputCount()));
    if (*view == ViewKind::Contour && oneInput)
        throw UsageError(
            QStringLiteral("--view contour: needs a function of two or more inputs; use curve"));
    return *view;
}

/// The view --animate draws: the function's default (the curve for one input, as --export)
/// or the 3-D, contour or curve view --view asks for; a view that draws no runs (graph), or
/// cannot show this function, is bad input.
ViewKind animatedView(const QCommandLineParser& p, const Document& doc) {
    if (!p.isSet(QStringLiteral("view")))
        return defaultView(doc);
    const QString text = p.value(QStringLiteral("view"));
    const std::optional<ViewKind> view = parseViewKind(text);
    if (view == ViewKind::Surface)
        return *view;
    const bool oneInput = doc.expression().inputCount() == 1;
    if ((view == ViewKind::Contour && !oneInput) || (view == ViewKind::Curve && oneInput))
        return *view;
    if (view == ViewKind::Contour)
        throw UsageError(QStringLiteral("--animate: --view contour needs a function of two or "
                                        "more inputs; use --view curve or surface"));
    if (view == ViewKind::Curve)
        throw UsageError(QStringLiteral("--animate: --view curve needs a function of one input; "
                                        "use --view contour or surface"));
    if (view || graphViewRequested(p))
        throw UsageError(QStringLiteral("--animate: --view %1 draws no runs to animate; use "
                                        "--view surface, contour or curve")
                             .arg(text.trimmed()));
    throw UsageError(QStringLiteral("--animate: --view: '%1' is not a view; use surface, "
                                    "contour or curve")
                         .arg(text));
}

/// What --frame and --show state ask for: the iterate the runs are drawn up to (none: whole)
/// and the first run's state there.
struct ExportFrame {
    std::optional<int> frame;
    std::optional<StepFocus> state;
};

ExportFrame exportFrame(const QCommandLineParser& p, const Document& doc, ViewKind view) {
    ExportFrame out;
    const bool state = showsState(p);
    if (p.isSet(QStringLiteral("frame")))
        out.frame = int(parseOption(options::frame, p.value(QStringLiteral("frame"))));
    if (!state && !out.frame)
        return out;
    const QString what = state ? QStringLiteral("--show state") : QStringLiteral("--frame");
    const auto& runs = doc.trajectories();
    if (runs.empty())
        throw UsageError(
            what + QStringLiteral(": there are no runs to show; add --runs adam (for example)"));
    if (!state) {
        int longest = 0;
        for (const Trajectory& t : runs)
            longest = std::max(longest, t.stepCount());
        if (*out.frame > longest)
            throw UsageError(QStringLiteral("--frame: %1 is past the runs' last iterate: the "
                                            "longest run took %2 steps (frames 0 to %2)")
                                 .arg(*out.frame)
                                 .arg(longest));
        return out;
    }
    if (view == ViewKind::Curve)
        throw UsageError(QStringLiteral("--show state: the curve view draws no state; use "
                                        "--view surface or contour (a function of two inputs)"));
    const QString name =
        QString::fromUtf8(toString(doc.settings().runs.front().options.method).data());
    const int steps = runs.front().stepCount();
    const int frame = out.frame.value_or(0);
    if (frame >= steps)
        throw UsageError(
            steps == 0
                ? QStringLiteral("--show state: run 1 (%1) took no step, so it has no state to "
                                 "draw")
                      .arg(name)
                : QStringLiteral("--show state: --frame %1 is out of range: run 1 (%2) took %3 "
                                 "steps, so its state is drawn at frames 0 to %4")
                      .arg(frame)
                      .arg(name)
                      .arg(steps)
                      .arg(steps - 1));
    out.frame = frame;
    out.state = StepFocus{0, frame, -1};
    return out;
}

/// Fonts and lines follow the picture's size (figurePixelScale).
double pixelScale(const ImageExportOptions& o) {
    return figurePixelScale(o.height);
}

} // namespace

int exportCommand(const QCommandLineParser& p) {
    if (graphViewRequested(p))
        return exportGraphCommand(p);
    std::printf("%s\n", qPrintable(exportFigure(p, /*processExits=*/true)));
    return 0;
}

QString exportFigure(const QCommandLineParser& p, bool processExits, FigureCache* cache) {
    const ExportTeardown teardown =
        processExits ? ExportTeardown::ProcessExits : ExportTeardown::Release;
    const QString path = p.value(QStringLiteral("export"));
    const ImageExportOptions options = imageOptions(p);
    if (const std::string problem = validateImageExport(path.toStdString(), options);
        !problem.empty())
        throw UsageError(QStringLiteral("--export: ") + QString::fromStdString(problem));
    const std::optional<Session> session = sessionOption(p);
    const std::optional<CameraState> camera = sessionCamera(p, session);
    // A batch's document follows its figures: changed to this one's settings, it samples and
    // searches again only what differs from the last figure's (Document::change).
    std::unique_ptr<Document> ownDoc;
    FigureCache::Kept* kept = cache ? &cache->kept() : nullptr;
    if (kept && !kept->doc)
        kept->doc = std::make_unique<Document>();
    if (!kept)
        ownDoc = std::make_unique<Document>();
    Document& doc = kept ? *kept->doc : *ownDoc;
    {
        bool newSurface = false;
        const QMetaObject::Connection c =
            QObject::connect(&doc, &Document::changed, [&newSurface](int what) {
                newSurface = newSurface || (what & Document::SurfaceChange);
            });
        const auto disconnect = qScopeGuard([&] { QObject::disconnect(c); });
        buildDocument(doc, p, session);
        if (kept && newSurface)
            ++kept->surfaceVersion;
    }
    const ViewKind view = requestedView(p, doc);
    const ExportFrame frame = exportFrame(p, doc, view);
    const std::optional<StepMarks> marks =
        frame.state ? stepMarks(doc, *frame.state) : std::nullopt;
    if (frame.state && !marks) // a run with a step there has its state: not expected
        throw UsageError(
            QStringLiteral("--show state: run 1 has no state at frame %1").arg(frame.state->frame));
    requireDisplay(QStringLiteral("--export"));
    // The picture is still written (a figure may show just that), but said in words, as the
    // window's note does.
    if (doc.surface().z.size() > 0 && !doc.surface().anyFinite)
        std::fprintf(stderr,
                     "gradscape: note: f %s everywhere on the domain: the picture shows no %s "
                     "of it\n",
                     !doc.surface().z.isNaN().any()   ? "is infinite (±inf)"
                     : !doc.surface().z.isInf().any() ? "is undefined"
                                                      : "is undefined or infinite",
                     doc.expression().inputCount() == 1 ? "curve" : "surface");
    const Settings& s = doc.settings();
    const auto outside = [&](int i, double lo, double hi) {
        return std::size_t(i) < s.point.size() && (s.point[i] < lo || s.point[i] > hi);
    };
    if (outside(s.plotX, s.xmin, s.xmax) ||
        (doc.expression().inputCount() > 1 && outside(s.plotY, s.ymin, s.ymax)))
        std::fprintf(stderr,
                     "gradscape: note: the point is outside the plotted domain: its marker, "
                     "planes and arrows are not drawn\n");
    std::string error;
    ExportWindows* windows = cache ? &cache->windows() : nullptr;
    if (view == ViewKind::Surface) {
        // A batch draws every 3-D figure with one scene: on the surface it already shows,
        // only the point's overlays, the runs, the markers and the style are set again.
        // (A vector figure is drawn by its own off-screen passes: a scene of its own. So is
        // a figure with a session's camera: in a kept scene, a few pixels of its axes' labels
        // and arrows came out different from a fresh scene's, measured.)
        FigureCache::Kept* keptScene = isVectorPath(path.toStdString()) || camera ? nullptr : kept;
        std::unique_ptr<SurfaceScene> ownScene;
        // A new surface gets a new scene: rebuilt in place, the models at the point came out
        // a few pixels different from a fresh scene's (measured: 38 of 280 x 210 pixels).
        if (keptScene && keptScene->sceneSurface != keptScene->surfaceVersion) {
            keptScene->scene = std::make_unique<SurfaceScene>();
            keptScene->sceneSurface = -1;
        }
        if (!keptScene)
            ownScene = std::make_unique<SurfaceScene>();
        SurfaceScene& scene = keptScene ? *keptScene->scene : *ownScene;
        if (keptScene && keptScene->sceneSurface == keptScene->surfaceVersion) {
            scene.setStyle(sceneStyle(doc.settings(), pixelScale(options)));
            scene.setTitle(sceneTitle(doc).toStdString());
            const QStringList names = doc.inputNames();
            const GridSpec g = doc.grid();
            scene.setAxisTitles(names.value(g.axisX).toStdString(),
                                names.value(g.axisY).toStdString());
            showExpansion(scene, doc);
            showRuns(scene, doc);
        } else {
            showDocument(scene, doc, pixelScale(options));
            if (keptScene)
                keptScene->sceneSurface = keptScene->surfaceVersion;
        }
        // What the last figure of a batch showed and this one does not is cleared.
        if (showsCriticalPoints(p))
            showCriticalPoints(scene, doc);
        else if (keptScene)
            scene.setCriticalPoints({});
        if (frame.frame)
            showFrame(scene, doc, *frame.frame, frame.state ? frame.state->run : -1);
        else if (keptScene)
            showFrame(scene, doc, -1);
        scene.setStepMarks(marks);
        // The camera is fitted once the off-screen window gives the picture its aspect (or
        // is the session's own).
        const auto placeCamera = [&] {
            if (camera) // framed for this picture's aspect as in the saved view
                scene.restoreCamera(*camera, scene.renderer()->GetTiledAspectRatio());
            else
                scene.resetCamera();
        };
        if (keptScene)
            windows->keepRenderer(scene.renderer());
        error = exportImage(scene.renderer(), path.toStdString(), options, placeCamera, teardown,
                            windows);
    } else if (view == ViewKind::Contour) {
        ContourScene scene;
        showContour(scene, doc, pixelScale(options));
        scene.setStepMarks(marks);
        // Framed with the runs' whole paths, then cut at the frame, as --animate frames it; and
        // drawn once before the picture: the legends' places are decided against what the
        // last layout drew (the point legend, the labels), and an animation's frame comes after
        // others, so a frame exported alone put the run legend in another corner (test_cli
        // animateContourView).
        error = exportImage(
            scene.renderer(), path.toStdString(), options,
            [&] {
                scene.resetCamera();
                if (frame.frame)
                    scene.setFrame(*frame.frame);
                if (vtkRenderWindow* w = scene.renderer()->GetRenderWindow())
                    w->Render();
            },
            teardown, windows);
    } else {
        CurveScene scene;
        showCurve(scene, doc, pixelScale(options));
        error = exportImage(
            scene.renderer(), path.toStdString(), options,
            [&] {
                scene.resetCamera();
                if (frame.frame)
                    scene.setFrame(*frame.frame);
            },
            teardown, windows);
    }
    if (!error.empty())
        throw CommandError(ExitCode::Failure, QString::fromStdString(error));
    return path;
}

int animateCommand(const QCommandLineParser& p) {
    const QString path = p.value(QStringLiteral("animate"));
    const ImageExportOptions options = imageOptions(p, 960, 720);
    const std::optional<Session> session = sessionOption(p);
    const std::optional<CameraState> camera = sessionCamera(p, session);
    Document doc;
    buildDocument(doc, p, session);
    if (doc.trajectories().empty())
        throw UsageError(
            QStringLiteral("--animate: no runs to animate; add --runs gd,newton (for example)"));
    // The 3-D view unless --view asks for the contour view (issue #9: --view contour was
    // ignored) or the curve (one input); the graph draws no runs to animate.
    const ViewKind view = animatedView(p, doc);
    requireDisplay(QStringLiteral("--animate"));
    int frames = 0;
    for (const Trajectory& t : doc.trajectories())
        frames = std::max(frames, t.stepCount() + 1);
    SurfaceScene surface;
    ContourScene plane;
    CurveScene curve;
    vtkRenderer* renderer = surface.renderer();
    if (view == ViewKind::Contour) {
        showContour(plane, doc, pixelScale(options));
        renderer = plane.renderer();
    } else if (view == ViewKind::Curve) {
        showCurve(curve, doc, pixelScale(options));
        renderer = curve.renderer();
    } else {
        showDocument(surface, doc, pixelScale(options));
    }
    if (const std::string error = exportAnimation(
            renderer, path.toStdString(), options, frames, 8.0,
            [&](int k) {
                if (view == ViewKind::Contour)
                    plane.setFrame(k);
                else if (view == ViewKind::Curve)
                    curve.setFrame(k);
                else
                    showFrame(surface, doc, k);
            },
            [&] {
                if (view == ViewKind::Contour)
                    plane.resetCamera();
                else if (view == ViewKind::Curve)
                    curve.resetCamera();
                else if (camera)
                    surface.restoreCamera(*camera, surface.renderer()->GetTiledAspectRatio());
                else
                    surface.resetCamera();
            });
        !error.empty()) {
        // A write that failed once the checks passed is a failure (exit 1), as --export's;
        // the rest is the path or format the person asked for (exit 2).
        const QString message = QStringLiteral("--animate: ") + QString::fromStdString(error);
        if (error.starts_with("could not "))
            throw CommandError(ExitCode::Failure, message);
        throw UsageError(message);
    }
    std::printf("%s\n", qPrintable(path));
    return 0;
}

} // namespace gs
