#pragma once
// A 2-D view in the window: a Plot2D scene (the curve view or the contour view) in the
// bridge widget. A press on the point's marker drags the expansion point; a double click in
// the frame moves it there; a click elsewhere moves nothing (it focuses the view); a drag
// elsewhere, Ctrl+drag or the middle button pans; the wheel zooms about the cursor; a
// Ctrl+double click, a middle double click or Home fits the whole plot again
// (PointView::resetView). Shift+click starts a run; in the curve view its y is f's axis and
// only x counts.

#include "plot2d.h"
#include "pointview.h"

#include <functional>

namespace gs {

class PlaneView : public PointView {
    Q_OBJECT
public:
    /// `scene` outlives the view; `hits(displayX, displayY)` says whether a display position
    /// is on the point's marker (a drag from there is allowed just outside the frame).
    PlaneView(Plot2D& scene, std::function<bool(double, double)> hits);
    ~PlaneView() override;

    Plot2D& plot() { return m_scene; }

signals:
    /// The range shown changed: a zoom, a pan, a fit (the window samples it again).
    void rangeChanged();

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void setSceneDeviceScale(double ratio) override;
    void fitCamera() override;

private:
    Plot2D& m_scene;
    std::function<bool(double, double)> m_hits;
    bool m_panning = false;
    bool m_mayPan = false; ///< a press off the point: a pan once it moves past the drag distance
    QPoint m_last;
    QPoint m_pressAt; ///< where that press was (widget coordinates)
};

} // namespace gs
