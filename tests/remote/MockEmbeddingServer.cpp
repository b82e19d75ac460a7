// SPDX-License-Identifier: MIT
#include "MockEmbeddingServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cmath>

namespace {

// Reads one request from a socket (headers, then Content-Length bytes of body) as it arrives.
bool parseRequest(QByteArray &buffer, MockEmbeddingServer::Request *out)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    MockEmbeddingServer::Request request;
    request.method = requestLine.value(0);
    request.path = requestLine.value(1);
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = lines[i].left(colon).trimmed().toLower();
        const QByteArray value = lines[i].mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name == "content-length")
            length = value.toLongLong();
    }
    if (buffer.size() < headerEnd + 4 + length)
        return false;
    request.body = buffer.mid(headerEnd + 4, length);
    *out = request;
    return true;
}

QByteArray reasonOf(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 413: return "Payload Too Large";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    default: return "Status";
    }
}

} // namespace

QByteArray MockEmbeddingServer::Request::header(const QByteArray &name) const
{
    for (const auto &[n, v] : headers) {
        if (n == name.toLower())
            return v;
    }
    return {};
}

QStringList MockEmbeddingServer::Request::inputs() const
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QJsonArray array = o.contains(QStringLiteral("inputs")) ? o.value(QStringLiteral("inputs")).toArray()
                                                                   : o.value(QStringLiteral("input")).toArray();
    QStringList out;
    for (const QJsonValue &v : array)
        out.append(v.toString());
    return out;
}

MockEmbeddingServer::MockEmbeddingServer(int dimension)
    : m_dimension(dimension)
{
    m_handler = [this](const Request &r, int) { return openAiAnswer(r); };
    m_thread.start();
    auto *server = new QTcpServer;
    server->moveToThread(&m_thread);
    m_server = server;
    QMetaObject::invokeMethod(server, [this, server] {
        QObject::connect(server, &QTcpServer::newConnection, server, [this, server] {
            while (QTcpSocket *socket = server->nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    buffer->append(socket->readAll());
                    Request request;
                    if (!parseRequest(*buffer, &request))
                        return;
                    buffer->clear();
                    QPointer<QTcpSocket> guard(socket);
                    handle(request, [guard](const Response &response) {
                        if (!guard)
                            return;
                        if (response.hangUp) {
                            guard->abort();
                            return;
                        }
                        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
                                         + reasonOf(response.status) + "\r\n";
                        out += "Content-Type: application/json\r\nConnection: close\r\n";
                        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
                        for (const auto &[n, v] : response.headers)
                            out += n + ": " + v + "\r\n";
                        out += "\r\n" + response.body;
                        guard->write(out);
                        guard->disconnectFromHost();
                    });
                });
            }
        });
    }, Qt::BlockingQueuedConnection);
    restart();
}

MockEmbeddingServer::~MockEmbeddingServer()
{
    QMetaObject::invokeMethod(m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString MockEmbeddingServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/v1").arg(m_port);
}

void MockEmbeddingServer::setHandler(Handler handler)
{
    std::lock_guard lock(m_mutex);
    m_handler = std::move(handler);
}

void MockEmbeddingServer::stop()
{
    QMetaObject::invokeMethod(m_server, [this] { m_server->close(); }, Qt::BlockingQueuedConnection);
}

bool MockEmbeddingServer::restart()
{
    bool ok = false;
    QMetaObject::invokeMethod(m_server, [this, &ok] {
        ok = m_server->listen(QHostAddress::LocalHost, m_port);
        m_port = m_server->serverPort();
    }, Qt::BlockingQueuedConnection);
    return ok;
}

QList<MockEmbeddingServer::Request> MockEmbeddingServer::requests() const
{
    std::lock_guard lock(m_mutex);
    return m_log;
}

void MockEmbeddingServer::handle(const Request &request, std::function<void(const Response &)> reply)
{
    const int number = ++m_requests;
    const int now = ++m_inFlight;
    int seen = m_maxConcurrent.load();
    while (now > seen && !m_maxConcurrent.compare_exchange_weak(seen, now)) {
    }
    Handler handler;
    {
        std::lock_guard lock(m_mutex);
        m_log.append(request);
        handler = m_handler;
    }
    const Response response = handler(request, number);
    auto finish = [this, reply, response] {
        --m_inFlight;
        reply(response);
    };
    if (response.delayMs > 0)
        QTimer::singleShot(response.delayMs, m_server, finish);
    else
        finish();
}

QList<float> MockEmbeddingServer::vectorFor(const QString &text, int dimension)
{
    QList<float> v(dimension, 0.0f);
    for (qsizetype i = 0; i < text.size(); ++i)
        v[i % dimension] += float(text.at(i).unicode() % 31) + 1.0f;
    return v;
}

MockEmbeddingServer::Response MockEmbeddingServer::openAiAnswer(const Request &request) const
{
    const QStringList inputs = request.inputs();
    QJsonArray data;
    for (qsizetype i = inputs.size() - 1; i >= 0; --i) {
        QJsonArray vector;
        for (float x : vectorFor(inputs[i], m_dimension))
            vector.append(double(x));
        data.append(QJsonObject{{QStringLiteral("object"), QStringLiteral("embedding")},
                                {QStringLiteral("index"), int(i)},
                                {QStringLiteral("embedding"), vector}});
    }
    qint64 tokens = 0;
    for (const QString &t : inputs)
        tokens += t.split(QLatin1Char(' '), Qt::SkipEmptyParts).size();
    const QJsonObject root{{QStringLiteral("object"), QStringLiteral("list")},
                           {QStringLiteral("data"), data},
                           {QStringLiteral("model"), QStringLiteral("mock")},
                           {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), tokens},
                                                                  {QStringLiteral("total_tokens"), tokens}}}};
    Response response;
    response.body = QJsonDocument(root).toJson(QJsonDocument::Compact);
    return response;
}
