#pragma once
// --backprop: the computational graph of a function at a point, as JSON.

#include "graph.h"

class QCommandLineParser;

namespace gs {

/// Prints {"inputs", "output", "granularity", "nodes", "edges", "gradient", "operations"} for
/// --function at --point (--variables, --granularity statements|operations). Throws
/// UsageError on bad input; returns the exit code.
int backpropCommand(const QCommandLineParser& p);
/// --granularity: statements (the default) or operations; UsageError for anything else.
Granularity granularityOption(const QCommandLineParser& p);

} // namespace gs
