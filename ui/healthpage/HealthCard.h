// SPDX-License-Identifier: MIT
#pragma once

#include "healthpage/HealthRows.h"

#include <QFrame>
#include <QHash>

class QFormLayout;
class QLabel;

namespace kms::ui {

class StatusBadge;

// One component of the health report: title, status badge, a coloured edge, the detail rows and
// the problems core found, if any.
class HealthCard : public QFrame
{
    Q_OBJECT
public:
    HealthCard(const QString &component, const QString &title, QWidget *parent = nullptr);

    void setHealth(const QString &status, const QList<HealthRow> &rows, const QString &problems);
    QString status() const;
    // The shown value of a row ("vector_index.vectors"), empty when there is no such row.
    QString value(const QString &key) const;

private:
    StatusBadge *m_badge;
    QFormLayout *m_rows;
    QLabel *m_problems;
    struct Row {
        QLabel *label;
        QLabel *value;
    };
    QHash<QString, Row> m_byKey;
};

} // namespace kms::ui
