#include "preferencesdialog.h"

#include "optiontable.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QScreen>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace gs {

namespace {

QSpinBox* optionBox(const OptionSpec& spec) {
    auto* box = new QSpinBox;
    box->setRange(int(spec.min), int(spec.max));
    box->setToolTip(QString::fromUtf8(spec.help.data(), qsizetype(spec.help.size())));
    return box;
}

} // namespace

ColorButton::ColorButton(const QString& name, QWidget* parent)
    : QWidget(parent)
    , m_button(new QToolButton)
    , m_name(name) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_button);
    m_button->setIconSize(QSize(36, 18));
    m_button->setAccessibleName(name);
    connect(m_button, &QToolButton::clicked, this, [this] {
        const QColor c = QColorDialog::getColor(m_color, this, m_name);
        if (c.isValid())
            setColor(c);
    });
}

void ColorButton::setColor(const QColor& color) {
    m_color = color;
    QPixmap swatch(m_button->iconSize() * m_button->devicePixelRatioF());
    swatch.setDevicePixelRatio(m_button->devicePixelRatioF());
    swatch.fill(color);
    {
        QPainter p(&swatch);
        p.setPen(QColor(0, 0, 0, 90));
        p.drawRect(QRectF(QPointF(0, 0), QSizeF(m_button->iconSize())).adjusted(0, 0, -1, -1));
    }
    m_button->setIcon(QIcon(swatch));
    m_button->setToolTip(QStringLiteral("%1: %2").arg(m_name, color.name()));
}

PreferencesDialog::PreferencesDialog(const Preferences& preferences, QWidget* parent)
    : QDialog(parent)
    , m_resolution(optionBox(options::resolution))
    , m_wireLines(optionBox(options::wireLines))
    , m_surface(new ColorButton(tr("Surface")))
    , m_tangent(new ColorButton(tr("Tangent plane")))
    , m_quadratic(new ColorButton(tr("Quadratic model")))
    , m_theme(new QComboBox)
    , m_fontScale(new QDoubleSpinBox) {
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));

    auto* document = new QGroupBox(tr("New documents"));
    auto* documentForm = new QFormLayout(document);
    documentForm->addRow(tr("&Resolution:"), m_resolution);
    documentForm->addRow(tr("&Wire lines:"), m_wireLines);
    auto* note = new QLabel(tr("Used when the window starts without a session; a session or "
                               "an option on the command line says its own."));
    note->setWordWrap(true);
    note->setEnabled(false);
    documentForm->addRow(note);

    auto* colours = new QGroupBox(tr("Colours"));
    auto* colourForm = new QFormLayout(colours);
    colourForm->addRow(tr("Surface:"), m_surface);
    colourForm->addRow(tr("Tangent plane:"), m_tangent);
    colourForm->addRow(tr("Quadratic model:"), m_quadratic);
    auto* pathRow = new QWidget;
    auto* pathLayout = new QHBoxLayout(pathRow);
    pathLayout->setContentsMargins(0, 0, 0, 0);
    for (qsizetype i = 0; i < preferences.paths.size(); ++i) {
        auto* b = new ColorButton(tr("Optimizer run %1").arg(i + 1));
        b->button()->setIconSize(QSize(18, 18));
        m_paths.push_back(b);
        pathLayout->addWidget(b);
    }
    pathLayout->addStretch(1);
    colourForm->addRow(tr("Optimizer runs:"), pathRow);
    auto* safe = new QLabel(tr("The defaults stay apart for colour-blind eyes (protanopia, "
                               "deuteranopia, tritanopia)."));
    safe->setWordWrap(true);
    safe->setEnabled(false);
    colourForm->addRow(safe);

    auto* appearance = new QGroupBox(tr("Appearance"));
    auto* appearanceForm = new QFormLayout(appearance);
    m_theme->addItem(tr("Light"), int(Preferences::Theme::Light));
    m_theme->addItem(tr("Dark"), int(Preferences::Theme::Dark));
    m_theme->setToolTip(tr("The window, the 3-D and 2-D views and the loss chart"));
    appearanceForm->addRow(tr("&Theme:"), m_theme);
    m_fontScale->setRange(Preferences::kMinFontScale, Preferences::kMaxFontScale);
    m_fontScale->setSingleStep(0.25);
    m_fontScale->setDecimals(2);
    m_fontScale->setSuffix(QStringLiteral(" ×"));
    m_fontScale->setToolTip(tr("Text in the views and the window, larger for lectures"));
    appearanceForm->addRow(tr("&Font scale:"), m_fontScale);

    auto* buttons =
        new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                             QDialogButtonBox::Apply | QDialogButtonBox::RestoreDefaults);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        emit applied(this->preferences());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            [this] { emit applied(this->preferences()); });
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setPreferences(Preferences()); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(document);
    layout->addWidget(colours);
    layout->addWidget(appearance);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setPreferences(preferences);
}

void PreferencesDialog::changeEvent(QEvent* event) {
    QDialog::changeEvent(event);
    // The application's font changed (Apply with another font scale): once every child has
    // it (Qt delivers the changes through the event queue), the dialog's size follows.
    if (event->type() == QEvent::FontChange)
        QTimer::singleShot(0, this, &PreferencesDialog::fitToText);
}

bool PreferencesDialog::event(QEvent* event) {
    const bool handled = QDialog::event(event);
    // A child's size changed (its font, a style): the notes may need more lines than the
    // dialog's height leaves them.
    if (event->type() == QEvent::LayoutRequest && layout() && layout()->hasHeightForWidth()) {
        const int needed = layout()->totalHeightForWidth(width());
        const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect();
        if (needed > height())
            resize(width(), screen.isValid() ? std::min(needed, screen.height()) : needed);
    }
    return handled;
}

void PreferencesDialog::fitToText() {
    QLayout* top = layout();
    if (!top)
        return;
    top->activate();
    const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect();
    int w = std::max(sizeHint().width(), minimumSizeHint().width());
    if (screen.isValid())
        w = std::min(w, screen.width());
    int h = top->hasHeightForWidth() ? top->totalHeightForWidth(w) : sizeHint().height();
    if (screen.isValid())
        h = std::min(h, screen.height());
    resize(w, h);
}

Preferences PreferencesDialog::preferences() const {
    Preferences p;
    p.resolution = m_resolution->value();
    p.wireLines = m_wireLines->value();
    p.surface = m_surface->color();
    p.tangent = m_tangent->color();
    p.quadratic = m_quadratic->color();
    p.paths.clear();
    for (const ColorButton* b : m_paths)
        p.paths << b->color();
    p.theme = Preferences::Theme(m_theme->currentData().toInt());
    p.fontScale = m_fontScale->value();
    return p;
}

void PreferencesDialog::setPreferences(const Preferences& p) {
    m_resolution->setValue(p.resolution);
    m_wireLines->setValue(p.wireLines);
    m_surface->setColor(p.surface);
    m_tangent->setColor(p.tangent);
    m_quadratic->setColor(p.quadratic);
    for (std::size_t i = 0; i < m_paths.size(); ++i)
        m_paths[i]->setColor(p.paths.value(qsizetype(i), m_paths[i]->color()));
    m_theme->setCurrentIndex(m_theme->findData(int(p.theme)));
    m_fontScale->setValue(p.fontScale);
}

} // namespace gs
