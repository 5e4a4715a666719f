// The command line as a person uses it: run the built binary, read its JSON and exit code.
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QPainter>
#include <QProcess>
#include <QRasterWindow>
#include <QRegularExpression>
#include <QScreen>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <cmath>
#include <limits>

namespace {

struct Run {
    int exitCode;
    QByteArray out, err;
};

Run run(const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral(GRADSCAPE_BINARY), args);
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QJsonObject json(const Run& r) {
    QJsonParseError e;
    const auto doc = QJsonDocument::fromJson(r.out, &e);
    if (e.error != QJsonParseError::NoError)
        qWarning() << "not JSON:" << r.out << r.err;
    return doc.object();
}

constexpr double kEps = std::numeric_limits<double>::epsilon();

/// A session file in `dir` with `settings` (JSON text) and, if given, `views`.
QString writeSession(const QTemporaryDir& dir, const QString& name, const QByteArray& settings,
                     const QByteArray& views = "{}") {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(R"({"format": "gradscape-session", "version": 2, "settings": )" + settings +
            R"(, "views": )" + views + "}");
    return path;
}

/// True when `out` has only JSON's own tokens: no NaN, Infinity or other bare words (which
/// are not JSON, though some writers emit them). Strings, numbers and true/false/null removed,
/// no letter may remain.
bool onlyJsonTokens(const QByteArray& out) {
    QString s = QString::fromUtf8(out);
    s.remove(QRegularExpression(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"")));
    s.remove(QRegularExpression(QStringLiteral("-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?")));
    s.remove(QRegularExpression(QStringLiteral("\\b(?:true|false|null)\\b")));
    return !s.contains(QRegularExpression(QStringLiteral("[A-Za-z]")));
}

/// The value at `path` ("gradient[0]", "hessian[1][0]", "value") in `o`.
QJsonValue at(const QJsonObject& o, const QString& path) {
    const QStringList parts = path.split(QLatin1Char('['));
    QJsonValue v = o.value(parts.first());
    for (qsizetype i = 1; i < parts.size(); ++i)
        v = v.toArray().at(parts[i].chopped(1).toInt());
    return v;
}

// The current data row's `args` exit 2 with nothing on stdout and `message` on stderr (the
// bad-input tables of each command share this).
void refusedWithMessage() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

/// The share of pixels of image `file` whose colour differs from `expected`'s by more than 48
/// in a channel (1 for another size).
double differingShare(const QString& file, const QImage& expected) {
    const QImage a = QImage(file).convertToFormat(QImage::Format_RGB32);
    if (a.size() != expected.size())
        return 1.0;
    int count = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = expected.pixel(x, y);
            count += std::max({std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                               std::abs(qBlue(p) - qBlue(q))}) > 48;
        }
    return double(count) / (a.width() * a.height());
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    // The command runs as on a server or in CI: no login session, so no XDG_RUNTIME_DIR.
    void initTestCase() { qunsetenv("XDG_RUNTIME_DIR"); }

    void analyzeBookExample() {
        const Run r = run({"--analyze", "--function", "x*exp(-x^2-y^2)", "--point", "-1,0",
                           "--epsilon", "0.01,-0.03"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const auto o = json(r);
        QCOMPARE(o["function"].toString(), QStringLiteral("x*exp(-x^2-y^2)"));
        QCOMPARE(o["variables"].toArray(), QJsonArray({"x", "y"}));
        QCOMPARE(o["point"].toArray(), QJsonArray({-1, 0}));
        const double e1 = std::exp(-1.0);
        QVERIFY(std::abs(o["value"].toDouble() + e1) <= 4 * kEps);
        // grad = e^-1 (1 - 2x^2, -2xy) = (-e^-1, 0); H = e^-1 diag(2, 2)
        QVERIFY(std::abs(o["gradient"][0].toDouble() + e1) <= 4 * kEps);
        QCOMPARE(o["gradient"][1].toDouble(), 0.0);
        QVERIFY(std::abs(o["hessian"][0][0].toDouble() - 2 * e1) <= 8 * kEps);
        QVERIFY(std::abs(o["hessian"][1][1].toDouble() - 2 * e1) <= 8 * kEps);
        QCOMPARE(o["hessian"][0][1].toDouble(), 0.0);
        QCOMPARE(o["classification"].toString(), QStringLiteral("not_critical"));
        const auto a = o["approximation"].toObject();
        const double x = -0.99, y = -0.03;
        QVERIFY(std::abs(a["true"].toDouble() - x * std::exp(-x * x - y * y)) <= 4 * kEps);
        QVERIFY(std::abs(a["linear"].toDouble() - (-e1 - e1 * 0.01)) <= 4 * kEps);
        // T2 = e^-1 (-1 - u + u^2 + y^2), u = x + 1
        QVERIFY(std::abs(a["quadratic"].toDouble() - e1 * (-1 - 0.01 + 1e-4 + 9e-4)) <= 4 * kEps);
    }

    void classificationAndOrder() {
        const Run r =
            run({"--analyze", "--function", "y^2 - x^2", "--point=0,0", "--variables", "y,x"});
        QCOMPARE(r.exitCode, 0);
        const auto o = json(r);
        QCOMPARE(o["variables"].toArray(), QJsonArray({"y", "x"}));
        QCOMPARE(o["hessian"][0][0].toDouble(), 2.0); // d2/dy2 first: the given order
        QCOMPARE(o["hessian_eigenvalues"].toArray(), QJsonArray({-2, 2}));
        QCOMPARE(o["classification"].toString(), QStringLiteral("saddle"));
        QVERIFY(!o.contains("approximation"));
    }

    // sin(x)/x near 0: f'' is computed as 0 with a bound that covers its true -1/3; the JSON
    // says the curvature is lost, and f's signs call the point a maximum (tester s26: it
    // said "degenerate maximum").
    void curvatureLostToRounding() {
        const Run r = run({"--analyze", "--function", "sin(x)/x", "--point", "4.8e-9"});
        QCOMPARE(r.exitCode, 0);
        const auto o = json(r);
        QVERIFY(o["curvature_lost_to_rounding"].toBool());
        QCOMPARE(o["classification"].toString(), QStringLiteral("maximum"));
        QCOMPARE(o["classification_detail"].toString(), QStringLiteral("maximum"));
        const double lambda = o["hessian_eigenvalues"][0].toDouble();
        QVERIFY(std::abs(lambda + 1.0 / 3) <= o["hessian_eigenvalue_errors"][0].toDouble());
        const Run bowl = run({"--analyze", "--function", "x^2 - y^2", "--point=0,0"});
        const auto b = json(bowl);
        QVERIFY(!b.contains("curvature_lost_to_rounding"));
        // No cancellation: the bounds are a few dozen ulps of |H| = 2, far from "lost".
        for (const QJsonValue e : b["hessian_eigenvalue_errors"].toArray())
            QVERIFY(e.toDouble() <= 64 * std::numeric_limits<double>::epsilon());
    }

    void nonFiniteIsNull() {
        const Run r = run({"--analyze", "--function", "log(x)", "--point", "-1"});
        QCOMPARE(r.exitCode, 0);
        const auto o = json(r);
        QVERIFY(o["value"].isNull());
        QVERIFY(o["gradient"][0].isNull());
        QCOMPARE(o["classification"].toString(), QStringLiteral("undefined"));
    }

    // A constant such as 1/0 has the input x (the window's rule): a missing point says so
    // (tester s23: "--point is required" alone, and --point= refused, left a person stuck).
    void missingPointNamesTheInputs() {
        const Run r = run({"--analyze", "--function", "1/0"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(
                     QStringLiteral("--point is required: 1 number, for x")),
                 r.err.constData());
        const Run two = run({"--analyze", "--function", "x*y"});
        QVERIFY2(QString::fromUtf8(two.err).contains(QStringLiteral("2 numbers, for x, y")),
                 two.err.constData());
        const Run given = run({"--analyze", "--function", "1/0", "--point", "1"});
        QCOMPARE(given.exitCode, 0);
        QVERIFY(json(given)["value"].isNull()); // infinite: not a JSON number
    }

    void badInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("expression")
            << QStringList{"--analyze", "--function", "x*expp(y)", "--point", "1,2"}
            << "column 3: unknown function 'expp'; did you mean 'exp'?\nx*expp(y)\n  ^^^^";
        QTest::newRow("unbalanced")
            << QStringList{"--analyze", "--function", "(x+y", "--point", "1,2"} << "never closed";
        QTest::newRow("too few coordinates")
            << QStringList{"--analyze", "--function", "x+y", "--point", "1"}
            << "--point: expected 2 comma-separated numbers, got 1";
        // One input inferred from f (the window's rule): one number, said in the singular.
        QTest::newRow("one input, two coordinates")
            << QStringList{"--analyze", "--function", "sqrt(-1-x^2)", "--point", "1,2"}
            << "--point: expected 1 number, got 2 ('1,2'): one per input of f, in order: x";
        QTest::newRow("inputs named") // tester s24: a, b unsaid
            << QStringList{"--analyze", "--function", "a*x^2+b*y^2", "--point", "1,1"}
            << "--point: expected 4 comma-separated numbers, got 2 ('1,1'): one per input of f, "
               "in order: a, b, x, y";
        QTest::newRow("not a number")
            << QStringList{"--analyze", "--function", "x+y", "--point", "1,abc"}
            << "--point: item 2, 'abc', is not a finite number";
        QTest::newRow("infinite") << QStringList{"--analyze", "--function", "x+y", "--point",
                                                 "1,inf"}
                                  << "not a finite number";
        // Tester s13: "'1e999' is not a number" for a number too large for a double.
        QTest::newRow("too large")
            << QStringList{"--descent", "gd", "--function", "x^2", "--lr", "1e999"}
            << "--lr: '1e999' is too large: numbers go up to 1.8e308";
        QTest::newRow("bad epsilon")
            << QStringList{"--analyze", "--function", "x+y", "--point", "1,2", "--epsilon", "0.1"}
            << "--epsilon: expected 2";
        QTest::newRow("unknown option") << QStringList{"--analyze", "--frobnicate"} << "frobnicate";
        // tester4 C10: Qt's "Unknown option 'frobnicate'." in the style of the others.
        QTest::newRow("window unknown option")
            << QStringList{"--frobnicate"} << "gradscape: unknown option '--frobnicate'\n";
        QTest::newRow("unknown letter")
            << QStringList{"--analyze", "-q"} << "gradscape: unknown option '-q'\n";
        QTest::newRow("window bad function") << QStringList{"--function", "sin("} << "never closed";
        QTest::newRow("missing function")
            << QStringList{"--analyze", "--point", "1"} << "--function is required";
        QTest::newRow("missing point")
            << QStringList{"--analyze", "--function", "x"} << "--point is required";
        QTest::newRow("stray argument")
            << QStringList{"--analyze", "--function", "x", "--point", "1", "extra"}
            << "unexpected argument 'extra'";
        QTest::newRow("empty variable")
            << QStringList{"--analyze", "--function", "x", "--variables", "x,,y", "--point", "1"}
            << "--variables: empty name";
        QTest::newRow("shape error")
            << QStringList{"--analyze", "--function", "f = sum(V * V)", "--variables",
                           "V[2,3]",    "--point",    "1,2,3,4,5,6"}
            << "(2x3) * (2x3): inner dimensions differ";
        QTest::newRow("flattened point")
            << QStringList{"--analyze", "--function", "f = sum(V)", "--variables",
                           "V[2,3]",    "--point",    "1,2,3"}
            << "--point: expected 6 comma-separated numbers, got 3";
        // tester4 A10: options a command does not read are checked all the same.
        QTest::newRow("unused resolution")
            << QStringList{"--analyze", "--function", "x^2", "--point", "1", "--resolution", "2"}
            << "gradscape: --resolution: 2 is out of range: it must be a whole number from 3 to "
               "1001";
        QTest::newRow("unused inverted domain")
            << QStringList{"--analyze", "--function", "x^2", "--point", "1", "--domain", "5,1,0,0"}
            << "gradscape: --domain: need xmin < xmax and ymin < ymax, got '5,1,0,0'";
        QTest::newRow("unused lr")
            << QStringList{"--analyze", "--function", "x^2", "--point", "1", "--lr", "-1"}
            << "gradscape: --lr: -1 is out of range";
        // A variable listed twice is --variables' error, not the function's (no caret).
        QTest::newRow("variable twice")
            << QStringList{"--analyze", "--function", "x^2", "--variables", "x,x", "--point", "1,1"}
            << "gradscape: --variables: 'x' is listed twice in 'x,x'\n";
        QTest::newRow("bad shape")
            << QStringList{"--analyze", "--function", "x'*x", "--variables", "x[0]", "--point", "1"}
            << "not a whole number of at least 1";
        QTest::newRow("check-gradient parse")
            << QStringList{"--check-gradient",  "(A + A') *",
                           "--with-respect-to", "x",
                           "--function",        "A = [[2, 1], [0, 3]]; f = x' * A * x",
                           "--variables",       "x[2]"}
            << "--check-gradient: column 10: expected an operand after '*'";
        QTest::newRow("check-gradient input")
            << QStringList{"--check-gradient", "x",          "--with-respect-to", "z",
                           "--function",       "f = x' * x", "--variables",       "x[2]"}
            << "--with-respect-to: 'z' is not an input (the inputs are x)";
        QTest::newRow("check-gradient shape")
            << QStringList{"--check-gradient", "x'",         "--with-respect-to", "x",
                           "--function",       "f = x' * x", "--variables",       "x[2]"}
            << "the closed form is (1x2) but x is (2x1)";
        // tester4 A5: an unknown matrix name was reported as a shape error.
        QTest::newRow("check-gradient unknown name")
            << QStringList{"--check-gradient",  "A' * (x - A * Q)",
                           "--with-respect-to", "x",
                           "--function",        "A = [[2, 1], [0, 3]]; f = x' * A * x",
                           "--variables",       "x[2]"}
            << "--check-gradient: column 15: unknown symbol 'Q'";
        QTest::newRow("check-gradient without input")
            << QStringList{"--check-gradient", "x",           "--function",
                           "f = x' * x",       "--variables", "x[2]"}
            << "--with-respect-to is required";
        QTest::newRow("check-gradient draws")
            << QStringList{"--check-gradient", "2 * x",      "--with-respect-to", "x",
                           "--function",       "f = x' * x", "--variables",       "x[2]",
                           "--draws",          "-1"}
            << "--draws: -1 is out of range";
        // Tester s21: the second command, or an option's second value, was silently ignored.
        QTest::newRow("two commands")
            << QStringList{"--animate", "/tmp/never.gif", "--descent", "gd", "--function", "x^2"}
            << "--descent and --animate: one command at a time";
        QTest::newRow("option twice")
            << QStringList{"--animate", "/tmp/a.gif", "--animate", "/tmp/b.gif"}
            << "--animate given 2 times ('/tmp/a.gif', '/tmp/b.gif'): give it once";
        QTest::newRow("switch twice") // tester s24: it ran
            << QStringList{"--analyze", "--analyze", "--function", "x", "--point", "1"}
            << "--analyze given 2 times: give it once";
        QTest::newRow("command and screenshot")
            << QStringList{"--analyze", "--screenshot", "/tmp/s.png"}
            << "--analyze and --screenshot: one command at a time";
    }
    void badInput() { refusedWithMessage(); }

    // f = a x^2 + 2 b x y + c y^2 with a = 1, b = 2, c = 0.5 at (1, 1): by hand f = 5.5,
    // grad = (2ax + 2by, 2bx + 2cy) = (6, 5), H = [[2a, 2b], [2b, 2c]] = [[2, 4], [4, 1]].
    void parametersWithEveryCommand() {
        const QStringList form{"--function", "a*x^2 + 2*b*x*y + c*y^2", "--parameters",
                               "a=1, b=2,c=0.5"};
        const Run analyze = run(QStringList{"--analyze", "--point", "1,1"} + form);
        QCOMPARE(analyze.exitCode, 0);
        auto o = json(analyze);
        QCOMPARE(o["variables"].toArray(), QJsonArray({"x", "y"}));
        QCOMPARE(o["value"].toDouble(), 5.5);
        QCOMPARE(o["gradient"].toArray(), QJsonArray({6, 5}));
        QCOMPARE(o["hessian"].toArray(), QJsonArray({QJsonArray{2, 4}, QJsonArray{4, 1}}));
        QCOMPARE(o["parameters"].toObject()["b"].toDouble(), 2.0);
        // det H = 2 - 16 < 0: a saddle; b = 0.5 makes it a bowl (det = 2 - 1 > 0).
        QCOMPARE(o["classification"].toString(), QStringLiteral("not_critical"));
        // Backprop: d(a*x)/dx = a, and the graph writes the parameter by name.
        const Run backprop =
            run({"--backprop", "--function", "a*x", "--parameters", "a=3", "--point", "2"});
        QCOMPARE(backprop.exitCode, 0);
        o = json(backprop);
        QCOMPARE(o["inputs"].toArray(), QJsonArray({"x"}));
        QCOMPARE(o["gradient"].toObject()["x"].toDouble(), 3.0);
        QVERIFY(backprop.out.contains("a*x"));
        // Critical points of (x - a)^2 on [-2, 2]: one minimum at a.
        const Run critical = run({"--critical-points", "--function", "(x-a)^2", "--parameters",
                                  "a=0.5", "--domain", "-2,2"});
        QCOMPARE(critical.exitCode, 0);
        o = json(critical);
        const QJsonArray points = o["critical_points"].toArray();
        QCOMPARE(points.size(), 1);
        QVERIFY(std::abs(points[0].toObject()["point"].toArray()[0].toDouble() - 0.5) <= 8 * kEps);
        // Newton on (x - a)^2 + (y - b)^2 lands on (a, b) in one step.
        const Run descent = run({"--descent", "newton", "--function", "(x-a)^2 + (y-b)^2",
                                 "--parameters", "a=1,b=-1", "--start", "0,0"});
        QCOMPARE(descent.exitCode, 0);
        o = json(descent);
        QCOMPARE(o["end_point"].toObject()["point"].toArray(), QJsonArray({1, -1}));
        // The sweep runs on a parameterized quadratic: f = a x^2, lambda_max = 2a = 8.
        const Run sweep = run({"--sweep", "gd", "--function", "a*x^2", "--parameters", "a=4",
                               "--start", "1", "--count", "5"});
        QCOMPARE(sweep.exitCode, 0);
        o = json(sweep);
        QCOMPARE(o["quadratic"].toObject()["stability_limit"].toDouble(), 2.0 / 8.0);
    }

    void parametersExportAndSession() {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("p.png"));
        const Run r = run({"--function", "a*x^2 + y^2", "--parameters", "a=-1", "--export", png,
                           "--size", "320x240"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QImage(png).size(), QSize(320, 240));
        // A session's parameter, overridden on the command line.
        const QString session = writeSession(dir, QStringLiteral("p.gradscape"),
                                             R"({"function": "a*x + y", "point": [2, 0], )"
                                             R"("parameters": [{"name": "a", "value": 3}]})");
        QJsonObject o = json(run({"--analyze", "--session", session}));
        QCOMPARE(o["value"].toDouble(), 6.0);
        o = json(run({"--analyze", "--session", session, "--parameters", "a=-7"}));
        QCOMPARE(o["value"].toDouble(), -14.0);
        QCOMPARE(o["gradient"].toArray(), QJsonArray({-7, 1}));
    }

    void badParameters_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QStringList analyze{"--analyze", "--function", "a*x", "--point", "1,0"};
        QTest::newRow("no value") << analyze + QStringList{"--parameters", "a="}
                                  << "--parameters: 'a=' has no value";
        QTest::newRow("no equals")
            << analyze + QStringList{"--parameters", "a"} << "--parameters: 'a' has no '='";
        QTest::newRow("no name") << analyze + QStringList{"--parameters", "=1"}
                                 << "--parameters: '=1' has no name";
        QTest::newRow("empty item")
            << analyze + QStringList{"--parameters", "a=1,,b=2"} << "--parameters: empty item";
        QTest::newRow("twice") << analyze + QStringList{"--parameters", "a=1,a=2"}
                               << "--parameters: 'a' is given twice";
        QTest::newRow("not a number") << analyze + QStringList{"--parameters", "a=one"}
                                      << "--parameters: 'a=one': 'one' is not a finite number";
        QTest::newRow("infinite") << analyze + QStringList{"--parameters", "a=inf"}
                                  << "'inf' is not a finite number";
        QTest::newRow("nan") << analyze + QStringList{"--parameters", "a=nan"}
                             << "'nan' is not a finite number";
        QTest::newRow("also a variable")
            << QStringList{"--analyze", "--function", "a*x",          "--variables", "a,x",
                           "--point",   "1,0",        "--parameters", "a=1"}
            << "--parameters: 'a' is also a variable";
        QTest::newRow("function name") << analyze + QStringList{"--parameters", "exp=1"}
                                       << "the parameter name 'exp' is taken";
        QTest::newRow("unknown symbol")
            << QStringList{"--analyze", "--function", "a*x + b", "--variables", "x", "--point", "1"}
            << "unknown symbols 'a', 'b': declare them as variables, or make them parameters";
        QTest::newRow("backprop") << QStringList{"--backprop", "--function",   "a*x", "--point",
                                                 "1",          "--parameters", "a="}
                                  << "'a=' has no value";
        QTest::newRow("sweep") << QStringList{"--sweep", "gd", "--function",   "a*x^2",
                                              "--start", "1",  "--parameters", "a=1,a=1"}
                               << "given twice";
        QTest::newRow("critical points")
            << QStringList{"--critical-points", "--function", "a*x^2", "--parameters", "a"}
            << "has no '='";
        QTest::newRow("descent") << QStringList{"--descent", "gd", "--function",   "a*x^2",
                                                "--start",   "1",  "--parameters", "a=1e999"}
                                 << "not a finite number";
        QTest::newRow("export") << QStringList{"--export", "/tmp/never.png", "--function",
                                               "a*x",      "--parameters",   "a=,"}
                                << "'a=' has no value";
        QTest::newRow("window") << QStringList{"--function", "a*x", "--parameters", "b"}
                                << "'b' has no '='";
    }
    void badParameters() { refusedWithMessage(); }

    void analyzeShapedInputs() {
        // f = sum(V .* V) + y x_1: grad = (y, 0 | x_1 | 2V), by hand.
        const Run r = run({"--analyze", "--function", "f = sum(V .* V) + y*x[1]", "--variables",
                           "x[2], y, V[2,2]", "--point", "1,2,3,1,2,3,4"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = json(r);
        QCOMPARE(o[QStringLiteral("variables")].toArray().at(3).toString(),
                 QStringLiteral("V[1,1]"));
        const QJsonObject g = o[QStringLiteral("gradient_by_input")].toObject();
        QCOMPARE(g[QStringLiteral("y")].toDouble(), 1.0);
        QCOMPARE(g[QStringLiteral("x")].toArray(), (QJsonArray{3, 0}));
        QCOMPARE(g[QStringLiteral("V")].toArray(),
                 (QJsonArray{QJsonArray{2, 4}, QJsonArray{6, 8}}));
        QCOMPARE(o[QStringLiteral("hessian")].toArray().size(), 7);
    }

    void analyzeManyInputsSaysWhyNoHessian() {
        QStringList ones;
        for (int i = 0; i < 64; ++i)
            ones << QStringLiteral("1");
        const Run r = run({"--analyze", "--function", "f = norm(V)^2", "--variables", "V[8,8]",
                           "--point", ones.join(QLatin1Char(','))});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = json(r);
        QVERIFY(o[QStringLiteral("hessian")].isNull());
        QCOMPARE(o[QStringLiteral("hessian_not_computed")].toString(),
                 QStringLiteral("not computed: 64 scalar inputs > 50"));
        const QJsonArray rows =
            o[QStringLiteral("gradient_by_input")][QStringLiteral("V")].toArray();
        QCOMPARE(rows.size(), 8);
        QCOMPARE(rows.at(7).toArray().at(7).toDouble(), 2.0); // d|V|^2/dV = 2V
    }

    void checkGradientReports() {
        const QStringList f{"--function",        "A = [[2, 1], [0, 3]]; f = x' * A * x",
                            "--variables",       "x[2]",
                            "--point",           "1,1",
                            "--with-respect-to", "x",
                            "--draws",           "5"};
        const Run good = run(QStringList{"--check-gradient", "(A + A') * x"} + f);
        QCOMPARE(good.exitCode, 0);
        const QJsonObject g = json(good);
        QVERIFY(g[QStringLiteral("agrees")].toBool());
        QCOMPARE(g[QStringLiteral("draws")].toInt(), 5);
        QCOMPARE(g[QStringLiteral("automatic")].toArray(), (QJsonArray{5, 7})); // (A + A')(1, 1)
        QVERIFY(g[QStringLiteral("summary")].toString().startsWith(QStringLiteral("agrees ")));
        // 2Ax is the gradient only for a symmetric A: (6, 6) at (1, 1), and on every draw.
        const Run bad = run(QStringList{"--check-gradient", "2 * A * x"} + f);
        QCOMPARE(bad.exitCode, 0);
        const QJsonObject b = json(bad);
        QVERIFY(!b[QStringLiteral("agrees")].toBool());
        QCOMPARE(b[QStringLiteral("differing_entries")].toInt(), 12);
        const QJsonObject first = b[QStringLiteral("differences")].toArray().at(0).toObject();
        QCOMPARE(first[QStringLiteral("entry")].toString(), QStringLiteral("x[1]"));
        QCOMPARE(first[QStringLiteral("closed_form")].toDouble(), 6.0);
    }

    void adamFactorizationLowersTheLoss() {
        // X = U V* with V* = [[1, 2, 0], [0, 1, -1]]: Adam on V drives |X - UV|^2 from 28.5
        // (at the start, by hand: residual rows (1.5, 1.5, -0.5), (-0.5, 1.5, -1.5), ...) down.
        const Run r = run({"--descent", "adam", "--function",
                           "X = [[1, 2, 0], [0, 1, -1], [1, 3, -1], [1, 1, 1]]; U = [[1, 0], [0, "
                           "1], [1, 1], [1, -1]]; f = norm(X - U * V)^2",
                           "--variables", "V[2,3]", "--start", "-0.5,0.5,0.5,0.5,-0.5,0.5", "--lr",
                           "0.05", "--steps", "400"});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray t = json(r)[QStringLiteral("trajectory")].toArray();
        QCOMPARE(t.first().toArray().last().toDouble(), 28.5);
        QVERIFY(t.last().toArray().last().toDouble() < 1e-6);
    }

    void exportWritesTheImage() {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("scene.png"));
        const Run r = run({"--function", "x^2-y^2", "--point", "0.5,-0.5", "--domain", "-1,1,-1,1",
                           "--resolution", "51", "--show", "tangent,gradient", "--export", png,
                           "--size", "640x480"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromUtf8(r.out.trimmed()), png);
        const QImage img(png);
        QCOMPARE(img.size(), QSize(640, 480));
        QCOMPARE(img.pixel(2, 2), qRgb(255, 255, 255)); // white background
        const QString jpg = dir.filePath(QStringLiteral("scene.jpg"));
        QCOMPARE(run({"--export", jpg, "--size", "320x240", "--shaded"}).exitCode, 0);
        QCOMPARE(QImage(jpg).size(), QSize(320, 240));
    }

    // --show state draws the first run's state at --frame: the rectangle of Adam's step
    // sizes in its teal, which nothing else in the picture has; --frame alone draws the
    // paths up to that iterate and no state.
    void exportDrawsTheState() {
        QTemporaryDir dir;
        const QStringList scene{"--function",  "x^2-y^2", "--start", "0.6,0.3", "--runs",
                                "adam",        "--lr",    "0.1",     "--steps", "10",
                                "--tolerance", "0",       "--size",  "640x480", "--show"};
        auto teal = [](const QImage& img) { // StateGlyphs::rateColor() (0, 153, 136)
            long n = 0;
            for (int y = 0; y < img.height(); ++y)
                for (int x = 0; x < img.width(); ++x) {
                    const QColor c = img.pixelColor(x, y);
                    n += c.red() < 60 && std::abs(c.green() - 153) < 30 &&
                         std::abs(c.blue() - 136) < 30;
                }
            return n;
        };
        for (const char* view : {"surface", "contour"}) {
            const QString with = dir.filePath(QStringLiteral("with.png"));
            const QString without = dir.filePath(QStringLiteral("without.png"));
            const Run a =
                run(scene + QStringList{"state", "--frame", "3", "--view", view, "--export", with});
            QVERIFY2(a.exitCode == 0, a.err.constData());
            const Run b = run(
                scene + QStringList{"none", "--frame", "3", "--view", view, "--export", without});
            QVERIFY2(b.exitCode == 0, b.err.constData());
            // Antialiased lines may blend a stray pixel or two into the teal range.
            const long a0 = teal(QImage(with)), b0 = teal(QImage(without));
            QVERIFY2(
                a0 > 200 && b0 < 20,
                qPrintable(QStringLiteral("%1: %2 with, %3 without").arg(view).arg(a0).arg(b0)));
        }
    }

    // Newton's state is its direction d = -H^-1 g and the step taken (it was refused: "keeps
    // no state to draw"): d in the moment's colour, which nothing else in the picture has.
    void exportDrawsNewtonsDirection() {
        QTemporaryDir dir;
        const QStringList scene{"--function", "x^2 + 3*x*y + 5*y^2",
                                "--start",    "1.5,1",
                                "--runs",     "newton",
                                "--view",     "contour",
                                "--size",     "640x480",
                                "--show"};
        const auto moment = [](const QImage& img) { // SceneLook::moment (140, 81, 10)
            long n = 0;
            for (int y = 0; y < img.height(); ++y)
                for (int x = 0; x < img.width(); ++x) {
                    const QColor c = img.pixelColor(x, y);
                    n += std::abs(c.red() - 140) < 20 && std::abs(c.green() - 81) < 20 &&
                         std::abs(c.blue() - 10) < 20;
                }
            return n;
        };
        const QString with = dir.filePath(QStringLiteral("with.png"));
        const QString without = dir.filePath(QStringLiteral("without.png"));
        const Run a = run(scene + QStringList{"state", "--export", with});
        QVERIFY2(a.exitCode == 0, a.err.constData());
        const Run b = run(scene + QStringList{"none", "--export", without});
        QVERIFY2(b.exitCode == 0, b.err.constData());
        const long a0 = moment(QImage(with)), b0 = moment(QImage(without));
        // d lies under the slim step taken (t = 1): its rim shows, a hundred pixels or more;
        // the run's orange ball blends a few into the brown's range.
        QVERIFY2(a0 > b0 + 100, qPrintable(QStringLiteral("%1 with, %2 without").arg(a0).arg(b0)));
    }

    // The inputs are inferred from f as in the window: sin(x) is a curve, with one
    // coordinate; --variables x,y makes it a surface again.
    void inputsAreInferredFromTheFunction() {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("curve.png"));
        const Run curve = run({"--function", "sin(x)", "--point", "1", "--view", "curve",
                               "--export", png, "--size", "320x240"});
        QVERIFY2(curve.exitCode == 0, curve.err.constData());
        const Run surface = run({"--function", "sin(x)", "--variables", "x,y", "--point", "1,0",
                                 "--export", png, "--size", "320x240"});
        QVERIFY2(surface.exitCode == 0, surface.err.constData());
        const Run analyze = run({"--analyze", "--function", "sin(x)", "--point", "1"});
        QCOMPARE(analyze.exitCode, 0);
        QCOMPARE(json(analyze)["variables"].toArray().size(), 1);
    }

    void exportBadInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("folder") << QStringList{"--export", "/nonexistent/x.png"}
                                << "does not exist";
        QTest::newRow("type") << QStringList{"--export", "/tmp/x.bmp"}
                              << ".png, .jpg, .jpeg, .svg or .pdf";
        QTest::newRow("size format")
            << QStringList{"--export", "/tmp/x.png", "--size", "big"} << "WIDTHxHEIGHT";
        QTest::newRow("size range")
            << QStringList{"--export", "/tmp/x.png", "--size", "10x99999"} << "out of range";
        QTest::newRow("jpeg alpha")
            << QStringList{"--export", "/tmp/x.jpg", "--transparent"} << "needs PNG";
        QTest::newRow("show") << QStringList{"--export", "/tmp/x.png", "--show", "tangent,hessian"}
                              << "unknown item 'hessian'";
        QTest::newRow("show items")
            << QStringList{"--export", "/tmp/x.png", "--show", "field,arrows"}
            << "unknown item 'arrows' (use tangent, quadratic, gradient, field, bands, critical, "
               "state or none)";
        QTest::newRow("resolution") << QStringList{"--export", "/tmp/x.png", "--resolution", "5000"}
                                    << "--resolution: 5000 is out of range";
        QTest::newRow("domain") << QStringList{"--export", "/tmp/x.png", "--domain", "1,-1,0,1"}
                                << "xmin < xmax";
        QTest::newRow("function") << QStringList{"--export", "/tmp/x.png", "--function", "x+"}
                                  << "after '+'";
        QTest::newRow("view name") << QStringList{"--export", "/tmp/x.png", "--view", "side"}
                                   << "--view: 'side' is not a view; use one of "
                                      "surface|contour|curve|graph";
        QTest::newRow("curve of two inputs")
            << QStringList{"--export", "/tmp/x.png", "--view", "curve"}
            << "--view curve: needs a function of one input (this one has 2)";
        QTest::newRow("contour of one input")
            << QStringList{"--export",   "/tmp/x.png", "--view",      "contour",
                           "--function", "x^3",        "--variables", "x"}
            << "--view contour: needs a function of two or more inputs";
        QTest::newRow("interval for two inputs")
            << QStringList{"--export", "/tmp/x.png", "--domain=-2,3"}
            << "--domain: expected 4 comma-separated numbers";
        // --show state and --frame (issue 16): the first run's state at an iterate it
        // stepped from.
        const QStringList saddle{"--export", "/tmp/x.png", "--function", "x^2-y^2",     "--start",
                                 "0.6,0.3",  "--steps",    "10",         "--tolerance", "0"};
        QTest::newRow("state without runs")
            << QStringList{"--export", "/tmp/x.png", "--show", "state"}
            << "--show state: there are no runs to show; add --runs adam (for example)";
        QTest::newRow("state past the last step")
            << saddle + QStringList{"--runs", "adam", "--show", "state", "--frame", "500"}
            << "--show state: --frame 500 is out of range: run 1 (adam) took";
        QTest::newRow("state in the curve view")
            << QStringList{"--export", "/tmp/x.png", "--function", "x^4",  "--variables", "x",
                           "--start",  "1",          "--runs",     "adam", "--show",      "state"}
            << "--show state: the curve view draws no state";
        QTest::newRow("frame negative")
            << saddle + QStringList{"--runs", "adam", "--frame", "-1"}
            << "--frame: -1 is out of range: it must be a whole number from 0 to 100000";
        QTest::newRow("frame fraction")
            << saddle + QStringList{"--runs", "adam", "--frame", "2.5"} << "--frame: 2.5";
        QTest::newRow("frame past the runs")
            << saddle + QStringList{"--runs", "gd", "--frame", "11"}
            << "--frame: 11 is past the runs' last iterate: the longest run took 10 steps";
        QTest::newRow("frame without runs") << QStringList{"--export", "/tmp/x.png", "--frame", "1"}
                                            << "--frame: there are no runs to show";
    }
    void exportBadInput() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    void descentTrajectory() {
        // x <- x - 0.1 * 2x = 0.8 x, computed here independently.
        const Run r = run({"--descent", "gd", "--function", "x^2 + y^2", "--start", "1,-2", "--lr",
                           "0.1", "--steps", "3"});
        QCOMPARE(r.exitCode, 0);
        const auto o = json(r);
        QCOMPARE(o["method"].toString(), QStringLiteral("gd"));
        QCOMPARE(o["stop_reason"].toString(), QStringLiteral("max_steps"));
        QCOMPARE(o["steps"].toInt(), 3);
        const QJsonArray t = o["trajectory"].toArray();
        QCOMPARE(t.size(), 4);
        double x = 1, y = -2;
        for (int k = 0; k < 4; ++k) {
            const QJsonArray row = t[k].toArray();
            QCOMPARE(row.size(), 3); // x, y, f
            QVERIFY(std::abs(row[0].toDouble() - x) <= 4 * kEps);
            QVERIFY(std::abs(row[1].toDouble() - y) <= 4 * kEps);
            QVERIFY(std::abs(row[2].toDouble() - (x * x + y * y)) <= 16 * kEps);
            x *= 0.8;
            y *= 0.8;
        }
    }

    void descentNewtonAndDivergence() {
        const Run newton =
            run({"--descent", "newton", "--function", "(x-3)^2 + 2*(y+1)^2", "--start", "0,0"});
        QCOMPARE(newton.exitCode, 0);
        const auto n = json(newton);
        QCOMPARE(n["stop_reason"].toString(), QStringLiteral("converged"));
        QCOMPARE(n["steps"].toInt(), 1);
        QCOMPARE(n["trajectory"][1][0].toDouble(), 3.0);
        QCOMPARE(n["trajectory"][1][1].toDouble(), -1.0);
        const Run wild = run({"--descent", "momentum", "--function", "x^2", "--start", "1", "--lr",
                              "3", "--steps", "1000"});
        QCOMPARE(wild.exitCode, 0);
        QCOMPARE(json(wild)["stop_reason"].toString(), QStringLiteral("diverged"));
    }

    // The new methods by name; AdaGrad's first step from its rule: G = g^2, so
    // x1 = x0 - eta g / (|g| + eps), here g = (2, 6) at (1, 1).
    void descentNewMethods_data() {
        QTest::addColumn<QString>("method");
        for (const char* m : {"adagrad", "rmsprop", "qhm", "qhadam", "gd-linesearch"})
            QTest::newRow(m) << QString::fromLatin1(m);
    }
    void descentNewMethods() {
        QFETCH(QString, method);
        const Run r = run({"--descent", method, "--function", "x^2 + 3*y^2", "--start", "1,1",
                           "--lr", "0.1", "--steps", "2000"});
        QCOMPARE(r.exitCode, 0);
        const auto o = json(r);
        QCOMPARE(o["method"].toString(), method);
        QCOMPARE(o["stop_reason"].toString(), QStringLiteral("converged"));
        if (method == QLatin1String("adagrad")) {
            const QJsonArray x1 = o["trajectory"][1].toArray();
            QVERIFY(std::abs(x1[0].toDouble() - (1 - 0.1 * 2 / (2 + 1e-8))) <= 4 * kEps);
            QVERIFY(std::abs(x1[1].toDouble() - (1 - 0.1 * 6 / (6 + 1e-8))) <= 4 * kEps);
        }
        // On a quadratic the eigen-directions come with the run.
        QCOMPARE(o["eigen_directions"]["eigenvalues"].toArray(), QJsonArray({2, 6}));
    }

    // --noise and --seed: the same seed, the same output byte for byte; another seed, another
    // path; --noise 0 is the exact run whatever the seed.
    void descentNoiseSeed() {
        const QStringList base{"--descent", "adam", "--function", "x^2 + 3*y^2",
                               "--start",   "1,1",  "--steps",    "50"};
        const Run a = run(base + QStringList{"--noise", "0.5", "--seed", "42"});
        const Run b = run(base + QStringList{"--noise", "0.5", "--seed", "42"});
        const Run c = run(base + QStringList{"--noise", "0.5", "--seed", "43"});
        QCOMPARE(a.exitCode, 0);
        QCOMPARE(a.out, b.out);
        QVERIFY(a.out != c.out);
        QCOMPARE(json(a)["seed"].toString(), QStringLiteral("42"));
        const Run exact = run(base);
        const Run zero = run(base + QStringList{"--noise", "0", "--seed", "9"});
        QCOMPARE(zero.out, exact.out);
        QVERIFY(json(a)["trajectory"] != json(exact)["trajectory"]);
    }

    // --state-csv: one row per iterate; gradient descent's x <- x - 0.1 * 2x by hand.
    void descentStateCsv() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.csv"));
        const Run r = run({"--descent", "gd", "--function", "x^2 + y^2", "--start", "1,-2", "--lr",
                           "0.1", "--steps", "3", "--state-csv", path});
        QCOMPARE(r.exitCode, 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines[0], QStringLiteral("step,x,y,f,grad_norm,grad_x,grad_y,moment_x,moment_y,"
                                          "second_x,second_y,rate_x,rate_y,update_x,update_y,"
                                          "update_norm"));
        const QStringList row = lines[2].split(QLatin1Char(',')); // step 1 at (0.8, -1.6)
        QCOMPARE(row.size(), 16);
        QCOMPARE(row[0], QStringLiteral("1"));
        QVERIFY(std::abs(row[5].toDouble() - 1.6) <= 4 * kEps);   // grad_x = 2x
        QVERIFY(std::abs(row[6].toDouble() + 3.2) <= 8 * kEps);   // grad_y = 2y
        QVERIFY(row[7].isEmpty() && row[10].isEmpty());           // no moments
        QCOMPARE(row[11].toDouble(), 0.1);                        // rate = eta
        QVERIFY(std::abs(row[13].toDouble() + 0.16) <= 4 * kEps); // -eta g
        QVERIFY(std::abs(row[15].toDouble() - 0.16 * std::sqrt(5.0)) <= 8 * kEps);
        // The last iterate took no step.
        QVERIFY(lines[4].endsWith(QStringLiteral(",,,")));
        // A missing folder: bad input (exit 2) with the path in the message, found before the run.
        const Run bad = run({"--descent", "gd", "--function", "x^2", "--start", "1", "--state-csv",
                             dir.filePath(QStringLiteral("no/such/dir/state.csv"))});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("--state-csv: cannot write"), bad.err.constData());
        QVERIFY2(bad.out.isEmpty(), bad.out.constData());
    }

    // --sweep on x^2 + 3y^2 (H = diag(2, 6)): 2/lambda_max = 1/3, 2/(2 + 6) = 0.25; every
    // rate above 1/3 diverges, the rates from 0.01 to 0.3 converge.
    void sweep() {
        const Run r = run({"--sweep", "gd", "--function", "x^2 + 3*y^2", "--start", "1,1",
                           "--lr-range", "1e-3,10", "--count", "25", "--steps", "2000"});
        QCOMPARE(r.exitCode, 0);
        const auto o = json(r);
        QCOMPARE(o["method"].toString(), QStringLiteral("gd"));
        QCOMPARE(o["count"].toInt(), 25);
        const QJsonArray runs = o["runs"].toArray();
        QCOMPARE(runs.size(), 25);
        QCOMPARE(runs[0]["lr"].toDouble(), 1e-3);
        QCOMPARE(runs[24]["lr"].toDouble(), 10.0);
        QVERIFY(std::abs(runs[6]["lr"].toDouble() - 1e-2) <= 1e-15); // 1e-3 * 10^(4 * 6/24)
        QVERIFY(std::abs(o["quadratic"].toObject()["stability_limit"].toDouble() - 1.0 / 3) <=
                2 * kEps);
        QVERIFY(std::abs(o["quadratic"]["optimal_lr"].toDouble() - 0.25) <= 2 * kEps);
        for (const QJsonValue& value : runs) {
            const QJsonObject v = value.toObject();
            const double lr = v["lr"].toDouble();
            if (lr > 1.0 / 3)
                QVERIFY(v["diverged"].toBool());
            if (lr >= 0.01 && lr < 0.3) {
                QVERIFY(v["converged"].toBool());
                QCOMPARE(v["steps_to_converge"].toInt(), v["steps"].toInt());
            }
        }
        // Not a quadratic: no limits.
        const Run g = run({"--sweep", "adam", "--function", "x*exp(-x^2-y^2)", "--start",
                           "-0.5,0.5", "--count", "5"});
        QCOMPARE(g.exitCode, 0);
        QVERIFY(json(g)["quadratic"].isNull());
        QCOMPARE(json(g)["runs"].toArray().size(), 5);
    }

    // The tester's sweep (tester4 A3): gradient descent on 0.5x^2+5y^2 (2/lambda_max = 0.2)
    // from (-1.8, 0.8), 60 steps, the default 60 rates 1e-4..10. Every rate from 0.245 up
    // overshoots geometrically and is diverged by the rise of f (|f_k - f_0| > D0/eps,
    // engine/optimizers.h); at 0.2454 at step 51. Reference: the update x <- x - eta grad f
    // in python3 floats, D0 = eta |g0|^2 (the script is in test_optimizers.cpp). 0.2019
    // (factor 1.019 per step) ends max_steps with f = 29.77.
    void sweepDivergenceByTheRiseOfF() {
        const Run r = run({"--sweep", "gd", "--function", "0.5*x^2+5*y^2", "--start", "-1.8,0.8",
                           "--steps", "60"});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray runs = json(r)["runs"].toArray();
        QCOMPARE(runs.size(), 60);
        int checked = 0;
        for (const QJsonValue& value : runs) {
            const QJsonObject v = value.toObject();
            const double lr = v["lr"].toDouble();
            if (lr > 0.24) {
                QVERIFY2(v["diverged"].toBool(), QByteArray::number(lr).constData());
                QCOMPARE(v["stop_reason"].toString(), QStringLiteral("diverged"));
                QVERIFY(v["steps"].toInt() < 60);
                ++checked;
            }
            if (std::abs(lr - 0.2453751106639817) < 1e-12)
                QCOMPARE(v["steps"].toInt(), 51);
            if (std::abs(lr - 0.2018760254679039) < 1e-12) {
                QCOMPARE(v["stop_reason"].toString(), QStringLiteral("max_steps"));
                QVERIFY(std::abs(v["final_value"].toDouble() - 29.770708848952527) < 1e-9);
            }
        }
        QCOMPARE(checked, 20);
    }

    void newOptionsBadInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QStringList descent{"--descent", "rmsprop", "--function", "x^2", "--start", "1"};
        const QStringList sweep{"--sweep", "gd", "--function", "x^2", "--start", "1"};
        QTest::newRow("rho 1") << descent + QStringList{"--rho", "1"} << "--rho: 1 is out of range";
        QTest::newRow("nu 1.5") << descent + QStringList{"--nu", "1.5"}
                                << "--nu: 1.5 is out of range";
        QTest::newRow("nu2 text") << descent + QStringList{"--nu2", "half"}
                                  << "--nu2: 'half' is not a number";
        QTest::newRow("noise negative")
            << descent + QStringList{"--noise", "-1"} << "--noise: -1 is out of range";
        QTest::newRow("seed fraction")
            << descent + QStringList{"--seed", "1.5"} << "--seed: 1.5 is out of range";
        QTest::newRow("state csv empty")
            << descent + QStringList{"--state-csv", ""} << "--state-csv: empty file name";
        QTest::newRow("sweep method")
            << QStringList{"--sweep", "sgd", "--function", "x", "--start", "1"}
            << "--sweep: unknown method 'sgd'";
        QTest::newRow("sweep no start")
            << QStringList{"--sweep", "gd", "--function", "x"} << "--start is required";
        QTest::newRow("lr range one")
            << sweep + QStringList{"--lr-range", "1"} << "--lr-range: expected 2";
        QTest::newRow("lr range reversed")
            << sweep + QStringList{"--lr-range", "1,0.1"} << "--lr-range: need a < b";
        QTest::newRow("lr range zero")
            << sweep + QStringList{"--lr-range", "0,1"} << "--lr-range: item 1, 0, is out of range";
        QTest::newRow("count 1") << sweep + QStringList{"--count", "1"}
                                 << "--count: 1 is out of range";
        QTest::newRow("count huge")
            << sweep + QStringList{"--count", "1e9"} << "--count: 1e9 is out of range";
    }
    void newOptionsBadInput() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    void descentBadInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("method") << QStringList{"--descent", "sgd",     "--function",
                                               "x",         "--start", "1"}
                                << "unknown method 'sgd'";
        QTest::newRow("no start") << QStringList{"--descent", "gd", "--function", "x"}
                                  << "--start is required";
        QTest::newRow("start count")
            << QStringList{"--descent", "gd", "--function", "x+y", "--start", "1"}
            << "--start: expected 2";
        QTest::newRow("lr zero") << QStringList{"--descent", "gd", "--function", "x",
                                                "--start",   "1",  "--lr",       "0"}
                                 << "--lr: 0 is out of range";
        QTest::newRow("lr text") << QStringList{"--descent", "gd", "--function", "x",
                                                "--start",   "1",  "--lr",       "fast"}
                                 << "--lr: 'fast' is not a number";
        QTest::newRow("steps") << QStringList{"--descent", "gd", "--function", "x",
                                              "--start",   "1",  "--steps",    "-4"}
                               << "--steps: -4 is out of range";
        QTest::newRow("beta") << QStringList{"--descent", "adam", "--function", "x",
                                             "--start",   "1",    "--beta2",    "1.5"}
                              << "--beta2: 1.5 is out of range";
    }
    void descentBadInput() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    void animateWritesFramesAndVideo() {
        QTemporaryDir dir;
        const QStringList base{"--function",  "x^2 + 3*y^2", "--runs", "gd,newton", "--start",
                               "1.5,1",       "--lr",        "0.1",    "--steps",   "5",
                               "--tolerance", "0",           "--size", "320x240"};
        const Run frames = run(base + QStringList{"--animate", dir.path()});
        QCOMPARE(frames.exitCode, 0);
        // gd takes all 5 steps; the longest run decides: frames 0..5.
        const QStringList files =
            QDir(dir.path()).entryList({"frame_*.png"}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 6);
        QCOMPARE(QImage(dir.filePath(files.last())).size(), QSize(320, 240));
        const QString video = dir.filePath(QStringLiteral("runs.ogv"));
        QCOMPARE(run(base + QStringList{"--animate", video}).exitCode, 0);
        QVERIFY(QFileInfo(video).size() > 1000);
        const QString gif = dir.filePath(QStringLiteral("runs.gif"));
        QCOMPARE(run(base + QStringList{"--animate", gif}).exitCode, 0);
        QImageReader reader(gif);
        QVERIFY(reader.supportsAnimation());
        QCOMPARE(reader.imageCount(), 6);
        QCOMPARE(reader.size(), QSize(320, 240));
        // The still export draws the runs too.
        QCOMPARE(
            run(base + QStringList{"--export", dir.filePath(QStringLiteral("runs.png"))}).exitCode,
            0);
    }

    void animateManyFramesStreams() {
        // 401 frames: every frame is written as it is rendered (the old writer held them all
        // and aborted in ImageMagick on long runs). Peak memory is measured by hand with
        // /usr/bin/time -v; here: it succeeds, and the GIF has every frame.
        QTemporaryDir dir;
        const QString gif = dir.filePath(QStringLiteral("long.gif"));
        const Run r =
            run({"--function", "x^2 + 3*y^2", "--runs", "gd", "--start", "1.5,1", "--lr", "0.001",
                 "--steps", "400", "--tolerance", "0", "--size", "96x72", "--animate", gif});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QImageReader reader(gif);
        QCOMPARE(reader.imageCount(), 401);
        QCOMPARE(reader.size(), QSize(96, 72));
        QImage last;
        for (int k = 0; k < 401; ++k)
            QVERIFY2(reader.read(&last), qPrintable(QString::number(k)));
        QCOMPARE(last.size(), QSize(96, 72));
        // Nothing but the GIF is left in the folder (no staging file).
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("long.gif")});
    }

    // Tester s21: on a transparent background the tick labels and axis titles came out at a
    // quarter of their opacity in a PNG, and a GIF (one bit of alpha) dropped them. The grey
    // ink of the opaque picture (texts, axes) is opaque and dark in the transparent one.
    void transparentPicturesKeepTheirInk() {
        QTemporaryDir dir;
        const QStringList scene{"--function", "x^2 + 3*y^2", "--size", "800x600"};
        const auto inkKept = [](const QImage& solid, const QImage& clear) {
            long ink = 0, kept = 0;
            for (int y = 0; y < solid.height(); ++y)
                for (int x = 0; x < solid.width(); ++x) {
                    const QRgb s = solid.pixel(x, y);
                    const int hi = std::max({qRed(s), qGreen(s), qBlue(s)});
                    if (hi > 120 || hi - std::min({qRed(s), qGreen(s), qBlue(s)}) > 16)
                        continue;
                    ++ink;
                    const QRgb c = clear.pixel(x, y);
                    kept += qAlpha(c) >= 200 && qRed(c) < 150 && qGreen(c) < 150 && qBlue(c) < 150;
                }
            return std::pair{ink, kept};
        };
        for (const QString& kind : {QStringLiteral("png"), QStringLiteral("gif")}) {
            const QString solid = dir.filePath("solid." + kind),
                          clear = dir.filePath("clear." + kind);
            const QString command = kind == "png" ? "--export" : "--animate";
            QStringList extra;
            if (kind == "gif")
                extra = {"--runs", "gd", "--start", "1.5,1", "--steps", "2", "--tolerance", "0"};
            Run r = run(scene + extra + QStringList{command, solid});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            r = run(scene + extra + QStringList{"--transparent", command, clear});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            const QImage a(solid), b(clear);
            QCOMPARE(b.size(), QSize(800, 600));
            QCOMPARE(qAlpha(b.pixel(2, 2)), 0); // the background
            const auto [ink, kept] = inkKept(a.convertToFormat(QImage::Format_ARGB32),
                                             b.convertToFormat(QImage::Format_ARGB32));
            QVERIFY2(
                ink > 500 && kept >= ink * 95 / 100,
                qPrintable(
                    QStringLiteral("%1: %2 of %3 ink pixels kept").arg(kind).arg(kept).arg(ink)));
        }
    }

    void animateTransparentGif() {
        QTemporaryDir dir;
        const QString gif = dir.filePath(QStringLiteral("clear.gif"));
        const Run r =
            run({"--function", "x^2 + 3*y^2", "--runs", "gd", "--start", "1.5,1", "--steps", "3",
                 "--tolerance", "0", "--size", "160x120", "--transparent", "--animate", gif});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QImageReader reader(gif);
        QCOMPARE(reader.imageCount(), 4);
        const QImage first = reader.read();
        QCOMPARE(first.size(), QSize(160, 120));
        // The corner is background: transparent. The middle has the surface: opaque, and
        // not garbled (the old writer read RGBA as RGB: stripes of wrong colours).
        QCOMPARE(qAlpha(first.pixel(0, 0)), 0);
        long opaque = 0;
        for (int y = 0; y < first.height(); ++y)
            for (int x = 0; x < first.width(); ++x)
                opaque += qAlpha(first.pixel(x, y)) == 255;
        QVERIFY2(opaque > 160 * 120 / 20 && opaque < 160 * 120 / 2,
                 qPrintable(QString::number(opaque)));
        // Video has no alpha: refused as bad input, nothing written.
        const QString ogv = dir.filePath(QStringLiteral("clear.ogv"));
        const Run v = run({"--runs", "gd", "--transparent", "--animate", ogv});
        QCOMPARE(v.exitCode, 2);
        QVERIFY2(v.err.contains("alpha"), v.err.constData());
        QVERIFY(!QFileInfo::exists(ogv));
    }

    // Issue #9: --animate --view contour wrote the 3-D view. Each frame is the contour view at
    // that iterate: frame k is the --export --view contour --frame k picture (nearly: the
    // animation's scene drew the frames before it), and no 3-D frame.
    void animateContourView() {
        QTemporaryDir dir;
        const QStringList base{"--function",  "x^2 + 3*y^2", "--runs", "gd,momentum", "--start",
                               "1.5,1",       "--lr",        "0.1",    "--steps",     "4",
                               "--tolerance", "0",           "--size", "320x240"};
        const QString contour = dir.filePath(QStringLiteral("contour"));
        const QString surface = dir.filePath(QStringLiteral("surface"));
        QVERIFY(QDir().mkpath(contour) && QDir().mkpath(surface));
        const Run c = run(base + QStringList{"--view", "contour", "--animate", contour});
        QVERIFY2(c.exitCode == 0, c.err.constData());
        QCOMPARE(run(base + QStringList{"--animate", surface}).exitCode, 0);
        const QString still = dir.filePath(QStringLiteral("still.png"));
        QCOMPARE(run(base + QStringList{"--view", "contour", "--frame", "2", "--export", still})
                     .exitCode,
                 0);
        const QImage expected = QImage(still).convertToFormat(QImage::Format_RGB32);
        const double same = differingShare(contour + QStringLiteral("/frame_0002.png"), expected);
        const double other = differingShare(surface + QStringLiteral("/frame_0002.png"), expected);
        QVERIFY2(same < 0.01 && other > 0.10,
                 qPrintable(QStringLiteral("contour frame 2 differs from the contour still by "
                                           "%1, the 3-D frame by %2")
                                .arg(same)
                                .arg(other)));
        // The graph draws no runs, the curve needs one input: refused (exit 2), with what to
        // use instead.
        const Run graph = run(base + QStringList{"--view", "graph", "--animate", contour});
        QCOMPARE(graph.exitCode, 2);
        QVERIFY2(graph.err.contains("draws no runs") &&
                     graph.err.contains("--view surface, contour or curve"),
                 graph.err.constData());
        const Run curve = run(base + QStringList{"--view", "curve", "--animate", contour});
        QCOMPARE(curve.exitCode, 2);
        QVERIFY2(curve.err.contains("needs a function of one input"), curve.err.constData());
        const Run one = run({"--function", "x^2", "--runs", "gd", "--start", "1", "--view",
                             "contour", "--animate", contour});
        QCOMPARE(one.exitCode, 2);
        QVERIFY2(one.err.contains("two or more inputs"), one.err.constData());
    }

    // Issue #9 (tester s15): the curve view drew no runs, and --animate refused it. A function
    // of one input animates its runs on the curve: frame k is the --export --view curve
    // --frame k picture, the runs are drawn (the still differs from one without them), and
    // the ball moves (the first frame differs from the last).
    void animateCurveView() {
        QTemporaryDir dir;
        const QStringList base{"--function", "x^4/4 - x^2 + 0.3*x",
                               "--domain",   "-2.2,2.2",
                               "--start",    "2",
                               "--lr",       "0.05",
                               "--steps",    "12",
                               "--size",     "320x240",
                               "--view",     "curve"};
        const QStringList runs{"--runs", "gd,momentum", "--tolerance", "0"};
        const QString frames = dir.filePath(QStringLiteral("frames"));
        QVERIFY(QDir().mkpath(frames));
        const Run a = run(base + runs + QStringList{"--animate", frames});
        QVERIFY2(a.exitCode == 0, a.err.constData());
        const QString still = dir.filePath(QStringLiteral("still.png"));
        const QString bare = dir.filePath(QStringLiteral("bare.png"));
        const Run s = run(base + runs + QStringList{"--frame", "2", "--export", still});
        QVERIFY2(s.exitCode == 0, s.err.constData());
        QCOMPARE(run(base + QStringList{"--export", bare}).exitCode, 0);
        const QImage expected = QImage(still).convertToFormat(QImage::Format_RGB32);
        QVERIFY(!expected.isNull());
        const double same = differingShare(frames + QStringLiteral("/frame_0002.png"), expected);
        const double without = differingShare(bare, expected);
        const double last = differingShare(frames + QStringLiteral("/frame_0012.png"), expected);
        QVERIFY2(same < 0.01 && without > 0.002 && last > 0.002,
                 qPrintable(QStringLiteral("frame 2 differs from the still by %1, the picture "
                                           "without runs by %2, frame 12 by %3")
                                .arg(same)
                                .arg(without)
                                .arg(last)));
        // Without --view, a function of one input animates its curve (the default view, as
        // for --export), not a 3-D view of it.
        const QString byDefault = dir.filePath(QStringLiteral("default"));
        QVERIFY(QDir().mkpath(byDefault));
        const Run d =
            run(base.mid(0, base.size() - 2) + runs + QStringList{"--animate", byDefault});
        QVERIFY2(d.exitCode == 0, d.err.constData());
        QVERIFY(differingShare(byDefault + QStringLiteral("/frame_0002.png"), expected) < 0.01);
    }

    void animateBadInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no runs") << QStringList{"--animate", "/tmp"} << "no runs to animate";
        QTest::newRow("not a folder")
            << QStringList{"--runs", "gd", "--animate", "/nonexistent"} << "neither a folder";
        QTest::newRow("method") << QStringList{"--runs", "gd,sgd", "--animate", "/tmp"}
                                << "--runs: unknown method 'sgd'";
        QTest::newRow("odd video size")
            << QStringList{"--runs", "gd", "--animate", "/tmp/a.ogv", "--size", "321x240"}
            << "even width";
        // The message names the file asked for, not the .png stand-in of the checks.
        QTest::newRow("gif in a missing folder")
            << QStringList{"--runs", "gd", "--animate", "/nonexistent/a.gif"}
            << "cannot write '/nonexistent/a.gif'";
    }
    void animateBadInput() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    // --screenshot is the window as the person sees it: their theme (and font scale, tab)
    // from their settings, which it used to ignore. Fresh settings give the light window.
    // The picture is the window's own painting, not the screen's pixels: under ctest -j2
    // another test's light window lay over ours now and then and the dark shot came out
    // light. Here a white window is kept raised over the whole screen while the shots are
    // taken: the dark one must still be dark.
    void screenshotFollowsPreferences() {
        struct Cover : QRasterWindow {
            void paintEvent(QPaintEvent*) override {
                QPainter(this).fillRect(QRect(QPoint(), size()), Qt::white);
            }
        } cover;
        cover.setFlags(Qt::Window | Qt::FramelessWindowHint | Qt::WindowStaysOnTopHint |
                       Qt::X11BypassWindowManagerHint);
        cover.setGeometry(QGuiApplication::primaryScreen()->geometry());
        cover.show();
        QTimer raise;
        connect(&raise, &QTimer::timeout, &cover, [&cover] { cover.raise(); });
        raise.start(20);
        auto meanGrey = [](const QString& config, const QString& png) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(GRADSCAPE_BINARY), {"--screenshot", png});
            const QDeadlineTimer deadline(120000);
            while (!p.waitForFinished(20) && !deadline.hasExpired())
                QCoreApplication::processEvents(); // the cover keeps rising
            if (p.state() != QProcess::NotRunning || p.exitCode() != 0)
                return -1.0;
            const QImage image(png);
            if (image.isNull())
                return -1.0;
            double sum = 0;
            for (int y = 0; y < image.height(); y += 4)
                for (int x = 0; x < image.width(); x += 4)
                    sum += qGray(image.pixel(x, y));
            return sum / ((image.height() + 3) / 4 * ((image.width() + 3) / 4));
        };
        QTemporaryDir fresh, dark;
        QDir(dark.path()).mkpath(QStringLiteral("gradscape"));
        QFile conf(dark.filePath(QStringLiteral("gradscape/gradscape.conf")));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("[preferences]\ntheme=dark\n");
        conf.close();
        const double light = meanGrey(fresh.path(), fresh.filePath(QStringLiteral("a.png")));
        const double darker = meanGrey(dark.path(), dark.filePath(QStringLiteral("a.png")));
        QVERIFY2(light > 150 && darker >= 0 && darker < light - 60,
                 qPrintable(QStringLiteral("light %1, dark %2").arg(light).arg(darker)));
    }

    // Tester s11: a 320x240 export kept the 1200x900 figure's text: title, legends and
    // labels crowded the plot. Fonts follow the picture's height (figurePixelScale): the
    // SVG's texts at 320x240 are half (the least: 6.5 px ticks, rounded) of those at
    // 1200x900, at 800x600 the same, at 2400x1800 twice.
    void exportTextFollowsTheSize() {
        QTemporaryDir dir;
        auto fontSizes = [&](const QString& size) {
            const QString path = dir.filePath(size + QStringLiteral(".svg"));
            const Run r = run({"--function", "x^2+3*y^2", "--runs", "gd,momentum", "--export", path,
                               "--size", size});
            std::vector<double> sizes;
            QFile f(path);
            if (r.exitCode != 0 || !f.open(QIODevice::ReadOnly))
                return sizes;
            static const QRegularExpression text(
                QStringLiteral("<text [^>]*font-size=\"([0-9.]+)\""));
            for (auto it = text.globalMatch(QString::fromUtf8(f.readAll())); it.hasNext();)
                sizes.push_back(it.next().captured(1).toDouble());
            std::sort(sizes.begin(), sizes.end());
            return sizes;
        };
        const std::vector<double> small = fontSizes(QStringLiteral("320x240")),
                                  normal = fontSizes(QStringLiteral("1200x900")),
                                  large = fontSizes(QStringLiteral("2400x1800"));
        QCOMPARE(fontSizes(QStringLiteral("800x600")), normal);
        QVERIFY(small.size() >= 10);
        QCOMPARE(small.size(), normal.size());
        QCOMPARE(large.size(), normal.size());
        for (std::size_t i = 0; i < normal.size(); ++i) {
            QVERIFY2(std::abs(small[i] - 0.5 * normal[i]) <= 0.5,
                     qPrintable(QStringLiteral("%1 px at 320x240, %2 at 1200x900")
                                    .arg(small[i])
                                    .arg(normal[i])));
            QVERIFY2(std::abs(large[i] - 2 * normal[i]) <= 1,
                     qPrintable(QStringLiteral("%1 px at 2400x1800, %2 at 1200x900")
                                    .arg(large[i])
                                    .arg(normal[i])));
        }
    }

    void windowWithoutDisplaySaysSo() {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(GRADSCAPE_BINARY), {"--function", "x^2"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 3); // environment, not bad input (docs/cli.md)
        QVERIFY(p.readAllStandardError().contains("no display"));
    }

    // Tester s11: DISPLAY naming an X server that is not there made Qt's xcb plugin abort
    // (exit 134, a core file), the window and --screenshot alike.
    void windowWithUnreachableDisplaySaysSo() {
        for (const QStringList& args :
             {QStringList{"--function", "x^2"}, QStringList{"--screenshot", "/tmp/gs-none.png"}}) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":987")); // no server there
            env.remove(QStringLiteral("WAYLAND_DISPLAY"));
            env.remove(QStringLiteral("QT_QPA_PLATFORM"));
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(GRADSCAPE_BINARY), args);
            QVERIFY(p.waitForFinished(60000));
            QCOMPARE(p.exitStatus(), QProcess::NormalExit);
            QCOMPARE(p.exitCode(), 3);
            const QByteArray err = p.readAllStandardError();
            QVERIFY2(err.contains("cannot connect to the X display ':987'"), err.constData());
        }
    }

    // Tester s11: a missing folder was exit 2 for the 3-D export but exit 1 ("cannot write",
    // no reason) for the graph and --screenshot. Each says which folder, exit 2, nothing
    // written, before any window.
    void missingFolderIsBadInputInEveryMode() {
        const QString missing = QStringLiteral("/nonexistent-gs/dir/");
        const QList<QStringList> modes{
            {"--function", "x*y", "--view", "graph", "--export", missing + "g.png"},
            {"--function", "x*y", "--export", missing + "s.png", "--size", "64x64"},
            {"--function", "x*y", "--screenshot", missing + "w.png"},
            {"--descent", "gd", "--function", "x^2", "--start", "1", "--state-csv",
             missing + "s.csv"}, // tester s24: exit 1
        };
        for (const QStringList& args : modes) {
            const Run r = run(args);
            QVERIFY2(r.exitCode == 2, qPrintable(args.join(' ') + ": " + r.err));
            QVERIFY2(r.err.contains("does not exist") && r.err.contains("/nonexistent-gs/dir"),
                     r.err.constData());
        }
        const Run svg = run({"--function", "x*y", "--screenshot", "/tmp/w.svg"});
        QCOMPARE(svg.exitCode, 2);
        QVERIFY2(svg.err.contains(".png or .jpg"), svg.err.constData());
    }

    void exportWithoutDisplayIsAnEnvironmentError() {
        QTemporaryDir dir;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(GRADSCAPE_BINARY),
                {"--export", dir.filePath(QStringLiteral("a.png")), "--size", "64x64"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 3);
        QVERIFY(p.readAllStandardError().contains("X display"));
        // Bad input is still reported as such, before the display is looked for.
        p.start(QStringLiteral(GRADSCAPE_BINARY), {"--export", "/tmp/x.png", "--size", "64"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
    }

    // Every option's range comes from its one declaration (engine/optiontable.h); the message
    // names the flag and says what the value must be.
    void declaredRanges_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QStringList descent{"--descent", "gd", "--function", "x^2", "--start", "1"};
        QTest::newRow("lr zero") << descent + QStringList{"--lr", "0"}
                                 << "--lr: 0 is out of range: it must be above 0 and at most 1000";
        QTest::newRow("steps fraction")
            << descent + QStringList{"--steps", "2.5"}
            << "--steps: 2.5 is out of range: it must be a whole number";
        QTest::newRow("beta1 one")
            << descent + QStringList{"--beta1", "1"}
            << "--beta1: 1 is out of range: it must be at least 0 and below 1";
        QTest::newRow("eps zero") << descent + QStringList{"--eps", "0"}
                                  << "--eps: 0 is out of range";
        QTest::newRow("resolution 2")
            << QStringList{"--export", "/tmp/x.png", "--resolution", "2"}
            << "--resolution: 2 is out of range: it must be a whole number from 3 to 1001";
        QTest::newRow("wire lines 1") << QStringList{"--export", "/tmp/x.png", "--wire-lines", "1"}
                                      << "--wire-lines: 1 is out of range";
        QTest::newRow("model radius")
            << QStringList{"--export", "/tmp/x.png", "--model-radius", "-1"}
            << "--model-radius: -1 is out of range: it must be at least 0";
        QTest::newRow("box aspect") << QStringList{"--export", "/tmp/x.png", "--box-aspect", "0"}
                                    << "--box-aspect: 0 is out of range";
        QTest::newRow("domain huge")
            << QStringList{"--export", "/tmp/x.png", "--domain", "-1e300,1,0,1"}
            << "--domain: item 1";
    }
    void declaredRanges() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    void helpShowsDeclaredDefaultsAndRanges() {
        const Run h = run({"--help"});
        QCOMPARE(h.exitCode, 0);
        const QString help = QString::fromUtf8(h.out).simplified();
        QVERIFY2(help.contains("Default 0.1; above 0 and at most 1000."), h.out.constData());
        QVERIFY2(help.contains("Default 101; a whole number from 3 to 1001."), h.out.constData());
        // Whole numbers in digits (tester s13: --seed's "9.00719925474099e+15"): 2^53 - 1.
        QVERIFY2(help.contains("a whole number from 0 to 9007199254740991."), h.out.constData());
    }

    // A function of one input: every command handles it on purpose (no second coordinate).
    void oneInputFunction() {
        const Run a = run({"--analyze", "--variables", "x", "--function", "x^3", "--point", "2"});
        QCOMPARE(a.exitCode, 0);
        const auto o = json(a);
        QCOMPARE(o["gradient"].toArray(), QJsonArray({12.0}));              // 3x^2
        QCOMPARE(o["hessian"].toArray(), QJsonArray({QJsonArray({12.0})})); // 6x
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("one.png"));
        const Run e = run({"--export", png, "--variables", "x", "--function", "x^2", "--point",
                           "0.5", "--size", "200x150"});
        QCOMPARE(e.exitCode, 0);
        QCOMPARE(QImage(png).size(), QSize(200, 150));
        // Two coordinates for one input is an error that says how many are expected.
        const Run bad =
            run({"--export", png, "--variables", "x", "--function", "x^2", "--point", "0.5,1"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("expected 1 number, got 2"));
    }

    void sessionFeedsAnalyze() {
        QTemporaryDir dir;
        const QString path =
            writeSession(dir, QStringLiteral("a.gradscape"),
                         R"({"function": "x^2*y + 3*y", "point": [2, -1], "epsilon": [0.5, 0]})");
        // f = x^2 y + 3y at (2, -1): f = -7, grad = (2xy, x^2 + 3) = (-4, 7),
        // H = [[2y, 2x], [2x, 0]] = [[-2, 4], [4, 0]]; f(2.5, -1) = -9.25 exactly.
        const Run r = run({"--analyze", "--session", path});
        QCOMPARE(r.exitCode, 0);
        const auto o = json(r);
        QCOMPARE(o["function"].toString(), QStringLiteral("x^2*y + 3*y"));
        QCOMPARE(o["point"].toArray(), QJsonArray({2, -1}));
        QCOMPARE(o["value"].toDouble(), -7.0);
        QCOMPARE(o["gradient"].toArray(), QJsonArray({-4, 7}));
        QCOMPARE(o["hessian"].toArray(), QJsonArray({QJsonArray{-2, 4}, QJsonArray{4, 0}}));
        QCOMPARE(o["approximation"]["true"].toDouble(), -9.25);
        // Options given override the session: f(1, 1) = 4, grad = (2, 4).
        const auto o2 = json(run({"--analyze", "--session", path, "--point", "1,1"}));
        QCOMPARE(o2["value"].toDouble(), 4.0);
        QCOMPARE(o2["gradient"].toArray(), QJsonArray({2, 4}));
        const auto o3 = json(run({"--analyze", "--session", path, "--function", "x*y"}));
        QCOMPARE(o3["value"].toDouble(), -2.0); // the session's point, the given function
    }

    void sessionFeedsDescent() {
        QTemporaryDir dir;
        const QString path = writeSession(
            dir, QStringLiteral("d.gradscape"),
            R"({"function": "x^2 + y^2", "runs": [{"method": "gd", "learning_rate": 0.25,)"
            R"( "steps": 1, "start": [1, 1]}]})");
        // One step of x <- x - lr * 2x from (1, 1): lr 0.25 gives (0.5, 0.5), f = 0.5.
        const auto o = json(run({"--descent", "gd", "--session", path}));
        QCOMPARE(o["trajectory"].toArray().size(), 2);
        QCOMPARE(o["trajectory"][1].toArray(), QJsonArray({0.5, 0.5, 0.5}));
        // --lr overrides the run's: lr 0.5 lands on (0, 0).
        const auto o2 = json(run({"--descent", "gd", "--session", path, "--lr", "0.5"}));
        QCOMPARE(o2["trajectory"][1].toArray(), QJsonArray({0, 0, 0}));
    }

    void sessionFeedsExport() {
        // The picture of a session is the picture of the same options on the command line.
        QTemporaryDir dir;
        const QString path = writeSession(
            dir, QStringLiteral("e.gradscape"),
            R"({"function": "x^2-y^2", "point": [0.5, -0.5], "xmin": -1, "xmax": 1, "ymin": -1,)"
            R"( "ymax": 1, "resolution": 51, "show_quadratic": false,)"
            R"( "runs": [{"method": "gd", "start": [0.5, 0.2], "steps": 5}]})");
        const QString fromSession = dir.filePath(QStringLiteral("session.png"));
        const QString fromArgs = dir.filePath(QStringLiteral("args.png"));
        QCOMPARE(run({"--session", path, "--export", fromSession, "--size", "320x240"}).exitCode,
                 0);
        QCOMPARE(run({"--function", "x^2-y^2",      "--point", "0.5,-0.5", "--domain",
                      "-1,1,-1,1",  "--resolution", "51",      "--show",   "tangent,gradient",
                      "--runs",     "gd",           "--start", "0.5,0.2",  "--steps",
                      "5",          "--export",     fromArgs,  "--size",   "320x240"})
                     .exitCode,
                 0);
        QCOMPARE(QImage(fromSession), QImage(fromArgs));
        // Its saved camera is used: looking straight down is a different picture.
        const QString top = writeSession(
            dir, QStringLiteral("top.gradscape"), R"({"function": "x^2-y^2"})",
            R"({"surface": {"camera": {"position": [0, 0, 20], "focal_point": [0, 0, 0],)"
            R"( "view_up": [0, 1, 0], "view_angle": 30}}})");
        const QString topPng = dir.filePath(QStringLiteral("top.png"));
        const QString fitPng = dir.filePath(QStringLiteral("fit.png"));
        QCOMPARE(run({"--session", top, "--export", topPng, "--size", "320x240"}).exitCode, 0);
        QCOMPARE(run({"--function", "x^2-y^2", "--point", "-1,0", "--export", fitPng, "--size",
                      "320x240"})
                     .exitCode,
                 0);
        QVERIFY(QImage(topPng) != QImage(fitPng));
    }

    void badSession_data() {
        QTest::addColumn<QByteArray>("settings");
        QTest::addColumn<QByteArray>("views");
        QTest::addColumn<QString>("message");
        QTest::newRow("function") << QByteArray(R"({"function": "x+"})") << QByteArray("{}")
                                  << "--session: s.gradscape: settings.function does not parse:";
        QTest::newRow("type") << QByteArray(R"({"function": "x", "resolution": "many"})")
                              << QByteArray("{}")
                              << "--session: s.gradscape: settings.resolution: expected a whole "
                                 "number, got the text \"many\"";
        QTest::newRow("camera") << QByteArray(R"({"function": "x"})")
                                << QByteArray(R"({"surface": {"camera": {"position": [1, 2]}}})")
                                << "--session: s.gradscape: views.surface.camera.position: "
                                   "expected a list of 3 numbers";
    }
    void badSession() {
        QFETCH(QByteArray, settings);
        QFETCH(QByteArray, views);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = writeSession(dir, QStringLiteral("s.gradscape"), settings, views);
        const QString png = dir.filePath(QStringLiteral("x.png"));
        const QList<QStringList> commands = {{"--analyze", "--session", path},
                                             {"--export", png, "--session", path}};
        for (const QStringList& args : commands) {
            if (args.first() == QLatin1String("--analyze") && views != "{}")
                continue; // only the scene commands read the camera
            const Run r = run(args);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
            QVERIFY(r.out.isEmpty());
            QVERIFY(!QFileInfo::exists(png));
        }
    }

    void badSessionFiles() {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("gone.gradscape"));
        Run r = run({"--analyze", "--session", missing});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(
            r.err.contains(QStringLiteral("--session: %1: no such file").arg(missing).toUtf8()),
            r.err.constData());
        const QString corrupt = dir.filePath(QStringLiteral("c.gradscape"));
        QFile f(corrupt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"gradscape-session\", \"version\": 2, \"sett");
        f.close();
        r = run({"--descent", "gd", "--session", corrupt});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--session: c.gradscape: not valid JSON"), r.err.constData());
        const QString newer = dir.filePath(QStringLiteral("n.gradscape"));
        QFile n(newer);
        QVERIFY(n.open(QIODevice::WriteOnly));
        n.write(R"({"format": "gradscape-session", "version": 99, "app_version": "9.0"})");
        n.close();
        r = run({"--animate", dir.filePath(QStringLiteral("a.gif")), "--session", newer});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("written by a newer gradscape (9.0) in session format version 99"),
                 r.err.constData());
        // A command takes its session as --session; the window takes one FILE.
        r = run({"--analyze", corrupt});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("a command reads a session with --session FILE"),
                 r.err.constData());
        r = run({"a.gradscape", "b.gradscape"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("unexpected argument 'b.gradscape'"), r.err.constData());
    }

    // GNU conventions (the GNU Coding Standards, "--version" and "--help"): both print to
    // stdout, nothing to stderr, exit 0.
    void versionFollowsGnu() {
        for (const char* flag : {"--version", "-v"}) {
            const Run v = run({flag});
            QCOMPARE(v.exitCode, 0);
            QVERIFY(v.err.isEmpty());
            const QStringList lines = QString::fromUtf8(v.out).split(QLatin1Char('\n'));
            // First line: the program's name and its version, nothing else.
            QVERIFY2(QRegularExpression(QStringLiteral("^gradscape \\d+\\.\\d+\\.\\d+$"))
                         .match(lines.value(0))
                         .hasMatch(),
                     v.out.constData());
            // Then the copyright, the licence's name and address, free software, no warranty,
            // in the GNU standard's words and order.
            QCOMPARE(lines.value(1), QStringLiteral("Copyright (C) 2026 the gradscape authors"));
            QCOMPARE(lines.value(2), QStringLiteral("License MIT: the MIT License "
                                                    "<https://opensource.org/license/mit>"));
            QCOMPARE(lines.value(3), QStringLiteral("This is free software: you are free to "
                                                    "change and redistribute it."));
            QCOMPARE(lines.value(4),
                     QStringLiteral("There is NO WARRANTY, to the extent permitted by law."));
            for (const QString& line : lines)
                QVERIFY2(line.size() <= 79, qPrintable(line)); // fits a terminal
        }
    }

    void helpFollowsGnu() {
        const Run h = run({"--help"});
        QCOMPARE(h.exitCode, 0);
        QVERIFY(h.err.isEmpty());
        QCOMPARE(run({"-h"}).out, h.out);
        const QString help = QString::fromUtf8(h.out);
        const QStringList lines = help.split(QLatin1Char('\n'));
        QCOMPARE(lines.value(0), QStringLiteral("Usage: gradscape [OPTION]... [FILE]"));
        for (const QString& line : lines)
            QVERIFY2(line.size() <= 79, qPrintable(line)); // fits a terminal
        // The options grouped, --help and --version last; every option in a group.
        QStringList groups;
        for (const QString& line : lines)
            if (!line.isEmpty() && !line.startsWith(QLatin1Char(' ')) &&
                line.endsWith(QLatin1Char(':')))
                groups << line;
        QVERIFY2(groups.size() >= 5, qPrintable(groups.join(QLatin1Char('|'))));
        QVERIFY2(!groups.contains(QStringLiteral("Other options:")), h.out.constData());
        QCOMPARE(groups.value(groups.size() - 2), QStringLiteral("Help:"));
        QCOMPARE(groups.last(), QStringLiteral("Exit status:"));
        QVERIFY(help.contains(QStringLiteral("  -h, --help ")));
        QVERIFY(help.contains(QStringLiteral("  -v, --version ")));
        QVERIFY(help.contains(QStringLiteral("      --function=EXPR ")));
        // tester4 C10: --export writes SVG and PDF too, not only PNG or JPEG.
        const qsizetype exportAt = help.indexOf(QStringLiteral("--export=FILE"));
        QVERIFY(exportAt >= 0);
        // Its text runs to the next option (continuation lines are indented further).
        const qsizetype next =
            help.indexOf(QRegularExpression(QStringLiteral("\\n {2,6}-")), exportAt);
        QVERIFY(next > exportAt);
        const QString exportHelp = help.mid(exportAt, next - exportAt);
        QVERIFY2(exportHelp.contains(QStringLiteral("SVG")) &&
                     exportHelp.contains(QStringLiteral("PDF")),
                 qPrintable(exportHelp));
        // Each option once (a group listing one twice, or a declaration lost, shows here).
        QStringList options;
        const QRegularExpression option(QStringLiteral("^  (?:-[a-z], |    )--([a-z0-9-]+)"));
        for (const QString& line : lines)
            if (const auto m = option.match(line); m.hasMatch())
                options << m.captured(1);
        QVERIFY2(options.removeDuplicates() == 0, qPrintable(options.join(QLatin1Char(' '))));
        for (const char* name :
             {"analyze", "export", "descent", "sweep", "session", "resolution", "wire-lines", "lr",
              "granularity", "screenshot", "help", "version"})
            QVERIFY2(options.contains(QLatin1String(name)), name);
        QVERIFY2(options.size() >= 45, qPrintable(options.join(QLatin1Char(' '))));
        QVERIFY(help.contains(QStringLiteral("\nReport bugs to: ")));
    }

    // The book's backpropagation example; the numbers are worked by hand in test_graph.cpp:
    // a = 4, b = 0, u = v = 16, f = 1024; df/da = 512 + 512, df/db = 512 - 512; df/dw = -4096.
    void backpropBookExample() {
        const Run r = run({"--backprop", "--function",
                           "a = (w+x+y+z)^2; b = (w+x-y-z)^2; u = (a+b)^2; v = (a-b)^2; "
                           "f = (u+v)^2",
                           "--point", "-1,0,-2,1"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const auto o = json(r);
        QCOMPARE(o["inputs"].toArray(), QJsonArray({"w", "x", "y", "z"}));
        QCOMPARE(o["output"].toString(), QStringLiteral("f"));
        QCOMPARE(o["granularity"].toString(), QStringLiteral("statements"));
        QMap<QString, QJsonObject> nodes;
        for (const auto& n : o["nodes"].toArray())
            nodes[n.toObject()["name"].toString()] = n.toObject();
        QCOMPARE(nodes.size(), 9);
        const struct {
            const char* name;
            double value, adjoint;
        } expected[] = {{"w", -1, -4096}, {"x", 0, -4096}, {"y", -2, -4096},
                        {"z", 1, -4096},  {"a", 4, 1024},  {"b", 0, 0},
                        {"u", 16, 64},    {"v", 16, 64},   {"f", 1024, 1}};
        for (const auto& e : expected) {
            QCOMPARE(nodes[e.name]["value"].toDouble(), e.value);
            QCOMPARE(nodes[e.name]["adjoint"].toDouble(), e.adjoint);
        }
        QCOMPARE(nodes["a"]["expression"].toString(), QStringLiteral("(w+x+y+z)^2"));
        QCOMPARE(nodes["u"]["parents"].toArray(), QJsonArray({"a", "b"}));
        QCOMPARE(nodes["w"]["parents"].toArray(), QJsonArray());
        bool found = false;
        for (const auto& edge : o["edges"].toArray()) {
            const QJsonObject e = edge.toObject();
            if (e["from"].toString() == "b" && e["to"].toString() == "v") {
                QCOMPARE(e["local_partial"].toDouble(), -8.0); // dv/db = 2(a - b)(-1)
                found = true;
            }
        }
        QVERIFY(found);
        QCOMPARE(o["edges"].toArray().size(), 14);
        for (const char* input : {"w", "x", "y", "z"})
            QCOMPARE(o["gradient"].toObject()[input].toDouble(), -4096.0);
        // 5 statements evaluated; one multiply-add per edge backward; 4 tangent passes forward.
        QCOMPARE(o["operations"].toObject(),
                 QJsonObject({{"forward", 5}, {"reverse", 14}, {"forward_mode_all_inputs", 56}}));
    }

    void backpropOperations() {
        const Run r = run({"--backprop", "--function",
                           "a = (w+x+y+z)^2; b = (w+x-y-z)^2; u = (a+b)^2; v = (a-b)^2; "
                           "f = (u+v)^2",
                           "--point=-1,0,-2,1", "--granularity", "operations"});
        QCOMPARE(r.exitCode, 0);
        const auto o = json(r);
        QCOMPARE(o["granularity"].toString(), QStringLiteral("operations"));
        QCOMPARE(o["nodes"].toArray().size(), 18); // 4 inputs, 9 sums, 5 squares
        for (const char* input : {"w", "x", "y", "z"})
            QCOMPARE(o["gradient"].toObject()[input].toDouble(), -4096.0);
        QCOMPARE(o["operations"].toObject(),
                 QJsonObject({{"forward", 14}, {"reverse", 23}, {"forward_mode_all_inputs", 92}}));
        // A single expression: its operations, in the given variable order. f = x y + sin x:
        // df/dy = x = 2, df/dx = y + cos x.
        const Run s = run(
            {"--backprop", "--function", "x*y + sin(x)", "--point", "3,2", "--variables", "y,x"});
        QCOMPARE(s.exitCode, 0);
        const auto so = json(s);
        QCOMPARE(so["granularity"].toString(), QStringLiteral("operations"));
        QCOMPARE(so["inputs"].toArray(), QJsonArray({"y", "x"}));
        QCOMPARE(so["output"].toString(), QStringLiteral("f"));
        QCOMPARE(so["gradient"].toObject()["y"].toDouble(), 2.0);
        QVERIFY(std::abs(so["gradient"].toObject()["x"].toDouble() - (3 + std::cos(2.0))) <=
                4 * kEps);
    }

    void backpropBadInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing point")
            << QStringList{"--backprop", "--function", "x*y"} << "--point is required";
        QTest::newRow("missing function")
            << QStringList{"--backprop", "--point", "1"} << "--function is required";
        QTest::newRow("point count")
            << QStringList{"--backprop", "--function", "a = x*y; f = a^2", "--point", "1"}
            << "--point: expected 2 comma-separated numbers, got 1";
        QTest::newRow("granularity")
            << QStringList{"--backprop", "--function",    "x",    "--point",
                           "1",          "--granularity", "nodes"}
            << "--granularity: unknown value 'nodes' (use statements or operations)";
        QTest::newRow("parse error")
            << QStringList{"--backprop", "--function", "a = x*; f = a", "--point", "1"}
            << "expected an operand after '*'";
        QTest::newRow("empty variable")
            << QStringList{"--backprop", "--function", "x", "--variables", "x,", "--point", "1"}
            << "--variables: empty name";
    }
    void backpropBadInput() { refusedWithMessage(); }

    // Issue 8.1 and 8.2 through the command line: computed exponents and constant pieces.
    void analyzeExactWhereItWasNull_data() {
        QTest::addColumn<QString>("function");
        QTest::addColumn<QString>("point");
        QTest::addColumn<QJsonArray>("gradient");
        // d/dx x^-1 = -x^-2 = -0.25 at -2; d/dx x^2 = 2x
        for (const char* f : {"x^-1", "x^(-1)", "pow(x,-1)", "x**-1", "x^(-1.0)", "n = -1; x^n"})
            QTest::newRow(f) << QString(f) << "-2" << QJsonArray{-0.25};
        QTest::newRow("x^(1+1) at 0") << "x^(1+1)"
                                      << "0" << QJsonArray{0};
        QTest::newRow("x^(2*1) at -2") << "x^(2*1)"
                                       << "-2" << QJsonArray{-4};
        for (const char* f : {"x + acos(-1) + 0*y", "x + sqrt(0) + 0*y", "x + 0^0.5 + 0*y",
                              "x + sigmoid(exp(1000)) + 0*y"})
            QTest::newRow(f) << QString(f) << "0.3,-0.7" << QJsonArray{1, 0};
        QTest::newRow("x*sqrt(0)") << "x*sqrt(0) + 0*y"
                                   << "0.3,-0.7" << QJsonArray{0, 0};
    }
    void analyzeExactWhereItWasNull() {
        QFETCH(QString, function);
        QFETCH(QString, point);
        QFETCH(QJsonArray, gradient);
        const Run r = run({"--analyze", "--function", function, "--point=" + point});
        QCOMPARE(r.exitCode, 0);
        const auto o = json(r);
        QCOMPARE(o["gradient"].toArray(), gradient);
        for (const auto& row : o["hessian"].toArray())
            for (const auto& h : row.toArray())
                QVERIFY(!h.isNull());
    }

    // tester4 A11: --analyze said degenerate at (0, 0) of x^2 y + x y^2 where --critical-points
    // said saddle. One classifier: H = 0 there and f - f(0) = xy(x + y) changes sign six
    // times around 0 (on the lines x = 0, y = 0, x = -y: by hand), a monkey saddle.
    void analyzeAndCriticalPointsAgree_data() {
        QTest::addColumn<QString>("function");
        QTest::addColumn<QString>("point");
        QTest::addColumn<QString>("classification");
        QTest::addColumn<QString>("detail");
        QTest::newRow("monkey saddle") << "x^2*y + x*y^2"
                                       << "0,0"
                                       << "saddle"
                                       << "monkey saddle";
        QTest::newRow("abs") << "abs(x) + y^2"
                             << "0,0"
                             << "minimum"
                             << "degenerate minimum";
        QTest::newRow("cubic") << "x^3"
                               << "0"
                               << "saddle"
                               << "stationary inflection";
        QTest::newRow("regular saddle") << "x^2 - y^2"
                                        << "0,0"
                                        << "saddle"
                                        << "";
    }
    void analyzeAndCriticalPointsAgree() {
        QFETCH(QString, function);
        QFETCH(QString, point);
        QFETCH(QString, classification);
        QFETCH(QString, detail);
        const Run a = run({"--analyze", "--function", function, "--point", point});
        QCOMPARE(a.exitCode, 0);
        const QJsonObject o = json(a);
        QCOMPARE(o["classification"].toString(), classification);
        QCOMPARE(o["classification_detail"].toString(), detail);
        const Run c = run({"--critical-points", "--function", function});
        QCOMPARE(c.exitCode, 0);
        bool found = false;
        for (const QJsonValue& v : json(c)["critical_points"].toArray()) {
            const QJsonArray at = v["point"].toArray();
            bool origin = true;
            for (const QJsonValue& coordinate : at)
                origin = origin && std::abs(coordinate.toDouble()) < 1e-6;
            if (origin) {
                found = true;
                QCOMPARE(v["classification"].toString(), classification);
            }
        }
        QVERIFY(found);
    }

    // tester4 A7: at a point where f = 1/0 + x is +inf the JSON said "hessian":[[0]] but
    // "hessian_eigenvalues":[null]. f not finite: value, gradient, Hessian and eigenvalues
    // are all null (not meaningful), consistently.
    void analyzeWhereFIsNotFinite() {
        const Run r = run({"--analyze", "--function", "1/0+x", "--point", "1"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = json(r);
        QVERIFY(o["value"].isNull());
        QCOMPARE(o["gradient"].toArray(), QJsonArray({QJsonValue()}));
        QCOMPARE(o["hessian"].toArray(), QJsonArray({QJsonArray({QJsonValue()})}));
        QCOMPARE(o["hessian_eigenvalues"].toArray(), QJsonArray({QJsonValue()}));
    }

    // Issue 8.4: the book's backpropagation Hessian 14336 ones(4,4): eigenvalues {0, 0, 0,
    // 57344} (sympy), printed with the readout's rounding-to-zero rule.
    void analyzeEigenvaluesRoundedToZero() {
        const Run r = run({"--analyze", "--function",
                           "a = (w+x+y+z)^2; b = (w+x-y-z)^2; u = (a+b)^2; v = (a-b)^2; "
                           "f = (u+v)^2",
                           "--point=-1,0,-2,1"});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray e = json(r)["hessian_eigenvalues"].toArray();
        QCOMPARE(e.size(), 4);
        for (int k = 0; k < 3; ++k)
            QCOMPARE(e[k].toDouble(), 0.0);
        QVERIFY(std::abs(e[3].toDouble() - 57344) <= 64 * kEps * 57344);
    }

    // Issue 8.3: no constant in f hides a gradient; a weak curvature is still a curvature.
    void analyzeScaleFree_data() {
        QTest::addColumn<QString>("function");
        QTest::addColumn<QString>("point");
        QTest::addColumn<QString>("classification");
        QTest::newRow("1e12 shift") << "1e12 + x^2 + y^2"
                                    << "100,0"
                                    << "not_critical";
        QTest::newRow("1e6 shift") << "1e6 + x^2 + y^2"
                                   << "0.005,0"
                                   << "not_critical";
        QTest::newRow("weak minimum") << "x^2 + 1e-9*y^2"
                                      << "0,0"
                                      << "minimum";
        QTest::newRow("weak saddle") << "x^2 - 1e-9*y^2"
                                     << "0,0"
                                     << "saddle";
    }
    void analyzeScaleFree() {
        QFETCH(QString, function);
        QFETCH(QString, point);
        QFETCH(QString, classification);
        const Run r = run({"--analyze", "--function", function, "--point=" + point});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(json(r)["classification"].toString(), classification);
    }

    // Issue 8.5: a converged run says where and what it converged to.
    void descentEndPoint() {
        const QStringList common{"--function", "x*exp(-x^2-y^2)", "--start=-0.5,0.5"};
        const Run pure = run(QStringList{"--descent", "newton"} + common);
        QCOMPARE(pure.exitCode, 0);
        const auto p = json(pure);
        QCOMPARE(p["stop_reason"].toString(), QStringLiteral("converged"));
        QCOMPARE(p["end_point"]["classification"].toString(), QStringLiteral("flat"));
        const Run safe =
            run(QStringList{"--descent", "newton-ls", "--tolerance", "1e-10"} + common);
        QCOMPARE(safe.exitCode, 0);
        const auto s = json(safe);
        QCOMPARE(s["method"].toString(), QStringLiteral("newton-ls"));
        const auto end = s["end_point"].toObject();
        QCOMPARE(end["classification"].toString(), QStringLiteral("minimum"));
        QVERIFY(std::abs(end["point"][0].toDouble() + 1 / std::sqrt(2.0)) < 1e-9);
        QVERIFY(std::abs(end["point"][1].toDouble()) < 1e-9);
        // f(-1/sqrt2, 0) = -e^(-1/2) / sqrt2
        QVERIFY(std::abs(end["value"].toDouble() + std::exp(-0.5) / std::sqrt(2.0)) < 1e-15);
        const Run budget = run(QStringList{"--descent", "gd", "--steps", "2"} + common);
        QVERIFY(!json(budget).contains("end_point"));
    }

    // Issue 8.6: a number below the smallest double underflows to 0; nan and inf are not
    // names of inputs.
    void underflowAndReservedNames() {
        const Run tiny = run({"--analyze", "--function", "x", "--point=1e-400"});
        QCOMPARE(tiny.exitCode, 0);
        QCOMPARE(json(tiny)["point"].toArray(), QJsonArray{0});
        const Run nan = run({"--analyze", "--function", "nan*x", "--point=1,2"});
        QCOMPARE(nan.exitCode, 2);
        QVERIFY2(QString::fromUtf8(nan.err).contains(QStringLiteral("'nan' is reserved")),
                 nan.err.constData());
    }

    // The book's curve 3x^4 - 4x^3 - 12x^2 on [-2, 3]: f' = 12x(x + 1)(x - 2), so critical
    // points 2 (f = -32, f'' = 72), -1 (-5, 36), 0 (0, -24), listed by value; the largest
    // value is the left end, f(-2) = 32.
    void criticalPointsOneVariable() {
        const Run r =
            run({"--critical-points", "--function", "3*x^4 - 4*x^3 - 12*x^2", "--domain=-2,3"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const auto o = json(r);
        QCOMPARE(o["variables"].toArray(), QJsonArray({"x"}));
        QCOMPARE(o["domain"].toArray(), QJsonArray({-2, 3}));
        const auto points = o["critical_points"].toArray();
        QCOMPARE(points.size(), 3);
        const double xs[] = {2, -1, 0}, values[] = {-32, -5, 0}, second[] = {72, 36, -24};
        const char* kinds[] = {"minimum", "minimum", "maximum"};
        for (int k = 0; k < 3; ++k) {
            const auto p = points[k].toObject();
            QVERIFY(std::abs(p["point"][0].toDouble() - xs[k]) <= 64 * kEps);
            QVERIFY(std::abs(p["value"].toDouble() - values[k]) <= 64 * 32 * kEps);
            QVERIFY(std::abs(p["hessian_eigenvalues"][0].toDouble() - second[k]) <= 64 * 72 * kEps);
            QCOMPARE(p["classification"].toString(), QString::fromLatin1(kinds[k]));
            QCOMPARE(p["on_boundary"].toBool(), false);
        }
        QCOMPARE(o["curves"].toArray().size(), 0);
        const auto lo = o["global_minimum"].toObject(), hi = o["global_maximum"].toObject();
        QVERIFY(std::abs(lo["point"][0].toDouble() - 2) <= 64 * kEps);
        QCOMPARE(lo["on_boundary"].toBool(), false);
        QCOMPARE(lo["on_searched_domain"].toBool(), true);
        QCOMPARE(hi["point"].toArray(), QJsonArray({-2}));
        QCOMPARE(hi["value"].toDouble(), 32.0);
        QCOMPARE(hi["on_boundary"].toBool(), true);
    }

    // The book's surface x exp(-x^2 - y^2): minimum (-1/sqrt2, 0) and maximum (1/sqrt2, 0),
    // f = -+1/sqrt(2e), on the default domain [-2, 2]^2.
    void criticalPointsSurface() {
        const Run r = run({"--critical-points", "--function", "x*exp(-x^2-y^2)"});
        QCOMPARE(r.exitCode, 0);
        const auto o = json(r);
        QCOMPARE(o["domain"].toArray(), QJsonArray({-2, 2, -2, 2}));
        QCOMPARE(o["resolution"].toInt(), 101);
        const auto points = o["critical_points"].toArray();
        QCOMPARE(points.size(), 2);
        const double a = 1 / std::sqrt(2.0), v = 1 / std::sqrt(2 * std::exp(1.0));
        QCOMPARE(points[0]["classification"].toString(), QStringLiteral("minimum"));
        QVERIFY(std::abs(points[0]["point"][0].toDouble() + a) <= 64 * kEps);
        QVERIFY(std::abs(points[0]["value"].toDouble() + v) <= 64 * kEps);
        QCOMPARE(points[0]["hessian_eigenvalues"].toArray().size(), 2);
        QCOMPARE(points[1]["classification"].toString(), QStringLiteral("maximum"));
        QVERIFY(std::abs(points[1]["value"].toDouble() - v) <= 64 * kEps);
        QVERIFY(std::abs(o["global_maximum"]["value"].toDouble() - v) <= 64 * kEps);
    }

    // A monkey saddle and a circle of minima, as the issue asks them to come out.
    void criticalPointsDegenerateAndCurve() {
        const Run m = run({"--critical-points", "--function", "x^3 - 3*x*y^2"});
        QCOMPARE(m.exitCode, 0);
        const auto saddle = json(m)["critical_points"][0].toObject();
        QCOMPARE(saddle["classification"].toString(), QStringLiteral("saddle"));
        QCOMPARE(saddle["detail"].toString(), QStringLiteral("monkey saddle"));
        QCOMPARE(saddle["sign_changes"].toInt(), 6);

        const Run c =
            run({"--critical-points", "--function", "(x^2+y^2-1)^2", "--resolution", "51"});
        QCOMPARE(c.exitCode, 0);
        const auto o = json(c);
        QCOMPARE(o["critical_points"].toArray().size(), 1); // the maximum at the origin
        const auto curves = o["curves"].toArray();
        QCOMPARE(curves.size(), 1);
        QCOMPARE(curves[0]["classification"].toString(), QStringLiteral("minimum"));
        QCOMPARE(curves[0]["closed"].toBool(), true);
        const auto points = curves[0]["points"].toArray();
        QVERIFY(points.size() >= 20);
        for (const auto& p : points) // on the unit circle
            QVERIFY(std::abs(std::hypot(p[0].toDouble(), p[1].toDouble()) - 1) <= 1e-7);
    }

    void criticalPointsBadInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString c = QStringLiteral("--critical-points");
        QTest::newRow("no function") << QStringList{c} << "--function is required";
        QTest::newRow("expression") << QStringList{c, "--function", "sin("} << "never closed";
        QTest::newRow("empty domain") << QStringList{c, "--function", "x+y", "--domain", "1,0,0,1"}
                                      << "--domain: need xmin < xmax and ymin < ymax";
        QTest::newRow("two inputs, two bounds")
            << QStringList{c, "--function", "x+y", "--domain", "0,1"}
            << "--domain: expected 4 comma-separated numbers, got 2";
        QTest::newRow("one input, four bounds")
            << QStringList{c, "--function", "x^2", "--domain", "0,1,2,3"}
            << "--domain: expected 2 comma-separated numbers, got 4";
        QTest::newRow("resolution")
            << QStringList{c, "--function", "x+y", "--resolution", "2"} << "--resolution";
        // (A constant is a function of x by the inputs rule: not bad input, "f is constant".)
        QTest::newRow("unknown function")
            << QStringList{c, "--function", "foo(x)"} << "unknown function 'foo'";
        QTest::newRow("not a number")
            << QStringList{c, "--function", "x+y", "--domain", "0,1,a,2"} << "item 3, 'a'";
    }
    void criticalPointsBadInput() { refusedWithMessage(); }
    // The bad-input table of docs/hardening.md, on the command line: each case exits 2 with
    // the message on stderr, or (a value that is not finite) exits 0 with null in the JSON,
    // where it is, and never a NaN or Infinity token. SESSION is a session file whose function
    // is `function`; OUT an image path in a fresh folder.
    void badInputTable_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("function");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QStringList>("nulls");   // the fields that must be null (exit 0)
        QTest::addColumn<QStringList>("numbers"); // and those that must be numbers
        const QString a = QStringLiteral("--analyze"), f = QStringLiteral("--function"),
                      pt = QStringLiteral("--point"), e = QStringLiteral("--export"),
                      out = QStringLiteral("OUT");
        const QStringList none;
        QTest::newRow("empty text") << QStringList{a, f, "", pt, "1,2"} << QByteArray() << 2
                                    << "column 1: empty expression" << none << none;
        QTest::newRow("whitespace only") << QStringList{a, f, " \t\n ", pt, "1,2"} << QByteArray()
                                         << 2 << "empty expression" << none << none;
        // A command line holds at most 128 kB per argument: long text comes in a session.
        QTest::newRow("1 MB of text")
            << QStringList{a, "--session", "SESSION", pt, "1,2"}
            << QByteArray("x+").repeated(1 << 19) + "x" << 2
            << "settings.function does not parse:\ncolumn 100001: the input is too long "
               "(1048577 characters; at most 100000)"
            << none << none;
        QTest::newRow("100000 nested parentheses")
            << QStringList{a, "--session", "SESSION", pt, "1,2"}
            << QByteArray(100000, '(') + "x" + QByteArray(100000, ')') << 2 << "too long" << none
            << none;
        QTest::newRow("1000 nested parentheses")
            << QStringList{a, f, QString(1000, '(') + "x+y" + QString(1000, ')'), pt, "1,2"}
            << QByteArray() << 2 << "column 201: the expression is nested too deeply" << none
            << none;
        QTest::newRow("unknown function")
            << QStringList{a, f, "x*expp(y)", pt, "1,2"} << QByteArray() << 2
            << "unknown function 'expp'" << none << none;
        QTest::newRow("unknown symbol")
            << QStringList{a, f, "x + z", "--variables", "x,y", pt, "1,2"} << QByteArray() << 2
            << "column 5: unknown symbol 'z': declare it as a variable, or make it a parameter"
            << none << none;
        QTest::newRow("reserved nan") << QStringList{a, f, "nan*x + y", pt, "1,2"} << QByteArray()
                                      << 2 << "'nan' is reserved" << none << none;
        // Where one partial is not finite the chain rule's inf * 0 makes the others NaN too
        // (d/dy of sqrt(x) + y is null at x = 0): the nulls say which of f, grad f and H.
        QTest::newRow("x^1e308") << QStringList{a, f, "x^1e308 + y", pt, "2,1"} << QByteArray() << 0
                                 << QString() << QStringList{"value", "gradient[0]"} << none;
        QTest::newRow("exp(1e308)")
            << QStringList{a, f, "exp(1e308)*x + y", pt, "1,1"} << QByteArray() << 0 << QString()
            << QStringList{"value", "gradient[0]"} << none;
        QTest::newRow("log and sqrt of negatives")
            << QStringList{a, f, "log(x) + sqrt(y)", pt, "-1,-1"} << QByteArray() << 0 << QString()
            << QStringList{"value", "gradient[0]", "gradient[1]"} << none;
        QTest::newRow("division by zero")
            << QStringList{a, f, "1/x + y", pt, "0,1"} << QByteArray() << 0 << QString()
            << QStringList{"value", "gradient[0]"} << none;
        // sqrt(x) at 0: f = 0 but f' = 1/(2 sqrt x) is not finite; x^1.5: f and f' = 0,
        // f'' = 0.75/sqrt(x) not finite.
        QTest::newRow("gradient not finite")
            << QStringList{a, f, "sqrt(x) + y", pt, "0,1"} << QByteArray() << 0 << QString()
            << QStringList{"gradient[0]", "hessian[0][0]"} << QStringList{"value"};
        QTest::newRow("Hessian not finite")
            << QStringList{a, f, "x^1.5 + y", pt, "0,1"} << QByteArray() << 0 << QString()
            << QStringList{"hessian[0][0]"} << QStringList{"value", "gradient[0]", "gradient[1]"};
        QTest::newRow("undefined over the whole grid")
            << QStringList{e, out, f, "log(-x-3) + y"} << QByteArray() << 0
            << "note: f is undefined everywhere on the domain" << none << none;
        // tester4 A8: overflow is not "undefined".
        QTest::newRow("overflow over the whole grid")
            << QStringList{e, out, f, "exp(1000*(x+3)) + y"} << QByteArray() << 0
            << "note: f is infinite (±inf) everywhere on the domain: the picture shows no surface"
            << none << none;
        // One input: a curve, not a surface (tester s20).
        QTest::newRow("one input, infinite over the whole interval")
            << QStringList{e, out, f, "1/0 + 0*x"} << QByteArray() << 0
            << "note: f is infinite (±inf) everywhere on the domain: the picture shows no curve"
            << none << none;
        QTest::newRow("point outside the domain")
            << QStringList{e, out, pt, "5,5"} << QByteArray() << 0
            << "note: the point is outside the plotted domain" << none << none;
        for (const char* r : {"0", "1", "2", "1000000"})
            QTest::addRow("resolution %s", r)
                << QStringList{e, out, "--resolution", r} << QByteArray() << 2
                << QStringLiteral("--resolution: %1 is out of range").arg(QLatin1String(r)) << none
                << none;
        QTest::newRow("xmin = xmax") << QStringList{e, out, "--domain", "1,1,0,1"} << QByteArray()
                                     << 2 << "xmin < xmax" << none << none;
        QTest::newRow("xmin > xmax") << QStringList{e, out, "--domain", "2,1,0,1"} << QByteArray()
                                     << 2 << "xmin < xmax" << none << none;
        QTest::newRow("domain 1e300 wide")
            << QStringList{e, out, "--domain", "-1e300,1e300,0,1", pt, "0,0.5"} << QByteArray() << 2
            << "--domain: item 1, -1e+300, is out of range" << none << none;
        QTest::newRow("domain 1e-300 wide")
            << QStringList{e, out, "--domain", "0,1e-300,0,1", pt, "0,0.5"} << QByteArray() << 0
            << QString() << none << none;
        QTest::newRow("non-numeric coordinate")
            << QStringList{a, f, "x+y", pt, "1,abc"} << QByteArray() << 2
            << "--point: item 2, 'abc', is not a finite number" << none << none;
        QTest::newRow("missing coordinate")
            << QStringList{a, f, "x+y", pt, "1"} << QByteArray() << 2
            << "expected 2 comma-separated numbers, got 1" << none << none;
        QTest::newRow("empty coordinate") << QStringList{a, f, "x+y", pt, "1,"} << QByteArray() << 2
                                          << "--point: item 2" << none << none;
        QTest::newRow("extra coordinate")
            << QStringList{a, f, "x+y", pt, "1,2,3"} << QByteArray() << 2
            << "expected 2 comma-separated numbers, got 3" << none << none;
        QTest::newRow("NaN coordinate") << QStringList{a, f, "x+y", pt, "1,nan"} << QByteArray()
                                        << 2 << "'nan', is not a finite number" << none << none;
        QTest::newRow("inf coordinate") << QStringList{a, f, "x+y", pt, "-inf,1"} << QByteArray()
                                        << 2 << "'-inf', is not a finite number" << none << none;
        QTest::newRow("missing export folder")
            << QStringList{e, "/nonexistent/x.png"} << QByteArray() << 2
            << "the folder '/nonexistent' does not exist" << none << none;
    }
    void badInputTable() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, function);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QFETCH(QStringList, nulls);
        QFETCH(QStringList, numbers);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("out.png"));
        args.replaceInStrings(QRegularExpression(QStringLiteral("^OUT$")), png);
        if (!function.isEmpty()) {
            const QByteArray text =
                QJsonDocument(QJsonObject{{"function", QString::fromLatin1(function)}})
                    .toJson(QJsonDocument::Compact);
            args.replaceInStrings(QRegularExpression(QStringLiteral("^SESSION$")),
                                  writeSession(dir, QStringLiteral("big.gradscape"), text));
        }
        const Run r = run(args);
        QCOMPARE(r.exitCode, exitCode);
        if (message.isEmpty())
            QVERIFY2(r.err.isEmpty(), r.err.constData());
        else
            QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.left(2000).constData());
        if (exitCode != 0) {
            QVERIFY(r.out.isEmpty());
            QVERIFY(!QFileInfo::exists(png));
            return;
        }
        if (args.first() == QLatin1String("--export")) {
            QCOMPARE(QString::fromUtf8(r.out.trimmed()), png);
            QVERIFY(!QImage(png).isNull());
            return;
        }
        QVERIFY2(onlyJsonTokens(r.out), r.out.constData());
        const QJsonObject o = json(r);
        QVERIFY(!o.isEmpty());
        for (const QString& field : nulls)
            QVERIFY2(at(o, field).isNull(), qPrintable(field));
        for (const QString& field : numbers)
            QVERIFY2(at(o, field).isDouble(), qPrintable(field));
    }

    // Where f, its gradient or its Hessian is not finite, --analyze does not call the point
    // "not_critical" (nothing was seen to be non-zero): "undefined", and which one and why, in
    // the readout's words (issue #9, tester s15: log(x) at 0 read "not_critical").
    void analyzeUndefinedSaysWhy_data() {
        QTest::addColumn<QString>("function");
        QTest::addColumn<QString>("point");
        QTest::addColumn<QString>("detail");
        QTest::newRow("log(x) at 0") << "log(x)"
                                     << "0"
                                     << "f is infinite here";
        QTest::newRow("log of a negative") << "log(x) + y"
                                           << "-1,0"
                                           << "outside f's domain (f is undefined here)";
        // ∂/∂x infinite, ∂/∂y NaN (the chain rule's ∞·0): not differentiable.
        QTest::newRow("sqrt(x) at 0")
            << "sqrt(x) + y"
            << "0,1"
            << "f is not differentiable here (its gradient is not finite)";
        // f = e^707.5 finite, f' = 500 e^707.5 = 7e309 past the largest double.
        QTest::newRow("exp(500 x) at 1.415")
            << "exp(500*x)"
            << "1.415"
            << "its gradient is infinite here, or beyond the largest double (1.8e308)";
        QTest::newRow("x^1.5 at 0")
            << "x^1.5 + y"
            << "0,1"
            << "f is not twice differentiable here (its Hessian is not finite)";
    }
    void analyzeUndefinedSaysWhy() {
        QFETCH(QString, function);
        QFETCH(QString, point);
        QFETCH(QString, detail);
        const Run r = run({"--analyze", "--function", function, "--point", point});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = json(r);
        QCOMPARE(o["classification"].toString(), QStringLiteral("undefined"));
        QCOMPARE(o["classification_detail"].toString(), detail);
        // And a finite point of the same function is classified as before.
        const Run fine = run({"--analyze", "--function", function, "--point",
                              point.contains(',') ? QStringLiteral("1,1") : QStringLiteral("1")});
        QCOMPARE(json(fine)["classification"].toString(), QStringLiteral("not_critical"));
        QVERIFY(!json(fine).contains("classification_detail"));
    }

    // An export that cannot be written says so and exits 1 (the command ran and failed, as
    // docs/cli.md has it), and a file already at the path is left as it was.
    void exportFailureKeepsTheOldFile() {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("figure.png"));
        QFile old(png);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the figure of yesterday");
        old.close();
        // A full disk, as the writer sees it: a file-size limit of 4 kB (EFBIG), the signal
        // that comes with it ignored.
        QProcess p;
        p.start(QStringLiteral("/bin/bash"),
                {"-c", R"(trap '' XFSZ; ulimit -f 4; exec "$0" --export "$1" --size 800x600)",
                 QStringLiteral(GRADSCAPE_BINARY), png});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 1);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("gradscape: could not write '" + png.toUtf8() +
                              "' (the disk is full or the file is over a size limit)"),
                 err.constData());
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("the figure of yesterday"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"figure.png"});
        // A place nobody can write, not even root: the same exit 1 and one line naming the
        // path asked for and the reason, for a picture, a figure and an animation (tester
        // s17: exit 2 and a staging file's name for the GIF, Qt's warnings for the SVG).
        const QList<std::pair<QStringList, QByteArray>> places = {
            {{"--export", "/proc/gradscape.png"}, "/proc/gradscape.png"},
            {{"--export", "/proc/gradscape.svg"}, "/proc/gradscape.svg"},
            {{"--runs", "gd", "--steps", "3", "--size", "160x120", "--animate",
              "/proc/gradscape.gif"},
             "/proc/gradscape.gif"},
        };
        for (const auto& [args, path] : places) {
            const Run r = run(args);
            QCOMPARE(r.exitCode, 1);
            QList<QByteArray> lines = r.err.trimmed().split('\n');
            lines.removeIf([](const QByteArray& l) { return l.startsWith("QStandardPaths: "); });
            QVERIFY2(lines.size() == 1 && lines[0].contains("could not write '" + path + "' (") &&
                         lines[0].endsWith(")"),
                     r.err.constData());
        }
    }

    // Hostile session files: a 1 GB size claim (a sparse file) is refused before reading,
    // nesting and wrong types are named.
    void hostileSessionFiles_data() {
        // (Unbalanced braces go in ordinary literals: moc counts those in raw strings.)
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<QString>("message");
        QTest::newRow("1 GB") << QByteArray("{") << (qint64(1) << 30)
                              << "h.gradscape: too large for a session (1073741824 bytes; at "
                                 "most 4194304)";
        QTest::newRow("truncated")
            << QByteArray(
                   "{\"format\": \"gradscape-session\", \"version\": 2, \"settings\": {\"fun")
            << qint64(0) << "h.gradscape: not valid JSON";
        QTest::newRow("deeply nested")
            << QByteArray("{\"format\": \"gradscape-session\", \"version\": 2, \"settings\": ") +
                   QByteArray(100000, '[') + QByteArray(100000, ']') + "}"
            << qint64(0) << "h.gradscape: not a gradscape session: the JSON is nested too deeply";
        QTest::newRow("wrong types")
            << QByteArray(R"({"format": "gradscape-session", "version": 2, "settings": )"
                          R"({"function": "x", "point": {"x": 1}}})")
            << qint64(0) << "settings.point: expected a list of numbers, got an object";
        QTest::newRow("huge resolution")
            << QByteArray(R"({"format": "gradscape-session", "version": 2, "settings": )"
                          R"({"function": "x", "resolution": 1e300}})")
            << qint64(0) << "settings.resolution: expected a whole number, got the number 1e+300\n";
        QTest::newRow("NaN token")
            << QByteArray(R"({"format": "gradscape-session", "version": 2, "settings": )"
                          R"({"function": "x", "point": [NaN, 1]}})")
            << qint64(0) << "h.gradscape: not valid JSON";
    }
    void hostileSessionFiles() {
        QFETCH(QByteArray, text);
        QFETCH(qint64, size);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.gradscape"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        if (size > 0)
            QVERIFY(file.resize(size)); // sparse: no disk is used
        file.close();
        const Run r = run({"--analyze", "--session", path, "--point", "1,2"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }
    // --batch: every good scene rendered as --export renders it, in one process; a bad one
    // reported with its index while the others still render; exit 2 at the end.
    void batchRendersEveryScene() {
        QTemporaryDir dir;
        const QString session = writeSession(dir, QStringLiteral("s.gradscape"),
                                             R"({"function": "sin(x)*y", "point": [0.5, 0.5]})");
        QVERIFY(!session.isEmpty());
        const QString batch = dir.filePath(QStringLiteral("figures.json"));
        QFile f(batch);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"json({"scenes": [
            {"function": "x*exp(-x^2-y^2)", "variables": ["x", "y"], "domain": [-2, 2, -2, 2],
             "point": [-1, 0], "show": ["tangent", "gradient"], "view": "surface",
             "size": [320, 240], "output": "one.png"},
            {"function": "x^2-y^2", "resolution": 5000, "output": "bad.png"},
            {"function": "x^2+3*y^2", "view": "contour", "runs": ["gd", "adam"], "lr": 0.05,
             "steps": 20, "size": "300x200", "output": "two.png"},
            7,
            {"session": "s.gradscape", "shaded": true, "size": [200, 150], "output": "three.png"},
            {"function": "x+", "output": "four.png"}
        ]})json");
        f.close();
        const Run r = run({"--batch", batch});
        QCOMPARE(r.exitCode, 2);
        const QStringList written = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(written, (QStringList{dir.filePath("one.png"), dir.filePath("two.png"),
                                       dir.filePath("three.png")}));
        QCOMPARE(QImage(dir.filePath("one.png")).size(), QSize(320, 240));
        QCOMPARE(QImage(dir.filePath("two.png")).size(), QSize(300, 200));
        QCOMPARE(QImage(dir.filePath("three.png")).size(), QSize(200, 150));
        QVERIFY(!QFileInfo::exists(dir.filePath("bad.png")));
        QVERIFY(!QFileInfo::exists(dir.filePath("four.png")));
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains("gradscape: --batch: scenes[1]: --resolution: 5000 is out of range"),
                 r.err.constData());
        QVERIFY2(err.contains("gradscape: --batch: scenes[3]: expected a scene (an object)"),
                 r.err.constData());
        QVERIFY2(err.contains("gradscape: --batch: scenes[5]: --function: column 2:"),
                 r.err.constData());
        QVERIFY2(
            err.contains("--batch: 3 of 6 scenes failed (scenes[1], scenes[3], scenes[5], counted "
                         "from 0); the others were written"),
            r.err.constData());

        // A batch figure is the picture --export draws from the same options, pixel for pixel.
        const QString single = dir.filePath(QStringLiteral("single.png"));
        const Run one = run({"--function", "x*exp(-x^2-y^2)", "--variables", "x,y", "--domain",
                             "-2,2,-2,2", "--point", "-1,0", "--show", "tangent,gradient", "--view",
                             "surface", "--size", "320x240", "--export", single});
        QCOMPARE(one.exitCode, 0);
        QCOMPARE(QImage(dir.filePath("one.png")), QImage(single));

        // All good: exit 0.
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(R"({"scenes": [{"function": "x^3-3*x", "variables": ["x"], "domain": [-2, 2],)"
                R"( "point": [0.5], "size": [200, 150], "output": "curve.png"}]})");
        f.close();
        const Run ok = run({"--batch", batch});
        QCOMPARE(ok.exitCode, 0);
        // Nothing on stderr, even without a login session (tester s24: Qt's warning that
        // XDG_RUNTIME_DIR is not set; initTestCase unsets it as a server or CI has it).
        QVERIFY2(ok.err.isEmpty(), ok.err.constData());
        QCOMPARE(QImage(dir.filePath("curve.png")).size(), QSize(200, 150));
    }

    // A batch renders every figure in one reused off-screen window (views/sceneexport.h:
    // ExportWindows), and figures that share a surface share the document and the 3-D scene
    // (FigureCache in app/commands.h); each figure is still the picture its own --export
    // draws, pixel for pixel: the same surface with the point moved and the overlays, critical
    // points, runs, frames, size, wire lines and camera changed from one figure to the next
    // (what the one before showed must not stay), different scenes of different sizes between
    // them, the first surface again after them, and transparent ones (the second window).
    void batchReusesOneWindow() {
        QTemporaryDir dir;
        const QString book = QStringLiteral("x*exp(-x^2-y^2)");
        const QString session = writeSession(
            dir, QStringLiteral("cam.gradscape"),
            R"j({"function": "x*exp(-x^2-y^2)", "point": [0.3, -0.4]})j",
            R"({"surface": {"camera": {"position": [6, -3, 5], "focal_point": [0, 0, 0.4], )"
            R"("view_up": [0, 0, 1], "view_angle": 25, "parallel_scale": 1, )"
            R"("parallel_projection": false}}})");
        QVERIFY(!session.isEmpty());
        const QList<QStringList> scenes = {
            {"--function", book, "--point", "-1,0", "--show", "tangent,quadratic,critical",
             "--size", "320x240"},
            {"--function", book, "--point", "0.5,0.3", "--show", "gradient", "--runs", "gd,adam",
             "--lr", "0.1", "--frame", "3", "--size", "320x240"},
            {"--function", book, "--point", "-0.2,0.1", "--size", "320x240"},
            {"--function", book, "--point", "1.5,1.8", "--wire-lines", "11", "--size", "300x260"},
            {"--function", book, "--point", "-1,0", "--size", "320x240", "--transparent"},
            {"--session", session, "--size", "320x240"},
            {"--function", book, "--point", "-1,0", "--show", "tangent,quadratic", "--size",
             "320x240"},
            {"--function", "x^2+3*y^2", "--view", "contour", "--runs", "gd,adam", "--lr", "0.05",
             "--steps", "20", "--size", "300x200"},
            {"--function", "sin(x)*y", "--point", "0.5,0.5", "--shaded", "--size", "280x210"},
            {"--function", "x^3-3*x", "--variables", "x", "--domain", "-2,2", "--point", "0.5",
             "--size", "200x150", "--transparent"},
            {"--function", book, "--point", "0.7,-0.5", "--shaded", "--show", "critical", "--size",
             "320x240"},
            {"--function", book, "--domain", "-1,1,-1,1", "--point", "0.2,0.2", "--size",
             "320x240"},
        };
        QJsonArray list;
        for (qsizetype i = 0; i < scenes.size(); ++i) {
            QJsonObject scene{{"output", QStringLiteral("batch%1.png").arg(i)}};
            const QStringList& a = scenes[i];
            for (qsizetype k = 0; k < a.size(); ++k) {
                const QString key = a[k].mid(2);
                if (k + 1 < a.size() && !a[k + 1].startsWith("--"))
                    scene[key] = a[++k];
                else
                    scene[key] = true;
            }
            list.append(scene);
        }
        const QString batch = dir.filePath(QStringLiteral("figures.json"));
        QFile f(batch);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(QJsonObject{{"scenes", list}}).toJson());
        f.close();
        const Run r = run({"--batch", batch});
        QCOMPARE(r.exitCode, 0);
        for (qsizetype i = 0; i < scenes.size(); ++i) {
            const QString single = dir.filePath(QStringLiteral("single%1.png").arg(i));
            const Run one = run(scenes[i] + QStringList{"--export", single});
            QCOMPARE(one.exitCode, 0);
            const QImage a(dir.filePath(QStringLiteral("batch%1.png").arg(i))), b(single);
            QVERIFY2(!a.isNull() && a.size() == b.size(), qPrintable(QString::number(i)));
            QVERIFY2(a == b,
                     qPrintable(QStringLiteral("scene %1 differs from its --export").arg(i)));
        }
    }

    // A batch writes its PNG and JPEG files on a worker thread while the next figure is drawn
    // (ExportWindows::queueWrite) and an SVG at once: the paths still come out in the scenes'
    // order, each once its file is whole, and a bad scene between them is still reported.
    void batchPrintsPathsInOrder() {
        QTemporaryDir dir;
        const QString batch = dir.filePath(QStringLiteral("figures.json"));
        QFile f(batch);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"json({"scenes": [
            {"function": "x^2+y^2", "size": [160, 120], "output": "a.png"},
            {"function": "x^2+y^2", "size": [160, 120], "output": "b.svg"},
            {"function": "x^2-y^2", "size": [160, 120], "output": "c.png"},
            {"function": "x^2-", "output": "bad.png"},
            {"function": "x*y", "size": [160, 120], "output": "d.jpg"},
            {"function": "x*y", "size": [160, 120], "output": "e.png"}
        ]})json");
        f.close();
        const Run r = run({"--batch", batch});
        QCOMPARE(r.exitCode, 2);
        const QStringList written = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(written,
                 (QStringList{dir.filePath("a.png"), dir.filePath("b.svg"), dir.filePath("c.png"),
                              dir.filePath("d.jpg"), dir.filePath("e.png")}));
        for (const char* name : {"a.png", "c.png", "d.jpg", "e.png"})
            QCOMPARE(QImage(dir.filePath(name)).size(), QSize(160, 120));
        QVERIFY2(QString::fromUtf8(r.err).contains("--batch: scenes[3]: --function"),
                 r.err.constData());
        QVERIFY2(QString::fromUtf8(r.err).contains("1 of 6 scenes failed"), r.err.constData());
        // No staging file is left behind.
        QCOMPARE(QDir(dir.path()).entryList({"*.part"}, QDir::Files), QStringList());
    }

    void batchBadFiles_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("message");
        const QStringList none;
        QTest::newRow("not JSON") << QByteArray("{\"scenes\": [") << none
                                  << "/b.json: not valid JSON";
        QTest::newRow("no scenes")
            << QByteArray(R"({"figures": []})") << none << R"(/b.json: expected {"scenes": [...]})";
        QTest::newRow("scenes not a list")
            << QByteArray(R"({"scenes": {}})") << none << R"(expected {"scenes": [...]})";
        QTest::newRow("no output") << QByteArray(R"({"scenes": [{"function": "x"}]})") << none
                                   << R"(scenes[0]: missing field "output")";
        QTest::newRow("no function") << QByteArray(R"({"scenes": [{"output": "a.png"}]})") << none
                                     << R"(scenes[0]: missing field "function")";
        QTest::newRow("a command") << QByteArray(R"({"scenes": [{"function": "x", "output": )"
                                                 R"("a.png", "analyze": true}]})")
                                   << none << R"(scenes[0]: "analyze" is not a scene field)";
        QTest::newRow("unknown field")
            << QByteArray(R"({"scenes": [{"function": "x", "output": "a.png", "colour": 3}]})")
            << none << R"(scenes[0]: unknown field "colour")";
        QTest::newRow("no scene") // tester s24: exit 0, nothing said
            << QByteArray(R"({"scenes": []})") << none << "/b.json: no scenes to render";
        QTest::newRow("the one scene fails") // it said "the others were written"
            << QByteArray(R"({"scenes": [{"function": "x+", "output": "a.png"}]})") << none
            << "--batch: the scene (scenes[0]) failed; nothing was written";
        QTest::newRow("nested value")
            << QByteArray(R"({"scenes": [{"function": "x", "output": "a.png", "point": {}}]})")
            << none << "scenes[0].point: expected a number, text or a list";
        QTest::newRow("option beside --batch")
            << QByteArray(R"({"scenes": []})") << QStringList{"--resolution", "51"}
            << "--batch: --resolution belongs in the scenes' fields";
    }
    void batchBadFiles() {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, extra);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("b.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
        f.close();
        const Run r = run(QStringList{"--batch", path} + extra);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("a.png"))));
        const Run missing = run({"--batch", dir.filePath(QStringLiteral("none.json"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(
                     ("--batch: " + dir.filePath(QStringLiteral("none.json"))).toUtf8() +
                     ": no such file"),
                 missing.err.constData());
    }

    // A --batch file is named in messages as the person gave it: the folder too, absolute
    // or relative, not only the file's own name (/nonexistent.json said "nonexistent.json").
    void batchNamesTheFileAsGiven_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("absolute") << "/nonexistent.json"
                                  << "gradscape: --batch: /nonexistent.json: no such file";
        QTest::newRow("relative") << "no/such/folder/b.json"
                                  << "gradscape: --batch: no/such/folder/b.json: no such file";
        QTest::newRow("a folder") << "/tmp/"
                                  << "gradscape: --batch: /tmp/: not a file";
    }
    void batchNamesTheFileAsGiven() {
        QFETCH(QString, path);
        QFETCH(QString, message);
        const Run r = run({"--batch", path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        // A file that is there but not JSON: its path as given, too.
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{");
        f.close();
        const Run j = run({"--batch", bad});
        QCOMPARE(j.exitCode, 2);
        QVERIFY2(QString::fromUtf8(j.err).contains(
                     QStringLiteral("--batch: %1: not valid JSON").arg(bad)),
                 j.err.constData());
    }
};

QTEST_MAIN(TestCli)
#include "test_cli.moc"
