#include "mainwindow.h"

#include "animator.h"
#include "arrowscale.h"
#include "contourscene.h"
#include "curvescene.h"
#include "diagnostics.h"
#include "document.h"
#include "errorcolour.h"
#include "exportdialog.h"
#include "functions.h"
#include "graphdock.h"
#include "graphview.h"
#include "losschart.h"
#include "matrixpanel.h"
#include "optimizerpanel.h"
#include "optionwidgets.h"
#include "parameterpanel.h"
#include "planebinding.h"
#include "planeview.h"
#include "preferences.h"
#include "preferencesdialog.h"
#include "presets.h"
#include "readoutpanel.h"
#include "scenebinding.h"
#include "sceneexport.h"
#include "section.h"
#include "sessioncontroller.h"
#include "stepdock.h"
#include "surfaceview.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QResizeEvent>
#include <QScopedValueRollback>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedLayout>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <cmath>
#include <functional>
#include <limits>
#include <utility>
#include <vtkVersionMacros.h>

// The help resources live in a static library: register them explicitly, or the linker may
// drop them (outside any namespace, as Q_INIT_RESOURCE requires).
static void initHelpResource() {
    Q_INIT_RESOURCE(help);
}

namespace gs {

namespace {

// A form's label says what its field does: its field's tooltip, or (a row of several boxes)
// the first one's with a tooltip. Tester s19: the ε row's label had none.
void explainFieldLabels(QWidget* root) {
    for (QLabel* label : root->findChildren<QLabel*>()) {
        QWidget* field = label->buddy();
        if (!field || !label->toolTip().isEmpty())
            continue;
        QString tip = field->toolTip();
        for (QWidget* part : field->findChildren<QWidget*>())
            if (tip.isEmpty())
                tip = part->toolTip();
        label->setToolTip(tip);
    }
}

/// decimals < 0: a PreciseSpinBox (the point, ε, held inputs: a typed value kept as typed).
QDoubleSpinBox* numberBox(double lo, double hi, double step, const QString& tip, int decimals = 4) {
    QDoubleSpinBox* box = decimals < 0 ? new PreciseSpinBox : new NumberSpinBox;
    box->setRange(lo, hi);
    box->setSingleStep(step);
    if (decimals >= 0)
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

// F9/F7/F6: a dock that is closed or behind another tab comes to the front; only the dock
// already in front is closed (QDockWidget's own toggle would close a tab the person asked to
// see). The dock's toggleViewAction stays the menu entry (checked while the dock is open, in
// front or not); its own toggle slot is replaced.
QAction* raiseOrCloseAction(QDockWidget* dock, const QString& text, Qt::Key key) {
    QAction* open = dock->toggleViewAction();
    open->setText(text);
    open->setShortcut(QKeySequence(key));
    QObject::disconnect(open, SIGNAL(triggered(bool)), dock, SLOT(_q_toggleView(bool)));
    QObject::connect(open, &QAction::triggered, dock, [dock] {
        // A tabified dock behind another tab is open but not visible.
        if (dock->isVisible() && !dock->isHidden() && !dock->visibleRegion().isEmpty()) {
            dock->close();
        } else {
            dock->show();
            dock->raise();
        }
        dock->toggleViewAction()->setChecked(!dock->isHidden());
    });
    return open;
}

// A scroll area whose preferred height is all of its content (QScrollArea caps its hint at
// 24 lines): in a layout it takes what its content needs and no more, and scrolls only when
// the window is too small. The spare height goes to the items with a stretch (a chart).
class ContentScrollArea : public QScrollArea {
public:
    QSize sizeHint() const override {
        QSize hint = QScrollArea::sizeHint();
        if (const QWidget* w = widget())
            // Rows that wrap at this width (the optimizer panel's) are as tall as they wrap.
            hint.setHeight((w->hasHeightForWidth() ? w->heightForWidth(viewport()->width())
                                                   : w->sizeHint().height()) +
                           2 * frameWidth());
        return hint;
    }

protected:
    bool event(QEvent* e) override {
        if (e->type() == QEvent::LayoutRequest || e->type() == QEvent::Resize)
            updateGeometry(); // the content's height (at this width) changed: so did this hint
        return QScrollArea::event(e);
    }
};

// A list as tall as its entries wrapped to its width (at most kMaxLines lines, then it
// scrolls): no nested scroll box while the panel has room.
class WrappedList : public QListWidget {
public:
    static constexpr int kMaxLines = 14;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override {
        const QFontMetrics fm(font());
        // The item's text is inset by the view's frame and the delegate's margins.
        const int text = std::max(40, width - 2 * frameWidth() - 12);
        int h = 2 * frameWidth() + 2;
        for (int i = 0; i < count(); ++i)
            h += fm.boundingRect(QRect(0, 0, text, 1 << 20), Qt::TextWordWrap, item(i)->text())
                     .height() +
                 4;
        return std::min(h, 2 * frameWidth() + kMaxLines * fm.lineSpacing());
    }
    QSize sizeHint() const override {
        return {QListWidget::sizeHint().width(), heightForWidth(width())};
    }
    QSize minimumSizeHint() const override {
        return {QListWidget::minimumSizeHint().width(),
                std::min(heightForWidth(width()),
                         2 * frameWidth() + 2 * fontMetrics().lineSpacing() + 8)};
    }
};

QLabel* errorLabel() {
    auto* label = new QLabel;
    label->setWordWrap(true);
    setErrorMark(label, ErrorMark::Text);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

/// The room under the function box for its error and the offer of parameters: at least two
/// lines of text and a button tall, in whatever font, so that neither moves the rows below
/// (a message longer than that takes more).
class FunctionRoom : public QWidget {
public:
    QWidget* button = nullptr;
    void fit() {
        setMinimumHeight(
            std::max(2 * fontMetrics().lineSpacing(), button ? button->sizeHint().height() : 0));
    }

    // Always by its width: its stacked layout's height for a width is that of its tallest
    // layer, the hidden hint's included; without this the room took the hint's sizeHint
    // (a guessed width, one line more) whenever no shown layer wrapped.
    bool hasHeightForWidth() const override { return true; }

protected:
    void changeEvent(QEvent* event) override {
        if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
            fit();
        QWidget::changeEvent(event);
    }
};

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

MainWindow::~MainWindow() {
    qApp->removeEventFilter(m_inputFilter);
    // Closing hides the docks: the step dock's visibility no longer reaches the scenes.
    disconnect(m_stepDock, nullptr, this, nullptr);
    // The 2-D views draw scenes this window owns: they go first.
    delete m_contourContainer;
    delete m_curveContainer;
}

QWidget* MainWindow::buildPlaneViews() {
    m_contourScene = std::make_unique<ContourScene>();
    m_curveScene = std::make_unique<CurveScene>();
    ContourScene* contour = m_contourScene.get();
    CurveScene* curve = m_curveScene.get();
    m_contourView = new PlaneView(
        *contour, [contour](double x, double y) { return contour->hitsMarker(x, y); });
    m_curveView =
        new PlaneView(*curve, [curve](double x, double y) { return curve->hitsMarker(x, y); });
    const QString tip = tr("Drag the red point to move it, double-click to move it there; a drag "
                           "elsewhere (or the middle button) pans, the wheel zooms, Ctrl+0 (or "
                           "Home once the plot has focus) fits the plot again");
    m_contourContainer = QWidget::createWindowContainer(m_contourView, this);
    m_curveContainer = QWidget::createWindowContainer(m_curveView, this);
    for (QWidget* c : {m_contourContainer, m_curveContainer}) {
        c->installEventFilter(this); // shown: flushPlaneViews
        c->setFocusPolicy(Qt::StrongFocus);
        c->setMinimumSize(240, 200);
        c->setToolTip(tip);
    }
    // The contour view follows the frame in onFrameChanged, with the step's marks.
    m_contourRangeTimer = new QTimer(this);
    m_contourRangeTimer->setSingleShot(true);
    m_contourRangeTimer->setInterval(80);
    connect(m_contourView, &PlaneView::rangeChanged, m_contourRangeTimer,
            qOverload<>(&QTimer::start));
    connect(m_contourRangeTimer, &QTimer::timeout, this, &MainWindow::sampleContourRange);

    // The 3-D and contour views share a splitter: both shown side by side, or one at a time
    // with the tab bar above choosing which.
    m_viewSplit = new QSplitter(Qt::Horizontal);
    m_viewSplit->setChildrenCollapsible(false);
    m_viewSplit->addWidget(m_viewContainer);
    m_viewSplit->addWidget(m_contourContainer);
    m_viewTabs = new QTabBar;
    m_viewTabs->addTab(tr("3-D"));
    m_viewTabs->addTab(tr("Contour"));
    m_viewTabs->addTab(tr("Graph"));
    m_viewTabs->setDocumentMode(true);
    m_viewTabs->setExpanding(false);
    m_viewTabs->setToolTip(tr("The 3-D surface or its top view with level curves (View ▸ Side "
                              "by Side shows both), or the computational graph (F8)"));
    m_viewTabs->setTabToolTip(2, tr("The computational graph: backpropagation step by step (F8)"));
    connect(m_viewTabs, &QTabBar::currentChanged, this, &MainWindow::showViewTab);

    // The graph is a page of its own: it takes the plot's place while shown, never its room.
    m_graph = new GraphDock(m_doc);
    m_graph->setFeatures(QDockWidget::NoDockWidgetFeatures);
    m_graph->setTitleBarWidget(new QWidget); // the tab says what it is

    // Pages: the 3-D and contour views, the curve view (one input), the graph.
    m_central = new QStackedWidget;
    m_central->addWidget(m_viewSplit);
    m_central->addWidget(m_curveContainer);
    m_central->addWidget(m_graph);
    auto* area = new QWidget;
    auto* layout = new QVBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    // The tabs, and the runs' playback beside them (over the plot the runs move on).
    auto* tabRow = new QHBoxLayout;
    tabRow->setContentsMargins(0, 0, 0, 0);
    tabRow->addWidget(m_viewTabs);
    tabRow->addStretch(1);
    tabRow->addWidget(m_optimizers->playbackBar());
    // Hidden over the graph (it has its own Start, Back, Play, Step: tester s23 saw two Play
    // buttons), its room kept so that the page does not move.
    QSizePolicy keep = m_optimizers->playbackBar()->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_optimizers->playbackBar()->setSizePolicy(keep);
    layout->addLayout(tabRow);
    layout->addWidget(m_central, 1);
    const QSettings settings;
    m_viewTabs->setCurrentIndex(settings.value(QStringLiteral("views/tab"), 0).toInt() == 1);
    setSideBySide(settings.value(QStringLiteral("views/sideBySide"), false).toBool());
    return area;
}

void MainWindow::showPage() {
    const bool oneInput = m_doc->expression().inputCount() == 1;
    // One input: the curve takes the first tab, there is no contour view.
    // Set only when different: QTabBar lays itself out and repaints on every set, and this
    // runs on every move of a drag (updatePlaneViews).
    const QString first = oneInput ? tr("Curve") : tr("3-D");
    if (m_viewTabs->tabText(0) != first)
        m_viewTabs->setTabText(0, first);
    // The contour tab current and a function of one input: its place is the curve's (the
    // 2-D view of this function). Hidden while current, QTabBar made the next tab, the
    // Graph, current: the 1-D example opened on the graph.
    if (oneInput && m_viewTabs->isTabVisible(1) && m_viewTabs->currentIndex() == 1) {
        m_contourBeforeCurve = true;
        m_viewTabs->setCurrentIndex(0); // comes back here through showViewTab
    }
    if (m_viewTabs->isTabVisible(1) == oneInput)
        m_viewTabs->setTabVisible(1, !oneInput);
    if (!oneInput && m_contourBeforeCurve) {
        m_contourBeforeCurve = false;
        if (m_viewTabs->currentIndex() == 0)
            m_viewTabs->setCurrentIndex(1);
    }
    const int tab = m_viewTabs->currentIndex();
    m_central->setCurrentIndex(tab == 2 ? 2 : oneInput ? 1 : 0);
    m_optimizers->playbackBar()->setVisible(tab != 2);
    if (m_graphAction)
        m_graphAction->setChecked(tab == 2);
    // Another view (a tab, side by side, one input or two): its hint.
    if (!m_hintShown.isEmpty() && statusBar()->currentMessage() == m_hintShown &&
        hintText() != m_hintFull)
        showHint();
}

void MainWindow::setSideBySide(bool sideBySide) {
    m_sideBySide = sideBySide;
    QSettings().setValue(QStringLiteral("views/sideBySide"), sideBySide);
    if (sideBySide) {
        m_viewContainer->show();
        m_contourContainer->show();
        m_viewSplit->setSizes({1, 1});
    } else {
        showViewTab(m_viewTabs->currentIndex());
    }
    // The 3-D view's width changed: frame the box again once the layout has settled (the
    // direction the person chose stays). Not before the window is first shown: its first size
    // fits the view, and a refit then replaced the camera of a session opened at start-up.
    if (isVisible())
        QTimer::singleShot(0, m_view, [this] { m_view->refitNowAndOnResize(); });
}

void MainWindow::showViewTab(int tab) {
    if (m_viewTabs->currentIndex() != tab)
        m_viewTabs->setCurrentIndex(tab); // comes back here
    if (tab != 2) {
        m_lastViewTab = tab;
        QSettings().setValue(QStringLiteral("views/tab"), tab);
    }
    showPage();
    if (m_sideBySide || tab == 2)
        return;
    m_viewContainer->setVisible(tab == 0);
    m_contourContainer->setVisible(tab == 1);
    // Drawn at once at its size now (VtkWidget::paintGL takes the window's size).
    if (tab == 0)
        m_view->render();
    else
        m_contourView->render();
}

QWidget* MainWindow::buildCriticalPanel() {
    m_criticalList = new WrappedList;
    m_criticalList->setObjectName(QStringLiteral("criticalPoints"));
    m_criticalList->setToolTip(
        tr("Where ∇f = 0 on the domain, classified by the Hessian's eigenvalues (or by f itself "
           "where the Hessian is singular). Click one to move the expansion point there."));
    m_criticalList->setWordWrap(true);
    // As tall as its entries wrapped to the panel's width (WrappedList), not a fixed block.
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    m_criticalList->setSizePolicy(policy);
    m_criticalList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_criticalList, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const QVariantList p = item->data(Qt::UserRole).toList();
        if (p.size() >= 1)
            showSettingsError(m_doc->setPoint(p[0].toDouble(), p.value(1, 0.0).toDouble()));
    });
    return m_criticalList;
}

void MainWindow::updatePlaneViews(int what) {
    showPage();
    // The 2-D view follows now when it is on screen, else when it is shown (eventFilter) or
    // its scene is asked for: a hidden contour view costs a slider move no levels.
    m_planePending |= what;
    const bool oneInput = m_doc->expression().inputCount() == 1;
    if ((oneInput ? m_curveContainer : m_contourContainer)->isVisibleTo(this))
        flushPlaneViews();
    if (!(what & Document::SurfaceChange))
        return;
    showCriticalPoints(m_view->scene(), *m_doc);
    m_view->render();
    // The list: one entry per point, curves and the domain's extremes after them.
    m_criticalList->clear();
    const CriticalPointSearch& c = m_doc->criticalPoints();
    auto add = [this](const QString& text, const Eigen::VectorXd& p) {
        auto* item = new QListWidgetItem(text, m_criticalList);
        QVariantList point;
        for (Eigen::Index i = 0; i < std::min<Eigen::Index>(2, p.size()); ++i)
            point << p[i];
        item->setData(Qt::UserRole, point);
    };
    for (const CriticalPoint& p : c.points)
        add(criticalPointText(*m_doc, p), p.point);
    // "a curve of minima" (tester s21: "a curve of minimum").
    const auto plural = [this](Classification k) {
        switch (k) {
        case Classification::Minimum:
            return tr("minima");
        case Classification::Maximum:
            return tr("maxima");
        case Classification::Saddle:
            return tr("saddle points");
        default:
            return tr("degenerate critical points");
        }
    };
    for (const CriticalCurve& curve : c.curves)
        if (!curve.points.empty())
            add(tr("a curve of %1 (%2 points), f\u00A0=\u00A0%3")
                    .arg(plural(curve.classification))
                    .arg(curve.points.size())
                    .arg(curve.value, 0, 'g', 4),
                curve.points.front());
    // The domain's extremes; one not attained (1/x near 0) says so (tester s24).
    if (c.globalMinimum.found)
        add(extremumText(*m_doc, c.globalMinimum, true), c.globalMinimum.point);
    if (c.globalMaximum.found)
        add(extremumText(*m_doc, c.globalMaximum, false), c.globalMaximum.point);
    if (c.points.empty() && c.curves.empty())
        new QListWidgetItem(c.note.empty() ? tr("no critical point in the domain")
                                           : QString::fromStdString(c.note),
                            m_criticalList);
    m_criticalList->updateGeometry(); // its height follows its entries
}

void MainWindow::flushPlaneViews() {
    const int what = std::exchange(m_planePending, 0);
    if (!what)
        return;
    if (m_doc->expression().inputCount() == 1) {
        if (what & Document::SurfaceChange) {
            showCurve(*m_curveScene, *m_doc);
            m_curveView->resetView();
        } else {
            showCurveExpansion(*m_curveScene, *m_doc);
            if (what & Document::RunsChange)
                showCurveRuns(*m_curveScene, *m_doc);
        }
        m_curveView->render();
        return;
    }
    if (what & Document::SurfaceChange) {
        // A new function, inputs or domain: the legends laid out from the scene alone, so an
        // example looks the same however it was reached; a parameter's slider keeps them.
        const Settings& s = m_doc->settings();
        const QString layoutFor = QStringLiteral("%1|%2|%3,%4,%5,%6|%7,%8")
                                      .arg(s.function, s.variables.join(u','))
                                      .arg(s.xmin)
                                      .arg(s.xmax)
                                      .arg(s.ymin)
                                      .arg(s.ymax)
                                      .arg(s.plotX)
                                      .arg(s.plotY);
        // The same frame (a parameter's slider, a held input) keeps a zoom, sampled where
        // it is.
        const bool keepZoom = layoutFor == m_contourLayoutFor && m_contourScene->zoomed();
        if (layoutFor != m_contourLayoutFor) {
            m_contourLayoutFor = layoutFor;
            m_contourScene->forgetLayout();
        }
        if (!keepZoom)
            m_contourScene->leaveZoom(); // levels chosen over the whole new domain
        showContour(*m_contourScene, *m_doc, 1.0,
                    keepZoom ? std::optional(m_contourScene->shownRange()) : std::nullopt);
        if (!keepZoom)
            m_contourView->resetView();
    } else {
        showContourExpansion(*m_contourScene, *m_doc);
        if (what & Document::RunsChange)
            showContourRuns(*m_contourScene, *m_doc);
    }
    m_contourView->render();
}

void MainWindow::sampleContourRange() {
    if (m_doc->expression().inputCount() < 2)
        return;
    const Settings& s = m_doc->settings();
    const std::array<double, 4> shown = m_contourScene->zoomed()
                                            ? m_contourScene->shownRange()
                                            : std::array<double, 4>{s.xmin, s.xmax, s.ymin, s.ymax};
    auto sample = contourSample(*m_doc, shown);
    const SurfaceSample* now = m_contourScene->levelSample();
    const GridSpec& was = now ? now->grid : m_doc->grid();
    const GridSpec& is = sample ? sample->grid : m_doc->grid();
    if (std::tie(was.xmin, was.xmax, was.ymin, was.ymax, was.nx, was.ny) ==
        std::tie(is.xmin, is.xmax, is.ymin, is.ymax, is.nx, is.ny))
        return; // a resize or a fit of the same range: the same sample
    m_contourScene->setLevelSample(std::move(sample));
    showContourExpansion(*m_contourScene, *m_doc); // the model's curves sampled there too
    m_contourView->render();
}

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
    guardSpinBoxWheels(); // before any box is shown (polished): the wheel scrolls the panels
    // The 3-D view is a native GL window inside a container widget (see vtkwidget.h).
    m_viewContainer = QWidget::createWindowContainer(m_view, this);
    m_viewContainer->setFocusPolicy(Qt::StrongFocus);
    m_viewContainer->setMinimumSize(320, 240);
    m_viewContainer->setToolTip(
        tr("Drag the red point or the surface to move the point; drag elsewhere or Ctrl+drag "
           "to rotate; wheel zooms; Shift+click starts a run; arrow keys nudge the point"));
    setCentralWidget(buildPlaneViews());
    m_nudgeTimer = new QTimer(this);
    m_nudgeTimer->setSingleShot(true);
    m_nudgeTimer->setInterval(1000);
    connect(m_nudgeTimer, &QTimer::timeout, this, [this] { m_nudgeId = -1; });
    buildControls();
    explainFieldLabels(m_tabs);
    buildMenus();
    // The window's shortcuts work from its text fields too (eventFilter): a QLineEdit on X11
    // takes Ctrl+E for "end of line", so File ▸ Export Image did nothing from the function box.
    // Filtered for the whole application, so fields made later (the graph's input editors,
    // the held inputs' boxes) are covered too; only this window's fields are touched.
    m_inputFilter = new WindowInputFilter(this);
    qApp->installEventFilter(m_inputFilter);

    connect(m_doc, &Document::changed, this, &MainWindow::onDocumentChanged);
    // Every view where the point is dragged reports to the same handlers.
    for (PointView* v : std::initializer_list<PointView*>{m_view, m_contourView, m_curveView}) {
        connect(v, &PointView::dragStarted, this, &MainWindow::onDragStarted);
        connect(v, &PointView::pointDragged, this, &MainWindow::onPointDragged);
        connect(v, &PointView::dragFinished, this, [this] { m_currentDrag = -1; });
        connect(v, &PointView::startPicked, this, &MainWindow::addRunAt);
    }
    connect(m_view, &SurfaceView::nudged, this, &MainWindow::onNudged);

    connect(m_optimizers, &OptimizerPanel::addRequested, this, &MainWindow::addRun);
    connect(m_optimizers, &OptimizerPanel::removeRequested, this,
            [this](int i) { notice(m_doc->removeRun(i)); });
    connect(m_optimizers, &OptimizerPanel::clearRequested, this,
            [this] { notice(m_doc->clearRuns()); });
    connect(m_optimizers, &OptimizerPanel::playToggled, m_animator, &Animator::togglePlay);
    connect(m_optimizers, &OptimizerPanel::stepRequested, m_animator, &Animator::stepForward);
    connect(m_optimizers, &OptimizerPanel::resetRequested, m_animator, &Animator::reset);
    connect(m_optimizers, &OptimizerPanel::speedChanged, m_animator, &Animator::setSpeed);
    connect(m_optimizers, &OptimizerPanel::chartOptionsChanged, this, [this] {
        // The log scale is the document's (saved in a session); the quantity is the view's.
        const bool log = m_optimizers->chartLogScale();
        if (log != m_doc->settings().chartLogScale)
            edit(log ? tr("Log scale") : tr("Linear scale"),
                 [log](Settings& s) { s.chartLogScale = log; });
        updateChart();
    });
    connect(m_animator, &Animator::frameChanged, this, &MainWindow::onFrameChanged);
    connect(m_animator, &Animator::playingChanged, m_optimizers, &OptimizerPanel::setPlaying);

    showDocument(m_view->scene(), *m_doc);
    m_view->scene().resetCamera();
    const Settings& s = m_doc->settings();
    m_framedDomain = {s.xmin, s.xmax, s.ymin, s.ymax};
    showReadout();
    m_parameters->sync();
    m_parameterSection->setVisible(!m_doc->settings().parameters.empty());
    if (!m_applyingFunction && !m_functionError->isVisible())
        m_makeParameters->hide(); // an offer for text typed before this change
    syncEditors();
    if (!s.runs.empty()) // started with runs (--runs): "Add run" repeats the first
        m_optimizers->setRun(s.runs.front(), s.point);
    onDocumentChanged(Document::RunsChange);
    updatePlaneViews(Document::SurfaceChange | Document::RunsChange);
    const QScreen* screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    resize(screen ? firstStartSize(screen->availableGeometry().size()) : QSize(1280, 800));
    // The hint's whole text in the status bar's tooltip while it shows (it may be elided).
    // A notice's whole text while it shows (a long path may be cut).
    connect(statusBar(), &QStatusBar::messageChanged, this, [this](const QString& message) {
        if (message != m_notice)
            m_notice.clear(); // replaced or cleared
        statusBar()->setToolTip(message == m_hintShown && !message.isEmpty() ? m_hintFull
                                                                             : message);
        // A notice timed out (or was cleared): the hint comes back (issue #9, tester s8: an
        // "Exported …" stayed for minutes and the hint never returned). After the status bar
        // has finished clearing, so the hint is not cleared with it.
        if (message.isEmpty())
            QTimer::singleShot(0, this, [this] {
                if (statusBar()->currentMessage().isEmpty())
                    showHint();
            });
    });
    showHint();
}

void MainWindow::buildControls() {
    // --- Tab "Function": the function, what to show, the point, the readout, the domain.
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(6, 6, 6, 6);

    m_function = new QLineEdit;
    // Text beyond the language's limit is kept (one character of it) so that the parser says
    // "too long" instead of the editor cutting it silently at its default 32767.
    m_function->setMaxLength(int(Expression::kMaxLength) + 1);
    m_function->setPlaceholderText(QStringLiteral("x*exp(-x^2-y^2)"));
    QStringList functions; // the language's own list, so the tip never falls behind it
    for (const std::string& name : knownFunctions())
        functions << QString::fromStdString(name);
    m_function->setToolTip(tr("f: functions %1; constants pi, e; powers ^ or **; statements "
                              "a = ...; f = ... (F1: the language)")
                               .arg(functions.join(QLatin1Char(' '))));
    m_functionError = errorLabel();
    m_functionError->setObjectName(QStringLiteral("functionError"));
    // The red border of an error must not change the box's height (a style sheet would).
    m_function->setFixedHeight(m_function->sizeHint().height());
    auto* fnLabel = new QLabel(tr("f ="));
    auto* fnRow = new QHBoxLayout;
    fnRow->addWidget(fnLabel);
    fnRow->addWidget(m_function, 1);
    layout->addLayout(fnRow);
    // The error about f directly under the box, where the eye is while typing (with its
    // column), in a room kept for it: a hint holds the room while there is no error, so an
    // error coming and going as the person types moves no control (tester s24: the rows
    // below jumped 34 px with each keystroke). The room is the taller of the two (stacked);
    // a message longer than the hint takes more.
    m_functionHint = new QLabel(tr("Applied as you type; an error shows here and the last "
                                   "good f stays. F1: the language."));
    m_functionHint->setObjectName(QStringLiteral("functionHint"));
    m_functionHint->setWordWrap(true);
    // The error and the offer to make names parameters (below) share the room.
    m_functionMessages = new QWidget;
    auto* column = new QVBoxLayout(m_functionMessages);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(m_functionError);
    auto* fnMessage = new FunctionRoom;
    auto* fnStack = new QStackedLayout(fnMessage);
    fnStack->setStackingMode(QStackedLayout::StackAll); // visibility is ours (eventFilter)
    fnStack->addWidget(m_functionHint);
    fnStack->addWidget(m_functionMessages);
    m_functionHint->show();
    m_functionError->hide();
    m_functionMessages->hide();
    m_functionError->installEventFilter(this);
    layout->addWidget(fnMessage);
    // The inputs: inferred from f unless the person fixes them here.
    m_variables = new QLineEdit;
    m_variables->setObjectName(QStringLiteral("variables"));
    m_variables->setToolTip(
        tr("The inputs of f, in order. Empty: taken from f (the names it uses, alphabetical), "
           "so sin(x) is a curve and x*y a surface. Type names such as “x, y” to fix them: then "
           "x^2 is a surface over x and y, and a name f does not use is an input it ignores."));
    auto* varRow = new QHBoxLayout;
    auto* varLabel = new QLabel(tr("inputs"));
    varLabel->setToolTip(m_variables->toolTip());
    varRow->addWidget(varLabel);
    varRow->addWidget(m_variables, 1);
    layout->addLayout(varRow);
    // Fixed inputs f does not use stay inputs (flat directions): said, with the way out.
    m_inputsNote = new QLabel;
    m_inputsNote->setObjectName(QStringLiteral("inputsNote"));
    m_inputsNote->setWordWrap(true);
    setErrorMark(m_inputsNote, ErrorMark::Warning);
    m_inputsNote->hide();
    layout->addWidget(m_inputsNote);
    connect(m_variables, &QLineEdit::editingFinished, this, [this] {
        QStringList names;
        for (const QString& n : m_variables->text().split(
                 QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts))
            names << n;
        if (names == m_doc->settings().variables)
            return;
        Settings s = m_doc->settings();
        s.variables = names;
        // Inputs reordered, added or cleared: each keeps its coordinate of the point and of ε,
        // and the plotted pair stays the same inputs, by name (tester s15: "y, x" swapped the
        // point's coordinates; s17: clearing them again moved x). A new name starts at 0, ε
        // 0.01. Cleared, the inputs are those the parser infers from f.
        QStringList target = names;
        if (target.isEmpty())
            if (const ParseResult r = Expression::parse(s.function.toStdString(), {},
                                                        m_doc->expression().parameters());
                r.ok())
                for (const std::string& n : r.expression->inputs())
                    target << QString::fromStdString(n);
        const QStringList before = m_doc->inputNames();
        bool plain = !target.isEmpty();
        for (const QString& n : target)
            plain = plain && !n.contains(QLatin1Char('['));
        if (plain) {
            const Settings& old = m_doc->settings();
            s.point.assign(std::size_t(target.size()), 0.0);
            s.epsilon.assign(std::size_t(target.size()), 0.01);
            for (qsizetype i = 0; i < target.size(); ++i)
                if (const qsizetype j = before.indexOf(target[i]); j >= 0) {
                    if (std::size_t(j) < old.point.size())
                        s.point[std::size_t(i)] = old.point[std::size_t(j)];
                    if (std::size_t(j) < old.epsilon.size())
                        s.epsilon[std::size_t(i)] = old.epsilon[std::size_t(j)];
                }
            const qsizetype x = target.indexOf(before.value(old.plotX));
            const qsizetype y = target.indexOf(before.value(old.plotY));
            if (x >= 0 && y >= 0 && x != y) {
                s.plotX = int(x);
                s.plotY = int(y);
            }
        }
        const qsizetype count = plain ? target.size() : names.size();
        if (count <= 1 || s.plotX >= count || s.plotY >= count) { // one input, or fewer: x, y
            s.plotX = 0;
            s.plotY = 1;
        }
        const QString error = m_doc->change(s, tr("Change inputs"));
        m_functionError->setText(error);
        m_functionError->setVisible(!error.isEmpty());
    });
    // The notes about the domain and refused settings: a strip under the panel's scroll area
    // (see the Function tab below), no room taken while there is none, each message whole.
    // The controls never move: the strip takes its room from the bottom of the scroll area.
    m_messages = new QWidget;
    m_messages->setObjectName(QStringLiteral("messageArea"));
    auto* notes = new QVBoxLayout(m_messages);
    notes->setContentsMargins(6, 2, 6, 2);
    notes->setSpacing(2);
    m_domainNote = new QLabel;
    m_domainNote->setWordWrap(true);
    m_domainNote->setObjectName(QStringLiteral("domainNote"));
    setErrorMark(m_domainNote, ErrorMark::Warning); // a notice: the theme's warning colour
    m_domainNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_domainNote->hide();
    notes->addWidget(m_domainNote);
    m_settingsError = errorLabel(); // outside the sections: seen even when they are collapsed
    notes->addWidget(m_settingsError);
    for (QLabel* label : {m_domainNote, m_settingsError})
        label->installEventFilter(this); // shown or hidden: the strip follows (eventFilter)
    m_messages->hide();
    m_makeParameters = new QPushButton;
    m_makeParameters->setObjectName(QStringLiteral("makeParameters"));
    m_makeParameters->setToolTip(tr("Make the symbols named here parameters: constants with "
                                    "sliders"));
    m_makeParameters->hide();
    column->addWidget(m_makeParameters, 0, Qt::AlignLeft); // in the room under f
    m_makeParameters->installEventFilter(this);
    fnMessage->button = m_makeParameters;
    fnMessage->fit();
    connect(m_makeParameters, &QPushButton::clicked, this, [this] {
        m_functionTimer->stop();
        const QStringList names = m_candidates;
        m_applyingFunction = true;
        const QString error = m_doc->addParameters(names, m_function->text());
        m_applyingFunction = false;
        m_functionError->setText(error);
        m_functionError->setVisible(!error.isEmpty());
        setErrorMark(m_function, error.isEmpty() ? ErrorMark::None : ErrorMark::Border);
        if (error.isEmpty()) {
            m_makeParameters->hide();
            m_parameterSection->setExpanded(true);
        }
    });
    m_parameters = new ParameterPanel(m_doc);
    m_parameters->setObjectName(QStringLiteral("parameters"));
    connect(m_parameters, &ParameterPanel::error, this, &MainWindow::showSettingsError);
    m_parameterSection = new Section(tr("Parameters"), m_parameters, true);
    m_parameterSection->setVisible(!m_doc->settings().parameters.empty());
    // Parse as the person types; apply once the text has rested, so a half-typed
    // function never replaces the last good surface.
    m_functionTimer = new QTimer(this);
    m_functionTimer->setSingleShot(true);
    connect(m_function, &QLineEdit::textEdited, this, [this](const QString& text) {
        // A text that would turn the surface into a curve or back rests longer first: a
        // prefix on the way ("x" of "x^2 + y^2") flipped the views Contour, Curve, Contour
        // as the person typed (tester s26).
        const Settings& now = m_doc->settings();
        const Settings next = m_doc->withFunction(now, text);
        const bool curve = now.point.size() == 1;
        const bool willBeCurve = next.point.size() == 1;
        m_functionTimer->start(curve == willBeCurve ? kFunctionRestMs : kFunctionFlipRestMs);
        // An error about an earlier text goes as soon as the text is well-formed, not after
        // the rest (it stayed up to 1.2 s under valid text, tester s28); a new one still waits.
        if (m_functionError->isVisible() && m_doc->validate(next).isEmpty()) {
            m_functionError->hide();
            setErrorMark(m_function, ErrorMark::None);
        }
    });
    connect(m_functionTimer, &QTimer::timeout, this, &MainWindow::applyFunction);
    connect(m_function, &QLineEdit::returnPressed, this, &MainWindow::applyFunction);

    const double big = options::domainBound.max;
    // The point and ε.
    auto* pointPanel = new QWidget;
    auto* point = new QFormLayout(pointPanel);
    point->setContentsMargins(0, 0, 0, 0);
    point->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_x0 = numberBox(-big, big, 0.05, tr("First coordinate of the expansion point x₀"), -1);
    m_y0 = numberBox(-big, big, 0.05, tr("Second coordinate of the expansion point x₀"), -1);
    m_x0->setObjectName(QStringLiteral("x0"));
    m_y0->setObjectName(QStringLiteral("y0"));
    m_pointLabel = new QLabel(tr("x₀"));
    point->addRow(m_pointLabel, pair(m_x0, m_y0));
    m_epsX =
        numberBox(-big, big, 0.01, tr("Offset ε for the approximation check, first input"), -1);
    m_epsY =
        numberBox(-big, big, 0.01, tr("Offset ε for the approximation check, second input"), -1);
    m_epsX->setObjectName(QStringLiteral("epsX"));
    m_epsY->setObjectName(QStringLiteral("epsY"));
    auto* epsLabel = new QLabel(tr("ε"));
    epsLabel->setToolTip(tr("An offset from x₀: the readout compares f(x₀ + ε) with the tangent "
                            "plane's and the quadratic's values there"));
    point->addRow(epsLabel, pair(m_epsX, m_epsY));
    layout->addWidget(m_parameterSection);
    layout->addWidget(new Section(tr("Expansion point"), pointPanel, true));

    // More than two inputs: the two plotted and the values the others are held at.
    auto* slicePanel = new QWidget;
    m_sliceForm = new QFormLayout(slicePanel);
    m_sliceForm->setContentsMargins(0, 0, 0, 0);
    m_sliceForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_plotX = new QComboBox;
    m_plotY = new QComboBox;
    m_plotX->setObjectName(QStringLiteral("plotX"));
    m_plotY->setObjectName(QStringLiteral("plotY"));
    m_plotX->setToolTip(tr("The input plotted along the horizontal x axis"));
    m_plotY->setToolTip(tr("The input plotted along the horizontal y axis"));
    m_sliceForm->addRow(tr("Plot"), pair(m_plotX, m_plotY));
    m_sliceSection = new Section(tr("Inputs and slice"), slicePanel, true);
    m_sliceSection->setVisible(false);
    layout->addWidget(m_sliceSection);
    // Choosing the input the other axis shows swaps the two.
    connect(m_plotX, &QComboBox::activated, this, [this](int i) {
        edit(tr("Choose plotted inputs"), [i](Settings& s) {
            if (s.plotY == i)
                s.plotY = s.plotX;
            s.plotX = i;
        });
    });
    connect(m_plotY, &QComboBox::activated, this, [this](int i) {
        edit(tr("Choose plotted inputs"), [i](Settings& s) {
            if (s.plotX == i)
                s.plotX = s.plotY;
            s.plotY = i;
        });
    });

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
    m_shaded->setObjectName(QStringLiteral("shaded"));
    m_shaded->setToolTip(tr("A shaded surface coloured by f, with a colour bar"));
    show->addWidget(m_tangent, 0, 0);
    show->addWidget(m_quadratic, 0, 1);
    show->addWidget(m_gradient, 1, 0);
    show->addWidget(m_shaded, 1, 1);
    m_field = new QCheckBox(tr("Gradient field"));
    m_field->setObjectName(QStringLiteral("showField"));
    m_field->setToolTip(tr("Contour view: arrows of ∇f on a grid, length in proportion to |∇f| "
                           "up to a cap (the legend gives the scale)"));
    m_bands = new QCheckBox(tr("Level bands"));
    m_bands->setObjectName(QStringLiteral("showBands"));
    m_bands->setToolTip(tr("Contour view: the bands between the levels filled, with a colour "
                           "bar labelled with the levels"));
    show->addWidget(m_field, 2, 0);
    show->addWidget(m_bands, 2, 1);
    m_modelRadius = numberBox(options::modelRadius.min, options::modelRadius.max, 0.25,
                              tr("The quadratic is drawn within this distance of x₀ along each "
                                 "plotted input; 0 draws it over the whole domain"));
    m_modelRadius->setObjectName(QStringLiteral("modelRadius"));
    m_modelRadius->setSpecialValueText(tr("whole domain"));
    auto* radiusLabel = new QLabel(tr("Quadratic radius"));
    radiusLabel->setToolTip(m_modelRadius->toolTip());
    show->addWidget(radiusLabel, 3, 0);
    show->addWidget(m_modelRadius, 3, 1);
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
    m_ymin->setObjectName(QStringLiteral("ymin"));
    m_ymax->setObjectName(QStringLiteral("ymax"));
    domain->addRow(m_xRangeLabel, pair(m_xmin, m_xmax));
    domain->addRow(m_yRangeLabel, pair(m_ymin, m_ymax));
    // A refused range is said here, next to its boxes, and the boxes holding the refused
    // numbers are marked until a range is accepted or the document changes (syncEditors).
    m_domainError = errorLabel();
    m_domainError->setObjectName(QStringLiteral("domainError"));
    domain->addRow(m_domainError);
    for (QDoubleSpinBox* box : {m_xmin, m_xmax, m_ymin, m_ymax})
        box->setFixedHeight(box->sizeHint().height()); // a red border keeps the height
    m_resolution = new QSpinBox;
    applyOption(m_resolution, options::resolution);
    m_resolution->setKeyboardTracking(false);
    m_wireLines = new QSpinBox;
    applyOption(m_wireLines, options::wireLines);
    m_wireLines->setKeyboardTracking(false);
    domain->addRow(tr("Resolution"), m_resolution);
    domain->addRow(tr("Wire lines"), m_wireLines);
    m_boxAspect = numberBox(options::boxAspect.min, options::boxAspect.max, 0.1,
                            tr("Height of the plot's box relative to its width (the aspect "
                               "ratio of f), %1")
                                .arg(QString::fromStdString(options::boxAspect.requirement())),
                            2);
    m_boxAspect->setObjectName(QStringLiteral("boxAspect"));
    domain->addRow(tr("f height"), m_boxAspect);
    layout->addWidget(new Section(tr("Critical points"), buildCriticalPanel(), true));
    layout->addWidget(new Section(tr("Domain and grid"), domainPanel, false));
    layout->addStretch();

    // Each control edits its own field and nothing else: the document keeps full precision
    // where a box shows fewer digits.
    // A domain box applies its own number and those of the boxes still marked as refused (so
    // typing 3 into "to" after a refused "from" 3 tries 3 to 3's neighbour, not the old "from").
    const auto editDomain = [this](QDoubleSpinBox* changed) {
        changed->setProperty("refused", true);
        Settings s = m_doc->settings();
        const std::pair<QDoubleSpinBox*, double Settings::*> boxes[] = {{m_xmin, &Settings::xmin},
                                                                        {m_xmax, &Settings::xmax},
                                                                        {m_ymin, &Settings::ymin},
                                                                        {m_ymax, &Settings::ymax}};
        for (const auto& [box, field] : boxes)
            if (box->property("refused").toBool())
                s.*field = box->value();
        const QString error = m_doc->change(s, tr("Change domain"));
        if (!error.isEmpty()) {
            m_domainError->setText(error);
            m_domainError->show();
            setErrorMark(changed, ErrorMark::Border);
            return;
        }
        clearDomainError(); // accepted (syncEditors did it too, when the document changed)
    };
    for (QDoubleSpinBox* box : {m_xmin, m_xmax, m_ymin, m_ymax})
        connect(box, &QDoubleSpinBox::valueChanged, this, [editDomain, box] { editDomain(box); });
    connect(m_x0, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        edit(tr("Move expansion point"), [v](Settings& s) { s.point[std::size_t(s.plotX)] = v; });
    });
    connect(m_y0, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        edit(tr("Move expansion point"), [v](Settings& s) {
            if (std::size_t(s.plotY) < s.point.size()) // a function of one input has no y
                s.point[std::size_t(s.plotY)] = v;
        });
    });
    connect(m_epsX, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        edit(tr("Change ε"), [v](Settings& s) { s.epsilon[std::size_t(s.plotX)] = v; });
    });
    connect(m_epsY, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        edit(tr("Change ε"), [v](Settings& s) {
            if (std::size_t(s.plotY) < s.epsilon.size())
                s.epsilon[std::size_t(s.plotY)] = v;
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
    connect(m_boxAspect, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        edit(tr("Change f height"), [v](Settings& s) { s.boxAspect = v; });
    });
    connect(m_modelRadius, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        edit(tr("Change quadratic radius"), [v](Settings& s) { s.modelRadius = v; });
    });
    connect(m_gradient, &QCheckBox::toggled, this, [this](bool on) {
        edit(on ? tr("Show gradient arrows") : tr("Hide gradient arrows"),
             [on](Settings& s) { s.showGradient = on; });
    });
    connect(m_field, &QCheckBox::toggled, this, [this](bool on) {
        edit(on ? tr("Show gradient field") : tr("Hide gradient field"),
             [on](Settings& s) { s.showField = on; });
    });
    connect(m_bands, &QCheckBox::toggled, this, [this](bool on) {
        edit(on ? tr("Show level bands") : tr("Hide level bands"),
             [on](Settings& s) { s.showBands = on; });
    });
    connect(m_shaded, &QCheckBox::toggled, this, [this](bool on) {
        edit(on ? tr("Shade surface") : tr("Show wireframe"), [on](Settings& s) { s.shaded = on; });
    });

    // --- Tab "Optimizers": the settings and runs, then the loss chart with its options.
    auto* optimizersTab = new QWidget;
    auto* opt = new QVBoxLayout(optimizersTab);
    opt->setContentsMargins(0, 0, 0, 0);
    // The settings and runs take the height they need; the loss chart takes the rest.
    auto* optimizerScroll = new ContentScrollArea;
    optimizerScroll->setWidget(m_optimizers);
    optimizerScroll->setWidgetResizable(true);
    optimizerScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The width stays put when the runs make the content taller than the view: a scroll bar
    // appearing re-wrapped the rows and moved "Add run" (issue #9, font19).
    optimizerScroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_optimizerScroll = optimizerScroll;
    optimizerScroll->setFrameShape(QFrame::NoFrame);
    opt->addWidget(optimizerScroll);
    auto* chartPanel = new QWidget;
    auto* chartLayout = new QVBoxLayout(chartPanel);
    chartLayout->setContentsMargins(6, 0, 6, 6);
    chartLayout->addWidget(m_optimizers->chartOptions());
    auto* chartContainer = QWidget::createWindowContainer(m_chart, this);
    // Room for the plot and, above it, the legend when no corner of the plot is free of the
    // runs' lines (LegendAvoidingChart): at 130 the legend covered the curves.
    chartContainer->setMinimumHeight(150);
    // Every run named (issue #9): a legend above the plot that leaves it too little height
    // asks for more, the settings above the chart scrolling instead.
    m_chartContainer = chartContainer;
    connect(m_chart, &LossChart::wantsHeight, this, &MainWindow::fitChartHeight);
    chartContainer->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    chartContainer->setToolTip(
        tr("f, |∇f| or another column of the state table at each iteration of every run"));
    chartLayout->addWidget(chartContainer);
    m_chartSection = new Section(tr("Loss per iteration"), chartPanel, true);
    m_chartSection->setObjectName(QStringLiteral("chart"));
    opt->addWidget(m_chartSection, 1);
    optimizersTab->installEventFilter(this); // its height: the chart's room (fitChartHeight)
    m_optimizers->installEventFilter(this);  // its rows' heights (a font): the settings' room
    opt->addStretch(0); // the chart collapsed: the rest stays empty at the bottom

    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    auto* functionTab = new QWidget;
    auto* functionLayout = new QVBoxLayout(functionTab);
    functionLayout->setContentsMargins(0, 0, 0, 0);
    functionLayout->setSpacing(0);
    functionLayout->addWidget(scrolled(panel), 1);
    functionLayout->addWidget(m_messages);
    m_tabs->addTab(functionTab, tr("Function"));
    m_tabs->addTab(optimizersTab, tr("Optimizers"));
    m_tabs->setTabToolTip(0, tr("The function, the expansion point, what is shown, the numbers"));
    m_tabs->setTabToolTip(1, tr("Optimizer runs, their animation and loss chart"));

    m_panelDock = new QDockWidget(tr("Panel"), this);
    m_panelDock->setObjectName(QStringLiteral("panel")); // saveState() keys the layout by it
    m_panelDock->setWidget(m_tabs);
    m_panelDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                             QDockWidget::DockWidgetClosable);
    m_panelDock->setTitleBarWidget(new QWidget); // the tabs say what it is
    addDockWidget(Qt::LeftDockWidgetArea, m_panelDock);
    // The selected run's state: a tab beside the panel (the plot keeps its room).
    m_stepDock = new StepDock(m_doc, m_animator, this);
    setTabPosition(Qt::LeftDockWidgetArea, QTabWidget::North);
    tabifyDockWidget(m_panelDock, m_stepDock);
    // Matrix calculus: the shaped inputs' values and gradients, and a closed form checked
    // against the automatic gradient; another tab beside the panel.
    m_matrixPanel = new MatrixPanel(m_doc, this);
    tabifyDockWidget(m_panelDock, m_matrixPanel);
    fitPanelToFont();
    m_panelDock->raise();
    connect(m_stepDock, &StepDock::focusChanged, this, [this] { showStepMarks(true); });
    // The step's marks and the runs cut at its iterate belong to the Step by Step tab
    // (tester s14: they stayed drawn after going back to the panel).
    connect(m_stepDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible == m_stepShown)
            return;
        m_stepShown = visible;
        if (visible) {
            m_frameAtStepShown = m_animator->frame();
            // Whole paths on screen (the frame after the last): the dock starts at the first
            // iteration, not at "the run's last, no step taken" (tester s15).
            if (!m_animator->playing() && m_animator->length() > 0 &&
                m_animator->frame() >= m_animator->length())
                m_animator->setFrame(0);
        } else if (!m_animator->playing() && m_animator->frame() != m_frameAtStepShown)
            m_animator->setFrame(m_frameAtStepShown); // renders, marks and all
        showStepMarks(true);
    });

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
    // A number box's entry it could not take ("nan", out of range), in words that stay until
    // the document next changes.
    connect(numberRefusals(), &NumberRefusals::refused, this, [this](const QString& message) {
        notify(message);
        m_refusalShown = true;
    });
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    // The Optimizers tab resized (the window, the docks, the font): the chart's room too.
    if ((event->type() == QEvent::Resize && m_chartSection &&
         watched == m_chartSection->parentWidget()) ||
        (event->type() == QEvent::LayoutRequest && watched == m_optimizers))
        QTimer::singleShot(0, this, &MainWindow::fitChartHeight);
    // A 2-D view shown (its tab, side by side, a function of one input): it catches up.
    if (event->type() == QEvent::Show &&
        (watched == m_contourContainer || watched == m_curveContainer))
        flushPlaneViews();
    // The error about f or the offer of parameters shown or hidden: the hint gives way to
    // them, in the same room.
    if ((event->type() == QEvent::ShowToParent || event->type() == QEvent::HideToParent) &&
        (watched == m_functionError || watched == m_makeParameters)) {
        const bool any = m_functionError->isVisibleTo(m_functionMessages) ||
                         (m_makeParameters && m_makeParameters->isVisibleTo(m_functionMessages));
        m_functionMessages->setVisible(any);
        m_functionHint->setVisible(!any);
    }
    // A message shown or hidden (sent even while the strip itself is hidden): the strip is
    // there while it holds one.
    if ((event->type() == QEvent::ShowToParent || event->type() == QEvent::HideToParent) &&
        m_messages && watched->parent() == m_messages) {
        const bool any =
            m_domainNote->isVisibleTo(m_messages) || m_settingsError->isVisibleTo(m_messages);
        m_messages->setVisible(any);
    }
    return QMainWindow::eventFilter(watched, event);
}

bool MainWindow::WindowInputFilter::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    // A click or key in the window (its widgets, or its views' OpenGL windows) after a notice
    // has been read: the notice gives way to the hint.
    if ((type == QEvent::MouseButtonPress || type == QEvent::KeyPress) &&
        !m_window->m_notice.isEmpty() &&
        m_window->m_noticeAge.elapsed() >= MainWindow::kNoticeGraceMs) {
        const QWindow* top = nullptr;
        if (watched->isWidgetType())
            top = static_cast<QWidget*>(watched)->window()->windowHandle();
        else if (auto* w = qobject_cast<QWindow*>(watched))
            for (top = w; top->parent();)
                top = top->parent();
        if (top && top == m_window->windowHandle()) {
            m_window->m_notice.clear();
            m_window->statusBar()->clearMessage(); // the hint comes back (messageChanged)
        }
    }
    // A shortcut typed in one of the window's text fields or spin boxes (the application's
    // filter sees every field's; those of other windows and dialogs are left alone).
    if (type != QEvent::ShortcutOverride || !watched->isWidgetType() ||
        static_cast<QWidget*>(watched)->window() != m_window)
        return false;
    const bool spinBox = qobject_cast<QAbstractSpinBox*>(watched) != nullptr;
    if (!spinBox && !qobject_cast<QLineEdit*>(watched))
        return false;
    auto* key = static_cast<QKeyEvent*>(event);
    // Undo and redo in a spin box are the document's (Edit ▸ Undo "Change domain"): the box
    // would otherwise take Ctrl+Z for its own text and the shortcut would do nothing.
    if (spinBox && (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo))) {
        event->ignore(); // not overridden: the window's Undo / Redo shortcut applies
        return true;
    }
    if (m_window->windowShortcutWins(key)) {
        event->ignore(); // the window's action (Export Image, ...) takes the key
        return true;
    }
    return false;
}

bool MainWindow::windowShortcutWins(const QKeyEvent* key) const {
    // A text field keeps what editing its text needs (copy, paste, undo of its typing, ...);
    // any other key that is the shortcut of one of the window's actions is the window's.
    for (QKeySequence::StandardKey own :
         {QKeySequence::Copy, QKeySequence::Cut, QKeySequence::Paste, QKeySequence::SelectAll,
          QKeySequence::Undo, QKeySequence::Redo, QKeySequence::Delete, QKeySequence::Backspace})
        if (key->matches(own))
            return false;
    const QKeySequence pressed(key->keyCombination());
    const QList<QAction*> actions = findChildren<QAction*>();
    return std::any_of(actions.begin(), actions.end(), [&](const QAction* a) {
        return a->isEnabled() && a->shortcuts().contains(pressed);
    });
}

void MainWindow::notice(const QString& text) {
    m_notice = text;
    m_noticeAge.start();
    statusBar()->showMessage(text);
}

bool MainWindow::event(QEvent* e) {
    if (e->type() == QEvent::StatusTip && !m_notice.isEmpty())
        return true; // a hover does not replace the notice
    return QMainWindow::event(e);
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
    file->addAction(tr("Export Loss &Chart…"), this, &MainWindow::showChartExportDialog);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    // Sessions: Open, Open Recent, Save, Save As above the exports; the title and the
    // question before closing with unsaved changes (sessioncontroller.h).
    m_session = new SessionController(this, m_doc, m_view, m_optimizers);
    m_session->addFileActions(file);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_doc->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_doc->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    // The view as it is on screen, for slides: the frame the bridge last drew.
    QAction* copy = edit->addAction(tr("&Copy View as Image"), this, [this] {
        const QImage image = m_view->grabFramebuffer();
        QGuiApplication::clipboard()->setImage(image);
        notice(tr("Copied the view (%1 × %2 pixels) to the clipboard")
                   .arg(image.width())
                   .arg(image.height()));
    });
    copy->setObjectName(QStringLiteral("copyView"));
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    edit->addSeparator();
    // Where the platform keeps it: Edit ▸ Preferences here, the application menu on macOS.
    QAction* preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setObjectName(QStringLiteral("preferences"));
    preferences->setMenuRole(QAction::PreferencesRole);
    preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));

    QMenu* examples = menuBar()->addMenu(tr("E&xamples"));
    examples->setToolTipsVisible(true);
    for (const Preset& preset : loadPresets())
        examples->addAction(preset.name, this, [this, preset] { openExample(preset); });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* reset = view->addAction(tr("&Reset View"), this, &MainWindow::resetShownViews);
    reset->setStatusTip(tr("Frame the whole plot again in the views shown (3-D, contour or curve, "
                           "the graph)"));
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
    QAction* sideBySide = view->addAction(tr("Contour View Side by &Side"));
    sideBySide->setCheckable(true);
    sideBySide->setChecked(m_sideBySide);
    sideBySide->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    connect(sideBySide, &QAction::toggled, this, &MainWindow::setSideBySide);
    QMenu* levels = view->addMenu(tr("Contour &Levels"));
    const struct {
        QString name;
        LevelSpacing spacing;
    } spacings[] = {{tr("&Automatic"), LevelSpacing::Auto},
                    {tr("&Evenly Spaced"), LevelSpacing::Even},
                    {tr("&Logarithmic (valleys)"), LevelSpacing::Log}};
    auto* spacingGroup = new QActionGroup(this);
    for (const auto& sp : spacings) {
        QAction* a = levels->addAction(sp.name, this, [this, s = sp.spacing] {
            m_contourScene->setLevelSpacing(s);
            m_contourView->render();
        });
        a->setCheckable(true);
        a->setChecked(sp.spacing == LevelSpacing::Auto);
        spacingGroup->addAction(a);
    }
    view->addAction(raiseOrCloseAction(m_panelDock, tr("&Panel"), Qt::Key_F9));
    view->addAction(raiseOrCloseAction(m_stepDock, tr("S&tep by Step"), Qt::Key_F7));
    view->addAction(raiseOrCloseAction(m_matrixPanel, tr("&Matrix Calculus"), Qt::Key_F6));
    // The computational graph (backpropagation): a tab beside the plot's, F8 there and back.
    m_graphAction = view->addAction(tr("&Graph (Backpropagation)"));
    m_graphAction->setCheckable(true);
    m_graphAction->setShortcut(QKeySequence(Qt::Key_F8));
    connect(m_graphAction, &QAction::triggered, this,
            [this](bool on) { showViewTab(on ? 2 : m_lastViewTab); });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* language =
        help->addAction(tr("The &Expression Language"), this, &MainWindow::showHelp);
    language->setShortcut(QKeySequence::HelpContents); // F1
    // What each view shows and how to act on it (tester s14: Help covered only the language).
    help->addAction(tr("&Guide to the Views"), this, &MainWindow::showGuide);
    help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    help->addSeparator();
    help->addAction(tr("&About gradscape"), this, &MainWindow::showAbout);
    // Qt's own notice and licence (the LGPL v3 asks for a prominent one).
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::showPreferences() {
    auto* dialog = new PreferencesDialog(loadPreferences(QSettings()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PreferencesDialog::applied, this, &MainWindow::applyPreferences);
    dialog->show();
}

namespace {

/// The panel's share of the window's width at most, and its least width (pixels): at font
/// scale 1.5 the panel took 40 % of a 1280-pixel window (510 px) and the plot lost its room.
/// At 30 % (384 px) the 1.5 font's rows still fit without scrolling sideways.
constexpr double kPanelShare = 0.3;
constexpr int kPanelLeast = 300;

} // namespace

int MainWindow::panelRoom() const {
    const QScreen* screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    const int width = isVisible() && this->width() > 0
                          ? this->width()
                          : (screen ? screen->availableGeometry().width() : 1280);
    return std::max(kPanelLeast, int(std::lround(kPanelShare * width)));
}

void MainWindow::fitPanelToFont() {
    // A width that the content does not change (controls stay where they were): 300 to 420
    // pixels at the default font; a lecture's font scale widens the panel in proportion, so
    // its rows keep their words whole, within its share of the window (the rows wrap), and
    // the default font gives the default widths back.
    const double k = std::max(1.0, appliedFontScale());
    const int width = std::min(int(std::lround(340 * k)), panelRoom());
    for (QDockWidget* dock : {m_panelDock, static_cast<QDockWidget*>(m_stepDock),
                              static_cast<QDockWidget*>(m_matrixPanel)})
        dock->setMinimumWidth(std::min(int(std::lround(300 * k)), width));
    m_panelDock->setMaximumWidth(int(std::lround(420 * k)));
    resizeDocks({m_panelDock}, {width}, Qt::Horizontal);
    m_panelWidth = width;
}

QString MainWindow::hintText() const {
    // What a click and a drag do in the view shown (issue #9, tester s8: in the contour view a
    // click anywhere moved x0, and the hint spoke only of the 3-D view's rotation).
    if (m_viewTabs->currentIndex() == 2) // the graph: no point to drag (tester s9)
        return tr("Drag to scroll the graph, wheel zooms; Step (Right) walks the reverse pass; "
                  "type the inputs' values above it. F1: help.");
    if (shownView() == ShownView::Surface)
        return tr("Drag the red point, or click the surface, to move the point; drag off the "
                  "surface to rotate; wheel zooms; arrow keys nudge it. F1: help.");
    return tr("Drag the red point to move it; double-click to move it there; a click elsewhere "
              "moves nothing, a drag pans. F1: help.");
}

void MainWindow::showHint() {
    // Short enough for a 1280-pixel window at font scale 1.5; elided ("…") in a narrower one,
    // never cut mid-letter by the window's edge (issue #9).
    const QFontMetrics fm(statusBar()->font());
    const int room = std::max(0, width() - 4 * fm.averageCharWidth());
    m_hintFull = hintText();
    m_hintShown = fm.elidedText(m_hintFull, Qt::ElideRight, room);
    statusBar()->showMessage(m_hintShown);
}

void MainWindow::fitChartHeight() {
    // The settings keep their rows down to "Add run" in view (issue #9, font19: at 1280x720
    // and font scale 1.5 they got ~100 pixels and the button went out of view, then came back
    // elsewhere), as far as the tab leaves the chart kLeastChartHeight; the chart gets the
    // rest, and the height its legend wants within it (its legend above the plot is capped,
    // LegendAvoidingChart::kMaxLegendShare). The button never moves as runs come and go.
    constexpr int kLeastChartHeight = 150;
    // The tab's bottom within the window's, not its height: a tab grown past the window (its
    // least height more than the window has) would otherwise give itself ever more room.
    // The panel's dock's bottom too: a dock under it (Step by Step beside the panel, not
    // tabbed with it) ends the tab there. Measured from the window's bottom, the chart asked
    // for room the dock did not have, the window grew for it, and so on (to 3104 pixels).
    const QWidget* tab = m_chartSection->parentWidget();
    int tabHeight = tab ? m_panelDock->height() - tab->mapTo(m_panelDock, QPoint(0, 0)).y() : 0;
    if (tab && !m_panelDock->isFloating()) {
        const int bottom = statusBar()->isVisible() ? statusBar()->y() : height();
        tabHeight = std::min(tabHeight, bottom - tab->mapTo(this, QPoint(0, 0)).y());
    }
    // The chart section's title, options and margins (its hints: it may be hidden yet).
    const int chrome = std::max(
        0, m_chartSection->sizeHint().height() -
               std::max(m_chartContainer->sizeHint().height(), m_chartContainer->minimumHeight()));
    const QPushButton* add = m_optimizers->addButton();
    int settings = add->mapTo(m_optimizers, QPoint(0, add->height())).y() +
                   m_optimizers->layout()->spacing() + 2 * m_optimizerScroll->frameWidth();
    // And the run list's first two rows under it: one clipped row was all it showed at
    // 1280x720 (tester s13, README's window-optimizers.png).
    if (const QListWidget* runs = m_optimizers->runList(); runs && runs->count() > 0) {
        int rows = 0;
        for (int i = 0; i < std::min(2, runs->count()); ++i)
            rows += runs->sizeHintForRow(i);
        settings += rows + 2 * runs->frameWidth();
    }
    // A most height for the chart, never a least one for the settings: least heights add up
    // to the window's, which then grew past a 720-pixel screen.
    const int room = std::max(kLeastChartHeight, tabHeight - chrome - settings);
    m_chartContainer->setMaximumHeight(room);
    // Beside the settings' whole content the chart kept its least height (a plot of 50
    // pixels): it takes kChartShare of the tab, or what its legend asks, as far as there is
    // room; the run list and the animation below "Add run" scroll.
    constexpr double kChartShare = 0.45;
    const int wanted = std::max(m_chart->heightWanted(), int(kChartShare * tabHeight));
    m_chartContainer->setMinimumHeight(std::max(kLeastChartHeight, std::min(wanted, room)));
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    if (!m_hintShown.isEmpty() && statusBar()->currentMessage() == m_hintShown)
        showHint();
    // The panel at the width the window gave it is fitted to the new width (narrower or wider
    // again); one the person dragged wider only when it exceeds its share.
    if (event->size().width() != event->oldSize().width() && m_panelDock->isVisible() &&
        (m_panelDock->width() == m_panelWidth || m_panelDock->width() > panelRoom()))
        fitPanelToFont();
}

void MainWindow::applyPreferences(const Preferences& preferences) {
    QSettings store;
    savePreferences(store, preferences);
    applyPreferencesToApplication(preferences);
    fitPanelToFont();
    m_parameters->sync(); // the value boxes' widths follow the font
    // Every layout of the panels measures its items again at the new font: a nested layout
    // inside a scroll area kept the old font's heights (the readout's rows, the optimizer
    // panel's were cut until the next resize), and the scroll areas size their content anew.
    for (auto* scroll : findChildren<QScrollArea*>()) {
        if (QWidget* content = scroll->widget()) {
            for (QWidget* w : content->findChildren<QWidget*>())
                if (w->layout())
                    w->layout()->invalidate();
            if (content->layout())
                content->layout()->invalidate();
            content->updateGeometry();
            // The area sizes its content again (setWidgetResizable does that at once),
            // after the font's events have been handled.
            if (scroll->widgetResizable())
                QTimer::singleShot(0, scroll, [scroll] { scroll->setWidgetResizable(true); });
        }
    }
    if (!m_hintShown.isEmpty() && statusBar()->currentMessage() == m_hintShown)
        showHint(); // elided for the new font
    // Every view re-reads the look; the runs take their (maybe new) colours again.
    m_view->scene().applyLook();
    m_contourScene->applyLook();
    m_curveScene->applyLook();
    m_chart->applyLook();
    m_stepDock->applyLook();
    m_matrixPanel->applyLook();
    showRuns(m_view->scene(), *m_doc);
    m_optimizers->showRuns(*m_doc);
    updateChart();
    showCriticalPoints(m_view->scene(), *m_doc); // their labels' ground
    m_view->render();
    updatePlaneViews(Document::ExpansionChange | Document::RunsChange); // keeps their zoom
}

QDialog* MainWindow::textDialog(const QString& name, const QString& title, QTextBrowser** text) {
    // One dialog per kind: asking again raises it instead of opening a second one.
    if (auto* open = findChild<QDialog*>(name)) {
        open->raise();
        open->activateWindow();
        *text = open->findChild<QTextBrowser*>();
        return open;
    }
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(name);
    dialog->setWindowTitle(title);
    auto* layout = new QVBoxLayout(dialog);
    *text = new QTextBrowser;
    (*text)->setOpenExternalLinks(true);
    layout->addWidget(*text);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(buttons);
    // Readable at a lecture's font scale, and never larger than the screen.
    const QSize available = screen()->availableGeometry().size();
    const double em = fontMetrics().averageCharWidth();
    dialog->resize(std::min(int(86 * em), available.width() * 9 / 10),
                   std::min(int(50 * fontMetrics().height()), available.height() * 9 / 10));
    dialog->show();
    return dialog;
}

static QString expressionLanguageMarkdown() {
    initHelpResource();
    QFile file(QStringLiteral(":/help/expression-language.md"));
    QString text = file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    // Every function of the language, from the engine's table (what the parser accepts).
    text += QStringLiteral("\n## Function reference\n\n| function | definition |\n| --- | --- |\n");
    for (const FunctionEntry& f : functionTable()) {
        if (!f.name)
            continue; // unary minus is an operator
        QString name = QStringLiteral("`%1`").arg(QString::fromUtf8(f.name));
        if (f.alias)
            name += QStringLiteral(", `%1`").arg(QString::fromUtf8(f.alias));
        text += QStringLiteral("| %1 | %2 |\n").arg(name, QString::fromUtf8(f.help));
    }
    return text;
}

void MainWindow::showHelp() {
    QTextBrowser* text = nullptr;
    textDialog(QStringLiteral("helpDialog"), tr("The Expression Language"), &text);
    text->setMarkdown(expressionLanguageMarkdown());
    // Code blocks wrap too: the page scrolls only down, whatever the font scale.
    for (QTextBlock block = text->document()->begin(); block.isValid(); block = block.next())
        if (QTextBlockFormat format = block.blockFormat(); format.nonBreakableLines()) {
            format.setNonBreakableLines(false);
            QTextCursor(block).setBlockFormat(format);
        }
}

void MainWindow::showGuide() {
    initHelpResource();
    QFile file(QStringLiteral(":/help/guide.md"));
    QTextBrowser* text = nullptr;
    textDialog(QStringLiteral("guideDialog"), tr("Guide to the Views"), &text);
    text->setMarkdown(file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll())
                                                     : QString());
}

QString MainWindow::shortcutsHtml() const {
    // The menus' shortcuts, read from the actions themselves so the list cannot drift, then
    // what the mouse and the keys do in the views.
    QString rows;
    auto row = [&rows](const QString& keys, const QString& what) {
        rows += QStringLiteral("<tr><td style='padding-right:18px'><b>%1</b></td><td>%2</td></tr>")
                    .arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
    };
    for (QAction* menuAction : menuBar()->actions()) {
        QMenu* menu = menuAction->menu();
        if (!menu)
            continue;
        QString menuName = menuAction->text();
        menuName.remove(QLatin1Char('&'));
        std::function<void(QMenu*, const QString&)> walk = [&](QMenu* m, const QString& path) {
            for (QAction* a : m->actions()) {
                QString name = a->text();
                name.remove(QLatin1Char('&'));
                name.remove(QStringLiteral("…"));
                if (a->menu())
                    walk(a->menu(), path + QStringLiteral(" ▸ ") + name);
                else if (!a->shortcut().isEmpty())
                    row(a->shortcut().toString(QKeySequence::NativeText),
                        path + QStringLiteral(" ▸ ") + name);
            }
        };
        walk(menu, menuName);
    }
    QString html = tr("<h3>Menus</h3><table>") + rows + QStringLiteral("</table>");
    rows.clear();
    row(tr("Drag the point or the surface"), tr("move the point (one undo step per drag)"));
    row(tr("Drag elsewhere, Ctrl+drag"), tr("rotate the 3-D view; the wheel zooms"));
    row(tr("Shift+click"), tr("start an optimizer run there"));
    row(tr("Arrow keys"), tr("nudge the point 1% of the domain (Shift: 10%); a burst of "
                             "nudges is one undo step"));
    row(tr("2-D views: drag the point, double-click"),
        tr("move the point (to where you double-click)"));
    row(tr("2-D views: drag elsewhere, middle button"),
        tr("pan; the wheel zooms; View ▸ Reset View (Ctrl+0, or Home in the plot) fits the "
           "plot again"));
    html += tr("<h3>In the views</h3><table>") + rows + QStringLiteral("</table>");
    return html;
}

void MainWindow::showShortcuts() {
    QTextBrowser* text = nullptr;
    textDialog(QStringLiteral("shortcutsDialog"), tr("Keyboard Shortcuts"), &text);
    text->setHtml(shortcutsHtml());
}

void MainWindow::showAbout() {
    QMessageBox box(this);
    box.setObjectName(QStringLiteral("aboutDialog"));
    box.setWindowTitle(tr("About gradscape"));
    initHelpResource();
    box.setIconPixmap(QIcon(QStringLiteral(":/help/gradscape.svg")).pixmap(96, 96));
    box.setTextFormat(Qt::RichText);
    box.setText(
        tr("<h3>gradscape %1</h3><p>Explore the calculus of machine learning: surfaces, exact "
           "gradients and Hessians, Taylor models and optimizers.</p>"
           "<p>Copyright © %2<br>License %3: free software, you may use, change and "
           "redistribute it under the <a href=\"%10\">%3 License</a>; there is NO WARRANTY. "
           "Show Details for its full text.</p>"
           "<p>Built with Qt %4 (running on %5), VTK %6 and Eigen %7.%8.%9; Qt is used under "
           "the GNU LGPL version 3 (Help ▸ About Qt), VTK under the BSD 3-Clause License, "
           "Eigen under the Mozilla Public License 2.0, Graphviz under the Eclipse Public "
           "License 1.0 and ImageMagick under the ImageMagick License.</p>"
           "<p>Help ▸ The Expression Language for what to type; <code>gradscape --help</code> "
           "or <code>man gradscape</code> for the command line.</p>")
            .arg(QStringLiteral(GRADSCAPE_VERSION), QStringLiteral(GRADSCAPE_COPYRIGHT),
                 QStringLiteral(GRADSCAPE_LICENSE), QStringLiteral(QT_VERSION_STR),
                 QString::fromLatin1(qVersion()), QStringLiteral(VTK_VERSION))
            .arg(EIGEN_WORLD_VERSION)
            .arg(EIGEN_MAJOR_VERSION)
            .arg(EIGEN_MINOR_VERSION)
            .arg(QStringLiteral(GRADSCAPE_LICENSE_URL)));
    box.setTextInteractionFlags(Qt::TextBrowserInteraction);
    QFile license(QStringLiteral(":/help/LICENSE"));
    if (license.open(QIODevice::ReadOnly))
        box.setDetailedText(QString::fromUtf8(license.readAll()));
    box.setStandardButtons(QMessageBox::Close);
    box.exec();
}

void MainWindow::openExample(const Preset& preset) {
    // An example is a new, untitled document: with a session file open, its unsaved changes
    // are asked about first (Save, Discard, Cancel), and then the file is no longer the
    // document's, so a later Save asks for a name and never overwrites the session with the
    // example (tester 8, item 4). Untitled, the example stays an undoable step.
    const bool fromFile = !m_session->currentFile().isEmpty();
    if (fromFile && !m_session->maybeSave())
        return;
    // The example's text replaces whatever the editor holds, focused or half typed.
    m_functionTimer->stop();
    if (const QString error =
            m_doc->change(preset.settings, tr("Open example “%1”").arg(preset.name));
        !error.isEmpty()) {
        notify(error);
        return;
    }
    if (fromFile)
        m_session->forgetFile();
    m_session->setReproducible(m_doc->settings()); // nothing to save until it is edited
    m_function->setText(m_doc->settings().function);
    m_shownFunction = m_doc->settings().function;
    showSettingsError({}); // a message about the last document is not about the example
    m_functionError->hide();
    m_makeParameters->hide();
    setErrorMark(m_function, ErrorMark::None);
    // "Add run" then repeats the example's (first) run.
    if (!preset.settings.runs.empty()) {
        m_optimizers->setRun(preset.settings.runs.front(), m_doc->settings().point);
        m_tabs->setCurrentIndex(1);
    }
    m_view->resetView();
    // The example's own view: its plot, not the graph the last example showed (tester s19:
    // the four optimizers' runs stayed hidden behind the backpropagation example's graph).
    if (preset.view == QLatin1String("graph"))
        showViewTab(2);
    else if (m_viewTabs->currentIndex() == 2)
        showViewTab(m_lastViewTab);
    // Likewise the panel over the last example's Matrix Calculus tab.
    if (preset.closedForm.isEmpty() && !m_matrixPanel->visibleRegion().isEmpty() &&
        tabifiedDockWidgets(m_matrixPanel).contains(m_panelDock))
        m_panelDock->raise();
    // A matrix-calculus example: its closed form, checked in the Matrix Calculus tab. Any
    // other example clears it: the last example's closed form, checked against this
    // function, would show an error about symbols the person never typed (issue #9).
    // An exercise opens with the box empty (tester s24: it showed the answer, already
    // "agrees"): the person types theirs and the panel checks it.
    m_matrixPanel->setClosedForm(preset.exercise ? QString() : preset.closedForm,
                                 preset.withRespectTo);
    if (!preset.closedForm.isEmpty()) {
        m_matrixPanel->show();
        m_matrixPanel->raise();
    }
}

template <class Modify> void MainWindow::edit(const QString& what, Modify modify) {
    Settings s = m_doc->settings();
    modify(s);
    showSettingsError(m_doc->change(s, what));
}

void MainWindow::clearDomainError() {
    m_domainError->clear();
    m_domainError->hide();
    for (QDoubleSpinBox* box : {m_xmin, m_xmax, m_ymin, m_ymax}) {
        box->setProperty("refused", false);
        setErrorMark(box, ErrorMark::None);
    }
}

void MainWindow::syncEditors() {
    const Settings& s = m_doc->settings();
    const QSignalBlocker blockers[] = {
        QSignalBlocker(m_xmin),      QSignalBlocker(m_xmax),    QSignalBlocker(m_ymin),
        QSignalBlocker(m_ymax),      QSignalBlocker(m_x0),      QSignalBlocker(m_y0),
        QSignalBlocker(m_epsX),      QSignalBlocker(m_epsY),    QSignalBlocker(m_resolution),
        QSignalBlocker(m_wireLines), QSignalBlocker(m_tangent), QSignalBlocker(m_quadratic),
        QSignalBlocker(m_gradient),  QSignalBlocker(m_shaded),  QSignalBlocker(m_modelRadius),
        QSignalBlocker(m_boxAspect), QSignalBlocker(m_field),   QSignalBlocker(m_bands)};
    // The editor shows the document's function whenever that changes from elsewhere (an
    // undo, an example), focused or not; text the person is typing (unapplied, or refused
    // with a message) stays while the document's function stays.
    if (s.function != m_shownFunction) {
        m_shownFunction = s.function;
        if (!m_applyingFunction && m_function->text() != s.function) {
            m_functionTimer->stop();
            m_function->setText(s.function);
            m_functionError->hide();
            m_makeParameters->hide();
            setErrorMark(m_function, ErrorMark::None);
        }
    }
    // The inputs: the fixed names, or empty with the inferred ones as the placeholder.
    const QString fixed = s.variables.join(QStringLiteral(", "));
    if (!m_variables->hasFocus() && m_variables->text() != fixed)
        m_variables->setText(fixed);
    m_variables->setPlaceholderText(
        tr("from f: %1").arg(m_doc->inputNames().join(QStringLiteral(", "))));
    // Tester s17: an example's "x, y" outlived a new f of x alone, a surface with no word why.
    QStringList unused;
    if (!s.variables.isEmpty())
        for (const std::string& name : unusedNames(m_doc->expression()).inputs)
            unused << QString::fromStdString(name);
    m_inputsNote->setText(
        unused.isEmpty()
            ? QString()
            : tr("f does not use %1, an input all the same while the inputs field names it "
                 "(f is flat along it). Clear the field to take the inputs from f.")
                  .arg(unused.join(QStringLiteral(", "))));
    m_inputsNote->setVisible(!unused.isEmpty());
    // The boxes show what fits; they are read back only when the person edits them. A refused
    // range's marks and message go: the boxes show the document's range again. So do a refused
    // number's: the document changed since (tester s20: "x = 2" in red after an example).
    clearDomainError();
    for (NumberSpinBox* box : findChildren<NumberSpinBox*>())
        box->clearRefusedMark();
    m_xmin->setValue(s.xmin);
    m_xmax->setValue(s.xmax);
    m_ymin->setValue(s.ymin);
    m_ymax->setValue(s.ymax);
    // A function of one input has no second coordinate: its boxes show 0 and are disabled.
    const bool twoInputs = s.point.size() > 1;
    const auto ix = std::size_t(s.plotX), iy = std::size_t(s.plotY);
    m_x0->setValue(s.point[ix]);
    m_y0->setValue(twoInputs ? s.point[iy] : 0.0);
    m_epsX->setValue(s.epsilon[ix]);
    m_epsY->setValue(twoInputs ? s.epsilon[iy] : 0.0);
    // One input: one box each, no plane, arrows or shading (the curve view has a tangent
    // line and no surface).
    m_y0->setVisible(twoInputs);
    m_epsY->setVisible(twoInputs);
    m_tangent->setText(twoInputs ? tr("Tangent plane") : tr("Tangent line"));
    m_gradient->setVisible(twoInputs);
    m_shaded->setVisible(twoInputs);
    m_optimizers->setExpansionPoint(twoInputs ? std::vector<double>{s.point[ix], s.point[iy]}
                                              : std::vector<double>{s.point[ix]});
    m_resolution->setValue(s.resolution);
    m_wireLines->setValue(s.wireLines);
    m_tangent->setChecked(s.showTangent);
    m_quadratic->setChecked(s.showQuadratic);
    m_modelRadius->setValue(s.modelRadius);
    m_boxAspect->setValue(s.boxAspect);
    m_modelRadius->setEnabled(s.showQuadratic);
    m_gradient->setChecked(s.showGradient);
    m_shaded->setChecked(s.shaded);
    m_field->setChecked(s.showField);
    m_bands->setChecked(s.showBands);
    m_field->setEnabled(s.point.size() > 1); // the contour view's: none for one input
    m_bands->setEnabled(s.point.size() > 1);
    if (m_optimizers->chartLogScale() != s.chartLogScale) {
        m_optimizers->setChartLogScale(s.chartLogScale);
        updateChart();
    }
    // Labels and prefixes take the input names; they change with the function only.
    const QStringList names = m_doc->inputNames();
    const QString px = names.value(s.plotX) + QStringLiteral(" = "),
                  py = names.value(s.plotY) + QStringLiteral(" = ");
    if (m_x0->prefix() != px) {
        m_x0->setPrefix(px);
        m_xRangeLabel->setText(tr("%1 from, to").arg(names.value(s.plotX)));
    }
    if (m_y0->prefix() != py) {
        m_y0->setPrefix(py);
        m_yRangeLabel->setText(tr("%1 from, to").arg(names.value(s.plotY)));
    }
    // One input has no second range (tester s24: a row " from, to" with no name).
    const bool second = names.size() >= 2;
    m_yRangeLabel->setVisible(second);
    m_ymin->parentWidget()->setVisible(second);
    rebuildSlice();
}

void MainWindow::rebuildSlice() {
    const Settings& s = m_doc->settings();
    const QStringList names = m_doc->inputNames();
    const QString key =
        QStringLiteral("%1|%2|%3").arg(names.join(QLatin1Char(','))).arg(s.plotX).arg(s.plotY);
    if (key != m_sliceKey) {
        m_sliceKey = key;
        for (QWidget* row : m_heldRows)
            if (row)
                m_sliceForm->removeRow(row);
        m_held.assign(std::size_t(names.size()), nullptr);
        m_heldEps.assign(std::size_t(names.size()), nullptr);
        m_heldRows.assign(std::size_t(names.size()), nullptr);
        const QSignalBlocker bx(m_plotX), by(m_plotY);
        m_plotX->clear();
        m_plotY->clear();
        m_plotX->addItems(names);
        m_plotY->addItems(names);
        for (int i = 0; i < names.size(); ++i) {
            if (i == s.plotX || i == s.plotY)
                continue;
            // A held input's box for one of its coordinates (its value, its component of ε):
            // an edit of that coordinate, undone by name.
            const auto heldBox = [this, i](double step, const QString& tip, const QString& name,
                                           const QString& undo,
                                           std::vector<double> Settings::*coordinates) {
                auto* box = numberBox(-1e6, 1e6, step, tip, -1);
                box->setObjectName(name);
                connect(box, &QDoubleSpinBox::valueChanged, this,
                        [this, i, undo, coordinates](double v) {
                            edit(undo, [i, v, coordinates](Settings& s) {
                                if (std::size_t(i) < (s.*coordinates).size())
                                    (s.*coordinates)[std::size_t(i)] = v;
                            });
                        });
                return box;
            };
            QDoubleSpinBox* box = heldBox(
                0.05,
                tr("The value %1 is held at: the surface is the slice of f there").arg(names[i]),
                QStringLiteral("held_") + names[i], tr("Set %1").arg(names[i]), &Settings::point);
            box->setPrefix(names[i] + QStringLiteral(" = "));
            // Its component of ε beside it: the approximation check moves along every input
            // (issue #9: ε of a held input was used and shown nowhere but the readout).
            QDoubleSpinBox* eps =
                heldBox(0.01,
                        tr("Offset ε for the approximation check along %1 (0: the check stays "
                           "in the plotted slice)")
                            .arg(names[i]),
                        QStringLiteral("heldEps_") + names[i], tr("Change ε"), &Settings::epsilon);
            eps->setPrefix(QStringLiteral("ε = "));
            QWidget* row = pair(box, eps);
            m_sliceForm->addRow(tr("Hold"), row);
            m_held[std::size_t(i)] = box;
            m_heldEps[std::size_t(i)] = eps;
            m_heldRows[std::size_t(i)] = row;
        }
    }
    m_plotX->setCurrentIndex(s.plotX);
    m_plotY->setCurrentIndex(s.plotY);
    for (std::size_t i = 0; i < m_held.size(); ++i)
        if (m_held[i] && i < s.point.size() && i < s.epsilon.size()) {
            const QSignalBlocker b(m_held[i]), e(m_heldEps[i]);
            m_held[i]->setValue(s.point[i]);
            m_heldEps[i]->setValue(s.epsilon[i]);
        }
    m_sliceSection->setVisible(names.size() > 2);
}

void MainWindow::updateDomainNote() {
    const Settings& s = m_doc->settings();
    QStringList notes;
    const QString box = domainText(*m_doc); // one input: an interval, no y range
    if (const QString gaps =
            surfaceGapsNote(m_doc->surface().z, box, m_doc->expression().inputCount() == 1);
        !gaps.isEmpty())
        notes << gaps;
    const auto ix = std::size_t(s.plotX), iy = std::size_t(s.plotY);
    if (m_doc->expression().inputCount() == 1) {
        // One input: its interval (the curve view draws nothing at a point outside it).
        if (!s.point.empty() && (s.point[0] < s.xmin || s.point[0] > s.xmax))
            notes << tr("The expansion point %1 = %2 is outside the plotted interval %3: its "
                        "marker, tangent line and quadratic are not drawn. Widen the interval "
                        "or move the point.")
                         .arg(m_doc->inputNames().value(0), number(s.point[0]), box);
    } else if (s.point.size() > std::max(ix, iy) && (s.point[ix] < s.xmin || s.point[ix] > s.xmax ||
                                                     s.point[iy] < s.ymin || s.point[iy] > s.ymax))
        notes << tr("The expansion point (%1, %2) is outside the plotted domain %3: its marker, "
                    "planes and arrows are not drawn. Widen the domain or move the point.")
                     .arg(number(s.point[ix]), number(s.point[iy]), box);
    m_domainNote->setText(notes.join(QLatin1Char('\n')));
    m_domainNote->setVisible(!notes.isEmpty());
}

void MainWindow::onDocumentChanged(int what) {
    // A number box's refusal is about an entry the document never took: the next change the
    // document does take answers it (tester s17: "it keeps 100" stayed over a new example).
    if (std::exchange(m_refusalShown, false))
        m_messageBox->hide();
    const QScopedValueRollback following(m_followingDocument, true);
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
        m_chartSection->setVisible(runs > 0);                     // no runs, no empty chart
        QTimer::singleShot(0, this, &MainWindow::fitChartHeight); // laid out: the settings' room
        m_tabs->setTabText(1, runs ? tr("Optimizers (%1)").arg(runs) : tr("Optimizers"));
        if (runs > 0 && m_runCount == 0)
            m_tabs->setCurrentIndex(1); // the first run: show it with its chart
        m_runCount = runs;
        int longest = 0;
        for (const Trajectory& t : m_doc->trajectories())
            longest = std::max(longest, t.stepCount());
        m_animator->setLength(longest); // shows the paths whole; renders via onFrameChanged
        // Leaving Step by Step goes back to these runs whole, not to the frame the old ones
        // had (tester s19b: "step 60 of 282" after an example opened over the tab).
        m_frameAtStepShown = longest;
        // With Step by Step on screen, new runs start at their first iteration, as the tab
        // does when it opens (tester s20: an example loaded over it showed "Iterate 60 of
        // 60: the run's last, no step taken").
        if (m_stepShown && longest > 0)
            m_animator->setFrame(0);
        // One line that fits the status bar: the run, its step and the verdict; the numbers
        // in the tool tip and the run list (tester s26: the whole message ran off the edge).
        QStringList details;
        QString first;
        const auto& trajectories = m_doc->trajectories();
        for (int i = 0; i < int(trajectories.size()); ++i)
            if (const Trajectory& t = trajectories[std::size_t(i)];
                t.reason == StopReason::Diverged) {
                if (first.isEmpty())
                    first = tr("%1 at step %2: %3")
                                .arg(runName(*m_doc, i))
                                .arg(t.stepCount())
                                .arg(QString::fromStdString(t.verdict));
                details << runDescription(*m_doc, i);
            }
        const bool diverged = !details.isEmpty();
        if (diverged) {
            notify(details.size() == 1
                       ? tr("A run diverged: %1").arg(first)
                       : tr("A run diverged: %1 (and %2 more: the run list says why)")
                             .arg(first)
                             .arg(details.size() - 1));
            m_message->setToolTip(details.join(QLatin1Char('\n')));
        }
        // The runs it spoke of are gone (another example, session or function): so is it.
        if (!diverged && m_message->text().startsWith(tr("A run diverged")))
            m_messageBox->hide();
    }
    // A new surface is rendered once, in updatePlaneViews, after its critical points are
    // marked (rendering here as well cost a second software-rendered frame per re-sample).
    if (!(what & Document::SurfaceChange))
        m_view->render();
    updatePlaneViews(what);
    showReadout();
    m_parameters->sync();
    m_parameterSection->setVisible(!m_doc->settings().parameters.empty());
    if (!m_applyingFunction && !m_functionError->isVisible())
        m_makeParameters->hide(); // an offer for text typed before this change
    syncEditors();
    updateDomainNote();
}

void MainWindow::applyFunction() {
    m_functionTimer->stop();
    // The point and epsilon follow their inputs by name (half-typed names come and go).
    const Settings s = m_doc->withFunction(m_doc->settings(), m_function->text());
    m_applyingFunction = true;
    const QString error = m_doc->change(s, tr("Edit function"));
    m_applyingFunction = false;
    // Inputs fixed by the person and a name that is not among them: say where to change it.
    const bool fixedInputs = !error.isEmpty() && !s.variables.isEmpty() &&
                             error.contains(QStringLiteral("unknown symbol"));
    m_functionError->setText(fixedInputs ? error + tr(" (the inputs are fixed in the inputs "
                                                      "field: clear it to take them from f)")
                                         : error);
    m_functionError->setVisible(!error.isEmpty());
    setErrorMark(m_function, error.isEmpty() ? ErrorMark::None : ErrorMark::Border);
    offerParameters(s.function);
}

void MainWindow::offerParameters(const QString& function) {
    Settings s = m_doc->settings();
    s.function = function;
    m_candidates = parameterCandidates(s);
    if (m_candidates.isEmpty()) {
        m_makeParameters->hide();
        return;
    }
    const QString names = m_candidates.join(QStringLiteral(", "));
    m_makeParameters->setText(m_candidates.size() == 1 ? tr("Make '%1' a parameter").arg(names)
                                                       : tr("Make %1 parameters").arg(names));
    m_makeParameters->setToolTip(
        m_functionError->isVisible()
            ? tr("%1: constants with sliders (value 1, range −5 to 5)").arg(names)
            : tr("%1 are inputs now, held at the point; as parameters they are constants with "
                 "sliders (value 1, range −5 to 5) and the surface is over x and y")
                  .arg(names));
    m_makeParameters->show();
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
    const auto ix = std::size_t(m_doc->settings().plotX), iy = std::size_t(m_doc->settings().plotY);
    start[ix] = x;
    if (iy < start.size()) // one input: y is f's axis of the curve view, not an input
        start[iy] = y;
    if (const QString error = m_doc->addRun(m_optimizers->runAt(start)); !error.isEmpty())
        notify(error);
}

void MainWindow::onFrameChanged(int frame) {
    m_contourScene->setFrame(frame);
    m_curveScene->setFrame(frame);
    if (!m_followingDocument && m_doc->expression().inputCount() == 1)
        m_curveView->render();
    m_stepDock->followFrame(frame);
    showStepMarks(true); // the 3-D frame with it
    m_optimizers->setFrame(frame, m_animator->length());
}

int MainWindow::explainedRun() const {
    return m_stepShown ? m_stepDock->focus().run : -1;
}

void MainWindow::showStepMarks(bool render) {
    // Newton's model under the plot belongs to the run Step by Step explains, when it does.
    showFrame(m_view->scene(), *m_doc, m_animator->frame(), explainedRun());
    const std::optional<StepMarks> marks =
        m_stepShown ? stepMarks(*m_doc, m_stepDock->focus()) : std::nullopt;
    m_view->scene().setStepMarks(marks);
    m_contourScene->setStepMarks(marks);
    // Following the document, the views are rendered once at the end of onDocumentChanged
    // (a render here cost a second software-rendered 3-D frame per slider move).
    if (!render || m_followingDocument)
        return;
    m_view->render();
    m_contourView->render();
}

void MainWindow::updateChart() {
    m_optimizers->setChartQuantities(stateColumns(m_doc->inputNames()));
    const StateColumn quantity = m_optimizers->chartQuantity();
    const bool log = m_optimizers->chartLogScale();
    const std::vector<ChartSeries> series = lossSeries(*m_doc, quantity);
    m_chart->setLogScale(log);
    m_chart->setSeries(series, quantity.axisTitle);
    // What the log scale leaves out (a run reaching f = 0), said beside the box: never a
    // silent no-op (issue #9).
    m_optimizers->setChartNote(QString::fromStdString(m_chart->note()));
}

void MainWindow::showAsInTheView(SurfaceScene& scene, QSize size) const {
    // A second scene with the view's content, camera and animation frame: the window's own
    // renderer stays put. Fonts and lines scale with the picture's height over the view's.
    showDocument(scene, *m_doc, exportPixelScale(size.height(), m_view->height()));
    showFrame(scene, *m_doc, m_animator->frame(), explainedRun());
    scene.setStepMarks(m_stepShown ? stepMarks(*m_doc, m_stepDock->focus()) : std::nullopt);
    // At the picture's shape (tester s23: a narrow export of the side view cut the surface and
    // the f axis at both sides).
    scene.copyCamera(m_view->scene(), size.height() > 0 ? double(size.width()) / size.height() : 0);
}

void MainWindow::showContourAsInTheView(ContourScene& scene, int height) {
    // The view's level spacing and its legends' layout (beside the frame or inside it, which
    // corner): the export lays out as the screen does (issue #9).
    scene.setLevelSpacing(contourScene().levelSpacing());
    // Zoomed or panned: the level curves sampled over the range shown (fitAsInTheView).
    const ContourScene& shown = contourScene();
    showContour(scene, *m_doc, exportScale(height),
                shown.zoomed() ? std::optional(shown.shownRange()) : std::nullopt);
    scene.copyLegendLayout(shown);
}

void MainWindow::fitAsInTheView(ContourScene& scene) {
    scene.resetCamera();
    // Export Image "writes the view shown": a zoomed view was exported whole (tester s18).
    if (contourScene().zoomed())
        scene.showRange(contourScene().shownRange());
}

QString MainWindow::exportAnimation(const QString& path, int width, int height, bool transparent) {
    ImageExportOptions o;
    o.width = width;
    o.height = height;
    o.transparent = transparent;
    // The view shown (issue s8 #7: the 3-D view was exported while the contour tab was open).
    const ShownView view = shownView();
    SurfaceScene surface;
    ContourScene plane;
    CurveScene curve;
    vtkRenderer* renderer = surface.renderer();
    if (view == ShownView::Contour) {
        showContourAsInTheView(plane, height);
        renderer = plane.renderer();
    } else if (view == ShownView::Curve) {
        showCurve(curve, *m_doc, exportScale(height));
        renderer = curve.renderer();
    } else {
        showAsInTheView(surface, QSize(width, height));
    }
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
    // Framed for the picture's size as an image export is (the view's turn kept): the view's
    // own camera, fitted to a narrow view beside the contour view, left the surface half the
    // width of a 4:3 frame.
    const std::string error = gs::exportAnimation(
        renderer, path.toStdString(), o, frames, m_animator->speed(),
        [&](int k) {
            if (view == ShownView::Contour)
                plane.setFrame(k);
            else if (view == ShownView::Curve)
                curve.setFrame(k);
            else
                showFrame(surface, *m_doc, k);
        },
        [&] {
            if (view == ShownView::Contour)
                fitAsInTheView(plane);
            else if (view == ShownView::Curve)
                curve.resetCamera();
            else
                surface.fitCameraKeepingDirection();
        },
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
                                    "Shift+click on the surface or curve)."));
        return;
    }
    ExportDialog dialog(
        this, tr("Export Animation"), tr("GIF, video (.ogv) or folder"),
        QStringLiteral("exportAnimation"), QStringLiteral("gradscape.gif"),
        ExportDialog::Browse::Folder,
        lectureExportSize(shownViewWidget()->isVisible() ? shownViewWidget()->size() : QSize()),
        tr("Transparent background (GIF, PNG frames)"),
        [this](const ExportRequest& r) {
            const QString error = exportAnimation(r.path, r.width, r.height, r.transparent);
            if (error.isEmpty())
                notice(tr("Exported %1").arg(r.path));
            return error;
        },
        shownView() == ShownView::Contour ? QStringLiteral("contour")
        : shownView() == ShownView::Curve ? QStringLiteral("curve")
                                          : QStringLiteral("surface"),
        m_session->currentFile());
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
    const auto ix = std::size_t(s.plotX), iy = std::size_t(s.plotY);
    next.point[ix] = s.point[ix] + dx * step;
    if (iy < next.point.size()) // a function of one input has no y to nudge
        next.point[iy] = s.point[iy] + dy * step;
    showSettingsError(m_doc->change(next, tr("Nudge expansion point"), m_nudgeId));
}

int MainWindow::viewTab() const {
    return m_viewTabs->currentIndex();
}

void MainWindow::showReadout() {
    m_readout->setArrowScale(meanSlope(m_doc->surface()));
    const Document::NearCritical near = m_doc->nearCriticalPoint();
    // Named at the list's rounding: sin(x)/x's maximum read "at (4.80212e-09)" (tester s26).
    // The distance to the point as named, so the two agree: "0.002 from ... (0)".
    std::optional<CriticalPoint> named;
    double distance = near.distance;
    if (near.index >= 0) {
        named = m_doc->criticalPoints().points[std::size_t(near.index)];
        named->point = coordinatesAtScale(*m_doc, named->point);
        const std::vector<double>& x = m_doc->settings().point;
        if (named->point.size() == Eigen::Index(x.size()) && distance > 0)
            distance =
                (named->point - Eigen::Map<const Eigen::VectorXd>(x.data(), x.size())).norm();
    }
    m_readout->setExpansion(m_doc->expansion(), m_doc->inputNames(), named ? &*named : nullptr,
                            distance);
}

void MainWindow::resetShownViews() {
    // Every view on screen (side by side: both plots), not only the 3-D one: after a pan in
    // the contour view, Ctrl+0 did nothing there (tester s14).
    if (m_viewTabs->currentIndex() == 2) {
        m_graph->view()->canvas()->fit();
        return;
    }
    if (m_doc->expression().inputCount() == 1) {
        m_curveView->resetView();
        return;
    }
    if (m_sideBySide || m_viewTabs->currentIndex() == 0)
        m_view->resetView();
    if (m_sideBySide || m_viewTabs->currentIndex() == 1)
        m_contourView->resetView();
}

MainWindow::ShownView MainWindow::shownView() const {
    if (m_doc->expression().inputCount() == 1)
        return ShownView::Curve;
    // The graph tab (2) shows no plot: the last plot tab shown.
    const int tab = m_viewTabs->currentIndex() == 2 ? m_lastViewTab : m_viewTabs->currentIndex();
    return !m_sideBySide && tab == 1 ? ShownView::Contour : ShownView::Surface;
}

QWidget* MainWindow::shownViewWidget() const {
    switch (shownView()) {
    case ShownView::Curve:
        return m_curveContainer;
    case ShownView::Contour:
        return m_contourContainer;
    case ShownView::Surface:
        break;
    }
    return m_viewContainer;
}

void MainWindow::frontDockWithContent() {
    // A tabified dock behind another tab is still isVisible(): the one in front is seen.
    if (m_doc->trajectories().empty() && !m_stepDock->visibleRegion().isEmpty() &&
        tabifiedDockWidgets(m_stepDock).contains(m_panelDock))
        m_panelDock->raise();
}

double MainWindow::exportScale(int height) const {
    // Fonts and lines scale with the picture's height over the shown view's (a hidden view's
    // height, such as the 3-D view's behind the contour tab, made the text huge), smaller
    // pictures too (issue #9: a 600x424 animation kept the window's text, its legend covered
    // two thirds of the plot), down to kLeastExportScale.
    return exportPixelScale(height, shownViewWidget()->height());
}

QString MainWindow::exportImage(const QString& path, int width, int height, bool transparent) {
    ImageExportOptions o;
    o.width = width;
    o.height = height;
    o.transparent = transparent;
    if (const std::string problem = validateImageExport(path.toStdString(), o); !problem.empty())
        return QString::fromStdString(problem);
    // The view on screen: the curve (one input), the contour view when it is the tab shown.
    const double scale = exportScale(height);
    if (shownView() == ShownView::Curve) {
        CurveScene scene;
        showCurve(scene, *m_doc, scale);
        scene.setFrame(m_animator->frame());
        return QString::fromStdString(
            gs::exportImage(scene.renderer(), path.toStdString(), o, [&] { scene.resetCamera(); }));
    }
    if (shownView() == ShownView::Contour) {
        ContourScene scene;
        showContourAsInTheView(scene, height);
        scene.setFrame(m_animator->frame());
        return QString::fromStdString(gs::exportImage(scene.renderer(), path.toStdString(), o,
                                                      [&] { fitAsInTheView(scene); }));
    }
    SurfaceScene scene;
    showAsInTheView(scene, QSize(width, height));
    showCriticalPoints(scene, *m_doc);
    // Of another shape than the view, the axes' text kept inside as the view keeps it
    // (tester s23: a narrow export of the side view cut the f axis's labels).
    const double viewAspect = double(m_view->width()) / std::max(1, m_view->height());
    const bool reshaped = std::abs(double(width) / height - viewAspect) > 0.01 * viewAspect;
    return QString::fromStdString(gs::exportImage(
        scene.renderer(), path.toStdString(), o,
        reshaped ? std::function<void()>([&] { scene.keepAxisTextInView(); }) : nullptr));
}

void MainWindow::showExportDialog() {
    // The shown view's shape at a lecture size (issue s8 #1: three times the hidden 3-D
    // view's size, 960 x 1884, was offered on the contour tab). Typed sizes are kept per view.
    QWidget* view = shownViewWidget();
    const QString key = shownView() == ShownView::Contour ? QStringLiteral("contour")
                        : shownView() == ShownView::Curve ? QStringLiteral("curve")
                                                          : QStringLiteral("surface");
    ExportDialog dialog(
        this, tr("Export Image"), tr("File"), QStringLiteral("exportImage"),
        QStringLiteral("gradscape.png"), ExportDialog::Browse::SaveFile,
        lectureExportSize(view->isVisible() ? view->size() : QSize()),
        tr("Transparent background (PNG, SVG, PDF)"),
        [this](const ExportRequest& r) {
            const QString error = exportImage(r.path, r.width, r.height, r.transparent);
            if (error.isEmpty())
                notice(tr("Exported %1").arg(r.path));
            return error;
        },
        key, m_session->currentFile());
    dialog.exec();
}

void MainWindow::showChartExportDialog() {
    ExportDialog dialog(this, tr("Export Loss Chart"), tr("SVG or PDF file"),
                        QStringLiteral("exportChart"), QStringLiteral("loss-chart.svg"),
                        ExportDialog::Browse::SaveFile, QSize(1200, 600), QString(),
                        [this](const ExportRequest& r) {
                            const QString error = QString::fromStdString(
                                m_chart->exportFigure(r.path.toStdString(), r.width, r.height));
                            if (error.isEmpty())
                                notice(tr("Exported %1").arg(r.path));
                            return error;
                        });
    dialog.exec();
}

} // namespace gs
