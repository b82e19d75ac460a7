// SPDX-License-Identifier: MIT
#include "ingest/IngestOptions.h"

#include "config/EngineConfig.h"
#include "readers/RecordReader.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace kms {

QJsonObject IngestOptions::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("files"), QJsonArray::fromStringList(files));
    o.insert(QStringLiteral("collection"), collection ? collectionName(*collection) : QStringLiteral("auto"));
    o.insert(QStringLiteral("workers"), workers);
    o.insert(QStringLiteral("batch_size"), batchSize);
    o.insert(QStringLiteral("priority"), jobPriorityName(priority));
    o.insert(QStringLiteral("mode"), ingestModeName(mode));
    o.insert(QStringLiteral("mappings"), QJsonArray::fromStringList(mappings));
    o.insert(QStringLiteral("dry_run"), dryRun);
    o.insert(QStringLiteral("initial_load"), initialLoad);
    return o;
}

JobInfo jobRowFor(const IngestOptions &options, qint64 jobId, JobStatus status)
{
    JobInfo job;
    job.id = jobId;
    job.source = options.files.join(QLatin1Char(';'));
    job.optionsJson = QString::fromUtf8(QJsonDocument(options.toJson()).toJson(QJsonDocument::Compact));
    job.priority = options.priority;
    job.status = status;
    return job;
}

std::optional<IngestOptions> IngestOptions::fromJson(const QJsonObject &o, QString *error)
{
    auto bad = [error](const QString &what) {
        if (error)
            *error = what;
        return std::nullopt;
    };
    IngestOptions r;
    for (const QJsonValue &v : o.value(QStringLiteral("files")).toArray())
        r.files.append(v.toString());
    for (const QJsonValue &v : o.value(QStringLiteral("mappings")).toArray())
        r.mappings.append(v.toString());
    const QString collection = o.value(QStringLiteral("collection")).toString(QStringLiteral("auto"));
    if (collection != u"auto") {
        r.collection = collectionFromName(collection);
        if (!r.collection)
            return bad(QStringLiteral("unknown collection '%1' in the stored options").arg(collection));
    }
    r.workers = o.value(QStringLiteral("workers")).toInt(0);
    r.batchSize = o.value(QStringLiteral("batch_size")).toInt(0);
    const QString priority = o.value(QStringLiteral("priority")).toString(QStringLiteral("normal"));
    const auto p = jobPriorityFromName(priority);
    if (!p)
        return bad(QStringLiteral("unknown priority '%1' in the stored options").arg(priority));
    r.priority = *p;
    const QString mode = o.value(QStringLiteral("mode")).toString(QStringLiteral("auto"));
    const auto m = ingestModeFromName(mode);
    if (!m)
        return bad(QStringLiteral("unknown mode '%1' in the stored options").arg(mode));
    r.mode = *m;
    r.dryRun = o.value(QStringLiteral("dry_run")).toBool(false);
    r.initialLoad = o.value(QStringLiteral("initial_load")).toBool(false);
    return r;
}

namespace {
// The estimate reads the first records of each file: an export whose long records come first is
// under-counted (the generated million, articles first, is estimated at about 460,000), so the
// large-load threshold sits well below a million.
constexpr qint64 kLargeLoad = 200'000;
constexpr int kLargeLoadBatch = 5000;
} // namespace

Tuning chooseTuning(IngestMode mode, qint64 estimatedRecords, int cores, bool expensiveEmbedder,
                    int explicitWorkers, int explicitBatchSize)
{
    Tuning t;
    t.estimatedRecords = estimatedRecords;
    t.mode = mode;
    if (mode == IngestMode::Auto)
        t.mode = estimatedRecords < 5000 ? IngestMode::Async : IngestMode::Hybrid;
    t.workers = std::clamp(cores, 1, 128);
    // Large loads commit in larger batches: each commit writes every page it changed to the WAL,
    // and in a large store a batch's records land on different pages of the indexes keyed by
    // text hash (random order), so larger batches share those pages. At a million records, batches
    // of 5,000 wrote 12 GB instead of 26 GB and loaded about 6 % faster, for 0.55 GB more peak
    // memory (docs/performance.md, "Larger batches for large loads"). Not with an expensive
    // embedder: there the writer waits on the embedder anyway, and a batch of 5,000 would take
    // minutes to become searchable, to move the progress and to honour a cancel.
    if (t.mode == IngestMode::Async)
        t.batchSize = 200;
    else if (estimatedRecords >= kLargeLoad && !expensiveEmbedder)
        t.batchSize = kLargeLoadBatch;
    else
        t.batchSize = estimatedRecords >= 50'000 ? 1000 : 500;
    t.reason = QStringLiteral("%1: ~%2 records -> %3, %4 workers, batch %5")
                   .arg(ingestModeName(mode)).arg(estimatedRecords).arg(ingestModeName(t.mode))
                   .arg(t.workers).arg(t.batchSize);
    if (explicitWorkers > 0) {
        t.workers = std::clamp(explicitWorkers, 1, 128);
        t.reason += QStringLiteral("; workers set to %1").arg(t.workers);
    }
    if (explicitBatchSize > 0) {
        t.batchSize = std::clamp(explicitBatchSize, EngineConfig::kMinBatchSize, EngineConfig::kMaxBatchSize);
        t.reason += QStringLiteral("; batch size set to %1").arg(t.batchSize);
    }
    return t;
}

qint64 estimateRecordCount(const QStringList &files)
{
    // Readers consume input in chunks, so sample enough records to span several of them.
    constexpr int kSample = 2000;
    qint64 total = 0;
    for (const QString &path : files) {
        auto reader = RecordReader::create(path);
        QString error;
        if (!reader || !reader->open(&error))
            continue;
        RawRecord raw;
        int n = 0;
        while (n < kSample && reader->next(raw))
            ++n;
        if (n == 0)
            continue;
        if (n < kSample) { // the whole file was read
            total += n;
            continue;
        }
        const double perRecord = double(std::max<qint64>(reader->bytesRead(), 1)) / n;
        total += qint64(double(reader->totalBytes()) / perRecord);
    }
    return total;
}

} // namespace kms
