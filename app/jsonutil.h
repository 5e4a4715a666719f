#pragma once
// Engine numbers as JSON: non-finite values become null, as JSON has no NaN or inf.

#include <Eigen/Core>
#include <QJsonArray>
#include <QJsonValue>
#include <cmath>

namespace gs::json {

inline QJsonValue number(double v) {
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

inline QJsonArray vector(const Eigen::VectorXd& v) {
    QJsonArray a;
    for (Eigen::Index i = 0; i < v.size(); ++i)
        a.append(number(v[i]));
    return a;
}

inline QJsonArray matrix(const Eigen::MatrixXd& m) {
    QJsonArray rows;
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        rows.append(vector(m.row(i).transpose()));
    return rows;
}

/// The entries of one declared input in its shape: a number (scalar), an array (vector x[n])
/// or an array of rows (matrix V[m,n]), from its rows x cols block.
inline QJsonValue shaped(const Eigen::MatrixXd& block, int dimensions) {
    if (dimensions == 0)
        return number(block(0, 0));
    if (dimensions == 1)
        return vector(Eigen::Map<const Eigen::VectorXd>(block.data(), block.size()));
    return matrix(block);
}

} // namespace gs::json
