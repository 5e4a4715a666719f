#include "mediaicon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPolygonF>

namespace gs {

namespace {

/// The shape in a 16 x 16 box: triangles and bars, as the usual media symbols.
QPainterPath shape(MediaIcon kind) {
    QPainterPath p;
    const auto triangle = [&](QPointF a, QPointF b, QPointF c) {
        p.addPolygon(QPolygonF{a, b, c, a});
    };
    switch (kind) {
    case MediaIcon::Play:
        triangle({4, 2.5}, {13.5, 8}, {4, 13.5});
        break;
    case MediaIcon::Pause:
        p.addRect(3.5, 2.5, 3, 11);
        p.addRect(9.5, 2.5, 3, 11);
        break;
    case MediaIcon::StepForward:
        triangle({1.5, 3.5}, {8, 8}, {1.5, 12.5});
        triangle({8, 3.5}, {14.5, 8}, {8, 12.5});
        break;
    case MediaIcon::StepBack:
        triangle({14.5, 3.5}, {8, 8}, {14.5, 12.5});
        triangle({8, 3.5}, {1.5, 8}, {8, 12.5});
        break;
    case MediaIcon::Restart:
        p.addRect(2.5, 3, 2.5, 10);
        triangle({13.5, 3}, {5.5, 8}, {13.5, 13});
        break;
    }
    p.setFillRule(Qt::WindingFill);
    return p;
}

QPixmap draw(MediaIcon kind, const QColor& colour) {
    constexpr int kPixels = 32; // twice the 16-pixel box: sharp on a scaled screen too
    QPixmap pixmap(kPixels, kPixels);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(kPixels / 16.0, kPixels / 16.0);
    painter.fillPath(shape(kind), colour);
    return pixmap;
}

} // namespace

QIcon mediaIcon(MediaIcon kind, const QPalette& palette) {
    QIcon icon;
    icon.addPixmap(draw(kind, palette.color(QPalette::Active, QPalette::ButtonText)),
                   QIcon::Normal);
    icon.addPixmap(draw(kind, palette.color(QPalette::Disabled, QPalette::ButtonText)),
                   QIcon::Disabled);
    return icon;
}

} // namespace gs
