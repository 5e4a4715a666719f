// The Matrix Calculus dock: the grids show the selected input's value and its gradient in
// the input's shape, a typed closed form is checked against the automatic gradient, a cell
// edit moves the point (undoable), and the book's examples fill the closed form.

#include "document.h"
#include "guifixture.h"
#include "imagecompare.h"
#include "mainwindow.h"
#include "matrixpanel.h"
#include "preferences.h"
#include "presets.h"

#include <Eigen/Core>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>
#include <cmath>
#include <limits>

using namespace gs;

namespace {

/// The numbers a table holds (each cell's full-precision value).
Eigen::MatrixXd tableValues(const QTableWidget* t) {
    Eigen::MatrixXd m(t->rowCount(), t->columnCount());
    for (int r = 0; r < t->rowCount(); ++r)
        for (int c = 0; c < t->columnCount(); ++c)
            m(r, c) = t->item(r, c)->data(Qt::UserRole).toDouble();
    return m;
}

Settings quadraticForm() {
    Settings s;
    s.function = QStringLiteral("A = [[2, 1], [0, 3]]; f = x' * A * x");
    s.variables = {QStringLiteral("x[2]")};
    s.point = {0.75, -1.25};
    s.epsilon = {0.01, -0.03};
    return s;
}

const Preset* findPreset(const std::vector<Preset>& presets, const QString& withRespectTo,
                         const QString& part) {
    for (const Preset& p : presets)
        if (p.withRespectTo == withRespectTo && p.closedForm.contains(part))
            return &p;
    return nullptr;
}

} // namespace

class TestMatrixPanel : public QObject {
    Q_OBJECT
    Document* m_doc = nullptr;
    MatrixPanel* m_panel = nullptr;

private slots:
    void initTestCase() { test::useTestSettings(); }
    void init() {
        m_doc = new Document;
        m_panel = new MatrixPanel(m_doc);
        m_panel->resize(340, 700);
        m_panel->show();
    }
    void cleanup() {
        test::pinLoadedModules();
        delete m_panel;
        delete m_doc;
    }

    // x' * A * x with A = [[2, 1], [0, 3]]: the grids are 2 x 1 and the gradient is
    // (A + A') x, computed here with Eigen.
    void quadraticFormGrid() {
        QCOMPARE(m_doc->change(quadraticForm(), QStringLiteral("f")), QString());
        QCOMPARE(m_panel->inputChoice()->currentText(), QStringLiteral("x"));
        QCOMPARE(m_panel->valueTable()->rowCount(), 2);
        QCOMPARE(m_panel->valueTable()->columnCount(), 1);
        QCOMPARE(m_panel->gradientTable()->rowCount(), 2);
        QCOMPARE(m_panel->gradientTable()->columnCount(), 1);
        Eigen::Matrix2d a;
        a << 2, 1, 0, 3;
        const Eigen::Vector2d x(0.75, -1.25);
        const Eigen::Vector2d expected = (a + a.transpose()) * x; // (1.75, -6.75)
        const Eigen::MatrixXd shown = tableValues(m_panel->gradientTable());
        const double tolerance = 8 * std::numeric_limits<double>::epsilon() * expected.norm();
        for (int i = 0; i < 2; ++i)
            QVERIFY2(std::abs(shown(i, 0) - expected(i)) <= tolerance,
                     qPrintable(QString::number(shown(i, 0))));
        QCOMPARE(tableValues(m_panel->valueTable()), Eigen::MatrixXd(x));
        // The cell text agrees with the number.
        QCOMPARE(m_panel->gradientTable()->item(1, 0)->text(), QStringLiteral("-6.75"));

        // The right closed form agrees; a wrong one (A x, forgetting A') lists the entries.
        m_panel->setClosedForm(QStringLiteral("(A + A') * x"), QStringLiteral("x"));
        QVERIFY2(m_panel->agrees(), qPrintable(m_panel->report()));
        QVERIFY(m_panel->report().contains(QStringLiteral("20 random draws")));
        QVERIFY(m_panel->differences().isEmpty());
        m_panel->closedFormEdit()->setText(QStringLiteral("A * x"));
        QVERIFY(!m_panel->agrees());
        // At the point A x = (0.25, -3.75), the gradient (1.75, -6.75): both entries differ.
        QVERIFY2(m_panel->differences().contains(
                     QStringLiteral("x[1] at the point: automatic 1.75, closed form 0.25")),
                 qPrintable(m_panel->differences()));
        QVERIFY(m_panel->differences().contains(
            QStringLiteral("x[2] at the point: automatic -6.75, closed form -3.75")));
        // Those cells are bold, and plain again when the closed form is right.
        QVERIFY(m_panel->gradientTable()->item(0, 0)->font().bold());
        QVERIFY(m_panel->gradientTable()->item(1, 0)->font().bold());
        m_panel->closedFormEdit()->setText(QStringLiteral("A * x + A' * x"));
        QVERIFY(m_panel->agrees());
        QVERIFY(!m_panel->gradientTable()->item(0, 0)->font().bold());
    }

    // A closed form that does not parse: the error is shown inline with its column.
    void closedFormErrorShowsColumn() {
        QCOMPARE(m_doc->change(quadraticForm(), QStringLiteral("f")), QString());
        // z is no input of f: column 12 of "(A + A') * z".
        m_panel->setClosedForm(QStringLiteral("(A + A') * z"), QStringLiteral("x"));
        QVERIFY(!m_panel->agrees());
        auto* error = m_panel->findChild<QLabel*>(QStringLiteral("closedFormError"));
        QVERIFY(error && error->isVisible());
        // "column", as every other message writes it (tester4 C11: "Column 12").
        QVERIFY2(error->text().startsWith(QStringLiteral("column 12:")), qPrintable(error->text()));
        QVERIFY(error->text().contains(QLatin1Char('z')));
        // A closed form of the wrong shape says so.
        m_panel->closedFormEdit()->setText(QStringLiteral("x' * A"));
        QVERIFY(error->isVisible());
        QVERIFY(!error->text().isEmpty());
        QVERIFY(!m_panel->agrees());
    }

    // The book's ||X - UV||^2 example: V is 2 x 3 and -2 U'(X - UV) agrees.
    void factorizationExampleAgrees() {
        const auto presets = loadPresets();
        const Preset* p = findPreset(presets, QStringLiteral("V"), QStringLiteral("U'"));
        QVERIFY(p);
        QCOMPARE(m_doc->change(p->settings, QStringLiteral("example")), QString());
        m_panel->setClosedForm(p->closedForm, p->withRespectTo);
        QCOMPARE(m_panel->closedFormEdit()->text(), QStringLiteral("-2 * U' * (X - U * V)"));
        QCOMPARE(m_panel->withRespectToChoice()->currentText(), QStringLiteral("V"));
        QCOMPARE(m_panel->valueTable()->rowCount(), 2);
        QCOMPARE(m_panel->valueTable()->columnCount(), 3);
        QVERIFY2(m_panel->agrees(), qPrintable(m_panel->report()));
        // The gradient grid is -2 U'(X - UV) at the example's V (Eigen, here).
        Eigen::MatrixXd x(4, 3), u(4, 2), v(2, 3);
        x << 1, 2, 0, 0, 1, -1, 1, 3, -1, 1, 1, 1;
        u << 1, 0, 0, 1, 1, 1, 1, -1;
        v << -0.5, 0.5, 0.5, 0.5, -0.5, 0.5;
        const Eigen::MatrixXd expected = -2 * u.transpose() * (x - u * v);
        const Eigen::MatrixXd shown = tableValues(m_panel->gradientTable());
        QVERIFY((shown - expected).cwiseAbs().maxCoeff() <=
                64 * std::numeric_limits<double>::epsilon() * expected.cwiseAbs().maxCoeff());
        // Randomizing V moves the point (one undo step) and the closed form still agrees.
        const std::vector<double> before = m_doc->settings().point;
        const int steps = m_doc->undoStack()->count();
        m_panel->randomizeButton()->click();
        QVERIFY(m_doc->settings().point != before);
        QCOMPARE(m_doc->undoStack()->count(), steps + 1);
        QVERIFY2(m_panel->agrees(), qPrintable(m_panel->report()));
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->settings().point, before);
    }

    // tester4 C11 and A5 on the book's example: a wrong closed form that differs everywhere
    // (3 U'(X - UV) against -2 U'(X - UV): 6 entries at the point and on 20 draws, 126) shows
    // the count, five entries (the point's, largest first) and "…", not every entry; an
    // unknown matrix name is reported as unknown, not as a shape error.
    void manyDifferencesAreSummarized() {
        const auto presets = loadPresets();
        const Preset* p = findPreset(presets, QStringLiteral("V"), QStringLiteral("U'"));
        QVERIFY(p);
        QCOMPARE(m_doc->change(p->settings, QStringLiteral("example")), QString());
        m_panel->setClosedForm(QStringLiteral("3 * U' * (X - U * V)"), QStringLiteral("V"));
        QVERIFY(!m_panel->agrees());
        const QStringList lines = m_panel->differences().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 7);
        QCOMPARE(lines.front(),
                 QStringLiteral(
                     "126 entries differ; 5 of them, those at the point first, then the largest:"));
        for (int i = 1; i <= 5; ++i)
            QVERIFY2(lines[i].contains(QStringLiteral(" at the point: ")), qPrintable(lines[i]));
        QCOMPARE(lines.back(), QStringLiteral("…"));
        // Largest first: |automatic - closed form| does not increase down the list.
        double previous = std::numeric_limits<double>::infinity();
        static const QRegularExpression numbers(
            QStringLiteral("automatic (\\S+), closed form (\\S+)$"));
        for (int i = 1; i <= 5; ++i) {
            const auto m = numbers.match(lines[i]);
            QVERIFY2(m.hasMatch(), qPrintable(lines[i]));
            const double d = std::abs(m.captured(1).toDouble() - m.captured(2).toDouble());
            QVERIFY(d <= previous * (1 + 1e-5)); // the text has 6 digits
            previous = d;
        }
        m_panel->closedFormEdit()->setText(QStringLiteral("-2 * U' * (X - U * W)"));
        auto* error = m_panel->findChild<QLabel*>(QStringLiteral("closedFormError"));
        QVERIFY(error && error->isVisible());
        QVERIFY2(error->text().startsWith(QStringLiteral("column 20: unknown symbol 'W'")),
                 qPrintable(error->text()));
    }

    // Editing a value cell moves the point through the document; undo restores it.
    void editedCellMovesThePoint() {
        QCOMPARE(m_doc->change(quadraticForm(), QStringLiteral("f")), QString());
        const std::vector<double> before = m_doc->settings().point;
        m_panel->valueTable()->item(1, 0)->setText(QStringLiteral("2.5"));
        QCOMPARE(m_doc->settings().point, (std::vector<double>{0.75, 2.5}));
        QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Edit x[2]"));
        // The gradient followed: (A + A') (0.75, 2.5) = (3 + 2.5, 0.75 + 15).
        QCOMPARE(tableValues(m_panel->gradientTable())(0, 0), 5.5);
        QCOMPARE(tableValues(m_panel->gradientTable())(1, 0), 15.75);
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->settings().point, before);
        QCOMPARE(tableValues(m_panel->valueTable())(1, 0), -1.25);
        // Text that is no number is refused with a message; the point stays.
        m_panel->valueTable()->item(0, 0)->setText(QStringLiteral("abc"));
        QCOMPARE(m_doc->settings().point, before);
        QCOMPARE(tableValues(m_panel->valueTable())(0, 0), 0.75);
        auto* error = m_panel->findChild<QLabel*>(QStringLiteral("closedFormError"));
        QVERIFY(error->text().contains(QStringLiteral("x[1]")));
    }

    // Issue #9: at a lecture's font scale, set while the dock is open, every row of both grids
    // shows whole: each row at least the font's line height, the grid tall enough for all
    // four rows of a 4 x 3 input (no row cut, nothing to scroll), and rows whole again after
    // going back to 1.0.
    void fontScaleShowsWholeRows_data() {
        QTest::addColumn<double>("scale");
        QTest::newRow("1.0") << 1.0;
        QTest::newRow("1.5") << 1.5;
        QTest::newRow("2.0") << 2.0;
        QTest::newRow("1.5 then 1.0") << -1.0;
    }
    void fontScaleShowsWholeRows() {
        QFETCH(double, scale);
        struct Restore {
            ~Restore() { applyPreferencesToApplication(Preferences()); }
        } restore;
        Settings s;
        s.function = QStringLiteral("sum(W .* W)");
        s.variables = {QStringLiteral("W[4,3]")};
        s.point = {1, -2, 3, 0.5, -0.25, 2, 1.5, 0, -1, 4, 2.5, -3};
        s.epsilon.assign(12, 0.01);
        QCOMPARE(m_doc->change(s, QStringLiteral("f")), QString());
        QVERIFY(QTest::qWaitForWindowExposed(m_panel, test::kFirstFrameTimeoutMs));
        Preferences p;
        p.fontScale = scale > 0 ? scale : 1.5;
        applyPreferencesToApplication(p);
        QCoreApplication::processEvents();
        if (scale < 0) {
            applyPreferencesToApplication(Preferences());
            QCoreApplication::processEvents();
        }
        for (QTableWidget* t : {m_panel->valueTable(), m_panel->gradientTable()}) {
            QCOMPARE(t->rowCount(), 4);
            QCOMPARE(t->columnCount(), 3);
            const int line = t->fontMetrics().height();
            int rows = 0;
            for (int r = 0; r < t->rowCount(); ++r) {
                QVERIFY2(t->rowHeight(r) >= line, qPrintable(QStringLiteral("%1: row %2 is %3 "
                                                                            "px, the font %4")
                                                                 .arg(t->objectName())
                                                                 .arg(r)
                                                                 .arg(t->rowHeight(r))
                                                                 .arg(line)));
                rows += t->rowHeight(r);
            }
            QTRY_VERIFY2(t->viewport()->height() >= rows,
                         qPrintable(QStringLiteral("%1: %2 px for rows of %3 px")
                                        .arg(t->objectName())
                                        .arg(t->viewport()->height())
                                        .arg(rows)));
            QCOMPARE(t->verticalScrollBar()->maximum(), 0);
        }
    }

    // The dock's picture for the book's x' * A * x example with its closed form filled in:
    // 2 x 1 grids of x and of (A + A') x in the diverging colours, the closed form agreeing.
    // Compared with baselines/matrixpanel.png (fonts under Xvfb are the machine's; the
    // tolerance absorbs anti-aliasing); GRADSCAPE_UPDATE_BASELINES=1 rewrites it.
    void renderBaseline() {
        const auto presets = loadPresets();
        const Preset* p = findPreset(presets, QStringLiteral("x"), QStringLiteral("(A + A')"));
        QVERIFY(p);
        QCOMPARE(m_doc->change(p->settings, QStringLiteral("example")), QString());
        m_panel->setClosedForm(p->closedForm, p->withRespectTo);
        QVERIFY2(m_panel->agrees(), qPrintable(m_panel->report()));
        m_panel->resize(340, 560);
        QVERIFY(QTest::qWaitForWindowExposed(m_panel, test::kFirstFrameTimeoutMs));
        QTRY_COMPARE(m_panel->size(), QSize(340, 560));
        QCoreApplication::processEvents(); // the layout at that size
        const QImage actual = m_panel->widget()->grab().toImage();
        const QString baseline = QStringLiteral(GRADSCAPE_BASELINES "/matrixpanel.png");
        if (qEnvironmentVariableIntValue("GRADSCAPE_UPDATE_BASELINES") == 1) {
            QVERIFY(actual.save(baseline));
            return;
        }
        const auto d = test::compareImages(actual, QImage(baseline));
        if (!(d.problem.isEmpty() && d.meanAbsolute <= 1.5 && d.fractionOff <= 0.005)) {
            const QString kept = test::failureOutput(QStringLiteral("matrixpanel.actual.png"));
            QFile::remove(kept);
            actual.save(kept);
            QFAIL(qPrintable(QStringLiteral("differs from %1 (%2mean %3, %4 off); kept at %5")
                                 .arg(baseline, d.problem.isEmpty() ? QString() : d.problem + ", ")
                                 .arg(d.meanAbsolute)
                                 .arg(d.fractionOff)
                                 .arg(kept)));
        }
    }

    // In the window: the View menu toggles the dock, and choosing the book's example fills
    // the closed form. With GRADSCAPE_SCREENSHOT set, saves the window (1280 x 720) there.
    void windowExampleFillsClosedForm() {
        test::WindowFixture fixture;
        const bool drawn = fixture.init();
        Document* doc = fixture.doc;
        MainWindow* window = fixture.window;
        QVERIFY2(drawn, "the window drew no first frame");
        window->resize(1280, 720);
        QTRY_COMPARE_WITH_TIMEOUT(window->size(), QSize(1280, 720), test::kFirstFrameTimeoutMs);
        MatrixPanel* panel = window->matrixPanel();
        QVERIFY(panel);
        QMenu* examples = test::examplesMenu(window);
        QVERIFY(examples);
        QAction* factorization = nullptr;
        for (QAction* a : examples->actions())
            if (a->text().contains(QStringLiteral("‖X − UV‖²")))
                factorization = a;
        QVERIFY(factorization);
        factorization->trigger();
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->closedFormEdit()->text(), QStringLiteral("-2 * U' * (X - U * V)"));
        QCOMPARE(panel->withRespectToChoice()->currentText(), QStringLiteral("V"));
        QCOMPARE(panel->inputChoice()->currentText(), QStringLiteral("V"));
        QVERIFY2(panel->agrees(), qPrintable(panel->report()));
        QCOMPARE(panel->toggleViewAction()->shortcut(), QKeySequence(Qt::Key_F6));
        const QString shot = qEnvironmentVariable("GRADSCAPE_SCREENSHOT");
        if (!shot.isEmpty()) {
            QTest::qWait(1500);
            QVERIFY(window->screen()->grabWindow(window->winId()).save(shot));
        }
        // View ▸ Matrix Calculus hides it; hidden, it does not follow the document, and shown
        // again it shows the point as it is now.
        panel->toggleViewAction()->trigger();
        QVERIFY(!panel->isVisible());
        Settings s = doc->settings();
        s.point[0] = 2.0; // V(1,1)
        QCOMPARE(doc->change(s, QStringLiteral("move")), QString());
        QCOMPARE(tableValues(panel->valueTable())(0, 0), -0.5);
        panel->toggleViewAction()->trigger();
        QTRY_VERIFY(panel->isVisible());
        QCOMPARE(tableValues(panel->valueTable())(0, 0), 2.0);
        QVERIFY2(panel->agrees(), qPrintable(panel->report()));
        // A tab behind the side panel's: still isVisible() (Qt moves it out of the window), it
        // does not follow the document either; raised, it shows the point as it is now.
        auto* side = window->findChild<QDockWidget*>(QStringLiteral("panel"));
        QVERIFY(side);
        side->raise();
        QVERIFY(!panel->geometry().intersects(window->rect()));
        s = doc->settings();
        s.point[0] = 3.0; // V(1,1)
        QCOMPARE(doc->change(s, QStringLiteral("move")), QString());
        QCOMPARE(tableValues(panel->valueTable())(0, 0), 2.0);
        panel->raise();
        QTRY_COMPARE(tableValues(panel->valueTable())(0, 0), 3.0);
        QVERIFY2(panel->agrees(), qPrintable(panel->report()));
        fixture.cleanup();
    }
};

QTEST_MAIN(TestMatrixPanel)
#include "test_matrixpanel.moc"
