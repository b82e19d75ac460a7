// SPDX-License-Identifier: MIT
#include "remote/HttpClient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace kms {

namespace {

// What the caller's thread and the network thread share for one request.
struct Exchange {
    std::mutex mutex;
    std::condition_variable done;
    bool finished = false;
    HttpReply reply;
    QPointer<QNetworkReply> network; // touched on the network thread only
};

QNetworkAccessManager *managerOf(QObject *context)
{
    auto *manager = context->findChild<QNetworkAccessManager *>(QString(), Qt::FindDirectChildrenOnly);
    if (!manager)
        manager = new QNetworkAccessManager(context);
    return manager;
}

} // namespace

HttpClient::HttpClient()
    : m_thread(new QThread)
    , m_context(new QObject)
{
    m_thread->setObjectName(QStringLiteral("kms-http"));
    m_context->moveToThread(m_thread);
    // Deleted on the network thread as it ends, with the manager and any reply still open.
    QObject::connect(m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread->start();
}

HttpClient::~HttpClient()
{
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

HttpReply HttpClient::post(const QUrl &url, const QByteArray &body, const Headers &headers,
                           int idleTimeoutMs, int totalTimeoutMs, const std::atomic<bool> *cancel) const
{
    auto exchange = std::make_shared<Exchange>();
    auto finish = [exchange](HttpReply reply) {
        std::lock_guard lock(exchange->mutex);
        exchange->reply = std::move(reply);
        exchange->finished = true;
        exchange->done.notify_all();
    };

    QMetaObject::invokeMethod(m_context, [this, exchange, finish, url, body, headers, idleTimeoutMs, totalTimeoutMs] {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        request.setTransferTimeout(idleTimeoutMs);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *reply = managerOf(m_context)->post(request, body);
        exchange->network = reply;

        auto *deadline = new QTimer(reply);
        deadline->setSingleShot(true);
        QObject::connect(deadline, &QTimer::timeout, reply, [reply] {
            reply->setProperty("kmsDeadline", true);
            reply->abort();
        });
        deadline->start(totalTimeoutMs);

        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, finish] {
            HttpReply out;
            out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (reply->isOpen())
                out.body = reply->readAll();
            out.retryAfter = reply->rawHeader(QByteArrayLiteral("Retry-After"));
            out.cancelled = reply->property("kmsCancelled").toBool();
            // An idle timeout aborts the reply as OperationCanceledError; only our cancel is a cancel.
            out.timedOut = reply->property("kmsDeadline").toBool()
                           || reply->error() == QNetworkReply::TimeoutError
                           || (reply->error() == QNetworkReply::OperationCanceledError && !out.cancelled);
            if (out.status == 0)
                out.networkError = out.timedOut ? QStringLiteral("no answer in time") : reply->errorString();
            reply->deleteLater();
            finish(std::move(out));
        });
    });

    std::unique_lock lock(exchange->mutex);
    bool cancelSent = false;
    while (!exchange->finished) {
        exchange->done.wait_for(lock, std::chrono::milliseconds(50));
        if (!exchange->finished && !cancelSent && cancel && cancel->load(std::memory_order_relaxed)) {
            cancelSent = true;
            QMetaObject::invokeMethod(m_context, [exchange] {
                if (QNetworkReply *reply = exchange->network.data(); reply != nullptr) {
                    reply->setProperty("kmsCancelled", true);
                    reply->abort();
                }
            });
        }
    }
    return exchange->reply;
}

} // namespace kms
