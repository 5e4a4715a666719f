#include "graphview.h"
#include "fieldgrid.h"

#include "errorcolour.h"
#include "graphlayout.h"
#include "mediaicon.h"
#include "scenestyle.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QGraphicsSceneHoverEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStyle>
#include <QSvgGenerator>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <cmath>
#include <memory>

namespace gs {

namespace {

// The look of the graph, in one place. Scene units are Graphviz points.
namespace look {
// Every text has at least 4.5:1 and every line at least 3:1 (WCAG AA) against the fills it is
// on (GraphScene::inkOnGround lists the pairs; issue #9: unknown values #9a9a9a had 2.5:1,
// the active value #d35400 3.7:1, the other paths' lines #c39bd3 2.1:1). Two sets: a light
// picture on white (the light theme, and every export from the command line) and a dark one
// on the dark theme's ground (issue #9, tester s8: the canvas stayed white, s18.png).
struct Inks {
    QColor text, unknown, border, edge;
    QColor active;   ///< the node and edges at work
    QColor path;     ///< the selected path from an input
    QColor pathSoft; ///< the other paths
    QColor marked;   ///< the node found by name
    QColor product;  ///< a product the pass has used
    QColor inputFill, outputFill, nodeFill;
    QColor doneFill;    ///< the node at work
    QColor ground;      ///< the scene's, the view's and exports' ground
    QColor labelBorder; ///< an edge label's box (filled nodeFill, a little translucent)
};

const Inks kLight{QColor(0x22, 0x22, 0x22), QColor(0x66, 0x66, 0x66), QColor(0x55, 0x55, 0x55),
                  QColor(0x88, 0x88, 0x88), QColor(0xb3, 0x47, 0x00), QColor(0x8e, 0x44, 0xad),
                  QColor(0xa0, 0x70, 0xbb), QColor(0x1f, 0x6f, 0xd1), QColor(0x6b, 0x3a, 0x10),
                  QColor(0xe8, 0xf1, 0xfb), QColor(0xe9, 0xf6, 0xe9), QColor(0xff, 0xff, 0xff),
                  QColor(0xff, 0xf3, 0xe6), QColor(Qt::white),        QColor(0xdd, 0xdd, 0xdd)};
// On the dark theme's ground #1f1f24 (the 3-D views' and the fields'): light inks, dark
// tinted fills. Lowest ratios (python3, WCAG): node text 4.95:1 (unknown on the node at
// work), lines 4.78:1 (edges on the ground).
const Inks kDark{QColor(0xe6, 0xe6, 0xe6), QColor(0xa8, 0xa8, 0xa8), QColor(0xa0, 0xa0, 0xa8),
                 QColor(0x8a, 0x8a, 0x90), QColor(0xff, 0x9f, 0x52), QColor(0xc9, 0xa0, 0xe0),
                 QColor(0xa8, 0x8c, 0xc0), QColor(0x6a, 0xae, 0xff), QColor(0xe8, 0xb8, 0x88),
                 QColor(0x24, 0x34, 0x49), QColor(0x23, 0x3a, 0x29), QColor(0x2a, 0x2a, 0x31),
                 QColor(0x4a, 0x33, 0x1f), QColor(0x1f, 0x1f, 0x24), QColor(0x4a, 0x4a, 0x52)};

/// The set of the scenes' look now: dark when its ground is (luminance under mid-grey's).
const Inks& inks() {
    return rgbLuminance(sceneLook().background) < 0.18 ? kDark : kLight;
}

constexpr double nodePadding = 8;
constexpr double labelPadding = 3;
constexpr double drawingMargin = 24; // around the drawing, scene units
constexpr int maxExpressionChars = 48;
constexpr int playIntervalMs = 900;
constexpr double kExportScale = 2.0; ///< PNG at twice the drawing's size: sharp when printed

QFont font(int pixels, bool bold = false) { // pixels: scene units
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(pixels);
    f.setBold(bold);
    f.setStyleHint(QFont::SansSerif);
    return f;
}
} // namespace look

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

/// Numbers in the drawing and the panel: at most 6 significant digits (briefNumberText);
/// tooltips give every digit (fullNumber).
QString number(double v) {
    return text(briefNumberText(v));
}

QString fullNumber(double v) {
    return text(shortestNumberText(v));
}

/// "512 + 512", "512 - 512": the terms as the engine's formulas write them.
QString sumText(const std::vector<double>& terms) {
    QString s;
    for (std::size_t i = 0; i < terms.size(); ++i) {
        if (i == 0)
            s = number(terms[i]);
        else if (terms[i] < 0) // a zero term is "+ 0", whatever its sign bit
            s += QStringLiteral(" − ") + number(-terms[i]);
        else
            s += QStringLiteral(" + ") + number(terms[i]);
    }
    return s;
}

/// A number as a factor: negative ones in parentheses.
QString factor(double v) {
    const QString s = number(v);
    return v < 0 ? QLatin1Char('(') + s + QLatin1Char(')') : s;
}

QString elided(const QString& s) {
    return s.size() > look::maxExpressionChars
               ? s.left(look::maxExpressionChars - 1) + QChar(0x2026)
               : s;
}

} // namespace

// ---------------------------------------------------------------------------------------
// Items

class GraphNodeItem : public QGraphicsItem {
public:
    GraphNodeItem(const GraphScene* scene, int node, const QRectF& rect)
        : m_scene(scene)
        , m_node(node)
        , m_rect(rect) {
        setAcceptHoverEvents(true);
    }
    QRectF boundingRect() const override { return m_rect.adjusted(-3, -3, 3, 3); }
    QRectF rect() const { return m_rect; }

    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override {
        const ComputationalGraph& g = m_scene->graph();
        const GraphNode& node = g.nodes[std::size_t(m_node)];
        const bool active = m_scene->nodeActive(m_node);
        QColor fill = node.input >= 0      ? look::inks().inputFill
                      : m_node == g.output ? look::inks().outputFill
                                           : look::inks().nodeFill;
        QPen pen(look::inks().border, 1.2);
        if (active) {
            fill = look::inks().doneFill;
            pen = QPen(look::inks().active, 3);
        } else if (m_scene->markedNode() == m_node) {
            pen = QPen(look::inks().marked, 3);
        } else if (m_scene->pathsFrom() >= 0 && onPath()) {
            pen = QPen(look::inks().path, 2.5);
        }
        p->setRenderHint(QPainter::Antialiasing);
        p->setPen(pen);
        p->setBrush(fill);
        p->drawRoundedRect(m_rect, 6, 6);
        const QStringList lines = m_scene->nodeLines(m_node);
        double y = m_rect.top() + look::nodePadding;
        for (int i = 0; i < lines.size(); ++i) {
            const QFont f = look::font(m_scene->nodeFontPixels(), i == 0);
            p->setFont(f);
            const bool unknown = lines[i].endsWith(QLatin1Char('?'));
            p->setPen(unknown ? look::inks().unknown
                              : (active && i == 3 ? look::inks().active : look::inks().text));
            const QFontMetricsF m(f);
            p->drawText(QPointF(m_rect.left() + look::nodePadding, y + m.ascent()), lines[i]);
            y += m.height();
        }
    }

private:
    bool onPath() const {
        for (const int e : m_scene->graph().nodes[std::size_t(m_node)].outEdges)
            if (m_scene->edgeOnPath(e))
                return true;
        return m_node == m_scene->graph().output;
    }
    const GraphScene* m_scene;
    int m_node;
    QRectF m_rect;
};

class GraphEdgeItem : public QGraphicsItem {
public:
    GraphEdgeItem(const GraphScene* scene, int edge, const EdgeRoute& route)
        : m_scene(scene)
        , m_edge(edge) {
        setAcceptHoverEvents(true);
        if (!route.spline.empty()) {
            m_path.moveTo(route.spline.front());
            for (std::size_t i = 1; i + 2 < route.spline.size(); i += 3)
                m_path.cubicTo(route.spline[i], route.spline[i + 1], route.spline[i + 2]);
            QPointF end = route.spline.back();
            if (route.hasArrow) {
                m_path.lineTo(route.arrowTip);
                m_tip = route.arrowTip;
            } else {
                m_tip = end;
                end = route.spline.size() > 1 ? route.spline[route.spline.size() - 2] : end;
            }
            // An arrow head 9 points long, 7 wide, along the last stretch.
            QPointF d = m_tip - end;
            const double len = std::hypot(d.x(), d.y());
            d = len > 0 ? d / len : QPointF(1, 0);
            const QPointF n(-d.y(), d.x());
            m_arrow << m_tip << m_tip - 9 * d + 3.5 * n << m_tip - 9 * d - 3.5 * n;
            m_labelCenter = route.labelCenter;
        }
        setZValue(-1);
    }

    QRectF labelRect() const {
        const QStringList lines = m_scene->edgeLines(m_edge);
        const QFontMetricsF m(look::font(m_scene->edgeFontPixels()));
        double w = 0;
        for (const QString& l : lines)
            w = std::max(w, m.horizontalAdvance(l));
        const double h = m.height() * lines.size();
        return QRectF(m_labelCenter.x() - w / 2 - look::labelPadding,
                      m_labelCenter.y() - h / 2 - look::labelPadding, w + 2 * look::labelPadding,
                      h + 2 * look::labelPadding);
    }
    QRectF boundingRect() const override {
        // Room for the longest label a pass can write (the product line).
        return m_path.boundingRect()
            .united(QPolygonF(m_arrow).boundingRect())
            .adjusted(-4, -4, 4, 4)
            .united(labelRect().adjusted(-60, -20, 60, 20));
    }

    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override {
        p->setRenderHint(QPainter::Antialiasing);
        QColor c = look::inks().edge;
        double width = 1.3;
        if (m_scene->edgeActive(m_edge)) {
            c = look::inks().active;
            width = 3;
        } else if (m_scene->edgeOnPath(m_edge)) {
            c = look::inks().path;
            width = 3;
        } else if (m_scene->pathsFrom() >= 0 && onAnyPath()) {
            c = look::inks().pathSoft;
            width = 2;
        }
        p->setPen(QPen(c, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p->setBrush(Qt::NoBrush);
        p->drawPath(m_path);
        p->setPen(Qt::NoPen);
        p->setBrush(c);
        p->drawPolygon(m_arrow);

        const QStringList lines = m_scene->edgeLines(m_edge);
        const QRectF r = labelRect();
        p->setPen(QPen(look::inks().labelBorder, 0.8));
        QColor box = look::inks().nodeFill;
        box.setAlpha(235);
        p->setBrush(box);
        p->drawRoundedRect(r, 3, 3);
        const QFont f = look::font(m_scene->edgeFontPixels());
        const QFontMetricsF m(f);
        p->setFont(f);
        double y = r.top() + look::labelPadding;
        const bool active = m_scene->edgeActive(m_edge);
        for (int i = 0; i < lines.size(); ++i) {
            p->setPen(i == 0   ? look::inks().text
                      : active ? look::inks().active
                               : look::inks().product);
            const double w = m.horizontalAdvance(lines[i]);
            p->drawText(QPointF(r.center().x() - w / 2, y + m.ascent()), lines[i]);
            y += m.height();
        }
    }

private:
    bool onAnyPath() const {
        for (const GraphPath& path : m_scene->paths().paths)
            for (const int e : path.edges)
                if (e == m_edge)
                    return true;
        return false;
    }
    const GraphScene* m_scene;
    int m_edge;
    QPainterPath m_path;
    QPolygonF m_arrow;
    QPointF m_tip, m_labelCenter;
};

// ---------------------------------------------------------------------------------------
// GraphScene

GraphScene::GraphScene(QObject* parent)
    : QGraphicsScene(parent) {
    setBackgroundBrush(look::inks().ground);
}

GraphScene::~GraphScene() = default;

void GraphScene::applyLook() {
    setBackgroundBrush(look::inks().ground);
    if (m_messageItem)
        m_messageItem->setBrush(look::inks().text);
    update();
}

QColor GraphScene::ground() const {
    return look::inks().ground;
}

QString GraphScene::setFunction(const Expression& f, const Eigen::VectorXd& x) {
    const int oldCount = stepCount();
    const bool first = !m_function.has_value();
    const auto oldInputs = m_graph.inputs;
    m_function = f;
    m_point = x;
    m_graph = buildGraph(f, x, m_granularity);
    if (m_graph.inputs != oldInputs) {
        m_modeInput = -1;
        m_pathsFrom = -1;
    }
    buildSteps();
    if (first || stepCount() != oldCount)
        m_position = stepCount();
    rebuild();
    return m_message;
}

void GraphScene::setGranularity(Granularity g) {
    if (g == m_granularity)
        return;
    m_granularity = g;
    if (!m_function)
        return;
    m_graph = buildGraph(*m_function, m_point, m_granularity);
    m_pathsFrom = -1;
    m_marked = -1;
    buildSteps();
    m_position = stepCount();
    rebuild();
}

void GraphScene::setForwardModeInput(int input) {
    if (input >= int(m_graph.inputs.size()))
        input = -1;
    if (input == m_modeInput)
        return;
    m_modeInput = input;
    buildSteps();
    m_position = std::min(m_position, stepCount());
    rebuild(); // the labels' products change width
}

void GraphScene::buildSteps() {
    m_forward = forwardSteps(m_graph);
    m_second = m_modeInput >= 0 ? forwardModeSteps(m_graph, m_modeInput) : reverseSteps(m_graph);
    m_tangents = m_modeInput >= 0 ? forwardTangents(m_graph, m_modeInput) : std::vector<double>{};
    const std::size_t n = m_graph.nodes.size();
    m_forwardIndex.assign(n, -1);
    m_secondIndex.assign(n, -1);
    m_edgeSecondIndex.assign(m_graph.edges.size(), -1);
    m_edgeTerm.assign(m_graph.edges.size(), 0.0);
    for (std::size_t i = 0; i < m_forward.size(); ++i)
        m_forwardIndex[std::size_t(m_forward[i].node)] = int(i);
    for (std::size_t i = 0; i < m_second.size(); ++i) {
        const GraphStep& s = m_second[i];
        m_secondIndex[std::size_t(s.node)] = int(i);
        for (std::size_t k = 0; k < s.edges.size() && k < s.terms.size(); ++k) {
            m_edgeSecondIndex[std::size_t(s.edges[k])] = int(i);
            m_edgeTerm[std::size_t(s.edges[k])] = s.terms[k];
        }
    }
    if (m_pathsFrom >= int(n))
        m_pathsFrom = -1;
    m_paths = m_pathsFrom >= 0 ? enumeratePaths(m_graph, m_pathsFrom) : PathEnumeration{};
    if (m_selectedPath >= int(m_paths.paths.size()))
        m_selectedPath = -1;
    m_edgeOnPath.assign(m_graph.edges.size(), 0);
    for (std::size_t i = 0; i < m_paths.paths.size(); ++i)
        if (m_selectedPath < 0 || int(i) == m_selectedPath)
            for (const int e : m_paths.paths[i].edges)
                m_edgeOnPath[std::size_t(e)] = 1;
}

int GraphScene::stepCount() const {
    return int(m_forward.size() + m_second.size());
}

void GraphScene::setPosition(int position) {
    position = std::clamp(position, 0, stepCount());
    if (position == m_position)
        return;
    m_position = position;
    refresh();
}

const GraphStep* GraphScene::currentStep() const {
    if (m_position <= 0)
        return nullptr;
    const std::size_t k = std::size_t(m_position - 1);
    return k < m_forward.size() ? &m_forward[k] : &m_second[k - m_forward.size()];
}

GraphScene::Pass GraphScene::currentPass() const {
    if (m_position <= 0)
        return Pass::None;
    if (std::size_t(m_position) <= m_forward.size())
        return Pass::Forward;
    return m_modeInput >= 0 ? Pass::Tangent : Pass::Reverse;
}

int GraphScene::activeNode() const {
    const GraphStep* s = currentStep();
    return s ? s->node : -1;
}

void GraphScene::setHighlightWork(bool on) {
    m_highlightWork = on;
    refresh();
}

bool GraphScene::nodeActive(int node) const {
    return m_highlightWork && node >= 0 && node == activeNode();
}

bool GraphScene::edgeActive(int edge) const {
    const GraphStep* s = m_highlightWork ? currentStep() : nullptr;
    return s && std::find(s->edges.begin(), s->edges.end(), edge) != s->edges.end();
}

bool GraphScene::edgeOnPath(int edge) const {
    return edge >= 0 && std::size_t(edge) < m_edgeOnPath.size() && m_edgeOnPath[std::size_t(edge)];
}

QString GraphScene::derivativeSymbol(int node) const {
    const QString name = text(m_graph.nodes[std::size_t(node)].name);
    // A total derivative (every path): d; the edges' local partials are ∂.
    if (m_modeInput >= 0)
        return QStringLiteral("d%1/d%2").arg(name, text(m_graph.inputs[std::size_t(m_modeInput)]));
    return QStringLiteral("d%1/d%2").arg(text(m_graph.nodes[std::size_t(m_graph.output)].name),
                                         name);
}

bool GraphScene::valueKnown(int node) const {
    const int k = m_forwardIndex[std::size_t(node)];
    return m_graph.nodes[std::size_t(node)].input >= 0 || (k >= 0 && k < m_position);
}

bool GraphScene::derivativeKnown(int node) const {
    if (m_modeInput >= 0 && m_graph.nodes[std::size_t(node)].input >= 0)
        return true; // dx/dx = 1, dy/dx = 0: the seeds of forward mode
    const int k = m_secondIndex[std::size_t(node)];
    return k >= 0 && k < m_position - int(m_forward.size()); // steps of the second pass done
}

QString GraphScene::valueLine(int node) const {
    return QStringLiteral("value = ") + (valueKnown(node)
                                             ? number(m_graph.nodes[std::size_t(node)].value)
                                             : QStringLiteral("?"));
}

QString GraphScene::derivativeLine(int node) const {
    const QString symbol = derivativeSymbol(node) + QStringLiteral(" = ");
    if (m_modeInput >= 0 && node == m_modeInput)
        return symbol + QStringLiteral("1");
    if (m_modeInput >= 0 && m_graph.nodes[std::size_t(node)].input >= 0)
        return symbol + QStringLiteral("0");
    if (!derivativeKnown(node))
        return symbol + QStringLiteral("?");
    const GraphStep& s = m_second[std::size_t(m_secondIndex[std::size_t(node)])];
    // An accumulating node writes its sum out: "512 + 512 = 1024".
    if (s.terms.size() > 1)
        return symbol + sumText(s.terms) + QStringLiteral(" = ") + number(s.result);
    return symbol + number(s.result);
}

QStringList GraphScene::nodeLines(int node) const {
    const GraphNode& n = m_graph.nodes[std::size_t(node)];
    QString title = text(n.name);
    if (n.input >= 0)
        title += QStringLiteral("   (input)");
    else if (node == m_graph.output)
        title += QStringLiteral("   (output)");
    const QString expression =
        n.input >= 0 ? QStringLiteral("input") : QStringLiteral("= ") + elided(text(n.expression));
    return {title, expression, valueLine(node), derivativeLine(node)};
}

QStringList GraphScene::edgeLines(int edge) const {
    const GraphEdge& e = m_graph.edges[std::size_t(edge)];
    const QString to = text(m_graph.nodes[std::size_t(e.to)].name);
    const QString from = text(m_graph.nodes[std::size_t(e.from)].name);
    // The local partial is computed with the child's value, in the forward pass.
    QStringList lines{
        QStringLiteral("∂%1/∂%2 = %3")
            .arg(to, from, valueKnown(e.to) ? number(e.localPartial) : QStringLiteral("?"))};
    const int k = m_edgeSecondIndex[std::size_t(edge)];
    const int done = m_position - int(m_forward.size());
    if (k >= 0 && k < done) {
        const double term = m_edgeTerm[std::size_t(edge)];
        if (m_modeInput >= 0) // local partial · tangent(parent)
            lines << QStringLiteral("%1·%2 = %3")
                         .arg(factor(e.localPartial), factor(m_tangents[std::size_t(e.from)]),
                              number(term));
        else // adjoint(child) · local partial
            lines << QStringLiteral("%1·%2 = %3")
                         .arg(factor(m_graph.nodes[std::size_t(e.to)].adjoint),
                              factor(e.localPartial), number(term));
    }
    return lines;
}

QString GraphScene::nodeToolTip(int node) const {
    QStringList parts;
    const int f = m_forwardIndex[std::size_t(node)];
    if (f >= 0)
        parts << text(m_forward[std::size_t(f)].formula);
    else
        parts << QStringLiteral("%1 = %2 (input)")
                     .arg(text(m_graph.nodes[std::size_t(node)].name),
                          fullNumber(m_graph.nodes[std::size_t(node)].value));
    const int s = m_secondIndex[std::size_t(node)];
    if (s >= 0)
        parts << text(m_second[std::size_t(s)].formula);
    return parts.join(QLatin1Char('\n'));
}

int GraphScene::stepIndexOf(const std::vector<GraphStep>& steps, int node) const {
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].node == node)
            return int(i);
    return -1;
}

void GraphScene::showPathsFrom(int from) {
    if (from >= int(m_graph.nodes.size()))
        from = -1;
    m_pathsFrom = from;
    m_selectedPath = -1;
    buildSteps();
    refresh();
}

void GraphScene::setSelectedPath(int path) {
    m_selectedPath = path;
    buildSteps();
    refresh();
}

int GraphScene::markNode(const QString& name) {
    const QString wanted = name.trimmed();
    m_marked = -1;
    if (!wanted.isEmpty()) {
        m_marked = m_graph.find(wanted.toStdString());
        for (std::size_t k = 0; m_marked < 0 && k < m_graph.nodes.size(); ++k)
            if (text(m_graph.nodes[k].name).contains(wanted, Qt::CaseInsensitive))
                m_marked = int(k);
    }
    refresh();
    return m_marked;
}

void GraphScene::setFontScale(double scale) {
    if (!(scale > 0) || scale == m_fontScale)
        return;
    m_fontScale = scale;
    if (!m_nodeItems.empty() || m_messageItem)
        rebuild(); // the boxes and labels take the new text's size
}

int GraphScene::nodeFontPixels() const {
    return int(std::lround(kNodeFontPixels * m_fontScale));
}

int GraphScene::edgeFontPixels() const {
    return int(std::lround(kEdgeFontPixels * m_fontScale));
}

int GraphScene::smallestFontPixels() const {
    return std::min(nodeFontPixels(), edgeFontPixels());
}

void GraphScene::setMaxWidth(double width) {
    // The layout's own width, without the drawing's margins (drawingRect).
    width -= 2 * look::drawingMargin;
    m_maxWidth = width;
    const RankDirection wanted =
        m_leftToRightWidth <= width ? RankDirection::LeftToRight : RankDirection::TopToBottom;
    // Top to bottom: more rows of inputs may fit a narrower width, fewer a wider one.
    const double drawn = m_drawnWidth;
    const bool rewrap = m_direction == RankDirection::TopToBottom &&
                        ((drawn > width && m_inputRows < int(m_graph.inputs.size())) ||
                         (m_inputRows > 1 && m_fewerRowsWidth <= width));
    if ((wanted != m_direction || rewrap) && !m_nodeItems.empty())
        rebuild(); // keeps left to right if top to bottom is no narrower
}

QRectF GraphScene::nodeRect(int node) const {
    if (node < 0 || std::size_t(node) >= m_nodeItems.size())
        return {};
    return m_nodeItems[std::size_t(node)]->rect();
}

void GraphScene::rebuild() {
    clear(); // deletes the items
    m_nodeItems.clear();
    m_edgeItems.clear();
    m_messageItem = nullptr;
    m_message.clear();
    const std::size_t n = m_graph.nodes.size();
    if (n > std::size_t(kMaxDrawnNodes)) {
        m_message = QStringLiteral("The graph has %1 nodes, more than the %2 drawn; collapse it "
                                   "to statements (one node per named statement).")
                        .arg(n)
                        .arg(kMaxDrawnNodes);
        m_messageItem = addSimpleText(m_message, look::font(nodeFontPixels()));
        m_messageItem->setBrush(look::inks().text);
        setSceneRect(itemsBoundingRect());
        emit stateChanged();
        return;
    }
    // Each box is as wide as the longest text it can show: its lines once every pass is done.
    const int savedPosition = m_position;
    m_position = stepCount();
    std::vector<QSizeF> sizes;
    for (std::size_t k = 0; k < n; ++k) {
        const QStringList lines = nodeLines(int(k));
        double w = 0, h = 0;
        for (int i = 0; i < lines.size(); ++i) {
            const QFontMetricsF m(look::font(nodeFontPixels(), i == 0));
            w = std::max(w, m.horizontalAdvance(lines[i]));
            h += m.height();
        }
        sizes.emplace_back(std::max(w + 2 * look::nodePadding, 90.0), h + 2 * look::nodePadding);
    }
    m_position = savedPosition;
    std::vector<LayoutEdge> edges;
    for (const GraphEdge& e : m_graph.edges)
        edges.push_back({e.from, e.to});
    // Each edge label as large as its two lines get (local partial; the product).
    LayoutOptions options;
    {
        const QFontMetricsF m(look::font(edgeFontPixels()));
        m_position = stepCount();
        for (std::size_t k = 0; k < m_graph.edges.size(); ++k) {
            double w = 0;
            for (const QString& line : edgeLines(int(k)))
                w = std::max(w, m.horizontalAdvance(line));
            options.edgeLabels.emplace_back(w + 2 * look::labelPadding + 4,
                                            2 * m.height() + 2 * look::labelPadding);
        }
        m_position = savedPosition;
    }
    for (std::size_t i = 0; i < m_graph.inputs.size(); ++i)
        options.firstLayer.push_back(int(i));
    options.rankSeparation = 16; // the labels sit in layers of their own between the nodes
    options.nodeSeparation = 14;
    // Left to right (inputs at the left, as the book draws it) when that fits the width a
    // view allows (setMaxWidth); else top to bottom, narrower, to scroll down instead.
    GraphLayout layout = layoutGraph(sizes, edges, options);
    m_leftToRightWidth = layout.bounds.width();
    m_direction = RankDirection::LeftToRight;
    if (layout.error.isEmpty() && m_leftToRightWidth > m_maxWidth) {
        options.direction = RankDirection::TopToBottom;
        GraphLayout down = layoutGraph(sizes, edges, options);
        if (down.error.isEmpty() && down.bounds.width() < layout.bounds.width()) {
            layout = std::move(down);
            m_direction = RankDirection::TopToBottom;
        }
        // Still too wide (four inputs side by side, their edges' labels in one layer): the
        // inputs wrap into 2, 3, ... rows, the first layout that fits the width (else the
        // narrowest), so that the drawing fits the width and scrolls down.
        m_inputRows = 1;
        m_fewerRowsWidth = std::numeric_limits<double>::infinity();
        for (int rows = 2;
             m_direction == RankDirection::TopToBottom && layout.bounds.width() > m_maxWidth &&
             rows <= int(options.firstLayer.size());
             ++rows) {
            options.firstLayerRows = rows;
            GraphLayout wrapped = layoutGraph(sizes, edges, options);
            if (wrapped.error.isEmpty() && wrapped.bounds.width() < layout.bounds.width()) {
                m_fewerRowsWidth = layout.bounds.width(); // a view this wide takes fewer
                layout = std::move(wrapped);
                m_inputRows = rows;
            }
        }
    } else {
        m_inputRows = 1;
        m_fewerRowsWidth = std::numeric_limits<double>::infinity();
    }
    m_drawnWidth = layout.bounds.width();
    if (!layout.error.isEmpty()) {
        m_message = layout.error;
        m_messageItem = addSimpleText(m_message, look::font(nodeFontPixels()));
        m_messageItem->setBrush(look::inks().text);
        emit stateChanged();
        return;
    }
    for (std::size_t k = 0; k < m_graph.edges.size(); ++k) {
        auto* item = new GraphEdgeItem(this, int(k), layout.edges[k]);
        addItem(item);
        m_edgeItems.push_back(item);
    }
    for (std::size_t k = 0; k < n; ++k) {
        const QSizeF s = sizes[k];
        const QPointF c = layout.centers[k];
        auto* item = new GraphNodeItem(
            this, int(k),
            QRectF(c.x() - s.width() / 2, c.y() - s.height() / 2, s.width(), s.height()));
        addItem(item);
        m_nodeItems.push_back(item);
    }
    setSceneRect(drawingRect());
    refresh();
}

void GraphScene::refresh() {
    for (std::size_t k = 0; k < m_nodeItems.size(); ++k) {
        m_nodeItems[k]->setToolTip(nodeToolTip(int(k)));
        m_nodeItems[k]->update();
    }
    for (std::size_t k = 0; k < m_edgeItems.size(); ++k) {
        const GraphEdge& e = m_graph.edges[k];
        QString tip =
            QStringLiteral("local partial ∂%1/∂%2 = %3")
                .arg(text(m_graph.nodes[std::size_t(e.to)].name),
                     text(m_graph.nodes[std::size_t(e.from)].name), fullNumber(e.localPartial));
        const QStringList lines = edgeLines(int(k));
        if (lines.size() > 1)
            tip += QStringLiteral("\ncontributes %1").arg(lines[1]);
        m_edgeItems[k]->setToolTip(tip);
        m_edgeItems[k]->update();
    }
    update();
    emit stateChanged();
}

QRectF GraphScene::drawingRect() const {
    QRectF r;
    for (const auto* item : m_nodeItems)
        r = r.united(item->rect());
    for (const auto* item : m_edgeItems)
        r = r.united(item->labelRect());
    if (m_messageItem)
        r = r.united(m_messageItem->sceneBoundingRect());
    return r.adjusted(-look::drawingMargin, -look::drawingMargin, look::drawingMargin,
                      look::drawingMargin);
}

QImage GraphScene::renderImage(const QSize& size) const {
    QImage image(size, QImage::Format_ARGB32);
    image.fill(look::inks().ground);
    QPainter p(&image);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    // The drawing scaled to fit, centred: scale = min(W / w, H / h).
    const QRectF source = drawingRect();
    const double scale = std::min(size.width() / source.width(), size.height() / source.height());
    const QSizeF fitted = source.size() * scale;
    const QRectF target(
        QPointF((size.width() - fitted.width()) / 2, (size.height() - fitted.height()) / 2),
        fitted);
    const_cast<GraphScene*>(this)->render(&p, target, source, Qt::IgnoreAspectRatio);
    return image;
}

QSize GraphScene::naturalImageSize(double scale) const {
    const QRectF r = drawingRect();
    return QSize(int(std::ceil(r.width() * scale)), int(std::ceil(r.height() * scale)));
}

QString exportGraphScene(const GraphScene& scene, const QString& path, const QSize& size) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg")) {
        const QRectF source = scene.drawingRect();
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(source.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
        svg.setTitle(QStringLiteral("Computational graph"));
        svg.setDescription(QStringLiteral("gradscape: values, adjoints and local partials"));
        QPainter p;
        if (!p.begin(&svg))
            return QStringLiteral("cannot write '%1'").arg(path);
        p.fillRect(QRectF(QPointF(0, 0), source.size()), look::inks().ground);
        const_cast<GraphScene&>(scene).render(&p, QRectF(QPointF(0, 0), source.size()), source);
        p.end();
        return QFileInfo(path).size() > 0 ? QString()
                                          : QStringLiteral("cannot write '%1'").arg(path);
    }
    if (suffix != QLatin1String("png"))
        return QStringLiteral("'%1': the graph exports as .png or .svg").arg(path);
    if (!scene.renderImage(size).save(path, "PNG"))
        return QStringLiteral("cannot write '%1'").arg(path);
    return {};
}

// ---------------------------------------------------------------------------------------
// GraphCanvas

void GraphCanvas::fit() {
    m_autoFit = true;
    if (!scene())
        return;
    QRectF r = scene()->sceneRect();
    // The room without scroll bars; one, once needed, takes its extent from the other axis.
    const QSize room = contentsRect().size();
    const int bar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    if (r.isEmpty() || room.isEmpty())
        return;
    // The whole drawing if its text stays readable (its smallest text is smallestFontPixels
    // scene units, drawn at scale s as s times that many pixels: readable at kMinTextPixels
    // times the font scale, a lecture's font reads larger); else the whole width, scrolling
    // down, at least at the readable scale; and a drawing too wide for that (the owner then
    // gives the view more width: fitsReadably) shrinks to the width down to kMinTextPixels.
    // Never magnified past natural size. (It scrolled across when fitting the height was
    // larger: issue #9, the graph's labels were cut at the right edge.)
    const double readable = readableScale(), least = leastScale();
    // A drawing wider than the view allows at the readable scale is laid out top to bottom
    // (GraphScene::setMaxWidth), so that it scrolls down, not across.
    if (auto* graph = dynamic_cast<GraphScene*>(scene())) {
        graph->setMaxWidth((room.width() - bar) / readable);
        r = scene()->sceneRect();
        if (r.isEmpty())
            return;
    }
    const double whole = std::min(room.width() / r.width(), room.height() / r.height());
    const double width = (room.width() - bar) / r.width();
    double s = whole >= readable ? whole : width >= readable ? width : std::max(least, width);
    s = std::min(s, 1.0);
    m_readably = s >= std::min(1.0, readable) - 1e-9;
    setTransform(QTransform::fromScale(s, s));
    // Start at the top left, where dot puts the inputs (a scroll bar without range is 0).
    horizontalScrollBar()->setValue(horizontalScrollBar()->minimum());
    verticalScrollBar()->setValue(verticalScrollBar()->minimum());
    emit fitted();
}

bool GraphCanvas::fitsWidth() const {
    return horizontalScrollBar()->maximum() <= 0;
}

double GraphCanvas::readableScale() const {
    const auto* graph = dynamic_cast<const GraphScene*>(scene());
    return graph ? kMinTextPixels * graph->fontScale() / graph->smallestFontPixels()
                 : kMinTextPixels / GraphScene::kEdgeFontPixels;
}

double GraphCanvas::leastScale() const {
    const auto* graph = dynamic_cast<const GraphScene*>(scene());
    return kMinTextPixels / (graph ? graph->smallestFontPixels() : GraphScene::kEdgeFontPixels);
}

double GraphCanvas::readableWidth() const {
    const QGraphicsScene* s = scene();
    if (!s)
        return 0;
    const int bar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    return s->sceneRect().width() * std::min(1.0, readableScale()) + bar + 2 * frameWidth();
}

void GraphCanvas::wheelEvent(QWheelEvent* event) {
    // One notch (120) zooms by 15 %, about the point under the cursor.
    const double factor = std::pow(1.15, event->angleDelta().y() / 120.0);
    const double s = transform().m11() * factor;
    if (s < 0.05 || s > 8)
        return;
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    scale(factor, factor);
    m_autoFit = false;
    event->accept();
}

void GraphCanvas::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (m_autoFit)
        fit();
}

// ---------------------------------------------------------------------------------------
// GraphView

namespace {
QToolButton* toolButton(const QString& label, const QString& tip) {
    auto* b = new QToolButton;
    b->setText(label);
    b->setToolTip(tip);
    b->setAutoRaise(false);
    b->setFocusPolicy(Qt::StrongFocus);
    return b;
}
} // namespace

GraphView::GraphView(QWidget* parent)
    : QWidget(parent)
    , m_scene(new GraphScene(this)) {
    m_canvas = new GraphCanvas(m_scene);
    m_canvas->setObjectName(QStringLiteral("graphCanvas"));
    m_canvas->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    m_canvas->setDragMode(QGraphicsView::ScrollHandDrag);
    m_canvas->setBackgroundBrush(look::inks().ground);

    m_granularityBox = new QComboBox;
    m_granularityBox->addItem(tr("Statements"));
    m_granularityBox->addItem(tr("Operations"));
    m_granularityBox->setToolTip(
        tr("One node per named statement, or one per operation (the fine-grained graph)"));
    m_mode = new QComboBox;
    m_mode->setToolTip(tr("The reverse pass (all partials at once) or forward mode for one input"));
    m_restart = toolButton(tr("Start"), tr("Back to the start (Home)"));
    m_previous = toolButton(tr("Back"), tr("Step back (Left)"));
    m_play = toolButton(tr("Play"), tr("Play the passes step by step (P)"));
    m_play->setCheckable(true);
    m_next = toolButton(tr("Step"), tr("Step forward (Right)"));
    for (QToolButton* b : {m_restart, m_previous, m_play, m_next})
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setMediaIcons();
    m_next->setObjectName(QStringLiteral("graphStep"));
    m_stepLabel = new QLabel;
    m_stepLabel->setMinimumWidth(120);
    m_pathsBox = new QComboBox;
    m_pathsBox->setToolTip(tr("Highlight every path from an input to the output, with the "
                              "product of its local partials; their sum is the partial"));
    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Find node…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(130);
    m_export = toolButton(tr("Export…"), tr("Save the graph as PNG or SVG"));
    // The inputs' values, editable: the owner applies an edit to the document.
    // The boxes wrap into rows (FieldGridLayout): in one row, six inputs of the matrix
    // examples widened the window past a 1280-pixel screen (tester s19).
    m_inputRow = new QWidget;
    auto* inputRow = new QHBoxLayout(m_inputRow);
    inputRow->setContentsMargins(0, 0, 0, 0);
    m_inputsLabel = new QLabel(tr("Inputs:"));
    m_inputsNote = new QLabel;
    auto* boxes = new QWidget;
    m_inputLayout = new FieldGridLayout(boxes);
    inputRow->addWidget(m_inputsLabel, 0, Qt::AlignTop);
    inputRow->addWidget(boxes, 1);
    inputRow->addWidget(m_inputsNote, 0, Qt::AlignTop);

    // Two rows, so the view fits beside the 3-D view: what is shown, then the steps.
    auto* tools = new QVBoxLayout;
    tools->setContentsMargins(4, 4, 4, 0);
    auto* shown = new QHBoxLayout;
    shown->addWidget(m_granularityBox);
    shown->addWidget(m_mode);
    shown->addWidget(m_pathsBox);
    shown->addStretch(1);
    shown->addWidget(m_search);
    shown->addWidget(m_export);
    auto* steps = new QHBoxLayout;
    steps->addWidget(m_restart);
    steps->addWidget(m_previous);
    steps->addWidget(m_play);
    steps->addWidget(m_next);
    steps->addWidget(m_stepLabel, 1);
    tools->addLayout(shown);
    tools->addWidget(m_inputRow);
    tools->addLayout(steps);

    m_panel = new QTextBrowser;
    m_panel->setObjectName(QStringLiteral("graphPanel"));
    // Lines break between words only (Qt's default also breaks inside a word that does not
    // fit: the table's header read "revers" / "e"); the table's columns take their words'
    // widths.
    m_panel->setWordWrapMode(QTextOption::WordWrap);
    m_pathList = new QListWidget;
    m_pathList->setObjectName(QStringLiteral("graphPaths"));
    m_pathList->hide();
    m_side = new QWidget;
    auto* sideLayout = new QVBoxLayout(m_side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_panel, 2);
    sideLayout->addWidget(m_pathList, 1);
    m_split = new QSplitter;
    m_split->setChildrenCollapsible(false);
    m_split->addWidget(m_canvas);
    m_split->addWidget(m_side);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 1);
    m_split->setSizes({800, 230});
    m_scene->setFontScale(sceneLook().fontScale);
    // Queued: the splitter turns after the fit that asked for it, not inside its resize.
    connect(m_canvas, &GraphCanvas::fitted, this, &GraphView::placeSidePanel, Qt::QueuedConnection);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(tools);
    layout->addWidget(m_split, 1);

    m_timer = new QTimer(this);
    m_timer->setInterval(look::playIntervalMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_scene->position() >= m_scene->stepCount())
            setPlaying(false);
        else
            stepForward();
    });
    connect(m_next, &QToolButton::clicked, this, &GraphView::stepForward);
    connect(m_previous, &QToolButton::clicked, this, &GraphView::stepBack);
    connect(m_restart, &QToolButton::clicked, this, &GraphView::restart);
    connect(m_play, &QToolButton::toggled, this, &GraphView::setPlaying);
    connect(m_granularityBox, &QComboBox::activated, this, [this](int i) {
        m_scene->setGranularity(i == 0 ? Granularity::Statements : Granularity::Operations);
        fillInputBoxes();
        m_canvas->fit();
    });
    connect(m_mode, &QComboBox::activated, this,
            [this](int i) { m_scene->setForwardModeInput(i - 1); });
    connect(m_pathsBox, &QComboBox::activated, this,
            [this](int i) { m_scene->showPathsFrom(i == 0 ? -1 : i - 1); });
    connect(m_pathList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < int(m_scene->paths().paths.size()))
            m_scene->setSelectedPath(row);
        else
            m_scene->setSelectedPath(-1);
    });
    connect(m_search, &QLineEdit::returnPressed, this, &GraphView::search);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& t) {
        if (t.isEmpty())
            m_scene->markNode({});
    });
    connect(m_export, &QToolButton::clicked, this, &GraphView::exportDialog);
    connect(m_scene, &GraphScene::stateChanged, this, [this] {
        syncControls();
        updatePanel();
    });
    // Keys while the view has focus: Right/Left step, P plays, Home restarts (Space is left to
    // the focused button).
    const auto shortcut = [this](QKeySequence key, auto slot) {
        auto* s = new QShortcut(key, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::Key_Right), [this] { stepForward(); });
    shortcut(QKeySequence(Qt::Key_Left), [this] { stepBack(); });
    shortcut(QKeySequence(Qt::Key_Home), [this] { restart(); });
    shortcut(QKeySequence(Qt::Key_P), [this] { m_play->toggle(); });
    syncControls();
}

void GraphView::setFunction(const Expression& f, const Eigen::VectorXd& x) {
    m_scene->setFunction(f, x);
    fillInputBoxes();
    fillInputEditors();
    if (m_canvas->autoFit())
        m_canvas->fit();
}

void GraphView::fillInputBoxes() {
    QStringList names;
    for (const auto& n : m_scene->graph().inputs)
        names << QString::fromStdString(n);
    if (names == m_inputNames && m_mode->count() > 0) {
        m_granularityBox->setCurrentIndex(
            m_scene->graph().granularity == Granularity::Statements ? 0 : 1);
        return;
    }
    m_inputNames = names;
    m_mode->clear();
    m_mode->addItem(tr("Reverse mode (backpropagation)"));
    for (const QString& n : names)
        m_mode->addItem(tr("Forward mode for %1").arg(n));
    m_mode->setCurrentIndex(m_scene->forwardModeInput() + 1);
    m_pathsBox->clear();
    m_pathsBox->addItem(tr("Paths: none"));
    for (const QString& n : names)
        m_pathsBox->addItem(tr("All paths from %1").arg(n));
    m_pathsBox->setCurrentIndex(m_scene->pathsFrom() + 1);
    m_granularityBox->setCurrentIndex(m_scene->graph().granularity == Granularity::Statements ? 0
                                                                                              : 1);
}

void GraphView::fillInputEditors() {
    QStringList names;
    for (const auto& n : m_scene->graph().inputs)
        names << QString::fromStdString(n);
    const int shown = std::min<int>(int(names.size()), kMaxInputEditors);
    if (names != m_editorNames) {
        m_editorNames = names;
        while (QLayoutItem* item = m_inputLayout->takeAt(0)) {
            delete item->widget();
            delete item;
        }
        m_inputEditors.clear();
        m_inputsLabel->setVisible(!names.isEmpty());
        for (int i = 0; i < shown; ++i) {
            auto* edit = new QLineEdit;
            edit->setObjectName(QStringLiteral("graphInput_") + names[i]);
            edit->setToolTip(
                tr("The value of %1; Enter evaluates the graph there (undoable)").arg(names[i]));
            connect(edit, &QLineEdit::editingFinished, this, [this, i, edit] {
                bool ok = false;
                const double v = QLocale::c().toDouble(edit->text().trimmed(), &ok);
                if (!ok || !std::isfinite(v)) {
                    setErrorMark(edit, ErrorMark::Text);
                    showMessage(tr("%1: '%2' is not a finite number")
                                    .arg(m_editorNames.value(i), edit->text()));
                    return;
                }
                setErrorMark(edit, ErrorMark::None);
                if (i < m_scene->point().size() && v == m_scene->point()[i])
                    return; // Enter on an unchanged value: nothing to do
                emit inputEdited(i, v);
            });
            QWidget* cell = labelledField(names[i] + QStringLiteral(" ="), edit);
            // The box is as wide as its values (sizeInputEditors): the cell's slack after it,
            // not between "x =" and its box (tester s23: the label stood far from it).
            if (auto* row = qobject_cast<QHBoxLayout*>(cell->layout()))
                row->addStretch(1);
            m_inputLayout->addWidget(cell);
            m_inputEditors.push_back(edit);
        }
        sizeInputEditors();
        m_inputsNote->setText(int(names.size()) > shown
                                  ? tr("(first %1 of %2 inputs)").arg(shown).arg(names.size())
                                  : QString());
        m_inputsNote->setVisible(int(names.size()) > shown);
    }
    for (int i = 0; i < int(m_inputEditors.size()); ++i) {
        QLineEdit* edit = m_inputEditors[std::size_t(i)];
        if (edit->hasFocus() && edit->isModified())
            continue; // the person is typing there
        const QSignalBlocker block(edit);
        edit->setText(i < m_scene->point().size() ? number(m_scene->point()[i]) : QString());
        edit->setCursorPosition(0); // the value's start (its sign) in sight whatever the width
        setErrorMark(edit, ErrorMark::None);
    }
}

void GraphView::sizeInputEditors() {
    // As wide as the longest value it shows (briefNumberText, e.g. "-1.23457e+06") at the font
    // in use: a fixed 90 px at font scale 1.5 showed -0.496801 as "0.496801", its sign
    // scrolled out of sight (tester s9).
    for (QLineEdit* edit : m_inputEditors) {
        const QMargins m = edit->textMargins();
        edit->setFixedWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("-1.23457e+06")) +
                            m.left() + m.right() +
                            4 * edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth) + 8);
    }
}

QLineEdit* GraphView::inputEditor(int input) const {
    return input >= 0 && input < int(m_inputEditors.size()) ? m_inputEditors[std::size_t(input)]
                                                            : nullptr;
}

void GraphView::showMessage(const QString& message) {
    m_stepLabel->setText(message);
}

QString GraphView::exportTo(const QString& path, const QSize& size) const {
    return exportGraphScene(*m_scene, path, size);
}

void GraphView::stepForward() {
    m_scene->setPosition(m_scene->position() + 1);
    showWork();
}

void GraphView::stepBack() {
    setPlaying(false);
    m_scene->setPosition(m_scene->position() - 1);
    showWork();
}

void GraphView::showWork() {
    const GraphStep* step = m_scene->currentStep();
    if (!step || step->node < 0)
        return;
    const QRectF active = m_scene->nodeRect(step->node);
    QRectF work = active;
    const ComputationalGraph& g = m_scene->graph();
    for (const int e : step->edges) {
        const GraphEdge& edge = g.edges[std::size_t(e)];
        work |= m_scene->nodeRect(edge.from == step->node ? edge.to : edge.from);
    }
    // The step with what it reads if that fits the view, else its node alone (tester s19:
    // stepping at 1280x720 left the node at work below the fold).
    const QRectF shown = m_canvas->mapToScene(m_canvas->viewport()->rect()).boundingRect();
    const bool fits = work.width() <= shown.width() && work.height() <= shown.height();
    m_canvas->ensureVisible(fits ? work : active, 8, 8);
}

void GraphView::restart() {
    setPlaying(false);
    m_scene->setPosition(0);
}

void GraphView::setPlaying(bool playing) {
    if (playing && m_scene->position() >= m_scene->stepCount())
        m_scene->setPosition(0); // play from the start when at the end
    if (playing)
        m_timer->start();
    else
        m_timer->stop();
    const QSignalBlocker block(m_play);
    m_play->setChecked(playing);
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    setMediaIcons();
}

void GraphView::search() {
    const int node = m_scene->markNode(m_search->text());
    if (node < 0) {
        setErrorMark(m_search, ErrorMark::Text);
        m_search->setToolTip(tr("No node named “%1”").arg(m_search->text()));
        return;
    }
    setErrorMark(m_search, ErrorMark::None);
    m_search->setToolTip(QString());
    m_canvas->centerOn(m_scene->nodeRect(node).center());
}

void GraphView::exportDialog() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the graph"), QString(),
                                                      tr("SVG (*.svg);;PNG image (*.png)"));
    if (path.isEmpty())
        return;
    const QString error = exportTo(path, m_scene->naturalImageSize(look::kExportScale));
    m_stepLabel->setText(error.isEmpty() ? tr("Saved %1").arg(QFileInfo(path).fileName()) : error);
}

void GraphView::syncControls() {
    const int pos = m_scene->position(), count = m_scene->stepCount();
    m_previous->setEnabled(pos > 0);
    m_restart->setEnabled(pos > 0);
    m_next->setEnabled(pos < count);
    QString pass;
    switch (m_scene->currentPass()) {
    case GraphScene::Pass::None:
        pass = tr("start");
        break;
    case GraphScene::Pass::Forward:
        pass = tr("forward pass");
        break;
    case GraphScene::Pass::Reverse:
        pass = tr("reverse pass");
        break;
    case GraphScene::Pass::Tangent:
        pass = tr("forward mode");
        break;
    }
    m_stepLabel->setText(tr("Step %1 of %2: %3").arg(pos).arg(count).arg(pass));
}

void GraphView::setMediaIcons() {
    const QPalette& p = m_play->palette();
    m_restart->setIcon(mediaIcon(MediaIcon::Restart, p));
    m_previous->setIcon(mediaIcon(MediaIcon::StepBack, p));
    m_play->setIcon(mediaIcon(m_play->isChecked() ? MediaIcon::Pause : MediaIcon::Play, p));
    m_next->setIcon(mediaIcon(MediaIcon::StepForward, p));
}

void GraphView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        setMediaIcons(); // in the theme's text colour
    // The error message's colour follows the theme (errorColour of this widget's new
    // palette: the panel's own changes after this event).
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange) {
        updatePanel();
        sizeInputEditors(); // the children have the new font before their parent's event
        // The drawing follows the theme (sceneLook() is set before the palette changes).
        m_scene->applyLook();
        m_canvas->setBackgroundBrush(look::inks().ground);
        // The drawing's text follows the font scale as the window's does (issue #9: it kept
        // 8-10 pixels at a lecture's font).
        if (sceneLook().fontScale != m_scene->fontScale()) {
            m_scene->setFontScale(sceneLook().fontScale);
            if (m_canvas->autoFit())
                m_canvas->fit();
        }
    }
}

void GraphView::placeSidePanel() {
    if (!m_canvas->autoFit() || !isVisible())
        return; // zoomed by hand: the person scrolls
    const int handle = m_split->handleWidth();
    if (m_split->orientation() == Qt::Horizontal) {
        if (m_canvas->fitsWidth() && m_canvas->fitsReadably())
            return;
        // Too wide beside the panel at a readable size: the drawing takes the whole width,
        // the panel goes under it (a third of the height, scrolling down).
        m_split->setOrientation(Qt::Vertical);
        const int h = m_split->height() - handle;
        m_split->setSizes({h - h / 3, h / 3});
        return;
    }
    // Under the drawing: back beside it once the drawing fits the width left beside the
    // panel at its least width (a drawing that fits a width fits any wider one).
    const int panel = std::max(m_side->minimumSizeHint().width(), m_panel->minimumWidth());
    const int beside = m_split->width() - handle - panel;
    if (m_canvas->readableWidth() <= beside) {
        m_split->setOrientation(Qt::Horizontal);
        m_split->setSizes({beside, panel});
    }
}

void GraphView::updatePanel() {
    const ComputationalGraph& g = m_scene->graph();
    QString html, formulaTip;
    if (!m_scene->message().isEmpty())
        html += QStringLiteral("<p style='color:%1'>%2</p>")
                    .arg(errorColour(palette()).name(), m_scene->message().toHtmlEscaped());
    if (const GraphStep* s = m_scene->currentStep()) {
        // A word joiner after each "/": "df/db" is one word (Qt broke the line after "df/").
        html += QStringLiteral("<p><b>%1</b></p><p style='font-size:large'>%2</p>")
                    .arg(m_stepLabel->text().toHtmlEscaped(),
                         QString::fromStdString(s->briefFormula)
                             .toHtmlEscaped()
                             .replace(QLatin1Char('/'), QStringLiteral("/\u2060")));
        formulaTip = QString::fromStdString(s->formula); // every digit
    } else if (m_scene->stepCount() > 0) {
        html += tr("<p><b>Start.</b> The inputs are set; step forward to compute the nodes, then "
                   "backward from the output.</p>");
    }
    if (g.output >= 0) {
        const OperationCounts c = operationCounts(g);
        const int k = int(g.inputs.size());
        // Each partial once the pass has computed it (tester s19: the final gradient showed
        // during the forward pass): reverse mode, the input's adjoint; forward mode, the
        // output's tangent, one partial per pass. Above the operation counts: what the pass
        // is for stays in view when the panel is under the drawing (tester s20, 1600x1000).
        const int mode = m_scene->forwardModeInput();
        html += mode < 0 ? tr("<p><b>Gradient</b> (reverse pass)<br>")
                         : tr("<p><b>Gradient</b> (forward mode: one partial per pass)<br>");
        const QString out = QString::fromStdString(g.nodes[std::size_t(g.output)].name);
        for (int i = 0; i < k; ++i) {
            const bool known = mode < 0 ? m_scene->derivativeKnown(i)
                                        : i == mode && m_scene->derivativeKnown(g.output);
            html += QStringLiteral("d%1/d%2 = %3<br>")
                        .arg(out, QString::fromStdString(g.inputs[std::size_t(i)]),
                             known ? number(g.nodes[std::size_t(i)].adjoint) : QStringLiteral("?"));
        }
        html += QStringLiteral("</p>");
        html += tr("<p><b>Multiply-adds</b></p><table border='1' cellspacing='0' cellpadding='3'>"
                   "<tr><th></th><th>reverse</th><th>forward mode</th></tr>"
                   "<tr><td>values</td><td>%1</td><td>%1</td></tr>"
                   "<tr><td>one partial</td><td>%2</td><td>%3</td></tr>"
                   "<tr><td>all %4 partials</td><td>%2</td><td>%5</td></tr></table>")
                    .arg(c.forward)
                    .arg(c.reverse)
                    .arg(c.forwardModeOneInput)
                    .arg(k)
                    .arg(c.forwardModeAllInputs);
        html += tr("<p><small>d: a total derivative, over every path (df/da, the adjoint); "
                   "∂: a local partial, one edge (∂u/∂a). Numbers to 6 digits; every digit "
                   "in the tooltips.</small></p>");
    }
    m_panel->setHtml(html);
    m_panel->setToolTip(formulaTip);
    // The panel as wide as its widest word (a table column's header, "forward"): laid out at
    // no width, the text is as narrow as it can be without breaking a word.
    const std::unique_ptr<QTextDocument> narrowest(m_panel->document()->clone());
    narrowest->setDefaultFont(m_panel->font());
    narrowest->setTextWidth(1);
    m_panel->setMinimumWidth(int(std::ceil(narrowest->size().width())) + 2 * m_panel->frameWidth() +
                             m_panel->verticalScrollBar()->sizeHint().width());

    // The paths from the chosen input, each with its product, then their sum.
    const int from = m_scene->pathsFrom();
    m_pathList->setVisible(from >= 0);
    if (from >= 0) {
        const PathEnumeration& paths = m_scene->paths();
        const QSignalBlocker block(m_pathList);
        const int row = m_pathList->currentRow();
        m_pathList->clear();
        for (const GraphPath& path : paths.paths) {
            QStringList names, factors;
            for (const int n : path.nodes)
                names << QString::fromStdString(g.nodes[std::size_t(n)].name);
            for (const int e : path.edges)
                factors << factor(g.edges[std::size_t(e)].localPartial);
            m_pathList->addItem(QStringLiteral("%1:  %2 = %3")
                                    .arg(names.join(QStringLiteral(" → ")),
                                         factors.join(QStringLiteral("·")), number(path.product)));
        }
        const QString out = QString::fromStdString(g.nodes[std::size_t(g.output)].name);
        const QString in = QString::fromStdString(g.nodes[std::size_t(from)].name);
        std::vector<double> products;
        for (const GraphPath& path : paths.paths)
            products.push_back(path.product);
        QString total = tr("Sum over %1 paths: %2 = %3 = d%4/d%5")
                            .arg(paths.paths.size())
                            .arg(sumText(products), number(paths.sum), out, in);
        if (paths.truncated)
            total = QString::fromStdString(paths.message);
        auto* item = new QListWidgetItem(total);
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
        m_pathList->addItem(item);
        m_pathList->setCurrentRow(row);
    }
}

std::vector<GraphScene::InkOnGround> GraphScene::inkOnGround() {
    std::vector<InkOnGround> pairs;
    const QColor nodeFills[] = {look::inks().nodeFill, look::inks().inputFill,
                                look::inks().outputFill, look::inks().doneFill};
    for (const QColor& fill : nodeFills) {
        for (const QColor& ink :
             {look::inks().text, look::inks().unknown, look::inks().active}) // a node's lines
            pairs.push_back({QStringLiteral("node text"), ink, fill, 4.5});
        for (const QColor& ink : {look::inks().border, look::inks().active, look::inks().marked,
                                  look::inks().path}) // its outline
            pairs.push_back({QStringLiteral("node outline"), ink, fill, 3.0});
    }
    for (const QColor& ink : {look::inks().text, look::inks().active,
                              look::inks().product}) // an edge's label, on its white box
        pairs.push_back({QStringLiteral("edge label"), ink, look::inks().nodeFill, 4.5});
    for (const QColor& ink : {look::inks().edge, look::inks().active, look::inks().path,
                              look::inks().pathSoft, look::inks().border, look::inks().marked})
        pairs.push_back({QStringLiteral("line"), ink, look::inks().ground, 3.0});
    pairs.push_back({QStringLiteral("message"), look::inks().text, look::inks().ground, 4.5});
    return pairs;
}

} // namespace gs
