// SPDX-License-Identifier: MIT
#include "remote/RemoteEmbedder.h"

#include "remote/ApiKey.h"
#include "remote/EmbeddingProtocol.h"
#include "remote/RetryPolicy.h"

#include <QThread>

#include <algorithm>
#include <vector>

namespace kms {

namespace {

bool isCancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// A rough token count (about four characters per token in English), to keep a request under the
// server's per-request limit before it tells us so with a 413.
qint64 estimateTokens(const QString &text)
{
    return text.size() / 4 + 1;
}

// Sleeps up to ms, waking early on cancel.
void waitFor(int ms, const std::atomic<bool> *cancel)
{
    for (int waited = 0; waited < ms && !isCancelled(cancel); waited += 50)
        QThread::msleep(ulong(std::min(50, ms - waited)));
}

} // namespace

std::unique_ptr<RemoteEmbedder> RemoteEmbedder::create(const RemoteEmbedderConfig &config, QString *error)
{
    *error = config.validate();
    if (!error->isEmpty())
        return nullptr;
    QString key;
    if (!loadApiKey(config, &key, error))
        return nullptr;
    return std::unique_ptr<RemoteEmbedder>(new RemoteEmbedder(config, key));
}

RemoteEmbedder::RemoteEmbedder(const RemoteEmbedderConfig &config, QString apiKey)
    : m_config(config)
    , m_apiKey(std::move(apiKey))
    , m_id(config.embedderId())
    , m_baseUrl(config.baseUrl.endsWith(QLatin1Char('/')) ? config.baseUrl.chopped(1) : config.baseUrl)
    , m_slots(config.maxInFlight)
    , m_ledger(config.pricePerMillionTokens)
{
}

RemoteEmbedder::SendOutcome RemoteEmbedder::send(const QStringList &texts, std::span<float> out,
                                                 const std::atomic<bool> *cancel) const
{
    const EmbeddingRequest request = buildEmbeddingRequest(m_config, texts);
    const QUrl url(m_baseUrl.toString() + request.path);
    HttpClient::Headers headers;
    if (!m_apiKey.isEmpty())
        headers.append({QByteArrayLiteral("Authorization"), "Bearer " + m_apiKey.toUtf8()});

    QString lastFailure;
    for (int attempt = 0; attempt < m_config.maxAttempts; ++attempt) {
        if (isCancelled(cancel))
            return {SendOutcome::Cancelled, QStringLiteral("cancelled")};

        while (!m_slots.tryAcquire(1, 50)) {
            if (isCancelled(cancel))
                return {SendOutcome::Cancelled, QStringLiteral("cancelled")};
        }
        m_ledger.addRequest(attempt > 0);
        const HttpReply reply = m_http.post(url, request.body, headers, m_config.connectTimeoutMs,
                                            m_config.totalTimeoutMs, cancel);
        m_slots.release();

        if (reply.cancelled)
            return {SendOutcome::Cancelled, QStringLiteral("cancelled")};
        switch (classifyAttempt(reply)) {
        case AttemptVerdict::Done: {
            const ParsedEmbeddings parsed = parseEmbeddingResponse(m_config, reply.body, texts.size(), out);
            if (parsed.ok) {
                qint64 tokens = parsed.promptTokens;
                if (tokens < 0) {
                    tokens = 0;
                    for (const QString &t : texts)
                        tokens += estimateTokens(t);
                }
                m_ledger.addEmbedded(texts.size(), tokens);
                return {SendOutcome::Embedded, {}};
            }
            // Counts and sizes that do not match are the server's or the config's doing and will
            // not change on a retry; an answer that is not JSON may be a proxy cutting it short.
            const QString what = QStringLiteral("%1 answered badly: %2").arg(url.toString(), parsed.error);
            if (!parsed.error.startsWith(QLatin1String("the answer is not JSON")))
                return {SendOutcome::Stopped, what};
            lastFailure = what;
            break;
        }
        case AttemptVerdict::Retry:
            lastFailure = describeFailure(reply, url.toString());
            break;
        case AttemptVerdict::Split:
            return {SendOutcome::TooLarge, describeFailure(reply, url.toString())};
        case AttemptVerdict::Isolate:
            return {SendOutcome::Refused, describeFailure(reply, url.toString())};
        case AttemptVerdict::Stop:
            return {SendOutcome::Stopped, describeFailure(reply, url.toString())};
        }
        if (attempt + 1 < m_config.maxAttempts)
            waitFor(retryDelayMs(attempt + 1, m_config.backoffBaseMs, m_config.backoffMaxMs, reply.retryAfter), cancel);
    }
    return {SendOutcome::GaveUp, QStringLiteral("%1 (gave up after %2 attempts)").arg(lastFailure).arg(m_config.maxAttempts)};
}

bool RemoteEmbedder::embedItems(const QStringList &texts, const QList<qsizetype> &positions,
                                std::span<float> out, EmbedBatchResult &result,
                                const std::atomic<bool> *cancel) const
{
    const size_t dim = size_t(m_config.dimensions);
    QStringList chunk;
    for (qsizetype p : positions)
        chunk.append(texts.at(p));
    std::vector<float> vectors(size_t(chunk.size()) * dim);
    const SendOutcome outcome = send(chunk, vectors, cancel);

    switch (outcome.kind) {
    case SendOutcome::Embedded:
        for (qsizetype i = 0; i < positions.size(); ++i) {
            std::copy_n(vectors.begin() + qsizetype(size_t(i) * dim), dim, out.begin() + qsizetype(size_t(positions[i]) * dim));
            result.ok[positions[i]] = true;
        }
        return true;
    case SendOutcome::TooLarge:
    case SendOutcome::Refused:
        if (positions.size() > 1) {
            const qsizetype half = positions.size() / 2;
            return embedItems(texts, positions.first(half), out, result, cancel)
                   && embedItems(texts, positions.sliced(half), out, result, cancel);
        }
        // This one text is refused alone: it keeps no vector, its neighbours go on.
        result.failure = EmbedFailure::Permanent;
        result.message = QStringLiteral("item %1: %2").arg(positions.first()).arg(outcome.message);
        return true;
    case SendOutcome::Cancelled:
        result.failure = EmbedFailure::Cancelled;
        result.message = outcome.message;
        return false;
    case SendOutcome::GaveUp:
        result.failure = EmbedFailure::Transient;
        result.message = outcome.message;
        return false;
    case SendOutcome::Stopped:
        result.failure = EmbedFailure::Permanent;
        result.message = outcome.message;
        return false;
    }
    return false;
}

EmbedBatchResult RemoteEmbedder::embedBatch(std::span<const EmbedInput> inputs, std::span<float> out,
                                            const std::atomic<bool> *cancel) const
{
    EmbedBatchResult result;
    result.ok.fill(false, qsizetype(inputs.size()));
    const size_t dim = size_t(m_config.dimensions);
    if (out.size() != inputs.size() * dim) {
        result.failure = EmbedFailure::Permanent;
        result.message = QStringLiteral("embedder %1: output holds %2 floats, %3 inputs need %4")
                             .arg(m_id).arg(out.size()).arg(inputs.size()).arg(inputs.size() * dim);
        return result;
    }

    // Servers refuse empty inputs; an empty text has the zero vector, as with every embedder.
    QStringList texts;
    QList<qsizetype> pending;
    for (size_t i = 0; i < inputs.size(); ++i) {
        texts.append((inputs[i].query ? m_config.queryPrefix : m_config.documentPrefix) + inputs[i].text);
        if (inputs[i].text.trimmed().isEmpty()) {
            std::fill_n(out.begin() + qsizetype(i * dim), dim, 0.0f);
            result.ok[qsizetype(i)] = true;
        } else {
            pending.append(qsizetype(i));
        }
    }

    // Requests of at most maxBatchInputs texts and maxBatchTokens estimated tokens.
    qsizetype start = 0;
    while (start < pending.size()) {
        if (isCancelled(cancel)) {
            result.failure = EmbedFailure::Cancelled;
            result.message = QStringLiteral("cancelled");
            break;
        }
        qsizetype end = start;
        qint64 tokens = 0;
        while (end < pending.size() && end - start < m_config.maxBatchInputs) {
            const qint64 t = estimateTokens(texts.at(pending[end]));
            if (end > start && tokens + t > m_config.maxBatchTokens)
                break;
            tokens += t;
            ++end;
        }
        if (!embedItems(texts, pending.sliced(start, end - start), out, result, cancel))
            break;
        start = end;
    }

    const qsizetype missing = result.ok.count(false);
    if (missing > 0 && result.failure != EmbedFailure::Cancelled)
        m_ledger.addFailed(missing, result.message);
    return result;
}

} // namespace kms
