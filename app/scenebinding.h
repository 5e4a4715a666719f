#pragma once
// Feeds a document's results into a 3-D scene: the window and the exporter both use it,
// so a picture on screen and a picture on disk come from the same code.

#include "document.h"
#include "surfacescene.h"

namespace gs {

SceneStyle sceneStyle(const Settings& s, double pixelScale = 1.0);
QString sceneTitle(const Document& doc);

/// Everything: title, surface, expansion and style.
void showDocument(SurfaceScene& scene, const Document& doc, double pixelScale = 1.0);
/// Only what depends on the expansion point (the cheap path of a drag).
void showExpansion(SurfaceScene& scene, const Document& doc);

} // namespace gs
