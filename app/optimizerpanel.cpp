#include "optimizerpanel.h"

#include "errorcolour.h"
#include "mediaicon.h"

#include "optionwidgets.h"

#include "scenebinding.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace gs {

namespace {

/// A run list item's flag: the run diverged (its text is in the error colour).
constexpr int kDivergedRole = Qt::UserRole + 1;

// The learning-rate slider spans the declared range in equal ratios.
const LogSliderScale& lrScale() {
    static const LogSliderScale scale(options::learningRate);
    return scale;
}

QDoubleSpinBox* coefficientBox(double value, double hi, int decimals) {
    auto* box = new FittedSpinBox;
    box->setRange(-hi, hi);
    box->setDecimals(decimals);
    box->setSingleStep(0.01);
    box->setValue(value);
    return box;
}

/// The widest text `box` shows over its range (as Qt measures it): its size hint is honest.
void fitToRange(QDoubleSpinBox* box) {
    if (auto* fitted = dynamic_cast<FittedSpinBox*>(box)) {
        const QString lo = box->textFromValue(box->minimum());
        const QString hi = box->textFromValue(box->maximum());
        fitted->setWidestText(lo.size() > hi.size() ? lo : hi);
    }
}

/// A row of cells that wraps into more rows when the width is short (FieldGridLayout).
QWidget* fieldGrid(std::initializer_list<QWidget*> cells) {
    auto* w = new QWidget;
    auto* grid = new FieldGridLayout(w);
    for (QWidget* cell : cells)
        grid->addWidget(cell);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true); // QStackedLayout asks the policy
    w->setSizePolicy(policy);
    return w;
}

// A tolerance such as 1e-06 shown as written, in few characters (a plain spin box shows
// 0.0000010000 and is cut off in a narrow panel).
class ScientificSpinBox : public FittedSpinBox {
public:
    ScientificSpinBox()
        : FittedSpinBox(QStringLiteral("1e-06")) {
        setDecimals(15); // the value keeps its precision; the text is ours
        setRange(0, 1);
        setSingleStep(0); // arrows multiply instead, see stepBy
    }
    QString textFromValue(double v) const override { return QString::number(v, 'g', 6); }
    double valueFromText(const QString& text) const override { return text.toDouble(); }
    QValidator::State validate(QString& text, int&) const override {
        bool ok = false;
        const double v = text.toDouble(&ok);
        if (ok && v >= minimum() && v <= maximum())
            return QValidator::Acceptable;
        return QValidator::Intermediate;
    }
    void stepBy(int steps) override { // a decade a step
        const double v = value() > 0 ? value() : 1e-6;
        setValue(std::clamp(v * std::pow(10.0, steps), 1e-15, maximum()));
    }

protected:
    StepEnabled stepEnabled() const override { return StepUpEnabled | StepDownEnabled; }
};

} // namespace

OptimizerPanel::OptimizerPanel(QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    // A row too wide for the panel (a lecture's font scale in its 30 % of the window) puts its
    // field under its label rather than scrolling sideways.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    layout->addLayout(form);

    m_method = new QComboBox;
    m_method->setObjectName(QStringLiteral("optimizerMethod"));
    for (Method m : kMethods)
        m_method->addItem(QString::fromUtf8(displayName(m).data()), static_cast<int>(m));
    m_method->setToolTip(tr("The update rule of the next run"));
    // Its longest name would widen the panel past its dock at 1280x720 (issue #9): the box
    // elides, its list shows every name whole. Ten characters at least: at font scale 1.5,
    // fourteen made the panel wider than its share of the window.
    m_method->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_method->setMinimumContentsLength(10);
    form->addRow(tr("Method"), m_method);

    // Every box as wide as its text needs (FittedSpinBox), and the rows wrap when the panel is
    // narrow (a lecture's font scale in its 30 % of a 1280-pixel window): a row's cells go
    // under each other (FieldGridLayout), a row whose label and field do not fit side by side
    // puts its field under its label (the form's WrapLongRows). Nothing overlaps, nothing is
    // cut (issue #9: QHAdam's labels were drawn over their boxes, the start was cut).
    m_lrSlider = new QSlider(Qt::Horizontal);
    lrScale().apply(m_lrSlider);
    m_lr = new FittedSpinBox;
    m_lr->setDecimals(5);
    applyOption(m_lr, options::learningRate);
    m_lr->setSingleStep(0.01);
    fitToRange(m_lr);
    form->addRow(tr("Learning rate η"), fieldGrid({m_lrSlider, m_lr}));
    connect(m_lrSlider, &QSlider::valueChanged, this, [this](int tick) {
        const QSignalBlocker block(m_lr);
        m_lr->setValue(lrScale().toValue(tick));
    });
    connect(m_lr, &QDoubleSpinBox::valueChanged, this, [this](double lr) {
        const QSignalBlocker block(m_lrSlider);
        m_lrSlider->setValue(lrScale().toTick(lr));
    });
    setLearningRate(0.1);

    m_steps = new QSpinBox;
    applyOption(m_steps, options::steps);
    m_steps->setValue(int(options::steps.defaultValue));
    m_tolerance = new ScientificSpinBox;
    applyOption(m_tolerance, options::tolerance);
    m_tolerance->setValue(options::tolerance.defaultValue);
    form->addRow(tr("Steps at most"),
                 fieldGrid({m_steps, labelledField(tr("|∇f| ≤"), m_tolerance)}));

    // The method's own parameters, one row whose content follows the method: the rows
    // below never move when the method changes (the stack is as tall as its tallest page).
    // The row spans the form's two columns: its cells carry their own labels.
    auto withRange = [](QDoubleSpinBox* box, const OptionSpec& spec) {
        applyOption(box, spec);
        fitToRange(box);
        return box;
    };
    m_momentum = withRange(coefficientBox(options::momentum.defaultValue, 1, 3), options::momentum);
    m_momentumRow = fieldGrid({labelledField(tr("momentum β"), m_momentum)});
    m_beta1 = withRange(coefficientBox(options::beta1.defaultValue, 1, 6), options::beta1);
    m_beta2 = withRange(coefficientBox(options::beta2.defaultValue, 1, 6), options::beta2);
    m_adamRow = fieldGrid({labelledField(tr("β₁"), m_beta1), labelledField(tr("β₂"), m_beta2)});
    m_damping = withRange(coefficientBox(options::damping.defaultValue, 1, 3), options::damping);
    m_dampingRow = fieldGrid({labelledField(tr("damping: step ×"), m_damping)});
    auto* none = new QLabel(tr("Parameters: none beyond η"));
    none->setWordWrap(true);
    none->setToolTip(tr("No parameter beyond η (gradient descent + line search: η is the first "
                        "trial step; AdaGrad: G ← G + g², x ← x − η g/(√G + ε))"));
    // A row of labelled boxes for the newer methods.
    auto pairs = [](std::initializer_list<std::pair<QString, QDoubleSpinBox*>> items) {
        auto* w = new QWidget;
        auto* grid = new FieldGridLayout(w);
        for (const auto& [label, box] : items) {
            fitToRange(box);
            grid->addWidget(labelledField(label, box));
        }
        QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        policy.setHeightForWidth(true);
        w->setSizePolicy(policy);
        return w;
    };
    m_rho = coefficientBox(options::rho.defaultValue, 0.999999, 6);
    m_rho->setToolTip(tr("RMSProp ρ: E ← ρE + (1−ρ)g², x ← x − η g/(√E + ε)"));
    m_qhmMomentum = coefficientBox(options::momentum.defaultValue, 1, 3);
    m_qhmMomentum->setToolTip(tr("QHM β: b ← βb + (1−β)g"));
    m_nu = coefficientBox(options::nu.defaultValue, 1, 3);
    m_nu->setToolTip(tr("QHM ν: x ← x − η((1−ν)g + νb)"));
    m_qhBeta1 = coefficientBox(options::beta1.defaultValue, 0.999999, 6);
    m_qhBeta2 = coefficientBox(options::beta2.defaultValue, 0.999999, 6);
    m_nu1 = coefficientBox(options::nu1.defaultValue, 1, 3);
    m_nu2 = coefficientBox(options::nu2.defaultValue, 1, 3);
    m_qhBeta1->setToolTip(tr("QHAdam β₁: decay of the first moment m"));
    m_qhBeta2->setToolTip(tr("QHAdam β₂: decay of the second moment v"));
    m_nu1->setToolTip(tr("QHAdam ν₁: x ← x − η((1−ν₁)g + ν₁m̂)/(√((1−ν₂)g² + ν₂v̂) + ε)"));
    m_nu2->setToolTip(tr("QHAdam ν₂: the weight of v̂ in the denominator (1: Adam's)"));
    QWidget* rmspropRow = pairs({{tr("ρ"), m_rho}});
    QWidget* qhmRow = pairs({{tr("β"), m_qhmMomentum}, {tr("ν"), m_nu}});
    QWidget* qhadamRow =
        pairs({{tr("β₁"), m_qhBeta1}, {tr("β₂"), m_qhBeta2}, {tr("ν₁"), m_nu1}, {tr("ν₂"), m_nu2}});
    // A stack: as tall as its tallest page (QHAdam's) whatever the method, so that "Add run"
    // below stays where it is when the method changes (issue #9 item 8; tester s11 missed it
    // when pages took their own heights).
    m_parameters = new QStackedWidget;
    m_parameters->setObjectName(QStringLiteral("methodParameters"));
    for (QWidget* w : {static_cast<QWidget*>(none), m_momentumRow, m_adamRow, m_dampingRow,
                       rmspropRow, qhmRow, qhadamRow})
        m_parameters->addWidget(w);
    form->addRow(m_parameters);
    connect(m_method, &QComboBox::currentIndexChanged, this,
            &OptimizerPanel::updateVisibleParameters);
    updateVisibleParameters();

    m_atPoint = new QCheckBox(tr("Start at x₀"));
    m_atPoint->setChecked(true);
    m_atPoint->setToolTip(tr("Start the run at the expansion point, or at the typed start"));
    // The start's boxes as wide as a point of a plausible domain ("-100.0000"); a value
    // typed wider widens them.
    m_startX = coefficientBox(0, options::domainBound.max, 4);
    m_startY = coefficientBox(0, options::domainBound.max, 4);
    for (QDoubleSpinBox* box : {m_startX, m_startY})
        static_cast<FittedSpinBox*>(box)->setWidestText(box->textFromValue(-100));
    m_startX->setToolTip(tr("Start of the run: first input"));
    m_startY->setToolTip(tr("Start of the run: second input"));
    form->addRow(fieldGrid({m_atPoint, m_startX, m_startY}));
    auto enableStart = [this](bool atPoint) {
        m_startX->setEnabled(!atPoint);
        m_startY->setEnabled(!atPoint);
    };
    connect(m_atPoint, &QCheckBox::toggled, this, enableStart);
    enableStart(true);

    m_add = new QPushButton(tr("Add run"));
    m_add->setObjectName(QStringLiteral("addRun"));
    m_add->setToolTip(tr("Shift+click on the surface (or the curve) adds a run starting there"));
    connect(m_add, &QPushButton::clicked, this, &OptimizerPanel::addRequested);
    // Remove and Clear beside it, in view with it (under the run list they needed a scroll at
    // 1280x720, tester s19); enabled with the first run.
    m_remove = new QPushButton(tr("Remove"));
    m_remove->setToolTip(tr("Remove the selected run"));
    m_clear = new QPushButton(tr("Clear"));
    m_clear->setToolTip(tr("Remove every run"));
    m_remove->setEnabled(false);
    m_clear->setEnabled(false);
    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_add, 1);
    addRow->addWidget(m_remove);
    addRow->addWidget(m_clear);
    layout->addLayout(addRow);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (m_runs->currentRow() >= 0)
            emit removeRequested(m_runs->currentRow());
    });
    connect(m_clear, &QPushButton::clicked, this, &OptimizerPanel::clearRequested);

    m_noRuns = new QLabel(tr("No runs yet: “Add run”, or Shift+click on the surface or curve."));
    m_noRuns->setWordWrap(true);
    layout->addWidget(m_noRuns);

    m_runsSection = new QWidget;
    auto* runsLayout = new QVBoxLayout(m_runsSection);
    runsLayout->setContentsMargins(0, 0, 0, 0);
    m_runs = new QListWidget;
    m_runs->setObjectName(QStringLiteral("runList"));
    // Rows of kRunLines lines each, the text wrapped and its last line elided ("…", the whole
    // description in the row's tooltip); the list kRunRows rows tall and scrolled a row at a
    // time, so no row is ever cut (at font scale 1.5 the third was cut mid-line).
    m_runs->setWordWrap(true);
    m_runs->setTextElideMode(Qt::ElideRight);
    m_runs->setUniformItemSizes(true);
    m_runs->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_runs->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_runs->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn); // the text's width stays put
    m_runs->setToolTip(tr("The runs: colour, method, and why each stopped"));
    runsLayout->addWidget(m_runs);

    // Playing the runs: a bar the window puts beside the view tabs, over the plot they move
    // on. Here below the run list it sat below the fold at 1280x720 (tester s19). Always
    // there (disabled without runs), its parts of fixed widths: nothing moves under the
    // pointer as runs come and go or the step count grows.
    m_playback = new QWidget;
    m_playback->setObjectName(QStringLiteral("playback"));
    auto* bar = new QHBoxLayout(m_playback);
    bar->setContentsMargins(0, 0, 4, 0);
    bar->setSpacing(2);
    auto mediaButton = [](const QString& text, const QString& tip) {
        auto* b = new QToolButton;
        b->setText(text);
        b->setToolTip(tip);
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setAutoRaise(true);
        return b;
    };
    m_reset = mediaButton(tr("Reset"), tr("Back to the start of every run"));
    m_play = mediaButton(tr("Pause"), tr("Play the runs step by step (Pause stops)"));
    m_play->setMinimumWidth(m_play->sizeHint().width()); // Play and Pause take one room
    m_play->setText(tr("Play"));
    m_step = mediaButton(tr("Step"), tr("Show one more step"));
    setMediaIcons();
    m_speed = new QSlider(Qt::Horizontal);
    m_speed->setRange(1, 60);
    m_speed->setValue(8);
    m_speed->setToolTip(tr("Speed: steps shown per second while playing (1 to 60)"));
    m_speed->setFixedWidth(m_speed->fontMetrics().horizontalAdvance(QStringLiteral("0")) * 10);
    m_frameLabel = new QLabel;
    m_frameLabel->setToolTip(tr("The step on screen"));
    m_frameLabel->setFixedWidth(
        m_frameLabel->fontMetrics().horizontalAdvance(tr("step %1 of %2").arg(100000).arg(100000)));
    bar->addWidget(m_reset);
    bar->addWidget(m_play);
    bar->addWidget(m_step);
    bar->addWidget(m_speed);
    bar->addWidget(m_frameLabel);
    m_playback->setEnabled(false);
    layout->addWidget(m_runsSection);
    layout->addStretch(); // takes the room while the runs section is hidden
    m_runsSection->hide();
    connect(m_play, &QPushButton::clicked, this, &OptimizerPanel::playToggled);
    connect(m_step, &QPushButton::clicked, this, &OptimizerPanel::stepRequested);
    connect(m_reset, &QPushButton::clicked, this, &OptimizerPanel::resetRequested);
    connect(m_speed, &QSlider::valueChanged, this, [this](int v) { emit speedChanged(v); });

    // The chart's options: the window shows them above the chart (with the runs).
    m_chartOptions = new QWidget;
    auto* chartRows = new QVBoxLayout(m_chartOptions);
    chartRows->setContentsMargins(0, 0, 0, 0);
    chartRows->setSpacing(2);
    auto* chart = new QHBoxLayout;
    chart->setContentsMargins(0, 0, 0, 0);
    chartRows->addLayout(chart);
    m_chartNote = new QLabel;
    m_chartNote->setObjectName(QStringLiteral("chartNote"));
    m_chartNote->setWordWrap(true);
    m_chartNote->hide();
    chartRows->addWidget(m_chartNote);
    m_chartQuantity = new QComboBox;
    m_chartQuantity->setObjectName(QStringLiteral("chartQuantity"));
    m_chartQuantity->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_chartQuantity->setMinimumContentsLength(8);
    setChartQuantities(stateColumns({QStringLiteral("x"), QStringLiteral("y")}));
    m_chartQuantity->setToolTip(tr("What the chart plots per iteration for each run: any column "
                                   "of the Step by Step dock's state table (a run whose method "
                                   "has no such quantity draws no line)"));
    m_log = new QCheckBox(tr("log scale"));
    m_log->setToolTip(tr("A logarithmic value axis (needs positive values)"));
    chart->addWidget(m_chartQuantity, 1);
    chart->addWidget(m_log);
    connect(m_chartQuantity, &QComboBox::currentIndexChanged, this,
            &OptimizerPanel::chartOptionsChanged);
    connect(m_log, &QCheckBox::toggled, this, &OptimizerPanel::chartOptionsChanged);
}

void OptimizerPanel::updateVisibleParameters() {
    const auto m = static_cast<Method>(m_method->currentData().toInt());
    const bool newton = m == Method::Newton || m == Method::NewtonLineSearch;
    m_parameters->setCurrentIndex(m == Method::Momentum || m == Method::Nesterov ? 1
                                  : m == Method::Adam                            ? 2
                                  : newton                                       ? 3
                                  : m == Method::RMSProp                         ? 4
                                  : m == Method::QHM                             ? 5
                                  : m == Method::QHAdam                          ? 6
                                                                                 : 0);
}

double OptimizerPanel::learningRate() const {
    return m_lr->value();
}

void OptimizerPanel::setLearningRate(double lr) {
    m_lr->setValue(lr);
}

void OptimizerPanel::setRun(const RunSettings& run, const std::vector<double>& point) {
    const OptimizerOptions& o = run.options;
    m_method->setCurrentIndex(std::max(0, m_method->findData(static_cast<int>(o.method))));
    setLearningRate(o.learningRate);
    m_steps->setValue(o.maxSteps);
    m_tolerance->setValue(o.tolerance);
    m_momentum->setValue(o.momentum);
    m_beta1->setValue(o.beta1);
    m_beta2->setValue(o.beta2);
    m_damping->setValue(o.damping);
    m_rho->setValue(o.rho);
    m_qhmMomentum->setValue(o.momentum);
    m_nu->setValue(o.nu);
    m_qhBeta1->setValue(o.beta1);
    m_qhBeta2->setValue(o.beta2);
    m_nu1->setValue(o.nu1);
    m_nu2->setValue(o.nu2);
    const bool atPoint = run.start == point;
    m_atPoint->setChecked(atPoint);
    if (atPoint) {
        // The greyed fields show x0, not an earlier typed start (tester s14: an example
        // opened after a custom run kept showing that run's start).
        setExpansionPoint(std::vector<double>(m_plotted));
    } else if (run.start.size() >= 2) {
        m_startX->setValue(run.start[0]);
        m_startY->setValue(run.start[1]);
    }
}

RunSettings OptimizerPanel::runAt(const std::vector<double>& start) const {
    RunSettings r;
    r.options.method = static_cast<Method>(m_method->currentData().toInt());
    r.options.learningRate = m_lr->value();
    r.options.maxSteps = m_steps->value();
    r.options.tolerance = m_tolerance->value();
    r.options.momentum = m_momentum->value();
    r.options.beta1 = m_beta1->value();
    r.options.beta2 = m_beta2->value();
    r.options.damping = m_damping->value();
    r.options.rho = m_rho->value();
    r.options.nu = m_nu->value();
    r.options.nu1 = m_nu1->value();
    r.options.nu2 = m_nu2->value();
    if (r.options.method == Method::QHM)
        r.options.momentum = m_qhmMomentum->value();
    if (r.options.method == Method::QHAdam) {
        r.options.beta1 = m_qhBeta1->value();
        r.options.beta2 = m_qhBeta2->value();
    }
    r.start = start;
    return r;
}

void OptimizerPanel::setExpansionPoint(const std::vector<double>& plotted) {
    m_plotted = plotted;
    m_startY->setVisible(plotted.size() > 1);
    if (!m_atPoint->isChecked() || plotted.empty())
        return;
    const QSignalBlocker bx(m_startX), by(m_startY);
    m_startX->setValue(plotted[0]);
    if (plotted.size() > 1)
        m_startY->setValue(plotted[1]);
}

bool OptimizerPanel::startAtExpansionPoint() const {
    return m_atPoint->isChecked();
}

void OptimizerPanel::setStartAtExpansionPoint(bool on) {
    m_atPoint->setChecked(on);
    setExpansionPoint(std::vector<double>(m_plotted)); // ticked: the fields show the point
}

std::vector<double> OptimizerPanel::typedStart() const {
    return {m_startX->value(), m_startY->value()};
}

void OptimizerPanel::showRuns(const Document& doc) {
    const int current = m_runs->currentRow();
    m_runs->clear();
    for (int i = 0; i < int(doc.trajectories().size()); ++i) {
        QPixmap swatch(12, 12);
        const auto c = runColour(doc, i);
        swatch.fill(QColor::fromRgbF(float(c[0]), float(c[1]), float(c[2])));
        const QString description = runDescription(doc, i);
        auto* item = new QListWidgetItem(QIcon(swatch), description);
        item->setToolTip(description);
        // A diverged run in the theme's error colour (#b00020 had 1.9:1 on the dark list),
        // re-coloured when the theme changes (changeEvent: the panel's palette, the list's
        // own follows it after).
        if (doc.trajectories()[std::size_t(i)].reason == StopReason::Diverged) {
            item->setData(kDivergedRole, true);
            item->setForeground(errorColour(palette()));
        }
        m_runs->addItem(item);
    }
    m_runs->setCurrentRow(std::min(current, m_runs->count() - 1));
    fitRunRows();
    // Collapsed while unused: the list, its buttons and the animation come with the first run.
    m_runsSection->setVisible(m_runs->count() > 0);
    m_noRuns->setVisible(m_runs->count() == 0);
    m_playback->setEnabled(m_runs->count() > 0);
    m_remove->setEnabled(m_runs->count() > 0);
    m_clear->setEnabled(m_runs->count() > 0);
}

void OptimizerPanel::fitRunRows() {
    const int row = runRowHeight();
    for (int i = 0; i < m_runs->count(); ++i)
        m_runs->item(i)->setSizeHint(QSize(0, row));
    m_runs->setFixedHeight(kRunRows * row + 2 * m_runs->frameWidth());
}

void OptimizerPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        fitRunRows();
    if (event->type() == QEvent::PaletteChange)
        setMediaIcons(); // in the theme's text colour
    if (event->type() == QEvent::PaletteChange)
        for (int i = 0; i < m_runs->count(); ++i)
            if (m_runs->item(i)->data(kDivergedRole).toBool())
                m_runs->item(i)->setForeground(errorColour(palette()));
}

int OptimizerPanel::runRowHeight() const {
    // kRunLines lines of the list's font and the item's margins (the style's focus frame).
    const int margin = m_runs->style()->pixelMetric(QStyle::PM_FocusFrameVMargin, nullptr, m_runs);
    // The panel's font: the list's own follows it, maybe after this panel hears of a change.
    return kRunLines * fontMetrics().lineSpacing() + 2 * margin + 2;
}

void OptimizerPanel::setPlaying(bool playing) {
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    setMediaIcons();
}

void OptimizerPanel::setMediaIcons() {
    const QPalette& p = m_play->palette();
    m_reset->setIcon(mediaIcon(MediaIcon::Restart, p));
    m_play->setIcon(
        mediaIcon(m_play->text() == tr("Pause") ? MediaIcon::Pause : MediaIcon::Play, p));
    m_step->setIcon(mediaIcon(MediaIcon::StepForward, p));
}

void OptimizerPanel::setFrame(int frame, int length) {
    m_frameLabel->setText(length > 0 ? tr("step %1 of %2").arg(frame).arg(length) : QString());
}

void OptimizerPanel::setChartQuantities(const std::vector<StateColumn>& columns) {
    // f, |grad f| and the step length first: the ones that every method has.
    std::vector<StateColumn> ordered;
    for (StateColumn::Kind k :
         {StateColumn::Kind::Value, StateColumn::Kind::GradientNorm, StateColumn::Kind::UpdateNorm})
        for (const StateColumn& c : columns)
            if (c.kind == k)
                ordered.push_back(c);
    for (const StateColumn& c : columns)
        if (c.kind != StateColumn::Kind::Value && c.kind != StateColumn::Kind::GradientNorm &&
            c.kind != StateColumn::Kind::UpdateNorm)
            ordered.push_back(c);
    bool same = ordered.size() == m_chartColumns.size();
    for (std::size_t i = 0; same && i < ordered.size(); ++i)
        same = ordered[i].name == m_chartColumns[i].name;
    if (same)
        return;
    const QString current = m_chartQuantity->currentData().toString();
    const QSignalBlocker block(m_chartQuantity);
    m_chartQuantity->clear();
    m_chartColumns = ordered;
    for (const StateColumn& c : m_chartColumns)
        m_chartQuantity->addItem(c.description, c.name);
    // The same column when the inputs keep their names; else f.
    m_chartQuantity->setCurrentIndex(std::max(0, m_chartQuantity->findData(current)));
}

StateColumn OptimizerPanel::chartQuantity() const {
    const int i = m_chartQuantity->currentIndex();
    return i >= 0 && std::size_t(i) < m_chartColumns.size() ? m_chartColumns[std::size_t(i)]
                                                            : stateColumns({}).front(); // f
}

bool OptimizerPanel::setChartQuantity(const QString& name) {
    const int i = m_chartQuantity->findData(name);
    if (i >= 0)
        m_chartQuantity->setCurrentIndex(i);
    return i >= 0;
}

void OptimizerPanel::setChartLogScale(bool on) {
    const QSignalBlocker block(m_log);
    m_log->setChecked(on);
}

void OptimizerPanel::setChartNote(const QString& note) {
    m_chartNote->setText(note);
    m_chartNote->setVisible(!note.isEmpty());
}

QString OptimizerPanel::chartNote() const {
    return m_chartNote->text();
}

bool OptimizerPanel::chartLogScale() const {
    return m_log->isChecked();
}

} // namespace gs
