// SPDX-License-Identifier: MIT
#pragma once

#include "model/Job.h"

#include <QAbstractTableModel>
#include <QList>

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

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(JobStatus s);
    static double durationSeconds(const JobInfo &job); // -1 when not started

private:
    QList<JobInfo> m_jobs;
};

} // namespace kms::ui
