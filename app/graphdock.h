#pragma once
// The "Graph" page (a tab beside the plot's, MainWindow::showViewTab(2)): the computational graph
// of the document's function at the expansion point (views/graphview.h), following the point as it
// is dragged and the function as it is edited.

#include <QDockWidget>

namespace gs {

class Document;
class GraphView;

class GraphDock : public QDockWidget {
    Q_OBJECT
public:
    explicit GraphDock(Document* doc, QWidget* parent = nullptr);
    GraphView* view() const { return m_view; }

private:
    void follow(int what);

    Document* m_doc;
    GraphView* m_view;
};

} // namespace gs
