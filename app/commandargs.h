#pragma once
// What the commands share: reading the scene, image and optimizer options of one parsed
// command line into document settings, and printing JSON. Each throws UsageError on bad input.

#include "document.h"
#include "sceneexport.h"
#include "session.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <optional>

namespace gs {

/// The value of a required option; UsageError "--NAME is required" when it is missing.
QString requiredValue(const QCommandLineParser& p, const QString& name);
/// --variables as a list (empty when not given).
QStringList variablesOption(const QCommandLineParser& p);
/// --parameters NAME=VALUE,... (empty when not given), each a new Parameter::named; a bad
/// form (no '=', no name, no value, not a finite number, a name twice, a name that is also
/// in --variables) is a UsageError naming it.
std::vector<Parameter> parametersOption(const QCommandLineParser& p);
/// `base` with --parameters applied: a named one takes the new value (its range widened to
/// hold it), a new one is added.
std::vector<Parameter> withParametersOption(const QCommandLineParser& p,
                                            std::vector<Parameter> base = {});
/// --domain's numbers, each within options::domainBound (a UsageError names the item).
void checkDomainBounds(const Eigen::VectorXd& d);
/// --function parsed with --variables and --parameters (the commands without a session).
Expression functionOption(const QCommandLineParser& p);
/// The input names of a parsed function, in order.
QStringList inputNames(const Expression& f);
/// --lr, --steps, --momentum, --beta1, --beta2, --eps, --rho, --nu, --nu1, --nu2, --damping,
/// --tolerance, --noise, --seed, each checked against its declaration in optiontable.h;
/// options not given keep their value in `base`.
OptimizerOptions optimizerOptions(const QCommandLineParser& p, OptimizerOptions base = {});
/// A method name of --descent or --runs.
Method parseMethod(const QString& option, const QString& name);
/// --size and --transparent; `defaultWidth` x `defaultHeight` when --size is absent.
ImageExportOptions imageOptions(const QCommandLineParser& p, int defaultWidth = 1200,
                                int defaultHeight = 900);
/// The session of --session FILE, read and checked; nothing when --session is not given.
/// A file that cannot be used is bad input: UsageError "--session: FILE: what is wrong".
std::optional<Session> sessionOption(const QCommandLineParser& p);
/// The scene options (--function, --point, --domain, --show, --runs, ...) as settings, on
/// top of `session`'s settings when there is one (else the defaults). With a session and no
/// --runs, the optimizer options given (--lr, --start, ...) apply to each of its runs.
Settings sceneSettings(const QCommandLineParser& p, const Session* session);
/// The same, with the session of --session (if any).
Settings sceneSettings(const QCommandLineParser& p);
/// True when --show lists `critical`: the 3-D export draws the critical-point markers (the
/// contour and curve views always draw them, as the window does).
bool showsCriticalPoints(const QCommandLineParser& p);
/// True when --show lists `state`: --export draws the first run's state at --frame.
bool showsState(const QCommandLineParser& p);

/// The function a headless command works on: --session's (with its variables) when given,
/// else --function and --variables.
struct CommandFunction {
    std::optional<Settings> session;
    QString text;
    Expression f;
};
CommandFunction commandFunction(const QCommandLineParser& p);
/// One compact JSON line on stdout.
void printJson(const QJsonObject& o);

} // namespace gs
