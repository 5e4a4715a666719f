#include "readoutpanel.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <cmath>

namespace gs {

QString formatNumber(double v) {
    if (std::isnan(v))
        return QStringLiteral("undefined");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("+inf") : QStringLiteral("-inf");
    if (v == 0)
        return QStringLiteral("0"); // no "-0"
    return QString::number(v, 'g', 6);
}

namespace {

QString vectorText(const Eigen::VectorXd& v) {
    QStringList items;
    for (Eigen::Index i = 0; i < v.size(); ++i)
        items << formatNumber(v[i]);
    return QStringLiteral("(") + items.join(QStringLiteral(", ")) + QStringLiteral(")");
}

// Rows of a matrix, columns aligned in the fixed-width font.
QString matrixText(const Eigen::MatrixXd& m) {
    QStringList rows;
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
        QString row;
        for (Eigen::Index j = 0; j < m.cols(); ++j)
            row += formatNumber(m(i, j)).rightJustified(12);
        rows << row;
    }
    return rows.join(QLatin1Char('\n'));
}

QString classText(Classification c) {
    switch (c) {
    case Classification::Minimum:
        return QStringLiteral("minimum (critical point)");
    case Classification::Maximum:
        return QStringLiteral("maximum (critical point)");
    case Classification::Saddle:
        return QStringLiteral("saddle (critical point)");
    case Classification::Degenerate:
        return QStringLiteral("degenerate critical point (H singular)");
    case Classification::NotCritical:
        return QStringLiteral("not critical (∇f ≠ 0)");
    }
    return {};
}

} // namespace

ReadoutPanel::ReadoutPanel(QWidget* parent)
    : QWidget(parent)
    , m_grid(new QGridLayout(this)) {
    m_grid->setAlignment(Qt::AlignTop);
    m_grid->setColumnStretch(1, 1);
    setMinimumWidth(280);
}

void ReadoutPanel::setRow(const QString& key, const QString& name, const QString& text) {
    int row = static_cast<int>(m_keys.indexOf(key));
    if (row < 0) {
        row = static_cast<int>(m_keys.size());
        m_keys << key;
        auto* n = new QLabel(name);
        n->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        auto* v = new QLabel;
        v->setTextFormat(Qt::PlainText);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        v->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_grid->addWidget(n, row, 0);
        m_grid->addWidget(v, row, 1);
        m_names << n;
        m_values << v;
    }
    m_names[row]->setText(name);
    if (m_values[row]->text() != text)
        m_values[row]->setText(text);
}

void ReadoutPanel::setExpansion(const Expansion& e, const QStringList& names) {
    const auto& c = e.check;
    setRow(QStringLiteral("x0"), QStringLiteral("x₀ (%1)").arg(names.join(QStringLiteral(", "))),
           vectorText(e.point));
    setRow(QStringLiteral("f"), QStringLiteral("f(x₀)"), formatNumber(e.at.value));
    setRow(QStringLiteral("grad"), QStringLiteral("∇f(x₀)"), vectorText(e.at.gradient));
    setRow(QStringLiteral("norm"), QStringLiteral("|∇f(x₀)|"), formatNumber(e.gradientNorm));
    setRow(QStringLiteral("H"), QStringLiteral("H(x₀)"), matrixText(e.at.hessian));
    setRow(QStringLiteral("eig"), QStringLiteral("eigenvalues"),
           vectorText(e.curvature.eigenvaluesToTolerance()));
    setRow(QStringLiteral("class"), QStringLiteral("point"), classText(e.curvature.classification));
    setRow(QStringLiteral("eps"), QStringLiteral("ε"), vectorText(c.epsilon));
    setRow(QStringLiteral("true"), QStringLiteral("f(x₀ + ε)"),
           QString::number(c.trueValue, 'g', 10));
    setRow(QStringLiteral("lin"), QStringLiteral("tangent plane"),
           QStringLiteral("%1  error %2")
               .arg(QString::number(c.linear, 'g', 10), formatNumber(c.linearError())));
    setRow(QStringLiteral("quad"), QStringLiteral("quadratic"),
           QStringLiteral("%1  error %2")
               .arg(QString::number(c.quadratic, 'g', 10), formatNumber(c.quadraticError())));
}

QString ReadoutPanel::text() const {
    QStringList lines;
    for (int i = 0; i < m_keys.size(); ++i)
        lines << m_names[i]->text() + QStringLiteral(": ") + m_values[i]->text();
    return lines.join(QLatin1Char('\n'));
}

} // namespace gs
