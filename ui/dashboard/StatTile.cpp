// SPDX-License-Identifier: MIT
#include "dashboard/StatTile.h"

#include <QFontMetricsF>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace kms::ui {

StatTile::StatTile(const QString &objectName, const QString &caption, QWidget *parent)
    : QFrame(parent)
    , m_caption(new QLabel(caption, this))
    , m_value(new QLabel(QStringLiteral("—"), this))
    , m_detail(new QLabel(this))
{
    setObjectName(objectName);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    setMinimumWidth(140);

    QFont captionFont = font();
    captionFont.setPointSizeF(captionFont.pointSizeF() * 0.9);
    m_caption->setFont(captionFont);
    m_caption->setForegroundRole(QPalette::PlaceholderText);

    fitValue();
    m_value->setObjectName(QStringLiteral("tileValue"));
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_detail->setObjectName(QStringLiteral("tileDetail"));
    m_detail->setFont(captionFont);
    m_detail->setWordWrap(true);
    m_detail->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(1);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    layout->addStretch(1);
    setAccessibleName(caption);
}

void StatTile::setValue(const QString &value, const QString &detail)
{
    m_value->setText(value);
    fitValue();
    m_detail->setText(detail);
    setAccessibleDescription(detail.isEmpty() ? value : tr("%1, %2").arg(value, detail));
}

void StatTile::setValueColor(const QColor &color)
{
    QPalette p = m_value->palette();
    p.setColor(QPalette::WindowText, color.isValid() ? color : palette().color(QPalette::WindowText));
    m_value->setPalette(p);
}

void StatTile::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    fitValue();
}

void StatTile::fitValue()
{
    // Some values are words (a job's status), and translations can be too long for the large font:
    // step it down, no smaller than the tile's normal font, rather than cut the word off.
    QFont valueFont = font();
    valueFont.setBold(true);
    const qreal smallest = valueFont.pointSizeF();
    valueFont.setPointSizeF(smallest * 1.6);
    const qreal room = contentsRect().width() - 20; // the layout's left and right margins
    while (valueFont.pointSizeF() > smallest && QFontMetricsF(valueFont).horizontalAdvance(m_value->text()) > room)
        valueFont.setPointSizeF(std::max(smallest, valueFont.pointSizeF() - 0.5));
    if (valueFont != m_value->font())
        m_value->setFont(valueFont);
}

QString StatTile::value() const
{
    return m_value->text();
}

QString StatTile::detail() const
{
    return m_detail->text();
}

} // namespace kms::ui
