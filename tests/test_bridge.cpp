// The Qt <-> VTK bridge with more than one renderer: a second viewport must not leave its
// viewport or scissor box behind for the blit into the window (the contour and graph views
// share windows this way). Needs an X display.
#include "contourscene.h"
#include "planeview.h"
#include "scenestyle.h"
#include "surfaceview.h"
#include "vtkwidget.h"

#include <QSignalSpy>
#include <QTest>
#include <vtkNew.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

class TestBridge : public QObject {
    Q_OBJECT
private slots:
    void twoViewportsFillTheWindow() {
        gs::VtkWidget widget;
        vtkNew<vtkRenderer> left, right;
        left->SetViewport(0, 0, 0.5, 1);
        left->SetBackground(1, 0, 0);
        right->SetViewport(0.5, 0, 1, 1); // drawn last: its box is the GL state VTK leaves
        right->SetBackground(0, 0, 1);
        widget.renderWindow()->AddRenderer(left);
        widget.renderWindow()->AddRenderer(right);
        widget.resize(240, 120);
        QSignalSpy frames(&widget, &QOpenGLWindow::frameSwapped);
        widget.show();
        QVERIFY(frames.wait(10000));
        widget.render();
        const QImage grab = widget.grabFramebuffer();
        grab.save(QStringLiteral(GRADSCAPE_TEST_OUTPUT "/bridge_two_viewports.png"));
        QCOMPARE(grab.size(), QSize(240, 120) * widget.devicePixelRatio());
        // Every pixel of each half has its renderer's colour, with alpha 1.
        int wrong = 0;
        for (int y = 0; y < grab.height(); ++y)
            for (int x = 0; x < grab.width(); ++x) {
                const QRgb expected = x < grab.width() / 2 ? qRgb(255, 0, 0) : qRgb(0, 0, 255);
                wrong += grab.pixel(x, y) != expected;
            }
        QCOMPARE(wrong, 0);
    }

    // High-DPI: VTK renders at the window's device-pixel size, so a screen with a device pixel
    // ratio of 2 gets a sharp picture, not an upscaled one. CTest runs this test again as
    // test_bridge_hidpi with QT_SCALE_FACTOR=2 (tests/CMakeLists.txt).
    void rendersAtDevicePixels() {
        const double ratio = qEnvironmentVariableIsSet("QT_SCALE_FACTOR")
                                 ? qEnvironmentVariable("QT_SCALE_FACTOR").toDouble()
                                 : 1.0;
        gs::VtkWidget widget;
        vtkNew<vtkRenderer> renderer;
        renderer->SetBackground(0, 0.5, 0);
        widget.renderWindow()->AddRenderer(renderer);
        widget.resize(200, 100);
        QSignalSpy frames(&widget, &QOpenGLWindow::frameSwapped);
        widget.show();
        QVERIFY(frames.wait(10000));
        QCOMPARE(widget.devicePixelRatio(), ratio);
        const int* size = widget.renderWindow()->GetSize();
        QCOMPARE(QSize(size[0], size[1]), QSize(200, 100) * ratio);
        widget.render();
        const QImage grab = widget.grabFramebuffer();
        QCOMPARE(grab.size(), QSize(200, 100) * ratio);
        QCOMPARE(grab.pixelColor(grab.width() - 1, grab.height() - 1), QColor(0, 128, 0));
        // A mouse position (logical pixels, y down) reaches VTK in device pixels, y up.
        QCOMPARE(widget.toDisplay(QPointF(50, 25)),
                 QPoint(int(50 * ratio), size[1] - int(25 * ratio) - 1));
    }

    // Line widths follow the device pixel ratio r as text does. VTK scales fonts by the
    // render window's DPI / 72 (the bridge sets 72 r) but draws a line width in device
    // pixels as given, so the views multiply widths by r (PixelScale): at r = 2 the wireframe
    // is 2 x 1.2 device pixels wide, the same thickness beside its labels as at r = 1. The
    // font sizes the scene sets stay those of r = 1 (VTK doubles them: not twice).
    // test_bridge_hidpi runs this with QT_SCALE_FACTOR=2.
    void linesFollowDevicePixelRatio() {
        const double ratio = qEnvironmentVariableIsSet("QT_SCALE_FACTOR")
                                 ? qEnvironmentVariable("QT_SCALE_FACTOR").toDouble()
                                 : 1.0;
        const gs::SceneLook& look = gs::sceneLook();
        gs::SurfaceView view;
        view.resize(200, 150);
        QSignalSpy frames(&view, &QOpenGLWindow::frameSwapped);
        view.show();
        QVERIFY(frames.wait(10000));
        QCOMPARE(view.devicePixelRatio(), ratio);
        QCOMPARE(view.renderWindow()->GetDPI(), int(72 * ratio));
        QCOMPARE(view.scene().pixelScale().text, 1.0);
        QCOMPARE(view.scene().pixelScale().line, ratio);
        QCOMPARE(view.scene().wireLineWidth(), double(float(look.wireWidth * ratio)));
        const gs::SurfaceScene atRatioOne;
        QCOMPARE(view.scene().textFontSizes(), atRatioOne.textFontSizes());
        QCOMPARE(atRatioOne.wireLineWidth(), double(float(look.wireWidth)));

        // An export's pixel scale and the ratio multiply (an export itself has ratio 1).
        gs::SceneStyle style;
        style.pixelScale = 1.5;
        view.scene().setStyle(style);
        QCOMPARE(view.scene().wireLineWidth(), double(float(look.wireWidth * 1.5 * ratio)));

        // The 2-D views: the frame's axes and every line of the contour plot.
        gs::ContourScene contour;
        gs::PlaneView plane(contour, [](double, double) { return false; });
        plane.resize(200, 150);
        QSignalSpy planeFrames(&plane, &QOpenGLWindow::frameSwapped);
        plane.show();
        QVERIFY(planeFrames.wait(10000));
        QCOMPARE(contour.pixelScale(), 1.0);
        QCOMPARE(contour.lineScale(), ratio);
    }
};

QTEST_MAIN(TestBridge)
#include "test_bridge.moc"
