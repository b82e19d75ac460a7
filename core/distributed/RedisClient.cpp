// SPDX-License-Identifier: MIT
#include "distributed/RedisClient.h"

#include <hiredis/hiredis.h>

#include <sys/time.h>

#include <vector>

namespace kms {

bool RedisValue::isNil() const { return !m_reply || m_reply->type == REDIS_REPLY_NIL; }
bool RedisValue::isArray() const { return m_reply && m_reply->type == REDIS_REPLY_ARRAY; }
bool RedisValue::isString() const
{
    return m_reply && (m_reply->type == REDIS_REPLY_STRING || m_reply->type == REDIS_REPLY_STATUS);
}
bool RedisValue::isInteger() const { return m_reply && m_reply->type == REDIS_REPLY_INTEGER; }
size_t RedisValue::size() const { return isArray() ? m_reply->elements : 0; }
RedisValue RedisValue::at(size_t i) const { return i < size() ? RedisValue(m_reply->element[i]) : RedisValue(); }
long long RedisValue::integer() const { return isInteger() ? m_reply->integer : 0; }

QByteArray RedisValue::bytes() const
{
    if (!m_reply || !m_reply->str)
        return {};
    return QByteArray(m_reply->str, qsizetype(m_reply->len));
}

RedisReply::RedisReply(redisReply *r) : m_reply(r) {}

void RedisReply::Free::operator()(redisReply *r) const
{
    if (r)
        freeReplyObject(r);
}

namespace {

timeval toTimeval(int ms)
{
    timeval tv{};
    tv.tv_sec = ms / 1000;
    tv.tv_usec = (ms % 1000) * 1000;
    return tv;
}

} // namespace

RedisClient::~RedisClient()
{
    if (m_context)
        redisFree(m_context);
}

std::unique_ptr<RedisClient> RedisClient::connect(const RedisEndpoint &endpoint, int timeoutMs, QString *error)
{
    redisContext *c = redisConnectWithTimeout(endpoint.host.toUtf8().constData(), endpoint.port, toTimeval(timeoutMs));
    if (!c) {
        *error = QStringLiteral("%1: cannot allocate a Redis connection").arg(endpoint.display());
        return nullptr;
    }
    if (c->err) {
        *error = QStringLiteral("%1: %2").arg(endpoint.display(), QString::fromUtf8(c->errstr));
        redisFree(c);
        return nullptr;
    }
    std::unique_ptr<RedisClient> client(new RedisClient(c, endpoint));
    client->setTimeout(timeoutMs);
    QString why;
    if (!endpoint.password.isEmpty()) {
        QList<QByteArray> auth{QByteArrayLiteral("AUTH")};
        if (!endpoint.user.isEmpty())
            auth.append(endpoint.user.toUtf8());
        auth.append(endpoint.password.toUtf8());
        if (!client->command(auth, &why)) {
            *error = QStringLiteral("%1: %2").arg(endpoint.display(), why);
            return nullptr;
        }
    }
    if (endpoint.db != 0 && !client->command({QByteArrayLiteral("SELECT"), QByteArray::number(endpoint.db)}, &why)) {
        *error = QStringLiteral("%1: %2").arg(endpoint.display(), why);
        return nullptr;
    }
    return client;
}

void RedisClient::setTimeout(int ms)
{
    if (m_context)
        redisSetTimeout(m_context, toTimeval(ms));
}

bool RedisClient::command(const QList<QByteArray> &args, RedisReply *reply, QString *error)
{
    const QByteArray name = args.value(0);
    if (m_broken) {
        *error = QStringLiteral("%1: the connection to %2 was lost").arg(QString::fromLatin1(name), m_endpoint.display());
        return false;
    }
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QByteArray &a : args) {
        argv.push_back(a.constData());
        lengths.push_back(size_t(a.size()));
    }
    auto *r = static_cast<redisReply *>(redisCommandArgv(m_context, int(argv.size()), argv.data(), lengths.data()));
    if (!r) {
        // hiredis leaves the context unusable after an I/O or protocol error.
        m_broken = true;
        *error = QStringLiteral("%1: %2: %3").arg(QString::fromLatin1(name), m_endpoint.display(),
                                                  QString::fromUtf8(m_context->errstr));
        return false;
    }
    RedisReply owned(r);
    if (r->type == REDIS_REPLY_ERROR) {
        *error = QStringLiteral("%1: %2").arg(QString::fromLatin1(name), QString::fromUtf8(r->str, qsizetype(r->len)));
        return false;
    }
    if (reply)
        *reply = std::move(owned);
    return true;
}

bool RedisClient::command(const QList<QByteArray> &args, QString *error)
{
    return command(args, nullptr, error);
}

} // namespace kms
