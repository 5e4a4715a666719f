#pragma once
// The dialog behind File > Export Image and Export Animation: where, how large, and
// a transparent background. It runs the export itself on Save and keeps itself open with
// the message when the export is refused. The last folder, format and transparency are
// remembered (QSettings, one group per dialog); a size only when the person typed one, and
// per view (`sizeKey`): a size typed for the 3-D view is not offered for the contour view.

#include <QDialog>
#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace gs {

/// The size an export offers for a view of `view` pixels: the view's shape with its longer
/// side kLectureSide, its aspect clamped to at most 2:1 either way; 1200 x 900 (the command
/// line's default) when the view's size is not known (empty).
QSize lectureExportSize(QSize view);

/// The longer side of an offered export size (pixels): sharp on a projector, small files.
inline constexpr int kLectureSide = 1200;
/// The most extreme aspect (long side over short side) an offered size has.
inline constexpr double kMaxOfferedAspect = 2.0;

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
    /// remembered yet. `defaultSize` is offered unless the person typed another size for
    /// `sizeKey` (such as the view's name) last time. With nothing remembered (or its folder
    /// gone) the path starts in the open session's folder (`sessionFile`), else the home
    /// directory (startFolder).
    ExportDialog(QWidget* parent, const QString& title, const QString& pathLabel,
                 const QString& settingsGroup, const QString& defaultName, Browse browse,
                 QSize defaultSize, const QString& transparencyLabel, Exporter exporter,
                 const QString& sizeKey = QString(), const QString& sessionFile = QString());

    QLineEdit* pathEdit() const { return m_path; }
    QLabel* errorLabel() const { return m_error; }

private:
    void save();

    QString m_group;
    QString m_sizeKey;
    QSize m_offered;
    QLineEdit* m_path;
    QSpinBox *m_width, *m_height;
    QCheckBox* m_transparent = nullptr;
    QCheckBox* m_keepShape; ///< width and height keep the offered size's shape
    bool m_linking = false; ///< one box set from the other: not set back
    QLabel* m_error;
    Exporter m_exporter;
};

} // namespace gs
