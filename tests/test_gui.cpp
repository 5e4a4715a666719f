// The window as a person uses it: drag the marker with mouse events, type a bad
// function, ask for too fine a grid, nudge with the keys, undo.
#include "animator.h"
#include "document.h"
#include "losschart.h"
#include "mainwindow.h"
#include "mouse.h"
#include "optimizerpanel.h"
#include "presets.h"
#include "readoutpanel.h"
#include "surfaceview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <cmath>

using namespace gs;

namespace {

// Where a display position (pixels, y up) is in the view window.
QPointF at(SurfaceView* view, const Eigen::Vector2d& d) {
    return view->fromDisplay(d.x(), d.y());
}

double f(double x, double y) {
    return x * std::exp(-x * x - y * y);
}

} // namespace

class TestGui : public QObject {
    Q_OBJECT
    Document* m_doc = nullptr;
    MainWindow* m_window = nullptr;

private slots:
    void initTestCase() { QDir().mkpath(QStringLiteral(GRADSCAPE_TEST_OUTPUT)); }

    void init() {
        m_doc = new Document;
        m_window = new MainWindow(m_doc);
        QSignalSpy frames(m_window->surfaceView(), &QOpenGLWindow::frameSwapped);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        // Picking needs the view's first frame: its camera and viewport.
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() > 0, 20000);
        QTest::qWait(50);
    }
    void cleanup() {
        delete m_window;
        delete m_doc;
    }

    void dragTheMarker() {
        SurfaceView* view = m_window->surfaceView();
        SurfaceScene& scene = view->scene();
        const QPointF start = at(view, scene.toDisplay(-1, 0, f(-1, 0)));
        const double* samples = m_doc->surface().z.data();
        test::sendMouse(view, QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
        QVERIFY(view->dragging());
        // Move in several steps to the surface point above (0.2, -1.2), which the default
        // camera sees unoccluded (the bump near (0.7, 0) hides points behind it).
        const double tx = 0.2, ty = -1.2;
        const QPointF end = at(view, scene.toDisplay(tx, ty, f(tx, ty)));
        for (int k = 1; k <= 5; ++k)
            test::sendMouse(view, QEvent::MouseMove, start + (end - start) * (k / 5.0),
                            Qt::NoButton, Qt::LeftButton);
        test::sendMouse(view, QEvent::MouseButtonRelease, end, Qt::LeftButton, Qt::NoButton);
        QVERIFY(!view->dragging());

        // The point is the surface point under the cursor's last pixel, and that pixel
        // shows (tx, ty) to within the pixel's footprint at this grazing angle.
        const auto& p = m_doc->settings().point;
        const QPoint pixel = view->toDisplay(end);
        const auto under = scene.pickSurface(pixel.x(), pixel.y());
        QVERIFY(under.has_value());
        QCOMPARE(p[0], under->x());
        QCOMPARE(p[1], under->y());
        QVERIFY2(std::abs(p[0] - tx) < 0.05 && std::abs(p[1] - ty) < 0.05,
                 qPrintable(QStringLiteral("(%1, %2)").arg(p[0]).arg(p[1])));
        // The models and the readout followed: f at the new point, exactly.
        const double fx = f(p[0], p[1]);
        QCOMPARE(m_doc->expansion().at.value, fx);
        QVERIFY(m_window->readout()->text().contains(formatNumber(fx)));
        // The spin boxes followed, and the drag never re-sampled the surface.
        auto* x0 = m_window->findChild<QDoubleSpinBox*>(QStringLiteral("x0"));
        auto* y0 = m_window->findChild<QDoubleSpinBox*>(QStringLiteral("y0"));
        QVERIFY(x0 && y0);
        QCOMPARE(x0->value(), std::round(p[0] * 1e4) / 1e4); // shown to 4 decimals
        QCOMPARE(y0->value(), std::round(p[1] * 1e4) / 1e4);
        QCOMPARE(m_doc->surface().z.data(), samples);
        // The whole drag is one undo step.
        QCOMPARE(m_doc->undoStack()->count(), 1);
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->settings().point, (std::vector<double>{-1.0, 0.0}));
    }

    void dragOffTheSurfaceRotates() {
        SurfaceView* view = m_window->surfaceView();
        test::sendMouse(view, QEvent::MouseButtonPress, QPointF(5, 5), Qt::LeftButton,
                        Qt::LeftButton);
        QVERIFY(!view->dragging());
        test::sendMouse(view, QEvent::MouseMove, QPointF(60, 30), Qt::NoButton, Qt::LeftButton);
        test::sendMouse(view, QEvent::MouseButtonRelease, QPointF(60, 30), Qt::LeftButton,
                        Qt::NoButton);
        QCOMPARE(m_doc->settings().point, (std::vector<double>{-1.0, 0.0}));
    }

    void badFunctionKeepsTheLastGoodSurface() {
        const auto before = m_doc->surface().z;
        QLineEdit* editor = m_window->functionEditor();
        editor->setText(QStringLiteral("x*expp(y)"));
        QMetaObject::invokeMethod(editor, "returnPressed");
        QVERIFY(m_window->functionError()->isVisible());
        QVERIFY2(m_window->functionError()->text().contains(QStringLiteral("column 3")),
                 qPrintable(m_window->functionError()->text()));
        QVERIFY(m_window->functionError()->text().contains(QStringLiteral("did you mean 'exp'")));
        QCOMPARE(m_doc->settings().function, QStringLiteral("x*exp(-x^2-y^2)"));
        QVERIFY((m_doc->surface().z == before).all());

        editor->setText(QStringLiteral("x^2 - y^2"));
        QMetaObject::invokeMethod(editor, "returnPressed");
        QVERIFY(!m_window->functionError()->isVisible());
        QCOMPARE(m_doc->surface().z(0, 0), 0.0); // (-2)^2 - (-2)^2
        QCOMPARE(m_doc->expansion().at.hessian(1, 1), -2.0);

        // Undo brings the old function back into the editor (when nobody is typing there).
        editor->clearFocus();
        m_doc->undoStack()->undo();
        QCOMPARE(editor->text(), QStringLiteral("x*exp(-x^2-y^2)"));
        QVERIFY(!m_window->functionError()->isVisible());
    }

    void tooFineAGridIsRefused() {
        auto* resolution = m_window->findChildren<QSpinBox*>().at(0);
        QCOMPARE(resolution->value(), 101);
        resolution->setValue(5000);
        QVERIFY(m_window->settingsError()->isVisible());
        QVERIFY(m_window->settingsError()->text().contains(QStringLiteral("out of range")));
        QCOMPARE(m_doc->settings().resolution, 101);
    }

    void exportFromTheWindow() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("view.png"));
        SurfaceView* view = m_window->surfaceView();
        const QSize size(3 * view->width(), 3 * view->height());
        QCOMPARE(m_window->exportImage(path, size.width(), size.height(), false), QString());
        const QImage img(path);
        QCOMPARE(img.size(), size);
        QVERIFY(m_window->exportImage(dir.filePath(QStringLiteral("x.tiff")), 100, 100, false)
                    .contains(QStringLiteral(".png")));
        // The window still draws after an export rendered off screen.
        const QImage grab = view->grabFramebuffer();
        grab.save(QStringLiteral(GRADSCAPE_TEST_OUTPUT "/after_export.png"));
        QCOMPARE(grab.pixel(1, 1), qRgb(255, 255, 255)); // white background, not black
        long blue = 0;                                   // the wireframe's blue
        for (int y = 0; y < grab.height(); ++y)
            for (int x = 0; x < grab.width(); ++x) {
                const QRgb c = grab.pixel(x, y);
                blue += qBlue(c) > qRed(c) + 60 && qBlue(c) > qGreen(c) + 20;
            }
        QVERIFY2(blue > grab.width() * grab.height() / 200, qPrintable(QString::number(blue)));
    }

    void addRunAndAnimate() {
        OptimizerPanel* panel = m_window->optimizerPanel();
        panel->setLearningRate(0.5);
        QMetaObject::invokeMethod(panel, "addRequested");
        QCOMPARE(m_doc->settings().runs.size(), std::size_t(1));
        const Trajectory& t = m_doc->trajectories().at(0);
        QCOMPARE(m_doc->settings().runs[0].start, (std::vector<double>{-1.0, 0.0})); // the point
        QCOMPARE(m_doc->settings().runs[0].options.learningRate, 0.5);
        QVERIFY(t.stepCount() > 2);
        QCOMPARE(m_window->lossChart()->seriesCount(), 1);
        auto* chartDock = m_window->findChild<QDockWidget*>(QStringLiteral("chart"));
        QVERIFY(chartDock && chartDock->isVisible());

        // The chart: |grad f| on a log scale (all positive, so the log scale is active).
        for (auto* combo : panel->findChildren<QComboBox*>())
            if (combo->count() == 2)
                combo->setCurrentIndex(1); // |grad f| per iteration
        for (auto* box : panel->findChildren<QCheckBox*>())
            if (box->text().contains(QStringLiteral("log")))
                box->setChecked(true);
        QVERIFY(panel->chartGradientNorm());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->lossChart()->logScaleActive(), 5000); // after a paint

        Animator* anim = m_window->animator();
        SurfaceScene& scene = m_window->surfaceView()->scene();
        QCOMPARE(anim->length(), t.stepCount());
        QCOMPARE(scene.drawnPathPoints(0), t.stepCount() + 1); // a new run is shown whole
        anim->reset();
        QCOMPARE(scene.drawnPathPoints(0), 1);
        anim->stepForward();
        QCOMPARE(scene.drawnPathPoints(0), 2);
        anim->setSpeed(120);
        anim->play();
        QVERIFY(anim->playing());
        QTRY_VERIFY_WITH_TIMEOUT(!anim->playing(), 10000);
        QCOMPARE(anim->frame(), t.stepCount());
        QCOMPARE(scene.drawnPathPoints(0), t.stepCount() + 1);

        m_doc->undoStack()->undo();
        QVERIFY(m_doc->settings().runs.empty());
        QCOMPARE(m_window->lossChart()->seriesCount(), 0);
        QVERIFY(!chartDock->isVisible()); // no runs, no empty chart
    }

    void exportedImageShowsTheRuns() {
        // Models and arrows off, so the only orange on the picture is the run's path.
        Settings s = m_doc->settings();
        s.showTangent = s.showQuadratic = s.showGradient = false;
        RunSettings run;
        run.options.learningRate = 0.5;
        run.start = {0.2, 1.0};
        s.runs = {run};
        QCOMPARE(m_doc->change(s, QStringLiteral("test")), QString());
        auto orangePixels = [](const QImage& img) {
            long n = 0;
            for (int y = 0; y < img.height(); ++y)
                for (int x = 0; x < img.width(); ++x) {
                    const QColor c = img.pixelColor(x, y);
                    n += c.red() > 200 && c.green() > 80 && c.green() < 170 && c.blue() < 80;
                }
            return n;
        };
        QTemporaryDir dir;
        const QString with = dir.filePath(QStringLiteral("with.png"));
        QCOMPARE(m_window->exportImage(with, 640, 480, false), QString());
        QVERIFY(orangePixels(QImage(with)) > 50);
        QCOMPARE(m_doc->clearRuns(), QString());
        const QString without = dir.filePath(QStringLiteral("without.png"));
        QCOMPARE(m_window->exportImage(without, 640, 480, false), QString());
        QCOMPARE(orangePixels(QImage(without)), 0L);
    }

    void exportAnimationFromTheWindow() {
        RunSettings run;
        run.options.maxSteps = 4;
        run.options.tolerance = 0;
        run.start = {0.5, 0.5};
        QCOMPARE(m_doc->addRun(run), QString());
        QTemporaryDir dir;
        QCOMPARE(m_window->exportAnimation(dir.path(), 320, 240), QString());
        QCOMPARE(QDir(dir.path()).entryList({"frame_*.png"}, QDir::Files).size(), 5);
        QVERIFY(m_window->exportAnimation(dir.filePath(QStringLiteral("nope/x")), 320, 240)
                    .contains(QStringLiteral("neither a folder")));
    }

    void invalidRunIsRefused() {
        RunSettings run;
        run.options.beta1 = 1.0;
        run.start = {0.0, 0.0};
        QCOMPARE(m_doc->addRun(run), QStringLiteral("run 1: beta1 must be at least 0 and below 1"));
        QVERIFY(m_doc->settings().runs.empty());
    }

    void divergingRunSaysWhyAndTheRestStaysUsable() {
        QCOMPARE(m_doc->setFunction(QStringLiteral("x^2 + y^2")), QString());
        OptimizerPanel* panel = m_window->optimizerPanel();
        panel->setLearningRate(5); // x <- x - 5 * 2x = -9x
        QMetaObject::invokeMethod(panel, "addRequested");
        QCOMPARE(m_doc->trajectories().size(), std::size_t(1));
        QVERIFY(m_doc->trajectories()[0].reason == StopReason::Diverged);
        auto* list = m_window->optimizerPanel()->findChild<QListWidget*>();
        QVERIFY(list->item(0)->text().contains(QStringLiteral("left the region")));
        // Everything else still works: move the point, add a sensible run.
        QCOMPARE(m_doc->setPoint(0.5, 0.5), QString());
        QCOMPARE(m_doc->expansion().at.value, 0.5);
        panel->setLearningRate(0.1);
        QMetaObject::invokeMethod(panel, "addRequested");
        QVERIFY(m_doc->trajectories()[1].reason == StopReason::Converged);
    }

    void shiftClickStartsARun() {
        SurfaceView* view = m_window->surfaceView();
        const double tx = 0.2, ty = -1.2;
        test::sendMouse(view, QEvent::MouseButtonPress,
                        at(view, view->scene().toDisplay(tx, ty, f(tx, ty))), Qt::LeftButton,
                        Qt::LeftButton, Qt::ShiftModifier);
        QCOMPARE(m_doc->settings().runs.size(), std::size_t(1));
        const auto& start = m_doc->settings().runs[0].start;
        QVERIFY(std::abs(start[0] - tx) < 0.05 && std::abs(start[1] - ty) < 0.05);
        QVERIFY(!view->dragging());
        QCOMPARE(m_doc->settings().point, (std::vector<double>{-1.0, 0.0})); // not moved
    }

    void spinBoxesMoveThePoint() {
        auto* x0 = m_window->findChild<QDoubleSpinBox*>(QStringLiteral("x0"));
        x0->setValue(0.25);
        QCOMPARE(m_doc->settings().point[0], 0.25);
        QCOMPARE(m_doc->expansion().at.value, f(0.25, 0.0));
    }

    void newtonShowsTheQuadraticItMinimizes() {
        QCOMPARE(m_doc->setFunction(QStringLiteral("x^4 + y^2 + x*y")), QString());
        RunSettings run;
        run.options.method = Method::Newton;
        run.start = {1.5, -1.0};
        QCOMPARE(m_doc->addRun(run), QString());
        SurfaceScene& scene = m_window->surfaceView()->scene();
        QVERIFY(!scene.newtonModelVisible()); // the whole path, no step in progress
        m_window->animator()->reset();
        QVERIFY(scene.newtonModelVisible());
        m_window->animator()->play();
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->animator()->playing(), 10000);
        QVERIFY(!scene.newtonModelVisible()); // the run is over: no step to explain
    }

    void everyExampleOpens() {
        const auto presets = loadPresets();
        QCOMPARE(presets.size(), std::size_t(7));
        for (const Preset& p : presets) {
            QCOMPARE(m_doc->change(p.settings, QStringLiteral("example")), QString());
            QCOMPARE(m_doc->settings().function, p.settings.function);
            QCOMPARE(m_doc->trajectories().size(), p.settings.runs.size());
            QVERIFY(std::isfinite(m_doc->expansion().at.value));
        }
        // The menu offers them all.
        QMenu* examples = nullptr;
        for (QAction* a : m_window->menuBar()->actions())
            if (a->text().contains(QStringLiteral("xamples")))
                examples = a->menu();
        QVERIFY(examples);
        QCOMPARE(examples->actions().size(), 7);
        examples->actions().at(1)->trigger(); // log-sum-exp near (0, log 2)
        QCOMPARE(m_doc->settings().function, QStringLiteral("log(exp(x)+exp(y))"));
    }

    void arrowKeysNudge() {
        QTest::keyClick(m_window->surfaceView(), Qt::Key_Right);
        QTest::keyClick(m_window->surfaceView(), Qt::Key_Up, Qt::ShiftModifier);
        const auto& p = m_doc->settings().point;
        QVERIFY(std::abs(p[0] - (-1 + 0.04)) < 1e-12); // 1% of the 4-wide domain
        QVERIFY(std::abs(p[1] - 0.4) < 1e-12);         // 10% with Shift
    }
};

QTEST_MAIN(TestGui)
#include "test_gui.moc"
