// The graph view of the book's backpropagation example: laid out in layers by Graphviz, the
// reverse pass stepped node by node with the sums written out, forward mode, paths, search,
// SVG and PNG export, and the step button pressed with real mouse and key events.
//
// Expected numbers, derived by hand (the book's chapter): at (w, x, y, z) = (-1, 0, -2, 1)
//   a = (w+x+y+z)^2 = 4,  b = (w+x-y-z)^2 = 0,  u = (a+b)^2 = 16,  v = (a-b)^2 = 16,
//   f = (u+v)^2 = 1024;
//   df/du = df/dv = 2(u+v) = 64;  du/da = du/db = 2(a+b) = 8;  dv/da = 2(a-b) = 8,
//   dv/db = -2(a-b) = -8;
//   df/da = 64*8 + 64*8 = 512 + 512 = 1024;  df/db = 64*8 + 64*(-8) = 512 - 512 = 0;
//   da/dw = da/dx = da/dy = da/dz = 2(w+x+y+z) = -4;  db/dw = ... = +-2(w+x-y-z) = 0;
//   df/dw = df/da*da/dw + df/db*db/dw = 1024*(-4) + 0*0 = -4096 + 0, and the same for x, y, z.
// The paths from w: w-a-u-f: (-4)*8*64 = -2048, w-a-v-f: (-4)*8*64 = -2048, w-b-u-f and
// w-b-v-f: 0; their sum -4096 = df/dw.
#include "graphlayout.h"
#include "graphview.h"
#include "imagecompare.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <cstdio>

using namespace gs;

namespace {

const char* const kBook = "a = (w+x+y+z)^2; b = (w+x-y-z)^2; u = (a+b)^2; v = (a-b)^2; f = (u+v)^2";

Expression book() {
    auto r = Expression::parse(kBook);
    if (!r.ok())
        qFatal("the book's example does not parse: %s", r.error->message.c_str());
    return *r.expression;
}

Eigen::VectorXd bookPoint() {
    Eigen::VectorXd x(4);
    x << -1, 0, -2, 1;
    return x;
}

int node(const GraphScene& s, const char* name) {
    return s.graph().find(name);
}

} // namespace

class TestGraphView : public QObject {
    Q_OBJECT
private slots:
    void layoutChainInLayers();
    void layoutRefusesBadEdge();
    void bookLaidOutInLayers_data();
    void bookLaidOutInLayers();
    void forwardPassRevealsValues();
    void reverseStepOrder_data();
    void reverseStepOrder();
    void edgeShowsProductOnceUsed();
    void numbersAreBriefWithEveryDigitInTheTooltip();
    void forwardModeCounts();
    void pathsFromInput();
    void searchByName();
    void svgExportIsVector();
    void pngBaseline();
    void stepButtonWithMouseAndKeys();
    void inputsEditable();
    void inputBoxesFollowTheFont();
    void fitKeepsTextReadable_data();
    void fitKeepsTextReadable();
};

void TestGraphView::layoutChainInLayers() {
    // 0 -> 1 -> 2 and 0 -> 2: three layers, left to right.
    const std::vector<QSizeF> sizes(3, QSizeF(60, 30));
    const GraphLayout l = layoutGraph(sizes, {{0, 1}, {1, 2}, {0, 2}});
    QVERIFY2(l.error.isEmpty(), qPrintable(l.error));
    QCOMPARE(int(l.centers.size()), 3);
    QVERIFY(l.centers[0].x() < l.centers[1].x());
    QVERIFY(l.centers[1].x() < l.centers[2].x());
    QCOMPARE(int(l.edges.size()), 3);
    for (const EdgeRoute& e : l.edges) {
        QVERIFY(e.spline.size() >= 4);
        QCOMPARE((e.spline.size() - 1) % 3, std::size_t(0)); // cubic Bezier segments
    }
    // Top to bottom puts the layers one under the other.
    LayoutOptions tb;
    tb.direction = RankDirection::TopToBottom;
    const GraphLayout v = layoutGraph(sizes, {{0, 1}, {1, 2}}, tb);
    QVERIFY(v.centers[0].y() < v.centers[1].y());
    QVERIFY(v.centers[1].y() < v.centers[2].y());
}

void TestGraphView::layoutRefusesBadEdge() {
    const GraphLayout l = layoutGraph({QSizeF(10, 10)}, {{0, 3}});
    QVERIFY(l.error.contains(QStringLiteral("0 -> 3")));
    QVERIFY(l.centers.empty());
}

void TestGraphView::bookLaidOutInLayers_data() {
    QTest::addColumn<int>("granularity");
    QTest::newRow("statements") << int(Granularity::Statements);
    QTest::newRow("operations") << int(Granularity::Operations);
}

void TestGraphView::bookLaidOutInLayers() {
    QFETCH(int, granularity);
    GraphScene s;
    s.setGranularity(Granularity(granularity));
    QVERIFY(s.setFunction(book(), bookPoint()).isEmpty());
    QCOMPARE(int(s.graph().granularity), granularity);
    // Every named node is there and drawn.
    for (const char* name : {"w", "x", "y", "z", "a", "b", "u", "v", "f"}) {
        const int k = node(s, name);
        QVERIFY2(k >= 0, name);
        QVERIFY(!s.nodeRect(k).isEmpty());
    }
    if (granularity == int(Granularity::Statements))
        QCOMPARE(int(s.graph().nodes.size()), 9);
    // Layers from inputs to output: every edge points right, inputs leftmost, f rightmost.
    for (const GraphEdge& e : s.graph().edges)
        QVERIFY(s.nodeRect(e.from).center().x() < s.nodeRect(e.to).center().x());
    const double fx = s.nodeRect(s.graph().output).center().x();
    for (std::size_t k = 0; k < s.graph().nodes.size(); ++k) {
        if (int(k) != s.graph().output)
            QVERIFY(s.nodeRect(int(k)).center().x() < fx);
        if (k >= 4)
            QVERIFY(s.nodeRect(int(k)).center().x() > s.nodeRect(0).center().x());
    }
}

void TestGraphView::forwardPassRevealsValues() {
    GraphScene s;
    s.setFunction(book(), bookPoint());
    QCOMPARE(s.position(), s.stepCount()); // a new graph shows every number
    QCOMPARE(s.stepCount(), 5 + 9);        // 5 statements forward, 9 nodes backward
    s.setPosition(0);
    const int a = node(s, "a");
    QCOMPARE(s.nodeLines(a)[2], QStringLiteral("value = ?"));
    QCOMPARE(s.nodeLines(node(s, "w"))[2], QStringLiteral("value = -1")); // inputs are given
    s.setPosition(1);
    QCOMPARE(s.activeNode(), a);
    QCOMPARE(s.currentPass(), GraphScene::Pass::Forward);
    QCOMPARE(s.nodeLines(a)[2], QStringLiteral("value = 4"));
    QCOMPARE(s.nodeLines(a)[3], QStringLiteral("df/da = ?"));
    QCOMPARE(s.nodeLines(node(s, "b"))[2], QStringLiteral("value = ?"));
    s.setPosition(5);
    QCOMPARE(s.activeNode(), node(s, "f"));
    QCOMPARE(s.nodeLines(node(s, "f"))[2], QStringLiteral("value = 1024"));
    QCOMPARE(s.nodeLines(node(s, "u"))[2], QStringLiteral("value = 16"));
    QCOMPARE(s.nodeLines(node(s, "v"))[2], QStringLiteral("value = 16"));
}

void TestGraphView::reverseStepOrder_data() {
    QTest::addColumn<int>("step"); // within the reverse pass
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("adjoint");
    QTest::newRow("f") << 0 << "f" << QStringLiteral("df/df = 1");
    QTest::newRow("v") << 1 << "v" << QStringLiteral("df/dv = 64");
    QTest::newRow("u") << 2 << "u" << QStringLiteral("df/du = 64");
    QTest::newRow("b") << 3 << "b" << QStringLiteral("df/db = 512 − 512 = 0");
    QTest::newRow("a") << 4 << "a" << QStringLiteral("df/da = 512 + 512 = 1024");
    QTest::newRow("z") << 5 << "z" << QStringLiteral("df/dz = -4096 + 0 = -4096");
    QTest::newRow("y") << 6 << "y" << QStringLiteral("df/dy = -4096 + 0 = -4096");
    QTest::newRow("x") << 7 << "x" << QStringLiteral("df/dx = -4096 + 0 = -4096");
    QTest::newRow("w") << 8 << "w" << QStringLiteral("df/dw = -4096 + 0 = -4096");
}

void TestGraphView::reverseStepOrder() {
    QFETCH(int, step);
    QFETCH(QString, name);
    QFETCH(QString, adjoint);
    GraphScene s;
    s.setFunction(book(), bookPoint());
    const int k = node(s, qPrintable(name));
    s.setPosition(5 + step); // the forward pass and the reverse steps before this one
    QCOMPARE(s.nodeLines(k)[3], QStringLiteral("df/d%1 = ?").arg(name));
    s.setPosition(5 + step + 1);
    QCOMPARE(s.currentPass(), GraphScene::Pass::Reverse);
    QCOMPARE(s.activeNode(), k);
    QVERIFY(s.nodeActive(k));
    QCOMPARE(s.nodeLines(k)[3], adjoint);
    // The edges at work are the node's edges to its children.
    for (std::size_t e = 0; e < s.graph().edges.size(); ++e)
        QCOMPARE(s.edgeActive(int(e)), s.graph().edges[e].from == k);
    // Hover shows the formula with the numbers in.
    if (name == QLatin1String("a"))
        QVERIFY(s.nodeToolTip(k).contains(QStringLiteral("64·8 + 64·8")));
}

void TestGraphView::edgeShowsProductOnceUsed() {
    GraphScene s;
    s.setFunction(book(), bookPoint());
    const int a = node(s, "a"), u = node(s, "u");
    int au = -1;
    for (std::size_t e = 0; e < s.graph().edges.size(); ++e)
        if (s.graph().edges[e].from == a && s.graph().edges[e].to == u)
            au = int(e);
    QVERIFY(au >= 0);
    s.setPosition(5 + 4); // f, v, u, b done; a next
    QCOMPARE(s.edgeLines(au), QStringList{QStringLiteral("∂u/∂a = 8")});
    s.setPosition(5 + 5); // a at work: its edge to u contributes 64·8
    QCOMPARE(s.edgeLines(au),
             (QStringList{QStringLiteral("∂u/∂a = 8"), QStringLiteral("64·8 = 512")}));
}

// tester4 C4: x exp(-x^2 - y^2) at (-1, 0) showed 0.36787944117144233 everywhere. The drawing
// and the panel show 6 significant digits; the tooltips every digit.
void TestGraphView::numbersAreBriefWithEveryDigitInTheTooltip() {
    GraphView view;
    const auto f = Expression::parse("x*exp(-x^2-y^2)");
    QVERIFY(f.ok());
    view.setFunction(*f.expression, Eigen::Vector2d(-1, 0));
    GraphScene* s = view.scene();
    const QString full = QStringLiteral("0.36787944117144233"); // e^-1
    bool sawBrief = false, sawFullTip = false;
    for (int k = 0; k < int(s->graph().nodes.size()); ++k) {
        const QString lines = s->nodeLines(k).join(QLatin1Char('\n'));
        QVERIFY2(!lines.contains(QStringLiteral("0.3678794")), qPrintable(lines));
        sawBrief = sawBrief || lines.contains(QStringLiteral("0.367879"));
        sawFullTip = sawFullTip || s->nodeToolTip(k).contains(full);
    }
    for (int e = 0; e < int(s->graph().edges.size()); ++e)
        QVERIFY(!s->edgeLines(e).join(QLatin1Char(' ')).contains(QStringLiteral("0.3678794")));
    QVERIFY(sawBrief && sawFullTip);
    // The panel: brief, with the current step's formula in full as its tooltip.
    s->setPosition(1);
    QVERIFY(!view.panel()->toPlainText().contains(QStringLiteral("0.3678794")));
    QVERIFY(!view.panel()->toolTip().isEmpty());
    QVERIFY(view.panel()->toPlainText().contains(QStringLiteral("total derivative")));
}

void TestGraphView::forwardModeCounts() {
    GraphView view;
    view.setFunction(book(), bookPoint());
    GraphScene* s = view.scene();
    s->setForwardModeInput(0); // d/dw
    QCOMPARE(s->position(), s->stepCount());
    // a = (w+x+y+z)^2: da/dw = sum over its parents of local partial times tangent.
    QCOMPARE(s->nodeLines(node(*s, "a"))[3], QStringLiteral("da/dw = -4 + 0 + 0 + 0 = -4"));
    QCOMPARE(s->nodeLines(node(*s, "f"))[3].section(QStringLiteral(" = "), -1),
             QStringLiteral("-4096"));
    // Statement graph: 14 edges. Reverse: 14 multiply-adds for all four partials; forward
    // mode 14 per input, 56 for all four; the forward pass evaluates 5 statements.
    const QString panel = view.panel()->toPlainText();
    QVERIFY2(panel.contains(QStringLiteral("all 4 partials")), qPrintable(panel));
    QVERIFY(panel.contains(QStringLiteral("14")));
    QVERIFY(panel.contains(QStringLiteral("56")));
    QVERIFY(panel.contains(QStringLiteral("df/dw = -4096")));
}

void TestGraphView::pathsFromInput() {
    GraphView view;
    view.setFunction(book(), bookPoint());
    GraphScene* s = view.scene();
    const int w = node(*s, "w"), a = node(*s, "a"), b = node(*s, "b");
    s->showPathsFrom(w);
    QCOMPARE(int(s->paths().paths.size()), 4);
    QCOMPARE(s->paths().sum, -4096.0);
    QCOMPARE(view.pathList()->count(), 5); // four paths and their sum
    QVERIFY(view.pathList()->item(0)->text().contains(QStringLiteral("w → a → u → f")));
    QVERIFY(view.pathList()->item(0)->text().endsWith(QStringLiteral("= -2048")));
    QVERIFY2(view.pathList()->item(4)->text().endsWith(QStringLiteral("= -4096 = df/dw")),
             qPrintable(view.pathList()->item(4)->text()));
    // Selecting the first path highlights w -> a, not w -> b.
    view.pathList()->setCurrentRow(0);
    for (std::size_t e = 0; e < s->graph().edges.size(); ++e) {
        const GraphEdge& edge = s->graph().edges[e];
        if (edge.from == w && edge.to == a)
            QVERIFY(s->edgeOnPath(int(e)));
        if (edge.from == w && edge.to == b)
            QVERIFY(!s->edgeOnPath(int(e)));
    }
}

void TestGraphView::searchByName() {
    GraphScene s;
    s.setFunction(book(), bookPoint());
    QCOMPARE(s.markNode(QStringLiteral("u")), node(s, "u"));
    QCOMPARE(s.markedNode(), node(s, "u"));
    QCOMPARE(s.markNode(QStringLiteral("nothing")), -1);
    // Operations: one node per operation, the named statements among them.
    s.setGranularity(Granularity::Operations);
    QVERIFY(s.graph().nodes.size() > 9);
    QVERIFY(s.markNode(QStringLiteral("b")) >= 0);
}

void TestGraphView::svgExportIsVector() {
    GraphScene s;
    s.setFunction(book(), bookPoint());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("graph.svg"));
    QVERIFY(exportGraphScene(s, path, QSize(800, 600)).isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(file.readAll());
    QVERIFY(svg.contains(QStringLiteral("<path")));
    QVERIFY(svg.contains(QStringLiteral("<text")));
    QVERIFY(!svg.contains(QStringLiteral("<image")));
    QVERIFY(svg.contains(QStringLiteral("512 + 512 = 1024")));
    // A format the graph does not write is refused with a message.
    QVERIFY(exportGraphScene(s, dir.filePath(QStringLiteral("g.jpg")), QSize(10, 10))
                .contains(QStringLiteral(".png or .svg")));
}

void TestGraphView::pngBaseline() {
    GraphScene s;
    s.setFunction(book(), bookPoint());
    s.setPosition(5 + 5); // the reverse pass at a: "512 + 512 = 1024", edges at work
    const QImage actual = s.renderImage(QSize(1100, 520));
    const QString baseline = QStringLiteral(GRADSCAPE_BASELINES "/graph_view.png");
    if (qEnvironmentVariableIntValue("GRADSCAPE_UPDATE_BASELINES") == 1)
        QVERIFY(actual.save(baseline));
    const auto d = gs::test::compareImages(actual, QImage(baseline));
    const bool same = d.problem.isEmpty() && d.meanAbsolute <= 1.5 && d.fractionOff <= 0.005;
    if (!same)
        actual.save(gs::test::failureOutput(QStringLiteral("graph_view.actual.png")));
    QVERIFY2(same, qPrintable(QStringLiteral("%1 mean %2, %3 off")
                                  .arg(d.problem)
                                  .arg(d.meanAbsolute)
                                  .arg(d.fractionOff)));
}

void TestGraphView::stepButtonWithMouseAndKeys() {
    GraphView view;
    view.resize(1200, 600);
    view.setFunction(book(), bookPoint());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    GraphScene* s = view.scene();
    QVERIFY(!view.stepForwardButton()->isEnabled()); // at the end
    QTest::mouseClick(view.restartButton(), Qt::LeftButton);
    QCOMPARE(s->position(), 0);
    QCOMPARE(view.stepLabel()->text(), QStringLiteral("Step 0 of 14: start"));
    for (int i = 0; i < 5; ++i) // the forward pass, clicked through
        QTest::mouseClick(view.stepForwardButton(), Qt::LeftButton);
    QCOMPARE(s->activeNode(), node(*s, "f"));
    // The reverse pass: a click, then the space bar on the focused button, then the arrow key.
    QTest::mouseClick(view.stepForwardButton(), Qt::LeftButton);
    QCOMPARE(s->activeNode(), node(*s, "f"));
    QCOMPARE(s->currentPass(), GraphScene::Pass::Reverse);
    view.stepForwardButton()->setFocus();
    QTest::keyClick(view.stepForwardButton(), Qt::Key_Space);
    QCOMPARE(s->activeNode(), node(*s, "v"));
    QTest::keyClick(view.stepForwardButton(), Qt::Key_Right);
    QCOMPARE(s->activeNode(), node(*s, "u"));
    QTest::mouseClick(view.stepForwardButton(), Qt::LeftButton);
    QTest::mouseClick(view.stepForwardButton(), Qt::LeftButton);
    QCOMPARE(s->activeNode(), node(*s, "a"));
    QCOMPARE(s->nodeLines(node(*s, "a"))[3], QStringLiteral("df/da = 512 + 512 = 1024"));
    QVERIFY(view.panel()->toPlainText().contains(QStringLiteral("64·8 + 64·8 = 512 + 512 = 1024")));
    QCOMPARE(view.stepLabel()->text(), QStringLiteral("Step 10 of 14: reverse pass"));
    // Step back with the button and the key.
    QTest::mouseClick(view.stepBackButton(), Qt::LeftButton);
    QCOMPARE(s->activeNode(), node(*s, "b"));
    QTest::keyClick(view.stepForwardButton(), Qt::Key_Left);
    QCOMPARE(s->activeNode(), node(*s, "u"));
    // The wheel zooms the canvas.
    const double before = view.canvas()->transform().m11();
    QWheelEvent wheel(QPointF(100, 100), view.canvas()->mapToGlobal(QPointF(100, 100)), QPoint(),
                      QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.canvas()->viewport(), &wheel);
    QVERIFY(view.canvas()->transform().m11() > before);
}

void TestGraphView::inputBoxesFollowTheFont() {
    // Issue #9 (num19, 6): the boxes took their width from the font when the graph was built;
    // a font scale set afterwards (Preferences: QApplication::setFont) kept the old width, and
    // -1.23457e+06 at the new font no longer fitted. Each box's width follows the font.
    GraphView view;
    Eigen::VectorXd p = bookPoint();
    p[0] = -1.23457e+06;
    view.setFunction(book(), p);
    QLineEdit* x = view.inputEditor(0);
    QCOMPARE(x->text(), QStringLiteral("-1.23457e+06"));
    const int frame = x->style()->pixelMetric(QStyle::PM_DefaultFrameWidth);
    const auto fits = [&] {
        return x->fontMetrics().horizontalAdvance(x->text()) + 2 * frame < x->width();
    };
    QVERIFY(fits());
    const int normal = x->width();
    const QFont before = QApplication::font();
    QFont big = before;
    big.setPointSizeF(before.pointSizeF() * 1.5);
    QApplication::setFont(big);
    QCoreApplication::processEvents();
    QCOMPARE(x->font().pointSizeF(), big.pointSizeF());
    const bool fitsBig = fits();
    const int lecture = x->width(), text = x->fontMetrics().horizontalAdvance(x->text());
    QApplication::setFont(before);
    QCoreApplication::processEvents();
    QVERIFY2(fitsBig,
             qPrintable(QStringLiteral("%1 px of text in a %2 px box at 1.5 times the font")
                            .arg(text)
                            .arg(lecture)));
    QVERIFY2(lecture > normal, qPrintable(QStringLiteral("%1 -> %2").arg(normal).arg(lecture)));
    // And back: the box is its first width again.
    QCOMPARE(x->width(), normal);
}

void TestGraphView::inputsEditable() {
    // Every input of the book's four has an editor showing its value; Enter on a new number
    // asks the owner to apply it; text that is not a number is refused with a message.
    GraphView view;
    view.setFunction(book(), bookPoint());
    const char* values[] = {"-1", "0", "-2", "1"};
    for (int i = 0; i < 4; ++i)
        QCOMPARE(view.inputEditor(i)->text(), QString::fromLatin1(values[i]));
    QVERIFY(!view.inputEditor(4));
    {
        // Tester s9: at font scale 1.5 the 90-pixel box showed -0.496801 as "0.496801", its
        // sign scrolled out of sight. The box fits the value at a lecture font, from its start.
        QFont big = QApplication::font();
        big.setPointSizeF(big.pointSizeF() * 1.5);
        const QFont before = QApplication::font();
        QApplication::setFont(big);
        GraphView lecture;
        Eigen::VectorXd p = bookPoint();
        p[0] = -0.496801;
        lecture.setFunction(book(), p);
        QLineEdit* x = lecture.inputEditor(0);
        QCOMPARE(x->text(), QStringLiteral("-0.496801"));
        QCOMPARE(x->cursorPosition(), 0);
        const int frame = x->style()->pixelMetric(QStyle::PM_DefaultFrameWidth);
        // Measured at the lecture font (restoring the font resizes the box: it follows the
        // font, inputBoxesFollowTheFont).
        const int text = x->fontMetrics().horizontalAdvance(x->text()), box = x->width();
        QApplication::setFont(before);
        QVERIFY2(text + 2 * frame < box,
                 qPrintable(QStringLiteral("%1 px of text in a %2 px box").arg(text).arg(box)));
    }
    QSignalSpy edited(&view, &GraphView::inputEdited);
    QLineEdit* y = view.inputEditor(2);
    y->selectAll();
    QTest::keyClicks(y, QStringLiteral("2.5"));
    QTest::keyClick(y, Qt::Key_Return);
    QCOMPARE(edited.count(), 1);
    QCOMPARE(edited[0][0].toInt(), 2);
    QCOMPARE(edited[0][1].toDouble(), 2.5);
    y->selectAll();
    QTest::keyClicks(y, QStringLiteral("two"));
    QTest::keyClick(y, Qt::Key_Return);
    QCOMPARE(edited.count(), 1);
    QCOMPARE(view.stepLabel()->text(), QStringLiteral("y: 'two' is not a finite number"));
    // The owner applies the edit: the graph is evaluated there and the editor shows it.
    Eigen::VectorXd x = bookPoint();
    x[2] = 2.5;
    view.setFunction(book(), x);
    QCOMPARE(y->text(), QStringLiteral("2.5"));
}

void TestGraphView::fitKeepsTextReadable_data() {
    QTest::addColumn<QString>("function");
    QTest::addColumn<int>("granularity");
    QTest::addColumn<QSize>("size");
    // 1280x720 with the dock at 70 % beside the 3-D view leaves about 650 x 480 for the canvas.
    QTest::newRow("book, statements") << QString::fromLatin1(kBook) << 0 << QSize(650, 480);
    QTest::newRow("book, operations") << QString::fromLatin1(kBook) << 1 << QSize(650, 480);
    QTest::newRow("book, small") << QString::fromLatin1(kBook) << 1 << QSize(300, 200);
}

void TestGraphView::fitKeepsTextReadable() {
    QFETCH(QString, function);
    QFETCH(int, granularity);
    QFETCH(QSize, size);
    GraphCanvas canvas;
    GraphScene scene;
    canvas.setScene(&scene);
    canvas.setFrameShape(QFrame::NoFrame);
    canvas.resize(size);
    scene.setGranularity(granularity == 0 ? Granularity::Statements : Granularity::Operations);
    auto parsed = Expression::parse(function.toStdString());
    QVERIFY(scene.setFunction(*parsed.expression, bookPoint()).isEmpty());
    canvas.show();
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    canvas.fit();
    // The smallest text (edge labels, 11 scene units at font scale 1) is on screen 11 s
    // pixels, never below kMinTextPixels, and a small graph is never magnified.
    const double s = canvas.transform().m11();
    QCOMPARE(scene.smallestFontPixels(), 11);
    const double least = GraphCanvas::kMinTextPixels / 11;
    QVERIFY2(11 * s >= GraphCanvas::kMinTextPixels - 1e-9, qPrintable(QString::number(s)));
    QVERIFY(s <= 1.0);
    const QRectF r = scene.sceneRect();
    const QSize room = canvas.contentsRect().size();
    const int bar = canvas.style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, &canvas);
    const double whole = std::min(room.width() / r.width(), room.height() / r.height());
    if (whole >= least) {
        QCOMPARE(s, std::min(1.0, whole)); // it all fits, readable
        QCOMPARE(canvas.verticalScrollBar()->maximum(), canvas.verticalScrollBar()->minimum());
    } else {
        // Too big to fit readable: the whole width beside the vertical scroll bar, never
        // below readable (never the height, scrolling across: issue #9); it scrolls,
        // starting at the top.
        const double width = (room.width() - bar) / r.width();
        QCOMPARE(s, std::min(1.0, std::max(least, width)));
        QVERIFY(canvas.verticalScrollBar()->maximum() > canvas.verticalScrollBar()->minimum() ||
                canvas.horizontalScrollBar()->maximum() > canvas.horizontalScrollBar()->minimum());
        QCOMPARE(canvas.verticalScrollBar()->value(), canvas.verticalScrollBar()->minimum());
        QCOMPARE(canvas.horizontalScrollBar()->value(), canvas.horizontalScrollBar()->minimum());
        // The inputs (dot puts them at the left) are in view.
        const QRectF w = scene.nodeRect(0);
        QVERIFY(canvas.mapFromScene(w.topLeft()).x() >= 0);
    }
    std::printf("scene %gx%g, view %dx%d: scale %.3g, text %.3g px\n", r.width(), r.height(),
                room.width(), room.height(), s, 11 * s);
}

int main(int argc, char** argv) {
    // Painting only: the off-screen platform draws the same with or without an X display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestGraphView t;
    return QTest::qExec(&t, argc, argv);
}

#include "test_graphview.moc"
