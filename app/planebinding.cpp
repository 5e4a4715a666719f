#include "planebinding.h"

#include "diagnostics.h"
#include "scenebinding.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gs {

namespace {

/// A value in the window's critical-point list (text, not a picture: four digits, a true minus).
QString number(double v) {
    return QString::number(v, 'g', 4).replace(QLatin1Char('-'), QChar(0x2212));
}

/// A value printed in the picture (a marker's label, a caption): as the level labels print.
QString compact(double v) {
    return QString::fromStdString(compactNumber(v));
}

QString pointText(const Document& doc, const Eigen::VectorXd& p) {
    QStringList items;
    const int n = int(doc.expression().inputCount());
    // Kept on one line when the list wraps (no-break spaces, as criticalPointText's values).
    if (n > 2) { // the plotted pair, named (the others are held: the title gives them)
        const GridSpec g = doc.grid();
        const QStringList names = doc.inputNames();
        for (const int i : {g.axisX, g.axisY})
            if (i < p.size())
                items << names.value(i) + QStringLiteral("\u00A0=\u00A0") + number(p[i]);
        return items.join(QStringLiteral(",\u00A0"));
    }
    for (int i = 0; i < n && i < p.size(); ++i)
        items << number(p[i]);
    return QStringLiteral("(%1)").arg(items.join(QStringLiteral(",\u00A0")));
}

/// Where a point of f's inputs lies in the plot: its two plotted inputs' coordinates (the
/// others are held), and f's value. (It took inputs 1 and 2 whatever was plotted: with z
/// plotted against x, the minimum of (x-1)^2+(y-0.5)^2+(z+1)^2 was marked at z = 0, where y
/// is held: tester s13.)
Eigen::Vector3d plotPoint(const Document& doc, const Eigen::VectorXd& p, double value) {
    const GridSpec g = doc.grid();
    auto coordinate = [&](int input) { return input < p.size() ? p[input] : 0.0; };
    if (doc.expression().inputCount() == 1)
        return {coordinate(0), value, 0.0};
    return {coordinate(g.axisX), coordinate(g.axisY), value};
}

} // namespace

std::optional<ViewKind> parseViewKind(const QString& text) {
    static const struct {
        const char* name;
        ViewKind kind;
    } kinds[] = {
        {"surface", ViewKind::Surface}, {"contour", ViewKind::Contour}, {"curve", ViewKind::Curve}};
    for (const auto& k : kinds)
        if (text.trimmed().compare(QLatin1String(k.name), Qt::CaseInsensitive) == 0)
            return k.kind;
    return std::nullopt;
}

QString viewKindNames() {
    return QStringLiteral("surface|contour|curve");
}

ViewKind defaultView(const Document& doc) {
    return doc.expression().inputCount() == 1 ? ViewKind::Curve : ViewKind::Surface;
}

namespace {
/// Values closer than this read the same at the scale of f's range on the plot.
double valueUnit(const Document& doc) {
    const SurfaceSample& s = doc.surface();
    return 1e-9 * std::max({std::abs(s.zmin), std::abs(s.zmax), 1e-300});
}

/// A critical value within rounding of zero at the scale of f's range reads as 0, not 7.9e-31
/// (Himmelblau's minima: 0 and 7.9e-31, the same value), on the plot and in the list alike.
double zeroAtScale(const Document& doc, double v) {
    return std::abs(v) < valueUnit(doc) ? 0.0 : v;
}

} // namespace

/// A found point's plotted coordinates within sqrt(eps) of an axis's extent of zero read as 0:
/// an extremum is located only to about that (f moves by f'' d^2 / 2, below rounding, for d
/// under sqrt(eps |f| / |f''|)). sin(x)/x's maximum was listed "at 4.8e-09" (tester s26), the
/// point approaching 1/x's pole "at 2.5e-62".
Eigen::VectorXd coordinatesAtScale(const Document& doc, Eigen::VectorXd p) {
    const GridSpec g = doc.grid();
    const double unit = std::sqrt(std::numeric_limits<double>::epsilon());
    const bool curve = doc.expression().inputCount() == 1;
    const double extents[2] = {g.xmax - g.xmin, g.ymax - g.ymin};
    const int axes[2] = {curve ? 0 : g.axisX, curve ? -1 : g.axisY};
    for (int k = 0; k < 2; ++k)
        if (axes[k] >= 0 && axes[k] < p.size() && std::abs(p[axes[k]]) < unit * extents[k])
            p[axes[k]] = 0;
    return p;
}

std::vector<PlotMarker> criticalMarkers(const Document& doc, bool labels) {
    const CriticalPointSearch& c = doc.criticalPoints();
    const SurfaceSample& s = doc.surface();
    auto value = [&doc](double v) { return compact(zeroAtScale(doc, v)); };
    // The domain's extremes: a ring; their label joins that of a critical point there.
    const GridSpec g = doc.grid();
    const double near = 1e-6 * std::hypot(g.xmax - g.xmin, g.ymax - g.ymin);
    // An extreme's points: where it was found and its ties (a ring and a label at each).
    // None where f passes every value toward where it is undefined (1/x at 0, tester s24:
    // "global max 25" on 1/x): the list says so in words.
    auto pointsOf = [](const DomainExtremum& e) {
        std::vector<Eigen::VectorXd> all;
        if (e.found && e.attained) {
            all.push_back(e.point);
            all.insert(all.end(), e.ties.begin(), e.ties.end());
        }
        return all;
    };
    auto near2 = [&](const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
        return a.size() == b.size() && (a - b).norm() <= near;
    };
    auto at = [&](const DomainExtremum& e, const Eigen::VectorXd& p) {
        const std::vector<Eigen::VectorXd> all = pointsOf(e);
        return std::any_of(all.begin(), all.end(),
                           [&](const Eigen::VectorXd& q) { return near2(q, p); });
    };
    std::vector<PlotMarker> markers;
    std::vector<Eigen::VectorXd> labelledAt; // critical points labelled "global min/max"
    // Of a slice (more inputs than the two plotted, the others held), the extremes are the
    // slice's: "slice min 15" where f's least value is 0 (tester s20, the factorization).
    const QString scope =
        doc.expression().inputCount() > 2 ? QStringLiteral("slice") : QStringLiteral("global");
    for (const CriticalPoint& p : c.points) {
        PlotMarker m;
        m.at = plotPoint(doc, p.point, p.value);
        m.kind = p.classification;
        if (labels) {
            QString text = QStringLiteral("%1 %2").arg(
                QString::fromLatin1(markerSymbolName(p.classification)), value(p.value));
            if (at(c.globalMinimum, p.point)) {
                text = QStringLiteral("%1 min %2").arg(scope, value(p.value));
                labelledAt.push_back(p.point);
            } else if (at(c.globalMaximum, p.point)) {
                text = QStringLiteral("%1 max %2").arg(scope, value(p.value));
                labelledAt.push_back(p.point);
            }
            m.label = text.toStdString();
        }
        markers.push_back(m);
    }
    // A curve of critical points: a marker at each of a few of its points, one label at its
    // middle. Where the domain's extreme is all along it (more ties than listed, the same
    // value), the label says so and no ring picks one of its points (tester s24: a line of
    // minima with "slice min 16" at one end read as the only minimum).
    const double unit = valueUnit(doc);
    auto alongCurve = [&](const DomainExtremum& e, const CriticalCurve& curve) {
        return e.found && e.attained && e.manyTies && std::abs(e.value - curve.value) <= unit;
    };
    std::vector<const DomainExtremum*> alongACurve;
    for (const CriticalCurve& curve : c.curves) {
        const std::size_t step = std::max<std::size_t>(1, curve.points.size() / 24);
        const std::size_t first = markers.size();
        for (std::size_t k = 0; k < curve.points.size(); k += step) {
            PlotMarker m;
            m.at = plotPoint(doc, curve.points[k], curve.value);
            m.kind = curve.classification;
            markers.push_back(m);
        }
        const DomainExtremum* extreme = nullptr;
        for (const auto* e : {&c.globalMinimum, &c.globalMaximum})
            if (alongCurve(*e, curve))
                extreme = e;
        if (extreme)
            alongACurve.push_back(extreme);
        if (!labels || markers.size() == first)
            continue;
        QString text;
        if (extreme) {
            text = QStringLiteral("%1 %2 %3 all along")
                       .arg(scope,
                            extreme == &c.globalMinimum ? QStringLiteral("min")
                                                        : QStringLiteral("max"),
                            value(curve.value));
        } else {
            const Classification k = curve.classification;
            text = QStringLiteral("curve of %1 %2")
                       .arg(k == Classification::Minimum   ? QStringLiteral("minima")
                            : k == Classification::Maximum ? QStringLiteral("maxima")
                            : k == Classification::Saddle  ? QStringLiteral("saddles")
                                                           : QStringLiteral("degenerate points"),
                            value(curve.value));
        }
        markers[first + (markers.size() - first) / 2].label = text.toStdString();
    }
    for (const auto* e : {&c.globalMinimum, &c.globalMaximum}) {
        if (std::find(alongACurve.begin(), alongACurve.end(), e) != alongACurve.end())
            continue; // said by the curve's label
        for (const Eigen::VectorXd& q : pointsOf(*e)) {
            PlotMarker m;
            m.at = plotPoint(doc, q, e->value);
            m.extreme = e == &c.globalMinimum ? -1 : 1;
            const bool labelled =
                std::any_of(labelledAt.begin(), labelledAt.end(),
                            [&](const Eigen::VectorXd& p) { return near2(p, q); });
            if (labels && !labelled)
                m.label =
                    QStringLiteral("%1 %2 %3")
                        .arg(scope, m.extreme < 0 ? QStringLiteral("min") : QStringLiteral("max"),
                             value(e->value))
                        .toStdString();
            markers.push_back(m);
        }
    }
    // Labels near an edge of the plot turn inwards: off the frame and its tick labels.
    const bool curve = doc.expression().inputCount() == 1;
    const double x0 = g.xmin, x1 = g.xmax;
    const double y0 = curve ? s.zmin : g.ymin, y1 = curve ? s.zmax : g.ymax;
    for (PlotMarker& m : markers) {
        const double fx = (m.at.x() - x0) / (x1 - x0), fy = (m.at.y() - y0) / (y1 - y0);
        m.labelX = fx > 0.8 ? -1 : fx < 0.2 ? 1 : 0;
        m.labelY = fy > 0.8 ? -1 : fy < 0.2 ? 1 : 0;
    }
    return markers;
}

QString criticalPointText(const Document& doc, const CriticalPoint& p) {
    QStringList eig;
    for (Eigen::Index k = 0; k < p.eigenvalues.size(); ++k) {
        const double error = k < p.eigenvalueErrors.size() ? p.eigenvalueErrors[k] : 0.0;
        // Lost to rounding: the computed value and its bound, not a bare "0" (sin(x)/x's
        // f'' = -1/3 came out 0 near 0, tester s26).
        eig << (p.curvatureLost && std::abs(p.eigenvalues[k]) <= error
                    ? QStringLiteral("%1 ± %2 (rounding)")
                          .arg(number(p.eigenvalues[k]), number(error))
                    : number(p.eigenvalues[k]));
    }
    const QString kind = QString::fromStdString(kindOf(p));
    // A value stays with its name, and the eigenvalues together, when the list wraps: no-break
    // spaces (U+00A0) in "f = v" and "λ = a, b" (a lone "1.716" or "16" on a line, issue #9).
    QString text = QStringLiteral("%1 at %2: f\u00A0=\u00A0%3, λ\u00A0=\u00A0%4")
                       .arg(kind, pointText(doc, coordinatesAtScale(doc, p.point)),
                            number(zeroAtScale(doc, p.value)), eig.join(QStringLiteral(",\u00A0")));
    if (p.onBoundary)
        text += QStringLiteral(" (on the boundary)");
    return text;
}

QString extremumText(const Document& doc, const DomainExtremum& e, bool lowest) {
    const QString domain = doc.expression().inputCount() > 2
                               ? QObject::tr("on the slice searched (the other inputs held)")
                               : QObject::tr("on the domain searched");
    if (e.attained)
        return (lowest ? QObject::tr("lowest f %1:\u00A0%2") : QObject::tr("highest f %1:\u00A0%2"))
            .arg(domain, QString::number(e.value, 'g', 6));
    // The point approached lies within rounding of where f stops being defined: its
    // coordinates read at the domain's scale (0, not 2.5e-62).
    const Eigen::VectorXd at = coordinatesAtScale(doc, e.point);
    return (lowest ? QObject::tr("no lowest f %1: f falls past %2 approaching %3")
                   : QObject::tr("no highest f %1: f rises past %2 approaching %3"))
        .arg(domain, number(e.value), pointText(doc, at));
}

void showCriticalPoints(SurfaceScene& scene, const Document& doc) {
    scene.setCriticalPoints(criticalMarkers(doc, false));
}

void showCurve(CurveScene& scene, const Document& doc, double pixelScale) {
    scene.setPixelScale(pixelScale);
    scene.setTitle(sceneTitle(doc).toStdString());
    const QStringList names = doc.inputNames();
    std::vector<double> breaks; // where f grows without bound between two samples
    for (const Eigen::VectorXd& p : doc.criticalPoints().singularities)
        if (p.size() > 0)
            breaks.push_back(p[0]);
    scene.setCurve(doc.surface(), names.isEmpty() ? "x" : names.first().toStdString(), breaks);
    scene.setCriticalPoints(criticalMarkers(doc, true));
    showCurveRuns(scene, doc);
    showCurveExpansion(scene, doc);
}

void showCurveRuns(CurveScene& scene, const Document& doc) {
    std::vector<RunPath> paths;
    for (std::size_t i = 0; i < doc.trajectories().size(); ++i) {
        RunPath p;
        for (const Step& st : doc.trajectories()[i].steps)
            p.points.emplace_back(st.x.size() > 0 ? st.x[0] : NAN, st.value, 0.0);
        p.color = runColour(doc, int(i));
        p.label = runLabel(doc, int(i)).toStdString();
        paths.push_back(std::move(p));
    }
    scene.setRuns(paths);
}

void showCurveExpansion(CurveScene& scene, const Document& doc) {
    const Settings& s = doc.settings();
    scene.setExpansion(doc.expansion(), s.showTangent, s.showQuadratic);
    const Expansion& e = doc.expansion();
    if (const QString nothing = nothingToPlotNote(doc); !nothing.isEmpty())
        scene.setNote(nothing.toStdString()); // where the curve would be, not only in the panel
    else if (e.at.gradient.size() > 0 && e.at.hessian.size() > 0) {
        // In the readout's words where a value is not a number (tester s24: "f = -nan, f' =
        // nan" at x = -1 on log x); where f is not finite its derivatives mean nothing.
        const auto word = [](double v) {
            return std::isnan(v)   ? QStringLiteral("undefined")
                   : std::isinf(v) ? (v > 0 ? QStringLiteral("+inf") : QStringLiteral("-inf"))
                                   : compact(v);
        };
        // No-break spaces in "name = value": a narrow plot wraps between the pairs, never
        // between a name and its value (tester s17: "f = / 0.841" at font scale 1.5).
        const QStringList names = doc.inputNames(); // its name: f = y is a curve over y
        const QString at =
            QStringLiteral("at %1\u00A0=\u00A0%2:  ")
                .arg(names.isEmpty() ? QStringLiteral("x") : names.first(), compact(e.point[0]));
        scene.setNote((std::isnan(e.at.value) ? at + QStringLiteral("f is undefined")
                       : !std::isfinite(e.at.value)
                           ? at + QStringLiteral("f\u00A0=\u00A0%1").arg(word(e.at.value))
                           : at + QStringLiteral("f\u00A0=\u00A0%1,  f'\u00A0=\u00A0%2,  "
                                                 "f''\u00A0=\u00A0%3")
                                      .arg(word(e.at.value), word(e.at.gradient[0]),
                                           word(e.at.hessian(0, 0))))
                          .toStdString());
    }
}

std::shared_ptr<const SurfaceSample> contourSample(const Document& doc,
                                                   const std::array<double, 4>& shown) {
    GridSpec g = doc.grid();
    const double padX = 0.5 * (shown[1] - shown[0]), padY = 0.5 * (shown[3] - shown[2]);
    const double x0 = std::max(g.xmin, shown[0] - padX), x1 = std::min(g.xmax, shown[1] + padX);
    const double y0 = std::max(g.ymin, shown[2] - padY), y1 = std::min(g.ymax, shown[3] + padY);
    if (!(x1 > x0 && y1 > y0))
        return nullptr;
    // Cells of one size along both axes (kContourSamples along the longer side), never
    // coarser than the surface's along either.
    const double cell = std::max(x1 - x0, y1 - y0) / (kContourSamples - 1);
    auto count = [cell](double part, double whole, int wholeCount) {
        const double surfaceCell = whole / std::max(1, wholeCount - 1);
        const double n = std::ceil(part / std::min(cell, surfaceCell)) + 1;
        return int(std::clamp(n, 2.0, double(std::max(kContourSamples, wholeCount))));
    };
    const int nx = count(x1 - x0, g.xmax - g.xmin, g.nx);
    const int ny = count(y1 - y0, g.ymax - g.ymin, g.ny);
    const bool whole = x0 == g.xmin && x1 == g.xmax && y0 == g.ymin && y1 == g.ymax;
    if (whole && nx <= g.nx && ny <= g.ny)
        return nullptr; // the surface is as fine
    g.nx = nx;
    g.ny = ny;
    g.xmin = x0;
    g.xmax = x1;
    g.ymin = y0;
    g.ymax = y1;
    return std::make_shared<const SurfaceSample>(doc.sample(g));
}

std::optional<ModelSample> contourModelSample(const Document& doc, const GridSpec& levelGrid) {
    const Expansion& e = doc.expansion();
    GridSpec m = e.modelGrid;
    m.xmin = std::max(m.xmin, levelGrid.xmin);
    m.xmax = std::min(m.xmax, levelGrid.xmax);
    m.ymin = std::max(m.ymin, levelGrid.ymin);
    m.ymax = std::min(m.ymax, levelGrid.ymax);
    if (!(m.xmax > m.xmin && m.ymax > m.ymin) || e.quadratic.size() == 0)
        return std::nullopt;
    const double cell = std::max(levelGrid.xmax - levelGrid.xmin, levelGrid.ymax - levelGrid.ymin) /
                        (kModelContourSamples - 1);
    m.nx =
        int(std::clamp(std::ceil((m.xmax - m.xmin) / cell) + 1, 2.0, double(kModelContourSamples)));
    m.ny =
        int(std::clamp(std::ceil((m.ymax - m.ymin) / cell) + 1, 2.0, double(kModelContourSamples)));
    const GridSpec& own = e.modelGrid;
    if (std::tie(m.xmin, m.xmax, m.ymin, m.ymax) ==
            std::tie(own.xmin, own.xmax, own.ymin, own.ymax) &&
        m.nx <= own.nx && m.ny <= own.ny)
        return std::nullopt;
    return ModelSample{m, doc.modelSample(m)};
}

void showContour(ContourScene& scene, const Document& doc, double pixelScale,
                 const std::optional<std::array<double, 4>>& shown) {
    scene.setPixelScale(pixelScale);
    scene.setTitle(sceneTitle(doc).toStdString());
    const QStringList names = doc.inputNames();
    const GridSpec g = doc.grid(); // the plotted inputs name the axes
    scene.setSurface(
        doc.sharedSurface(), names.value(g.axisX, QStringLiteral("x")).toStdString(),
        names.value(g.axisY, QStringLiteral("y")).toStdString(),
        contourSample(doc, shown.value_or(std::array<double, 4>{g.xmin, g.xmax, g.ymin, g.ymax})));
    scene.setCriticalPoints(criticalMarkers(doc, true));
    // The field over the plotted inputs, the others at the point (the surface's slice).
    const std::vector<double>& p = doc.settings().point;
    scene.setGradientField(
        gradientField(doc.expression(), doc.grid(),
                      Eigen::Map<const Eigen::VectorXd>(p.data(), Eigen::Index(p.size()))));
    showContourRuns(scene, doc);
    showContourExpansion(scene, doc);
}

void showContourExpansion(ContourScene& scene, const Document& doc) {
    const Settings& s = doc.settings();
    const SurfaceSample* level = scene.levelSample();
    const std::optional<ModelSample> model =
        s.showQuadratic && level ? contourModelSample(doc, level->grid) : std::nullopt;
    scene.setExpansion(doc.expansion(), s.showTangent, s.showQuadratic, s.showGradient,
                       model ? &*model : nullptr);
    scene.showGradientField(s.showField);
    scene.showBands(s.showBands);
    const QString nothing = nothingToPlotNote(doc);
    scene.setNote((nothing.isEmpty() ? stabilityHint(doc) : nothing).toStdString());
}

void showContourRuns(ContourScene& scene, const Document& doc) {
    const GridSpec g = doc.grid();
    std::vector<RunPath> paths;
    for (std::size_t i = 0; i < doc.trajectories().size(); ++i) {
        RunPath p;
        for (const Step& st : doc.trajectories()[i].steps)
            p.points.emplace_back(st.x[g.axisX], st.x.size() > g.axisY ? st.x[g.axisY] : 0.0,
                                  st.value);
        p.color = runColour(doc, int(i));
        p.label = runLabel(doc, int(i)).toStdString();
        paths.push_back(std::move(p));
    }
    scene.setRuns(paths);
}

QString stabilityHint(const Document& doc) {
    // The decision is the engine's (descentStability: the Hessian's inertia to within
    // rounding). VTK's embedded font has no Greek letters (eta, lambda came out blank).
    using Kind = DescentStability::Kind;
    const DescentStability s = doc.descentStability();
    switch (s.kind) {
    case Kind::Stable:
        return QStringLiteral("gradient descent stable here for learning rate < 2 / (largest "
                              "eigenvalue of H) = %1")
            .arg(compact(s.limit));
    case Kind::NegativeCurvature:
        // Any learning rate: the error along that eigenvector grows by 1 - eta lambda > 1.
        return QStringLiteral("gradient descent unstable here along the negative-curvature "
                              "direction (eigenvalue %1)")
            .arg(compact(s.lambda));
    case Kind::Flat: // no growth along the flat direction, and no contraction either
        return QStringLiteral("gradient descent stable for learning rate < 2 / (largest "
                              "eigenvalue of H) = %1; H is singular")
            .arg(compact(s.limit));
    case Kind::NoCurvature:
        return QStringLiteral("no curvature here: no bound on the learning rate");
    case Kind::Unknown:
        break;
    }
    return QStringLiteral("no stability bound: the Hessian is not known here");
}

} // namespace gs
