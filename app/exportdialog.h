#pragma once
// The dialog behind File > Export Image and Export Animation: where, how large, and
// a transparent background. It runs the export itself on Save and keeps itself open with
// the message when the export is refused. The last folder, size, format and transparency
// are remembered (QSettings, one group per dialog).

#include <QDialog>
#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace gs {

struct ExportRequest {
    QString path;
    int width = 0, height = 0;
    bool transparent = false;
};

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    enum class Browse { SaveFile, Folder };
    using Exporter = std::function<QString(const ExportRequest&)>; ///< returns the error or empty

    /// `settingsGroup` keys what is remembered ("exportImage", "exportAnimation");
    /// `defaultName` (such as gradscape.png) is used in the last folder when nothing is
    /// remembered yet, `defaultSize` likewise.
    ExportDialog(QWidget* parent, const QString& title, const QString& pathLabel,
                 const QString& settingsGroup, const QString& defaultName, Browse browse,
                 QSize defaultSize, const QString& transparencyLabel, Exporter exporter);

    QLineEdit* pathEdit() const { return m_path; }
    QLabel* errorLabel() const { return m_error; }

private:
    void save();

    QString m_group;
    QLineEdit* m_path;
    QSpinBox *m_width, *m_height;
    QCheckBox* m_transparent = nullptr;
    QLabel* m_error;
    Exporter m_exporter;
};

} // namespace gs
