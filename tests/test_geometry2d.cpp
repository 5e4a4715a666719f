// The views' plane geometry (geometry2d.h): a segment against an axis-aligned rectangle, the
// one Liang-Barsky clip the contour view's overlays, its legend and the charts' legends use.
// Reference values worked by hand from the segment's equation a + t (b - a).

#include "geometry2d.h"

#include <QTest>
#include <cmath>
#include <limits>

class TestGeometry2d : public QObject {
    Q_OBJECT
private slots:
    // Rectangle [0, 4] x [0, 2] throughout.
    void clipSegmentToRect_data() {
        QTest::addColumn<double>("ax");
        QTest::addColumn<double>("ay");
        QTest::addColumn<double>("bx");
        QTest::addColumn<double>("by");
        QTest::addColumn<bool>("meets");
        QTest::addColumn<double>("t0");
        QTest::addColumn<double>("t1");
        // Inside: the whole segment.
        QTest::newRow("inside") << 1.0 << 1.0 << 3.0 << 1.5 << true << 0.0 << 1.0;
        // (-2, 1) -> (6, 1): x = -2 + 8 t enters at x = 0 (t = 1/4), leaves at x = 4 (3/4).
        QTest::newRow("across") << -2.0 << 1.0 << 6.0 << 1.0 << true << 0.25 << 0.75;
        // (-1, -1) -> (3, 3): x = y = -1 + 4 t; x >= 0 from t = 1/4, y <= 2 until t = 3/4.
        QTest::newRow("diagonal") << -1.0 << -1.0 << 3.0 << 3.0 << true << 0.25 << 0.75;
        // (2, 1) -> (2, 5): y = 1 + 4 t leaves at y = 2, t = 1/4.
        QTest::newRow("from inside out") << 2.0 << 1.0 << 2.0 << 5.0 << true << 0.0 << 0.25;
        // Parallel to the top side, above it: never inside.
        QTest::newRow("parallel outside") << -1.0 << 3.0 << 5.0 << 3.0 << false << 0.0 << 0.0;
        // (5, 1) -> (7, 3): right of x = 4 throughout.
        QTest::newRow("beside") << 5.0 << 1.0 << 7.0 << 3.0 << false << 0.0 << 0.0;
        // (3, 3) -> (5, 1) passes (4, 2) only: x = 3 + 2 t, y = 3 - 2 t; x <= 4 until t = 1/2,
        // y <= 2 from t = 1/2: it touches the corner.
        QTest::newRow("touches the corner") << 3.0 << 3.0 << 5.0 << 1.0 << true << 0.5 << 0.5;
        // (3.5, 3) -> (5, 1.5): x = 3.5 + 1.5 t <= 4 until t = 1/3, y = 3 - 1.5 t <= 2 from
        // t = 2/3: misses the corner.
        QTest::newRow("misses the corner") << 3.5 << 3.0 << 5.0 << 1.5 << false << 0.0 << 0.0;
        // A point (a = b) inside, and outside.
        QTest::newRow("point inside") << 1.0 << 1.0 << 1.0 << 1.0 << true << 0.0 << 1.0;
        QTest::newRow("point outside") << -1.0 << 1.0 << -1.0 << 1.0 << false << 0.0 << 0.0;
    }
    void clipSegmentToRect() {
        QFETCH(double, ax);
        QFETCH(double, ay);
        QFETCH(double, bx);
        QFETCH(double, by);
        QFETCH(bool, meets);
        QFETCH(double, t0);
        QFETCH(double, t1);
        const auto t = gs::clipSegmentToRect(ax, ay, bx, by, 0, 4, 0, 2);
        QCOMPARE(t.has_value(), meets);
        QCOMPARE(gs::segmentMeetsRect(ax, ay, bx, by, 0, 4, 0, 2), meets);
        if (!t)
            return;
        // t = q / p with exact binary fractions here but for 1/3-like steps: a few ulps.
        const double tolerance = 4 * std::numeric_limits<double>::epsilon();
        QVERIFY2(std::abs(t->first - t0) <= tolerance, qPrintable(QString::number(t->first)));
        QVERIFY2(std::abs(t->second - t1) <= tolerance, qPrintable(QString::number(t->second)));
        // The ends of the clipped part lie on the rectangle or inside it.
        for (const double s : {t->first, t->second}) {
            const double x = ax + s * (bx - ax), y = ay + s * (by - ay);
            QVERIFY(x >= -tolerance && x <= 4 + 4 * tolerance);
            QVERIFY(y >= -tolerance && y <= 2 + 4 * tolerance);
        }
    }
};

QTEST_APPLESS_MAIN(TestGeometry2d)
#include "test_geometry2d.moc"
