// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>

#include <atomic>

class QThread;
class QObject;

namespace kms {

struct HttpReply {
    int status = 0;          // HTTP status; 0 when no answer came (network error, timeout, cancel)
    QByteArray body;
    QByteArray retryAfter;   // the Retry-After header as sent, if any
    QString networkError;    // why there is no answer, when status == 0
    bool timedOut = false;
    bool cancelled = false;
};

// Blocking HTTP POSTs callable from any thread. The requests run on one network thread of the
// client's own with one QNetworkAccessManager, so connections are kept alive and reused across
// calls whatever thread calls (ingestion workers are pool threads, the backlog worker is not), and
// no caller runs a nested event loop.
class HttpClient
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    HttpClient();
    ~HttpClient();
    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    // idleTimeoutMs: no byte moved for this long (connect included) ends the attempt; totalTimeoutMs
    // bounds it from start to end. The cancel flag is looked at every 50 ms.
    HttpReply post(const QUrl &url, const QByteArray &body, const Headers &headers, int idleTimeoutMs,
                   int totalTimeoutMs, const std::atomic<bool> *cancel) const;

private:
    QThread *m_thread = nullptr;
    QObject *m_context = nullptr; // lives on m_thread; owns the QNetworkAccessManager
};

} // namespace kms
