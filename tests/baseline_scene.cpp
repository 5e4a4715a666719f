// One baseline image test per scene, in the style of f3d's tests: runs `gradscape --export`
// with the scene's arguments and compares the picture with tests/baselines/NAME.png.
//   baseline_scene NAME [gradscape arguments...]
// On a difference the actual image is kept in the build's test-output folder. With
// GRADSCAPE_UPDATE_BASELINES=1 the actual image becomes the baseline (review it first).
#include "imagecompare.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <cstdio>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty()) {
        std::fprintf(stderr, "usage: baseline_scene NAME [gradscape arguments...]\n");
        return 2;
    }
    const QString name = args.takeFirst();
    QTemporaryDir dir;
    const QString actualPath = dir.filePath(name + QStringLiteral(".png"));
    QProcess gradscape;
    gradscape.setProcessChannelMode(QProcess::ForwardedChannels);
    gradscape.start(QStringLiteral(GRADSCAPE_BINARY),
                    args + QStringList{QStringLiteral("--export"), actualPath});
    if (!gradscape.waitForFinished(120000) || gradscape.exitStatus() != QProcess::NormalExit ||
        gradscape.exitCode() != 0) {
        std::fprintf(stderr, "FAIL %s: gradscape --export exited with %d\n", qPrintable(name),
                     gradscape.exitCode());
        return 1;
    }
    const QString baseline =
        QStringLiteral(GRADSCAPE_BASELINES "/") + name + QStringLiteral(".png");
    if (qEnvironmentVariableIntValue("GRADSCAPE_UPDATE_BASELINES") == 1) {
        QFile::remove(baseline);
        QFile::copy(actualPath, baseline);
        std::printf("updated %s\n", qPrintable(baseline));
        return 0;
    }
    const QImage actual(actualPath);
    const QImage expected(baseline);
    const auto d = gs::test::compareImages(actual, expected);
    // Anti-aliasing and font hinting move a few edge pixels; a changed scene moves many.
    const bool same = d.problem.isEmpty() && d.meanAbsolute <= 1.5 && d.fractionOff <= 0.005;
    std::printf("%s: mean difference %.3f, %.3f%% of pixels off\n", qPrintable(name),
                d.meanAbsolute, 100 * d.fractionOff);
    if (same)
        return 0;
    const QString kept = gs::test::failureOutput(name + QStringLiteral(".actual.png"));
    QFile::remove(kept);
    QFile::copy(actualPath, kept);
    std::fprintf(stderr, "FAIL %s: differs from %s (%s); actual image kept at %s\n",
                 qPrintable(name), qPrintable(baseline),
                 qPrintable(d.problem.isEmpty() ? QStringLiteral("pixels") : d.problem),
                 qPrintable(kept));
    return 1;
}
