
#include "commandargs.h"
#include "commands.h"
#include "graphview.h"
#include "options.h"
#include "optiontable.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <cstdio>

namespace gs {

bool graphViewRequested(const QCommandLineParser& p) {
    return p.isSet(QStringLiteral("view")) &&
           p.value(QStringLiteral("view")).trimmed().toLower() == QLatin1String("graph");
}

int exportGraphCommand(const QCommandLineParser& p) {
    const QString path = p.value(QStringLiteral("export"));
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        throw UsageError(
            QStringLiteral("--export: '%1': --view graph writes .png or .svg").arg(path));
    const ImageExportOptions image = imageOptions(p);
    const Expression f = functionOption(p);
    Eigen::VectorXd x = Eigen::VectorXd::Zero(Eigen::Index(f.inputCount()));
    if (p.isSet(QStringLiteral("point")))
        x = parseNumberList(QStringLiteral("--point"), p.value(QStringLiteral("point")),
                            int(f.inputCount()));
    GraphScene scene;
    scene.setGranularity(granularityOption(p));
    if (const QString error = scene.setFunction(f, x); !error.isEmpty())
        throw CommandError(ExitCode::Failure, error);
    scene.setHighlightWork(false); // both passes done, nothing at work
    // Without --size, twice the drawing's own size (within the image size limits).
    QSize size(image.width, image.height);
    if (!p.isSet(QStringLiteral("size")))
        size = scene.naturalImageSize(2.0).boundedTo(
            QSize(int(options::imageSide.max), int(options::imageSide.max)));
    if (const QString error = exportGraphScene(scene, path, size); !error.isEmpty())
        throw CommandError(ExitCode::Failure, QStringLiteral("--export: ") + error);
    std::printf("%s\n", qPrintable(path));
    return 0;
}

} // namespace gs
