#pragma once
// The window's controls for declared options (engine/optiontable.h): ranges, defaults and
// tooltips come from the one declaration, as the document's validation and the command line's
// do, so the three cannot disagree.

#include "fieldgrid.h"
#include "optiontable.h"

#include <QDoubleSpinBox>
#include <QLayout>
#include <QList>
#include <optional>
#include <utility>

class QSlider;
class QSpinBox;

namespace gs {

/// Range, tooltip (label, help and the range in words) and, for an exclusive lower bound,
/// the smallest value the box's decimals can show above it.
void applyOption(QDoubleSpinBox* box, const OptionSpec& spec);
void applyOption(QSpinBox* box, const OptionSpec& spec);

/// A slider that moves in decades over a log-scale option's range (from sliderMin where the
/// range reaches down to 0), `ticksPerDecade` ticks a decade.
class LogSliderScale {
public:
    LogSliderScale(const OptionSpec& spec, int ticksPerDecade = 20);
    void apply(QSlider* slider) const; ///< its range and tooltip
    int toTick(double value) const;
    double toValue(int tick) const;

private:
    double m_lo, m_hi; ///< log10 of the ends
    int m_ticksPerDecade;
};

/// A number box that takes what a person types: a number, or an expression of numbers
/// ("log(2)", "pi/4", "1e-3", evaluated by the engine: evaluateConstant). What it cannot take
/// ("nan", "1e999", a value out of its range, "x+1") is said, never dropped in silence (tester
/// s15: typed "log(2)" and "nan" vanished): numberRefusals() relays the message, naming the
/// box by its tooltip, and the box keeps its last value.
class NumberSpinBox : public QDoubleSpinBox {
public:
    explicit NumberSpinBox(QWidget* parent = nullptr);
    QValidator::State validate(QString& text, int& pos) const override;
    void fixup(QString& text) const override;
    double valueFromText(const QString& text) const override;
    /// The last refusal's message (empty after an accepted entry), for tests.
    QString lastRefusal() const { return m_refusal; }
    /// Takes the refusal's mark off: a new entry, or a value the document took from elsewhere.
    void clearRefusedMark();

protected:
    /// The text without prefix, suffix and surrounding spaces.
    QString number(const QString& text) const;
    /// The exact value of an expression just typed, while the box shows it rounded.
    std::optional<double> typedValue(const QString& text) const;
    static constexpr int kMaxText = 200;

private:
    /// A refusal shown at the box too (tester s18: only the status bar said it): its text in
    /// the error colour and the message beside it, till the next entry.
    void markRefused(const QString& message);

    mutable std::optional<std::pair<QString, double>> m_typed;
    mutable QString m_refusal;
};

/// Where every NumberSpinBox says what it refused: the window shows it in its message area.
class NumberRefusals : public QObject {
    Q_OBJECT
signals:
    void refused(const QString& message);
};
NumberRefusals* numberRefusals();

/// A number box as wide as its text needs: its size hint holds `widest` (the longest text
/// it is meant to show, e.g. "-1000.0000") and the text it shows now, whichever is wider, so
/// its text is never cut when the layout gives it its hint. Qt's own hint measures the
/// range's ends (a domain of ±1e12 asks for 18 characters).
class FittedSpinBox : public NumberSpinBox {
public:
    explicit FittedSpinBox(const QString& widest = QString(), QWidget* parent = nullptr);
    void setWidestText(const QString& widest);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

private:
    QString m_widest;
};

/// A number box that keeps a typed or set value at full precision: a QDoubleSpinBox rounds
/// to its decimals (a typed x₀ of 0.123456789 became 0.1234 and f was computed there, issue
/// #9 item 2). It shows the value in at most kDigits significant digits ("0.123456789",
/// "1e-05"), reads what is typed back exactly, and refuses NaN and infinities.
class PreciseSpinBox : public NumberSpinBox {
public:
    static constexpr int kDigits = 10;
    explicit PreciseSpinBox(QWidget* parent = nullptr);
    QString textFromValue(double value) const override;
    double valueFromText(const QString& text) const override;
    QValidator::State validate(QString& text, int& pos) const override;
};

/// Makes the wheel scroll the panel under the pointer, not a number box sliding under it
/// (issue s8 #9: Quadratic radius went from 1.0 to 2.0 while the person scrolled): every
/// spin box of the application takes the wheel only when it has the keyboard focus (a click
/// or Tab gives it), and gets Qt::StrongFocus (Qt's default for them, WheelFocus, gives the
/// focus to the box the wheel meets first). Installed on the application once; idempotent.
void guardSpinBoxWheels();

} // namespace gs
