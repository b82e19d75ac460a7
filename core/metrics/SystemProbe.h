// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace kms {

// Process and machine readings for metrics and health (Linux /proc; zeros elsewhere).
class SystemProbe
{
public:
    // Process CPU since the previous call, in percent of one core (200 = two cores busy).
    double processCpuPercent();
    static qint64 processRssBytes();
    static qint64 totalMemoryBytes();
    static qint64 availableMemoryBytes();
    static qint64 diskFreeBytes(const QString &path);
    static qint64 diskTotalBytes(const QString &path);
    // Bytes of all files below a folder (the data directory holds a handful of files).
    static qint64 directoryBytes(const QString &path);

private:
    qint64 m_lastCpuTicks = -1;
    qint64 m_lastWallNs = 0;
};

} // namespace kms
