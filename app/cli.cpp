#include "cli.h"

#include "commandargs.h"
#include "commands.h"
#include "optimizers.h"
#include "options.h"
#include "optiontable.h"
#include "vectorexport.h"

#include <Eigen/Core>
#include <QCoreApplication>
#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <string_view>
#include <vtkVersionMacros.h>

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
    {"sweep", sweepCommand},       {"check-gradient", checkGradientCommand},
    {"batch", batchCommand},
};

/// An option declared in optiontable.h, its help ending in the default and the range.
QCommandLineOption declared(const OptionSpec& spec, const QString& valueName) {
    const QString help = QString::fromUtf8(spec.help.data(), qsizetype(spec.help.size())) +
                         QStringLiteral(" Default %1; %2.")
                             .arg(spec.defaultValue)
                             .arg(QString::fromStdString(spec.requirement()));
    return {QString::fromUtf8(spec.flag.data(), qsizetype(spec.flag.size())), help, valueName};
}

/// Every option the program takes, declared once: parsed by QCommandLineParser, listed by
/// --help (grouped, helpText()) and so in the man page, which help2man makes from --help.
QList<QCommandLineOption> declareOptions(QCommandLineParser& p) {
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.setApplicationDescription(QStringLiteral(
        "Explore the calculus of machine learning: surfaces, exact gradients and Hessians,\n"
        "Taylor models and optimizers. Without a command, opens the window."));
    p.addPositionalArgument(QStringLiteral("FILE"),
                            QStringLiteral("A session (.gradscape) to open in the window."),
                            QStringLiteral("[FILE]"));
    const QList<QCommandLineOption> options = {
        {QStringLiteral("analyze"), QStringLiteral("Print f, gradient, Hessian, eigenvalues and "
                                                   "classification at --point as JSON.")},
        {QStringLiteral("function"), QStringLiteral("The function, e.g. 'x*exp(-x^2-y^2)'."),
         QStringLiteral("EXPR")},
        {QStringLiteral("variables"),
         QStringLiteral("Input order, comma-separated (default: alphabetical); a vector or "
                        "matrix declares its shape: 'x[3], V[5,4], y'. --point and --start "
                        "are then flattened row-major."),
         QStringLiteral("x,y")},
        {QStringLiteral("parameters"),
         QStringLiteral("Named constants of the function (sliders in the window), e.g. "
                        "a=1,b=0.5: never inputs, zero derivatives; with every command."),
         QStringLiteral("a=1,b=0.5")},
        {QStringLiteral("check-gradient"),
         QStringLiteral("Compare CLOSED_FORM (e.g. '(A + A\') * x') with the automatic "
                        "gradient of --function with respect to --with-respect-to, at --point "
                        "(default 0) and at --draws random points; print the report as JSON."),
         QStringLiteral("CLOSED_FORM")},
        {QStringLiteral("with-respect-to"),
         QStringLiteral("--check-gradient: the input the closed form is the gradient for."),
         QStringLiteral("NAME")},
        {QStringLiteral("draws"),
         QStringLiteral("--check-gradient: random points (N(0,1) entries, seeded by --seed, "
                        "default 1) besides --point (default 20)."),
         QStringLiteral("N")},
        {QStringLiteral("point"), QStringLiteral("Expansion point, in input order."),
         QStringLiteral("P")},
        {QStringLiteral("epsilon"),
         QStringLiteral("Offset at which to compare f with its linear and quadratic models."),
         QStringLiteral("E")},
        {QStringLiteral("export"),
         QStringLiteral("Render a view (--view) to FILE without a window: PNG, JPEG, SVG or "
                        "PDF, by the extension (needs an X display: use xvfb-run; --view graph: "
                        "PNG or SVG, no display)."),
         QStringLiteral("FILE")},
        {QStringLiteral("view"),
         QStringLiteral("--export: the view to render: surface (3-D), contour (top view with "
                        "level curves), curve (one input; its default) or graph (the "
                        "computational graph at --point, PNG or SVG, no display needed; "
                        "--granularity). --animate: surface, contour or curve (the same default)."),
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
         QStringLiteral("What to draw: any of tangent,quadratic,gradient (at the point; default "
                        "these three), field,bands (the contour view's gradient field and filled "
                        "level bands), critical (markers in the 3-D view), state (the first "
                        "run's state at --frame), or none."),
         QStringLiteral("LIST")},
        declared(options::frame, QStringLiteral("N")),
        {QStringLiteral("shaded"), QStringLiteral("Shaded surface coloured by height.")},
        {QStringLiteral("size"),
         QStringLiteral("Image size (default 1200x900); each side %1.")
             .arg(QString::fromStdString(options::imageSide.requirement())),
         QStringLiteral("WxH")},
        {QStringLiteral("transparent"),
         QStringLiteral(
             "Transparent background (PNG, SVG, PDF; with --animate, GIF or PNG frames).")},
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
        {{QStringLiteral("h"), QStringLiteral("help")},
         QStringLiteral("Display this help and exit.")},
        {{QStringLiteral("v"), QStringLiteral("version")},
         QStringLiteral("Output version information and exit.")},
    };
    p.addOptions(options);
    return options;
}

/// --help's groups, in GNU style: the commands first, --help and --version last. An option
/// in no group is listed under "Other options" (test_cli checks there is no such group).
struct OptionGroup {
    const char* title;
    std::initializer_list<std::string_view> names;
};
const OptionGroup kGroups[] = {
    {"Commands (each runs without the window, prints its result and exits)",
     {"analyze", "export", "animate", "descent", "sweep", "critical-points", "backprop",
      "check-gradient", "batch", "screenshot"}},
    {"The function and the point",
     {"session", "function", "variables", "parameters", "point", "epsilon"}},
    {"Matrix calculus (--check-gradient)", {"with-respect-to", "draws"}},
    {"The scene and the image (the window, --export, --animate, --screenshot)",
     {"view", "domain", options::resolution.flag, options::wireLines.flag,
      options::modelRadius.flag, options::boxAspect.flag, "show", options::frame.flag, "shaded",
      "size", "transparent"}},
    {"Optimizers (--descent, --runs, --sweep)",
     {"start", "runs", options::learningRate.flag, options::steps.flag, options::momentum.flag,
      options::beta1.flag, options::beta2.flag, options::epsilon.flag, options::rho.flag,
      options::nu.flag, options::nu1.flag, options::nu2.flag, options::damping.flag,
      options::tolerance.flag, options::noise.flag, options::seed.flag, "state-csv", "lr-range",
      options::sweepCount.flag}},
    {"The computational graph (--backprop, --export --view graph)", {"granularity"}},
    {"Help", {"help", "version"}},
};

/// The option's long name (the one --help and the man page list).
QString longName(const QCommandLineOption& o) {
    return o.names().constLast();
}

/// "  -h, --help" or "      --function=EXPR", GNU style.
QString optionSynopsis(const QCommandLineOption& o) {
    QString s = QStringLiteral("  ");
    const QStringList names = o.names();
    s += names.size() > 1 && names.first().size() == 1 ? QStringLiteral("-%1, ").arg(names.first())
                                                       : QStringLiteral("    ");
    s += QStringLiteral("--") + longName(o);
    if (!o.valueName().isEmpty())
        s += QLatin1Char('=') + o.valueName();
    return s;
}

/// Wraps `text` at 79 columns, each line indented by `indent` spaces; the first line starts
/// after `lead` (padded to the indent, or on a line of its own when it is longer).
QString wrapped(const QString& lead, const QString& text, int indent) {
    constexpr int kWidth = 79;
    QString out = lead;
    int column = int(lead.size());
    if (!lead.isEmpty() && column + 2 > indent) {
        out += QLatin1Char('\n');
        column = 0;
    }
    out += QString(indent - column, QLatin1Char(' '));
    column = indent;
    bool first = true;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!first && column + 1 + word.size() > kWidth) {
            out += QLatin1Char('\n') + QString(indent, QLatin1Char(' '));
            column = indent;
        } else if (!first) {
            out += QLatin1Char(' ');
            ++column;
        }
        out += word;
        column += int(word.size());
        first = false;
    }
    return out + QLatin1Char('\n');
}

/// --help in GNU style: usage, what the program does, the options by group, exit status,
/// where to report bugs. help2man turns it into the man page.
QString helpText(const QCommandLineParser& p, const QList<QCommandLineOption>& options) {
    QString out =
        QStringLiteral("Usage: gradscape [OPTION]... [FILE]\n") +
        wrapped(QString(), p.applicationDescription().replace(QLatin1Char('\n'), QLatin1Char(' ')),
                0) +
        QStringLiteral("FILE is a session (.gradscape) to open in the window.\n");
    QStringList listed;
    auto section = [&](const QString& title, const QList<QCommandLineOption>& group) {
        out += QLatin1Char('\n') + title + QStringLiteral(":\n");
        for (const QCommandLineOption& o : group)
            out += wrapped(optionSynopsis(o), o.description(), 30);
    };
    for (const OptionGroup& g : kGroups) {
        QList<QCommandLineOption> group;
        for (std::string_view name : g.names)
            for (const QCommandLineOption& o : options)
                if (longName(o) == QString::fromUtf8(name.data(), qsizetype(name.size()))) {
                    group << o;
                    listed << longName(o);
                }
        section(QString::fromUtf8(g.title), group);
    }
    QList<QCommandLineOption> others;
    for (const QCommandLineOption& o : options)
        if (!listed.contains(longName(o)))
            others << o;
    if (!others.isEmpty())
        section(QStringLiteral("Other options"), others);
    out += QString::fromUtf8(
        "\nExit status:\n"
        " 0  if OK (a run that diverged is a result, not a failure),\n"
        " 1  if the command ran and failed (writing a file failed: a full disk),\n"
        " 2  if the input was wrong (an option, a value out of range, a function,\n"
        "    an output folder that does not exist or is not writable),\n"
        " 3  if the environment lacks something (an X display: use xvfb-run).\n"
        "\nReport bugs to: " GRADSCAPE_BUG_REPORT "\n"
        "(with the output of 'gradscape --version').\n");
    if (const QString home = QString::fromUtf8(GRADSCAPE_HOMEPAGE); !home.isEmpty())
        out += QStringLiteral("gradscape home page: <%1>\n").arg(home);
    return out;
}

/// --version in GNU style (the GNU Coding Standards, "--version"): name and version,
/// copyright, the licence's name and address, free software, no warranty; then the versions
/// of the libraries it was built with.
QString versionText() {
    return QString::fromUtf8("gradscape %1\n"
                             "Copyright (C) " GRADSCAPE_COPYRIGHT "\n"
                             "License " GRADSCAPE_LICENSE ": the " GRADSCAPE_LICENSE
                             " License <" GRADSCAPE_LICENSE_URL ">\n"
                             "This is free software: you are free to change and redistribute it.\n"
                             "There is NO WARRANTY, to the extent permitted by law.\n"
                             "Built with Qt %2, VTK %3 and Eigen %4.%5.%6.\n")
        .arg(QCoreApplication::applicationVersion(), QStringLiteral(QT_VERSION_STR),
             QStringLiteral(VTK_VERSION))
        .arg(EIGEN_WORLD_VERSION)
        .arg(EIGEN_MAJOR_VERSION)
        .arg(EIGEN_MINOR_VERSION);
}

/// Every option given is checked, whatever the command (and whether or not the command
/// reads it): a number out of its declared range (optiontable.h) or an inverted --domain
/// is an error (exit 2), never silently ignored. The commands check their own needs after.
void checkGivenOptions(const QCommandLineParser& p) {
    static constexpr const OptionSpec* kSpecs[] = {
        &options::resolution,   &options::wireLines, &options::modelRadius, &options::boxAspect,
        &options::learningRate, &options::steps,     &options::momentum,    &options::beta1,
        &options::beta2,        &options::epsilon,   &options::rho,         &options::nu,
        &options::nu1,          &options::nu2,       &options::damping,     &options::tolerance,
        &options::noise,        &options::seed,      &options::sweepCount};
    for (const OptionSpec* spec : kSpecs) {
        const QString flag = QString::fromUtf8(spec->flag.data(), qsizetype(spec->flag.size()));
        if (p.isSet(flag))
            parseOption(*spec, p.value(flag));
    }
    if (p.isSet(QStringLiteral("domain"))) {
        // xmin,xmax (one input) or xmin,xmax,ymin,ymax; each bound in range, each pair ordered.
        const QString text = p.value(QStringLiteral("domain"));
        const Eigen::VectorXd d = parseNumberList(QStringLiteral("--domain"), text,
                                                  text.count(QLatin1Char(',')) == 1 ? 2 : 4);
        checkDomainBounds(d);
        for (Eigen::Index i = 0; i + 1 < d.size(); i += 2)
            if (!(d[i] < d[i + 1]))
                throw UsageError(QStringLiteral("--domain: need %1, got '%2'")
                                     .arg(d.size() == 2 ? QStringLiteral("xmin < xmax")
                                                        : QStringLiteral("xmin < xmax and "
                                                                         "ymin < ymax"),
                                          text));
    }
    for (const char* list : {"point", "epsilon", "start"}) // their counts: the command's
        if (const QString name = QString::fromLatin1(list); p.isSet(name))
            parseNumberList(QStringLiteral("--") + name, p.value(name));
}

/// Qt's "Unknown option 'bogus'." in the style of every other message: "unknown option
/// '--bogus'" (the dashes as an option is written: one for a letter, two for a name).
QString parserError(const QCommandLineParser& p) {
    const QStringList unknown = p.unknownOptionNames();
    if (!unknown.isEmpty()) {
        QStringList written;
        for (const QString& name : unknown)
            written << QStringLiteral("'%1%2'").arg(
                name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--"), name);
        return (unknown.size() == 1 ? QStringLiteral("unknown option ")
                                    : QStringLiteral("unknown options ")) +
               written.join(QStringLiteral(", "));
    }
    // "Missing value after '--lr'." -> "missing value after '--lr'"
    QString text = p.errorText();
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}

int report(const CommandError& e) {
    std::fprintf(stderr, "gradscape: %s\n", e.what());
    if (e.code == ExitCode::BadInput)
        std::fprintf(stderr, "Try 'gradscape --help'.\n");
    return int(e.code);
}

} // namespace

void addCommandLineOptions(QCommandLineParser& p) {
    declareOptions(p);
}

CommandLine::CommandLine(const QStringList& arguments) {
    m_options = declareOptions(m_parser);
    if (!m_parser.parse(arguments)) {
        m_error = parserError(m_parser);
        return;
    }
    // One positional argument: the session the window opens. Commands take --session.
    const QStringList files = m_parser.positionalArguments();
    QStringList commands;
    for (const Command& c : kCommands)
        if (m_parser.isSet(QString::fromLatin1(c.name)))
            commands << QStringLiteral("--") + QString::fromLatin1(c.name);
    if (!commands.isEmpty() && m_parser.isSet(QStringLiteral("screenshot")))
        commands << QStringLiteral("--screenshot");
    const bool command = !commands.isEmpty();
    // One command, each option once: the second was silently ignored (tester s21:
    // "--animate out.gif --descent gd" printed the descent and wrote no GIF).
    // Switches too (tester s24: "--analyze --analyze" ran): counted by their occurrences.
    QString twice;
    for (const QCommandLineOption& o : m_options) {
        const QString name = o.names().constLast();
        const QStringList given = m_parser.optionNames();
        const auto times = std::count_if(given.begin(), given.end(),
                                         [&](const QString& n) { return o.names().contains(n); });
        if (!twice.isEmpty() || times < 2)
            continue;
        twice = o.valueName().isEmpty()
                    ? QStringLiteral("--%1 given %2 times: give it once").arg(name).arg(times)
                    : QStringLiteral("--%1 given %2 times ('%3'): give it once")
                          .arg(name)
                          .arg(times)
                          .arg(m_parser.values(name).join(QStringLiteral("', '")));
    }
    if (commands.size() > 1)
        m_error =
            QStringLiteral("%1: one command at a time").arg(commands.join(QStringLiteral(" and ")));
    else if (!twice.isEmpty())
        m_error = twice;
    else if (files.size() > 1)
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
    // The graph view, any SVG or PDF figure (vectorexport.h) and a batch are painted with Qt.
    return m_error.isEmpty() &&
           ((m_parser.isSet(QStringLiteral("export")) &&
             (graphViewRequested(m_parser) ||
              isVectorPath(m_parser.value(QStringLiteral("export")).toStdString()))) ||
            m_parser.isSet(QStringLiteral("batch")));
}

int runCommandLine(const CommandLine& line) {
    const QCommandLineParser& p = line.m_parser;
    try {
        if (!line.m_error.isEmpty())
            throw UsageError(line.m_error);
        if (p.isSet(QStringLiteral("help"))) {
            const QByteArray help = helpText(p, line.m_options).toUtf8();
            std::fwrite(help.constData(), 1, static_cast<std::size_t>(help.size()), stdout);
            return 0;
        }
        if (p.isSet(QStringLiteral("version"))) {
            const QByteArray version = versionText().toUtf8();
            std::fwrite(version.constData(), 1, static_cast<std::size_t>(version.size()), stdout);
            return 0;
        }
        checkGivenOptions(p);
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
        checkGivenOptions(line.m_parser);
        return runGui(argc, argv, line.m_parser);
    } catch (const CommandError& e) {
        return report(e);
    }
}

} // namespace gs
