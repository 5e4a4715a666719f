// --analyze: value, exact gradient and Hessian, eigenvalues and classification at a point.
#include "commandargs.h"
#include "commands.h"
#include "curvature.h"
#include "derivatives.h"
#include "jsonutil.h"
#include "matrixcalculus.h"
#include "options.h"
#include "taylor.h"

namespace gs {

int analyzeCommand(const QCommandLineParser& p) {
    // With --session, the function, point and epsilon are the session's unless given.
    const auto [session, text, f] = commandFunction(p);
    const int n = static_cast<int>(f.inputCount());
    const Eigen::VectorXd x =
        session ? Eigen::Map<const Eigen::VectorXd>(session->point.data(), n).eval()
                : parseNumberList(QStringLiteral("--point"),
                                  requiredValue(p, QStringLiteral("point")), n);
    const Derivatives d = derivatives(f, x);
    const CurvatureAnalysis c = analyzeCurvature(d, x);

    QJsonObject o;
    o[QStringLiteral("function")] = text;
    o[QStringLiteral("variables")] = QJsonArray::fromStringList(inputNames(f));
    o[QStringLiteral("point")] = json::vector(x);
    if (!f.parameters().empty()) {
        QJsonObject parameters;
        for (const ParameterValue& q : f.parameters())
            parameters[QString::fromStdString(q.name)] = q.value;
        o[QStringLiteral("parameters")] = parameters;
    }
    o[QStringLiteral("value")] = json::number(d.value);
    o[QStringLiteral("gradient")] = json::vector(d.gradient);
    // The gradient in the shape of each input (denominator layout): {"x": [...], "V": [[...]]}.
    QJsonObject byInput;
    for (const InputDeclaration& in : f.declaredInputs())
        byInput[QString::fromStdString(in.name)] =
            json::shaped(inputBlock(in, d.gradient), in.dimensions);
    o[QStringLiteral("gradient_by_input")] = byInput;
    if (d.hessianComputed) {
        o[QStringLiteral("hessian")] = json::matrix(d.hessian);
        // The same rounding-to-zero rule as the readout (and every other output).
        o[QStringLiteral("hessian_eigenvalues")] = json::vector(c.eigenvaluesToTolerance());
        o[QStringLiteral("classification")] = QString::fromUtf8(toString(c.classification).data());
    } else {
        // Many inputs: the gradient by reverse mode, no Hessian, and it says why.
        o[QStringLiteral("hessian")] = QJsonValue();
        o[QStringLiteral("hessian_eigenvalues")] = QJsonValue();
        o[QStringLiteral("hessian_not_computed")] =
            QString::fromStdString(hessianNotComputed(f).value_or(""));
        o[QStringLiteral("classification")] = QStringLiteral("not_classified");
    }
    if (session || p.isSet(QStringLiteral("epsilon"))) {
        Eigen::VectorXd eps;
        if (session) {
            std::vector<double> e = session->epsilon;
            e.resize(std::size_t(n), 0.0);
            eps = Eigen::Map<const Eigen::VectorXd>(e.data(), n);
        } else {
            eps =
                parseNumberList(QStringLiteral("--epsilon"), p.value(QStringLiteral("epsilon")), n);
        }
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
