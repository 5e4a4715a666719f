#pragma once
// Edit ▸ Preferences: the defaults of a new document, the scene's colours, the theme and the
// font scale (preferences.h). OK and Apply hand the preferences to whoever listens (the
// window saves and applies them); Restore Defaults fills in the defaults.

#include "preferences.h"

#include <QDialog>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;
class QToolButton;

namespace gs {

/// A button showing a colour; a click opens the colour dialog.
class ColorButton : public QWidget {
    Q_OBJECT
public:
    explicit ColorButton(const QString& name, QWidget* parent = nullptr);
    QColor color() const { return m_color; }
    void setColor(const QColor& color);
    QToolButton* button() const { return m_button; }

private:
    QToolButton* m_button;
    QString m_name;
    QColor m_color;
};

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(const Preferences& preferences, QWidget* parent = nullptr);

    Preferences preferences() const;
    void setPreferences(const Preferences& preferences);

    QSpinBox* resolutionBox() const { return m_resolution; }
    QComboBox* themeBox() const { return m_theme; }
    ColorButton* surfaceButton() const { return m_surface; }

signals:
    /// OK or Apply: these preferences are to be saved and used.
    void applied(const gs::Preferences& preferences);

protected:
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    /// Sizes the dialog for its text at the current font: its notes wrap to as many lines as
    /// they need at the dialog's width (a top-level layout takes no height for width by
    /// itself: a font scale applied while the dialog was open cut the notes to a line).
    void fitToText();

    QSpinBox* m_resolution;
    QSpinBox* m_wireLines;
    ColorButton* m_surface;
    ColorButton* m_tangent;
    ColorButton* m_quadratic;
    std::vector<ColorButton*> m_paths;
    QComboBox* m_theme;
    QDoubleSpinBox* m_fontScale;
};

} // namespace gs
