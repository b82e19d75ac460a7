// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace kms::ui {

// One line of a component card: a stable key (the value label's objectName, "vector_index.vectors"),
// the translated label and the formatted value.
struct HealthRow {
    QString key;
    QString label;
    QString value;
    bool elide = false; // long (paths, ids): one line elided in the middle, whole in the tooltip
};

// The components of Engine::health(), in card order.
QStringList healthComponents();
QString healthComponentTitle(const QString &component);

// The rows of one component's card from the whole health object (the index card compares with the
// database's record count). Fields a quick refresh does not produce (quick_check, the index file's
// verification) come from `detailed`, the last detailed result, marked with the time it was taken.
QList<HealthRow> healthRows(const QString &component, const QJsonObject &health,
                            const QJsonObject &detailed = {}, qint64 detailedAtMs = 0);

} // namespace kms::ui
