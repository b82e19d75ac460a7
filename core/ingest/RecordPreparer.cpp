// SPDX-License-Identifier: MIT
#include "ingest/RecordPreparer.h"

#include "ingest/RecordValidation.h"

#include "embed/ContentHash.h"
#include "embed/Embedder.h"
#include "embed/EmbeddingCache.h"
#include "metrics/Metrics.h"
#include "text/Normalizer.h"

#include <QElapsedTimer>
#include <QJsonDocument>

namespace kms {

namespace {
RejectInfo makeReject(qint64 jobId, const QString &source, const RawRecord &raw, const QString &field,
                      const QString &reason)
{
    RejectInfo r;
    r.jobId = jobId;
    r.source = source;
    r.recordNumber = raw.number;
    r.line = raw.line;
    r.field = field;
    r.reason = reason;
    r.rawData = QString::fromUtf8(raw.raw.left(64 * 1024));
    return r;
}

QString joined(const QStringList &tokens)
{
    return tokens.join(QLatin1Char(' '));
}
} // namespace

QStringList RecordPreparer::embeddingTokens(const Normalizer &n, const Record &r, QString *titleText,
                                            QString *bodyText, QString *resolutionText,
                                            QString *tagsText)
{
    const QStringList title = n.tokens(r.title);
    const QStringList body = n.tokens(r.body);
    const QStringList resolution = n.tokens(r.resolution);
    const QStringList tags = n.tokens(r.tags.join(QLatin1Char(' ')));
    *titleText = joined(title);
    *bodyText = joined(body);
    *resolutionText = joined(resolution);
    *tagsText = joined(tags);
    QStringList all;
    all.reserve(2 * title.size() + body.size() + resolution.size() + tags.size());
    all << title << title << body << resolution << tags;
    return all;
}

QString RecordPreparer::modelText(const Normalizer &n, const Record &r)
{
    QStringList parts;
    for (const QString &field : {r.title, r.body, r.resolution, r.tags.join(QStringLiteral(", "))}) {
        QString clean = n.clean(field);
        if (!clean.isEmpty())
            parts.append(std::move(clean));
    }
    return parts.join(QLatin1Char('\n'));
}

RecordPreparer::EmbeddingText RecordPreparer::embeddingText(const Normalizer &n, const Record &r, Embedder::Reads reads,
                                                            QString *titleText, QString *bodyText,
                                                            QString *resolutionText, QString *tagsText)
{
    EmbeddingText out;
    QStringList tokens = embeddingTokens(n, r, titleText, bodyText, resolutionText, tagsText);
    if (reads == Embedder::Reads::Tokens) {
        out.textHash = contentHash(joined(tokens));
        out.input.tokens = std::move(tokens);
    } else {
        out.input.text = modelText(n, r);
        // Its own domain: a display text never shares a key with a token list that reads the same.
        out.textHash = contentHash(QStringList{QStringLiteral("text"), out.input.text});
    }
    return out;
}

RecordPreparer::EmbeddingText RecordPreparer::embeddingText(const Normalizer &n, const Record &r, Embedder::Reads reads)
{
    QString title, body, resolution, tags;
    return embeddingText(n, r, reads, &title, &body, &resolution, &tags);
}

quint64 RecordPreparer::recordContentHash(const Record &r)
{
    // Every stored field takes part: a change to any of them is an update.
    return contentHash(QStringList{
        QString::number(int(r.collection)), r.externalId, r.title, r.body, r.resolution, r.status,
        r.priority, r.product, r.category, r.tags.join(QChar(0x1f)),
        r.createdAt.isValid() ? QString::number(r.createdAt.toMSecsSinceEpoch()) : QString(),
        r.updatedAt.isValid() ? QString::number(r.updatedAt.toMSecsSinceEpoch()) : QString(),
        r.extra.isEmpty() ? QString()
                          : QString::fromUtf8(QJsonDocument(r.extra).toJson(QJsonDocument::Compact))});
}

RecordWrite RecordPreparer::prepareOne(const Record &r, const Normalizer &normalizer, const Embedder &embedder,
                                       EmbeddingCache *cache)
{
    RecordWrite w;
    w.record = r;
    w.contentHash = recordContentHash(r);
    const EmbeddingText text = embeddingText(normalizer, r, embedder.reads(), &w.titleText, &w.bodyText,
                                             &w.resolutionText, &w.tagsText);
    w.textHash = text.textHash;
    if (cache && cache->lookup(w.textHash, &w.vector))
        return w;
    w.vector.resize(size_t(embedder.dimension()));
    if (!embedder.embed(text.input, w.vector).allOk()) {
        w.vector.clear(); // stored without a vector: the vector backlog fills it in
        return w;
    }
    w.vectorIsNew = true;
    if (cache) {
        cache->noteMiss();
        cache->insert(w.textHash, w.vector);
    }
    return w;
}

void RecordPreparer::embedPending(std::vector<RecordWrite> &writes, const std::vector<EmbedInput> &inputOf,
                                  const std::vector<size_t> &toEmbed, PreparedBatch *out) const
{
    const Embedder &embedder = *m_ctx.embedder;
    const size_t dim = size_t(embedder.dimension());
    const size_t chunk = size_t(std::max(1, embedder.maxBatchSize()));
    std::vector<EmbedInput> inputs;
    std::vector<float> vectors;
    for (size_t from = 0; from < toEmbed.size(); from += chunk) {
        const size_t n = std::min(chunk, toEmbed.size() - from);
        inputs.clear();
        for (size_t k = 0; k < n; ++k)
            inputs.push_back(inputOf[toEmbed[from + k]]);
        vectors.assign(n * dim, 0.0f);
        const EmbedBatchResult result = embedder.embedBatch(inputs, vectors);
        for (size_t k = 0; k < n; ++k) {
            RecordWrite &w = writes[toEmbed[from + k]];
            const bool ok = qsizetype(k) < result.ok.size() && result.ok[qsizetype(k)];
            if (!ok) {
                // Stored without a vector: the record goes to the vector backlog, which a
                // background worker fills when the embedder works again. Keyword search finds it now.
                w.vector.clear();
                ++out->vectorsMissing;
                continue;
            }
            w.vector.assign(vectors.begin() + std::ptrdiff_t(k * dim), vectors.begin() + std::ptrdiff_t((k + 1) * dim));
            w.vectorIsNew = true;
            if (m_ctx.cache) {
                m_ctx.cache->noteMiss();
                m_ctx.cache->insert(w.textHash, w.vector);
            }
        }
        if (!result.allOk() && out->embedError.isEmpty())
            out->embedError = result.message.isEmpty() ? QStringLiteral("the embedder gave no vector") : result.message;
    }
}

PreparedBatch RecordPreparer::prepare(RawBatch &&batch, Store *reader) const
{
    PreparedBatch out;
    out.sequence = batch.sequence;
    out.write.jobId = m_ctx.jobId;
    out.write.readSoFar = batch.readSoFar;
    out.write.rejects = std::move(batch.extraRejects);

    QElapsedTimer timer;
    timer.start();

    // 1. map + validate, then the input rules every way in shares (RecordValidation.h)
    const AllowedValues allowed[2] = {AllowedValues::standard(Collection::Cases),
                                      AllowedValues::standard(Collection::Knowledge)};
    std::vector<RecordWrite> &writes = out.write.records;
    writes.reserve(batch.records.size());
    for (const RawRecord &raw : batch.records) {
        if (!raw.error.isEmpty()) {
            out.write.rejects.push_back(makeReject(m_ctx.jobId, batch.source, raw, raw.errorField, raw.error));
            continue;
        }
        RecordWrite w;
        if (auto problem = batch.mapping.apply(raw, batch.defaultCollection, &w.record, m_ctx.limits)) {
            out.write.rejects.push_back(makeReject(m_ctx.jobId, batch.source, raw, problem->field, problem->reason));
            continue;
        }
        if (applyInputRules(&w.record, allowed[int(w.record.collection)]).any())
            ++out.write.adjusted;
        w.contentHash = recordContentHash(w.record);
        writes.push_back(std::move(w));
    }

    // 2. skip unchanged records before any normalisation or embedding work
    std::vector<bool> unchanged(writes.size(), false);
    if (!m_ctx.skipExisting && reader && !writes.empty()) {
        QStringList ids[2];
        for (const RecordWrite &w : writes)
            ids[int(w.record.collection)].append(w.record.externalId);
        QHash<QString, ExistingRecord> existing[2];
        for (int c = 0; c < 2; ++c)
            if (!ids[c].isEmpty())
                existing[c] = reader->existing(Collection(c), ids[c]);
        for (size_t i = 0; i < writes.size(); ++i) {
            const auto &map = existing[int(writes[i].record.collection)];
            const auto it = map.constFind(writes[i].record.externalId);
            if (it == map.constEnd())
                ++out.newRecords;
            else if (it->contentHash == writes[i].contentHash) {
                unchanged[i] = true;
                ++out.unchangedRecords;
            } else
                ++out.changedRecords;
        }
    } else {
        out.newRecords = qint64(writes.size());
    }

    // 3. normalise + text hash
    std::vector<EmbedInput> inputOf(writes.size());
    const Embedder::Reads reads = m_ctx.embedder ? m_ctx.embedder->reads() : Embedder::Reads::Tokens;
    for (size_t i = 0; i < writes.size(); ++i) {
        if (unchanged[i])
            continue;
        RecordWrite &w = writes[i];
        EmbeddingText text = embeddingText(*m_ctx.normalizer, w.record, reads, &w.titleText, &w.bodyText,
                                           &w.resolutionText, &w.tagsText);
        inputOf[i] = std::move(text.input);
        w.textHash = text.textHash;
    }
    const qint64 normaliseUs = timer.nsecsElapsed() / 1000;
    if (m_ctx.metrics)
        m_ctx.metrics->recordStage(Stage::Normalise, normaliseUs, qint64(batch.records.size()));
    if (m_ctx.dryRun)
        return out;

    // 4. embeddings: memory LRU, then the embeddings table, then the embedder
    timer.restart();
    QList<quint64> toFetch;
    std::vector<size_t> pending;
    for (size_t i = 0; i < writes.size(); ++i) {
        if (unchanged[i])
            continue;
        if (m_ctx.cache && m_ctx.cache->lookup(writes[i].textHash, &writes[i].vector))
            continue;
        pending.push_back(i);
        toFetch.append(writes[i].textHash);
    }
    qint64 hits = qint64(writes.size()) - qint64(pending.size()) - out.unchangedRecords;
    qint64 misses = 0;
    if (!pending.empty()) {
        QHash<quint64, std::vector<float>> stored;
        if (reader && !m_ctx.skipExisting)
            stored = reader->embeddings(toFetch);
        const int dim = m_ctx.embedder->dimension();
        // Records of one batch often share a text (near-duplicate tickets): embed each text once.
        QHash<quint64, size_t> firstWithText;
        std::vector<size_t> toEmbed;                       // one per distinct text
        std::vector<std::pair<size_t, size_t>> sameText;   // (record, record embedding its text)
        for (size_t i : pending) {
            RecordWrite &w = writes[i];
            if (auto it = stored.find(w.textHash); it != stored.end() && int(it->size()) == dim) {
                w.vector = *it;
                ++hits;
                if (m_ctx.cache) {
                    m_ctx.cache->notePersistentHit();
                    m_ctx.cache->insert(w.textHash, w.vector);
                }
                continue;
            }
            if (auto it = firstWithText.constFind(w.textHash); it != firstWithText.constEnd()) {
                sameText.emplace_back(i, *it);
                ++hits;
                continue;
            }
            firstWithText.insert(w.textHash, i);
            toEmbed.push_back(i);
        }
        misses = qint64(toEmbed.size());
        embedPending(writes, inputOf, toEmbed, &out);
        for (const auto &[i, from] : sameText) {
            writes[i].vector = writes[from].vector; // empty when its embedding failed
            if (writes[i].vector.empty())
                ++out.vectorsMissing;
        }
    }
    if (hits > 0)
        m_ctx.embedder->noteCacheHits(hits);
    if (m_ctx.metrics) {
        m_ctx.metrics->addCacheLookups(hits, misses);
        m_ctx.metrics->recordStage(Stage::Embed, timer.nsecsElapsed() / 1000, qint64(writes.size()));
    }
    return out;
}

} // namespace kms
