// SPDX-License-Identifier: MIT
#pragma once

#include "embed/Embedder.h"
#include "remote/HttpClient.h"
#include "config/RemoteEmbedderConfig.h"
#include "remote/UsageLedger.h"

#include <QSemaphore>

#include <memory>

namespace kms {

// Vectors from an embedding server: OpenAI's API or any server speaking it (Azure-style gateways,
// Ollama, llama.cpp, vLLM, TEI), or Ollama's / TEI's own format. Splits a batch by input count and
// by a token estimate, keeps at most maxInFlight requests on the wire over all calling threads,
// retries 429 / 5xx / network errors with jittered exponential backoff honouring Retry-After, halves
// a batch the server finds too large (413) and isolates the items it refuses (400 / 422), so one
// bad text does not cost its neighbours their vectors.
class RemoteEmbedder final : public Embedder
{
public:
    // nullptr with *error when the config is not usable or its API key cannot be read.
    static std::unique_ptr<RemoteEmbedder> create(const RemoteEmbedderConfig &config, QString *error);

    QString id() const override { return m_id; }
    int dimension() const override { return m_config.dimensions; }
    Reads reads() const override { return Reads::Text; }
    bool isRemote() const override { return true; }
    int maxBatchSize() const override { return m_config.maxBatchInputs; }
    void noteCacheHits(qint64 n) const override { m_ledger.addCacheHits(n); }

    EmbedBatchResult embedBatch(std::span<const EmbedInput> inputs, std::span<float> out,
                                const std::atomic<bool> *cancel = nullptr) const override;

    const RemoteEmbedderConfig &config() const { return m_config; }
    UsageLedger &ledger() const { return m_ledger; }

private:
    RemoteEmbedder(const RemoteEmbedderConfig &config, QString apiKey);

    // One request for `texts`, retried as the policy says, its vectors written to out.
    struct SendOutcome {
        enum Kind { Embedded, TooLarge, Refused, Stopped, GaveUp, Cancelled } kind = Embedded;
        QString message;
    };
    SendOutcome send(const QStringList &texts, std::span<float> out, const std::atomic<bool> *cancel) const;

    // Embeds the texts at `positions` (halving on 413 / 400 / 422). False when the whole batch
    // must stop (auth refused, server gone, cancel); items refused alone are marked and skipped.
    bool embedItems(const QStringList &texts, const QList<qsizetype> &positions, std::span<float> out,
                    EmbedBatchResult &result, const std::atomic<bool> *cancel) const;

    const RemoteEmbedderConfig m_config;
    const QString m_apiKey;
    const QString m_id;
    const QUrl m_baseUrl;
    HttpClient m_http;
    mutable QSemaphore m_slots;
    mutable UsageLedger m_ledger;
};

} // namespace kms
