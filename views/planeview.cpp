#include "planeview.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>
#include <cmath>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

namespace gs {

PlaneView::PlaneView(Plot2D& scene, std::function<bool(double, double)> hits)
    : m_scene(scene)
    , m_hits(std::move(hits)) {
    renderWindow()->AddRenderer(m_scene.renderer());
    // The first picture of a new frame measures the axes' text the fit estimated: the next
    // one is fitted on that (Plot2D::refitWanted), asked for at once.
    connect(this, &QOpenGLWindow::frameSwapped, this, [this] {
        if (m_scene.refitWanted()) {
            m_scene.refit();
            render();
        }
    });
}

PlaneView::~PlaneView() {
    renderWindow()->RemoveRenderer(m_scene.renderer());
}

void PlaneView::setSceneDeviceScale(double ratio) {
    m_scene.setDeviceScale(ratio);
}

void PlaneView::fitCamera() {
    m_scene.resetCamera();
    emit rangeChanged();
}

void PlaneView::mousePressEvent(QMouseEvent* e) {
    const QPoint d = toDisplay(e->position());
    m_last = d;
    m_pressAt = e->position().toPoint();
    const bool pan = e->button() == Qt::MiddleButton ||
                     (e->button() == Qt::LeftButton && (e->modifiers() & Qt::ControlModifier));
    if (pan) {
        m_panning = true;
        setCursor(Qt::SizeAllCursor);
        return;
    }
    if (e->button() != Qt::LeftButton)
        return;
    const Eigen::Vector2d p = m_scene.toPlot(d.x(), d.y());
    if (e->modifiers() & Qt::ShiftModifier) { // Shift+click starts a run, as in the 3-D view
        if (m_scene.shown(p))
            emit startPicked(p.x(), p.y());
        return;
    }
    // Only a press on the point drags it. A press elsewhere is a click (it focuses the view,
    // nothing moves) or, once it moves past the drag distance, a pan: a click to focus the
    // view moved x0 there (issue #9, tester s8). A double click moves the point deliberately.
    if (m_hits && m_hits(d.x(), d.y())) {
        beginDrag();
        return;
    }
    m_mayPan = true;
}

void PlaneView::mouseMoveEvent(QMouseEvent* e) {
    const QPoint d = toDisplay(e->position());
    if (m_mayPan && (e->buttons() & Qt::LeftButton) &&
        (e->position().toPoint() - m_pressAt).manhattanLength() >=
            QApplication::startDragDistance()) {
        m_mayPan = false;
        m_panning = true;
        setCursor(Qt::SizeAllCursor);
    }
    if (m_panning) {
        m_scene.pan(d.x() - m_last.x(), d.y() - m_last.y());
        m_last = d;
        m_cameraMoved = true;
        render();
        emit rangeChanged();
        return;
    }
    if (!dragging())
        return;
    // The point stays inside the frame and the range shown (zoomed in, the frame on screen
    // shows part of it): a drag past the edge holds it on the edge.
    const Eigen::Vector2d p = m_scene.toPlot(d.x(), d.y());
    const auto& f = m_scene.frame();
    const auto r = m_scene.shownRange();
    const double x0 = std::max(f[0], r[0]), x1 = std::max(x0, std::min(f[1], r[1]));
    const double y0 = std::max(f[2], r[2]), y1 = std::max(y0, std::min(f[3], r[3]));
    emit pointDragged(std::clamp(p.x(), x0, x1), std::clamp(p.y(), y0, y1));
}

void PlaneView::mouseReleaseEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton)
        m_mayPan = false;
    if (m_panning && (e->button() == Qt::MiddleButton || e->button() == Qt::LeftButton)) {
        m_panning = false;
        unsetCursor();
        return;
    }
    if (e->button() == Qt::LeftButton)
        endDrag();
}

void PlaneView::mouseDoubleClickEvent(QMouseEvent* e) {
    if (e->button() == Qt::MiddleButton ||
        (e->button() == Qt::LeftButton && (e->modifiers() & Qt::ControlModifier))) {
        resetView();
        return;
    }
    if (e->button() != Qt::LeftButton || (e->modifiers() & Qt::ShiftModifier))
        return;
    // A double click inside the frame moves the point there: one undoable step, as a drag.
    const QPoint d = toDisplay(e->position());
    const Eigen::Vector2d p = m_scene.toPlot(d.x(), d.y());
    if (!m_scene.shown(p) || (m_hits && m_hits(d.x(), d.y())))
        return; // outside, or on the point: already there
    m_mayPan = false;
    beginDrag();
    emit pointDragged(p.x(), p.y());
    endDrag();
}

void PlaneView::wheelEvent(QWheelEvent* e) {
    const QPoint d = toDisplay(e->position());
    // One notch (120 units) zooms by 1.2.
    const double factor = std::pow(1.2, e->angleDelta().y() / 120.0);
    m_scene.zoom(factor, d.x(), d.y());
    m_cameraMoved = true;
    render();
    emit rangeChanged();
}

void PlaneView::keyPressEvent(QKeyEvent* e) {
    if (e->key() == Qt::Key_Home) {
        resetView();
        return;
    }
    VtkWidget::keyPressEvent(e);
}

} // namespace gs
