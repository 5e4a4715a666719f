#include "preferences.h"

#include "errorcolour.h"
#include "optiontable.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QFont>
#include <QPainter>
#include <QPalette>
#include <QProxyStyle>
#include <QSettings>
#include <QStringList>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>
#include <QTimer>
#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace gs {

namespace {

/// 8 bits a channel: what a colour dialog shows and the settings file keeps (#rrggbb).
QColor toColor(const Rgb& c) {
    return QColor(qRound(c[0] * 255), qRound(c[1] * 255), qRound(c[2] * 255));
}

/// The chosen colour; the default's exact value when it is the default's colour (so default
/// preferences draw exactly what the command line draws).
Rgb toRgb(const QColor& chosen, const Rgb& byDefault) {
    if (chosen == toColor(byDefault))
        return byDefault;
    return {chosen.redF(), chosen.greenF(), chosen.blueF()};
}

const QString kGroup = QStringLiteral("preferences/");

QColor readColor(const QSettings& store, const QString& key, const QColor& fallback) {
    const QColor c = QColor::fromString(store.value(kGroup + key).toString());
    return c.isValid() ? c : fallback;
}

int readInt(const QSettings& store, const QString& key, const OptionSpec& spec, int fallback) {
    bool ok = false;
    const int v = store.value(kGroup + key).toInt(&ok);
    return ok && spec.accepts(v) ? v : fallback;
}

/// The style and palette the application started with (the light theme).
struct StartupLook {
    QString style;
    QPalette palette;
    QFont font;
};
std::optional<StartupLook>& startupLook() {
    static std::optional<StartupLook> look;
    return look;
}

QPalette darkPalette() {
    // Fusion's palette on a dark ground; the same greys as SceneLook::dark.
    QPalette p;
    const QColor window(45, 45, 50), base(31, 31, 36), text(230, 230, 235);
    const QColor disabled(130, 130, 135), highlight(0x33, 0x7a, 0xb7);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(0x56, 0xb4, 0xe9));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

/// Fusion on the dark palette, with check box indicators that show. Fusion outlines an
/// indicator in the window colour darkened by 40 % (QFusionStylePrivate::outline, no palette
/// role): on the dark window (45, 45, 50) that is (32, 32, 36), around a box filled with the
/// fields' (31, 31, 36), so an unchecked box ("log scale", "Transparent background") was an
/// invisible square, 1.0:1 against the window; a checked one showed only by its mark. The
/// outline is drawn again in the window's text colour 60 % of the way from the window
/// (#9c9ca1 here: 5.0:1 against the window; test_gui darkCheckBoxesShow measures it).
class DarkFusionStyle : public QProxyStyle {
public:
    DarkFusionStyle()
        : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) {}
    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget) const override {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        if (element != PE_IndicatorCheckBox || (option->state & State_HasFocus))
            return; // a focused box has Fusion's highlighted outline
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(indicatorOutline(option->palette), 0));
        painter->drawRect(option->rect.adjusted(0, 0, -1, -1));
        painter->restore();
    }
    static QColor indicatorOutline(const QPalette& p) {
        const QColor w = p.color(QPalette::Window), t = p.color(QPalette::WindowText);
        const double k = 0.6;
        return QColor::fromRgbF(float(w.redF() + k * (t.redF() - w.redF())),
                                float(w.greenF() + k * (t.greenF() - w.greenF())),
                                float(w.blueF() + k * (t.blueF() - w.blueF())));
    }
};

} // namespace

Preferences::Preferences()
    : resolution(int(options::resolution.defaultValue))
    , wireLines(int(options::wireLines.defaultValue)) {
    const SceneLook look;
    surface = toColor(look.surface);
    tangent = toColor(look.tangent);
    quadratic = toColor(look.quadratic);
    for (const Rgb& c : look.runs)
        paths << toColor(c);
}

SceneLook Preferences::look() const {
    const SceneLook defaults;
    SceneLook base = theme == Theme::Dark ? defaults.dark() : defaults;
    // A colour left at its default takes the theme's (the dark theme's quadratic is a light
    // violet: the default purple has 1.7:1 on the dark ground); a chosen one is kept.
    auto byTheme = [](const QColor& chosen, const Rgb& fallback, const Rgb& theme) {
        const Rgb c = toRgb(chosen, fallback);
        return c == fallback ? theme : c;
    };
    base.surface = byTheme(surface, defaults.surface, base.surface);
    base.tangent = byTheme(tangent, defaults.tangent, base.tangent);
    base.quadratic = byTheme(quadratic, defaults.quadratic, base.quadratic);
    // A run left at its default colour takes the theme's (the dark theme lightens the three
    // darkest); a colour the person chose is kept on either theme.
    const std::vector<Rgb> themed = base.runs;
    base.runs.clear();
    for (qsizetype i = 0; i < paths.size(); ++i) {
        const std::size_t k = std::size_t(i) % defaults.runs.size();
        const Rgb chosen = toRgb(paths[i], defaults.runs[k]);
        base.runs.push_back(chosen == defaults.runs[k] ? themed[k] : chosen);
    }
    if (base.runs.empty())
        base.runs = themed;
    return base.withFontScale(fontScale);
}

Preferences loadPreferences(const QSettings& store) {
    Preferences p;
    p.resolution = readInt(store, QStringLiteral("resolution"), options::resolution, p.resolution);
    p.wireLines = readInt(store, QStringLiteral("wireLines"), options::wireLines, p.wireLines);
    p.surface = readColor(store, QStringLiteral("surface"), p.surface);
    p.tangent = readColor(store, QStringLiteral("tangent"), p.tangent);
    p.quadratic = readColor(store, QStringLiteral("quadratic"), p.quadratic);
    const QStringList paths = store.value(kGroup + QStringLiteral("paths")).toStringList();
    for (qsizetype i = 0; i < std::min(paths.size(), p.paths.size()); ++i)
        if (const QColor c = QColor::fromString(paths[i]); c.isValid())
            p.paths[i] = c;
    p.theme = store.value(kGroup + QStringLiteral("theme")).toString() == QStringLiteral("dark")
                  ? Preferences::Theme::Dark
                  : Preferences::Theme::Light;
    bool ok = false;
    const double scale = store.value(kGroup + QStringLiteral("fontScale")).toDouble(&ok);
    if (ok && scale >= Preferences::kMinFontScale && scale <= Preferences::kMaxFontScale)
        p.fontScale = scale;
    return p;
}

void savePreferences(QSettings& store, const Preferences& p) {
    store.setValue(kGroup + QStringLiteral("resolution"), p.resolution);
    store.setValue(kGroup + QStringLiteral("wireLines"), p.wireLines);
    store.setValue(kGroup + QStringLiteral("surface"), p.surface.name());
    store.setValue(kGroup + QStringLiteral("tangent"), p.tangent.name());
    store.setValue(kGroup + QStringLiteral("quadratic"), p.quadratic.name());
    QStringList paths;
    for (const QColor& c : p.paths)
        paths << c.name();
    store.setValue(kGroup + QStringLiteral("paths"), paths);
    store.setValue(kGroup + QStringLiteral("theme"), p.theme == Preferences::Theme::Dark
                                                         ? QStringLiteral("dark")
                                                         : QStringLiteral("light"));
    store.setValue(kGroup + QStringLiteral("fontScale"), p.fontScale);
}

namespace {
double& fontScaleApplied() {
    static double scale = 1.0;
    return scale;
}
} // namespace

double appliedFontScale() {
    return fontScaleApplied();
}

void applyPreferencesToApplication(const Preferences& p) {
    setSceneLook(p.look());
    fontScaleApplied() = p.fontScale;
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    if (!app)
        return;
    std::optional<StartupLook>& start = startupLook();
    if (!start)
        start = StartupLook{QApplication::style()->name(), QApplication::palette(),
                            QApplication::font()};
    if (p.theme == Preferences::Theme::Dark) {
        // Fusion draws every widget from the palette, so the whole window turns dark.
        QApplication::setStyle(new DarkFusionStyle);
        QApplication::setPalette(darkPalette());
    } else {
        QApplication::setStyle(QStyleFactory::create(start->style));
        QApplication::setPalette(start->palette);
    }
    refreshErrorMarks(); // messages and fields showing an error take the theme's red
    QFont font = start->font;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * p.fontScale);
    else
        font.setPixelSize(int(font.pixelSize() * p.fontScale));
    QApplication::setFont(font);
    // QComboBox forgets its cached size hint on a font change but keeps its minimum size hint
    // (Qt 6: only a style change clears both), so a combo box shown at a larger font stayed
    // that wide after the font shrank back, and with it its panel. A style change event
    // makes each recompute both from its font; sent once the font changes have reached the
    // widgets (Qt delivers them through the event queue).
    //
    // A widget with a style sheet of its own (an error message, a marked field, the State
    // table) is skipped when the font and the palette of its parent change: Qt leaves it to
    // the parent's style sheet, and a parent without one passes nothing on (QWidgetPrivate::
    // updateFont, propagatePaletteChange). So the State table stayed white on the dark theme
    // and the error messages at the first font, ~11 px at font scale 1.5 (issue #9, tester
    // s8). Each is told, as QApplication tells a window, to take its parent's again: parents
    // first, so a child takes its parent's new font and palette.
    QTimer::singleShot(0, app, [] {
        std::vector<std::pair<int, QWidget*>> styled; // (depth, widget)
        for (QWidget* w : QApplication::allWidgets())
            if (!w->isWindow() && w->testAttribute(Qt::WA_StyleSheet)) {
                int depth = 0;
                for (const QWidget* p = w->parentWidget(); p; p = p->parentWidget())
                    ++depth;
                styled.emplace_back(depth, w);
            }
        std::stable_sort(styled.begin(), styled.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [depth, w] : styled) {
            QEvent font(QEvent::ApplicationFontChange);
            QEvent palette(QEvent::ApplicationPaletteChange);
            QApplication::sendEvent(w, &font);
            QApplication::sendEvent(w, &palette);
        }
        for (QWidget* w : QApplication::allWidgets())
            if (auto* combo = qobject_cast<QComboBox*>(w)) {
                QEvent restyled(QEvent::StyleChange);
                QApplication::sendEvent(combo, &restyled);
                combo->updateGeometry();
            }
    });
}

} // namespace gs
