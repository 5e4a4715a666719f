#include "exportdialog.h"

#include "sceneexport.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace gs {

ExportDialog::ExportDialog(QWidget* parent, const QString& title, const QString& pathLabel,
                           const QString& defaultPath, Browse browse, QSize defaultSize,
                           bool offerTransparency, Exporter exporter)
    : QDialog(parent)
    , m_path(new QLineEdit(defaultPath))
    , m_width(new QSpinBox)
    , m_height(new QSpinBox)
    , m_error(new QLabel)
    , m_exporter(std::move(exporter)) {
    setWindowTitle(title);
    auto* form = new QFormLayout(this);
    auto* browseButton = new QPushButton(browse == Browse::Folder ? tr("Folder…") : tr("Browse…"));
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path);
    pathRow->addWidget(browseButton);
    form->addRow(pathLabel, pathRow);
    for (QSpinBox* box : {m_width, m_height})
        box->setRange(16, kMaxExportSide);
    m_width->setValue(std::min(kMaxExportSide, defaultSize.width()));
    m_height->setValue(std::min(kMaxExportSide, defaultSize.height()));
    form->addRow(tr("Width (px)"), m_width);
    form->addRow(tr("Height (px)"), m_height);
    if (offerTransparency) {
        m_transparent = new QCheckBox(tr("Transparent background (PNG)"));
        form->addRow(m_transparent);
    }
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    form->addRow(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    form->addRow(buttons);

    connect(browseButton, &QPushButton::clicked, this, [this, browse] {
        const QString chosen =
            browse == Browse::Folder
                ? QFileDialog::getExistingDirectory(this, tr("Folder for PNG frames"))
                : QFileDialog::getSaveFileName(this, windowTitle(), m_path->text(),
                                               tr("Images (*.png *.jpg *.jpeg)"));
        if (!chosen.isEmpty())
            m_path->setText(chosen);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::save);
}

void ExportDialog::save() {
    const ExportRequest request{m_path->text(), m_width->value(), m_height->value(),
                                m_transparent && m_transparent->isChecked()};
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QString problem = m_exporter(request);
    QApplication::restoreOverrideCursor();
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        accept();
}

} // namespace gs
