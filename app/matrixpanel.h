#pragma once
// The "Matrix Calculus" dock: for a function with shaped inputs (x[3], V[2,3]), the selected
// input's current value and the gradient of f with respect to it (the denominator layout:
// df/dV has V's shape), each a grid of numbers coloured by a diverging map (blue negative,
// white zero, red positive, scaled by the grid's largest magnitude). Below, a field for the
// closed form a person believes ("(A + A') * x"), the input it is taken with respect to, and
// the report of engine/matrixcalculus.h's checkGradient at the current values and at
// kDefaultGradientDraws random draws. Editing a value cell or "Randomize" moves the point
// through the document (one undo step each). It shares the left dock area with the panel, so
// the plot keeps its room. The numbers shown come from the document's expansion (the
// gradient) and the engine's check: this view computes no mathematics.

#include "dockwidget.h"
#include <cstdint>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace gs {

class Document;

class MatrixPanel : public DockWidget {
    Q_OBJECT
public:
    explicit MatrixPanel(Document* doc, QWidget* parent = nullptr);

    /// Fills the closed form and the input it is taken with respect to (an example's), and
    /// checks it.
    void setClosedForm(const QString& closedForm, const QString& withRespectTo);
    /// The theme changed (the window's Preferences): the grids take its colours.
    void applyLook();

    /// The widgets, for tests.
    QComboBox* inputChoice() const { return m_input; }
    QTableWidget* valueTable() const { return m_values; }
    QTableWidget* gradientTable() const { return m_gradient; }
    QLineEdit* closedFormEdit() const { return m_closedForm; }
    QComboBox* withRespectToChoice() const { return m_withRespectTo; }
    QPushButton* randomizeButton() const { return m_randomize; }
    /// The check's summary ("agrees to 4.4e-16 at the point and on 20 random draws"), or why
    /// there is none.
    QString report() const;
    /// The entries where the closed form differs (one per line), or empty.
    QString differences() const;
    /// Whether the last check agreed.
    bool agrees() const { return m_agrees; }

public slots:
    /// Checks the closed form against the automatic gradient (also on every change of f or
    /// its point); the gradient cells where it differs at the point turn bold.
    void check();
    /// Sets every entry of the selected input to a draw from N(0, 1) (a fresh seed each time,
    /// from a counter: reproducible within a session), one undo step.
    void randomize();

protected:
    void changeEvent(QEvent* event) override;

private:
    void onDocumentChanged();
    /// Re-reads the document: the inputs, the grids and the check.
    void refresh();
    /// Refills the input choices when f's inputs changed; keeps the selection by name.
    void syncInputs();
    void fillTables();
    void onValueEdited(int row, int col);

    Document* m_doc;
    QComboBox* m_input;
    QPushButton* m_randomize;
    QLabel *m_valueLabel, *m_gradientLabel;
    QTableWidget *m_values, *m_gradient;
    QLineEdit* m_closedForm;
    QComboBox* m_withRespectTo;
    QLabel *m_error, *m_report, *m_differences;
    QStringList m_inputNames; ///< the declared inputs the choices were built for
    bool m_filling = false;   ///< the tables are being filled (not edited by a person)
    bool m_agrees = false;
    bool m_stale = false;     ///< the document changed while the dock was hidden
    std::uint64_t m_seed = 1; ///< the next randomization's seed
};

} // namespace gs
