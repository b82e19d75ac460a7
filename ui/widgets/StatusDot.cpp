// SPDX-License-Identifier: MIT
#include "widgets/StatusDot.h"

#include <QPainter>

namespace kms::ui {

StatusDot::StatusDot(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void StatusDot::setColor(const QColor &color)
{
    if (color == m_color)
        return;
    m_color = color;
    update();
}

QSize StatusDot::sizeHint() const
{
    const int side = fontMetrics().height() * 2 / 3;
    return {side, side};
}

void StatusDot::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(m_color.darker(130), 1));
    p.setBrush(m_color);
    const int side = std::min(width(), height()) - 2;
    p.drawEllipse(QRect((width() - side) / 2, (height() - side) / 2, side, side));
}

} // namespace kms::ui
