// --batch FILE: many figures in one process. FILE is JSON, {"scenes": [{...}, ...]}; each
// scene's fields are the command line's scene and image options by name ("function",
// "domain": [-2, 2, -2, 2], "size": [800, 600], "output": "fig1.png", ...), turned into the
// arguments of one --export and read by the same code (commandargs), so every default,
// range and message is the command line's. A bad scene is reported with its index and the
// others still render; the exit status is then 2.
#include "cli.h"
#include "commands.h"
#include "options.h"
#include "sceneexport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>
#include <vector>

namespace gs {

namespace {

/// A batch is a list of figures, not data: larger files are refused before they are read.
constexpr qint64 kMaxBatchBytes = 16 * 1024 * 1024;
constexpr qsizetype kMaxScenes = 10000;

/// Fields that name a command or a window option: a scene is one export, nothing else.
bool refusedField(const QString& key) {
    static const QStringList refused = {
        QStringLiteral("export"),     QStringLiteral("batch"),
        QStringLiteral("analyze"),    QStringLiteral("descent"),
        QStringLiteral("animate"),    QStringLiteral("backprop"),
        QStringLiteral("sweep"),      QStringLiteral("help"),
        QStringLiteral("version"),    QStringLiteral("state-csv"),
        QStringLiteral("screenshot"), QStringLiteral("critical-points")};
    return refused.contains(key);
}

/// One JSON value as the text of a command-line value: numbers in shortest round-trip form,
/// lists joined by commas ("size": [800, 600] as 800x600).
QString argumentText(const QString& where, const QString& key, const QJsonValue& v) {
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isArray()) {
        QStringList items;
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (a[i].isDouble())
                items << QString::number(a[i].toDouble(), 'g', 17);
            else if (a[i].isString())
                items << a[i].toString();
            else
                throw UsageError(QStringLiteral("%1.%2[%3]: expected a number or a name")
                                     .arg(where, key)
                                     .arg(i));
        }
        return items.join(key == QLatin1String("size") ? QLatin1Char('x') : QLatin1Char(','));
    }
    throw UsageError(QStringLiteral("%1.%2: expected a number, text or a list").arg(where, key));
}

/// The arguments of the --export that `scene` describes. Relative paths (output, session)
/// are relative to the batch file's folder.
QStringList sceneArguments(const QString& where, const QJsonObject& scene, const QDir& base) {
    QStringList args{QStringLiteral("gradscape")};
    if (!scene.contains(QLatin1String("output")))
        throw UsageError(QStringLiteral("%1: missing field \"output\"").arg(where));
    if (!scene.contains(QLatin1String("function")) && !scene.contains(QLatin1String("session")))
        throw UsageError(
            QStringLiteral("%1: missing field \"function\" (or \"session\")").arg(where));
    for (auto it = scene.constBegin(); it != scene.constEnd(); ++it) {
        const QString key = it.key();
        const QJsonValue& v = it.value();
        if (refusedField(key) || key.startsWith(u'-'))
            throw UsageError(QStringLiteral("%1: \"%2\" is not a scene field").arg(where, key));
        if (key == QLatin1String("output") || key == QLatin1String("session")) {
            if (!v.isString() || v.toString().isEmpty())
                throw UsageError(QStringLiteral("%1.%2: expected a file name").arg(where, key));
            args << (key == QLatin1String("output") ? QStringLiteral("--export")
                                                    : QStringLiteral("--session"))
                 << QDir::cleanPath(base.absoluteFilePath(v.toString()));
        } else if (v.isBool()) {
            if (v.toBool())
                args << QStringLiteral("--") + key; // a switch; false is its default
        } else {
            args << QStringLiteral("--") + key << argumentText(where, key, v);
        }
    }
    return args;
}

} // namespace

int batchCommand(const QCommandLineParser& p) {
    const QString path = p.value(QStringLiteral("batch"));
    // Messages name the file as the person typed it (folder and all), so that a file in the
    // wrong folder reads as such ("/tmp/a/figures.json: no such file").
    const QString& name = path;
    QFile file(path);
    if (!QFileInfo(path).isFile())
        throw UsageError(QStringLiteral("--batch: %1: %2")
                             .arg(name, QFileInfo::exists(path) ? QStringLiteral("not a file")
                                                                : QStringLiteral("no such file")));
    if (file.size() > kMaxBatchBytes)
        throw UsageError(QStringLiteral("--batch: %1: too large (%2 bytes; at most %3)")
                             .arg(name)
                             .arg(file.size())
                             .arg(kMaxBatchBytes));
    if (!file.open(QIODevice::ReadOnly))
        throw UsageError(
            QStringLiteral("--batch: %1: cannot read it (%2)").arg(name, file.errorString()));
    QJsonParseError pe;
    const QJsonDocument d = QJsonDocument::fromJson(file.read(kMaxBatchBytes + 1), &pe);
    if (pe.error != QJsonParseError::NoError)
        throw UsageError(QStringLiteral("--batch: %1: not valid JSON (%2 at byte %3)")
                             .arg(name, pe.errorString())
                             .arg(pe.offset));
    const QJsonValue scenes = d.object().value(QLatin1String("scenes"));
    if (!d.isObject() || !scenes.isArray())
        throw UsageError(QStringLiteral("--batch: %1: expected {\"scenes\": [...]}").arg(name));
    const QJsonArray list = scenes.toArray();
    if (list.size() > kMaxScenes)
        throw UsageError(QStringLiteral("--batch: %1: %2 scenes; at most %3")
                             .arg(name)
                             .arg(list.size())
                             .arg(kMaxScenes));
    // Options given with --batch itself are refused: a scene says everything it wants.
    for (const QString& option : p.optionNames())
        if (option != QLatin1String("batch"))
            throw UsageError(QStringLiteral("--batch: --%1 belongs in the scenes' fields (\"%1\": "
                                            "...)")
                                 .arg(option));
    if (list.isEmpty()) // nothing to draw is a mistake, not a success (tester s24: exit 0)
        throw UsageError(QStringLiteral("--batch: %1: no scenes to render").arg(name));

    const QDir base = QFileInfo(path).absoluteDir();
    // One off-screen window for every figure: llvmpipe compiles VTK's shaders once, not per
    // figure; figures that share a surface share the document and the 3-D scene too
    // (FigureCache; each picture is the same as a single --export's, pixel for pixel). PNG and
    // JPEG files are written on a worker thread while the next figure is drawn; paths are
    // printed once written, in the scenes' order.
    FigureCache cache;
    ExportWindows& windows = cache.windows();
    QStringList failed; // "scenes[i]", in the order the failures were found
    const auto report = [&](const std::vector<ExportWindows::WriteResult>& written) {
        for (const ExportWindows::WriteResult& w : written) {
            if (w.error.empty()) {
                std::printf("%s\n", w.path.c_str());
            } else {
                std::fprintf(stderr, "gradscape: --batch: scenes[%d]: %s\n", w.tag,
                             w.error.c_str());
                failed.append(QStringLiteral("scenes[%1]").arg(w.tag));
            }
        }
        std::fflush(stdout);
    };
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = QStringLiteral("scenes[%1]").arg(i);
        windows.setTag(int(i));
        try {
            if (!list[i].isObject())
                throw UsageError(QStringLiteral("%1: expected a scene (an object)").arg(where));
            QCommandLineParser scene;
            addCommandLineOptions(scene);
            // A field the scenes do not have is named as a field (it said "Unknown option
            // 'bogus'.", capitalised, unlike every other message: tester s24).
            if (!scene.parse(sceneArguments(where, list[i].toObject(), base))) {
                const QStringList unknown = scene.unknownOptionNames();
                QString why = unknown.isEmpty()
                                  ? scene.errorText()
                                  : QStringLiteral("unknown field \"%1\"").arg(unknown.first());
                if (why.endsWith(QLatin1Char('.')))
                    why.chop(1);
                if (!why.isEmpty())
                    why[0] = why[0].toLower();
                throw UsageError(where + QStringLiteral(": ") + why);
            }
            if (!scene.positionalArguments().isEmpty())
                throw UsageError(where + QStringLiteral(": unexpected value"));
            if (graphViewRequested(scene)) {
                report(windows.finishWrites());
                exportGraphCommand(scene); // prints its path
            } else {
                const QString written = exportFigure(scene, /*processExits=*/false, &cache);
                if (windows.writing() == int(i)) { // being written: printed when it is
                    report(windows.finishedWrites());
                } else {
                    report(windows.finishWrites());
                    std::printf("%s\n", qPrintable(written));
                }
            }
            std::fflush(stdout);
        } catch (const CommandError& e) {
            report(windows.finishWrites());
            // A missing display stops the batch: no scene can render.
            if (e.code == ExitCode::Environment)
                throw;
            const QString message = QString::fromStdString(e.what());
            std::fprintf(stderr, "gradscape: --batch: %s%s\n",
                         message.startsWith(where) ? "" : qPrintable(where + QStringLiteral(": ")),
                         qPrintable(message));
            failed.append(where);
        }
    }
    report(windows.finishWrites());
    // The summary names the failed scenes as the lines above do: "1 of 2" next to "scenes[1]"
    // read as the first scene failing (tester s24).
    if (!failed.isEmpty())
        throw UsageError(
            failed.size() == list.size()
                ? QStringLiteral("--batch: %1 failed; nothing was written")
                      .arg(list.size() == 1 ? QStringLiteral("the scene (scenes[0])")
                                            : QStringLiteral("all %1 scenes").arg(list.size()))
                : QStringLiteral("--batch: %1 of %2 scenes failed (%3, counted from 0); the "
                                 "others were written")
                      .arg(failed.size())
                      .arg(list.size())
                      .arg(failed.join(QStringLiteral(", "))));
    return 0;
}

} // namespace gs
