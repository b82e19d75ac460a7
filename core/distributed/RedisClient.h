// SPDX-License-Identifier: MIT
#pragma once

#include "distributed/RedisUrl.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

struct redisContext;
struct redisReply;

namespace kms {

// One reply of a command; owns hiredis's reply tree. A view (RedisValue) walks it.
class RedisValue
{
public:
    RedisValue() = default;
    explicit RedisValue(const redisReply *r) : m_reply(r) {}

    bool isNil() const;
    bool isArray() const;
    bool isString() const;   // bulk string or status
    bool isInteger() const;
    size_t size() const;     // array elements
    RedisValue at(size_t i) const;
    QByteArray bytes() const; // string / status / error text; empty otherwise
    long long integer() const;

private:
    const redisReply *m_reply = nullptr;
};

class RedisReply
{
public:
    RedisReply() = default;
    explicit RedisReply(redisReply *r);
    RedisValue value() const { return RedisValue(m_reply.get()); }

private:
    struct Free {
        void operator()(redisReply *r) const;
    };
    std::unique_ptr<redisReply, Free> m_reply;
};

// A blocking connection to Redis (hiredis): connect, AUTH and SELECT in one call, then commands as
// argument lists (binary safe). Not thread-safe: one per thread, or behind a mutex. After a
// connection error every command fails until the caller makes a new client.
class RedisClient
{
public:
    ~RedisClient();
    RedisClient(const RedisClient &) = delete;
    RedisClient &operator=(const RedisClient &) = delete;

    // Null with *error ("redis://host:6379/0: Connection refused", "...: AUTH: WRONGPASS ...").
    static std::unique_ptr<RedisClient> connect(const RedisEndpoint &endpoint, int timeoutMs, QString *error);

    // Runs one command. False with *error when the connection failed or Redis answered with an
    // error; the error says which command and carries Redis's own text ("XADD: OOM command not
    // allowed ..."). brokenConnection() tells the two apart.
    bool command(const QList<QByteArray> &args, RedisReply *reply, QString *error);
    bool command(const QList<QByteArray> &args, QString *error);
    bool brokenConnection() const { return m_broken; }
    // The socket's read timeout; a blocking command (XREADGROUP BLOCK ms) needs one longer than ms.
    void setTimeout(int ms);
    const RedisEndpoint &endpoint() const { return m_endpoint; }

private:
    RedisClient(redisContext *c, RedisEndpoint endpoint) : m_context(c), m_endpoint(std::move(endpoint)) {}

    redisContext *m_context = nullptr;
    RedisEndpoint m_endpoint;
    bool m_broken = false;
};

} // namespace kms
