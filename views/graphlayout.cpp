#include "graphlayout.h"

#include <gvc.h>
#include <gvplugin.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

// The dot layout plugin, linked in (views/CMakeLists.txt) and preloaded below.
extern "C" {
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
}

namespace gs {

namespace {

// Graphviz takes sizes in inches; coordinates come back in points (1/72 inch), y up.
constexpr double kPointsPerInch = 72.0;

// Locale-independent (Qt sets the C locale from the environment; "0,5" would not parse).
std::string number(double v) {
    char buffer[32];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed, 4);
    return std::string(buffer, r.ptr);
}

void set(void* object, const char* name, const std::string& value) {
    agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()),
              const_cast<char*>(""));
}

} // namespace

GraphLayout layoutGraph(const std::vector<QSizeF>& sizes, const std::vector<LayoutEdge>& edges,
                        const LayoutOptions& options) {
    GraphLayout out;
    const int n = int(sizes.size());
    for (const LayoutEdge& e : edges)
        if (e.from < 0 || e.from >= n || e.to < 0 || e.to >= n) {
            out.error = QStringLiteral("graph layout: an edge %1 -> %2 joins no node (%3 nodes)")
                            .arg(e.from)
                            .arg(e.to)
                            .arg(n);
            return out;
        }
    if (n == 0)
        return out;

    static lt_symlist_t preloaded[] = {
        {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
        {nullptr, nullptr},
    };
    GVC_t* gvc = gvContextPlugins(preloaded, 0);
    Agraph_t* g = agopen(const_cast<char*>("g"), Agdirected, nullptr);
    set(g, "rankdir", options.direction == RankDirection::LeftToRight ? "LR" : "TB");
    set(g, "ranksep", number(options.rankSeparation / kPointsPerInch));
    set(g, "nodesep", number(options.nodeSeparation / kPointsPerInch));
    set(g, "splines", "spline");

    std::vector<Agnode_t*> nodes(std::size_t(n), nullptr);
    for (int i = 0; i < n; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "n%d", i);
        Agnode_t* node = agnode(g, name, 1);
        set(node, "shape", "box");
        set(node, "fixedsize", "true");
        set(node, "label", "");
        set(node, "width", number(sizes[std::size_t(i)].width() / kPointsPerInch));
        set(node, "height", number(sizes[std::size_t(i)].height() / kPointsPerInch));
        nodes[std::size_t(i)] = node;
    }
    // The first layer's rows: row[i] of each node in it, -1 elsewhere.
    const int layerSize = int(options.firstLayer.size());
    const int rows = std::clamp(options.firstLayerRows, 1, std::max(1, layerSize));
    const int perRow = (layerSize + rows - 1) / std::max(1, rows);
    std::vector<int> row(std::size_t(n), -1);
    for (int j = 0; j < layerSize; ++j)
        if (const int i = options.firstLayer[std::size_t(j)]; i >= 0 && i < n)
            row[std::size_t(i)] = j / perRow;
    std::vector<Agedge_t*> dotEdges;
    for (std::size_t k = 0; k < edges.size(); ++k) {
        char key[32]; // parallel edges stay distinct
        std::snprintf(key, sizeof key, "e%zu", k);
        Agedge_t* e =
            agedge(g, nodes[std::size_t(edges[k].from)], nodes[std::size_t(edges[k].to)], key, 1);
        if (k < options.edgeLabels.size()) {
            // A label box of exactly this size: an HTML-like table with a fixed size.
            const QSizeF size = options.edgeLabels[k];
            char html[200];
            std::snprintf(html, sizeof html,
                          "<TABLE BORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\" "
                          "FIXEDSIZE=\"TRUE\" WIDTH=\"%d\" HEIGHT=\"%d\"><TR><TD></TD></TR>"
                          "</TABLE>",
                          int(std::ceil(size.width())), int(std::ceil(size.height())));
            char* label = agstrdup_html(g, html);
            agsafeset(e, const_cast<char*>("label"), label, const_cast<char*>(""));
            agstrfree(g, label);
        }
        // Wrapped rows: an edge leaving row i spans 2 rows - 1 - i layers, so every head is
        // at least 2 (rows - 1) + 1 layers below the first row, and dot (which puts a label
        // halfway along its edge, in layers doubled for the labels) puts the labels of row
        // i's edges in a layer of their own, below the last row: rows + i - 1/2 layers down.
        if (const int r = row[std::size_t(edges[k].from)]; rows > 1 && r >= 0)
            set(e, "minlen", std::to_string(2 * rows - 1 - r));
        dotEdges.push_back(e);
    }
    if (!options.firstLayer.empty()) {
        // One rank per row, in the given order: invisible edges between neighbours fix the
        // order, and one from each row's first node to the next row's keeps the rows apart.
        Agnode_t* previousRowFirst = nullptr;
        for (int r = 0; r < rows; ++r) {
            char name[32];
            std::snprintf(name, sizeof name, "inputs%d", r);
            Agraph_t* rank = agsubg(g, name, 1);
            set(rank, "rank", r == 0 ? "source" : "same");
            Agnode_t* previous = nullptr;
            Agnode_t* first = nullptr;
            for (int j = r * perRow; j < std::min(layerSize, (r + 1) * perRow); ++j) {
                const int i = options.firstLayer[std::size_t(j)];
                if (i < 0 || i >= n)
                    continue;
                agsubnode(rank, nodes[std::size_t(i)], 1);
                if (previous) {
                    Agedge_t* e = agedge(rank, previous, nodes[std::size_t(i)], nullptr, 1);
                    set(e, "style", "invis");
                }
                previous = nodes[std::size_t(i)];
                if (!first)
                    first = previous;
            }
            if (previousRowFirst && first) {
                Agedge_t* e = agedge(g, previousRowFirst, first, nullptr, 1);
                set(e, "style", "invis");
            }
            if (first)
                previousRowFirst = first;
        }
    }

    if (gvLayout(gvc, g, "dot") != 0) {
        out.error = QStringLiteral("graph layout: Graphviz's dot layout failed");
        agclose(g);
        gvFreeContext(gvc);
        return out;
    }
    // Graphviz's y axis points up: flip it so the top of the bounding box is y = 0.
    const boxf bb = GD_bb(g);
    const double top = bb.UR.y;
    const auto toScene = [top](pointf p) { return QPointF(p.x, top - p.y); };
    out.bounds = QRectF(QPointF(bb.LL.x, 0), QPointF(bb.UR.x, bb.UR.y - bb.LL.y));
    for (Agnode_t* node : nodes)
        out.centers.push_back(toScene(ND_coord(node)));
    for (Agedge_t* e : dotEdges) {
        EdgeRoute route;
        const splines* spl = ED_spl(e);
        if (spl && spl->size > 0) {
            const bezier& b = spl->list[0];
            for (int i = 0; i < b.size; ++i)
                route.spline.push_back(toScene(b.list[i]));
            if (b.eflag) {
                route.hasArrow = true;
                route.arrowTip = toScene(b.ep);
            }
        }
        if (ED_label(e) && ED_label(e)->set)
            route.labelCenter = toScene(ED_label(e)->pos);
        else if (!route.spline.empty())
            route.labelCenter = route.spline[route.spline.size() / 2];
        out.edges.push_back(std::move(route));
    }
    gvFreeLayout(gvc, g);
    agclose(g);
    gvFreeContext(gvc);
    return out;
}

} // namespace gs
