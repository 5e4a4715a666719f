#include "optiontable.h"

#include <cmath>
#include <sstream>

namespace gs {

namespace {

// Shortest text that reads back as the same double ("0.999", "1e-06").
std::string number(double v) {
    std::ostringstream s;
    s.precision(15);
    s << v;
    return s.str();
}

// A whole number written out in digits (--seed's 2^53 read "9.00719925474099e+15").
std::string wholeNumber(double v) {
    std::ostringstream s;
    s.precision(0);
    s << std::fixed << v;
    return s.str();
}

} // namespace

bool OptionSpec::accepts(double v) const {
    if (!std::isfinite(v))
        return false;
    if (integer && v != std::floor(v))
        return false;
    const bool aboveMin = minInclusive ? v >= min : v > min;
    const bool belowMax = maxInclusive ? v <= max : v < max;
    return aboveMin && belowMax;
}

std::string OptionSpec::requirement() const {
    if (integer)
        return "a whole number from " + wholeNumber(min) + " to " + wholeNumber(max);
    return std::string(minInclusive ? "at least " : "above ") + number(min) +
           (maxInclusive ? " and at most " : " and below ") + number(max);
}

std::optional<OptionProblem> checkOption(const OptionSpec& spec, double v) {
    if (spec.accepts(v))
        return std::nullopt;
    return OptionProblem{std::string(spec.field), spec.requirement()};
}

} // namespace gs
