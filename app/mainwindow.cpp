#include "mainwindow.h"

#include "animator.h"
#include "document.h"
#include "exportdialog.h"
#include "losschart.h"
#include "optimizerpanel.h"
#include "presets.h"
#include "readoutpanel.h"
#include "scenebinding.h"
#include "sceneexport.h"
#include "surfaceview.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>
#include <limits>

namespace gs {

namespace {

QDoubleSpinBox* numberBox(double lo, double hi, double step, int decimals = 4) {
    auto* box = new QDoubleSpinBox;
    box->setRange(lo, hi);
    box->setSingleStep(step);
    box->setDecimals(decimals);
    box->setKeyboardTracking(false); // apply when a number is complete, not per keystroke
    box->setAccelerated(true);
    return box;
}

QScrollArea* scrolled(QWidget* panel) {
    auto* scroll = new QScrollArea;
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    return scroll;
}

QLabel* errorLabel() {
    auto* label = new QLabel;
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

} // namespace

MainWindow::MainWindow(Document* doc, QWidget* parent)
    : QMainWindow(parent)
    , m_doc(doc)
    , m_view(new SurfaceView)
    , m_readout(new ReadoutPanel)
    , m_optimizers(new OptimizerPanel)
    , m_animator(new Animator(this))
    , m_chart(new LossChart) {
    setWindowTitle(QStringLiteral("gradscape"));
    // The 3-D view is a native GL window inside a container widget (see vtkwidget.h).
    m_viewContainer = QWidget::createWindowContainer(m_view, this);
    m_viewContainer->setFocusPolicy(Qt::StrongFocus);
    m_viewContainer->setMinimumSize(320, 240);
    setCentralWidget(m_viewContainer);
    buildControls();
    buildMenus();

    connect(m_doc, &Document::changed, this, &MainWindow::onDocumentChanged);
    connect(m_view, &SurfaceView::dragStarted, this, &MainWindow::onDragStarted);
    connect(m_view, &SurfaceView::pointDragged, this, &MainWindow::onPointDragged);
    connect(m_view, &SurfaceView::dragFinished, this, [this] { m_currentDrag = -1; });
    connect(m_view, &SurfaceView::nudged, this, &MainWindow::onNudged);
    connect(m_view, &SurfaceView::startPicked, this, &MainWindow::addRunAt);

    connect(m_optimizers, &OptimizerPanel::addRequested, this, &MainWindow::addRun);
    connect(m_optimizers, &OptimizerPanel::removeRequested, this,
            [this](int i) { statusBar()->showMessage(m_doc->removeRun(i), 5000); });
    connect(m_optimizers, &OptimizerPanel::clearRequested, this,
            [this] { statusBar()->showMessage(m_doc->clearRuns(), 5000); });
    connect(m_optimizers, &OptimizerPanel::playToggled, m_animator, &Animator::togglePlay);
    connect(m_optimizers, &OptimizerPanel::stepRequested, m_animator, &Animator::stepForward);
    connect(m_optimizers, &OptimizerPanel::resetRequested, m_animator, &Animator::reset);
    connect(m_optimizers, &OptimizerPanel::speedChanged, m_animator, &Animator::setSpeed);
    connect(m_optimizers, &OptimizerPanel::chartOptionsChanged, this, &MainWindow::updateChart);
    connect(m_animator, &Animator::frameChanged, this, &MainWindow::onFrameChanged);
    connect(m_animator, &Animator::playingChanged, m_optimizers, &OptimizerPanel::setPlaying);

    showDocument(m_view->scene(), *m_doc);
    m_view->scene().resetCamera();
    m_readout->setExpansion(m_doc->expansion(), m_doc->inputNames());
    syncEditors();
    onDocumentChanged(Document::RunsChange);
    statusBar()->showMessage(tr("Drag the red point (or anywhere on the surface) to move it; "
                                "drag elsewhere or Ctrl+drag to rotate; wheel zooms; arrow keys "
                                "nudge the point."));
    resize(1280, 860);
}

void MainWindow::buildControls() {
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);

    auto* fnBox = new QGroupBox(tr("Function"));
    auto* fnLayout = new QVBoxLayout(fnBox);
    m_function = new QLineEdit;
    m_function->setPlaceholderText(QStringLiteral("x*exp(-x^2-y^2)"));
    QStringList functions; // the language's own list, so the tip never falls behind it
    for (const std::string& name : knownFunctions())
        functions << QString::fromStdString(name);
    m_function->setToolTip(tr("Functions: %1; constants pi, e; powers ^ or **; statements "
                              "a = ...; f = ...")
                               .arg(functions.join(QLatin1Char(' '))));
    m_functionError = errorLabel();
    fnLayout->addWidget(m_function);
    fnLayout->addWidget(m_functionError);
    layout->addWidget(fnBox);
    // Parse as the person types; apply once the text has rested, so a half-typed
    // function never replaces the last good surface.
    m_functionTimer = new QTimer(this);
    m_functionTimer->setSingleShot(true);
    m_functionTimer->setInterval(300);
    connect(m_function, &QLineEdit::textEdited, m_functionTimer, qOverload<>(&QTimer::start));
    connect(m_functionTimer, &QTimer::timeout, this, &MainWindow::applyFunction);
    connect(m_function, &QLineEdit::returnPressed, this, &MainWindow::applyFunction);

    const double big = 1e6;
    auto* domainBox = new QGroupBox(tr("Domain"));
    auto* domain = new QFormLayout(domainBox);
    m_xmin = numberBox(-big, big, 0.5);
    m_xmax = numberBox(-big, big, 0.5);
    m_ymin = numberBox(-big, big, 0.5);
    m_ymax = numberBox(-big, big, 0.5);
    auto pair = [](QWidget* a, QWidget* b) {
        auto* w = new QWidget;
        auto* h = new QHBoxLayout(w);
        h->setContentsMargins(0, 0, 0, 0);
        h->addWidget(a);
        h->addWidget(b);
        return w;
    };
    domain->addRow(tr("x from, to"), pair(m_xmin, m_xmax));
    domain->addRow(tr("y from, to"), pair(m_ymin, m_ymax));
    m_resolution = new QSpinBox;
    m_resolution->setRange(2, 100000); // larger than allowed: the document says why it refuses
    m_resolution->setKeyboardTracking(false);
    m_resolution->setToolTip(tr("Samples per axis, %1 to %2")
                                 .arg(Document::kMinResolution)
                                 .arg(Document::kMaxResolution));
    m_wireLines = new QSpinBox;
    m_wireLines->setRange(2, 201);
    m_wireLines->setKeyboardTracking(false);
    domain->addRow(tr("Resolution"), m_resolution);
    domain->addRow(tr("Wire lines"), m_wireLines);
    m_settingsError = errorLabel();
    domain->addRow(m_settingsError);
    layout->addWidget(domainBox);

    auto* pointBox = new QGroupBox(tr("Expansion point"));
    auto* point = new QFormLayout(pointBox);
    m_x0 = numberBox(-big, big, 0.05);
    m_y0 = numberBox(-big, big, 0.05);
    m_x0->setObjectName(QStringLiteral("x0"));
    m_y0->setObjectName(QStringLiteral("y0"));
    point->addRow(tr("x₀, y₀"), pair(m_x0, m_y0));
    m_epsX = numberBox(-big, big, 0.01);
    m_epsY = numberBox(-big, big, 0.01);
    point->addRow(tr("ε"), pair(m_epsX, m_epsY));
    layout->addWidget(pointBox);

    auto* showBox = new QGroupBox(tr("Show"));
    auto* show = new QVBoxLayout(showBox);
    m_tangent = new QCheckBox(tr("Tangent plane (1st order)"));
    m_quadratic = new QCheckBox(tr("Quadratic approximation (2nd order)"));
    m_gradient = new QCheckBox(tr("Gradient ∇f and −∇f"));
    m_shaded = new QCheckBox(tr("Shaded surface with colour bar"));
    for (auto* c : {m_tangent, m_quadratic, m_gradient, m_shaded})
        show->addWidget(c);
    layout->addWidget(showBox);
    layout->addStretch();

    for (auto* box : {m_xmin, m_xmax, m_ymin, m_ymax, m_x0, m_y0, m_epsX, m_epsY})
        connect(box, &QDoubleSpinBox::valueChanged, this, &MainWindow::applySettings);
    for (auto* box : {m_resolution, m_wireLines})
        connect(box, &QSpinBox::valueChanged, this, &MainWindow::applySettings);
    for (auto* c : {m_tangent, m_quadratic, m_gradient, m_shaded})
        connect(c, &QCheckBox::toggled, this, &MainWindow::applySettings);

    addDock(tr("Controls"), QStringLiteral("controls"), scrolled(panel), Qt::LeftDockWidgetArea);
    addDock(tr("At the expansion point"), QStringLiteral("readout"), m_readout,
            Qt::RightDockWidgetArea);
    addDock(tr("Optimizers"), QStringLiteral("optimizers"), scrolled(m_optimizers),
            Qt::RightDockWidgetArea);
    auto* chartContainer = QWidget::createWindowContainer(m_chart, this);
    chartContainer->setMinimumHeight(170);
    m_chartDock = addDock(tr("Loss per iteration"), QStringLiteral("chart"), chartContainer,
                          Qt::BottomDockWidgetArea);
}

QDockWidget* MainWindow::addDock(const QString& title, const QString& name, QWidget* content,
                                 Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(name); // saveState() keys the layout by it
    dock->setWidget(content);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* exportAction =
        file->addAction(tr("&Export Image…"), this, &MainWindow::showExportDialog);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addAction(tr("Export &Animation…"), this, &MainWindow::showAnimationExportDialog);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_doc->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_doc->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu* examples = menuBar()->addMenu(tr("E&xamples"));
    for (const Preset& preset : loadPresets()) {
        examples->addAction(preset.name, this, [this, preset] {
            if (const QString error = m_doc->change(preset.settings, tr("Open example"));
                !error.isEmpty())
                statusBar()->showMessage(error, 8000);
            m_view->resetView();
        });
    }

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* reset = view->addAction(tr("&Reset View"), m_view, &SurfaceView::resetView);
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
}

void MainWindow::syncEditors() {
    const Settings& s = m_doc->settings();
    const QSignalBlocker blockers[] = {
        QSignalBlocker(m_xmin),      QSignalBlocker(m_xmax),    QSignalBlocker(m_ymin),
        QSignalBlocker(m_ymax),      QSignalBlocker(m_x0),      QSignalBlocker(m_y0),
        QSignalBlocker(m_epsX),      QSignalBlocker(m_epsY),    QSignalBlocker(m_resolution),
        QSignalBlocker(m_wireLines), QSignalBlocker(m_tangent), QSignalBlocker(m_quadratic),
        QSignalBlocker(m_gradient),  QSignalBlocker(m_shaded)};
    // The editor shows the document's function (after an undo, say) unless the person is
    // typing in it; an error shown for text no longer there goes.
    if (!m_function->hasFocus() && m_function->text() != s.function) {
        m_function->setText(s.function);
        m_functionError->hide();
    }
    m_xmin->setValue(s.xmin);
    m_xmax->setValue(s.xmax);
    m_ymin->setValue(s.ymin);
    m_ymax->setValue(s.ymax);
    // A function of one input has no second coordinate: its boxes show 0 and are disabled.
    const bool twoInputs = s.point.size() > 1;
    m_x0->setValue(s.point[0]);
    m_y0->setValue(twoInputs ? s.point[1] : 0.0);
    m_epsX->setValue(s.epsilon[0]);
    m_epsY->setValue(twoInputs ? s.epsilon[1] : 0.0);
    m_y0->setEnabled(twoInputs);
    m_epsY->setEnabled(twoInputs);
    m_resolution->setValue(s.resolution);
    m_wireLines->setValue(s.wireLines);
    m_tangent->setChecked(s.showTangent);
    m_quadratic->setChecked(s.showQuadratic);
    m_gradient->setChecked(s.showGradient);
    m_shaded->setChecked(s.shaded);
    // Prefixes change with the function only; setting them re-lays out the box.
    const QStringList names = m_doc->inputNames();
    const QString px = names.value(0) + QStringLiteral(" = "),
                  py = names.value(1) + QStringLiteral(" = ");
    if (m_x0->prefix() != px)
        m_x0->setPrefix(px);
    if (m_y0->prefix() != py)
        m_y0->setPrefix(py);
}

void MainWindow::onDocumentChanged(int what) {
    if (what & Document::SurfaceChange) {
        showDocument(m_view->scene(), *m_doc); // the runs too
    } else {
        m_view->scene().setStyle(sceneStyle(m_doc->settings()));
        showExpansion(m_view->scene(), *m_doc);
        if (what & Document::RunsChange)
            showRuns(m_view->scene(), *m_doc);
    }
    if (what & Document::RunsChange) {
        m_optimizers->showRuns(*m_doc);
        updateChart();
        m_chartDock->setVisible(!m_doc->trajectories().empty()); // no runs, no empty chart
        int longest = 0;
        for (const Trajectory& t : m_doc->trajectories())
            longest = std::max(longest, t.stepCount());
        m_animator->setLength(longest); // shows the paths whole; renders via onFrameChanged
        for (const Trajectory& t : m_doc->trajectories())
            if (t.reason == StopReason::Diverged)
                statusBar()->showMessage(
                    tr("A run diverged: %1").arg(QString::fromStdString(t.message)), 8000);
    }
    m_view->render();
    m_readout->setExpansion(m_doc->expansion(), m_doc->inputNames());
    syncEditors();
}

void MainWindow::applyFunction() {
    m_functionTimer->stop();
    Settings s = m_doc->settings();
    s.function = m_function->text();
    const QString error = m_doc->change(s, tr("Edit function"));
    m_functionError->setText(error);
    m_functionError->setVisible(!error.isEmpty());
    m_function->setStyleSheet(error.isEmpty() ? QString()
                                              : QStringLiteral("border: 1px solid #b00020;"));
}

void MainWindow::applySettings() {
    Settings s = m_doc->settings();
    s.xmin = m_xmin->value();
    s.xmax = m_xmax->value();
    s.ymin = m_ymin->value();
    s.ymax = m_ymax->value();
    s.point[0] = m_x0->value();
    s.epsilon[0] = m_epsX->value();
    if (s.point.size() > 1) {
        s.point[1] = m_y0->value();
        s.epsilon[1] = m_epsY->value();
    }
    s.resolution = m_resolution->value();
    s.wireLines = m_wireLines->value();
    s.showTangent = m_tangent->isChecked();
    s.showQuadratic = m_quadratic->isChecked();
    s.showGradient = m_gradient->isChecked();
    s.shaded = m_shaded->isChecked();
    showSettingsError(m_doc->change(s, tr("Change settings")));
}

void MainWindow::showSettingsError(const QString& error) {
    m_settingsError->setText(error);
    m_settingsError->setVisible(!error.isEmpty());
}

void MainWindow::addRun() {
    const std::vector<double> start = m_optimizers->startAtExpansionPoint()
                                          ? m_doc->settings().point
                                          : m_optimizers->typedStart();
    std::vector<double> full = m_doc->settings().point; // inputs beyond x, y stay at the point
    for (std::size_t i = 0; i < std::min(full.size(), start.size()); ++i)
        full[i] = start[i];
    if (const QString error = m_doc->addRun(m_optimizers->runAt(full)); !error.isEmpty())
        statusBar()->showMessage(error, 8000);
}

void MainWindow::addRunAt(double x, double y) {
    std::vector<double> start = m_doc->settings().point;
    start[0] = x;
    if (start.size() > 1)
        start[1] = y;
    if (const QString error = m_doc->addRun(m_optimizers->runAt(start)); !error.isEmpty())
        statusBar()->showMessage(error, 8000);
}

void MainWindow::onFrameChanged(int frame) {
    showFrame(m_view->scene(), *m_doc, frame);
    m_view->render();
    m_optimizers->setFrame(frame, m_animator->length());
}

void MainWindow::updateChart() {
    const bool norm = m_optimizers->chartGradientNorm();
    const bool log = m_optimizers->chartLogScale();
    const std::vector<ChartSeries> series = lossSeries(*m_doc, norm);
    m_chart->setLogScale(log);
    m_chart->setSeries(series, norm ? "|grad f|" : "f");
    // VTK keeps a log axis linear when a value is not positive: say so.
    bool positive = true;
    for (const ChartSeries& s : series)
        for (double v : s.values)
            positive = positive && !(v <= 0);
    if (log && !positive)
        statusBar()->showMessage(tr("Log scale needs positive values: the chart stays linear"),
                                 5000);
}

void MainWindow::showAsInTheView(SurfaceScene& scene, int height) const {
    // A second scene with the view's content, camera and animation frame: the window's own
    // renderer stays put. Fonts and lines scale with the picture's height over the view's.
    showDocument(scene, *m_doc, std::max(1.0, double(height) / std::max(1, m_view->height())));
    showFrame(scene, *m_doc, m_animator->frame());
    scene.copyCamera(m_view->scene());
}

QString MainWindow::exportAnimation(const QString& path, int width, int height) {
    ImageExportOptions o;
    o.width = width;
    o.height = height;
    SurfaceScene scene;
    showAsInTheView(scene, height);
    return QString::fromStdString(gs::exportAnimation(scene.renderer(), path.toStdString(), o,
                                                      m_animator->length() + 1, m_animator->speed(),
                                                      [&](int k) { showFrame(scene, *m_doc, k); }));
}

void MainWindow::showAnimationExportDialog() {
    if (m_doc->trajectories().empty()) {
        QMessageBox::information(this, tr("Export Animation"),
                                 tr("Add an optimizer run first (Optimizers ▸ Add run, or "
                                    "Shift+click on the surface)."));
        return;
    }
    const QString path = QDir::home().filePath(QStringLiteral("gradscape.gif"));
    ExportDialog dialog(this, tr("Export Animation"), tr("GIF, video (.ogv) or folder"), path,
                        ExportDialog::Browse::Folder, QSize(1280, 960), false,
                        [this](const ExportRequest& r) {
                            const QString error = exportAnimation(r.path, r.width, r.height);
                            if (error.isEmpty())
                                statusBar()->showMessage(tr("Exported %1").arg(r.path), 5000);
                            return error;
                        });
    dialog.exec();
}

void MainWindow::onDragStarted() {
    m_currentDrag = ++m_dragId;
}

void MainWindow::onPointDragged(double x, double y) {
    // One drag is one undo step: every move merges into the drag's command.
    showSettingsError(m_doc->setPoint(x, y, m_currentDrag));
}

void MainWindow::onNudged(int dx, int dy) {
    const Settings& s = m_doc->settings();
    const double step = 0.01 * std::max(s.xmax - s.xmin, s.ymax - s.ymin);
    const double y = s.point.size() > 1 ? s.point[1] : 0.0;
    showSettingsError(m_doc->setPoint(s.point[0] + dx * step, y + dy * step));
}

QString MainWindow::exportImage(const QString& path, int width, int height, bool transparent) {
    ImageExportOptions o;
    o.width = width;
    o.height = height;
    o.transparent = transparent;
    if (const std::string problem = validateImageExport(path.toStdString(), o); !problem.empty())
        return QString::fromStdString(problem);
    SurfaceScene scene;
    showAsInTheView(scene, height);
    return QString::fromStdString(gs::exportImage(scene.renderer(), path.toStdString(), o));
}

void MainWindow::showExportDialog() {
    const qreal dpr = m_view->devicePixelRatio();
    const QSize threeTimes(int(3 * m_view->width() * dpr), int(3 * m_view->height() * dpr));
    ExportDialog dialog(
        this, tr("Export Image"), tr("File"),
        QDir::home().filePath(QStringLiteral("gradscape.png")), ExportDialog::Browse::SaveFile,
        threeTimes, true, [this](const ExportRequest& r) {
            const QString error = exportImage(r.path, r.width, r.height, r.transparent);
            if (error.isEmpty())
                statusBar()->showMessage(tr("Exported %1").arg(r.path), 5000);
            return error;
        });
    dialog.exec();
}

} // namespace gs
