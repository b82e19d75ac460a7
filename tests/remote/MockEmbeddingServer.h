// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QThread>

#include <atomic>
#include <functional>
#include <mutex>

class QTcpServer;

// A real HTTP/1.1 server on 127.0.0.1 for testing embedding clients, on a thread of its own. It
// answers every request through a handler the test sets; by default it speaks the OpenAI
// embeddings format with vectors derived from each text, so answers can be checked.
class MockEmbeddingServer
{
public:
    struct Request {
        QByteArray method, path, body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray header(const QByteArray &name) const;
        QStringList inputs() const; // "input" (OpenAI / Ollama) or "inputs" (TEI)
    };
    struct Response {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        int delayMs = 0;       // wait before answering
        bool hangUp = false;   // close the connection without answering
    };
    using Handler = std::function<Response(const Request &, int requestNumber)>;

    explicit MockEmbeddingServer(int dimension = 8);
    ~MockEmbeddingServer();

    quint16 port() const { return m_port; }
    QString baseUrl() const; // http://127.0.0.1:PORT/v1

    void setHandler(Handler handler);
    // Stops accepting connections (the server is "down") or starts again on the same port.
    void stop();
    bool restart();

    int requestCount() const { return m_requests.load(); }
    int maxConcurrent() const { return m_maxConcurrent.load(); }
    QList<Request> requests() const;

    // The default answer: OpenAI format, items listed in reverse order (their "index" says where
    // each belongs), each vector a function of its text.
    Response openAiAnswer(const Request &request) const;
    static QList<float> vectorFor(const QString &text, int dimension); // not normalised

private:
    void handle(const Request &request, std::function<void(const Response &)> reply);

    const int m_dimension;
    QThread m_thread;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    mutable std::mutex m_mutex;
    Handler m_handler;
    QList<Request> m_log;
    std::atomic<int> m_requests{0}, m_inFlight{0}, m_maxConcurrent{0};
    friend class MockConnection;
};
