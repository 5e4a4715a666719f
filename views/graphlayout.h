#pragma once
// Layered graph layout by Graphviz's dot: node boxes of given sizes and directed edges in,
// box centres and edge splines out, in scene coordinates (y down, points). The only file
// that includes Graphviz.

#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <vector>

namespace gs {

struct LayoutEdge {
    int from = -1, to = -1;
};

/// An edge's route: cubic Bézier control points (start, then three per segment), and the
/// arrow head's tip where dot drew one (the spline then ends short of it).
struct EdgeRoute {
    std::vector<QPointF> spline;
    bool hasArrow = false;
    QPointF arrowTip;
    QPointF labelCenter; ///< where dot put the edge's label (the spline's middle without one)
};

struct GraphLayout {
    std::vector<QPointF> centers; ///< one per node, in the order given
    std::vector<EdgeRoute> edges; ///< one per edge, in the order given
    QRectF bounds;                ///< of the whole drawing
    QString error;                ///< empty on success
};

enum class RankDirection { LeftToRight, TopToBottom };

struct LayoutOptions {
    RankDirection direction = RankDirection::LeftToRight;
    double rankSeparation = 90; ///< points between layers
    double nodeSeparation = 30; ///< points between nodes in a layer
    /// Room for each edge's label (width x height in points), in edge order; empty: no labels.
    /// dot places the labels between the layers, clear of nodes and other labels.
    std::vector<QSizeF> edgeLabels;
    /// Nodes kept together in the first layer in this order (the inputs), or empty.
    std::vector<int> firstLayer;
    /// The first layer wrapped into this many rows (a narrow view, top to bottom): row i
    /// holds the next ceil(n / rows) of firstLayer, one layer below row i - 1, and the
    /// edges leaving row i are long enough that their labels, a layer of their own per row,
    /// sit below the last row (not beside a lower row's nodes).
    int firstLayerRows = 1;
};

/// Lays out `sizes.size()` nodes (box width x height in points) joined by `edges` with dot.
/// Edges whose ends are out of range are refused with a message.
GraphLayout layoutGraph(const std::vector<QSizeF>& sizes, const std::vector<LayoutEdge>& edges,
                        const LayoutOptions& options = {});

} // namespace gs
