#include "dockwidget.h"

#include <QEvent>
#include <QGuiApplication>
#include <QLayout>
#include <QStyleOptionDockWidget>
#include <QStyleOptionFrame>
#include <QStylePainter>

namespace gs {

void DockWidget::paintEvent(QPaintEvent* event) {
    // Qt paints no title when a widget stands in for the title bar, nor when a floating dock
    // has the window manager's decoration (every platform but X11 and Wayland).
    const QString platform = QGuiApplication::platformName();
    const bool nativeDecoration = isFloating() && platform != QLatin1String("xcb") &&
                                  !platform.startsWith(QLatin1String("wayland"));
    if (titleBarWidget() || nativeDecoration) {
        QDockWidget::paintEvent(event);
        return;
    }
    // QDockWidget::paintEvent, with the painter's font (the dock's) kept for the title.
    QStylePainter painter(this);
    if (isFloating()) {
        QStyleOptionFrame frame;
        frame.initFrom(this);
        painter.drawPrimitive(QStyle::PE_FrameDockWidget, frame);
    }
    QStyleOptionDockWidget title;
    initStyleOption(&title); // the title area, text and buttons; the dock's font metrics
    painter.drawControl(QStyle::CE_DockWidgetTitle, title);
}

void DockWidget::changeEvent(QEvent* event) {
    QDockWidget::changeEvent(event);
    // The title bar's height follows the font: laid out again now (an invalidated layout
    // waits for the dock's size to change).
    if (event->type() == QEvent::FontChange && layout()) {
        layout()->invalidate();
        layout()->setGeometry(rect());
    }
}

} // namespace gs
