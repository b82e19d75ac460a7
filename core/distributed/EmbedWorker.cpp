// SPDX-License-Identifier: MIT
#include "distributed/EmbedWorker.h"

#include "distributed/RedisClient.h"
#include "distributed/StreamProtocol.h"
#include "log/Log.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QRandomGenerator>

#include <spdlog/spdlog.h>

#include <thread>

namespace kms {

namespace {

constexpr int kReplyStreamCap = 10'000;
constexpr int kReplyTtlSeconds = 3600;

auto logger() { return log::get("kms.worker"); }

// Sleeps up to ms, waking early when stop is set.
void pause(int ms, const std::atomic<bool> &stop)
{
    for (int waited = 0; waited < ms && !stop.load(); waited += 50)
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(50, ms - waited)));
}

bool sendReply(RedisClient &redis, const QByteArray &owner, const stream::EmbedReply &reply, QString *error)
{
    const QByteArray key = stream::replyKey(owner);
    QList<QByteArray> args{"XADD", key, "MAXLEN", "~", QByteArray::number(kReplyStreamCap), "*"};
    for (const auto &[k, v] : reply.encode()) {
        args.append(k);
        args.append(v);
    }
    // The owner deletes its stream when it ends; one that crashed leaves it to expire.
    return redis.command(args, error) && redis.command({"EXPIRE", key, QByteArray::number(kReplyTtlSeconds)}, error);
}

} // namespace

EmbedWorker::EmbedWorker(Settings settings) : m_settings(std::move(settings))
{
    m_info.host = QSysInfo::machineHostName();
    m_info.pid = QCoreApplication::applicationPid();
    m_info.name = QStringLiteral("%1:%2:%3").arg(m_info.host).arg(m_info.pid)
                      .arg(QRandomGenerator::global()->generate() & 0xffff, 4, 16, QLatin1Char('0'));
    m_info.embedderId = m_settings.embedder->id();
}

EmbedWorker::~EmbedWorker() = default;

void EmbedWorker::say(bool warning, const QString &line) const
{
    if (warning)
        logger()->warn("{}", line.toStdString());
    else
        logger()->info("{}", line.toStdString());
    if (m_settings.report)
        m_settings.report(line);
}

WorkerInfo EmbedWorker::info() const
{
    std::lock_guard guard(m_mutex);
    return m_info;
}

bool EmbedWorker::announce(RedisClient &redis)
{
    WorkerInfo w;
    {
        std::lock_guard guard(m_mutex);
        m_info.lastSeen = QDateTime::currentDateTimeUtc();
        m_info.rate = m_busySeconds > 0 ? double(m_info.records) / m_busySeconds : 0;
        w = m_info;
    }
    QString error;
    if (!registry::announce(redis, w, m_settings.ttlSeconds, &error)) {
        say(true, QStringLiteral("cannot renew this worker's entry in the worker list: %1").arg(error));
        return false;
    }
    m_sinceAnnounce.start();
    return true;
}

EmbedWorker::Outcome EmbedWorker::run(const std::atomic<bool> &stop, QString *message)
{
    {
        std::lock_guard guard(m_mutex);
        m_info.startedAt = QDateTime::currentDateTimeUtc();
    }
    const QString embedderId = m_settings.embedder->id();
    std::unique_ptr<RedisClient> redis;
    bool checked = false;
    bool saidUnreachable = false;
    bool saidWaiting = false;
    bool groupReady = false;
    while (!stop.load()) {
        QString error;
        if (!redis || redis->brokenConnection()) {
            redis = RedisClient::connect(m_settings.endpoint, m_settings.connectTimeoutMs, &error);
            if (!redis) {
                if (!saidUnreachable)
                    say(true, QStringLiteral("cannot reach Redis, retrying every second: %1").arg(error));
                saidUnreachable = true;
                pause(1000, stop);
                continue;
            }
            redis->setTimeout(m_settings.blockMs + m_settings.connectTimeoutMs + 1000);
            say(false, QStringLiteral("connected to %1 as worker %2").arg(m_settings.endpoint.display(), info().name));
            saidUnreachable = false;
            groupReady = false;
            m_sinceAnnounce.invalidate();
        }
        if (!checked) {
            const std::optional<PublishedEmbedder> published = registry::publishedEmbedder(*redis, &error);
            if (!error.isEmpty()) {
                say(true, QStringLiteral("reading the owner's embedder failed: %1").arg(error));
                pause(1000, stop);
                continue;
            }
            if (!published) {
                if (!saidWaiting)
                    say(false, QStringLiteral("waiting for an owner to publish its embedder (it does when a distributed job starts)"));
                saidWaiting = true;
                // Listed while it waits: the owner's auto mode and kmsctl workers see it before the
                // first job, and a job does not start by embedding locally for lack of workers.
                if (!m_sinceAnnounce.isValid() || m_sinceAnnounce.elapsed() > 2000)
                    announce(*redis);
                pause(1000, stop);
                continue;
            }
            if (published->id != embedderId) {
                *message = QStringLiteral("refused: this worker's embedder is %1, but the store on %2 uses %3; start the "
                                          "worker with the store's embedder options (see kmsctl embedder show there)")
                               .arg(embedderId, published->ownerHost, published->id);
                return Outcome::Refused;
            }
            checked = true;
            say(false, QStringLiteral("embedding for the store on %1 with %2").arg(published->ownerHost, embedderId));
        }
        if (!groupReady) {
            if (!redis->command({"XGROUP", "CREATE", stream::kRequests, stream::kGroup, "0", "MKSTREAM"}, &error)
                && !error.contains(QLatin1String("BUSYGROUP"))) {
                say(true, QStringLiteral("cannot create the consumer group: %1").arg(error));
                pause(1000, stop);
                continue;
            }
            groupReady = true;
        }
        if (!m_sinceAnnounce.isValid() || m_sinceAnnounce.elapsed() > 2000)
            announce(*redis);
        switch (takeOne(*redis, stop, message)) {
        case Step::Refused:
            return Outcome::Refused;
        case Step::Broken:
            groupReady = false;
            if (redis->brokenConnection())
                say(true, QStringLiteral("lost the connection to Redis; reconnecting"));
            break;
        case Step::Idle:
        case Step::Worked:
            break;
        }
    }
    if (redis && !redis->brokenConnection()) {
        QString error;
        registry::withdraw(*redis, info().name, &error);
    }
    say(false, QStringLiteral("worker %1 stopped after %2 batches (%3 records)").arg(info().name).arg(info().batches).arg(info().records));
    return Outcome::Stopped;
}

EmbedWorker::Step EmbedWorker::takeOne(RedisClient &redis, const std::atomic<bool> &stop, QString *message)
{
    const QByteArray me = info().name.toUtf8();
    QString error;
    // First a batch another worker has held too long; Redis 7.0 answers [next id, entries, deleted].
    RedisReply claimed;
    if (!redis.command({"XAUTOCLAIM", stream::kRequests, stream::kGroup, me, QByteArray::number(m_settings.claimAfterMs),
                        "0-0", "COUNT", "1"},
                       &claimed, &error)) {
        say(true, QStringLiteral("claiming stalled batches failed: %1").arg(error));
        return Step::Broken;
    }
    std::vector<stream::Entry> entries = stream::entriesOf(claimed.value().at(1));
    if (!entries.empty()) {
        say(false, QStringLiteral("claimed batch %1 from a worker that did not answer within %2 ms")
                         .arg(QString::fromLatin1(entries.front().id)).arg(m_settings.claimAfterMs));
    } else {
        RedisReply read;
        if (!redis.command({"XREADGROUP", "GROUP", stream::kGroup, me, "COUNT", "1", "BLOCK",
                            QByteArray::number(m_settings.blockMs), "STREAMS", stream::kRequests, ">"},
                           &read, &error)) {
            if (!redis.brokenConnection())
                say(true, QStringLiteral("reading batches failed: %1").arg(error));
            return Step::Broken;
        }
        if (read.value().isNil() || read.value().size() == 0)
            return Step::Idle;
        entries = stream::entriesOf(read.value().at(0).at(1));
    }
    for (const stream::Entry &e : entries) {
        const Step s = process(redis, e.id, e.fields, stop, message);
        if (s != Step::Worked)
            return s;
    }
    return entries.empty() ? Step::Idle : Step::Worked;
}

EmbedWorker::Step EmbedWorker::process(RedisClient &redis, const QByteArray &entryId,
                                       const QList<QPair<QByteArray, QByteArray>> &fields,
                                       const std::atomic<bool> &stop, QString *message)
{
    QString error;
    auto finish = [&] {
        // Answered: take it off the group's pending list and out of the stream.
        return redis.command({"XACK", stream::kRequests, stream::kGroup, entryId}, &error)
               && redis.command({"XDEL", stream::kRequests, entryId}, &error);
    };
    stream::EmbedRequest request;
    if (!stream::EmbedRequest::decode(fields, &request, &error)) {
        // Nobody can embed it; the owner embeds it itself when no answer comes.
        say(true, QStringLiteral("dropping batch %1: %2").arg(QString::fromLatin1(entryId), error));
        return finish() ? Step::Worked : Step::Broken;
    }
    const QByteArray me = info().name.toUtf8();
    const QString mine = m_settings.embedder->id();
    if (request.embedderId != mine || request.dimension != m_settings.embedder->dimension()) {
        *message = QStringLiteral("refused: this worker's embedder is %1, but batch %2 of %3 needs %4; start the worker "
                                  "with the store's embedder options (see kmsctl embedder show there)")
                       .arg(mine, QString::fromUtf8(request.batchId), QString::fromUtf8(request.owner), request.embedderId);
        stream::EmbedReply refused;
        refused.batchId = request.batchId;
        refused.kind = stream::EmbedReply::Kind::Refused;
        refused.worker = me;
        refused.message = *message;
        // Told at once, the owner embeds the batch itself instead of waiting for a timeout.
        if (!sendReply(redis, request.owner, refused, &error) || !finish())
            say(true, QStringLiteral("telling the owner failed: %1").arg(error));
        return Step::Refused;
    }
    stream::EmbedReply taken;
    taken.batchId = request.batchId;
    taken.kind = stream::EmbedReply::Kind::Taken;
    taken.worker = me;
    if (!sendReply(redis, request.owner, taken, &error)) {
        say(true, QStringLiteral("answering batch %1 failed: %2").arg(QString::fromLatin1(request.batchId), error));
        return Step::Broken;
    }

    QElapsedTimer busy;
    busy.start();
    const size_t dim = size_t(m_settings.embedder->dimension());
    stream::EmbedReply reply;
    reply.batchId = request.batchId;
    reply.kind = stream::EmbedReply::Kind::Vectors;
    reply.worker = me;
    reply.dimension = int(dim);
    reply.hashes = request.hashes;
    reply.vectors.assign(request.inputs.size() * dim, 0.0f);
    const EmbedBatchResult result = m_settings.embedder->embedBatch(request.inputs, reply.vectors, &stop);
    if (result.failure == EmbedFailure::Cancelled) {
        // Stopping: left pending, another worker claims it (or the owner embeds it itself).
        return Step::Idle;
    }
    reply.ok = result.ok;
    reply.message = result.message;
    const double seconds = double(busy.nsecsElapsed()) / 1e9;
    if (!sendReply(redis, request.owner, reply, &error) || !finish()) {
        say(true, QStringLiteral("answering batch %1 failed: %2").arg(QString::fromLatin1(request.batchId), error));
        return Step::Broken;
    }
    {
        std::lock_guard guard(m_mutex);
        m_info.batches += 1;
        m_info.records += qint64(request.inputs.size());
        m_busySeconds += seconds;
    }
    logger()->debug("batch {}: {} texts in {:.0f} ms", request.batchId.toStdString(), request.inputs.size(), seconds * 1000);
    if (!m_sinceAnnounce.isValid() || m_sinceAnnounce.elapsed() > 1000)
        announce(redis);
    return Step::Worked;
}

} // namespace kms
