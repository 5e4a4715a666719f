#pragma once
// Camera fitting for the 3-D scene: the view the book's figure uses, filled with the box.

class vtkRenderer;

namespace gs {

/// From the front left, looking slightly down (matplotlib's azimuth -60, elevation 30
/// degrees), with the box's projected corners filling 80% of the view (a margin for the
/// axis labels and the title). `bounds` is the box: xmin, xmax, ymin, ymax, zmin, zmax.
/// With `keepDirection`, the camera keeps the direction it looks in and its view-up (a view
/// the person turned) and is only moved and zoomed so that the box fills 80% of the view.
void fitCamera(vtkRenderer* renderer, const double bounds[6], bool keepDirection = false);

} // namespace gs
