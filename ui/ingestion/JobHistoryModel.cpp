// SPDX-License-Identifier: MIT
#include "ingestion/JobHistoryModel.h"

#include "widgets/Format.h"
#include "widgets/StatusStyle.h"

#include <QBrush>
#include <QDateTime>
#include <QFileInfo>

namespace kms::ui {

JobHistoryModel::JobHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void JobHistoryModel::setJobs(const QList<JobInfo> &jobs)
{
    bool sameRows = jobs.size() == m_jobs.size();
    for (qsizetype i = 0; sameRows && i < jobs.size(); ++i)
        sameRows = jobs.at(i).id == m_jobs.at(i).id;
    if (sameRows) {
        m_jobs = jobs;
        if (!m_jobs.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_jobs.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_jobs = jobs;
    endResetModel();
}

int JobHistoryModel::rowOfJob(qint64 id) const
{
    for (qsizetype i = 0; i < m_jobs.size(); ++i)
        if (m_jobs.at(i).id == id)
            return int(i);
    return -1;
}

void JobHistoryModel::setLiveStatus(qint64 jobId, std::optional<JobStatus> status)
{
    const qint64 previous = m_liveJob;
    m_liveJob = status ? jobId : 0;
    m_liveStatus = status.value_or(JobStatus::Running);
    for (const qint64 id : {previous, m_liveJob}) {
        const int row = rowOfJob(id);
        if (id > 0 && row >= 0)
            emit dataChanged(index(row, StatusColumn), index(row, StatusColumn));
    }
}

JobStatus JobHistoryModel::statusOf(const JobInfo &job) const
{
    // Only an unfinished row takes the live state: a finished job's row is the truth.
    if (job.id == m_liveJob && (job.status == JobStatus::Running || job.status == JobStatus::Paused))
        return m_liveStatus;
    return job.status;
}

int JobHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString JobHistoryModel::statusText(JobStatus s)
{
    switch (s) {
    case JobStatus::Queued: return tr("queued");
    case JobStatus::Running: return tr("running");
    case JobStatus::Paused: return tr("paused");
    case JobStatus::Completed: return tr("completed");
    case JobStatus::Failed: return tr("failed");
    case JobStatus::Cancelled: return tr("cancelled");
    }
    return {};
}

double JobHistoryModel::durationSeconds(const JobInfo &job)
{
    if (!job.startedAt.isValid())
        return -1;
    const QDateTime end = job.finishedAt.isValid() ? job.finishedAt : QDateTime::currentDateTimeUtc();
    return double(job.startedAt.msecsTo(end)) / 1000.0;
}

double JobHistoryModel::rateOf(const JobInfo &job)
{
    if (job.recordsPerSecond > 0 || job.status != JobStatus::Running)
        return job.recordsPerSecond;
    // The stored rate is written when a job ends; meanwhile, what it has done so far.
    const double seconds = durationSeconds(job);
    return seconds > 0 ? double(job.counts.processed()) / seconds : 0;
}

QVariant JobHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JobInfo &job = m_jobs.at(index.row());
    if (role == JobIdRole)
        return job.id;
    if (role == StatusRole)
        return int(statusOf(job));
    const JobCounts &c = job.counts;
    if (role == SortRole) {
        switch (Column(index.column())) {
        case IdColumn: return job.id;
        case StatusColumn: return statusText(statusOf(job));
        case SourceColumn: return job.source;
        case ReadColumn: return c.read;
        case InsertedColumn: return c.inserted;
        case UpdatedColumn: return c.updated;
        case UnchangedColumn: return c.unchanged;
        case RejectedColumn: return c.rejected;
        case StartedColumn: return job.startedAt.isValid() ? job.startedAt.toMSecsSinceEpoch() : 0;
        case DurationColumn: return durationSeconds(job);
        case RateColumn: return rateOf(job);
        case ColumnCount: break;
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case IdColumn: return job.id;
        case StatusColumn: return statusText(statusOf(job));
        case SourceColumn: {
            QStringList names;
            for (const QString &path : job.source.split(QLatin1Char(';'), Qt::SkipEmptyParts))
                names.append(QFileInfo(path).fileName());
            return names.join(QStringLiteral(", "));
        }
        case ReadColumn: return format::count(c.read);
        case InsertedColumn: return format::count(c.inserted);
        case UpdatedColumn: return format::count(c.updated);
        case UnchangedColumn: return format::count(c.unchanged);
        case RejectedColumn: return format::count(c.rejected);
        case StartedColumn: return format::dateTime(job.startedAt);
        case DurationColumn: return format::duration(durationSeconds(job));
        case RateColumn: return rateOf(job) > 0 ? format::rate(rateOf(job)) : QStringLiteral("—");
        case ColumnCount: break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == SourceColumn)
            return job.source.split(QLatin1Char(';')).join(QLatin1Char('\n'));
        if (index.column() == StatusColumn && !job.error.isEmpty())
            return job.error;
        return {};
    }
    if (role == Qt::ForegroundRole) {
        if (index.column() == StatusColumn && job.status == JobStatus::Failed)
            return QBrush(statusstyle::textColor(statusstyle::Tone::Error));
        if (index.column() == RejectedColumn && c.rejected > 0)
            return QBrush(statusstyle::textColor(statusstyle::Tone::Warning));
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        switch (Column(index.column())) {
        case StatusColumn:
        case SourceColumn:
        case StartedColumn: return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        default: return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    return {};
}

QVariant JobHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case IdColumn: return tr("Job");
    case StatusColumn: return tr("Status");
    case SourceColumn: return tr("Source");
    case ReadColumn: return tr("Read");
    case InsertedColumn: return tr("New");
    case UpdatedColumn: return tr("Updated");
    case UnchangedColumn: return tr("Unchanged");
    case RejectedColumn: return tr("Rejected");
    case StartedColumn: return tr("Started");
    case DurationColumn: return tr("Duration");
    case RateColumn: return tr("Rate");
    case ColumnCount: break;
    }
    return {};
}

} // namespace kms::ui
