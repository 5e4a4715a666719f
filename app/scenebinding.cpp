#include "scenebinding.h"

namespace gs {

SceneStyle sceneStyle(const Settings& s, double pixelScale) {
    SceneStyle style;
    style.showTangent = s.showTangent;
    style.showQuadratic = s.showQuadratic;
    style.showGradient = s.showGradient;
    style.shaded = s.shaded;
    style.wireLines = s.wireLines;
    style.pixelScale = pixelScale;
    return style;
}

QString sceneTitle(const Document& doc) {
    QString text = doc.settings().function.simplified();
    text.replace(QStringLiteral(";"), QStringLiteral("; "));
    return QStringLiteral("f(%1) = %2").arg(doc.inputNames().join(QStringLiteral(", ")), text);
}

void showDocument(SurfaceScene& scene, const Document& doc, double pixelScale) {
    scene.setStyle(sceneStyle(doc.settings(), pixelScale));
    scene.setTitle(sceneTitle(doc).toStdString());
    scene.setSurface(doc.surface());
    showExpansion(scene, doc);
}

void showExpansion(SurfaceScene& scene, const Document& doc) {
    scene.setExpansion(doc.expansion());
}

} // namespace gs
