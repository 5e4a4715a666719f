#pragma once
// Engine errors as the messages a person reads, shared by the window and the command line.

#include "expression.h"

#include <Eigen/Core>
#include <QString>

namespace gs {

/// An engine parse error as one line "line L, column C: message" (line only when the text has
/// several).
QString describeParseError(const QString& text, const ParseError& error);

/// What the sampled surface (or curve, `curve`) lacks, in words, or empty when every value is
/// finite. Infinite (+-inf) and undefined (NaN) are told apart, as the readout does:
///   "f is infinite (±inf) everywhere on the domain x ∈ [-2, 2]: there is nothing to plot. ..."
///   "f is infinite (±inf) on 1% of the domain: the curve has gaps there."
/// `box` names the domain ("x ∈ [-2, 2], y ∈ [-2, 2]").
QString surfaceGapsNote(const Eigen::ArrayXXd& values, const QString& box, bool curve = false);

class Document;
/// The plotted domain in words: "x ∈ [-2, 2], y ∈ [-2, 2]" (one input: its interval).
QString domainText(const Document& doc);
/// surfaceGapsNote's "f ... everywhere on the domain ...: there is nothing to plot. ..." when no
/// sampled value of f is finite, else empty: the views say it where the plot would be (tester
/// s19: 1/0 showed empty axes, the reason at the foot of the panel).
QString nothingToPlotNote(const Document& doc);

} // namespace gs
