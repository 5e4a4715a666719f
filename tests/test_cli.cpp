// The command line as a person uses it: run the built binary, read its JSON and exit code.
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
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

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
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

    void nonFiniteIsNull() {
        const Run r = run({"--analyze", "--function", "log(x)", "--point", "-1"});
        QCOMPARE(r.exitCode, 0);
        const auto o = json(r);
        QVERIFY(o["value"].isNull());
        QVERIFY(o["gradient"][0].isNull());
        QCOMPARE(o["classification"].toString(), QStringLiteral("not_critical"));
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
        QTest::newRow("not a number")
            << QStringList{"--analyze", "--function", "x+y", "--point", "1,abc"}
            << "--point: item 2, 'abc', is not a finite number";
        QTest::newRow("infinite") << QStringList{"--analyze", "--function", "x+y", "--point",
                                                 "1,inf"}
                                  << "not a finite number";
        QTest::newRow("bad epsilon")
            << QStringList{"--analyze", "--function", "x+y", "--point", "1,2", "--epsilon", "0.1"}
            << "--epsilon: expected 2";
        QTest::newRow("unknown option") << QStringList{"--analyze", "--frobnicate"} << "frobnicate";
        QTest::newRow("window unknown option")
            << QStringList{"--frobnicate"} << "Unknown option 'frobnicate'";
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
    }
    void badInput() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
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

    void exportBadInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("folder") << QStringList{"--export", "/nonexistent/x.png"}
                                << "does not exist";
        QTest::newRow("type") << QStringList{"--export", "/tmp/x.bmp"} << ".png, .jpg or .jpeg";
        QTest::newRow("size format")
            << QStringList{"--export", "/tmp/x.png", "--size", "big"} << "WIDTHxHEIGHT";
        QTest::newRow("size range")
            << QStringList{"--export", "/tmp/x.png", "--size", "10x99999"} << "out of range";
        QTest::newRow("jpeg alpha")
            << QStringList{"--export", "/tmp/x.jpg", "--transparent"} << "needs PNG";
        QTest::newRow("show") << QStringList{"--export", "/tmp/x.png", "--show", "tangent,hessian"}
                              << "unknown item 'hessian'";
        QTest::newRow("resolution") << QStringList{"--export", "/tmp/x.png", "--resolution", "5000"}
                                    << "--resolution: 5000 is out of range";
        QTest::newRow("domain") << QStringList{"--export", "/tmp/x.png", "--domain", "1,-1,0,1"}
                                << "xmin < xmax";
        QTest::newRow("function") << QStringList{"--export", "/tmp/x.png", "--function", "x+"}
                                  << "after '+'";
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

    void animateBadInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no runs") << QStringList{"--animate", "/tmp"} << "no runs to animate";
        QTest::newRow("not a folder")
            << QStringList{"--runs", "gd", "--animate", "/nonexistent"} << "neither a folder";
        QTest::newRow("method") << QStringList{"--runs", "gd,rmsprop", "--animate", "/tmp"}
                                << "--runs: unknown method 'rmsprop'";
        QTest::newRow("odd video size")
            << QStringList{"--runs", "gd", "--animate", "/tmp/a.ogv", "--size", "321x240"}
            << "even width";
    }
    void animateBadInput() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
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
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardError().contains("no display"));
    }

    void helpAndVersion() {
        const Run h = run({"--help"});
        QCOMPARE(h.exitCode, 0);
        QVERIFY(h.out.contains("--analyze"));
        const Run v = run({"--version"});
        QCOMPARE(v.exitCode, 0);
        QVERIFY(v.out.startsWith("gradscape "));
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
        QTest::newRow("no inputs") << QStringList{c, "--function", "3"} << "has no inputs";
        QTest::newRow("not a number")
            << QStringList{c, "--function", "x+y", "--domain", "0,1,a,2"} << "item 3, 'a'";
    }
    void criticalPointsBadInput() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }
};

QTEST_MAIN(TestCli)
#include "test_cli.moc"
