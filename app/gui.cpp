// The window's start: the scene options of the command line, the window, the event loop.
#include "cmd_exportgraph.h"
#include "commandargs.h"
#include "commands.h"
#include "graphdock.h"
#include "mainwindow.h"
#include "options.h"

#include <QApplication>
#include <QScreen>
#include <QSettings>
#include <QTimer>
#include <QUndoStack>
#include <cstdio>

namespace gs {

int runGui(int& argc, char** argv, const QCommandLineParser& p) {
    // Bad options are reported before anything else, display or not.
    const Settings settings = sceneSettings(p);
    const QString screenshot = p.value(QStringLiteral("screenshot"));
    const bool display = !qEnvironmentVariableIsEmpty("DISPLAY") ||
                         !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
                         !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
    if (!display)
        throw EnvironmentError(
            QStringLiteral("no display to open the window on (DISPLAY is not set).\n"
                           "Run it under xvfb-run, or use --analyze or --export; see --help."));
    QApplication app(argc, argv);
    Document doc;
    if (const QString error = doc.change(settings, QStringLiteral("Start")); !error.isEmpty())
        throw UsageError(error);
    doc.undoStack()->clear(); // the start is not an undoable step
    MainWindow window(&doc);
    // The window's size and dock layout come back as the person left them.
    // (Not for --screenshot, whose pictures must not depend on the last session.)
    QSettings store;
    if (screenshot.isEmpty()) {
        window.restoreGeometry(store.value(QStringLiteral("window/geometry")).toByteArray());
        window.restoreState(store.value(QStringLiteral("window/state")).toByteArray(),
                            MainWindow::kLayoutVersion);
    }
    window.show();
    if (graphViewRequested(p)) // --view graph: the graph beside the 3-D view
        window.findChild<GraphDock*>()->present();
    if (!screenshot.isEmpty()) {
        QTimer::singleShot(1500, &window, [&] {
            const QPixmap shot = window.screen()->grabWindow(window.winId());
            const bool ok = shot.save(screenshot);
            if (ok)
                std::printf("%s\n", qPrintable(screenshot));
            else
                std::fprintf(stderr, "gradscape: could not write the screenshot '%s'\n",
                             qPrintable(screenshot));
            app.exit(ok ? 0 : int(ExitCode::Failure));
        });
    }
    const int code = app.exec();
    if (screenshot.isEmpty()) {
        store.setValue(QStringLiteral("window/geometry"), window.saveGeometry());
        store.setValue(QStringLiteral("window/state"),
                       window.saveState(MainWindow::kLayoutVersion));
    }
    return code;
}

} // namespace gs
