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

#include "dockwidget.h"
#include "scenebinding.h"
#include "sweep.h"

#include <QElapsedTimer>
#include <atomic>
#include <memory>
#include <optional>
#include <thread>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QSpinBox;
class QTimer;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTextBrowser;

namespace gs {

class Animator;
class Document;
class LineChart;

/// A sub-step's rule as HTML for the Step tab: statements ("a; b") on lines of their own,
/// and a line may break only between whole terms (before + − ⊙ ≤, after ← = , outside
/// brackets, between words of prose); every other space is a no-break space.
QString formulaHtml(const QString& formula);
/// What the letters of a method's state stand for ("m: first-moment (momentum) estimate;
/// v: second-moment estimate; …; ′: after this step").
QString symbolLegend(Method method);

class StepDock : public DockWidget {
    Q_OBJECT
public:
    StepDock(Document* doc, Animator* animator, QWidget* parent = nullptr);
    ~StepDock() override;

    /// The run, iterate and sub-step shown (run -1: no runs).
    StepFocus focus() const;
    /// Called by the window when the animation frame changed (playing, stepping, a new
    /// run): shows that iterate whole, unless this dock asked for the frame itself.
    void followFrame(int frame);
    /// Shows run `run` (an index of the document's runs).
    void selectRun(int run);
    /// The window's theme changed: the charts re-read sceneLook() (ground, ink, line colours).
    void applyLook();

    /// The step panel's text as shown (plain), the table, the tabs (for tests).
    QString stepText() const;
    QTableWidget* table() const { return m_table; }
    /// Under the table: every column of the selected row, name = value (the columns that do
    /// not fit the table's width are read here; nothing scrolls sideways).
    QTextBrowser* rowDetails() const { return m_rowDetails; }
    QTabWidget* tabs() const { return m_tabs; }
    QPushButton* forwardButton() const { return m_forward; }
    QPushButton* backButton() const { return m_back; }
    LineChart* sweepChart() const { return m_sweepChart; }
    LineChart* eigenChart() const { return m_eigenChart; }
    /// What the sweep and eigen tabs say under their charts.
    QString sweepNote() const;
    QString eigenNote() const;
    /// The last sweep that finished (run by the "Run sweep" button or runSweep()).
    const std::optional<SweepResult>& sweep() const { return m_sweep; }
    /// A sweep is running (in the background; the window stays responsive).
    bool sweepRunning() const { return bool(m_job); }
    /// The sweep's range and count boxes (ranges from engine/optiontable.h).
    QDoubleSpinBox* sweepFromBox() const { return m_sweepFrom; }
    QDoubleSpinBox* sweepToBox() const { return m_sweepTo; }
    QSpinBox* sweepCountBox() const { return m_sweepCount; }
    QPushButton* sweepCancelButton() const { return m_sweepCancel; }
    QProgressBar* sweepProgress() const { return m_sweepProgress; }

    /// Writes the selected run's state as CSV (the table's "Save as CSV…" without the
    /// dialog); returns the error in words, or an empty string.
    QString saveCsv(const QString& path) const;

public slots:
    /// The next sub-step; after an iteration's last, the next iteration's first.
    void forward();
    /// The previous sub-step; before an iteration's first, the previous iteration's last.
    void back();
    /// Sweeps the selected run's method from its start over the learning rates of the range
    /// and count boxes (the run's other options kept), on other threads; the chart shows it
    /// when it is done.
    void runSweep();
    /// Stops a running sweep: the runs under way finish, the chart keeps the last sweep.
    void cancelSweep();
    /// Adds the sweep's run whose learning rate is nearest `eta` (on the log scale).
    void addSweepRun(double eta);

signals:
    /// The run, iterate or sub-step shown changed: the scenes redraw the state's marks.
    void focusChanged();

private:
    void onDocumentChanged(int what);
    void refresh();
    void fillTable();
    /// Shows the table's columns that fit its width (step, f, the coordinates, |∇f|, the step
    /// length, then the rest in the CSV's order); hides the others.
    void fitColumns();
    /// The table's rows one line of its font high.
    void fitRowsToFont();
    /// The selected row's every column in the details under the table.
    void showRowDetails();
    bool eventFilter(QObject* watched, QEvent* event) override;
    void fillEigen();
    void drawSweep();
    /// Shows a running sweep's progress; takes its result when it is done.
    void pollSweep();
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
    QTextBrowser* m_rowDetails;
    /// The columns the run fills (the method's: gradient descent has no moments).
    std::vector<int> m_filledColumns;
    QPushButton* m_save;
    LineChart *m_sweepChart, *m_eigenChart;
    /// The charts' widgets: hidden while there is nothing to chart.
    QWidget *m_sweepContainer, *m_eigenContainer;
    QComboBox* m_sweepQuantity;
    QLabel *m_sweepLabel, *m_eigenLabel;
    std::optional<SweepResult> m_sweep;
    QDoubleSpinBox *m_sweepFrom, *m_sweepTo;
    QSpinBox* m_sweepCount;
    QPushButton *m_runSweep, *m_sweepCancel;
    QProgressBar* m_sweepProgress;
    QTimer* m_sweepPoll;
    /// A sweep under way: the engine's sweep on a thread of its own (its own threads under
    /// it), the runs finished so far, the result once `done`.
    struct SweepJob {
        std::atomic<int> finished{0};
        std::atomic<bool> done{false};
        int count = 0;
        RunSettings run;
        SweepResult result;
        QElapsedTimer clock;
        std::jthread thread; ///< last: joined (after a stop request) before the rest goes
    };
    std::unique_ptr<SweepJob> m_job;
    RunSettings m_sweepRun; ///< the run the sweep varied
    int m_frame = 0;
    int m_subStep = -1;  ///< -1: the whole iteration
    int m_tableRun = -2; ///< the run the table shows (refilled when it or the runs change)
};

} // namespace gs
