#include "exportdialog.h"

#include "errorcolour.h"
#include "optionwidgets.h"

#include "sceneexport.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetrics>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

namespace gs {

ExportDialog::ExportDialog(QWidget* parent, const QString& title, const QString& pathLabel,
                           const QString& settingsGroup, const QString& defaultName, Browse browse,
                           QSize defaultSize, const QString& transparencyLabel, Exporter exporter)
    : QDialog(parent)
    , m_group(settingsGroup)
    , m_path(new QLineEdit)
    , m_width(new QSpinBox)
    , m_height(new QSpinBox)
    , m_error(new QLabel)
    , m_exporter(std::move(exporter)) {
    setWindowTitle(title);
    QSettings settings;
    settings.beginGroup(m_group);
    // The last path's folder and format, with the default name when none is remembered.
    const QString last = settings.value(QStringLiteral("path")).toString();
    m_path->setText(last.isEmpty() ? QDir::home().filePath(defaultName) : last);
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
    m_width->setValue(std::min(
        kMaxExportSide, settings.value(QStringLiteral("width"), defaultSize.width()).toInt()));
    m_height->setValue(std::min(
        kMaxExportSide, settings.value(QStringLiteral("height"), defaultSize.height()).toInt()));
    form->addRow(tr("Width"), m_width);
    form->addRow(tr("Height"), m_height);
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
                ? QFileDialog::getExistingDirectory(this, tr("Folder for PNG frames"),
                                                    QFileInfo(current).absolutePath())
                : QFileDialog::getSaveFileName(
                      this, windowTitle(), current,
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
    settings.setValue(QStringLiteral("width"), request.width);
    settings.setValue(QStringLiteral("height"), request.height);
    settings.setValue(QStringLiteral("transparent"), request.transparent);
    accept();
}

} // namespace gs
