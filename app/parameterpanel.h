#pragma once
// The Parameters section: one row per parameter of the document (its name, a slider and the
// value; below, the slider's range and step). Each edit is one undo step; the moves of one
// slider drag share a merge id, so a drag undoes in one step, like a drag of the point. A
// drag's moves are coalesced to one document change per turn of the event loop.

#include <QStringList>
#include <QWidget>
#include <vector>

class QDoubleSpinBox;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;
class QVBoxLayout;

namespace gs {

class Document;
struct Parameter;

class ParameterPanel : public QWidget {
    Q_OBJECT
public:
    explicit ParameterPanel(Document* doc, QWidget* parent = nullptr);

    /// Shows the document's parameters: rows are rebuilt when the names change, else only
    /// their values are updated (a drag in progress keeps its slider).
    void sync();

    int rowCount() const { return int(m_rows.size()); }
    QSlider* slider(int row) const { return m_rows[std::size_t(row)].slider; }
    QDoubleSpinBox* valueBox(int row) const { return m_rows[std::size_t(row)].value; }
    QDoubleSpinBox* minBox(int row) const { return m_rows[std::size_t(row)].min; }
    QDoubleSpinBox* maxBox(int row) const { return m_rows[std::size_t(row)].max; }
    QDoubleSpinBox* stepBox(int row) const { return m_rows[std::size_t(row)].step; }

    /// The slider position of `value` in `p`'s range and step, and back:
    /// position k <-> min + k * step (the last position is max).
    static int sliderPosition(const Parameter& p, double value);
    static int sliderPositions(const Parameter& p);
    static double sliderValue(const Parameter& p, int position);

signals:
    /// A refused edit (the document's message), for the window to show.
    void error(const QString& message);

private:
    struct Row {
        QLabel* name = nullptr;
        QSlider* slider = nullptr;
        QDoubleSpinBox *value = nullptr, *min = nullptr, *max = nullptr, *step = nullptr;
        QToolButton* remove = nullptr;
        QWidget* widget = nullptr;
    };
    void rebuild();
    void editRange(int row);
    /// Applies the slider position a drag left pending (see m_applyTimer), if any.
    void applyPending();

    Document* m_doc;
    QVBoxLayout* m_layout;
    std::vector<Row> m_rows;
    QStringList m_names;      ///< the names the rows were built for
    int m_dragId = 1'000'000; ///< merge ids of slider drags (apart from the window's)
    int m_currentDrag = -1;
    /// A drag's moves are coalesced: each move only records the position, and the timer
    /// (0 ms) applies the latest once the events already queued are handled. A re-sample and
    /// render take longer than the mouse's moves arrive; this way each frame shows the newest
    /// value instead of working through a backlog. Released, the slider applies at once.
    QTimer* m_applyTimer;
    int m_pendingRow = -1;
    int m_pendingPosition = 0;
};

} // namespace gs
