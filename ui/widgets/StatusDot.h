// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QWidget>

namespace kms::ui {

// A small filled circle in a status colour (health at a glance).
class StatusDot : public QWidget
{
    Q_OBJECT
public:
    explicit StatusDot(QWidget *parent = nullptr);

    void setColor(const QColor &color);
    QColor color() const { return m_color; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor m_color = Qt::gray;
};

} // namespace kms::ui
