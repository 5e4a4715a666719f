#pragma once
// Engine errors as the messages a person reads, shared by the window and the command line.

#include "expression.h"

#include <Eigen/Core>
#include <QString>

namespace gs {

/// An engine parse error as one line "line L, column C: message" (line only when the text has
/// several).
QString describeParseError(const QString& text, const ParseError& error);

/// What the sampled surface lacks, in words, or empty when every value is finite. Overflow
/// (+-inf: "overflows") and undefined (NaN) are told apart, as the readout does:
///   "f overflows to ±inf everywhere on the domain x ∈ [-2, 2]: there is nothing to plot. ..."
///   "f overflows to ±inf on 33% of the domain: the surface has gaps there."
/// `box` names the domain ("x ∈ [-2, 2], y ∈ [-2, 2]").
QString surfaceGapsNote(const Eigen::ArrayXXd& values, const QString& box);

} // namespace gs
