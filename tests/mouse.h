#pragma once
// Mouse events as a person's hand sends them, for GUI tests and the drag benchmark.

#include <Eigen/Core>
#include <QApplication>
#include <QMouseEvent>
#include <QWindow>

namespace gs::test {

inline void sendMouse(QWindow* w, QEvent::Type type, const QPointF& pos, Qt::MouseButton button,
                      Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, modifiers);
    QApplication::sendEvent(w, &e);
}

} // namespace gs::test
