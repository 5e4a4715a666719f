#pragma once
// What the commands share: reading the scene, image and optimizer options of one parsed
// command line into document settings, and printing JSON. Each throws UsageError on bad input.

#include "document.h"
#include "sceneexport.h"

#include <QCommandLineParser>
#include <QJsonObject>

namespace gs {

/// The value of a required option; UsageError "--NAME is required" when it is missing.
QString requiredValue(const QCommandLineParser& p, const QString& name);
/// --variables as a list (empty when not given).
QStringList variablesOption(const QCommandLineParser& p);
/// The input names of a parsed function, in order.
QStringList inputNames(const Expression& f);
/// --lr, --steps, --momentum, --beta1, --beta2, --eps, --rho, --nu, --nu1, --nu2, --damping,
/// --tolerance, --noise, --seed, each checked against its declaration in optiontable.h.
OptimizerOptions optimizerOptions(const QCommandLineParser& p);
/// A method name of --descent or --runs.
Method parseMethod(const QString& option, const QString& name);
/// --size and --transparent; `defaultWidth` x `defaultHeight` when --size is absent.
ImageExportOptions imageOptions(const QCommandLineParser& p, int defaultWidth = 1200,
                                int defaultHeight = 900);
/// The scene options (--function, --point, --domain, --show, --runs, ...) as settings.
Settings sceneSettings(const QCommandLineParser& p);
/// One compact JSON line on stdout.
void printJson(const QJsonObject& o);

} // namespace gs
