// Pure functions of the views (tick placement, which grid rows become wire lines): no
// display, no render window.
#include "contourscene.h"
#include "surfacegeometry.h"
#include "ticks.h"

#include <QTest>
#include <cmath>
#include <limits>

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

    // A label every `stride` decades: the least multiple of the least stride whose labels,
    // stride * axis / (high - low) apart, are at least 1.25 labels apart (a quarter label's
    // gap); at most high - low. By hand: 25 decades on 60 px are 2.4 px each; labels of
    // 14 px need 17.5 px: 5 decades give 12 px, 10 give 24 px.
    void decadeStrides_data() {
        QTest::addColumn<int>("low");
        QTest::addColumn<int>("high");
        QTest::addColumn<double>("axis");
        QTest::addColumn<double>("label");
        QTest::addColumn<int>("least");
        QTest::addColumn<int>("expected");
        QTest::newRow("room for every decade") << 0 << 4 << 200.0 << 14.0 << 1 << 1;
        QTest::newRow("every other decade") << 0 << 4 << 40.0 << 14.0 << 1 << 2; // 10, 20 px
        QTest::newRow("exactly 1.25 labels apart") << 0 << 4 << 70.0 << 14.0 << 1 << 1;
        QTest::newRow("multiples of the least") << -20 << 5 << 60.0 << 14.0 << 5 << 10;
        QTest::newRow("the ends at least") << 0 << 3 << 10.0 << 14.0 << 1 << 3;
        QTest::newRow("least beyond the span") << 0 << 2 << 100.0 << 14.0 << 5 << 2;
    }
    void decadeStrides() {
        QFETCH(int, low);
        QFETCH(int, high);
        QFETCH(double, axis);
        QFETCH(double, label);
        QFETCH(int, least);
        QFETCH(int, expected);
        QCOMPARE(gs::decadeStride(low, high, axis, label, least), expected);
    }

    // The quadratic model's levels: through f(x0), nice steps, strictly inside its range.
    // By hand: range [0, 14.125] (the quadratic form x^2 + 3xy + 0.5y^2 on [0,2]x[-0.5,1.5]
    // has its corner values 0.125, -1.875 ... 14.125; only the extremes matter here), at most
    // 8 ticks: step 2 (0, 2, ..., 14); from 2.625 down to 0.625 and up to 12.625.
    void modelLevels_data() {
        QTest::addColumn<double>("lo");
        QTest::addColumn<double>("hi");
        QTest::addColumn<double>("value");
        QTest::addColumn<std::vector<double>>("expected");
        QTest::newRow("form") << 0.0 << 14.125 << 2.625
                              << std::vector<double>{0.625, 2.625,  4.625, 6.625,
                                                     8.625, 10.625, 12.625};
        // [-1, 1]: step 0.5 (0.2 would be 11 ticks); 0.3 - 0.5 k inside.
        QTest::newRow("around zero")
            << -1.0 << 1.0 << 0.3 << std::vector<double>{-0.7, -0.2, 0.3, 0.8};
        // Rosenbrock's model at (-1.2, 1) spans about [4, 1200]: step 200, six levels.
        QTest::newRow("valley") << 3.0 << 1200.0 << 24.2
                                << std::vector<double>{24.2, 224.2, 424.2, 624.2, 824.2, 1024.2};
        QTest::newRow("flat") << 1.0 << 1.0 << 1.0 << std::vector<double>{};
        QTest::newRow("undefined value") << 0.0 << 1.0 << std::nan("") << std::vector<double>{};
    }
    void modelLevels() {
        QFETCH(double, lo);
        QFETCH(double, hi);
        QFETCH(double, value);
        QFETCH(std::vector<double>, expected);
        // value + j step by repeated addition, j <= 8: a few roundings of the largest level.
        constexpr double kLevelTolerance = 64 * std::numeric_limits<double>::epsilon();
        // A grid holding the two extremes, a hole and values between.
        Eigen::ArrayXXd model(3, 2);
        model << lo, 0.5 * (lo + hi), std::nan(""), hi, lo, hi;
        const std::vector<double> levels = gs::modelLevels(value, model, 6);
        QCOMPARE(levels.size(), expected.size());
        for (std::size_t k = 0; k < levels.size(); ++k)
            QVERIFY2(std::abs(levels[k] - expected[k]) <=
                         kLevelTolerance * std::max(1.0, std::abs(expected[k])),
                     qPrintable(QString::number(levels[k], 'g', 17)));
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
