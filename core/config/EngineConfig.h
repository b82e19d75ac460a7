// SPDX-License-Identifier: MIT
#pragma once

#include "config/RemoteEmbedderConfig.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace kms {

// The engine's tunables, with the defaults chosen by measurement (docs/performance.md says why).
// Stored in the store's meta table as JSON, so a data directory keeps the parameters its vectors
// and index were built with.
struct EngineConfig {
    // Embedder. Changing these changes the embedder id and needs a re-embed.
    // Provider: "hash" (built in, no setup), "lsa" (a model trained on the store's records,
    // kmsctl train-lsa), "openai" (an embedding server: OpenAI or any server speaking its API,
    // Ollama, TEI; the `remote` object) or "bert" (a local sentence-transformers model folder).
    // embeddingDimension applies to hash; the others have their model's own size.
    QString embedderProvider = QStringLiteral("hash");
    QString lsaModel;           // lsa: the model file's name in the data directory's models folder
    // openai: server, model, dimensions, prefixes, batching, price. Holds where the API key is
    // read from (an environment variable's name or a 0600 file's path), never the key.
    RemoteEmbedderConfig remote;
    // bert: the model folder (an absolute path, or a folder name in the data directory's models
    // folder) and the texts put before queries and documents (E5: "query: " / "passage: ").
    QString bertModel;
    QString bertQueryPrefix;
    QString bertDocumentPrefix;
    int embeddingDimension = 256;
    // Distributed embedding: the Redis server where this store's workers (kmsctl worker) meet,
    // redis://[user:password@]host:port[/db]; empty: none. Credentials are better left out of it
    // and given as KMS_REDIS_USER / KMS_REDIS_PASSWORD or KMS_REDIS_PASSWORD_FILE (a 0600 file).
    QString redisUrl;
    // HNSW
    int hnswM = 16;
    int hnswEfConstruction = 64;
    int hnswEfSearch = 64;
    // Ingestion. Batches (records per transaction) above kMaxBatchSize would hold the one writer
    // lock for seconds and keep tens of megabytes per batch in flight.
    static constexpr int kMinBatchSize = 50;
    static constexpr int kMaxBatchSize = 10'000;
    int workers = 0;            // 0: one per core
    int batchSize = 0;          // 0: chosen by the ingestion mode, else kMinBatchSize..kMaxBatchSize
    int embeddingCacheEntries = 100'000;
    int indexSaveIntervalSec = 300; // during long jobs; always saved at job end
    // Metrics
    int metricsRetentionDays = 30;

    QJsonObject toJson() const;
    // Unknown keys are ignored, missing ones keep their defaults, invalid values are refused with
    // a message naming the key ("hnswM must be between 4 and 128, got 500").
    static EngineConfig fromJson(const QJsonObject &o, QString *error = nullptr);
    bool validate(QString *error) const;

    // The first key whose value is out of range (empty when valid), for callers that word their
    // own message (the GUI, in the user's language).
    QString invalidKey() const;

    int effectiveWorkers() const;
    bool operator==(const EngineConfig &) const = default;

    static QStringList providers(); // the embedder providers this build knows, the default first

    // Every integer key with its allowed range, in the order the table declares them (forms, docs).
    struct KeyInfo {
        QString name;
        int min = 0;
        int max = 0;
        int defaultValue = 0;
    };
    static QList<KeyInfo> keys();
    int value(const QString &key) const;            // 0 for an unknown key
    bool setValue(const QString &key, int value);   // false for an unknown key
};

// What applying `to` over `from` takes, from cheapest to dearest. Immediate: efSearch, cache size,
// ingestion and housekeeping values. RebuildIndex: HNSW M or efConstruction (baked into the graph).
// Reembed: the embedder's parameters (every vector changes, and the index with them). A remote
// embedder's settings that change no vector (batching, in-flight cap, timeouts, price, where the
// key is read from) are Immediate: the engine makes a new embedder with the same id.
enum class ConfigChange { None, Immediate, RebuildIndex, Reembed };
ConfigChange configChange(const EngineConfig &from, const EngineConfig &to);

} // namespace kms
