#pragma once
// The computational graph of a function, drawn with Qt's Graphics View and laid out in layers
// by Graphviz's dot (graphlayout.h): each node shows its name, expression, value and adjoint,
// each edge its local partial and, once the reverse pass has used it, the product it
// contributes. The forward pass and then the reverse pass (or forward mode for one input) are
// stepped through one node at a time. The engine computes every number (engine/graph.h); this
// file only arranges and writes them.

#include "graph.h"
#include "graphlayout.h"

#include <QColor>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QImage>
#include <QWidget>
#include <limits>
#include <optional>
#include <vector>

class QComboBox;
class QLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QSplitter;
class QTextBrowser;
class QTimer;
class QToolButton;

namespace gs {

class GraphNodeItem;
class GraphEdgeItem;

/// The picture of one graph at one step: items, highlights, texts. No widgets, so the command
/// line exports it with an off-screen QApplication.
class GraphScene : public QGraphicsScene {
    Q_OBJECT
public:
    /// Graphs with more nodes are not drawn (a message says so): dot and the eye both give up.
    static constexpr int kMaxDrawnNodes = 400;

    explicit GraphScene(QObject* parent = nullptr);
    ~GraphScene() override;

    /// Shows f at x with the current granularity; the step position is kept where it still
    /// exists (a dragged point changes the numbers, not the steps). Returns the error or empty.
    QString setFunction(const Expression& f, const Eigen::VectorXd& x);
    void setGranularity(Granularity g);
    Granularity granularity() const { return m_granularity; }
    /// Forward mode for input `input` (tangents d node / d input) instead of the reverse pass;
    /// -1 for the reverse pass.
    void setForwardModeInput(int input);
    int forwardModeInput() const { return m_modeInput; }

    const ComputationalGraph& graph() const { return m_graph; }
    /// The point the graph is evaluated at (every input).
    const Eigen::VectorXd& point() const { return m_point; }
    const QString& message() const { return m_message; }
    /// The inks the drawing uses on each ground they are drawn on, with the contrast each
    /// must keep (4.5:1 text, 3:1 lines and outlines), for the scenes' look now (sceneLook():
    /// a light drawing on a light ground, a dark one on a dark ground).
    struct InkOnGround {
        QString what;
        QColor ink, ground;
        double least;
    };
    static std::vector<InkOnGround> inkOnGround();

    /// The steps: the forward pass, then the reverse pass (or the tangent pass). Position 0 is
    /// before the first; position k has steps 0..k-1 done and step k-1 at work. A new graph
    /// starts at the end: every value and adjoint shown.
    int stepCount() const;
    int position() const { return m_position; }
    void setPosition(int position);
    /// The step at work (nullptr at position 0) and which pass it belongs to.
    const GraphStep* currentStep() const;
    enum class Pass { None, Forward, Reverse, Tangent };
    Pass currentPass() const;
    /// The node at work, or -1.
    int activeNode() const;
    /// Whether the node's value is computed at this position (an input's always is), and
    /// with it the local partials of the edges into it.
    bool valueKnown(int node) const;
    /// Whether the second pass has computed the node's derivative (its adjoint df/dnode, or
    /// in forward mode its tangent dnode/dinput) at this position.
    bool derivativeKnown(int node) const;

    /// What node `node`'s box says, line by line (name, expression, value, adjoint).
    QStringList nodeLines(int node) const;
    /// What edge `edge`'s label says (local partial; the product once the pass used it).
    QStringList edgeLines(int edge) const;
    /// The formula of the node's steps with numbers filled in (its tooltip).
    QString nodeToolTip(int node) const;
    /// Draw the node and edges at work highlighted (the default), or the finished picture
    /// without (the command line's export).
    void setHighlightWork(bool on);
    /// Whether the node is drawn as at work / edge as at work.
    bool nodeActive(int node) const;
    bool edgeActive(int edge) const;

    /// Every path from node `from` to the output, highlighted; -1 for none.
    void showPathsFrom(int from);
    int pathsFrom() const { return m_pathsFrom; }
    const PathEnumeration& paths() const { return m_paths; }
    /// Which of the listed paths is drawn strongest (-1: all alike).
    void setSelectedPath(int path);
    bool edgeOnPath(int edge) const;

    /// Marks the node found by name (exact, else the first containing it); returns it or -1.
    int markNode(const QString& name);
    int markedNode() const { return m_marked; }
    /// The node's box in scene coordinates.
    QRectF nodeRect(int node) const;

    /// The widest drawing wanted (scene units; infinite by default): a graph wider than this
    /// left to right is laid out top to bottom (if that is narrower). A view sets it from its
    /// width; an export keeps the book's left-to-right drawing.
    void setMaxWidth(double width);
    /// The text's size: the node and edge fonts (kNodeFontPixels, kEdgeFontPixels scene units)
    /// times `scale` (Preferences' font scale, sceneLook().fontScale): a lecture's font
    /// enlarges the drawing's text as it does the window's. Lays the graph out again.
    void setFontScale(double scale);
    /// Takes the inks of the scenes' look now (sceneLook(): light or dark) and redraws.
    void applyLook();
    /// The ground the drawing is on now (for tests).
    QColor ground() const;
    double fontScale() const { return m_fontScale; }
    /// The node and edge fonts' sizes in scene units (pixels at the view's scale 1).
    static constexpr double kNodeFontPixels = 12, kEdgeFontPixels = 11;
    int nodeFontPixels() const;
    int edgeFontPixels() const;
    /// The smallest text of the drawing (scene units).
    int smallestFontPixels() const;
    /// The rows the inputs are wrapped into (1 unless top to bottom is still too wide).
    int inputRows() const { return m_inputRows; }
    RankDirection direction() const { return m_direction; }

    /// The whole drawing with a margin.
    QRectF drawingRect() const;
    /// The drawing scaled into an image of `size` (aspect kept, centred) on white.
    QImage renderImage(const QSize& size) const;
    /// The drawing's own size times `scale`, in pixels.
    QSize naturalImageSize(double scale) const;

signals:
    /// Anything drawn changed: position, mode, graph, paths.
    void stateChanged();

private:
    void rebuild();
    void buildSteps();
    void refresh();
    int stepIndexOf(const std::vector<GraphStep>& steps, int node) const;
    QString valueLine(int node) const;
    QString derivativeLine(int node) const;
    QString derivativeSymbol(int node) const;

    std::optional<Expression> m_function;
    Eigen::VectorXd m_point;
    Granularity m_granularity = Granularity::Statements;
    int m_modeInput = -1;
    ComputationalGraph m_graph;
    std::vector<GraphStep> m_forward, m_second;
    std::vector<double> m_tangents;
    std::vector<int> m_forwardIndex, m_secondIndex; ///< node -> its step in each pass, or -1
    std::vector<int> m_edgeSecondIndex;             ///< edge -> its step in the second pass
    std::vector<double> m_edgeTerm;                 ///< edge -> the term it contributes there
    int m_position = 0;
    bool m_highlightWork = true;
    int m_pathsFrom = -1;
    PathEnumeration m_paths;
    int m_selectedPath = -1;
    std::vector<unsigned char> m_edgeOnPath;
    int m_marked = -1;
    QString m_message;
    std::vector<GraphNodeItem*> m_nodeItems;
    std::vector<GraphEdgeItem*> m_edgeItems;
    QGraphicsSimpleTextItem* m_messageItem = nullptr;
    QString m_layoutKey; ///< the structure laid out: a new point keeps the layout
    double m_maxWidth = std::numeric_limits<double>::infinity();
    double m_fontScale = 1.0;
    double m_leftToRightWidth = 0; ///< the left-to-right drawing's width at the last layout
    double m_drawnWidth = 0;       ///< the drawing's width at the last layout
    int m_inputRows = 1;           ///< rows the inputs wrap into (top to bottom, narrow)
    /// The width of the layout with one row of inputs fewer (infinite with one row): a view
    /// at least this wide lays out again with fewer rows.
    double m_fewerRowsWidth = std::numeric_limits<double>::infinity();
    RankDirection m_direction = RankDirection::LeftToRight;
};

/// A QGraphicsView that zooms with the wheel (about the cursor) and pans by dragging.
class GraphCanvas : public QGraphicsView {
    Q_OBJECT
public:
    using QGraphicsView::QGraphicsView;
    /// Text never drawn smaller than this on screen (pixels): a fit stops shrinking there.
    static constexpr double kMinTextPixels = 10;

    /// Fits the drawing into the view, and keeps fitting it as the view is resized until the
    /// wheel zooms. A drawing too big to fit with its smallest text at kMinTextPixels or more
    /// fits the view's width instead (at least at that text size) and scrolls down, starting
    /// at the top (the inputs). Emits fitted().
    void fit();
    bool autoFit() const { return m_autoFit; }
    /// Whether the drawing as fitted is as narrow as the view (no sideways scrolling).
    bool fitsWidth() const;
    /// Whether the last fit kept the readable scale (text at kMinTextPixels times the font
    /// scale at least), or had to shrink the drawing further (to kMinTextPixels at least).
    bool fitsReadably() const { return m_readably; }
    /// The scale at which the smallest text is kMinTextPixels times the font scale, and the
    /// one at which it is kMinTextPixels.
    double readableScale() const;
    double leastScale() const;
    /// The view's width the drawing needs at the readable scale (its scroll bar included).
    double readableWidth() const;

signals:
    /// After a fit: the owner may give the view more width when it does not fit it.
    void fitted();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    bool m_autoFit = true;
    bool m_readably = true;
};

/// The graph view: tool row (granularity, mode, step controls, paths, search, export), the
/// canvas and a side panel with the step's formula, the operation counts and the paths.
class GraphView : public QWidget {
    Q_OBJECT
public:
    explicit GraphView(QWidget* parent = nullptr);

    GraphScene* scene() const { return m_scene; }
    GraphCanvas* canvas() const { return m_canvas; }
    /// Shows f at x (see GraphScene::setFunction); an error is shown in the view.
    void setFunction(const Expression& f, const Eigen::VectorXd& x);
    /// Writes the drawing to a .png (at `size`) or .svg; returns the error or empty.
    QString exportTo(const QString& path, const QSize& size) const;

    QToolButton* stepForwardButton() const { return m_next; }
    QToolButton* stepBackButton() const { return m_previous; }
    QToolButton* playButton() const { return m_play; }
    QToolButton* restartButton() const { return m_restart; }
    QComboBox* modeBox() const { return m_mode; }
    QComboBox* granularityBox() const { return m_granularityBox; }
    QComboBox* pathsBox() const { return m_pathsBox; }
    QLineEdit* searchField() const { return m_search; }
    QTextBrowser* panel() const { return m_panel; }
    QListWidget* pathList() const { return m_pathList; }
    QLabel* stepLabel() const { return m_stepLabel; }
    /// The editor of input `input`'s value (nullptr past the editable ones).
    QLineEdit* inputEditor(int input) const;
    /// Shows a message where the step is written (an edit the document refused).
    void showMessage(const QString& message);

    /// Inputs with an editor each; a function with more is edited in the first ones only.
    static constexpr int kMaxInputEditors = 64;

signals:
    /// The person typed a new value for input `input` (the owner applies it to the document).
    void inputEdited(int input, double value);

public slots:
    void stepForward();
    void stepBack();
    void restart();
    void setPlaying(bool playing);
    /// Start, Back, Play or Pause, Step in the palette's button text colour (mediaicon.h).
    void setMediaIcons();

protected:
    /// Scrolls the node at work into view, with the nodes its step reads if they fit.
    void showWork();
    /// A new font (Preferences' font scale): the side panel's least width again, the
    /// drawing's text at the new scale.
    void changeEvent(QEvent* event) override;

private:
    void syncControls();
    void updatePanel();
    /// The side panel beside the drawing when the drawing fits beside it with readable text,
    /// else under it (the drawing takes the whole width): never a sideways scroll.
    void placeSidePanel();
    void fillInputBoxes();
    void fillInputEditors();
    /// Each input box as wide as the longest value it shows at its font now: at creation
    /// and after a font change (a font scale set with the graph open kept the old width).
    void sizeInputEditors();
    void exportDialog();
    void search();

    GraphScene* m_scene;
    GraphCanvas* m_canvas;
    QComboBox *m_granularityBox, *m_mode, *m_pathsBox;
    QToolButton *m_restart, *m_previous, *m_play, *m_next, *m_export;
    QLabel* m_stepLabel;
    QLineEdit* m_search;
    QTextBrowser* m_panel;
    QListWidget* m_pathList;
    QSplitter* m_split;
    QWidget* m_side;
    QTimer* m_timer;
    QStringList m_inputNames; ///< the inputs the boxes list
    QWidget* m_inputRow;
    QLabel* m_inputsLabel;
    QLabel* m_inputsNote;   ///< "(first 64 of 70 inputs)"
    QLayout* m_inputLayout; ///< a FieldGridLayout of "name =" and its box
    std::vector<QLineEdit*> m_inputEditors;
    QStringList m_editorNames; ///< the inputs the editors belong to
};

/// Writes a scene's drawing to `path`: PNG through QImage at `size`, SVG through
/// QSvgGenerator (paths and text, no raster). Returns the error or empty.
QString exportGraphScene(const GraphScene& scene, const QString& path, const QSize& size);

} // namespace gs
