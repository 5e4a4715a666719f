// Session files without a display: every field round-trips exactly (numbers too, in any
// locale), each damaged or hostile file is refused with a message that names the problem,
// a version-1 file is migrated, and the recent-files list keeps the last eight.
#include "session.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

using gs::Method;
using gs::RunSettings;
using gs::Session;
using gs::Settings;

namespace {

// How many members an aggregate has: the most braced initializers it accepts.
struct Any {
    template <class T> operator T() const;
};
template <class T, class... A> constexpr int memberCount() {
    if constexpr (requires { T{A{}..., Any{}}; })
        return memberCount<T, A..., Any>();
    else
        return int(sizeof...(A));
}

/// Every field away from its default; numbers chosen so that a formatting shortcut (fixed
/// digits, the locale's comma, float precision) would change them.
Session everyField() {
    Session s;
    Settings& t = s.settings;
    t.function = QStringLiteral("a = u*v; a + k*w^2/3");
    t.variables = {QStringLiteral("u"), QStringLiteral("v"), QStringLiteral("w")};
    t.xmin = 0.1 + 0.2;          // 0.30000000000000004
    t.xmax = 1.0000000000000002; // 1 + one ulp
    t.ymin = -1e-300;            // near the bottom of the normal range
    t.ymax = 123456.78901234567; // 17 significant digits
    t.resolution = 57;
    t.wireLines = 9;
    t.point = {1e-300, -2.5e-7, 4.9406564584124654e-324}; // the last is subnormal
    t.epsilon = {0.1, 1.0 / 3.0, -7e22};
    t.showTangent = false;
    t.showQuadratic = false;
    t.showGradient = false;
    t.shaded = true;
    t.showField = true;
    t.showBands = true;
    t.plotX = 2; // w across, u up: the slice holds v
    t.plotY = 0;
    t.modelRadius = 0.37;
    t.boxAspect = 1.75;
    t.chartLogScale = true;
    RunSettings adam;
    adam.options.method = Method::Adam;
    adam.options.learningRate = 0.0123;
    adam.options.maxSteps = 77;
    adam.options.beta1 = 0.85;
    adam.options.beta2 = 0.9995;
    adam.options.epsilon = 3e-12;
    adam.options.rho = 0.77;
    adam.options.nu = 0.55;
    adam.options.nu1 = 0.66;
    adam.options.nu2 = 0.44;
    adam.options.noise = 0.125;
    adam.options.seed = 9007199254740991; // 2^53 - 1, the largest seed
    adam.start = {0.7, -0.6, 1.0 / 7.0};
    adam.colour = 4;
    RunSettings newton;
    newton.options.method = Method::NewtonLineSearch;
    newton.options.momentum = 0.45;
    newton.options.damping = 0.25;
    newton.options.tolerance = 1e-11;
    newton.start = {-1, 2, 3};
    newton.colour = 11;
    t.runs = {adam, newton};
    t.parameters = {{QStringLiteral("k"), 1.0 / 3.0, -2.5, 7.000000000000001, 0.0625},
                    {QStringLiteral("unused"), -1e-300, -1e-299, 1e-299, 1e-300}};
    s.views = QJsonDocument::fromJson(R"({"surface": {"camera": {
        "position": [5.5, -7.25, 4.000000000000001], "focal_point": [0, 0, 0.1],
        "view_up": [0, 0, 1], "view_angle": 30, "parallel_scale": 2.75,
        "parallel_projection": false}}})")
                  .object();
    s.appVersion = QStringLiteral("9.8.7");
    return s;
}

QByteArray minimal(const QByteArray& settings) {
    return R"({"format": "gradscape-session", "version": 2, "settings": )" + settings + "}";
}

} // namespace

class TestSession : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QCoreApplication::setApplicationVersion(QStringLiteral("1.2.3")); }

    void settingsFieldsAreAllSaved() {
        // A member added to Settings or RunSettings must get its line in session.cpp's
        // settingsFields/runFields and a non-default value in everyField() above; then
        // update these counts.
        QCOMPARE(memberCount<Settings>(), 23);
        QCOMPARE(memberCount<gs::Parameter>(), 5);
        QCOMPARE(memberCount<RunSettings>(), 3);
        QCOMPARE(memberCount<gs::OptimizerOptions>(), 16); // escapeRadius is not a setting
        const Session s = everyField();
        const Settings defaults;
        QVERIFY(s.settings.function != defaults.function);
        QVERIFY(s.settings.runs.size() == 2);
    }

    void roundTripsEveryField() {
        // Written in a locale with a decimal comma: the file is C-locale JSON all the same.
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("every.gradscape"));
        const Session s = everyField();
        QCOMPARE(gs::writeSession(path, s), QString());
        QLocale::setDefault(before);
        const gs::SessionRead r = gs::readSession(path);
        QVERIFY2(r.session, qPrintable(r.error));
        QVERIFY(r.session->settings == s.settings);
        QCOMPARE(r.session->views, s.views);
        QCOMPARE(r.session->appVersion, QStringLiteral("9.8.7"));
        QCOMPARE(r.session->formatVersion, gs::kSessionFormatVersion);
        // Bit for bit, not just close.
        QCOMPARE(r.session->settings.xmin, 0.30000000000000004);
        QCOMPARE(r.session->settings.point[2], 4.9406564584124654e-324);
        QCOMPARE(r.session->settings.parameters[0].max, 7.000000000000001);
        QCOMPARE(r.session->settings.parameters[1].value, -1e-300);
        QVERIFY(r.session->settings.point[2] > 0);

        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("0.30000000000000004"));
        QVERIFY(text.contains("1e-300"));
        QVERIFY(text.contains("\"version\": 2"));
        QVERIFY(text.contains("\"format\": \"gradscape-session\""));
        QVERIFY(!text.contains("0,3")); // no decimal comma anywhere
    }

    void writtenAppVersionDefaultsToThisOne() {
        Session s;
        const auto r = gs::sessionFromJson(gs::sessionToJson(s));
        QVERIFY2(r.session, qPrintable(r.error));
        QCOMPARE(r.session->appVersion, QStringLiteral("1.2.3"));
        QVERIFY(r.session->settings == Settings());
        QVERIFY(r.session->views.isEmpty());
    }

    void missingOptionalFieldsReadAsDefaults() {
        const auto r = gs::sessionFromJson(minimal(R"({"function": "x^2 + y^2"})"));
        QVERIFY2(r.session, qPrintable(r.error));
        Settings expected;
        expected.function = QStringLiteral("x^2 + y^2");
        QVERIFY(r.session->settings == expected);
        QVERIFY(r.session->settings.parameters.empty()); // older files have none
        // A parameter with only its name and value takes the default range and step.
        const auto param = gs::sessionFromJson(
            minimal(R"({"function": "a*x^2", "parameters": [{"name": "a", "value": 2}]})"));
        QVERIFY2(param.session, qPrintable(param.error));
        QCOMPARE(param.session->settings.parameters.size(), std::size_t(1));
        QVERIFY(param.session->settings.parameters[0] ==
                (gs::Parameter{QStringLiteral("a"), 2.0, -5.0, 5.0, 0.1}));
        // A run with only its method and start takes every default option.
        const auto run = gs::sessionFromJson(
            minimal(R"({"function": "x*y", "runs": [{"method": "momentum", "start": [1, 2]}]})"));
        QVERIFY2(run.session, qPrintable(run.error));
        QCOMPARE(run.session->settings.runs.size(), std::size_t(1));
        gs::OptimizerOptions o;
        o.method = Method::Momentum;
        QVERIFY(run.session->settings.runs[0].options == o);
        QCOMPARE(run.session->settings.runs[0].start, (std::vector<double>{1, 2}));
    }

    void unknownFieldsAreIgnored() {
        // A field a later build of the same format adds does not stop this one.
        const auto r =
            gs::sessionFromJson(minimal(R"({"function": "x*y", "quadratic_radius": 0.5})"));
        QVERIFY2(r.session, qPrintable(r.error));
        QCOMPARE(r.session->settings.function, QStringLiteral("x*y"));
    }

    void refusesBadFiles_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << "not valid JSON";
        QTest::newRow("truncated") << minimal("{\"function\": \"x") << "not valid JSON";
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0", 10) << "not valid JSON";
        QTest::newRow("top level list")
            << QByteArray("[1, 2]") << "not a gradscape session: the top level is a list";
        QTest::newRow("other JSON") << QByteArray(R"({"name": "package.json"})")
                                    << R"(not a gradscape session: expected "format": )"
                                       R"("gradscape-session", got nothing)";
        QTest::newRow("no version")
            << QByteArray(R"({"format": "gradscape-session"})") << R"(missing field "version")";
        QTest::newRow("version as text")
            << QByteArray(R"({"format": "gradscape-session", "version": "2"})")
            << R"(version: expected a whole number, got the text "2")";
        QTest::newRow("newer version")
            << QByteArray(R"({"format": "gradscape-session", "version": 3, "app_version": "7.0",)"
                          R"( "settings": {}})")
            << "written by a newer gradscape (7.0) in session format version 3; this gradscape "
               "(1.2.3) reads versions 1 to 2";
        QTest::newRow("version 0") << QByteArray(R"({"format": "gradscape-session", "version": 0})")
                                   << "unknown session format version 0";
        QTest::newRow("no settings")
            << QByteArray(R"({"format": "gradscape-session", "version": 2})")
            << R"(missing field "settings")";
        QTest::newRow("settings a list")
            << minimal("[]") << "settings: expected an object, got a list";
        QTest::newRow("no function")
            << minimal(R"({"resolution": 50})") << R"(settings: missing field "function")";
        QTest::newRow("function a number") << minimal(R"({"function": 3})")
                                           << "settings.function: expected text, got the number 3";
        QTest::newRow("resolution text")
            << minimal(R"({"function": "x", "resolution": "abc"})")
            << R"(settings.resolution: expected a whole number, got the text "abc")";
        QTest::newRow("resolution fraction")
            << minimal(R"({"function": "x", "resolution": 10.5})")
            << "settings.resolution: expected a whole number, got the number 10.5";
        QTest::newRow("shown as number") << minimal(R"({"function": "x", "shaded": 1})")
                                         << "settings.shaded: expected true or false, got the "
                                            "number 1";
        QTest::newRow("point item") << minimal(R"({"function": "x", "point": [1, "2"]})")
                                    << R"(settings.point[1]: expected a number, got the text "2")";
        QTest::newRow("point null") << minimal(R"({"function": "x", "point": null})")
                                    << "settings.point: expected a list of numbers, got null";
        QTest::newRow("variables") << minimal(R"({"function": "x", "variables": ["x", 2]})")
                                   << "settings.variables[1]: expected a name, got the number 2";
        QTest::newRow("runs object") << minimal(R"({"function": "x", "runs": {}})")
                                     << "settings.runs: expected a list of runs, got an object";
        QTest::newRow("run not object") << minimal(R"({"function": "x", "runs": [3]})")
                                        << "settings.runs[0]: expected a run (an object)";
        QTest::newRow("run method")
            << minimal(R"({"function": "x", "runs": [{"method": "gd"}, {"method": "sgd"}]})")
            << R"(settings.runs[1].method: unknown method "sgd")";
        QTest::newRow("run no method") << minimal(R"({"function": "x", "runs": [{"steps": 3}]})")
                                       << R"(settings.runs[0]: missing field "method")";
        QTest::newRow("run option")
            << minimal(R"({"function": "x", "runs": [{"method": "gd", "learning_rate": -1}]})")
            << "settings: run 1: learning_rate must be";
        QTest::newRow("views") << QByteArray(R"({"format": "gradscape-session", "version": 2,)"
                                             R"( "settings": {"function": "x"}, "views": 5})")
                               << "views: expected an object, got the number 5";
        QTest::newRow("function no longer parses")
            << minimal(R"j({"function": "x*expp(y)"})j")
            << "settings.function does not parse:\ncolumn 3: unknown function";
        QTest::newRow("function syntax")
            << minimal(R"({"function": "x+"})") << "settings.function does not parse:";
        QTest::newRow("parameters object")
            << minimal(R"({"function": "x", "parameters": {}})")
            << "settings.parameters: expected a list of parameters, got an object";
        QTest::newRow("parameter no value")
            << minimal(R"({"function": "a*x", "parameters": [{"name": "a"}]})")
            << R"(settings.parameters[0]: missing field "value")";
        QTest::newRow("parameter value text")
            << minimal(R"({"function": "a*x", "parameters": [{"name": "a", "value": "1"}]})")
            << R"(settings.parameters[0].value: expected a number, got the text "1")";
        QTest::newRow("parameter outside range")
            << minimal(R"({"function": "a*x", "parameters": [{"name": "a", "value": 9}]})")
            << "settings: parameter a: the value 9 is outside its range [-5, 5]";
        QTest::newRow("parameter also variable")
            << minimal(R"({"function": "a*x", "variables": ["a", "x"], )"
                       R"("parameters": [{"name": "a", "value": 1}]})")
            << "'a' is both a variable and a parameter";
        QTest::newRow("unknown symbol")
            << minimal(R"({"function": "a*x", "variables": ["x"]})")
            << "column 1: unknown symbol 'a': declare it as a variable, or make it a parameter";
        QTest::newRow("resolution range") << minimal(R"({"function": "x", "resolution": 2})")
                                          << "settings: resolution 2 is out of range";
        QTest::newRow("plotted input beyond the inputs")
            << minimal(R"({"function": "x*y", "plot_x": 5})")
            << "settings.plot_x: f has 2 inputs: there is no input 6 to plot";
        QTest::newRow("domain order") << minimal(R"({"function": "x", "xmin": 3, "xmax": 1})")
                                      << "settings: the x range must have xmin < xmax";
        QByteArray deep = minimal(R"({"function": "x", "extra": )" + QByteArray(5000, '[') +
                                  QByteArray(5000, ']') + "}");
        QTest::newRow("deeply nested") << deep << "nested too deeply";
        QByteArray runs;
        for (int i = 0; i < gs::kMaxSessionRuns + 1; ++i)
            runs += QByteArray(i ? "," : "") + R"({"method": "gd"})";
        QTest::newRow("too many runs") << minimal(R"({"function": "x", "runs": [)" + runs + "]}")
                                       << "settings.runs: 257 runs; at most 256";
        QTest::newRow("long point")
            << minimal(R"({"function": "x", "point": [)" + QByteArray("0,").repeated(70) + "0]}")
            << "settings.point: 71 numbers; at most 64";
        QTest::newRow("huge") << QByteArray(gs::kMaxSessionBytes + 1, ' ')
                              << "too large for a session";
    }
    void refusesBadFiles() {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        const gs::SessionRead r = gs::sessionFromJson(text);
        QVERIFY(!r.session);
        QVERIFY2(r.error.contains(message), qPrintable(r.error));
    }

    void fileMessagesNameTheFile() {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("gone.gradscape"));
        QCOMPARE(gs::readSession(missing).error, missing + QStringLiteral(": no such file"));
        QCOMPARE(gs::readSession(dir.path()).error.endsWith(QStringLiteral(": not a file")), true);
        const QString big = dir.filePath(QStringLiteral("big.gradscape"));
        QFile f(big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(gs::kMaxSessionBytes + 1)); // sparse: refused before it is read
        f.close();
        QVERIFY(gs::readSession(big).error.startsWith(
            QStringLiteral("big.gradscape: too large for a session")));
        const QString bad = dir.filePath(QStringLiteral("bad.gradscape"));
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("{\"format\": \"gradscape-session\", \"version\": 2, \"settings\": 4}");
        b.close();
        QCOMPARE(gs::readSession(bad).error,
                 QStringLiteral("bad.gradscape: settings: expected an object, got the number 4"));
    }

    void savingIsAtomic() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keep.gradscape"));
        QCOMPARE(gs::writeSession(path, everyField()), QString());
        // A failed save (into a folder that does not exist) reports and writes nothing.
        const QString nowhere = dir.filePath(QStringLiteral("no/such/folder/x.gradscape"));
        const QString error = gs::writeSession(nowhere, Session());
        QVERIFY2(error.startsWith(QStringLiteral("cannot write ") + nowhere), qPrintable(error));
        QVERIFY(!QFile::exists(nowhere));
        // Saving over a file replaces it whole; no temporary file is left beside it.
        QCOMPARE(gs::writeSession(path, Session()), QString());
        QVERIFY(gs::readSession(path).session->settings == Settings());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("keep.gradscape")});
    }

    void migratesVersion1() {
        const gs::SessionRead r =
            gs::readSession(QStringLiteral(GRADSCAPE_TEST_SESSIONS "/version1.gradscape"));
        QVERIFY2(r.session, qPrintable(r.error));
        QCOMPARE(r.session->formatVersion, 1);
        QCOMPARE(r.session->appVersion, QStringLiteral("0.1.0"));
        // The fixture, field by field, written out by hand in the current layout.
        Settings e;
        e.function = QStringLiteral("x^2 - y^2");
        e.variables = {QStringLiteral("x"), QStringLiteral("y")};
        e.xmin = -3;
        e.xmax = 3;
        e.ymin = -1.5;
        e.ymax = 2.5;
        e.resolution = 61;
        e.wireLines = 15;
        e.point = {0.5, -0.25};
        e.epsilon = {0.1, 0.2};
        e.showTangent = true;
        e.showQuadratic = false; // not in version 1's "show" list
        e.showGradient = true;
        e.shaded = true;
        RunSettings adam;
        adam.options.method = Method::Adam;
        adam.options.learningRate = 0.05; // "lr"
        adam.options.maxSteps = 40;
        adam.options.beta1 = 0.8;
        adam.options.beta2 = 0.99;
        adam.options.epsilon = 1e-7; // "eps"
        adam.start = {1, 1};
        RunSettings newton;
        newton.options.method = Method::Newton;
        newton.options.damping = 0.5;
        newton.options.tolerance = 1e-9;
        newton.start = {-1, 0.5};
        e.runs = {adam, newton};
        QVERIFY(r.session->settings == e);
        // Version 1's one camera is the surface view's.
        const QJsonObject camera = r.session->views.value(QStringLiteral("surface"))
                                       .toObject()
                                       .value(QStringLiteral("camera"))
                                       .toObject();
        QCOMPARE(camera.value(QStringLiteral("position")).toArray(), (QJsonArray{6, -8, 5}));
        QCOMPARE(camera.value(QStringLiteral("parallel_scale")).toDouble(), 2.5);
        // Saved again, it is a current-version file that reads back the same.
        Session again = *r.session;
        const auto r2 = gs::sessionFromJson(gs::sessionToJson(again));
        QVERIFY2(r2.session, qPrintable(r2.error));
        QCOMPARE(r2.session->formatVersion, gs::kSessionFormatVersion);
        QVERIFY(r2.session->settings == e);
    }

    void migrationKeepsBadValuesBad() {
        // A damaged version-1 file is refused with the field named, not half migrated.
        const auto r = gs::sessionFromJson(
            R"({"format": "gradscape-session", "version": 1, "function": "x", "domain": [1, 2]})");
        QVERIFY(!r.session);
        QCOMPARE(r.error, QStringLiteral("domain: expected a list of 4 numbers (xmin, xmax, ymin, "
                                         "ymax), got a list"));
        const auto shown = gs::sessionFromJson(
            R"({"format": "gradscape-session", "version": 1, "function": "x", "show": "all"})");
        QVERIFY(!shown.session);
        QCOMPARE(
            shown.error,
            QStringLiteral(R"(settings.show_tangent: expected true or false, got the text "all")"));
    }

    void recentFiles() {
        namespace recent = gs::recentSessions;
        // Most recent first, no duplicates, at most eight, absolute paths.
        QStringList list;
        for (int i = 0; i < 10; ++i)
            list = recent::added(list, QStringLiteral("/s/%1.gradscape").arg(i));
        QCOMPARE(list.size(), 8);
        QCOMPARE(list.first(), QStringLiteral("/s/9.gradscape"));
        QCOMPARE(list.last(), QStringLiteral("/s/2.gradscape"));
        list = recent::added(list, QStringLiteral("/s/5.gradscape"));
        QCOMPARE(list.size(), 8);
        QCOMPARE(list.mid(0, 3),
                 (QStringList{QStringLiteral("/s/5.gradscape"), QStringLiteral("/s/9.gradscape"),
                              QStringLiteral("/s/8.gradscape")}));
        QCOMPARE(list.count(QStringLiteral("/s/5.gradscape")), 1);

        // In QSettings: files that are gone are not offered; a failed open drops its entry.
        QTemporaryDir dir;
        QSettings store(dir.filePath(QStringLiteral("recent.ini")), QSettings::IniFormat);
        const QString a = dir.filePath(QStringLiteral("a.gradscape"));
        const QString b = dir.filePath(QStringLiteral("b.gradscape"));
        QCOMPARE(gs::writeSession(a, Session()), QString());
        QCOMPARE(gs::writeSession(b, Session()), QString());
        recent::add(store, a);
        recent::add(store, dir.filePath(QStringLiteral("missing.gradscape")));
        QCOMPARE(recent::add(store, b), (QStringList{b, a}));
        QCOMPARE(recent::add(store, a), (QStringList{a, b}));
        QFile::remove(b);
        QCOMPARE(recent::load(store), QStringList{a});
        QCOMPARE(recent::remove(store, a), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "test_session.moc"
