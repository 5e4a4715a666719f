#pragma once
// --critical-points: the critical points, curves of critical points and the extremes of f on
// a searched domain, as JSON (engine/criticalpoints.h does the search).

class QCommandLineParser;

namespace gs {

/// Runs --critical-points with the parsed options; prints JSON and returns 0.
/// Throws UsageError on bad input (the caller prints it and exits 2).
int criticalPointsCommand(const QCommandLineParser& p);

} // namespace gs
