// SPDX-License-Identifier: MIT
#include "distributed/RedisUrl.h"

#include <QFile>
#include <QFileInfo>
#include <QUrl>

namespace kms {

QString RedisEndpoint::display() const
{
    const QString who = user.isEmpty() ? QString() : user + QLatin1Char('@');
    return QStringLiteral("redis://%1%2:%3/%4").arg(who, host).arg(port).arg(db);
}

bool parseRedisUrl(const QString &url, RedisEndpoint *out, QString *error)
{
    const QString text = url.trimmed();
    if (text.startsWith(QLatin1String("rediss://"), Qt::CaseInsensitive)) {
        *error = QStringLiteral("%1: TLS (rediss://) is not supported: Debian 12's hiredis 0.14 has no TLS; use "
                                "redis:// inside a trusted network or an SSH / stunnel tunnel")
                     .arg(text);
        return false;
    }
    if (!text.startsWith(QLatin1String("redis://"), Qt::CaseInsensitive)) {
        *error = QStringLiteral("\"%1\" is not a Redis URL: expected redis://[user:password@]host:port[/db]").arg(text);
        return false;
    }
    const QUrl u(text, QUrl::StrictMode);
    if (!u.isValid() || u.host().isEmpty()) {
        *error = QStringLiteral("\"%1\" is not a Redis URL (no host): expected redis://[user:password@]host:port[/db]")
                     .arg(text);
        return false;
    }
    RedisEndpoint e;
    e.host = u.host();
    e.port = u.port(6379);
    if (e.port <= 0 || e.port > 65535) {
        *error = QStringLiteral("\"%1\": the port must be between 1 and 65535").arg(text);
        return false;
    }
    e.user = u.userName(QUrl::FullyDecoded);
    e.password = u.password(QUrl::FullyDecoded);
    QString path = u.path();
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    if (!path.isEmpty()) {
        bool ok = false;
        e.db = path.toInt(&ok);
        if (!ok || e.db < 0 || e.db > 65535) {
            *error = QStringLiteral("\"%1\": the database after the port must be a number (redis://host:port/0), got \"%2\"")
                         .arg(text, path);
            return false;
        }
    }
    if (u.hasQuery() || u.hasFragment()) {
        *error = QStringLiteral("\"%1\": a Redis URL takes no ?options or #fragment").arg(text);
        return false;
    }
    *out = e;
    return true;
}

bool applyRedisCredentials(RedisEndpoint *endpoint, QString *error)
{
    if (endpoint->user.isEmpty())
        endpoint->user = qEnvironmentVariable("KMS_REDIS_USER");
    if (!endpoint->password.isEmpty())
        return true;
    if (qEnvironmentVariableIsSet("KMS_REDIS_PASSWORD")) {
        endpoint->password = qEnvironmentVariable("KMS_REDIS_PASSWORD");
        return true;
    }
    const QString path = qEnvironmentVariable("KMS_REDIS_PASSWORD_FILE");
    if (path.isEmpty())
        return true;
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = QStringLiteral("KMS_REDIS_PASSWORD_FILE: %1 does not exist").arg(path);
        return false;
    }
    // Anyone who can read the password can read and write every batch: as with API key files,
    // refuse a file the group or others may read.
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                                            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (info.permissions() & others) {
        *error = QStringLiteral("KMS_REDIS_PASSWORD_FILE: %1 is readable by others; make it private with chmod 600 %1")
                     .arg(path);
        return false;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("KMS_REDIS_PASSWORD_FILE: cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    endpoint->password = QString::fromUtf8(f.readAll()).trimmed();
    if (endpoint->password.isEmpty()) {
        *error = QStringLiteral("KMS_REDIS_PASSWORD_FILE: %1 is empty").arg(path);
        return false;
    }
    return true;
}

bool resolveRedisUrl(const QString &url, RedisEndpoint *out, QString *error)
{
    return parseRedisUrl(url, out, error) && applyRedisCredentials(out, error);
}

} // namespace kms
