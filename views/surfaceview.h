#pragma once
// The 3-D view in the window: the surface scene in the bridge widget, with the
// expansion point dragged along the surface under the cursor. A press on the marker
// or the surface drags the point; elsewhere (or with Ctrl) a drag rotates the camera,
// the wheel zooms; Shift+click on the surface picks an optimizer start. It reports where the person
// drags; the document decides.

#include "pointview.h"
#include "surfacescene.h"

#include <optional>

namespace gs {

class SurfaceView : public PointView {
    Q_OBJECT
public:
    SurfaceView();
    ~SurfaceView() override;

    SurfaceScene& scene() { return m_scene; }

    /// Where the camera looks from: the book's view, or straight down, from the front
    /// (looking along +y), from the side (looking along -x).
    enum class CameraPreset { Default, Top, Front, Side };

public slots:
    void setCameraPreset(CameraPreset preset);
    /// Fits the camera to the surface's box again, from the direction it looks now (after
    /// the domain changed, say).
    void refit();
    /// refit() now and again at the next resize: for a change of the layout that resizes the
    /// view later (side by side). Without it a moved camera, not refitted on resize, kept the
    /// old width's framing and the box ran off both sides (tester s28).
    void refitNowAndOnResize();
    /// A camera from outside (an opened session): shown as it was saved, zoomed only as far as
    /// keeps the surface's share of the view when this view's aspect is not the saved view's
    /// (`SurfaceScene::restoreCamera`). A view not sized yet (the window not shown) takes it
    /// at its first size, so neither a fit at no size nor a stale aspect replaces it. It then
    /// stays as it is on a resize, like a camera the person moved, until the view is reset.
    void restoreCamera(const CameraState& camera);
    /// The camera a session saves: the one on screen with the view's size, or the restored one
    /// still waiting for the view's first size.
    CameraState shownCamera() const;

signals:
    /// Arrow keys: a step of (dx, dy) in units of 1% of the domain (10% with Shift).
    void nudged(int dx, int dy);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void setSceneDeviceScale(double ratio) override;
    void fitCamera() override;
    void resizeGL(int w, int h) override;

private:
    /// The view has had a size (its first resizeGL): fits and aspects mean something.
    bool sized() const;

    /// Fits the box, then looks along -direction with `up` up.
    void orient(const double direction[3], const double up[3]);

    SurfaceScene m_scene;
    std::optional<CameraState> m_pendingCamera; ///< restored before the view had a size
    bool m_refitPending = false; ///< refit() at the next resize (none yet, or a layout coming)
};

} // namespace gs
