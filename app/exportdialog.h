#pragma once
// The dialog behind File > Export Image and Export Animation: where, how large, and
// (for images) a transparent background. It runs the export itself on Save and keeps
// itself open with the message when the export is refused.

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

    ExportDialog(QWidget* parent, const QString& title, const QString& pathLabel,
                 const QString& defaultPath, Browse browse, QSize defaultSize,
                 bool offerTransparency, Exporter exporter);

private:
    void save();

    QLineEdit* m_path;
    QSpinBox *m_width, *m_height;
    QCheckBox* m_transparent = nullptr;
    QLabel* m_error;
    Exporter m_exporter;
};

} // namespace gs
