#pragma once
// The person's preferences (Edit ▸ Preferences), kept in QSettings under "preferences/":
// defaults for a new document (resolution, wire lines), the scene's colours, the theme and
// a font scale for lectures. The command line never reads them, so --export and the
// baselines draw the same picture on every machine.

#include "scenestyle.h"

#include <QColor>
#include <QList>

class QSettings;

namespace gs {

struct Preferences {
    enum class Theme { Light, Dark };

    int resolution;      ///< samples per axis of a new document
    int wireLines;       ///< wire lines per axis of a new document
    QColor surface;      ///< the surface (wireframe) and the curve
    QColor tangent;      ///< the tangent plane
    QColor quadratic;    ///< the quadratic model
    QList<QColor> paths; ///< the optimizer runs, in order (repeating)
    Theme theme = Theme::Light;
    double fontScale = 1.0; ///< scene text and the window's font (lectures: 1.5 or 2)

    /// The defaults: the option table's resolution and wire lines, SceneLook's colours.
    Preferences();
    bool operator==(const Preferences&) const = default;

    /// The scene look these preferences give (theme, colours, font scale).
    SceneLook look() const;

    static constexpr double kMinFontScale = 0.75, kMaxFontScale = 3.0;
};

/// Reads the preferences from `store` (missing or invalid values: the defaults).
Preferences loadPreferences(const QSettings& store);
void savePreferences(QSettings& store, const Preferences& preferences);

/// Makes `preferences` the application's: the scene look for every scene built or re-styled
/// from now on, the widgets' palette (light or dark) and the font size. Call after the
/// QApplication exists. (MainWindow::applyPreferences also re-styles the open views.)
void applyPreferencesToApplication(const Preferences& preferences);
/// The font scale applyPreferencesToApplication gave the application (1 before it ran).
double appliedFontScale();

} // namespace gs
