#pragma once
// The command line: the same document driven from arguments. Headless commands
// print JSON on stdout; bad input prints a message on stderr and exits 2.

#include <QStringList>

namespace gs {

/// True when the arguments ask for a headless command (--analyze, --export,
/// --descent, --help, --version) rather than the GUI.
bool isHeadlessCommand(const QStringList& arguments);

/// The document settings the scene options (--function, --point, --domain, ...) ask for.
/// Throws UsageError on bad input.
struct Settings;
Settings settingsFromArguments(const QStringList& arguments);

/// The GUI's start: parses the scene options, opens the window, runs the event loop.
/// Returns the exit code (2 for bad options, 1 without a display).
int runGui(int& argc, char** argv, const QStringList& arguments);

/// Runs a headless command; returns the process exit code (0 ok, 2 bad input, 1 failure).
int runCommandLine(const QStringList& arguments);

} // namespace gs
