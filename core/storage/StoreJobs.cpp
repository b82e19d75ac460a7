// SPDX-License-Identifier: MIT
// Jobs, rejects and the metrics history.
#include "storage/Store.h"
#include "storage/StoreSql.h"

#include <algorithm>

namespace kms {

namespace {

// Columns as selected by selectJob / selectJobs.
JobInfo readJob(const sql::Query &q)
{
    JobInfo j;
    j.id = q.int64(0);
    j.source = q.text(1);
    j.optionsJson = q.text(2);
    j.status = jobStatusFromName(q.text(3)).value_or(JobStatus::Failed);
    j.priority = jobPriorityFromName(q.text(4)).value_or(JobPriority::Normal);
    j.counts.read = q.int64(5);
    j.counts.inserted = q.int64(6);
    j.counts.updated = q.int64(7);
    j.counts.unchanged = q.int64(8);
    j.counts.rejected = q.int64(9);
    j.counts.batchesCommitted = q.int64(10);
    j.startedAt = q.time(11);
    j.finishedAt = q.time(12);
    j.recordsPerSecond = q.real(13);
    j.error = q.text(14);
    j.counts.adjusted = q.int64(15);
    return j;
}

// Columns id, job_id, source, record_number, line, field, reason, raw_data.
RejectInfo readReject(const sql::Query &q)
{
    RejectInfo r;
    r.id = q.int64(0);
    r.jobId = q.int64(1);
    r.source = q.text(2);
    r.recordNumber = q.int64(3);
    r.line = q.int64(4);
    r.field = q.text(5);
    r.reason = q.text(6);
    r.rawData = q.text(7);
    return r;
}

// Binds the job columns shared by insertJob (?1..?15) and updateJob (?2..?16).
void bindJob(sql::Query &q, const JobInfo &j, const QString &status, const QString &priority, int first)
{
    q.bindText(first, j.source)
        .bindTextOrNull(first + 1, j.optionsJson)
        .bindText(first + 2, status)
        .bindText(first + 3, priority)
        .bind(first + 4, j.counts.read)
        .bind(first + 5, j.counts.inserted)
        .bind(first + 6, j.counts.updated)
        .bind(first + 7, j.counts.unchanged)
        .bind(first + 8, j.counts.rejected)
        .bind(first + 9, j.counts.batchesCommitted)
        .bindTime(first + 10, j.startedAt)
        .bindTime(first + 11, j.finishedAt)
        .bind(first + 12, j.recordsPerSecond)
        .bindTextOrNull(first + 13, j.error)
        .bind(first + 14, j.counts.adjusted);
}

} // namespace

qint64 Store::createJob(const JobInfo &job)
{
    const QString status = jobStatusName(job.status);
    const QString priority = jobPriorityName(job.priority);
    sql::Query q(m_stmts->insertJob);
    bindJob(q, job, status, priority, 1);
    q.bind(16, QDateTime::currentMSecsSinceEpoch());
    const int rc = q.step();
    if (rc != SQLITE_DONE) {
        sqlFail(QStringLiteral("cannot create a job for %1").arg(job.source), rc);
        return 0;
    }
    return sqlite3_last_insert_rowid(m_db);
}

bool Store::updateJob(const JobInfo &job)
{
    const QString status = jobStatusName(job.status);
    const QString priority = jobPriorityName(job.priority);
    sql::Query q(m_stmts->updateJob);
    q.bind(1, job.id);
    bindJob(q, job, status, priority, 2);
    const int rc = q.step();
    if (rc != SQLITE_DONE) {
        sqlFail(QStringLiteral("cannot update job %1").arg(job.id), rc);
        return false;
    }
    if (sqlite3_changes(m_db) == 0) {
        fail(QStringLiteral("cannot update job %1: it does not exist").arg(job.id));
        return false;
    }
    return true;
}

std::optional<JobInfo> Store::job(qint64 id)
{
    sql::Query q(m_stmts->selectJob);
    q.bind(1, id);
    const int rc = q.step();
    if (rc == SQLITE_ROW)
        return readJob(q);
    if (rc == SQLITE_DONE)
        fail(QStringLiteral("job %1 does not exist").arg(id));
    else
        sqlFail(QStringLiteral("reading job %1").arg(id), rc);
    return std::nullopt;
}

QList<JobInfo> Store::jobs(int limit)
{
    QList<JobInfo> list;
    sql::Query q(m_stmts->selectJobs);
    q.bind(1, limit);
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        list << readJob(q);
    if (rc != SQLITE_DONE)
        sqlFail(QStringLiteral("reading jobs"), rc);
    return list;
}

QList<RejectInfo> Store::rejects(qint64 jobId, int limit, int offset)
{
    QList<RejectInfo> list;
    sql::Query q(m_stmts->selectRejects);
    q.bind(1, jobId).bind(2, limit).bind(3, offset);
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
        list << readReject(q);
    }
    if (rc != SQLITE_DONE)
        sqlFail(QStringLiteral("reading rejects of job %1").arg(jobId), rc);
    return list;
}

std::optional<RejectInfo> Store::reject(qint64 rejectId)
{
    // Rare (one per retried record): a one-off statement rather than a kept one.
    sql::Statement stmt("SELECT id, job_id, source, record_number, line, field, reason, raw_data"
                        " FROM rejects WHERE id = ?1");
    QString error;
    if (!stmt.prepare(m_db, &error)) {
        fail(error);
        return std::nullopt;
    }
    sql::Query q(stmt);
    q.bind(1, rejectId);
    const int rc = q.step();
    if (rc == SQLITE_DONE) {
        fail(QStringLiteral("reject %1 does not exist").arg(rejectId));
        return std::nullopt;
    }
    if (rc != SQLITE_ROW) {
        sqlFail(QStringLiteral("reading reject %1").arg(rejectId), rc);
        return std::nullopt;
    }
    return readReject(q);
}

bool Store::deleteReject(qint64 rejectId)
{
    sql::Query q(m_stmts->deleteReject);
    q.bind(1, rejectId);
    const int rc = q.step();
    if (rc != SQLITE_DONE) {
        sqlFail(QStringLiteral("cannot delete reject %1").arg(rejectId), rc);
        return false;
    }
    if (sqlite3_changes(m_db) == 0) {
        fail(QStringLiteral("cannot delete reject %1: it does not exist").arg(rejectId));
        return false;
    }
    return true;
}

int Store::markInterruptedJobs()
{
    // Runs once at startup, so one-off statements rather than kept ones. A queued job is not run
    // again: the process that opens the store next may be a reader that exits at once, and its
    // files may have changed since someone asked for it. It ends as a job the engine closed
    // before its turn does (JobScheduler), with the reason.
    static const char *const kStatements[] = {
        "UPDATE jobs SET status = 'failed', error = 'interrupted: the process stopped during the job',"
        " finished_at = coalesce(finished_at, ?1) WHERE status IN ('running', 'paused')",
        "UPDATE jobs SET status = 'cancelled', error = 'not run: the process stopped before its turn; nothing of it"
        " was read or written, submit it again', finished_at = coalesce(finished_at, ?1) WHERE status = 'queued'"};
    int marked = 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool ok = writeTransaction([&] {
        marked = 0;
        for (const char *sqlText : kStatements) {
            sqlite3_stmt *stmt = nullptr;
            int rc = sqlite3_prepare_v2(m_db, sqlText, -1, &stmt, nullptr);
            if (rc == SQLITE_OK) {
                sqlite3_bind_int64(stmt, 1, now);
                rc = sqlite3_step(stmt);
            }
            sqlite3_finalize(stmt);
            if (rc != SQLITE_DONE)
                return sqlFail(QStringLiteral("cannot mark interrupted jobs"), rc);
            marked += sqlite3_changes(m_db);
        }
        return SQLITE_OK;
    });
    return ok ? marked : 0;
}

// ---- metrics ------------------------------------------------------------------------------------------

bool Store::appendMetrics(const QList<MetricSample> &samples)
{
    if (samples.isEmpty())
        return true;
    return writeTransaction([&] {
        for (const MetricSample &s : samples) {
            sql::Query q(m_stmts->insertMetric);
            q.bind(1, s.timestampMs).bindText(2, s.name).bind(3, s.value);
            const int rc = q.step();
            if (rc != SQLITE_DONE)
                return sqlFail(QStringLiteral("appending metric %1").arg(s.name), rc);
        }
        return SQLITE_OK;
    });
}

QList<MetricSample> Store::metrics(const QString &name, qint64 fromMs, qint64 toMs)
{
    QList<MetricSample> list;
    sql::Query q(m_stmts->selectMetrics);
    q.bindText(1, name).bind(2, fromMs).bind(3, toMs);
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        list.push_back({q.int64(0), name, q.real(1)});
    if (rc != SQLITE_DONE)
        sqlFail(QStringLiteral("reading metric %1").arg(name), rc);
    return list;
}

QHash<QString, QList<MetricBucket>> Store::metricBuckets(const QStringList &names, qint64 fromMs, qint64 toMs,
                                                         qint64 widthMs)
{
    widthMs = std::max<qint64>(widthMs, 1);
    QHash<QString, QList<MetricBucket>> out;
    for (const QString &name : names) {
        QList<MetricBucket> &series = out[name];
        sql::Query q(m_stmts->selectMetricBuckets);
        q.bindText(1, name).bind(2, std::max<qint64>(fromMs, 0)).bind(3, toMs).bind(4, widthMs);
        int rc;
        while ((rc = q.step()) == SQLITE_ROW)
            series.append(MetricBucket{q.int64(0) * widthMs, q.int64(1), q.real(2), q.real(3), q.int64(4)});
        if (rc != SQLITE_DONE) {
            sqlFail(QStringLiteral("reading metric %1").arg(name), rc);
            series.clear();
        }
    }
    return out;
}

bool Store::pruneMetrics(qint64 olderThanMs)
{
    sqlite3_stmt *stmt = nullptr;
    int rc = sqlite3_prepare_v2(m_db, "DELETE FROM metrics WHERE ts < ?1", -1, &stmt, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(stmt, 1, olderThanMs);
        rc = sqlite3_step(stmt);
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
        sqlFail(QStringLiteral("cannot prune metrics"), rc);
        return false;
    }
    return true;
}

} // namespace kms
