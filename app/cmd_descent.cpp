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
    // With --session: its function; the options and start of its first run with this
    // method (else the defaults and the session's point); options given override them.
    const std::optional<Settings> session =
        p.isSet(QStringLiteral("session")) ? std::optional(sceneSettings(p)) : std::nullopt;
    const QString text = session ? session->function : requiredValue(p, QStringLiteral("function"));
    const Expression f = parseFunction(text, session ? documentVariables(text, session->variables)
                                                     : variablesOption(p));
    const int n = static_cast<int>(f.inputCount());
    OptimizerOptions base;
    std::vector<double> sessionStart;
    if (session) {
        sessionStart = session->point;
        for (const RunSettings& run : session->runs)
            if (run.options.method == method) {
                base = run.options;
                sessionStart = run.start;
                break;
            }
        sessionStart.resize(std::size_t(n), 0.0);
    }
    const Eigen::VectorXd start =
        session && !p.isSet(QStringLiteral("start"))
            ? Eigen::Map<const Eigen::VectorXd>(sessionStart.data(), n).eval()
            : parseNumberList(QStringLiteral("--start"), requiredValue(p, QStringLiteral("start")),
                              n);
    OptimizerOptions o = optimizerOptions(p, base);
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
