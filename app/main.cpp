#include "cli.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

namespace {
/// Without a login session (a server, a container, CI: XDG_RUNTIME_DIR unset) Qt falls back
/// to a private folder in /tmp and says so on stderr, a line that is not the command's
/// (tester s24). The same fallback, made quietly: the folder is created 0700 and used only
/// when it is ours and private, else Qt's own fallback (and its warning) stands.
void provideRuntimeDir() {
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        return;
    const QByteArray dir =
        QFile::encodeName(QDir::tempPath()) + "/runtime-" + QByteArray::number(::getuid());
    ::mkdir(dir.constData(), 0700); // fails harmlessly when it exists
    struct stat st {};
    if (::lstat(dir.constData(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == ::getuid() &&
        (st.st_mode & 0777) == 0700)
        qputenv("XDG_RUNTIME_DIR", dir);
}
} // namespace

int main(int argc, char** argv) {
    provideRuntimeDir();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QCoreApplication::setApplicationName(QStringLiteral("gradscape"));
    QCoreApplication::setOrganizationName(QStringLiteral("gradscape"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GRADSCAPE_VERSION));
    const gs::CommandLine line(arguments); // parsed once, for a command or the window
    if (line.headless()) {
        // Painting with Qt (the graph export) needs a QApplication: an off-screen one.
        std::unique_ptr<QCoreApplication> app;
        if (line.paintsWithQt()) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            app = std::make_unique<QApplication>(argc, argv);
        } else {
            app = std::make_unique<QCoreApplication>(argc, argv);
        }
        const int code = gs::runCommandLine(line);
        // A headless command is finished: leave without tearing down VTK and Qt, which
        // took longer than the export itself (docs/benchmarks.md). Output is flushed first.
        std::fflush(stdout);
        std::fflush(stderr);
        std::_Exit(code);
    }
    return gs::runWindow(argc, argv, line);
}
