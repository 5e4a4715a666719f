#pragma once
// The numbers at the expansion point: f, gradient, Hessian, its eigenvalues, the
// classification and the approximation check. It formats what the engine computed.
// Plain-text labels in a fixed grid: a drag updates it on every move, and rich-text
// layout cost milliseconds per frame.

#include "surface.h"

#include <QStringList>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace gs {

class ReadoutPanel : public QWidget {
    Q_OBJECT
public:
    explicit ReadoutPanel(QWidget* parent = nullptr);
    void setExpansion(const Expansion& e, const QStringList& names);
    /// The panel's text as shown, one "name: value" line per row (for tests and copying).
    QString text() const;

private:
    void setRow(const QString& key, const QString& name, const QString& text);

    QGridLayout* m_grid;
    QStringList m_keys;
    QList<QLabel*> m_names, m_values;
};

/// A number as the readout shows it: 6 significant digits, "undefined" when not finite.
QString formatNumber(double v);

} // namespace gs
