#pragma once
// What the 3-D view (SurfaceView) and the 2-D views (PlaneView) share: the person drags the
// expansion point in them, and they report where; the document decides. The camera refits
// to the scene on a resize until the person moves it, and lines follow the device pixel
// ratio as text does (PixelScale).

#include "vtkwidget.h"

namespace gs {

class PointView : public VtkWidget {
    Q_OBJECT
public:
    bool dragging() const { return m_dragging; }
    /// The person moved the camera (a drag off the point, the wheel) since the last reset.
    bool cameraMoved() const { return m_cameraMoved; }

public slots:
    /// Fits the whole scene into the view again and forgets that the camera was moved.
    void resetView();

signals:
    void dragStarted();
    void pointDragged(double x, double y);
    void dragFinished();
    /// Shift+click: start an optimizer run there (plot coordinates).
    void startPicked(double x, double y);

protected:
    void resizeGL(int w, int h) override;

    /// The scene's share of a resize and a reset.
    virtual void setSceneDeviceScale(double ratio) = 0;
    virtual void fitCamera() = 0;

    /// A drag of the point starts: closed hand, dragStarted().
    void beginDrag();
    /// Ends a drag if one is under way (open hand, dragFinished()); says whether one was.
    bool endDrag();

    bool m_cameraMoved = false; ///< until the person moves the camera, it refits on resize

private:
    bool m_dragging = false;
};

} // namespace gs
