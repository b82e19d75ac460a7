// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QLabel;

namespace kms::ui {

// A dashboard tile: a caption, one large value and a line of detail beneath it.
class StatTile : public QFrame
{
    Q_OBJECT
public:
    StatTile(const QString &objectName, const QString &caption, QWidget *parent = nullptr);

    void setValue(const QString &value, const QString &detail = {});
    // The value's colour (a job's status); an invalid colour restores the palette's.
    void setValueColor(const QColor &color);
    QString value() const;
    QString detail() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitValue();

    QLabel *m_caption;
    QLabel *m_value;
    QLabel *m_detail;
};

} // namespace kms::ui
