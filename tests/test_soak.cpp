// A long session in the window, as a person's hand drives it: drags of the marker with mouse
// events, and every hundred moves a function typed into the editor, a domain change, an
// optimizer run added with the panel's button and an undo; every thousand moves an image
// export. At the end nothing has crashed, and the window's document equals a fresh document
// given the same settings directly (the incremental updates of a long session drift nowhere).
//
// GRADSCAPE_SOAK_MOVES sets the number of moves (default 500, what CTest runs),
// GRADSCAPE_SOAK_EXPORT_EVERY the moves between exports (default 1000),
// GRADSCAPE_SOAK_TRACE=1 prints the resident memory after every drag; the full soak
// of docs/hardening.md is
//   export QTEST_FUNCTION_TIMEOUT=7200000 GRADSCAPE_SOAK_MOVES=10000
//   xvfb-run -a -s "-screen 0 1280x1024x24 -noreset" build/release/tests/test_soak
// It prints the resident memory after warm-up (peak, and the least-squares slope per 1000
// moves); memory is printed, never asserted (it depends on the allocator and the driver).
#include "document.h"
#include "evaluation.h"
#include "mainwindow.h"
#include "mouse.h"
#include "optimizerpanel.h"
#include "surfaceview.h"

#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace gs;

namespace {

constexpr int kMovesPerEdit = 100;
constexpr int kMovesPerExport = 1000;
/// Runs are cleared when this many exist, so the session's own size stays bounded and a
/// growing memory figure means a leak, not more runs.
constexpr int kMaxRunsKept = 4;

// The functions typed in turn: a bump, a saddle, waves, a bowl, a hole where log is undefined.
const char* const kFunctions[] = {"x*exp(-x^2-y^2)", "x^2 - y^2", "sin(x)*cos(y)",
                                  "0.3*(x^2 + y^2)", "log(x + 1.5) + y^2/4"};
// The domains switched to (and undone): wider, shifted, narrow.
const double kDomains[][4] = {{-3, 3, -2, 2}, {-1, 2, -2, 1}, {-0.5, 0.5, -0.5, 0.5}};

// Resident set size now, from /proc/self/status (kB), or -1 where there is no /proc.
long residentKb() {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    return -1;
}

bool sameValues(const Eigen::ArrayXXd& a, const Eigen::ArrayXXd& b) {
    if (a.rows() != b.rows() || a.cols() != b.cols())
        return false;
    for (Eigen::Index i = 0; i < a.size(); ++i)
        if (!(a(i) == b(i) || (std::isnan(a(i)) && std::isnan(b(i)))))
            return false;
    return true;
}

bool sameValue(double a, double b) {
    return a == b || (std::isnan(a) && std::isnan(b));
}

bool sameVector(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
    return a.size() == b.size() && sameValues(a.array(), b.array());
}

} // namespace

class TestSoak : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("gradscape-test"));
        QSettings().clear();
    }

    void soak() {
        const int moves = qEnvironmentVariableIsSet("GRADSCAPE_SOAK_MOVES")
                              ? qEnvironmentVariableIntValue("GRADSCAPE_SOAK_MOVES")
                              : 500;
        QVERIFY2(moves >= kMovesPerEdit && moves % kMovesPerEdit == 0,
                 "GRADSCAPE_SOAK_MOVES: a multiple of 100");
        // A short run exports once, at its end, so CTest's run exercises the export too.
        // GRADSCAPE_SOAK_EXPORT_EVERY exports more often (to tell what the exports cost).
        const int exportEvery = qEnvironmentVariableIsSet("GRADSCAPE_SOAK_EXPORT_EVERY")
                                    ? qEnvironmentVariableIntValue("GRADSCAPE_SOAK_EXPORT_EVERY")
                                    : std::min(kMovesPerExport, moves);
        QVERIFY2(exportEvery > 0, "GRADSCAPE_SOAK_EXPORT_EVERY: a positive number of moves");
        QTemporaryDir dir;
        Document doc;
        MainWindow window(&doc);
        window.resize(1280, 860);
        SurfaceView* view = window.surfaceView();
        QSignalSpy frames(view, &QOpenGLWindow::frameSwapped);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() > 0, 20000);
        QPushButton* addRun = nullptr;
        for (auto* b : window.optimizerPanel()->findChildren<QPushButton*>())
            if (b->text() == QStringLiteral("Add run"))
                addRun = b;
        QVERIFY(addRun);

        // Waits for the frame that shows the last change (or 2 s: the soak goes on regardless,
        // the next move simply draws).
        auto waitForFrame = [&](qsizetype before) {
            QElapsedTimer t;
            t.start();
            while (frames.count() == before && t.elapsed() < 2000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        };
        auto display = [&](double x, double y) {
            const Eigen::Vector2d p(x, y);
            const double z = evaluate(doc.expression(), p);
            const Eigen::Vector2d d = view->scene().toDisplay(x, y, std::isfinite(z) ? z : 0);
            return view->fromDisplay(d.x(), d.y());
        };

        // Warm-up: the first tenth (at least the first block) and the first export, when
        // caches, fonts and the driver's buffers fill. The first export alone adds about
        // 17 MB (a second GL context in llvmpipe, its shaders, the export scene): measured
        // from before it, a slope is that one step, not a growth (docs/hardening.md).
        const int warmUp = std::max({kMovesPerEdit, moves / 10, exportEvery});
        // GRADSCAPE_SOAK_TRACE=1 prints the resident memory after every drag.
        const bool trace = qEnvironmentVariableIntValue("GRADSCAPE_SOAK_TRACE") != 0;
        std::vector<std::pair<int, long>> memory; // (moves done, kB) after warm-up
        int drags = 0, exports = 0, edits = 0;
        for (int done = 0; done < moves;) {
            // One drag of kMovesPerEdit moves across the front of the surface, where the
            // default camera sees it unoccluded: start at the point, sweep left and right.
            const Settings s = doc.settings(); // a copy: the drag changes the document's
            const double w = s.xmax - s.xmin, h = s.ymax - s.ymin;
            const double y0 = s.ymin + 0.3 * h;
            QCOMPARE(doc.setPoint(s.xmin + 0.5 * w, y0), QString());
            qsizetype before = frames.count();
            waitForFrame(before);
            const QPointF start = display(doc.settings().point[0], doc.settings().point[1]);
            test::sendMouse(view, QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
            QVERIFY2(view->dragging(), qPrintable(QStringLiteral("no drag at move %1 of %2")
                                                      .arg(done)
                                                      .arg(doc.settings().function)));
            const int undoBefore = doc.undoStack()->count();
            QPointF last = start;
            for (int k = 0; k < kMovesPerEdit; ++k, ++done) {
                const double t = std::abs(std::fmod(k / 25.0, 2.0) - 1.0); // 1 -> 0 -> 1 ...
                const double x = s.xmin + w * (0.2 + 0.6 * t);
                const double y = y0 + 0.05 * h * std::sin(k * 0.3);
                before = frames.count();
                last = display(x, y);
                test::sendMouse(view, QEvent::MouseMove, last, Qt::NoButton, Qt::LeftButton);
                waitForFrame(before);
                if ((done + 1) % exportEvery == 0) {
                    const QString path = dir.filePath(QStringLiteral("soak%1.png").arg(exports));
                    QCOMPARE(window.exportImage(path, 400, 300, false), QString());
                    QCOMPARE(QImage(path).size(), QSize(400, 300));
                    QFile::remove(path);
                    ++exports;
                }
            }
            test::sendMouse(view, QEvent::MouseButtonRelease, last, Qt::LeftButton, Qt::NoButton);
            QVERIFY(!view->dragging());
            QVERIFY(doc.undoStack()->count() <= undoBefore + 1); // a drag is one step
            ++drags;

            // The edits of every hundred moves: a run, a function, a domain, and an undo of
            // the domain (the last good state comes back).
            if (int(doc.settings().runs.size()) >= kMaxRunsKept)
                QCOMPARE(doc.clearRuns(), QString());
            const std::size_t runs = doc.settings().runs.size();
            QTest::mouseClick(addRun, Qt::LeftButton);
            QCOMPARE(doc.settings().runs.size(), runs + 1);
            QLineEdit* editor = window.functionEditor();
            editor->setText(QString::fromLatin1(kFunctions[edits % std::size(kFunctions)]));
            QMetaObject::invokeMethod(editor, "returnPressed");
            QCOMPARE(doc.settings().function, editor->text());
            const Settings beforeDomain = doc.settings();
            Settings d = beforeDomain;
            const double* domain = kDomains[edits % std::size(kDomains)];
            d.xmin = domain[0];
            d.xmax = domain[1];
            d.ymin = domain[2];
            d.ymax = domain[3];
            QCOMPARE(doc.change(d, QStringLiteral("Domain")), QString());
            QCOMPARE(doc.settings().xmin, domain[0]);
            doc.undoStack()->undo();
            QVERIFY(doc.settings() == beforeDomain);
            ++edits;
            before = frames.count();
            waitForFrame(before);

            if (done >= warmUp)
                memory.emplace_back(done, residentKb());
            if (trace)
                std::printf("soak: %d moves, %d exports, resident %ld kB\n", done, exports,
                            residentKb());
        }

        // The state the long session ended in equals the same settings given at once.
        Document fresh;
        QCOMPARE(fresh.change(doc.settings(), QStringLiteral("direct")), QString());
        QVERIFY(fresh.settings() == doc.settings());
        QVERIFY(sameValues(fresh.surface().z, doc.surface().z));
        QCOMPARE(fresh.surface().zmin, doc.surface().zmin);
        QCOMPARE(fresh.surface().zmax, doc.surface().zmax);
        QVERIFY(sameValue(fresh.expansion().at.value, doc.expansion().at.value));
        QVERIFY(sameVector(fresh.expansion().at.gradient, doc.expansion().at.gradient));
        QVERIFY(
            sameValues(fresh.expansion().at.hessian.array(), doc.expansion().at.hessian.array()));
        QVERIFY(sameValues(fresh.expansion().quadratic, doc.expansion().quadratic));
        QCOMPARE(fresh.trajectories().size(), doc.trajectories().size());
        for (std::size_t r = 0; r < doc.trajectories().size(); ++r) {
            const Trajectory &a = fresh.trajectories()[r], &b = doc.trajectories()[r];
            QCOMPARE(a.steps.size(), b.steps.size());
            for (std::size_t k = 0; k < a.steps.size(); ++k)
                QVERIFY(sameVector(a.steps[k].x, b.steps[k].x));
            QCOMPARE(a.message, b.message);
        }
        QCOMPARE(fresh.criticalPoints().points.size(), doc.criticalPoints().points.size());
        for (std::size_t i = 0; i < doc.criticalPoints().points.size(); ++i)
            QVERIFY(sameVector(fresh.criticalPoints().points[i].point,
                               doc.criticalPoints().points[i].point));
        QCOMPARE(drags, moves / kMovesPerEdit);
        QCOMPARE(exports, moves / exportEvery);

        // Memory after warm-up: peak, and the least-squares slope in kB per 1000 moves.
        if (memory.size() >= 2 && memory.front().second >= 0) {
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            long peak = 0;
            for (const auto& [m, kb] : memory) {
                sx += m;
                sy += double(kb);
                sxx += double(m) * m;
                sxy += double(m) * double(kb);
                peak = std::max(peak, kb);
            }
            const double n = double(memory.size());
            const double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
            std::printf("soak: %d moves, %d edits, %d exports; resident memory after %d "
                        "warm-up moves: first %.1f MB, last %.1f MB, peak %.1f MB, slope "
                        "%+.1f kB per 1000 moves\n",
                        moves, edits, exports, warmUp, memory.front().second / 1024.0,
                        memory.back().second / 1024.0, peak / 1024.0, slope * 1000);
        }
    }
};

QTEST_MAIN(TestSoak)
#include "test_soak.moc"
