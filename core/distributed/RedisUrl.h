// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace kms {

// Where a Redis server is and how to log in to it.
struct RedisEndpoint {
    QString host;
    int port = 6379;
    int db = 0;
    QString user;     // empty: the default user (AUTH with the password alone)
    QString password; // empty: no AUTH

    // "redis://host:port/db" with the user but never the password, for logs and messages.
    QString display() const;
};

// Parses redis://[user[:password]@]host[:port][/db]. rediss:// (TLS) is refused: Debian 12's
// hiredis 0.14 has no TLS support. False with *error naming the part that is wrong.
bool parseRedisUrl(const QString &url, RedisEndpoint *out, QString *error);

// Fills in the credentials the URL did not give, from the environment: KMS_REDIS_USER, and the
// password from KMS_REDIS_PASSWORD or from the file KMS_REDIS_PASSWORD_FILE names, which must be
// readable by its owner only (mode 0600 or stricter), as the API key files are. False with *error
// when the file is missing, unreadable or open to others.
bool applyRedisCredentials(RedisEndpoint *endpoint, QString *error);

// Both: the endpoint a configured URL stands for, credentials included.
bool resolveRedisUrl(const QString &url, RedisEndpoint *out, QString *error);

} // namespace kms
