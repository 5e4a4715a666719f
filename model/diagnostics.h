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

class Document;
/// The plotted domain in words: "x ∈ [-2, 2], y ∈ [-2, 2]" (one input: its interval).
QString domainText(const Document& doc);
/// surfaceGapsNote's "f ... everywhere on the domain ...: there is nothing to plot. ..." when no
/// sampled value of f is finite, else empty: the views say it where the plot would be (tester
/// s19: 1/0 showed empty axes, the reason at the foot of the panel).
QString nothingToPlotNote(const Document& doc);

} // namespace gs
