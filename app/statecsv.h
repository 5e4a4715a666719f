#pragma once
// A run's state per iteration as CSV: the same text for `--descent --state-csv` and the
// window's "Save as CSV". Columns: step, the inputs, f, grad_norm, then grad_, moment_,
// second_, rate_ and update_ per input, update_norm; empty cells where the method has no
// such quantity (or at the last iterate, which takes no step). Numbers round-trip (17
// significant digits; nan and inf spelled out).

#include "optimizers.h"

#include <QString>
#include <QStringList>

namespace gs {

/// The header's cells.
QStringList stateCsvHeader(const QStringList& inputNames);
/// One row per iterate, as cells (the table in the window shows the same).
QStringList stateCsvRow(const Trajectory& run, int k, Eigen::Index inputCount);
/// The whole file: header and rows, each line ending in '\n'.
QString stateCsv(const Trajectory& run, const QStringList& inputNames);
/// Writes stateCsv to `path`; returns the error in words, or an empty string.
QString writeStateCsv(const QString& path, const Trajectory& run, const QStringList& inputNames);

} // namespace gs
