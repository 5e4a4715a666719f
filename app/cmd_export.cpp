// --export and --animate: the document built from arguments, rendered off screen.
#include "cmd_exportgraph.h"
#include "commandargs.h"
#include "commands.h"
#include "options.h"
#include "scenebinding.h"
#include "surfacescene.h"

#include <cstdio>

namespace gs {

namespace {

/// The settings the arguments ask for, applied to `doc`.
void buildDocument(Document& doc, const QCommandLineParser& p) {
    if (const QString error = doc.change(sceneSettings(p), QStringLiteral("Command line"));
        !error.isEmpty())
        throw UsageError(error);
}

void requireDisplay(const QString& option) {
    if (!displayAvailable())
        throw EnvironmentError(option +
                               QStringLiteral(" needs an X display (DISPLAY is not set or "
                                              "unreachable); run it as xvfb-run -a gradscape ..."));
}

/// Fonts and lines grow with the picture, relative to a 900-pixel-high window.
double pixelScale(const ImageExportOptions& o) {
    return std::max(1.0, o.height / 900.0);
}

} // namespace

int exportCommand(const QCommandLineParser& p) {
    if (graphViewRequested(p))
        return exportGraphCommand(p);
    const QString path = p.value(QStringLiteral("export"));
    const ImageExportOptions options = imageOptions(p);
    if (const std::string problem = validateImageExport(path.toStdString(), options);
        !problem.empty())
        throw UsageError(QStringLiteral("--export: ") + QString::fromStdString(problem));
    Document doc;
    buildDocument(doc, p);
    requireDisplay(QStringLiteral("--export"));
    SurfaceScene scene;
    showDocument(scene, doc, pixelScale(options));
    // The camera is fitted once the off-screen window gives the picture its aspect.
    if (const std::string error = exportImage(
            scene.renderer(), path.toStdString(), options, [&] { scene.resetCamera(); },
            ExportTeardown::ProcessExits);
        !error.empty())
        throw CommandError(ExitCode::Failure, QString::fromStdString(error));
    std::printf("%s\n", qPrintable(path));
    return 0;
}

int animateCommand(const QCommandLineParser& p) {
    const QString path = p.value(QStringLiteral("animate"));
    const ImageExportOptions options = imageOptions(p, 960, 720);
    Document doc;
    buildDocument(doc, p);
    if (doc.trajectories().empty())
        throw UsageError(
            QStringLiteral("--animate: no runs to animate; add --runs gd,newton (for example)"));
    requireDisplay(QStringLiteral("--animate"));
    int frames = 0;
    for (const Trajectory& t : doc.trajectories())
        frames = std::max(frames, t.stepCount() + 1);
    SurfaceScene scene;
    showDocument(scene, doc, pixelScale(options));
    // What remains to fail is the path and format the person asked for: bad input.
    if (const std::string error = exportAnimation(
            scene.renderer(), path.toStdString(), options, frames, 8.0,
            [&](int k) { showFrame(scene, doc, k); }, [&] { scene.resetCamera(); });
        !error.empty())
        throw UsageError(QStringLiteral("--animate: ") + QString::fromStdString(error));
    std::printf("%s\n", qPrintable(path));
    return 0;
}

} // namespace gs
