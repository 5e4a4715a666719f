#pragma once
// Camera fitting for the 3-D scene: the view the book's figure uses, filled with the box.

#include <array>
#include <vector>

class vtkBillboardTextActor3D;
class vtkCamera;
class vtkRenderer;

namespace gs {

/// Everything vtkCamera needs to look the same again, and the view it was seen in.
struct CameraState {
    std::array<double, 3> position{}, focalPoint{}, viewUp{};
    double viewAngle = 30;
    double parallelScale = 1;
    bool parallelProjection = false;
    /// Width and height (pixels) of the view the camera was seen in; 0 x 0 when not known (an
    /// older session). Only their ratio is used: the framing at another aspect.
    std::array<double, 2> viewSize{};
};

/// `renderer`'s camera, with `viewSize` (width, height; zero when not known).
CameraState cameraState(vtkRenderer* renderer, std::array<double, 2> viewSize = {});
/// Sets `renderer`'s camera to `camera` as it was (the view size is not applied).
void applyCamera(vtkRenderer* renderer, const CameraState& camera);
/// How much to zoom `camera` (seen in a view of width / height `savedAspect`) so that the box
/// `bounds` takes the same share of a view of `aspect` as it took of the saved view: the
/// larger of its projected width and height, each as a share of the view's, stays the same.
/// VTK's view angle is vertical, so the same camera in a wider view shows more at the sides,
/// in a narrower one cuts them: a camera saved in a narrow view (side by side) and shown in a
/// wide one made the surface a third of the view. 1 at the same aspect or when either aspect
/// is not known (0).
double aspectZoom(vtkCamera* camera, const double bounds[6], double savedAspect, double aspect);
/// Zooms `camera` by `factor` about the view's centre (the view angle's tangent, or the
/// parallel scale, divided by it); position and focal point stay.
void zoomCamera(vtkCamera* camera, double factor);

/// From the front left, looking slightly down (matplotlib's azimuth -60, elevation 30
/// degrees), with the box's projected corners filling 80% of the view (a margin for the
/// axis labels and the title). `bounds` is the box: xmin, xmax, ymin, ymax, zmin, zmax.
/// With `keepDirection`, the camera keeps the direction it looks in and its view-up (a view
/// the person turned) and is only moved and zoomed so that the box fills 80% of the view.
///
/// `planeNormal` (not with keepDirection): the normal of a plane that the scene's surface is
/// (world coordinates; a linear f). The default direction is then turned about the vertical,
/// as little as it takes, until the plane is seen at kLeastPlaneAngle or more: seen edge-on
/// it was one line (issue #9, d/dx βᵀx).
void fitCamera(vtkRenderer* renderer, const double bounds[6], bool keepDirection = false,
               const std::array<double, 3>* planeNormal = nullptr);

/// The least angle (degrees) between the default view's direction and a planar surface.
constexpr double kLeastPlaneAngle = 25;

/// The default camera's offset from the focal point (unit vector): the book's view
/// (azimuth -60, elevation 30), turned about the vertical as fitCamera says for `planeNormal`.
std::array<double, 3> defaultViewOffset(const std::array<double, 3>* planeNormal);

/// After fitCamera: zooms out and moves the camera sideways as little as needed for every
/// text of `texts` (visible ones: the axes' tick labels and titles, measured in pixels at
/// their font as VTK will draw them about their anchors) and the box's corners to lie
/// inside the view, `margin` pixels from its edges and `top` more from its top (the title's
/// band: from the side the f axis's title was cut by the plot's title, tester s13b). In a
/// narrow view (side by side) the box's 10 % margin was less than a label's width: "2500"
/// was cut at the left edge.
void keepTextInView(vtkRenderer* renderer, const double bounds[6],
                    const std::vector<vtkBillboardTextActor3D*>& texts, double margin,
                    double top = 0);

/// Where `text` is drawn now, in display pixels (xmin, xmax, ymin, ymax): its anchor's
/// projection, its display offset and its box at its font and the window's DPI.
std::array<double, 4> textDisplayBox(vtkRenderer* renderer, vtkBillboardTextActor3D* text);

} // namespace gs
