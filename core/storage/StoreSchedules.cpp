// SPDX-License-Identifier: MIT
// Scheduled syncs. A handful of rows read every few seconds: statements are prepared per call,
// which keeps them out of the statement set every connection prepares at open.
#include "storage/Store.h"
#include "storage/StoreSql.h"

#include <QJsonDocument>

namespace kms {

namespace {

#define KMS_SCHEDULE_COLUMNS \
    "id, name, options, interval_minutes, enabled, created_at, next_run_at, last_run_at, last_job_id"
constexpr const char *kSelectAll = "SELECT " KMS_SCHEDULE_COLUMNS " FROM sync_schedules ORDER BY next_run_at, id";
constexpr const char *kSelectOne = "SELECT " KMS_SCHEDULE_COLUMNS " FROM sync_schedules WHERE id = ?1";
#undef KMS_SCHEDULE_COLUMNS

SyncSchedule readSchedule(const sql::Query &q)
{
    SyncSchedule s;
    s.id = q.int64(0);
    s.name = q.text(1);
    s.options = QJsonDocument::fromJson(q.utf8(2)).object();
    s.intervalMinutes = int(q.int64(3));
    s.enabled = q.int64(4) != 0;
    s.createdAt = q.time(5);
    s.nextRunAt = q.time(6);
    s.lastRunAt = q.time(7);
    s.lastJobId = q.isNull(8) ? 0 : q.int64(8);
    return s;
}

QByteArray optionsText(const SyncSchedule &s)
{
    return QJsonDocument(s.options).toJson(QJsonDocument::Compact);
}

} // namespace

QList<SyncSchedule> Store::schedules()
{
    QList<SyncSchedule> list;
    sql::Statement stmt(kSelectAll);
    QString error;
    if (!stmt.prepare(m_db, &error)) {
        fail(error);
        return list;
    }
    sql::Query q(stmt);
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        list << readSchedule(q);
    if (rc != SQLITE_DONE)
        sqlFail(QStringLiteral("reading the sync schedules"), rc);
    return list;
}

std::optional<SyncSchedule> Store::schedule(qint64 id)
{
    sql::Statement stmt(kSelectOne);
    QString error;
    if (!stmt.prepare(m_db, &error)) {
        fail(error);
        return std::nullopt;
    }
    sql::Query q(stmt);
    q.bind(1, id);
    const int rc = q.step();
    if (rc == SQLITE_ROW)
        return readSchedule(q);
    if (rc == SQLITE_DONE)
        fail(QStringLiteral("sync schedule %1 does not exist").arg(id));
    else
        sqlFail(QStringLiteral("reading sync schedule %1").arg(id), rc);
    return std::nullopt;
}

qint64 Store::addSchedule(const SyncSchedule &s)
{
    sql::Statement stmt("INSERT INTO sync_schedules (name, options, interval_minutes, enabled, created_at,"
                        " next_run_at, last_run_at, last_job_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    QString error;
    if (!stmt.prepare(m_db, &error)) {
        fail(error);
        return 0;
    }
    const QByteArray options = optionsText(s);
    const QDateTime created = s.createdAt.isValid() ? s.createdAt : QDateTime::currentDateTimeUtc();
    sql::Query q(stmt);
    q.bindText(1, s.name)
        .bindUtf8OrNull(2, options)
        .bind(3, s.intervalMinutes)
        .bind(4, s.enabled ? 1 : 0)
        .bindTime(5, created)
        .bindTime(6, s.nextRunAt)
        .bindTime(7, s.lastRunAt);
    if (s.lastJobId > 0)
        q.bind(8, s.lastJobId);
    else
        q.bindNull(8);
    const int rc = q.step();
    if (rc != SQLITE_DONE) {
        sqlFail(QStringLiteral("cannot add the sync schedule '%1'").arg(s.name), rc);
        return 0;
    }
    return sqlite3_last_insert_rowid(m_db);
}

bool Store::updateSchedule(const SyncSchedule &s)
{
    sql::Statement stmt("UPDATE sync_schedules SET name = ?2, options = ?3, interval_minutes = ?4,"
                        " enabled = ?5, next_run_at = ?6, last_run_at = ?7, last_job_id = ?8 WHERE id = ?1");
    QString error;
    if (!stmt.prepare(m_db, &error)) {
        fail(error);
        return false;
    }
    const QByteArray options = optionsText(s);
    sql::Query q(stmt);
    q.bind(1, s.id)
        .bindText(2, s.name)
        .bindUtf8OrNull(3, options)
        .bind(4, s.intervalMinutes)
        .bind(5, s.enabled ? 1 : 0)
        .bindTime(6, s.nextRunAt)
        .bindTime(7, s.lastRunAt);
    if (s.lastJobId > 0)
        q.bind(8, s.lastJobId);
    else
        q.bindNull(8);
    const int rc = q.step();
    if (rc != SQLITE_DONE) {
        sqlFail(QStringLiteral("cannot update sync schedule %1").arg(s.id), rc);
        return false;
    }
    if (sqlite3_changes(m_db) == 0) {
        fail(QStringLiteral("cannot update sync schedule %1: it does not exist").arg(s.id));
        return false;
    }
    return true;
}

bool Store::removeSchedule(qint64 id)
{
    sql::Statement stmt("DELETE FROM sync_schedules WHERE id = ?1");
    QString error;
    if (!stmt.prepare(m_db, &error)) {
        fail(error);
        return false;
    }
    sql::Query q(stmt);
    q.bind(1, id);
    const int rc = q.step();
    if (rc != SQLITE_DONE) {
        sqlFail(QStringLiteral("cannot remove sync schedule %1").arg(id), rc);
        return false;
    }
    if (sqlite3_changes(m_db) == 0) {
        fail(QStringLiteral("cannot remove sync schedule %1: it does not exist").arg(id));
        return false;
    }
    return true;
}

} // namespace kms
