// Drag latency: from a mouse move on the 3-D view to the frame on screen, including
// the pick, the document update, the Taylor models and the render. Prints the median
// and 95th percentile per setting. Run under Xvfb for the software-renderer figure:
//   xvfb-run -a -s "-screen 0 1280x1024x24 -noreset" build/release/benchmarks/bench_drag
// Per setting it also prints when the frame was swapped (frameSwapped) and the VTK renders per
// move.
// It also prints the same in process CPU time (the shared machine's load stretches wall times)
// and the platform's floor: a bare QOpenGLWindow of the view's size putting frames on screen.
#include "document.h"
#include "mainwindow.h"
#include "mouse.h"
#include "parameterpanel.h"
#include "surfaceview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLFramebufferObject>
#include <QOpenGLFunctions>
#include <QOpenGLWindow>
#include <QSlider>
#include <QTest>
#include <QUndoStack>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <memory>
#include <utility>
#include <vector>
#include <vtkCallbackCommand.h>
#include <vtkCommand.h>
#include <vtkNew.h>
#include <vtkRenderWindow.h>

using namespace gs;

namespace {

// Where a display position (pixels, y up) is in the view window.
QPointF at(SurfaceView* view, const Eigen::Vector2d& d) {
    return view->fromDisplay(d.x(), d.y());
}

// The process's resident memory now and its peak so far (VmRSS, VmHWM of /proc/self/status),
// in MiB; -1 when not readable.
std::pair<double, double> residentMiB() {
    std::FILE* f = std::fopen("/proc/self/status", "r");
    double now = -1, peak = -1;
    if (!f)
        return {now, peak};
    char line[256];
    while (std::fgets(line, sizeof line, f)) {
        long kb = 0;
        if (std::sscanf(line, "VmRSS: %ld kB", &kb) == 1)
            now = kb / 1024.0;
        else if (std::sscanf(line, "VmHWM: %ld kB", &kb) == 1)
            peak = kb / 1024.0;
    }
    std::fclose(f);
    return {now, peak};
}

double percentile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(q * double(v.size() - 1) + 0.5))];
}

// CPU time of the whole process (all threads: llvmpipe rasterizes on its own), in ms. On the
// shared machine wall times stretch with the load; the work done per frame does not.
double processCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// The platform's floor: a bare QOpenGLWindow of the view's size that puts a frame on screen
// with nothing of gradscape or VTK in it. `blit`: the frame is first cleared in a framebuffer
// object of the window's size and copied into the window, as the view's frame is (VTK renders
// off screen, paintGL copies its framebuffer); else the window is only cleared. From the update
// request to frameSwapped, as the drag is measured. (Benchmarks may touch GL; the product's
// GL stays in views/vtkwidget.cpp.)
class FloorWindow : public QOpenGLWindow {
public:
    explicit FloorWindow(bool blit)
        : m_blit(blit) {}
    int frames = 0;

protected:
    void paintGL() override {
        QOpenGLFunctions* gl = context()->functions();
        const QSize size = this->size() * devicePixelRatio();
        ++m_shade; // a different picture each frame
        const float grey = float(m_shade % 200) / 255.0f;
        if (m_blit) {
            if (!m_fbo || m_fbo->size() != size)
                m_fbo = std::make_unique<QOpenGLFramebufferObject>(
                    size, QOpenGLFramebufferObject::CombinedDepthStencil);
            m_fbo->bind();
            gl->glClearColor(grey, 0.5f, 0.5f, 1.0f);
            gl->glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
            m_fbo->release();
            QOpenGLFramebufferObject::blitFramebuffer(nullptr, QRect(QPoint(), size), m_fbo.get(),
                                                      QRect(QPoint(), size), GL_COLOR_BUFFER_BIT,
                                                      GL_NEAREST);
        } else {
            gl->glClearColor(grey, 0.5f, 0.5f, 1.0f);
            gl->glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        }
        ++frames;
    }

private:
    bool m_blit;
    int m_shade = 0;
    std::unique_ptr<QOpenGLFramebufferObject> m_fbo;
};

struct Floor {
    double wall = 0, cpu = 0;
};

// Median time of `frames` frames of a FloorWindow of `size`, each requested as the view's is
// (an update request posted at high priority) and waited for (frameSwapped).
Floor measureFloor(QSize size, bool blit, int frames) {
    FloorWindow window(blit);
    int swapped = 0;
    QObject::connect(&window, &QOpenGLWindow::frameSwapped, [&] { ++swapped; });
    window.resize(size);
    window.show();
    QElapsedTimer timer;
    timer.start();
    while (swapped == 0 && timer.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    std::vector<double> wall, cpu;
    for (int k = 0; k < frames; ++k) {
        const int before = swapped;
        const double c0 = processCpuMs();
        timer.start();
        QCoreApplication::postEvent(&window, new QEvent(QEvent::UpdateRequest),
                                    Qt::HighEventPriority);
        while (swapped == before && timer.elapsed() < 2000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        wall.push_back(timer.nsecsElapsed() / 1e6);
        cpu.push_back(processCpuMs() - c0);
    }
    return {percentile(wall, 0.5), percentile(cpu, 0.5)};
}

// The window every measurement uses: `s` applied to `doc` (refused settings end the
// benchmark), a MainWindow of 1280 x 860 shown and drawn, and a count of the 3-D view's frames
// on screen.
struct BenchWindow {
    MainWindow window;
    int frames = 0;
    QElapsedTimer clock;  ///< runs from the window's creation
    qint64 swappedAt = 0; ///< when the last frame was swapped (ns on `clock`)

    BenchWindow(Document* doc, const Settings& s)
        : window(withSettings(doc, s)) {
        clock.start();
        QObject::connect(window.surfaceView(), &QOpenGLWindow::frameSwapped, [this] {
            ++frames;
            swappedAt = clock.nsecsElapsed();
        });
        window.resize(1280, 860);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            qFatal("bench_drag: the window was not exposed");
        // The first frame (camera and viewport, which picking needs), then the layout settles.
        QElapsedTimer wait;
        wait.start();
        while (frames == 0 && wait.elapsed() < 60000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QTest::qWait(300);
    }

    static Document* withSettings(Document* doc, const Settings& s) {
        if (const QString error = doc->change(s, QStringLiteral("bench")); !error.isEmpty())
            qFatal("bench_drag: %s", qPrintable(error));
        return doc;
    }

    /// Waits (at most 2 s) for a frame after `before`.
    void waitForFrameAfter(int before, const QElapsedTimer& timer) {
        while (frames == before && timer.elapsed() < 2000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
};

void measure(const char* name, int resolution, int wireLines, int moves) {
    Document doc;
    Settings s = doc.settings();
    s.resolution = resolution;
    s.wireLines = wireLines;
    BenchWindow bench(&doc, s);
    SurfaceView* view = bench.window.surfaceView();

    const auto f = [&](double x, double y) { return x * std::exp(-x * x - y * y); };
    const QPointF start = at(view, view->scene().toDisplay(-1, 0, f(-1, 0)));
    test::sendMouse(view, QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    // VTK renders of the view per move (a render counter: the paint that puts a frame on
    // screen should only copy it).
    int renders = 0;
    vtkNew<vtkCallbackCommand> countRenders;
    countRenders->SetClientData(&renders);
    countRenders->SetCallback(
        [](vtkObject*, unsigned long, void* n, void*) { ++*static_cast<int*>(n); });
    const unsigned long renderTag =
        view->renderWindow()->AddObserver(vtkCommand::StartEvent, countRenders);
    std::vector<double> ms, handler, cpu, swapped;
    QElapsedTimer timer;
    for (int k = 0; k < moves; ++k) {
        // Sweep back and forth across the front of the surface, where nothing occludes it.
        const double t = std::abs(std::fmod(k / 40.0, 2.0) - 1.0);
        const double x = -1.5 + 3.0 * t, y = -1.0 - 0.3 * std::sin(k * 0.3);
        const QPointF p = at(view, view->scene().toDisplay(x, y, f(x, y)));
        const int before = bench.frames;
        const double c0 = processCpuMs();
        const qint64 sent = bench.clock.nsecsElapsed();
        timer.start();
        test::sendMouse(view, QEvent::MouseMove, p, Qt::NoButton, Qt::LeftButton);
        handler.push_back(timer.nsecsElapsed() / 1e6);
        bench.waitForFrameAfter(before, timer);
        ms.push_back(timer.nsecsElapsed() / 1e6);
        swapped.push_back(double(bench.swappedAt - sent) / 1e6);
        cpu.push_back(processCpuMs() - c0);
    }
    view->renderWindow()->RemoveObserver(renderTag);
    test::sendMouse(view, QEvent::MouseButtonRelease, start, Qt::LeftButton, Qt::NoButton);
    // The render alone: same scene, no pick, no model update, waited for until the picture is
    // in VTK's framebuffer (llvmpipe rasterizes after Render() returns, until something reads
    // or copies the framebuffer; the drag's frame copies it into the window).
    std::vector<double> renderOnly, renderCpu;
    for (int k = 0; k < 50; ++k) {
        const double c0 = processCpuMs();
        timer.start();
        view->renderWindow()->Render();
        view->renderWindow()->WaitForCompletion();
        renderOnly.push_back(timer.nsecsElapsed() / 1e6);
        renderCpu.push_back(processCpuMs() - c0);
    }
    // Memory with this window open (the earlier settings' windows are closed; the peak is
    // the process's so far, so it is this setting's when the settings grow).
    const auto [rss, peak] = residentMiB();
    // Drawn now, but put on screen by the next paint: let it go before the floor is measured.
    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const QSize viewSize = view->size();
    const Floor clear = measureFloor(viewSize, false, 100);
    const Floor blit = measureFloor(viewSize, true, 100);
    const double frame = percentile(ms, 0.5), render = percentile(renderOnly, 0.5);
    std::printf("%-10s resolution %4d, %3d wire lines: move to frame median %6.2f ms, p95 %6.2f "
                "ms; move handler (pick, models, VTK render) median %6.2f ms; VTK render alone "
                "median %6.2f ms; move to frame / render %4.2f "
                "(%d moves, view %dx%d); resident %.0f MiB, peak %.0f MiB\n",
                name, resolution, wireLines, frame, percentile(ms, 0.95), percentile(handler, 0.5),
                render, frame / render, moves, view->width(), view->height(), rss, peak);
    // The same in process CPU time (all threads), which the machine's load does not stretch,
    // and the platform's floor for a frame of the view's size.
    const double frameCpu = percentile(cpu, 0.5), renderCpuMs = percentile(renderCpu, 0.5);
    std::printf("%-10s   CPU: move to frame median %6.2f ms, VTK render alone %6.2f ms, ratio "
                "%4.2f; platform floor (bare QOpenGLWindow %dx%d, update request to "
                "frameSwapped): clear + swap %6.2f ms (CPU %6.2f), clear in a framebuffer + "
                "blit + swap %6.2f ms (CPU %6.2f); (move to frame - floor with blit) / render "
                "%4.2f\n",
                name, frameCpu, renderCpuMs, frameCpu / renderCpuMs, viewSize.width(),
                viewSize.height(), clear.wall, clear.cpu, blit.wall, blit.cpu,
                (frame - blit.wall) / render);
    // "Move to frame" above is measured to the end of the event loop's turn that swapped the
    // frame, which also runs what the move queued behind the frame (the side panel's layout,
    // the widgets' repaint): it delays the next move, not this frame. The frame is on screen
    // at frameSwapped.
    const double onScreen = percentile(swapped, 0.5);
    std::printf("%-10s   on screen: move to frameSwapped median %6.2f ms, p95 %6.2f ms, / render "
                "alone %4.2f; VTK renders per move %4.2f\n",
                name, onScreen, percentile(swapped, 0.95), onScreen / render,
                double(renders) / moves);
}

// A parameter slider drag: each move re-parses the function with the new value, re-samples
// the surface (and searches its critical points), recomputes the models and redraws the 3-D
// view (the contour view, hidden behind its tab, follows when shown). From the slider's move
// to the 3-D view's frame on screen. The panel applies a drag's moves on the next turn of the
// event loop (coalesced), so "update" is measured to the end of the document's change signal.
void measureSlider(const char* name, int resolution, int moves) {
    Document doc;
    Settings s = doc.settings();
    s.function = QStringLiteral("a*x^2 + 2*b*x*y + c*y^2");
    s.variables = QStringList{QStringLiteral("x"), QStringLiteral("y")};
    s.parameters = {Parameter::named(QStringLiteral("a")), Parameter::named(QStringLiteral("b")),
                    Parameter::named(QStringLiteral("c"))};
    s.resolution = resolution;
    s.point = {1.0, 0.5};
    BenchWindow bench(&doc, s);
    SurfaceView* view = bench.window.surfaceView();
    QSlider* slider = bench.window.parameterPanel()->slider(1);
    std::vector<double> ms, update;
    QElapsedTimer timer;
    double updated = 0;
    // Connected after the window: runs when every view has followed the change.
    QObject::connect(&doc, &Document::changed, [&] { updated = timer.nsecsElapsed() / 1e6; });
    slider->setSliderDown(true);
    for (int k = 0; k < moves; ++k) {
        // b sweeps -2 .. 2 and back: bowl (|b| < 1), valley, saddle (|b| > 1).
        const double t = std::abs(std::fmod(k / 40.0, 2.0) - 1.0);
        const int position = slider->minimum() + int((0.3 + 0.4 * t) * slider->maximum());
        const int before = bench.frames;
        updated = 0;
        timer.start();
        slider->setSliderPosition(position == slider->value() ? position + 1 : position);
        bench.waitForFrameAfter(before, timer);
        ms.push_back(timer.nsecsElapsed() / 1e6);
        update.push_back(updated);
    }
    slider->setSliderDown(false);
    std::vector<double> renderOnly, parse;
    for (int k = 0; k < 50; ++k) {
        timer.start();
        view->renderWindow()->Render();
        view->renderWindow()->WaitForCompletion(); // as in measure()
        renderOnly.push_back(timer.nsecsElapsed() / 1e6);
    }
    const std::string text = s.function.toStdString();
    for (int k = 0; k < 1000; ++k) {
        timer.start();
        const auto r = Expression::parse(text, {"x", "y"}, parameterValues(doc.settings()));
        parse.push_back(timer.nsecsElapsed() / 1e3);
        if (!r.ok())
            qFatal("bench_drag: the function does not parse");
    }
    // The document alone (parse, sample, critical points, models), no window observing.
    std::vector<double> model;
    {
        Document alone;
        if (const QString error = alone.change(s, QStringLiteral("bench")); !error.isEmpty())
            qFatal("bench_drag: %s", qPrintable(error));
        for (int k = 0; k < 50; ++k) {
            timer.start();
            (void)alone.setParameterValue(1, -2.0 + 0.08 * k, 7);
            model.push_back(timer.nsecsElapsed() / 1e6);
        }
    }
    const double render = percentile(renderOnly, 0.5);
    std::printf("%-10s resolution %4d: slider move to frame median %6.2f ms, p95 %6.2f ms; "
                "update (parse, sample, critical points, models, scenes, 3-D render) median "
                "%6.2f ms (of which the document alone %6.2f ms); VTK render alone median %6.2f "
                "ms (two frames: %6.2f ms); move to frame %4.2f frames; parse alone median "
                "%5.2f us (%d moves, undo steps %d)\n",
                name, resolution, percentile(ms, 0.5), percentile(ms, 0.95),
                percentile(update, 0.5), percentile(model, 0.5), render, 2 * render,
                percentile(ms, 0.5) / render, percentile(parse, 0.5), moves,
                doc.undoStack()->count());
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    // "default", "dense", "slider" or "memory" (default then very dense): those settings
    // alone; none: all of them.
    const QByteArray only = qgetenv("GS_BENCH_ONLY");
    if (only.isEmpty() || only == "slider")
        measureSlider("slider", 101, 200);
    if (only == "slider")
        return 0;
    if (only != "dense")
        measure("default", 101, 21, only == "memory" ? 20 : 200);
    if (only.isEmpty() || only == "dense")
        measure("dense", 401, 81, 200);
    if (only.isEmpty() || only == "memory")
        measure("very dense", 1001, 201, only == "memory" ? 20 : 100);
    return 0;
}
