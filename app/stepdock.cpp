#include "stepdock.h"
#include "filedialogs.h"

#include "animator.h"
#include "document.h"
#include "linechart.h"
#include "optionwidgets.h"
#include "statecsv.h"
#include "stepexplain.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMessageBox>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <vector>

namespace gs {

namespace {

QString number(double v) {
    return QString::number(v, 'g', 6);
}

/// x with the iterate's number as a subscript: x₁₂.
QString iterateName(int k) {
    QString out = QStringLiteral("x");
    for (const QChar c : QString::number(k))
        out += QChar(0x2080 + (c.unicode() - '0'));
    return out;
}

// "0.9" for a number, "(0.1, −0.2)" for a vector; a matrix row by row, one line each, its
// columns aligned ("[3  1]" over "[1  2]") for a monospace font.
QString quantityText(const StepQuantity& q) {
    if (q.matrix.size() > 0) {
        std::vector<int> width(std::size_t(q.matrix.cols()), 0);
        for (Eigen::Index j = 0; j < q.matrix.cols(); ++j)
            for (Eigen::Index i = 0; i < q.matrix.rows(); ++i)
                width[std::size_t(j)] =
                    std::max(width[std::size_t(j)], int(number(q.matrix(i, j)).size()));
        QStringList rows;
        for (Eigen::Index i = 0; i < q.matrix.rows(); ++i) {
            QStringList cells;
            for (Eigen::Index j = 0; j < q.matrix.cols(); ++j)
                cells << number(q.matrix(i, j)).rightJustified(width[std::size_t(j)]);
            rows << QLatin1Char('[') + cells.join(QStringLiteral("  ")) + QLatin1Char(']');
        }
        return rows.join(QLatin1Char('\n'));
    }
    if (q.scalar)
        return number(q.value[0]);
    QStringList parts;
    for (Eigen::Index i = 0; i < q.value.size(); ++i)
        parts << number(q.value[i]);
    return QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

// True for a word of prose ("per", "(safeguarded", "first,"): two or more ASCII letters once
// brackets and punctuation are stripped. Symbols are single letters or carry sub- and
// superscripts, so a formula's terms are never taken for prose.
bool isProse(QString token) {
    while (!token.isEmpty() && QStringLiteral("(,").contains(token.front()))
        token.remove(0, 1);
    while (!token.isEmpty() && QStringLiteral("),;").contains(token.back()))
        token.chop(1);
    if (token.size() < 2)
        return false;
    for (const QChar c : token)
        if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')))
            return false;
    return true;
}

// "←" in the text's proportional font: the monospace fonts draw it at half the height of
// the letters beside it (a small arrow in one character cell).
const QString kArrowHtml = QStringLiteral("<span style=\"font-family:'DejaVu Sans'\">←</span>");

} // namespace

QString formulaHtml(const QString& formula) {
    // Statements ("m ← …;  v ← …") each on a line of their own.
    QStringList statements;
    for (const QString& part :
         formula.split(QRegularExpression(QStringLiteral(";\\s*")), Qt::SkipEmptyParts))
        statements << part.trimmed();
    QStringList html;
    for (const QString& statement : statements) {
        // A line may break only between whole terms: before a binary operator (+ − ⊙ ≤ ≥)
        // or after a comma outside brackets, and between words of prose. Every other space
        // is a no-break space, so "(1 − β₂) g²" stays whole and a symbol keeps its term
        // ("v̂ = v / (1 − β₂ᵗ)", "m ← β₁ m": no break after ← or =).
        const QStringList tokens = statement.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QString out;
        int depth = 0;
        for (qsizetype i = 0; i < tokens.size(); ++i) {
            const QString& t = tokens[i];
            if (i > 0) {
                const QString& previous = tokens[i - 1];
                static const QString before = QStringLiteral("+−⊙≤≥<>");
                static const QString after = QStringLiteral(",");
                const bool breakable = (depth == 0 && (before.contains(t.front()) ||
                                                       after.contains(previous.back()))) ||
                                       isProse(previous) || isProse(t);
                out += breakable ? QStringLiteral(" ") : QStringLiteral("&nbsp;");
            }
            for (const QChar c : t)
                depth += c == u'(' ? 1 : c == u')' ? -1 : 0;
            out += t == QStringLiteral("←") ? kArrowHtml : t.toHtmlEscaped();
        }
        html << out;
    }
    return html.join(QStringLiteral("<br>"));
}

QString symbolLegend(Method method) {
    // What the state's letters stand for, per method; ′ marks a value after this step.
    struct Letters {
        std::vector<Method> methods;
        const char* text;
    };
    static const Letters kLetters[] = {
        {{Method::Momentum, Method::Nesterov},
         QT_TR_NOOP("v: velocity, the momentum (a running sum of past steps); β: how much of it "
                    "is kept")},
        {{Method::QHM},
         QT_TR_NOOP("b: momentum buffer, a running mean of gradients; β: how much of it is kept; "
                    "ν: the buffer's share of the step")},
        {{Method::AdaGrad},
         QT_TR_NOOP("G: sum of squared gradients per coordinate; r: step size per coordinate; ε: "
                    "keeps r finite")},
        {{Method::RMSProp},
         QT_TR_NOOP("E: running mean of squared gradients; ρ: how much of it is kept; r: step "
                    "size per coordinate")},
        {{Method::Adam, Method::QHAdam},
         QT_TR_NOOP("m: first-moment (momentum) estimate; v: second-moment estimate (of g²); m̂, "
                    "v̂: bias-corrected; β₁, β₂: how much of each is kept; t: iteration; r: step "
                    "size per coordinate")},
        {{Method::QHAdam}, QT_TR_NOOP("ν₁, ν₂: the moments' shares")},
        {{Method::Newton, Method::NewtonLineSearch},
         QT_TR_NOOP("H: the Hessian ∇²f(x); d: Newton's direction; t: the fraction of it taken")},
        {{Method::GradientDescentLineSearch},
         QT_TR_NOOP("t: the step length the line search accepted")},
    };
    QStringList parts;
    for (const Letters& l : kLetters)
        if (std::find(l.methods.begin(), l.methods.end(), method) != l.methods.end())
            parts << QObject::tr(l.text);
    parts << QObject::tr("g: the gradient ∇f(x); η: the learning rate; ′: after this step (x′ "
                         "the next iterate)");
    return parts.join(QStringLiteral("; "));
}

StepDock::StepDock(Document* doc, Animator* animator, QWidget* parent)
    : DockWidget(tr("Step by Step"), parent)
    , m_doc(doc)
    , m_animator(animator) {
    setObjectName(QStringLiteral("stepByStep")); // saveState() keys the layout by it
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                QDockWidget::DockWidgetClosable);

    // --- Step: the run, where it is, forward and back, the rules with their numbers.
    auto* step = new QWidget;
    auto* layout = new QVBoxLayout(step);
    layout->setContentsMargins(6, 6, 6, 6);
    m_run = new QComboBox;
    m_run->setToolTip(tr("The run whose state is shown here and drawn in the views"));
    m_run->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_run->setMinimumContentsLength(12);
    layout->addWidget(m_run);
    auto* nav = new QHBoxLayout;
    m_back = new QPushButton(tr("◀ Back"));
    m_back->setObjectName(QStringLiteral("stepBack"));
    m_back->setToolTip(tr("The previous sub-step (before the first: the previous iteration)"));
    m_forward = new QPushButton(tr("Forward ▶"));
    m_forward->setObjectName(QStringLiteral("stepForward"));
    m_forward->setToolTip(tr("The next sub-step: gradient, moment update, scaling, step "
                             "(after the step: the next iteration)"));
    nav->addWidget(m_back);
    nav->addWidget(m_forward);
    layout->addLayout(nav);
    m_position = new QLabel;
    m_position->setWordWrap(true);
    layout->addWidget(m_position);
    m_text = new QTextBrowser;
    m_text->setObjectName(QStringLiteral("stepText"));
    m_text->setToolTip(tr("The update rule of each sub-step with the numbers the run used"));
    m_text->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_text, 1);

    // --- State: one row per iteration, the same columns as --state-csv.
    auto* state = new QWidget;
    auto* stateLayout = new QVBoxLayout(state);
    stateLayout->setContentsMargins(6, 6, 6, 6);
    m_table = new QTableWidget;
    m_table->setObjectName(QStringLiteral("stateTable"));
    m_table->setToolTip(tr("The run's state at each iterate: moments, accumulators, step "
                           "sizes, the step taken (the columns of --state-csv)"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    // Columns as wide as their numbers (fitColumns), as many as the width holds: the rest
    // are read in the details of the selected row under the table. Nothing scrolls sideways.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn); // its width is always taken
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->viewport()->installEventFilter(this);
    // Compact: rows one line of text high (fitRowsToFont, again at each font change), columns
    // as wide as their numbers.
    fitRowsToFont();
    m_table->installEventFilter(this);
    m_table->setStyleSheet(QStringLiteral("QTableWidget::item { padding: 0px 1px; }"));
    stateLayout->addWidget(m_table, 1);
    m_rowDetails = new QTextBrowser;
    m_rowDetails->setObjectName(QStringLiteral("stateRowDetails"));
    m_rowDetails->setToolTip(tr("Every column of the selected iterate's row (the CSV's names)"));
    m_rowDetails->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_rowDetails->setLineWrapMode(QTextEdit::WidgetWidth);
    m_rowDetails->setMaximumHeight(7 * m_rowDetails->fontMetrics().lineSpacing());
    stateLayout->addWidget(m_rowDetails);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this] { showRowDetails(); });
    m_save = new QPushButton(tr("Save as CSV…"));
    m_save->setToolTip(tr("The table as CSV, the same file as gradscape --descent --state-csv"));
    stateLayout->addWidget(m_save);

    // --- η sweep: the run's method over log-spaced learning rates.
    auto* sweep = new QWidget;
    auto* sweepLayout = new QVBoxLayout(sweep);
    sweepLayout->setContentsMargins(6, 6, 6, 6);
    auto* sweepRow = new QHBoxLayout;
    m_runSweep = new QPushButton(tr("Run sweep"));
    m_runSweep->setObjectName(QStringLiteral("runSweep"));
    m_runSweep->setToolTip(tr("Runs the selected run's method from its start at the learning "
                              "rates below, log-spaced (its other options kept), in parallel"));
    m_sweepQuantity = new QComboBox;
    m_sweepQuantity->addItems({tr("final f"), tr("steps taken")});
    m_sweepQuantity->setToolTip(tr("What the sweep chart plots against the learning rate"));
    // Its least width from a few characters, not its longest entry: at font scale 1.5 the row
    // made the dock (a tab beside the panel) wider than the panel's share of the window.
    m_sweepQuantity->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_sweepQuantity->setMinimumContentsLength(6);
    sweepRow->addWidget(m_runSweep);
    sweepRow->addWidget(m_sweepQuantity, 1);
    sweepLayout->addLayout(sweepRow);
    // The range and count: their limits and tooltips from the option table, as --lr-range
    // and --count have them; checkSweep has the last word (from below to).
    auto* rangeRow = new QHBoxLayout;
    auto rateBox = [](const OptionSpec& spec) {
        auto* box = new NumberSpinBox;
        box->setDecimals(6);
        applyOption(box, spec);
        box->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
        box->setValue(spec.defaultValue);
        box->setMinimumWidth(60);
        box->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        return box;
    };
    m_sweepFrom = rateBox(options::sweepFrom);
    m_sweepFrom->setObjectName(QStringLiteral("sweepFrom"));
    m_sweepTo = rateBox(options::sweepTo);
    m_sweepTo->setObjectName(QStringLiteral("sweepTo"));
    m_sweepCount = new QSpinBox;
    m_sweepCount->setObjectName(QStringLiteral("sweepCount"));
    applyOption(m_sweepCount, options::sweepCount);
    m_sweepCount->setValue(int(options::sweepCount.defaultValue));
    m_sweepCount->setSuffix(tr(" rates"));
    sweepRow->insertWidget(1, m_sweepCount); // beside Run sweep: the range gets the row below
    rangeRow->addWidget(new QLabel(tr("η from")));
    rangeRow->addWidget(m_sweepFrom, 1);
    rangeRow->addWidget(new QLabel(tr("to")));
    rangeRow->addWidget(m_sweepTo, 1);
    sweepLayout->addLayout(rangeRow);
    // Progress and Cancel: shown while a sweep is running (after a moment, so a quick one
    // does not flash them).
    auto* progressRow = new QHBoxLayout;
    m_sweepProgress = new QProgressBar;
    m_sweepProgress->setObjectName(QStringLiteral("sweepProgress"));
    m_sweepProgress->setFormat(tr("%v of %m runs"));
    m_sweepCancel = new QPushButton(tr("Cancel"));
    m_sweepCancel->setObjectName(QStringLiteral("sweepCancel"));
    m_sweepCancel->setToolTip(tr("Stops the sweep; the chart keeps the last one"));
    progressRow->addWidget(m_sweepProgress, 1);
    progressRow->addWidget(m_sweepCancel);
    m_sweepProgress->hide();
    m_sweepCancel->hide();
    sweepLayout->addLayout(progressRow);
    m_sweepPoll = new QTimer(this);
    m_sweepPoll->setInterval(50);
    m_sweepChart = new LineChart;
    m_sweepChart->setLegendCorner(false, false); // small and large eta are high: bottom left
    auto* sweepContainer = QWidget::createWindowContainer(m_sweepChart, this);
    m_sweepContainer = sweepContainer;
    sweepContainer->setMinimumHeight(180);
    sweepContainer->setToolTip(tr("Each point one run at that learning rate: green converged, "
                                  "orange out of steps, red diverged (drawn at the top). "
                                  "Click a point to add that run."));
    sweepLayout->addWidget(sweepContainer, 1);
    m_sweepLabel = new QLabel;
    m_sweepLabel->setWordWrap(true);
    m_sweepLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    sweepLayout->addWidget(m_sweepLabel);
    // Before a sweep: no empty chart, the label says what the tab does, at the top (tester
    // s23: an empty box and no word).
    sweepLayout->addStretch(0);
    sweepContainer->hide();
    m_sweepLabel->setText(tr("Run sweep runs the selected run's method from its start at each "
                             "learning rate of the range, and plots the final f (or the steps "
                             "taken) against η: where it converges, where it diverges."));

    // --- Eigen: on a quadratic, the error along each eigenvector of H.
    auto* eigen = new QWidget;
    auto* eigenLayout = new QVBoxLayout(eigen);
    eigenLayout->setContentsMargins(6, 6, 6, 6);
    m_eigenChart = new LineChart;
    auto* eigenContainer = QWidget::createWindowContainer(m_eigenChart, this);
    m_eigenContainer = eigenContainer;
    eigenContainer->setMinimumHeight(180);
    eigenContainer->setToolTip(tr("|v_i · (x_k − x*)| per iteration for each eigenvector v_i of "
                                  "H (solid) and the decay theory predicts (dashed)"));
    eigenLayout->addWidget(eigenContainer, 1);
    m_eigenLabel = new QLabel;
    m_eigenLabel->setWordWrap(true);
    m_eigenLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    eigenLayout->addWidget(m_eigenLabel);
    eigenLayout->addStretch(0); // the chart hidden: the label at the top

    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(step, tr("Step"));
    m_tabs->addTab(state, tr("State"));
    m_tabs->setTabToolTip(0, tr("One iteration of the selected run, sub-step by sub-step"));
    m_tabs->addTab(sweep, tr("η sweep"));
    m_tabs->addTab(eigen, tr("Eigen"));
    m_tabs->setTabToolTip(1, tr("The selected run's state per iteration, as a table"));
    m_tabs->setTabToolTip(2, tr("The selected run's method over a range of learning rates"));
    m_tabs->setTabToolTip(3, tr("On a quadratic: the error along each eigen-direction of H"));
    setWidget(m_tabs);

    connect(m_forward, &QPushButton::clicked, this, &StepDock::forward);
    connect(m_back, &QPushButton::clicked, this, &StepDock::back);
    connect(m_save, &QPushButton::clicked, this, &StepDock::saveCsvAs);
    connect(m_run, &QComboBox::currentIndexChanged, this, [this] {
        refresh();
        emit focusChanged();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { refresh(); });
    connect(m_runSweep, &QPushButton::clicked, this, &StepDock::runSweep);
    connect(m_sweepCancel, &QPushButton::clicked, this, &StepDock::cancelSweep);
    connect(m_sweepPoll, &QTimer::timeout, this, &StepDock::pollSweep);
    connect(m_sweepQuantity, &QComboBox::currentIndexChanged, this, &StepDock::drawSweep);
    connect(m_sweepChart, &LineChart::clicked, this, &StepDock::addSweepRun);
    connect(doc, &Document::changed, this, &StepDock::onDocumentChanged);
    onDocumentChanged(Document::RunsChange);
    m_text->installEventFilter(this); // its palette changes with the theme
}

StepDock::~StepDock() = default; // a running sweep is stopped and joined (SweepJob::thread)

StepFocus StepDock::focus() const {
    StepFocus f;
    f.run = m_run->currentIndex();
    f.frame = iterate();
    f.subStep = m_subStep;
    return f;
}

int StepDock::iterate() const {
    const int run = m_run->currentIndex();
    if (run < 0 || std::size_t(run) >= m_doc->trajectories().size())
        return 0;
    return std::clamp(m_frame, 0, m_doc->trajectories()[std::size_t(run)].stepCount());
}

int StepDock::subStepsHere() const {
    const int run = m_run->currentIndex();
    if (run < 0 || std::size_t(run) >= m_doc->trajectories().size() ||
        iterate() >= m_doc->trajectories()[std::size_t(run)].stepCount())
        return 0;
    return subStepCount(m_doc->settings().runs[std::size_t(run)].options.method);
}

void StepDock::selectRun(int run) {
    m_run->setCurrentIndex(run);
}

void StepDock::followFrame(int frame) {
    m_frame = std::max(0, frame);
    m_subStep = -1;
    refresh();
}

void StepDock::go(int frame, int subStep) {
    // The animator tells the window, which calls followFrame: the sub-step is set after.
    m_animator->setFrame(frame);
    m_frame = frame;
    m_subStep = subStep;
    refresh();
    emit focusChanged();
}

void StepDock::forward() {
    const int count = subStepsHere();
    if (count == 0)
        return; // the run's last iterate: nothing further
    const int sub = m_subStep < 0 ? count - 1 : m_subStep;
    if (sub + 1 < count) {
        m_subStep = sub + 1;
        refresh();
        emit focusChanged();
        return;
    }
    go(iterate() + 1, 0);
}

void StepDock::back() {
    const int count = subStepsHere();
    const int sub = m_subStep < 0 ? count - 1 : m_subStep;
    if (count > 0 && sub > 0) {
        m_subStep = sub - 1;
        refresh();
        emit focusChanged();
        return;
    }
    const int k = iterate();
    if (k == 0)
        return;
    go(k - 1,
       subStepCount(m_doc->settings().runs[std::size_t(m_run->currentIndex())].options.method) - 1);
}

void StepDock::onDocumentChanged(int what) {
    if (!(what & Document::RunsChange))
        return;
    const int runs = int(m_doc->trajectories().size());
    const int current = m_run->currentIndex();
    {
        const QSignalBlocker block(m_run);
        m_run->clear();
        for (int i = 0; i < runs; ++i) {
            QPixmap swatch(12, 12);
            const auto c = runColour(*m_doc, i);
            swatch.fill(QColor::fromRgbF(float(c[0]), float(c[1]), float(c[2])));
            m_run->addItem(QIcon(swatch), runLabel(*m_doc, i));
        }
        m_run->setCurrentIndex(runs == 0 ? -1 : std::clamp(current, 0, runs - 1));
    }
    m_tableRun = -2;
    refresh();
}

void StepDock::refresh() {
    const int run = m_run->currentIndex();
    const bool any = run >= 0 && std::size_t(run) < m_doc->trajectories().size();
    m_save->setEnabled(any);
    if (m_tabs->currentIndex() == 1 && m_tableRun != run)
        fillTable();
    else if (m_tabs->currentIndex() == 1 && m_table->rowCount() > 0 &&
             m_table->currentRow() != std::min(iterate(), m_table->rowCount() - 1)) {
        // The row of the iterate on screen (the animation, Back and Forward).
        m_table->setCurrentCell(std::clamp(iterate(), 0, m_table->rowCount() - 1), 0);
        m_table->scrollToItem(m_table->currentItem());
    }
    if (m_tabs->currentIndex() == 3)
        fillEigen();
    if (!any) {
        m_position->setText(tr("No runs yet: add one in the Optimizers tab."));
        m_text->clear();
        m_back->setEnabled(false);
        m_forward->setEnabled(false);
        return;
    }
    const Trajectory& t = m_doc->trajectories()[std::size_t(run)];
    const RunSettings& settings = m_doc->settings().runs[std::size_t(run)];
    const int k = iterate();
    const auto e = explainStep(t, settings.options, k);
    m_back->setEnabled(k > 0 || (e && m_subStep != 0));
    m_forward->setEnabled(bool(e));
    if (!e) {
        const Step& s = t.steps[std::size_t(k)];
        m_position->setText(
            tr("%1, the run's last iterate: no step taken from here.").arg(iterateName(k)));
        QStringList x;
        for (Eigen::Index i = 0; i < s.x.size(); ++i)
            x << number(s.x[i]);
        m_text->setHtml(tr("<p>x = (%1)<br>f(x) = %2<br>|∇f(x)| = %3</p><p>%4</p>")
                            .arg(x.join(QStringLiteral(", ")), number(s.value),
                                 number(s.gradientNorm),
                                 QString::fromStdString(t.message).toHtmlEscaped()));
        return;
    }
    const int count = int(e->subSteps.size());
    const int shown = m_subStep < 0 ? count - 1 : std::min(m_subStep, count - 1);
    // "Step k + 1", as the playback bar counts the steps taken ("step k of N" shows x_k):
    // the step dock said "Iteration 1" beside "step 0" (tester s23).
    m_position->setText(tr("Step %1 of %2, %3 → %4 · sub-step %5 of %6: %7")
                            .arg(k + 1)
                            .arg(t.stepCount())
                            .arg(iterateName(k), iterateName(k + 1))
                            .arg(shown + 1)
                            .arg(count)
                            .arg(QString::fromStdString(e->subSteps[std::size_t(shown)].title)));
    QString html = QStringLiteral("<p><b>%1</b>, from x<sub>%2</sub></p>")
                       .arg(QString::fromUtf8(displayName(settings.options.method).data()))
                       .arg(k);
    // The current sub-step on a box of the theme: the field's ground a fifth of the way to
    // the selection colour, in the field's text colour (a fixed pale blue box left the dark
    // theme's light text at 1.2:1). Light (Fusion): black on #d6e8f4, 16.7:1; dark: #e6e6eb
    // on #233141, 10.6:1 (python3 offline, WCAG contrast; test_gui
    // currentSubStepKeepsContrast measures both).
    const QPalette& pal = m_text->palette();
    const QColor base = pal.color(QPalette::Base), mark = pal.color(QPalette::Highlight);
    const float w = 0.2f;
    const QColor box = QColor::fromRgbF(base.redF() + w * (mark.redF() - base.redF()),
                                        base.greenF() + w * (mark.greenF() - base.greenF()),
                                        base.blueF() + w * (mark.blueF() - base.blueF()));
    const QString current = QStringLiteral(" style=\"background:%1; color:%2\"")
                                .arg(box.name(), pal.color(QPalette::Text).name());
    for (int i = 0; i <= shown; ++i) {
        const SubStep& s = e->subSteps[std::size_t(i)];
        // The rule may start a line of its own after the title (the space), never break
        // inside a term.
        html += QStringLiteral("<p%1><b>%2. %3</b>&nbsp; <code>%4</code><br>")
                    .arg(i == shown ? current : QString())
                    .arg(i + 1)
                    .arg(QString::fromStdString(s.title).toHtmlEscaped(),
                         formulaHtml(QString::fromStdString(s.formula)));
        QStringList lines;
        for (const StepQuantity& q : s.quantities) {
            const QString symbol = QString::fromStdString(q.symbol);
            QString text = quantityText(q).toHtmlEscaped();
            if (q.matrix.size() > 0) // aligned columns, later rows under the first past "H = "
                text.replace(QLatin1Char(' '), QStringLiteral("&nbsp;"))
                    .replace(QLatin1Char('\n'),
                             QStringLiteral("<br>") +
                                 QStringLiteral("&nbsp;").repeated(int(symbol.size()) + 3));
            lines << QStringLiteral("<code>%1 = %2</code>").arg(symbol.toHtmlEscaped(), text);
        }
        html += lines.join(QStringLiteral("<br>")) + QStringLiteral("</p>");
    }
    // The letters explained, under the numbers (and as the text's tooltip).
    const QString legend = symbolLegend(settings.options.method);
    html += QStringLiteral("<p><i>%1</i></p>").arg(legend.toHtmlEscaped());
    m_text->setToolTip(
        tr("The update rule of each sub-step with the numbers the run used.\n%1").arg(legend));
    m_text->setHtml(html);
}

QString StepDock::stepText() const {
    return m_text->toPlainText();
}

void StepDock::fillTable() {
    const int run = m_run->currentIndex();
    m_tableRun = run;
    m_table->clear();
    if (run < 0 || std::size_t(run) >= m_doc->trajectories().size()) {
        m_table->setRowCount(0);
        m_table->setColumnCount(0);
        return;
    }
    const Trajectory& t = m_doc->trajectories()[std::size_t(run)];
    const QStringList names = m_doc->inputNames();
    const QStringList header = stateCsvHeader(names);
    m_table->setColumnCount(int(header.size()));
    m_table->setHorizontalHeaderLabels(header);
    m_table->setRowCount(int(t.steps.size()));
    for (int k = 0; k < int(t.steps.size()); ++k) {
        const QStringList row = stateCsvRow(t, k, Eigen::Index(names.size()));
        for (int c = 0; c < int(row.size()); ++c) {
            // Shown to 6 digits; the CSV keeps all 17.
            bool ok = false;
            const double v = row[c].toDouble(&ok);
            auto* item = new QTableWidgetItem(ok && c > 0 ? number(v) : row[c]);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(k, c, item);
        }
    }
    // A column the method never fills (gradient descent has no moments) takes no room.
    m_filledColumns.clear();
    for (int c = 0; c < m_table->columnCount(); ++c) {
        bool empty = true;
        for (int k = 0; empty && k < m_table->rowCount(); ++k)
            empty = !m_table->item(k, c) || m_table->item(k, c)->text().isEmpty();
        if (!empty || m_table->rowCount() == 0)
            m_filledColumns.push_back(c);
    }
    fitColumns();
    if (m_table->rowCount() > 0) {
        m_table->setCurrentCell(std::clamp(iterate(), 0, m_table->rowCount() - 1), 0);
        m_table->scrollToItem(m_table->currentItem());
    }
    showRowDetails();
}

void StepDock::fitColumns() {
    const int columns = m_table->columnCount();
    if (columns == 0)
        return;
    // Priority: step, f, the coordinates, |grad f|, the step's length, then the CSV's order.
    const QStringList header = stateCsvHeader(m_doc->inputNames());
    const qsizetype inputs = m_doc->inputNames().size();
    auto rank = [&](int c) {
        const QString& name = c < header.size() ? header[c] : QString();
        if (c == 0)
            return 0;
        if (name == QLatin1String("f"))
            return 1;
        if (c <= inputs)
            return 2;
        if (name == QLatin1String("grad_norm"))
            return 3;
        if (name == QLatin1String("update_norm"))
            return 4;
        return 5;
    };
    std::vector<int> order = m_filledColumns;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return rank(a) < rank(b); });
    const int room = m_table->viewport()->width();
    std::vector<int> width(std::size_t(columns), 0);
    for (const int c : order) {
        m_table->setColumnHidden(c, false);
        m_table->resizeColumnToContents(c); // its numbers and its header
        width[std::size_t(c)] = m_table->columnWidth(c);
    }
    // In order of priority while they fit; the coordinates all together or none.
    std::vector<bool> shown(std::size_t(columns), false);
    int used = 0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i + 1;
        while (j < order.size() && rank(order[j]) == 2 && rank(order[i]) == 2)
            ++j;
        int w = 0;
        for (std::size_t k = i; k < j; ++k)
            w += width[std::size_t(order[k])];
        if (used + w <= room || order[i] == 0) {
            used += w;
            for (std::size_t k = i; k < j; ++k)
                shown[std::size_t(order[k])] = true;
        } else if (rank(order[i]) != 2) {
            break; // the next in priority does not fit: the rest are in the details
        }
        i = j;
    }
    for (int c = 0; c < columns; ++c)
        m_table->setColumnHidden(c, !shown[std::size_t(c)]);
}

void StepDock::showRowDetails() {
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_table->rowCount()) {
        m_rowDetails->clear();
        return;
    }
    // name = value, the pairs unbroken, wrapped between them.
    QStringList pairs;
    for (const int c : m_filledColumns) {
        const QTableWidgetItem* head = m_table->horizontalHeaderItem(c);
        const QTableWidgetItem* item = m_table->item(row, c);
        if (!head || !item || item->text().isEmpty())
            continue;
        pairs << QStringLiteral(
                     "<span style=\"white-space:nowrap\"><b>%1</b>&nbsp;=&nbsp;%2</span>")
                     .arg(head->text().toHtmlEscaped(), item->text().toHtmlEscaped());
    }
    m_rowDetails->setHtml(pairs.join(QStringLiteral(" &nbsp; ")));
}

void StepDock::fitRowsToFont() {
    const int line = m_table->fontMetrics().height() + 4;
    m_table->verticalHeader()->setMinimumSectionSize(line);
    m_table->verticalHeader()->setDefaultSectionSize(line);
    m_table->horizontalHeader()->setMinimumSectionSize(m_table->fontMetrics().height());
}

bool StepDock::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        fitColumns(); // the room the table has now
    if (watched == m_table && event->type() == QEvent::FontChange) {
        fitRowsToFont(); // the font scale changed: rows as high as a line of it
        fitColumns();
    }
    if (watched == m_text && event->type() == QEvent::PaletteChange)
        refresh(); // the current sub-step's box in the new theme's colours
    return QDockWidget::eventFilter(watched, event);
}

QString StepDock::saveCsv(const QString& path) const {
    const int run = m_run->currentIndex();
    if (run < 0 || std::size_t(run) >= m_doc->trajectories().size())
        return tr("no run to save");
    return writeStateCsv(path, m_doc->trajectories()[std::size_t(run)], m_doc->inputNames());
}

void StepDock::saveCsvAs() {
    const QString path = saveFileName(this, tr("Save the Run's State as CSV"),
                                      QStringLiteral("state.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const QString error = saveCsv(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Save as CSV"), error);
}

QString StepDock::sweepNote() const {
    return m_sweepLabel->text();
}

QString StepDock::eigenNote() const {
    return m_eigenLabel->text();
}

void StepDock::runSweep() {
    if (m_job)
        return; // one at a time (the button is disabled meanwhile)
    const int run = m_run->currentIndex();
    if (run < 0 || std::size_t(run) >= m_doc->settings().runs.size()) {
        m_sweepLabel->setText(tr("Add a run first (Optimizers tab): the sweep varies its "
                                 "learning rate."));
        return;
    }
    auto job = std::make_unique<SweepJob>();
    job->run = m_doc->settings().runs[std::size_t(run)];
    SweepOptions o;
    o.base = job->run.options;
    o.lrMin = m_sweepFrom->value();
    o.lrMax = m_sweepTo->value();
    o.count = m_sweepCount->value();
    if (const auto problem = checkSweep(o)) {
        // The boxes' names for the range's field; the run's own options by their field.
        const QString field = problem->field == "lr_range" ? tr("η from and to")
                                                           : QString::fromStdString(problem->field);
        m_sweepLabel->setText(tr("Cannot sweep: %1 must be %2")
                                  .arg(field, QString::fromStdString(problem->requirement)));
        return;
    }
    job->count = o.count;
    o.finished = &job->finished;
    // The thread works on copies: the document may change while it runs.
    const Eigen::VectorXd start = Eigen::Map<const Eigen::VectorXd>(
        job->run.start.data(), Eigen::Index(job->run.start.size()));
    job->clock.start();
    SweepJob* j = job.get();
    job->thread =
        std::jthread([j, o, start, f = m_doc->expression()](std::stop_token stop) mutable {
            o.stop = std::move(stop);
            j->result = sweepLearningRate(f, start, o);
            j->done = true;
        });
    m_job = std::move(job);
    m_runSweep->setEnabled(false);
    m_sweepProgress->setRange(0, o.count);
    m_sweepProgress->setValue(0);
    m_sweepLabel->setText(tr("Sweeping %1 learning rates…").arg(o.count));
    m_sweepPoll->start();
}

void StepDock::cancelSweep() {
    if (m_job)
        m_job->thread.request_stop();
}

void StepDock::pollSweep() {
    if (!m_job)
        return;
    m_sweepProgress->setValue(m_job->finished.load());
    if (!m_job->done) {
        if (m_job->clock.elapsed() > 200 && m_sweepProgress->isHidden()) {
            m_sweepProgress->show();
            m_sweepCancel->show();
        }
        return;
    }
    m_sweepPoll->stop();
    m_job->thread.join();
    const std::unique_ptr<SweepJob> job = std::move(m_job);
    m_sweepProgress->hide();
    m_sweepCancel->hide();
    m_runSweep->setEnabled(true);
    if (job->result.cancelled) {
        m_sweepLabel->setText(tr("Sweep cancelled after %1 of %2 runs; the chart shows the "
                                 "last finished sweep.")
                                  .arg(job->finished.load())
                                  .arg(job->count));
        return;
    }
    m_sweepRun = job->run;
    m_sweep = std::move(job->result);
    drawSweep();
}

void StepDock::applyLook() {
    m_sweepChart->applyLook();
    m_eigenChart->applyLook();
    // Lines in the theme's own colours (the ink's marks, the arrows' red and green) are drawn
    // again with the new look's.
    drawSweep();
    if (m_tabs->currentIndex() == 3)
        fillEigen();
}

void StepDock::drawSweep() {
    if (!m_sweep)
        return;
    const bool steps = m_sweepQuantity->currentIndex() == 1;
    const SceneLook& look = sceneLook();
    ChartLine converged{"converged", look.descent, ChartLine::Style::Points, {}, {}};
    ChartLine budget{"out of steps", {0.902, 0.624, 0.0}, ChartLine::Style::Points, {}, {}};
    ChartLine diverged{"diverged", look.ascent, ChartLine::Style::Points, {}, {}};
    double low = INFINITY, high = -INFINITY;
    auto value = [steps](const SweepPoint& p) { return steps ? double(p.steps) : p.finalValue; };
    for (const SweepPoint& p : m_sweep->points)
        if (!p.diverged() && std::isfinite(value(p))) {
            low = std::min(low, value(p));
            high = std::max(high, value(p));
        }
    for (const SweepPoint& p : m_sweep->points) {
        ChartLine& line = p.converged() ? converged : p.diverged() ? diverged : budget;
        line.x.push_back(p.learningRate);
        // A diverged run has no final f to speak of: drawn at the top of the others.
        line.y.push_back(p.diverged() && !(steps && std::isfinite(value(p)))
                             ? (std::isfinite(high) ? high : 0.0)
                             : value(p));
    }
    std::vector<ChartLine> lines{converged, budget, diverged};
    QStringList notes;
    notes << tr("%1 from (%2): %3 learning rates from %6 to %7, %4 converged, %5 diverged.")
                 .arg(QString::fromUtf8(displayName(m_sweepRun.options.method).data()))
                 .arg([this] {
                     QStringList c;
                     for (double v : m_sweepRun.start)
                         c << number(v);
                     return c.join(QStringLiteral(", "));
                 }())
                 .arg(m_sweep->points.size())
                 .arg(std::count_if(m_sweep->points.begin(), m_sweep->points.end(),
                                    [](const SweepPoint& p) { return p.converged(); }))
                 .arg(std::count_if(m_sweep->points.begin(), m_sweep->points.end(),
                                    [](const SweepPoint& p) { return p.diverged(); }))
                 .arg(number(m_sweep->points.empty() ? 0 : m_sweep->points.front().learningRate),
                      number(m_sweep->points.empty() ? 0 : m_sweep->points.back().learningRate));
    const auto& q = m_sweep->quadratic;
    if (!std::isfinite(low)) { // every run diverged: a unit band for the marks
        low = 0;
        high = 1;
    }
    if (q && q->stabilityLimit && q->optimalRate) {
        lines.push_back({"2/lambda_max",
                         look.ascent,
                         ChartLine::Style::Dashed,
                         {*q->stabilityLimit, *q->stabilityLimit},
                         {low, high}});
        lines.push_back({"optimal lr",
                         look.ink,
                         ChartLine::Style::Dashed,
                         {*q->optimalRate, *q->optimalRate},
                         {low, high}});
        notes << tr("f is quadratic: gradient descent is stable for η < 2/λmax = %1; the "
                    "optimal η = 2/(λmin + λmax) = %2.")
                     .arg(number(*q->stabilityLimit), number(*q->optimalRate));
    } else if (q) {
        notes << tr("f is quadratic but not convex (H is not positive definite): no "
                    "stability limit.");
    } else {
        notes << tr("f is not quadratic: no stability limit from theory.");
    }
    notes << tr("Click a point to add that run.");
    m_sweepLabel->setText(notes.join(QLatin1Char(' ')));
    m_sweepContainer->show();
    // Final values that are all positive and span more than three decades (a run that nearly
    // diverged next to ones that converged) would sit on the zero line of a linear axis.
    const bool logY = low > 0 && high / low > 1e3;
    m_sweepChart->setLines(lines, "learning rate", steps ? "steps taken" : "final f", true, logY);
}

void StepDock::addSweepRun(double eta) {
    if (!m_sweep || m_sweep->points.empty() || !(eta > 0))
        return;
    const auto nearest = std::min_element(m_sweep->points.begin(), m_sweep->points.end(),
                                          [eta](const SweepPoint& a, const SweepPoint& b) {
                                              return std::abs(std::log(a.learningRate / eta)) <
                                                     std::abs(std::log(b.learningRate / eta));
                                          });
    RunSettings run = m_sweepRun;
    run.options.learningRate = nearest->learningRate;
    if (const QString error = m_doc->addRun(run); !error.isEmpty())
        m_sweepLabel->setText(error);
}

void StepDock::fillEigen() {
    const int run = m_run->currentIndex();
    std::vector<ChartLine> lines;
    if (run < 0 || std::size_t(run) >= m_doc->trajectories().size()) {
        m_eigenLabel->setText(tr("No runs yet: add one in the Optimizers tab. On a quadratic f "
                                 "this tab then plots the error along each eigenvector of H at "
                                 "every iteration, beside the decay theory predicts."));
        m_eigenChart->setLines(lines, "iteration", "error", false, true);
        m_eigenContainer->hide();
        return;
    }
    const RunSettings& settings = m_doc->settings().runs[std::size_t(run)];
    const Trajectory& t = m_doc->trajectories()[std::size_t(run)];
    const Eigen::VectorXd start = Eigen::Map<const Eigen::VectorXd>(
        settings.start.data(), Eigen::Index(settings.start.size()));
    const auto q = quadraticModel(m_doc->expression(), start);
    const auto errors = q ? eigenDirectionErrors(*q, t) : std::nullopt;
    if (!errors) {
        m_eigenLabel->setText(
            q ? tr("f is quadratic but H is singular: no unique minimizer to measure the error "
                   "from.")
              : tr("f is not quadratic (its Hessian changes from point to point): the "
                   "eigen-direction view needs a quadratic, such as x^2 + 10*y^2."));
        m_eigenChart->setLines(lines, "iteration", "error", false, true);
        m_eigenContainer->hide();
        return;
    }
    m_eigenContainer->show();
    const auto factors = predictedFactors(*q, settings.options);
    const Eigen::MatrixXd predicted =
        factors ? predictedEigenErrors(*errors, *factors) : Eigen::MatrixXd();
    // Tol's bright scheme: blue, red, green, yellow, cyan, purple.
    static const Rgb palette[] = {{0.267, 0.467, 0.667}, {0.933, 0.400, 0.467},
                                  {0.133, 0.533, 0.200}, {0.800, 0.733, 0.267},
                                  {0.400, 0.800, 0.933}, {0.667, 0.200, 0.467}};
    QStringList notes;
    for (Eigen::Index i = 0; i < errors->cols(); ++i) {
        const Rgb& c = palette[std::size_t(i) % std::size(palette)];
        ChartLine measured{"|e" + std::to_string(i + 1) + "|", c, ChartLine::Style::Solid, {}, {}};
        for (Eigen::Index k = 0; k < errors->rows(); ++k) {
            measured.x.push_back(double(k));
            measured.y.push_back(std::abs((*errors)(k, i)));
        }
        lines.push_back(measured);
        QString note = tr("λ%1 = %2").arg(i + 1).arg(number(q->eigenvalues[i]));
        if (predicted.rows() > 0) {
            ChartLine theory{"predicted", sceneLook().ink, ChartLine::Style::Dashed, {}, {}};
            if (i > 0)
                theory.name.clear(); // one legend entry for the dashed lines
            for (Eigen::Index k = 0; k < predicted.rows(); ++k) {
                theory.x.push_back(double(k));
                theory.y.push_back(predicted(k, i));
            }
            lines.push_back(theory);
            note += tr(" (factor %1 per step)").arg(number((*factors)[i]));
        }
        notes << note;
    }
    m_eigenLabel->setText(
        tr("Error along each eigenvector of H: %1.").arg(notes.join(QStringLiteral(", "))) +
        (factors ? QString()
                 : tr(" Theory's factors are for gradient descent and momentum only.")));
    m_eigenChart->setLines(lines, "iteration", "|error| along eigenvector", false, true);
}

} // namespace gs
