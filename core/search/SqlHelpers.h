// SPDX-License-Identifier: MIT
#pragma once
// Small helpers for the search module's own SQL (internal to core/search).

#include <QList>
#include <QString>
#include <QVariant>

#include <sqlite3.h>

namespace kms::searchsql {

// A prepared statement that finalises itself.
class Statement
{
public:
    Statement(sqlite3 *db, const QString &sql)
    {
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &m_stmt, nullptr) != SQLITE_OK) {
            m_error = QString::fromUtf8(sqlite3_errmsg(db));
            m_stmt = nullptr;
        }
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool ok() const { return m_stmt != nullptr; }
    QString error() const { return m_error; }
    sqlite3_stmt *get() const { return m_stmt; }
    // Binds values in order from parameter `first` (1-based); returns the next free index.
    int bind(const QVariantList &values, int first = 1)
    {
        int i = first;
        for (const QVariant &v : values) {
            if (v.typeId() == QMetaType::QString) {
                const QByteArray b = v.toString().toUtf8();
                sqlite3_bind_text(m_stmt, i, b.constData(), int(b.size()), SQLITE_TRANSIENT);
            } else {
                sqlite3_bind_int64(m_stmt, i, v.toLongLong());
            }
            ++i;
        }
        return i;
    }

private:
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
};

inline QString text(sqlite3_stmt *s, int col)
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(s, col));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(s, col)) : QString();
}

inline QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(QLatin1Char(','));
}

} // namespace kms::searchsql
