#pragma once
// The window's controls for declared options (engine/optiontable.h): ranges, defaults and
// tooltips come from the one declaration, as the document's validation and the command line's
// do, so the three cannot disagree.

#include "optiontable.h"

class QDoubleSpinBox;
class QSlider;
class QSpinBox;

namespace gs {

/// Range, tooltip (label, help and the range in words) and, for an exclusive lower bound,
/// the smallest value the box's decimals can show above it.
void applyOption(QDoubleSpinBox* box, const OptionSpec& spec);
void applyOption(QSpinBox* box, const OptionSpec& spec);

/// A slider that moves in decades over a log-scale option's range (from sliderMin where the
/// range reaches down to 0), `ticksPerDecade` ticks a decade.
class LogSliderScale {
public:
    LogSliderScale(const OptionSpec& spec, int ticksPerDecade = 20);
    void apply(QSlider* slider) const; ///< its range and tooltip
    int toTick(double value) const;
    double toValue(int tick) const;

private:
    double m_lo, m_hi; ///< log10 of the ends
    int m_ticksPerDecade;
};

} // namespace gs
