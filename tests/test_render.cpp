// The 3-D scene rendered off screen: the models clipped to the plot's value range, transparent
// backgrounds, optimizer paths. (Whole pictures against baselines: gs_add_baseline in
// tests/CMakeLists.txt.) Needs an X display (scripts/test uses Xvfb).
#include "contourscene.h"
#include "curvescene.h"
#include "evaluation.h"
#include "geometry2d.h"
#include "gradientfield.h"
#include "imagecompare.h"
#include "optimizers.h"
#include "overlays.h"
#include "sceneactors.h"
#include "sceneexport.h"
#include "scenestyle.h"
#include "stepexplain.h"
#include "surface.h"
#include "surfacegeometry.h"
#include "surfacescene.h"
#include "taylor.h"
#include "vtkmember.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <limits>
#include <vtkActor.h>
#include <vtkBillboardTextActor3D.h>
#include <vtkBox.h>
#include <vtkCellArray.h>
#include <vtkClipPolyData.h>
#include <vtkColorTransferFunction.h>
#include <vtkIntArray.h>
#include <vtkLegendBoxActor.h>
#include <vtkNew.h>
#include <vtkPath.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkTextProperty.h>
#include <vtkTextRenderer.h>

namespace {

gs::Expression parse(const char* text) {
    return *gs::Expression::parse(text).expression;
}

/// Sets the scenes' font scale (SceneLook::withFontScale) for a scope, the look before it
/// restored at its end.
struct FontScaleScope {
    explicit FontScaleScope(double scale)
        : before(gs::sceneLook()) {
        gs::setSceneLook(before.withFontScale(scale));
    }
    ~FontScaleScope() { gs::setSceneLook(before); }
    FontScaleScope(const FontScaleScope&) = delete;
    FontScaleScope& operator=(const FontScaleScope&) = delete;
    gs::SceneLook before;
};

// The book's figure: x e^(-x^2-y^2) on [-2, 2]^2, expanded at (-1, 0).
void bookScene(gs::SurfaceScene& scene) {
    const auto f = parse("x*exp(-x^2-y^2)");
    gs::GridSpec g;
    const Eigen::Vector2d x0(-1, 0);
    scene.setTitle("f(x, y) = x*exp(-x^2-y^2)");
    scene.setSurface(gs::sampleSurface(f, g, x0));
    scene.setExpansion(gs::expand(f, x0, g, 41, Eigen::Vector2d(0.01, -0.03)));
}

/// The shaded surface of f on the default grid, fitted in an 800x600 off-screen window: the
/// pixel drawn where (x, y, f(x, y)) projects, and the colour bar's colour for that f.
struct ShadedPixel {
    double drawn[3]; ///< 0..1
    double bar[3];
};

/// Rosenbrock's usual window, [-2, 2] x [-1, 3], on the default resolution.
gs::GridSpec rosenbrockDomain() {
    gs::GridSpec g;
    g.xmin = -2;
    g.xmax = 2;
    g.ymin = -1;
    g.ymax = 3;
    return g;
}

/// The scene shows f's surface on the default grid, shaded; returns the sample.
gs::SurfaceSample showShaded(gs::SurfaceScene& scene, const QString& function) {
    const gs::Expression f = parse(function.toLatin1().constData());
    gs::SceneStyle style;
    style.shaded = true;
    scene.setStyle(style);
    gs::SurfaceSample s = gs::sampleSurface(f, gs::GridSpec{}, Eigen::Vector2d(0, 0));
    scene.setSurface(s);
    return s;
}

ShadedPixel shadedPixelAt(const QString& function, double x, double y) {
    const gs::Expression f = parse(function.toLatin1().constData());
    gs::SurfaceScene scene;
    const gs::SurfaceSample s = showShaded(scene, function);
    vtkNew<vtkRenderWindow> window;
    window->SetOffScreenRendering(1);
    window->SetSize(800, 600);
    window->AddRenderer(scene.renderer());
    scene.resetCamera();
    window->Render();
    const double value = gs::evaluate(f, Eigen::Vector2d(x, y));
    const auto at = scene.toDisplay(x, y, value);
    unsigned char* rgb =
        window->GetPixelData(int(at.x()), int(at.y()), int(at.x()), int(at.y()), 0);
    ShadedPixel p{};
    for (int c = 0; c < 3; ++c)
        p.drawn[c] = rgb[c] / 255.0;
    delete[] rgb;
    gs::viridis(s.zmin, s.zmax)->GetColor(value, p.bar);
    window->RemoveRenderer(scene.renderer());
    return p;
}

/// The contour of `function` on [-2, 2]^2 with its point at x0 as the window shows it (the
/// tangent, the arrows, the model); returns the domain.
gs::GridSpec showOnTheSquare(gs::ContourScene& contour, const QString& function,
                             const Eigen::Vector2d& x0) {
    const auto f = parse(function.toUtf8().constData());
    gs::GridSpec g;
    g.xmin = g.ymin = -2;
    g.xmax = g.ymax = 2;
    contour.setTitle("f(x, y) = " + function.toStdString());
    contour.setSurface(gs::sampleSurface(f, g, x0), "x", "y");
    contour.setExpansion(gs::expand(f, x0, g, 41, Eigen::Vector2d(0.01, -0.03)), true, true, true);
    return g;
}

} // namespace

namespace gs {
namespace {
GS_MEMBER(BillboardQuad, vtkBillboardTextActor3D, vtkNew<vtkPolyData>, Quad)

/// The display box (xmin, xmax, ymin, ymax) of the quad a billboard text was drawn on
/// (world coordinates, set by the last render).
std::array<double, 4> drawnQuad(vtkBillboardTextActor3D* text, vtkRenderer* renderer) {
    vtkPolyData* quad = (text->*member(BillboardQuad{})).Get();
    std::array<double, 4> box{1e300, -1e300, 1e300, -1e300};
    for (vtkIdType i = 0; quad && i < quad->GetNumberOfPoints(); ++i) {
        double p[3];
        quad->GetPoint(i, p);
        renderer->SetWorldPoint(p[0], p[1], p[2], 1);
        renderer->WorldToDisplay();
        const double* d = renderer->GetDisplayPoint();
        box = {std::min(box[0], d[0]), std::max(box[1], d[0]), std::min(box[2], d[1]),
               std::max(box[3], d[1])};
    }
    return box;
}
} // namespace
} // namespace gs
using gs::drawnQuad;

class TestRender : public QObject {
    Q_OBJECT
    // The columns of a view-size table: the view's width and height in pixels and the font
    // scale (rows added by each test).
    static void addViewSizeColumns() {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<double>("fontScale");
    }

    /// Where the rings as drawn (after the markers' clip) differ from the rings as made, in
    /// words; empty when every ring is drawn whole.
    static QString ringsCut(const gs::CriticalMarkers& markers, const QString& when) {
        const auto drawn = markers.ringBounds(true), whole = markers.ringBounds(false);
        if (!(whole[1] > whole[0]))
            return when + QStringLiteral(": no ring");
        for (std::size_t k = 0; k < 4; ++k)
            if (!(std::abs(drawn[k] - whole[k]) < 1e-9))
                return QStringLiteral("%1, bound %2: drawn %3, whole %4")
                    .arg(when)
                    .arg(k)
                    .arg(drawn[k])
                    .arg(whole[k]);
        return {};
    }

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

    // At a maximum the tangent plane is horizontal on the top of the box: it must be drawn
    // whole, and near the maximum both halves (the rising one too).
    void tangentPlaneAtAMaximum_data() {
        QTest::addColumn<double>("x0");
        QTest::newRow("at the maximum") << 0.0;
        QTest::newRow("near it") << 0.05;
    }
    void tangentPlaneAtAMaximum() {
        QFETCH(double, x0);
        const auto f = parse("-(x^2+y^2)");
        gs::GridSpec g; // [-2, 2]^2
        gs::SurfaceScene scene;
        gs::SceneStyle style; // the tangent plane shown
        QVERIFY(style.showTangent);
        scene.setStyle(style);
        const Eigen::Vector2d p(x0, 0);
        scene.setSurface(gs::sampleSurface(f, g, p));
        scene.setExpansion(gs::expand(f, p, g, 41, Eigen::Vector2d(0.01, 0.01)));
        const auto t = scene.tangentBounds();
        // The patch is x0 ± 1 (a quarter of the domain's width) each way: all of it drawn.
        QVERIFY2(t[1] > t[0], "no tangent plane drawn");
        QVERIFY2(std::abs(t[0] - (x0 - 1)) < 1e-6 && std::abs(t[1] - (x0 + 1)) < 1e-6,
                 qPrintable(QStringLiteral("%1 .. %2").arg(t[0]).arg(t[1])));
        QVERIFY(std::abs(t[2] + 1) < 1e-6 && std::abs(t[3] - 1) < 1e-6);
    }

    // The ∇f arrow's length follows |∇f|: full length (0.3 of the width) at the plot's mean
    // slope S = (f max - f min) / width, capped at twice that, none when too short to see.
    void gradientArrowFollowsTheSlope_data() {
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("y");
        QTest::addColumn<double>("xmax");
        // df/dx = (1 - 2x^2) e^(-x^2-y^2), df/dy = -2xy e^(-x^2-y^2) (by hand).
        QTest::newRow("(-1, 0)") << -1.0 << 0.0 << 2.0;
        QTest::newRow("(-1, 0.8)") << -1.0 << 0.8 << 2.0;
        QTest::newRow("(1.5, 1.5)") << 1.5 << 1.5 << 2.0;
        QTest::newRow("(5, 0): |grad f| = 7e-10") << 5.0 << 0.0 << 6.0;
    }
    void gradientArrowFollowsTheSlope() {
        QFETCH(double, x);
        QFETCH(double, y);
        QFETCH(double, xmax);
        const auto f = parse("x*exp(-x^2-y^2)");
        gs::GridSpec g;
        g.xmax = xmax;
        const Eigen::Vector2d p(x, y);
        gs::SurfaceScene scene;
        const gs::SurfaceSample sample = gs::sampleSurface(f, g, p);
        scene.setSurface(sample);
        scene.setExpansion(gs::expand(f, p, g, 41, Eigen::Vector2d(0.01, 0.01)));
        const double e = std::exp(-x * x - y * y);
        const double norm = std::hypot((1 - 2 * x * x) * e, -2 * x * y * e);
        const double width = std::max(g.xmax - g.xmin, g.ymax - g.ymin);
        const double slope = (sample.zmax - sample.zmin) / width;
        double ratio = std::min(norm / slope, 2.0);
        if (ratio < 0.02)
            ratio = 0;
        QVERIFY2(std::abs(scene.gradientArrowLength() - ratio * 0.3 * width) < 1e-9,
                 qPrintable(QStringLiteral("%1 vs %2")
                                .arg(scene.gradientArrowLength())
                                .arg(ratio * 0.3 * width)));
        if (xmax > 2)
            QCOMPARE(scene.gradientArrowLength(), 0.0);
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

    void stateArrowsMatchTheirBaseline() {
        // Adam at the saddle of x^2 - y^2 from (0.6, 0.3), iteration 4: the gradient step, the
        // moment, the per-coordinate step sizes as a rectangle and the step taken, from the
        // engine's explanation of that step. GRADSCAPE_UPDATE_BASELINES=1 rewrites the picture.
        const auto f = parse("x^2-y^2");
        gs::OptimizerOptions o;
        o.method = gs::Method::Adam;
        o.learningRate = 0.1;
        o.maxSteps = 10;
        o.tolerance = 0;
        const auto run = gs::optimize(f, Eigen::Vector2d(0.6, 0.3), o);
        const auto e = gs::explainStep(run, o, 3);
        QVERIFY(e);
        const gs::StepArrows& a = e->arrows;
        gs::StepMarks marks;
        marks.point = a.point;
        marks.value = a.value;
        marks.gradientStep = a.gradientStep;
        marks.momentStep = a.momentStep;
        marks.rate = a.rate;
        marks.update = a.update;
        marks.momentLabel = a.momentLabel;
        marks.momentRole = a.momentRole;
        gs::RunPath path;
        for (const auto& step : run.steps)
            path.points.emplace_back(step.x[0], step.x[1], step.value);
        path.color = {0.902, 0.624, 0.0};
        path.label = "adam lr=0.1";

        gs::SurfaceScene scene;
        scene.setTitle("f(x, y) = x^2-y^2");
        scene.setSurface(gs::sampleSurface(f, gs::GridSpec{}, Eigen::Vector2d(0.6, 0.3)));
        scene.setRuns({path});
        scene.setFrame(3);
        scene.setStepMarks(marks);
        const gs::StateGlyphs& glyphs = scene.stateGlyphs();
        QVERIFY(glyphs.gradientVisible() && glyphs.momentVisible() && glyphs.rateVisible() &&
                glyphs.updateVisible());
        // The longest glyph magnified by a 1-2-5 factor into (0.4, 1] x kMagnifyTo of the
        // plot's width (4 here).
        const double longest =
            std::max({a.gradientStep.norm(), a.momentStep.norm(), a.update.norm(), a.rate.norm()});
        const double k = glyphs.arrowScale();
        const double decade = std::pow(10.0, std::floor(std::log10(k) + 1e-9));
        QVERIFY(k == decade || k == 2 * decade || k == 5 * decade);
        QVERIFY(k * longest <= gs::StateGlyphs::kMagnifyTo * 4 &&
                k * longest > 0.4 * gs::StateGlyphs::kMagnifyTo * 4);
        QCOMPARE(glyphs.rateExtent().x(), run.steps[3].state.rate[0]);
        // Nothing to draw at the last iterate: the glyphs go.
        scene.setStepMarks(std::nullopt);
        QVERIFY(!glyphs.gradientVisible() && !glyphs.rateVisible());
        scene.setStepMarks(marks);

        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("state_arrows.png"));
        gs::ImageExportOptions opt;
        opt.width = 800;
        opt.height = 600;
        QVERIFY(gs::exportImage(scene.renderer(), file.toStdString(), opt, [&] {
                    scene.resetCamera();
                }).empty());
        const QString baseline = QStringLiteral(GRADSCAPE_BASELINES "/state_arrows.png");
        if (qEnvironmentVariableIntValue("GRADSCAPE_UPDATE_BASELINES") == 1) {
            QFile::remove(baseline);
            QVERIFY(QFile::copy(file, baseline));
            return;
        }
        const auto d = gs::test::compareImages(QImage(file), QImage(baseline));
        if (!(d.problem.isEmpty() && d.meanAbsolute <= 1.5 && d.fractionOff <= 0.005)) {
            const QString kept = gs::test::failureOutput(QStringLiteral("state_arrows.actual.png"));
            QFile::remove(kept);
            QFile::copy(file, kept);
            QFAIL(qPrintable(QStringLiteral("differs from %1 (mean %2, %3 off); kept at %4")
                                 .arg(baseline)
                                 .arg(d.meanAbsolute)
                                 .arg(d.fractionOff)
                                 .arg(kept)));
        }
    }

    void gradientArrowAndPointOnTop_data() {
        QTest::addColumn<bool>("shaded");
        QTest::newRow("wireframe") << false;
        // f is convex at (-1, 0) (H = 2e^-1 I): the arrows, tangent to f, lie under the
        // opaque shaded surface seen from above.
        QTest::newRow("shaded") << true;
    }
    void gradientArrowAndPointOnTop() {
        // The book's scene at (-1, 0): f = -e^-1, grad f = ((1 - 2x^2) e^(-x^2-y^2), -2xy e^..)
        // = (-e^-1, 0), so the ascent arrow points along (-e^-1, 0, e^-2) in f's units, into
        // the tangent plane and the quadratic's bowl. It and the marker must still show.
        QFETCH(bool, shaded);
        gs::SurfaceScene scene;
        gs::SceneStyle style;
        style.shaded = shaded;
        scene.setStyle(style);
        bookScene(scene);
        const double e1 = std::exp(-1.0), f0 = -e1;
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("top.png"));
        gs::ImageExportOptions opt;
        opt.width = 800;
        opt.height = 600;
        Eigen::Vector2d mid, marker;
        QVERIFY(gs::exportImage(scene.renderer(), file.toStdString(), opt, [&] {
                    scene.resetCamera();
                    const double scale = scene.displayZ(1.0) - scene.displayZ(0.0);
                    Eigen::Vector3d u(-e1, 0, e1 * e1 * scale); // the arrow in the box
                    u.normalize();
                    // Half the arrow's length (0.3 of the box's width, 4) from the point.
                    const double s = 0.5 * gs::sceneLook().arrowLength * 4.0;
                    mid = scene.toDisplay(-1 + s * u.x(), s * u.y(), f0 + s * u.z() / scale);
                    marker = scene.toDisplay(-1, 0, f0);
                }).empty());
        const QImage img(file);
        auto redNear = [&](const Eigen::Vector2d& d, int r) {
            const int cx = int(d.x()), cy = img.height() - 1 - int(d.y());
            for (int y = cy - r; y <= cy + r; ++y)
                for (int x = cx - r; x <= cx + r; ++x) {
                    if (!img.rect().contains(x, y))
                        continue;
                    const QColor c = img.pixelColor(x, y);
                    if (c.red() > 150 && c.green() < 90 && c.blue() < 90)
                        return true;
                }
            return false;
        };
        if (!redNear(mid, 3) || !redNear(marker, 2)) {
            const QString kept = gs::test::failureOutput(QStringLiteral("on_top.actual.png"));
            QFile::remove(kept);
            QFile::copy(file, kept);
            QFAIL(qPrintable(QStringLiteral("the ascent arrow or the point is buried; image kept "
                                            "at ") +
                             kept));
        }
    }

    void exportTextScales_data() {
        QTest::addColumn<double>("scale");
        QTest::newRow("1200x900") << 1.0;
        QTest::newRow("4800x3600") << 4.0;
        QTest::newRow("odd") << 2.5;
    }
    void exportTextScales() {
        // Tick labels (13 px) and axis titles (16 px at scale 1) grow with the export.
        QFETCH(double, scale);
        gs::SurfaceScene scene;
        bookScene(scene);
        gs::SceneStyle style;
        style.pixelScale = scale;
        scene.setStyle(style);
        const std::vector<int> sizes = scene.textFontSizes();
        QVERIFY(sizes.size() >= 4); // labels and the two titles
        const int label = int(std::lround(13 * scale)), title = int(std::lround(16 * scale));
        for (std::size_t i = 0; i + 2 < sizes.size(); ++i)
            QCOMPARE(sizes[i], label);
        QCOMPARE(sizes[sizes.size() - 2], title);
        QCOMPARE(sizes.back(), title);
    }

    // Issue #13: the 2-D views' axis titles clear their tick labels at device pixel ratio 1
    // and 2 (the window's DPI and the lines double, VTK's title offsets stay in pixels) and in
    // a large export (text scale 3), read back from the text actors VTK drew: the y title's
    // box left of every y label's, the x title's below every x label's, none overlapping.
    void axisTitlesClearTheirLabels_data() {
        QTest::addColumn<QString>("view");
        QTest::addColumn<double>("ratio");
        QTest::addColumn<double>("textScale");
        for (const char* view : {"contour", "curve", "wide"}) {
            QTest::addRow("%s ratio 1", view) << QString::fromLatin1(view) << 1.0 << 1.0;
            QTest::addRow("%s ratio 2", view) << QString::fromLatin1(view) << 2.0 << 1.0;
            QTest::addRow("%s export x3", view) << QString::fromLatin1(view) << 1.0 << 3.0;
        }
    }
    void axisTitlesClearTheirLabels() {
        QFETCH(QString, view);
        QFETCH(double, ratio);
        QFETCH(double, textScale);
        gs::ContourScene contour;
        gs::CurveScene curve;
        gs::Plot2D* plot = &contour;
        if (view == QLatin1String("curve")) { // the book's quartic: labels of f to -32
            const auto f = *gs::Expression::parse("3*x^4-4*x^3-12*x^2", {"x"}).expression;
            gs::GridSpec g;
            g.xmin = -2;
            g.xmax = 3;
            g.ny = 1;
            curve.setPixelScale(textScale);
            curve.setCurve(gs::sampleSurface(f, g, Eigen::VectorXd::Zero(1)), "x");
            plot = &curve;
        } else { // Himmelblau on [-5, 5]^2; "wide": labels of five characters (-1500)
            const auto f = parse("(x^2+y-11)^2+(x+y^2-7)^2");
            gs::GridSpec g;
            const double r = view == QLatin1String("wide") ? 1500 : 5;
            g.xmin = g.ymin = -r;
            g.xmax = g.ymax = r;
            g.nx = g.ny = 41;
            contour.setPixelScale(textScale);
            contour.setSurface(gs::sampleSurface(f, g, Eigen::Vector2d(1, 1)), "x", "y");
        }
        vtkNew<vtkRenderWindow> window;
        window->SetOffScreenRendering(1);
        const double side = ratio * textScale;
        window->SetSize(int(640 * side), int(480 * side));
        window->SetDPI(int(72 * ratio)); // as the window's bridge sets it (vtkwidget.cpp)
        window->AddRenderer(plot->renderer());
        plot->setDeviceScale(ratio);
        plot->resetCamera();
        window->Render();
        for (int axis : {0, 1}) {
            const gs::Plot2D::AxisText text = plot->axisText(axis);
            const auto& t = text.title;
            QVERIFY2(t[1] > t[0] && t[3] > t[2], "no title drawn");
            QVERIFY(text.labels.size() >= 2);
            for (const auto& l : text.labels) {
                const QString where = QStringLiteral("axis %1: title [%2, %3] x [%4, %5], label "
                                                     "[%6, %7] x [%8, %9]")
                                          .arg(axis)
                                          .arg(t[0])
                                          .arg(t[1])
                                          .arg(t[2])
                                          .arg(t[3])
                                          .arg(l[0])
                                          .arg(l[1])
                                          .arg(l[2])
                                          .arg(l[3]);
                if (axis == 1)
                    QVERIFY2(t[1] < l[0], qPrintable(where)); // left of the label
                else
                    QVERIFY2(t[3] < l[2], qPrintable(where)); // below the label
            }
            // And inside the picture.
            const int* size = window->GetSize();
            QVERIFY2(t[0] >= 0 && t[2] >= 0 && t[1] <= size[0] && t[3] <= size[1],
                     qPrintable(QStringLiteral("title box %1 %2 %3 %4")
                                    .arg(t[0])
                                    .arg(t[1])
                                    .arg(t[2])
                                    .arg(t[3])));
        }
        window->RemoveRenderer(plot->renderer());
    }

    // Issue #13: PNG titles drew "V[1,1]" as "V(1,1)": Debian's VTK embeds URW Gothic L as
    // its default font ("Arial"), whose [ and ] are round. The scenes' text is DejaVu Sans
    // (as in SVG and PDF): the glyph outlines VTK's text renderer makes for [ and ] are
    // straight lines only (FreeType move and line segments, no curve), those of ( and ) are
    // curved, in the regular and the bold face (titles) and at the tick labels' size.
    void bracketsAreSquare_data() {
        QTest::addColumn<bool>("bold");
        QTest::newRow("regular") << false;
        QTest::newRow("bold") << true;
    }
    void bracketsAreSquare() {
        QFETCH(bool, bold);
        const gs::SurfaceScene scene; // a scene uses the scene font before it draws text
        vtkNew<vtkTextProperty> text; // the default family, as every scene text has it
        text->SetFontSize(13);
        text->SetBold(bold);
        vtkTextRenderer* renderer = vtkTextRenderer::GetInstance();
        QVERIFY(renderer);
        auto curveSegments = [&](const char* s) {
            vtkNew<vtkPath> path;
            if (!renderer->StringToPath(text, s, path, 72))
                return -1;
            vtkIntArray* codes = path->GetCodes();
            int curves = 0, points = 0;
            for (vtkIdType i = 0; codes && i < codes->GetNumberOfTuples(); ++i, ++points)
                curves += codes->GetValue(i) == vtkPath::CONIC_CURVE ||
                          codes->GetValue(i) == vtkPath::CUBIC_CURVE;
            return points > 0 ? curves : -1;
        };
        QCOMPARE(curveSegments("["), 0);
        QCOMPARE(curveSegments("]"), 0);
        QVERIFY(curveSegments("(") > 0);
        QVERIFY(curveSegments(")") > 0);
        // The family VTK reads is the default one, the file the scene font's.
        QCOMPARE(text->GetFontFamily(), VTK_ARIAL);
        QVERIFY(QFile::exists(QString::fromLatin1(gs::sceneFontFile(bold, false))));
    }

    void boxAspect() {
        // The box's height is boxHeight times its width (4 on [-2, 2]^2), whatever f's range.
        gs::SurfaceScene scene;
        bookScene(scene);
        gs::SceneStyle style;
        style.boxHeight = 2.0;
        scene.setStyle(style);
        QCOMPARE(scene.boxBounds()[5], 8.0);
        style.boxHeight = 0.25;
        scene.setStyle(style);
        QCOMPARE(scene.boxBounds()[5], 1.0);
    }

    void newtonStepSaysWhatItWas_data() {
        QTest::addColumn<QString>("function");
        QTest::addColumn<double>("damping");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("text");
        // x^2 + 5y^2: H = diag(2, 10) positive definite, so the Newton step is x - H^-1 g;
        // damping 1 takes all of it (pure), 0.25 a quarter (damped).
        QTest::newRow("pure") << "x^2+5*y^2" << 1.0 << int(gs::NewtonKind::Pure)
                              << "Newton step 1: pure, the full step to the grey model's minimum";
        QTest::newRow("damped") << "x^2+5*y^2" << 0.25 << int(gs::NewtonKind::Damped)
                                << "Newton step 1: damped, t = 0.25 of the step to the "
                                   "grey model's minimum";
        // x^2 - y^2: H = diag(2, -2) is indefinite, so the safeguarded direction is taken.
        QTest::newRow("safeguarded")
            << "x^2-y^2" << 1.0 << int(gs::NewtonKind::Safeguarded)
            << "Newton step 1: safeguarded (H not positive definite): eigenvalues floored at 1/lr";
        QTest::newRow("safeguarded, half")
            << "x^2-y^2" << 0.5 << int(gs::NewtonKind::Safeguarded)
            << "Newton step 1: safeguarded (H not positive definite): eigenvalues floored at "
               "1/lr, t = 0.5";
    }

    void newtonStepSaysWhatItWas() {
        // The label comes from the engine's record of the step (Step::newton, stepLength),
        // and the scene shows it with the model until the model is cleared.
        QFETCH(QString, function);
        QFETCH(double, damping);
        QFETCH(int, kind);
        QFETCH(QString, text);
        gs::OptimizerOptions o;
        o.method = gs::Method::Newton;
        o.damping = damping;
        o.maxSteps = 3;
        const auto f = parse(qPrintable(function));
        const gs::Trajectory t = gs::optimize(f, Eigen::Vector2d(0.5, 0.5), o);
        QVERIFY(t.steps.size() >= 2);
        QCOMPARE(int(t.steps[1].newton), kind);
        QCOMPARE(QString::fromStdString(gs::newtonStepText(t.steps[1], 1)), text);
        QVERIFY(gs::newtonStepText(t.steps[0], 0).empty()); // the start: no step led there

        gs::SurfaceScene scene;
        gs::GridSpec g;
        g.nx = g.ny = 11;
        scene.setSurface(gs::sampleSurface(f, g, Eigen::Vector2d(0.5, 0.5)));
        scene.setNewtonModel(g, gs::taylor(f, t.steps[0].x, 2).sampleGrid(g),
                             gs::newtonStepText(t.steps[1], 1));
        QCOMPARE(QString::fromStdString(scene.newtonLabel()), text);
        scene.clearNewtonModel();
        QVERIFY(scene.newtonLabel().empty());
    }

    // Issue #9 (cont10, 3): in the animation of the ill-conditioned bowl's four runs the
    // caption "Newton step 1: ..." was drawn over the x axis's tick label "2" (640 x 480,
    // early frames, with larger text). The caption's box as drawn meets no tick label or axis title
    // as VTK drew them (the quads of their textures on screen), at the GIF's default sizes.
    void newtonCaptionKeepsOffTheTickLabels_data() {
        addViewSizeColumns();
        QTest::newRow("640x480") << 640 << 480 << 1.0;
        QTest::newRow("640x480, font scale 1.5") << 640 << 480 << 1.5;
        QTest::newRow("1280x960, font scale 1.5") << 1280 << 960 << 1.5;
        QTest::newRow("800x600, font scale 2") << 800 << 600 << 2.0;
    }
    void newtonCaptionKeepsOffTheTickLabels() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(double, fontScale);
        const FontScaleScope scale(fontScale);
        const auto f = parse("0.5*x^2+5*y^2");
        gs::GridSpec g;
        g.xmin = g.ymin = -2;
        g.xmax = g.ymax = 2;
        const Eigen::Vector2d x0(-1.8, 0.8);
        gs::OptimizerOptions o;
        o.method = gs::Method::Newton;
        o.maxSteps = 3;
        const gs::Trajectory t = gs::optimize(f, x0, o);
        QVERIFY(t.steps.size() >= 2);
        gs::SurfaceScene scene;
        scene.setTitle("f(x, y) = 0.5*x^2 + 5*y^2");
        scene.setSurface(gs::sampleSurface(f, g, x0));
        scene.setNewtonModel(g, gs::taylor(f, t.steps[0].x, 2).sampleGrid(g),
                             gs::newtonStepText(t.steps[1], 1));
        vtkNew<vtkRenderWindow> window;
        window->SetOffScreenRendering(1);
        window->SetSize(width, height);
        window->AddRenderer(scene.renderer());
        scene.resetCamera();
        window->Render();
        window->Render();
        const std::array<double, 4> caption = scene.newtonLabelBox(); // xmin, xmax, ymin, ymax
        QVERIFY(caption[1] > caption[0] && caption[3] > caption[2]);
        QVERIFY(caption[0] >= 0 && caption[1] <= width && caption[2] >= 0);
        int checked = 0;
        for (vtkBillboardTextActor3D* text : scene.axisTexts()) {
            if (!text->GetVisibility() || !text->GetInput() || !*text->GetInput())
                continue;
            const std::array<double, 4> b = drawnQuad(text, scene.renderer());
            if (!(b[1] > b[0]))
                continue;
            ++checked;
            QVERIFY2(
                !(b[0] < caption[1] && caption[0] < b[1] && b[2] < caption[3] && caption[2] < b[3]),
                qPrintable(QStringLiteral("the caption at %1..%2 x %3..%4 covers '%5'")
                               .arg(caption[0])
                               .arg(caption[1])
                               .arg(caption[2])
                               .arg(caption[3])
                               .arg(QString::fromUtf8(text->GetInput()))));
        }
        QVERIFY(checked >= 10);
        window->RemoveRenderer(scene.renderer());
    }

    // On the dark theme the Newton step's label was the dark model's light grey on a white
    // ground (1.5:1). Its ground is the theme's panel: in the label's corner no pixel is
    // near white, and some are the model's light grey (the text).
    void newtonLabelFollowsTheTheme() {
        const gs::SceneLook before = gs::sceneLook();
        gs::setSceneLook(gs::SceneLook().dark());
        const auto f = parse("x^2+5*y^2");
        gs::SurfaceScene scene;
        gs::GridSpec g;
        g.nx = g.ny = 11;
        scene.setSurface(gs::sampleSurface(f, g, Eigen::Vector2d(0.5, 0.5)));
        scene.setNewtonModel(g, gs::taylor(f, Eigen::Vector2d(0.5, 0.5), 2).sampleGrid(g),
                             "Newton step 1: pure, the full step to the grey model's minimum");
        vtkNew<vtkRenderWindow> window;
        window->SetOffScreenRendering(1);
        window->SetSize(800, 600);
        window->AddRenderer(scene.renderer());
        scene.resetCamera();
        window->Render();
        // The label: right-aligned at 98 % of the width, its bottom at 2 % of the height.
        unsigned char* rgb = window->GetPixelData(400, 2, 790, 40, 0);
        // The white ground at opacity 0.85 over the dark one is 221 grey; the text's cores
        // are 204 (0.8), a small share of the label's box.
        constexpr int kPixels = 391 * 39;
        int bright = 0, text = 0;
        for (int i = 0; i < kPixels; ++i) {
            const unsigned char* p = rgb + 3 * i;
            bright += p[0] > 200 && p[1] > 200 && p[2] > 200;
            text +=
                std::abs(p[0] - 204) < 12 && std::abs(p[1] - 204) < 12 && std::abs(p[2] - 204) < 12;
        }
        delete[] rgb;
        window->RemoveRenderer(scene.renderer());
        gs::setSceneLook(before);
        qInfo("bright pixels %d of %d, text-grey %d", bright, kPixels, text);
        QVERIFY2(bright < 0.05 * kPixels, qPrintable(QString::number(bright)));
        QVERIFY2(text > 20, qPrintable(QString::number(text)));
    }

    // Issue #9 (c): in a narrow view (the contour view side by side with the 3-D one, 400
    // pixels wide) the y axis's title was cut at the left edge (the margin was a fraction of
    // the frame only) and the stability note shrank to 7 pixels and ran past the edge. The
    // titles lie inside the picture, the note is wrapped onto lines at its size, inside.
    // At 4800 x 3600 (#9 item 11) the axes' text is four times the window's.
    void plotTextStaysInTheView_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<double>("textScale");
        QTest::addColumn<QString>("yName");
        QTest::newRow("side by side, x[2]") << 400 << 620 << 1.0 << "x[2]";
        QTest::newRow("side by side, y") << 400 << 620 << 1.0 << "y";
        QTest::newRow("narrow 300") << 300 << 620 << 1.0 << "x[2]";
        QTest::newRow("whole view") << 930 << 650 << 1.0 << "y";
        QTest::newRow("export 4800x3600") << 4800 << 3600 << 4.0 << "x[2]";
    }
    void plotTextStaysInTheView() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(double, textScale);
        QFETCH(QString, yName);
        const auto f = parse("0.5*x^2+5*y^2");
        gs::GridSpec g;
        gs::ContourScene contour;
        contour.setPixelScale(textScale);
        contour.setTitle("f(x, y) = 0.5*x^2 + 5*y^2");
        contour.setSurface(gs::sampleSurface(f, g, Eigen::Vector2d(-1.8, 0.8)), "x[1]",
                           yName.toStdString());
        const std::string note = "gradient descent stable here for learning rate < 2 / "
                                 "(largest eigenvalue of H) = 0.2";
        contour.setNote(note);
        vtkNew<vtkRenderWindow> window;
        window->SetOffScreenRendering(1);
        window->SetSize(width, height);
        window->AddRenderer(contour.renderer());
        contour.resetCamera();
        window->Render();
        const auto inside = [&](const std::array<double, 4>& b, const char* what) {
            QVERIFY2(b[1] > b[0] && b[3] > b[2], what);
            QVERIFY2(b[0] >= 0 && b[2] >= 0 && b[1] <= width && b[3] <= height,
                     qPrintable(QStringLiteral("%1: %2 %3 %4 %5 in %6 x %7")
                                    .arg(QLatin1String(what))
                                    .arg(b[0])
                                    .arg(b[1])
                                    .arg(b[2])
                                    .arg(b[3])
                                    .arg(width)
                                    .arg(height)));
        };
        const gs::Plot2D::AxisText x = contour.axisText(0), y = contour.axisText(1);
        inside(x.title, "x title");
        inside(y.title, "y title");
        for (const auto& l : y.labels) // and clear of its labels (axisTitlesClearTheirLabels)
            QVERIFY(y.title[1] < l[0]);
        for (const auto& l : x.labels)
            inside(l, "x label");
        // The note at its size (13 * 1.1 points, times the text scale), on up to three lines.
        const int wanted = int(std::lround(13 * 1.1 * textScale));
        QCOMPARE(contour.noteFontSize(), wanted);
        QVERIFY(contour.noteLines() >= 1 && contour.noteLines() <= 3);
        inside(contour.noteBox(), "note");
        inside(contour.titleBox(), "title");
        // Under the title, above the frame's top.
        QVERIFY(contour.noteBox()[3] <= contour.titleBox()[2] + 1);
        const std::array<double, 4>& fr = contour.frame();
        QVERIFY(contour.noteBox()[2] >= contour.toDisplay(fr[1], fr[3]).y());
        // The axes' text follows the text scale: tick labels (13 points) and titles (16) as
        // high as the scaled font (a line of DejaVu Sans is about 1.2 em high).
        const double labelHeight = y.labels.front()[3] - y.labels.front()[2];
        QVERIFY2(labelHeight > 0.9 * 13 * textScale && labelHeight < 1.6 * 13 * textScale,
                 qPrintable(QString::number(labelHeight)));
        const double titleHeight = x.title[3] - x.title[2];
        QVERIFY2(titleHeight > 0.9 * 16 * textScale && titleHeight < 1.6 * 16 * textScale,
                 qPrintable(QString::number(titleHeight)));
        window->RemoveRenderer(contour.renderer());
    }

    // Issue #9 (d): the curve view's ring round the global maximum at the domain's left end
    // (the book's quartic on [-2, 3]: f(-2) = 32) was cut in half by the frame. Every ring is
    // drawn whole: the rings as drawn (cut to the frame) are the rings as made.
    void curveMarkersAtTheEndsAreWhole() {
        const auto f = *gs::Expression::parse("3*x^4-4*x^3-12*x^2", {"x"}).expression;
        gs::GridSpec g;
        g.xmin = -2;
        g.xmax = 3;
        g.ny = 1;
        gs::CurveScene curve;
        curve.setCurve(gs::sampleSurface(f, g, Eigen::VectorXd::Zero(1)), "x");
        gs::PlotMarker max, min;
        max.at = Eigen::Vector3d(-2, 32, 0); // 3*16 + 4*8 - 12*4 = 32
        max.kind = gs::Classification::Maximum;
        max.extreme = 1;
        max.label = "global max 32";
        min.at = Eigen::Vector3d(2, -32, 0); // 48 - 32 - 48 = -32
        min.kind = gs::Classification::Minimum;
        min.extreme = -1;
        min.label = "global min -32";
        curve.setCriticalPoints({max, min});
        const QString home = ringsCut(curve.markers(), QStringLiteral("at the fit"));
        QVERIFY2(home.isEmpty(), qPrintable(home));
        // The curve itself still spans the domain only.
        const std::array<double, 4>& fr = curve.frame();
        QVERIFY(fr[0] < -2 && fr[1] > 3);
        // Zoomed out five notches the rings grow in the world (their size on screen kept):
        // still whole (tester s17: the ring at an end was cut into two arcs).
        vtkNew<vtkRenderWindow> window;
        window->SetOffScreenRendering(1);
        window->SetSize(600, 400);
        window->AddRenderer(curve.renderer());
        curve.resetCamera();
        window->Render();
        const double symbol = curve.markers().symbolSize();
        for (int k = 0; k < 5; ++k) {
            curve.zoom(1 / 1.2, 300, 200);
            window->Render();
        }
        window->RemoveRenderer(curve.renderer());
        QVERIFY(curve.markers().symbolSize() > 2 * symbol); // 1.2^5 = 2.5 times in the world
        const QString out = ringsCut(curve.markers(), QStringLiteral("zoomed out"));
        QVERIFY2(out.isEmpty(), qPrintable(out));
    }

    // A path that leaves the plot says so in its legend entry (tester s17: Newton on
    // sin(x)*x from 1 ends at x = -4.91, far below the curve's frame, and read "(minimum)").
    void runLeavingThePlotIsCut() {
        const auto f = *gs::Expression::parse("sin(x)*x", {"x"}).expression;
        gs::GridSpec g;
        g.ny = 1;
        gs::CurveScene curve;
        curve.setCurve(gs::sampleSurface(f, g, Eigen::VectorXd::Zero(1)), "x");
        const auto at = [](double x) { return Eigen::Vector3d(x, std::sin(x) * x, 0); };
        gs::RunPath out, in;
        out.points = {at(1), at(-4.778), at(-4.913)};
        out.color = gs::runColor(0);
        out.label = "Newton (minimum)";
        in.points = {at(1), at(0.5), at(0.1)};
        in.color = gs::runColor(1);
        in.label = "Gradient descent lr=0.1";
        curve.setRuns({out, in});
        QCOMPARE(curve.runPaths().legendEntry(0),
                 std::string("  Newton (minimum), leaves the plot"));
        QCOMPARE(curve.runPaths().legendEntry(1), std::string("  Gradient descent lr=0.1"));
        // At every frame of the animation, the first iterate's too: the legend names the run,
        // and its text (and the layout it takes) stays put while the run plays (tester s23:
        // the legend widened in the middle of the animation).
        curve.setFrame(0);
        QCOMPARE(curve.runPaths().legendEntry(0),
                 std::string("  Newton (minimum), leaves the plot"));
        curve.setFrame(1);
        QCOMPARE(curve.runPaths().legendEntry(0),
                 std::string("  Newton (minimum), leaves the plot"));
    }

    // Tester s18: Export Image of a zoomed contour view wrote the whole domain. showRange, after
    // a fit at the picture's size, puts the range the view showed in the fixed frame: the
    // range shown is that one (to rounding), and the frame stays where the fit put it.
    void showRangeShowsTheRange() {
        const auto f = parse("(1-x)^2+100*(y-x^2)^2");
        const gs::GridSpec g = rosenbrockDomain();
        gs::ContourScene contour;
        contour.setSurface(gs::sampleSurface(f, g, Eigen::Vector2d(-1, 1)), "x", "y");
        vtkNew<vtkRenderWindow> window;
        window->SetOffScreenRendering(1);
        window->SetSize(900, 600);
        window->AddRenderer(contour.renderer());
        contour.resetCamera();
        window->Render();
        const std::array<double, 4> whole = contour.shownRange();
        const Eigen::Vector2d lo = contour.toDisplay(whole[0], whole[2]);
        const std::array<double, 4> want{0.25, 0.45, 0.1, 0.3}; // square, as the frame
        contour.showRange(want);
        QVERIFY(contour.zoomed());
        window->Render();
        const std::array<double, 4> got = contour.shownRange();
        for (int k = 0; k < 4; ++k)
            QVERIFY2(
                std::abs(got[k] - want[k]) <= 1e-9,
                qPrintable(
                    QStringLiteral("bound %1: %2, wanted %3").arg(k).arg(got[k]).arg(want[k])));
        const Eigen::Vector2d corner = contour.toDisplay(want[0], want[2]);
        QVERIFY((corner - lo).norm() < 1e-6);
    }

    // Issue #9 (cont9, 4): the contour view cut the ring round Rosenbrock's global maximum
    // at the domain's corner (-2, -1) to a quarter circle. Every marker is drawn whole: the
    // rings as drawn (cut to the frame grown by a ring) are the rings as made.
    void contourMarkersAtTheCornersAreWhole() {
        const auto f = parse("(1-x)^2+100*(y-x^2)^2");
        const gs::GridSpec g = rosenbrockDomain();
        gs::ContourScene contour;
        contour.setSurface(gs::sampleSurface(f, g, Eigen::Vector2d(-1, 1)), "x", "y");
        gs::PlotMarker max, min;
        max.at = Eigen::Vector3d(-2, -1, 0); // 9 + 100*25 = 2509, the largest on the domain
        max.kind = gs::Classification::Degenerate;
        max.extreme = 1;
        max.label = "global max 2509";
        min.at = Eigen::Vector3d(1, 1, 0);
        min.kind = gs::Classification::Minimum;
        min.extreme = -1;
        min.label = "global min 0";
        contour.setCriticalPoints({max, min});
        const auto whole = contour.markers().ringBounds(false);
        QVERIFY(whole[0] < g.xmin && whole[2] < g.ymin); // the corner's ring reaches past it
        const QString home = ringsCut(contour.markers(), QStringLiteral("at the fit"));
        QVERIFY2(home.isEmpty(), qPrintable(home));
        // And off the axes' tick labels: the axes stand off the domain's edges by the ring.
        vtkNew<vtkRenderWindow> window;
        window->SetOffScreenRendering(1);
        window->SetSize(600, 600);
        window->AddRenderer(contour.renderer());
        contour.resetCamera();
        window->Render();
        const Eigen::Vector2d centre = contour.toDisplay(-2, -1);
        // The rings' bounds start at the corner ring's left edge: its radius.
        const double radius = centre.x() - contour.toDisplay(whole[0], -1).x();
        QVERIFY(radius > 5);
        int labels = 0;
        for (int axis : {0, 1})
            for (const auto& b : contour.axisText(axis).labels) { // xmin, xmax, ymin, ymax
                const double dx = std::max({b[0] - centre.x(), 0.0, centre.x() - b[1]});
                const double dy = std::max({b[2] - centre.y(), 0.0, centre.y() - b[3]});
                QVERIFY2(std::hypot(dx, dy) > radius,
                         qPrintable(QStringLiteral("a tick label at %1..%2 x %3..%4 under the "
                                                   "ring at %5, %6 (radius %7)")
                                        .arg(b[0])
                                        .arg(b[1])
                                        .arg(b[2])
                                        .arg(b[3])
                                        .arg(centre.x())
                                        .arg(centre.y())
                                        .arg(radius)));
                ++labels;
            }
        QVERIFY(labels >= 8);
        // Zoomed out, the rings keep their size on screen and so grow in world units: still
        // whole (tester s17: five notches out cut the corner's ring to an arc).
        const double symbol = contour.markers().symbolSize();
        for (int k = 0; k < 5; ++k) {
            contour.zoom(1 / 1.2, 300, 300);
            window->Render();
        }
        QVERIFY(contour.markers().symbolSize() > 2 * symbol); // 1.2^5 = 2.5 times in the world
        const QString out = ringsCut(contour.markers(), QStringLiteral("zoomed out"));
        QVERIFY2(out.isEmpty(), qPrintable(out));
        window->RemoveRenderer(contour.renderer());
    }

    // Issue #9 (cont9, 3): the contour's point legend took the top left corner over a crowd
    // of level curves while another corner was free. f = exp(2 (x + y)) on [-2, 2]^2: its
    // levels (log-spaced) crowd the top right half; the point at the origin with its
    // arrows. The legend goes to a corner with fewer level-curve points under it than any
    // other corner clear of the point, and its text is at the tick labels' size.
    void contourPointLegendAvoidsTheLevelCurves() {
        const auto f = parse("exp(2*(x+y))");
        gs::GridSpec g;
        const Eigen::Vector2d x0(0.3, -0.3);
        gs::ContourScene contour;
        contour.setSurface(gs::sampleSurface(f, g, x0), "x", "y");
        contour.setExpansion(gs::expand(f, x0, g, 41, Eigen::Vector2d(0.01, -0.03)), true, false,
                             true);
        vtkNew<vtkRenderWindow> window;
        window->SetOffScreenRendering(1);
        window->SetSize(700, 600);
        window->AddRenderer(contour.renderer());
        contour.resetCamera();
        window->Render();
        window->Render(); // the labels placed for the first picture's zoom
        const std::array<double, 4> r = contour.pointLegendRect();
        QVERIFY(r[2] > r[0]);
        // The level curves' points on screen in each corner's box of the legend's size.
        const std::array<double, 4>& fr = contour.frame();
        const Eigen::Vector2d lo = contour.toDisplay(fr[0], fr[2]),
                              hi = contour.toDisplay(fr[1], fr[3]);
        const double w = r[2] - r[0], h = r[3] - r[1];
        const std::vector<Eigen::Vector2d> curves = contour.levelCurvePoints();
        QVERIFY(curves.size() > 100);
        auto under = [&](double x0d, double y0d) {
            int n = 0;
            for (const Eigen::Vector2d& p : curves) {
                const Eigen::Vector2d d = contour.toDisplay(p.x(), p.y());
                n += d.x() >= x0d && d.x() <= x0d + w && d.y() >= y0d && d.y() <= y0d + h ? 1 : 0;
            }
            return n;
        };
        const int drawn = under(r[0], r[1]);
        int fewest = drawn;
        for (const double x : {lo.x(), hi.x() - w})
            for (const double y : {lo.y(), hi.y() - h})
                fewest = std::min(fewest, under(x, y));
        QVERIFY2(
            drawn <= fewest + 5,
            qPrintable(QStringLiteral("%1 curve points under the legend, %2 in the freest corner")
                           .arg(drawn)
                           .arg(fewest)));
        const int tick = int(std::lround(gs::sceneLook().tickFont));
        QVERIFY2(contour.pointLegendFontSize() >= tick,
                 qPrintable(QString::number(contour.pointLegendFontSize())));
    }

    // Issue #9 (s8, 6): the level labels printed "6.31e+04", "1.99e+05" and "6.3e+05" (%.4g:
    // digits dropped, a "+" and a padded exponent). One number of significant digits for the
    // whole set (the most any level needs), plain from 0.001 to 10^4, else m.mmeN. The
    // expected texts are written out by hand from those rules.
    void levelTextsAreCompactAndConsistent_data() {
        QTest::addColumn<std::vector<double>>("levels");
        QTest::addColumn<QStringList>("texts");
        QTest::newRow("log-spaced, large (Book: backpropagation)")
            << std::vector<double>{2010, 6310, 11200, 19900, 63100, 112000, 199000, 630000}
            << QStringList{"2010",   "6310",   "1.12e4", "1.99e4",
                           "6.31e4", "1.12e5", "1.99e5", "6.30e5"};
        QTest::newRow("even, two digits") << std::vector<double>{0.05, 0.1, 0.15, 0.2}
                                          << QStringList{"0.05", "0.1", "0.15", "0.2"};
        QTest::newRow("through zero")
            << std::vector<double>{-0.4, -0.2, 0, 0.2} << QStringList{"-0.4", "-0.2", "0", "0.2"};
        QTest::newRow("small") << std::vector<double>{1e-5, 2.5e-5}
                               << QStringList{"1.0e-5", "2.5e-5"};
    }
    void levelTextsAreCompactAndConsistent() {
        QFETCH(std::vector<double>, levels);
        QFETCH(QStringList, texts);
        QStringList got;
        for (const std::string& t : gs::levelTexts(levels))
            got << QString::fromStdString(t);
        QCOMPARE(got, texts);
    }

    // Issue #9 (num19, 1): one value alone (a critical point's label, a caption, a legend)
    // prints as the level labels do, with the fewest digits up to three that give it back.
    // Written out by hand from compactNumber's rules (scenestyle.h).
    void compactNumberOfOneValue_data() {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("large, rounded to three digits") << 1994000.0 << "1.99e6";
        QTest::newRow("two digits") << 0.15 << "0.15";
        QTest::newRow("integer under 10^4") << 2010.0 << "2010";
        QTest::newRow("10^4 turns to m.mmeN") << 10000.0 << "1e4";
        QTest::newRow("small negative") << -3.2e-5 << "-3.2e-5";
        QTest::newRow("0.001 still plain") << 0.001 << "0.001";
        QTest::newRow("under 0.001") << 0.000999 << "9.99e-4";
        QTest::newRow("rounded plain") << 0.123456789 << "0.123";
        QTest::newRow("rounded up to 10^4: three digits shown") << 9999.9 << "1.00e4";
        QTest::newRow("rounded up to 0.001: plain") << 0.00099999 << "0.001";
        QTest::newRow("negative plain") << -2.0 << "-2";
        QTest::newRow("zero") << 0.0 << "0";
        QTest::newRow("negative zero") << -0.0 << "0";
        QTest::newRow("large exponent") << -6.02e23 << "-6.02e23";
        QTest::newRow("not a number") << std::nan("") << "nan";
    }
    void compactNumberOfOneValue() {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(gs::compactNumber(value)), text);
    }

    // Issue #9 (s8, 2b): with x0 near the top edge, (-0.98, 1.48) on the bowl, the grad f arrow
    // ran up out of the frame across the note. Every edge of the arrows as drawn stays in the
    // domain (grown by the head's radius, 0.08 of the longest arrow, 0.28 of the width), and
    // an arrow that was cut says so in the point legend ("…, cut)").
    // Tester s23: the gradient field's note (two lines at the bottom right) sat over the x
    // axis's tick label "2.0" in an 800x600 export. It keeps off the axes' labels and titles
    // and the legends. (At 640x480 with four runs there is no such place: it stays at the
    // bottom right over the last tick label.)
    void fieldNoteKeepsOffTheAxes_data() {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<double>("fontScale");
        QTest::addColumn<bool>("runs");
        QTest::newRow("800x600") << QSize(800, 600) << 1.0 << false;
        QTest::newRow("800x600 with runs") << QSize(800, 600) << 1.0 << true;
        QTest::newRow("800x600 font scale 1.5") << QSize(800, 600) << 1.5 << true;
        QTest::newRow("1200x600") << QSize(1200, 600) << 1.0 << true;
    }
    void fieldNoteKeepsOffTheAxes() {
        QFETCH(QSize, size);
        QFETCH(double, fontScale);
        QFETCH(bool, runs);
        const FontScaleScope scale(fontScale);
        const auto f = parse("x*exp(-x^2-y^2)");
        gs::GridSpec g;
        g.xmin = g.ymin = -2;
        g.xmax = g.ymax = 2;
        const Eigen::Vector2d x0(-1, 0);
        gs::ContourScene contour;
        contour.setTitle("f(x, y) = x*exp(-x^2-y^2)");
        contour.setNote("gradient descent stable here for learning rate < 2 / (largest "
                        "eigenvalue of H) = 2.72");
        contour.setSurface(gs::sampleSurface(f, g, x0), "x", "y");
        contour.setGradientField(gs::gradientField(f, g, x0));
        contour.showGradientField(true);
        contour.setExpansion(gs::expand(f, x0, g, 41, Eigen::Vector2d(0.01, -0.03)), true, true,
                             true);
        if (runs) { // the tester's four (the run legend at the top right narrows the frame)
            std::vector<gs::RunPath> paths;
            const char* names[] = {"Gradient descent lr=0.1 (minimum)", "Momentum lr=0.1",
                                   "Adam lr=0.1", "Newton (minimum)"};
            for (int k = 0; k < 4; ++k) {
                gs::RunPath r;
                for (int j = 0; j <= 10; ++j) {
                    const Eigen::Vector2d p = x0 + Eigen::Vector2d(0.03 * j, 0.02 * k * j);
                    r.points.emplace_back(p.x(), p.y(), p.x() * std::exp(-p.squaredNorm()));
                }
                r.color = {0.2 * k, 0.5, 0.9 - 0.2 * k};
                r.label = names[k];
                paths.push_back(r);
            }
            contour.setRuns(paths);
        }
        vtkNew<vtkRenderWindow> window;
        window->SetOffScreenRendering(1);
        window->SetSize(size.width(), size.height());
        window->AddRenderer(contour.renderer());
        contour.resetCamera();
        window->Render(); // one picture, as an export draws
        const std::array<double, 4> note = contour.fieldLegendRect();
        QVERIFY(note[2] > note[0] && !contour.fieldLegend().empty());
        QVERIFY(note[0] >= 0 && note[1] >= 0 && note[2] <= size.width() &&
                note[3] <= size.height());
        for (int axis = 0; axis < 2; ++axis) {
            const auto t = contour.axisText(axis);
            std::vector<std::array<double, 4>> boxes = t.labels; // xmin, xmax, ymin, ymax
            boxes.push_back(t.title);
            QVERIFY(!t.labels.empty());
            for (const auto& b : boxes)
                QVERIFY2(!(note[0] < b[1] && b[0] < note[2] && note[1] < b[3] && b[2] < note[3]),
                         qPrintable(QStringLiteral("note %1,%2-%3,%4 meets %5,%6-%7,%8")
                                        .arg(note[0])
                                        .arg(note[1])
                                        .arg(note[2])
                                        .arg(note[3])
                                        .arg(b[0])
                                        .arg(b[2])
                                        .arg(b[1])
                                        .arg(b[3])));
        }
        window->RemoveRenderer(contour.renderer());
    }

    // Tester s24: on the saddle x^2 - y^2 at its critical point the principal axes struck
    // through the level labels 0.5 and -0.5. No level label's box meets an axis as drawn.
    void levelLabelsKeepOffThePrincipalAxes_data() {
        QTest::addColumn<QString>("function");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("y");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("ring");
        QTest::newRow("saddle at 0, 860x560")
            << "x^2 - y^2" << 0.0 << 0.0 << QSize(860, 560) << false;
        QTest::newRow("saddle at 0, 800x600")
            << "x^2 - y^2" << 0.0 << 0.0 << QSize(800, 600) << false;
        QTest::newRow("book, 800x600")
            << "x*exp(-x^2-y^2)" << -1.0 << 0.0 << QSize(800, 600) << true;
        QTest::newRow("book off its axis, 800x600")
            << "x*exp(-x^2-y^2)" << -1.0 << 0.4 << QSize(800, 600) << false;
    }
    void levelLabelsKeepOffThePrincipalAxes() {
        QFETCH(QString, function);
        QFETCH(double, x);
        QFETCH(double, y);
        QFETCH(QSize, size);
        gs::ContourScene contour;
        showOnTheSquare(contour, function, Eigen::Vector2d(x, y));
        vtkNew<vtkRenderWindow> window;
        window->SetOffScreenRendering(1);
        window->SetSize(size.width(), size.height());
        window->AddRenderer(contour.renderer());
        contour.resetCamera();
        window->Render();
        // The book's point has H = (2/e) I: a ring, not axes; the saddle two axes.
        QFETCH(bool, ring);
        QCOMPARE(contour.everyDirectionRing(), ring);
        QCOMPARE(contour.principalAxes(), ring ? 0 : 2);
        const std::vector<std::array<double, 4>> labels = contour.levelLabelBoxes();
        QVERIFY(labels.size() >= 5);
        const auto segments = contour.principalSegments();
        QVERIFY(segments.size() >= (ring ? 24u : 2u)); // 24 dashes, or two axes
        for (const auto& [p, q] : segments) {
            const Eigen::Vector2d a = contour.toDisplay(p.x(), p.y());
            const Eigen::Vector2d b = contour.toDisplay(q.x(), q.y());
            for (const auto& l : labels) // x0, y0, x1, y1 in display pixels
                QVERIFY2(!gs::segmentMeetsRect(a.x(), a.y(), b.x(), b.y(), l[0], l[2], l[1], l[3]),
                         qPrintable(QStringLiteral("%1,%2 meets a label at %3,%4")
                                        .arg(p.x())
                                        .arg(p.y())
                                        .arg(l[0])
                                        .arg(l[1])));
        }
        window->RemoveRenderer(contour.renderer());
    }

    void contourArrowsStayInTheFrame_data() {
        QTest::addColumn<QString>("function");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("y");
        QTest::addColumn<int>("cut"); // 1: grad f is cut, 0: neither is, -1: either
        QTest::addColumn<double>("fontScale");
        QTest::newRow("bowl, near the top edge") << "0.5*x^2+5*y^2" << -0.98 << 1.48 << 1 << 1.0;
        QTest::newRow("bowl, near the top edge, font scale 1.5")
            << "0.5*x^2+5*y^2" << -0.98 << 1.48 << 1 << 1.5;
        QTest::newRow("bowl, near the bottom edge") << "0.5*x^2+5*y^2" << 0.5 << -1.9 << 1 << 1.0;
        QTest::newRow("x exp(-x^2-y^2), near the top edge")
            << "x*exp(-x^2-y^2)" << -0.98 << 1.48 << -1 << 1.5;
        QTest::newRow("bowl, inside") << "0.5*x^2+5*y^2" << 0.5 << 0.2 << 0 << 1.0;
    }
    void contourArrowsStayInTheFrame() {
        QFETCH(QString, function);
        QFETCH(double, x);
        QFETCH(double, y);
        QFETCH(int, cut);
        QFETCH(double, fontScale);
        const FontScaleScope scale(fontScale);
        gs::ContourScene contour;
        const gs::GridSpec g = showOnTheSquare(contour, function, Eigen::Vector2d(x, y));
        contour.setNote("gradient descent stable here for learning rate < 2 / (largest "
                        "eigenvalue of H) = 0.2");
        vtkNew<vtkRenderWindow> window;
        window->SetOffScreenRendering(1);
        window->SetSize(890, 627); // the contour tab of a 1280x720 window
        window->AddRenderer(contour.renderer());
        contour.resetCamera();
        window->Render();
        window->Render();
        const auto edges = contour.arrowEdges();
        QVERIFY(edges.size() > 20);
        // The point legend (one entry longer now) over neither the point nor the arrows.
        const std::array<double, 4> r = contour.pointLegendRect();
        QVERIFY(r[2] > r[0]);
        for (const auto& [a, b] : edges) {
            const Eigen::Vector2d p = contour.toDisplay(a.x(), a.y()),
                                  q = contour.toDisplay(b.x(), b.y());
            QVERIFY2(!gs::segmentMeetsRect(p.x(), p.y(), q.x(), q.y(), r[0], r[2], r[1], r[3]),
                     "an arrow under the point legend");
        }
        const double grow = 0.08 * 0.28 * (g.xmax - g.xmin) + 1e-9;
        for (const auto& [a, b] : edges)
            for (const Eigen::Vector2d& p : {a, b})
                QVERIFY2(p.x() >= g.xmin - grow && p.x() <= g.xmax + grow &&
                             p.y() >= g.ymin - grow && p.y() <= g.ymax + grow,
                         qPrintable(QStringLiteral("an arrow at (%1, %2)").arg(p.x()).arg(p.y())));
        bool saysCut = false;
        for (const std::string& e : contour.pointLegend())
            saysCut = saysCut || e.find("(cut at the frame)") != std::string::npos;
        QCOMPARE(saysCut, contour.arrowCut(0) || contour.arrowCut(1));
        if (cut == 1)
            QVERIFY(contour.arrowCut(0) && saysCut);
        if (cut == 0)
            QVERIFY(!saysCut);
        window->RemoveRenderer(contour.renderer());
    }

    // Issue #9 (s8, 15): at font scale 1.5 the seven-entry point legend sat inside the frame
    // over the level curve through x0 (and labels round it) while the room right of the frame
    // was free. The level curve through x0 found independently (f - f(x0) changing sign along
    // the edges of a 401 x 401 grid, the crossing by linear interpolation) has no point under
    // the legend, and no level label as drawn meets it.
    void contourPointLegendKeepsOffThePointsLevelCurve_data() {
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("y");
        QTest::addColumn<int>("width");
        // With room right of the frame (a wide view): the legend goes there.
        QTest::newRow("below the saddle of x exp(-x^2-y^2) (s32), wide view")
            << -0.036 << -1.3585 << 1280;
        QTest::newRow("at (-1, 0) (s11)") << -1.0 << 0.0 << 890;
    }
    void contourPointLegendKeepsOffThePointsLevelCurve() {
        QFETCH(double, x);
        QFETCH(double, y);
        QFETCH(int, width);
        const FontScaleScope scale(1.5);
        const auto f = parse("x*exp(-x^2-y^2)");
        gs::GridSpec g;
        g.xmin = g.ymin = -2;
        g.xmax = g.ymax = 2;
        const Eigen::Vector2d x0(x, y);
        gs::ContourScene contour;
        contour.setTitle("f(x, y) = x*exp(-x^2-y^2)");
        contour.setNote("gradient descent unstable here along the negative-curvature direction "
                        "(eigenvalue −0.4269)");
        contour.setSurface(gs::sampleSurface(f, g, x0), "x", "y");
        contour.setExpansion(gs::expand(f, x0, g, 41, Eigen::Vector2d(0.01, -0.03)), true, true,
                             true);
        vtkNew<vtkRenderWindow> window;
        window->SetOffScreenRendering(1);
        window->SetSize(width, 627); // 890: the contour tab of a 1280x720 window
        window->AddRenderer(contour.renderer());
        contour.resetCamera();
        window->Render();
        window->Render();
        const std::array<double, 4> r = contour.pointLegendRect();
        QVERIFY(r[2] > r[0]);
        const auto value = [](double u, double v) { return u * std::exp(-u * u - v * v); };
        const double level = value(x, y);
        const int n = 400;
        int found = 0;
        for (int i = 0; i <= n; ++i)
            for (int j = 0; j <= n; ++j) {
                const double u = -2 + 4.0 * i / n, v = -2 + 4.0 * j / n;
                const double a = value(u, v) - level;
                for (const auto& [du, dv] : {std::pair{4.0 / n, 0.0}, std::pair{0.0, 4.0 / n}}) {
                    if (u + du > 2 + 1e-12 || v + dv > 2 + 1e-12)
                        continue;
                    const double b = value(u + du, v + dv) - level;
                    if ((a < 0) == (b < 0))
                        continue;
                    const double t = a / (a - b);
                    const Eigen::Vector2d p = contour.toDisplay(u + t * du, v + t * dv);
                    ++found;
                    QVERIFY2(!(p.x() > r[0] + 2 && p.x() < r[2] - 2 && p.y() > r[1] + 2 &&
                               p.y() < r[3] - 2),
                             qPrintable(QStringLiteral("the level curve through x0 at (%1, %2) "
                                                       "under the legend")
                                            .arg(u + t * du)
                                            .arg(v + t * dv)));
                }
            }
        QVERIFY(found > 100);
        const auto labels = contour.levelLabelBoxes();
        QVERIFY(labels.size() >= 5);
        for (const auto& l : labels)
            QVERIFY2(!(l[0] < r[2] && r[0] < l[2] && l[1] < r[3] && r[1] < l[3]),
                     "a level label under the point legend");
        window->RemoveRenderer(contour.renderer());
    }

    // Issue #9 (s8, 6): "6.31e+04", "1.99e+05" and "6.3e+05" printed on top of each other and
    // "1.12e+041.12e+05" ran together (a label's box was guessed at four characters). On the
    // backpropagation example's slice (w, x at y = -2, z = 1; f up to 2e6, log-spaced levels)
    // at both window sizes: the labels as drawn are at least two pixels apart, and inside the
    // frame.
    void contourLevelLabelsKeepApart_data() {
        addViewSizeColumns();
        QTest::newRow("1280x720, font scale 1.5") << 890 << 627 << 1.5;
        QTest::newRow("1600x1000, font scale 1") << 1300 << 900 << 1.0;
        QTest::newRow("small view") << 500 << 420 << 1.0;
    }
    void contourLevelLabelsKeepApart() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(double, fontScale);
        const FontScaleScope scale(fontScale);
        const auto f = parse("a = (w+x-2+1)^2; b = (w+x+2-1)^2; u = (a+b)^2; v = (a-b)^2; "
                             "f = (u+v)^2");
        gs::GridSpec g;
        g.xmin = g.ymin = -2;
        g.xmax = g.ymax = 2;
        const Eigen::Vector2d x0(-1, 0);
        gs::ContourScene contour;
        contour.setSurface(gs::sampleSurface(f, g, x0), "w", "x");
        contour.setExpansion(gs::expand(f, x0, g, 41, Eigen::Vector2d(0.01, -0.03)), true, true,
                             true);
        vtkNew<vtkRenderWindow> window;
        window->SetOffScreenRendering(1);
        window->SetSize(width, height);
        window->AddRenderer(contour.renderer());
        contour.resetCamera();
        window->Render();
        window->Render();
        const auto boxes = contour.levelLabelBoxes();
        const auto texts = contour.levelLabelTexts();
        QVERIFY(boxes.size() >= 6);
        QCOMPARE(texts.size(), boxes.size());
        bool large = false;
        for (const std::string& t : texts) {
            QVERIFY2(t.find("e+") == std::string::npos && t.find("e0") == std::string::npos,
                     t.c_str());
            large = large || t.find('e') != std::string::npos;
        }
        QVERIFY(large); // the levels above 10^4 are written m.mmeN
        // Each inside the frame (the domain on screen).
        const Eigen::Vector2d lo = contour.toDisplay(g.xmin, g.ymin),
                              hi = contour.toDisplay(g.xmax, g.ymax);
        for (std::size_t i = 0; i < boxes.size(); ++i)
            QVERIFY2(boxes[i][0] >= lo.x() - 1 && boxes[i][2] <= hi.x() + 1 &&
                         boxes[i][1] >= lo.y() - 1 && boxes[i][3] <= hi.y() + 1,
                     texts[i].c_str());
        for (std::size_t i = 0; i < boxes.size(); ++i)
            for (std::size_t j = i + 1; j < boxes.size(); ++j) {
                const auto& a = boxes[i];
                const auto& b = boxes[j];
                QVERIFY2(
                    !(a[0] - 2 < b[2] && b[0] - 2 < a[2] && a[1] - 2 < b[3] && b[1] - 2 < a[3]),
                    qPrintable(QStringLiteral("\"%1\" and \"%2\" closer than 2 pixels")
                                   .arg(QString::fromStdString(texts[i]))
                                   .arg(QString::fromStdString(texts[j]))));
            }
        window->RemoveRenderer(contour.renderer());
    }

    // Issue #9 (num19, 2): the level labels were placed clear of each other and of the
    // markers but not of the point's arrows: in the default scene's 2400x1800 export the
    // label "0" sat on the tip of -grad f. No level label (its box as VTK drew it) meets an
    // edge of the arrows as drawn or the point's disc; after the point moves (a drag: only
    // setExpansion) too, and a label moved for the arrows goes back once they are gone.
    void levelLabelsKeepOffThePointsArrows_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("800x600") << 800 << 600;
        QTest::newRow("1200x800") << 1200 << 800;
        QTest::newRow("2400x1800, text scale 2") << 2400 << 1800;
    }
    void levelLabelsKeepOffThePointsArrows() {
        QFETCH(int, width);
        QFETCH(int, height);
        const auto f = parse("x*exp(-x^2-y^2)");
        gs::GridSpec g;
        g.xmin = g.ymin = -2;
        g.xmax = g.ymax = 2;
        gs::ContourScene contour;
        contour.setPixelScale(std::max(1.0, height / 900.0)); // as the CLI's export
        contour.setTitle("f(x, y) = x*exp(-x^2-y^2)");
        contour.setSurface(gs::sampleSurface(f, g, Eigen::Vector2d(-1, 0)), "x", "y");
        vtkNew<vtkRenderWindow> window;
        window->SetOffScreenRendering(1);
        window->SetSize(width, height);
        window->AddRenderer(contour.renderer());
        contour.resetCamera();
        const auto display = [&](const Eigen::Vector2d& p) {
            return contour.toDisplay(p.x(), p.y());
        };
        const auto check = [&](const Eigen::Vector2d& x0) {
            const auto boxes = contour.levelLabelBoxes();
            const auto texts = contour.levelLabelTexts();
            QVERIFY(boxes.size() >= 5);
            const auto arrows = contour.arrowEdges();
            QVERIFY(arrows.size() > 20);
            const std::array<double, 4>& fr = contour.frame();
            const double disc = 0.011 * (display({fr[1], 0}) - display({fr[0], 0})).norm();
            const Eigen::Vector2d p = display(x0);
            for (std::size_t i = 0; i < boxes.size(); ++i) {
                const auto& b = boxes[i]; // x0, y0, x1, y1
                const QString where =
                    QStringLiteral("label \"%1\" at %2..%3 x %4..%5, point (%6, %7)")
                        .arg(QString::fromStdString(texts[i]))
                        .arg(b[0])
                        .arg(b[2])
                        .arg(b[1])
                        .arg(b[3])
                        .arg(x0.x())
                        .arg(x0.y());
                for (const auto& [a, c] : arrows) {
                    const Eigen::Vector2d da = display(a), dc = display(c);
                    QVERIFY2(!gs::segmentMeetsRect(da.x(), da.y(), dc.x(), dc.y(), b[0], b[2], b[1],
                                                   b[3]),
                             qPrintable(where + QStringLiteral(" on an arrow")));
                }
                QVERIFY2(!gs::segmentMeetsRect(p.x(), p.y(), p.x(), p.y(), b[0] - disc, b[2] + disc,
                                               b[1] - disc, b[3] + disc),
                         qPrintable(where + QStringLiteral(" on the point")));
            }
        };
        // The default scene's point, then moved as a drag moves it (setExpansion alone) to
        // places whose arrows cross many levels.
        std::vector<std::vector<std::string>> labelsAt;
        for (const Eigen::Vector2d& x0 :
             {Eigen::Vector2d(-1, 0), Eigen::Vector2d(0.2, 0.3), Eigen::Vector2d(0.7, -0.6),
              Eigen::Vector2d(-0.4, 0.9), Eigen::Vector2d(0.05, 0)}) {
            contour.setExpansion(gs::expand(f, x0, g, 41, Eigen::Vector2d(0.01, 0.01)), true, true,
                                 true);
            window->Render();
            check(x0);
            if (QTest::currentTestFailed())
                return;
        }
        // Without arrows (gradient off) the labels are where a scene without a point puts
        // them: nothing stays moved for arrows that are gone.
        const std::vector<std::string> moved = contour.levelLabelTexts();
        const auto movedBoxes = contour.levelLabelBoxes();
        contour.setExpansion(
            gs::expand(f, Eigen::Vector2d(0.05, 0), g, 41, Eigen::Vector2d(0.01, 0.01)), false,
            false, false);
        window->Render();
        gs::ContourScene fresh;
        fresh.setPixelScale(std::max(1.0, height / 900.0));
        fresh.setTitle("f(x, y) = x*exp(-x^2-y^2)");
        fresh.setSurface(gs::sampleSurface(f, g, Eigen::Vector2d(-1, 0)), "x", "y");
        fresh.setExpansion(
            gs::expand(f, Eigen::Vector2d(0.05, 0), g, 41, Eigen::Vector2d(0.01, 0.01)), false,
            false, false);
        vtkNew<vtkRenderWindow> other;
        other->SetOffScreenRendering(1);
        other->SetSize(width, height);
        other->AddRenderer(fresh.renderer());
        fresh.resetCamera();
        other->Render();
        QCOMPARE(contour.levelLabelTexts(), fresh.levelLabelTexts());
        const auto a = contour.levelLabelBoxes(), b = fresh.levelLabelBoxes();
        for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
            for (int k = 0; k < 4; ++k)
                QVERIFY2(std::abs(a[i][k] - b[i][k]) < 0.5, contour.levelLabelTexts()[i].c_str());
        Q_UNUSED(moved);
        Q_UNUSED(movedBoxes);
        other->RemoveRenderer(fresh.renderer());
        window->RemoveRenderer(contour.renderer());
    }

    // Issue #9 (num19, 3): a 1200x800 export's level labels were 11-pixel text (8 pixels of
    // digits) beside 13-pixel tick labels: unreadable. They are the tick labels' size at
    // every export size (the CLI's text scale, height / 900 from 900 up) and font scale: the
    // digits' ink in each label as drawn is as high as in the x axis's tick labels (rows of
    // the ink's grey inside each box), and both grow with the picture.
    void levelLabelsAreTheTickLabelsSize_data() {
        addViewSizeColumns();
        QTest::newRow("1200x800") << 1200 << 800 << 1.0;
        QTest::newRow("2400x1600") << 2400 << 1600 << 1.0;
        QTest::newRow("4800x3600") << 4800 << 3600 << 1.0;
        QTest::newRow("1200x800, font scale 1.5") << 1200 << 800 << 1.5;
    }
    void levelLabelsAreTheTickLabelsSize() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(double, fontScale);
        const FontScaleScope scale(fontScale);
        const auto f = parse("x*exp(-x^2-y^2)");
        gs::GridSpec g;
        g.xmin = g.ymin = -2;
        g.xmax = g.ymax = 2;
        gs::ContourScene contour;
        const double text = std::max(1.0, height / 900.0); // the CLI's pixelScale
        contour.setPixelScale(text);
        contour.setSurface(gs::sampleSurface(f, g, Eigen::Vector2d(-1, 0)), "x", "y");
        vtkNew<vtkRenderWindow> window;
        window->SetOffScreenRendering(1);
        window->SetSize(width, height);
        window->AddRenderer(contour.renderer());
        contour.resetCamera();
        window->Render();
        unsigned char* rgb = window->GetPixelData(0, 0, width - 1, height - 1, 0);
        const std::vector<unsigned char> pixels(rgb, rgb + std::size_t(width) * height * 3);
        delete[] rgb;
        // Rows (y up) of a display box holding the ink's dark grey (sceneLook().ink, 0.13 0.13
        // 0.16): the text's height; the level lines under a label are coloured or faded by
        // its background.
        const auto inkRows = [&](double x0, double x1, double y0, double y1) {
            int rows = 0;
            for (int y = std::max(0, int(y0)); y <= std::min(height - 1, int(y1)); ++y) {
                bool ink = false;
                for (int x = std::max(0, int(x0)); !ink && x <= std::min(width - 1, int(x1)); ++x) {
                    const unsigned char* p = &pixels[(std::size_t(y) * width + x) * 3];
                    ink = p[0] < 90 && p[1] < 90 && p[2] < 100 && std::abs(p[0] - p[1]) < 16 &&
                          std::abs(p[2] - p[1]) < 24;
                }
                rows += ink;
            }
            return rows;
        };
        const auto ticks = contour.axisText(0).labels; // xmin, xmax, ymin, ymax
        QVERIFY(!ticks.empty());
        int tick = 0;
        for (const auto& t : ticks)
            tick = std::max(tick, inkRows(t[0], t[1], t[2], t[3]));
        // The tick labels' digits grow with the picture (13-pixel text at text scale 1: its
        // digits about 0.73 of that).
        QVERIFY2(tick >= 0.65 * 13 * fontScale * text, qPrintable(QString::number(tick)));
        const auto labels = contour.levelLabelBoxes(); // x0, y0, x1, y1
        QVERIFY(labels.size() >= 5);
        for (std::size_t i = 0; i < labels.size(); ++i) {
            const int h = inkRows(labels[i][0], labels[i][2], labels[i][1], labels[i][3]);
            QVERIFY2(h >= tick,
                     qPrintable(QStringLiteral("\"%1\": %2 pixels of digits, tick labels %3")
                                    .arg(QString::fromStdString(contour.levelLabelTexts()[i]))
                                    .arg(h)
                                    .arg(tick)));
        }
        QCOMPARE(contour.levelFontSize(), int(std::lround(13 * fontScale * text)));
        window->RemoveRenderer(contour.renderer());
    }

    // Issue #9 (num19, 4): the state's legend ("... x50") was put under the frame's bottom
    // right whenever its assumed left edge (0.70 of the view) cleared the frame, but its
    // real left edge is its width's: a wide legend reached left over the x tick "2.0". Its
    // box as drawn meets no tick label or title of the x axis, for views and font scales
    // where the frame ends left of 0.70 of the view and where it does not.
    void stateLegendKeepsOffTheTickLabels_data() {
        addViewSizeColumns();
        QTest::newRow("890x627 (1280x720 window's tab)") << 890 << 627 << 1.0;
        QTest::newRow("890x627, font scale 1.5") << 890 << 627 << 1.5;
        QTest::newRow("1200x600, font scale 1.5") << 1200 << 600 << 1.5;
        QTest::newRow("1200x600, font scale 2") << 1200 << 600 << 2.0;
        QTest::newRow("1400x600, font scale 2") << 1400 << 600 << 2.0;
        QTest::newRow("1000x500") << 1000 << 500 << 1.0;
        QTest::newRow("600x500") << 600 << 500 << 1.0;
    }
    void stateLegendKeepsOffTheTickLabels() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(double, fontScale);
        const FontScaleScope scale(fontScale);
        const auto f = parse("x^2-y^2");
        gs::GridSpec g;
        g.xmin = g.ymin = -2;
        g.xmax = g.ymax = 2;
        gs::ContourScene contour;
        contour.setTitle("f(x, y) = x^2-y^2");
        contour.setSurface(gs::sampleSurface(f, g, Eigen::Vector2d(0.6, 0.3)), "x", "y");
        // Steps of about a hundredth: magnified x50 (to at most 0.3 of the width 4), four
        // entries (Adam's).
        gs::StepMarks marks;
        marks.point = Eigen::Vector2d(0.6, 0.3);
        marks.value = 0.27;
        marks.gradientStep = Eigen::Vector2d(-0.008, 0.012);
        marks.momentStep = Eigen::Vector2d(-0.01, 0.008);
        marks.momentLabel = "−η m̂";
        marks.update = Eigen::Vector2d(-0.012, 0.014); // the longest: 0.0184, x50 is 0.92 < 1.2
        marks.rate = Eigen::Vector2d(0.008, 0.016);
        contour.setStepMarks(marks);
        QCOMPARE(contour.stateGlyphs().arrowScale(), 50.0);
        vtkNew<vtkRenderWindow> window;
        window->SetOffScreenRendering(1);
        window->SetSize(width, height);
        window->AddRenderer(contour.renderer());
        contour.resetCamera();
        window->Render();
        window->Render();
        vtkLegendBoxActor* legend = contour.stateGlyphs().legend();
        QVERIFY(legend->GetVisibility());
        const double* at = legend->GetPositionCoordinate()->GetValue();
        const double* size = legend->GetPosition2Coordinate()->GetValue();
        const std::array<double, 4> box{at[0] * width, (at[0] + size[0]) * width, at[1] * height,
                                        (at[1] + size[1]) * height}; // xmin, xmax, ymin, ymax
        QVERIFY(box[0] >= 0 && box[1] <= width && box[2] >= 0 && box[3] <= height);
        const gs::Plot2D::AxisText x = contour.axisText(0);
        QVERIFY(!x.labels.empty());
        std::vector<std::array<double, 4>> texts = x.labels;
        texts.push_back(x.title);
        for (const auto& t : texts)
            QVERIFY2(!(t[0] < box[1] && box[0] < t[1] && t[2] < box[3] && box[2] < t[3]),
                     qPrintable(QStringLiteral("legend %1..%2 x %3..%4 over x axis text "
                                               "%5..%6 x %7..%8")
                                    .arg(box[0])
                                    .arg(box[1])
                                    .arg(box[2])
                                    .arg(box[3])
                                    .arg(t[0])
                                    .arg(t[1])
                                    .arg(t[2])
                                    .arg(t[3])));
        window->RemoveRenderer(contour.renderer());
    }

    // A path leaving the plot's box is cut exactly where it crosses the box's face (tester
    // s15: one clip by the box's distance function, interpolated linearly along a segment,
    // cut Rosenbrock's Newton step from (-1.175, 1.381) to (0.763, -3.175) at (-0.645, 0.13),
    // a third of the way to the edge y = -1). The crossing, by hand: t = (1.381 + 1) /
    // (1.381 + 3.175), x = -1.175 + t (0.763 + 1.175).
    void clipCutsAPathAtTheBoxFace() {
        vtkNew<vtkBox> box;
        box->SetBounds(-2, 2, -1, 3, -4, 4);
        gs::ClippedActor path(box);
        const double a[3] = {-1.175, 1.381, 0}, b[3] = {0.763, -3.175, 0}, c[3] = {0.9, 1, 0};
        vtkNew<vtkPoints> points;
        for (const double* p : {a, b, c})
            points->InsertNextPoint(p);
        vtkNew<vtkCellArray> lines;
        const vtkIdType ids[3] = {0, 1, 2};
        lines->InsertNextCell(3, ids);
        vtkNew<vtkPolyData> poly;
        poly->SetPoints(points);
        poly->SetLines(lines);
        path.setInput(poly);
        vtkPolyData* out = path.output();
        const double t = (a[1] + 1) / (a[1] - b[1]);
        const Eigen::Vector2d down(a[0] + t * (b[0] - a[0]), -1.0);
        const double u = (-1 - b[1]) / (c[1] - b[1]); // and back in on the way to c
        const Eigen::Vector2d up(b[0] + u * (c[0] - b[0]), -1.0);
        // Both crossings are points of the clipped path, to rounding: VTK's points hold
        // floats (|x| about 1: a few float ulps).
        const double tolerance = 4 * std::numeric_limits<float>::epsilon();
        auto has = [&](const Eigen::Vector2d& q) {
            for (vtkIdType i = 0; i < out->GetNumberOfPoints(); ++i) {
                double p[3];
                out->GetPoint(i, p);
                if (std::abs(p[0] - q.x()) <= tolerance && std::abs(p[1] - q.y()) <= tolerance)
                    return true;
            }
            return false;
        };
        QVERIFY2(has(down), qPrintable(QString::number(down.x(), 'g', 17)));
        QVERIFY2(has(up), qPrintable(QString::number(up.x(), 'g', 17)));
        // Nothing outside the box, and the two pieces inside it are kept.
        double bounds[6];
        out->GetBounds(bounds);
        QVERIFY(bounds[2] >= -1 - tolerance);
        QCOMPARE(out->GetNumberOfLines(), vtkIdType(2));
        // The box moved (its owner then marks the clip modified, as the scenes do): the
        // faces read the new bounds and the whole path is inside.
        box->SetBounds(-2, 2, -4, 3, -4, 4);
        path.clip->Modified();
        path.output()->GetBounds(bounds);
        QVERIFY2(std::abs(bounds[2] - b[1]) <= tolerance, qPrintable(QString::number(bounds[2])));
    }

    // Gradient descent's step is its gradient step: one arrow, named both ways (tester s14:
    // the slim black step arrow hid the pink gradient step under it). A step that differs
    // by more than rounding (momentum's) keeps both arrows.
    void gradientDescentStepIsOneArrow() {
        const auto f = parse("x^2+y^2");
        gs::ContourScene contour;
        contour.setSurface(gs::sampleSurface(f, gs::GridSpec{}, Eigen::Vector2d(1, 1)), "x", "y");
        const gs::StateGlyphs& glyphs = contour.stateGlyphs();
        auto entries = [&] {
            QStringList out;
            for (int i = 0; i < glyphs.legend()->GetNumberOfEntries(); ++i)
                out << QString::fromUtf8(glyphs.legend()->GetEntryString(i)).trimmed();
            return out;
        };
        gs::StepMarks marks;
        marks.point = Eigen::Vector2d(1, 1);
        marks.value = 2;
        const double eta = 0.1;
        const Eigen::Vector2d g(2, 2); // grad f at (1, 1)
        marks.gradientStep = Eigen::Vector2d(-eta * g);
        marks.update = Eigen::Vector2d(-eta * g);
        contour.setStepMarks(marks);
        QVERIFY(!glyphs.gradientVisible() && glyphs.updateVisible());
        QCOMPARE(entries(), QStringList{QStringLiteral("step taken = −η ∇f (gradient step) ×2")});
        // Momentum's first step equals it too; its second carries the moment: two arrows.
        marks.update = Eigen::Vector2d(-eta * g * 1.9);
        contour.setStepMarks(marks);
        QVERIFY(glyphs.gradientVisible() && glyphs.updateVisible());
        const QStringList two = entries();
        QCOMPARE(two.size(), 2);
        QVERIFY2(two[0].startsWith(QStringLiteral("−η ∇f (gradient step)")) &&
                     two[1].startsWith(QStringLiteral("step taken ×")),
                 qPrintable(two.join(QStringLiteral(" | "))));
    }

    // Issue #9 (s8, 2b): the optimizer's step arrows (magnified up to 0.3 of the width) ran
    // out of the frame too. At x_k = (1.5, 1.5) of [-2, 2]^2 a step of (0.6, 0.6) ends at
    // (2.1, 2.1): drawn, it ends on the frame (x and y at most 2, up to the head's radius),
    // and its legend entry says it is cut; a step of (-0.6, -0.6) is whole.
    void stepArrowsStayInTheFrame() {
        const auto f = parse("x^2+y^2");
        gs::GridSpec g;
        g.xmin = g.ymin = -2;
        g.xmax = g.ymax = 2;
        gs::ContourScene contour;
        contour.setSurface(gs::sampleSurface(f, g, Eigen::Vector2d(1.5, 1.5)), "x", "y");
        gs::StepMarks marks;
        marks.point = Eigen::Vector2d(1.5, 1.5);
        marks.value = 4.5;
        marks.gradientStep = Eigen::Vector2d(0.6, 0.6);
        marks.update = Eigen::Vector2d(-0.6, -0.6);
        contour.setStepMarks(marks);
        const gs::StateGlyphs& glyphs = contour.stateGlyphs();
        QVERIFY(glyphs.gradientVisible() && glyphs.updateVisible());
        QCOMPARE(glyphs.arrowScale(), 1.0); // 0.85 of 4: within 0.3 of the width
        const double head = gs::StateGlyphs::kTipRadius * 4 + 1e-9;
        const std::array<double, 6> out = glyphs.arrowBounds(0);
        QVERIFY2(out[1] <= 2 + head && out[3] <= 2 + head,
                 qPrintable(QStringLiteral("to (%1, %2)").arg(out[1]).arg(out[3])));
        QVERIFY(out[1] >= 2 - head && out[3] >= 2 - head); // it reaches the frame
        const std::array<double, 6> back = glyphs.arrowBounds(2);
        QVERIFY(back[0] <= 0.9 + head && back[2] <= 0.9 + head); // whole: to (0.9, 0.9)
        vtkLegendBoxActor* legend = glyphs.legend();
        QStringList entries;
        for (int i = 0; i < legend->GetNumberOfEntries(); ++i)
            entries << QString::fromUtf8(legend->GetEntryString(i));
        QCOMPARE(entries.size(), 2);
        QVERIFY2(entries[0].contains("gradient step") && entries[0].endsWith(", cut at the edge"),
                 qPrintable(entries.join(" | ")));
        QVERIFY2(entries[1].contains("step taken") && !entries[1].contains("cut"),
                 qPrintable(entries.join(" | ")));
    }

    // Issue #9 (cont10, 1): with six entries at font scale 1.5 the point legend landed
    // mid-plot over the runs' paths, their balls, the grad f arrows and the critical-point
    // markers (its placement counted the level curves only). Runs whose paths pass through
    // every corner of the frame and cross it: the legend's box (read back as drawn) meets no
    // path's step grown by its ball's radius, no edge of the arrows as drawn, no marker's
    // ring or label as VTK drew them, and stays in the view with its entries whole.
    void contourPointLegendKeepsOffWhatIsDrawn_data() {
        addViewSizeColumns();
        // The contour tab of a 1280x720 window is about 890 x 650 pixels.
        QTest::newRow("1280x720 window, font scale 1") << 890 << 650 << 1.0;
        QTest::newRow("1280x720 window, font scale 1.5") << 890 << 650 << 1.5;
        QTest::newRow("1280x720 view, font scale 1.5") << 1280 << 720 << 1.5;
    }
    void contourPointLegendKeepsOffWhatIsDrawn() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(double, fontScale);
        const FontScaleScope scale(fontScale);
        const auto f = parse("0.5*x^2+5*y^2");
        gs::GridSpec g;
        g.xmin = g.ymin = -2;
        g.xmax = g.ymax = 2;
        const Eigen::Vector2d x0(-1.2, 0.9);
        gs::ContourScene contour;
        contour.setTitle("f(x, y) = 0.5*x^2 + 5*y^2");
        contour.setSurface(gs::sampleSurface(f, g, x0), "x", "y");
        // Six entries: level curve, tangent, two principal axes, the model, the arrows.
        contour.setExpansion(gs::expand(f, x0, g, 41, Eigen::Vector2d(0.01, -0.03)), true, true,
                             true);
        // Around the frame through its four corners, and across both diagonals.
        auto path = [](std::vector<Eigen::Vector2d> corners, gs::Rgb color, const char* label) {
            gs::RunPath r;
            for (std::size_t k = 0; k + 1 < corners.size(); ++k)
                for (int j = 0; j < 8; ++j) { // iterates along each side
                    const Eigen::Vector2d p = corners[k] + (corners[k + 1] - corners[k]) * j / 8.0;
                    r.points.emplace_back(p.x(), p.y(), 0.5 * p.x() * p.x() + 5 * p.y() * p.y());
                }
            const Eigen::Vector2d& e = corners.back();
            r.points.emplace_back(e.x(), e.y(), 0.5 * e.x() * e.x() + 5 * e.y() * e.y());
            r.color = color;
            r.label = label;
            return r;
        };
        const double c = 1.9;
        const std::vector<gs::RunPath> runs{
            path({{-c, c}, {c, c}, {c, -c}, {-c, -c}, {-c, c}}, {0.9, 0.6, 0}, "around"),
            path({{-c, -c}, {c, c}}, {0.3, 0.7, 0.9}, "diagonal"),
            path({{-c, c}, {c, -c}}, {0.8, 0.5, 0.7}, "other diagonal")};
        contour.setRuns(runs);
        gs::PlotMarker min;
        min.at = Eigen::Vector3d(0, 0, 0);
        min.kind = gs::Classification::Minimum;
        min.extreme = -1;
        min.label = "global min 0";
        contour.setCriticalPoints({min});
        vtkNew<vtkRenderWindow> window;
        window->SetOffScreenRendering(1);
        window->SetSize(width, height);
        window->AddRenderer(contour.renderer());
        contour.resetCamera();
        window->Render();
        window->Render();
        const std::array<double, 4> r = contour.pointLegendRect();
        QVERIFY(r[2] > r[0] && r[3] > r[1]);
        QVERIFY2(r[0] >= 0 && r[1] >= 0 && r[2] <= width && r[3] <= height,
                 qPrintable(QStringLiteral("legend at %1..%2 x %3..%4")
                                .arg(r[0])
                                .arg(r[2])
                                .arg(r[1])
                                .arg(r[3])));
        const std::vector<std::string> entries = contour.pointLegend();
        QCOMPARE(int(entries.size()), 6);
        for (const std::string& e : entries)
            QVERIFY2(e.find("…") == std::string::npos, e.c_str());
        const auto meets = [&](const Eigen::Vector2d& a, const Eigen::Vector2d& b, double grow) {
            return gs::segmentMeetsRect(a.x(), a.y(), b.x(), b.y(), r[0] - grow, r[2] + grow,
                                        r[1] - grow, r[3] + grow);
        };
        const auto display = [&](const Eigen::Vector2d& p) {
            return contour.toDisplay(p.x(), p.y());
        };
        // Pixels per plot unit on screen, and a ball's radius there (its diameter is
        // ballDiameter of the frame's width).
        const std::array<double, 4>& fr = contour.frame();
        const double ppu = (display({fr[1], 0}) - display({fr[0], 0})).norm() / (fr[1] - fr[0]);
        const double ball = 0.5 * gs::sceneLook().ballDiameter * (fr[1] - fr[0]) * ppu;
        for (const gs::RunPath& run : runs)
            for (std::size_t k = 0; k + 1 < run.points.size(); ++k) {
                const Eigen::Vector2d a = display(run.points[k].head<2>()),
                                      b = display(run.points[k + 1].head<2>());
                QVERIFY2(!meets(a, b, ball),
                         qPrintable(QStringLiteral("%1's step %2 under the legend")
                                        .arg(QString::fromStdString(run.label))
                                        .arg(k)));
            }
        const auto arrows = contour.arrowEdges();
        QVERIFY(arrows.size() > 20);
        for (const auto& [a, b] : arrows)
            QVERIFY2(!meets(display(a), display(b), 0), "an arrow under the legend");
        QVERIFY(!meets(display(x0), display(x0), 0)); // the point
        const std::array<double, 6> ring = contour.markers().ringBounds(true);
        const Eigen::Vector2d rlo = display({ring[0], ring[2]}), rhi = display({ring[1], ring[3]});
        QVERIFY(!(rlo.x() < r[2] && r[0] < rhi.x() && rlo.y() < r[3] && r[1] < rhi.y()));
        const auto labels = contour.markerLabelBoxes();
        QCOMPARE(int(labels.size()), 1);
        for (const auto& l : labels)
            QVERIFY2(!(l[0] < r[2] && r[0] < l[2] && l[1] < r[3] && r[1] < l[3]),
                     "a critical point's label under the legend");
        window->RemoveRenderer(contour.renderer());
    }

    // Issue #9 (cont10, 2): on the ill-conditioned bowl with four runs ending at its minimum
    // "global min 0" stood about 80 pixels from its ring (the label walked five steps away
    // from the paths round the marker) with nothing saying whose it was. Every critical
    // point's label as VTK drew it is next to its marker (its nearest point within the ring's
    // radius, a ball's radius and two of its own heights of the marker's centre), or a leader
    // line runs from the marker's ring to within half a label's height of it.
    void contourMarkerLabelsStayByTheirMarkers_data() {
        QTest::addColumn<double>("fontScale");
        QTest::newRow("font scale 1") << 1.0;
        QTest::newRow("font scale 1.5") << 1.5;
    }
    void contourMarkerLabelsStayByTheirMarkers() {
        QFETCH(double, fontScale);
        const FontScaleScope scale(fontScale);
        const auto f = parse("0.5*x^2+5*y^2");
        gs::GridSpec g;
        g.xmin = g.ymin = -2;
        g.xmax = g.ymax = 2;
        const Eigen::Vector2d start(-1.8, 0.8);
        gs::ContourScene contour;
        contour.setSurface(gs::sampleSurface(f, g, start), "x", "y");
        std::vector<gs::RunPath> runs;
        for (const gs::Method m : {gs::Method::GradientDescent, gs::Method::Momentum,
                                   gs::Method::Adam, gs::Method::Newton}) {
            gs::OptimizerOptions o;
            o.method = m;
            o.learningRate = 0.15;
            o.maxSteps = 60;
            const auto run = gs::optimize(f, start, o);
            gs::RunPath path;
            for (const auto& step : run.steps)
                path.points.emplace_back(step.x[0], step.x[1], step.value);
            runs.push_back(path);
        }
        contour.setRuns(runs);
        gs::PlotMarker min, max;
        min.at = Eigen::Vector3d(0, 0, 0);
        min.kind = gs::Classification::Minimum;
        min.extreme = -1;
        min.label = "global min 0";
        max.at = Eigen::Vector3d(-2, -2, 22);
        max.kind = gs::Classification::Degenerate;
        max.extreme = 1;
        max.label = "global max 22";
        contour.setCriticalPoints({min, max});
        vtkNew<vtkRenderWindow> window;
        window->SetOffScreenRendering(1);
        window->SetSize(890, 650);
        window->AddRenderer(contour.renderer());
        contour.resetCamera();
        window->Render();
        window->Render();
        const std::array<double, 4>& fr = contour.frame();
        const Eigen::Vector2d lo = contour.toDisplay(fr[0], 0), hi = contour.toDisplay(fr[1], 0);
        const double ppu = (hi.x() - lo.x()) / (fr[1] - fr[0]);
        // An extreme's ring is 2.2 symbols of 0.025 of the frame's width across; a ball
        // ballDiameter of it.
        const double ring = 0.5 * 2.2 * 0.025 * (fr[1] - fr[0]) * ppu,
                     ball = 0.5 * gs::sceneLook().ballDiameter * (fr[1] - fr[0]) * ppu;
        const auto labels = contour.markerLabelBoxes();
        QCOMPARE(int(labels.size()), 2);
        for (const auto& l : labels) {
            const double height = l[3] - l[1];
            QVERIFY(height > 0);
            double nearest = std::numeric_limits<double>::infinity();
            for (const gs::PlotMarker& m : {min, max}) {
                const Eigen::Vector2d c = contour.toDisplay(m.at.x(), m.at.y());
                const double dx = std::max({l[0] - c.x(), 0.0, c.x() - l[2]}),
                             dy = std::max({l[1] - c.y(), 0.0, c.y() - l[3]});
                nearest = std::min(nearest, std::hypot(dx, dy));
            }
            // Or further, with a leader line from the marker's ring to the label's box.
            bool led = false;
            for (const auto& [a, b] : contour.leaderLines()) {
                const Eigen::Vector2d p = contour.toDisplay(a.x(), a.y()),
                                      q = contour.toDisplay(b.x(), b.y());
                const double dx = std::max({l[0] - q.x(), 0.0, q.x() - l[2]}),
                             dy = std::max({l[1] - q.y(), 0.0, q.y() - l[3]});
                bool fromMarker = false;
                for (const gs::PlotMarker& m : {min, max})
                    fromMarker = fromMarker ||
                                 (contour.toDisplay(m.at.x(), m.at.y()) - p).norm() <= ring + 2;
                led = led || (fromMarker && std::hypot(dx, dy) <= 0.5 * height);
            }
            QVERIFY2(led || nearest <= ring + ball + 2 * height,
                     qPrintable(QStringLiteral("a label %1 pixels from its marker (ring %2, ball "
                                               "%3, label %4 high)")
                                    .arg(nearest)
                                    .arg(ring)
                                    .arg(ball)
                                    .arg(height)));
        }
        window->RemoveRenderer(contour.renderer());
    }

    // Issue #9 (cont10, 4): the contour view's note at 1280x720, font scale 1.5, wrapped
    // greedily and left "0.001328" alone on its last line. Wrapped onto as few lines as
    // before, the lines are balanced: the last holds more than one word.
    void noteHasNoOrphanWord_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<double>("fontScale");
        QTest::newRow("1280x720 contour tab, font scale 1.5") << 890 << 1.5;
        QTest::newRow("1280x720 contour tab") << 890 << 1.0;
        QTest::newRow("side by side") << 440 << 1.0;
    }
    void noteHasNoOrphanWord() {
        QFETCH(int, width);
        QFETCH(double, fontScale);
        const FontScaleScope scale(fontScale);
        const auto f = parse("(1-x)^2+100*(y-x^2)^2");
        const gs::GridSpec g = rosenbrockDomain();
        gs::ContourScene contour;
        contour.setTitle("f(x, y) = (1-x)^2 + 100*(y-x^2)^2");
        contour.setNote(
            "gradient descent stable here for learning rate < 2 / (largest eigenvalue of H) "
            "= 0.001328");
        contour.setSurface(gs::sampleSurface(f, g, Eigen::Vector2d(-1.2, 1)), "x", "y");
        vtkNew<vtkRenderWindow> window;
        window->SetOffScreenRendering(1);
        window->SetSize(width, 650);
        window->AddRenderer(contour.renderer());
        contour.resetCamera();
        window->Render();
        const QStringList lines = QString::fromStdString(contour.noteShown()).split('\n');
        QVERIFY(!lines.isEmpty() && !lines.front().isEmpty());
        if (lines.size() > 1)
            QVERIFY2(lines.back().trimmed().contains(' '), qPrintable(lines.join(" | ")));
        window->RemoveRenderer(contour.renderer());
    }

    // Issue #9 (cont9, 5): the 3-D view side by side at 1280x720 (about 480 x 600 pixels)
    // cut the f axis's "2500" at the left edge (the box filled 80 % of the width, the labels
    // stood beyond it). Read back from what VTK drew: every tick label and axis title lies
    // inside the view.
    void surfaceAxisTextStaysInTheView_data() {
        addViewSizeColumns();
        QTest::newRow("side by side 1280x720") << 480 << 600 << 1.0;
        QTest::newRow("side by side 1600x1000") << 620 << 860 << 1.0;
        QTest::newRow("narrow, font scale 1.5") << 420 << 600 << 1.5;
        QTest::newRow("whole view") << 930 << 650 << 1.0;
    }
    void surfaceAxisTextStaysInTheView() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(double, fontScale);
        const FontScaleScope scale(fontScale);
        const auto f = parse("(1-x)^2+100*(y-x^2)^2");
        const gs::GridSpec g = rosenbrockDomain();
        gs::SurfaceScene scene;
        scene.setTitle("f(x, y) = (1-x)^2 + 100*(y-x^2)^2");
        scene.setSurface(gs::sampleSurface(f, g, Eigen::Vector2d(-1.2, 1)));
        vtkNew<vtkRenderWindow> window;
        window->SetOffScreenRendering(1);
        window->SetSize(width, height);
        window->AddRenderer(scene.renderer());
        scene.resetCamera();
        window->Render();
        const std::vector<vtkBillboardTextActor3D*> texts = scene.axisTexts();
        QVERIFY(texts.size() >= 10);
        int checked = 0;
        for (vtkBillboardTextActor3D* t : texts) {
            if (!t->GetVisibility() || !t->GetInput() || !*t->GetInput())
                continue;
            // The quad VTK drew the text's texture on, in world coordinates, on screen.
            const std::array<double, 4> b = drawnQuad(t, scene.renderer());
            QVERIFY2(b[1] > b[0], t->GetInput());
            QVERIFY2(b[0] >= 0 && b[1] <= width && b[2] >= 0 && b[3] <= height,
                     qPrintable(QStringLiteral("'%1' drawn at %2..%3 x %4..%5 in %6 x %7")
                                    .arg(QString::fromUtf8(t->GetInput()))
                                    .arg(b[0])
                                    .arg(b[1])
                                    .arg(b[2])
                                    .arg(b[3])
                                    .arg(width)
                                    .arg(height)));
            ++checked;
        }
        QVERIFY(checked >= 10);
    }

    // Issue #9 (h): the shaded surface's colour bar was labelled 0.429, 0.214, 0, -0.214,
    // -0.429 (the range divided evenly). Its labels are round: multiples of one step of 1, 2
    // or 5 times a power of ten, inside f's range, at least three of them.
    void colorBarTicksAreRound_data() {
        QTest::addColumn<QString>("function");
        QTest::newRow("book: -0.429 .. 0.429") << "x*exp(-x^2-y^2)";
        QTest::newRow("log-sum-exp: -1.31 .. 2.69") << "log(exp(x)+exp(y))";
        QTest::newRow("Rosenbrock: 0 .. 3609") << "(1-x)^2+100*(y-x^2)^2";
    }
    void colorBarTicksAreRound() {
        QFETCH(QString, function);
        gs::SurfaceScene scene;
        const gs::SurfaceSample s = showShaded(scene, function);
        const std::vector<double> ticks = scene.colorBarTicks();
        QVERIFY2(ticks.size() >= 3, qPrintable(QString::number(ticks.size())));
        const double step = ticks[1] - ticks[0];
        const double decade = std::pow(10.0, std::floor(std::log10(step)));
        const double mantissa = step / decade;
        QVERIFY2(std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 ||
                     std::abs(mantissa - 5) < 1e-9,
                 qPrintable(QString::number(step)));
        for (double t : ticks) {
            QVERIFY(t >= s.zmin && t <= s.zmax);
            const double k = t / step; // a whole multiple of the step
            QVERIFY2(std::abs(k - std::round(k)) < 1e-9, qPrintable(QString::number(t)));
        }
    }

    // Issue #9 (h): with VTK's headlight (at the eye) the shaded height field seen from the
    // default 30 degrees up was lit at half strength where flat and nearly black where it
    // rises towards the viewer (log-sum-exp's near corner, lit at |n.v| = 0.14). Lit from
    // above the viewer too, every part facing up keeps most of its colour: the rendered pixel
    // is at least 55 % as bright as the colour bar's colour for f there, and no brighter.
    void shadedSurfaceIsLitFromAbove_data() {
        QTest::addColumn<QString>("function");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("y");
        QTest::newRow("log-sum-exp, near corner") << "log(exp(x)+exp(y))" << 1.5 << -1.5;
        QTest::newRow("log-sum-exp, middle") << "log(exp(x)+exp(y))" << 0.0 << 0.0;
        QTest::newRow("book, flat part") << "x*exp(-x^2-y^2)" << -0.3 << -1.6;
        QTest::newRow("book, the peak's near flank") << "x*exp(-x^2-y^2)" << 0.7 << -0.6;
    }
    void shadedSurfaceIsLitFromAbove() {
        QFETCH(QString, function);
        QFETCH(double, x);
        QFETCH(double, y);
        const ShadedPixel p = shadedPixelAt(function, x, y);
        const double drawn = p.drawn[0] + p.drawn[1] + p.drawn[2],
                     full = p.bar[0] + p.bar[1] + p.bar[2];
        QVERIFY2(drawn >= 0.55 * full && drawn <= 1.05 * full + 3 / 255.0,
                 qPrintable(QStringLiteral("drawn %1 of the colour's %2").arg(drawn).arg(full)));
    }

    // The shaded surface reads as its colour bar: where it is flat (facing up, the key light)
    // a pixel has the colour the bar shows for f there (the bar draws the same lookup table
    // unlit), within kBarTolerance per channel. Before, ambient 0.3 and diffuse 0.7 under a
    // key light 39 degrees above the line of sight gave a flat facet 0.87 of the colour:
    // the peak's yellow 0.13 darker, the ridge's teal 0.08.
    void shadedSurfaceMatchesColourBar_data() {
        QTest::addColumn<QString>("function");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("y");
        QTest::newRow("far flat corner (the bar's bottom)") << "exp(-x^2-y^2)" << 1.8 << 1.8;
        QTest::newRow("peak (the bar's top)") << "exp(-x^2-y^2)" << 0.0 << 0.0;
        QTest::newRow("flat ridge at mid height") << "x^3" << 0.0 << 0.8;
        QTest::newRow("flat ridge, near side") << "x^3" << 0.0 << -1.2;
    }
    void shadedSurfaceMatchesColourBar() {
        QFETCH(QString, function);
        QFETCH(double, x);
        QFETCH(double, y);
        // 8-bit rounding, the colours interpolated across a facet (f varies by less than
        // 0.3 % of its range within a pixel of these points) and the perspective's spread
        // of the view direction: a few levels; 8 levels allowed.
        constexpr double kBarTolerance = 8 / 255.0;
        const ShadedPixel p = shadedPixelAt(function, x, y);
        double worst = 0;
        for (int c = 0; c < 3; ++c)
            worst = std::max(worst, std::abs(p.drawn[c] - p.bar[c]));
        const QString drawn = QStringLiteral("drawn (%1, %2, %3), the bar's (%4, %5, %6)")
                                  .arg(p.drawn[0] * 255, 0, 'f', 0)
                                  .arg(p.drawn[1] * 255, 0, 'f', 0)
                                  .arg(p.drawn[2] * 255, 0, 'f', 0)
                                  .arg(p.bar[0] * 255, 0, 'f', 0)
                                  .arg(p.bar[1] * 255, 0, 'f', 0)
                                  .arg(p.bar[2] * 255, 0, 'f', 0);
        qInfo("%s", qPrintable(drawn));
        QVERIFY2(worst <= kBarTolerance, qPrintable(drawn));
    }

    // Shaded, the extremes' rings and the tangent plane show as over the wireframe: the ring
    // round a minimum lies inside the surface rising from it, and a convex surface lies above
    // its tangent plane, so both were buried by the shaded surface (the plane but for a
    // sliver at the point). What they add to the picture (pixels that change when they are
    // shown, a bowl expanded on its far side) is at least kShownShare of what they add over
    // the wireframe.
    void shadedShowsRingsAndTangentPlane_data() {
        QTest::addColumn<bool>("ring"); // else the tangent plane
        QTest::newRow("global minimum's ring") << true;
        QTest::newRow("tangent plane") << false;
    }
    void shadedShowsRingsAndTangentPlane() {
        QFETCH(bool, ring);
        constexpr double kShownShare = 0.6;
        const auto f = parse("x^2+y^2");
        gs::GridSpec g;
        const Eigen::Vector2d p(0.0, 1.0); // the plane faces the camera
        auto changed = [&](bool shaded) {
            gs::SurfaceScene scene;
            scene.setSurface(gs::sampleSurface(f, g, p));
            scene.setExpansion(gs::expand(f, p, g, 41, Eigen::Vector2d(0.01, 0.01)));
            vtkNew<vtkRenderWindow> window;
            window->SetOffScreenRendering(1);
            window->SetSize(800, 600);
            window->AddRenderer(scene.renderer());
            scene.resetCamera();
            auto picture = [&](bool shown) {
                gs::SceneStyle style;
                style.shaded = shaded;
                style.showQuadratic = false;
                style.showGradient = false;
                style.showTangent = !ring && shown;
                scene.setStyle(style);
                gs::PlotMarker min;
                min.at = Eigen::Vector3d(0, 0, 0);
                min.kind = gs::Classification::Minimum;
                min.extreme = -1;
                scene.setCriticalPoints(ring && shown ? std::vector<gs::PlotMarker>{min}
                                                      : std::vector<gs::PlotMarker>{});
                window->Render();
                unsigned char* rgb = window->GetPixelData(0, 0, 799, 599, 0);
                std::vector<unsigned char> out(rgb, rgb + 800 * 600 * 3);
                delete[] rgb;
                return out;
            };
            const auto without = picture(false), with = picture(true);
            int n = 0;
            for (std::size_t i = 0; i < without.size(); i += 3)
                n += std::abs(int(without[i]) - with[i]) +
                         std::abs(int(without[i + 1]) - with[i + 1]) +
                         std::abs(int(without[i + 2]) - with[i + 2]) >
                     30;
            window->RemoveRenderer(scene.renderer());
            return n;
        };
        const int wire = changed(false), shaded = changed(true);
        qInfo("pixels changed: %d over the wireframe, %d over the shaded surface", wire, shaded);
        QVERIFY2(wire > (ring ? 100 : 5000), qPrintable(QString::number(wire)));
        QVERIFY2(shaded >= kShownShare * wire,
                 qPrintable(QStringLiteral("%1 of %2").arg(shaded).arg(wire)));
    }

    void runColoursAvoidOverlays() {
        // Each run colour of the palette stands apart (RGB distance) from every overlay colour
        // and from the other run colours, so a path never reads as the quadratic, the plane or
        // an arrow. These are the colours chosen (Preferences, the dark theme's); what is drawn
        // is the same hue with 3:1 against the ground (runColor, runColoursKeepContrast).
        const gs::SceneLook& l = gs::sceneLook();
        const auto& runs = l.runs;
        const int count = int(runs.size());
        auto chosen = [&](int i) { return runs[std::size_t(i % count)]; };
        const gs::Rgb overlays[] = {l.surface,     l.quadratic,   l.tangent,
                                    l.tangentEdge, l.ascent,      l.descent,
                                    l.marker,      l.newtonModel, gs::Rgb{1, 1, 1}};
        auto dist = [](const gs::Rgb& a, const gs::Rgb& b) {
            return std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
        };
        // One colour per method: all of them in one figure repeat no colour.
        QVERIFY(gs::runColorCount() >= int(std::size(gs::kMethods)));
        for (int i = 0; i < gs::runColorCount(); ++i) {
            for (const gs::Rgb& o : overlays)
                QVERIFY2(dist(chosen(i), o) >= 0.25, qPrintable(QString::number(i)));
            for (int j = 0; j < i; ++j)
                QVERIFY(dist(chosen(i), chosen(j)) >= 0.3);
        }
        // The purple of momentum and Adam is gone: nothing within 0.25 of the quadratic.
        QCOMPARE(gs::runColor(gs::runColorCount()), gs::runColor(0)); // the palette repeats
    }

    // Issue #9 (tester s8): on white the orange, sky blue, teal, sand and light blue runs had
    // 1.5-2.8:1. Drawn (runColor), every run colour has WCAG's 3:1 for graphics against the
    // ground on both themes, is the palette's colour where that already has it, and else is
    // the palette's colour mixed toward black (light ground) or white (dark ground), so its
    // hue is kept: c = (1 - t) p + t b for one t in (0, 1], the same t for each channel.
    void runColoursKeepContrast_data() {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void runColoursKeepContrast() {
        QFETCH(bool, dark);
        const gs::SceneLook before = gs::sceneLook();
        gs::setSceneLook(dark ? gs::SceneLook().dark() : gs::SceneLook());
        const gs::SceneLook& l = gs::sceneLook();
        const gs::Rgb target = dark ? gs::Rgb{1, 1, 1} : gs::Rgb{0, 0, 0};
        int moved = 0;
        for (int i = 0; i < gs::runColorCount(); ++i) {
            const gs::Rgb drawn = gs::runColor(i), chosen = l.runs[std::size_t(i)];
            const double c = gs::rgbContrast(drawn, l.background);
            QVERIFY2(c >= 3.0, qPrintable(QStringLiteral("run %1: %2:1").arg(i).arg(c)));
            if (gs::rgbContrast(chosen, l.background) >= 3.0) {
                QCOMPARE(drawn, chosen);
                continue;
            }
            ++moved;
            // t from the channel farthest from the target, then the others must agree.
            std::size_t k = 0;
            for (std::size_t j = 1; j < 3; ++j)
                if (std::abs(target[j] - chosen[j]) > std::abs(target[k] - chosen[k]))
                    k = j;
            const double t = (drawn[k] - chosen[k]) / (target[k] - chosen[k]);
            QVERIFY2(t > 0 && t <= 1, qPrintable(QString::number(t)));
            for (std::size_t j = 0; j < 3; ++j)
                QVERIFY(std::abs(drawn[j] - ((1 - t) * chosen[j] + t * target[j])) <= 1e-12);
        }
        // On white: the orange, sky blue, teal, sand and light blue (python3: WCAG contrast of
        // #E69F00 2.25, #56B4E9 2.31, #44AA99 2.81, #DDCC77 1.62, #99DDFF 1.48 against white).
        QCOMPARE(moved, dark ? 0 : 5);
        gs::setSceneLook(before);
    }

    void refusesBadExports_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("width");
        QTest::addColumn<bool>("transparent");
        QTest::addColumn<QString>("message");
        QTest::newRow("extension")
            << "/tmp/x.gif" << 100 << false << ".png, .jpg, .jpeg, .svg or .pdf";
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
