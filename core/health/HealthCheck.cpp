// SPDX-License-Identifier: MIT
#include "health/HealthCheck.h"

#include "embed/Embedder.h"
#include "embed/UnavailableEmbedder.h"
#include "index/IndexFile.h"
#include "index/VectorIndex.h"
#include "metrics/Metrics.h"
#include "metrics/SystemProbe.h"
#include "storage/Store.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QThread>

#include <algorithm>

namespace kms {

QString healthStatusName(HealthStatus s)
{
    switch (s) {
    case HealthStatus::Healthy: return QStringLiteral("healthy");
    case HealthStatus::Degraded: return QStringLiteral("degraded");
    case HealthStatus::Unhealthy: return QStringLiteral("unhealthy");
    }
    return {};
}

namespace {
struct Component {
    HealthStatus status = HealthStatus::Healthy;
    QJsonObject details;
    void worsen(HealthStatus s, const QString &why)
    {
        if (int(s) > int(status))
            status = s;
        QString problems = details.value(QStringLiteral("problems")).toString();
        details.insert(QStringLiteral("problems"), problems.isEmpty() ? why : problems + QStringLiteral("; ") + why);
    }
    QJsonObject json() const
    {
        QJsonObject o = details;
        o.insert(QStringLiteral("status"), healthStatusName(status));
        return o;
    }
};

Component databaseHealth(const HealthInputs &in, qint64 *recordCount)
{
    Component c;
    if (!in.store) {
        c.worsen(HealthStatus::Unhealthy, QStringLiteral("database is not open"));
        return c;
    }
    c.details.insert(QStringLiteral("path"), in.store->path());
    c.details.insert(QStringLiteral("schema_version"), in.store->schemaVersion());
    const StoreCounts counts = in.store->counts();
    *recordCount = counts.total();
    c.details.insert(QStringLiteral("case_count"), counts.cases);
    c.details.insert(QStringLiteral("article_count"), counts.knowledge);
    c.details.insert(QStringLiteral("embedding_count"), counts.embeddings);
    c.details.insert(QStringLiteral("job_count"), counts.jobs);
    c.details.insert(QStringLiteral("reject_count"), counts.rejects);
    c.details.insert(QStringLiteral("watermark"), in.store->watermark());
    // A store of an older version: `kmsctl compact` gives about a quarter of the file back.
    c.details.insert(QStringLiteral("fulltext_keeps_text_copy"), in.store->fullTextKeepsCopy());
    c.details.insert(QStringLiteral("size_bytes"), QFileInfo(in.store->path()).size()
                                                       + QFileInfo(in.store->path() + QStringLiteral("-wal")).size());
    if (in.detailed) {
        const QString check = in.quickCheck.isEmpty() ? in.store->quickCheck() : in.quickCheck;
        c.details.insert(QStringLiteral("quick_check"), check);
        if (check != QLatin1String("ok"))
            c.worsen(HealthStatus::Unhealthy, QStringLiteral("quick_check: ") + check);
    }
    return c;
}

Component indexHealth(const HealthInputs &in, qint64 recordCount, qint64 backlog)
{
    Component c;
    if (!in.index) {
        // Not loaded in a read-only view: the owner's index is fine as far as anyone knows, only
        // this view searches by keyword.
        if (!in.indexUnavailable.isEmpty()) {
            c.details.insert(QStringLiteral("loaded"), false);
            c.worsen(HealthStatus::Degraded, in.indexUnavailable);
        } else {
            c.worsen(HealthStatus::Unhealthy, QStringLiteral("vector index is not loaded"));
        }
        return c;
    }
    const qint64 n = in.index->size();
    c.details.insert(QStringLiteral("loaded"), true);
    c.details.insert(QStringLiteral("vector_count"), n);
    c.details.insert(QStringLiteral("capacity"), qint64(in.index->capacity()));
    c.details.insert(QStringLiteral("dimension"), in.index->dimension());
    c.details.insert(QStringLiteral("segments"), in.index->segmentCount());
    const HnswParams p = in.index->params();
    c.details.insert(QStringLiteral("hnsw"), QJsonObject{{QStringLiteral("M"), p.M},
                                                         {QStringLiteral("ef_construction"), p.efConstruction},
                                                         {QStringLiteral("ef_search"), p.efSearch}});
    if (!in.indexLoadMessage.isEmpty())
        c.details.insert(QStringLiteral("load"), in.indexLoadMessage);
    // Records in the vector backlog have no vector yet: the index cannot hold one for them.
    if (!in.embedderLastError.isEmpty())
        c.details.insert(QStringLiteral("last_error"), in.embedderLastError);
    c.details.insert(QStringLiteral("vector_backlog"), backlog);
    if (!in.readOnlyBeside.isEmpty()) {
        // A read-only view's index is the owner's file caught up to the database when the view
        // opened (and checked against it then, see indexLoadMessage); the owner has committed
        // since, so a live count would differ without anything being wrong.
        c.details.insert(QStringLiteral("read_only_view"), true);
    } else {
        c.details.insert(QStringLiteral("count_matches_database"), n == recordCount - backlog);
    }
    if (in.readOnlyBeside.isEmpty() && n != recordCount - backlog)
        c.worsen(HealthStatus::Degraded,
                 backlog > 0 ? QStringLiteral("index holds %1 vectors, the database %2 records with a vector")
                                   .arg(n).arg(recordCount - backlog)
                             : QStringLiteral("index holds %1 vectors, the database %2 records").arg(n).arg(recordCount));
    if (!in.indexPath.isEmpty()) {
        c.details.insert(QStringLiteral("file"), in.indexPath);
        c.details.insert(QStringLiteral("file_bytes"), QFileInfo(in.indexPath).size()); // a stat: cheap
        // Left by a save or load that was killed (the next open removes them); a ".tmp" may also
        // be a save in progress right now, so they are shown, not held against the index.
        const QStringList stray = indexLeftovers(in.indexPath);
        if (!stray.isEmpty())
            c.details.insert(QStringLiteral("stray_files"), QJsonArray::fromStringList(stray));
    }
    if (in.detailed && !in.indexPath.isEmpty()) {
        const auto v = VectorIndex::verify(in.indexPath, in.index->dimension(), in.index->embedderId());
        c.details.insert(QStringLiteral("file_status"), indexLoadStatusName(v.status));
        c.details.insert(QStringLiteral("file_verified"), v.status == IndexLoadStatus::Loaded);
        c.details.insert(QStringLiteral("file_watermark"), v.watermark);
        // A missing or older file is fine while the process runs (it is saved at job end and on
        // exit); a corrupt one is worth knowing about before the next start has to rebuild.
        if (v.status != IndexLoadStatus::Loaded && v.status != IndexLoadStatus::Missing)
            c.worsen(HealthStatus::Degraded, QStringLiteral("index file: ") + v.message);
    }
    return c;
}

Component embedderHealth(const HealthInputs &in, qint64 backlog)
{
    Component c;
    if (!in.embedder) {
        c.worsen(HealthStatus::Unhealthy, QStringLiteral("no embedder"));
        return c;
    }
    c.details.insert(QStringLiteral("id"), in.embedder->id());
    c.details.insert(QStringLiteral("dimension"), in.embedder->dimension());
    if (!in.embedderProvider.isEmpty())
        c.details.insert(QStringLiteral("provider"), in.embedderProvider);
    c.details.insert(QStringLiteral("remote"), in.embedder->isRemote());
    if (const auto *unavailable = dynamic_cast<const UnavailableEmbedder *>(in.embedder)) {
        c.details.insert(QStringLiteral("available"), false);
        c.details.insert(QStringLiteral("unavailable_reason"), unavailable->reason());
        c.worsen(HealthStatus::Degraded, QStringLiteral("the embedder cannot run: %1").arg(unavailable->reason()));
    }
    if (in.store) {
        const QString active = in.store->activeEmbedder();
        c.details.insert(QStringLiteral("store_embedder"), active);
        if (!active.isEmpty() && active != in.embedder->id())
            c.worsen(HealthStatus::Unhealthy, QStringLiteral("stored vectors were made by %1").arg(active));
    }
    if (!in.embedderLastError.isEmpty())
        c.details.insert(QStringLiteral("last_error"), in.embedderLastError);
    c.details.insert(QStringLiteral("vector_backlog"), backlog);
    if (!in.vectorBacklogError.isEmpty())
        c.details.insert(QStringLiteral("vector_backlog_error"), in.vectorBacklogError);
    if (in.vectorBacklogRetryMs > 0)
        c.details.insert(QStringLiteral("vector_backlog_retry_ms"), in.vectorBacklogRetryMs);
    // Keyword search finds them already; vector and hybrid search miss them until they are filled.
    if (backlog > 0)
        c.worsen(HealthStatus::Degraded,
                 QStringLiteral("%1 records wait for a vector (the embedder failed on them%2)")
                     .arg(backlog)
                     .arg(in.vectorBacklogError.isEmpty() ? QString() : QStringLiteral(": ") + in.vectorBacklogError));
    return c;
}

Component diskHealth(const HealthInputs &in)
{
    Component c;
    const qint64 free = SystemProbe::diskFreeBytes(in.dataDirectory);
    const qint64 total = SystemProbe::diskTotalBytes(in.dataDirectory);
    c.details.insert(QStringLiteral("path"), in.dataDirectory);
    c.details.insert(QStringLiteral("free_bytes"), free);
    c.details.insert(QStringLiteral("total_bytes"), total);
    c.details.insert(QStringLiteral("data_directory_bytes"), SystemProbe::directoryBytes(in.dataDirectory));
    if (free < in.minFreeDiskBytes / 10)
        c.worsen(HealthStatus::Unhealthy, QStringLiteral("only %1 MiB free").arg(free >> 20));
    else if (free < in.minFreeDiskBytes)
        c.worsen(HealthStatus::Degraded, QStringLiteral("only %1 MiB free").arg(free >> 20));
    return c;
}

Component memoryHealth(const HealthInputs &in)
{
    Component c;
    const qint64 rss = SystemProbe::processRssBytes();
    const qint64 total = SystemProbe::totalMemoryBytes();
    const qint64 available = SystemProbe::availableMemoryBytes();
    c.details.insert(QStringLiteral("rss_bytes"), rss);
    c.details.insert(QStringLiteral("total_bytes"), total);
    c.details.insert(QStringLiteral("available_bytes"), available);
    if (total > 0 && double(rss) > in.maxMemoryFraction * double(total))
        c.worsen(HealthStatus::Degraded, QStringLiteral("process uses %1 % of memory").arg(100 * rss / total));
    if (total > 0 && available < total / 50)
        c.worsen(HealthStatus::Degraded, QStringLiteral("less than 2 % of memory available"));
    return c;
}
Component workersHealth(const HealthInputs &in)
{
    Component c;
    c.details.insert(QStringLiteral("redis"), in.redisUrl);
    c.details.insert(QStringLiteral("count"), in.workers.size());
    c.details.insert(QStringLiteral("workers"), in.workers);
    if (!in.workersError.isEmpty())
        c.worsen(HealthStatus::Degraded,
                 QStringLiteral("cannot list the workers (%1): distributed jobs embed locally").arg(in.workersError));
    return c;
}
} // namespace

QJsonObject checkHealth(const HealthInputs &in)
{
    qint64 records = 0;
    const Component db = databaseHealth(in, &records);
    const qint64 backlog = in.store ? std::max<qint64>(0, in.store->vectorBacklogCount()) : 0;
    const Component index = indexHealth(in, records, backlog);
    const Component embedder = embedderHealth(in, backlog);
    const Component disk = diskHealth(in);
    const Component memory = memoryHealth(in);
    HealthStatus overall = HealthStatus::Healthy;
    for (const Component *c : {&db, &index, &embedder, &disk, &memory})
        overall = HealthStatus(std::max(int(overall), int(c->status)));

    QJsonObject components{{QStringLiteral("database"), db.json()},
                           {QStringLiteral("vector_index"), index.json()},
                           {QStringLiteral("embedder"), embedder.json()},
                           {QStringLiteral("disk"), disk.json()},
                           {QStringLiteral("memory"), memory.json()}};
    if (!in.redisUrl.isEmpty()) {
        const Component workers = workersHealth(in);
        overall = HealthStatus(std::max(int(overall), int(workers.status)));
        components.insert(QStringLiteral("workers"), workers.json());
    }
    const qint64 total = SystemProbe::totalMemoryBytes();
    const qint64 diskTotal = SystemProbe::diskTotalBytes(in.dataDirectory);
    QJsonObject system{
        {QStringLiteral("cores"), QThread::idealThreadCount()},
        {QStringLiteral("memory_percent"),
         total > 0 ? 100.0 * double(total - SystemProbe::availableMemoryBytes()) / double(total) : 0.0},
        {QStringLiteral("disk_percent"),
         diskTotal > 0 ? 100.0 * double(diskTotal - SystemProbe::diskFreeBytes(in.dataDirectory)) / double(diskTotal) : 0.0},
        {QStringLiteral("process_rss_bytes"), SystemProbe::processRssBytes()}};
    QJsonObject performance;
    if (in.metrics) {
        const MetricsPoint p = in.metrics->latest();
        performance.insert(QStringLiteral("throughput_per_second"), p.recordsPerSecond10);
        performance.insert(QStringLiteral("cache_hit_rate"), in.metrics->cumulativeCacheHitRate() * 100.0);
        const qint64 committed = in.metrics->totalCommitted();
        const qint64 rejected = in.metrics->totalRejected();
        performance.insert(QStringLiteral("error_rate"),
                           committed + rejected > 0 ? 100.0 * double(rejected) / double(committed + rejected) : 0.0);
        performance.insert(QStringLiteral("records_committed"), committed);
    }
    QJsonObject health{{QStringLiteral("status"), healthStatusName(overall)},
                       {QStringLiteral("timestamp"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                       {QStringLiteral("components"), components},
                       {QStringLiteral("system"), system},
                       {QStringLiteral("performance"), performance}};
    if (!in.readOnlyBeside.isEmpty())
        health.insert(QStringLiteral("read_only_beside"), in.readOnlyBeside);
    return health;
}

} // namespace kms
