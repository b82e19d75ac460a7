// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace kms {

class RedisClient;

// One embedding worker as it last reported itself.
struct WorkerInfo {
    QString name;          // host:pid:random, also its consumer name in the group
    QString host;
    qint64 pid = 0;
    QString embedderId;
    qint64 batches = 0;    // batches embedded and answered
    qint64 records = 0;
    double rate = 0;       // records per second while embedding
    QDateTime lastSeen;    // UTC
    QDateTime startedAt;   // UTC
};

// The embedder the owner's store uses, as the owner published it.
struct PublishedEmbedder {
    QString id;
    int dimension = 0;
    QString ownerHost;
};

// One worker as a JSON row (health, kmsctl workers --json, the REST API): name, host, pid,
// embedder, batches, records, rate, last_seen, started (ISO 8601 UTC).
QJsonObject workerJson(const WorkerInfo &w);

namespace registry {

// A worker renews its entry at least every few seconds; one that stops doing so for ttlSeconds
// (crashed, killed, cut off) disappears from the list on its own.
bool announce(RedisClient &redis, const WorkerInfo &worker, int ttlSeconds, QString *error);
bool withdraw(RedisClient &redis, const QString &name, QString *error);
// The live workers, by name; entries that expired are dropped from the set on the way.
std::optional<QList<WorkerInfo>> list(RedisClient &redis, QString *error);

bool publishEmbedder(RedisClient &redis, const PublishedEmbedder &embedder, QString *error);
// nullopt with an empty *error when no owner has published one yet.
std::optional<PublishedEmbedder> publishedEmbedder(RedisClient &redis, QString *error);

} // namespace registry
} // namespace kms
