#include "filedialogs.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QFontMetrics>
#include <QHeaderView>
#include <QScreen>
#include <QTreeView>
#include <algorithm>

namespace gs {

namespace {

/// The dialog's width in average characters of its font: the side bar (about 14), the name
/// (about 30), size (10), type (22: "plain text document") and date (18), with the
/// margins and the scroll bar.
constexpr int kDialogChars = 100;
/// And its height in lines.
constexpr int kDialogLines = 24;
/// At most this fraction of the screen's available size.
constexpr double kScreenShare = 0.9;

QString run(std::unique_ptr<QFileDialog> dialog) {
    if (dialog->exec() != QDialog::Accepted)
        return {};
    const QStringList files = dialog->selectedFiles();
    return files.isEmpty() ? QString() : files.front();
}

} // namespace

void fitFileDialog(QFileDialog* dialog) {
    if (!dialog)
        return;
    // Qt's own dialog has its detail view (a native one has no widgets).
    auto* tree = dialog->findChild<QTreeView*>(QStringLiteral("treeView"));
    if (!tree)
        return;
    QHeaderView* header = tree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    // The name keeps at least 16 characters; the others their contents.
    const QFontMetrics metrics(dialog->font());
    header->setMinimumSectionSize(
        std::max(header->minimumSectionSize(), 4 * metrics.averageCharWidth()));
    QSize size(kDialogChars * metrics.averageCharWidth(), kDialogLines * metrics.lineSpacing());
    QScreen* screen = dialog->parentWidget() ? dialog->parentWidget()->screen() : dialog->screen();
    if (screen) {
        const QSize room = screen->availableGeometry().size();
        size = size.boundedTo(
            QSize(int(kScreenShare * room.width()), int(kScreenShare * room.height())));
    }
    dialog->resize(size.expandedTo(dialog->minimumSizeHint()));
}

std::unique_ptr<QFileDialog> makeFileDialog(QWidget* parent, const QString& caption,
                                            const QString& dir, const QString& filter,
                                            QFileDialog::FileMode mode) {
    auto dialog = std::make_unique<QFileDialog>(parent, caption, dir, filter);
    dialog->setFileMode(mode);
    if (mode == QFileDialog::Directory)
        dialog->setOption(QFileDialog::ShowDirsOnly, true);
    dialog->setAcceptMode(mode == QFileDialog::AnyFile ? QFileDialog::AcceptSave
                                                       : QFileDialog::AcceptOpen);
    fitFileDialog(dialog.get());
    return dialog;
}

QString openFileName(QWidget* parent, const QString& caption, const QString& dir,
                     const QString& filter) {
    return run(makeFileDialog(parent, caption, dir, filter, QFileDialog::ExistingFile));
}

QString saveFileName(QWidget* parent, const QString& caption, const QString& dir,
                     const QString& filter) {
    return run(makeFileDialog(parent, caption, dir, filter, QFileDialog::AnyFile));
}

QString existingDirectory(QWidget* parent, const QString& caption, const QString& dir) {
    return run(makeFileDialog(parent, caption, dir, QString(), QFileDialog::Directory));
}

QString startFolder(const QString& lastPath, const QString& sessionFile) {
    if (!lastPath.isEmpty()) {
        const QFileInfo last(lastPath);
        if (last.isDir())
            return last.absoluteFilePath();
        if (last.absoluteDir().exists())
            return last.absolutePath();
    }
    if (!sessionFile.isEmpty() && QFileInfo(sessionFile).absoluteDir().exists())
        return QFileInfo(sessionFile).absolutePath();
    return QDir::homePath();
}

} // namespace gs
