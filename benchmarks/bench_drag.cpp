// Drag latency: from a mouse move on the 3-D view to the frame on screen, including
// the pick, the document update, the Taylor models and the render. Prints the median
// and 95th percentile per setting. Run under Xvfb for the software-renderer figure:
//   xvfb-run -a -s "-screen 0 1280x1024x24 -noreset" build/release/benchmarks/bench_drag
#include "document.h"
#include "mainwindow.h"
#include "mouse.h"
#include "surfaceview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>
#include <vtkRenderWindow.h>

using namespace gs;

namespace {

// Where a display position (pixels, y up) is in the view window.
QPointF at(SurfaceView* view, const Eigen::Vector2d& d) {
    return view->fromDisplay(d.x(), d.y());
}

double percentile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(q * double(v.size() - 1) + 0.5))];
}

void measure(const char* name, int resolution, int wireLines, int moves) {
    Document doc;
    Settings s = doc.settings();
    s.resolution = resolution;
    s.wireLines = wireLines;
    if (const QString error = doc.change(s, QStringLiteral("bench")); !error.isEmpty())
        qFatal("bench_drag: %s", qPrintable(error));
    MainWindow window(&doc);
    window.resize(1280, 860);
    window.show();
    (void)QTest::qWaitForWindowExposed(&window);
    QTest::qWait(300);
    SurfaceView* view = window.surfaceView();
    int frames = 0;
    QObject::connect(view, &QOpenGLWindow::frameSwapped, [&] { ++frames; });

    const auto f = [&](double x, double y) { return x * std::exp(-x * x - y * y); };
    const QPointF start = at(view, view->scene().toDisplay(-1, 0, f(-1, 0)));
    test::sendMouse(view, QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    std::vector<double> ms, handler;
    QElapsedTimer timer;
    for (int k = 0; k < moves; ++k) {
        // Sweep back and forth across the front of the surface, where nothing occludes it.
        const double t = std::abs(std::fmod(k / 40.0, 2.0) - 1.0);
        const double x = -1.5 + 3.0 * t, y = -1.0 - 0.3 * std::sin(k * 0.3);
        const QPointF p = at(view, view->scene().toDisplay(x, y, f(x, y)));
        const int before = frames;
        timer.start();
        test::sendMouse(view, QEvent::MouseMove, p, Qt::NoButton, Qt::LeftButton);
        handler.push_back(timer.nsecsElapsed() / 1e6);
        while (frames == before && timer.elapsed() < 2000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        ms.push_back(timer.nsecsElapsed() / 1e6);
    }
    test::sendMouse(view, QEvent::MouseButtonRelease, start, Qt::LeftButton, Qt::NoButton);
    // The render alone, the floor under any drag: same scene, no pick, no model update.
    std::vector<double> renderOnly;
    for (int k = 0; k < 50; ++k) {
        timer.start();
        view->renderWindow()->Render();
        renderOnly.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::printf("%-10s resolution %4d, %3d wire lines: move to frame median %6.2f ms, p95 %6.2f "
                "ms; move handler (pick, models, VTK render) median %6.2f ms; VTK render alone "
                "median %6.2f ms "
                "(%d moves, view %dx%d)\n",
                name, resolution, wireLines, percentile(ms, 0.5), percentile(ms, 0.95),
                percentile(handler, 0.5), percentile(renderOnly, 0.5), moves, view->width(),
                view->height());
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const QByteArray only = qgetenv("GS_BENCH_ONLY"); // "default" to profile one setting
    measure("default", 101, 21, 200);
    if (only.isEmpty()) {
        measure("dense", 401, 81, 200);
        measure("very dense", 1001, 201, 100);
    }
    return 0;
}
