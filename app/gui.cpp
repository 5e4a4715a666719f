// The window's start: the scene options of the command line, the window, the event loop.
#include "commandargs.h"
#include "commands.h"
#include "graphdock.h"
#include "mainwindow.h"
#include "options.h"
#include "preferences.h"
#include "sceneexport.h"
#include "sessioncontroller.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
#include <QOpenGLWindow>
#include <QPainter>
#include <QSettings>
#include <QTimer>
#include <QUndoStack>
#include <QWindow>
#include <cstdio>
#include <cstdlib>

// The icon is a resource of the static app library: registered here, outside any namespace.
static void initIconResource() {
    Q_INIT_RESOURCE(help);
}

namespace gs {

namespace {

/// The window as it paints itself: its widgets (QWidget::grab) with each view's OpenGL window
/// (the 3-D and 2-D views and charts are QOpenGLWindows in containers, which grab() leaves
/// blank) drawn from its framebuffer in its place. Not the screen's pixels: on a shared
/// display (ctest -j2 under one Xvfb) another program's window lying over ours was in the
/// picture (test_cli screenshotFollowsPreferences: a dark-theme shot came out light).
QPixmap windowPicture(QWidget& window) {
    QPixmap shot = window.grab();
    QPainter painter(&shot);
    const QPoint origin = window.mapToGlobal(QPoint(0, 0));
    for (QWindow* w : QGuiApplication::allWindows()) {
        auto* view = qobject_cast<QOpenGLWindow*>(w);
        if (!view || !view->isVisible() || !view->isExposed())
            continue;
        const QWindow* top = view;
        while (top->parent())
            top = top->parent();
        if (top != window.windowHandle())
            continue; // a floating dock's or another window's
        const QRect where(view->mapToGlobal(QPoint(0, 0)) - origin, view->size());
        painter.drawImage(where, view->grabFramebuffer());
    }
    return shot;
}

} // namespace

int runGui(int& argc, char** argv, const QCommandLineParser& p) {
    // The session to open: `gradscape FILE` or --session FILE. A file that cannot be used
    // is said in the window (a file manager shows no terminal), and on stderr.
    const QString sessionFile =
        p.positionalArguments().value(0, p.value(QStringLiteral("session")));
    std::optional<Session> session;
    QString sessionError;
    if (!sessionFile.isEmpty()) {
        SessionRead r = readSession(sessionFile);
        if (r.session) {
            QString cameraError;
            surfaceCamera(r.session->views, &cameraError);
            if (cameraError.isEmpty())
                session = std::move(r.session);
            else
                r.error = QFileInfo(sessionFile).fileName() + QStringLiteral(": ") + cameraError;
        }
        sessionError = r.error;
        if (!sessionError.isEmpty())
            std::fprintf(stderr, "gradscape: %s\n", qPrintable(sessionError));
    }
    // Bad options are reported before anything else, display or not.
    const Settings settings = sceneSettings(p, session ? &*session : nullptr);
    const QString screenshot = p.value(QStringLiteral("screenshot"));
    if (!screenshot.isEmpty()) { // its folder and type, before any window (bad input: exit 2)
        ImageExportOptions checked;
        checked.width = checked.height = 64; // the screen's size, known later
        if (const std::string problem = validateImageExport(screenshot.toStdString(), checked);
            !problem.empty())
            throw UsageError(QStringLiteral("--screenshot: ") + QString::fromStdString(problem));
        const QString type = QFileInfo(screenshot).suffix().toLower();
        if (type == QLatin1String("svg") || type == QLatin1String("pdf"))
            throw UsageError(QStringLiteral("--screenshot: '%1': a screenshot is a picture of "
                                            "the screen, .png or .jpg (--export writes figures)")
                                 .arg(screenshot));
    }
    const bool display = !qEnvironmentVariableIsEmpty("DISPLAY") ||
                         !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
                         !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
    if (!display)
        throw EnvironmentError(
            QStringLiteral("no display to open the window on (DISPLAY is not set).\n"
                           "Run it under xvfb-run, or use --analyze or --export; see --help."));
    // An X display named but not there: Qt's xcb plugin would abort (exit 134, a core file).
    if (qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && !displayAvailable())
        throw EnvironmentError(
            QStringLiteral("cannot connect to the X display '%1' (DISPLAY): is the X server "
                           "running?\nRun it under xvfb-run, or use --analyze or --export; see "
                           "--help.")
                .arg(qEnvironmentVariable("DISPLAY")));
    QApplication app(argc, argv);
    // The installed theme's icon (hicolor, docs/install.md), else the one built in.
    initIconResource();
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("gradscape"),
                                                 QIcon(QStringLiteral(":/help/gradscape.svg"))));
    // The person's preferences: the theme, colours and font scale, and the resolution and
    // wire lines of a new document (not given by an option or a session). A --screenshot shows
    // the window as the person sees it, so it reads them too, as it reads the view tab; a
    // picture the same everywhere (the README's) is taken with fresh settings
    // (XDG_CONFIG_HOME=an empty folder). Only the saved size and dock layout are not used: the
    // picture's size is the screen's.
    Settings start = session ? session->settings : settings;
    {
        const Preferences preferences = loadPreferences(QSettings());
        applyPreferencesToApplication(preferences);
        if (!session && !p.isSet(QStringLiteral("resolution")))
            start.resolution = preferences.resolution;
        if (!session && !p.isSet(QStringLiteral("wire-lines")))
            start.wireLines = preferences.wireLines;
    }
    Document doc;
    if (const QString error = doc.change(start, QStringLiteral("Start")); !error.isEmpty())
        throw UsageError(error);
    doc.undoStack()->clear(); // the start is not an undoable step
    MainWindow window(&doc);
    if (session) {
        window.session()->adopt(sessionFile, *session);
        // Options given with the session are an edit of it: undoable, and marked unsaved.
        if (const QString error = doc.change(settings, QObject::tr("Command-line options"));
            !error.isEmpty())
            throw UsageError(error);
    }
    // The window's size and dock layout come back as the person left them.
    // (Not for --screenshot, whose pictures must not depend on the last session.)
    QSettings store;
    if (screenshot.isEmpty()) {
        window.restoreGeometry(store.value(QStringLiteral("window/geometry")).toByteArray());
        window.restoreState(store.value(QStringLiteral("window/state")).toByteArray(),
                            MainWindow::kLayoutVersion);
    }
    window.show();
    // Once laid out (the dock in front is known from what is seen).
    QTimer::singleShot(0, &window, [&window] { window.frontDockWithContent(); });
    if (!sessionError.isEmpty() && screenshot.isEmpty()) // stderr only for a screenshot
        QTimer::singleShot(0, &window, [&] {
            QMessageBox::warning(
                &window, QObject::tr("Open Session"),
                QObject::tr("The session could not be opened.\n\n%1").arg(sessionError));
        });
    if (graphViewRequested(p)) // --view graph: the graph's tab
        window.showViewTab(2);
    if (!screenshot.isEmpty()) {
        // Taken once the window has been on the screen a while (its views drawn), not a fixed
        // time after show(): on a loaded machine the window was not yet painted after 1.5 s
        // and the picture was the bare white window (test_cli screenshotFollowsPreferences,
        // failing now and then under ctest -j2).
        auto* poll = new QTimer(&window);
        auto* onScreen = new QElapsedTimer;
        QObject::connect(poll, &QTimer::destroyed, [onScreen] { delete onScreen; });
        QObject::connect(poll, &QTimer::timeout, &window, [&, poll, onScreen] {
            const QWindow* handle = window.windowHandle();
            if (!handle || !handle->isExposed()) {
                onScreen->invalidate();
                return;
            }
            if (!onScreen->isValid())
                onScreen->start();
            if (onScreen->elapsed() < 1000)
                return;
            poll->stop();
            const QPixmap shot = windowPicture(window);
            const bool ok = shot.save(screenshot);
            if (ok)
                std::printf("%s\n", qPrintable(screenshot));
            else
                std::fprintf(stderr, "gradscape: could not write the screenshot '%s'\n",
                             qPrintable(screenshot));
            app.exit(ok ? 0 : int(ExitCode::Failure));
        });
        poll->start(100);
    }
    const int code = app.exec();
    if (!screenshot.isEmpty()) {
        // A one-shot command, as the headless ones (main.cpp): it leaves without tearing the
        // window, VTK and the GL driver down. (Under ASan the teardown unloaded Mesa and
        // LeakSanitizer then reported its blocks from an "<unknown module>", which no
        // suppression can name: test_cli screenshotFollowsPreferences.)
        std::fflush(stdout);
        std::fflush(stderr);
        std::_Exit(code);
    }
    store.setValue(QStringLiteral("window/geometry"), window.saveGeometry());
    store.setValue(QStringLiteral("window/state"), window.saveState(MainWindow::kLayoutVersion));
    return code;
}

} // namespace gs
