// SPDX-License-Identifier: MIT
#include "remote/RetryPolicy.h"

#include "remote/EmbeddingProtocol.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <algorithm>

namespace kms {

AttemptVerdict classifyAttempt(const HttpReply &reply)
{
    const int s = reply.status;
    if (s >= 200 && s < 300)
        return AttemptVerdict::Done;
    if (s == 0 || s == 408 || s == 429 || s >= 500)
        return AttemptVerdict::Retry;
    if (s == 413)
        return AttemptVerdict::Split;
    if (s == 400 || s == 422)
        return AttemptVerdict::Isolate;
    return AttemptVerdict::Stop;
}

int parseRetryAfterMs(const QByteArray &value)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    bool isNumber = false;
    const double seconds = v.toDouble(&isNumber);
    if (isNumber)
        return seconds < 0 ? -1 : int(std::min(seconds, 86400.0) * 1000);
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return int(std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(when), 0, 86'400'000));
}

int retryDelayMs(int attempt, int baseMs, int maxMs, const QByteArray &retryAfter)
{
    const qint64 ceiling = std::min<qint64>(maxMs, qint64(baseMs) << std::min(attempt - 1, 20));
    int delay = ceiling > 0 ? int(QRandomGenerator::global()->bounded(ceiling + 1)) : 0;
    const int asked = parseRetryAfterMs(retryAfter);
    if (asked >= 0)
        delay = std::max(delay, std::min(asked, maxMs * 10));
    return delay;
}

QString describeFailure(const HttpReply &reply, const QString &url)
{
    const QString server = serverErrorMessage(reply.body);
    const QString said = server.isEmpty() ? QString() : QStringLiteral(": \"%1\"").arg(server);
    switch (reply.status) {
    case 0:
        if (reply.cancelled)
            return QStringLiteral("cancelled");
        if (reply.timedOut)
            return QStringLiteral("%1 did not answer in time").arg(url);
        return QStringLiteral("cannot reach %1 (%2)").arg(url, reply.networkError);
    case 400:
        return QStringLiteral("the server rejected the request as malformed (HTTP 400)%1").arg(said);
    case 401:
        return QStringLiteral("the server refused the API key (HTTP 401)%1").arg(said);
    case 403:
        return QStringLiteral("the API key may not use this model or endpoint (HTTP 403)%1").arg(said);
    case 404:
        return QStringLiteral("%1 has no such endpoint or model (HTTP 404)%2; check the base URL and the model name")
            .arg(url, said);
    case 413:
        return QStringLiteral("the text is too long for the server even alone (HTTP 413)%1").arg(said);
    case 422:
        return QStringLiteral("the server could not process the text (HTTP 422)%1").arg(said);
    case 429:
        return QStringLiteral("the server is rate limiting (HTTP 429)%1").arg(said);
    default:
        return QStringLiteral("the server failed (HTTP %1)%2").arg(reply.status).arg(said);
    }
}

} // namespace kms
