#pragma once
// Image comparison for render tests: a tolerance for anti-aliasing noise, and the
// actual image kept beside the build when it fails.

#include <QDir>
#include <QImage>
#include <QString>
#include <cstdlib>

namespace gs::test {

struct ImageDifference {
    double meanAbsolute = 0; ///< mean |difference| per channel, 0..255
    double fractionOff = 0;  ///< pixels with a channel (alpha included) off by more than 48
    QString problem;         ///< size or load problems
};

inline ImageDifference compareImages(const QImage& actual, const QImage& expected) {
    ImageDifference d;
    if (actual.isNull() || expected.isNull()) {
        d.problem = QStringLiteral("an image could not be loaded");
        return d;
    }
    if (actual.size() != expected.size()) {
        d.problem = QStringLiteral("size %1x%2, expected %3x%4")
                        .arg(actual.width())
                        .arg(actual.height())
                        .arg(expected.width())
                        .arg(expected.height());
        return d;
    }
    // Alpha counts too: a transparent background must stay transparent.
    const QImage a = actual.convertToFormat(QImage::Format_ARGB32);
    const QImage e = expected.convertToFormat(QImage::Format_ARGB32);
    double sum = 0;
    long off = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto* ra = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        const auto* re = reinterpret_cast<const QRgb*>(e.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            const int dr = std::abs(qRed(ra[x]) - qRed(re[x]));
            const int dg = std::abs(qGreen(ra[x]) - qGreen(re[x]));
            const int db = std::abs(qBlue(ra[x]) - qBlue(re[x]));
            const int da = std::abs(qAlpha(ra[x]) - qAlpha(re[x]));
            sum += dr + dg + db;
            off += std::max({dr, dg, db, da}) > 48;
        }
    }
    const double pixels = double(a.width()) * a.height();
    d.meanAbsolute = sum / (3 * pixels);
    d.fractionOff = off / pixels;
    return d;
}

/// Where failing tests leave their actual images.
inline QString failureOutput(const QString& name) {
    QDir().mkpath(QStringLiteral(GRADSCAPE_TEST_OUTPUT));
    return QStringLiteral(GRADSCAPE_TEST_OUTPUT "/") + name;
}

} // namespace gs::test
