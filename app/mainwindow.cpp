#include "mainwindow.h"

#include "animator.h"
#include "document.h"
#include "exportdialog.h"
#include "graphdock.h"
#include "losschart.h"
#include "optimizerpanel.h"
#include "presets.h"
#include "readoutpanel.h"
#include "scenebinding.h"
#include "sceneexport.h"
#include "section.h"
#include "surfaceview.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <cmath>
#include <limits>

namespace gs {

namespace {

QDoubleSpinBox* numberBox(double lo, double hi, double step, const QString& tip, int decimals = 4) {
    auto* box = new QDoubleSpinBox;
    box->setRange(lo, hi);
    box->setSingleStep(step);
    box->setDecimals(decimals);
    box->setKeyboardTracking(false); // apply when a number is complete, not per keystroke
    box->setAccelerated(true);
    box->setToolTip(tip);
    // Two boxes side by side fit the panel: the width follows the panel, not the number.
    box->setMinimumWidth(60);
    box->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    return box;
}

// A panel in a vertical-only scroll area: the panel takes the area's width, so nothing
// ever needs a horizontal scroll bar.
QScrollArea* scrolled(QWidget* panel) {
    auto* scroll = new QScrollArea;
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
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

QWidget* pair(QWidget* a, QWidget* b) {
    auto* w = new QWidget;
    auto* h = new QHBoxLayout(w);
    h->setContentsMargins(0, 0, 0, 0);
    h->addWidget(a, 1);
    h->addWidget(b, 1);
    return w;
}

QString number(double v) {
    return QString::number(v, 'g', 6);
}

} // namespace

QSize MainWindow::firstStartSize(const QSize& available) {
    // Room for the plot: 1440 x 900 where the screen has it, never more than 94% of it.
    return {std::min(1440, int(available.width() * 0.94)),
            std::min(900, int(available.height() * 0.94))};
}

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
    m_viewContainer->setToolTip(
        tr("Drag the red point or the surface to move the point; drag elsewhere or Ctrl+drag "
           "to rotate; wheel zooms; Shift+click starts a run; arrow keys nudge the point"));
    setCentralWidget(m_viewContainer);
    m_nudgeTimer = new QTimer(this);
    m_nudgeTimer->setSingleShot(true);
    m_nudgeTimer->setInterval(1000);
    connect(m_nudgeTimer, &QTimer::timeout, this, [this] { m_nudgeId = -1; });
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
    const Settings& s = m_doc->settings();
    m_framedDomain = {s.xmin, s.xmax, s.ymin, s.ymax};
    m_readout->setExpansion(m_doc->expansion(), m_doc->inputNames());
    syncEditors();
    if (!s.runs.empty()) // started with runs (--runs): "Add run" repeats the first
        m_optimizers->setRun(s.runs.front(), s.point);
    onDocumentChanged(Document::RunsChange);
    statusBar()->showMessage(tr("Drag the red point (or anywhere on the surface) to move it; "
                                "drag elsewhere or Ctrl+drag to rotate; wheel zooms; arrow keys "
                                "nudge the point. F1: help."));
    const QScreen* screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    resize(screen ? firstStartSize(screen->availableGeometry().size()) : QSize(1280, 800));
}

void MainWindow::buildControls() {
    // --- Tab "Function": the function, what to show, the point, the readout, the domain.
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(6, 6, 6, 6);

    m_function = new QLineEdit;
    m_function->setPlaceholderText(QStringLiteral("x*exp(-x^2-y^2)"));
    QStringList functions; // the language's own list, so the tip never falls behind it
    for (const std::string& name : knownFunctions())
        functions << QString::fromStdString(name);
    m_function->setToolTip(tr("f: functions %1; constants pi, e; powers ^ or **; statements "
                              "a = ...; f = ... (F1: the language)")
                               .arg(functions.join(QLatin1Char(' '))));
    m_functionError = errorLabel();
    auto* fnLabel = new QLabel(tr("f ="));
    auto* fnRow = new QHBoxLayout;
    fnRow->addWidget(fnLabel);
    fnRow->addWidget(m_function, 1);
    layout->addLayout(fnRow);
    layout->addWidget(m_functionError);
    m_domainNote = new QLabel;
    m_domainNote->setWordWrap(true);
    m_domainNote->setObjectName(QStringLiteral("domainNote"));
    m_domainNote->setStyleSheet(QStringLiteral("color: #8a4b00;"));
    m_domainNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_domainNote->hide();
    layout->addWidget(m_domainNote);
    m_settingsError = errorLabel(); // above the sections: seen even when they are collapsed
    layout->addWidget(m_settingsError);
    // Parse as the person types; apply once the text has rested, so a half-typed
    // function never replaces the last good surface.
    m_functionTimer = new QTimer(this);
    m_functionTimer->setSingleShot(true);
    m_functionTimer->setInterval(300);
    connect(m_function, &QLineEdit::textEdited, m_functionTimer, qOverload<>(&QTimer::start));
    connect(m_functionTimer, &QTimer::timeout, this, &MainWindow::applyFunction);
    connect(m_function, &QLineEdit::returnPressed, this, &MainWindow::applyFunction);

    const double big = 1e6;
    // The point and ε.
    auto* pointPanel = new QWidget;
    auto* point = new QFormLayout(pointPanel);
    point->setContentsMargins(0, 0, 0, 0);
    point->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_x0 = numberBox(-big, big, 0.05, tr("First coordinate of the expansion point x₀"));
    m_y0 = numberBox(-big, big, 0.05, tr("Second coordinate of the expansion point x₀"));
    m_x0->setObjectName(QStringLiteral("x0"));
    m_y0->setObjectName(QStringLiteral("y0"));
    m_pointLabel = new QLabel(tr("x₀"));
    point->addRow(m_pointLabel, pair(m_x0, m_y0));
    m_epsX = numberBox(-big, big, 0.01, tr("Offset ε for the approximation check, first input"), 6);
    m_epsY =
        numberBox(-big, big, 0.01, tr("Offset ε for the approximation check, second input"), 6);
    m_epsX->setObjectName(QStringLiteral("epsX"));
    m_epsY->setObjectName(QStringLiteral("epsY"));
    point->addRow(tr("ε"), pair(m_epsX, m_epsY));
    layout->addWidget(new Section(tr("Expansion point"), pointPanel, true));

    // What to show, two columns.
    auto* showPanel = new QWidget;
    auto* show = new QGridLayout(showPanel);
    show->setContentsMargins(0, 0, 0, 0);
    m_tangent = new QCheckBox(tr("Tangent plane"));
    m_tangent->setToolTip(tr("The first-order Taylor model at x₀: f(x₀) + ∇f(x₀)·(x − x₀)"));
    m_quadratic = new QCheckBox(tr("Quadratic"));
    m_quadratic->setToolTip(tr("The second-order Taylor model at x₀: the tangent plane + "
                               "½ (x − x₀)ᵀ H(x₀) (x − x₀)"));
    m_gradient = new QCheckBox(tr("∇f and −∇f"));
    m_gradient->setToolTip(tr("Arrows along the gradient (steepest ascent) and against it"));
    m_shaded = new QCheckBox(tr("Shaded"));
    m_shaded->setToolTip(tr("A shaded surface coloured by f, with a colour bar"));
    show->addWidget(m_tangent, 0, 0);
    show->addWidget(m_quadratic, 0, 1);
    show->addWidget(m_gradient, 1, 0);
    show->addWidget(m_shaded, 1, 1);
    layout->addWidget(new Section(tr("Show"), showPanel, true));

    // The readout.
    m_readout->setToolTip(tr("The numbers at the expansion point, computed exactly (automatic "
                             "differentiation)"));
    layout->addWidget(new Section(tr("At the expansion point"), m_readout, true));

    // The domain: set once, then out of the way.
    auto* domainPanel = new QWidget;
    auto* domain = new QFormLayout(domainPanel);
    domain->setContentsMargins(0, 0, 0, 0);
    domain->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_xmin = numberBox(-big, big, 0.5, tr("Lower end of the first input's range"));
    m_xmax = numberBox(-big, big, 0.5, tr("Upper end of the first input's range"));
    m_ymin = numberBox(-big, big, 0.5, tr("Lower end of the second input's range"));
    m_ymax = numberBox(-big, big, 0.5, tr("Upper end of the second input's range"));
    m_xRangeLabel = new QLabel(tr("x from, to"));
    m_yRangeLabel = new QLabel(tr("y from, to"));
    domain->addRow(m_xRangeLabel, pair(m_xmin, m_xmax));
    domain->addRow(m_yRangeLabel, pair(m_ymin, m_ymax));
    m_resolution = new QSpinBox;
    m_resolution->setRange(2, 100000); // larger than allowed: the document says why it refuses
    m_resolution->setKeyboardTracking(false);
    m_resolution->setToolTip(tr("Samples per axis, %1 to %2")
                                 .arg(Document::kMinResolution)
                                 .arg(Document::kMaxResolution));
    m_wireLines = new QSpinBox;
    m_wireLines->setRange(2, 201);
    m_wireLines->setKeyboardTracking(false);
    m_wireLines->setToolTip(tr("Wire lines drawn per axis, 2 to 201"));
    domain->addRow(tr("Resolution"), m_resolution);
    domain->addRow(tr("Wire lines"), m_wireLines);
    layout->addWidget(new Section(tr("Domain and grid"), domainPanel, false));
    layout->addStretch();

    // Each control edits its own field and nothing else: the document keeps full precision
    // where a box shows fewer digits.
    connect(m_xmin, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { edit(tr("Change domain"), [v](Settings& s) { s.xmin = v; }); });
    connect(m_xmax, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { edit(tr("Change domain"), [v](Settings& s) { s.xmax = v; }); });
    connect(m_ymin, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { edit(tr("Change domain"), [v](Settings& s) { s.ymin = v; }); });
    connect(m_ymax, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { edit(tr("Change domain"), [v](Settings& s) { s.ymax = v; }); });
    connect(m_x0, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        edit(tr("Move expansion point"), [v](Settings& s) { s.point[0] = v; });
    });
    connect(m_y0, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        edit(tr("Move expansion point"), [v](Settings& s) {
            if (s.point.size() > 1) // a function of one input has no y
                s.point[1] = v;
        });
    });
    connect(m_epsX, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { edit(tr("Change ε"), [v](Settings& s) { s.epsilon[0] = v; }); });
    connect(m_epsY, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        edit(tr("Change ε"), [v](Settings& s) {
            if (s.epsilon.size() > 1)
                s.epsilon[1] = v;
        });
    });
    connect(m_resolution, &QSpinBox::valueChanged, this, [this](int v) {
        edit(tr("Change resolution"), [v](Settings& s) { s.resolution = v; });
    });
    connect(m_wireLines, &QSpinBox::valueChanged, this, [this](int v) {
        edit(tr("Change wire lines"), [v](Settings& s) { s.wireLines = v; });
    });
    connect(m_tangent, &QCheckBox::toggled, this, [this](bool on) {
        edit(on ? tr("Show tangent plane") : tr("Hide tangent plane"),
             [on](Settings& s) { s.showTangent = on; });
    });
    connect(m_quadratic, &QCheckBox::toggled, this, [this](bool on) {
        edit(on ? tr("Show quadratic") : tr("Hide quadratic"),
             [on](Settings& s) { s.showQuadratic = on; });
    });
    connect(m_gradient, &QCheckBox::toggled, this, [this](bool on) {
        edit(on ? tr("Show gradient arrows") : tr("Hide gradient arrows"),
             [on](Settings& s) { s.showGradient = on; });
    });
    connect(m_shaded, &QCheckBox::toggled, this, [this](bool on) {
        edit(on ? tr("Shade surface") : tr("Show wireframe"), [on](Settings& s) { s.shaded = on; });
    });

    // --- Tab "Optimizers": the settings and runs, then the loss chart with its options.
    auto* optimizersTab = new QWidget;
    auto* opt = new QVBoxLayout(optimizersTab);
    opt->setContentsMargins(0, 0, 0, 0);
    opt->addWidget(scrolled(m_optimizers), 1);
    auto* chartPanel = new QWidget;
    auto* chartLayout = new QVBoxLayout(chartPanel);
    chartLayout->setContentsMargins(6, 0, 6, 6);
    chartLayout->addWidget(m_optimizers->chartOptions());
    auto* chartContainer = QWidget::createWindowContainer(m_chart, this);
    chartContainer->setMinimumHeight(130);
    chartContainer->setMaximumHeight(220);
    chartContainer->setToolTip(tr("f (or |∇f|) at each iteration of every run"));
    chartLayout->addWidget(chartContainer);
    m_chartSection = new Section(tr("Loss per iteration"), chartPanel, true);
    m_chartSection->setObjectName(QStringLiteral("chart"));
    opt->addWidget(m_chartSection);

    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(scrolled(panel), tr("Function"));
    m_tabs->addTab(optimizersTab, tr("Optimizers"));
    m_tabs->setTabToolTip(0, tr("The function, the expansion point, what is shown, the numbers"));
    m_tabs->setTabToolTip(1, tr("Optimizer runs, their animation and loss chart"));

    m_panelDock = new QDockWidget(tr("Panel"), this);
    m_panelDock->setObjectName(QStringLiteral("panel")); // saveState() keys the layout by it
    m_panelDock->setWidget(m_tabs);
    m_panelDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                             QDockWidget::DockWidgetClosable);
    m_panelDock->setTitleBarWidget(new QWidget); // the tabs say what it is
    // A fixed width that the content does not change: controls stay where they were.
    m_panelDock->setMinimumWidth(300);
    m_panelDock->setMaximumWidth(420);
    addDockWidget(Qt::LeftDockWidgetArea, m_panelDock);
    resizeDocks({m_panelDock}, {340}, Qt::Horizontal);

    // Messages that matter stay in the status bar until dismissed or replaced.
    m_messageBox = new QWidget;
    auto* messageLayout = new QHBoxLayout(m_messageBox);
    messageLayout->setContentsMargins(0, 0, 0, 0);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // never widens
    m_message->setMinimumWidth(200);
    auto* dismiss = new QToolButton;
    dismiss->setText(QStringLiteral("✕"));
    dismiss->setAutoRaise(true);
    dismiss->setToolTip(tr("Dismiss the message"));
    messageLayout->addWidget(m_message, 1);
    messageLayout->addWidget(dismiss);
    statusBar()->addPermanentWidget(m_messageBox, 1);
    m_messageBox->hide();
    connect(dismiss, &QToolButton::clicked, m_messageBox, &QWidget::hide);
}

void MainWindow::notify(const QString& text) {
    m_message->setText(text);
    m_message->setToolTip(text);
    m_messageBox->show();
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* exportAction =
        file->addAction(tr("&Export Image…"), this, &MainWindow::showExportDialog);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction* exportAnim =
        file->addAction(tr("Export &Animation…"), this, &MainWindow::showAnimationExportDialog);
    exportAnim->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
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
    examples->setToolTipsVisible(true);
    for (const Preset& preset : loadPresets())
        examples->addAction(preset.name, this, [this, preset] { openExample(preset); });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* reset = view->addAction(tr("&Reset View"), m_view, &SurfaceView::resetView);
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    using Preset3 = SurfaceView::CameraPreset;
    const struct {
        QString name;
        Preset3 preset;
        Qt::Key key;
    } cameras[] = {{tr("&Top"), Preset3::Top, Qt::Key_1},
                   {tr("&Front"), Preset3::Front, Qt::Key_2},
                   {tr("&Side"), Preset3::Side, Qt::Key_3}};
    for (const auto& c : cameras) {
        QAction* a =
            view->addAction(c.name, this, [this, p = c.preset] { m_view->setCameraPreset(p); });
        a->setShortcut(QKeySequence(Qt::CTRL | c.key));
    }
    view->addSeparator();
    QAction* panel = m_panelDock->toggleViewAction();
    panel->setText(tr("&Panel"));
    panel->setShortcut(QKeySequence(Qt::Key_F9));
    view->addAction(panel);
    // The computational graph (backpropagation), a dock hidden until asked for.
    auto* graph = new GraphDock(m_doc, this);
    addDockWidget(Qt::RightDockWidgetArea, graph);
    graph->hide();
    QAction* graphAction = graph->toggleViewAction();
    graphAction->setText(tr("&Graph (Backpropagation)"));
    graphAction->setShortcut(QKeySequence(Qt::Key_F8));
    view->addAction(graphAction);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* language =
        help->addAction(tr("The &Expression Language"), this, &MainWindow::showHelp);
    language->setShortcut(QKeySequence::HelpContents); // F1
    help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    help->addSeparator();
    help->addAction(tr("&About gradscape"), this, &MainWindow::showAbout);
}

void MainWindow::showHelp() {
    QStringList functions;
    for (const std::string& name : knownFunctions())
        functions << QString::fromStdString(name);
    const QString html =
        tr("<h3>The expression language</h3>"
           "<p>Type f in the box above the plot, for example <code>x*exp(-x^2-y^2)</code>.</p>"
           "<ul>"
           "<li>Numbers: <code>2</code>, <code>0.5</code>, <code>1e-3</code>; constants "
           "<code>pi</code>, <code>e</code>.</li>"
           "<li>Operators: <code>+ - * /</code>, powers <code>^</code> or <code>**</code> "
           "(right to left: <code>2^3^2</code> = 2^9), unary minus (<code>-x^2</code> = "
           "−(x²)), parentheses.</li>"
           "<li>Functions: <code>%1</code>.</li>"
           "<li>Inputs: any other name. <code>x</code> and <code>y</code> are plotted; "
           "with other names, the first two in alphabetical order.</li>"
           "<li>Statements: <code>a = x + y; f = a^2</code> names a part; the last statement "
           "is f. Separate statements with <code>;</code> or new lines.</li>"
           "</ul>"
           "<p>Derivatives are exact (automatic differentiation), never finite differences. "
           "Where f is undefined (<code>log</code> of a negative number, say) the surface has a "
           "gap and the readout says the point is outside f's domain.</p>")
            .arg(functions.join(QStringLiteral("</code>, <code>")));
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("helpDialog"));
    dialog->setWindowTitle(tr("gradscape Help"));
    auto* layout = new QVBoxLayout(dialog);
    auto* text = new QTextBrowser;
    text->setHtml(html);
    layout->addWidget(text);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(buttons);
    dialog->resize(560, 460);
    dialog->show();
}

void MainWindow::showShortcuts() {
    QMessageBox::information(
        this, tr("Keyboard Shortcuts"),
        tr("<table>"
           "<tr><td>F1</td><td>the expression language</td></tr>"
           "<tr><td>Arrow keys</td><td>nudge the point 1% of the domain (Shift: 10%); a burst "
           "of nudges is one undo step</td></tr>"
           "<tr><td>Drag the point or surface</td><td>move the point</td></tr>"
           "<tr><td>Drag elsewhere, Ctrl+drag</td><td>rotate; the wheel zooms</td></tr>"
           "<tr><td>Shift+click</td><td>start an optimizer run there</td></tr>"
           "<tr><td>Ctrl+0</td><td>reset the view</td></tr>"
           "<tr><td>Ctrl+1, Ctrl+2, Ctrl+3</td><td>view from the top, front, side</td></tr>"
           "<tr><td>Ctrl+Z, Ctrl+Shift+Z</td><td>undo, redo</td></tr>"
           "<tr><td>Ctrl+E, Ctrl+Shift+E</td><td>export image, animation</td></tr>"
           "<tr><td>F9</td><td>show or hide the panel</td></tr>"
           "</table>"));
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About gradscape"),
        tr("<b>gradscape</b> %1<br>Explore the calculus of machine learning: "
           "surfaces, exact gradients and Hessians, Taylor models and "
           "optimizers.<br>Qt %2, VTK, Eigen.")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainWindow::openExample(const Preset& preset) {
    // The example's text replaces whatever the editor holds, focused or half typed.
    m_functionTimer->stop();
    if (const QString error =
            m_doc->change(preset.settings, tr("Open example “%1”").arg(preset.name));
        !error.isEmpty()) {
        notify(error);
        return;
    }
    m_function->setText(m_doc->settings().function);
    m_shownFunction = m_doc->settings().function;
    m_functionError->hide();
    m_function->setStyleSheet(QString());
    // "Add run" then repeats the example's (first) run.
    if (!preset.settings.runs.empty()) {
        m_optimizers->setRun(preset.settings.runs.front(), m_doc->settings().point);
        m_tabs->setCurrentIndex(1);
    }
    m_view->resetView();
    if (preset.view == QLatin1String("graph"))
        findChild<GraphDock*>()->present();
}

template <class Modify> void MainWindow::edit(const QString& what, Modify modify) {
    Settings s = m_doc->settings();
    modify(s);
    showSettingsError(m_doc->change(s, what));
}

void MainWindow::syncEditors() {
    const Settings& s = m_doc->settings();
    const QSignalBlocker blockers[] = {
        QSignalBlocker(m_xmin),      QSignalBlocker(m_xmax),    QSignalBlocker(m_ymin),
        QSignalBlocker(m_ymax),      QSignalBlocker(m_x0),      QSignalBlocker(m_y0),
        QSignalBlocker(m_epsX),      QSignalBlocker(m_epsY),    QSignalBlocker(m_resolution),
        QSignalBlocker(m_wireLines), QSignalBlocker(m_tangent), QSignalBlocker(m_quadratic),
        QSignalBlocker(m_gradient),  QSignalBlocker(m_shaded)};
    // The editor shows the document's function whenever that changes from elsewhere (an
    // undo, an example), focused or not; text the person is typing (unapplied, or refused
    // with a message) stays while the document's function stays.
    if (s.function != m_shownFunction) {
        m_shownFunction = s.function;
        if (!m_applyingFunction && m_function->text() != s.function) {
            m_functionTimer->stop();
            m_function->setText(s.function);
            m_functionError->hide();
            m_function->setStyleSheet(QString());
        }
    }
    // The boxes show what fits; they are read back only when the person edits them.
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
    // Labels and prefixes take the input names; they change with the function only.
    const QStringList names = m_doc->inputNames();
    const QString px = names.value(0) + QStringLiteral(" = "),
                  py = names.value(1) + QStringLiteral(" = ");
    if (m_x0->prefix() != px) {
        m_x0->setPrefix(px);
        m_xRangeLabel->setText(tr("%1 from, to").arg(names.value(0)));
    }
    if (m_y0->prefix() != py) {
        m_y0->setPrefix(py);
        m_yRangeLabel->setText(tr("%1 from, to").arg(names.value(1)));
    }
}

void MainWindow::updateDomainNote() {
    const Settings& s = m_doc->settings();
    const QStringList names = m_doc->inputNames();
    QStringList notes;
    const auto& values = m_doc->surface().z;
    const long all = long(values.size());
    const long finite = long(values.isFinite().count());
    const QString box = tr("%1 ∈ [%2, %3], %4 ∈ [%5, %6]")
                            .arg(names.value(0), number(s.xmin), number(s.xmax), names.value(1),
                                 number(s.ymin), number(s.ymax));
    if (all > 0 && finite == 0)
        notes << tr("f is undefined everywhere on the domain %1: there is nothing to plot. "
                    "Choose a domain where f is defined.")
                     .arg(box);
    else if (all > 0 && finite < all)
        notes << tr("f is undefined on %1% of the domain: the surface has gaps there.")
                     .arg(QString::number(100.0 * double(all - finite) / double(all), 'f', 0));
    if (s.point.size() >= 2 &&
        (s.point[0] < s.xmin || s.point[0] > s.xmax || s.point[1] < s.ymin || s.point[1] > s.ymax))
        notes << tr("The expansion point (%1, %2) is outside the plotted domain %3: its marker, "
                    "planes and arrows are not drawn. Widen the domain or move the point.")
                     .arg(number(s.point[0]), number(s.point[1]), box);
    m_domainNote->setText(notes.join(QLatin1Char('\n')));
    m_domainNote->setVisible(!notes.isEmpty());
}

void MainWindow::onDocumentChanged(int what) {
    if (what & Document::SurfaceChange) {
        showDocument(m_view->scene(), *m_doc); // the runs too
        const Settings& s = m_doc->settings();
        const std::array<double, 4> domain{s.xmin, s.xmax, s.ymin, s.ymax};
        if (domain != m_framedDomain) { // a new domain: the surface stays in the view
            m_framedDomain = domain;
            m_view->refit();
        }
    } else {
        m_view->scene().setStyle(sceneStyle(m_doc->settings()));
        showExpansion(m_view->scene(), *m_doc);
        if (what & Document::RunsChange)
            showRuns(m_view->scene(), *m_doc);
    }
    if (what & Document::RunsChange) {
        m_optimizers->showRuns(*m_doc);
        updateChart();
        const auto runs = m_doc->trajectories().size();
        m_chartSection->setVisible(runs > 0); // no runs, no empty chart
        m_tabs->setTabText(1, runs ? tr("Optimizers (%1)").arg(runs) : tr("Optimizers"));
        if (runs > 0 && m_runCount == 0)
            m_tabs->setCurrentIndex(1); // the first run: show it with its chart
        m_runCount = runs;
        int longest = 0;
        for (const Trajectory& t : m_doc->trajectories())
            longest = std::max(longest, t.stepCount());
        m_animator->setLength(longest); // shows the paths whole; renders via onFrameChanged
        for (const Trajectory& t : m_doc->trajectories())
            if (t.reason == StopReason::Diverged)
                notify(tr("A run diverged: %1").arg(QString::fromStdString(t.message)));
    }
    m_view->render();
    m_readout->setExpansion(m_doc->expansion(), m_doc->inputNames());
    syncEditors();
    updateDomainNote();
}

void MainWindow::applyFunction() {
    m_functionTimer->stop();
    Settings s = m_doc->settings();
    s.function = m_function->text();
    m_applyingFunction = true;
    const QString error = m_doc->change(s, tr("Edit function"));
    m_applyingFunction = false;
    m_functionError->setText(error);
    m_functionError->setVisible(!error.isEmpty());
    m_function->setStyleSheet(error.isEmpty() ? QString()
                                              : QStringLiteral("border: 1px solid #b00020;"));
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
        notify(error);
}

void MainWindow::addRunAt(double x, double y) {
    std::vector<double> start = m_doc->settings().point;
    start[0] = x;
    if (start.size() > 1)
        start[1] = y;
    if (const QString error = m_doc->addRun(m_optimizers->runAt(start)); !error.isEmpty())
        notify(error);
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

QString MainWindow::exportAnimation(const QString& path, int width, int height, bool transparent) {
    ImageExportOptions o;
    o.width = width;
    o.height = height;
    o.transparent = transparent;
    SurfaceScene scene;
    showAsInTheView(scene, height);
    const int frames = m_animator->length() + 1;
    // Frames are rendered here, between events: the progress dialog repaints, Cancel works
    // and the window stays responsive; the dialog is modal so the document stays put.
    QWidget* owner = QApplication::activeModalWidget() ? QApplication::activeModalWidget() : this;
    QProgressDialog progress(tr("Exporting %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0,
                             frames, owner);
    progress.setObjectName(QStringLiteral("exportProgress"));
    progress.setWindowTitle(tr("Export Animation"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    progress.setValue(0);
    const std::string error = gs::exportAnimation(
        scene.renderer(), path.toStdString(), o, frames, m_animator->speed(),
        [&](int k) { showFrame(scene, *m_doc, k); }, {},
        [&](int done, int total) {
            progress.setValue(done);
            progress.setLabelText(tr("Frame %1 of %2").arg(done).arg(total));
            QCoreApplication::processEvents();
            return !progress.wasCanceled();
        });
    if (error == kExportCancelled)
        return tr("Export cancelled: nothing was written.");
    return QString::fromStdString(error);
}

void MainWindow::showAnimationExportDialog() {
    if (m_doc->trajectories().empty()) {
        QMessageBox::information(this, tr("Export Animation"),
                                 tr("Add an optimizer run first (Optimizers ▸ Add run, or "
                                    "Shift+click on the surface)."));
        return;
    }
    ExportDialog dialog(
        this, tr("Export Animation"), tr("GIF, video (.ogv) or folder"),
        QStringLiteral("exportAnimation"), QStringLiteral("gradscape.gif"),
        ExportDialog::Browse::Folder, QSize(1280, 960),
        tr("Transparent background (GIF, PNG frames)"), [this](const ExportRequest& r) {
            const QString error = exportAnimation(r.path, r.width, r.height, r.transparent);
            if (error.isEmpty())
                notify(tr("Exported %1").arg(r.path));
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
    // A burst of nudges (each within a second of the last) is one undo step.
    if (m_nudgeId < 0 || !m_nudgeTimer->isActive())
        m_nudgeId = ++m_dragId;
    m_nudgeTimer->start();
    const Settings& s = m_doc->settings();
    const double step = 0.01 * std::max(s.xmax - s.xmin, s.ymax - s.ymin);
    Settings next = s;
    next.point[0] = s.point[0] + dx * step;
    if (next.point.size() > 1) // a function of one input has no y to nudge
        next.point[1] = s.point[1] + dy * step;
    showSettingsError(m_doc->change(next, tr("Nudge expansion point"), m_nudgeId));
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
    ExportDialog dialog(this, tr("Export Image"), tr("File"), QStringLiteral("exportImage"),
                        QStringLiteral("gradscape.png"), ExportDialog::Browse::SaveFile, threeTimes,
                        tr("Transparent background (PNG)"), [this](const ExportRequest& r) {
                            const QString error =
                                exportImage(r.path, r.width, r.height, r.transparent);
                            if (error.isEmpty())
                                notify(tr("Exported %1").arg(r.path));
                            return error;
                        });
    dialog.exec();
}

} // namespace gs
