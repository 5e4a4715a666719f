// The Qt <-> VTK bridge with more than one renderer: a second viewport must not leave its
// viewport or scissor box behind for the blit into the window (the contour and graph views
// share windows this way). Needs an X display.
#include "vtkwidget.h"

#include <QSignalSpy>
#include <QTest>
#include <vtkNew.h>
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
};

QTEST_MAIN(TestBridge)
#include "test_bridge.moc"
