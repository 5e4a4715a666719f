// --descent: one optimizer run from --start, its trajectory and why it stopped, as JSON.
#include "commandargs.h"
#include "commands.h"
#include "jsonutil.h"
#include "optimizers.h"
#include "options.h"

namespace gs {

int descentCommand(const QCommandLineParser& p) {
    const Method method =
        parseMethod(QStringLiteral("--descent"), p.value(QStringLiteral("descent")));
    const QString text = requiredValue(p, QStringLiteral("function"));
    const Expression f = parseFunction(text, variablesOption(p));
    const int n = static_cast<int>(f.inputCount());
    const Eigen::VectorXd start =
        parseNumberList(QStringLiteral("--start"), requiredValue(p, QStringLiteral("start")), n);
    OptimizerOptions o = optimizerOptions(p);
    o.method = method;
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
    if (t.endPoint)
        out[QStringLiteral("end_point")] = QJsonObject{
            {QStringLiteral("point"), json::vector(t.endPoint->point)},
            {QStringLiteral("value"), json::number(t.endPoint->value)},
            {QStringLiteral("classification"), QString::fromUtf8(t.endPoint->name().data())},
        };
    printJson(out);
    return 0;
}

} // namespace gs
