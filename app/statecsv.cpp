#include "statecsv.h"

#include <QFile>
#include <QSaveFile>
#include <QTextStream>

namespace gs {

namespace {

QString csvNumber(double v) {
    return QString::number(v, 'g', 17); // round-trips; nan and inf spelled out
}

/// The vector a per-input column reads (empty: the method has none, or no step from here).
const Eigen::VectorXd* stateVector(const Step& s, StateColumn::Kind kind) {
    using K = StateColumn::Kind;
    switch (kind) {
    case K::Coordinate:
        return &s.x;
    case K::Gradient:
        return &s.state.gradient;
    case K::Moment:
        return &s.state.moment;
    case K::SecondMoment:
        return &s.state.secondMoment;
    case K::Rate:
        return &s.state.rate;
    case K::Update:
        return &s.state.update;
    default:
        return nullptr;
    }
}

} // namespace

std::vector<StateColumn> stateColumns(const QStringList& names) {
    using K = StateColumn::Kind;
    std::vector<StateColumn> columns;
    auto perInput = [&](K kind, const char* prefix, const QString& what, const char* title) {
        for (qsizetype i = 0; i < names.size(); ++i) {
            const QString name =
                prefix ? QStringLiteral("%1_%2").arg(QLatin1String(prefix), names[i]) : names[i];
            columns.push_back({kind, Eigen::Index(i), name,
                               what.isEmpty()
                                   ? name
                                   : QStringLiteral("%1 along %2 (%3)").arg(what, names[i], name),
                               (name + QString::fromLatin1(title)).toStdString()});
        }
    };
    perInput(K::Coordinate, nullptr, QString(), "");
    columns.push_back({K::Value, 0, QStringLiteral("f"), QStringLiteral("f"), "f"});
    columns.push_back(
        {K::GradientNorm, 0, QStringLiteral("grad_norm"), QStringLiteral("|∇f|"), "|grad f|"});
    perInput(K::Gradient, "grad", QStringLiteral("gradient used"), ": gradient used");
    perInput(K::Moment, "moment", QStringLiteral("moment (v, b or m)"),
             ": velocity, buffer or first moment");
    perInput(K::SecondMoment, "second", QStringLiteral("accumulator (G, E or v)"),
             ": accumulator or second moment");
    perInput(K::Rate, "rate", QStringLiteral("step size"), ": step size per coordinate");
    perInput(K::Update, "update", QStringLiteral("step taken"), ": step taken");
    columns.push_back({K::UpdateNorm, 0, QStringLiteral("update_norm"),
                       QStringLiteral("step length |Δx| (update_norm)"),
                       "update_norm: step length |x_k+1 - x_k|"});
    return columns;
}

std::optional<double> stateValue(const Step& s, const StateColumn& c, Eigen::Index n) {
    using K = StateColumn::Kind;
    switch (c.kind) {
    case K::Value:
        return s.value;
    case K::GradientNorm:
        return s.gradientNorm;
    // The step's length exists where the step does.
    case K::UpdateNorm:
        return s.state.update.size() == n ? std::optional(s.state.updateNorm) : std::nullopt;
    default:
        break;
    }
    const Eigen::VectorXd* v = stateVector(s, c.kind);
    if (!v || v->size() != n || c.input >= n)
        return std::nullopt;
    return (*v)[c.input];
}

QStringList stateCsvHeader(const QStringList& names) {
    QStringList header{QStringLiteral("step")};
    for (const StateColumn& c : stateColumns(names))
        header << c.name;
    return header;
}

namespace {

/// The cells of one iterate's row, the columns given.
QStringList rowCells(const Trajectory& t, int k, const std::vector<StateColumn>& columns,
                     Eigen::Index n) {
    const Step& s = t.steps[std::size_t(k)];
    QStringList row{QString::number(k)};
    for (const StateColumn& c : columns) {
        const std::optional<double> v = stateValue(s, c, n);
        row << (v ? csvNumber(*v) : QString());
    }
    return row;
}

/// Placeholder names: the cells do not depend on them.
QStringList anyNames(Eigen::Index n) {
    QStringList names;
    for (Eigen::Index i = 0; i < n; ++i)
        names << QString::number(i);
    return names;
}

} // namespace

QStringList stateCsvRow(const Trajectory& t, int k, Eigen::Index n) {
    return rowCells(t, k, stateColumns(anyNames(n)), n);
}

QString stateCsv(const Trajectory& t, const QStringList& names) {
    QString out = stateCsvHeader(names).join(QLatin1Char(',')) + QLatin1Char('\n');
    const std::vector<StateColumn> columns = stateColumns(names);
    for (int k = 0; k < int(t.steps.size()); ++k)
        out += rowCells(t, k, columns, Eigen::Index(names.size())).join(QLatin1Char(',')) +
               QLatin1Char('\n');
    return out;
}

QString writeStateCsv(const QString& path, const Trajectory& t, const QStringList& names) {
    QSaveFile file(path); // all or nothing: a failed write leaves no half file
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return QStringLiteral("cannot write '%1': %2").arg(path, file.errorString());
    const QByteArray bytes = stateCsv(t, names).toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return QStringLiteral("writing '%1' failed: %2").arg(path, file.errorString());
    return {};
}

} // namespace gs
