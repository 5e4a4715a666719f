#pragma once
// The file dialogs the app opens (sessions, exports, CSV). Where the platform has no native
// dialog (no desktop's theme, as under Xvfb) Qt draws its own: sized here for the font
// (the preferences' font scale), its detail columns to their contents with the name taking
// the rest, so that no column is cut behind a sideways scroll bar (issue #9: at 1.5 the Type
// column was).

#include <QFileDialog>
#include <QString>
#include <memory>

class QWidget;

namespace gs {

/// A dialog as the static QFileDialog functions make it (`mode`: AnyFile to save,
/// ExistingFile to open, Directory for a folder), sized by fitFileDialog. For tests too.
std::unique_ptr<QFileDialog> makeFileDialog(QWidget* parent, const QString& caption,
                                            const QString& dir, const QString& filter,
                                            QFileDialog::FileMode mode);
/// Qt's own dialog: wide enough for its columns at the font in use (within the screen), the
/// name column stretching, the others as wide as their contents. A native dialog is left
/// alone.
void fitFileDialog(QFileDialog* dialog);

/// As QFileDialog::getOpenFileName, getSaveFileName and getExistingDirectory (an empty string
/// when cancelled), with the dialog fitted.
QString openFileName(QWidget* parent, const QString& caption, const QString& dir,
                     const QString& filter);
QString saveFileName(QWidget* parent, const QString& caption, const QString& dir,
                     const QString& filter);
QString existingDirectory(QWidget* parent, const QString& caption, const QString& dir);

/// The folder a file dialog starts in: `lastPath`'s folder (the last file of this kind the
/// person wrote, or a folder itself) when it still exists, else the folder of the open session
/// `sessionFile`, else the home directory (not the working directory, where Qt's dialog went
/// when a remembered folder was gone).
QString startFolder(const QString& lastPath, const QString& sessionFile);

} // namespace gs
