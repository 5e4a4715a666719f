#pragma once
// Command-line options shared by the headless commands and the GUI's start-up:
// parsing with messages that say which option and which item is wrong.

#include "expression.h"

#include <Eigen/Core>
#include <QString>
#include <QStringList>
#include <stdexcept>

namespace gs {

/// Bad input on the command line: the message is printed on stderr and the exit code is 2.
struct UsageError : std::runtime_error {
    explicit UsageError(const QString& message)
        : std::runtime_error(message.toStdString()) {}
};

/// "1,-2.5" -> (1, -2.5); every item must be a finite number. `option` names the
/// flag in the message; `expected` (if >= 0) is the required count.
Eigen::VectorXd parseNumberList(const QString& option, const QString& text, int expected = -1);

/// A positive whole number within [minimum, maximum].
int parseCount(const QString& option, const QString& text, int minimum, int maximum);

/// A finite number.
double parseNumber(const QString& option, const QString& text);

/// Parses `text` as the function of --function; on error throws a UsageError whose
/// message shows the text with a caret under the column.
Expression parseFunction(const QString& text, const QStringList& variables);

/// An engine parse error as one line "line L, column C: message" (line only when the text has
/// several).
QString describeParseError(const QString& text, const ParseError& error);

} // namespace gs
