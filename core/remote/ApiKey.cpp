// SPDX-License-Identifier: MIT
#include "remote/ApiKey.h"

#include "config/RemoteEmbedderConfig.h"

#include <QFile>
#include <QFileInfo>

namespace kms {

bool loadApiKey(const RemoteEmbedderConfig &config, QString *key, QString *error)
{
    key->clear();
    if (!config.apiKeyEnv.isEmpty()) {
        const QByteArray value = qgetenv(config.apiKeyEnv.toLocal8Bit().constData());
        if (value.trimmed().isEmpty()) {
            *error = QStringLiteral("API key: the environment variable %1 is not set or empty")
                         .arg(config.apiKeyEnv);
            return false;
        }
        *key = QString::fromUtf8(value.trimmed());
        return true;
    }
    if (config.apiKeyFile.isEmpty())
        return true;

    const QFileInfo info(config.apiKeyFile);
    if (!info.exists() || !info.isFile()) {
        *error = QStringLiteral("API key file %1: not found").arg(config.apiKeyFile);
        return false;
    }
    const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup
                                      | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    if (info.permissions() & others) {
        *error = QStringLiteral("API key file %1: readable by others; make it private with chmod 600")
                     .arg(config.apiKeyFile);
        return false;
    }
    QFile file(config.apiKeyFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("API key file %1: %2").arg(config.apiKeyFile, file.errorString());
        return false;
    }
    const QByteArray value = file.read(64 * 1024).trimmed();
    if (value.isEmpty()) {
        *error = QStringLiteral("API key file %1: empty").arg(config.apiKeyFile);
        return false;
    }
    *key = QString::fromUtf8(value);
    return true;
}

} // namespace kms
