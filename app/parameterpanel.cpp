#include "parameterpanel.h"

#include "document.h"
#include "optionwidgets.h"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <utility>

namespace gs {

namespace {

/// Slider positions are bounded: a range of 1e6 steps would make a slider nobody can use.
constexpr int kMaxPositions = 100000;
/// The bound of the range boxes.
constexpr double kRangeBound = 1e9;

/// Digits enough to show a multiple of `step` (0.1 -> 2, 0.01 -> 3), at least 2, at most 8.
int decimalsFor(double step) {
    return std::clamp(int(std::ceil(-std::log10(step) - 1e-9)) + 1, 2, 8);
}

QDoubleSpinBox* box(const QString& tip, const QString& name) {
    auto* b = new NumberSpinBox;
    b->setToolTip(tip);
    b->setObjectName(name);
    b->setKeyboardTracking(false);
    b->setAccelerated(true);
    // The boxes share the row's width: their text never widens the panel.
    b->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    b->setMinimumWidth(52);
    return b;
}

/// The width a spin box needs to show the widest of `values` whole, from its font's metrics
/// (as QAbstractSpinBox::minimumSizeHint measures its range: text, a space, the cursor, and
/// the style's frame and arrows around it).
int widthFor(const QDoubleSpinBox* b, std::initializer_list<double> values) {
    const QFontMetrics fm(b->font());
    int text = 0;
    for (double v : values)
        text = std::max(text, fm.horizontalAdvance(b->textFromValue(v) + QLatin1Char(' ')));
    QStyleOptionSpinBox option;
    option.initFrom(b);
    option.buttonSymbols = b->buttonSymbols();
    option.frame = b->hasFrame();
    option.subControls = QStyle::SC_SpinBoxFrame | QStyle::SC_SpinBoxEditField |
                         QStyle::SC_SpinBoxUp | QStyle::SC_SpinBoxDown;
    const QSize content(text + 2, fm.height());
    return b->style()->sizeFromContents(QStyle::CT_SpinBox, &option, content, b).width();
}

} // namespace

ParameterPanel::ParameterPanel(Document* doc, QWidget* parent)
    : QWidget(parent)
    , m_doc(doc)
    , m_layout(new QVBoxLayout(this))
    , m_applyTimer(new QTimer(this)) {
    m_applyTimer->setSingleShot(true);
    m_applyTimer->setInterval(0);
    connect(m_applyTimer, &QTimer::timeout, this, &ParameterPanel::applyPending);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(6);
    sync();
}

int ParameterPanel::sliderPositions(const Parameter& p) {
    // ceil((max - min) / step), less a rounding error's worth so 10 / 0.1 is 100, not 101.
    const double n = std::ceil((p.max - p.min) / p.step - 1e-9);
    return int(std::clamp(n, 1.0, double(kMaxPositions)));
}

int ParameterPanel::sliderPosition(const Parameter& p, double value) {
    const int n = sliderPositions(p);
    const double width = std::max(p.step, (p.max - p.min) / n);
    return std::clamp(int(std::lround((value - p.min) / width)), 0, n);
}

double ParameterPanel::sliderValue(const Parameter& p, int position) {
    const int n = sliderPositions(p);
    if (position >= n)
        return p.max;
    const double width = std::max(p.step, (p.max - p.min) / n);
    // min + k * step carries the rounding of k * step (-5 + 60 * 0.1 = 1.0000000000000009):
    // kept to three digits beyond the step's own, the value is the decimal a person expects.
    const double scale = std::pow(10.0, decimalsFor(p.step) + 3);
    const double v = std::round((p.min + position * width) * scale) / scale;
    return std::clamp(v, p.min, p.max);
}

void ParameterPanel::sync() {
    const auto& params = m_doc->settings().parameters;
    QStringList names;
    for (const Parameter& p : params)
        names << p.name;
    if (names != m_names || m_rows.size() != params.size())
        rebuild();
    // A slider f does not use moves nothing: its name greyed and saying so (tester s17: an
    // example's a, b, c stayed under a new f that used none of them).
    const std::vector<std::string> unused = unusedNames(m_doc->expression()).parameters;
    for (std::size_t i = 0; i < params.size(); ++i) {
        const Parameter& p = params[i];
        Row& r = m_rows[i];
        const bool isUnused =
            std::find(unused.begin(), unused.end(), p.name.toStdString()) != unused.end();
        // The row's controls too (× stays: it removes the parameter).
        // Its range boxes too: active-looking, they read as still in use (tester s28).
        for (QWidget* w :
             std::initializer_list<QWidget*>{r.name, r.slider, r.value, r.min, r.max, r.step})
            w->setEnabled(!isUnused);
        const QString unusedTip =
            tr("f does not use %1: its slider moves nothing (× removes it)").arg(p.name);
        r.name->setToolTip(
            isUnused
                ? unusedTip
                : tr("The parameter %1: a constant of f (zero derivatives), set here").arg(p.name));
        r.slider->setToolTip(
            isUnused ? unusedTip
                     : tr("Drag to change %1: the surface follows; one drag is one undo step")
                           .arg(p.name));
        const QSignalBlocker blockers[] = {QSignalBlocker(r.slider), QSignalBlocker(r.value),
                                           QSignalBlocker(r.min), QSignalBlocker(r.max),
                                           QSignalBlocker(r.step)};
        const int decimals = decimalsFor(p.step);
        r.slider->setRange(0, sliderPositions(p));
        r.slider->setPageStep(std::max(1, sliderPositions(p) / 10));
        if (!r.slider->isSliderDown())
            r.slider->setValue(sliderPosition(p, p.value));
        r.value->setDecimals(std::max(decimals, 2));
        r.value->setRange(p.min, p.max);
        r.value->setSingleStep(p.step);
        r.value->setValue(p.value);
        for (QDoubleSpinBox* b : {r.min, r.max, r.step})
            b->setDecimals(std::max(decimals, 2));
        r.min->setValue(p.min);
        r.max->setValue(p.max);
        r.step->setValue(p.step);
        // Every digit visible: the value box as wide as its widest value (the range's ends),
        // the range boxes as wide as the widest of their numbers, in the current font.
        r.value->setMinimumWidth(widthFor(r.value, {p.min, p.max, p.value}));
        const int rangeWidth = widthFor(r.min, {p.min, p.max});
        for (QDoubleSpinBox* b : {r.min, r.max})
            b->setMinimumWidth(rangeWidth);
        r.step->setMinimumWidth(widthFor(r.step, {p.step}));
    }
}

void ParameterPanel::applyPending() {
    m_applyTimer->stop();
    const int row = std::exchange(m_pendingRow, -1);
    const auto& ps = m_doc->settings().parameters;
    if (row < 0 || std::size_t(row) >= ps.size())
        return;
    const QString e = m_doc->setParameterValue(
        row, sliderValue(ps[std::size_t(row)], m_pendingPosition), m_currentDrag);
    if (!e.isEmpty())
        emit error(e);
}

void ParameterPanel::rebuild() {
    m_pendingRow = -1; // the rows it was for are gone
    m_applyTimer->stop();
    for (Row& r : m_rows)
        delete r.widget;
    m_rows.clear();
    m_names.clear();
    const auto& params = m_doc->settings().parameters;
    for (std::size_t i = 0; i < params.size(); ++i) {
        const int index = int(i);
        const QString name = params[i].name;
        m_names << name;
        Row r;
        r.widget = new QWidget;
        auto* grid = new QGridLayout(r.widget);
        grid->setContentsMargins(0, 0, 0, 0);
        grid->setHorizontalSpacing(4);
        grid->setVerticalSpacing(2);
        r.name = new QLabel(name);
        QFont bold = r.name->font();
        bold.setBold(true);
        r.name->setFont(bold);
        r.slider = new QSlider(Qt::Horizontal);
        r.slider->setObjectName(QStringLiteral("parameterSlider_") + name);
        // Its tool tip in sync (it says when f does not use the parameter).
        r.slider->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        r.slider->setMinimumWidth(60);
        r.value = box(tr("The value of %1").arg(name), QStringLiteral("parameterValue_") + name);
        r.min = box(tr("The lower end of %1's slider").arg(name),
                    QStringLiteral("parameterMin_") + name);
        r.max = box(tr("The upper end of %1's slider").arg(name),
                    QStringLiteral("parameterMax_") + name);
        r.step =
            box(tr("The step of %1's slider").arg(name), QStringLiteral("parameterStep_") + name);
        r.min->setRange(-kRangeBound, kRangeBound);
        r.max->setRange(-kRangeBound, kRangeBound);
        r.step->setRange(1e-8, kRangeBound);
        // The range row fits a narrow dock (issue #9: nothing scrolls sideways): its boxes
        // have no arrows (typed, or stepped by the wheel and the up/down keys), so three of
        // them, their labels and every digit fit beside the name at 1280x720.
        for (QDoubleSpinBox* b : {r.min, r.max, r.step})
            b->setButtonSymbols(QAbstractSpinBox::NoButtons);
        r.remove = new QToolButton;
        r.remove->setText(QStringLiteral("×"));
        r.remove->setAutoRaise(true);
        r.remove->setObjectName(QStringLiteral("parameterRemove_") + name);
        r.remove->setToolTip(tr("Remove the parameter %1 (with no variables declared, it "
                                "becomes an input again)")
                                 .arg(name));
        auto* range = new QLabel(tr("range"));
        auto* to = new QLabel(QStringLiteral("–"));
        auto* step = new QLabel(tr("step"));
        for (QLabel* l : {range, to, step})
            l->setEnabled(false); // quieter than the values
        // name  [slider.............]  [value]  ×
        //       range [min] – [max] step [step]
        grid->addWidget(r.name, 0, 0);
        grid->addWidget(r.slider, 0, 1, 1, 4);
        grid->addWidget(r.value, 0, 5);
        grid->addWidget(r.remove, 0, 6);
        auto* second = new QHBoxLayout;
        second->setSpacing(4);
        second->addWidget(range);
        second->addWidget(r.min, 1);
        second->addWidget(to);
        second->addWidget(r.max, 1);
        second->addWidget(step);
        second->addWidget(r.step, 1);
        grid->addLayout(second, 1, 1, 1, 6);
        grid->setColumnStretch(1, 1);
        m_layout->addWidget(r.widget);

        connect(r.slider, &QSlider::sliderPressed, this, [this] {
            applyPending();
            m_currentDrag = ++m_dragId;
        });
        connect(r.slider, &QSlider::sliderReleased, this, [this] {
            applyPending(); // the drag's last position, in the drag's undo step
            m_currentDrag = -1;
        });
        connect(r.slider, &QSlider::valueChanged, this, [this, index](int position) {
            const auto& ps = m_doc->settings().parameters;
            if (std::size_t(index) >= ps.size())
                return;
            // The moves of one drag are one step, coalesced (m_applyTimer); a key or a click
            // on the groove is its own step, applied at once.
            if (m_rows[std::size_t(index)].slider->isSliderDown()) {
                if (m_pendingRow >= 0 && m_pendingRow != index)
                    applyPending();
                m_pendingRow = index;
                m_pendingPosition = position;
                m_applyTimer->start();
                return;
            }
            const QString e =
                m_doc->setParameterValue(index, sliderValue(ps[std::size_t(index)], position));
            if (!e.isEmpty())
                emit error(e);
        });
        connect(r.value, &QDoubleSpinBox::valueChanged, this, [this, index](double v) {
            if (const QString e = m_doc->setParameterValue(index, v); !e.isEmpty())
                emit error(e);
        });
        for (QDoubleSpinBox* b : {r.min, r.max, r.step})
            connect(b, &QDoubleSpinBox::valueChanged, this, [this, index] { editRange(index); });
        connect(r.remove, &QToolButton::clicked, this, [this, index] {
            if (const QString e = m_doc->removeParameter(index); !e.isEmpty())
                emit error(e);
        });
        m_rows.push_back(r);
    }
}

void ParameterPanel::editRange(int row) {
    const auto& ps = m_doc->settings().parameters;
    if (std::size_t(row) >= ps.size())
        return;
    const Row& r = m_rows[std::size_t(row)];
    Parameter p = ps[std::size_t(row)];
    p.min = r.min->value();
    p.max = r.max->value();
    p.step = r.step->value();
    p.value = std::clamp(p.value, std::min(p.min, p.max), std::max(p.min, p.max));
    if (const QString e = m_doc->setParameter(row, p); !e.isEmpty()) {
        emit error(e);
        sync(); // the boxes show the document's range again
    }
}

} // namespace gs
