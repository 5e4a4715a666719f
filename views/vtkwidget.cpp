#include "vtkwidget.h"

#include <QCoreApplication>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QWheelEvent>
#include <cmath>
#include <vtkCallbackCommand.h>
#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkOpenGLFramebufferObject.h>
#include <vtkOpenGLState.h>

namespace gs {

VtkWidget::VtkWidget()
    : m_window(vtkSmartPointer<vtkGenericOpenGLRenderWindow>::New())
    , m_interactor(vtkSmartPointer<vtkGenericRenderWindowInteractor>::New()) {
    // Before any GL context exists (docs/platform.md, step 1).
    m_window->SetReadyForRendering(false);
    m_window->SetFrameBlitModeToNoBlit();
    // VTK 9.1 renders into its RenderFramebuffer; with SwapBuffers on, every render ends by
    // copying that framebuffer's colour and depth into its DisplayFramebuffer, which paintGL
    // then copied into the window: two full-window copies per frame. Off, paintGL copies the
    // RenderFramebuffer's colour into the window, one copy (docs/benchmarks.md). Nothing reads
    // this window's DisplayFramebuffer: exports render off screen, grabs read the window.
    m_window->SwapBuffersOff();
    m_window->SetMultiSamples(0);
    m_interactor->SetRenderWindow(m_window);
    m_interactor->Initialize();
    vtkNew<vtkInteractorStyleTrackballCamera> style;
    // One wheel notch zooms by 1.1^(0.2 * 10 * factor): 8% at 0.4 (VTK's 1.0 gave 21% a notch,
    // and four notches went deep into the surface).
    style->SetMouseWheelMotionFactor(kWheelMotionFactor);
    m_interactor->SetInteractorStyle(style);

    // VTK asks us to make its context current: Qt's context on this window, directly
    // (QOpenGLWindow::makeCurrent() may rebind a framebuffer behind VTK's state cache).
    m_window->AddObserver(vtkCommand::WindowMakeCurrentEvent, this, &VtkWidget::onMakeCurrent);
    m_window->AddObserver(vtkCommand::WindowIsCurrentEvent, this, &VtkWidget::onIsCurrent);
    m_window->AddObserver(vtkCommand::WindowFrameEvent, this, &VtkWidget::onFrame);
}

VtkWidget::~VtkWidget() {
    m_window->RemoveAllObservers();
    if (context()) {
        // QOpenGLWindow destroys the context after this destructor: not our slot by then.
        disconnect(context(), nullptr, this, nullptr);
        makeCurrent();
        m_window->Finalize();
        doneCurrent();
    }
}

vtkRenderWindow* VtkWidget::renderWindow() const {
    return m_window;
}
vtkRenderWindowInteractor* VtkWidget::interactor() const {
    return m_interactor;
}

void VtkWidget::onMakeCurrent(vtkObject*, unsigned long, void*) {
    if (QOpenGLContext* ctx = context())
        ctx->makeCurrent(this);
}

void VtkWidget::onIsCurrent(vtkObject*, unsigned long, void* callData) {
    QOpenGLContext* ctx = context();
    *static_cast<bool*>(callData) =
        ctx && QOpenGLContext::currentContext() == ctx && ctx->surface() == this;
}

void VtkWidget::onFrame(vtkObject*, unsigned long, void*) {
    // A render outside paintGL (a drag, the interactor): show it on the next turn of the
    // event loop. update() would wait for the platform's update timer (up to a frame).
    if (!m_inPaint)
        QCoreApplication::postEvent(this, new QEvent(QEvent::UpdateRequest), Qt::HighEventPriority);
}

void VtkWidget::initializeGL() {
    // docs/platform.md, step 3.
    vtkOpenGLState* state = m_window->GetState();
    state->Reset();
    state->vtkglDepthFunc(GL_LEQUAL);
    m_window->SetReadyForRendering(true);
    m_window->SetOwnContext(false);
    m_window->OpenGLInitContext();
    m_needsRender = true;
    // initializeGL runs again if the widget is re-parented: one connection per context.
    connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, &VtkWidget::releaseContext,
            Qt::UniqueConnection);
}

void VtkWidget::releaseContext() {
    makeCurrent();
    m_window->Finalize();
    m_window->SetReadyForRendering(false);
}

void VtkWidget::resizeGL(int w, int h) {
    const double dpr = devicePixelRatio();
    const int pw = static_cast<int>(w * dpr), ph = static_cast<int>(h * dpr);
    m_window->SetScreenSize(pw, ph);
    // Text: VTK multiplies font sizes by DPI / 72. Line widths it draws in device pixels as
    // given: the views multiply them by the ratio themselves (PixelScale, scenestyle.h).
    m_window->SetDPI(static_cast<int>(72 * dpr));
    m_interactor->UpdateSize(pw, ph);
    m_needsRender = true;
    update(); // a window that only shrank gets no expose: draw at the new size now
}

void VtkWidget::render() {
    if (!m_window->GetReadyForRendering()) {
        m_needsRender = true;
        update();
        return;
    }
    m_window->Render(); // ends in WindowFrameEvent -> update()
}

void VtkWidget::paintGL() {
    if (!m_window->GetReadyForRendering())
        return;
    m_inPaint = true;
    vtkOpenGLState* state = m_window->GetState();
    state->Reset();
    state->Push();
    // Qt may have resized the window since VTK's last frame, or resized it while it was
    // hidden (a view in a tab that was not shown) without a resizeGL since: VTK's size must
    // be the window's, or the scene is drawn in a strip with the rest black.
    const double dpr = devicePixelRatio();
    const int pw = static_cast<int>(width() * dpr), ph = static_cast<int>(height() * dpr);
    if (m_window->GetSize()[0] != pw || m_window->GetSize()[1] != ph) {
        m_window->SetSize(pw, ph);
        resizeGL(width(), height());
    }
    const int* size = m_window->GetSize();
    vtkOpenGLFramebufferObject* fbo = m_window->GetRenderFramebuffer();
    if (m_needsRender || !fbo || fbo->GetLastSize()[0] != size[0] ||
        fbo->GetLastSize()[1] != size[1]) {
        m_window->Render();
        m_needsRender = false;
    }
    // Blit VTK's render framebuffer into the window's (docs/platform.md, step 4). llvmpipe
    // finishes drawing VTK's frame here, when the copy needs it.
    context()->makeCurrent(this);
    state->vtkglBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
    // The last renderer drawn leaves its own viewport and scissor box (a second renderer or
    // viewport covers only part of the window): blit and clear the whole window, as VTK's
    // own Qt adapter does.
    state->vtkglViewport(0, 0, size[0], size[1]);
    state->vtkglScissor(0, 0, size[0], size[1]);
    state->vtkglDisable(GL_SCISSOR_TEST);
    state->PushReadFramebufferBinding();
    fbo->Bind(GL_READ_FRAMEBUFFER);
    fbo->ActivateReadBuffer(0);
    state->vtkglBlitFramebuffer(0, 0, size[0], size[1], 0, 0, size[0], size[1], GL_COLOR_BUFFER_BIT,
                                GL_NEAREST);
    state->PopReadFramebufferBinding();
    // An alpha below 1 makes window grabs come out black.
    state->vtkglColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);
    state->vtkglClearColor(0, 0, 0, 1);
    state->vtkglClear(GL_COLOR_BUFFER_BIT);
    state->Pop();
    m_inPaint = false;
}

QPoint VtkWidget::toDisplay(const QPointF& p) const {
    const double dpr = devicePixelRatio();
    const int* size = m_window->GetSize();
    return {static_cast<int>(std::lround(p.x() * dpr)),
            size[1] - static_cast<int>(std::lround(p.y() * dpr)) - 1};
}

QPointF VtkWidget::fromDisplay(double x, double y) const {
    const double dpr = devicePixelRatio();
    return {x / dpr, (m_window->GetSize()[1] - 1 - y) / dpr};
}

void VtkWidget::forwardMouse(QMouseEvent* e) {
    const QPoint d = toDisplay(e->position());
    m_interactor->SetEventInformation(d.x(), d.y(), e->modifiers() & Qt::ControlModifier ? 1 : 0,
                                      e->modifiers() & Qt::ShiftModifier ? 1 : 0);
    // Only presses, moves and releases arrive here (double clicks are not forwarded).
    unsigned long event = vtkCommand::NoEvent;
    const bool press = e->type() == QEvent::MouseButtonPress;
    switch (e->type()) {
    case QEvent::MouseMove:
        event = vtkCommand::MouseMoveEvent;
        break;
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
        switch (e->button()) {
        case Qt::LeftButton:
            event = press ? vtkCommand::LeftButtonPressEvent : vtkCommand::LeftButtonReleaseEvent;
            break;
        case Qt::MiddleButton:
            event =
                press ? vtkCommand::MiddleButtonPressEvent : vtkCommand::MiddleButtonReleaseEvent;
            break;
        case Qt::RightButton:
            event = press ? vtkCommand::RightButtonPressEvent : vtkCommand::RightButtonReleaseEvent;
            break;
        default:
            break;
        }
        break;
    default:
        break;
    }
    if (event != vtkCommand::NoEvent)
        m_interactor->InvokeEvent(event, e);
}

void VtkWidget::mousePressEvent(QMouseEvent* e) {
    forwardMouse(e);
}
void VtkWidget::mouseMoveEvent(QMouseEvent* e) {
    forwardMouse(e);
}
void VtkWidget::mouseReleaseEvent(QMouseEvent* e) {
    forwardMouse(e);
}

void VtkWidget::wheelEvent(QWheelEvent* e) {
    const QPoint d = toDisplay(e->position());
    m_interactor->SetEventInformation(d.x(), d.y(), e->modifiers() & Qt::ControlModifier ? 1 : 0,
                                      e->modifiers() & Qt::ShiftModifier ? 1 : 0);
    const int delta = e->angleDelta().y();
    if (delta > 0)
        m_interactor->InvokeEvent(vtkCommand::MouseWheelForwardEvent, e);
    else if (delta < 0)
        m_interactor->InvokeEvent(vtkCommand::MouseWheelBackwardEvent, e);
}

} // namespace gs
