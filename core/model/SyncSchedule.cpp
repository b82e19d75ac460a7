// SPDX-License-Identifier: MIT
#include "model/SyncSchedule.h"

#include <QJsonArray>

#include <algorithm>

namespace kms {

QStringList SyncSchedule::files() const
{
    QStringList list;
    const QJsonArray array = options.value(QStringLiteral("files")).toArray();
    for (const QJsonValue &v : array)
        list.append(v.toString());
    return list;
}

QDateTime nextSlotAfter(const QDateTime &anchor, int intervalMinutes, const QDateTime &now)
{
    const qint64 step = qint64(std::max(intervalMinutes, 1)) * 60'000;
    if (!anchor.isValid())
        return now.addMSecs(step);
    const qint64 a = anchor.toMSecsSinceEpoch();
    const qint64 n = now.toMSecsSinceEpoch();
    if (a > n)
        return anchor;
    // Whole steps from the anchor up to and including now, then one more.
    const qint64 steps = (n - a) / step + 1;
    return QDateTime::fromMSecsSinceEpoch(a + steps * step, Qt::UTC);
}

bool isDue(const SyncSchedule &s, const QDateTime &now)
{
    return s.enabled && s.nextRunAt.isValid() && s.nextRunAt <= now;
}

} // namespace kms
