// --descent: one optimizer run from --start, its trajectory and why it stopped, as JSON;
// with --state-csv, the method's state per iteration as CSV; on a quadratic, the error along
// each eigen-direction of H and the factors theory predicts.
#include "commandargs.h"
#include "commands.h"
#include "jsonutil.h"
#include "optimizers.h"
#include "options.h"
#include "sceneexport.h"
#include "statecsv.h"
#include "sweep.h"

namespace gs {

int descentCommand(const QCommandLineParser& p) {
    const Method method =
        parseMethod(QStringLiteral("--descent"), p.value(QStringLiteral("descent")));
    // With --session: its function; the options and start of its first run with this
    // method (else the defaults and the session's point); options given override them.
    const auto [session, text, f] = commandFunction(p);
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
                              n, inputNames(f));
    OptimizerOptions o = optimizerOptions(p, base);
    o.method = method;
    const QString csvPath = p.value(QStringLiteral("state-csv"));
    if (p.isSet(QStringLiteral("state-csv")) && csvPath.isEmpty())
        throw UsageError(QStringLiteral("--state-csv: empty file name"));
    // A folder that is not there is a wrong argument (exit 2), found before the run.
    if (!csvPath.isEmpty())
        if (const std::string problem = validateOutputPath(csvPath.toStdString()); !problem.empty())
            throw UsageError(QStringLiteral("--state-csv: ") + QString::fromStdString(problem));
    const Trajectory t = optimize(f, start, o);
    if (!csvPath.isEmpty())
        if (const QString error = writeStateCsv(csvPath, t, inputNames(f)); !error.isEmpty())
            throw CommandError(ExitCode::Failure, QStringLiteral("--state-csv: ") + error);

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
    if (o.noise > 0) {
        out[QStringLiteral("noise")] = o.noise;
        out[QStringLiteral("seed")] = QString::number(o.seed);
    }
    if (t.endPoint)
        out[QStringLiteral("end_point")] = QJsonObject{
            {QStringLiteral("point"), json::vector(t.endPoint->point)},
            {QStringLiteral("value"), json::number(t.endPoint->value)},
            {QStringLiteral("classification"), QString::fromUtf8(t.endPoint->name().data())},
        };
    // A quadratic f: the error along each eigenvector of H per iteration, and for gradient
    // descent and momentum the contraction factor per direction that theory predicts.
    if (const auto q = quadraticModel(f, start); q && q->hasCriticalPoint()) {
        QJsonObject eigen{
            {QStringLiteral("eigenvalues"), json::vector(q->eigenvalues)},
            {QStringLiteral("eigenvectors"), json::matrix(q->eigenvectors.transpose())},
            {QStringLiteral("critical_point"), json::vector(q->criticalPoint)},
        };
        if (const auto errors = eigenDirectionErrors(*q, t))
            eigen[QStringLiteral("errors")] = json::matrix(*errors);
        if (const auto factors = predictedFactors(*q, o))
            eigen[QStringLiteral("predicted_factors")] = json::vector(*factors);
        out[QStringLiteral("eigen_directions")] = eigen;
    }
    printJson(out);
    return 0;
}

} // namespace gs
