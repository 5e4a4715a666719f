// --analyze: value, exact gradient and Hessian, eigenvalues and classification at a point.
#include "commandargs.h"
#include "commands.h"
#include "criticalpoints.h"
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
    // Which numbers: a constant such as 1/0 has the input x (the window's rule), which the
    // bare "--point is required" did not say (tester s23).
    if (!session && !p.isSet(QStringLiteral("point")))
        throw UsageError(QStringLiteral("--point is required: %1 number%2, for %3")
                             .arg(n)
                             .arg(n == 1 ? "" : "s")
                             .arg(inputNames(f).join(QStringLiteral(", "))));
    const Eigen::VectorXd x =
        session ? Eigen::Map<const Eigen::VectorXd>(session->point.data(), n).eval()
                : parseNumberList(QStringLiteral("--point"),
                                  requiredValue(p, QStringLiteral("point")), n, inputNames(f));
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
        o[QStringLiteral("hessian_eigenvalue_errors")] = json::vector(c.eigenvalueErrors);
        if (c.curvatureLost())
            o[QStringLiteral("curvature_lost_to_rounding")] = true;
        o[QStringLiteral("classification")] = QString::fromUtf8(toString(c.classification).data());
        // Where f or its derivatives are not finite there is nothing to classify: say so and
        // why (was "not_critical", as if the gradient had been seen to be non-zero).
        if (const NotFinite why = notFinite(d); why != NotFinite::None) {
            o[QStringLiteral("classification")] = QStringLiteral("undefined");
            o[QStringLiteral("classification_detail")] = QString::fromUtf8(toString(why).data());
        }
        // One classifier (tester4 A11): where the gradient vanishes but the Hessian is singular,
        // f decides as --critical-points does (valley floor, or the signs of f - f(p) around
        // circles of fractions of a grid cell of --domain / --resolution): x^2 y + x y^2 at 0
        // is a monkey saddle, abs(x) + y^2 a degenerate minimum. One or two inputs only.
        if (c.critical && c.classification == Classification::Degenerate && n <= 2 &&
            std::isfinite(d.value)) {
            const Settings s = sceneSettings(p);
            Eigen::VectorXd cell(n);
            cell[0] = (s.xmax - s.xmin) / (s.resolution - 1);
            if (n == 2)
                cell[1] = (s.ymax - s.ymin) / (s.resolution - 1);
            const std::vector<int> axes = n == 1 ? std::vector<int>{0} : std::vector<int>{0, 1};
            const CriticalPoint decided = classifySingularPoint(f, x, axes, cell);
            o[QStringLiteral("classification")] =
                QString::fromUtf8(toString(decided.classification).data());
            o[QStringLiteral("classification_detail")] = QString::fromStdString(decided.detail);
        }
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
