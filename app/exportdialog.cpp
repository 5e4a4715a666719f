#include "exportdialog.h"
#include "filedialogs.h"

#include "errorcolour.h"
#include "optionwidgets.h"

#include "sceneexport.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFontMetrics>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gs {

QSize lectureExportSize(QSize view) {
    if (view.isEmpty())
        return {kLectureSide, kLectureSide * 3 / 4};
    // aspect = w / h clamped to [1/2, 2]; the longer side is kLectureSide, the shorter
    // kLectureSide / max(aspect, 1/aspect), rounded.
    const double aspect = std::clamp(double(view.width()) / view.height(), 1.0 / kMaxOfferedAspect,
                                     kMaxOfferedAspect);
    if (aspect >= 1.0)
        return {kLectureSide, int(std::lround(kLectureSide / aspect))};
    return {int(std::lround(kLectureSide * aspect)), kLectureSide};
}

namespace {
QString sizeSetting(const QString& side, const QString& key) {
    return key.isEmpty() ? side : side + QLatin1Char('/') + key;
}
} // namespace

ExportDialog::ExportDialog(QWidget* parent, const QString& title, const QString& pathLabel,
                           const QString& settingsGroup, const QString& defaultName, Browse browse,
                           QSize defaultSize, const QString& transparencyLabel, Exporter exporter,
                           const QString& sizeKey, const QString& sessionFile)
    : QDialog(parent)
    , m_group(settingsGroup)
    , m_sizeKey(sizeKey)
    , m_offered(defaultSize)
    , m_path(new QLineEdit)
    , m_width(new QSpinBox)
    , m_height(new QSpinBox)
    , m_keepShape(new QCheckBox)
    , m_error(new QLabel)
    , m_exporter(std::move(exporter)) {
    setWindowTitle(title);
    QSettings settings;
    settings.beginGroup(m_group);
    // The last path's folder and format, with the default name when none is remembered.
    const QString last = settings.value(QStringLiteral("path")).toString();
    const QString folder = startFolder(last, sessionFile);
    m_path->setText(
        !last.isEmpty() && QFileInfo(last).absolutePath() == folder
            ? last
            : QDir(folder).filePath(last.isEmpty() ? defaultName : QFileInfo(last).fileName()));
    m_path->setToolTip(tr("Where to write: the file name's extension chooses the format"));
    // Wide enough to read a path such as /home/someone/Documents/lecture/figure.png.
    m_path->setMinimumWidth(QFontMetrics(m_path->font()).horizontalAdvance(QLatin1Char('x')) * 48);
    auto* form = new QFormLayout(this);
    form->setSizeConstraint(QLayout::SetMinimumSize); // the message is never cut off
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto* browseButton = new QPushButton(browse == Browse::Folder ? tr("Folder…") : tr("Browse…"));
    browseButton->setToolTip(browse == Browse::Folder ? tr("Choose a folder for PNG frames")
                                                      : tr("Choose the file"));
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);
    form->addRow(pathLabel, pathRow);
    for (QSpinBox* box : {m_width, m_height}) {
        applyOption(box, options::imageSide);
        box->setSuffix(tr(" px"));
    }
    // Keys "typedWidth/<sizeKey>": an older "width" (remembered whatever was offered, from
    // another view's shape) is never read.
    m_width->setValue(std::min(
        kMaxExportSide,
        settings.value(sizeSetting(QStringLiteral("typedWidth"), m_sizeKey), defaultSize.width())
            .toInt()));
    m_height->setValue(std::min(
        kMaxExportSide,
        settings.value(sizeSetting(QStringLiteral("typedHeight"), m_sizeKey), defaultSize.height())
            .toInt()));
    form->addRow(tr("Width"), m_width);
    form->addRow(tr("Height"), m_height);
    // Width and height linked at the offered shape (the view's), as image editors link them:
    // a picture of another shape is framed for it, which a person may not expect (tester s23).
    // The shape as a ratio of small numbers where it is one (4:3), else as the offered size.
    const int common = std::max(1, std::gcd(defaultSize.width(), defaultSize.height()));
    const bool small = defaultSize.width() / common <= 32 && defaultSize.height() / common <= 32;
    m_keepShape->setText(tr("Keep the view's shape (%1:%2)")
                             .arg(small ? defaultSize.width() / common : defaultSize.width())
                             .arg(small ? defaultSize.height() / common : defaultSize.height()));
    m_keepShape->setObjectName(QStringLiteral("keepShape"));
    m_keepShape->setToolTip(
        tr("Checked, a new width sets the height (and a new height the width) so that the "
           "picture has the view's shape and shows what the view shows. Unchecked, any size: "
           "the picture is framed for its own shape."));
    const auto otherSide = [](int side, int from, int to) {
        return std::max(1, int(std::lround(double(side) * to / std::max(1, from))));
    };
    // Checked unless the remembered size has another shape (within a pixel's rounding).
    m_keepShape->setChecked(
        defaultSize.width() > 0 && defaultSize.height() > 0 &&
        std::abs(m_height->value() -
                 otherSide(m_width->value(), defaultSize.width(), defaultSize.height())) <= 1);
    m_keepShape->setEnabled(defaultSize.width() > 0 && defaultSize.height() > 0);
    form->addRow(m_keepShape);
    const auto link = [this, otherSide](QSpinBox* changed, QSpinBox* other, int from, int to) {
        connect(changed, &QSpinBox::valueChanged, this, [=, this](int value) {
            if (m_linking || !m_keepShape->isChecked())
                return;
            m_linking = true;
            other->setValue(otherSide(value, from, to));
            m_linking = false;
        });
    };
    link(m_width, m_height, m_offered.width(), m_offered.height());
    link(m_height, m_width, m_offered.height(), m_offered.width());
    connect(m_keepShape, &QCheckBox::toggled, this, [this, otherSide](bool on) {
        if (on) // back to the shape, from the width
            m_height->setValue(otherSide(m_width->value(), m_offered.width(), m_offered.height()));
    });
    if (!transparencyLabel.isEmpty()) {
        m_transparent = new QCheckBox(transparencyLabel);
        m_transparent->setToolTip(tr("The background becomes transparent"));
        m_transparent->setChecked(settings.value(QStringLiteral("transparent"), false).toBool());
        form->addRow(m_transparent);
    }
    m_error->setWordWrap(true);
    setErrorMark(m_error, ErrorMark::Text);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setObjectName(QStringLiteral("exportError"));
    // Room for a message is kept (three lines): the first error does not move Save.
    m_error->setMinimumHeight(3 * m_error->fontMetrics().lineSpacing());
    m_error->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->addRow(m_error);
    // An edited path makes the last message stale.
    connect(m_path, &QLineEdit::textEdited, m_error, &QLabel::clear);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    form->addRow(buttons);

    connect(browseButton, &QPushButton::clicked, this, [this, browse] {
        const QString current = m_path->text();
        const QString chosen =
            browse == Browse::Folder
                ? existingDirectory(this, tr("Folder for PNG frames"),
                                    QFileInfo(current).absolutePath())
                : saveFileName(this, windowTitle(), current,
                               tr("Images and figures (*.png *.jpg *.jpeg *.svg *.pdf);;"
                                  "PNG (*.png);;JPEG (*.jpg *.jpeg);;"
                                  "SVG figure (*.svg);;PDF figure (*.pdf)"));
        if (!chosen.isEmpty())
            m_path->setText(chosen);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::save);
}

void ExportDialog::save() {
    const ExportRequest request{m_path->text(), m_width->value(), m_height->value(),
                                m_transparent && m_transparent->isChecked()};
    const QString problem = m_exporter(request);
    m_error->setText(problem);
    if (!problem.isEmpty()) {
        if (m_error->heightForWidth(m_error->width()) > m_error->height())
            adjustSize(); // grow to show the whole message (longer than the room kept)
        return;
    }
    QSettings settings;
    settings.beginGroup(m_group);
    settings.setValue(QStringLiteral("path"), request.path);
    // A size is remembered only when the person typed one; the offered one is offered anew
    // (the view's shape of the moment) next time.
    const QString width = sizeSetting(QStringLiteral("typedWidth"), m_sizeKey);
    const QString height = sizeSetting(QStringLiteral("typedHeight"), m_sizeKey);
    if (QSize(request.width, request.height) == m_offered) {
        settings.remove(width);
        settings.remove(height);
    } else {
        settings.setValue(width, request.width);
        settings.setValue(height, request.height);
    }
    settings.setValue(QStringLiteral("transparent"), request.transparent);
    accept();
}

} // namespace gs
