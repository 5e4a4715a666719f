#include "cli.h"

#include "cmd_backprop.h"
#include "cmd_criticalpoints.h"
#include "cmd_exportgraph.h"
#include "commands.h"
#include "optimizers.h"
#include "options.h"
#include "optiontable.h"

#include <QCoreApplication>
#include <cstdio>

namespace gs {

namespace {

/// The commands, in the order they are looked for.
struct Command {
    const char* name;
    int (*run)(const QCommandLineParser&);
};
constexpr Command kCommands[] = {
    {"analyze", analyzeCommand},   {"export", exportCommand},
    {"descent", descentCommand},   {"animate", animateCommand},
    {"backprop", backpropCommand}, {"critical-points", criticalPointsCommand},
    {"sweep", sweepCommand},       {"batch", batchCommand},
};

/// An option declared in optiontable.h, its help ending in the default and the range.
QCommandLineOption declared(const OptionSpec& spec, const QString& valueName) {
    const QString help = QString::fromUtf8(spec.help.data(), qsizetype(spec.help.size())) +
                         QStringLiteral(" Default %1; %2.")
                             .arg(spec.defaultValue)
                             .arg(QString::fromStdString(spec.requirement()));
    return {QString::fromUtf8(spec.flag.data(), qsizetype(spec.flag.size())), help, valueName};
}

} // namespace

void addCommandLineOptions(QCommandLineParser& p) {
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.setApplicationDescription(QStringLiteral(
        "Explore the calculus of machine learning: surfaces, exact gradients and Hessians,\n"
        "Taylor models and optimizers. Without a command, opens the window."));
    p.addPositionalArgument(QStringLiteral("FILE"),
                            QStringLiteral("A session (.gradscape) to open in the window."),
                            QStringLiteral("[FILE]"));
    p.addHelpOption();
    p.addVersionOption();
    p.addOptions({
        {QStringLiteral("analyze"), QStringLiteral("Print f, gradient, Hessian, eigenvalues and "
                                                   "classification at --point as JSON.")},
        {QStringLiteral("function"), QStringLiteral("The function, e.g. 'x*exp(-x^2-y^2)'."),
         QStringLiteral("EXPR")},
        {QStringLiteral("variables"),
         QStringLiteral("Input order, comma-separated (default: alphabetical)."),
         QStringLiteral("x,y")},
        {QStringLiteral("point"), QStringLiteral("Expansion point, in input order."),
         QStringLiteral("P")},
        {QStringLiteral("epsilon"),
         QStringLiteral("Offset at which to compare f with its linear and quadratic models."),
         QStringLiteral("E")},
        {QStringLiteral("export"),
         QStringLiteral("Render the 3-D scene to a PNG or JPEG file without a window "
                        "(needs an X display: use xvfb-run)."),
         QStringLiteral("FILE")},
        {QStringLiteral("view"),
         QStringLiteral("--export: the view to render: surface (3-D), contour (top view with "
                        "level curves), curve (one input; its default) or graph (the "
                        "computational graph at --point, PNG or SVG, no display needed; "
                        "--granularity)."),
         QStringLiteral("surface|contour|curve|graph")},
        {QStringLiteral("domain"),
         QStringLiteral("Plot range (default -2,2,-2,2); each bound %1.")
             .arg(QString::fromStdString(options::domainBound.requirement())),
         QStringLiteral("xmin,xmax,ymin,ymax")},
        declared(options::resolution, QStringLiteral("N")),
        declared(options::wireLines, QStringLiteral("N")),
        declared(options::modelRadius, QStringLiteral("r")),
        declared(options::boxAspect, QStringLiteral("h")),
        {QStringLiteral("show"),
         QStringLiteral("What to draw at the point: any of tangent,quadratic,gradient, or none "
                        "(default all)."),
         QStringLiteral("LIST")},
        {QStringLiteral("shaded"), QStringLiteral("Shaded surface coloured by height.")},
        {QStringLiteral("size"),
         QStringLiteral("Image size (default 1200x900); each side %1.")
             .arg(QString::fromStdString(options::imageSide.requirement())),
         QStringLiteral("WxH")},
        {QStringLiteral("transparent"),
         QStringLiteral("Transparent background (PNG; with --animate, GIF or PNG frames).")},
        {QStringLiteral("descent"),
         QStringLiteral("Run an optimizer from --start and print its trajectory as JSON: %1.")
             .arg(QString::fromStdString(methodNames())),
         QStringLiteral("METHOD")},
        {QStringLiteral("start"),
         QStringLiteral("Optimizer start point, in input order (--runs: default the point)."),
         QStringLiteral("P")},
        {QStringLiteral("runs"),
         QStringLiteral(
             "Optimizer runs to draw in the scene (and the window), e.g. gd,adam,newton; "
             "they share --start, --lr, --steps and the other optimizer options."),
         QStringLiteral("LIST")},
        {QStringLiteral("animate"),
         QStringLiteral("Render the runs' animation: PNG frames into a folder, a .ogv video or "
                        "an animated .gif."),
         QStringLiteral("PATH")},
        declared(options::learningRate, QStringLiteral("a")),
        declared(options::steps, QStringLiteral("n")),
        declared(options::momentum, QStringLiteral("b")),
        declared(options::beta1, QStringLiteral("b1")),
        declared(options::beta2, QStringLiteral("b2")),
        declared(options::epsilon, QStringLiteral("e")),
        declared(options::rho, QStringLiteral("r")),
        declared(options::nu, QStringLiteral("v")),
        declared(options::nu1, QStringLiteral("v1")),
        declared(options::nu2, QStringLiteral("v2")),
        declared(options::damping, QStringLiteral("d")),
        declared(options::tolerance, QStringLiteral("t")),
        declared(options::noise, QStringLiteral("sigma")),
        declared(options::seed, QStringLiteral("N")),
        {QStringLiteral("state-csv"),
         QStringLiteral("--descent: also write the run's state per iteration (gradient, moment, "
                        "second moment, effective step per coordinate, step taken) as CSV."),
         QStringLiteral("FILE")},
        {QStringLiteral("sweep"),
         QStringLiteral("Run METHOD from --start at log-spaced learning rates (in parallel) and "
                        "print final f, steps and divergence per rate as JSON; on a quadratic "
                        "also 2/lambda_max and 2/(lambda_min+lambda_max)."),
         QStringLiteral("METHOD")},
        {QStringLiteral("lr-range"),
         QStringLiteral("--sweep: the smallest and largest learning rate (default 1e-4,10)."),
         QStringLiteral("a,b")},
        declared(options::sweepCount, QStringLiteral("n")),
        {QStringLiteral("critical-points"),
         QStringLiteral("Find and classify the critical points of --function on --domain (one "
                        "input: xmin,xmax) and its extremes there; print them as JSON.")},
        {QStringLiteral("backprop"),
         QStringLiteral("Print the computational graph of --function at --point as JSON: "
                        "values, adjoints, local partials, gradient, operation counts.")},
        {QStringLiteral("granularity"),
         QStringLiteral("--backprop: one node per statement or per operation (default "
                        "statements)."),
         QStringLiteral("statements|operations")},
        {QStringLiteral("session"),
         QStringLiteral("Start from a saved session (.gradscape): its settings feed the window "
                        "and every command; options given as well override them."),
         QStringLiteral("FILE")},
        {QStringLiteral("batch"),
         QStringLiteral("Render many figures in one process: FILE is JSON, {\"scenes\": "
                        "[{\"function\": ..., \"output\": \"fig1.png\", ...}]}, each scene's "
                        "fields named as these options (docs/cli.md)."),
         QStringLiteral("FILE")},
        {QStringLiteral("screenshot"),
         QStringLiteral("Open the window, save a screenshot of it to FILE and quit."),
         QStringLiteral("FILE")},
    });
}

namespace {

int report(const CommandError& e) {
    std::fprintf(stderr, "gradscape: %s\n", e.what());
    if (e.code == ExitCode::BadInput)
        std::fprintf(stderr, "Try 'gradscape --help'.\n");
    return int(e.code);
}

} // namespace

CommandLine::CommandLine(const QStringList& arguments) {
    addCommandLineOptions(m_parser);
    if (!m_parser.parse(arguments)) {
        m_error = m_parser.errorText();
        return;
    }
    // One positional argument: the session the window opens. Commands take --session.
    const QStringList files = m_parser.positionalArguments();
    bool command = false;
    for (const Command& c : kCommands)
        command = command || m_parser.isSet(QString::fromLatin1(c.name));
    if (files.size() > 1)
        m_error =
            QStringLiteral("unexpected argument '%1' (the window opens one session)").arg(files[1]);
    else if (!files.isEmpty() && command)
        m_error = QStringLiteral("unexpected argument '%1' (a command reads a session with "
                                 "--session FILE)")
                      .arg(files[0]);
    else if (!files.isEmpty() && m_parser.isSet(QStringLiteral("session")))
        m_error = QStringLiteral("two sessions: '%1' and --session '%2'")
                      .arg(files[0], m_parser.value(QStringLiteral("session")));
}

bool CommandLine::headless() const {
    if (!m_error.isEmpty() || m_parser.isSet(QStringLiteral("help")) ||
        m_parser.isSet(QStringLiteral("version")))
        return true;
    for (const Command& c : kCommands)
        if (m_parser.isSet(QString::fromLatin1(c.name)))
            return true;
    return false;
}

bool CommandLine::paintsWithQt() const {
    return m_error.isEmpty() &&
           ((m_parser.isSet(QStringLiteral("export")) && graphViewRequested(m_parser)) ||
            m_parser.isSet(QStringLiteral("batch")));
}

int runCommandLine(const CommandLine& line) {
    const QCommandLineParser& p = line.m_parser;
    try {
        if (!line.m_error.isEmpty())
            throw UsageError(line.m_error);
        if (p.isSet(QStringLiteral("help"))) {
            const QByteArray help = p.helpText().toUtf8();
            std::fwrite(help.constData(), 1, static_cast<std::size_t>(help.size()), stdout);
            return 0;
        }
        if (p.isSet(QStringLiteral("version"))) {
            std::printf("gradscape %s\n", qPrintable(QCoreApplication::applicationVersion()));
            return 0;
        }
        for (const Command& c : kCommands)
            if (p.isSet(QString::fromLatin1(c.name)))
                return c.run(p);
        throw UsageError(QStringLiteral("no command given"));
    } catch (const CommandError& e) {
        return report(e);
    }
}

int runWindow(int& argc, char** argv, const CommandLine& line) {
    try {
        return runGui(argc, argv, line.m_parser);
    } catch (const CommandError& e) {
        return report(e);
    }
}

} // namespace gs
