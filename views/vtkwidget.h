#pragma once
// The one bridge between Qt and VTK: a QOpenGLWindow that hosts a
// vtkGenericOpenGLRenderWindow and forwards input to its interactor. It is a native
// window (embedded with QWidget::createWindowContainer) rather than a QOpenGLWidget:
// a QOpenGLWidget makes Qt re-compose the whole top-level window with GL on every
// frame, which doubled the drag latency under a software renderer (docs/benchmarks.md).
// Everything else in gradscape stays free of GL; see docs/architecture.md.

#include <QOpenGLWindow>
#include <vtkNew.h>
#include <vtkSmartPointer.h>

class vtkGenericOpenGLRenderWindow;
class vtkGenericRenderWindowInteractor;
class vtkRenderWindow;
class vtkRenderWindowInteractor;
class vtkObject;

namespace gs {

class VtkWidget : public QOpenGLWindow {
    Q_OBJECT
public:
    VtkWidget();
    ~VtkWidget() override;

    /// The interactor style's wheel factor (VTK's default 1.0 zooms 21% a notch).
    static constexpr double kWheelMotionFactor = 0.4;

    vtkRenderWindow* renderWindow() const;
    vtkRenderWindowInteractor* interactor() const;

    /// Renders now (if the GL context exists) and schedules the blit to the screen.
    void render();

    /// Device-pixel position of a Qt widget position, in VTK's display coordinates (y up).
    QPoint toDisplay(const QPointF& widgetPosition) const;
    /// The inverse: a VTK display position (pixels, y up) as a position in this window.
    QPointF fromDisplay(double x, double y) const;

protected:
    void initializeGL() override;
    void paintGL() override;
    void resizeGL(int w, int h) override;

    // Default: forward to the VTK interactor (camera rotation, zoom).
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

    void forwardMouse(QMouseEvent* event);

private slots:
    void releaseContext();

private:
    void onMakeCurrent(vtkObject*, unsigned long, void*);
    void onIsCurrent(vtkObject*, unsigned long, void* callData);
    void onFrame(vtkObject*, unsigned long, void*);

    vtkSmartPointer<vtkGenericOpenGLRenderWindow> m_window;
    vtkSmartPointer<vtkGenericRenderWindowInteractor> m_interactor;
    bool m_inPaint = false;
    bool m_needsRender = true;
};

} // namespace gs
