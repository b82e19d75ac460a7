// SPDX-License-Identifier: MIT
#pragma once

#include "model/Job.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace kms::ui {

// The jobs table (Engine::jobs(), newest first) for the history view. Display texts are formatted;
// SortRole gives the raw value so a QSortFilterProxyModel sorts numbers as numbers.
class JobHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, StatusColumn, SourceColumn, ReadColumn, InsertedColumn, UpdatedColumn,
                  UnchangedColumn, RejectedColumn, StartedColumn, DurationColumn, RateColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, JobIdRole, StatusRole };

    explicit JobHistoryModel(QObject *parent = nullptr);

    // Replaces the rows; when the same jobs are listed in the same order only the cells change,
    // so selections and scroll positions survive the refreshes that happen during a job.
    void setJobs(const QList<JobInfo> &jobs);
    const QList<JobInfo> &jobs() const { return m_jobs; }
    int rowOfJob(qint64 id) const;
    // The state the job is in right now, as the page knows it: the jobs table is written per
    // batch, so a paused job would still read "running" there. nullopt: as stored.
    void setLiveStatus(qint64 jobId, std::optional<JobStatus> status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(JobStatus s);
    static double durationSeconds(const JobInfo &job); // -1 when not started
    static double rateOf(const JobInfo &job);          // records per second, so far while running

private:
    JobStatus statusOf(const JobInfo &job) const;

    QList<JobInfo> m_jobs;
    qint64 m_liveJob = 0;
    JobStatus m_liveStatus = JobStatus::Running;
};

} // namespace kms::ui
