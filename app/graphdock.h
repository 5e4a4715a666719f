#pragma once
// The "Graph" dock: the computational graph of the document's function at the expansion
// point (views/graphview.h), following the point as it is dragged and the function as it
// is edited.

#include <QDockWidget>

namespace gs {

class Document;
class GraphView;

class GraphDock : public QDockWidget {
    Q_OBJECT
public:
    explicit GraphDock(Document* doc, QWidget* parent = nullptr);
    GraphView* view() const { return m_view; }
    /// Shows the dock in front and draws the document's graph.
    void present();

private:
    void follow(int what);

    Document* m_doc;
    GraphView* m_view;
};

} // namespace gs
