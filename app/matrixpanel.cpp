#include "matrixpanel.h"

#include "diagnostics.h"
#include "document.h"
#include "errorcolour.h"
#include "matrixcalculus.h"

#include <QComboBox>
#include <QEvent>
#include <QFont>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableWidget>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace gs {

namespace {

/// Digits a cell shows (its tooltip has all 17).
constexpr int kCellDigits = 6;
// How many differing entries the check shows (it says how many there are).
constexpr std::size_t kShownDifferences = 5;

/// The diverging colour of `v` on a grid whose largest magnitude is `maxAbs`, linear in
/// between. On a light theme: near-white #f7f7f7 at 0, blue #4393c3 at -maxAbs, red #d6604d
/// at +maxAbs (ColorBrewer RdBu's light ends), under black text (6.2:1 and 5.6:1 at the
/// ends). On a dark theme (the grid stayed white there, issue #9, tester s8): the fields'
/// ground `base` at 0, RdBu's dark ends blue #2166ac and red #b2182b at ±maxAbs, under
/// white text (6.0:1 and 6.6:1 at the ends, WCAG by hand; more in between).
QColor divergingColour(double v, double maxAbs, bool dark, const QColor& base) {
    const QColor zero = dark ? base : QColor(247, 247, 247);
    const QColor blue = dark ? QColor(33, 102, 172) : QColor(67, 147, 195);
    const QColor red = dark ? QColor(178, 24, 43) : QColor(214, 96, 77);
    if (!std::isfinite(v))
        return dark ? QColor(90, 90, 96) : QColor(200, 200, 200);
    const double t = maxAbs > 0 ? std::clamp(v / maxAbs, -1.0, 1.0) : 0.0;
    const QColor& end = t < 0 ? blue : red;
    const double a = std::abs(t);
    auto mix = [a](int from, int to) { return int(std::lround(from + a * (to - from))); };
    return QColor(mix(zero.red(), end.red()), mix(zero.green(), end.green()),
                  mix(zero.blue(), end.blue()));
}

/// A theme is dark when its fields' ground is (WCAG luminance under mid-grey's 0.18).
bool darkGround(const QColor& base) {
    return contrastRatio(base, Qt::black) < contrastRatio(QColor(0x76, 0x76, 0x76), Qt::black);
}

/// Grids of more columns than this keep their contents' width and scroll sideways.
constexpr int kStretchedColumns = 6;
/// Rows a grid shows before it scrolls (by whole rows).
constexpr int kShownRows = 8;

/// Rows as tall as the table's font's line (plus a little room), and the table as tall as
/// its rows (at most kShownRows, then it scrolls by whole rows), so the dock scrolls, not
/// it. Read from the font in effect: again after a font change (a lecture's font scale).
void fitRows(QTableWidget* table) {
    const int row = table->fontMetrics().height() + 6;
    table->verticalHeader()->setDefaultSectionSize(row); // every row, the existing ones too
    const int shown = std::min(table->rowCount(), kShownRows);
    // The header's size hint, not its height: the header is laid out after this, and its
    // height may still be the old font's.
    int height =
        table->horizontalHeader()->sizeHint().height() + 2 * table->frameWidth() + shown * row;
    if (table->columnCount() > kStretchedColumns)
        height += table->horizontalScrollBar()->sizeHint().height();
    table->setFixedHeight(height);
}

/// Shows `m` in `table` (rows x cols), each cell coloured by the diverging map.
void showMatrix(QTableWidget* table, const Eigen::MatrixXd& m, bool editable) {
    table->setRowCount(int(m.rows()));
    table->setColumnCount(int(m.cols()));
    const double maxAbs = m.size() > 0 ? m.cwiseAbs().maxCoeff() : 0.0;
    const QColor base = table->palette().color(QPalette::Base);
    const bool dark = darkGround(base);
    for (int r = 0; r < m.rows(); ++r)
        for (int c = 0; c < m.cols(); ++c) {
            // Items are updated in place: an edit's own cellChanged may be on the stack.
            QTableWidgetItem* item = table->item(r, c);
            if (!item) {
                item = new QTableWidgetItem;
                table->setItem(r, c, item);
            }
            item->setText(QString::number(m(r, c), 'g', kCellDigits));
            item->setToolTip(QString::number(m(r, c), 'g', 17));
            item->setData(Qt::UserRole, m(r, c));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setBackground(divergingColour(m(r, c), maxAbs, dark, base));
            item->setForeground(dark ? QColor(Qt::white) : QColor(Qt::black));
            Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
            if (editable)
                flags |= Qt::ItemIsEditable;
            item->setFlags(flags);
        }
    // A few columns share the dock's width; more keep their contents' width and scroll.
    table->horizontalHeader()->setSectionResizeMode(
        m.cols() <= kStretchedColumns ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
    fitRows(table);
}

QTableWidget* newTable(const QString& name) {
    auto* table = new QTableWidget;
    table->setObjectName(name);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->horizontalHeader()->setMinimumSectionSize(40);
    table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    table->setVerticalScrollMode(QAbstractItemView::ScrollPerItem); // whole rows
    fitRows(table);
    table->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed); // never widens the dock
    return table;
}

} // namespace

MatrixPanel::MatrixPanel(Document* doc, QWidget* parent)
    : DockWidget(tr("Matrix Calculus"), parent)
    , m_doc(doc) {
    setObjectName(QStringLiteral("matrixDock"));
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);

    auto* inputRow = new QHBoxLayout;
    inputRow->addWidget(new QLabel(tr("Input")));
    m_input = new QComboBox;
    m_input->setObjectName(QStringLiteral("matrixInput"));
    m_input->setToolTip(tr("The input whose value and gradient the grids show"));
    inputRow->addWidget(m_input, 1);
    m_randomize = new QPushButton(tr("Randomize"));
    m_randomize->setObjectName(QStringLiteral("randomize"));
    m_randomize->setToolTip(tr("Set every entry of this input to a draw from N(0, 1) "
                               "(seeded; one undo step)"));
    inputRow->addWidget(m_randomize);
    layout->addLayout(inputRow);

    m_valueLabel = new QLabel;
    m_valueLabel->setWordWrap(true);
    layout->addWidget(m_valueLabel);
    m_values = newTable(QStringLiteral("matrixValues"));
    m_values->setToolTip(tr("The input's current value: edit a cell to move the point"));
    layout->addWidget(m_values);
    m_gradientLabel = new QLabel;
    m_gradientLabel->setWordWrap(true);
    layout->addWidget(m_gradientLabel);
    m_gradient = newTable(QStringLiteral("matrixGradient"));
    m_gradient->setToolTip(tr("The gradient of f with respect to this input (automatic "
                              "differentiation), in the input's shape"));
    m_gradient->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_gradient);

    auto* closedTitle = new QLabel(tr("<b>Check a closed form</b>"));
    layout->addWidget(closedTitle);
    auto* form = new QFormLayout;
    m_closedForm = new QLineEdit;
    m_closedForm->setObjectName(QStringLiteral("closedForm"));
    m_closedForm->setPlaceholderText(QStringLiteral("(A + A') * x"));
    m_closedForm->setToolTip(tr("The gradient you believe, in the expression language, with "
                                "f's inputs and the constants f defines"));
    form->addRow(tr("Gradient"), m_closedForm);
    m_withRespectTo = new QComboBox;
    m_withRespectTo->setObjectName(QStringLiteral("withRespectTo"));
    form->addRow(tr("With respect to"), m_withRespectTo);
    layout->addLayout(form);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("closedFormError"));
    m_error->setWordWrap(true);
    setErrorMark(m_error, ErrorMark::Text);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    layout->addWidget(m_error);
    m_report = new QLabel;
    m_report->setObjectName(QStringLiteral("checkReport"));
    m_report->setWordWrap(true);
    m_report->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_report);
    m_differences = new QLabel;
    m_differences->setObjectName(QStringLiteral("checkDifferences"));
    m_differences->setWordWrap(true);
    m_differences->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_differences->hide();
    layout->addWidget(m_differences);
    layout->addStretch();

    auto* scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    setWidget(scroll);

    connect(m_input, &QComboBox::currentIndexChanged, this, [this] {
        fillTables();
        check(); // its bold cells belong to the input shown
    });
    connect(m_randomize, &QPushButton::clicked, this, &MatrixPanel::randomize);
    connect(m_values, &QTableWidget::cellChanged, this, &MatrixPanel::onValueEdited);
    connect(m_closedForm, &QLineEdit::textChanged, this, &MatrixPanel::check);
    connect(m_withRespectTo, &QComboBox::currentIndexChanged, this, &MatrixPanel::check);
    connect(m_doc, &Document::changed, this, &MatrixPanel::onDocumentChanged);
    // Hidden (closed, or a tab behind another), it follows the document only when shown
    // again: a drag of the point does not pay for 20 gradient checks nobody sees.
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && m_stale)
            refresh();
    });
    refresh();
}

QString MatrixPanel::report() const {
    return m_report->text();
}

QString MatrixPanel::differences() const {
    return m_differences->text();
}

void MatrixPanel::setClosedForm(const QString& closedForm, const QString& withRespectTo) {
    syncInputs(); // the choices of the document's function, shown or not
    {
        const QSignalBlocker block(m_closedForm);
        m_closedForm->setText(closedForm);
    }
    const int wrt = m_withRespectTo->findText(withRespectTo);
    if (wrt >= 0) {
        const QSignalBlocker block(m_withRespectTo);
        m_withRespectTo->setCurrentIndex(wrt);
    }
    const int input = m_input->findText(withRespectTo);
    if (input >= 0)
        m_input->setCurrentIndex(input); // the grids show the input checked
    check();
}

void MatrixPanel::onDocumentChanged() {
    // A tab behind another is still isVisible(): Qt moves it out of the main window instead of
    // hiding it. Refreshed on every move of a drag there, it laid out its tables for nobody.
    const bool behind =
        !isWindow() && parentWidget() && !parentWidget()->rect().intersects(geometry());
    if (isVisible() && !behind)
        refresh();
    else
        m_stale = true;
}

void MatrixPanel::refresh() {
    m_stale = false;
    syncInputs();
    fillTables();
    check();
}

void MatrixPanel::syncInputs() {
    QStringList names;
    for (const InputDeclaration& d : m_doc->expression().declaredInputs())
        names << QString::fromStdString(d.name);
    if (names == m_inputNames)
        return;
    m_inputNames = names;
    const QString shown = m_input->currentText(), wrt = m_withRespectTo->currentText();
    const QSignalBlocker b1(m_input), b2(m_withRespectTo);
    m_input->clear();
    m_withRespectTo->clear();
    const auto& declared = m_doc->expression().declaredInputs();
    for (const InputDeclaration& d : declared) {
        const QString name = QString::fromStdString(d.name);
        const QString shape =
            d.dimensions == 0 ? tr("scalar") : QStringLiteral("%1×%2").arg(d.rows).arg(d.cols);
        m_input->addItem(name);
        m_input->setItemData(m_input->count() - 1, shape, Qt::ToolTipRole);
        m_withRespectTo->addItem(name);
    }
    // By default the first shaped input (the one a matrix-calculus function is about).
    int first = 0;
    for (std::size_t i = 0; i < declared.size(); ++i)
        if (declared[i].dimensions > 0) {
            first = int(i);
            break;
        }
    const int keep = m_input->findText(shown), keepWrt = m_withRespectTo->findText(wrt);
    m_input->setCurrentIndex(keep >= 0 ? keep : first);
    m_withRespectTo->setCurrentIndex(keepWrt >= 0 ? keepWrt : first);
}

void MatrixPanel::fillTables() {
    const auto& declared = m_doc->expression().declaredInputs();
    const int index = m_input->currentIndex();
    const QSignalBlocker block(m_values);
    m_filling = true;
    if (index < 0 || index >= int(declared.size())) {
        m_values->setRowCount(0);
        m_gradient->setRowCount(0);
        m_valueLabel->clear();
        m_gradientLabel->clear();
        m_filling = false;
        return;
    }
    const InputDeclaration& d = declared[std::size_t(index)];
    const Expansion& e = m_doc->expansion();
    const QString name = QString::fromStdString(d.name);
    const QString shape = QStringLiteral("%1×%2").arg(d.rows).arg(d.cols);
    m_valueLabel->setText(tr("<b>%1</b> (%2), its current value:").arg(name, shape));
    m_gradientLabel->setText(tr("<b>∂f/∂%1</b> (%2, the shape of %1), f = %3:")
                                 .arg(name, shape,
                                      std::isfinite(e.at.value)
                                          ? QString::number(e.at.value, 'g', kCellDigits)
                                          : tr("undefined")));
    const std::size_t n = m_doc->expression().inputs().size();
    if (std::size_t(e.point.size()) == n)
        showMatrix(m_values, inputBlock(d, e.point), true);
    if (std::size_t(e.at.gradient.size()) == n)
        showMatrix(m_gradient, inputBlock(d, e.at.gradient), false);
    m_filling = false;
}

void MatrixPanel::changeEvent(QEvent* event) {
    DockWidget::changeEvent(event);
    // The application's font changed (Preferences' font scale): the tables already have it
    // (Qt gives children the font first); their rows and heights follow it.
    if (event->type() == QEvent::FontChange)
        for (QTableWidget* table : {m_values, m_gradient})
            fitRows(table);
}

void MatrixPanel::applyLook() {
    // The grids take the theme's colours (the check marks its cells again) once the tables
    // have the new palette (after the events of the change).
    QTimer::singleShot(0, this, [this] {
        fillTables();
        check();
    });
}

void MatrixPanel::onValueEdited(int row, int col) {
    if (m_filling)
        return;
    const auto& declared = m_doc->expression().declaredInputs();
    const int index = m_input->currentIndex();
    QTableWidgetItem* item = m_values->item(row, col);
    if (index < 0 || index >= int(declared.size()) || !item)
        return;
    const InputDeclaration& d = declared[std::size_t(index)];
    bool ok = false;
    const double v = item->text().trimmed().toDouble(&ok);
    const QString element =
        QString::fromStdString(d.elementName(std::size_t(row) * std::size_t(d.cols) + col));
    if (!ok || !std::isfinite(v)) {
        m_error->setText(tr("%1: “%2” is not a finite number").arg(element, item->text()));
        m_error->show();
        fillTables(); // back to the point's value
        return;
    }
    Settings s = m_doc->settings();
    const std::size_t k = d.first + std::size_t(row) * std::size_t(d.cols) + std::size_t(col);
    if (k >= s.point.size())
        return;
    s.point[k] = v;
    if (const QString error = m_doc->change(s, tr("Edit %1").arg(element)); !error.isEmpty()) {
        m_error->setText(error);
        m_error->show();
        fillTables();
    }
}

void MatrixPanel::randomize() {
    const auto& declared = m_doc->expression().declaredInputs();
    const int index = m_input->currentIndex();
    if (index < 0 || index >= int(declared.size()))
        return;
    const InputDeclaration& d = declared[std::size_t(index)];
    Settings s = m_doc->settings();
    if (d.first + d.size() > s.point.size())
        return;
    std::mt19937_64 random(m_seed++);
    std::normal_distribution<double> normal(0.0, 1.0);
    for (std::size_t k = 0; k < d.size(); ++k)
        s.point[d.first + k] = normal(random);
    if (const QString error =
            m_doc->change(s, tr("Randomize %1").arg(QString::fromStdString(d.name)));
        !error.isEmpty()) {
        m_error->setText(error);
        m_error->show();
    }
}

void MatrixPanel::check() {
    m_agrees = false;
    // The gradient cells where the closed form differs at the point are bold (below).
    for (int r = 0; r < m_gradient->rowCount(); ++r)
        for (int c = 0; c < m_gradient->columnCount(); ++c)
            if (QTableWidgetItem* item = m_gradient->item(r, c); item && item->font().bold()) {
                QFont font = item->font();
                font.setBold(false);
                item->setFont(font);
            }
    m_error->hide();
    setErrorMark(m_closedForm, ErrorMark::None);
    m_differences->clear();
    m_differences->hide();
    const QString closed = m_closedForm->text().trimmed();
    if (closed.isEmpty()) {
        m_report->setText(tr("Type the gradient you believe to compare it with the automatic "
                             "one at the point and at %1 random draws.")
                              .arg(kDefaultGradientDraws));
        return;
    }
    const Expression& f = m_doc->expression();
    const std::vector<double>& p = m_doc->settings().point;
    const Eigen::Map<const Eigen::VectorXd> point(p.data(), Eigen::Index(p.size()));
    const GradientCheckResult result =
        checkGradient(f, closed.toStdString(), m_withRespectTo->currentText().toStdString(), point);
    if (!result.check) {
        if (result.parseError) // "column 14: ...", as every other message says it
            m_error->setText(describeParseError(closed, *result.parseError));
        else
            m_error->setText(QString::fromStdString(result.error));
        m_error->show();
        setErrorMark(m_closedForm, ErrorMark::Border); // as the function box and the domain's

        m_report->setText(tr("No check: the closed form has an error."));
        return;
    }
    const GradientCheck& c = *result.check;
    m_agrees = c.agrees;
    m_report->setText(QString::fromStdString(c.summary));
    if (c.agrees)
        return;
    const int index = findDeclaredInput(f, c.input);
    const bool shown = m_input->currentText() == QString::fromStdString(c.input);
    for (const GradientDifference& d : c.differences)
        if (QTableWidgetItem* item = m_gradient->item(d.row, d.col); shown && d.draw == 0 && item) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
    // The count, then a few of the listed entries: those at the point first (bold in the
    // grid), then the largest |automatic - closed form| (NaN first), then "…".
    std::vector<GradientDifference> listed = c.differences;
    const auto size = [](const GradientDifference& d) {
        const double v = std::abs(d.automatic - d.closedForm);
        return std::isnan(v) ? std::numeric_limits<double>::infinity() : v;
    };
    std::stable_sort(listed.begin(), listed.end(), [&](const auto& a, const auto& b) {
        if ((a.draw == 0) != (b.draw == 0))
            return a.draw == 0;
        return size(a) > size(b);
    });
    QStringList lines;
    const std::size_t count = c.differingEntries;
    if (count == 1)
        lines << tr("1 entry differs:");
    else if (count <= kShownDifferences)
        lines << tr("%1 entries differ:").arg(count);
    else
        lines << tr("%1 entries differ; %2 of them, those at the point first, then the largest:")
                     .arg(count)
                     .arg(kShownDifferences);
    for (std::size_t i = 0; i < listed.size() && i < kShownDifferences; ++i) {
        const GradientDifference& d = listed[i];
        const QString where = d.draw == 0 ? tr("at the point") : tr("draw %1").arg(d.draw);
        const QString element =
            index >= 0 ? QString::fromStdString(f.declaredInputs()[std::size_t(index)].elementName(
                             std::size_t(d.row) * std::size_t(c.cols) + std::size_t(d.col)))
                       : QStringLiteral("(%1, %2)").arg(d.row + 1).arg(d.col + 1);
        lines << tr("%1 %2: automatic %3, closed form %4")
                     .arg(element, where, QString::number(d.automatic, 'g', kCellDigits),
                          QString::number(d.closedForm, 'g', kCellDigits));
    }
    if (count > kShownDifferences)
        lines << QStringLiteral("…");
    m_differences->setText(lines.join(QLatin1Char('\n')));
    m_differences->show();
}

} // namespace gs
