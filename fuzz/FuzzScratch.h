// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>
#include <cstdio>

namespace kms::fuzz {

// The code under test takes paths (ingestion streams files, the index and the model are files), so
// each input is written to a private folder first, on /dev/shm when there is one to spare the disk.
// The folder lives as long as the process; every input overwrites the same names.
inline QString scratchDir()
{
    static QTemporaryDir dir = [] {
        const QString base = QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm")
                                                                      : QDir::tempPath();
        return QTemporaryDir(base + QStringLiteral("/kms-fuzz-XXXXXX"));
    }();
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot create a scratch folder: %s\n", qPrintable(dir.errorString()));
        std::abort();
    }
    return dir.path();
}

// Writes bytes to <scratch>/<name> (sub-folders are made) and returns its path. A write failure is
// the harness's fault, not a finding, so it aborts loudly.
inline QString writeScratch(const QString &name, const char *data, qsizetype size)
{
    const QString path = scratchDir() + QLatin1Char('/') + name;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data, size) != size) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        std::abort();
    }
    return path;
}

inline void removeScratch(const QString &name) { QFile::remove(scratchDir() + QLatin1Char('/') + name); }

} // namespace kms::fuzz
