#include "diagnostics.h"

namespace gs {

QString describeParseError(const QString& text, const ParseError& e) {
    const QString where = text.contains(QLatin1Char('\n'))
                              ? QStringLiteral("line %1, column %2").arg(e.line).arg(e.column)
                              : QStringLiteral("column %1").arg(e.column);
    return where + QStringLiteral(": ") + QString::fromStdString(e.message);
}

} // namespace gs
