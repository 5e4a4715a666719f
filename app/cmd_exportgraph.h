#pragma once
// --export FILE --view graph: the computational graph drawn with Qt (no VTK, no X display).

class QCommandLineParser;

namespace gs {

/// --view graph is asked for.
bool graphViewRequested(const QCommandLineParser& p);
/// Writes the graph of --function at --point (--variables, --granularity) to the --export file,
/// PNG (at --size) or SVG. Needs a QApplication (main makes an off-screen one); throws
/// UsageError on bad input; returns the exit code.
int exportGraphCommand(const QCommandLineParser& p);

} // namespace gs
