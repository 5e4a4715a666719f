#pragma once
// The optimizer controls: method and parameters (learning rate on a log scale),
// the start, the list of runs with their colours and outcomes, the animation
// buttons and the chart's options. It edits the document through signals.

#include "document.h"
#include "statecsv.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSlider;
class QSpinBox;
class QStackedWidget;
class QToolButton;

namespace gs {

class OptimizerPanel : public QWidget {
    Q_OBJECT
public:
    explicit OptimizerPanel(QWidget* parent = nullptr);

    /// The run the controls describe, starting at `start`.
    RunSettings runAt(const std::vector<double>& start) const;
    bool startAtExpansionPoint() const;
    /// Ticks or unticks "Start at x₀" (a session's saved state); ticked, the Start fields
    /// show the expansion point last given to setExpansionPoint.
    void setStartAtExpansionPoint(bool on);
    std::vector<double> typedStart() const;
    /// Shows the document's runs (colour, label, outcome).
    void showRuns(const Document& doc);
    void setPlaying(bool playing);
    /// Reset, Play or Pause, Step in the palette's button text colour (mediaicon.h).
    void setMediaIcons();
    void setFrame(int frame, int length);
    /// The loss chart's quantity: one of the state table's columns (statecsv.h), offered
    /// as "f", "|∇f|", "step length", then the table's others in its order.
    void setChartQuantities(const std::vector<StateColumn>& columns);
    /// The column chosen (f when none was offered yet).
    StateColumn chartQuantity() const;
    /// Chooses the column named `name` ("moment_x"); false when there is none.
    bool setChartQuantity(const QString& name);
    bool chartLogScale() const;
    double learningRate() const;
    void setLearningRate(double lr);
    /// Sets every control to `run` (an example's run), so "Add run" repeats it; the start
    /// is "at the expansion point" when it is `point`, else typed.
    void setRun(const RunSettings& run, const std::vector<double>& point);
    /// The expansion point's plotted coordinates (one or two): as many Start fields, which
    /// show it while "at x₀" is ticked.
    void setExpansionPoint(const std::vector<double>& plotted);
    /// Shows the document's log-scale setting (without signalling a change).
    void setChartLogScale(bool on);
    /// The chart's options (quantity, log scale), shown by the window next to the chart.
    QWidget* chartOptions() const { return m_chartOptions; }
    /// A line under the chart's options (what the log scale leaves out); hidden when empty.
    void setChartNote(const QString& note);
    QString chartNote() const;
    /// The run list's rows: this many lines each (wrapped, the last elided), this many rows in
    /// view.
    static constexpr int kRunLines = 2, kRunRows = 3;
    /// A row's height in pixels for the list's font now.
    int runRowHeight() const;
    /// The "Add run" button (the window keeps it in view and in place).
    QPushButton* addButton() const { return m_add; }
    /// The list of runs (under "Add run").
    QListWidget* runList() const { return m_runs; }
    /// Reset, Play/Pause, Step, the speed and the step on screen, in a row: the window shows
    /// it beside the view tabs. Disabled while there are no runs.
    QWidget* playbackBar() const { return m_playback; }

protected:
    /// A new font (Preferences' font scale): the run list's rows take its height.
    void changeEvent(QEvent* event) override;

signals:
    void addRequested();
    void removeRequested(int index);
    void clearRequested();
    void playToggled();
    void stepRequested();
    void resetRequested();
    void speedChanged(double stepsPerSecond);
    void chartOptionsChanged();

private:
    void updateVisibleParameters();
    /// Each row of the run list kRunLines lines tall, the list kRunRows rows tall.
    void fitRunRows();

    QComboBox* m_method;
    QSlider* m_lrSlider;
    QDoubleSpinBox* m_lr;
    QSpinBox* m_steps;
    QDoubleSpinBox *m_momentum, *m_beta1, *m_beta2, *m_damping, *m_tolerance, *m_startX, *m_startY;
    QCheckBox* m_atPoint;
    std::vector<double> m_plotted; ///< the expansion point's plotted coordinates, as last given
    QListWidget* m_runs;
    QWidget* m_playback; ///< Reset, Play, Step, the speed and the step shown (playbackBar)
    QToolButton *m_play, *m_step, *m_reset;
    QPushButton *m_add, *m_remove, *m_clear;
    QSlider* m_speed;
    QLabel* m_frameLabel;
    QComboBox* m_chartQuantity;
    std::vector<StateColumn> m_chartColumns; ///< in the combo's order
    QCheckBox* m_log;
    QWidget *m_momentumRow, *m_adamRow, *m_dampingRow;
    // RMSProp's rho, QHM's beta and nu, QHAdam's beta1, beta2, nu1, nu2 (issue 16).
    QDoubleSpinBox *m_rho, *m_qhmMomentum, *m_nu, *m_qhBeta1, *m_qhBeta2, *m_nu1, *m_nu2;
    QStackedWidget* m_parameters; ///< the method's own parameters
    QWidget* m_chartOptions;
    QLabel* m_chartNote;
    QWidget* m_runsSection; ///< the run list and its buttons: hidden while there are none
    QLabel* m_noRuns;
};

} // namespace gs
