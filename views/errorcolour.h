#pragma once
// The one colour of error messages and refused fields, from the theme: a dark red on a light
// ground, a light red on a dark one, so a message keeps a WCAG contrast ratio of at least
// 4.5:1 (normal text, level AA) against the window and the fields it is shown on.

#include <QColor>
#include <QString>

class QPalette;
class QWidget;

namespace gs {

/// #b00020 (7.3:1 on white) where that keeps 4.5:1 against the palette's Window and Base,
/// else #ff8a80 (6.0:1 on the dark theme's window, 7.2:1 on its fields): of the two, the one
/// whose lower contrast against Window and Base is higher.
QColor errorColour(const QPalette& palette);

/// The colour of warnings and notices (a note about the domain: not an error), picked as
/// errorColour is: #8a4b00 (6.8:1 on white) where that keeps 4.5:1 against Window and Base,
/// else #ffb74d (7.1:1 on the dark theme's window); #8a4b00 had 1.8:1 there.
QColor warningColour(const QPalette& palette);

/// WCAG 2 contrast ratio (L1 + 0.05) / (L2 + 0.05) of two colours, from their relative
/// luminances L = 0.2126 R + 0.7152 G + 0.0722 B of the linearized sRGB channels.
double contrastRatio(const QColor& a, const QColor& b);

/// How a widget shows an error: not at all, its text in the error colour (a message label, a
/// field whose text is refused) or a 1-pixel border in it (a refused field); or a warning: its
/// text in the warning colour (a notice).
enum class ErrorMark { None, Text, Border, Warning };

/// Marks `widget` by a style sheet built from errorColour() (warningColour() for Warning) of
/// the application's palette.
/// None clears the style sheet. The widget's style sheet is the mark's alone.
void setErrorMark(QWidget* widget, ErrorMark mark);
/// Rebuilds every marked widget's style sheet from the application's palette, after the
/// theme changed (applyPreferencesToApplication calls it: a widget with a style sheet gets
/// no palette change event from QApplication::setPalette, so it cannot follow by itself).
void refreshErrorMarks();

/// The style sheet setErrorMark gives for `mark` in `colour` (empty for None; Warning is a
/// text colour as Text is).
QString errorStyleSheet(ErrorMark mark, const QColor& colour);

} // namespace gs
