// SPDX-License-Identifier: MIT
// The resident set of this process, for the benchmarks that watch memory over a run.
#pragma once

#include <QFile>

namespace kms {

// VmRSS of this process from /proc (Linux); 0 where it cannot be read.
inline qint64 residentBytes()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    return 0;
}

} // namespace kms
