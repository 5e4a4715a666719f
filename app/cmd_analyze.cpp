// --analyze: value, exact gradient and Hessian, eigenvalues and classification at a point.
#include "commandargs.h"
#include "commands.h"
#include "curvature.h"
#include "derivatives.h"
#include "jsonutil.h"
#include "options.h"
#include "taylor.h"

namespace gs {

int analyzeCommand(const QCommandLineParser& p) {
    const QString text = requiredValue(p, QStringLiteral("function"));
    const Expression f = parseFunction(text, variablesOption(p));
    const int n = static_cast<int>(f.inputCount());
    const Eigen::VectorXd x =
        parseNumberList(QStringLiteral("--point"), requiredValue(p, QStringLiteral("point")), n);
    const Derivatives d = derivatives(f, x);
    const CurvatureAnalysis c = analyzeCurvature(d, x);

    QJsonObject o;
    o[QStringLiteral("function")] = text;
    o[QStringLiteral("variables")] = QJsonArray::fromStringList(inputNames(f));
    o[QStringLiteral("point")] = json::vector(x);
    o[QStringLiteral("value")] = json::number(d.value);
    o[QStringLiteral("gradient")] = json::vector(d.gradient);
    o[QStringLiteral("hessian")] = json::matrix(d.hessian);
    // The same rounding-to-zero rule as the readout (and every other output).
    o[QStringLiteral("hessian_eigenvalues")] = json::vector(c.eigenvaluesToTolerance());
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
    printJson(o);
    return 0;
}

} // namespace gs
