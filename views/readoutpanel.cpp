#include "readoutpanel.h"

#include <QLabel>
#include <QVBoxLayout>
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

QString matrixHtml(const Eigen::MatrixXd& m) {
    QString html =
        QStringLiteral("<table cellspacing='0' cellpadding='2' style='margin-left:8px'>");
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
        html += QStringLiteral("<tr>");
        for (Eigen::Index j = 0; j < m.cols(); ++j)
            html += QStringLiteral("<td align='right'>%1</td>").arg(formatNumber(m(i, j)));
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString classText(Classification c) {
    switch (c) {
    case Classification::Minimum:
        return QStringLiteral("critical point: <b>minimum</b>");
    case Classification::Maximum:
        return QStringLiteral("critical point: <b>maximum</b>");
    case Classification::Saddle:
        return QStringLiteral("critical point: <b>saddle</b>");
    case Classification::Degenerate:
        return QStringLiteral("critical point: <b>degenerate</b> (the Hessian is singular)");
    case Classification::NotCritical:
        return QStringLiteral("not a critical point (∇f ≠ 0)");
    }
    return {};
}

} // namespace

ReadoutPanel::ReadoutPanel(QWidget* parent)
    : QWidget(parent)
    , m_label(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    m_label->setTextFormat(Qt::RichText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_label->setWordWrap(true);
    layout->addWidget(m_label);
    layout->addStretch();
    setMinimumWidth(260);
}

void ReadoutPanel::setExpansion(const Expansion& e, const QStringList& names) {
    const auto& c = e.check;
    QString h;
    h += QStringLiteral("<b>x₀</b> = %1 &nbsp;<small>(%2)</small><br>")
             .arg(vectorText(e.point), names.join(QStringLiteral(", ")));
    h += QStringLiteral("<b>f(x₀)</b> = %1<br>").arg(formatNumber(e.at.value));
    h += QStringLiteral("<b>∇f(x₀)</b> = %1<br>").arg(vectorText(e.at.gradient));
    h += QStringLiteral("|∇f| = %1<br>").arg(formatNumber(e.at.gradient.norm()));
    h += QStringLiteral("<b>H(x₀)</b> =") + matrixHtml(e.at.hessian);
    h += QStringLiteral("eigenvalues of H: %1<br>").arg(vectorText(e.curvature.eigenvalues));
    h += classText(e.curvature.classification) + QStringLiteral("<br><br>");
    h += QStringLiteral("<b>Approximation at x₀ + ε</b>, ε = %1<br>").arg(vectorText(c.epsilon));
    h += QStringLiteral(
        "<table cellspacing='0' cellpadding='2'>"
        "<tr><td></td><td align='right'><i>value</i></td><td align='right'><i>error</i></td></tr>");
    auto row = [&](const QString& name, double v, const QString& error) {
        h +=
            QStringLiteral("<tr><td>%1</td><td align='right'>%2</td><td align='right'>%3</td></tr>")
                .arg(name, QString::number(v, 'g', 10), error);
    };
    row(QStringLiteral("true f"), c.trueValue, QString());
    row(QStringLiteral("tangent plane"), c.linear, formatNumber(c.linearError()));
    row(QStringLiteral("quadratic"), c.quadratic, formatNumber(c.quadraticError()));
    h += QStringLiteral("</table>");
    m_label->setText(h);
}

QString ReadoutPanel::text() const {
    return m_label->text();
}

} // namespace gs
