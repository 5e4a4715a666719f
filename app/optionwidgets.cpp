#include "optionwidgets.h"

#include "errorcolour.h"
#include "evaluation.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QStyleOptionSpinBox>
#include <QToolTip>
#include <QWidget>
#include <algorithm>
#include <cmath>

namespace gs {

namespace {

QString tooltipOf(const OptionSpec& spec) {
    return QStringLiteral("%1: %2 (%3)")
        .arg(QString::fromUtf8(spec.label.data(), qsizetype(spec.label.size())),
             QString::fromUtf8(spec.help.data(), qsizetype(spec.help.size())),
             QString::fromStdString(spec.requirement()));
}

} // namespace

namespace {
/// The application's event filter behind guardSpinBoxWheels.
class SpinBoxWheelGuard : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject* watched, QEvent* event) override {
        auto* box = qobject_cast<QAbstractSpinBox*>(watched);
        if (!box)
            return false;
        // Polished before it is shown, so before any wheel reaches it.
        if (event->type() == QEvent::Polish && box->focusPolicy() == Qt::WheelFocus)
            box->setFocusPolicy(Qt::StrongFocus);
        if (event->type() == QEvent::Wheel && !box->hasFocus()) {
            // Ignored and filtered: QApplication passes the wheel on to the parent (the
            // scroll area), the box's value stays.
            event->ignore();
            return true;
        }
        return false;
    }
};
} // namespace

void guardSpinBoxWheels() {
    static SpinBoxWheelGuard* guard = nullptr;
    if (guard || !qApp)
        return;
    guard = new SpinBoxWheelGuard(qApp);
    qApp->installEventFilter(guard);
}

void applyOption(QDoubleSpinBox* box, const OptionSpec& spec) {
    // An open end is approached by the smallest step the box can show (or, on a log scale,
    // by where its slider starts); the document still refuses the bound itself.
    const double quantum = std::pow(10.0, -box->decimals());
    const double lo = spec.minInclusive ? spec.min
                      : spec.logScale   ? std::max(spec.sliderMin, spec.min + quantum)
                                        : spec.min + quantum;
    const double hi = spec.maxInclusive ? spec.max : spec.max - quantum;
    box->setRange(lo, hi);
    box->setToolTip(tooltipOf(spec));
}

void applyOption(QSpinBox* box, const OptionSpec& spec) {
    box->setRange(int(spec.min), int(spec.max));
    box->setToolTip(tooltipOf(spec));
}

LogSliderScale::LogSliderScale(const OptionSpec& spec, int ticksPerDecade)
    : m_lo(std::log10(spec.min > 0 ? spec.min : spec.sliderMin))
    , m_hi(std::log10(spec.max))
    , m_ticksPerDecade(ticksPerDecade) {}

void LogSliderScale::apply(QSlider* slider) const {
    slider->setRange(0, static_cast<int>(std::lround((m_hi - m_lo) * m_ticksPerDecade)));
    slider->setToolTip(
        QObject::tr("Log scale from %1 to %2").arg(std::pow(10.0, m_lo)).arg(std::pow(10.0, m_hi)));
}

int LogSliderScale::toTick(double value) const {
    return static_cast<int>(std::lround((std::log10(value) - m_lo) * m_ticksPerDecade));
}

double LogSliderScale::toValue(int tick) const {
    return std::pow(10.0, m_lo + double(tick) / m_ticksPerDecade);
}

NumberRefusals* numberRefusals() {
    static auto* relay = new NumberRefusals; // lives as long as the application
    return relay;
}

NumberSpinBox::NumberSpinBox(QWidget* parent)
    : QDoubleSpinBox(parent) {
    // A new entry starts afresh: its refusal, if any, is said again.
    connect(lineEdit(), &QLineEdit::textEdited, this, [this] {
        m_refusal.clear();
        clearRefusedMark();
    });
    connect(this, &QDoubleSpinBox::valueChanged, this, &NumberSpinBox::clearRefusedMark);
}

void NumberSpinBox::markRefused(const QString& message) {
    // The line edit's text in the error colour: a style sheet on the spin box draws its arrows
    // plain, and the frameless line edit inside draws no border.
    setErrorMark(lineEdit(), ErrorMark::Text);
    QToolTip::showText(mapToGlobal(QPoint(0, height())), message, this);
}

void NumberSpinBox::clearRefusedMark() {
    if (!lineEdit()->styleSheet().isEmpty())
        setErrorMark(lineEdit(), ErrorMark::None);
}

QString NumberSpinBox::number(const QString& text) const {
    QString t = text;
    if (!prefix().isEmpty() && t.startsWith(prefix()))
        t.remove(0, prefix().size());
    if (!suffix().isEmpty() && t.endsWith(suffix()))
        t.chop(suffix().size());
    return t.trimmed();
}

QValidator::State NumberSpinBox::validate(QString& text, int& pos) const {
    // What Qt refuses outright ("log(", "1e-3", "5000" above the maximum) may still be, or
    // become, an entry: fixup decides when the entry ends, and says why if it cannot take it.
    const QValidator::State s = QDoubleSpinBox::validate(text, pos);
    return s == QValidator::Invalid && text.size() <= kMaxText ? QValidator::Intermediate : s;
}

void NumberSpinBox::fixup(QString& text) const {
    const QString t = number(text);
    if (t.isEmpty())
        return; // an emptied box keeps its value, as Qt's does
    const ConstantValue c = evaluateConstant(t.toStdString());
    QString why = QString::fromStdString(c.error);
    if (why.isEmpty() && (c.value < minimum() || c.value > maximum()))
        why = QStringLiteral("%1 is out of range (from %2 to %3)")
                  .arg(t, textFromValue(minimum()), textFromValue(maximum()));
    if (why.isEmpty()) {
        text = prefix() + textFromValue(c.value) + suffix();
        m_typed = std::pair{text, c.value};
        m_refusal.clear();
        const_cast<NumberSpinBox*>(this)->clearRefusedMark(); // fixup is const in Qt's API
        return;
    }
    // "column 1:" points nowhere in a box of one number ("1e999").
    if (why.startsWith(QLatin1String("column 1: ")))
        why.remove(0, 10);
    if (why == m_refusal)
        return; // the line edit and the spin box both fix up one entry: said once
    m_refusal = why;
    // Named by its tooltip's first clause ("Learning rate η: ..." -> "Learning rate η").
    QString name = toolTip().section(QLatin1Char('\n'), 0, 0).section(QLatin1Char(':'), 0, 0);
    if (name.isEmpty())
        name = QStringLiteral("A number box");
    const QString message =
        QStringLiteral("%1: %2; it keeps %3").arg(name, why, textFromValue(value()));
    const_cast<NumberSpinBox*>(this)->markRefused(message);
    emit numberRefusals()->refused(message);
}

std::optional<double> NumberSpinBox::typedValue(const QString& text) const {
    if (m_typed && m_typed->first == text)
        return m_typed->second;
    return std::nullopt;
}

double NumberSpinBox::valueFromText(const QString& text) const {
    return typedValue(text).value_or(QDoubleSpinBox::valueFromText(text));
}

PreciseSpinBox::PreciseSpinBox(QWidget* parent)
    : NumberSpinBox(parent) {
    // QDoubleSpinBox rounds every value to this many decimals: 17 keep a double's digits
    // (what the box shows is textFromValue's).
    setDecimals(17);
}

QString PreciseSpinBox::textFromValue(double value) const {
    QLocale l = locale();
    l.setNumberOptions(l.numberOptions() | QLocale::OmitGroupSeparator);
    return l.toString(value, 'g', kDigits);
}

double PreciseSpinBox::valueFromText(const QString& text) const {
    if (const std::optional<double> typed = typedValue(text))
        return *typed;
    bool ok = false;
    const double v = locale().toDouble(number(text), &ok);
    return ok && std::isfinite(v) ? v : value();
}

QValidator::State PreciseSpinBox::validate(QString& text, int&) const {
    const QString t = number(text);
    bool ok = false;
    const double v = locale().toDouble(t, &ok);
    if (ok && std::isfinite(v) && v >= minimum() && v <= maximum())
        return QValidator::Acceptable;
    // A number on its way ("", "-", "2e-"), an expression ("log(2)"), or an entry fixup will
    // refuse with a reason ("nan", "1e999", out of range).
    return t.size() <= kMaxText ? QValidator::Intermediate : QValidator::Invalid;
}

FittedSpinBox::FittedSpinBox(const QString& widest, QWidget* parent)
    : NumberSpinBox(parent)
    , m_widest(widest) {
    // A longer text (a value typed past the widest meant) widens the box, never cuts it.
    connect(this, &QDoubleSpinBox::textChanged, this, [this] { updateGeometry(); });
}

void FittedSpinBox::setWidestText(const QString& widest) {
    m_widest = widest;
    updateGeometry();
}

QSize FittedSpinBox::sizeHint() const {
    // As QAbstractSpinBox::sizeHint measures the range's ends: the text and a space, 2 pixels
    // for the cursor, the style's frame and buttons around it.
    ensurePolished();
    const QFontMetrics fm(fontMetrics());
    const QString shown = text(); // with prefix and suffix
    const QString widest = m_widest.isEmpty() ? textFromValue(maximum()) : m_widest;
    const int w = std::max(fm.horizontalAdvance(widest + prefix() + suffix() + u' '),
                           fm.horizontalAdvance(shown + u' ')) +
                  2;
    const int h = lineEdit()->sizeHint().height();
    QStyleOptionSpinBox opt;
    initStyleOption(&opt);
    return style()->sizeFromContents(QStyle::CT_SpinBox, &opt, QSize(w, h), this);
}

} // namespace gs
