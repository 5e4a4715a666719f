#include "scenecamera.h"

#include <Eigen/Geometry>
#include <vtkBillboardTextActor3D.h>
#include <vtkCamera.h>
#include <vtkMath.h>
#include <vtkMatrix4x4.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkStdString.h>
#include <vtkTextRenderer.h>

#include <algorithm>
#include <cmath>

namespace gs {

CameraState cameraState(vtkRenderer* renderer, std::array<double, 2> viewSize) {
    vtkCamera* c = renderer->GetActiveCamera();
    CameraState s;
    c->GetPosition(s.position.data());
    c->GetFocalPoint(s.focalPoint.data());
    c->GetViewUp(s.viewUp.data());
    s.viewAngle = c->GetViewAngle();
    s.parallelScale = c->GetParallelScale();
    s.parallelProjection = c->GetParallelProjection() != 0;
    s.viewSize = viewSize;
    return s;
}

void applyCamera(vtkRenderer* renderer, const CameraState& s) {
    vtkCamera* c = renderer->GetActiveCamera();
    c->SetPosition(s.position.data());
    c->SetFocalPoint(s.focalPoint.data());
    c->SetViewUp(s.viewUp.data());
    c->SetViewAngle(s.viewAngle);
    c->SetParallelScale(s.parallelScale);
    c->SetParallelProjection(s.parallelProjection ? 1 : 0);
    renderer->ResetCameraClippingRange();
}

double aspectZoom(vtkCamera* camera, const double b[6], double savedAspect, double aspect) {
    if (!(savedAspect > 0) || !(aspect > 0) || savedAspect == aspect)
        return 1;
    // The box's corners in normalized device coordinates of the saved view. At another
    // aspect only x changes, by savedAspect / aspect (x_ndc = x_eye / (aspect * tan * z)).
    vtkMatrix4x4* m = camera->GetCompositeProjectionTransformMatrix(savedAspect, -1, 1);
    double lo[2] = {1e300, 1e300}, hi[2] = {-1e300, -1e300};
    for (int corner = 0; corner < 8; ++corner) {
        const double p[4] = {b[corner & 1], b[2 + ((corner >> 1) & 1)], b[4 + ((corner >> 2) & 1)],
                             1.0};
        double q[4];
        m->MultiplyPoint(p, q);
        if (!(q[3] > 0))
            return 1; // a corner behind the camera (a camera inside the box): keep it as it is
        for (int k = 0; k < 2; ++k) {
            lo[k] = std::min(lo[k], q[k] / q[3]);
            hi[k] = std::max(hi[k], q[k] / q[3]);
        }
    }
    const double w = hi[0] - lo[0], h = hi[1] - lo[1];
    const double wider = w * savedAspect / aspect; // the width's share in the new view
    const double before = std::max(w, h), after = std::max(wider, h);
    if (!(before > 0) || !(after > 0))
        return 1;
    return before / after;
}

void zoomCamera(vtkCamera* camera, double factor) {
    if (!(factor > 0) || factor == 1)
        return;
    if (camera->GetParallelProjection()) {
        camera->SetParallelScale(camera->GetParallelScale() / factor);
    } else {
        const double half = vtkMath::RadiansFromDegrees(camera->GetViewAngle() / 2);
        camera->SetViewAngle(2 * vtkMath::DegreesFromRadians(std::atan(std::tan(half) / factor)));
    }
}

std::array<double, 3> defaultViewOffset(const std::array<double, 3>* planeNormal) {
    const Eigen::Vector3d raw(0.5, -0.866, 0.577); // the book's, as it always was
    const Eigen::Vector3d book = raw.normalized();
    Eigen::Vector3d n =
        planeNormal ? Eigen::Vector3d(planeNormal->at(0), planeNormal->at(1), planeNormal->at(2))
                    : Eigen::Vector3d::Zero();
    if (!(n.norm() > 0) || !n.allFinite())
        return {raw.x(), raw.y(), raw.z()};
    n.normalize();
    // sin of the angle between the view direction and the plane is |n . direction|.
    const double least = std::sin(vtkMath::RadiansFromDegrees(kLeastPlaneAngle));
    Eigen::Vector3d best = book;
    double bestSine = std::abs(n.dot(book));
    for (int step = 1; step <= 18 && bestSine < least; ++step) {
        // 10, -10, 20, -20, ... degrees about the vertical: the first turn that sees the plane.
        for (int sign : {1, -1}) {
            const double turn = vtkMath::RadiansFromDegrees(10.0 * step * sign);
            const Eigen::Vector3d o = Eigen::AngleAxisd(turn, Eigen::Vector3d::UnitZ()) * book;
            if (const double sine = std::abs(n.dot(o)); sine > bestSine + 1e-12) {
                best = o;
                bestSine = sine;
                if (sine >= least)
                    break;
            }
        }
    }
    if (best == book)
        return {raw.x(), raw.y(), raw.z()};
    return {best.x(), best.y(), best.z()};
}

void fitCamera(vtkRenderer* renderer, const double b[6], bool keepDirection,
               const std::array<double, 3>* planeNormal) {
    vtkCamera* cam = renderer->GetActiveCamera();
    const double c[3] = {(b[0] + b[1]) / 2, (b[2] + b[3]) / 2, (b[4] + b[5]) / 2};
    if (keepDirection) {
        double d[3];
        cam->GetDirectionOfProjection(d);
        cam->SetFocalPoint(c);
        cam->SetPosition(c[0] - d[0], c[1] - d[1], c[2] - d[2]); // ResetCamera sets the distance
    } else {
        cam->SetFocalPoint(c);
        const std::array<double, 3> o = defaultViewOffset(planeNormal);
        cam->SetPosition(c[0] + o[0], c[1] + o[1], c[2] + o[2]);
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

namespace gs {

namespace {
/// The display position (pixels) of a world point.
Eigen::Vector2d toDisplay(vtkRenderer* renderer, const double p[3]) {
    renderer->SetWorldPoint(p[0], p[1], p[2], 1.0);
    renderer->WorldToDisplay();
    const double* d = renderer->GetDisplayPoint();
    return {d[0], d[1]};
}
} // namespace

std::array<double, 4> textDisplayBox(vtkRenderer* renderer, vtkBillboardTextActor3D* text) {
    const Eigen::Vector2d at = toDisplay(renderer, text->GetPosition());
    int dpi = 72;
    if (vtkRenderWindow* window = renderer->GetRenderWindow())
        dpi = window->GetDPI();
    // The text's box about its anchor, justification included (vtkTextRenderer, as the
    // billboard renders its texture).
    int b[4] = {0, 0, 0, 0};
    const char* input = text->GetInput();
    if (!input || !*input ||
        !vtkTextRenderer::GetInstance()->GetBoundingBox(text->GetTextProperty(),
                                                        vtkStdString(input), b, dpi))
        return {at.x(), at.x(), at.y(), at.y()};
    const int* offset = text->GetDisplayOffset();
    return {at.x() + offset[0] + b[0], at.x() + offset[0] + b[1] + 1, at.y() + offset[1] + b[2],
            at.y() + offset[1] + b[3] + 1};
}

void keepTextInView(vtkRenderer* renderer, const double b[6],
                    const std::vector<vtkBillboardTextActor3D*>& texts, double margin, double top) {
    const int* size = renderer->GetSize();
    if (!renderer->GetRenderWindow() || !size || size[0] <= 0 || size[1] <= 0)
        return;
    const double W = size[0], H = size[1];
    vtkCamera* cam = renderer->GetActiveCamera();
    // A perspective camera moved sideways shifts near and far points a little differently:
    // a second pass corrects what the first left.
    for (int pass = 0; pass < 3; ++pass) {
        // Each thing to keep in: where its box is now (display pixels), as an anchor and
        // its extent about it.
        struct Item {
            Eigen::Vector2d at;
            std::array<double, 4> box; // xmin, xmax, ymin, ymax about `at`
        };
        std::vector<Item> items;
        for (int corner = 0; corner < 8; ++corner) {
            const double p[3] = {b[corner & 1], b[2 + ((corner >> 1) & 1)],
                                 b[4 + ((corner >> 2) & 1)]};
            items.push_back({toDisplay(renderer, p), {0, 0, 0, 0}});
        }
        for (vtkBillboardTextActor3D* t : texts) {
            if (!t || !t->GetVisibility())
                continue;
            const Eigen::Vector2d at = toDisplay(renderer, t->GetPosition());
            const std::array<double, 4> box = textDisplayBox(renderer, t);
            items.push_back(
                {at, {box[0] - at.x(), box[1] - at.x(), box[2] - at.y(), box[3] - at.y()}});
        }
        // Zoomed by s about the view's centre c and shifted by u, an anchor x goes to
        // c + s (x - c) + u: its box fits [margin, W - margin] when
        //   margin - lo - c - s (x - c) <= u <= W - margin - hi - c - s (x - c).
        // The largest s <= 1 (never zoomed in) for which some u fits every item on both
        // axes; the set of such s is an interval from 0 (the bounds are linear in s), found
        // by bisection.
        auto range = [&](double s, int axis) {
            const double extent = axis == 0 ? W : H, c = extent / 2;
            double lo = -1e300, hi = 1e300;
            for (const Item& it : items) {
                const double x = it.at[axis];
                lo = std::max(lo, margin - it.box[std::size_t(2 * axis)] - c - s * (x - c));
                hi = std::min(hi, extent - margin - (axis == 1 ? top : 0.0) -
                                      it.box[std::size_t(2 * axis + 1)] - c - s * (x - c));
            }
            return std::pair{lo, hi};
        };
        auto fits = [&](double s) {
            const auto [x0, x1] = range(s, 0);
            const auto [y0, y1] = range(s, 1);
            return x0 <= x1 && y0 <= y1;
        };
        double s = 1;
        if (!fits(1)) {
            double lo = 0.2, hi = 1;
            if (!fits(lo))
                return; // a view too small for its text: leave the fit as it is
            for (int k = 0; k < 30; ++k) {
                const double mid = 0.5 * (lo + hi);
                (fits(mid) ? lo : hi) = mid;
            }
            s = lo;
        }
        const auto [x0, x1] = range(s, 0);
        const auto [y0, y1] = range(s, 1);
        const double ux = std::clamp(0.0, x0, x1), uy = std::clamp(0.0, y0, y1);
        if (s > 1 - 1e-6 && std::abs(ux) < 0.25 && std::abs(uy) < 0.25)
            return; // everything inside
        // The zoom: a perspective camera's view angle with tan(angle / 2) divided by s (the
        // projection x / (z tan(angle / 2)) grows by 1 / s); a parallel one's scale.
        if (cam->GetParallelProjection()) {
            cam->SetParallelScale(cam->GetParallelScale() / s);
        } else {
            const double half = vtkMath::RadiansFromDegrees(cam->GetViewAngle() / 2);
            cam->SetViewAngle(2 * vtkMath::DegreesFromRadians(std::atan(std::tan(half) / s)));
        }
        // The shift: the camera moves the other way in its view plane, by the world length
        // of u pixels at the focal distance (H pixels span 2 d tan(angle / 2) there).
        const double span =
            cam->GetParallelProjection()
                ? 2 * cam->GetParallelScale()
                : 2 * cam->GetDistance() *
                      std::tan(vtkMath::RadiansFromDegrees(cam->GetViewAngle() / 2));
        const double perPixel = span / H;
        Eigen::Vector3d up, dir;
        cam->GetViewUp(up.data());
        cam->GetDirectionOfProjection(dir.data());
        const Eigen::Vector3d right = dir.cross(up).normalized();
        up = right.cross(dir).normalized();
        const Eigen::Vector3d move = -(ux * right + uy * up) * perPixel;
        Eigen::Vector3d focal, position;
        cam->GetFocalPoint(focal.data());
        cam->GetPosition(position.data());
        focal += move;
        position += move;
        cam->SetFocalPoint(focal.data());
        cam->SetPosition(position.data());
        renderer->ResetCameraClippingRange();
    }
}

} // namespace gs
