// --sweep METHOD: one method from --start over log-spaced learning rates (--lr-range,
// --count), run in parallel by the engine; final f, steps and divergence per rate as JSON,
// and on a quadratic the stability limit and the optimal rate of gradient descent.
#include "commandargs.h"
#include "commands.h"
#include "jsonutil.h"
#include "options.h"
#include "sweep.h"

namespace gs {

int sweepCommand(const QCommandLineParser& p) {
    const Method method = parseMethod(QStringLiteral("--sweep"), p.value(QStringLiteral("sweep")));
    const QString text = requiredValue(p, QStringLiteral("function"));
    const Expression f = functionOption(p);
    const int n = static_cast<int>(f.inputCount());
    const Eigen::VectorXd start = parseNumberList(
        QStringLiteral("--start"), requiredValue(p, QStringLiteral("start")), n, inputNames(f));
    SweepOptions s;
    s.base = optimizerOptions(p);
    s.base.method = method;
    if (p.isSet(QStringLiteral("lr-range"))) {
        const QString range = p.value(QStringLiteral("lr-range"));
        const Eigen::VectorXd ab = parseNumberList(QStringLiteral("--lr-range"), range, 2);
        for (Eigen::Index i = 0; i < 2; ++i) {
            const OptionSpec& spec = i == 0 ? options::sweepFrom : options::sweepTo;
            if (!spec.accepts(ab[i]))
                throw UsageError(
                    QStringLiteral("--lr-range: item %1, %2, is out of range: it must be %3")
                        .arg(i + 1)
                        .arg(ab[i])
                        .arg(QString::fromStdString(spec.requirement())));
        }
        if (!(ab[0] < ab[1]))
            throw UsageError(QStringLiteral("--lr-range: need a < b, got '%1'").arg(range));
        s.lrMin = ab[0];
        s.lrMax = ab[1];
    }
    if (p.isSet(QStringLiteral("count")))
        s.count = int(parseOption(options::sweepCount, p.value(QStringLiteral("count"))));
    if (const auto problem = checkSweep(s))
        throw UsageError(QStringLiteral("%1 must be %2")
                             .arg(QString::fromStdString(problem->field),
                                  QString::fromStdString(problem->requirement)));
    const SweepResult r = sweepLearningRate(f, start, s);

    QJsonArray points;
    for (const SweepPoint& pt : r.points)
        points.append(QJsonObject{
            {QStringLiteral("lr"), pt.learningRate},
            {QStringLiteral("final_value"), json::number(pt.finalValue)},
            {QStringLiteral("final_gradient_norm"), json::number(pt.finalGradientNorm)},
            {QStringLiteral("steps"), pt.steps},
            {QStringLiteral("steps_to_converge"),
             pt.converged() ? QJsonValue(pt.steps) : QJsonValue()},
            {QStringLiteral("converged"), pt.converged()},
            {QStringLiteral("diverged"), pt.diverged()},
            {QStringLiteral("stop_reason"), QString::fromUtf8(toString(pt.reason).data())},
        });
    QJsonObject out;
    out[QStringLiteral("method")] = QString::fromUtf8(toString(method).data());
    out[QStringLiteral("function")] = text;
    out[QStringLiteral("variables")] = QJsonArray::fromStringList(inputNames(f));
    out[QStringLiteral("start")] = json::vector(start);
    out[QStringLiteral("lr_range")] = QJsonArray{s.lrMin, s.lrMax};
    out[QStringLiteral("count")] = s.count;
    out[QStringLiteral("runs")] = points;
    if (r.quadratic) {
        QJsonObject q{
            {QStringLiteral("hessian"), json::matrix(r.quadratic->hessian)},
            {QStringLiteral("eigenvalues"), json::vector(r.quadratic->eigenvalues)},
        };
        q[QStringLiteral("stability_limit")] =
            r.quadratic->stabilityLimit ? QJsonValue(*r.quadratic->stabilityLimit) : QJsonValue();
        q[QStringLiteral("optimal_lr")] =
            r.quadratic->optimalRate ? QJsonValue(*r.quadratic->optimalRate) : QJsonValue();
        out[QStringLiteral("quadratic")] = q;
    } else {
        out[QStringLiteral("quadratic")] = QJsonValue();
    }
    printJson(out);
    return 0;
}

} // namespace gs
