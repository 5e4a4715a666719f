#include "readoutpanel.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QHash>
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
    setMinimumWidth(260);
}

namespace {

// What each row means, for its tooltip.
QString rowTip(const QString& key) {
    static const QHash<QString, QString> tips{
        {QStringLiteral("x0"), QStringLiteral("The expansion point x₀")},
        {QStringLiteral("f"), QStringLiteral("The value of f at x₀")},
        {QStringLiteral("grad"), QStringLiteral("The gradient: the partial derivatives of f at "
                                                "x₀, exact (automatic differentiation)")},
        {QStringLiteral("norm"), QStringLiteral("The length of the gradient: the slope of the "
                                                "steepest ascent")},
        {QStringLiteral("H"), QStringLiteral("The Hessian: the second partial derivatives at x₀")},
        {QStringLiteral("eig"), QStringLiteral("The Hessian's eigenvalues: the curvatures along "
                                               "its principal directions (tiny ones shown as 0)")},
        {QStringLiteral("class"), QStringLiteral("What kind of point x₀ is: critical (∇f = 0) or "
                                                 "not, and from the eigenvalues which kind")},
        {QStringLiteral("eps"), QStringLiteral("The offset ε of the approximation check")},
        {QStringLiteral("true"), QStringLiteral("The true value f(x₀ + ε)")},
        {QStringLiteral("lin"),
         QStringLiteral("The tangent plane's value at x₀ + ε and its error")},
        {QStringLiteral("quad"), QStringLiteral("The quadratic model's value at x₀ + ε and its "
                                                "error")}};
    return tips.value(key);
}

} // namespace

void ReadoutPanel::setRow(const QString& key, const QString& name, const QString& text) {
    int row = static_cast<int>(m_keys.indexOf(key));
    if (row < 0) {
        row = static_cast<int>(m_keys.size());
        m_keys << key;
        auto* n = new QLabel(name);
        n->setToolTip(rowTip(key));
        n->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        auto* v = new QLabel;
        v->setTextFormat(Qt::PlainText);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        v->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        v->setToolTip(rowTip(key));
        v->setWordWrap(key == QLatin1String("class"));
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
    // Where f or its derivatives are undefined, the classification has nothing to go on.
    // The row says which of f, ∇f and H is not a finite number, and how.
    const QString kind =
        std::isnan(e.at.value) ? QStringLiteral("outside f's domain (f is undefined here)")
        : std::isinf(e.at.value)
            ? QStringLiteral("f overflows here (f = %1)").arg(formatNumber(e.at.value))
        : !e.at.gradient.allFinite()
            ? QStringLiteral("f is not differentiable here (∇f is not finite)")
        : !e.at.hessian.allFinite()
            ? QStringLiteral("f is not twice differentiable here (H is not finite)")
            : classText(e.curvature.classification);
    setRow(QStringLiteral("class"), QStringLiteral("point"), kind);
    setRow(QStringLiteral("eps"), QStringLiteral("ε"), vectorText(c.epsilon));
    setRow(QStringLiteral("true"), QStringLiteral("f(x₀ + ε)"),
           QString::number(c.trueValue, 'g', 10));
    setRow(QStringLiteral("lin"), QStringLiteral("tangent plane"),
           QStringLiteral("%1\nerror %2") // two lines: fits the panel's width
               .arg(QString::number(c.linear, 'g', 10), formatNumber(c.linearError())));
    setRow(QStringLiteral("quad"), QStringLiteral("quadratic"),
           QStringLiteral("%1\nerror %2")
               .arg(QString::number(c.quadratic, 'g', 10), formatNumber(c.quadraticError())));
}

QString ReadoutPanel::text() const {
    QStringList lines;
    for (int i = 0; i < m_keys.size(); ++i)
        lines << m_names[i]->text() + QStringLiteral(": ") + m_values[i]->text();
    return lines.join(QLatin1Char('\n'));
}

} // namespace gs
