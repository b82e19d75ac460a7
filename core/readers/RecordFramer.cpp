// SPDX-License-Identifier: MIT
#include "readers/RecordFramer.h"

namespace kms {

QByteArray RecordFramer::raw(const Frame &f, qint64 length) const
{
    if (f.dropped)
        return f.prefix;
    return QByteArray(m_in.data() + f.begin, qsizetype(std::min(MaxRawBytes, length)));
}

QString RecordFramer::oversizedMessage() const
{
    return QStringLiteral("record is over the %1 limit").arg(formatByteLimit(m_limit));
}

QString formatByteLimit(qint64 bytes)
{
    constexpr qint64 MiB = 1024 * 1024;
    if (bytes >= MiB && bytes % MiB == 0)
        return QStringLiteral("%1 MiB").arg(bytes / MiB);
    return QStringLiteral("%1 bytes").arg(bytes);
}

} // namespace kms
