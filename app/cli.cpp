#include "cli.h"

#include "curvature.h"
#include "derivatives.h"
#include "jsonutil.h"
#include "options.h"
#include "taylor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace gs {

namespace {

const QStringList kCommands = {QStringLiteral("analyze"), QStringLiteral("export"),
                               QStringLiteral("descent")};

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

} // namespace

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
        throw UsageError(QStringLiteral("no command given"));
    } catch (const UsageError& e) {
        std::fprintf(stderr, "gradscape: %s\nTry 'gradscape --help'.\n", e.what());
        return 2;
    }
}

} // namespace gs
