#pragma once
// A session file (.gradscape): everything a person set up, as versioned JSON. The model
// owns the settings part; the views' cameras are a block the app fills and reads (the model
// only checks that it is an object and passes it through). docs/sessions.md has the format.
//
// Reading never half-applies: it returns a whole Session or a message naming the file and
// the problem (corrupt JSON, a wrong type, a missing field, a newer format, a function that
// no longer parses, a file too large or too deeply nested). Older formats are migrated.

#include "document.h"

#include <QJsonObject>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <optional>

namespace gs {

/// The format version this build writes; it reads every version up to this one.
inline constexpr int kSessionFormatVersion = 2;
/// The value of the file's "format" field: what tells a session from other JSON.
inline constexpr char kSessionFormatName[] = "gradscape-session";
/// Larger files are refused before they are read (a session is a few kilobytes).
inline constexpr qint64 kMaxSessionBytes = 4 * 1024 * 1024;
/// More runs than this is not a session a person made; refused before anything is computed.
inline constexpr int kMaxSessionRuns = 256;
/// Longest list of numbers (point, epsilon, a run's start): one per input.
inline constexpr int kMaxSessionInputs = 64;
inline constexpr char kSessionSuffix[] = "gradscape";
inline constexpr char kSessionMimeType[] = "application/x-gradscape";

struct Session {
    Settings settings;
    /// The views and their cameras, filled and read by the app ({"surface": {...}}).
    QJsonObject views;
    /// The gradscape that wrote the file (read: informational; write: empty means this one).
    QString appVersion;
    /// The file's format version as read (older files are migrated to the current one).
    int formatVersion = kSessionFormatVersion;

    bool operator==(const Session&) const = default;
};

/// The outcome of reading: a session, or what is wrong.
struct SessionRead {
    std::optional<Session> session;
    QString error; ///< empty when `session` is set
};

/// The session as JSON text (UTF-8, indented, numbers in shortest round-trip form).
QByteArray sessionToJson(const Session& session);
/// Parses, migrates and checks JSON text; `settings` are validated as the document would
/// (the function must parse). Messages name the field: "settings.runs[2].steps: ...".
SessionRead sessionFromJson(const QByteArray& text);

/// Reads `path`; the message starts with the file's name.
SessionRead readSession(const QString& path);
/// Writes `path` atomically (QSaveFile: the old file stays whole if anything fails).
/// Returns the error, or empty.
QString writeSession(const QString& path, const Session& session);

/// The version-1 layout (flat settings, domain as a list, "show" as a list of names, run
/// options under their command-line names, one camera) turned into the current layout.
/// Exposed for the migration test; sessionFromJson calls it. Values of the wrong type are
/// carried over for the reader to report, except what cannot be carried (`error`).
QJsonObject migrateSessionV1(const QJsonObject& v1, QString* error);

/// Recently opened or saved sessions, most recent first, in QSettings ("session/recent").
namespace recentSessions {
inline constexpr int kMax = 8;
/// `list` with `path` (made absolute) moved to the front, duplicates dropped, at most kMax.
QStringList added(QStringList list, const QString& path);
/// The stored list, without files that no longer exist.
QStringList load(const QSettings& store);
/// Adds `path` to the stored list and returns the new list.
QStringList add(QSettings& store, const QString& path);
/// Drops `path` (a file that could not be opened) and returns the new list.
QStringList remove(QSettings& store, const QString& path);
} // namespace recentSessions

} // namespace gs
