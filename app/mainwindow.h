#pragma once
// The main window: the 3-D view gets the room; one side panel holds the function, its
// domain and point, what to show and the readout (tab "Function"), and the optimizers with
// their runs, animation and loss chart (tab "Optimizers"). Each control edits only its own
// field of the document, and the window redraws what the document says changed.

#include <QElapsedTimer>
#include <QMainWindow>
#include <array>
#include <memory>
#include <vector>

class QAction;
class QCheckBox;
class QDockWidget;
class QDoubleSpinBox;
class QLabel;
class QComboBox;
class QFormLayout;
class QKeyEvent;
class QLineEdit;
class QListWidget;
class QPushButton;
class QScrollArea;
class QSplitter;
class QStackedWidget;
class QTabBar;
class QSpinBox;
class QTabWidget;
class QTextBrowser;
class QDialog;
class QTimer;

namespace gs {

class Animator;
class Document;
class LossChart;
class OptimizerPanel;
class ParameterPanel;
class ContourScene;
class GraphDock;
class CurveScene;
class PlaneView;
class ReadoutPanel;
class Section;
class SessionController;
class StepDock;
class MatrixPanel;
class SurfaceScene;
class SurfaceView;
struct Preferences;
struct Preset;
struct Settings;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// Bumped when the dock layout changes, so an older saved layout is not restored.
    static constexpr int kLayoutVersion = 3;

    explicit MainWindow(Document* doc, QWidget* parent = nullptr);
    ~MainWindow() override;

    SurfaceView* surfaceView() const { return m_view; }
    /// The widget that hosts the 3-D view in the window's layout.
    QWidget* viewContainer() const { return m_viewContainer; }
    ReadoutPanel* readout() const { return m_readout; }
    QLineEdit* functionEditor() const { return m_function; }
    /// The inputs of f: empty (placeholder "from f: x, y") when inferred from f, the names
    /// when the person fixed them (Document's documentVariables rule).
    QLineEdit* variablesEditor() const { return m_variables; }
    QLabel* functionError() const { return m_functionError; }
    QLabel* functionHint() const { return m_functionHint; }
    /// Under the function: "Make a, b parameters", shown when the typed function has symbols
    /// that could be parameters (unknown ones, or inputs besides x and y).
    QPushButton* makeParametersButton() const { return m_makeParameters; }
    ParameterPanel* parameterPanel() const { return m_parameters; }
    /// The inline message under the domain controls (empty when all is well).
    QLabel* settingsError() const { return m_settingsError; }
    /// What the window says, in words, about the domain: the point outside it, f undefined
    /// on all or part of it (hidden when all is well).
    QLabel* domainNote() const { return m_domainNote; }
    QLabel* domainError() const { return m_domainError; }
    /// The last message that matters (a diverged run, an export written); stays until
    /// dismissed or replaced.
    QLabel* messageLabel() const { return m_message; }
    QLabel* inputsNote() const { return m_inputsNote; }
    QTabWidget* panelTabs() const { return m_tabs; }

    /// The 2-D views: the contour (top) view for two or more inputs, the curve view for one.
    PlaneView* contourView() const { return m_contourView; }
    PlaneView* curveView() const { return m_curveView; }
    /// The 2-D scenes, brought up to date first: a hidden 2-D view follows the document only
    /// when it is shown or asked for (a slider drag with the 3-D view alone rebuilds no levels).
    ContourScene& contourScene() {
        flushPlaneViews();
        return *m_contourScene;
    }
    CurveScene& curveScene() {
        flushPlaneViews();
        return *m_curveScene;
    }
    /// The critical points of f on the domain, one entry each; a click moves the point there.
    QListWidget* criticalList() const { return m_criticalList; }
    /// The contour view next to the 3-D view (true) or as a tab beside it; remembered.
    void setSideBySide(bool sideBySide);
    bool sideBySide() const { return m_sideBySide; }
    /// Shows the 3-D view (0) or the contour view (1) when they are tabs (either: both when
    /// side by side), or the computational graph (2) in their place.
    void showViewTab(int tab);
    /// The computational graph's page (a tab beside the views).
    GraphDock* graph() const { return m_graph; }

    OptimizerPanel* optimizerPanel() const { return m_optimizers; }
    Animator* animator() const { return m_animator; }
    LossChart* lossChart() const { return m_chart; }
    /// The "Step by Step" dock (a tab beside the panel): the selected run's sub-steps, its
    /// state table, the learning-rate sweep and eigen-direction charts.
    StepDock* stepDock() const { return m_stepDock; }
    MatrixPanel* matrixPanel() const { return m_matrixPanel; }
    /// File ▸ Open/Save, the title's file name and unsaved-changes mark, the close question.
    SessionController* session() const { return m_session; }

    /// The view an image or animation export draws: the one shown (the curve for one input;
    /// the 3-D view when side by side), and its widget on screen.
    enum class ShownView { Curve, Surface, Contour };
    ShownView shownView() const;
    /// The view tab shown: 0 the 3-D view (the curve for one input), 1 contour, 2 the graph.
    int viewTab() const;
    QWidget* shownViewWidget() const;

    /// Exports the current view to `path` at `width` x `height`; returns the error or empty.
    QString exportImage(const QString& path, int width, int height, bool transparent);
    /// `scene` with the contour view's content, level spacing and legend layout, its text
    /// scaled for a picture `height` pixels high (what Export Image and Export Animation draw).
    void showContourAsInTheView(ContourScene& scene, int height);
    /// Fits `scene`'s camera to its picture and, when the contour view is zoomed or panned,
    /// shows the range the view shows (the exporter's camera step).
    void fitAsInTheView(ContourScene& scene);
    /// Exports the optimizer animation (every step, from the start) as PNG frames into the
    /// folder `path`, as a video (.ogv) or an animated GIF (.gif): the contour view when it is
    /// the view shown, otherwise the 3-D view; frame by frame with a
    /// progress dialog whose Cancel stops it and leaves no file. Returns the error or empty.
    QString exportAnimation(const QString& path, int width, int height, bool transparent = false);

    /// The size a first start opens at on a screen whose free area is `available`.
    static QSize firstStartSize(const QSize& available);

    /// Saves `preferences` (QSettings) and makes them the window's: the theme, the font
    /// scale and the colours of every open view, at once.
    void applyPreferences(const Preferences& preferences);
    /// Called once the window is shown with its restored layout: the Step by Step dock left
    /// in front with no run to show ("No runs yet") gives way to the panel (tester s13: an
    /// empty panel came back at every start).
    void frontDockWithContent();

public slots:
    void showHelp();
    /// Help ▸ Guide to the Views: docs/guide.md.
    void showGuide();
    void showShortcuts();
    /// View ▸ Reset View: frames the whole plot again in every view shown.
    void resetShownViews();
    /// The readout of the document's expansion, with the critical point x0 is near.
    void showReadout();
    void showAbout();
    /// Edit ▸ Preferences (preferencesdialog.h).
    void showPreferences();

protected:
    /// The chart's room, the 2-D views catching up when shown, the message strip.
    bool eventFilter(QObject* watched, QEvent* event) override;
    /// Installed on the application, so widgets and views made after the window are covered:
    /// the window's shortcuts from its text fields and spin boxes (Ctrl+E exports from the
    /// graph's input editors, Ctrl+Z / Ctrl+Shift+Z in a spin box undo the document, not the
    /// box's typing), and a click or key anywhere in the window dismisses a notice.
    class WindowInputFilter : public QObject {
    public:
        explicit WindowInputFilter(MainWindow* window)
            : QObject(window)
            , m_window(window) {}
        bool eventFilter(QObject* watched, QEvent* event) override;

    private:
        MainWindow* m_window;
    };
    WindowInputFilter* m_inputFilter = nullptr;
    QString m_notice;          ///< the notice showing, empty when none
    QElapsedTimer m_noticeAge; ///< since it was shown
    /// Whether `key`, pressed in a text field, is one of the window's shortcuts the field
    /// must let through (not one it needs for editing its text).
    bool windowShortcutWins(const QKeyEvent* key) const;
    /// A narrower window narrows the panel to its share (kPanelShare), never below 300 px.
    void resizeEvent(QResizeEvent* event) override;
    /// The loss chart's least height: what its legend wants (LossChart::heightWanted), within
    /// the room the Optimizers tab has.
    void fitChartHeight();

private slots:
    void onDocumentChanged(int what);
    void applyFunction();
    void onDragStarted();
    void onPointDragged(double x, double y);
    void onNudged(int dx, int dy);
    void showExportDialog();
    void showAnimationExportDialog();
    /// File > Export Loss Chart: the chart as an SVG or PDF figure.
    void showChartExportDialog();
    void addRun();
    void addRunAt(double x, double y);
    void onFrameChanged(int frame);
    void updateChart();
    /// Draws the animation's frame in 3-D and the step dock's run state (arrows, rectangle)
    /// in the 3-D and contour views.
    void showStepMarks(bool render);
    /// The run Step by Step explains while it is on screen, else -1.
    int explainedRun() const;

private:
    void buildControls();
    /// The central area: the 3-D and contour views (side by side or as tabs) and the curve
    /// view, which replaces them for a function of one input.
    QWidget* buildPlaneViews();
    /// Shows the page the view tab and the function ask for (views, curve or graph).
    void showPage();
    /// The list of critical points (a section of the Function tab).
    QWidget* buildCriticalPanel();
    /// Redraws the 2-D views, the critical-point markers and the list after a change.
    void updatePlaneViews(int what);
    /// The contour view's level curves sampled over the range it shows (contourSample).
    void sampleContourRange();
    /// Applies the changes the hidden 2-D view has not followed yet (m_planePending).
    void flushPlaneViews();
    void buildMenus();
    /// A dialog with a text browser and Close (help, shortcuts), or the open one raised.
    QDialog* textDialog(const QString& name, const QString& title, QTextBrowser** text);
    /// Every shortcut of the menus (read from the actions) and what the mouse does.
    QString shortcutsHtml() const;
    void openExample(const Preset& preset);
    /// Applies the document's settings with one field changed by `modify`, as one undo
    /// step named `what`; a refusal is shown under the domain.
    template <class Modify> void edit(const QString& what, Modify modify);
    void syncEditors();
    void clearDomainError();
    /// The panel's width from the font: wider for a lecture's font scale, within its share
    /// of the window's width (the plot keeps the room).
    void fitPanelToFont();
    /// The most the panel takes of the window's width (of the screen's before it is shown).
    int panelRoom() const;
    int m_panelWidth = 0; ///< the width fitPanelToFont last gave the panel
    /// The start's hint in the status bar, elided to its width (the whole in its tooltip);
    /// again after a resize or a font change while it shows.
    void showHint();
    /// The status bar's hint: what a click and a drag do in the view shown.
    QString hintText() const;
    QString m_hintShown; ///< the hint as last shown (elided)
    QString m_hintFull;  ///< its whole text
    void updateDomainNote();
    void showAsInTheView(SurfaceScene& scene, QSize size) const;
    /// The pixel scale of an export `height` pixels tall: its height over the shown view's.
    double exportScale(int height) const;
    void showSettingsError(const QString& error);
    /// A message that stays (until dismissed or replaced), also in the status bar's history.
    void notify(const QString& text);
    /// A notice of something done ("Exported …"): in the status bar until the person's next
    /// click or key in the window (after kNoticeGraceMs), hover tips not replacing it; then
    /// the hint again. (Timed, it was gone before a person looked back at a long export,
    /// tester s13; kept until dismissed, the hint never came back, tester s8.)
    void notice(const QString& text);
    /// Status tips are not shown over a notice.
    bool event(QEvent* e) override;

public:
    /// A notice outlives the click or key that led to it: input within this time of it being
    /// shown (the dialog's Save click, a key held) does not dismiss it (milliseconds).
    static constexpr int kNoticeGraceMs = 1000;
    /// How long the typed function rests before it is applied (Return applies at once), and
    /// longer when it would change a surface into a curve or back.
    static constexpr int kFunctionRestMs = 300, kFunctionFlipRestMs = 1200;
    /// Whether a notice is showing.
    bool noticeShown() const { return !m_notice.isEmpty(); }

private:
    Document* m_doc;
    SurfaceView* m_view;
    QWidget* m_viewContainer;
    ReadoutPanel* m_readout;
    QLineEdit* m_function;
    QScrollArea* m_optimizerScroll = nullptr;
    QLineEdit* m_variables = nullptr;
    QLabel* m_inputsNote = nullptr; ///< fixed inputs f does not use, under the inputs field
    QLabel* m_functionError;
    QLabel* m_functionHint = nullptr;      ///< in the error's room while there is no error
    QWidget* m_functionMessages = nullptr; ///< the error and the offer of parameters
    QPushButton* m_makeParameters = nullptr;
    QStringList m_candidates; ///< the names m_makeParameters offers
    Section* m_parameterSection;
    ParameterPanel* m_parameters;
    void offerParameters(const QString& function);
    QLabel* m_settingsError;
    QWidget* m_messages = nullptr; // the strip under the Function tab's scroll area
    QLabel* m_domainNote;
    QLabel* m_domainError; // under the domain's boxes: a refused range, next to its field
    QLabel* m_message;
    QWidget* m_messageBox;
    QTimer* m_functionTimer;
    QDoubleSpinBox *m_xmin, *m_xmax, *m_ymin, *m_ymax, *m_x0, *m_y0, *m_epsX, *m_epsY;
    QLabel *m_xRangeLabel, *m_yRangeLabel, *m_pointLabel;
    QSpinBox *m_resolution, *m_wireLines;
    QCheckBox *m_tangent, *m_quadratic, *m_gradient, *m_shaded, *m_field, *m_bands;
    QDoubleSpinBox* m_modelRadius; ///< how far from the point the quadratic is drawn
    QDoubleSpinBox* m_boxAspect;   ///< the box's height relative to its width
    // More than two inputs: which two are plotted, and the values the others are held at.
    QComboBox *m_plotX, *m_plotY;
    Section* m_sliceSection;
    QFormLayout* m_sliceForm;
    std::vector<QDoubleSpinBox*> m_held;    ///< one per input not plotted, in input order
    std::vector<QDoubleSpinBox*> m_heldEps; ///< their components of ε, beside them
    std::vector<QWidget*> m_heldRows;       ///< the form's rows holding the two
    QString m_sliceKey;                     ///< the names and plotted inputs m_held was built for
    void rebuildSlice();
    QTabWidget* m_tabs;
    QDockWidget* m_panelDock;
    Section* m_chartSection;
    QWidget* m_chartContainer = nullptr;
    OptimizerPanel* m_optimizers;
    Animator* m_animator;
    LossChart* m_chart;
    StepDock* m_stepDock = nullptr;
    MatrixPanel* m_matrixPanel = nullptr;
    SessionController* m_session = nullptr;
    int m_dragId = 1000;
    int m_currentDrag = -1;
    int m_nudgeId = -1;      ///< merge id of the current burst of arrow-key nudges
    QTimer* m_nudgeTimer;    ///< a pause in nudging ends the burst
    QString m_shownFunction; ///< the document's function the editor last showed
    bool m_applyingFunction = false;
    /// In onDocumentChanged, which renders each view once at its end: the animator's frame
    /// signal (new runs' length) updates the scenes without rendering them again.
    bool m_followingDocument = false;
    /// Whether the Step by Step tab is on screen (its marks are drawn only then), and the
    /// animation frame when it came on screen (put back when it goes: the runs are drawn
    /// whole again, or where the person had paused them).
    bool m_stepShown = false;
    bool m_refusalShown = false; ///< the message area holds a number box's refusal
    int m_frameAtStepShown = 0;
    /// Document::Change bits the 2-D views have not followed while hidden.
    int m_planePending = 0;
    /// The function, inputs and domain the contour view's legends were laid out for: a new
    /// one lays them out afresh (ContourScene::forgetLayout).
    QString m_contourLayoutFor;
    /// A pause after a zoom or pan of the contour view samples the range shown again
    /// (sampleContourRange): not at every notch or pixel of the motion.
    QTimer* m_contourRangeTimer = nullptr;
    std::size_t m_runCount = 0;
    std::array<double, 4> m_framedDomain{}; ///< the domain the camera was last fitted to
    std::unique_ptr<ContourScene> m_contourScene;
    std::unique_ptr<CurveScene> m_curveScene;
    PlaneView* m_contourView = nullptr;
    PlaneView* m_curveView = nullptr;
    QWidget* m_contourContainer = nullptr;
    QWidget* m_curveContainer = nullptr;
    QStackedWidget* m_central = nullptr;
    GraphDock* m_graph = nullptr;
    QAction* m_graphAction = nullptr;
    int m_lastViewTab = 0; ///< the view tab F8 returns to from the graph
    /// The contour tab was current when a function of one input hid it: the curve took its
    /// place, and a function of two inputs shows the contour view again.
    bool m_contourBeforeCurve = false;
    QSplitter* m_viewSplit = nullptr;
    QTabBar* m_viewTabs = nullptr;
    QListWidget* m_criticalList = nullptr;
    bool m_sideBySide = false;
};

} // namespace gs
