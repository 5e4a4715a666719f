
#include "commandargs.h"
#include "commands.h"
#include "graphview.h"
#include "options.h"
#include "optiontable.h"
#include "sceneexport.h"

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
                            int(f.inputCount()), inputNames(f));
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
    // The folder and the size checked first, as the other views' exports are (bad input,
    // exit 2; tester s11: a missing folder was exit 1, "cannot write", no reason).
    ImageExportOptions checked = image;
    checked.width = size.width();
    checked.height = size.height();
    if (const std::string problem = validateImageExport(path.toStdString(), checked);
        !problem.empty())
        throw UsageError(QStringLiteral("--export: ") + QString::fromStdString(problem));
    if (const QString error = exportGraphScene(scene, path, size); !error.isEmpty())
        throw CommandError(ExitCode::Failure, QStringLiteral("--export: ") + error);
    std::printf("%s\n", qPrintable(path));
    return 0;
}

} // namespace gs
