#pragma once
// A layout of equal cells that wraps into rows as the width asks (the optimizer panel's
// fields, the graph view's input boxes): a row of many cells must never widen the window.

#include <QLayout>
#include <QList>
#include <QString>

class QWidget;

namespace gs {

/// Lays its widgets (labelled fields, each a small row of its own) out in a grid of equal
/// columns, as many columns as fit the width it is given at the widest widget's minimum
/// width, and so as many rows as need be: a row of four parameters in a wide panel, two
/// rows of two or four rows of one in a narrow one (a lecture's font scale). Nothing
/// overlaps and nothing is cut; the height follows the width (heightForWidth).
class FieldGridLayout : public QLayout {
public:
    explicit FieldGridLayout(QWidget* parent = nullptr);
    ~FieldGridLayout() override;

    void addItem(QLayoutItem* item) override;
    int count() const override { return int(m_items.size()); }
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;
    Qt::Orientations expandingDirections() const override { return Qt::Horizontal; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;
    /// The number of columns at this width (inside the margins).
    int columnsFor(int width) const;

private:
    int cellWidth() const;  ///< the widest visible item's minimum width
    int cellHeight() const; ///< the tallest visible item's height
    int gap() const;
    QList<QLayoutItem*> visibleItems() const;
    QList<QLayoutItem*> m_items;
};

/// A widget holding `label` (maybe empty) beside `field`, the label's tooltip the field's:
/// one cell of a FieldGridLayout.
QWidget* labelledField(const QString& label, QWidget* field);

} // namespace gs
