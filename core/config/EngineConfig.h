// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>

namespace kms {

// The engine's tunables, with the defaults chosen by measurement (docs/performance.md says why).
// Stored in the store's meta table as JSON, so a data directory keeps the parameters its vectors
// and index were built with.
struct EngineConfig {
    // Embedder (hash-v1). Changing these changes the embedder id and needs a re-embed.
    int embeddingDimension = 256;
    // HNSW
    int hnswM = 16;
    int hnswEfConstruction = 64;
    int hnswEfSearch = 64;
    // Ingestion
    int workers = 0;            // 0: one per core
    int batchSize = 0;          // 0: chosen by the ingestion mode
    int embeddingCacheEntries = 100'000;
    int indexSaveIntervalSec = 300; // during long jobs; always saved at job end
    // Metrics
    int metricsRetentionDays = 30;

    QJsonObject toJson() const;
    // Unknown keys are ignored, missing ones keep their defaults, invalid values are refused with
    // a message naming the key ("hnswM must be between 4 and 128, got 500").
    static EngineConfig fromJson(const QJsonObject &o, QString *error = nullptr);
    bool validate(QString *error) const;

    int effectiveWorkers() const;
    bool operator==(const EngineConfig &) const = default;
};

} // namespace kms
