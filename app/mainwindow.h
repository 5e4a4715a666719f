#pragma once
// The main window: function editor with inline errors, domain and resolution,
// the expansion point, what to show, the 3-D view and the readout. It edits the
// document and redraws what the document says changed.

#include <QMainWindow>

class QCheckBox;
class QDockWidget;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimer;

namespace gs {

class Animator;
class Document;
class LossChart;
class OptimizerPanel;
class ReadoutPanel;
class SurfaceScene;
class SurfaceView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Document* doc, QWidget* parent = nullptr);

    SurfaceView* surfaceView() const { return m_view; }
    ReadoutPanel* readout() const { return m_readout; }
    QLineEdit* functionEditor() const { return m_function; }
    QLabel* functionError() const { return m_functionError; }
    /// The inline message under the domain controls (empty when all is well).
    QLabel* settingsError() const { return m_settingsError; }

    OptimizerPanel* optimizerPanel() const { return m_optimizers; }
    Animator* animator() const { return m_animator; }
    LossChart* lossChart() const { return m_chart; }

    /// Exports the current view to `path` at `width` x `height`; returns the error or empty.
    QString exportImage(const QString& path, int width, int height, bool transparent);
    /// Exports the optimizer animation (every step, from the start) as PNG frames into the
    /// folder `path`, as a video (.ogv) or an animated GIF (.gif). Returns the error or empty.
    QString exportAnimation(const QString& path, int width, int height);

private slots:
    void onDocumentChanged(int what);
    void applyFunction();
    void applySettings();
    void onDragStarted();
    void onPointDragged(double x, double y);
    void onNudged(int dx, int dy);
    void showExportDialog();
    void showAnimationExportDialog();
    void addRun();
    void addRunAt(double x, double y);
    void onFrameChanged(int frame);
    void updateChart();

private:
    void buildControls();
    void buildMenus();
    QDockWidget* addDock(const QString& title, const QString& name, QWidget* content,
                         Qt::DockWidgetArea area);
    void syncEditors();
    void showAsInTheView(SurfaceScene& scene, int height) const;
    void showSettingsError(const QString& error);

    Document* m_doc;
    SurfaceView* m_view;
    QWidget* m_viewContainer;
    ReadoutPanel* m_readout;
    QLineEdit* m_function;
    QLabel* m_functionError;
    QLabel* m_settingsError;
    QTimer* m_functionTimer;
    QDoubleSpinBox *m_xmin, *m_xmax, *m_ymin, *m_ymax, *m_x0, *m_y0, *m_epsX, *m_epsY;
    QSpinBox *m_resolution, *m_wireLines;
    QCheckBox *m_tangent, *m_quadratic, *m_gradient, *m_shaded;
    OptimizerPanel* m_optimizers;
    Animator* m_animator;
    LossChart* m_chart;
    QDockWidget* m_chartDock = nullptr;
    int m_dragId = 1000;
    int m_currentDrag = -1;
};

} // namespace gs
