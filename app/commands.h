#pragma once
// One function per command-line command. Each reads the parsed options, prints its result
// (JSON on stdout, or the path it wrote) and returns the exit status; bad input throws
// UsageError (exit 2), a missing display EnvironmentError (exit 3).

#include "graph.h"

#include <QCommandLineParser>
#include <QString>
#include <memory>

namespace gs {

class ExportWindows;

/// What a batch keeps from one figure to the next (exportFigure): its off-screen windows
/// (views/sceneexport.h), and the last figure's document and 3-D scene. A figure given the
/// cache changes that document to its own settings, so the surface and its critical points
/// are computed again only when they differ (function, variables, parameters, domain,
/// resolution: Document::change decides, as for the window), and draws the 3-D view with the
/// same scene, whose actors stay in the window: only what changed is rebuilt and uploaded.
/// Every picture is still the one its own --export draws, pixel for pixel (tests/test_cli:
/// batchReusesOneWindow).
class FigureCache {
public:
    FigureCache();
    ~FigureCache();
    FigureCache(const FigureCache&) = delete;
    FigureCache& operator=(const FigureCache&) = delete;

    ExportWindows& windows() { return *m_windows; }
    struct Kept; ///< the document and the scene (cmd_export.cpp)
    Kept& kept() { return *m_kept; }

private:
    std::unique_ptr<ExportWindows> m_windows;
    std::unique_ptr<Kept> m_kept; ///< declared last: released before the windows
};

int analyzeCommand(const QCommandLineParser& p); ///< --analyze: f, grad, H at --point
int descentCommand(const QCommandLineParser& p); ///< --descent: one optimizer trajectory
int sweepCommand(const QCommandLineParser& p);   ///< --sweep: one method over many rates
int exportCommand(const QCommandLineParser& p);  ///< --export: the scene as an image
int animateCommand(const QCommandLineParser& p); ///< --animate: the runs as frames/video/GIF
/// --check-gradient: a closed-form gradient against the automatic one (matrixcalculus.h)
int checkGradientCommand(const QCommandLineParser& p);
int batchCommand(const QCommandLineParser& p); ///< --batch: many --export scenes, one process
/// --critical-points: the critical points, curves of critical points and the extremes of f
/// on a searched domain, as JSON (engine/criticalpoints.h does the search).
int criticalPointsCommand(const QCommandLineParser& p);
/// --backprop: {"inputs", "output", "granularity", "nodes", "edges", "gradient",
/// "operations"} for --function at --point (--variables, --granularity).
int backpropCommand(const QCommandLineParser& p);
/// --granularity: statements (the default) or operations; UsageError for anything else.
Granularity granularityOption(const QCommandLineParser& p);
/// --view graph is asked for.
bool graphViewRequested(const QCommandLineParser& p);
/// --export FILE --view graph: the graph of --function at --point drawn with Qt (no VTK, no X
/// display), PNG (at --size) or SVG. Needs a QApplication (main makes an off-screen one).
int exportGraphCommand(const QCommandLineParser& p);

/// The figure --export asks for (surface, contour or curve view), written; returns its path.
/// `processExits`: the caller exits right after (GL resources are left to the OS). `cache`:
/// a batch's windows, document and scene, reused from one figure to the next; a PNG or JPEG
/// is then written in the background (ExportWindows::queueWrite: its outcome comes from
/// cache->windows()).
QString exportFigure(const QCommandLineParser& p, bool processExits, FigureCache* cache = nullptr);

/// The window, started with the scene options of `p` (and --screenshot).
int runGui(int& argc, char** argv, const QCommandLineParser& p);

} // namespace gs
