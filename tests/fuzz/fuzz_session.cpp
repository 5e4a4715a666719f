// libFuzzer target over session files (.gradscape): the bytes are a file's text, read as the
// window's File > Open and the command line's --session read it (sessionFromJson: JSON, the
// format and version, the version-1 migration, every field's type, the function, the document's
// validation). A session that reads must
//  - write back and read again to the same session (the format is lossless), and
//  - load into a document (surface, models, critical points, runs) when it is small enough that
//    one input stays far below the 1 s limit; larger ones are still read and checked.
// Built by the `fuzz` preset (clang, -fsanitize=fuzzer,address,undefined); scripts/fuzz runs it.
#include "cpubudget.h"
#include "document.h"
#include "session.h"

#include <QCoreApplication>
#include <QUndoStack>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

// A document at the largest resolution with long runs takes seconds: load only sessions whose
// cost stays well inside the per-input limit (the reading itself is checked for every input).
constexpr int kMaxResolutionToLoad = 41;
constexpr int kMaxStepsToLoad = 2000;
constexpr int kMaxInputsToLoad = 6;
// The surface, its models and the critical-point search cost about the function's length
// times the grid's points: a 5,416-character function at resolution 40 took 1.9 s of CPU
// under the sanitizers (0.15 s in a release build, and linear in the length: session 24).
// Per character the cost varies with the expression: a 2,116-character chain of unary signs
// at resolution 40 (3.4e6) took 2.2 s under the sanitizers and 0.08 s in a release build
// (`--critical-points`, session 28): the bound is halved, not the product changed.
constexpr double kMaxWorkToLoad = 2e6; // characters x grid points

bool cheapEnoughToLoad(const gs::Settings& s) {
    if (s.resolution > kMaxResolutionToLoad || s.point.size() > std::size_t(kMaxInputsToLoad))
        return false;
    if (double(s.function.size()) * s.resolution * s.resolution > kMaxWorkToLoad)
        return false;
    int steps = 0;
    for (const gs::RunSettings& r : s.runs)
        steps += r.options.maxSteps;
    return steps <= kMaxStepsToLoad;
}

void fail(const char* what, const QByteArray& text) {
    std::fprintf(stderr, "fuzz_session: %s\n%s\n", what, text.constData());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    // QCoreApplication::applicationVersion() (written into sessions) needs an application.
    static QCoreApplication app(*argc, *argv);
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const gs::fuzz::CpuBudget budget; // 2 s of CPU per input (cpubudget.h), whatever the load
    const QByteArray text(reinterpret_cast<const char*>(data), qsizetype(size));
    const gs::SessionRead read = gs::sessionFromJson(text);
    if (!read.session) {
        if (read.error.isEmpty())
            fail("a failed read without a message", text);
        return 0;
    }
    if (!read.error.isEmpty())
        fail("a session and an error", text);

    // Lossless: what is written reads back as the same session (an older format comes back
    // as the current one).
    gs::Session expected = *read.session;
    expected.formatVersion = gs::kSessionFormatVersion;
    if (expected.appVersion.isEmpty()) // written as this gradscape's version
        expected.appVersion = QCoreApplication::applicationVersion();
    const QByteArray written = gs::sessionToJson(expected);
    const gs::SessionRead again = gs::sessionFromJson(written);
    if (!again.session)
        fail(qPrintable(QStringLiteral("a written session does not read back: ") + again.error),
             text);
    if (!(*again.session == expected))
        fail("a written session reads back different", text + "\nwritten:\n" + written);

    // Loaded into a document as File > Open does: the document takes what the reader accepted.
    if (cheapEnoughToLoad(read.session->settings)) {
        static gs::Document* document = new gs::Document; // reused: one start-up, not one each
        const QString error = document->change(read.session->settings, QStringLiteral("open"));
        if (!error.isEmpty())
            fail(qPrintable(QStringLiteral("the document refuses a session that read: ") + error),
                 text);
        document->undoStack()->clear();
    }
    return 0;
}
