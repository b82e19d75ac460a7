// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <memory>

class QLockFile;

namespace kms {

// The folder that holds one store: database, vector index, logs, user term dictionary.
// Chosen by --data-dir, else KMS_DATA_DIR, else QStandardPaths::AppDataLocation.
// One process owns it at a time (a lock file); a second one gets an error naming the holder.
class DataDirectory
{
public:
    explicit DataDirectory(QString path);
    ~DataDirectory();
    DataDirectory(const DataDirectory &) = delete;
    DataDirectory &operator=(const DataDirectory &) = delete;

    // explicitPath (from --data-dir) wins over KMS_DATA_DIR, which wins over the platform default.
    static QString resolve(const QString &explicitPath = {});

    // Creates the folder if needed and takes the lock. On failure *error says why, e.g.
    // "data directory /x is in use by kmsctl (pid 4242) on host1; stop it or use another --data-dir".
    bool acquire(QString *error);
    void release();
    bool isLocked() const;
    // After acquire() failed because another live process holds the lock: who, e.g. "kmsctl (pid
    // 4242) on host1". Empty otherwise (no failure, or a failure of another kind).
    QString heldBy() const { return m_heldBy; }

    QString path() const { return m_path; }
    QString databasePath() const;      // <dir>/kms.sqlite
    QString indexPath() const;         // <dir>/vectors.kidx
    QString logDirectory() const;      // <dir>/logs
    QString userTermsPath() const;     // <dir>/terms.txt (user additions to the dictionary)

private:
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    QString m_heldBy;
};

} // namespace kms
