#pragma once
// A run's state per iteration as CSV: the same text for `--descent --state-csv` and the
// window's "Save as CSV". Columns: step, the inputs, f, grad_norm, then grad_, moment_,
// second_, rate_ and update_ per input, update_norm; empty cells where the method has no
// such quantity (or at the last iterate, which takes no step). Numbers round-trip (17
// significant digits; nan and inf spelled out). The same columns are what the loss chart can
// plot (stateColumns, stateValue): the numbers the engine's run holds, read, not computed.

#include "optimizers.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <string>
#include <vector>

namespace gs {

/// One column of the state table after "step": which of the run's quantities it reads.
struct StateColumn {
    enum class Kind {
        Coordinate,   ///< x_k
        Value,        ///< f(x_k)
        GradientNorm, ///< |grad f(x_k)|
        Gradient,     ///< StepState::gradient
        Moment,       ///< StepState::moment
        SecondMoment, ///< StepState::secondMoment
        Rate,         ///< StepState::rate
        Update,       ///< StepState::update
        UpdateNorm    ///< StepState::updateNorm
    };
    Kind kind = Kind::Value;
    Eigen::Index input = 0; ///< the input of a per-input column
    QString name;           ///< the CSV's header cell: "moment_x"
    /// What it is, in the window's words: "moment (v, b or m) along x".
    QString description;
    /// The chart's axis title (VTK's fonts: ASCII): "moment_x: velocity or first moment".
    std::string axisTitle;
};

/// The columns after "step", in the CSV's order.
std::vector<StateColumn> stateColumns(const QStringList& inputNames);
/// Column `c` at one iterate; nothing where the table's cell is empty (the method has no
/// such quantity, or the last iterate, which takes no step).
std::optional<double> stateValue(const Step& step, const StateColumn& c, Eigen::Index inputCount);

/// The header's cells.
QStringList stateCsvHeader(const QStringList& inputNames);
/// One row per iterate, as cells (the table in the window shows the same).
QStringList stateCsvRow(const Trajectory& run, int k, Eigen::Index inputCount);
/// The whole file: header and rows, each line ending in '\n'.
QString stateCsv(const Trajectory& run, const QStringList& inputNames);
/// Writes stateCsv to `path`; returns the error in words, or an empty string.
QString writeStateCsv(const QString& path, const Trajectory& run, const QStringList& inputNames);

} // namespace gs
