// The 3-D scene rendered off screen: the models clipped to the plot's value range, transparent
// backgrounds, optimizer paths. (Whole pictures against baselines: gs_add_baseline in
// tests/CMakeLists.txt.) Needs an X display (scripts/test uses Xvfb).
#include "imagecompare.h"
#include "optimizers.h"
#include "sceneexport.h"
#include "surface.h"
#include "surfacescene.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <limits>

namespace {

gs::Expression parse(const char* text) {
    return *gs::Expression::parse(text).expression;
}

// The book's figure: x e^(-x^2-y^2) on [-2, 2]^2, expanded at (-1, 0).
void bookScene(gs::SurfaceScene& scene) {
    const auto f = parse("x*exp(-x^2-y^2)");
    gs::GridSpec g;
    const Eigen::Vector2d x0(-1, 0);
    scene.setTitle("f(x, y) = x*exp(-x^2-y^2)");
    scene.setSurface(gs::sampleSurface(f, g, x0));
    scene.setExpansion(gs::expand(f, x0, g, 41, Eigen::Vector2d(0.01, -0.03)));
}

} // namespace

class TestRender : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (!gs::displayAvailable())
            QFAIL("no X display: run the render tests under xvfb-run (scripts/test does)");
    }

    void quadraticStaysInTheBox() {
        gs::SurfaceScene scene;
        bookScene(scene);
        // Unclipped, the book's quadratic reaches e^-1 (-1 - 3 + 9 + 4) = 3.3 at (2, 2),
        // far above max f = 0.43: the clip must have cut it.
        const auto box = scene.boxBounds();
        const auto q = scene.quadraticBounds();
        QVERIFY(q[5] > q[4]); // something is drawn
        // VTK stores points in single precision: allow a few float ulps of the box size.
        const double slack = 4 * std::numeric_limits<float>::epsilon() * (box[5] - box[4]);
        for (int k = 0; k < 3; ++k) {
            QVERIFY2(q[2 * k] >= box[2 * k] - slack, qPrintable(QString::number(k)));
            QVERIFY2(q[2 * k + 1] <= box[2 * k + 1] + slack,
                     qPrintable(QStringLiteral("%1: %2 > %3")
                                    .arg(k)
                                    .arg(q[2 * k + 1], 0, 'g', 17)
                                    .arg(box[2 * k + 1], 0, 'g', 17)));
        }
        QVERIFY(q[5] > box[5] - 0.01 * (box[5] - box[4])); // it does reach the top, cut there
    }

    void transparentBackground() {
        gs::SurfaceScene scene;
        bookScene(scene);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clear.png"));
        gs::ImageExportOptions o;
        o.width = 320;
        o.height = 240;
        o.transparent = true;
        QVERIFY(gs::exportImage(scene.renderer(), path.toStdString(), o).empty());
        const QImage img(path);
        QCOMPARE(img.size(), QSize(320, 240));
        QVERIFY(img.hasAlphaChannel());
        QCOMPARE(qAlpha(img.pixel(2, 2)), 0); // corner: background
        long opaque = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x)
                opaque += qAlpha(img.pixel(x, y)) == 255;
        QVERIFY(opaque > img.width() * img.height() / 100); // the plot itself is drawn
    }

    void finalFrameShowsTheWholePath() {
        // Gradient descent on the book's surface from (0.2, 1.0): 40 steps, drawn in orange.
        const auto f = parse("x*exp(-x^2-y^2)");
        gs::OptimizerOptions o;
        o.learningRate = 0.5;
        o.maxSteps = 40;
        o.tolerance = 0;
        const auto run = gs::optimize(f, Eigen::Vector2d(0.2, 1.0), o);
        gs::RunPath path;
        for (const auto& step : run.steps)
            path.points.emplace_back(step.x[0], step.x[1], step.value);
        path.color = {1.0, 0.5, 0.05};
        path.label = "gd";

        gs::SurfaceScene scene;
        scene.setSurface(gs::sampleSurface(f, gs::GridSpec{}, Eigen::Vector2d::Zero()));
        scene.setRuns({path});
        scene.setFrame(5);
        QCOMPARE(scene.drawnPathPoints(0), 6); // iterates 0..5
        const int last = run.stepCount();
        scene.setFrame(last);
        QCOMPARE(scene.drawnPathPoints(0), last + 1);

        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("final.png"));
        gs::ImageExportOptions opt;
        opt.width = 800;
        opt.height = 600;
        Eigen::Vector2d first, end; // where the path's ends land, with the export's camera
        QVERIFY(gs::exportImage(scene.renderer(), file.toStdString(), opt, [&] {
                    scene.resetCamera();
                    const auto& a = path.points.front();
                    const auto& b = path.points.back();
                    first = scene.toDisplay(a.x(), a.y(), a.z());
                    end = scene.toDisplay(b.x(), b.y(), b.z());
                }).empty());
        const QImage img(file);
        // The path's colour is on screen near its first and its last iterate.
        auto orangeNear = [&](const Eigen::Vector2d& d) {
            const int cx = int(d.x()), cy = img.height() - 1 - int(d.y());
            for (int y = cy - 6; y <= cy + 6; ++y)
                for (int x = cx - 6; x <= cx + 6; ++x) {
                    if (!img.rect().contains(x, y))
                        continue;
                    const QColor c = img.pixelColor(x, y);
                    if (c.red() > 200 && c.green() > 80 && c.green() < 170 && c.blue() < 80)
                        return true;
                }
            return false;
        };
        if (!orangeNear(first) || !orangeNear(end)) {
            const QString kept = gs::test::failureOutput(QStringLiteral("final_frame.actual.png"));
            QFile::remove(kept);
            QFile::copy(file, kept);
            QFAIL(qPrintable(
                QStringLiteral("the path is not drawn from start to end; image kept at ") + kept));
        }
    }

    void refusesBadExports_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("width");
        QTest::addColumn<bool>("transparent");
        QTest::addColumn<QString>("message");
        QTest::newRow("extension") << "/tmp/x.gif" << 100 << false << ".png, .jpg or .jpeg";
        QTest::newRow("folder") << "/nonexistent/dir/x.png" << 100 << false << "does not exist";
        QTest::newRow("size") << "/tmp/x.png" << 100000 << false << "out of range";
        QTest::newRow("jpeg alpha") << "/tmp/x.jpg" << 100 << true << "needs PNG";
    }
    void refusesBadExports() {
        QFETCH(QString, path);
        QFETCH(int, width);
        QFETCH(bool, transparent);
        QFETCH(QString, message);
        gs::ImageExportOptions o;
        o.width = width;
        o.height = 100;
        o.transparent = transparent;
        const QString error =
            QString::fromStdString(gs::validateImageExport(path.toStdString(), o));
        QVERIFY2(error.contains(message), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestRender)
#include "test_render.moc"
