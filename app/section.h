#pragma once
// A panel section that collapses: a header button with an arrow over its content.
// Header-only, no signals of its own (the header is a QToolButton).

#include <QToolButton>
#include <QVBoxLayout>
#include <QWidget>

namespace gs {

class Section : public QWidget {
public:
    Section(const QString& title, QWidget* content, bool expanded, QWidget* parent = nullptr)
        : QWidget(parent)
        , m_header(new QToolButton)
        , m_content(content) {
        m_header->setText(title);
        m_header->setCheckable(true);
        m_header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        m_header->setAutoRaise(true);
        m_header->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        QFont bold = m_header->font();
        bold.setBold(true);
        m_header->setFont(bold);
        m_header->setToolTip(tr("Show or hide “%1”").arg(title));
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        layout->addWidget(m_header);
        layout->addWidget(content);
        QObject::connect(m_header, &QToolButton::toggled, this,
                         [this](bool on) { applyExpanded(on); });
        m_header->setChecked(expanded);
        applyExpanded(expanded);
    }

    QToolButton* header() const { return m_header; }
    bool isExpanded() const { return m_header->isChecked(); }
    void setExpanded(bool on) { m_header->setChecked(on); }

private:
    void applyExpanded(bool on) {
        m_header->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        m_content->setVisible(on);
    }

    QToolButton* m_header;
    QWidget* m_content;
};

} // namespace gs
