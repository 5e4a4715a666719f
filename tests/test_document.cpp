// The document without a display: validation, undo and redo, drag merging, completion of
// the point to the number of inputs, and what each edit reports as changed.
#include "diagnostics.h"
#include "document.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>
#include <cmath>
#include <limits>

using gs::Document;
using gs::Settings;

class TestDocument : public QObject {
    Q_OBJECT
private slots:
    void validationMessages_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("function") << "function"
                                  << "x+"
                                  << "column 2: expected an operand after '+'";
        QTest::newRow("unknown function") << "function"
                                          << "expp(x)"
                                          << "column 1: unknown function";
        QTest::newRow("x range") << "xmin"
                                 << "3"
                                 << "the x range must have xmin < xmax";
        QTest::newRow("y range") << "ymax"
                                 << "-5"
                                 << "the y range must have ymin < ymax";
        QTest::newRow("domain bound") << "xmin"
                                      << "-1e300"
                                      << "the domain bound -1e+300 is out of range";
        QTest::newRow("resolution") << "resolution"
                                    << "2"
                                    << "resolution 2 is out of range: it must be a whole number "
                                       "from 3 to 1001";
        QTest::newRow("wire lines") << "wireLines"
                                    << "500"
                                    << "wire lines 500 is out of range";
        QTest::newRow("point") << "point"
                               << "nan"
                               << "the expansion point must be finite";
        QTest::newRow("model radius") << "modelRadius"
                                      << "-1"
                                      << "model radius -1 is out of range: it must be at least 0";
        QTest::newRow("f height") << "boxAspect"
                                  << "0"
                                  << "the f height 0 is out of range";
        QTest::newRow("plotted twice") << "plotY"
                                       << "0"
                                       << "the plotted inputs must be two different inputs";
        QTest::newRow("no such input") << "plotY"
                                       << "2"
                                       << "f has 2 inputs: there is no input 3 to plot";
        QTest::newRow("run lr") << "lr"
                                << "0"
                                << "run 1: learning_rate must be above 0";
    }
    void validationMessages() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, message);
        Document doc;
        const Settings before = doc.settings();
        Settings s = before;
        const double v = value.toDouble();
        if (field == "function")
            s.function = value;
        else if (field == "xmin")
            s.xmin = v;
        else if (field == "ymax")
            s.ymax = v;
        else if (field == "resolution")
            s.resolution = int(v);
        else if (field == "wireLines")
            s.wireLines = int(v);
        else if (field == "point")
            s.point[0] = std::nan("");
        else if (field == "modelRadius")
            s.modelRadius = v;
        else if (field == "boxAspect")
            s.boxAspect = v;
        else if (field == "plotY")
            s.plotY = int(v);
        else if (field == "lr") {
            gs::RunSettings run;
            run.options.learningRate = v;
            run.start = {0, 0};
            s.runs.push_back(run);
        }
        QSignalSpy spy(&doc, &Document::changed);
        const QString error = doc.change(s, QStringLiteral("Edit"));
        QVERIFY2(error.startsWith(message), qPrintable(error));
        QVERIFY(doc.settings() == before); // the last good state stays
        QCOMPARE(doc.undoStack()->count(), 0);
        QCOMPARE(spy.count(), 0);
    }

    void quadraticNearThePoint() {
        // f = x e^(-x^2-y^2) at (-1, 0): f = -e^-1, grad f = (-e^-1, 0), and the Hessian
        // f_xx = (4x^3 - 6x) e^.. = 2e^-1, f_yy = (4x^2 y^2 - 2x... ) = -2x e^.. = 2e^-1,
        // f_xy = (4x^2 y - 2y) e^.. = 0 (by hand; sympy agrees). T2 at (dx, dy) is
        // -e^-1 - e^-1 dx + e^-1 (dx^2 + dy^2).
        Document doc;
        Settings s = doc.settings();
        s.modelRadius = 0.5;
        QVERIFY(doc.change(s, QStringLiteral("r")).isEmpty());
        const gs::Expansion& e = doc.expansion();
        QCOMPARE(e.modelGrid.xmin, -1.5);
        QCOMPARE(e.modelGrid.xmax, -0.5);
        QCOMPARE(e.modelGrid.ymin, -0.5);
        QCOMPARE(e.modelGrid.ymax, 0.5);
        QCOMPARE(e.quadratic.rows() * e.quadratic.cols(), Eigen::Index(41 * 41));
        const double e1 = std::exp(-1.0);
        const double tol = 64 * std::numeric_limits<double>::epsilon();
        // Corners (-1.5, -0.5) and (-0.5, 0.5): dx = -0.5, dy = -0.5 and dx = 0.5, dy = 0.5.
        const double lowCorner = -e1 + 0.5 * e1 + e1 * 0.5, highCorner = -e1 - 0.5 * e1 + e1 * 0.5;
        QVERIFY(std::abs(e.quadratic(0, 0) - lowCorner) < tol);
        QVERIFY(std::abs(e.quadratic(40, 40) - highCorner) < tol);
        // Near the domain's edge the neighbourhood is cut to the domain.
        s.point = {1.8, -1.9};
        QVERIFY(doc.change(s, QStringLiteral("p")).isEmpty());
        QCOMPARE(doc.expansion().modelGrid.xmax, 2.0);
        QCOMPARE(doc.expansion().modelGrid.ymin, -2.0);
        QCOMPARE(doc.expansion().modelGrid.xmin, 1.3);
        // Radius 0: the whole domain, as in the book.
        s.modelRadius = 0;
        QVERIFY(doc.change(s, QStringLiteral("r")).isEmpty());
        QCOMPARE(doc.expansion().modelGrid.xmin, -2.0);
        QCOMPARE(doc.expansion().modelGrid.ymax, 2.0);
        // One input: the interval [x0 - r, x0 + r], cut to the domain (tester s20: the curve
        // view drew the parabola over the whole domain whatever the radius). The book's
        // 3x^4 - 4x^3 - 12x^2 at 2: f = -32, f' = 0, f'' = 72, T2 = -32 + 36 dx^2.
        s.function = QStringLiteral("3*x^4 - 4*x^3 - 12*x^2");
        s.point = {2};
        s.modelRadius = 0.5;
        QVERIFY(doc.change(s, QStringLiteral("curve")).isEmpty());
        QCOMPARE(doc.expression().inputCount(), std::size_t(1));
        const gs::GridSpec& m = doc.expansion().modelGrid;
        QCOMPARE(m.xmin, 1.5);
        QCOMPARE(m.xmax, 2.0);
        QVERIFY(std::abs(doc.expansion().quadratic(0, 0) - (-32 + 36 * 0.25)) < 64 * tol);
    }

    void plottedInputsAndSlice() {
        // (w+x+y+z)^2 plotted over y (along x) and w (along y), x and z held at 1 and 2.
        Document doc;
        QVERIFY(doc.setFunction(QStringLiteral("(w+x+y+z)^2")).isEmpty());
        QCOMPARE(doc.inputNames(), (QStringList{"w", "x", "y", "z"}));
        Settings s = doc.settings();
        s.plotX = 2;
        s.plotY = 0;
        s.point = {0.5, 1, -0.25, 2};
        QSignalSpy spy(&doc, &Document::changed);
        QVERIFY(doc.change(s, QStringLiteral("plot")).isEmpty());
        QVERIFY(spy.takeLast().at(0).toInt() & Document::SurfaceChange);
        const gs::GridSpec g = doc.grid();
        QCOMPARE(g.axisX, 2);
        QCOMPARE(g.axisY, 0);
        // The surface at grid node (i, j) is (w_j + 1 + y_i + 2)^2: node (0, 0) is
        // y = w = -2: (-2 + 1 - 2 + 2)^2 = 1; the last is y = w = 2: (2 + 1 + 2 + 2)^2 = 49.
        const auto& z = doc.surface().z;
        QCOMPARE(z(0, 0), 1.0);
        QCOMPARE(z(z.rows() - 1, z.cols() - 1), 49.0);
        // Dragging moves the plotted inputs only.
        QVERIFY(doc.setPoint(0.75, -1.5).isEmpty());
        QCOMPARE(doc.settings().point, (std::vector<double>{-1.5, 1, 0.75, 2}));
        QVERIFY(!(spy.takeLast().at(0).toInt() & Document::SurfaceChange));
        // A held input moves the slice: a new surface.
        s = doc.settings();
        s.point[3] = 0;
        QVERIFY(doc.change(s, QStringLiteral("hold")).isEmpty());
        QVERIFY(spy.takeLast().at(0).toInt() & Document::SurfaceChange);
        // A function of two inputs plots them both again; y, plotted along x, stays there
        // with its range (w is gone: x takes the other axis).
        QVERIFY(doc.setFunction(QStringLiteral("x+y")).isEmpty());
        QCOMPARE(doc.settings().plotX, 1);
        QCOMPARE(doc.settings().plotY, 0);
    }

    void undoAndRedo() {
        Document doc;
        const QString original = doc.settings().function;
        QVERIFY(doc.setFunction(QStringLiteral("x^2 - y^2")).isEmpty());
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Edit function"));
        doc.undoStack()->undo();
        QCOMPARE(doc.settings().function, original);
        QCOMPARE(doc.expression().text(), original.toStdString());
        doc.undoStack()->redo();
        QCOMPARE(doc.settings().function, QStringLiteral("x^2 - y^2"));
        QCOMPARE(doc.expression().text(), std::string("x^2 - y^2"));
    }

    // Tester s17: a run's colour followed its place in the list, so removing the first run
    // recoloured the others. Each run keeps its palette slot; a new run takes the smallest
    // free one; undo brings the removed run back in its own colour; settings without slots
    // (an older session, the command line) get them in list order.
    void runsKeepTheirColours() {
        Document doc;
        auto colours = [&] {
            std::vector<int> c;
            for (const gs::RunSettings& r : doc.settings().runs)
                c.push_back(r.colour);
            return c;
        };
        gs::RunSettings run;
        run.start = {1, 1};
        for (int k = 0; k < 3; ++k)
            QVERIFY(doc.addRun(run).isEmpty());
        QCOMPARE(colours(), (std::vector<int>{0, 1, 2}));
        QVERIFY(doc.removeRun(0).isEmpty());
        QCOMPARE(colours(), (std::vector<int>{1, 2}));
        QVERIFY(doc.addRun(run).isEmpty());
        QCOMPARE(colours(), (std::vector<int>{1, 2, 0}));
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(colours(), (std::vector<int>{0, 1, 2}));
        gs::Settings s = doc.settings();
        s.runs = {run, run};
        s.runs[1].colour = 0;
        QVERIFY(doc.change(s, QStringLiteral("runs")).isEmpty());
        QCOMPARE(colours(), (std::vector<int>{1, 0}));
    }

    void dragMergesIntoOneStep() {
        Document doc;
        const std::vector<double> start = doc.settings().point;
        for (int k = 1; k <= 5; ++k)
            QVERIFY(doc.setPoint(0.1 * k, -0.05 * k, 7).isEmpty());
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.settings().point, (std::vector<double>{0.5, -0.25}));
        doc.undoStack()->undo();
        QCOMPARE(doc.settings().point, start);
        // A second drag is its own step.
        QVERIFY(doc.setPoint(1, 1, 8).isEmpty());
        QCOMPARE(doc.undoStack()->count(), 1); // the first was undone, then replaced
        QVERIFY(doc.setPoint(1.5, 1, 9).isEmpty());
        QCOMPARE(doc.undoStack()->count(), 2);
    }

    // A long session keeps the last kUndoLimit steps: the oldest are dropped, the newest
    // still undo in order, back to the state before the oldest kept step.
    void undoStackIsBounded() {
        Document doc;
        QCOMPARE(doc.undoStack()->undoLimit(), Document::kUndoLimit);
        constexpr int kExtra = 5;
        // Step k (1-based) moves the point to (k/1000, -k/1000), each its own step.
        auto pointOf = [](int k) { return std::vector<double>{k / 1000.0, -k / 1000.0}; };
        for (int k = 1; k <= Document::kUndoLimit + kExtra; ++k)
            QVERIFY(doc.setPoint(pointOf(k)[0], pointOf(k)[1], 100 + k).isEmpty());
        QCOMPARE(doc.undoStack()->count(), Document::kUndoLimit);
        QCOMPARE(doc.settings().point, pointOf(Document::kUndoLimit + kExtra));
        doc.undoStack()->undo();
        QCOMPARE(doc.settings().point, pointOf(Document::kUndoLimit + kExtra - 1));
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        // Steps 1..kExtra were dropped: the oldest state left is the one step kExtra made.
        QCOMPARE(doc.settings().point, pointOf(kExtra));
        // Redo goes forward again to the last state.
        while (doc.undoStack()->canRedo())
            doc.undoStack()->redo();
        QCOMPARE(doc.settings().point, pointOf(Document::kUndoLimit + kExtra));
    }

    void dragBackToTheStartLeavesNoUndoStep() {
        Document doc;
        const std::vector<double> start = doc.settings().point;
        QVERIFY(doc.setPoint(0.3, 0.4, 11).isEmpty());
        QVERIFY(doc.setPoint(start[0], start[1], 11).isEmpty());
        QCOMPARE(doc.settings().point, start);
        QCOMPARE(doc.undoStack()->count(), 0);
        QVERIFY(!doc.undoStack()->canUndo());
    }

    void pointAndEpsilonFollowTheInputs_data() {
        QTest::addColumn<QString>("function");
        QTest::addColumn<QStringList>("variables");
        QTest::addColumn<int>("inputs");
        QTest::newRow("three") << "x + y + z" << QStringList{} << 3;
        QTest::newRow("one, given") << "x^2" << QStringList{"x"} << 1;
        QTest::newRow("x only, inferred: a curve") << "x^2" << QStringList{} << 1;
        QTest::newRow("x only, given x and y: a surface") << "x^2" << QStringList{"x", "y"} << 2;
        QTest::newRow("a constant: a function of x") << "3" << QStringList{} << 1;
        QTest::newRow("four") << "(w+x+y+z)^2" << QStringList{} << 4;
    }
    void pointAndEpsilonFollowTheInputs() {
        QFETCH(QString, function);
        QFETCH(QStringList, variables);
        QFETCH(int, inputs);
        Document doc; // point (-1, 0), epsilon (0.01, -0.03)
        Settings s = doc.settings();
        s.function = function;
        s.variables = variables;
        QVERIFY(doc.change(s, QStringLiteral("Edit")).isEmpty());
        QCOMPARE(int(doc.expression().inputCount()), inputs);
        QCOMPARE(int(doc.settings().point.size()), inputs);
        QCOMPARE(int(doc.settings().epsilon.size()), inputs);
        QCOMPARE(doc.settings().point[0], -1.0); // kept where it exists, 0 where new
        for (int i = 2; i < inputs; ++i)
            QCOMPARE(doc.settings().point[std::size_t(i)], 0.0);
        QCOMPARE(int(doc.expansion().at.gradient.size()), inputs);
        // Moving the point of a one-input function moves x and never writes a y.
        QVERIFY(doc.setPoint(0.25, 9.0).isEmpty());
        QCOMPARE(doc.settings().point[0], 0.25);
        if (inputs > 1)
            QCOMPARE(doc.settings().point[1], 9.0);
        QCOMPARE(int(doc.settings().point.size()), inputs);
    }

    void changedReportsWhatChanged() {
        Document doc;
        QSignalSpy spy(&doc, &Document::changed);
        auto last = [&] { return spy.takeLast().at(0).toInt(); };

        QVERIFY(doc.setPoint(0.5, 0.5).isEmpty());
        QCOMPARE(last(), int(Document::ExpansionChange)); // a move never re-samples

        Settings s = doc.settings();
        s.showTangent = false;
        QVERIFY(doc.change(s, QStringLiteral("Hide tangent")).isEmpty());
        QCOMPARE(last(), int(Document::ExpansionChange));

        s.resolution = 51;
        QVERIFY(doc.change(s, QStringLiteral("Resolution")).isEmpty());
        QCOMPARE(last(),
                 Document::SurfaceChange | Document::ExpansionChange | Document::RunsChange);

        gs::RunSettings run;
        run.start = {0.5, 0.5};
        QVERIFY(doc.addRun(run).isEmpty());
        QCOMPARE(last(), Document::ExpansionChange | Document::RunsChange);
        QCOMPARE(doc.trajectories().size(), std::size_t(1));

        // An input beyond the plotted two moves the slice: the surface is re-sampled.
        QVERIFY(doc.setFunction(QStringLiteral("x + y + z")).isEmpty());
        spy.clear();
        s = doc.settings();
        s.point[2] = 1.0;
        QVERIFY(doc.change(s, QStringLiteral("Slice")).isEmpty());
        QCOMPARE(last() & Document::SurfaceChange, int(Document::SurfaceChange));

        // No change, no signal and no undo step.
        const int steps = doc.undoStack()->count();
        QVERIFY(doc.change(doc.settings(), QStringLiteral("Nothing")).isEmpty());
        QCOMPARE(spy.count(), 0);
        QCOMPARE(doc.undoStack()->count(), steps);
    }

    // f = a*x^2 + 2*b*x*y + c*y^2: a slider drag of b is one undo step; each move
    // re-samples (the surface at a grid node is a x^2 + 2 b x y + c y^2 with the new b), and
    // undo restores the value and the surface.
    void parameterDragIsOneUndoStep() {
        Document doc;
        Settings s = doc.settings();
        s.function = QStringLiteral("a*x^2 + 2*b*x*y + c*y^2");
        s.variables = QStringList{QStringLiteral("x"), QStringLiteral("y")};
        s.parameters = {gs::Parameter::named(QStringLiteral("a")),
                        gs::Parameter::named(QStringLiteral("b"), 0.25),
                        gs::Parameter::named(QStringLiteral("c"))};
        QCOMPARE(doc.change(s, QStringLiteral("Quadratic form")), QString());
        QCOMPARE(doc.inputNames(), (QStringList{QStringLiteral("x"), QStringLiteral("y")}));
        const int steps = doc.undoStack()->count();
        // Corner node (x, y) = (xmin, ymin) = (-2, -2): f = 4a + 8b + 4c.
        auto corner = [&] { return doc.surface().z(0, 0); };
        QCOMPARE(corner(), 4.0 + 8 * 0.25 + 4.0);
        QSignalSpy spy(&doc, &Document::changed);
        for (int k = 1; k <= 10; ++k) {
            QCOMPARE(doc.setParameterValue(1, 0.25 + 0.1 * k, 42), QString());
            QCOMPARE(spy.takeLast().at(0).toInt() & Document::SurfaceChange,
                     int(Document::SurfaceChange));
        }
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Set b"));
        const double b = 0.25 + 0.1 * 10;
        QCOMPARE(doc.settings().parameters[1].value, b);
        QCOMPARE(corner(), 4.0 + 8 * b + 4.0);
        // b = 1.25 > sqrt(ac) = 1: the Hessian [[2a, 2b], [2b, 2c]] has a negative eigenvalue
        // 2 - 2.5 = -0.5 and a positive one 2 + 2.5 = 4.5: a saddle.
        const Eigen::VectorXd lambda = doc.expansion().curvature.eigenvalues;
        QVERIFY(std::abs(lambda.minCoeff() + 0.5) < 1e-12);
        QVERIFY(std::abs(lambda.maxCoeff() - 4.5) < 1e-12);
        doc.undoStack()->undo();
        QCOMPARE(doc.settings().parameters[1].value, 0.25);
        QCOMPARE(corner(), 4.0 + 8 * 0.25 + 4.0);
        QCOMPARE(doc.expression().parameters()[1].value, 0.25);
    }

    void parameterValidation_data() {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("max");
        QTest::addColumn<double>("step");
        QTest::addColumn<QString>("message");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("outside") << 6.0 << -5.0 << 5.0 << 0.1
                                 << "parameter a: the value 6 is outside its range [-5, 5]";
        QTest::newRow("empty range")
            << 1.0 << 2.0 << 2.0 << 0.1 << "parameter a: the range must be finite with min < max";
        QTest::newRow("nan value")
            << nan << -5.0 << 5.0 << 0.1 << "the parameter 'a' must be finite";
        QTest::newRow("zero step")
            << 1.0 << -5.0 << 5.0 << 0.0 << "parameter a: the step 0 must be positive";
        QTest::newRow("step too wide") << 1.0 << -1.0 << 1.0 << 3.0 << "at most the range's width";
    }
    void parameterValidation() {
        QFETCH(double, value);
        QFETCH(double, min);
        QFETCH(double, max);
        QFETCH(double, step);
        QFETCH(QString, message);
        Document doc;
        Settings s = doc.settings();
        s.function = QStringLiteral("a*x^2 + y^2");
        s.parameters = {{QStringLiteral("a"), value, min, max, step}};
        const Settings before = doc.settings();
        const QString error = doc.change(s, QStringLiteral("Edit"));
        QVERIFY2(error.startsWith(message) || error.contains(message), qPrintable(error));
        QVERIFY(doc.settings() == before); // refused: the last good state stays
        // A parameter also listed as a variable is refused by the parser.
        s.parameters = {gs::Parameter::named(QStringLiteral("a"))};
        s.variables = QStringList{QStringLiteral("a"), QStringLiteral("x"), QStringLiteral("y")};
        QVERIFY(doc.change(s, QStringLiteral("Edit")).contains("both a variable and a parameter"));
    }

    // The inputs a, b, c, x, y (nothing declared) made parameters: x and y stay inputs with
    // their point coordinates, and are plotted.
    void makingInputsParameters() {
        Document doc;
        Settings s = doc.settings();
        s.function = QStringLiteral("a*x^2 + 2*b*x*y + c*y^2");
        s.point = {0.5, 0.25, 0.75, -1.5, 1.25}; // a, b, c, x, y
        QCOMPARE(doc.change(s, QStringLiteral("Edit")), QString());
        QCOMPARE(doc.inputNames().size(), 5);
        QCOMPARE(gs::parameterCandidates(doc.settings()), (QStringList{"a", "b", "c"}));
        QCOMPARE(doc.addParameters(QStringList{"a", "b", "c"}), QString());
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Make a, b, c parameters"));
        QCOMPARE(doc.inputNames(), (QStringList{"x", "y"}));
        QVERIFY(gs::parameterCandidates(doc.settings()).isEmpty());
        QCOMPARE(doc.settings().point, (std::vector<double>{-1.5, 1.25}));
        QCOMPARE(doc.settings().plotX, 0);
        QCOMPARE(doc.settings().plotY, 1);
        QCOMPARE(doc.settings().parameters.size(), std::size_t(3));
        QCOMPARE(doc.settings().parameters[0].value, 1.0);
        // f at (-1.5, 1.25) with a = b = c = 1: (x + y)^2 = 0.0625.
        QCOMPARE(doc.expansion().at.value, 0.0625);
        doc.undoStack()->undo();
        QCOMPARE(doc.inputNames().size(), 5);
        QCOMPARE(doc.settings().point, s.point);
        // An unknown symbol with the variables declared: the same offer.
        s.variables = QStringList{"x", "y"};
        s.point = {0.0, 0.0};
        QVERIFY(doc.change(s, QStringLiteral("Edit")).contains("unknown symbols 'a', 'b', 'c'"));
        QCOMPARE(gs::parameterCandidates(s), (QStringList{"a", "b", "c"}));
        Settings uv = s;
        uv.function = QStringLiteral("u*v"); // no x or y: u and v are simply the inputs
        uv.variables.clear();
        QVERIFY(gs::parameterCandidates(uv).isEmpty());
        s.parameters = {gs::Parameter::named("a"), gs::Parameter::named("b"),
                        gs::Parameter::named("c")};
        QCOMPARE(doc.change(s, QStringLiteral("Edit")), QString());
        // Removing a parameter that the declared variables do not cover is refused.
        QVERIFY(doc.removeParameter(0).contains("unknown symbol 'a'"));
        QCOMPARE(doc.settings().parameters.size(), std::size_t(3));
    }

    // f = 3x^4 - 4x^3 - 12x^2, f' = 12x^3 - 12x^2 - 24x = 12x(x - 2)(x + 1): critical points
    // -1, 0, 2 with f = 3 + 4 - 12 = -5, 0, 48 - 32 - 48 = -32; f'' = 36x^2 - 24x - 24 is
    // 36, -24, 72 there: minimum, maximum, minimum. On [-2, 3] the ends give f(-2) = 32 and
    // f(3) = 243 - 108 - 108 = 27, so the global minimum is -32 at 2 and the maximum 32 at -2.
    void criticalPointsOfTheBookCurve() {
        Document doc;
        Settings s = doc.settings();
        s.function = QStringLiteral("3*x^4 - 4*x^3 - 12*x^2");
        s.variables = QStringList{QStringLiteral("x")};
        s.xmin = -2;
        s.xmax = 3;
        QCOMPARE(doc.change(s, QStringLiteral("book")), QString());
        const gs::CriticalPointSearch& c = doc.criticalPoints();
        QCOMPARE(c.points.size(), std::size_t(3));
        const double x[] = {2, -1, 0}, f[] = {-32, -5, 0}; // ascending by value
        const gs::Classification kind[] = {gs::Classification::Minimum, gs::Classification::Minimum,
                                           gs::Classification::Maximum};
        const double tol = 64 * std::numeric_limits<double>::epsilon();
        for (int k = 0; k < 3; ++k) {
            QVERIFY(std::abs(c.points[std::size_t(k)].point[0] - x[k]) <= tol * 4);
            QVERIFY(std::abs(c.points[std::size_t(k)].value - f[k]) <= tol * 32);
            QVERIFY(c.points[std::size_t(k)].classification == kind[k]);
        }
        QVERIFY(c.globalMinimum.found && c.globalMaximum.found);
        QVERIFY(std::abs(c.globalMinimum.point[0] - 2) <= tol * 4);
        QVERIFY(std::abs(c.globalMaximum.value - 32) <= tol * 32);
        QVERIFY(c.globalMaximum.onBoundary);
    }

    // Tester s14: a maximum typed from its label to six digits read "not critical" with
    // nothing more. x exp(-x^2 - y^2) has its maximum at (1/sqrt 2, 0) (the domain 4 wide):
    // (0.707107, 0) is not critical (f_x = (1 - 2x^2) exp(-x^2) is -3.8e-7 there) but
    // |0.707107 - 1/sqrt 2| = 2.19e-7 from it, well within 1e-3 of the width; (0.72, 0) is
    // 0.0129 away, beyond it; the maximum itself is critical, so nothing is "near".
    void nearCriticalPointNamesTheOneTyped() {
        Document doc;
        QCOMPARE(doc.setPoint(0.707107, 0), QString());
        QVERIFY(doc.expansion().curvature.classification == gs::Classification::NotCritical);
        Document::NearCritical near = doc.nearCriticalPoint();
        QVERIFY(near.index >= 0);
        const gs::CriticalPoint& max = doc.criticalPoints().points[std::size_t(near.index)];
        QVERIFY(max.classification == gs::Classification::Maximum);
        const double expected = 0.707107 - 1 / std::sqrt(2.0); // 2.188e-7
        // The search polishes the maximum to rounding (a few ulps): the distance as exact.
        QVERIFY2(std::abs(near.distance - expected) <=
                     1024 * std::numeric_limits<double>::epsilon(),
                 qPrintable(QString::number(near.distance, 'g', 17)));
        QCOMPARE(doc.setPoint(0.72, 0), QString());
        QCOMPARE(doc.nearCriticalPoint().index, -1);
        QCOMPARE(doc.setPoint(max.point[0], max.point[1]), QString());
        QVERIFY(doc.expansion().curvature.classification == gs::Classification::Maximum);
        QCOMPARE(doc.nearCriticalPoint().index, -1);
        // x^3 + y^2 at the origin: grad 0, H = diag(0, 2) singular, so the Hessian cannot
        // class it; the search's higher-order test does (f = x^3 changes sign along x): the
        // point found there is named, at distance 0 (tester s14: the readout said
        // "degenerate", the plot "saddle").
        QCOMPARE(doc.setFunction(QStringLiteral("x^3+y^2")), QString());
        QCOMPARE(doc.setPoint(0, 0), QString());
        QVERIFY(doc.expansion().curvature.classification == gs::Classification::Degenerate);
        near = doc.nearCriticalPoint();
        QVERIFY(near.index >= 0);
        QCOMPARE(near.distance, 0.0);
        const gs::CriticalPoint& saddle = doc.criticalPoints().points[std::size_t(near.index)];
        QCOMPARE(gs::kindOf(saddle), std::string("degenerate saddle"));
    }

    // The search runs with the surface only: a drag of the point, a new run or a shown
    // model reuses it; a new domain or function searches again. x exp(-x^2 - y^2) has
    // grad = ((1 - 2x^2), -2xy) exp(...): critical points (+-1/sqrt 2, 0), f = +-exp(-1/2)/sqrt 2.
    void criticalPointsAreCachedWithTheSurface() {
        Document doc;
        const int searches = doc.criticalPointSearches();
        QCOMPARE(doc.criticalPoints().points.size(), std::size_t(2));
        const double fmin = -std::exp(-0.5) / std::sqrt(2.0);
        QVERIFY(std::abs(doc.criticalPoints().points[0].value - fmin) <= 1e-14);
        QVERIFY(std::abs(doc.criticalPoints().points[0].point[0] + 1 / std::sqrt(2.0)) <= 1e-12);
        for (int k = 0; k < 5; ++k)
            QCOMPARE(doc.setPoint(-1 + 0.1 * k, 0.2, 77), QString());
        Settings s = doc.settings();
        s.showQuadratic = false;
        QCOMPARE(doc.change(s, QStringLiteral("hide")), QString());
        QCOMPARE(doc.criticalPointSearches(), searches);
        s.xmin = 0; // the minimum at x = -1/sqrt 2 leaves the domain
        QCOMPARE(doc.change(s, QStringLiteral("domain")), QString());
        QCOMPARE(doc.criticalPointSearches(), searches + 1);
        QCOMPARE(doc.criticalPoints().points.size(), std::size_t(1));
        QVERIFY(doc.criticalPoints().points[0].classification == gs::Classification::Maximum);
        doc.undoStack()->undo(); // the old domain: searched again, both points back
        QCOMPARE(doc.criticalPointSearches(), searches + 2);
        QCOMPARE(doc.criticalPoints().points.size(), std::size_t(2));
    }

    // tester4 A7: f = 1/0 has one input (x); going back to x*y kept x but reset y and its
    // epsilon to 0. The last coordinates of an input that comes back are kept.
    void inputComingBackKeepsItsCoordinates() {
        Document doc;
        QCOMPARE(doc.setFunction(QStringLiteral("x*y")), QString());
        gs::Settings s = doc.settings();
        s.point = {0.5, 1.25};
        s.epsilon = {0.1, 0.2};
        QCOMPARE(doc.change(s, QStringLiteral("move")), QString());
        QCOMPARE(doc.setFunction(QStringLiteral("1/0")), QString());
        QCOMPARE(doc.settings().point, std::vector<double>({0.5}));
        QCOMPARE(doc.setFunction(QStringLiteral("x*y")), QString());
        QCOMPARE(doc.settings().point, std::vector<double>({0.5, 1.25}));
        QCOMPARE(doc.settings().epsilon, std::vector<double>({0.1, 0.2}));
        // Undo walks back through the same states.
        doc.undoStack()->undo();
        QCOMPARE(doc.settings().point, std::vector<double>({0.5}));
        doc.undoStack()->redo();
        QCOMPARE(doc.settings().point, std::vector<double>({0.5, 1.25}));
    }

    // The note on gaps in the plot: shares of the domain, never "0%" for a gap there (tester
    // s24: 1/(x^2 + y^2) has one infinite sample of 101^2, the origin).
    void gapsNoteSaysTheShare() {
        Eigen::ArrayXXd z = Eigen::ArrayXXd::Zero(101, 101);
        QCOMPARE(gs::surfaceGapsNote(z, QStringLiteral("x ∈ [-2, 2]")), QString());
        z(50, 50) = std::numeric_limits<double>::infinity();
        QCOMPARE(gs::surfaceGapsNote(z, QStringLiteral("x ∈ [-2, 2]")),
                 QStringLiteral("f is infinite (±inf) on under 1% of the domain: the surface has "
                                "gaps there."));
        z.leftCols(34) = std::numeric_limits<double>::quiet_NaN(); // 34 of 101 columns
        QCOMPARE(gs::surfaceGapsNote(z, QStringLiteral("x ∈ [-2, 2]"), true),
                 QStringLiteral("f is infinite (±inf) on under 1% and is undefined on 34% of the "
                                "domain: the curve has gaps there."));
    }

    // Tester s24: typing x*exp(-x^2-y^2) over Rosenbrock's (-1.2, 1), a key a second,
    // applied each pause: x*e has the one input x, x*ex the inputs ex and x; by place, y came
    // back as x's -1.2 and its epsilon as x's. Inputs follow their coordinates by name, a
    // name new here gets 0, and one renamed in place (x*y -> u*v) keeps its place's.
    void typingKeepsThePointByName() {
        Document doc;
        QCOMPARE(doc.setFunction(QStringLiteral("(1-x)^2 + 100*(y-x^2)^2")), QString());
        gs::Settings s = doc.settings();
        s.point = {-1.2, 1};
        s.epsilon = {0.01, -0.03};
        QCOMPARE(doc.change(s, QStringLiteral("move")), QString());
        const int steps = doc.undoStack()->count();
        for (const char* typed :
             {"x", "x*", "x*e", "x*ex", "x*exp", "x*exp(-x^2-y", "x*exp(-x^2-y^2)"})
            (void)doc.setFunction(QString::fromLatin1(typed)); // half-typed ones refused
        QCOMPARE(doc.settings().point, std::vector<double>({-1.2, 1}));
        QCOMPARE(doc.settings().epsilon, std::vector<double>({0.01, -0.03}));
        // On the way: ex was new (0), x kept its -1.2.
        doc.undoStack()->undo(); // x*ex (x*exp(-x^2-y was refused: unbalanced)
        QCOMPARE(doc.inputNames(), (QStringList{"ex", "x"}));
        QCOMPARE(doc.settings().point, std::vector<double>({0, -1.2}));
        QCOMPARE(doc.settings().plotX, 1); // x stays on the x axis, with its range
        QCOMPARE(doc.settings().xmin, -2.0);
        while (doc.undoStack()->index() > steps)
            doc.undoStack()->undo();
        QCOMPARE(doc.settings().point, std::vector<double>({-1.2, 1}));
        // Renamed in place: u takes x's place and coordinate, v y's.
        QCOMPARE(doc.setFunction(QStringLiteral("u*v")), QString());
        QCOMPARE(doc.settings().point, std::vector<double>({-1.2, 1}));
    }

    // Gradient descent on q(d) = g.d + d'Hd/2 is stable for eta < 2/lambda_max only when H is
    // positive definite (tester4 A1: the saddle was said to be "stable for eta < 1"):
    // 0.5x^2 + 5y^2 has H = diag(1, 10): 0.2; x^2 - y^2 has lambda = -2, 2: unstable along
    // lambda = -2; -x^2 - y^2: unstable along -2; x + y: no curvature.
    void descentStability_data() {
        QTest::addColumn<QString>("function");
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("eta");
        QTest::addColumn<double>("lambda");
        using K = gs::DescentStability::Kind;
        QTest::newRow("bowl") << "0.5*x^2 + 5*y^2" << int(K::Stable) << 0.2 << 0.0;
        QTest::newRow("saddle") << "x^2 - y^2" << int(K::NegativeCurvature) << 0.0 << -2.0;
        QTest::newRow("cap") << "-x^2 - y^2" << int(K::NegativeCurvature) << 0.0 << -2.0;
        QTest::newRow("plane") << "x + y" << int(K::NoCurvature) << 0.0 << 0.0;
    }
    void descentStability() {
        QFETCH(QString, function);
        QFETCH(int, kind);
        QFETCH(double, eta);
        QFETCH(double, lambda);
        Document doc;
        QCOMPARE(doc.setFunction(function), QString());
        const gs::DescentStability s = doc.descentStability();
        QCOMPARE(int(s.kind), kind);
        const double e = 8 * std::numeric_limits<double>::epsilon();
        QVERIFY(std::abs(s.limit - eta) <= e * std::max(1.0, eta));
        QVERIFY(std::abs(s.lambda - lambda) <= e * std::max(1.0, std::abs(lambda)));
    }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "test_document.moc"
