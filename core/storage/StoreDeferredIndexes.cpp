// SPDX-License-Identifier: MIT
// Indexes a load into an empty store builds once at its end instead of record by record.
#include "storage/Store.h"
#include "storage/StoreSql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace kms {

namespace {

// meta key: the definitions of the dropped indexes, a JSON array of {"name", "sql"}.
const QString kDeferredKey = QStringLiteral("deferred_indexes");

// The records table's indexes that only reading uses: the data browser's sorts and value lists
// (0005) and the status and update-time lookups of 0001. Not the ones a load reads itself:
// records_seq (the vector index catching up), records_text_hash (vectors no record points to any
// more) and the (collection, external_id) key (a constraint, and every upsert's lookup).
constexpr const char *kDeferrable =
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'records' AND sql IS NOT NULL"
    " AND (name LIKE 'records\\_browse\\_%' ESCAPE '\\' OR name IN ('records_collection_status', 'records_updated_at'))"
    " ORDER BY name";

struct IndexDefinition {
    QString name;
    QString sql;
};

QList<IndexDefinition> parseDefinitions(const QString &text)
{
    QList<IndexDefinition> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        out.append({o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("sql")).toString()});
    }
    return out;
}

} // namespace

bool Store::deferReadIndexes()
{
    return writeTransaction([this] {
        // Definitions already kept (a deferral whose build has not run yet) stay in the list.
        QList<IndexDefinition> definitions = parseDefinitions(meta(kDeferredKey));
        sql::Statement st(kDeferrable);
        QString error;
        if (!st.prepare(m_db, &error, false))
            return fail(QStringLiteral("cannot list the indexes to defer: %1").arg(error));
        {
            sql::Query q(st);
            int rc;
            while ((rc = q.step()) == SQLITE_ROW) {
                const QString name = q.text(0);
                if (std::none_of(definitions.cbegin(), definitions.cend(),
                                 [&](const IndexDefinition &d) { return d.name == name; }))
                    definitions.append({name, q.text(1)});
            }
            if (rc != SQLITE_DONE)
                return sqlFail(QStringLiteral("cannot list the indexes to defer"), rc);
        }
        if (definitions.isEmpty())
            return int(SQLITE_OK);
        QJsonArray array;
        for (const IndexDefinition &d : std::as_const(definitions))
            array.append(QJsonObject{{QStringLiteral("name"), d.name}, {QStringLiteral("sql"), d.sql}});
        if (!setMeta(kDeferredKey, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact))))
            return int(SQLITE_ERROR);
        for (const IndexDefinition &d : std::as_const(definitions)) {
            const QByteArray drop = QStringLiteral("DROP INDEX IF EXISTS \"%1\"").arg(d.name).toUtf8();
            if (!exec(drop.constData()))
                return fail(QStringLiteral("cannot drop index %1: %2").arg(d.name, m_lastError));
        }
        return int(SQLITE_OK);
    });
}

bool Store::readIndexesDeferred() const
{
    return !meta(kDeferredKey).isEmpty();
}

int Store::buildDeferredIndexes(const std::function<void(int, int)> &progress)
{
    const QList<IndexDefinition> definitions = parseDefinitions(meta(kDeferredKey));
    int built = 0;
    for (const IndexDefinition &d : definitions) {
        if (progress)
            progress(built, int(definitions.size()));
        // IF NOT EXISTS: the ones a stopped build finished are there already. Each in its own
        // transaction, so a stop keeps them.
        QString create = d.sql;
        create.replace(QRegularExpression(QStringLiteral("^CREATE INDEX (IF NOT EXISTS )?"),
                                          QRegularExpression::CaseInsensitiveOption),
                       QStringLiteral("CREATE INDEX IF NOT EXISTS "));
        const QByteArray text = create.toUtf8();
        if (!writeTransaction([&] { return exec(text.constData()) ? int(SQLITE_OK) : int(SQLITE_ERROR); })) {
            m_lastError = QStringLiteral("cannot build index %1: %2").arg(d.name, m_lastError);
            return -1;
        }
        ++built;
    }
    if (progress && built > 0)
        progress(built, built);
    if (!definitions.isEmpty()
        && !writeTransaction([this] { return removeMeta(kDeferredKey) ? int(SQLITE_OK) : int(SQLITE_ERROR); }))
        return -1;
    return built;
}

} // namespace kms
