// SPDX-License-Identifier: MIT
#include "healthpage/HealthRows.h"

#include "widgets/Format.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QLocale>

namespace kms::ui {

namespace {
// lupdate files tr() calls of free functions under the enclosing namespace, so the catalogue
// context is "kms::ui"; looking them up under any other name would never find a translation.
QString tr(const char *text)
{
    return QCoreApplication::translate("kms::ui", text);
}

QJsonObject component(const QJsonObject &health, const QString &name)
{
    return health.value(QStringLiteral("components")).toObject().value(name).toObject();
}

qint64 integer(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toInteger();
}

QString share(qint64 part, qint64 whole)
{
    return whole > 0 ? format::percent(double(part) / double(whole)) : QStringLiteral("—");
}

QString fileStatusText(const QString &status)
{
    if (status == QLatin1String("loaded"))
        return tr("verified");
    if (status == QLatin1String("missing"))
        return tr("not saved yet");
    if (status == QLatin1String("truncated"))
        return tr("truncated");
    if (status == QLatin1String("corrupt"))
        return tr("corrupt");
    if (status == QLatin1String("foreign"))
        return tr("made by another embedder");
    if (status == QLatin1String("version-mismatch"))
        return tr("another format version");
    return status;
}

QList<HealthRow> databaseRows(const QJsonObject &db, const QJsonObject &detailed, const QString &asOf)
{
    const qint64 cases = integer(db, "case_count");
    const qint64 articles = integer(db, "article_count");
    QList<HealthRow> rows{
        {QStringLiteral("database.records"), tr("Records"), format::count(cases + articles)},
        {QStringLiteral("database.collections"), tr("Cases · articles"),
         tr("%1 · %2").arg(format::count(cases), format::count(articles))},
        {QStringLiteral("database.embeddings"), tr("Embeddings (distinct texts)"), format::count(integer(db, "embedding_count"))},
        {QStringLiteral("database.jobs"), tr("Jobs · rejects"),
         tr("%1 · %2").arg(format::count(integer(db, "job_count")), format::count(integer(db, "reject_count")))},
        {QStringLiteral("database.size"), tr("File size"), format::bytes(double(integer(db, "size_bytes")))},
        {QStringLiteral("database.schema"), tr("Schema version"), QString::number(integer(db, "schema_version"))},
        {QStringLiteral("database.watermark"), tr("Change sequence"), format::count(integer(db, "watermark"))},
    };
    // Only a store made by an older version: the row says what to do about it.
    if (db.value(QStringLiteral("fulltext_keeps_text_copy")).toBool())
        rows.append({QStringLiteral("database.fulltext_copy"), tr("Full-text index"),
                     tr("keeps its own copy of the text; kmsctl compact gives that space back"), true});
    const QString check = db.contains(QStringLiteral("quick_check")) ? db.value(QStringLiteral("quick_check")).toString()
                                                                     : detailed.value(QStringLiteral("quick_check")).toString();
    if (!check.isEmpty()) {
        const QString shown = check == QLatin1String("ok") ? tr("passed") : check;
        rows.append({QStringLiteral("database.quick_check"), tr("Quick check"),
                     db.contains(QStringLiteral("quick_check")) ? shown : tr("%1 (at %2)").arg(shown, asOf)});
    }
    rows.append({QStringLiteral("database.path"), tr("File"), db.value(QStringLiteral("path")).toString(), true});
    return rows;
}

QList<HealthRow> indexRows(const QJsonObject &index, const QJsonObject &db, const QJsonObject &detailed,
                           const QString &asOf)
{
    if (!index.value(QStringLiteral("loaded")).toBool())
        return {{QStringLiteral("vector_index.vectors"), tr("Vectors"), tr("not loaded")}};
    const qint64 vectors = integer(index, "vector_count");
    const qint64 records = integer(db, "case_count") + integer(db, "article_count");
    const QJsonObject hnsw = index.value(QStringLiteral("hnsw")).toObject();
    QList<HealthRow> rows{
        {QStringLiteral("vector_index.vectors"), tr("Vectors"),
         vectors == records ? tr("%1 — one per record").arg(format::count(vectors))
                            : tr("%1 for %2 records").arg(format::count(vectors), format::count(records))},
        {QStringLiteral("vector_index.capacity"), tr("Capacity"),
         tr("%1 (%2 used)").arg(format::count(integer(index, "capacity")), share(vectors, integer(index, "capacity")))},
        {QStringLiteral("vector_index.dimension"), tr("Dimension"), QString::number(integer(index, "dimension"))},
        {QStringLiteral("vector_index.hnsw"), tr("HNSW"),
         tr("M %1 · ef construction %2 · ef search %3")
             .arg(integer(hnsw, "M")).arg(integer(hnsw, "ef_construction")).arg(integer(hnsw, "ef_search"))},
        {QStringLiteral("vector_index.segments"), tr("Segments"),
         tr("%1 (each searched, hits merged)").arg(format::count(integer(index, "segments")))},
    };
    if (index.contains(QStringLiteral("file_bytes")))
        rows.append({QStringLiteral("vector_index.file_size"), tr("File size"),
                     integer(index, "file_bytes") > 0 ? format::bytes(double(integer(index, "file_bytes"))) : tr("no file yet")});
    const bool fresh = index.contains(QStringLiteral("file_status"));
    const QJsonObject &fileSource = fresh ? index : detailed;
    if (fileSource.contains(QStringLiteral("file_status"))) {
        QString text = fileStatusText(fileSource.value(QStringLiteral("file_status")).toString());
        if (fileSource.value(QStringLiteral("file_verified")).toBool())
            text = tr("%1, saved at change %2").arg(text, format::count(integer(fileSource, "file_watermark")));
        rows.append({QStringLiteral("vector_index.file_status"), tr("File check"),
                     fresh ? text : tr("%1 (at %2)").arg(text, asOf)});
    }
    if (index.contains(QStringLiteral("load")))
        rows.append({QStringLiteral("vector_index.load"), tr("At start"), index.value(QStringLiteral("load")).toString(), true});
    if (index.contains(QStringLiteral("file")))
        rows.append({QStringLiteral("vector_index.path"), tr("File"), index.value(QStringLiteral("file")).toString(), true});
    return rows;
}

QString providerText(const QString &provider)
{
    if (provider == QLatin1String("hash"))
        return tr("built in (hashed words)");
    if (provider == QLatin1String("lsa"))
        return tr("learned from the records (LSA)");
    if (provider == QLatin1String("openai"))
        return tr("embedding server");
    if (provider == QLatin1String("bert"))
        return tr("local model folder");
    return provider;
}

QList<HealthRow> embedderRows(const QJsonObject &e)
{
    const QString id = e.value(QStringLiteral("id")).toString();
    const QString stored = e.value(QStringLiteral("store_embedder")).toString();
    // The id is long and technical ("hash-v1:d=256,w=1-2,..."): one elided line, whole in the tooltip.
    QList<HealthRow> rows{
        {QStringLiteral("embedder.id"), tr("Embedder"), id, true},
        {QStringLiteral("embedder.provider"), tr("Provider"), providerText(e.value(QStringLiteral("provider")).toString())},
        {QStringLiteral("embedder.dimension"), tr("Dimension"), QString::number(integer(e, "dimension"))},
        {QStringLiteral("embedder.store"), tr("Stored vectors"),
         stored.isEmpty() ? tr("none yet") : stored == id ? tr("made by this embedder") : tr("made by %1").arg(stored)},
    };
    const bool available = e.value(QStringLiteral("available")).toBool(true);
    const QString lastError = e.value(QStringLiteral("last_error")).toString();
    QString state = tr("runs");
    if (!available)
        state = tr("cannot run: %1").arg(e.value(QStringLiteral("unavailable_reason")).toString());
    else if (e.value(QStringLiteral("remote")).toBool())
        state = lastError.isEmpty() ? tr("reachable (no failed request)") : tr("last request failed");
    rows.append({QStringLiteral("embedder.state"), tr("State"), state});
    const qint64 backlog = integer(e, "vector_backlog");
    rows.append({QStringLiteral("embedder.backlog"), tr("Waiting for a vector"),
                 backlog > 0 ? tr("%1 records").arg(format::count(backlog)) : tr("none")});
    const QString backlogError = e.value(QStringLiteral("vector_backlog_error")).toString();
    if (!lastError.isEmpty() || !backlogError.isEmpty())
        rows.append({QStringLiteral("embedder.last_error"), tr("Last error"), lastError.isEmpty() ? backlogError : lastError,
                     true});
    return rows;
}

QList<HealthRow> diskRows(const QJsonObject &d)
{
    const qint64 free = integer(d, "free_bytes");
    const qint64 total = integer(d, "total_bytes");
    return {
        {QStringLiteral("disk.free"), tr("Free"),
         tr("%1 of %2 (%3)").arg(format::bytes(double(free)), format::bytes(double(total)), share(free, total))},
        {QStringLiteral("disk.data"), tr("Data directory"), format::bytes(double(integer(d, "data_directory_bytes")))},
        {QStringLiteral("disk.path"), tr("Folder"), d.value(QStringLiteral("path")).toString(), true},
    };
}

QList<HealthRow> memoryRows(const QJsonObject &m)
{
    const qint64 total = integer(m, "total_bytes");
    const qint64 rss = integer(m, "rss_bytes");
    return {
        {QStringLiteral("memory.rss"), tr("This process"), tr("%1 (%2 of RAM)").arg(format::bytes(double(rss)), share(rss, total))},
        {QStringLiteral("memory.available"), tr("Available"),
         tr("%1 of %2").arg(format::bytes(double(integer(m, "available_bytes"))), format::bytes(double(total)))},
    };
}
// Distributed embedding: where the workers meet, how many are live and one row per worker.
QList<HealthRow> workerRows(const QJsonObject &w)
{
    const QJsonArray workers = w.value(QStringLiteral("workers")).toArray();
    QList<HealthRow> rows{
        {QStringLiteral("workers.redis"), tr("Redis"), w.value(QStringLiteral("redis")).toString(), true},
        {QStringLiteral("workers.count"), tr("Live workers"), format::count(workers.size())},
    };
    for (const QJsonValue &v : workers) {
        const QJsonObject o = v.toObject();
        const QDateTime seen = QDateTime::fromString(o.value(QStringLiteral("last_seen")).toString(), Qt::ISODateWithMs);
        rows.append({QStringLiteral("workers.") + o.value(QStringLiteral("name")).toString(),
                     o.value(QStringLiteral("host")).toString(),
                     tr("%1 · %2 batches · %3 rec/s · last seen %4")
                         .arg(o.value(QStringLiteral("embedder")).toString(), format::count(integer(o, "batches")),
                              QLocale().toString(o.value(QStringLiteral("rate")).toDouble(), 'f', 1),
                              QLocale().toString(seen.toLocalTime().time(), QLocale::ShortFormat)),
                     true});
    }
    return rows;
}
} // namespace

QStringList healthComponents()
{
    // "workers" is in the health only when a Redis URL is set; the page hides its card otherwise.
    return {QStringLiteral("database"), QStringLiteral("vector_index"), QStringLiteral("embedder"),
            QStringLiteral("disk"), QStringLiteral("memory"), QStringLiteral("workers")};
}

QString healthComponentTitle(const QString &c)
{
    if (c == QLatin1String("database"))
        return tr("Database");
    if (c == QLatin1String("vector_index"))
        return tr("Vector index");
    if (c == QLatin1String("embedder"))
        return tr("Embedder");
    if (c == QLatin1String("disk"))
        return tr("Disk");
    if (c == QLatin1String("memory"))
        return tr("Memory");
    if (c == QLatin1String("workers"))
        return tr("Workers");
    return c;
}

QList<HealthRow> healthRows(const QString &name, const QJsonObject &health, const QJsonObject &detailed,
                            qint64 detailedAtMs)
{
    const QString asOf = QLocale().toString(QDateTime::fromMSecsSinceEpoch(detailedAtMs).time(), QLocale::ShortFormat);
    const QJsonObject c = component(health, name);
    if (name == QLatin1String("database"))
        return databaseRows(c, component(detailed, name), asOf);
    if (name == QLatin1String("vector_index"))
        return indexRows(c, component(health, QStringLiteral("database")), component(detailed, name), asOf);
    if (name == QLatin1String("embedder"))
        return embedderRows(c);
    if (name == QLatin1String("disk"))
        return diskRows(c);
    if (name == QLatin1String("memory"))
        return memoryRows(c);
    if (name == QLatin1String("workers"))
        return workerRows(c);
    return {};
}

} // namespace kms::ui
