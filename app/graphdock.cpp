#include "graphdock.h"

#include "document.h"
#include "graphview.h"

#include <Eigen/Core>

namespace gs {

GraphDock::GraphDock(Document* doc, QWidget* parent)
    : QDockWidget(tr("Graph"), parent)
    , m_doc(doc)
    , m_view(new GraphView) {
    setObjectName(QStringLiteral("graph")); // saveState() keys the layout by it
    setWidget(m_view);
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                QDockWidget::DockWidgetClosable);
    connect(doc, &Document::changed, this, &GraphDock::follow);
    // An input edited in the graph moves the document's point: one undoable step, and every
    // view (3-D, contour, readout, runs) follows as after any other edit.
    connect(m_view, &GraphView::inputEdited, this, [this](int input, double value) {
        Settings s = m_doc->settings();
        if (input < 0 || std::size_t(input) >= s.point.size())
            return;
        s.point[std::size_t(input)] = value;
        const QString name = m_doc->inputNames().value(input);
        const QString error = m_doc->change(s, tr("Set %1 in the graph").arg(name));
        if (!error.isEmpty())
            m_view->showMessage(error);
    });
    // Drawn when first shown: a hidden dock costs nothing while the point is dragged.
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            follow(Document::SurfaceChange);
    });
}

void GraphDock::follow(int what) {
    if (!isVisible() || !(what & (Document::SurfaceChange | Document::ExpansionChange)))
        return;
    const std::vector<double>& p = m_doc->settings().point;
    const Eigen::VectorXd x = Eigen::Map<const Eigen::VectorXd>(p.data(), Eigen::Index(p.size()));
    m_view->setFunction(m_doc->expression(), x);
}

} // namespace gs
