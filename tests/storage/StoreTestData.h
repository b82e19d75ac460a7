// SPDX-License-Identifier: MIT
#pragma once

// Builds RecordWrites the way the ingestion workers would, with simple stand-in hashes.

#include "storage/Store.h"
#include "storage/StoreConnection.h"

#include <QString>

#include <sqlite3.h>

namespace kms::test {

inline quint64 fnv1a(const QString &s, quint64 h = 14695981039346656037ull)
{
    for (const QChar c : s) {
        h ^= c.unicode();
        h *= 1099511628211ull;
    }
    return h;
}

// Multiples of 1/127 whose largest is 1 (the first): the store keeps vectors in 8 bits with a
// scale of largest / 127 (VectorBlob.h), which holds these exactly, so tests can compare what they
// wrote with what they read.
inline std::vector<float> vectorFor(quint64 textHash, int dim = 8)
{
    std::vector<float> v(static_cast<size_t>(dim));
    for (int i = 0; i < dim; ++i) {
        const int q = i == 0 ? 127 : int((textHash >> (i % 8 * 8)) & 0xff) % 127;
        v[size_t(i)] = float(q) * (1.0f / 127.0f);
    }
    return v;
}

inline RecordWrite makeWrite(Collection c, const QString &externalId, const QString &title,
                             const QString &body, const QString &status = {})
{
    RecordWrite w;
    w.record.collection = c;
    w.record.externalId = externalId;
    w.record.title = title;
    w.record.body = body;
    w.record.status = status;
    w.titleText = title.toLower();
    w.bodyText = body.toLower();
    w.textHash = fnv1a(w.titleText + u'\n' + w.bodyText);
    w.contentHash = fnv1a(status, fnv1a(title + u'\x1f' + body));
    w.vector = vectorFor(w.textHash);
    w.vectorIsNew = true;
    return w;
}

// Row ids whose full-text row matches an FTS5 query, in id order.
inline QList<qint64> ftsMatch(Store &store, const char *query)
{
    QList<qint64> ids;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(connectionOf(store), "SELECT rowid FROM records_fts WHERE records_fts MATCH ?1 ORDER BY rowid",
                           -1, &stmt, nullptr) != SQLITE_OK)
        return {-1};
    sqlite3_bind_text(stmt, 1, query, -1, SQLITE_STATIC);
    while (sqlite3_step(stmt) == SQLITE_ROW)
        ids << sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return ids;
}

// First column of the first row of a statement, -1 on any error.
inline qint64 scalar(sqlite3 *db, const char *sqlText)
{
    sqlite3_stmt *stmt = nullptr;
    qint64 value = -1;
    if (sqlite3_prepare_v2(db, sqlText, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return value;
}

} // namespace kms::test
