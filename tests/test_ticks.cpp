// Pure functions of the views (tick placement, which grid rows become wire lines): no
// display, no render window.
#include "surfacegeometry.h"
#include "ticks.h"

#include <QTest>
#include <cmath>

class TestTicks : public QObject {
    Q_OBJECT
private slots:
    void niceTicks_data() {
        QTest::addColumn<double>("lo");
        QTest::addColumn<double>("hi");
        QTest::addColumn<QList<double>>("expected");
        QTest::newRow("book surface")
            << -0.4289 << 0.4289 << QList<double>{-0.4, -0.2, 0, 0.2, 0.4};
        QTest::newRow("rosenbrock")
            << 0.0 << 2509.0 << QList<double>{0, 500, 1000, 1500, 2000, 2500};
        QTest::newRow("saddle") << -4.0 << 4.0 << QList<double>{-4, -2, 0, 2, 4};
        QTest::newRow("narrow") << 1.0 << 1.05 << QList<double>{1, 1.01, 1.02, 1.03, 1.04, 1.05};
    }
    void niceTicks() {
        QFETCH(double, lo);
        QFETCH(double, hi);
        QFETCH(QList<double>, expected);
        const std::vector<double> ticks = gs::niceTicks(lo, hi, 6);
        QCOMPARE(int(ticks.size()), int(expected.size()));
        for (std::size_t i = 0; i < ticks.size(); ++i)
            QVERIFY2(std::abs(ticks[i] - expected[int(i)]) <=
                         1e-9 * (1 + std::abs(expected[int(i)])),
                     qPrintable(QString::number(ticks[i], 'g', 17)));
    }

    // 10^d written out between 0.001 and 1000, as 1eD beyond: the log axes' labels.
    void decadeLabels() {
        QCOMPARE(QString::fromStdString(gs::decadeLabel(-4)), QStringLiteral("1e-4"));
        QCOMPARE(QString::fromStdString(gs::decadeLabel(-3)), QStringLiteral("0.001"));
        QCOMPARE(QString::fromStdString(gs::decadeLabel(0)), QStringLiteral("1"));
        QCOMPARE(QString::fromStdString(gs::decadeLabel(3)), QStringLiteral("1000"));
        QCOMPARE(QString::fromStdString(gs::decadeLabel(6)), QStringLiteral("1e6"));
    }

    void wireIndices_data() {
        QTest::addColumn<int>("samples");
        QTest::addColumn<int>("lines");
        QTest::addColumn<QList<int>>("expected");
        // The book's figure: 101 samples, every 10th row: 0, 10, ..., 100.
        QTest::newRow("book") << 101 << 11
                              << QList<int>{0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        QTest::newRow("ends only") << 5 << 2 << QList<int>{0, 4};
        QTest::newRow("more lines than samples") << 3 << 21 << QList<int>{0, 1, 2};
        QTest::newRow("one line asked") << 7 << 1 << QList<int>{0, 6}; // at least both edges
    }
    void wireIndices() {
        QFETCH(int, samples);
        QFETCH(int, lines);
        QFETCH(QList<int>, expected);
        const std::vector<int> got = gs::wireIndices(samples, lines);
        QCOMPARE(QList<int>(got.begin(), got.end()), expected);
    }
};

QTEST_GUILESS_MAIN(TestTicks)
#include "test_ticks.moc"
