#include "cli.h"

#include <QCoreApplication>

int main(int argc, char** argv) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QCoreApplication::setApplicationName(QStringLiteral("gradscape"));
    QCoreApplication::setOrganizationName(QStringLiteral("gradscape"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GRADSCAPE_VERSION));
    if (gs::isHeadlessCommand(arguments)) {
        QCoreApplication app(argc, argv);
        return gs::runCommandLine(arguments);
    }
    return gs::runGui(argc, argv, arguments);
}
