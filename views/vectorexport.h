#pragma once
// Vector figures (SVG, PDF) of a VTK scene: what the renderer shows, projected through its own
// camera and painted as paths and text with Qt's SVG generator or PDF writer. No raster image
// is ever embedded. VTK's GL2PS exporter is no route here: Debian's VTK 9.1 writes 3-D props as
// an empty or rasterized picture (docs/platform.md).
//
// What hides what follows the raster's passes. The props a scene marks as hiding (the shaded
// surface, markHiding) hide what is behind them only while they are drawn, as in the raster:
// the wireframe is see-through. Their depth, the translucent props' (the tangent plane) and
// that of what is drawn on top (markDrawnOnTop) are each rendered once off screen at
// kDepthOversampling times the figure's size and read back. Every line is cut into runs
// (samples every half pixel): hidden, behind a translucent patch (painted before it) or in
// front (after it). Polygons are split where these change. A translucent prop's visible
// pieces are merged into one outline per colour (no seams between its triangles) and its
// edges stroked once. What is left is painted back to front within each of these layers; a
// solid marked painted whole (a ball) goes there as one, at its centre's depth. Polygons are
// lit with the renderer's lights as VTK's shader lights them (ambient, diffuse, specular).
// A translucent prop drawn over the scene (markDrawnOverScene) is hidden by nothing the
// scene draws, and all it covers is painted before it.
// The writer computes no mathematics beyond this projection and the lighting.

#include "sceneexport.h"

#include <functional>
#include <string>

class QPainter;
class vtkProp;
class vtkRenderer;

namespace gs {

/// The depth pass is rendered at this multiple of the figure's size.
constexpr int kDepthOversampling = 2;

/// Marks a prop whose polygons hide what is behind them in a vector figure while it is shown
/// (as its depth does in the raster); hidden, it hides nothing.
void markHiding(vtkProp* prop);
/// Marks a prop drawn over everything opaque (drawOnTop): never hidden, painted last.
void markDrawnOnTop(vtkProp* prop);

/// Marks a prop that is one solid (a ball): its facets are painted together, back to front,
/// placed among the other primitives at the solid's centre. Coincident balls (runs ending at
/// one minimum) then each come out whole, the last drawn on top as in the raster, where
/// their facets sorted one by one interleaved into a grey mixture.
void markPaintedWhole(vtkProp* prop);
/// Marks (or unmarks) a translucent prop the raster draws over the opaque scene
/// (drawOverScene: the tangent plane over a shaded surface): nothing the scene draws hides
/// it, and what it covers is painted before it (tinted by it).
void markDrawnOverScene(vtkProp* prop, bool over);
bool isDrawnOverScene(vtkProp* prop);

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
