#include "cli.h"

#include "cmd_criticalpoints.h"
#include "curvature.h"
#include "derivatives.h"
#include "document.h"
#include "jsonutil.h"
#include "mainwindow.h"
#include "optimizers.h"
#include "options.h"
#include "scenebinding.h"
#include "sceneexport.h"
#include "surfacescene.h"
#include "taylor.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScreen>
#include <QSettings>
#include <QTimer>
#include <QUndoStack>
#include <cstdio>
#include <limits>

namespace gs {

namespace {

const QStringList kCommands = {QStringLiteral("analyze"), QStringLiteral("export"),
                               QStringLiteral("descent"), QStringLiteral("animate"),
                               QStringLiteral("critical-points")};

void addOptions(QCommandLineParser& p) {
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.setApplicationDescription(QStringLiteral(
        "Explore the calculus of machine learning: surfaces, exact gradients and Hessians,\n"
        "Taylor models and optimizers. Without a command, opens the window."));
    p.addHelpOption();
    p.addVersionOption();
    p.addOptions({
        {QStringLiteral("analyze"), QStringLiteral("Print f, gradient, Hessian, eigenvalues and "
                                                   "classification at --point as JSON.")},
        {QStringLiteral("critical-points"),
         QStringLiteral("Find and classify the critical points of --function on --domain (one "
                        "input: xmin,xmax) and its extremes there; print them as JSON.")},
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
        {QStringLiteral("domain"), QStringLiteral("Plot range (default -2,2,-2,2)."),
         QStringLiteral("xmin,xmax,ymin,ymax")},
        {QStringLiteral("resolution"), QStringLiteral("Samples per axis, 3 to 1001 (default 101)."),
         QStringLiteral("N")},
        {QStringLiteral("wire-lines"), QStringLiteral("Wire lines per axis (default 21)."),
         QStringLiteral("N")},
        {QStringLiteral("show"),
         QStringLiteral("What to draw at the point: any of tangent,quadratic,gradient, or none "
                        "(default all)."),
         QStringLiteral("LIST")},
        {QStringLiteral("shaded"), QStringLiteral("Shaded surface coloured by height.")},
        {QStringLiteral("size"), QStringLiteral("Image size (default 1200x900)."),
         QStringLiteral("WxH")},
        {QStringLiteral("transparent"), QStringLiteral("Transparent background (PNG only).")},
        {QStringLiteral("descent"),
         QStringLiteral("Run an optimizer from --start and print its trajectory as JSON: "
                        "gd, momentum, nesterov, adam or newton."),
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
        {QStringLiteral("lr"), QStringLiteral("Learning rate (default 0.1)."), QStringLiteral("a")},
        {QStringLiteral("steps"), QStringLiteral("Step budget, 0 to 100000 (default 100)."),
         QStringLiteral("n")},
        {QStringLiteral("momentum"),
         QStringLiteral("Momentum and Nesterov coefficient (default 0.9)."), QStringLiteral("b")},
        {QStringLiteral("beta1"), QStringLiteral("Adam's beta1 (default 0.9)."),
         QStringLiteral("b1")},
        {QStringLiteral("beta2"), QStringLiteral("Adam's beta2 (default 0.999)."),
         QStringLiteral("b2")},
        {QStringLiteral("damping"), QStringLiteral("Newton step scale (default 1)."),
         QStringLiteral("d")},
        {QStringLiteral("tolerance"),
         QStringLiteral("Converged when |grad f| <= t (default 1e-6)."), QStringLiteral("t")},
        {QStringLiteral("screenshot"),
         QStringLiteral("Open the window, save a screenshot of it to FILE and quit."),
         QStringLiteral("FILE")},
    });
}

QString value(const QCommandLineParser& p, const QString& name) {
    if (!p.isSet(name))
        throw UsageError(QStringLiteral("--%1 is required").arg(name));
    return p.value(name);
}

QStringList variablesOption(const QCommandLineParser& p) {
    if (!p.isSet(QStringLiteral("variables")))
        return {};
    const QStringList v = p.value(QStringLiteral("variables")).split(QLatin1Char(','));
    for (const auto& name : v)
        if (name.trimmed().isEmpty())
            throw UsageError(QStringLiteral("--variables: empty name in '%1'")
                                 .arg(p.value(QStringLiteral("variables"))));
    return v;
}

QStringList inputNames(const Expression& f) {
    QStringList names;
    for (const auto& n : f.inputs())
        names << QString::fromStdString(n);
    return names;
}

void print(const QJsonObject& o) {
    const QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Compact);
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int analyze(const QCommandLineParser& p) {
    const QString text = value(p, QStringLiteral("function"));
    const Expression f = parseFunction(text, variablesOption(p));
    const int n = static_cast<int>(f.inputCount());
    const Eigen::VectorXd x =
        parseNumberList(QStringLiteral("--point"), value(p, QStringLiteral("point")), n);
    const Derivatives d = derivatives(f, x);
    const CurvatureAnalysis c = analyzeCurvature(d, x);

    QJsonObject o;
    o[QStringLiteral("function")] = text;
    o[QStringLiteral("variables")] = QJsonArray::fromStringList(inputNames(f));
    o[QStringLiteral("point")] = json::vector(x);
    o[QStringLiteral("value")] = json::number(d.value);
    o[QStringLiteral("gradient")] = json::vector(d.gradient);
    o[QStringLiteral("hessian")] = json::matrix(d.hessian);
    o[QStringLiteral("hessian_eigenvalues")] = json::vector(c.eigenvalues);
    o[QStringLiteral("classification")] = QString::fromUtf8(toString(c.classification).data());
    if (p.isSet(QStringLiteral("epsilon"))) {
        const Eigen::VectorXd eps =
            parseNumberList(QStringLiteral("--epsilon"), p.value(QStringLiteral("epsilon")), n);
        const ApproximationCheck a = approximationCheck(f, d, x, eps);
        o[QStringLiteral("approximation")] = QJsonObject{
            {QStringLiteral("epsilon"), json::vector(eps)},
            {QStringLiteral("true"), json::number(a.trueValue)},
            {QStringLiteral("linear"), json::number(a.linear)},
            {QStringLiteral("quadratic"), json::number(a.quadratic)},
        };
    }
    print(o);
    return 0;
}

double optionNumber(const QCommandLineParser& p, const char* name, double fallback) {
    const QString key = QString::fromLatin1(name);
    return p.isSet(key) ? parseNumber(QStringLiteral("--") + key, p.value(key)) : fallback;
}

/// --lr, --steps, --momentum, --beta1, --beta2, --damping, --tolerance; ranges are the
/// engine's (checkOptions), reported under the option's name.
OptimizerOptions optimizerOptions(const QCommandLineParser& p) {
    OptimizerOptions o;
    o.learningRate = optionNumber(p, "lr", o.learningRate);
    o.momentum = optionNumber(p, "momentum", o.momentum);
    o.beta1 = optionNumber(p, "beta1", o.beta1);
    o.beta2 = optionNumber(p, "beta2", o.beta2);
    o.damping = optionNumber(p, "damping", o.damping);
    o.tolerance = optionNumber(p, "tolerance", o.tolerance);
    if (p.isSet(QStringLiteral("steps")))
        o.maxSteps = parseCount(QStringLiteral("--steps"), p.value(QStringLiteral("steps")),
                                std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    if (const auto problem = checkOptions(o)) {
        const QString option = QString::fromStdString(problem->option);
        throw UsageError(
            QStringLiteral("--%1: %2 is out of range: it must be %3")
                .arg(option, p.value(option), QString::fromStdString(problem->requirement)));
    }
    return o;
}

std::optional<Method> parseMethod(const QString& option, const QString& name) {
    const auto method = methodFromString(name.trimmed().toStdString());
    if (!method)
        throw UsageError(QStringLiteral("%1: unknown method '%2' (use gd, momentum, nesterov, "
                                        "adam or newton)")
                             .arg(option, name));
    return method;
}

int descent(const QCommandLineParser& p) {
    const auto method =
        parseMethod(QStringLiteral("--descent"), p.value(QStringLiteral("descent")));
    const QString text = value(p, QStringLiteral("function"));
    const Expression f = parseFunction(text, variablesOption(p));
    const int n = static_cast<int>(f.inputCount());
    const Eigen::VectorXd start =
        parseNumberList(QStringLiteral("--start"), value(p, QStringLiteral("start")), n);
    OptimizerOptions o = optimizerOptions(p);
    o.method = *method;
    const Trajectory t = optimize(f, start, o);

    QJsonArray points;
    for (const Step& step : t.steps) {
        QJsonArray row = json::vector(step.x);
        row.append(json::number(step.value));
        points.append(row);
    }
    QJsonObject out;
    out[QStringLiteral("method")] = QString::fromUtf8(toString(o.method).data());
    out[QStringLiteral("function")] = text;
    out[QStringLiteral("variables")] = QJsonArray::fromStringList(inputNames(f));
    out[QStringLiteral("trajectory")] = points;
    out[QStringLiteral("stop_reason")] = QString::fromUtf8(toString(t.reason).data());
    out[QStringLiteral("message")] = QString::fromStdString(t.message);
    out[QStringLiteral("steps")] = t.stepCount();
    print(out);
    return 0;
}

ImageExportOptions imageOptions(const QCommandLineParser& p) {
    ImageExportOptions o;
    if (p.isSet(QStringLiteral("size"))) {
        const QString text = p.value(QStringLiteral("size"));
        const QStringList wh = text.toLower().split(QLatin1Char('x'));
        if (wh.size() != 2)
            throw UsageError(
                QStringLiteral("--size: expected WIDTHxHEIGHT such as 1200x900, got '%1'")
                    .arg(text));
        o.width = parseCount(QStringLiteral("--size (width)"), wh[0], 16, kMaxExportSide);
        o.height = parseCount(QStringLiteral("--size (height)"), wh[1], 16, kMaxExportSide);
    }
    o.transparent = p.isSet(QStringLiteral("transparent"));
    return o;
}

/// The scene options shared by --export and the GUI's start-up, applied to `s`.
Settings sceneSettings(const QCommandLineParser& p) {
    Settings s;
    if (p.isSet(QStringLiteral("function")))
        s.function = p.value(QStringLiteral("function"));
    s.variables = variablesOption(p);
    ParseError pe;
    const QStringList vars = documentVariables(s.function, s.variables, &pe);
    const Expression f = parseFunction(s.function, vars); // caret diagram on error
    const int n = static_cast<int>(f.inputCount());
    s.point.assign(std::size_t(n), 0.0);
    if (p.isSet(QStringLiteral("point"))) {
        const Eigen::VectorXd x =
            parseNumberList(QStringLiteral("--point"), p.value(QStringLiteral("point")), n);
        s.point.assign(x.data(), x.data() + x.size());
    } else if (s.function == Settings().function) {
        s.point = Settings().point; // the book's figure: the quadratic at (-1, 0)
    }
    if (p.isSet(QStringLiteral("epsilon"))) {
        const Eigen::VectorXd e =
            parseNumberList(QStringLiteral("--epsilon"), p.value(QStringLiteral("epsilon")), n);
        s.epsilon.assign(e.data(), e.data() + e.size());
    }
    if (p.isSet(QStringLiteral("domain"))) {
        const Eigen::VectorXd d =
            parseNumberList(QStringLiteral("--domain"), p.value(QStringLiteral("domain")), 4);
        if (!(d[0] < d[1]) || !(d[2] < d[3]))
            throw UsageError(QStringLiteral("--domain: need xmin < xmax and ymin < ymax, got '%1'")
                                 .arg(p.value(QStringLiteral("domain"))));
        s.xmin = d[0];
        s.xmax = d[1];
        s.ymin = d[2];
        s.ymax = d[3];
    }
    if (p.isSet(QStringLiteral("resolution")))
        s.resolution =
            parseCount(QStringLiteral("--resolution"), p.value(QStringLiteral("resolution")),
                       Document::kMinResolution, Document::kMaxResolution);
    if (p.isSet(QStringLiteral("wire-lines")))
        s.wireLines = parseCount(QStringLiteral("--wire-lines"),
                                 p.value(QStringLiteral("wire-lines")), 2, 201);
    if (p.isSet(QStringLiteral("show"))) {
        s.showTangent = s.showQuadratic = s.showGradient = false;
        for (const QString& item : p.value(QStringLiteral("show")).split(QLatin1Char(','))) {
            const QString w = item.trimmed().toLower();
            if (w == QLatin1String("tangent"))
                s.showTangent = true;
            else if (w == QLatin1String("quadratic"))
                s.showQuadratic = true;
            else if (w == QLatin1String("gradient"))
                s.showGradient = true;
            else if (w != QLatin1String("none"))
                throw UsageError(
                    QStringLiteral(
                        "--show: unknown item '%1' (use tangent, quadratic, gradient or none)")
                        .arg(item));
        }
    }
    s.shaded = p.isSet(QStringLiteral("shaded"));
    if (p.isSet(QStringLiteral("runs"))) {
        std::vector<double> start = s.point;
        if (p.isSet(QStringLiteral("start"))) {
            const Eigen::VectorXd x =
                parseNumberList(QStringLiteral("--start"), p.value(QStringLiteral("start")), n);
            start.assign(x.data(), x.data() + x.size());
        }
        for (const QString& name : p.value(QStringLiteral("runs")).split(QLatin1Char(','))) {
            RunSettings run;
            run.options = optimizerOptions(p);
            run.options.method = *parseMethod(QStringLiteral("--runs"), name);
            run.start = start;
            s.runs.push_back(run);
        }
    }
    return s;
}

int animate(const QCommandLineParser& p) {
    const QString path = p.value(QStringLiteral("animate"));
    ImageExportOptions options = imageOptions(p);
    if (!p.isSet(QStringLiteral("size"))) {
        options.width = 960;
        options.height = 720;
    }
    Document doc;
    if (const QString error = doc.change(sceneSettings(p), QStringLiteral("Command line"));
        !error.isEmpty())
        throw UsageError(error);
    if (doc.trajectories().empty())
        throw UsageError(
            QStringLiteral("--animate: no runs to animate; add --runs gd,newton (for example)"));
    int frames = 0;
    for (const Trajectory& t : doc.trajectories())
        frames = std::max(frames, t.stepCount() + 1);
    SurfaceScene scene;
    showDocument(scene, doc, std::max(1.0, options.height / 900.0));
    const std::string error = exportAnimation(
        scene.renderer(), path.toStdString(), options, frames, 8.0,
        [&](int k) { showFrame(scene, doc, k); }, [&] { scene.resetCamera(); });
    if (!error.empty()) {
        const bool input = error.find("X display") == std::string::npos;
        std::fprintf(stderr, "gradscape: --animate: %s\n", error.c_str());
        return input ? 2 : 1;
    }
    std::printf("%s\n", qPrintable(path));
    return 0;
}

int exportScene(const QCommandLineParser& p) {
    const QString path = p.value(QStringLiteral("export"));
    const ImageExportOptions options = imageOptions(p);
    if (const std::string problem = validateImageExport(path.toStdString(), options);
        !problem.empty())
        throw UsageError(QStringLiteral("--export: ") + QString::fromStdString(problem));
    Document doc;
    if (const QString error = doc.change(sceneSettings(p), QStringLiteral("Command line"));
        !error.isEmpty())
        throw UsageError(error);
    if (!displayAvailable()) {
        std::fprintf(stderr, "gradscape: --export needs an X display (DISPLAY is not set or "
                             "unreachable); run it as xvfb-run -a gradscape ...\n");
        return 1;
    }
    SurfaceScene scene;
    // Fonts and lines grow with the picture, relative to a 900-pixel-high window.
    showDocument(scene, doc, std::max(1.0, options.height / 900.0));
    // The camera is fitted once the off-screen window gives the picture its aspect.
    if (const std::string error = exportImage(
            scene.renderer(), path.toStdString(), options, [&] { scene.resetCamera(); },
            ExportTeardown::ProcessExits);
        !error.empty()) {
        std::fprintf(stderr, "gradscape: %s\n", error.c_str());
        return 1;
    }
    std::printf("%s\n", qPrintable(path));
    return 0;
}

} // namespace

Settings settingsFromArguments(const QStringList& arguments) {
    QCommandLineParser p;
    addOptions(p);
    if (!p.parse(arguments))
        throw UsageError(p.errorText());
    if (!p.positionalArguments().isEmpty())
        throw UsageError(
            QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));
    return sceneSettings(p);
}

int runGui(int& argc, char** argv, const QStringList& arguments) {
    Settings settings;
    QString screenshot;
    try { // bad options are reported before anything else, display or not
        settings = settingsFromArguments(arguments);
        QCommandLineParser p;
        addOptions(p);
        p.parse(arguments);
        screenshot = p.value(QStringLiteral("screenshot"));
    } catch (const UsageError& e) {
        std::fprintf(stderr, "gradscape: %s\nTry 'gradscape --help'.\n", e.what());
        return 2;
    }
    const bool display = !qEnvironmentVariableIsEmpty("DISPLAY") ||
                         !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
                         !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
    if (!display) {
        std::fprintf(stderr, "gradscape: no display to open the window on (DISPLAY is not set).\n"
                             "Run it under xvfb-run, or use --analyze or --export; see --help.\n");
        return 1;
    }
    QApplication app(argc, argv);
    Document doc;
    doc.change(settings, QStringLiteral("Start"));
    doc.undoStack()->clear(); // the start is not an undoable step
    MainWindow window(&doc);
    // The window's size and dock layout come back as the person left them.
    // (Not for --screenshot, whose pictures must not depend on the last session.)
    QSettings store;
    if (screenshot.isEmpty()) {
        window.restoreGeometry(store.value(QStringLiteral("window/geometry")).toByteArray());
        window.restoreState(store.value(QStringLiteral("window/state")).toByteArray());
    }
    window.show();
    if (!screenshot.isEmpty()) {
        QTimer::singleShot(1500, &window, [&] {
            const QPixmap shot = window.screen()->grabWindow(window.winId());
            const bool ok = shot.save(screenshot);
            if (ok)
                std::printf("%s\n", qPrintable(screenshot));
            else
                std::fprintf(stderr, "gradscape: could not write the screenshot '%s'\n",
                             qPrintable(screenshot));
            app.exit(ok ? 0 : 1);
        });
    }
    const int code = app.exec();
    if (screenshot.isEmpty()) {
        store.setValue(QStringLiteral("window/geometry"), window.saveGeometry());
        store.setValue(QStringLiteral("window/state"), window.saveState());
    }
    return code;
}

bool isHeadlessCommand(const QStringList& arguments) {
    for (const auto& a : arguments.mid(1)) {
        const QString name = a.section(QLatin1Char('='), 0, 0);
        for (const auto& c : kCommands)
            if (name == QStringLiteral("--") + c)
                return true;
        if (name == QStringLiteral("--help") || name == QStringLiteral("-h") ||
            name == QStringLiteral("--version") || name == QStringLiteral("-v"))
            return true;
    }
    return false;
}

int runCommandLine(const QStringList& arguments) {
    QCommandLineParser p;
    addOptions(p);
    try {
        if (!p.parse(arguments))
            throw UsageError(p.errorText());
        if (p.isSet(QStringLiteral("help"))) {
            const QByteArray help = p.helpText().toUtf8();
            std::fwrite(help.constData(), 1, static_cast<std::size_t>(help.size()), stdout);
            return 0;
        }
        if (p.isSet(QStringLiteral("version"))) {
            std::printf("gradscape %s\n", qPrintable(QCoreApplication::applicationVersion()));
            return 0;
        }
        if (!p.positionalArguments().isEmpty())
            throw UsageError(
                QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));
        if (p.isSet(QStringLiteral("analyze")))
            return analyze(p);
        if (p.isSet(QStringLiteral("export")))
            return exportScene(p);
        if (p.isSet(QStringLiteral("descent")))
            return descent(p);
        if (p.isSet(QStringLiteral("animate")))
            return animate(p);
        if (p.isSet(QStringLiteral("critical-points")))
            return criticalPointsCommand(p);
        throw UsageError(QStringLiteral("no command given"));
    } catch (const UsageError& e) {
        std::fprintf(stderr, "gradscape: %s\nTry 'gradscape --help'.\n", e.what());
        return 2;
    }
}

} // namespace gs
