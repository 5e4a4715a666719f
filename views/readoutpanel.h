#pragma once
// The numbers at the expansion point: f, gradient, Hessian, its eigenvalues, the
// classification and the approximation check. It formats what the engine computed.
// Plain-text labels in a fixed grid: a drag updates it on every move, and rich-text
// layout cost milliseconds per frame. The grid lives in an inner widget, and the panel tells
// its parent's layout only when the grid's size hints change: a new number in a label of the
// same size does not lay out the whole side panel again (docs/benchmarks.md, drag).

#include "criticalpoints.h"
#include "surface.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

#include <Eigen/Core>

class QGridLayout;
class QLabel;

namespace gs {

class ReadoutPanel : public QWidget {
    Q_OBJECT
public:
    explicit ReadoutPanel(QWidget* parent = nullptr);
    /// `near`: the critical point found nearest x0 when x0 is not critical but close to it
    /// (Document::nearCriticalPoint), named in the "point" row with its distance.
    void setExpansion(const Expansion& e, const QStringList& names,
                      const CriticalPoint* near = nullptr, double distance = 0);
    /// The plot's mean slope S (overlays.h: meanSlope), the gradient arrows' scale, which
    /// the "arrows" row explains. Set before setExpansion.
    void setArrowScale(double slope) { m_slope = slope; }
    /// The panel's text, one "name: value" line per row (for tests and copying): the rows of
    /// words as given (not broken to the panel's width), the vectors and matrix as shown.
    QString text() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    /// How many times the panel asked its parent's layout for a new layout (its size hints
    /// changed): a drag's move that changes only numbers asks none (test_gui).
    int relayoutRequests() const { return m_relayoutRequests; }

protected:
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void setRowVisible(const QString& key, bool visible);
    /// The row `key` in its place, created empty when new; its text is set by reformat (a
    /// drag's move sets each label's text once: every new text asks for a new layout).
    void placeRow(const QString& key, const QString& name);
    /// `words`: a row of words (broken to the value column's width by wrapWords); the rows
    /// other than the vectors and the matrix always are.
    void setRow(const QString& key, const QString& name, const QString& text,
                const QString& full = {}, bool words = false);
    /// Re-formats the vectors and the matrix for the width the value column has now.
    void reformat();
    /// How many characters of the fixed-width font fit the value column.
    int valueColumnChars() const;

    /// The grid's size hints as the parent's layout last saw them (at this width).
    struct Hints {
        QSize size, minimum;
        int width = -1, height = -1;
        bool operator==(const Hints&) const = default;
    };
    Hints hints() const;
    /// Asks the parent's layout for a new layout when the grid's hints differ from `m_hints`.
    void followHints();

    QWidget* m_body; ///< holds the grid; the panel's only child
    QGridLayout* m_grid;
    Hints m_hints;
    int m_relayoutRequests = 0;
    QStringList m_keys;
    QList<QLabel*> m_names, m_values;
    /// The rows of words as given, by key (wrapped to the value column when shown).
    QHash<QString, QString> m_texts;
    // What the rows that depend on the width show (kept to re-format on a resize).
    Eigen::VectorXd m_point, m_gradient, m_eigenvalues, m_epsilon;
    Eigen::MatrixXd m_hessian;
    /// A function of one input: f′ and f″ (no eigenvalues), a tangent line.
    bool m_oneInput = false;
    /// f(x₀) is not finite: its derivatives are not meaningful, and the rows say so.
    bool m_valueFinite = true;
    int m_chars = 0;
    double m_slope = 0;
};

/// A number as the readout shows it: 6 significant digits, "undefined" when not finite.
QString formatNumber(double v, int digits = 6);

/// A vector "(a, b, c)" broken after a comma into lines of at most `maxChars` characters
/// (a single entry longer than that gets a line of its own; nothing is ever cut).
QString formatVector(const Eigen::VectorXd& v, int maxChars = 1 << 20);

/// `text` broken between words into lines of at most `maxChars` characters (its own line
/// breaks kept; a word longer than a line broken where the line ends): nothing is cut.
QString wrapWords(const QString& text, int maxChars);

/// A matrix as right-aligned columns two spaces apart (so two entries never touch). Where
/// the rows are wider than `maxChars`, the entries get 4 significant digits instead of 6,
/// and if that is still too wide the columns are shown in blocks ("columns 1–2", ...) that
/// fit. Every entry is always shown in full.
QString formatMatrix(const Eigen::MatrixXd& m, int maxChars = 1 << 20);

} // namespace gs
