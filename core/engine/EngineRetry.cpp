// SPDX-License-Identifier: MIT
// Retrying a rejected record after its text was fixed.
#include "engine/Engine.h"
#include "engine/EngineInternals.h"

#include "embed/EmbeddingCache.h"
#include "embed/Embedder.h"
#include "index/VectorIndex.h"
#include "ingest/RecordPreparer.h"
#include "ingest/SourcePreview.h"
#include "log/Log.h"
#include "metrics/Metrics.h"
#include "readers/SingleRecord.h"
#include "text/Normalizer.h"

#include <QJsonDocument>

#include <spdlog/spdlog.h>

namespace kms {

RejectRetryResult Engine::retryReject(qint64 rejectId, const QString &fixedText)
{
    RejectRetryResult result;
    auto fail = [&result](const QString &field, const QString &error) {
        result.field = field;
        result.error = field.isEmpty() ? error : QStringLiteral("%1: %2").arg(field, error);
        return result;
    };
    QString readError;
    const auto reject = withReader([&](Store &s) {
        auto r = s.reject(rejectId);
        if (!r)
            readError = s.lastError();
        return r;
    });
    if (!reject)
        return fail({}, readError);

    // The mapping and collection of the job that rejected it: a fixed record lands where the
    // rest of its file went.
    IngestOptions options;
    if (reject->jobId > 0) {
        if (const auto job = this->job(reject->jobId)) {
            QString optionsError;
            const auto stored = IngestOptions::fromJson(
                QJsonDocument::fromJson(job->optionsJson.toUtf8()).object(), &optionsError);
            if (!stored)
                return fail({}, QStringLiteral("job %1: %2").arg(reject->jobId).arg(optionsError));
            options = *stored;
        }
    }

    RawRecord raw;
    QStringList columns;
    QString error;
    if (!readSingleRecord(reject->source, fixedText.toUtf8(), &raw, &columns, &error))
        return fail({}, error);
    if (!raw.error.isEmpty())
        return fail(raw.errorField, raw.error);
    raw.number = reject->recordNumber;
    raw.line = reject->line;

    const Collection collection = options.collection.value_or(FieldMapping::guessCollection(columns));
    FieldMapping mapping;
    if (!mappingFor(columns, collection, options.collection.has_value(), options.mappings, &mapping, &error))
        return fail({}, error);

    RawBatch batch;
    batch.source = reject->source;
    batch.mapping = mapping;
    batch.defaultCollection = collection;
    batch.records.push_back(std::move(raw));
    RecordPreparer::Context pctx;
    pctx.normalizer = m_normalizer.get();
    pctx.embedder = m_embedder.get();
    pctx.cache = m_cache.get();
    pctx.metrics = m_metrics.get();
    PreparedBatch prepared = withReader([&](Store &s) {
        return RecordPreparer(pctx).prepare(std::move(batch), &s);
    });
    if (!prepared.write.rejects.empty()) {
        const RejectInfo &problem = prepared.write.rejects.front();
        return fail(problem.field, problem.reason);
    }
    if (prepared.write.records.empty())
        return fail({}, QStringLiteral("the record produced nothing to store"));
    const Record stored = prepared.write.records.front().record;

    // The index add happens under the writer lock too, so an index checkpoint that reads the
    // watermark after this commit always finds the vector in the index.
    // Loaded (or waited for) before the writer is taken: a load under it would hold every
    // writer for the seconds it takes.
    currentIndex();
    auto writerLock = m_stores->writer();
    const auto outcome = writerLock->writeBatch(prepared.write, std::span<const qint64>(&rejectId, 1));
    if (!outcome)
        return fail({}, writerLock->lastError());
    auto index = currentIndex();
    for (const IndexChange &change : outcome->indexChanges) {
        QString indexError;
        if (change.vector.empty())
            index->remove(change.id);
        else if (!index->addBatch(std::span<const qint64>(&change.id, 1), change.vector, 1, &indexError))
            log::get("kms.core.index")->error("adding retried record {} failed: {}", change.id,
                                              indexError.toStdString());
        result.recordId = change.id;
    }
    if (result.recordId == 0) { // unchanged: the stored record already had this content
        result.unchanged = true;
        if (const auto existing = writerLock->record(stored.collection, stored.externalId))
            result.recordId = existing->id;
    }
    result.ok = true;
    result.externalId = stored.externalId;
    result.collection = stored.collection;
    log::get("kms.core.ingest")->info("reject {} fixed: {} {} stored as record {}", rejectId,
                                      collectionName(stored.collection).toStdString(),
                                      stored.externalId.toStdString(), result.recordId);
    return result;
}

} // namespace kms
