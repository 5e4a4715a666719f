#pragma once
// Engine errors as the messages a person reads, shared by the window and the command line.

#include "expression.h"

#include <QString>

namespace gs {

/// An engine parse error as one line "line L, column C: message" (line only when the text has
/// several).
QString describeParseError(const QString& text, const ParseError& error);

} // namespace gs
