#pragma once
// The command line: every option declared once, the arguments parsed once, then either a
// headless command (JSON on stdout, exit status per docs/cli.md) or the window.

#include <QCommandLineParser>
#include <QStringList>

namespace gs {

/// The parsed arguments of one run of the program.
class CommandLine {
public:
    explicit CommandLine(const QStringList& arguments);

    const QCommandLineParser& parser() const { return m_parser; }
    /// True for a command (--analyze, --export, ...), --help, --version, or arguments that do
    /// not parse: everything that runs without opening the window.
    bool headless() const;
    /// A headless command that paints with Qt (--export --view graph, or --batch, whose
    /// scenes may): it needs a QApplication, an off-screen one.
    bool paintsWithQt() const;

private:
    QCommandLineParser m_parser;
    QList<QCommandLineOption> m_options; ///< every option, in declaration order (--help)
    QString m_error;                     ///< the parser's message when the arguments do not parse
    friend int runCommandLine(const CommandLine& line);
    friend int runWindow(int& argc, char** argv, const CommandLine& line);
};

/// Declares every option of the command line on `p` (a --batch scene is parsed with them too).
void addCommandLineOptions(QCommandLineParser& p);

/// Runs a headless command; returns the exit status (0 ok, 1 failure, 2 bad input,
/// 3 no display). Messages go to stderr.
int runCommandLine(const CommandLine& line);

/// Opens the window with the scene the options describe; returns the exit status.
int runWindow(int& argc, char** argv, const CommandLine& line);

} // namespace gs
