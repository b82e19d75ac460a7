// SPDX-License-Identifier: MIT
// REST API tokens. A handful of rows, read once per request at most: statements are prepared per
// call, like the scheduled syncs', so they stay out of the set every connection prepares at open.
#include "storage/Store.h"
#include "storage/StoreSql.h"

namespace kms {

namespace {

constexpr const char *kColumns = "id, name, scope, created_at, last_used_at, revoked_at, token_hash";

ApiToken readToken(const sql::Query &q)
{
    ApiToken t;
    t.id = q.int64(0);
    t.name = q.text(1);
    t.scope = apiTokenScopeFromName(q.text(2)).value_or(ApiTokenScope::Read);
    t.createdAt = q.time(3);
    t.lastUsedAt = q.time(4);
    t.revokedAt = q.time(5);
    return t;
}

} // namespace

qint64 Store::addApiToken(const QString &name, ApiTokenScope scope, const QByteArray &tokenHash)
{
    sql::Statement stmt("INSERT INTO api_tokens (name, scope, token_hash, created_at) VALUES (?1, ?2, ?3, ?4)");
    QString error;
    if (!stmt.prepare(m_db, &error)) {
        fail(error);
        return 0;
    }
    const QString scopeName = apiTokenScopeName(scope);
    sql::Query q(stmt);
    q.bindText(1, name).bindText(2, scopeName).bindUtf8OrNull(3, tokenHash).bindTime(4, QDateTime::currentDateTimeUtc());
    const int rc = q.step();
    if ((rc & 0xff) == SQLITE_CONSTRAINT) { // extended codes are on: SQLITE_CONSTRAINT_UNIQUE
        fail(QStringLiteral("a token named '%1' exists already (revoke it first, or choose another name)").arg(name), rc);
        return 0;
    }
    if (rc != SQLITE_DONE) {
        sqlFail(QStringLiteral("cannot add the API token '%1'").arg(name), rc);
        return 0;
    }
    return sqlite3_last_insert_rowid(m_db);
}

QList<ApiToken> Store::apiTokens()
{
    QList<ApiToken> list;
    sql::Statement stmt(QStringLiteral("SELECT %1 FROM api_tokens ORDER BY revoked_at IS NOT NULL, name, id")
                            .arg(QLatin1String(kColumns)));
    QString error;
    if (!stmt.prepare(m_db, &error, false)) {
        fail(error);
        return list;
    }
    sql::Query q(stmt);
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        list << readToken(q);
    if (rc != SQLITE_DONE)
        sqlFail(QStringLiteral("reading the API tokens"), rc);
    return list;
}

std::optional<ApiToken> Store::activeApiToken(const QByteArray &tokenHash, QByteArray *storedHash)
{
    sql::Statement stmt(QStringLiteral("SELECT %1 FROM api_tokens WHERE token_hash = ?1 AND revoked_at IS NULL")
                            .arg(QLatin1String(kColumns)));
    QString error;
    if (!stmt.prepare(m_db, &error, false)) {
        fail(error);
        return std::nullopt;
    }
    sql::Query q(stmt);
    q.bindUtf8OrNull(1, tokenHash);
    const int rc = q.step();
    if (rc == SQLITE_ROW) {
        if (storedHash)
            *storedHash = q.utf8(6);
        return readToken(q);
    }
    if (rc != SQLITE_DONE)
        sqlFail(QStringLiteral("looking up an API token"), rc);
    return std::nullopt;
}

bool Store::revokeApiToken(const QString &name)
{
    sql::Statement stmt("UPDATE api_tokens SET revoked_at = ?2 WHERE name = ?1 AND revoked_at IS NULL");
    QString error;
    if (!stmt.prepare(m_db, &error, false)) {
        fail(error);
        return false;
    }
    sql::Query q(stmt);
    q.bindText(1, name).bindTime(2, QDateTime::currentDateTimeUtc());
    const int rc = q.step();
    if (rc != SQLITE_DONE) {
        sqlFail(QStringLiteral("cannot revoke the API token '%1'").arg(name), rc);
        return false;
    }
    if (sqlite3_changes(m_db) == 0) {
        fail(QStringLiteral("no token named '%1' is in force").arg(name));
        return false;
    }
    return true;
}

bool Store::touchApiToken(qint64 id, const QDateTime &usedAt)
{
    sql::Statement stmt("UPDATE api_tokens SET last_used_at = ?2 WHERE id = ?1");
    QString error;
    if (!stmt.prepare(m_db, &error, false)) {
        fail(error);
        return false;
    }
    sql::Query q(stmt);
    q.bind(1, id).bindTime(2, usedAt);
    const int rc = q.step();
    if (rc != SQLITE_DONE) {
        sqlFail(QStringLiteral("cannot note the use of API token %1").arg(id), rc);
        return false;
    }
    return true;
}

} // namespace kms
