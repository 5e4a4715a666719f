#include "surfaceview.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <cmath>
#include <vtkCamera.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

namespace gs {

SurfaceView::SurfaceView() {
    renderWindow()->AddRenderer(m_scene.renderer());
}

SurfaceView::~SurfaceView() {
    renderWindow()->RemoveRenderer(m_scene.renderer());
}

void SurfaceView::setSceneDeviceScale(double ratio) {
    m_scene.setDeviceScale(ratio);
}

void SurfaceView::fitCamera() {
    m_pendingCamera.reset();
    m_refitPending = false;
    m_scene.resetCamera();
}

bool SurfaceView::sized() const {
    const int* size = renderWindow()->GetSize();
    return size[0] > 0 && size[1] > 0;
}

void SurfaceView::restoreCamera(const CameraState& camera) {
    m_cameraMoved = true;
    m_refitPending = false; // this camera supersedes a refit asked for before
    if (!sized()) {
        m_pendingCamera = camera;
        return;
    }
    m_pendingCamera.reset();
    const int* size = renderWindow()->GetSize();
    m_scene.restoreCamera(camera, double(size[0]) / size[1]);
    render();
}

CameraState SurfaceView::shownCamera() const {
    if (m_pendingCamera)
        return *m_pendingCamera;
    if (!sized())
        return cameraState(m_scene.renderer());
    const int* size = renderWindow()->GetSize();
    return cameraState(m_scene.renderer(), {double(size[0]), double(size[1])});
}

void SurfaceView::resizeGL(int w, int h) {
    PointView::resizeGL(w, h);
    if (!sized())
        return;
    if (m_pendingCamera) {
        const CameraState camera = *m_pendingCamera;
        m_pendingCamera.reset();
        const int* size = renderWindow()->GetSize();
        m_scene.restoreCamera(camera, double(size[0]) / size[1]);
    }
    if (m_refitPending) {
        m_refitPending = false;
        refit();
    }
}

void SurfaceView::orient(const double direction[3], const double up[3]) {
    m_pendingCamera.reset();
    vtkCamera* cam = m_scene.renderer()->GetActiveCamera();
    m_scene.resetCamera(); // the fitted focal point and distance of the default view
    double focal[3];
    cam->GetFocalPoint(focal);
    const double d = cam->GetDistance();
    cam->SetPosition(focal[0] + d * direction[0], focal[1] + d * direction[1],
                     focal[2] + d * direction[2]);
    cam->SetViewUp(up[0], up[1], up[2]);
    m_scene.renderer()->ResetCameraClippingRange();
}

void SurfaceView::setCameraPreset(CameraPreset preset) {
    // Unit vectors from the focal point to the camera.
    static const double top[3] = {0, 0, 1}, front[3] = {0, -1, 0}, side[3] = {1, 0, 0};
    static const double north[3] = {0, 1, 0}, zUp[3] = {0, 0, 1};
    switch (preset) {
    case CameraPreset::Default:
        resetView();
        return;
    case CameraPreset::Top:
        orient(top, north);
        m_scene.setTopView(true);
        break;
    case CameraPreset::Front:
        orient(front, zUp);
        m_scene.fitCameraKeepingDirection(true); // the text fitted for this side (under the title)
        break;
    case CameraPreset::Side:
        orient(side, zUp);
        m_scene.fitCameraKeepingDirection(true);
        break;
    }
    m_cameraMoved = true;
    render();
}

void SurfaceView::refit() {
    if (!sized()) {
        // No size yet (the window not shown): a fit now would be for a square of no pixels,
        // and kept as if the person had chosen it (tester: a reopened session a third of its
        // size). The first resize fits an unmoved camera anyway; a moved one is refitted then.
        if (m_cameraMoved)
            m_refitPending = true;
        return;
    }
    if (!m_cameraMoved) {
        m_scene.resetCamera();
        render();
        return;
    }
    vtkCamera* cam = m_scene.renderer()->GetActiveCamera();
    double p[3], f[3], up[3];
    cam->GetPosition(p);
    cam->GetFocalPoint(f);
    cam->GetViewUp(up);
    double dir[3] = {p[0] - f[0], p[1] - f[1], p[2] - f[2]};
    const double n = std::sqrt(dir[0] * dir[0] + dir[1] * dir[1] + dir[2] * dir[2]);
    if (!(n > 0)) {
        resetView();
        return;
    }
    for (double& c : dir)
        c /= n;
    const bool top = cam->GetParallelProjection();
    orient(dir, up);
    if (top)
        m_scene.setTopView(true);
    render();
}

void SurfaceView::refitNowAndOnResize() {
    refit();
    m_refitPending = true;
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
            beginDrag();
            if (onSurface)
                emit pointDragged(onSurface->x(), onSurface->y());
            return;
        }
    }
    m_cameraMoved = true;
    if (e->button() == Qt::LeftButton) // turning away from the top view: perspective again
        m_scene.setTopView(false);
    VtkWidget::mousePressEvent(e);
}

void SurfaceView::mouseMoveEvent(QMouseEvent* e) {
    if (!dragging()) {
        VtkWidget::mouseMoveEvent(e);
        return;
    }
    // Off the surface the point stays where it last was.
    const QPoint d = toDisplay(e->position());
    if (const auto p = m_scene.pickSurface(d.x(), d.y()))
        emit pointDragged(p->x(), p->y());
}

void SurfaceView::mouseReleaseEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton && endDrag())
        return;
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
