#include "pointview.h"

namespace gs {

void PointView::resetView() {
    m_cameraMoved = false;
    fitCamera();
    render();
}

void PointView::resizeGL(int w, int h) {
    VtkWidget::resizeGL(w, h);
    // Also on a move to a screen with another ratio (paintGL resizes then).
    setSceneDeviceScale(devicePixelRatio());
    if (!m_cameraMoved)
        fitCamera();
}

void PointView::beginDrag() {
    m_dragging = true;
    setCursor(Qt::ClosedHandCursor);
    emit dragStarted();
}

bool PointView::endDrag() {
    if (!m_dragging)
        return false;
    m_dragging = false;
    unsetCursor();
    emit dragFinished();
    return true;
}

} // namespace gs
