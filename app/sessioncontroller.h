#pragma once
// The window's side of session files: File ▸ Open, Open Recent, Save, Save As; the title
// (file name and the unsaved-changes mark [*], driven by the undo stack's clean state); the
// question before a window with unsaved changes closes; and the 3-D view's camera, which the
// session keeps in its "views" block (the model passes it through, this file reads it).

#include "scenecamera.h"
#include "session.h"

#include <QObject>
#include <array>
#include <optional>

class QMainWindow;
class QMenu;
class vtkRenderer;

namespace gs {

class Document;
class OptimizerPanel;
class SurfaceView;

/// The "views" block for the surface's camera: {"surface": {"camera": {...}, "view_size":
/// [w, h]}} (no view_size when it is not known).
QJsonObject surfaceViewsBlock(const CameraState& camera);
/// The surface view's camera in a session's "views" block: nothing (and no error) when the
/// session has none; nothing and a message naming the field when it is malformed.
std::optional<CameraState> surfaceCamera(const QJsonObject& views, QString* error);
/// The optimizer panel's "Start at x₀" in a session's "views" block
/// ({"optimizer": {"start_at_point": true}}): nothing (and no error) when the session has none
/// (an older file: the panel follows the first run's start, as before); nothing and a message
/// naming the field when it is not true or false.
std::optional<bool> optimizerStartAtPoint(const QJsonObject& views, QString* error);

class SessionController : public QObject {
    Q_OBJECT
public:
    SessionController(QMainWindow* window, Document* doc, SurfaceView* view,
                      OptimizerPanel* optimizers);

    /// Open, Open Recent, Save, Save As (and a separator) at the top of `file`.
    void addFileActions(QMenu* file);

    /// The open session's file (absolute), or empty.
    QString currentFile() const { return m_file; }
    /// The session as it stands: settings, the camera, this version.
    Session currentSession() const;

    /// Reads `path` and, only when all of it is good, replaces the document and the camera;
    /// returns the error (the document is untouched then), or empty. No dialog.
    QString openFile(const QString& path);
    /// Makes an already-read session the open one (the document must hold its settings).
    void adopt(const QString& path, const Session& session);
    /// Writes the session to `path`; on success it becomes the current file and the document
    /// is clean. Returns the error, or empty. No dialog.
    QString saveFile(const QString& path);
    /// The document becomes untitled (an example opened in place of a session): no current
    /// file, the title says "gradscape", and Save asks for a new name, so the example never
    /// overwrites the session that was open.
    void forgetFile();
    /// Untitled settings that are nothing of the person's own (an example as it opens): while
    /// the document holds exactly these, there is nothing to save (no question before Open,
    /// no "[*]"). Another file or a save forgets them.
    void setReproducible(const Settings& settings);
    /// Whether there is anything to save: changes since the last save or open, unless the
    /// document holds the reproducible settings.
    bool hasUnsavedWork() const;

public slots:
    void open();   ///< asks to save changes, then for a file
    bool save();   ///< to the current file, else as Save As; false when cancelled or failed
    bool saveAs(); ///< asks for a file
    /// When the document has unsaved changes: Save, Discard or Cancel. True to go on.
    bool maybeSave();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void openWithMessage(const QString& path);
    void setCurrentFile(const QString& path);
    void updateTitle();
    void updateModifiedMark();
    void fillRecentMenu();

    QMainWindow* m_window;
    Document* m_doc;
    SurfaceView* m_view;
    OptimizerPanel* m_optimizers;
    QMenu* m_recent = nullptr;
    QString m_file;
    std::optional<Settings> m_reproducible;
};

} // namespace gs
