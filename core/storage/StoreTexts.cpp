// SPDX-License-Identifier: MIT
// Compressed record texts (TextCodec.h): the dictionaries, training them, and compressing the
// texts a store keeps plain.
#include "storage/Store.h"
#include "storage/StoreSql.h"
#include "storage/TextCodec.h"

#include <QDateTime>
#include <QStringList>

#include <sqlite3.h>

#include <array>

namespace kms {

namespace {

// The texts a record keeps compressed, in the form they are stored (the extra fields as JSON).
std::array<QByteArray, 3> longTexts(const Record &r)
{
    return {r.body.toUtf8(), r.resolution.toUtf8(), sql::extraJson(r.extra)};
}

// Enough of a collection's stored records to train on: the newest, as what comes next most
// resembles them.
constexpr int kTrainingRecords = 4000;
constexpr const char *kPlainText = "(typeof(body) = 'text' OR typeof(resolution) = 'text' OR typeof(extra) = 'text')";

} // namespace

bool Store::loadTextDictionaries()
{
    if (m_codecLoaded)
        return true;
    sql::Statement st("SELECT id, collection, dictionary FROM text_dictionaries ORDER BY id");
    QString error;
    if (!st.prepare(m_db, &error, false)) {
        fail(QStringLiteral("reading the text dictionaries: %1").arg(error));
        return false;
    }
    sql::Query q(st);
    int rc = SQLITE_ROW;
    while ((rc = q.step()) == SQLITE_ROW) {
        // Later rows replace earlier ones as the collection's dictionary for new values.
        if (!m_codec->addDictionary(q.int64(0), q.int32(1), q.blob(2), &error)) {
            fail(error);
            return false;
        }
    }
    if (rc != SQLITE_DONE) {
        sqlFail(QStringLiteral("reading the text dictionaries"), rc);
        return false;
    }
    m_codecLoaded = true;
    return true;
}

void Store::forgetTextDictionaries()
{
    m_codec->clear();
    m_codecLoaded = false;
}

QHash<int, QByteArray> Store::trainTextDictionaries(const BatchWrite &batch)
{
    QHash<int, QByteArray> out;
    for (const Collection c : {Collection::Cases, Collection::Knowledge}) {
        if (m_codec->compresses(int(c)))
            continue;
        std::vector<QByteArray> samples;
        for (const RecordWrite &w : batch.records) {
            if (w.record.collection == c) {
                for (QByteArray &text : longTexts(w.record))
                    samples.push_back(std::move(text));
            }
        }
        QString error;
        // A batch too small or too uniform to train on leaves the texts plain; a later one may do.
        QByteArray dictionary = TextCodec::train(samples, &error);
        if (!dictionary.isEmpty())
            out.insert(int(c), std::move(dictionary));
    }
    return out;
}

int Store::storeTextDictionaries(const QHash<int, QByteArray> &trained)
{
    for (auto it = trained.cbegin(); it != trained.cend(); ++it) {
        sql::Statement st("INSERT INTO text_dictionaries (collection, dictionary, created_at) VALUES (?1, ?2, ?3)");
        QString error;
        if (!st.prepare(m_db, &error, false))
            return fail(QStringLiteral("storing a text dictionary: %1").arg(error));
        sql::Query q(st);
        q.bind(1, it.key()).bindBlob(2, it.value()).bind(3, QDateTime::currentMSecsSinceEpoch());
        if (const int rc = q.step(); rc != SQLITE_DONE)
            return sqlFail(QStringLiteral("storing a text dictionary"), rc);
        if (!m_codec->addDictionary(sqlite3_last_insert_rowid(m_db), it.key(), it.value(), &error))
            return fail(error);
    }
    return SQLITE_OK;
}

bool Store::trainFromStoredRecords()
{
    for (const Collection c : {Collection::Cases, Collection::Knowledge}) {
        if (m_codec->compresses(int(c)))
            continue;
        sql::Statement st("SELECT kms_text(body), kms_text(resolution), kms_text(extra) FROM records"
                          " WHERE collection = ?1 ORDER BY id DESC LIMIT ?2");
        QString error;
        if (!st.prepare(m_db, &error, false)) {
            fail(QStringLiteral("sampling texts to train on: %1").arg(error));
            return false;
        }
        std::vector<QByteArray> samples;
        {
            sql::Query q(st);
            q.bind(1, int(c)).bind(2, kTrainingRecords);
            int rc;
            while ((rc = q.step()) == SQLITE_ROW) {
                for (int i = 0; i < 3; ++i) {
                    if (!q.isNull(i))
                        samples.push_back(q.utf8(i));
                }
            }
            if (rc != SQLITE_DONE) {
                sqlFail(QStringLiteral("sampling texts to train on"), rc);
                return false;
            }
        }
        const QByteArray dictionary = TextCodec::train(samples, &error);
        if (dictionary.isEmpty())
            continue; // too little text in this collection: it stays plain
        const QHash<int, QByteArray> trained{{int(c), dictionary}};
        if (!writeTransaction([&] { return storeTextDictionaries(trained); })) {
            forgetTextDictionaries();
            return false;
        }
    }
    return true;
}

StoreCheck checkStoredTexts(sqlite3 *db, TextCodec &codec, const std::atomic<bool> *cancel)
{
    static const char *const kFields[] = {"body", "resolution", "extra fields"};
    sqlite3_stmt *st = nullptr;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT external_id, body, resolution, extra FROM records"
                                " WHERE typeof(body) = 'blob' OR typeof(resolution) = 'blob' OR typeof(extra) = 'blob'",
                                -1, &st, nullptr);
    qint64 damaged = 0, rows = 0;
    QStringList named;
    if (rc == SQLITE_OK) {
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (++rows % 1000 == 0 && cancel && cancel->load()) {
                sqlite3_finalize(st);
                return {false, true, QStringLiteral("cancelled")};
            }
            bool bad = false;
            for (int c = 1; c <= 3; ++c) {
                QString text, error;
                if (sql::columnText(st, c, codec, &text, &error))
                    continue;
                if (!bad && named.size() < 10) {
                    named << QStringLiteral("'%1' (%2: %3)")
                                 .arg(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0))),
                                      QLatin1String(kFields[c - 1]), error);
                }
                bad = true;
            }
            damaged += bad ? 1 : 0;
        }
    }
    const QString sqlError = QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return {false, false, QStringLiteral("reading the stored texts: %1").arg(sqlError)};
    if (damaged == 0)
        return {true, false, QStringLiteral("ok")};
    const QString count = damaged == 1 ? QStringLiteral("1 record has") : QStringLiteral("%1 records have").arg(damaged);
    const QString more = damaged > named.size() ? QStringLiteral(", ...") : QString();
    return {false, false, QStringLiteral("%1 a stored text that cannot be read: %2%3")
                              .arg(count, named.join(QStringLiteral(", ")), more)};
}

qint64 Store::compactTexts(int batch, const std::function<void(qint64, qint64)> &progress,
                           const std::atomic<bool> *cancel)
{
    if (!loadTextDictionaries() || !trainFromStoredRecords())
        return -1;
    QStringList collections;
    for (const Collection c : {Collection::Cases, Collection::Knowledge}) {
        if (m_codec->compresses(int(c)))
            collections << QString::number(int(c));
    }
    if (collections.isEmpty()) {
        if (progress)
            progress(0, 0);
        return 0;
    }
    const QString where = QStringLiteral("collection IN (%1) AND %2").arg(collections.join(u','), QLatin1String(kPlainText));
    sql::Statement count(QStringLiteral("SELECT count(*) FROM records WHERE %1").arg(where));
    sql::Statement page(QStringLiteral("SELECT id, collection, body, resolution, extra FROM records"
                                       " WHERE id > ?1 AND %1 ORDER BY id LIMIT ?2").arg(where));
    // NULL keeps a column as it is (already compressed, or too short to gain).
    sql::Statement update("UPDATE records SET body = coalesce(?2, body), resolution = coalesce(?3, resolution),"
                          " extra = coalesce(?4, extra) WHERE id = ?1");
    QString error;
    if (!count.prepare(m_db, &error, false) || !page.prepare(m_db, &error, false)
        || !update.prepare(m_db, &error, false)) {
        fail(QStringLiteral("compressing texts: %1").arg(error));
        return -1;
    }
    qint64 total = 0;
    {
        sql::Query q(count);
        const int rc = q.step();
        if (rc != SQLITE_ROW) {
            sqlFail(QStringLiteral("compressing texts: counting them"), rc);
            return -1;
        }
        total = q.int64(0);
    }
    if (progress)
        progress(0, total);
    qint64 seen = 0, compressed = 0, afterId = 0;
    for (bool more = total > 0; more;) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return -2;
        // Set only once the batch is committed: a busy retry runs the body again from afterId.
        int rows = 0, packedRows = 0;
        qint64 lastId = afterId;
        const bool ok = writeTransaction([&] {
            rows = packedRows = 0;
            struct Row {
                qint64 id;
                int collection;
                std::array<QByteArray, 3> texts; // {} where a column is not plain text
            };
            std::vector<Row> read;
            {
                sql::Query q(page);
                q.bind(1, afterId).bind(2, batch);
                int rc;
                while ((rc = q.step()) == SQLITE_ROW) {
                    Row r{q.int64(0), q.int32(1), {}};
                    for (int i = 0; i < 3; ++i) {
                        if (q.type(2 + i) == SQLITE_TEXT)
                            r.texts[size_t(i)] = q.utf8(2 + i);
                    }
                    read.push_back(std::move(r));
                }
                if (rc != SQLITE_DONE)
                    return sqlFail(QStringLiteral("compressing texts: reading them"), rc);
            }
            for (const Row &r : read) {
                std::array<QByteArray, 3> packed;
                bool any = false;
                for (size_t i = 0; i < 3; ++i) {
                    packed[i] = m_codec->pack(r.collection, r.texts[i]);
                    any = any || !packed[i].isEmpty();
                }
                lastId = r.id;
                if (!any)
                    continue;
                sql::Query q(update);
                q.bind(1, r.id);
                for (int i = 0; i < 3; ++i)
                    packed[size_t(i)].isEmpty() ? q.bindNull(2 + i) : q.bindBlob(2 + i, packed[size_t(i)]);
                const int rc = q.step();
                if (rc != SQLITE_DONE)
                    return sqlFail(QStringLiteral("compressing texts: record id %1").arg(r.id), rc);
                ++packedRows;
            }
            rows = int(read.size());
            return int(SQLITE_OK);
        });
        if (!ok)
            return -1;
        afterId = lastId;
        seen += rows;
        compressed += packedRows;
        more = rows == batch;
        if (progress)
            progress(seen, total);
    }
    return compressed;
}

} // namespace kms
