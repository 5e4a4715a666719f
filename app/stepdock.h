#pragma once
// The "Step by step" dock: what the selected optimizer run is thinking. Tab "Step": the
// iteration on screen split into its sub-steps (gradient -> moment update -> scaling ->
// step), each rule written out with its numbers (engine/stepexplain.h), stepped forward and
// back; tab "State": the run's state per iteration as a table that saves as the same CSV as
// `--descent --state-csv`; tab "η sweep": the run's method over log-spaced learning rates
// (engine/sweep.h), final f or steps against eta, on a quadratic the stability limit and the
// optimal eta, a click adds that run; tab "Eigen": on a quadratic, the run's error along
// each eigenvector of H per iteration with the decay theory predicts. It shares the left dock area
// with the panel, so the plot keeps its room. The sub-step on screen is view state (not undoable),
// like the animation frame.

#include "scenebinding.h"
#include "sweep.h"

#include <QDockWidget>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTextBrowser;

namespace gs {

class Animator;
class Document;
class LineChart;

class StepDock : public QDockWidget {
    Q_OBJECT
public:
    StepDock(Document* doc, Animator* animator, QWidget* parent = nullptr);

    /// The run, iterate and sub-step shown (run -1: no runs).
    StepFocus focus() const;
    /// Called by the window when the animation frame changed (playing, stepping, a new
    /// run): shows that iterate whole, unless this dock asked for the frame itself.
    void followFrame(int frame);
    /// Shows run `run` (an index of the document's runs).
    void selectRun(int run);

    /// The step panel's text as shown (plain), the table, the tabs (for tests).
    QString stepText() const;
    QTableWidget* table() const { return m_table; }
    QTabWidget* tabs() const { return m_tabs; }
    QPushButton* forwardButton() const { return m_forward; }
    QPushButton* backButton() const { return m_back; }
    LineChart* sweepChart() const { return m_sweepChart; }
    LineChart* eigenChart() const { return m_eigenChart; }
    /// What the sweep and eigen tabs say under their charts.
    QString sweepNote() const;
    QString eigenNote() const;
    /// The last sweep (run by the "Run sweep" button or runSweep()).
    const std::optional<SweepResult>& sweep() const { return m_sweep; }

    /// Writes the selected run's state as CSV (the table's "Save as CSV…" without the
    /// dialog); returns the error in words, or an empty string.
    QString saveCsv(const QString& path) const;

public slots:
    /// The next sub-step; after an iteration's last, the next iteration's first.
    void forward();
    /// The previous sub-step; before an iteration's first, the previous iteration's last.
    void back();
    /// Sweeps the selected run's method from its start over the learning rates (the run's
    /// other options kept) and charts it.
    void runSweep();
    /// Adds the sweep's run whose learning rate is nearest `eta` (on the log scale).
    void addSweepRun(double eta);

signals:
    /// The run, iterate or sub-step shown changed: the scenes redraw the state's marks.
    void focusChanged();

private:
    void onDocumentChanged(int what);
    void refresh();
    void fillTable();
    void fillEigen();
    void drawSweep();
    void saveCsvAs();
    /// The selected run's iterate on screen: the animation frame, at most its last.
    int iterate() const;
    int subStepsHere() const;
    /// Moves the animation to iterate `frame` showing sub-step `subStep`.
    void go(int frame, int subStep);

    Document* m_doc;
    Animator* m_animator;
    QTabWidget* m_tabs;
    QComboBox* m_run;
    QLabel* m_position;
    QPushButton *m_back, *m_forward;
    QTextBrowser* m_text;
    QTableWidget* m_table;
    QPushButton* m_save;
    LineChart *m_sweepChart, *m_eigenChart;
    QComboBox* m_sweepQuantity;
    QLabel *m_sweepLabel, *m_eigenLabel;
    std::optional<SweepResult> m_sweep;
    RunSettings m_sweepRun; ///< the run the sweep varied
    int m_frame = 0;
    int m_subStep = -1;  ///< -1: the whole iteration
    int m_tableRun = -2; ///< the run the table shows (refilled when it or the runs change)
};

} // namespace gs
