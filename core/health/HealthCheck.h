// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace kms {

class Embedder;
class Metrics;
class Store;
class VectorIndex;

enum class HealthStatus { Healthy, Degraded, Unhealthy };
QString healthStatusName(HealthStatus s);

// What the health check looks at. Pointers may be null (then that component is reported missing).
struct HealthInputs {
    Store *store = nullptr;              // a connection usable on this thread
    const VectorIndex *index = nullptr;
    const Embedder *embedder = nullptr;
    QString embedderProvider;            // the configuration's provider: hash, lsa, openai, bert
    const Metrics *metrics = nullptr;
    QString dataDirectory;
    QString indexPath;
    QString indexLoadMessage;            // how the index was loaded at start (verified, caught up, rebuilt)
    // A read-only view of a data directory another process owns: who owns it (shown as
    // "read_only_beside"), and why the view has no vector index (index null), if so.
    QString readOnlyBeside;
    QString indexUnavailable;
    // The vector backlog worker's last failure and current backoff (the count comes from store).
    QString vectorBacklogError;
    qint64 vectorBacklogRetryMs = 0;
    QString embedderLastError;           // a remote embedder's last failed request, as its ledger says
    bool detailed = false;               // runs quick_check and verifies the index file
    // quick_check's result when the caller ran it on a connection of its own (Engine::health);
    // empty: a detailed check runs it on `store`.
    QString quickCheck;
    // Distributed embedding, reported as the "workers" component only when a Redis URL is set:
    // where the workers meet (no password), the live workers as JSON rows and why they could not be
    // listed (then distributed jobs embed locally: degraded).
    QString redisUrl;
    QJsonArray workers;
    QString workersError;
    qint64 minFreeDiskBytes = 1LL << 30; // below: degraded; below a tenth of it: unhealthy
    double maxMemoryFraction = 0.9;      // RSS over this fraction of RAM: degraded
};

// Health as JSON: {"status", "components": {database, vector_index, embedder, disk, memory
// [, workers]},
// "system": {...}, "performance": {...}}. The overall status is the worst component status.
QJsonObject checkHealth(const HealthInputs &in);

} // namespace kms
