// SPDX-License-Identifier: MIT
// Choosing an embedder: what the active one is, trying a candidate on sample sentences before
// switching, what a paid re-embed would cost, and re-embedding with the current one.
#include "engine/EngineCompaction.h"
#include "engine/Engine.h"
#include "engine/EngineInternals.h"

#include "embed/HashEmbedder.h"
#include "embed/LsaEmbedder.h"
#include "encoder/BertEmbedder.h"
#include "engine/EmbedderFactory.h"
#include "remote/RemoteEmbedder.h"
#include "text/Normalizer.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <vector>

namespace kms {

namespace {

double cosine(std::span<const float> a, std::span<const float> b)
{
    double dot = 0, na = 0, nb = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        dot += double(a[i]) * double(b[i]);
        na += double(a[i]) * double(a[i]);
        nb += double(b[i]) * double(b[i]);
    }
    return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0.0;
}

void describeRemote(const RemoteEmbedder &remote, EmbedderInfo *info)
{
    const RemoteEmbedderConfig &c = remote.config();
    const auto key = [](const char *name) { return QStringLiteral("remote.") + QLatin1String(name); };
    info->remote = true;
    info->parameters = {
        {QStringLiteral("api"), embeddingApiName(c.api), key("api")},
        {QStringLiteral("baseUrl"), c.baseUrl, key("base_url")},
        {QStringLiteral("model"), c.model, key("model")},
        {QStringLiteral("dimensions"), c.dimensions, key("dimensions")},
        {QStringLiteral("queryPrefix"), c.queryPrefix, key("query_prefix")},
        {QStringLiteral("documentPrefix"), c.documentPrefix, key("document_prefix")},
        // Where the key comes from, never the key.
        {QStringLiteral("apiKeyEnv"), c.apiKeyEnv, key("api_key_env")},
        {QStringLiteral("apiKeyFile"), c.apiKeyFile, key("api_key_file")},
        {QStringLiteral("batchInputs"), c.maxBatchInputs, key("batch_inputs")},
        {QStringLiteral("batchTokens"), c.maxBatchTokens, key("batch_tokens")},
        {QStringLiteral("inFlight"), c.maxInFlight, key("in_flight")},
        {QStringLiteral("pricePerMillionTokens"), c.pricePerMillionTokens, key("price_per_million_tokens")},
    };
    const UsageSnapshot u = remote.ledger().snapshot();
    info->usage = {u.requests, u.retries, u.inputs, u.tokens, u.failedInputs, u.cacheHits, u.estimatedCost, u.lastError};
}

} // namespace

EmbedderInfo Engine::embedderInfo() const
{
    const auto embedder = currentEmbedder();
    const EngineConfig c = config();
    EmbedderInfo info;
    info.provider = c.embedderProvider;
    info.id = embedder->id();
    info.kind = info.id.section(QLatin1Char(':'), 0, 0);
    info.dimension = embedder->dimension();
    info.expensive = embedder->isExpensive();
    if (const auto *remote = dynamic_cast<const RemoteEmbedder *>(embedder.get())) {
        describeRemote(*remote, &info);
        return info;
    }
    if (const auto *bert = dynamic_cast<const BertEmbedder *>(embedder.get())) {
        info.parameters = {
            {QStringLiteral("model"), c.bertModel, QStringLiteral("bertModel")},
            {QStringLiteral("queryPrefix"), c.bertQueryPrefix, QStringLiteral("bertQueryPrefix")},
            {QStringLiteral("documentPrefix"), c.bertDocumentPrefix, QStringLiteral("bertDocumentPrefix")},
            {QStringLiteral("maxLength"), bert->maxLength(), {}},
        };
        return info;
    }
    if (const auto *lsa = dynamic_cast<const LsaEmbedder *>(embedder.get())) {
        const LsaModel &m = lsa->model();
        info.parameters = {
            {QStringLiteral("provider"), QStringLiteral("lsa"), QStringLiteral("embedderProvider")},
            {QStringLiteral("rank"), m.rank(), {}},
            {QStringLiteral("vocabulary"), m.vocabularySize(), {}},
            {QStringLiteral("trainedOnDocuments"), m.documents(), {}},
            {QStringLiteral("model"), c.lsaModel, QStringLiteral("lsaModel")},
        };
        return info;
    }
    const auto *hash = dynamic_cast<const HashEmbedder *>(embedder.get());
    if (!hash)
        return info;
    const HashEmbedder::Params &p = hash->params();
    const bool charNgrams = p.charNgramMax >= p.charNgramMin;
    info.parameters = {
        {QStringLiteral("dimension"), p.dimension, QStringLiteral("embeddingDimension")},
        {QStringLiteral("wordBigrams"), p.wordBigrams, {}},
        {QStringLiteral("charNgrams"),
         charNgrams ? QStringLiteral("%1–%2").arg(p.charNgramMin).arg(p.charNgramMax) : QStringLiteral("off"), {}},
        {QStringLiteral("unigramWeight"), double(p.unigramWeight), {}},
        {QStringLiteral("bigramWeight"), double(p.bigramWeight), {}},
        {QStringLiteral("charNgramWeight"), double(p.charNgramWeight), {}},
    };
    return info;
}

EmbedderTestResult Engine::testEmbedder(const EngineConfig &candidate) const
{
    EmbedderTestResult result;
    QString error;
    if (!candidate.validate(&error)) {
        result.error = error;
        return result;
    }
    // A test answers within seconds: one retry at most, where a real run retries for minutes.
    EngineConfig probe = candidate;
    probe.remote.maxAttempts = std::min(probe.remote.maxAttempts, 2);
    QElapsedTimer timer;
    timer.start();
    const std::shared_ptr<const Embedder> embedder = makeEmbedder(probe, modelDirectory(), &error);
    if (!embedder) {
        result.error = error;
        return result;
    }
    result.id = embedder->id();
    result.dimension = embedder->dimension();
    // Two that say the same with no word in common, and one about something else: a model that
    // knows meaning puts the first two closer; a lexical embedder cannot.
    const QStringList samples = {QStringLiteral("My laptop will not turn on."),
                                 QStringLiteral("The notebook computer fails to power up."),
                                 QStringLiteral("How do I reset my email password?")};
    std::vector<EmbedInput> inputs;
    for (const QString &s : samples)
        inputs.push_back({m_normalizer->clean(s), m_normalizer->tokens(s), false});
    std::vector<float> out(inputs.size() * size_t(result.dimension));
    const EmbedBatchResult r = embedder->embedBatch(inputs, out);
    result.latencyMs = double(timer.nsecsElapsed()) / 1e6;
    if (!r.allOk()) {
        result.error = r.message.isEmpty() ? QStringLiteral("the embedder gave no vector") : r.message;
        return result;
    }
    const size_t d = size_t(result.dimension);
    const std::span<const float> all(out);
    result.similarSimilarity = cosine(all.subspan(0, d), all.subspan(d, d));
    result.unrelatedSimilarity = cosine(all.subspan(0, d), all.subspan(2 * d, d));
    result.ok = true;
    return result;
}

EmbeddingEstimate Engine::embeddingEstimate(const EngineConfig &candidate)
{
    EmbeddingEstimate e;
    QString error;
    const bool ok = withReader([&](Store &s) {
        const bool counted = s.textVolume(&e.records, &e.characters);
        if (!counted)
            error = s.lastError();
        return counted;
    });
    if (!ok) {
        e.error = error;
        return e;
    }
    e.estimatedTokens = e.characters / 4;
    e.pricePerMillionTokens = candidate.embedderProvider == QLatin1String("openai") ? candidate.remote.pricePerMillionTokens : 0.0;
    e.estimatedCost = double(e.estimatedTokens) * e.pricePerMillionTokens / 1e6;
    return e;
}

bool Engine::reembed(const std::function<void(qint64, qint64)> &progress, const std::atomic<bool> *cancel,
                     QString *error)
{
    std::unique_lock maintenance(m_maintenanceMutex, std::try_to_lock);
    if (!maintenance.owns_lock()) {
        if (error)
            *error = QStringLiteral("another configuration change is being applied; try again when it has finished");
        return false;
    }
    JobScheduler::Hold jobsHeld = m_scheduler->hold();
    if (!jobsHeld) {
        if (error)
            *error = QStringLiteral("an ingestion job is running; re-embed when it has finished");
        return false;
    }
    m_maintenanceRunning = true;
    const bool ok = reembedWith(config(), progress, cancel, error);
    m_maintenanceRunning = false;
    return ok;
}

bool Engine::compact(bool vacuum, const std::function<void(qint64, qint64)> &progress,
                     const std::atomic<bool> *cancel, QString *error)
{
    const CompactionHold held = holdForCompaction(m_maintenanceMutex, *m_scheduler, error);
    if (!held)
        return false;
    constexpr int kBatch = 5000; // about 5 MB of vectors per transaction
    auto writer = m_stores->writer();
    const qint64 converted = writer->compactVectors(kBatch, progress, cancel);
    const QString stopped = QStringLiteral("cancelled; the vectors converted so far stay converted");
    if (!compactionStepDone(converted, *writer, stopped, error))
        return false;
    if (vacuum && !writer->vacuum()) {
        if (error)
            *error = writer->lastError();
        return false;
    }
    return true;
}

bool Engine::compactTexts(const std::function<void(qint64, qint64)> &progress, const std::atomic<bool> *cancel,
                          qint64 *records, QString *error)
{
    *records = 0;
    const CompactionHold held = holdForCompaction(m_maintenanceMutex, *m_scheduler, error);
    if (!held)
        return false;
    constexpr int kBatch = 2000; // about 2 MB of text per transaction
    auto writer = m_stores->writer();
    const qint64 done = writer->compactTexts(kBatch, progress, cancel);
    const QString stopped = QStringLiteral("cancelled; the texts compressed so far stay compressed");
    if (!compactionStepDone(done, *writer, stopped, error))
        return false;
    *records = done;
    return true;
}

} // namespace kms
