// SPDX-License-Identifier: MIT
#pragma once

#include "distributed/RedisUrl.h"
#include "embed/Embedder.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace kms {

class RedisClient;

// The owner's side of distributed embedding, as an Embedder the ingestion pipeline uses in place of
// the store's own: a batch is cut into chunks that go to the request stream, workers on other
// machines (kmsctl worker) embed them, and their vectors come back here to go through the
// pipeline's single writer as if embedded locally. The owner never waits on a missing worker: with
// no live worker, a batch is embedded locally at once; while workers take chunks from the head of
// the stream the owner embeds untaken ones from the end of its batch itself (it is one more worker,
// and the batch ends when the two meet); a chunk taken but not answered within the result timeout,
// one a worker refused and every chunk in flight when the connection to Redis is lost are embedded
// locally too (the job goes on while Redis is down, and uses the workers again once it is back). A
// chunk answered twice (its first worker was slow, another claimed it) is applied once: the first
// answer whose content hashes match the chunk's wins, later ones are dropped.
class DistributedEmbedder final : public Embedder
{
public:
    struct Settings {
        int chunkSize = 32;            // texts per stream entry: small enough to spread over workers
        // The owner embeds untaken chunks itself while it waits. Off (workers only, as the tests of
        // the workers' own recovery need), a chunk is embedded here only once no worker has taken
        // any of this owner's chunks for pickupTimeoutMs: a queue that moves is waited for, however
        // long it is, and one that stands still is not.
        bool ownerEmbeds = true;
        int pickupTimeoutMs = 5000;
        int resultTimeoutMs = 120000;  // a chunk taken but not answered by then is embedded here
        int workerCheckMs = 2000;      // how long the count of live workers is trusted
        int connectTimeoutMs = 2000;
    };
    // What crossed the wire, for the benchmark and the job log.
    struct Stats {
        qint64 chunksSent = 0;
        qint64 chunksFromWorkers = 0;
        qint64 chunksLocal = 0;        // embedded here: its share, no worker, timeout, refusal, lost link
        qint64 recordsFromWorkers = 0;
        qint64 recordsLocal = 0;
        qint64 duplicateReplies = 0;   // a chunk answered again after it was applied: dropped
        qint64 connectionLosses = 0;
        qint64 bytesSent = 0;          // request payloads (texts, hashes, ids)
        qint64 bytesReceived = 0;      // reply payloads (vectors, hashes, flags)
        qint64 redisCalls = 0;         // XADDs timed for the round trip
        double redisCallMs = 0;        // their total time: one Redis round trip each
        double encodeMs = 0;           // owner CPU: encoding requests
        double decodeMs = 0;           // owner CPU: decoding and checking replies
        double chunkLatencyMs = 0;     // sent -> vectors back, summed over chunksFromWorkers
        QStringList workers;           // names of the workers that answered
    };

    // Connects, publishes the local embedder's id (workers compare theirs with it) and makes sure
    // the consumer group exists. Null with *error when Redis cannot be reached or refuses.
    static std::shared_ptr<DistributedEmbedder> create(std::shared_ptr<const Embedder> local,
                                                       const RedisEndpoint &endpoint, Settings settings,
                                                       QString *error);
    ~DistributedEmbedder() override;

    QString id() const override { return m_local->id(); }
    int dimension() const override { return m_local->dimension(); }
    Reads reads() const override { return m_local->reads(); }
    bool isRemote() const override { return m_local->isRemote(); }
    bool isExpensive() const override { return m_local->isExpensive(); }
    // The pipeline hands over a whole batch; the chunks are cut here, so that all of them are on
    // the stream at once for the workers to share.
    int maxBatchSize() const override { return 1000; }
    void noteCacheHits(qint64 n) const override { m_local->noteCacheHits(n); }

    EmbedBatchResult embedBatch(std::span<const EmbedInput> inputs, std::span<float> out,
                                const std::atomic<bool> *cancel = nullptr) const override;

    // Live workers whose embedder is this store's (re-read every workerCheckMs).
    int liveWorkers() const;
    Stats stats() const;
    const QByteArray &ownerName() const { return m_owner; }

private:
    struct Pending;
    DistributedEmbedder(std::shared_ptr<const Embedder> local, RedisEndpoint endpoint, Settings settings);

    bool send(const std::shared_ptr<Pending> &p, std::span<const EmbedInput> inputs) const;
    void abandon(const std::shared_ptr<Pending> &p) const; // forget it; delete its untaken entry
    bool ensureSender(QString *error) const;              // m_sendMutex held
    bool prepareRedis(RedisClient &redis, QString *error) const;
    void listen();                                        // the reply thread
    void handleReply(const QList<QPair<QByteArray, QByteArray>> &fields);
    void loseAll();                                       // connection lost: embed in-flight chunks here

    const std::shared_ptr<const Embedder> m_local;
    const RedisEndpoint m_endpoint;
    const Settings m_settings;
    const QByteArray m_owner;     // this process's name, also its reply stream's suffix
    const QByteArray m_replyKey;

    mutable std::mutex m_sendMutex; // the sending connection and the worker count
    mutable std::unique_ptr<RedisClient> m_sender;
    mutable int m_liveWorkers = 0;
    mutable QElapsedTimer m_sinceWorkerCheck;

    mutable std::mutex m_mutex;   // pending chunks and stats
    mutable std::condition_variable m_cv;
    mutable QHash<QByteArray, std::shared_ptr<Pending>> m_pending;
    mutable QElapsedTimer m_sinceTaken; // since a worker last took one of this owner's chunks
    mutable std::atomic<qint64> m_nextChunk{0};
    mutable Stats m_stats;

    std::atomic<bool> m_stop{false};
    std::thread m_listener;
};

} // namespace kms
