#include "fieldgrid.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QWidget>
#include <algorithm>

namespace gs {

FieldGridLayout::FieldGridLayout(QWidget* parent)
    : QLayout(parent) {
    setContentsMargins(0, 0, 0, 0);
}

FieldGridLayout::~FieldGridLayout() {
    while (QLayoutItem* item = takeAt(0))
        delete item;
}

void FieldGridLayout::addItem(QLayoutItem* item) {
    m_items.append(item);
}

QLayoutItem* FieldGridLayout::itemAt(int index) const {
    return index >= 0 && index < m_items.size() ? m_items.at(index) : nullptr;
}

QLayoutItem* FieldGridLayout::takeAt(int index) {
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

QList<QLayoutItem*> FieldGridLayout::visibleItems() const {
    QList<QLayoutItem*> out;
    for (QLayoutItem* item : m_items)
        if (!item->isEmpty())
            out.append(item);
    return out;
}

int FieldGridLayout::gap() const {
    const int s = spacing();
    if (s >= 0)
        return s;
    const QWidget* w = parentWidget();
    return w ? w->style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, w) : 6;
}

int FieldGridLayout::cellWidth() const {
    int w = 0;
    for (QLayoutItem* item : visibleItems())
        w = std::max(w, item->minimumSize().width());
    return w;
}

int FieldGridLayout::cellHeight() const {
    int h = 0;
    for (QLayoutItem* item : visibleItems())
        h = std::max(h, item->sizeHint().height());
    return h;
}

int FieldGridLayout::columnsFor(int width) const {
    // n columns fit when n cells and n - 1 gaps do: n <= (width + gap) / (cell + gap).
    const int n = int(visibleItems().size());
    const int cell = cellWidth(), g = gap();
    if (n == 0)
        return 1;
    return std::clamp((width + g) / std::max(1, cell + g), 1, n);
}

int FieldGridLayout::heightForWidth(int width) const {
    const QMargins m = contentsMargins();
    const int n = int(visibleItems().size());
    if (n == 0)
        return m.top() + m.bottom();
    const int columns = columnsFor(width - m.left() - m.right());
    const int rows = (n + columns - 1) / columns;
    return m.top() + m.bottom() + rows * cellHeight() + (rows - 1) * gap();
}

QSize FieldGridLayout::minimumSize() const {
    // One column: the height for that is heightForWidth's business.
    const QMargins m = contentsMargins();
    return {cellWidth() + m.left() + m.right(), cellHeight() + m.top() + m.bottom()};
}

QSize FieldGridLayout::sizeHint() const {
    // Every cell in one row, each at its hint.
    const QMargins m = contentsMargins();
    int w = 0;
    const auto items = visibleItems();
    for (QLayoutItem* item : items)
        w = std::max(w, item->sizeHint().width());
    const int n = int(items.size());
    return {n * w + std::max(0, n - 1) * gap() + m.left() + m.right(),
            cellHeight() + m.top() + m.bottom()};
}

void FieldGridLayout::setGeometry(const QRect& rect) {
    QLayout::setGeometry(rect);
    const QRect r = rect.marginsRemoved(contentsMargins());
    const auto items = visibleItems();
    if (items.isEmpty())
        return;
    const int columns = columnsFor(r.width()), g = gap(), h = cellHeight();
    // Equal columns over the whole width (the last takes the rounding's pixels).
    const int cell = (r.width() - (columns - 1) * g) / columns;
    for (int i = 0; i < items.size(); ++i) {
        const int row = i / columns, column = i % columns;
        const int x = r.x() + column * (cell + g);
        const int w = column == columns - 1 ? r.right() + 1 - x : cell;
        items[i]->setGeometry(QRect(x, r.y() + row * (h + g), w, h));
    }
}

QWidget* labelledField(const QString& label, QWidget* field) {
    auto* cell = new QWidget;
    auto* h = new QHBoxLayout(cell);
    h->setContentsMargins(0, 0, 0, 0);
    if (!label.isEmpty()) {
        auto* l = new QLabel(label);
        l->setBuddy(field);
        l->setToolTip(field->toolTip());
        h->addWidget(l);
    }
    h->addWidget(field, 1);
    return cell;
}

} // namespace gs
