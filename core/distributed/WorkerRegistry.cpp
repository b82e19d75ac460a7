// SPDX-License-Identifier: MIT
#include "distributed/WorkerRegistry.h"

#include "distributed/RedisClient.h"
#include "distributed/StreamProtocol.h"

namespace kms {

QJsonObject workerJson(const WorkerInfo &w)
{
    return {{QStringLiteral("name"), w.name},
            {QStringLiteral("host"), w.host},
            {QStringLiteral("pid"), w.pid},
            {QStringLiteral("embedder"), w.embedderId},
            {QStringLiteral("batches"), w.batches},
            {QStringLiteral("records"), w.records},
            {QStringLiteral("rate"), w.rate},
            {QStringLiteral("last_seen"), w.lastSeen.toString(Qt::ISODateWithMs)},
            {QStringLiteral("started"), w.startedAt.toString(Qt::ISODateWithMs)}};
}

namespace registry {

namespace {

QByteArray msText(const QDateTime &t)
{
    return QByteArray::number(t.isValid() ? t.toMSecsSinceEpoch() : 0);
}

QDateTime fromMs(const QByteArray &v)
{
    const qint64 ms = v.toLongLong();
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toUTC() : QDateTime();
}

} // namespace

bool announce(RedisClient &redis, const WorkerInfo &w, int ttlSeconds, QString *error)
{
    const QByteArray key = stream::workerKey(w.name.toUtf8());
    return redis.command({"HSET", key, "host", w.host.toUtf8(), "pid", QByteArray::number(w.pid), "embedder",
                          w.embedderId.toUtf8(), "batches", QByteArray::number(w.batches), "records",
                          QByteArray::number(w.records), "rate", QByteArray::number(w.rate, 'f', 2), "last_seen",
                          msText(w.lastSeen), "started", msText(w.startedAt)},
                         error)
           && redis.command({"EXPIRE", key, QByteArray::number(ttlSeconds)}, error)
           && redis.command({"SADD", stream::kWorkersSet, w.name.toUtf8()}, error);
}

bool withdraw(RedisClient &redis, const QString &name, QString *error)
{
    return redis.command({"DEL", stream::workerKey(name.toUtf8())}, error)
           && redis.command({"SREM", stream::kWorkersSet, name.toUtf8()}, error);
}

std::optional<QList<WorkerInfo>> list(RedisClient &redis, QString *error)
{
    RedisReply names;
    if (!redis.command({"SMEMBERS", stream::kWorkersSet}, &names, error))
        return std::nullopt;
    QList<WorkerInfo> workers;
    for (size_t i = 0; i < names.value().size(); ++i) {
        const QByteArray name = names.value().at(i).bytes();
        RedisReply hash;
        if (!redis.command({"HGETALL", stream::workerKey(name)}, &hash, error))
            return std::nullopt;
        const RedisValue h = hash.value();
        if (h.size() == 0) {
            // Its entry expired: the worker stopped renewing it.
            if (!redis.command({"SREM", stream::kWorkersSet, name}, error))
                return std::nullopt;
            continue;
        }
        stream::Fields f;
        for (size_t k = 0; k + 1 < h.size(); k += 2)
            f.append({h.at(k).bytes(), h.at(k + 1).bytes()});
        WorkerInfo w;
        w.name = QString::fromUtf8(name);
        w.host = QString::fromUtf8(stream::field(f, "host"));
        w.pid = stream::field(f, "pid").toLongLong();
        w.embedderId = QString::fromUtf8(stream::field(f, "embedder"));
        w.batches = stream::field(f, "batches").toLongLong();
        w.records = stream::field(f, "records").toLongLong();
        w.rate = stream::field(f, "rate").toDouble();
        w.lastSeen = fromMs(stream::field(f, "last_seen"));
        w.startedAt = fromMs(stream::field(f, "started"));
        workers.append(w);
    }
    std::sort(workers.begin(), workers.end(), [](const WorkerInfo &a, const WorkerInfo &b) { return a.name < b.name; });
    return workers;
}

bool publishEmbedder(RedisClient &redis, const PublishedEmbedder &e, QString *error)
{
    return redis.command({"HSET", stream::kOwnerKey, "embedder", e.id.toUtf8(), "dim", QByteArray::number(e.dimension),
                          "host", e.ownerHost.toUtf8()},
                         error);
}

std::optional<PublishedEmbedder> publishedEmbedder(RedisClient &redis, QString *error)
{
    error->clear();
    RedisReply hash;
    if (!redis.command({"HGETALL", stream::kOwnerKey}, &hash, error))
        return std::nullopt;
    const RedisValue h = hash.value();
    stream::Fields f;
    for (size_t k = 0; k + 1 < h.size(); k += 2)
        f.append({h.at(k).bytes(), h.at(k + 1).bytes()});
    const QByteArray id = stream::field(f, "embedder");
    if (id.isEmpty())
        return std::nullopt;
    return PublishedEmbedder{QString::fromUtf8(id), stream::field(f, "dim").toInt(),
                             QString::fromUtf8(stream::field(f, "host"))};
}

} // namespace registry
} // namespace kms
