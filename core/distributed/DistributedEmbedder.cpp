// SPDX-License-Identifier: MIT
#include "distributed/DistributedEmbedder.h"

#include "distributed/RedisClient.h"
#include "distributed/StreamProtocol.h"
#include "distributed/WorkerRegistry.h"
#include "log/Log.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QRandomGenerator>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kms {

namespace {

// The request stream is trimmed to about this many entries: a worker deletes what it answered, so
// only batches of owners that went away (their workers gone too) pile up.
constexpr int kRequestStreamCap = 100'000;
constexpr int kListenBlockMs = 200;

auto logger() { return log::get("kms.core.distributed"); }

double msSince(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e6; }

qint64 payloadBytes(const stream::Fields &fields)
{
    qint64 n = 0;
    for (const auto &[k, v] : fields)
        n += k.size() + v.size();
    return n;
}

QList<QByteArray> xaddArgs(const QByteArray &key, int cap, const stream::Fields &fields)
{
    QList<QByteArray> args{"XADD", key, "MAXLEN", "~", QByteArray::number(cap), "*"};
    for (const auto &[k, v] : fields) {
        args.append(k);
        args.append(v);
    }
    return args;
}

QByteArray makeOwnerName()
{
    return QStringLiteral("%1:%2:%3")
        .arg(QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid())
        .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'))
        .toUtf8();
}

} // namespace

struct DistributedEmbedder::Pending {
    enum class State { Waiting, Done, Lost, Refused };
    QByteArray batchId;
    QByteArray entryId;           // in the request stream, once sent
    size_t from = 0;              // first input of the chunk in the caller's batch
    size_t count = 0;
    std::vector<quint64> hashes;
    QElapsedTimer sent;
    qint64 takenAtMs = -1;        // on `sent`'s clock; -1: no worker took it yet
    State state = State::Waiting;
    std::vector<float> vectors;
    QList<bool> ok;
    QString message;
    QByteArray worker;
};

DistributedEmbedder::DistributedEmbedder(std::shared_ptr<const Embedder> local, RedisEndpoint endpoint,
                                         Settings settings)
    : m_local(std::move(local))
    , m_endpoint(std::move(endpoint))
    , m_settings(settings)
    , m_owner(makeOwnerName())
    , m_replyKey(stream::replyKey(m_owner))
{
}

std::shared_ptr<DistributedEmbedder> DistributedEmbedder::create(std::shared_ptr<const Embedder> local,
                                                                 const RedisEndpoint &endpoint, Settings settings,
                                                                 QString *error)
{
    settings.chunkSize = std::clamp(settings.chunkSize, 1, 1000);
    std::shared_ptr<DistributedEmbedder> e(new DistributedEmbedder(std::move(local), endpoint, settings));
    {
        std::lock_guard guard(e->m_sendMutex);
        if (!e->ensureSender(error))
            return nullptr;
    }
    e->m_listener = std::thread([raw = e.get()] { raw->listen(); });
    return e;
}

DistributedEmbedder::~DistributedEmbedder()
{
    m_stop = true;
    if (m_listener.joinable())
        m_listener.join();
    // One line per job: what the workers did and what it cost the owner (the benchmark reads it).
    const Stats s = stats();
    const qint64 records = s.recordsFromWorkers + s.recordsLocal;
    if (s.chunksSent > 0)
        logger()->info("distributed embedding: {} records by {} workers, {} here; {} chunks sent, {} duplicate answers "
                       "dropped, {} connection losses; per chunk: Redis round trip {:.3f} ms, owner encode+decode {:.3f} ms, "
                       "latency {:.1f} ms; {:.0f} bytes per record over the wire",
                       s.recordsFromWorkers, s.workers.size(), s.recordsLocal, s.chunksSent, s.duplicateReplies,
                       s.connectionLosses, s.redisCallMs / double(std::max<qint64>(1, s.redisCalls)),
                       (s.encodeMs + s.decodeMs) / double(std::max<qint64>(1, s.chunksSent)),
                       s.chunkLatencyMs / double(std::max<qint64>(1, s.chunksFromWorkers)),
                       double(s.bytesSent + s.bytesReceived) / double(std::max<qint64>(1, records)));
    std::lock_guard guard(m_sendMutex);
    QString ignored;
    if (m_sender && !m_sender->brokenConnection())
        m_sender->command({"DEL", m_replyKey}, &ignored);
}

// What every (re)connection does first: publish the store's embedder, so that workers can check
// theirs against it, and create the consumer group. The group starts at 0, not $: batches sent
// while Redis had no group yet (just restarted) must still reach a worker.
bool DistributedEmbedder::prepareRedis(RedisClient &redis, QString *error) const
{
    if (!registry::publishEmbedder(redis, {m_local->id(), m_local->dimension(), QSysInfo::machineHostName()}, error))
        return false;
    QString why;
    if (!redis.command({"XGROUP", "CREATE", stream::kRequests, stream::kGroup, "0", "MKSTREAM"}, &why)
        && !why.contains(QLatin1String("BUSYGROUP"))) {
        *error = why;
        return false;
    }
    return true;
}

bool DistributedEmbedder::ensureSender(QString *error) const
{
    if (m_sender && !m_sender->brokenConnection())
        return true;
    m_sender = RedisClient::connect(m_endpoint, m_settings.connectTimeoutMs, error);
    if (m_sender && !prepareRedis(*m_sender, error))
        m_sender.reset();
    if (m_sender)
        m_sinceWorkerCheck.invalidate();
    return m_sender != nullptr;
}

int DistributedEmbedder::liveWorkers() const
{
    std::lock_guard guard(m_sendMutex);
    if (m_sinceWorkerCheck.isValid() && m_sinceWorkerCheck.elapsed() < m_settings.workerCheckMs)
        return m_liveWorkers;
    m_sinceWorkerCheck.start();
    m_liveWorkers = 0;
    QString error;
    if (!ensureSender(&error))
        return 0;
    const auto workers = registry::list(*m_sender, &error);
    if (!workers)
        return 0;
    const QString mine = m_local->id();
    m_liveWorkers = int(std::count_if(workers->begin(), workers->end(),
                                      [&](const WorkerInfo &w) { return w.embedderId == mine; }));
    return m_liveWorkers;
}

DistributedEmbedder::Stats DistributedEmbedder::stats() const
{
    std::lock_guard guard(m_mutex);
    return m_stats;
}

bool DistributedEmbedder::send(const std::shared_ptr<Pending> &p, std::span<const EmbedInput> inputs) const
{
    QElapsedTimer encode;
    encode.start();
    stream::EmbedRequest request;
    request.batchId = p->batchId;
    request.owner = m_owner;
    request.embedderId = m_local->id();
    request.dimension = m_local->dimension();
    request.tokens = m_local->reads() == Reads::Tokens;
    request.hashes = p->hashes;
    request.inputs.assign(inputs.begin(), inputs.end());
    const stream::Fields fields = request.encode();
    const QList<QByteArray> args = xaddArgs(stream::kRequests, kRequestStreamCap, fields);
    const double encodeMs = msSince(encode);

    {
        // Registered before it is on the stream: a fast worker's answer must find it.
        std::lock_guard guard(m_mutex);
        m_pending.insert(p->batchId, p);
    }
    std::lock_guard sendGuard(m_sendMutex);
    QString error;
    if (!ensureSender(&error)) {
        logger()->debug("chunk {} embedded here: {}", p->batchId.toStdString(), error.toStdString());
        std::lock_guard guard(m_mutex);
        m_pending.remove(p->batchId);
        return false;
    }
    QElapsedTimer call;
    call.start();
    p->sent.start();
    RedisReply reply;
    if (!m_sender->command(args, &reply, &error)) {
        logger()->warn("sending a batch to {} failed, embedding it here: {}", m_endpoint.display().toStdString(),
                       error.toStdString());
        std::lock_guard guard(m_mutex);
        m_pending.remove(p->batchId);
        return false;
    }
    std::lock_guard guard(m_mutex);
    p->entryId = reply.value().bytes();
    m_stats.chunksSent += 1;
    m_stats.bytesSent += payloadBytes(fields);
    m_stats.redisCalls += 1;
    m_stats.redisCallMs += msSince(call);
    m_stats.encodeMs += encodeMs;
    return true;
}

void DistributedEmbedder::abandon(const std::shared_ptr<Pending> &p) const
{
    QByteArray entry;
    {
        std::lock_guard guard(m_mutex);
        m_pending.remove(p->batchId);
        // Not yet taken: delete it so no worker starts on it. A worker that took it meanwhile
        // answers into the void (its answer finds no pending chunk and is dropped).
        if (p->takenAtMs < 0)
            entry = p->entryId;
    }
    if (entry.isEmpty())
        return;
    std::lock_guard sendGuard(m_sendMutex);
    QString ignored;
    if (m_sender && !m_sender->brokenConnection())
        m_sender->command({"XDEL", stream::kRequests, entry}, &ignored);
}

EmbedBatchResult DistributedEmbedder::embedBatch(std::span<const EmbedInput> inputs, std::span<float> out,
                                                 const std::atomic<bool> *cancel) const
{
    const size_t dim = size_t(dimension());
    const bool anyQuery = std::any_of(inputs.begin(), inputs.end(), [](const EmbedInput &in) { return in.query; });
    // Queries are the search's business and stay here; so does everything while no worker is up.
    if (inputs.empty() || out.size() != inputs.size() * dim || anyQuery || liveWorkers() == 0) {
        const EmbedBatchResult r = m_local->embedBatch(inputs, out, cancel);
        std::lock_guard guard(m_mutex);
        m_stats.recordsLocal += qint64(inputs.size());
        return r;
    }

    EmbedBatchResult result;
    result.ok.fill(false, qsizetype(inputs.size()));
    const bool tokens = reads() == Reads::Tokens;
    std::vector<std::shared_ptr<Pending>> chunks;
    std::vector<std::shared_ptr<Pending>> local;
    for (size_t from = 0; from < inputs.size(); from += size_t(m_settings.chunkSize)) {
        auto p = std::make_shared<Pending>();
        p->from = from;
        p->count = std::min(size_t(m_settings.chunkSize), inputs.size() - from);
        p->batchId = m_owner + ':' + QByteArray::number(m_nextChunk.fetch_add(1));
        for (size_t i = 0; i < p->count; ++i)
            p->hashes.push_back(stream::inputHash(inputs[from + i], tokens));
        if (send(p, inputs.subspan(from, p->count)))
            chunks.push_back(p);
        else
            local.push_back(p);
    }

    auto embedHere = [&](const Pending &p) {
        const EmbedBatchResult r = m_local->embedBatch(inputs.subspan(p.from, p.count), out.subspan(p.from * dim, p.count * dim),
                                                       cancel);
        for (size_t i = 0; i < p.count; ++i)
            result.ok[qsizetype(p.from + i)] = r.ok.value(qsizetype(i));
        if (r.failure != EmbedFailure::None && result.failure == EmbedFailure::None) {
            result.failure = r.failure;
            result.message = r.message;
        }
        std::lock_guard guard(m_mutex);
        m_stats.chunksLocal += 1;
        m_stats.recordsLocal += qint64(p.count);
    };

    while (!chunks.empty() || !local.empty()) {
        for (const auto &p : local)
            embedHere(*p);
        local.clear();
        if (chunks.empty())
            break;
        if (cancel && cancel->load()) {
            for (const auto &p : chunks)
                abandon(p);
            result.failure = EmbedFailure::Cancelled;
            result.message = QStringLiteral("cancelled");
            return result;
        }
        std::vector<std::shared_ptr<Pending>> done;
        std::vector<std::shared_ptr<Pending>> overdue;
        {
            std::unique_lock lock(m_mutex);
            const auto untaken = [](const std::shared_ptr<Pending> &p) {
                return p->takenAtMs < 0 && p->state == Pending::State::Waiting;
            };
            // With a chunk of its own to embed the owner does not wait for answers.
            if (!m_settings.ownerEmbeds || std::none_of(chunks.begin(), chunks.end(), untaken))
                m_cv.wait_for(lock, std::chrono::milliseconds(50));
            for (auto it = chunks.begin(); it != chunks.end();) {
                Pending &p = **it;
                const qint64 age = p.sent.elapsed();
                // Untaken, it has waited since it was sent or since the queue last moved.
                const qint64 idle = std::min(age, m_sinceTaken.isValid() ? m_sinceTaken.elapsed() : age);
                if (p.state == Pending::State::Done) {
                    done.push_back(*it);
                } else if (p.state == Pending::State::Lost || p.state == Pending::State::Refused) {
                    if (p.state == Pending::State::Refused)
                        logger()->warn("worker {} refused a batch, embedding it here: {}", p.worker.toStdString(),
                                       p.message.toStdString());
                    local.push_back(*it);
                } else if ((p.takenAtMs < 0 && !m_settings.ownerEmbeds && idle > m_settings.pickupTimeoutMs)
                           || (p.takenAtMs >= 0 && age - p.takenAtMs > m_settings.resultTimeoutMs)) {
                    overdue.push_back(*it);
                } else {
                    ++it;
                    continue;
                }
                it = chunks.erase(it);
            }
            // The owner's share: the last chunk no worker has taken, embedded here while the
            // workers go on from the front (and no sooner than the others are checked, so that
            // answers already in are applied first).
            if (m_settings.ownerEmbeds && overdue.empty() && local.empty()) {
                const auto last = std::find_if(chunks.rbegin(), chunks.rend(), untaken);
                if (last != chunks.rend()) {
                    overdue.push_back(*last);
                    chunks.erase(std::next(last).base());
                }
            }
        }
        for (const auto &p : overdue) {
            logger()->debug("chunk {} {}: embedding it here", p->batchId.toStdString(),
                            p->takenAtMs >= 0        ? "was not answered in time"
                            : m_settings.ownerEmbeds ? "is the owner's share"
                                                     : "was taken by no worker in time");
            abandon(p);
            local.push_back(p);
        }
        for (const auto &p : done) {
            std::copy(p->vectors.begin(), p->vectors.end(), out.begin() + qsizetype(p->from * dim));
            for (size_t i = 0; i < p->count; ++i)
                result.ok[qsizetype(p->from + i)] = p->ok.value(qsizetype(i));
            if (p->ok.contains(false) && result.failure == EmbedFailure::None) {
                // The worker's embedder failed on some texts (a remote provider's outage): those
                // records are stored without a vector and wait in the backlog, as when local.
                result.failure = EmbedFailure::Transient;
                result.message = QStringLiteral("worker %1: %2").arg(QString::fromUtf8(p->worker), p->message);
            }
        }
    }
    return result;
}

void DistributedEmbedder::loseAll()
{
    std::lock_guard guard(m_mutex);
    for (const auto &p : std::as_const(m_pending))
        p->state = Pending::State::Lost;
    m_pending.clear();
    m_cv.notify_all();
}

void DistributedEmbedder::handleReply(const QList<QPair<QByteArray, QByteArray>> &fields)
{
    QElapsedTimer decode;
    decode.start();
    stream::EmbedReply reply;
    QString error;
    if (!stream::EmbedReply::decode(fields, &reply, &error)) {
        logger()->warn("a worker's answer is not understood, ignored: {}", error.toStdString());
        return;
    }
    std::lock_guard guard(m_mutex);
    m_stats.bytesReceived += payloadBytes(fields);
    const auto it = m_pending.constFind(reply.batchId);
    if (it == m_pending.cend()) {
        // Already applied (two workers finished it) or already embedded here: nothing to do.
        if (reply.kind == stream::EmbedReply::Kind::Vectors)
            m_stats.duplicateReplies += 1;
        return;
    }
    const std::shared_ptr<Pending> p = *it;
    switch (reply.kind) {
    case stream::EmbedReply::Kind::Taken:
        // Also when another worker claims it from one that stopped: its time starts again.
        p->takenAtMs = p->sent.elapsed();
        p->worker = reply.worker;
        m_sinceTaken.start();
        break;
    case stream::EmbedReply::Kind::Refused:
        p->state = Pending::State::Refused;
        p->worker = reply.worker;
        p->message = reply.message;
        m_pending.erase(it);
        break;
    case stream::EmbedReply::Kind::Vectors:
        // Applied only when it answers exactly this chunk's texts.
        if (reply.hashes != p->hashes || reply.dimension != m_local->dimension()
            || reply.ok.size() != qsizetype(p->count)) {
            logger()->warn("worker {} answered batch {} with other texts or another size, embedding it here",
                           reply.worker.toStdString(), reply.batchId.toStdString());
            p->state = Pending::State::Lost;
        } else {
            p->state = Pending::State::Done;
            p->vectors = std::move(reply.vectors);
            p->ok = reply.ok;
            p->message = reply.message;
            p->worker = reply.worker;
            m_stats.chunksFromWorkers += 1;
            m_stats.recordsFromWorkers += qint64(p->count);
            m_stats.chunkLatencyMs += double(p->sent.nsecsElapsed()) / 1e6;
            const QString worker = QString::fromUtf8(reply.worker);
            if (!m_stats.workers.contains(worker))
                m_stats.workers.append(worker);
        }
        m_pending.erase(it);
        break;
    }
    m_stats.decodeMs += msSince(decode);
    m_cv.notify_all();
}

// The reply thread: reads this owner's reply stream and hands each answer to its chunk. When the
// connection breaks, every chunk in flight is embedded locally (Redis may have lost it) and the
// thread reconnects until it is stopped.
void DistributedEmbedder::listen()
{
    std::unique_ptr<RedisClient> redis;
    QByteArray lastId = "0-0";
    bool saidLost = false;
    while (!m_stop) {
        QString error;
        if (!redis) {
            redis = RedisClient::connect(m_endpoint, m_settings.connectTimeoutMs, &error);
            if (redis && !prepareRedis(*redis, &error))
                redis.reset();
            if (!redis) {
                loseAll();
                if (!saidLost)
                    logger()->warn("lost Redis, embedding locally until it is back: {}", error.toStdString());
                saidLost = true;
                std::this_thread::sleep_for(std::chrono::milliseconds(250));
                continue;
            }
            if (saidLost)
                logger()->info("Redis at {} is back; sending batches to workers again", m_endpoint.display().toStdString());
            saidLost = false;
            redis->setTimeout(kListenBlockMs + m_settings.connectTimeoutMs);
            // A restarted Redis starts the stream afresh; reading from the start again is harmless
            // (answers for chunks no longer pending are dropped).
            lastId = "0-0";
        }
        RedisReply reply;
        if (!redis->command({"XREAD", "COUNT", "64", "BLOCK", QByteArray::number(kListenBlockMs), "STREAMS", m_replyKey,
                             lastId},
                            &reply, &error)) {
            if (redis->brokenConnection()) {
                redis.reset();
                {
                    std::lock_guard guard(m_mutex);
                    m_stats.connectionLosses += 1;
                }
                loseAll();
                continue;
            }
            logger()->warn("reading worker answers failed: {}", error.toStdString());
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
            continue;
        }
        const RedisValue streams = reply.value();
        if (streams.isNil() || streams.size() == 0)
            continue;
        QList<QByteArray> handled{"XDEL", m_replyKey};
        for (const stream::Entry &e : stream::entriesOf(streams.at(0).at(1))) {
            lastId = e.id;
            handleReply(e.fields);
            handled.append(e.id);
        }
        // Read once, by this owner alone: delete them so the stream stays small.
        redis->command(handled, &error);
    }
}

} // namespace kms
