#pragma once
// A 2-D view in the window: a Plot2D scene (the curve view or the contour view) in the
// bridge widget. A press on the plot (or on the point's marker) drags the expansion point;
// Ctrl+drag or the middle button pans, the wheel zooms about the cursor, a double click or
// Home fits the whole plot again. It reports where the person drags; the document decides.

#include "plot2d.h"
#include "vtkwidget.h"

#include <functional>

namespace gs {

class PlaneView : public VtkWidget {
    Q_OBJECT
public:
    /// `scene` outlives the view; `hits(displayX, displayY)` says whether a display position
    /// is on the point's marker (a drag from there is allowed just outside the frame).
    PlaneView(Plot2D& scene, std::function<bool(double, double)> hits);
    ~PlaneView() override;

    Plot2D& plot() { return m_scene; }
    bool dragging() const { return m_dragging; }

public slots:
    /// Fits the whole plot into the view again (also after a new function or domain).
    void resetView();

signals:
    void dragStarted();
    void pointDragged(double x, double y);
    void dragFinished();
    /// Shift+click inside the plot: start an optimizer run there (plot coordinates; in the
    /// curve view y is f's axis and only x counts).
    void startPicked(double x, double y);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeGL(int w, int h) override;

private:
    Plot2D& m_scene;
    std::function<bool(double, double)> m_hits;
    bool m_dragging = false, m_panning = false;
    bool m_cameraMoved = false; ///< until the person zooms or pans, the plot refits on resize
    QPoint m_last;
};

} // namespace gs
