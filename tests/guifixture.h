#pragma once
// The window fixture of the GUI tests (test_gui, test_matrixpanel): settings in a test
// location, a document and its MainWindow per test function, shown and drawn before the test
// starts. The waits are for conditions (the window exposed, the 3-D view's first frame on
// screen) with generous limits: a loaded machine takes longer, never fails a fixed sleep.

#include "document.h"
#include "mainwindow.h"
#include "surfaceview.h"

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QMenu>
#include <QMenuBar>
#include <QOpenGLWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>
#include <QWindow>
#include <cstdlib>

#if defined(__SANITIZE_ADDRESS__)
#include <dlfcn.h>
#include <link.h>
#endif

namespace gs::test {

/// Under AddressSanitizer: keeps every module loaded now (Mesa's driver, Qt's plugins, ICU)
/// loaded until exit. Qt and Mesa unload some before LeakSanitizer reports at exit, and a leak
/// in an unloaded module has no name a suppression (tests/lsan.supp) can match. Elsewhere a
/// no-op.
inline void pinLoadedModules() {
#if defined(__SANITIZE_ADDRESS__)
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void*) {
            if (info->dlpi_name && *info->dlpi_name) // the program itself has no name
                dlopen(info->dlpi_name, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
            return 0;
        },
        nullptr);
#endif
}

/// Far more than a first frame takes on the shared 2-core machine under a load of 16 (a few
/// seconds); a wait ends as soon as its condition holds.
constexpr int kFirstFrameTimeoutMs = 120000;

/// The window's Examples menu, found by its title as a person finds it (nullptr if none).
inline QMenu* examplesMenu(QMainWindow* window) {
    for (QAction* a : window->menuBar()->actions())
        if (a->text().contains(QStringLiteral("xamples")))
            return a->menu();
    return nullptr;
}

/// The Examples menu's entry whose text contains `text`, or null.
inline QAction* exampleAction(QMainWindow* window, const QString& text) {
    if (QMenu* examples = examplesMenu(window))
        for (QAction* a : examples->actions())
            if (a->text().contains(text))
                return a;
    return nullptr;
}

/// Settings (remembered export options, preferences, the view tab) go to a folder of this
/// process's own, removed at exit: each run starts from the defaults, never from the person's,
/// and two test processes at once (two checkouts, ctest -j) never read each other's.
inline void useTestSettings() {
    QStandardPaths::setTestModeEnabled(true);
    static QTemporaryDir folder;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, folder.path());
    QCoreApplication::setOrganizationName(QStringLiteral("gradscape-test"));
    QSettings().clear();
}

/// Waits until `frames` (a spy on a view's QOpenGLWindow::frameSwapped, made before the view
/// could draw) has seen a frame, then lets the events the frame posted run (the refit after
/// the layout settles). False when no frame came within the limit.
[[nodiscard]] inline bool waitForFrame(QSignalSpy& frames, int timeoutMs = kFirstFrameTimeoutMs) {
    if (!QTest::qWaitFor([&] { return frames.count() > 0; }, timeoutMs))
        return false;
    QCoreApplication::processEvents();
    return true;
}

/// Sends `notches` wheel notches (120 units each; negative: away, zooming out) to `view` at
/// `at` (its own coordinates), as a mouse wheel does.
inline void wheel(QWindow* view, const QPointF& at, int notches) {
    for (int k = 0; k < std::abs(notches); ++k) {
        QWheelEvent e(at, view->mapToGlobal(at), QPoint(), QPoint(0, notches > 0 ? 120 : -120),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view, &e);
    }
}

/// Shows `window` and waits for its 3-D view's first frame: picking needs its camera and
/// viewport. False when the window was not exposed or drew nothing within the limit.
[[nodiscard]] inline bool showAndWaitForFirstFrame(MainWindow* window,
                                                   int timeoutMs = kFirstFrameTimeoutMs) {
    QSignalSpy frames(window->surfaceView(), &QOpenGLWindow::frameSwapped);
    window->show();
    return QTest::qWaitForWindowExposed(window, timeoutMs) && waitForFrame(frames, timeoutMs);
}

/// A document and its window for one test function: init() before, cleanup() after.
struct WindowFixture {
    Document* doc = nullptr;
    MainWindow* window = nullptr;

    WindowFixture() = default;
    WindowFixture(const WindowFixture&) = delete;
    WindowFixture& operator=(const WindowFixture&) = delete;
    /// A test that failed half-way leaves no window behind.
    ~WindowFixture() { cleanup(); }

    /// False when the window did not draw (QVERIFY it: the test cannot run without). The
    /// settings a test left (the view tab it chose, preferences) are cleared first: each window
    /// opens as the first one does, with the 3-D view on screen.
    [[nodiscard]] bool init() {
        QSettings().clear();
        doc = new Document;
        window = new MainWindow(doc);
        return showAndWaitForFirstFrame(window);
    }
    void cleanup() {
        pinLoadedModules();
        delete window;
        delete doc;
        window = nullptr;
        doc = nullptr;
    }
};

} // namespace gs::test
