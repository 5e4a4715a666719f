#include "diagnostics.h"

#include "document.h"

#include <QStringList>

namespace gs {

QString describeParseError(const QString& text, const ParseError& e) {
    if (!e.inText) // the variables' or parameters' list: no column of the text to name
        return QString::fromStdString(e.message);
    const QString where = text.contains(QLatin1Char('\n'))
                              ? QStringLiteral("line %1, column %2").arg(e.line).arg(e.column)
                              : QStringLiteral("column %1").arg(e.column);
    return where + QStringLiteral(": ") + QString::fromStdString(e.message);
}

QString surfaceGapsNote(const Eigen::ArrayXXd& values, const QString& box, bool curve) {
    const long all = long(values.size());
    const long undefined = long(values.isNaN().count());
    const long overflow = long(values.isInf().count());
    if (all == 0 || undefined + overflow == 0)
        return {};
    if (undefined + overflow == all) {
        // "infinite", not "overflows": 1/0 is infinite without overflowing (tester s20).
        const QString what = undefined == 0  ? QStringLiteral("is infinite (±inf)")
                             : overflow == 0 ? QStringLiteral("is undefined")
                                             : QStringLiteral("is undefined or infinite");
        // "or change f": for 1/0 or sqrt(-1-x^2) no domain helps (tester s23).
        return QStringLiteral("f %1 everywhere on the domain %2: there is nothing to plot. "
                              "Choose a domain where f is %3, or change f.")
            .arg(what, box,
                 undefined == 0 ? QStringLiteral("finite") : QStringLiteral("defined and finite"));
    }
    // Under one percent reads "under 1%", never "0%" (tester s24: 1/(x^2 + y^2), one sample
    // of 10201 infinite, said "on 0% of the domain").
    const auto percent = [&](long count) {
        const double p = 100.0 * double(count) / double(all);
        return p < 0.5 ? QStringLiteral("under 1") : QString::number(p, 'f', 0);
    };
    QStringList parts;
    if (overflow > 0)
        parts << QStringLiteral("is infinite (±inf) on %1%").arg(percent(overflow));
    if (undefined > 0)
        parts << QStringLiteral("is undefined on %1%").arg(percent(undefined));
    // "the surface" of a curve read as a mistake (tester s24, 1/x).
    return QStringLiteral("f %1 of the domain: the %2 has gaps there.")
        .arg(parts.join(QStringLiteral(" and ")),
             curve ? QStringLiteral("curve") : QStringLiteral("surface"));
}

QString domainText(const Document& doc) {
    const Settings& s = doc.settings();
    const QStringList names = doc.inputNames();
    const auto n = [](double v) { return QString::number(v, 'g', 6); };
    // No-break spaces within "x ∈ [-2, 2]": a wrapped message breaks between the inputs.
    return names.size() < 2
               ? QStringLiteral("%1\u00A0∈\u00A0[%2,\u00A0%3]")
                     .arg(names.value(s.plotX), n(s.xmin), n(s.xmax))
               : QStringLiteral("%1\u00A0∈\u00A0[%2,\u00A0%3], %4\u00A0∈\u00A0[%5,\u00A0%6]")
                     .arg(names.value(s.plotX), n(s.xmin), n(s.xmax), names.value(s.plotY),
                          n(s.ymin), n(s.ymax));
}

QString nothingToPlotNote(const Document& doc) {
    const Eigen::ArrayXXd& z = doc.surface().z;
    if (z.size() == 0 || z.isFinite().any())
        return {};
    return surfaceGapsNote(z, domainText(doc));
}

} // namespace gs
