#include "readoutpanel.h"

#include "arrowscale.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QHash>
#include <QLabel>
#include <QResizeEvent>
#include <algorithm>
#include <cmath>

namespace gs {

QString formatNumber(double v, int digits) {
    if (std::isnan(v))
        return QStringLiteral("undefined");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("+inf") : QStringLiteral("-inf");
    if (v == 0)
        return QStringLiteral("0"); // no "-0"
    return QString::number(v, 'g', digits);
}

QString formatVector(const Eigen::VectorXd& v, int maxChars) {
    QStringList lines;
    QString line = QStringLiteral("(");
    for (Eigen::Index i = 0; i < v.size(); ++i) {
        const QString item =
            formatNumber(v[i]) + (i + 1 < v.size() ? QStringLiteral(",") : QStringLiteral(")"));
        // A new line when this entry would not fit (the first one always goes on the first).
        if (i > 0 && line.size() + 1 + item.size() > maxChars) {
            lines << line;
            line = QStringLiteral(" ") + item;
        } else {
            line += (i > 0 ? QStringLiteral(" ") : QString()) + item;
        }
    }
    if (v.size() == 0)
        line += QLatin1Char(')');
    lines << line;
    return lines.join(QLatin1Char('\n'));
}

QString formatMatrix(const Eigen::MatrixXd& m, int maxChars) {
    constexpr int gap = 2; // spaces between columns: "0  -1.38879e-10", never "0-1.38879e-10"
    const auto cols = m.cols();
    auto entries = [&](int digits) {
        std::vector<std::vector<QString>> e(std::size_t(m.rows()));
        for (Eigen::Index i = 0; i < m.rows(); ++i)
            for (Eigen::Index j = 0; j < cols; ++j)
                e[std::size_t(i)].push_back(formatNumber(m(i, j), digits));
        return e;
    };
    auto widths = [&](const std::vector<std::vector<QString>>& e) {
        std::vector<int> w(std::size_t(cols), 0);
        for (const auto& row : e)
            for (std::size_t j = 0; j < row.size(); ++j)
                w[j] = std::max(w[j], int(row[j].size()));
        return w;
    };
    // Rows of the columns [from, to), right-aligned.
    auto block = [&](const std::vector<std::vector<QString>>& e, const std::vector<int>& w,
                     std::size_t from, std::size_t to) {
        QStringList rows;
        for (const auto& row : e) {
            QString line;
            for (std::size_t j = from; j < to; ++j)
                line += (j > from ? QString(gap, QLatin1Char(' ')) : QString()) +
                        row[j].rightJustified(w[j]);
            rows << line;
        }
        return rows;
    };
    auto total = [&](const std::vector<int>& w) {
        int t = 0;
        for (int x : w)
            t += x;
        return t + gap * std::max(0, int(w.size()) - 1);
    };
    for (int digits : {6, 4}) {
        const auto e = entries(digits);
        const auto w = widths(e);
        if (total(w) <= maxChars || digits == 4) {
            if (total(w) <= maxChars || cols <= 1)
                return block(e, w, 0, std::size_t(cols)).join(QLatin1Char('\n'));
            // Blocks of as many columns as fit (at least one each).
            QStringList out;
            std::size_t from = 0;
            while (from < std::size_t(cols)) {
                std::size_t to = from + 1;
                int width = w[from];
                while (to < std::size_t(cols) && width + gap + w[to] <= maxChars)
                    width += gap + w[to++];
                out << (to - from == 1 ? QStringLiteral("column %1:").arg(from + 1)
                                       : QStringLiteral("columns %1–%2:").arg(from + 1).arg(to));
                out << block(e, w, from, to);
                from = to;
            }
            return out.join(QLatin1Char('\n'));
        }
    }
    return {};
}

QString wrapWords(const QString& text, int maxChars) {
    maxChars = std::max(1, maxChars);
    QStringList out;
    for (const QString& paragraph : text.split(QLatin1Char('\n'))) {
        QString line;
        for (QString word : paragraph.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (!line.isEmpty() && line.size() + 1 + word.size() <= maxChars) {
                line += QLatin1Char(' ') + word;
                continue;
            }
            if (!line.isEmpty())
                out << line;
            // A word longer than a line is broken where the line ends.
            while (word.size() > maxChars) {
                out << word.left(maxChars);
                word = word.mid(maxChars);
            }
            line = word;
        }
        out << line;
    }
    return out.join(QLatin1Char('\n'));
}

namespace {

QString classText(const CurvatureAnalysis& a) {
    if (a.classification == Classification::Degenerate && a.curvatureLost()) {
        // Not "singular": the curvature is unknown (sin(x)/x near 0, where cos x / x and
        // sin x / x^3 cancel to f'' = 0 with a bound of 20; f'' is -1/3).
        double bound = 0;
        for (Eigen::Index k = 0; k < a.eigenvalues.size(); ++k)
            if (std::abs(a.eigenvalues[k]) <= a.eigenvalueErrors[k])
                bound = std::max(bound, a.eigenvalueErrors[k]);
        return QStringLiteral("critical point (its Hessian is lost to rounding here: ±%1)")
            .arg(formatNumber(bound, 3));
    }
    switch (a.classification) {
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
    , m_body(new QWidget(this))
    , m_grid(new QGridLayout(m_body)) {
    m_grid->setAlignment(Qt::AlignTop);
    m_grid->setColumnStretch(1, 1);
    setMinimumWidth(200);
    // The panel has no layout of its own: a label's new text invalidates the body's grid, and
    // the body's widget posts a LayoutRequest here (QWidget::updateGeometry of a child of a
    // widget without a layout), which event() passes on to the parent's layout only when the
    // grid's hints changed. With the grid directly on the panel, every label's setText laid
    // out every section of the side panel again (each layout's activation calls its parent's
    // updateGeometry): 1.9-2.1 ms a move on the idle machine (docs/benchmarks.md, drag).
}

QSize ReadoutPanel::sizeHint() const {
    return m_body->sizeHint();
}

QSize ReadoutPanel::minimumSizeHint() const {
    return m_body->minimumSizeHint();
}

bool ReadoutPanel::hasHeightForWidth() const {
    return m_body->hasHeightForWidth();
}

int ReadoutPanel::heightForWidth(int width) const {
    return m_body->heightForWidth(width);
}

ReadoutPanel::Hints ReadoutPanel::hints() const {
    // The grid's own hints (the panel's sizeHint() would also lay out every wrapped label's
    // text at the hinted width, which nobody uses). The height at the panel's width is the
    // one the parent's layout uses; the value labels ignore widths (QSizePolicy::Ignored).
    Hints h{m_grid->sizeHint(), m_grid->minimumSize(), width(), -1};
    if (m_grid->hasHeightForWidth())
        h.height = m_grid->heightForWidth(width());
    return h;
}

void ReadoutPanel::followHints() {
    const Hints now = hints();
    if (now == m_hints)
        return;
    m_hints = now;
    ++m_relayoutRequests;
    updateGeometry();
}

bool ReadoutPanel::event(QEvent* e) {
    if (e->type() == QEvent::LayoutRequest) {
        followHints();
        return true;
    }
    return QWidget::event(e);
}

void ReadoutPanel::showEvent(QShowEvent* e) {
    QWidget::showEvent(e);
    // Hidden, the panel gets no LayoutRequest from its body: its hints may have changed.
    followHints();
}

int ReadoutPanel::valueColumnChars() const {
    if (m_values.isEmpty())
        return 1 << 20;
    const QLabel* v = m_values.front();
    const int advance = std::max(1, v->fontMetrics().horizontalAdvance(QLatin1Char('0')));
    // The value column's width: the panel's, less the name column, the spacing and margins.
    const QMargins margins = m_grid->contentsMargins();
    // The name column is as wide as its widest label wants (its width() may lag a change
    // of the names that the layout has not applied yet).
    int names = 0;
    for (const QLabel* n : m_names)
        names = std::max(names, n->sizeHint().width());
    const int column = width() - margins.left() - margins.right() - m_grid->horizontalSpacing() -
                       names - 2 * v->margin();
    return std::max(8, column / advance - 1);
}

void ReadoutPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    m_body->setGeometry(rect());
    // m_hints stays what the parent was last told: a hidden panel gets the resize its parent
    // made long before at its next show, after its rows changed (the font scale's new row
    // heights), and taking the hints of that moment as seen left the rows cut (issue #9).
    if (valueColumnChars() != m_chars)
        reformat();
    followHints();
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
        {QStringLiteral("arrows"),
         QStringLiteral("How long the ∇f and −∇f arrows are drawn: in proportion to |∇f| over "
                        "the plotted inputs, at full length when |∇f| equals the plot's mean "
                        "slope S = (f max − f min) / domain width, at most twice that")},
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

void ReadoutPanel::setRow(const QString& key, const QString& name, const QString& text,
                          const QString& full, bool words) {
    int row = static_cast<int>(m_keys.indexOf(key));
    if (row < 0) {
        row = static_cast<int>(m_keys.size());
        m_keys << key;
        auto* n = new QLabel(name);
        n->setToolTip(rowTip(key));
        n->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        // Never shorter than its text (Minimum: the hint is the least height); the panel
        // scrolls instead (a row was cut at font scale 1.5).
        n->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
        auto* v = new QLabel;
        v->setTextFormat(Qt::PlainText);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        // Only the family is set, so the size follows the application's font (Preferences'
        // font scale for lectures); a whole systemFont() would keep the system's size.
        QFont mono;
        mono.setFamilies(QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
        mono.setStyleHint(QFont::Monospace);
        mono.setFixedPitch(true);
        v->setFont(mono);
        v->setToolTip(rowTip(key));
        // Every row is broken into lines that fit the value column here (vectors and the
        // matrix by formatVector and formatMatrix, words by wrapWords), never by the label's
        // word wrap: a wrapped label's height follows its width only where every layout above
        // it asks heightForWidth, and at font scale 1.5 the "arrows" row was cut (issue #9).
        v->setWordWrap(false);
        // The width follows the panel; the text is formatted to fit it (reformat).
        v->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Minimum);
        v->setMinimumWidth(0);
        m_grid->addWidget(n, row, 0);
        m_grid->addWidget(v, row, 1);
        m_names << n;
        m_values << v;
    }
    m_names[row]->setText(name);
    static const QStringList formatted{QStringLiteral("x0"), QStringLiteral("grad"),
                                       QStringLiteral("H"), QStringLiteral("eig"),
                                       QStringLiteral("eps")};
    words = words || !formatted.contains(key);
    if (words)
        m_texts[key] = text;
    else
        m_texts.remove(key);
    const QString shown = words && m_chars > 0 ? wrapWords(text, m_chars) : text;
    if (m_values[row]->text() != shown)
        m_values[row]->setText(shown);
    // The whole value in one line as the tooltip, whatever the width.
    const QString tip = full.isEmpty() ? rowTip(key) : rowTip(key) + QStringLiteral("\n") + full;
    if (m_values[row]->toolTip() != tip)
        m_values[row]->setToolTip(tip);
}

void ReadoutPanel::placeRow(const QString& key, const QString& name) {
    if (const qsizetype row = m_keys.indexOf(key); row >= 0)
        m_names[row]->setText(name);
    else
        setRow(key, name, {});
}

void ReadoutPanel::reformat() {
    m_chars = valueColumnChars();
    if (m_keys.isEmpty())
        return;
    // The rows of words again at this width (the others are formatted below).
    for (int i = 0; i < m_keys.size(); ++i)
        if (m_texts.contains(m_keys[i]))
            m_values[i]->setText(wrapWords(m_texts.value(m_keys[i]), m_chars));
    auto oneLine = [](const Eigen::VectorXd& v) { return formatVector(v); };
    const QString name0 = m_names[int(m_keys.indexOf(QStringLiteral("x0")))]->text();
    setRow(QStringLiteral("x0"), name0, formatVector(m_point, m_chars), oneLine(m_point));
    // One input: f′ and f″ (a number each; the eigenvalue of a 1 x 1 H is f″ itself).
    const QString gradName = m_oneInput ? QStringLiteral("f′(x₀)") : QStringLiteral("∇f(x₀)");
    const QString hessianName = m_oneInput ? QStringLiteral("f″(x₀)") : QStringLiteral("H(x₀)");
    if (!m_valueFinite) {
        // f = ±inf or undefined: AD of its finite parts would print numbers that mean nothing.
        const QString none = QStringLiteral("not meaningful (f(x₀) is not finite)");
        setRow(QStringLiteral("grad"), gradName, none, none, true);
        setRow(QStringLiteral("H"), hessianName, none, none, true);
        setRow(QStringLiteral("eig"), QStringLiteral("eigenvalues"), none, none, true);
    } else {
        setRow(QStringLiteral("grad"), gradName,
               m_oneInput && m_gradient.size() == 1 ? formatNumber(m_gradient[0])
                                                    : formatVector(m_gradient, m_chars),
               oneLine(m_gradient));
        QStringList rows;
        for (Eigen::Index i = 0; i < m_hessian.rows(); ++i)
            rows << oneLine(m_hessian.row(i).transpose());
        setRow(QStringLiteral("H"), hessianName,
               m_oneInput && m_hessian.size() == 1 ? formatNumber(m_hessian(0, 0))
                                                   : formatMatrix(m_hessian, m_chars),
               rows.join(QLatin1Char('\n')));
        setRow(QStringLiteral("eig"), QStringLiteral("eigenvalues"),
               formatVector(m_eigenvalues, m_chars), oneLine(m_eigenvalues));
    }
    setRowVisible(QStringLiteral("eig"), !m_oneInput);
    setRow(QStringLiteral("eps"), QStringLiteral("ε"), formatVector(m_epsilon, m_chars),
           oneLine(m_epsilon));
}

void ReadoutPanel::setRowVisible(const QString& key, bool visible) {
    const qsizetype row = m_keys.indexOf(key);
    if (row < 0)
        return;
    m_names[row]->setVisible(visible);
    m_values[row]->setVisible(visible);
}

void ReadoutPanel::setExpansion(const Expansion& e, const QStringList& names,
                                const CriticalPoint* near, double distance) {
    const auto& c = e.check;
    m_oneInput = names.size() == 1;
    m_valueFinite = std::isfinite(e.at.value);
    m_point = e.point;
    m_gradient = e.at.gradient;
    m_hessian = e.at.hessian;
    m_eigenvalues = e.curvature.eigenvaluesToTolerance();
    m_epsilon = c.epsilon;
    // The rows in order (the width-dependent ones are filled by reformat below).
    // Many inputs' names in lines about as wide as the other rows' names: on one line six
    // of them squeezed the values' column to nothing (tester s19, the factorization example).
    placeRow(QStringLiteral("x0"),
             wrapWords(QStringLiteral("x₀ (%1)").arg(names.join(QStringLiteral(", "))), 16));
    setRow(QStringLiteral("f"), QStringLiteral("f(x₀)"), formatNumber(e.at.value));
    placeRow(QStringLiteral("grad"), QStringLiteral("∇f(x₀)"));
    setRow(QStringLiteral("norm"),
           m_oneInput ? QStringLiteral("|f′(x₀)|") : QStringLiteral("|∇f(x₀)|"),
           m_valueFinite ? formatNumber(e.gradientNorm)
                         : QStringLiteral("not meaningful (f(x₀) is not finite)"));
    // The arrows' scale, in words (the views draw them by the same rule: arrowRatio).
    const double plotted =
        e.ascent.allFinite() ? Eigen::Vector2d(e.ascent.x(), e.ascent.y()).norm() : NAN;
    const double ratio = arrowRatio(plotted, m_slope);
    const QString slope = formatNumber(m_slope, 3);
    const QString arrows =
        !m_valueFinite               ? QStringLiteral("none (f is not finite)")
        : !e.at.gradient.allFinite() ? QStringLiteral("none (∇f undefined)")
        : e.gradientNorm <= e.curvature.gradientTolerance
            ? QStringLiteral("none: ∇f ≈ 0 (within rounding error)")
        // In words a student reads: the length follows |∇f|, measured against the plot's
        // mean slope (the tool tip says more). ("172% of full length" read as a contradiction,
        // tester s23.)
        : ratio == 0 ? QStringLiteral("too short to draw: |∇f| <\n%1% of the mean slope %2")
                           .arg(100 * kMinArrowRatio)
                           .arg(slope)
        : ratio >= kMaxArrowRatio ? QStringLiteral("longest drawn: |∇f| ≥ %1 ×\nthe mean slope %2")
                                        .arg(kMaxArrowRatio)
                                        .arg(slope)
                                  : QStringLiteral("length ∝ |∇f| = %1 ×\nthe mean slope %2")
                                        .arg(QString::number(ratio, 'f', 2), slope);
    // One input: its derivative is f′ and its second derivative f″, in every row.
    const auto inOneInput = [&](QString t) {
        return m_oneInput ? t.replace(QStringLiteral("∇f"), QStringLiteral("f′"))
                                .replace(QStringLiteral("its gradient"), QStringLiteral("f′"))
                                .replace(QStringLiteral("H is"), QStringLiteral("f″ is"))
                                .replace(QStringLiteral("its Hessian"), QStringLiteral("f″"))
                          : t;
    };
    setRow(QStringLiteral("arrows"), QStringLiteral("arrows"), inOneInput(arrows));
    placeRow(QStringLiteral("H"), QStringLiteral("H(x₀)"));
    placeRow(QStringLiteral("eig"), QStringLiteral("eigenvalues"));
    // Where f or its derivatives are undefined, the classification has nothing to go on.
    // The row says which of f, ∇f and H is not a finite number, and how.
    const NotFinite why = notFinite(e.at);
    const QString kind =
        why == NotFinite::None ? classText(e.curvature)
        : why == NotFinite::Infinite
            ? QStringLiteral("%1 (f = %2)")
                  .arg(QString::fromUtf8(toString(why).data()), formatNumber(e.at.value))
            : QString::fromUtf8(toString(why).data());
    QString nearText;
    if (near) {
        // Tester s14: the local maximum typed from its label to six digits read "not
        // critical" with nothing more; the critical point it is close to, and how close.
        QStringList at;
        for (Eigen::Index i = 0; i < near->point.size(); ++i)
            at << formatNumber(near->point[i]);
        // At a critical point the Hessian cannot class, what the search's higher-order test
        // made of it.
        nearText = distance == 0
                       ? QStringLiteral("; by the search's higher-order test, a %1")
                             .arg(QString::fromStdString(kindOf(*near)))
                       : QStringLiteral("; %1 from the %2 at (%3)")
                             .arg(formatNumber(distance), QString::fromStdString(kindOf(*near)),
                                  at.join(QStringLiteral(", ")));
    }
    setRow(QStringLiteral("class"), QStringLiteral("point"), inOneInput(kind + nearText));
    placeRow(QStringLiteral("eps"), QStringLiteral("ε"));
    setRow(QStringLiteral("true"), QStringLiteral("f(x₀ + ε)"), formatNumber(c.trueValue, 10));
    setRow(QStringLiteral("lin"),
           m_oneInput ? QStringLiteral("tangent line") : QStringLiteral("tangent plane"),
           QStringLiteral("%1\nerror %2") // two lines: fits the panel's width
               .arg(formatNumber(c.linear, 10), formatNumber(c.linearError())));
    setRow(QStringLiteral("quad"), QStringLiteral("quadratic"),
           QStringLiteral("%1\nerror %2")
               .arg(formatNumber(c.quadratic, 10), formatNumber(c.quadraticError())));
    reformat();
}

QString ReadoutPanel::text() const {
    QStringList lines;
    for (int i = 0; i < m_keys.size(); ++i)
        if (!m_names[i]->isHidden())
            lines << m_names[i]->text() + QStringLiteral(": ") +
                         m_texts.value(m_keys[i], m_values[i]->text()); // words unwrapped
    return lines.join(QLatin1Char('\n'));
}

} // namespace gs
