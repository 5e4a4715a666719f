// The window as a person uses it: drag the marker with mouse events, type a bad
// function, ask for too fine a grid, nudge with the keys, undo.
#include "animator.h"
#include "contourscene.h"
#include "curvescene.h"
#include "document.h"
#include "exportdialog.h"
#include "graphdock.h"
#include "losschart.h"
#include "mainwindow.h"
#include "mouse.h"
#include "optimizerpanel.h"
#include "planeview.h"
#include "presets.h"
#include "readoutpanel.h"
#include "scenebinding.h"
#include "session.h"
#include "sessioncontroller.h"
#include "surfaceview.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMouseEvent>
#include <QProgressDialog>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <cmath>
#include <vtkCamera.h>
#include <vtkRenderer.h>

using namespace gs;

namespace {

// Where a display position (pixels, y up) is in the view window.
QPointF at(SurfaceView* view, const Eigen::Vector2d& d) {
    return view->fromDisplay(d.x(), d.y());
}

double f(double x, double y) {
    return x * std::exp(-x * x - y * y);
}

// The panel's button with this text (the first one).
QPushButton* button(QWidget* root, const QString& text) {
    for (auto* b : root->findChildren<QPushButton*>())
        if (b->text() == text)
            return b;
    return nullptr;
}

// Clicks the progress dialog's Cancel as soon as the dialog shows (from inside the
// export's event processing).
void cancelProgressWhenShown(QWidget* window) {
    auto* timer = new QTimer;
    timer->setInterval(5);
    QObject::connect(timer, &QTimer::timeout, [timer, window] {
        for (auto* d : window->findChildren<QProgressDialog*>(QStringLiteral("exportProgress")))
            if (d->isVisible() && d->value() >= 2) {
                QTest::mouseClick(button(d, QStringLiteral("Cancel")), Qt::LeftButton);
                timer->stop();
                timer->deleteLater();
                return;
            }
    });
    timer->start();
}

// Every file and folder in `dir`, hidden ones too.
QStringList everything(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class TestGui : public QObject {
    Q_OBJECT
    Document* m_doc = nullptr;
    MainWindow* m_window = nullptr;

private slots:
    void initTestCase() {
        QDir().mkpath(QStringLiteral(GRADSCAPE_TEST_OUTPUT));
        // Remembered export settings go to a test location, not the person's.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("gradscape-test"));
        QSettings().clear();
    }

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

    // The bad-input table of docs/hardening.md, in the window: each case is said inline and
    // the last good state (settings, surface) stays; values that are not finite are said in
    // the readout, by name.
    void badInputTable() {
        const Settings good = m_doc->settings();
        const Eigen::ArrayXXd surface = m_doc->surface().z;
        QLineEdit* editor = m_window->functionEditor();
        QLabel* error = m_window->functionError();
        const auto kept = [&] {
            return m_doc->settings() == good && (m_doc->surface().z == surface).all();
        };
        // Function text: each refused with its message under the editor.
        const QList<std::pair<QString, QString>> texts = {
            {QString(), QStringLiteral("column 1: empty expression")},
            {QStringLiteral(" \t "), QStringLiteral("column 1: empty expression")},
            {QStringLiteral("x+").repeated(1 << 19) + u'x',
             QStringLiteral("column 100001: the input is too long (100001 characters; at most "
                            "100000)")},
            {QString(100000, u'(') + u'x' + QString(100000, u')'),
             QStringLiteral("the input is too long")},
            {QString(1000, u'(') + u'x' + QString(1000, u')'),
             QStringLiteral("column 201: the expression is nested too deeply")},
            {QStringLiteral("x*expp(y)"), QStringLiteral("unknown function 'expp'")},
            {QStringLiteral("nan*x + y"), QStringLiteral("'nan' is reserved")},
        };
        for (const auto& [text, message] : texts) {
            editor->setText(text);
            QMetaObject::invokeMethod(editor, "returnPressed");
            QVERIFY2(error->isVisible(), qPrintable(text.left(40)));
            QVERIFY2(error->text().contains(message), qPrintable(error->text()));
            QVERIFY(kept());
        }
        editor->setText(good.function);
        QMetaObject::invokeMethod(editor, "returnPressed");
        QVERIFY(!error->isVisible());

        // Numbers typed into the boxes: NaN, inf and text are not numbers; resolutions below
        // 3 are not taken; an empty domain is refused inline.
        auto* x0 = m_window->findChild<QDoubleSpinBox*>(QStringLiteral("x0"));
        QVERIFY(x0);
        for (const char* typed : {"nan", "inf", "-inf", "1e999", "abc"}) {
            x0->selectAll();
            QTest::keyClicks(x0, QLatin1String(typed));
            QTest::keyClick(x0, Qt::Key_Enter);
            QVERIFY2(std::isfinite(x0->value()), typed);
            QVERIFY2(std::isfinite(m_doc->settings().point[0]), typed);
        }
        QCOMPARE(m_doc->setPoint(good.point[0], good.point[1]), QString());
        QSpinBox* resolution = nullptr;
        QDoubleSpinBox *xmin = nullptr, *xmax = nullptr;
        for (auto* box : m_window->findChildren<QSpinBox*>())
            if (box->toolTip().startsWith(QStringLiteral("Resolution:")))
                resolution = box;
        for (auto* box : m_window->findChildren<QDoubleSpinBox*>()) {
            if (box->toolTip() == QStringLiteral("Lower end of the first input's range"))
                xmin = box;
            if (box->toolTip() == QStringLiteral("Upper end of the first input's range"))
                xmax = box;
        }
        QVERIFY(resolution && xmin && xmax);
        for (const char* typed : {"0", "1", "2"}) {
            resolution->selectAll();
            QTest::keyClicks(resolution, QLatin1String(typed));
            QTest::keyClick(resolution, Qt::Key_Enter);
            QVERIFY(m_doc->settings().resolution >= int(options::resolution.min));
        }
        xmin->setValue(xmax->value()); // xmin = xmax
        QVERIFY(m_window->settingsError()->isVisible());
        QVERIFY2(m_window->settingsError()->text().contains(QStringLiteral("xmin < xmax")),
                 qPrintable(m_window->settingsError()->text()));
        QCOMPARE(m_doc->settings().xmin, good.xmin);
        xmin->setValue(xmax->value() - 1e-300); // 1e-300 wide: the box has 4 decimals
        QCOMPARE(m_doc->settings().xmin, good.xmin);
        xmin->setValue(1e300); // clamped to the declared bound: still above xmax
        QVERIFY(xmin->value() <= options::domainBound.max);
        QCOMPARE(m_doc->settings().xmin, good.xmin);
        xmin->setValue(good.xmin);
        QVERIFY(!m_window->settingsError()->isVisible());

        // Values that are not finite at the point: the readout names f, grad f or H.
        const QList<std::tuple<QString, double, double, QString>> points = {
            {QStringLiteral("x^1e308 + y"), 2, 1, QStringLiteral("f overflows here (f = +inf)")},
            {QStringLiteral("log(x) + sqrt(y)"), -1, -1, QStringLiteral("outside f's domain")},
            {QStringLiteral("1/x + y"), 0, 1, QStringLiteral("f overflows here (f = +inf)")},
            {QStringLiteral("sqrt(x) + y"), 0, 1, QStringLiteral("∇f is not finite")},
            {QStringLiteral("x^1.5 + y"), 0, 1, QStringLiteral("H is not finite")},
        };
        for (const auto& [function, x, y, says] : points) {
            QCOMPARE(m_doc->setFunction(function), QString());
            QCOMPARE(m_doc->setPoint(x, y), QString());
            QVERIFY2(m_window->readout()->text().contains(says),
                     qPrintable(m_window->readout()->text()));
            // Holes, never spikes: the surface's range is that of its finite values.
            QVERIFY(std::isfinite(m_doc->surface().zmin) && std::isfinite(m_doc->surface().zmax));
        }

        // Export paths that cannot be written: said, and the window goes on.
        QVERIFY(m_window->exportImage(QStringLiteral("/nonexistent/x.png"), 200, 100, false)
                    .contains(QStringLiteral("the folder '/nonexistent' does not exist")));
        QVERIFY(m_window->exportImage(QStringLiteral("/proc/gradscape.png"), 200, 100, false)
                    .contains(QStringLiteral("could not write '/proc/gradscape.png'")));

        // Session files that are corrupt, truncated or hostile: refused with the file's name
        // and the problem; nothing open changes.
        const Settings before = m_doc->settings();
        QTemporaryDir dir;
        const QList<std::tuple<QByteArray, qint64, QString>> files = {
            {QByteArray("{\"format\": \"gradscape-session\", \"vers"), 0,
             QStringLiteral("not valid JSON")},
            {QByteArray(R"({"format": "gradscape-session", "version": 2, "settings": )"
                        R"({"function": ["x"]}})"),
             0, QStringLiteral("settings.function: expected text, got a list")},
            {QByteArray(R"({"format": "gradscape-session", "version": 2, "settings": )") +
                 QByteArray(50000, '[') + QByteArray(50000, ']') + "}",
             0, QStringLiteral("nested too deeply")},
            {QByteArray("{"), qint64(1) << 30, QStringLiteral("too large for a session")},
        };
        for (const auto& [text, size, message] : files) {
            const QString path = dir.filePath(QStringLiteral("hostile.gradscape"));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(text);
            if (size > 0)
                QVERIFY(f.resize(size)); // sparse
            f.close();
            const QString e = m_window->session()->openFile(path);
            QVERIFY2(e.startsWith(QStringLiteral("hostile.gradscape: ")) && e.contains(message),
                     qPrintable(e));
            QVERIFY(m_doc->settings() == before);
        }
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

    // The window's boxes take their ranges from the one declaration (engine/optiontable.h):
    // a grid finer than the document allows cannot be typed.
    void tooFineAGridIsRefused() {
        QSpinBox* resolution = nullptr;
        for (auto* box : m_window->findChildren<QSpinBox*>())
            if (box->toolTip().startsWith(QStringLiteral("Resolution:")))
                resolution = box;
        QVERIFY(resolution);
        QCOMPARE(resolution->value(), 101);
        QCOMPARE(resolution->minimum(), int(gs::options::resolution.min));
        QCOMPARE(resolution->maximum(), int(gs::options::resolution.max));
        resolution->selectAll();
        QTest::keyClicks(resolution, QStringLiteral("5000"));
        QTest::keyClick(resolution, Qt::Key_Enter);
        QVERIFY(resolution->value() <= int(gs::options::resolution.max));
        QVERIFY(m_doc->settings().resolution <= int(gs::options::resolution.max));
        QVERIFY(!m_window->settingsError()->isVisible());
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
        auto* chart = m_window->findChild<QWidget*>(QStringLiteral("chart")); // with the runs
        QVERIFY(chart && !chart->isHidden());

        // The chart: |grad f| on a log scale (all positive, so the log scale is active).
        for (auto* combo : chart->findChildren<QComboBox*>())
            if (combo->count() == 2)
                combo->setCurrentIndex(1); // |grad f| per iteration
        for (auto* box : chart->findChildren<QCheckBox*>())
            if (box->text().contains(QStringLiteral("log")))
                box->setChecked(true);
        QVERIFY(panel->chartGradientNorm());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->lossChart()->logScaleActive(), 5000); // after a paint
        // Ticks at whole decades, few labels, covering the values (item 10 of issue 9).
        const std::vector<double> ticks = m_window->lossChart()->valueTickPositions();
        const std::vector<std::string> labels = m_window->lossChart()->valueTickLabels();
        QVERIFY2(ticks.size() >= 2 && int(ticks.size()) <= LossChart::kMaxLogTicks,
                 qPrintable(QString::number(ticks.size())));
        QCOMPARE(labels.size(), ticks.size());
        double smallest = t.steps[0].gradientNorm, largest = smallest;
        for (const Step& step : t.steps) {
            smallest = std::min(smallest, step.gradientNorm);
            largest = std::max(largest, step.gradientNorm);
        }
        for (double d : ticks)
            QCOMPARE(d, std::round(d));
        QVERIFY(ticks.front() <= std::log10(smallest) && ticks.back() >= std::log10(largest));
        QVERIFY(labels.front().find("1e") == 0 || labels.front().find("0.") == 0);
        QTest::qWait(100);
        m_window->screen()
            ->grabWindow(m_window->winId())
            .save(QStringLiteral(GRADSCAPE_TEST_OUTPUT "/loss_log_scale.png"));

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
        QVERIFY(chart->isHidden()); // no runs, no empty chart
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
        QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Move expansion point"));
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
        QCOMPARE(presets.size(), std::size_t(8));
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
        QCOMPARE(examples->actions().size(), 8);
        examples->actions().at(1)->trigger(); // log-sum-exp near (0, log 2)
        QCOMPARE(m_doc->settings().function, QStringLiteral("log(exp(x)+exp(y))"));

        // The book's backpropagation example opens the Graph dock at (-1, 0, -2, 1), where
        // df/dw = -4096 (hand-derived in test_graphview.cpp), and follows the point: at 0
        // every statement is 0, so the gradient is 0.
        auto* graph = m_window->findChild<GraphDock*>();
        QVERIFY(graph);
        QVERIFY(!graph->isVisible());
        for (QAction* a : examples->actions())
            if (a->text().contains(QStringLiteral("backpropagation")))
                a->trigger();
        QVERIFY(graph->isVisible());
        auto* panel = graph->findChild<QTextBrowser*>(QStringLiteral("graphPanel"));
        QVERIFY(panel);
        QVERIFY2(panel->toPlainText().contains(QStringLiteral("∂f/∂w = -4096")),
                 qPrintable(panel->toPlainText()));
        Settings s = m_doc->settings();
        s.point = {0, 0, 0, 0};
        QCOMPARE(m_doc->change(s, QStringLiteral("move")), QString());
        QVERIFY(panel->toPlainText().contains(QStringLiteral("∂f/∂w = 0")));
        graph->hide();
    }

    void arrowKeysNudge() {
        QTest::keyClick(m_window->surfaceView(), Qt::Key_Right);
        QTest::keyClick(m_window->surfaceView(), Qt::Key_Up, Qt::ShiftModifier);
        const auto& p = m_doc->settings().point;
        QVERIFY(std::abs(p[0] - (-1 + 0.04)) < 1e-12); // 1% of the 4-wide domain
        QVERIFY(std::abs(p[1] - 0.4) < 1e-12);         // 10% with Shift
    }

    // --- issue 9 -------------------------------------------------------------------------

    void animationExportStreamsWithProgress() {
        RunSettings run;
        run.options.maxSteps = 30;
        run.options.tolerance = 0;
        run.start = {0.5, 0.5};
        QCOMPARE(m_doc->addRun(run), QString());
        QTemporaryDir dir;
        const QString gif = dir.filePath(QStringLiteral("runs.gif"));
        QCOMPARE(m_window->exportAnimation(gif, 160, 120), QString());
        QImageReader reader(gif);
        QCOMPARE(reader.imageCount(), 31);
        QCOMPARE(everything(dir.path()), QStringList{QStringLiteral("runs.gif")});
    }

    void cancelledAnimationExportLeavesNothing_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("gif") << QStringLiteral("runs.gif");
        QTest::newRow("video") << QStringLiteral("runs.ogv");
        QTest::newRow("png frames") << QString(); // the folder itself
    }
    void cancelledAnimationExportLeavesNothing() {
        QFETCH(QString, name);
        RunSettings run;
        run.options.maxSteps = 60;
        run.options.tolerance = 0;
        run.start = {0.5, 0.5};
        QCOMPARE(m_doc->addRun(run), QString());
        QTemporaryDir dir;
        const QString path = name.isEmpty() ? dir.path() : dir.filePath(name);
        cancelProgressWhenShown(m_window);
        const QString result = m_window->exportAnimation(path, 160, 120);
        QVERIFY2(result.contains(QStringLiteral("cancelled")), qPrintable(result));
        QCOMPARE(everything(dir.path()), QStringList());
        // The window is still usable after it.
        QCOMPARE(m_doc->setPoint(0.25, 0.5), QString());
        QCOMPARE(m_doc->settings().point[0], 0.25);
    }

    void onlyTheEditedFieldChanges() {
        // A drag (or the command line) leaves full precision in the document.
        QCOMPARE(m_doc->setPoint(0.123456789, -0.987654321), QString());
        Settings s = m_doc->settings();
        s.epsilon = {0.00001, -0.00002};
        QCOMPARE(m_doc->change(s, QStringLiteral("test")), QString());
        auto* tangent = m_window->findChild<QCheckBox*>();
        for (auto* c : m_window->findChildren<QCheckBox*>())
            if (c->text().startsWith(QStringLiteral("Tangent")))
                tangent = c;
        QVERIFY(tangent->isChecked());
        QTest::mouseClick(tangent, Qt::LeftButton, {}, QPoint(8, tangent->height() / 2));
        QVERIFY(!m_doc->settings().showTangent);
        QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Hide tangent plane"));
        QCOMPARE(m_doc->settings().point, (std::vector<double>{0.123456789, -0.987654321}));
        QCOMPARE(m_doc->settings().epsilon, (std::vector<double>{0.00001, -0.00002}));
        // A domain edit typed into its box changes the domain only.
        auto* xmax = m_window->findChildren<QDoubleSpinBox*>().at(0);
        for (auto* b : m_window->findChildren<QDoubleSpinBox*>())
            if (b->toolTip().startsWith(QStringLiteral("Upper end of the first")))
                xmax = b;
        xmax->setFocus();
        xmax->selectAll();
        QTest::keyClicks(xmax, QStringLiteral("3"));
        QTest::keyClick(xmax, Qt::Key_Return);
        QCOMPARE(m_doc->settings().xmax, 3.0);
        QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Change domain"));
        QCOMPARE(m_doc->settings().point, (std::vector<double>{0.123456789, -0.987654321}));
        QCOMPARE(m_doc->settings().epsilon, (std::vector<double>{0.00001, -0.00002}));
    }

    void exampleReplacesTheFocusedEditorText() {
        QLineEdit* editor = m_window->functionEditor();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        QTest::mouseClick(editor, Qt::LeftButton);
        QVERIFY(editor->hasFocus());
        QTest::keyClick(editor, Qt::Key_End);
        QTest::keyClicks(editor, QStringLiteral("+1"));
        QMenu* examples = nullptr;
        for (QAction* a : m_window->menuBar()->actions())
            if (a->text().contains(QStringLiteral("xamples")))
                examples = a->menu();
        examples->actions().at(1)->trigger(); // log-sum-exp; the editor keeps the focus
        const QString example = QStringLiteral("log(exp(x)+exp(y))");
        QCOMPARE(m_doc->settings().function, example);
        QCOMPARE(editor->text(), example);
        // Typing on applies to the example's text, not the old function.
        QTest::keyClick(editor, Qt::Key_End);
        QTest::keyClick(editor, Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(m_doc->settings().function, example + QLatin1Char(' '), 5000);
    }

    void optimizerExampleSetsThePanel() {
        const auto presets = loadPresets();
        QMenu* examples = nullptr;
        for (QAction* a : m_window->menuBar()->actions())
            if (a->text().contains(QStringLiteral("xamples")))
                examples = a->menu();
        int tested = 0;
        for (std::size_t i = 0; i < presets.size(); ++i) {
            if (presets[i].settings.runs.empty())
                continue;
            examples->actions().at(int(i))->trigger();
            const RunSettings& first = presets[i].settings.runs.front();
            QVERIFY(m_window->optimizerPanel()->runAt(first.start).options == first.options);
            // "Add run" adds the example's run again: the same path.
            const std::size_t before = m_doc->trajectories().size();
            QTest::mouseClick(button(m_window->optimizerPanel(), QStringLiteral("Add run")),
                              Qt::LeftButton);
            QCOMPARE(m_doc->trajectories().size(), before + 1);
            const Trajectory& again = m_doc->trajectories().back();
            const Trajectory& example = m_doc->trajectories().front();
            QCOMPARE(again.stepCount(), example.stepCount());
            QCOMPARE(again.steps.back().x, example.steps.back().x);
            ++tested;
        }
        QVERIFY(tested > 0);
        // A window opened on a document with runs (--runs on the command line) likewise.
        MainWindow second(m_doc);
        QVERIFY(second.optimizerPanel()->runAt(m_doc->settings().runs.front().start).options ==
                m_doc->settings().runs.front().options);
    }

    void readoutSaysOutsideTheDomain() {
        QCOMPARE(m_doc->setFunction(QStringLiteral("log(x) + y")), QString());
        QCOMPARE(m_doc->setPoint(-1, 0), QString());
        const QString text = m_window->readout()->text();
        QVERIFY2(text.contains(QStringLiteral("point: outside f's domain")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("not critical")));
        QCOMPARE(m_doc->setPoint(1, 0), QString());
        QVERIFY(m_window->readout()->text().contains(QStringLiteral("not critical")));
    }

    void unboundedBelowIsToldFromTooLargeAStep() {
        // x^2 - y^2 from (0.5, 0.5), gradient descent with eta = 0.5: x -> 0, y -> 2y, so
        // f = x^2 - y^2 falls without bound; no learning rate would help.
        QCOMPARE(m_doc->setFunction(QStringLiteral("x^2 - y^2")), QString());
        OptimizerPanel* panel = m_window->optimizerPanel();
        panel->setLearningRate(0.5);
        SurfaceView* view = m_window->surfaceView();
        const double tx = 0.5, ty = 0.5;
        test::sendMouse(view, QEvent::MouseButtonPress,
                        at(view, view->scene().toDisplay(tx, ty, tx * tx - ty * ty)),
                        Qt::LeftButton, Qt::LeftButton, Qt::ShiftModifier);
        QCOMPARE(m_doc->trajectories().size(), std::size_t(1));
        const Trajectory& fall = m_doc->trajectories()[0];
        QVERIFY(fall.reason == StopReason::Diverged);
        QVERIFY(fall.divergence == Divergence::UnboundedBelow);
        QVERIFY2(QString::fromStdString(fall.message).contains(QStringLiteral("unbounded below")),
                 fall.message.c_str());
        QVERIFY(m_window->messageLabel()->text().contains(QStringLiteral("unbounded below")));
        // x^2 + y^2 with eta = 5: x -> -9x, f rises 81-fold a step: the step is too large.
        QCOMPARE(m_doc->clearRuns(), QString());
        QCOMPARE(m_doc->setFunction(QStringLiteral("x^2 + y^2")), QString());
        panel->setLearningRate(5);
        QTest::mouseClick(button(panel, QStringLiteral("Add run")), Qt::LeftButton);
        const Trajectory& overshoot = m_doc->trajectories()[0];
        QVERIFY(overshoot.divergence == Divergence::StepTooLarge);
        QVERIFY(QString::fromStdString(overshoot.message)
                    .contains(QStringLiteral("learning rate too large")));
    }

    void domainChangeRefitsAndSaysWhatIsWrong() {
        vtkCamera* cam = m_window->surfaceView()->scene().renderer()->GetActiveCamera();
        double focal[3];
        cam->GetFocalPoint(focal);
        QVERIFY(focal[0] > -2 && focal[0] < 2); // within the domain [-2, 2]
        Settings s = m_doc->settings();
        s.xmin = 8;
        s.xmax = 12;
        s.point = {10, 0};
        QCOMPARE(m_doc->change(s, QStringLiteral("test")), QString());
        cam->GetFocalPoint(focal);
        QVERIFY2(focal[0] > 8 && focal[0] < 12, qPrintable(QString::number(focal[0])));
        QVERIFY(!m_window->domainNote()->isVisible());
        // A point outside the domain: said in words.
        QCOMPARE(m_doc->setPoint(0, 0), QString());
        QVERIFY(m_window->domainNote()->isVisible());
        QVERIFY(m_window->domainNote()->text().contains(QStringLiteral("outside the plotted")));
        QCOMPARE(m_doc->setPoint(10, 0), QString());
        QVERIFY(!m_window->domainNote()->isVisible());
        // f undefined on the whole domain: said in words.
        QCOMPARE(m_doc->setFunction(QStringLiteral("log(-x) + y")), QString());
        QVERIFY(m_window->domainNote()->isVisible());
        QVERIFY(m_window->domainNote()->text().contains(QStringLiteral("undefined everywhere")));
    }

    void layoutGivesTheViewTheRoom_data() {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1280x720") << QSize(1280, 720);
        QTest::newRow("1600x1000") << QSize(1600, 1000);
    }
    void layoutGivesTheViewTheRoom() {
        QFETCH(QSize, size);
        // An optimizer example: every section has content.
        const auto presets = loadPresets();
        for (const Preset& p : presets)
            if (p.settings.runs.size() > 2) {
                QCOMPARE(m_doc->change(p.settings, QStringLiteral("example")), QString());
                break;
            }
        m_window->resize(size);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->size(), size, 5000);
        QTest::qWait(100);
        for (int tab = 0; tab < 2; ++tab) {
            m_window->panelTabs()->setCurrentIndex(tab);
            QTest::qWait(50);
            // Every section open (the domain's is collapsed at first).
            for (auto* header : m_window->panelTabs()->findChildren<QToolButton*>())
                if (header->isVisible() && header->isCheckable() && !header->isChecked())
                    QTest::mouseClick(header, Qt::LeftButton);
            QTest::qWait(50);
            const QSize view = m_window->viewContainer()->size();
            const double share = double(view.width()) * view.height() /
                                 (double(m_window->width()) * m_window->height());
            QVERIFY2(share >= 0.6, qPrintable(QString::number(share)));
            for (auto* scroll : m_window->findChildren<QScrollArea*>())
                if (scroll->isVisible())
                    QVERIFY(!scroll->horizontalScrollBar()->isVisible());
            // Nothing in the panel is cut off on the right: every text fits its label.
            const QRect panel(m_window->panelTabs()->mapTo(m_window, QPoint()),
                              m_window->panelTabs()->size());
            for (auto* label : m_window->panelTabs()->findChildren<QLabel*>()) {
                if (!label->isVisible() || label->wordWrap() || label->text().isEmpty())
                    continue;
                const QRect r(label->mapTo(m_window, QPoint()), label->size());
                QVERIFY2(label->width() >= label->minimumSizeHint().width() &&
                             r.right() <= panel.right(),
                         qPrintable(label->text()));
            }
        }
        m_window->screen()
            ->grabWindow(m_window->winId())
            .save(QStringLiteral(GRADSCAPE_TEST_OUTPUT "/layout_%1x%2.png")
                      .arg(size.width())
                      .arg(size.height()));
    }

    void controlsStayPutWhenUsed() {
        m_window->panelTabs()->setCurrentIndex(1);
        QTest::qWait(50);
        OptimizerPanel* panel = m_window->optimizerPanel();
        QPushButton* add = button(panel, QStringLiteral("Add run"));
        const QPoint addAt = add->mapTo(m_window, QPoint());
        const int panelWidth = m_window->panelTabs()->width();
        QTest::mouseClick(add, Qt::LeftButton); // the run list, animation and chart appear
        QTest::qWait(50);
        QCOMPARE(add->mapTo(m_window, QPoint()), addAt);
        QCOMPARE(m_window->panelTabs()->width(), panelWidth);
        QPushButton* play = button(panel, QStringLiteral("Play"));
        QVERIFY(play && play->isVisible());
        const QRect playAt(play->mapTo(m_window, QPoint()), play->size());
        m_window->animator()->setSpeed(2);
        QTest::mouseClick(play, Qt::LeftButton);
        QCOMPARE(play->text(), QStringLiteral("Pause"));
        QCOMPARE(QRect(play->mapTo(m_window, QPoint()), play->size()), playAt);
        QTest::mouseClick(play, Qt::LeftButton);
        QCOMPARE(m_window->panelTabs()->width(), panelWidth);
    }

    void firstStartFitsTheScreen() {
        for (const QSize screen :
             {QSize(1280, 720), QSize(1366, 768), QSize(1600, 1000), QSize(3840, 2160)}) {
            const QSize s = MainWindow::firstStartSize(screen);
            QVERIFY(s.width() <= screen.width() && s.height() <= screen.height());
            QVERIFY(s.width() >= 1000 && s.height() >= 600);
        }
        // This window opened within its screen.
        MainWindow fresh(m_doc);
        const QRect available = fresh.screen()->availableGeometry();
        QVERIFY(fresh.width() <= available.width() && fresh.height() <= available.height());
    }

    void everyControlExplainsItself() {
        // Both tabs' controls, with runs so every section exists.
        RunSettings run;
        run.start = {0.5, 0.5};
        QCOMPARE(m_doc->addRun(run), QString());
        QStringList missing;
        for (QWidget* w : m_window->panelTabs()->findChildren<QWidget*>()) {
            const bool control = qobject_cast<QAbstractButton*>(w) ||
                                 qobject_cast<QAbstractSpinBox*>(w) ||
                                 qobject_cast<QComboBox*>(w) || qobject_cast<QLineEdit*>(w) ||
                                 qobject_cast<QSlider*>(w) || qobject_cast<QListWidget*>(w);
            // Parts of a control (a spin box's line edit, a tab bar's scroll buttons) are not.
            const bool part = qobject_cast<QAbstractSpinBox*>(w->parentWidget()) ||
                              qobject_cast<QComboBox*>(w->parentWidget()) ||
                              qobject_cast<QTabBar*>(w->parentWidget());
            if (control && !part && w->toolTip().isEmpty())
                missing << QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(' ') +
                               (qobject_cast<QAbstractButton*>(w)
                                    ? qobject_cast<QAbstractButton*>(w)->text()
                                    : w->objectName());
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
        // Every readout row too.
        for (QLabel* label : m_window->readout()->findChildren<QLabel*>())
            QVERIFY2(!label->toolTip().isEmpty(), qPrintable(label->text()));
    }

    void helpOpensWithF1() {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        QTest::keyClick(m_window->functionEditor(), Qt::Key_F1);
        QDialog* help = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (help = m_window->findChild<QDialog*>(QStringLiteral("helpDialog"))) &&
                help->isVisible(),
            5000);
        QVERIFY(help->findChild<QTextBrowser*>()->toPlainText().contains(QStringLiteral("exp")));
        QStringList menus;
        for (QAction* a : m_window->menuBar()->actions())
            menus << a->text();
        QVERIFY(menus.contains(QStringLiteral("&Help")));
    }

    void nudgeBurstIsOneUndoStep() {
        const int before = m_doc->undoStack()->count();
        for (int k = 0; k < 5; ++k)
            QTest::keyClick(m_window->surfaceView(), Qt::Key_Right);
        QVERIFY(std::abs(m_doc->settings().point[0] - (-1 + 5 * 0.04)) < 1e-12);
        QCOMPARE(m_doc->undoStack()->count(), before + 1);
        QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Nudge expansion point"));
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->settings().point, (std::vector<double>{-1.0, 0.0}));
    }

    // A function of one input: the window never reads or writes a second coordinate.
    void oneInputFunctionInTheWindow() {
        Settings s = m_doc->settings();
        s.function = QStringLiteral("x^3 - x");
        s.variables = QStringList{QStringLiteral("x")};
        QCOMPARE(m_doc->change(s, QStringLiteral("one input")), QString());
        QCOMPARE(m_doc->settings().point.size(), std::size_t(1));
        QCOMPARE(m_doc->settings().epsilon.size(), std::size_t(1));
        QTest::qWait(50);
        // Nudges move x; up and down have no y to move.
        QTest::keyClick(m_window->surfaceView(), Qt::Key_Right);
        QTest::keyClick(m_window->surfaceView(), Qt::Key_Up);
        QCOMPARE(m_doc->settings().point.size(), std::size_t(1));
        QVERIFY(std::abs(m_doc->settings().point[0] - (-1 + 0.04)) < 1e-12);
        // Back to two inputs: the point is completed again.
        m_doc->undoStack()->undo();
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->settings().point.size(), std::size_t(2));
    }

    void quadraticRadiusSpinBox() {
        // Typing a radius draws the quadratic on the square of that half-width around x0.
        auto* radius = m_window->findChild<QDoubleSpinBox*>(QStringLiteral("modelRadius"));
        QVERIFY(radius);
        QVERIFY(!radius->toolTip().isEmpty());
        radius->setFocus();
        radius->selectAll();
        QTest::keyClicks(radius, QStringLiteral("0.5"));
        QTest::keyClick(radius, Qt::Key_Enter);
        QCOMPARE(m_doc->settings().modelRadius, 0.5);
        QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Change quadratic radius"));
        QCOMPARE(m_doc->expansion().modelGrid.xmin, -1.5);
        QCOMPARE(m_doc->expansion().modelGrid.xmax, -0.5);
        // Hiding the quadratic disables its radius.
        for (QCheckBox* b : m_window->findChildren<QCheckBox*>())
            if (b->text() == QStringLiteral("Quadratic") && b->isChecked())
                QTest::mouseClick(b, Qt::LeftButton);
        QVERIFY(!m_doc->settings().showQuadratic);
        QVERIFY(!radius->isEnabled());
    }

    void fHeightSpinBox() {
        auto* aspect = m_window->findChild<QDoubleSpinBox*>(QStringLiteral("boxAspect"));
        QVERIFY(aspect);
        aspect->setFocus();
        aspect->selectAll();
        QTest::keyClicks(aspect, QStringLiteral("2"));
        QTest::keyClick(aspect, Qt::Key_Enter);
        QCOMPARE(m_doc->settings().boxAspect, 2.0);
        // The box is twice as tall as it is wide (4 on [-2, 2]^2).
        QCOMPARE(m_window->surfaceView()->scene().boxBounds()[5], 8.0);
    }

    void moreThanTwoInputs() {
        // (w+x+y+z)^2: choose the plotted inputs, hold the others, the axes and title say so.
        QCOMPARE(m_doc->setFunction(QStringLiteral("(w+x+y+z)^2")), QString());
        QTest::qWait(20);
        auto* plotX = m_window->findChild<QComboBox*>(QStringLiteral("plotX"));
        auto* plotY = m_window->findChild<QComboBox*>(QStringLiteral("plotY"));
        QVERIFY(plotX && plotY);
        QVERIFY(plotX->isVisibleTo(m_window));
        QCOMPARE(plotX->count(), 4);
        // Choose z for the y axis with the keyboard: the combo box's real events.
        plotY->setFocus();
        QTest::keyClick(plotY, Qt::Key_End);
        QCOMPARE(m_doc->settings().plotY, 3);
        QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Choose plotted inputs"));
        // Choosing the input the other axis shows swaps them.
        plotX->setFocus();
        QTest::keyClick(plotX, Qt::Key_End);
        QCOMPARE(m_doc->settings().plotX, 3);
        QCOMPARE(m_doc->settings().plotY, 0);
        // x and y are held: one box each; typing into y's moves the slice.
        auto* heldY = m_window->findChild<QDoubleSpinBox*>(QStringLiteral("held_y"));
        QVERIFY(heldY);
        QVERIFY(!m_window->findChild<QDoubleSpinBox*>(QStringLiteral("held_z")));
        heldY->setFocus();
        heldY->selectAll();
        QTest::keyClicks(heldY, QStringLiteral("1.5"));
        QTest::keyClick(heldY, Qt::Key_Enter);
        QCOMPARE(m_doc->settings().point[2], 1.5);
        QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Set y"));
        QCOMPARE(sceneTitle(*m_doc), QStringLiteral("f(w, x=0, y=1.5, z) = (w+x+y+z)^2"));
        // The point boxes are the plotted inputs'.
        auto* x0 = m_window->findChild<QDoubleSpinBox*>(QStringLiteral("x0"));
        QCOMPARE(x0->prefix(), QStringLiteral("z = "));
        // Back to two inputs: the section folds away.
        QCOMPARE(m_doc->setFunction(QStringLiteral("x*y")), QString());
        QVERIFY(!plotX->isVisibleTo(m_window));
    }

    void statementListTitle_data() {
        QTest::addColumn<QString>("function");
        QTest::addColumn<QString>("title");
        QTest::newRow("expression") << "x*exp(-x^2-y^2)"
                                    << "f(x, y) = x*exp(-x^2-y^2)";
        QTest::newRow("statements") << "a = x+y;  f = a^2"
                                    << "f(x, y) = a^2";
        QTest::newRow("named output") << "a = x*y; g = sin(a)"
                                      << "g(x, y) = sin(a)";
    }
    void statementListTitle() {
        QFETCH(QString, function);
        QFETCH(QString, title);
        QCOMPARE(m_doc->setFunction(function), QString());
        QCOMPARE(sceneTitle(*m_doc), title);
    }

    void longTitleIsElided() {
        // 5,000 characters of x+x+...: the title keeps kTitleLength characters, ending "...".
        QString text = QStringLiteral("x");
        while (text.size() < 5000)
            text += QStringLiteral("+y");
        QCOMPARE(m_doc->setFunction(text), QString());
        const QString title = sceneTitle(*m_doc);
        QCOMPARE(title.size(), kTitleLength);
        QVERIFY(title.endsWith(QStringLiteral("...")));
        QVERIFY(title.startsWith(QStringLiteral("f(x, y) = x+y+y")));
        // A surrogate pair is never cut in half.
        const QString emoji =
            QString(kTitleLength - 4, QLatin1Char('a')) + QString::fromUtf8("\U0001F600xyz");
        QVERIFY(!elideTitle(emoji).at(elideTitle(emoji).size() - 4).isHighSurrogate());
    }

    void cameraPresets() {
        struct {
            Qt::Key key;
            double direction[3]; // from the camera to the focal point
        } presets[] = {{Qt::Key_1, {0, 0, -1}}, {Qt::Key_2, {0, 1, 0}}, {Qt::Key_3, {-1, 0, 0}}};
        vtkCamera* cam = m_window->surfaceView()->scene().renderer()->GetActiveCamera();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        for (const auto& p : presets) {
            QTest::keyClick(m_window->functionEditor(), p.key, Qt::ControlModifier);
            double d[3];
            cam->GetDirectionOfProjection(d);
            for (int i = 0; i < 3; ++i)
                QVERIFY2(std::abs(d[i] - p.direction[i]) < 1e-9,
                         qPrintable(QStringLiteral("%1 %2 %3").arg(d[0]).arg(d[1]).arg(d[2])));
        }
    }

    void exportDialogRemembersAndShowsWholeErrors() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("figure.jpg"));
        {
            ExportDialog dialog(m_window, QStringLiteral("Export Image"), QStringLiteral("File"),
                                QStringLiteral("testExport"), QStringLiteral("gradscape.png"),
                                ExportDialog::Browse::SaveFile, QSize(640, 480),
                                QStringLiteral("Transparent"),
                                [](const ExportRequest&) { return QString(); });
            dialog.show();
            QVERIFY(dialog.pathEdit()->width() >=
                    dialog.pathEdit()->fontMetrics().horizontalAdvance(path));
            dialog.pathEdit()->setText(path);
            auto* width = dialog.findChildren<QSpinBox*>().at(0);
            width->setValue(777);
            QTest::mouseClick(dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save),
                              Qt::LeftButton);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QString longError = QStringLiteral("cannot write:");
        for (int k = 0; k < 60; ++k)
            longError += QStringLiteral(" word");
        ExportDialog again(m_window, QStringLiteral("Export Image"), QStringLiteral("File"),
                           QStringLiteral("testExport"), QStringLiteral("gradscape.png"),
                           ExportDialog::Browse::SaveFile, QSize(640, 480),
                           QStringLiteral("Transparent"),
                           [&](const ExportRequest&) { return longError; });
        QCOMPARE(again.pathEdit()->text(), path);
        QCOMPARE(again.findChildren<QSpinBox*>().at(0)->value(), 777);
        again.show();
        QTest::mouseClick(again.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save),
                          Qt::LeftButton);
        QLabel* error = again.errorLabel();
        QTRY_VERIFY(error->isVisible());
        QCOMPARE(error->text(), longError);
        QTest::qWait(50);
        // The whole message fits in the label as laid out: nothing cut off.
        QVERIFY2(error->height() >= error->heightForWidth(error->width()),
                 qPrintable(QStringLiteral("%1 < %2")
                                .arg(error->height())
                                .arg(error->heightForWidth(error->width()))));
        QVERIFY(again.isVisible()); // refused: stays open
    }

    void leavingAnOptimizerExampleKeepsTheViewWhole() {
        // Item 12: the chart used to be a dock that vanished with the runs, resizing the
        // view under a stale frame (a black band at the top until the next mouse event).
        const auto presets = loadPresets();
        QMenu* examples = nullptr;
        for (QAction* a : m_window->menuBar()->actions())
            if (a->text().contains(QStringLiteral("xamples")))
                examples = a->menu();
        int withRuns = -1;
        for (std::size_t i = 0; i < presets.size(); ++i)
            if (!presets[i].settings.runs.empty())
                withRuns = int(i);
        QVERIFY(withRuns >= 0);
        examples->actions().at(withRuns)->trigger();
        QTest::qWait(100);
        const QSize view = m_window->viewContainer()->size();
        examples->actions().at(0)->trigger(); // no runs
        QTest::qWait(100);
        QCOMPARE(m_window->viewContainer()->size(), view);
        const QImage grab = m_window->surfaceView()->grabFramebuffer();
        for (int x = 0; x < grab.width(); x += 7)
            QCOMPARE(grab.pixel(x, 2), qRgb(255, 255, 255)); // the top row is background
    }

    void importantMessagesStay() {
        QCOMPARE(m_doc->setFunction(QStringLiteral("x^2 + y^2")), QString());
        m_window->optimizerPanel()->setLearningRate(5);
        QTest::mouseClick(button(m_window->optimizerPanel(), QStringLiteral("Add run")),
                          Qt::LeftButton);
        QLabel* message = m_window->messageLabel();
        QVERIFY(message->isVisible());
        const QString text = message->text();
        QVERIFY(text.contains(QStringLiteral("diverged")));
        // A hover's tip in the status bar and later edits do not replace it.
        m_window->statusBar()->showMessage(QStringLiteral("hovering"), 100);
        QCOMPARE(m_doc->setPoint(0.5, 0.5), QString());
        QTest::qWait(200);
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(), text);
    }

    void didYouMeanOnlyForCloseNames_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("suggestion"); // empty: none
        QTest::newRow("foo is no typo of log") << "foo(x) + y" << QString();
        QTest::newRow("one letter off") << "exq(x) + y"
                                        << "exp";
        QTest::newRow("sqr") << "sqr(x) + y"
                             << "sqrt";
        QTest::newRow("two off, long name") << "sigmiod(x) + y"
                                            << "sigmoid";
        QTest::newRow("far") << "banana(x)" << QString();
    }
    void didYouMeanOnlyForCloseNames() {
        QFETCH(QString, typed);
        QFETCH(QString, suggestion);
        QLineEdit* editor = m_window->functionEditor();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        QTest::mouseClick(editor, Qt::LeftButton);
        editor->selectAll();
        QTest::keyClicks(editor, typed);
        QTest::keyClick(editor, Qt::Key_Return);
        const QString error = m_window->functionError()->text();
        QVERIFY2(error.contains(QStringLiteral("unknown function")), qPrintable(error));
        if (suggestion.isEmpty())
            QVERIFY2(!error.contains(QStringLiteral("did you mean")), qPrintable(error));
        else
            QVERIFY2(error.contains(QStringLiteral("did you mean '%1'").arg(suggestion)),
                     qPrintable(error));
    }

    // ---- sessions ----

    /// Answers the next "unsaved changes" question with `button` once it is shown.
    void answerUnsavedChanges(QMessageBox::StandardButton button) {
        auto* timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, [timer, button] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box || box->objectName() != QLatin1String("unsavedChanges"))
                return;
            timer->deleteLater();
            timer->stop();
            box->button(button)->click();
        });
        timer->start(20);
    }

    static void compareCameras(const CameraState& a, const CameraState& b) {
        for (int i = 0; i < 3; ++i) {
            QVERIFY(std::abs(a.position[i] - b.position[i]) <=
                    1e-12 * (1 + std::abs(a.position[i])));
            QVERIFY(std::abs(a.focalPoint[i] - b.focalPoint[i]) <=
                    1e-12 * (1 + std::abs(a.focalPoint[i])));
            QVERIFY(std::abs(a.viewUp[i] - b.viewUp[i]) <= 1e-12);
        }
        QCOMPARE(a.viewAngle, b.viewAngle);
        QCOMPARE(a.parallelScale, b.parallelScale);
    }

    void sessionSaveChangeReopen() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("figure.gradscape"));
        SessionController* session = m_window->session();
        vtkRenderer* renderer = m_window->surfaceView()->scene().renderer();
        QCOMPARE(m_window->windowTitle(), QStringLiteral("gradscape[*]"));
        QVERIFY(!m_window->isWindowModified());

        // Set up a figure: a function, the point, a run, a turned camera.
        QCOMPARE(m_doc->setFunction(QStringLiteral("x^2 - y^2")), QString());
        QVERIFY(m_window->isWindowModified());
        QCOMPARE(m_doc->setPoint(0.5, -0.25), QString());
        RunSettings run;
        run.options.method = Method::Adam;
        run.options.learningRate = 0.05;
        run.start = {1, 0.5};
        QCOMPARE(m_doc->addRun(run), QString());
        renderer->GetActiveCamera()->Azimuth(40);
        renderer->GetActiveCamera()->Elevation(15);
        const CameraState camera = cameraState(renderer);
        const Settings saved = m_doc->settings();

        QCOMPARE(session->saveFile(path), QString());
        QVERIFY(!m_window->isWindowModified());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("figure.gradscape[*] — gradscape"));
        QCOMPARE(session->currentFile(), QFileInfo(path).absoluteFilePath());
        QCOMPARE(recentSessions::load(QSettings()).value(0), QFileInfo(path).absoluteFilePath());

        // An edit marks it; undoing back to the saved state clears the mark.
        QCOMPARE(m_doc->setFunction(QStringLiteral("x*y")), QString());
        QVERIFY(m_window->isWindowModified());
        m_doc->undoStack()->undo();
        QVERIFY(!m_window->isWindowModified());

        // Change things, then try a damaged file: nothing that is open changes.
        QCOMPARE(m_doc->setFunction(QStringLiteral("sin(x)*y")), QString());
        QCOMPARE(m_doc->clearRuns(), QString());
        m_window->surfaceView()->resetView();
        const Settings changed = m_doc->settings();
        const QString bad = dir.filePath(QStringLiteral("bad.gradscape"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "gradscape-session", "version": 2, "settings": {"function": "x+"}})");
        f.close();
        const QString error = session->openFile(bad);
        QVERIFY2(
            error.startsWith(QStringLiteral("bad.gradscape: settings.function does not parse")),
            qPrintable(error));
        QVERIFY(m_doc->settings() == changed);
        QVERIFY(m_window->isWindowModified());
        QCOMPARE(session->currentFile(), QFileInfo(path).absoluteFilePath());
        QCOMPARE(m_window->functionEditor()->text(), QStringLiteral("sin(x)*y"));

        // Reopen: the saved state, clean, with its camera, in the editors too.
        QCOMPARE(session->openFile(path), QString());
        QVERIFY(m_doc->settings() == saved);
        QVERIFY(!m_window->isWindowModified());
        QVERIFY(!m_doc->undoStack()->canUndo());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("figure.gradscape[*] — gradscape"));
        QCOMPARE(m_window->functionEditor()->text(), QStringLiteral("x^2 - y^2"));
        QCOMPARE(m_doc->trajectories().size(), std::size_t(1));
        compareCameras(cameraState(renderer), camera);
        // A resize keeps the restored camera (it does not refit like a fresh view).
        m_window->resize(m_window->size() - QSize(80, 60));
        QTest::qWait(100);
        compareCameras(cameraState(renderer), camera);
    }

    void closeAsksAboutUnsavedChanges() {
        // Clean: closes without a question.
        QVERIFY(m_window->close());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QCOMPARE(m_doc->setFunction(QStringLiteral("x*y")), QString());
        answerUnsavedChanges(QMessageBox::Cancel);
        QVERIFY(!m_window->close());
        QVERIFY(m_window->isVisible());
        QCOMPARE(m_doc->settings().function, QStringLiteral("x*y"));
        answerUnsavedChanges(QMessageBox::Discard);
        QVERIFY(m_window->close());
        QVERIFY(!m_window->isVisible());
    }

    void copyViewToClipboard() {
        QGuiApplication::clipboard()->clear();
        auto* copy = m_window->findChild<QAction*>(QStringLiteral("copyView"));
        QVERIFY(copy);
        QCOMPARE(copy->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+C")));
        copy->trigger();
        const QImage image = QGuiApplication::clipboard()->image();
        const qreal dpr = m_window->surfaceView()->devicePixelRatio();
        QCOMPARE(image.size(), m_window->surfaceView()->size() * dpr);
        // The picture, not a blank: the white background and the surface's dark wire lines.
        int dark = 0;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                dark += qGray(image.pixel(x, y)) < 128;
        QCOMPARE(image.pixelColor(2, 2), QColor(Qt::white));
        QVERIFY2(dark > 50, qPrintable(QString::number(dark)));
    }

    void fileMenuHasSessionActions() {
        QMenu* file = m_window->menuBar()->actions().first()->menu();
        QStringList texts;
        for (QAction* a : file->actions())
            texts << a->text();
        QCOMPARE(texts.mid(0, 4), (QStringList{tr("&Open Session…"), tr("Open &Recent"),
                                               tr("&Save Session"), tr("Save Session &As…")}));
        QCOMPARE(file->actions()[0]->shortcut(), QKeySequence(QKeySequence::Open));
        QCOMPARE(file->actions()[2]->shortcut(), QKeySequence(QKeySequence::Save));
    }

    // The contour view: a drag with real mouse events moves the point to the plot point under
    // the cursor, in one undo step, without re-sampling the surface, and the 3-D view follows.
    void dragInTheContourView() {
        m_window->showViewTab(1);
        PlaneView* view = m_window->contourView();
        ContourScene& scene = m_window->contourScene();
        QSignalSpy frames(view, &QOpenGLWindow::frameSwapped);
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() > 0, 20000);
        QTest::qWait(50);
        const auto point = scene.pointMarker();
        QVERIFY(point.has_value());
        QCOMPARE(point->x(), -1.0);
        const QPointF start =
            view->fromDisplay(scene.toDisplay(-1, 0).x(), scene.toDisplay(-1, 0).y());
        const double* samples = m_doc->surface().z.data();
        const int undoBefore = m_doc->undoStack()->count();
        test::sendMouse(view, QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
        QVERIFY(view->dragging());
        const double tx = 0.5, ty = 1.0;
        const QPointF end =
            view->fromDisplay(scene.toDisplay(tx, ty).x(), scene.toDisplay(tx, ty).y());
        for (int k = 1; k <= 6; ++k)
            test::sendMouse(view, QEvent::MouseMove, start + (end - start) * (k / 6.0),
                            Qt::NoButton, Qt::LeftButton);
        test::sendMouse(view, QEvent::MouseButtonRelease, end, Qt::LeftButton, Qt::NoButton);
        QVERIFY(!view->dragging());
        // The point is the plot point under the last pixel: within a pixel of (tx, ty).
        const auto& p = m_doc->settings().point;
        const QPoint pixel = view->toDisplay(end);
        const Eigen::Vector2d under = scene.toPlot(pixel.x(), pixel.y());
        QCOMPARE(p[0], under.x());
        QCOMPARE(p[1], under.y());
        const double pixelSize = std::abs(scene.toPlot(1, 0).x() - scene.toPlot(0, 0).x());
        QVERIFY2(std::abs(p[0] - tx) <= 2 * pixelSize && std::abs(p[1] - ty) <= 2 * pixelSize,
                 qPrintable(QStringLiteral("(%1, %2)").arg(p[0]).arg(p[1])));
        QCOMPARE(m_doc->expansion().at.value, f(p[0], p[1]));
        QCOMPARE(scene.pointMarker()->x(), p[0]);
        // One undo step, the surface never re-sampled, the 3-D view's marker moved too.
        QCOMPARE(m_doc->undoStack()->count(), undoBefore + 1);
        QCOMPARE(m_doc->surface().z.data(), samples);
        const Eigen::Vector2d marker3d =
            m_window->surfaceView()->scene().toDisplay(p[0], p[1], f(p[0], p[1]));
        QVERIFY(m_window->surfaceView()->scene().toDisplay(-1, 0, f(-1, 0)) != marker3d);
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->settings().point[0], -1.0);
        QCOMPARE(m_doc->settings().point[1], 0.0);
        QCOMPARE(scene.pointMarker()->x(), -1.0);
        m_window->showViewTab(0); // remembered: the next window opens on the 3-D view again
    }

    // The critical points are listed (x exp(-x^2-y^2): a minimum and a maximum at
    // (-+1/sqrt 2, 0), then the domain's extremes) and a click moves the point there.
    void criticalListMovesThePoint() {
        QListWidget* list = m_window->criticalList();
        QVERIFY(list->count() >= 2);
        QVERIFY(list->item(0)->text().startsWith(QStringLiteral("minimum")));
        QVERIFY(list->item(1)->text().startsWith(QStringLiteral("maximum")));
        QCOMPARE(m_window->contourScene().markers().count(Classification::Minimum), 1);
        QCOMPARE(m_window->contourScene().markers().count(Classification::Maximum), 1);
        QCOMPARE(m_window->surfaceView()->scene().criticalMarkers().count(Classification::Maximum),
                 1);
        list->scrollToItem(list->item(1));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(list->item(1)).center());
        const double x = m_doc->criticalPoints().points[1].point[0];
        QCOMPARE(m_doc->settings().point[0], x);
        QVERIFY(std::abs(x - 1 / std::sqrt(2.0)) <= 1e-12);
    }

    // A function of one input shows the curve view; the book's example from the menu.
    void bookCurveFromTheExamplesMenu() {
        QMenu* examples = nullptr;
        for (QAction* a : m_window->menuBar()->actions())
            if (a->text().contains(QStringLiteral("xamples")))
                examples = a->menu();
        QVERIFY(examples);
        QAction* book = nullptr;
        for (QAction* a : examples->actions())
            if (a->text().contains(QStringLiteral("12x")))
                book = a;
        QVERIFY(book);
        book->trigger();
        QTest::qWait(100);
        QCOMPARE(m_doc->expression().inputCount(), std::size_t(1));
        QVERIFY(m_window->curveView()->isExposed());
        CurveScene& scene = m_window->curveScene();
        QCOMPARE(scene.curvePoints(), m_doc->settings().resolution);
        QVERIFY(scene.tangentPoints() > 1);
        QVERIFY(scene.quadraticPoints() > 1);
        QCOMPARE(scene.markers().count(Classification::Minimum), 2);
        QCOMPARE(scene.markers().count(Classification::Maximum), 1);
        QCOMPARE(m_window->criticalList()->count(), 5); // 3 points, lowest, highest
        // A drag in the curve view moves x only.
        PlaneView* view = m_window->curveView();
        const auto p0 = scene.pointMarker();
        QVERIFY(p0.has_value());
        const Eigen::Vector2d d0 = scene.toDisplay(p0->x(), p0->y());
        const Eigen::Vector2d d1 = scene.toDisplay(0.5, p0->y());
        test::sendMouse(view, QEvent::MouseButtonPress, view->fromDisplay(d0.x(), d0.y()),
                        Qt::LeftButton, Qt::LeftButton);
        test::sendMouse(view, QEvent::MouseMove, view->fromDisplay(d1.x(), d1.y()), Qt::NoButton,
                        Qt::LeftButton);
        test::sendMouse(view, QEvent::MouseButtonRelease, view->fromDisplay(d1.x(), d1.y()),
                        Qt::LeftButton, Qt::NoButton);
        const double pixelSize = std::abs(scene.toPlot(1, 0).x() - scene.toPlot(0, 0).x());
        QVERIFY(std::abs(m_doc->settings().point[0] - 0.5) <= 2 * pixelSize);
        QCOMPARE(m_doc->settings().point.size(), std::size_t(1));
    }
};

QTEST_MAIN(TestGui)
#include "test_gui.moc"
