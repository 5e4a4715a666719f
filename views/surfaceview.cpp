#include "surfaceview.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

namespace gs {

SurfaceView::SurfaceView() {
    renderWindow()->AddRenderer(m_scene.renderer());
}

SurfaceView::~SurfaceView() {
    renderWindow()->RemoveRenderer(m_scene.renderer());
}

void SurfaceView::resetView() {
    m_cameraMoved = false;
    m_scene.resetCamera();
    render();
}

void SurfaceView::resizeGL(int w, int h) {
    VtkWidget::resizeGL(w, h);
    if (!m_cameraMoved)
        m_scene.resetCamera();
}

void SurfaceView::wheelEvent(QWheelEvent* e) {
    m_cameraMoved = true;
    VtkWidget::wheelEvent(e);
}

void SurfaceView::mousePressEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton && (e->modifiers() & Qt::ShiftModifier)) {
        const QPoint d = toDisplay(e->position());
        if (const auto p = m_scene.pickSurface(d.x(), d.y())) {
            emit startPicked(p->x(), p->y());
            return;
        }
    }
    if (e->button() == Qt::LeftButton && !(e->modifiers() & Qt::ControlModifier)) {
        const QPoint d = toDisplay(e->position());
        const bool onMarker = m_scene.hitsMarker(d.x(), d.y());
        const auto onSurface = onMarker ? std::nullopt : m_scene.pickSurface(d.x(), d.y());
        if (onMarker || onSurface) {
            m_dragging = true;
            setCursor(Qt::ClosedHandCursor);
            emit dragStarted();
            if (onSurface)
                emit pointDragged(onSurface->x(), onSurface->y());
            return;
        }
    }
    m_cameraMoved = true;
    VtkWidget::mousePressEvent(e);
}

void SurfaceView::mouseMoveEvent(QMouseEvent* e) {
    if (!m_dragging) {
        VtkWidget::mouseMoveEvent(e);
        return;
    }
    // Off the surface the point stays where it last was.
    const QPoint d = toDisplay(e->position());
    if (const auto p = m_scene.pickSurface(d.x(), d.y()))
        emit pointDragged(p->x(), p->y());
}

void SurfaceView::mouseReleaseEvent(QMouseEvent* e) {
    if (m_dragging && e->button() == Qt::LeftButton) {
        m_dragging = false;
        unsetCursor();
        emit dragFinished();
        return;
    }
    VtkWidget::mouseReleaseEvent(e);
}

void SurfaceView::keyPressEvent(QKeyEvent* e) {
    const int step = (e->modifiers() & Qt::ShiftModifier) ? 10 : 1;
    switch (e->key()) {
    case Qt::Key_Left:
        emit nudged(-step, 0);
        break;
    case Qt::Key_Right:
        emit nudged(step, 0);
        break;
    case Qt::Key_Down:
        emit nudged(0, -step);
        break;
    case Qt::Key_Up:
        emit nudged(0, step);
        break;
    default:
        VtkWidget::keyPressEvent(e);
        return;
    }
}

} // namespace gs
