#include "presets.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// The resource lives in a static library: register it explicitly, or the linker may drop it.
static void initPresetResource() {
    Q_INIT_RESOURCE(resources);
}

namespace gs {

namespace {

std::vector<double> numbers(const QJsonValue& v) {
    std::vector<double> out;
    for (const QJsonValue& x : v.toArray())
        out.push_back(x.toDouble());
    return out;
}

} // namespace

std::vector<Preset> loadPresets() {
    initPresetResource();
    QFile file(QStringLiteral(":/presets.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    std::vector<Preset> presets;
    for (const QJsonValue& entry :
         QJsonDocument::fromJson(file.readAll())[QStringLiteral("presets")].toArray()) {
        const QJsonObject o = entry.toObject();
        Preset p;
        p.name = o[QStringLiteral("name")].toString();
        p.settings.function = o[QStringLiteral("function")].toString();
        if (p.name.isEmpty() || p.settings.function.isEmpty())
            continue;
        p.view = o[QStringLiteral("view")].toString();
        p.closedForm = o[QStringLiteral("closed_form")].toString();
        p.withRespectTo = o[QStringLiteral("with_respect_to")].toString();
        p.exercise = o[QStringLiteral("exercise")].toBool();
        if (o.contains(QStringLiteral("point")))
            p.settings.point = numbers(o[QStringLiteral("point")]);
        if (o.contains(QStringLiteral("epsilon")))
            p.settings.epsilon = numbers(o[QStringLiteral("epsilon")]);
        for (const QJsonValue& v : o[QStringLiteral("variables")].toArray())
            p.settings.variables << v.toString();
        // Parameters: {"name", "value", and optionally "min", "max", "step"}.
        for (const QJsonValue& v : o[QStringLiteral("parameters")].toArray()) {
            const QJsonObject q = v.toObject();
            Parameter param = Parameter::named(q[QStringLiteral("name")].toString(),
                                               q[QStringLiteral("value")].toDouble(1.0));
            param.min = q[QStringLiteral("min")].toDouble(param.min);
            param.max = q[QStringLiteral("max")].toDouble(param.max);
            param.step = q[QStringLiteral("step")].toDouble(param.step);
            p.settings.parameters.push_back(param);
        }
        const std::vector<double> d = numbers(o[QStringLiteral("domain")]);
        if (d.size() == 2) { // one input: an interval
            p.settings.xmin = d[0];
            p.settings.xmax = d[1];
        }
        if (d.size() == 4) {
            p.settings.xmin = d[0];
            p.settings.xmax = d[1];
            p.settings.ymin = d[2];
            p.settings.ymax = d[3];
        }
        for (const QJsonValue& m : o[QStringLiteral("runs")].toArray()) {
            const auto method = methodFromString(m.toString().toStdString());
            if (!method)
                continue;
            RunSettings run;
            run.options.method = *method;
            run.options.learningRate = o[QStringLiteral("lr")].toDouble(run.options.learningRate);
            run.options.maxSteps = o[QStringLiteral("steps")].toInt(run.options.maxSteps);
            run.start = p.settings.point;
            p.settings.runs.push_back(run);
        }
        // The loss chart on a log scale where f falls through decades (Rosenbrock's 1400 to
        // 1e-12: linear, Newton's first value flattened the rest, tester s19).
        p.settings.chartLogScale = o[QStringLiteral("log_scale")].toBool(false);
        presets.push_back(std::move(p));
    }
    return presets;
}

} // namespace gs
