#pragma once
// The command line: the same document driven from arguments. Headless commands
// print JSON on stdout; bad input prints a message on stderr and exits 2.

#include <QStringList>

namespace gs {

/// True when the arguments ask for a headless command (--analyze, --export,
/// --descent, --help, --version) rather than the GUI.
bool isHeadlessCommand(const QStringList& arguments);

/// Runs a headless command; returns the process exit code (0 ok, 2 bad input, 1 failure).
int runCommandLine(const QStringList& arguments);

} // namespace gs
