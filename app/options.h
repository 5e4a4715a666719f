#pragma once
// Command-line options shared by the headless commands and the GUI's start-up:
// parsing with messages that say which option and which item is wrong.

#include "diagnostics.h"
#include "expression.h"
#include "optiontable.h"

#include <Eigen/Core>
#include <QString>
#include <QStringList>
#include <stdexcept>

namespace gs {

/// The process's exit status, documented in docs/cli.md.
enum class ExitCode {
    Ok = 0,
    Failure = 1,     ///< the command ran and failed (a file could not be written, say)
    BadInput = 2,    ///< the arguments or the input they name are wrong
    Environment = 3, ///< the machine lacks something the command needs (an X display)
};

/// A command that cannot go on: its message goes to stderr, its code is the exit status.
struct CommandError : std::runtime_error {
    CommandError(ExitCode code, const QString& message)
        : std::runtime_error(message.toStdString())
        , code(code) {}
    ExitCode code;
};

/// Bad input on the command line (exit 2).
struct UsageError : CommandError {
    explicit UsageError(const QString& message)
        : CommandError(ExitCode::BadInput, message) {}
};

/// Something missing from the environment, such as a display (exit 3).
struct EnvironmentError : CommandError {
    explicit EnvironmentError(const QString& message)
        : CommandError(ExitCode::Environment, message) {}
};

/// "1,-2.5" -> (1, -2.5); every item must be a finite number. `option` names the
/// flag in the message; `expected` (if >= 0) is the required count.
/// `inputs`: f's input names, said when --point or --start has the wrong count.
Eigen::VectorXd parseNumberList(const QString& option, const QString& text, int expected = -1,
                                const QStringList& inputs = {});

/// A positive whole number within [minimum, maximum].
int parseCount(const QString& option, const QString& text, int minimum, int maximum);

/// A finite number.
double parseNumber(const QString& option, const QString& text);

/// The value of a declared option (optiontable.h) as typed after --FLAG, checked against its
/// range; the message names the flag and says what the value must be.
double parseOption(const OptionSpec& spec, const QString& text);

/// Parses `text` as the function of --function; on error throws a UsageError whose
/// message shows the text with a caret under the column.
Expression parseFunction(const QString& text, const QStringList& variables,
                         const std::vector<ParameterValue>& parameters = {});

} // namespace gs
