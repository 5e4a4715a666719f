#include "session.h"

#include "diagnostics.h"
#include "optiontable.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSaveFile>
#include <cmath>
#include <type_traits>

namespace gs {

namespace {

enum Need { Optional, Required };

// Every saved field, one line each: its key in the file and the member that holds it. The
// writer and the reader walk the same list, so a new setting is one line here; a file
// without the key reads the member's default (the Settings{} the reader starts from).
template <class S, class V> void settingsFields(S& s, V& v) {
    v("function", s.function, Required);
    v("variables", s.variables);
    v("xmin", s.xmin);
    v("xmax", s.xmax);
    v("ymin", s.ymin);
    v("ymax", s.ymax);
    v("resolution", s.resolution);
    v("wire_lines", s.wireLines);
    v("point", s.point);
    v("epsilon", s.epsilon);
    v("show_tangent", s.showTangent);
    v("show_quadratic", s.showQuadratic);
    v("show_gradient", s.showGradient);
    v("show_field", s.showField);
    v("show_bands", s.showBands);
    v("shaded", s.shaded);
    v("plot_x", s.plotX);
    v("plot_y", s.plotY);
    v("model_radius", s.modelRadius);
    v("box_aspect", s.boxAspect);
    v("runs", s.runs);
    v("chart_log_scale", s.chartLogScale);
    v("parameters", s.parameters);
}

// One parameter (a slider).
template <class P, class V> void parameterFields(P& p, V& v) {
    v("name", p.name, Required);
    v("value", p.value, Required);
    v("min", p.min);
    v("max", p.max);
    v("step", p.step);
}

// One optimizer run; the keys are the option table's field names (optiontable.h).
template <class R, class V> void runFields(R& r, V& v) {
    v("method", r.options.method, Required);
    v("learning_rate", r.options.learningRate);
    v("steps", r.options.maxSteps);
    v("momentum", r.options.momentum);
    v("beta1", r.options.beta1);
    v("beta2", r.options.beta2);
    v("adaptive_epsilon", r.options.epsilon);
    v("rho", r.options.rho);
    v("nu", r.options.nu);
    v("nu1", r.options.nu1);
    v("nu2", r.options.nu2);
    v("noise", r.options.noise);
    v("seed", r.options.seed);
    v("damping", r.options.damping);
    v("tolerance", r.options.tolerance);
    v("start", r.start);
    v("colour", r.colour); // older sessions: assigned in list order
}

// ---- writing ----

QJsonValue toJson(double v) {
    return v; // Qt writes the shortest text that reads back as the same double
}
QJsonValue toJson(int v) {
    return v;
}
QJsonValue toJson(std::uint64_t v) {
    return double(v); // exact: a seed is declared below 2^53 (optiontable.h)
}
QJsonValue toJson(bool v) {
    return v;
}
QJsonValue toJson(const QString& v) {
    return v;
}
QJsonValue toJson(const QStringList& v) {
    return QJsonArray::fromStringList(v);
}
QJsonValue toJson(const std::vector<double>& v) {
    QJsonArray a;
    for (double x : v)
        a.append(x);
    return a;
}
QJsonValue toJson(Method m) {
    return QString::fromUtf8(toString(m).data(), qsizetype(toString(m).size()));
}
QJsonValue toJson(const std::vector<RunSettings>& runs);
QJsonValue toJson(const std::vector<Parameter>& parameters);

struct Writer {
    QJsonObject object;
    template <class T> void operator()(const char* key, const T& value, Need = Optional) {
        object.insert(QLatin1String(key), toJson(value));
    }
};

QJsonValue toJson(const std::vector<RunSettings>& runs) {
    QJsonArray a;
    for (const RunSettings& r : runs) {
        Writer w;
        runFields(r, w);
        a.append(w.object);
    }
    return a;
}

QJsonValue toJson(const std::vector<Parameter>& parameters) {
    QJsonArray a;
    for (const Parameter& p : parameters) {
        Writer w;
        parameterFields(p, w);
        a.append(w.object);
    }
    return a;
}

// ---- reading ----

/// A value as a message shows it: its type and, when short, the value itself.
QString describe(const QJsonValue& v) {
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        // The shortest text that reads back as the same double: 1e+300,
        // not 1.0000000000000001e+300.
        return QStringLiteral("the number %1")
            .arg(v.toDouble(), 0, 'g', QLocale::FloatingPointShortest);
    case QJsonValue::String: {
        const QString s = v.toString();
        return QStringLiteral("the text \"%1\"").arg(s.size() > 40 ? s.left(40) + u'…' : s);
    }
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString expected(const QString& where, const char* what, const QJsonValue& got) {
    return QStringLiteral("%1: expected %2, got %3").arg(where, QLatin1String(what), describe(got));
}

QString fromJson(const QJsonValue& v, double& out, const QString& where) {
    if (!v.isDouble())
        return expected(where, "a number", v);
    out = v.toDouble();
    return {};
}
QString fromJson(const QJsonValue& v, int& out, const QString& where) {
    const double d = v.toDouble();
    if (!v.isDouble() || d != std::trunc(d) || std::abs(d) > 1e9)
        return expected(where, "a whole number", v);
    out = int(d);
    return {};
}
QString fromJson(const QJsonValue& v, std::uint64_t& out, const QString& where) {
    const double d = v.toDouble();
    if (!v.isDouble() || !options::seed.accepts(d))
        return expected(where, "a whole number from 0 to 2^53", v);
    out = std::uint64_t(d);
    return {};
}
QString fromJson(const QJsonValue& v, bool& out, const QString& where) {
    if (!v.isBool())
        return expected(where, "true or false", v);
    out = v.toBool();
    return {};
}
QString fromJson(const QJsonValue& v, QString& out, const QString& where) {
    if (!v.isString())
        return expected(where, "text", v);
    out = v.toString();
    return {};
}
QString fromJson(const QJsonValue& v, QStringList& out, const QString& where) {
    if (!v.isArray())
        return expected(where, "a list of names", v);
    const QJsonArray a = v.toArray();
    if (a.size() > kMaxSessionInputs)
        return QStringLiteral("%1: %2 names; at most %3")
            .arg(where)
            .arg(a.size())
            .arg(kMaxSessionInputs);
    QStringList list;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a[i].isString())
            return expected(QStringLiteral("%1[%2]").arg(where).arg(i), "a name", a[i]);
        list << a[i].toString();
    }
    out = list;
    return {};
}
QString fromJson(const QJsonValue& v, std::vector<double>& out, const QString& where) {
    if (!v.isArray())
        return expected(where, "a list of numbers", v);
    const QJsonArray a = v.toArray();
    if (a.size() > kMaxSessionInputs)
        return QStringLiteral("%1: %2 numbers; at most %3 (one per input)")
            .arg(where)
            .arg(a.size())
            .arg(kMaxSessionInputs);
    std::vector<double> list;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a[i].isDouble())
            return expected(QStringLiteral("%1[%2]").arg(where).arg(i), "a number", a[i]);
        list.push_back(a[i].toDouble());
    }
    out = list;
    return {};
}
QString fromJson(const QJsonValue& v, Method& out, const QString& where) {
    if (!v.isString())
        return expected(where, "a method name", v);
    const auto m = methodFromString(v.toString().toStdString());
    if (!m)
        return QStringLiteral("%1: unknown method \"%2\" (one of %3)")
            .arg(where, v.toString(), QString::fromStdString(methodNames()));
    out = *m;
    return {};
}
QString fromJson(const QJsonValue& v, std::vector<RunSettings>& out, const QString& where);
QString fromJson(const QJsonValue& v, std::vector<Parameter>& out, const QString& where);

struct Reader {
    const QJsonObject& object;
    QString where;
    QString error;
    template <class T> void operator()(const char* key, T& member, Need need = Optional) {
        if (!error.isEmpty())
            return;
        const auto it = object.constFind(QLatin1String(key));
        if (it == object.constEnd()) {
            if (need == Required)
                error = QStringLiteral("%1: missing field \"%2\"").arg(where, QLatin1String(key));
            return;
        }
        T value = member; // the member changes only when the whole value is good
        error = fromJson(*it, value, where + u'.' + QLatin1String(key));
        if (error.isEmpty())
            member = std::move(value);
    }
};

QString fromJson(const QJsonValue& v, std::vector<RunSettings>& out, const QString& where) {
    if (!v.isArray())
        return expected(where, "a list of runs", v);
    const QJsonArray a = v.toArray();
    if (a.size() > kMaxSessionRuns)
        return QStringLiteral("%1: %2 runs; at most %3")
            .arg(where)
            .arg(a.size())
            .arg(kMaxSessionRuns);
    std::vector<RunSettings> runs;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString at = QStringLiteral("%1[%2]").arg(where).arg(i);
        if (!a[i].isObject())
            return expected(at, "a run (an object)", a[i]);
        const QJsonObject o = a[i].toObject();
        RunSettings run;
        Reader r{o, at, {}};
        runFields(run, r);
        if (!r.error.isEmpty())
            return r.error;
        runs.push_back(run);
    }
    out = runs;
    return {};
}

QString fromJson(const QJsonValue& v, std::vector<Parameter>& out, const QString& where) {
    if (!v.isArray())
        return expected(where, "a list of parameters", v);
    const QJsonArray a = v.toArray();
    if (a.size() > Document::kMaxParameters)
        return QStringLiteral("%1: %2 parameters; at most %3")
            .arg(where)
            .arg(a.size())
            .arg(Document::kMaxParameters);
    std::vector<Parameter> parameters;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString at = QStringLiteral("%1[%2]").arg(where).arg(i);
        if (!a[i].isObject())
            return expected(at, "a parameter (an object)", a[i]);
        const QJsonObject o = a[i].toObject();
        Parameter p;
        Reader r{o, at, {}};
        parameterFields(p, r);
        if (!r.error.isEmpty())
            return r.error;
        parameters.push_back(p);
    }
    out = parameters;
    return {};
}

QString typeName(const QJsonDocument& d) {
    return d.isArray() ? QStringLiteral("a list") : QStringLiteral("not an object");
}

SessionRead failure(const QString& message) {
    return {std::nullopt, message};
}

} // namespace

QByteArray sessionToJson(const Session& session) {
    Writer settings;
    settingsFields(session.settings, settings);
    QJsonObject o;
    o.insert(QLatin1String("format"), QLatin1String(kSessionFormatName));
    o.insert(QLatin1String("version"), kSessionFormatVersion);
    o.insert(QLatin1String("app_version"), session.appVersion.isEmpty()
                                               ? QCoreApplication::applicationVersion()
                                               : session.appVersion);
    o.insert(QLatin1String("settings"), settings.object);
    o.insert(QLatin1String("views"), session.views);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QJsonObject migrateSessionV1(const QJsonObject& v1, QString* error) {
    // Version 1 kept the settings at the top level, the domain as one list, what is shown
    // as a list of names, the run options under their command-line names and one camera.
    QJsonObject settings;
    for (const char* key :
         {"function", "variables", "resolution", "wire_lines", "point", "epsilon", "shaded"})
        if (v1.contains(QLatin1String(key)))
            settings.insert(QLatin1String(key), v1.value(QLatin1String(key)));
    if (v1.contains(QLatin1String("domain"))) {
        const QJsonValue d = v1.value(QLatin1String("domain"));
        const QJsonArray a = d.toArray();
        if (d.isArray() && a.size() == 4) {
            const char* keys[] = {"xmin", "xmax", "ymin", "ymax"};
            for (int i = 0; i < 4; ++i)
                settings.insert(QLatin1String(keys[i]), a[i]);
        } else if (error) {
            *error = expected(QStringLiteral("domain"),
                              "a list of 4 numbers (xmin, xmax, ymin, ymax)", d);
        }
    }
    if (v1.contains(QLatin1String("show"))) {
        const QJsonValue show = v1.value(QLatin1String("show"));
        const QJsonArray items = show.toArray();
        for (const char* what : {"tangent", "quadratic", "gradient"})
            settings.insert(QStringLiteral("show_") + QLatin1String(what),
                            show.isArray() ? items.contains(QLatin1String(what)) : show);
    }
    if (v1.contains(QLatin1String("runs"))) {
        const QJsonValue runs = v1.value(QLatin1String("runs"));
        QJsonArray migrated;
        for (const QJsonValue& run : runs.toArray()) {
            QJsonObject r = run.toObject();
            for (const auto& [old, now] :
                 {std::pair{"lr", "learning_rate"}, std::pair{"eps", "adaptive_epsilon"}})
                if (r.contains(QLatin1String(old)))
                    r.insert(QLatin1String(now), r.take(QLatin1String(old)));
            migrated.append(run.isObject() ? QJsonValue(r) : run);
        }
        settings.insert(QLatin1String("runs"), runs.isArray() ? QJsonValue(migrated) : runs);
    }
    QJsonObject v2;
    v2.insert(QLatin1String("format"), v1.value(QLatin1String("format")));
    v2.insert(QLatin1String("version"), 2);
    if (v1.contains(QLatin1String("app_version")))
        v2.insert(QLatin1String("app_version"), v1.value(QLatin1String("app_version")));
    v2.insert(QLatin1String("settings"), settings);
    if (v1.contains(QLatin1String("camera")))
        v2.insert(QLatin1String("views"),
                  QJsonObject{
                      {QLatin1String("surface"),
                       QJsonObject{{QLatin1String("camera"), v1.value(QLatin1String("camera"))}}}});
    return v2;
}

SessionRead sessionFromJson(const QByteArray& text) {
    if (text.size() > kMaxSessionBytes)
        return failure(QStringLiteral("too large for a session (%1 bytes; at most %2)")
                           .arg(text.size())
                           .arg(kMaxSessionBytes));
    QJsonParseError pe;
    const QJsonDocument d = QJsonDocument::fromJson(text, &pe);
    if (pe.error == QJsonParseError::DeepNesting)
        return failure(QStringLiteral("not a gradscape session: the JSON is nested too deeply"));
    if (pe.error != QJsonParseError::NoError)
        return failure(QStringLiteral("not valid JSON (%1 at byte %2); the file is damaged or "
                                      "not a session")
                           .arg(pe.errorString())
                           .arg(pe.offset));
    if (!d.isObject())
        return failure(
            QStringLiteral("not a gradscape session: the top level is %1").arg(typeName(d)));
    QJsonObject o = d.object();
    const QJsonValue format = o.value(QLatin1String("format"));
    if (format.toString() != QLatin1String(kSessionFormatName))
        return failure(QStringLiteral("not a gradscape session: expected \"format\": \"%1\", "
                                      "got %2")
                           .arg(QLatin1String(kSessionFormatName), describe(format)));
    if (!o.contains(QLatin1String("version")))
        return failure(QStringLiteral("missing field \"version\""));
    int version = 0;
    if (const QString e =
            fromJson(o.value(QLatin1String("version")), version, QStringLiteral("version"));
        !e.isEmpty())
        return failure(e);
    if (version > kSessionFormatVersion)
        return failure(QStringLiteral("written by a newer gradscape (%1) in session format "
                                      "version %2; this gradscape (%3) reads versions 1 to %4")
                           .arg(o.value(QLatin1String("app_version")).toString(),
                                QString::number(version), QCoreApplication::applicationVersion(),
                                QString::number(kSessionFormatVersion)));
    if (version < 1)
        return failure(QStringLiteral("unknown session format version %1").arg(version));
    Session session;
    session.formatVersion = version;
    if (version == 1) {
        QString error;
        o = migrateSessionV1(o, &error);
        if (!error.isEmpty())
            return failure(error);
    }

    if (!o.contains(QLatin1String("settings")))
        return failure(QStringLiteral("missing field \"settings\""));
    const QJsonValue settings = o.value(QLatin1String("settings"));
    if (!settings.isObject())
        return failure(expected(QStringLiteral("settings"), "an object", settings));
    const QJsonObject so = settings.toObject();
    Reader reader{so, QStringLiteral("settings"), {}};
    settingsFields(session.settings, reader);
    if (!reader.error.isEmpty())
        return failure(reader.error);
    if (o.contains(QLatin1String("app_version")) &&
        !o.value(QLatin1String("app_version")).isString())
        return failure(
            expected(QStringLiteral("app_version"), "text", o.value(QLatin1String("app_version"))));
    session.appVersion = o.value(QLatin1String("app_version")).toString();
    if (o.contains(QLatin1String("views"))) {
        const QJsonValue views = o.value(QLatin1String("views"));
        if (!views.isObject())
            return failure(expected(QStringLiteral("views"), "an object", views));
        session.views = views.toObject();
    }

    // The settings as the document would take them: the function must still parse (the
    // language may have changed since the file was written), the numbers be in range.
    const Settings& s = session.settings;
    ParseError parseError;
    const std::vector<ParameterValue> params = parameterValues(s);
    const QStringList variables = documentVariables(s.function, s.variables, &parseError, params);
    if (variables.isEmpty())
        return failure(QStringLiteral("settings.function does not parse:\n") +
                       describeParseError(s.function, parseError));
    std::vector<std::string> names;
    for (const QString& v : variables)
        names.push_back(v.trimmed().toStdString());
    const auto r = Expression::parse(s.function.toStdString(), names, params);
    if (!r.ok())
        return failure(QStringLiteral("settings.function does not parse:\n") +
                       describeParseError(s.function, *r.error));
    if (const QString e = Document::validateNew(s); !e.isEmpty())
        return failure(QStringLiteral("settings: ") + e);
    // The plotted inputs must exist (a document holding the same function would refuse them;
    // one of two inputs plots x and keeps plot_y = 1).
    const auto inputs = r.expression->inputCount();
    for (const auto& [key, index] : {std::pair{"plot_x", s.plotX}, std::pair{"plot_y", s.plotY}})
        if (inputs >= 2 && std::size_t(index) >= inputs)
            return failure(QStringLiteral("settings.%1: f has %2 inputs: there is no input %3 to "
                                          "plot")
                               .arg(QLatin1String(key))
                               .arg(inputs)
                               .arg(index + 1));
    return {session, {}};
}

SessionRead readSession(const QString& path) {
    const QString name = QFileInfo(path).fileName();
    auto fail = [&](const QString& message) {
        return failure(name + QStringLiteral(": ") + message);
    };
    QFile file(path);
    // A file that is not there is named with its folder: where it was looked for.
    if (!QFileInfo::exists(path))
        return failure(path + QStringLiteral(": no such file"));
    if (!QFileInfo(path).isFile())
        return fail(QStringLiteral("not a file"));
    if (file.size() > kMaxSessionBytes)
        return fail(QStringLiteral("too large for a session (%1 bytes; at most %2)")
                        .arg(file.size())
                        .arg(kMaxSessionBytes));
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read it (%1)").arg(file.errorString()));
    // Read one byte past the limit: a file that grows (or a device) is still bounded.
    const QByteArray text = file.read(kMaxSessionBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return fail(QStringLiteral("cannot read it (%1)").arg(file.errorString()));
    SessionRead r = sessionFromJson(text);
    if (!r.session)
        r.error = name + QStringLiteral(": ") + r.error;
    return r;
}

QString writeSession(const QString& path, const Session& session) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    const QByteArray bytes = sessionToJson(session);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

namespace recentSessions {

namespace {
const QString kKey = QStringLiteral("session/recent");
}

QStringList added(QStringList list, const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMax)
        list.removeLast();
    return list;
}

QStringList load(const QSettings& store) {
    QStringList list;
    for (const QString& path : store.value(kKey).toStringList())
        if (QFileInfo(path).isFile() && !list.contains(path) && list.size() < kMax)
            list << path;
    return list;
}

QStringList add(QSettings& store, const QString& path) {
    const QStringList list = added(store.value(kKey).toStringList(), path);
    store.setValue(kKey, list);
    return load(store);
}

QStringList remove(QSettings& store, const QString& path) {
    QStringList list = store.value(kKey).toStringList();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    store.setValue(kKey, list);
    return load(store);
}

} // namespace recentSessions

} // namespace gs
