#include "errorcolour.h"

#include <QApplication>
#include <QPalette>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace gs {

namespace {

/// WCAG 2 relative luminance: sRGB channels linearized (c / 12.92 up to 0.04045, else
/// ((c + 0.055) / 1.055)^2.4), weighted 0.2126, 0.7152, 0.0722.
double luminance(const QColor& c) {
    auto linear = [](double v) {
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}

const char* const kMarkProperty = "gsErrorMark";

/// Of `onLight` and `onDark`, `onLight` where it keeps 4.5:1 against the palette's Window and
/// Base, else the one whose lower contrast against the two is higher.
QColor pickForContrast(const QPalette& palette, const QColor& onLight, const QColor& onDark);

/// Sets the style sheet of `w` for its mark (kMarkProperty) in the application palette's
/// error colour; nothing when it already has that sheet.
void applyMark(QWidget* w) {
    const auto mark = ErrorMark(w->property(kMarkProperty).toInt());
    const QPalette palette = QApplication::palette(w);
    const QString sheet = errorStyleSheet(mark, mark == ErrorMark::Warning ? warningColour(palette)
                                                                           : errorColour(palette));
    if (w->styleSheet() != sheet)
        w->setStyleSheet(sheet);
}

} // namespace

double contrastRatio(const QColor& a, const QColor& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

namespace {
QColor pickForContrast(const QPalette& palette, const QColor& onLight, const QColor& onDark) {
    const QColor window = palette.color(QPalette::Window), base = palette.color(QPalette::Base);
    auto worst = [&](const QColor& c) {
        return std::min(contrastRatio(c, window), contrastRatio(c, base));
    };
    return worst(onLight) >= 4.5 || worst(onLight) >= worst(onDark) ? onLight : onDark;
}
} // namespace

QColor errorColour(const QPalette& palette) {
    return pickForContrast(palette, QColor(0xb0, 0x00, 0x20), QColor(0xff, 0x8a, 0x80));
}

QColor warningColour(const QPalette& palette) {
    return pickForContrast(palette, QColor(0x8a, 0x4b, 0x00), QColor(0xff, 0xb7, 0x4d));
}

QString errorStyleSheet(ErrorMark mark, const QColor& colour) {
    switch (mark) {
    case ErrorMark::None:
        return {};
    case ErrorMark::Text:
    case ErrorMark::Warning:
        return QStringLiteral("color: %1;").arg(colour.name());
    case ErrorMark::Border:
        return QStringLiteral("border: 1px solid %1;").arg(colour.name());
    }
    return {};
}

void setErrorMark(QWidget* widget, ErrorMark mark) {
    widget->setProperty(kMarkProperty, int(mark));
    applyMark(widget);
}

void refreshErrorMarks() {
    for (QWidget* w : QApplication::allWidgets())
        if (w->property(kMarkProperty).toInt() != int(ErrorMark::None))
            applyMark(w);
}

} // namespace gs
