#pragma once
// A dock whose title bar is painted in the dock's own font. QDockWidget paints its title in
// the font the application had when the dock was made (it reads QApplication::font(
// "QDockWidgetTitle") once, in its constructor) as long as the dock's font is the
// application's; and it lays the bar out again for a new font only when something else
// changes its layout: a font scale chosen later (Edit ▸ Preferences) left the titles small,
// or once painted in the dock's font, cut by the bar's old height.

#include <QDockWidget>

namespace gs {

class DockWidget : public QDockWidget {
    Q_OBJECT
public:
    using QDockWidget::QDockWidget;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;
};

} // namespace gs
