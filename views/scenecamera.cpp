#include "scenecamera.h"

#include <Eigen/Geometry>
#include <vtkCamera.h>
#include <vtkMath.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <cmath>

namespace gs {

void fitCamera(vtkRenderer* renderer, const double b[6], bool keepDirection) {
    vtkCamera* cam = renderer->GetActiveCamera();
    const double c[3] = {(b[0] + b[1]) / 2, (b[2] + b[3]) / 2, (b[4] + b[5]) / 2};
    if (keepDirection) {
        double d[3];
        cam->GetDirectionOfProjection(d);
        cam->SetFocalPoint(c);
        cam->SetPosition(c[0] - d[0], c[1] - d[1], c[2] - d[2]); // ResetCamera sets the distance
    } else {
        cam->SetFocalPoint(c);
        cam->SetPosition(c[0] + 0.5, c[1] - 0.866, c[2] + 0.577);
        cam->SetViewUp(0, 0, 1);
    }
    cam->SetViewAngle(30); // Zoom() below narrows it: start from VTK's default every time
    renderer->ResetCamera(b);
    // ResetCamera fits a sphere around the box, which leaves it small; fit the box's
    // projected corners instead. Without a window there is no aspect to fit to yet.
    if (renderer->GetRenderWindow()) {
        // Centre the box's projection in the view, then zoom it to fill 80% of it.
        double lo[2] = {1e300, 1e300}, hi[2] = {-1e300, -1e300};
        for (int corner = 0; corner < 8; ++corner) {
            renderer->SetWorldPoint(b[corner & 1], b[2 + ((corner >> 1) & 1)],
                                    b[4 + ((corner >> 2) & 1)], 1.0);
            renderer->WorldToView();
            const double* v = renderer->GetViewPoint();
            for (int k = 0; k < 2; ++k) {
                lo[k] = std::min(lo[k], v[k]);
                hi[k] = std::max(hi[k], v[k]);
            }
        }
        // One view unit is half the view's height (or width) at the focal distance.
        const double halfHeight =
            cam->GetDistance() * std::tan(vtkMath::RadiansFromDegrees(cam->GetViewAngle() / 2));
        // The window's aspect now, not the one stored by the last render (stale in a new
        // export window: the picture then depended on what was drawn before).
        const double aspect = renderer->GetTiledAspectRatio();
        Eigen::Vector3d up, right, dir;
        cam->GetViewUp(up.data());
        cam->GetDirectionOfProjection(dir.data());
        right = dir.cross(up).normalized();
        up = right.cross(dir).normalized();
        const Eigen::Vector3d shift = right * ((lo[0] + hi[0]) / 2 * halfHeight * aspect) +
                                      up * ((lo[1] + hi[1]) / 2 * halfHeight);
        Eigen::Vector3d focal, position;
        cam->GetFocalPoint(focal.data());
        cam->GetPosition(position.data());
        focal += shift;
        position += shift;
        cam->SetFocalPoint(focal.data());
        cam->SetPosition(position.data());
        const double extent = std::max((hi[0] - lo[0]) / 2, (hi[1] - lo[1]) / 2);
        if (extent > 0)
            cam->Zoom(0.8 / extent);
    }
    renderer->ResetCameraClippingRange();
}

} // namespace gs
