// SPDX-License-Identifier: MIT
#pragma once

#include "distributed/RedisUrl.h"
#include "distributed/WorkerRegistry.h"
#include "embed/Embedder.h"

#include <QElapsedTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace kms {

class RedisClient;

// The worker's side (kmsctl worker): takes batches from the request stream as a member of the
// consumer group, embeds them with its own embedder and sends the vectors to the owner's reply
// stream. Before it reads a new batch it claims one that another worker has held for
// claimAfterMs without answering (XAUTOCLAIM): that worker died or was cut off, and its batch would
// otherwise wait for ever. A batch is acknowledged (and deleted) only after its answer is sent, so a
// worker killed at any point loses nothing. It refuses to work for an owner whose embedder id is
// not its own: vectors of another model would be stored as if they matched the index.
class EmbedWorker
{
public:
    struct Settings {
        RedisEndpoint endpoint;
        std::shared_ptr<const Embedder> embedder;
        int claimAfterMs = 30'000; // longer than a batch takes, or a slow worker's batch is done twice
        int ttlSeconds = 15;       // how long its entry in the worker list lives without renewal
        int blockMs = 1000;        // longest wait for a batch before checking stop / renewing
        int connectTimeoutMs = 2000;
        // Called with each line the worker logs at info level or above (kmsctl prints them).
        std::function<void(const QString &)> report;
    };
    enum class Outcome {
        Stopped, // the stop flag was set: it withdrew from the list and returned
        Refused, // the owner's embedder is not this worker's; *message says both ids
    };

    explicit EmbedWorker(Settings settings);
    ~EmbedWorker();

    // Runs until stop is set or the owner's embedder differs from its own. Waits (and says so in
    // the log) while Redis cannot be reached or no owner has published an embedder yet.
    Outcome run(const std::atomic<bool> &stop, QString *message);

    WorkerInfo info() const;

private:
    enum class Step { Idle, Worked, Refused, Broken };
    Step takeOne(RedisClient &redis, const std::atomic<bool> &stop, QString *message);
    Step process(RedisClient &redis, const QByteArray &entryId, const QList<QPair<QByteArray, QByteArray>> &fields,
                 const std::atomic<bool> &stop, QString *message);
    bool announce(RedisClient &redis);
    void say(bool warning, const QString &line) const; // log, and report

    Settings m_settings;
    mutable std::mutex m_mutex;
    WorkerInfo m_info;
    double m_busySeconds = 0;
    QElapsedTimer m_sinceAnnounce;
};

} // namespace kms
