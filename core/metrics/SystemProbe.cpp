// SPDX-License-Identifier: MIT
#include "metrics/SystemProbe.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>

#include <ctime>
#include <unistd.h>

namespace kms {

namespace {
qint64 monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// utime + stime in clock ticks from /proc/self/stat (fields 14 and 15).
qint64 processCpuTicks()
{
    QFile f(QStringLiteral("/proc/self/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = f.readAll();
    // The command name may contain spaces; fields after it start past the last ')'.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return fields[11].toLongLong() + fields[12].toLongLong();
}

qint64 meminfoKb(const QByteArray &key)
{
    QFile f(QStringLiteral("/proc/meminfo"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    // /proc files report size 0, so read all rather than testing atEnd().
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(key)) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            return parts.size() >= 2 ? parts[1].toLongLong() : 0;
        }
    }
    return 0;
}
} // namespace

double SystemProbe::processCpuPercent()
{
    const qint64 ticks = processCpuTicks();
    const qint64 now = monotonicNs();
    double pct = 0;
    if (m_lastCpuTicks >= 0 && ticks >= 0 && now > m_lastWallNs) {
        const double cpuNs = double(ticks - m_lastCpuTicks) * 1e9 / double(sysconf(_SC_CLK_TCK));
        pct = 100.0 * cpuNs / double(now - m_lastWallNs);
    }
    m_lastCpuTicks = ticks;
    m_lastWallNs = now;
    return pct;
}

qint64 SystemProbe::processRssBytes()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> parts = f.readAll().split(' ');
    return parts.size() >= 2 ? parts[1].toLongLong() * sysconf(_SC_PAGESIZE) : 0;
}

qint64 SystemProbe::totalMemoryBytes() { return meminfoKb("MemTotal:") * 1024; }
qint64 SystemProbe::availableMemoryBytes() { return meminfoKb("MemAvailable:") * 1024; }

qint64 SystemProbe::diskFreeBytes(const QString &path)
{
    return QStorageInfo(path).bytesAvailable();
}

qint64 SystemProbe::diskTotalBytes(const QString &path)
{
    return QStorageInfo(path).bytesTotal();
}

qint64 SystemProbe::directoryBytes(const QString &path)
{
    qint64 total = 0;
    QDirIterator it(path, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

} // namespace kms
