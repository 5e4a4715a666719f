#include "statecsv.h"

#include <QFile>
#include <QSaveFile>
#include <QTextStream>

namespace gs {

namespace {

QString csvNumber(double v) {
    return QString::number(v, 'g', 17); // round-trips; nan and inf spelled out
}

/// The columns of one vector quantity: "grad_x,grad_y"; empty cells where the method has no
/// such quantity (or at the last iterate, which takes no step).
void appendVector(QStringList& row, const Eigen::VectorXd& v, Eigen::Index n) {
    for (Eigen::Index i = 0; i < n; ++i)
        row << (v.size() == n ? csvNumber(v[i]) : QString());
}

} // namespace

QStringList stateCsvHeader(const QStringList& names) {
    QStringList header{QStringLiteral("step")};
    header << names << QStringLiteral("f") << QStringLiteral("grad_norm");
    for (const char* prefix : {"grad", "moment", "second", "rate", "update"})
        for (const QString& name : names)
            header << QStringLiteral("%1_%2").arg(QLatin1String(prefix), name);
    header << QStringLiteral("update_norm");
    return header;
}

QStringList stateCsvRow(const Trajectory& t, int k, Eigen::Index n) {
    const Step& s = t.steps[std::size_t(k)];
    QStringList row{QString::number(k)};
    appendVector(row, s.x, n);
    row << csvNumber(s.value) << csvNumber(s.gradientNorm);
    appendVector(row, s.state.gradient, n);
    appendVector(row, s.state.moment, n);
    appendVector(row, s.state.secondMoment, n);
    appendVector(row, s.state.rate, n);
    appendVector(row, s.state.update, n);
    row << (s.state.update.size() == n ? csvNumber(s.state.updateNorm) : QString());
    return row;
}

QString stateCsv(const Trajectory& t, const QStringList& names) {
    QString out = stateCsvHeader(names).join(QLatin1Char(',')) + QLatin1Char('\n');
    for (int k = 0; k < int(t.steps.size()); ++k)
        out += stateCsvRow(t, k, Eigen::Index(names.size())).join(QLatin1Char(',')) +
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
