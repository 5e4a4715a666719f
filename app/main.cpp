#include "cli.h"

#include <QApplication>
#include <QCoreApplication>
#include <cstdio>
#include <cstdlib>
#include <memory>

int main(int argc, char** argv) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QCoreApplication::setApplicationName(QStringLiteral("gradscape"));
    QCoreApplication::setOrganizationName(QStringLiteral("gradscape"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GRADSCAPE_VERSION));
    const gs::CommandLine line(arguments); // parsed once, for a command or the window
    if (line.headless()) {
        // Painting with Qt (the graph export) needs a QApplication: an off-screen one.
        std::unique_ptr<QCoreApplication> app;
        if (line.paintsWithQt()) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            app = std::make_unique<QApplication>(argc, argv);
        } else {
            app = std::make_unique<QCoreApplication>(argc, argv);
        }
        const int code = gs::runCommandLine(line);
        // A headless command is finished: leave without tearing down VTK and Qt, which
        // took longer than the export itself (docs/benchmarks.md). Output is flushed first.
        std::fflush(stdout);
        std::fflush(stderr);
        std::_Exit(code);
    }
    return gs::runWindow(argc, argv, line);
}
