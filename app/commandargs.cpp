#include "commandargs.h"

#include "options.h"

#include <QJsonDocument>
#include <algorithm>
#include <cmath>
#include <cstdio>

namespace gs {

QString requiredValue(const QCommandLineParser& p, const QString& name) {
    if (!p.isSet(name))
        throw UsageError(QStringLiteral("--%1 is required").arg(name));
    return p.value(name);
}

QStringList variablesOption(const QCommandLineParser& p) {
    if (!p.isSet(QStringLiteral("variables")))
        return {};
    // Commas inside a shape (V[5,4]) do not separate variables.
    QStringList v;
    for (const std::string& item :
         splitVariableList(p.value(QStringLiteral("variables")).toStdString()))
        v << QString::fromStdString(item);
    for (const auto& name : v)
        if (name.trimmed().isEmpty())
            throw UsageError(QStringLiteral("--variables: empty name in '%1'")
                                 .arg(p.value(QStringLiteral("variables"))));
    // A malformed declaration or a name listed twice is this option's error, not the
    // function's (the parser would put its caret under the function's text).
    QStringList names;
    for (const QString& item : v) {
        std::string message;
        const auto d = parseInputDeclaration(item.toStdString(), &message);
        if (!d)
            throw UsageError(
                QStringLiteral("--variables: %1").arg(QString::fromStdString(message)));
        const QString name = QString::fromStdString(d->name);
        if (names.contains(name))
            throw UsageError(QStringLiteral("--variables: '%1' is listed twice in '%2'")
                                 .arg(name, p.value(QStringLiteral("variables"))));
        names << name;
    }
    return v;
}

std::vector<Parameter> parametersOption(const QCommandLineParser& p) {
    const QString option = QStringLiteral("parameters");
    if (!p.isSet(option))
        return {};
    const QString text = p.value(option);
    const QStringList variables = variablesOption(p);
    std::vector<Parameter> out;
    for (const QString& raw : text.split(QLatin1Char(','))) {
        const QString item = raw.trimmed();
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        if (item.isEmpty())
            throw UsageError(QStringLiteral("--parameters: empty item in '%1' (write "
                                            "NAME=VALUE,NAME=VALUE)")
                                 .arg(text));
        if (eq < 0)
            throw UsageError(
                QStringLiteral("--parameters: '%1' has no '=' (write %1=VALUE)").arg(item));
        const QString name = item.left(eq).trimmed();
        const QString value = item.mid(eq + 1).trimmed();
        if (name.isEmpty())
            throw UsageError(QStringLiteral("--parameters: '%1' has no name").arg(item));
        if (value.isEmpty())
            throw UsageError(QStringLiteral("--parameters: '%1' has no value").arg(item));
        bool ok = false;
        const double v = value.toDouble(&ok);
        if (!ok || !std::isfinite(v))
            throw UsageError(
                QStringLiteral("--parameters: '%1': '%2' is not a finite number").arg(item, value));
        for (const Parameter& q : out)
            if (q.name == name)
                throw UsageError(QStringLiteral("--parameters: '%1' is given twice").arg(name));
        for (const QString& var : variables)
            if (var.trimmed() == name)
                throw UsageError(QStringLiteral("--parameters: '%1' is also a variable (in "
                                                "--variables); a name is one or the other")
                                     .arg(name));
        out.push_back(Parameter::named(name, v));
    }
    if (out.size() > std::size_t(Document::kMaxParameters))
        throw UsageError(QStringLiteral("--parameters: %1 parameters; at most %2")
                             .arg(out.size())
                             .arg(Document::kMaxParameters));
    return out;
}

std::vector<Parameter> withParametersOption(const QCommandLineParser& p,
                                            std::vector<Parameter> base) {
    for (const Parameter& given : parametersOption(p)) {
        auto it = std::find_if(base.begin(), base.end(),
                               [&](const Parameter& q) { return q.name == given.name; });
        if (it == base.end()) {
            base.push_back(given);
            continue;
        }
        it->value = given.value;
        it->min = std::min(it->min, given.min);
        it->max = std::max(it->max, given.max);
        if (!(it->min <= it->value && it->value <= it->max)) { // keeps the session's range
            it->min = std::min(it->min, given.value);
            it->max = std::max(it->max, given.value);
        }
    }
    return base;
}

Expression functionOption(const QCommandLineParser& p) {
    // The window's rule: the fixed variables, else the names f uses (documentVariables).
    Settings s;
    s.parameters = parametersOption(p);
    const QString text = requiredValue(p, QStringLiteral("function"));
    return parseFunction(text,
                         documentVariables(text, variablesOption(p), nullptr, parameterValues(s)),
                         parameterValues(s));
}

QStringList inputNames(const Expression& f) {
    QStringList names;
    for (const auto& n : f.inputs())
        names << QString::fromStdString(n);
    return names;
}

namespace {

QString flagOf(const OptionSpec& spec) {
    return QString::fromUtf8(spec.flag.data(), qsizetype(spec.flag.size()));
}

double optionValue(const QCommandLineParser& p, const OptionSpec& spec, double fallback) {
    const QString flag = flagOf(spec);
    return p.isSet(flag) ? parseOption(spec, p.value(flag)) : fallback;
}

} // namespace

OptimizerOptions optimizerOptions(const QCommandLineParser& p, OptimizerOptions base) {
    OptimizerOptions o = base;
    o.learningRate = optionValue(p, options::learningRate, o.learningRate);
    o.maxSteps = int(optionValue(p, options::steps, o.maxSteps));
    o.momentum = optionValue(p, options::momentum, o.momentum);
    o.beta1 = optionValue(p, options::beta1, o.beta1);
    o.beta2 = optionValue(p, options::beta2, o.beta2);
    o.epsilon = optionValue(p, options::epsilon, o.epsilon);
    o.rho = optionValue(p, options::rho, o.rho);
    o.nu = optionValue(p, options::nu, o.nu);
    o.nu1 = optionValue(p, options::nu1, o.nu1);
    o.nu2 = optionValue(p, options::nu2, o.nu2);
    o.damping = optionValue(p, options::damping, o.damping);
    o.tolerance = optionValue(p, options::tolerance, o.tolerance);
    o.noise = optionValue(p, options::noise, o.noise);
    o.seed = std::uint64_t(optionValue(p, options::seed, double(o.seed)));
    return o;
}

Method parseMethod(const QString& option, const QString& name) {
    const auto method = methodFromString(name.trimmed().toStdString());
    if (!method)
        throw UsageError(QStringLiteral("%1: unknown method '%2' (use %3)")
                             .arg(option, name, QString::fromStdString(methodNames())));
    return *method;
}

ImageExportOptions imageOptions(const QCommandLineParser& p, int defaultWidth, int defaultHeight) {
    ImageExportOptions o;
    o.width = defaultWidth;
    o.height = defaultHeight;
    if (p.isSet(QStringLiteral("size"))) {
        const QString text = p.value(QStringLiteral("size"));
        const QStringList wh = text.toLower().split(QLatin1Char('x'));
        if (wh.size() != 2)
            throw UsageError(
                QStringLiteral("--size: expected WIDTHxHEIGHT such as 1200x900, got '%1'")
                    .arg(text));
        const auto& side = options::imageSide;
        o.width = parseCount(QStringLiteral("--size (width)"), wh[0], int(side.min), int(side.max));
        o.height =
            parseCount(QStringLiteral("--size (height)"), wh[1], int(side.min), int(side.max));
    }
    o.transparent = p.isSet(QStringLiteral("transparent"));
    return o;
}

std::optional<Session> sessionOption(const QCommandLineParser& p) {
    if (!p.isSet(QStringLiteral("session")))
        return std::nullopt;
    const SessionRead r = readSession(p.value(QStringLiteral("session")));
    if (!r.session)
        throw UsageError(QStringLiteral("--session: ") + r.error);
    return r.session;
}

Settings sceneSettings(const QCommandLineParser& p) {
    const std::optional<Session> session = sessionOption(p);
    return sceneSettings(p, session ? &*session : nullptr);
}

Settings sceneSettings(const QCommandLineParser& p, const Session* session) {
    Settings s = session ? session->settings : Settings();
    if (p.isSet(QStringLiteral("function")))
        s.function = p.value(QStringLiteral("function"));
    if (!session || p.isSet(QStringLiteral("variables")) || p.isSet(QStringLiteral("function")))
        s.variables = variablesOption(p);
    s.parameters = withParametersOption(p, s.parameters);
    for (const Parameter& q : s.parameters) // a session's parameter named in --variables
        if (s.variables.contains(q.name))
            throw UsageError(QStringLiteral("--variables: '%1' is a parameter of the session; "
                                            "a name is one or the other")
                                 .arg(q.name));
    const std::vector<ParameterValue> params = parameterValues(s);
    ParseError pe;
    const QStringList vars = documentVariables(s.function, s.variables, &pe, params);
    const Expression f = parseFunction(s.function, vars, params); // caret diagram on error
    const int n = static_cast<int>(f.inputCount());
    if (p.isSet(QStringLiteral("point"))) {
        const Eigen::VectorXd x = parseNumberList(
            QStringLiteral("--point"), p.value(QStringLiteral("point")), n, inputNames(f));
        s.point.assign(x.data(), x.data() + x.size());
    } else if (session) {
        s.point.resize(std::size_t(n), 0.0); // the session's point, one coordinate per input
    } else if (s.function == Settings().function) {
        s.point = Settings().point; // the book's figure: the quadratic at (-1, 0)
    } else {
        s.point.assign(std::size_t(n), 0.0);
    }
    if (p.isSet(QStringLiteral("epsilon"))) {
        const Eigen::VectorXd e =
            parseNumberList(QStringLiteral("--epsilon"), p.value(QStringLiteral("epsilon")), n);
        s.epsilon.assign(e.data(), e.data() + e.size());
    }
    if (p.isSet(QStringLiteral("domain"))) {
        const QString text = p.value(QStringLiteral("domain"));
        // One input has an interval (xmin,xmax); the y range keeps its default.
        const bool interval = n == 1 && text.count(QLatin1Char(',')) == 1;
        Eigen::VectorXd d = parseNumberList(QStringLiteral("--domain"), text, interval ? 2 : 4);
        if (d.size() == 2) {
            d.conservativeResize(4);
            d[2] = s.ymin;
            d[3] = s.ymax;
        }
        checkDomainBounds(d);
        if (!(d[0] < d[1]) || !(d[2] < d[3]))
            throw UsageError(
                QStringLiteral("--domain: need xmin < xmax and ymin < ymax, got '%1'").arg(text));
        s.xmin = d[0];
        s.xmax = d[1];
        s.ymin = d[2];
        s.ymax = d[3];
    }
    if (p.isSet(QStringLiteral("resolution")))
        s.resolution = int(parseOption(options::resolution, p.value(QStringLiteral("resolution"))));
    if (p.isSet(QStringLiteral("wire-lines")))
        s.wireLines = int(parseOption(options::wireLines, p.value(QStringLiteral("wire-lines"))));
    if (p.isSet(QStringLiteral("model-radius")))
        s.modelRadius = parseOption(options::modelRadius, p.value(QStringLiteral("model-radius")));
    if (p.isSet(QStringLiteral("box-aspect")))
        s.boxAspect = parseOption(options::boxAspect, p.value(QStringLiteral("box-aspect")));
    if (p.isSet(QStringLiteral("show"))) {
        s.showTangent = s.showQuadratic = s.showGradient = s.showField = s.showBands = false;
        for (const QString& item : p.value(QStringLiteral("show")).split(QLatin1Char(','))) {
            const QString w = item.trimmed().toLower();
            if (w == QLatin1String("tangent"))
                s.showTangent = true;
            else if (w == QLatin1String("quadratic"))
                s.showQuadratic = true;
            else if (w == QLatin1String("gradient"))
                s.showGradient = true;
            else if (w == QLatin1String("field"))
                s.showField = true;
            else if (w == QLatin1String("bands"))
                s.showBands = true;
            else if (w != QLatin1String("none") && w != QLatin1String("critical") &&
                     w != QLatin1String("state"))
                throw UsageError(QStringLiteral("--show: unknown item '%1' (use tangent, "
                                                "quadratic, gradient, field, bands, critical, "
                                                "state or none)")
                                     .arg(item));
        }
    }
    s.shaded = s.shaded || p.isSet(QStringLiteral("shaded"));
    std::optional<std::vector<double>> start;
    if (p.isSet(QStringLiteral("start"))) {
        const Eigen::VectorXd x = parseNumberList(
            QStringLiteral("--start"), p.value(QStringLiteral("start")), n, inputNames(f));
        start.emplace(x.data(), x.data() + x.size());
    }
    if (!p.isSet(QStringLiteral("runs"))) {
        // The session's runs, with the optimizer options given on the command line.
        for (RunSettings& run : s.runs) {
            const Method method = run.options.method;
            run.options = optimizerOptions(p, run.options);
            run.options.method = method;
            run.start = start ? *start : run.start;
            run.start.resize(std::size_t(n), 0.0);
        }
    } else {
        s.runs.clear();
        const OptimizerOptions common = optimizerOptions(p);
        for (const QString& name : p.value(QStringLiteral("runs")).split(QLatin1Char(','))) {
            RunSettings run;
            run.options = common;
            run.options.method = parseMethod(QStringLiteral("--runs"), name);
            run.start = start ? *start : s.point;
            s.runs.push_back(run);
        }
    }
    return s;
}

CommandFunction commandFunction(const QCommandLineParser& p) {
    std::optional<Settings> session =
        p.isSet(QStringLiteral("session")) ? std::optional(sceneSettings(p)) : std::nullopt;
    QString text = session ? session->function : requiredValue(p, QStringLiteral("function"));
    // The window's rule: the fixed variables, else the names f uses (documentVariables).
    Expression f = session ? parseFunction(text,
                                           documentVariables(text, session->variables, nullptr,
                                                             parameterValues(*session)),
                                           parameterValues(*session))
                           : functionOption(p);
    return {std::move(session), std::move(text), std::move(f)};
}

void printJson(const QJsonObject& o) {
    const QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Compact);
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

namespace {

bool showsItem(const QCommandLineParser& p, QLatin1String item) {
    if (!p.isSet(QStringLiteral("show")))
        return false;
    for (const QString& w : p.value(QStringLiteral("show")).split(QLatin1Char(',')))
        if (w.trimmed().compare(item, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

bool showsCriticalPoints(const QCommandLineParser& p) {
    return showsItem(p, QLatin1String("critical"));
}

bool showsState(const QCommandLineParser& p) {
    return showsItem(p, QLatin1String("state"));
}

void checkDomainBounds(const Eigen::VectorXd& d) {
    for (Eigen::Index i = 0; i < d.size(); ++i)
        if (!options::domainBound.accepts(d[i]))
            throw UsageError(QStringLiteral("--domain: item %1, %2, is out of range: it must be %3")
                                 .arg(i + 1)
                                 .arg(d[i])
                                 .arg(QString::fromStdString(options::domainBound.requirement())));
}

} // namespace gs
