#include "optionwidgets.h"

#include <QDoubleSpinBox>
#include <QSlider>
#include <QSpinBox>
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

} // namespace gs
