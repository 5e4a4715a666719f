#pragma once
// The numbers at the expansion point: f, gradient, Hessian, its eigenvalues, the
// classification and the approximation check. It formats what the engine computed.

#include "surface.h"

#include <QStringList>
#include <QWidget>

class QLabel;

namespace gs {

class ReadoutPanel : public QWidget {
    Q_OBJECT
public:
    explicit ReadoutPanel(QWidget* parent = nullptr);
    void setExpansion(const Expansion& e, const QStringList& names);
    /// The panel's text as shown (for tests and copying).
    QString text() const;

private:
    QLabel* m_label;
};

/// A number as the readout shows it: 6 significant digits, "undefined" when not finite.
QString formatNumber(double v);

} // namespace gs
