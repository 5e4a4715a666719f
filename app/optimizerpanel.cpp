#include "optimizerpanel.h"

#include "scenebinding.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

namespace gs {

namespace {

// The learning-rate slider spans 1e-4 .. 10 in equal ratios: 20 ticks per decade.
constexpr double kLrMinExponent = -4, kLrMaxExponent = 1;
constexpr int kLrTicksPerDecade = 20;

int lrToSlider(double lr) {
    return static_cast<int>(std::lround((std::log10(lr) - kLrMinExponent) * kLrTicksPerDecade));
}
double sliderToLr(int tick) {
    return std::pow(10.0, kLrMinExponent + double(tick) / kLrTicksPerDecade);
}

QDoubleSpinBox* coefficientBox(double value, double hi, int decimals) {
    auto* box = new QDoubleSpinBox;
    box->setRange(0, hi);
    box->setDecimals(decimals);
    box->setSingleStep(0.01);
    box->setValue(value);
    return box;
}

QWidget* row(const QString& label, QWidget* field) {
    auto* w = new QWidget;
    auto* h = new QHBoxLayout(w);
    h->setContentsMargins(0, 0, 0, 0);
    h->addWidget(new QLabel(label));
    h->addWidget(field, 1);
    return w;
}

} // namespace

OptimizerPanel::OptimizerPanel(QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);

    m_method = new QComboBox;
    for (Method m : kMethods)
        m_method->addItem(QString::fromUtf8(displayName(m).data()), static_cast<int>(m));
    form->addRow(tr("Method"), m_method);

    m_lrSlider = new QSlider(Qt::Horizontal);
    m_lrSlider->setRange(0, int((kLrMaxExponent - kLrMinExponent) * kLrTicksPerDecade));
    m_lrSlider->setToolTip(tr("Learning rate, log scale from 1e-4 to 10"));
    m_lr = new QDoubleSpinBox;
    m_lr->setDecimals(5);
    m_lr->setRange(1e-5, 100);
    m_lr->setSingleStep(0.01);
    auto* lrRow = new QHBoxLayout;
    lrRow->addWidget(m_lrSlider, 1);
    lrRow->addWidget(m_lr);
    form->addRow(tr("Learning rate η"), lrRow);
    connect(m_lrSlider, &QSlider::valueChanged, this, [this](int tick) {
        const QSignalBlocker block(m_lr);
        m_lr->setValue(sliderToLr(tick));
    });
    connect(m_lr, &QDoubleSpinBox::valueChanged, this, [this](double lr) {
        const QSignalBlocker block(m_lrSlider);
        m_lrSlider->setValue(lrToSlider(lr));
    });
    setLearningRate(0.1);

    m_steps = new QSpinBox;
    m_steps->setRange(1, OptimizerOptions::kMaxSteps);
    m_steps->setValue(100);
    form->addRow(tr("Steps at most"), m_steps);
    m_tolerance = coefficientBox(1e-6, 1, 10);
    m_tolerance->setToolTip(tr("Converged when |∇f| is at or below this"));
    form->addRow(tr("Tolerance |∇f|"), m_tolerance);

    m_momentum = coefficientBox(0.9, 1, 3);
    m_momentumRow = row(tr("β"), m_momentum);
    form->addRow(tr("Momentum"), m_momentumRow);
    m_beta1 = coefficientBox(0.9, 0.999999, 6);
    m_beta2 = coefficientBox(0.999, 0.999999, 6);
    m_adamRow = new QWidget;
    auto* adam = new QHBoxLayout(m_adamRow);
    adam->setContentsMargins(0, 0, 0, 0);
    adam->addWidget(new QLabel(tr("β₁")));
    adam->addWidget(m_beta1);
    adam->addWidget(new QLabel(tr("β₂")));
    adam->addWidget(m_beta2);
    form->addRow(tr("Adam"), m_adamRow);
    m_damping = coefficientBox(1.0, 1, 3);
    m_damping->setMinimum(0.001);
    m_dampingRow = row(tr("step ×"), m_damping);
    form->addRow(tr("Newton damping"), m_dampingRow);
    connect(m_method, &QComboBox::currentIndexChanged, this,
            &OptimizerPanel::updateVisibleParameters);
    updateVisibleParameters();

    m_atPoint = new QCheckBox(tr("at the expansion point"));
    m_atPoint->setChecked(true);
    m_startX = coefficientBox(0, 1e6, 4);
    m_startY = coefficientBox(0, 1e6, 4);
    m_startX->setMinimum(-1e6);
    m_startY->setMinimum(-1e6);
    auto* start = new QHBoxLayout;
    start->addWidget(m_startX);
    start->addWidget(m_startY);
    form->addRow(tr("Start"), m_atPoint);
    form->addRow(QString(), start);
    auto enableStart = [this](bool atPoint) {
        m_startX->setEnabled(!atPoint);
        m_startY->setEnabled(!atPoint);
    };
    connect(m_atPoint, &QCheckBox::toggled, this, enableStart);
    enableStart(true);

    auto* add = new QPushButton(tr("Add run"));
    add->setToolTip(tr("Shift+click on the surface adds a run starting there"));
    connect(add, &QPushButton::clicked, this, &OptimizerPanel::addRequested);
    layout->addWidget(add);

    m_runs = new QListWidget;
    m_runs->setMinimumHeight(90);
    m_runs->setWordWrap(true);
    layout->addWidget(m_runs, 1);
    auto* listButtons = new QHBoxLayout;
    auto* remove = new QPushButton(tr("Remove"));
    auto* clear = new QPushButton(tr("Clear"));
    listButtons->addWidget(remove);
    listButtons->addWidget(clear);
    layout->addLayout(listButtons);
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_runs->currentRow() >= 0)
            emit removeRequested(m_runs->currentRow());
    });
    connect(clear, &QPushButton::clicked, this, &OptimizerPanel::clearRequested);

    auto* anim = new QGroupBox(tr("Animation"));
    auto* animLayout = new QVBoxLayout(anim);
    auto* buttons = new QHBoxLayout;
    m_play = new QPushButton(tr("Play"));
    m_step = new QPushButton(tr("Step"));
    m_reset = new QPushButton(tr("Reset"));
    buttons->addWidget(m_play);
    buttons->addWidget(m_step);
    buttons->addWidget(m_reset);
    animLayout->addLayout(buttons);
    m_speed = new QSlider(Qt::Horizontal);
    m_speed->setRange(1, 60);
    m_speed->setValue(8);
    animLayout->addWidget(row(tr("Steps/s"), m_speed));
    m_frameLabel = new QLabel;
    animLayout->addWidget(m_frameLabel);
    layout->addWidget(anim);
    connect(m_play, &QPushButton::clicked, this, &OptimizerPanel::playToggled);
    connect(m_step, &QPushButton::clicked, this, &OptimizerPanel::stepRequested);
    connect(m_reset, &QPushButton::clicked, this, &OptimizerPanel::resetRequested);
    connect(m_speed, &QSlider::valueChanged, this, [this](int v) { emit speedChanged(v); });

    auto* chart = new QHBoxLayout;
    m_chartQuantity = new QComboBox;
    m_chartQuantity->addItem(tr("f per iteration"));
    m_chartQuantity->addItem(tr("|∇f| per iteration"));
    m_log = new QCheckBox(tr("log scale"));
    chart->addWidget(m_chartQuantity, 1);
    chart->addWidget(m_log);
    layout->addLayout(chart);
    connect(m_chartQuantity, &QComboBox::currentIndexChanged, this,
            &OptimizerPanel::chartOptionsChanged);
    connect(m_log, &QCheckBox::toggled, this, &OptimizerPanel::chartOptionsChanged);
}

void OptimizerPanel::updateVisibleParameters() {
    const auto m = static_cast<Method>(m_method->currentData().toInt());
    m_momentumRow->setEnabled(m == Method::Momentum || m == Method::Nesterov);
    m_adamRow->setEnabled(m == Method::Adam);
    m_dampingRow->setEnabled(m == Method::Newton || m == Method::NewtonLineSearch);
}

double OptimizerPanel::learningRate() const {
    return m_lr->value();
}

void OptimizerPanel::setLearningRate(double lr) {
    m_lr->setValue(lr);
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
    r.start = start;
    return r;
}

bool OptimizerPanel::startAtExpansionPoint() const {
    return m_atPoint->isChecked();
}

std::vector<double> OptimizerPanel::typedStart() const {
    return {m_startX->value(), m_startY->value()};
}

void OptimizerPanel::showRuns(const Document& doc) {
    const int current = m_runs->currentRow();
    m_runs->clear();
    for (int i = 0; i < int(doc.trajectories().size()); ++i) {
        QPixmap swatch(12, 12);
        const auto c = runColor(i);
        swatch.fill(QColor::fromRgbF(float(c[0]), float(c[1]), float(c[2])));
        auto* item = new QListWidgetItem(QIcon(swatch), runDescription(doc, i));
        if (doc.trajectories()[std::size_t(i)].reason == StopReason::Diverged)
            item->setForeground(QColor(0xb0, 0x00, 0x20));
        m_runs->addItem(item);
    }
    m_runs->setCurrentRow(std::min(current, m_runs->count() - 1));
}

void OptimizerPanel::setPlaying(bool playing) {
    m_play->setText(playing ? tr("Pause") : tr("Play"));
}

void OptimizerPanel::setFrame(int frame, int length) {
    m_frameLabel->setText(length > 0 ? tr("step %1 of %2").arg(frame).arg(length) : QString());
}

bool OptimizerPanel::chartGradientNorm() const {
    return m_chartQuantity->currentIndex() == 1;
}

bool OptimizerPanel::chartLogScale() const {
    return m_log->isChecked();
}

} // namespace gs
