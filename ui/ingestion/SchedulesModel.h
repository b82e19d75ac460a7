// SPDX-License-Identifier: MIT
#pragma once

#include "model/Job.h"
#include "model/SyncSchedule.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace kms::ui {

// The scheduled syncs with their next run, last run and the status of their last job.
class SchedulesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, FilesColumn, IntervalColumn, NextRunColumn, LastRunColumn, LastJobColumn,
                  ColumnCount };
    enum Role { ScheduleIdRole = Qt::UserRole + 1, SortRole };

    explicit SchedulesModel(QObject *parent = nullptr);

    // lastJobs: the jobs the schedules last queued, by id (for their status).
    void setSchedules(const QList<SyncSchedule> &schedules, const QHash<qint64, JobInfo> &lastJobs);
    const QList<SyncSchedule> &schedules() const { return m_schedules; }
    // Refreshes the relative times ("in 12 min") without reloading.
    void tick();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString nextRunText(const SyncSchedule &s, const QDateTime &now);

private:
    QList<SyncSchedule> m_schedules;
    QHash<qint64, JobInfo> m_lastJobs;
};

} // namespace kms::ui
