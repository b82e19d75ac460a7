// SPDX-License-Identifier: MIT
#include "ingestion/SchedulesModel.h"

#include "ingestion/JobHistoryModel.h"
#include "widgets/Format.h"

#include <QFileInfo>

namespace kms::ui {

SchedulesModel::SchedulesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SchedulesModel::setSchedules(const QList<SyncSchedule> &schedules, const QHash<qint64, JobInfo> &lastJobs)
{
    beginResetModel();
    m_schedules = schedules;
    m_lastJobs = lastJobs;
    endResetModel();
}

void SchedulesModel::tick()
{
    if (!m_schedules.isEmpty())
        emit dataChanged(index(0, NextRunColumn), index(int(m_schedules.size()) - 1, NextRunColumn),
                         {Qt::DisplayRole});
}

int SchedulesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_schedules.size());
}

int SchedulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SchedulesModel::nextRunText(const SyncSchedule &s, const QDateTime &now)
{
    if (!s.enabled)
        return tr("disabled");
    const qint64 seconds = now.secsTo(s.nextRunAt);
    if (seconds <= 0)
        return tr("%1 (due now)").arg(format::dateTime(s.nextRunAt));
    return tr("%1 (in %2)").arg(format::dateTime(s.nextRunAt), format::duration(double(seconds)));
}

QVariant SchedulesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SyncSchedule &s = m_schedules.at(index.row());
    if (role == ScheduleIdRole)
        return s.id;
    const auto job = m_lastJobs.constFind(s.lastJobId);
    if (role == SortRole) {
        switch (Column(index.column())) {
        case NameColumn: return s.name;
        case FilesColumn: return s.files().join(QLatin1Char(';'));
        case IntervalColumn: return s.intervalMinutes;
        case NextRunColumn: return s.nextRunAt.toMSecsSinceEpoch();
        case LastRunColumn: return s.lastRunAt.isValid() ? s.lastRunAt.toMSecsSinceEpoch() : 0;
        case LastJobColumn: return s.lastJobId;
        case ColumnCount: break;
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case NameColumn: return s.name;
        case FilesColumn: {
            QStringList names;
            for (const QString &f : s.files())
                names.append(QFileInfo(f).fileName());
            return names.join(QStringLiteral(", "));
        }
        case IntervalColumn: return tr("every %n min", nullptr, s.intervalMinutes);
        case NextRunColumn: return nextRunText(s, QDateTime::currentDateTimeUtc());
        case LastRunColumn: return format::dateTime(s.lastRunAt);
        case LastJobColumn:
            if (s.lastJobId == 0)
                return QStringLiteral("—");
            if (job == m_lastJobs.cend())
                return tr("job %1").arg(s.lastJobId);
            return tr("job %1, %2").arg(s.lastJobId).arg(JobHistoryModel::statusText(job->status));
        case ColumnCount: break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == FilesColumn)
            return s.files().join(QLatin1Char('\n'));
        if (index.column() == LastJobColumn && job != m_lastJobs.cend() && !job->error.isEmpty())
            return job->error;
    }
    return {};
}

QVariant SchedulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn: return tr("Name");
    case FilesColumn: return tr("Files");
    case IntervalColumn: return tr("Interval");
    case NextRunColumn: return tr("Next run");
    case LastRunColumn: return tr("Last run");
    case LastJobColumn: return tr("Last job");
    case ColumnCount: break;
    }
    return {};
}

} // namespace kms::ui
