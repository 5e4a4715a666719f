#pragma once
// One function per command-line command. Each reads the parsed options, prints its result
// (JSON on stdout, or the path it wrote) and returns the exit status; bad input throws
// UsageError (exit 2), a missing display EnvironmentError (exit 3).

#include <QCommandLineParser>
#include <QString>

namespace gs {

int analyzeCommand(const QCommandLineParser& p); ///< --analyze: f, grad, H at --point
int descentCommand(const QCommandLineParser& p); ///< --descent: one optimizer trajectory
int sweepCommand(const QCommandLineParser& p);   ///< --sweep: one method over many rates
int exportCommand(const QCommandLineParser& p);  ///< --export: the scene as an image
int animateCommand(const QCommandLineParser& p); ///< --animate: the runs as frames/video/GIF
/// --check-gradient: a closed-form gradient against the automatic one (matrixcalculus.h)
int checkGradientCommand(const QCommandLineParser& p);
int batchCommand(const QCommandLineParser& p); ///< --batch: many --export scenes, one process

/// The figure --export asks for (surface, contour or curve view), written; returns its path.
/// `processExits`: the caller exits right after (GL resources are left to the OS).
QString exportFigure(const QCommandLineParser& p, bool processExits);

/// The window, started with the scene options of `p` (and --screenshot).
int runGui(int& argc, char** argv, const QCommandLineParser& p);

} // namespace gs
