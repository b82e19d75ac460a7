// SPDX-License-Identifier: MIT
#include "dashboard/StatTile.h"

#include <QLabel>
#include <QVBoxLayout>

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

    QFont valueFont = font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.6);
    valueFont.setBold(true);
    m_value->setFont(valueFont);
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
    m_detail->setText(detail);
    setAccessibleDescription(detail.isEmpty() ? value : tr("%1, %2").arg(value, detail));
}

void StatTile::setValueColor(const QColor &color)
{
    QPalette p = m_value->palette();
    p.setColor(QPalette::WindowText, color.isValid() ? color : palette().color(QPalette::WindowText));
    m_value->setPalette(p);
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
