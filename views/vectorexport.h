#pragma once
// Vector figures (SVG, PDF) of a VTK scene: what the renderer shows, projected through its own
// camera and painted as paths and text with Qt's SVG generator or PDF writer. No raster image
// is ever embedded. VTK's GL2PS exporter is no route here: Debian's VTK 9.1 writes 3-D props as
// an empty or rasterized picture (docs/platform.md).
//
// Hidden lines. A scene marks the props that hide what is behind them (the surface's
// triangles, markHiding); those are rendered once off screen at kDepthOversampling times the
// figure's size and the depth buffer is read back. Every line is then cut into the runs whose
// samples (every half pixel) are not behind that depth, so the wireframe behind the surface,
// and the parts of the tangent plane, the quadratic or a path it hides, are left out of the
// file. Filled polygons are kept when they pass the same test, split where the surface cuts
// them. What is left is
// painted back to front (painter's algorithm on the primitives' distance from the camera), and
// what a scene draws on top of everything (markDrawnOnTop: the point, arrows, paths) after it.
// The writer computes no mathematics beyond this projection.

#include "sceneexport.h"

#include <functional>
#include <string>

class QPainter;
class vtkProp;
class vtkRenderer;

namespace gs {

/// The depth pass is rendered at this multiple of the figure's size.
constexpr int kDepthOversampling = 2;

/// Marks a prop whose polygons hide what is behind them in a vector figure; it takes part in
/// the depth pass even while it is not shown (the wireframe's surface is not drawn on screen).
void markHiding(vtkProp* prop);
/// Marks a prop drawn over everything opaque (drawOnTop): never hidden, painted last.
void markDrawnOnTop(vtkProp* prop);

/// True for a path ending in .svg or .pdf (any case).
bool isVectorPath(const std::string& path);

/// Writes what `renderer` shows to an SVG or PDF file of options.width x options.height
/// (pixels; PDF points), rendered off screen once for the layout of text and axes (and once
/// more for the depth of the hiding props). `prepare` as in exportImage. Returns an empty
/// string on success, else the message.
[[nodiscard]] std::string exportVector(vtkRenderer* renderer, const std::string& path,
                                       const ImageExportOptions& options,
                                       const std::function<void()>& prepare = {});

/// Paints `draw` into an SVG (QSvgGenerator) or PDF (QPdfWriter) file of width x height
/// pixels (PDF: points), in painter coordinates with y down. For figures drawn from a layout
/// VTK computed (the loss chart). Returns an empty string or the message.
[[nodiscard]] std::string writeVectorFigure(const std::string& path, int width, int height,
                                            const std::function<void(QPainter&)>& draw);

} // namespace gs
