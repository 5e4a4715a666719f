// --check-gradient: a closed-form gradient typed by a person against the automatic one, at
// the point and at random draws (engine/matrixcalculus.h), as JSON.
#include "commandargs.h"
#include "commands.h"
#include "jsonutil.h"
#include "matrixcalculus.h"
#include "options.h"
#include "optiontable.h"

namespace gs {

int checkGradientCommand(const QCommandLineParser& p) {
    const auto [session, text, f] = commandFunction(p);
    const int n = static_cast<int>(f.inputCount());
    const QString closed = p.value(QStringLiteral("check-gradient"));
    if (closed.trimmed().isEmpty())
        throw UsageError(QStringLiteral("--check-gradient: empty closed form"));
    const QString wrt = requiredValue(p, QStringLiteral("with-respect-to")).trimmed();
    Eigen::VectorXd x = Eigen::VectorXd::Zero(n);
    if (p.isSet(QStringLiteral("point")))
        x = parseNumberList(QStringLiteral("--point"), p.value(QStringLiteral("point")), n,
                            inputNames(f));
    else if (session)
        x = Eigen::Map<const Eigen::VectorXd>(session->point.data(), n);
    const int draws = p.isSet(QStringLiteral("draws"))
                          ? parseCount(QStringLiteral("--draws"), p.value(QStringLiteral("draws")),
                                       0, kMaxGradientDraws)
                          : kDefaultGradientDraws;
    const QString seedFlag =
        QString::fromUtf8(options::seed.flag.data(), qsizetype(options::seed.flag.size()));
    const std::uint64_t seed =
        p.isSet(seedFlag) ? std::uint64_t(parseOption(options::seed, p.value(seedFlag))) : 1;
    const std::string closedUtf8 = closed.toStdString();
    const GradientCheckResult r = checkGradient(f, closedUtf8, wrt.toStdString(), x, draws, seed);
    if (!r.check) {
        if (r.parseError)
            throw UsageError(QStringLiteral("--check-gradient: ") +
                             describeParseError(closed, *r.parseError) + QStringLiteral("\n") +
                             QString::fromStdString(caretDiagram(closedUtf8, *r.parseError)));
        const QString option = r.error.starts_with("'") ? QStringLiteral("--with-respect-to: ")
                                                        : QStringLiteral("--check-gradient: ");
        throw UsageError(option + QString::fromStdString(r.error));
    }
    const GradientCheck& c = *r.check;
    const InputDeclaration& in = f.declaredInputs()[std::size_t(findDeclaredInput(f, c.input))];
    QJsonArray differences;
    for (const GradientDifference& d : c.differences)
        differences.append(QJsonObject{
            {QStringLiteral("draw"), d.draw},
            {QStringLiteral("entry"),
             QString::fromStdString(
                 in.elementName(std::size_t(d.row) * std::size_t(in.cols) + std::size_t(d.col)))},
            {QStringLiteral("automatic"), json::number(d.automatic)},
            {QStringLiteral("closed_form"), json::number(d.closedForm)},
            {QStringLiteral("tolerance"), json::number(d.tolerance)},
        });
    QJsonObject o;
    o[QStringLiteral("function")] = text;
    o[QStringLiteral("closed_form")] = closed;
    o[QStringLiteral("with_respect_to")] = QString::fromStdString(c.input);
    o[QStringLiteral("shape")] = QJsonArray{c.rows, c.cols};
    o[QStringLiteral("point")] = json::vector(x);
    o[QStringLiteral("draws")] = c.draws;
    o[QStringLiteral("seed")] = QString::number(c.seed);
    o[QStringLiteral("agrees")] = c.agrees;
    o[QStringLiteral("max_abs_difference")] = json::number(c.maxAbsDifference);
    o[QStringLiteral("max_tolerance")] = json::number(c.maxTolerance);
    o[QStringLiteral("differing_entries")] = qint64(c.differingEntries);
    o[QStringLiteral("differences")] = differences;
    o[QStringLiteral("automatic")] = json::shaped(c.automatic, in.dimensions);
    o[QStringLiteral("closed_form_value")] = json::shaped(c.closedForm, in.dimensions);
    o[QStringLiteral("summary")] = QString::fromStdString(c.summary);
    printJson(o);
    return 0;
}

} // namespace gs
