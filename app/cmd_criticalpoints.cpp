#include "commands.h"

#include "commandargs.h"
#include "criticalpoints.h"
#include "jsonutil.h"
#include "options.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace gs {

namespace {

QString classification(Classification c) {
    return QString::fromUtf8(toString(c).data(), qsizetype(toString(c).size()));
}

QJsonValue extremum(const DomainExtremum& e) {
    if (!e.found)
        return QJsonValue(); // f undefined at every sample
    QJsonObject o{
        {QStringLiteral("point"), json::vector(e.point)},
        {QStringLiteral("value"), json::number(e.value)},
        {QStringLiteral("on_boundary"), e.onBoundary},
        // The extreme of what was searched, not of f everywhere.
        {QStringLiteral("on_searched_domain"), true},
    };
    // f passes every other value toward where it is undefined (1/x at 0): no extreme; `point`
    // and `value` are the last point approached and f there.
    if (!e.attained)
        o[QStringLiteral("attained")] = false;
    // Other points with the same value to rounding (or too many to list: a curve of them).
    if (!e.ties.empty()) {
        QJsonArray ties;
        for (const Eigen::VectorXd& p : e.ties)
            ties.append(json::vector(p));
        o[QStringLiteral("also_at")] = ties;
    }
    if (e.manyTies)
        o[QStringLiteral("also_at_many")] = true;
    return o;
}

QJsonObject point(const CriticalPoint& c) {
    QJsonObject o{
        {QStringLiteral("point"), json::vector(c.point)},
        {QStringLiteral("value"), json::number(c.value)},
        {QStringLiteral("classification"), classification(c.classification)},
        {QStringLiteral("detail"), QString::fromStdString(c.detail)},
        {QStringLiteral("hessian_eigenvalues"), json::vector(c.eigenvalues)},
        {QStringLiteral("hessian_eigenvalue_errors"), json::vector(c.eigenvalueErrors)},
        {QStringLiteral("on_boundary"), c.onBoundary},
    };
    if (c.curvatureLost)
        o[QStringLiteral("curvature_lost_to_rounding")] = true;
    if (c.signChanges >= 0)
        o[QStringLiteral("sign_changes")] = c.signChanges;
    return o;
}

QJsonObject curve(const CriticalCurve& c) {
    QJsonArray points;
    for (const Eigen::VectorXd& p : c.points)
        points.append(json::vector(p));
    return QJsonObject{
        {QStringLiteral("classification"), classification(c.classification)},
        {QStringLiteral("value"), json::number(c.value)},
        {QStringLiteral("value_range"),
         QJsonArray{json::number(c.valueMin), json::number(c.valueMax)}},
        {QStringLiteral("closed"), c.closed},
        {QStringLiteral("on_boundary"), c.touchesBoundary},
        {QStringLiteral("points"), points},
    };
}

} // namespace

int criticalPointsCommand(const QCommandLineParser& p) {
    const QString text = requiredValue(p, QStringLiteral("function"));
    const Expression f = functionOption(p);
    const int n = static_cast<int>(f.inputCount());
    if (n == 0)
        throw UsageError(
            QStringLiteral("--critical-points: '%1' has no inputs, so there is nothing to search")
                .arg(text));

    // One input: an interval; more: the first two inputs over a rectangle.
    const int bounds = n == 1 ? 2 : 4;
    Eigen::VectorXd d(bounds);
    if (p.isSet(QStringLiteral("domain"))) {
        d = parseNumberList(QStringLiteral("--domain"), p.value(QStringLiteral("domain")), bounds);
        if (!(d[0] < d[1]) || (bounds == 4 && !(d[2] < d[3])))
            throw UsageError(QStringLiteral("--domain: need %1, got '%2'")
                                 .arg(bounds == 2 ? QStringLiteral("xmin < xmax")
                                                  : QStringLiteral("xmin < xmax and ymin < ymax"),
                                      p.value(QStringLiteral("domain"))));
    } else {
        d.setZero();
        for (int k = 0; k < bounds; k += 2) {
            d[k] = -2;
            d[k + 1] = 2;
        }
    }
    int resolution = int(options::resolution.defaultValue); // the window's default
    if (p.isSet(QStringLiteral("resolution")))
        resolution = int(parseOption(options::resolution, p.value(QStringLiteral("resolution"))));
    // With more than two inputs, --point holds the others (default 0).
    Eigen::VectorXd base = Eigen::VectorXd::Zero(n);
    if (p.isSet(QStringLiteral("point")))
        base = parseNumberList(QStringLiteral("--point"), p.value(QStringLiteral("point")), n,
                               inputNames(f));

    CriticalPointSearch r;
    if (n == 1) {
        IntervalSpec interval;
        interval.xmin = d[0];
        interval.xmax = d[1];
        interval.n = resolution;
        r = findCriticalPoints(f, interval, base);
    } else {
        GridSpec grid;
        grid.xmin = d[0];
        grid.xmax = d[1];
        grid.ymin = d[2];
        grid.ymax = d[3];
        grid.nx = grid.ny = resolution;
        r = findCriticalPoints(f, grid, base);
    }

    QStringList names, searched;
    for (const auto& name : f.inputs())
        names << QString::fromStdString(name);
    searched = names.mid(0, std::min(n, 2));
    QJsonArray points, curves;
    for (const CriticalPoint& c : r.points)
        points.append(point(c));
    for (const CriticalCurve& c : r.curves)
        curves.append(curve(c));
    QJsonObject o{
        {QStringLiteral("function"), text},
        {QStringLiteral("variables"), QJsonArray::fromStringList(names)},
        {QStringLiteral("searched"), QJsonArray::fromStringList(searched)},
        {QStringLiteral("domain"), json::vector(d)},
        {QStringLiteral("resolution"), resolution},
        {QStringLiteral("critical_points"), points},
        {QStringLiteral("curves"), curves},
        {QStringLiteral("global_minimum"), extremum(r.globalMinimum)},
        {QStringLiteral("global_maximum"), extremum(r.globalMaximum)},
    };
    // Where f was found growing without bound (a pole), as far as rounding let it be followed.
    if (!r.singularities.empty()) {
        QJsonArray poles;
        for (const Eigen::VectorXd& p : r.singularities)
            poles.append(json::vector(p));
        o[QStringLiteral("unbounded_near")] = poles;
    }
    if (!r.note.empty())
        o[QStringLiteral("note")] = QString::fromStdString(r.note);
    printJson(o);
    return 0;
}

} // namespace gs
