// SPDX-License-Identifier: MIT
#include "storage/DataDirectory.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>

namespace kms {

DataDirectory::DataDirectory(QString path)
    : m_path(std::move(path))
{
}

DataDirectory::~DataDirectory()
{
    release();
}

QString DataDirectory::resolve(const QString &explicitPath)
{
    QString path = explicitPath;
    if (path.isEmpty())
        path = qEnvironmentVariable("KMS_DATA_DIR");
    if (path.isEmpty())
        path = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return path.isEmpty() ? path : QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

bool DataDirectory::acquire(QString *error)
{
    auto setError = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (isLocked())
        return true;
    m_heldBy.clear();
    if (m_path.isEmpty())
        return setError(QStringLiteral("no data directory given (use --data-dir or KMS_DATA_DIR)"));
    if (!QDir().mkpath(m_path))
        return setError(QStringLiteral("cannot create data directory %1").arg(m_path));

    auto lock = std::make_unique<QLockFile>(QDir(m_path).filePath(QStringLiteral("kms.lock")));
    // Age must not make a lock stale: a long ingestion holds it for hours. A lock whose process
    // is gone is still detected as stale and taken over.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        switch (lock->error()) {
        case QLockFile::LockFailedError: {
            qint64 pid = 0;
            QString host, app;
            if (lock->getLockInfo(&pid, &host, &app)) {
                m_heldBy = QStringLiteral("%1 (pid %2) on %3")
                               .arg(app.isEmpty() ? QStringLiteral("another process") : app)
                               .arg(pid)
                               .arg(host.isEmpty() ? QStringLiteral("this host") : host);
            } else {
                m_heldBy = QStringLiteral("another process");
            }
            return setError(QStringLiteral("data directory %1 is in use by %2; stop it or use another --data-dir")
                                .arg(m_path, m_heldBy));
        }
        case QLockFile::PermissionError:
            return setError(QStringLiteral("cannot create the lock file in data directory %1: permission "
                                           "denied").arg(m_path));
        default:
            return setError(QStringLiteral("cannot lock data directory %1").arg(m_path));
        }
    }
    if (!QDir().mkpath(logDirectory())) {
        lock->unlock();
        return setError(QStringLiteral("cannot create log directory %1").arg(logDirectory()));
    }
    m_lock = std::move(lock);
    return true;
}

void DataDirectory::release()
{
    if (m_lock)
        m_lock->unlock();
    m_lock.reset();
}

bool DataDirectory::isLocked() const
{
    return m_lock && m_lock->isLocked();
}

QString DataDirectory::databasePath() const
{
    return QDir(m_path).filePath(QStringLiteral("kms.sqlite"));
}

QString DataDirectory::indexPath() const
{
    return QDir(m_path).filePath(QStringLiteral("vectors.kidx"));
}

QString DataDirectory::logDirectory() const
{
    return QDir(m_path).filePath(QStringLiteral("logs"));
}

QString DataDirectory::userTermsPath() const
{
    return QDir(m_path).filePath(QStringLiteral("terms.txt"));
}

} // namespace kms
