// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>

namespace kms::ui {

// A one-line label that elides its text in the middle when it does not fit (paths). text() stays
// the whole text; callers put it in the tooltip too.
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace kms::ui
