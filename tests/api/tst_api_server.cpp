// SPDX-License-Identifier: MIT
// The API server's guard chain, against real HTTP clients on 127.0.0.1.
#include "api/ApiServer.h"
#include "api/RateLimiter.h"

#include <httplib.h>

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QtTest>

#include <mutex>
#include <thread>

using namespace kms;

namespace {

std::optional<ApiCaller> verify(const QByteArray &token)
{
    if (token == "read-secret")
        return ApiCaller{QStringLiteral("dashboard"), ApiScope::Read};
    if (token == "write-secret")
        return ApiCaller{QStringLiteral("helpdesk-sync"), ApiScope::Write};
    return std::nullopt;
}

ApiServerConfig testConfig()
{
    ApiServerConfig c;
    c.port = 0;
    c.maxBodyBytes = 64 * 1024;
    c.ratePerSecond = 1000;
    c.burst = 1000;
    return c;
}

void addTestRoutes(ApiServer &server)
{
    server.addRoute({"GET", QStringLiteral("/api/v1/health"), QStringLiteral("/api/v1/health"), ApiScope::Open},
                    [](const ApiRequest &) { return ApiResponse::json(QJsonObject{{QStringLiteral("status"), QStringLiteral("healthy")}}); });
    server.addRoute({"GET", QStringLiteral("/api/v1/cases/(\\d+)"), QStringLiteral("/api/v1/cases/{id}"), ApiScope::Read},
                    [](const ApiRequest &r) {
                        return ApiResponse::json(QJsonObject{{QStringLiteral("id"), r.captures.value(0)},
                                                             {QStringLiteral("caller"), r.caller.tokenName}});
                    });
    server.addRoute({"POST", QStringLiteral("/api/v1/cases"), QStringLiteral("/api/v1/cases"), ApiScope::Write},
                    [](const ApiRequest &r) {
                        return ApiResponse::json(QJsonObject{{QStringLiteral("bytes"), int(r.body.size())}}, 201);
                    });
}

QJsonObject errorOf(const httplib::Result &res)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(res->body)).object().value(QStringLiteral("error")).toObject();
}

// Sends raw bytes and returns what comes back until the server closes the connection.
QByteArray rawExchange(int port, const QByteArray &request, int timeoutMs = 3000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(port));
    if (!socket.waitForConnected(timeoutMs))
        return {};
    socket.write(request);
    socket.waitForBytesWritten(timeoutMs);
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs && socket.state() == QAbstractSocket::ConnectedState) {
        if (socket.waitForReadyRead(100))
            answer += socket.readAll();
    }
    answer += socket.readAll();
    return answer;
}

} // namespace

class TestApiServer : public QObject
{
    Q_OBJECT

private slots:
    void tokensAndScopes();
    void unknownPathsAndMethods();
    void bodyLimitBeforeTheBodyIsRead();
    void chunkedAndCompressedBodiesAreRefused();
    void foreignHostIsRefused();
    void rateLimitAnswers429WithRetryAfter();
    void requestsInFlightAreCapped();
    void deadlineCancelsALongRequest();
    void slowClientIsCutOffByTheReadTimeout();
    void everyRequestIsLoggedWithoutTheToken();
    void recentRequestsAreABoundedRing();
    void corsOnlyForConfiguredOrigins();
    void oneRequestPerConnection();
    void configChecks();
};

void TestApiServer::tokensAndScopes()
{
    ApiServer server(testConfig());
    server.setTokenVerifier(verify);
    addTestRoutes(server);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    httplib::Client client("127.0.0.1", server.port());

    auto res = client.Get("/api/v1/health");
    QVERIFY(res);
    QCOMPARE(res->status, 200);

    res = client.Get("/api/v1/cases/42");
    QCOMPARE(res->status, 401);
    QVERIFY(res->has_header("WWW-Authenticate"));
    QCOMPARE(errorOf(res).value(QStringLiteral("status")).toInt(), 401);
    QVERIFY(errorOf(res).value(QStringLiteral("message")).toString().contains(QLatin1String("Bearer")));

    res = client.Get("/api/v1/cases/42", {{"Authorization", "Bearer wrong"}});
    QCOMPARE(res->status, 401);
    QVERIFY(errorOf(res).value(QStringLiteral("message")).toString().contains(QLatin1String("unknown or revoked")));

    res = client.Get("/api/v1/cases/42", {{"Authorization", "Bearer read-secret"}});
    QCOMPARE(res->status, 200);
    const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(res->body)).object();
    QCOMPARE(body.value(QStringLiteral("id")).toString(), QStringLiteral("42"));
    QCOMPARE(body.value(QStringLiteral("caller")).toString(), QStringLiteral("dashboard"));

    res = client.Post("/api/v1/cases", {{"Authorization", "Bearer read-secret"}}, "{}", "application/json");
    QCOMPARE(res->status, 403);
    QVERIFY(errorOf(res).value(QStringLiteral("message")).toString().contains(QLatin1String("may only read")));

    res = client.Post("/api/v1/cases", {{"Authorization", "bearer write-secret"}}, "{\"a\":1}", "application/json");
    QCOMPARE(res->status, 201);
    server.stop();
    QVERIFY(!server.isRunning());
}

void TestApiServer::unknownPathsAndMethods()
{
    ApiServer server(testConfig());
    server.setTokenVerifier(verify);
    addTestRoutes(server);
    QString error;
    QVERIFY(server.start(&error));
    httplib::Client client("127.0.0.1", server.port());
    auto res = client.Get("/api/v1/nothing-here");
    QCOMPARE(res->status, 404);
    QVERIFY(errorOf(res).value(QStringLiteral("message")).toString().contains(QLatin1String("/api/v1/nothing-here")));
    res = client.Delete("/api/v1/health");
    QCOMPARE(res->status, 405);
    res = client.Get("/api/v1/cases/abc", {{"Authorization", "Bearer read-secret"}});
    QCOMPARE(res->status, 404);
}

void TestApiServer::bodyLimitBeforeTheBodyIsRead()
{
    ApiServer server(testConfig());
    server.setTokenVerifier(verify);
    addTestRoutes(server);
    QString error;
    QVERIFY(server.start(&error));
    // Claims 50 MB and sends none of it: the answer must come at once, not after a read timeout.
    QElapsedTimer timer;
    timer.start();
    const QByteArray answer = rawExchange(server.port(),
                                          "POST /api/v1/cases HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                          "Authorization: Bearer write-secret\r\nContent-Type: application/json\r\n"
                                          "Content-Length: 52428800\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    QVERIFY(answer.contains("at most 65536"));
    QVERIFY(timer.elapsed() < 2500);

    // A real body over the limit, sent whole by a client that does not wait.
    httplib::Client client("127.0.0.1", server.port());
    const std::string big(200 * 1024, 'x');
    auto res = client.Post("/api/v1/cases", {{"Authorization", "Bearer write-secret"}}, big, "application/json");
    QVERIFY(!res || res->status == 413);
    // Still serving.
    QCOMPARE(client.Get("/api/v1/health")->status, 200);
}

void TestApiServer::chunkedAndCompressedBodiesAreRefused()
{
    ApiServer server(testConfig());
    server.setTokenVerifier(verify);
    addTestRoutes(server);
    QString error;
    QVERIFY(server.start(&error));
    QByteArray answer = rawExchange(server.port(),
                                    "POST /api/v1/cases HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer write-secret\r\n"
                                    "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 411"), answer.constData());
    answer = rawExchange(server.port(),
                         "POST /api/v1/cases HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer write-secret\r\n"
                         "Content-Encoding: gzip\r\nContent-Length: 4\r\n\r\nabcd");
    QVERIFY2(answer.startsWith("HTTP/1.1 415"), answer.constData());
}

void TestApiServer::foreignHostIsRefused()
{
    ApiServer server(testConfig());
    addTestRoutes(server);
    QString error;
    QVERIFY(server.start(&error));
    const QByteArray answer = rawExchange(server.port(), "GET /api/v1/health HTTP/1.1\r\nHost: rebind.attacker.test\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 421"), answer.constData());
    const QByteArray ok = rawExchange(server.port(), "GET /api/v1/health HTTP/1.1\r\nHost: localhost:1234\r\n\r\n");
    QVERIFY2(ok.startsWith("HTTP/1.1 200"), ok.constData());
}

void TestApiServer::rateLimitAnswers429WithRetryAfter()
{
    ApiServerConfig c = testConfig();
    c.ratePerSecond = 0.5;
    c.burst = 3;
    ApiServer server(c);
    server.setTokenVerifier(verify);
    addTestRoutes(server);
    QString error;
    QVERIFY(server.start(&error));
    httplib::Client client("127.0.0.1", server.port());
    int ok = 0, limited = 0;
    std::string retryAfter;
    for (int i = 0; i < 6; ++i) {
        auto res = client.Get("/api/v1/cases/1", {{"Authorization", "Bearer read-secret"}});
        if (res->status == 200)
            ++ok;
        if (res->status == 429) {
            ++limited;
            retryAfter = res->get_header_value("Retry-After");
        }
    }
    QCOMPARE(ok, 3);
    QCOMPARE(limited, 3);
    QVERIFY(std::stoi(retryAfter) >= 1);
    // Buckets are per token: another caller is not held back by this one.
    QCOMPARE(client.Post("/api/v1/cases", {{"Authorization", "Bearer write-secret"}}, "{}", "application/json")->status, 201);

    RateLimiter limiter(2, 1);
    const auto t0 = RateLimiter::Clock::now();
    QCOMPARE(limiter.take(QStringLiteral("a"), t0), 0);
    QCOMPARE(limiter.take(QStringLiteral("a"), t0), 1);
    QCOMPARE(limiter.take(QStringLiteral("a"), t0 + std::chrono::milliseconds(600)), 0);
}

void TestApiServer::requestsInFlightAreCapped()
{
    ApiServerConfig c = testConfig();
    c.maxInFlight = 1;
    ApiServer server(c);
    server.addRoute({"GET", QStringLiteral("/slow"), QStringLiteral("/slow"), ApiScope::Open}, [](const ApiRequest &) {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        return ApiResponse::json(QJsonObject{});
    });
    QString error;
    QVERIFY(server.start(&error));
    std::atomic<int> ok{0}, busy{0};
    std::vector<std::thread> clients;
    for (int i = 0; i < 3; ++i) {
        clients.emplace_back([&] {
            httplib::Client client("127.0.0.1", server.port());
            auto res = client.Get("/slow");
            if (res && res->status == 200)
                ++ok;
            if (res && res->status == 503 && res->has_header("Retry-After"))
                ++busy;
        });
    }
    for (auto &t : clients)
        t.join();
    QVERIFY(ok >= 1);
    QVERIFY(busy >= 1);
    QCOMPARE(ok + busy, 3);
}

void TestApiServer::deadlineCancelsALongRequest()
{
    ApiServerConfig c = testConfig();
    c.deadlineMs = 200;
    ApiServer server(c);
    server.addRoute({"GET", QStringLiteral("/search"), QStringLiteral("/search"), ApiScope::Open}, [](const ApiRequest &r) {
        while (!r.cancel->load())
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return ApiResponse::error(504, QStringLiteral("the search took longer than allowed"));
    });
    QString error;
    QVERIFY(server.start(&error));
    QElapsedTimer timer;
    timer.start();
    httplib::Client client("127.0.0.1", server.port());
    auto res = client.Get("/search");
    QCOMPARE(res->status, 504);
    QVERIFY(timer.elapsed() >= 190);
    QVERIFY(timer.elapsed() < 3000);
}

void TestApiServer::slowClientIsCutOffByTheReadTimeout()
{
    ApiServerConfig c = testConfig();
    c.readTimeoutMs = 300;
    c.threads = 1; // a client that never finishes must not hold the only worker for ever
    ApiServer server(c);
    addTestRoutes(server);
    QString error;
    QVERIFY(server.start(&error));
    QElapsedTimer timer;
    timer.start();
    // Promises 100 bytes of body, sends 3, then says nothing more.
    const QByteArray answer = rawExchange(server.port(), "POST /api/v1/cases HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                         "Authorization: Bearer write-secret\r\nContent-Length: 100\r\n\r\nabc",
                                          5000);
    QVERIFY2(timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(!answer.startsWith("HTTP/1.1 201"), answer.constData());
    // The worker is free again.
    httplib::Client client("127.0.0.1", server.port());
    const auto res = client.Get("/api/v1/health");
    QVERIFY(res);
    QCOMPARE(res->status, 200);
}

void TestApiServer::everyRequestIsLoggedWithoutTheToken()
{
    ApiServer server(testConfig());
    server.setTokenVerifier(verify);
    addTestRoutes(server);
    std::mutex mutex;
    QList<ApiLogEntry> log;
    server.setRequestLogger([&](const ApiLogEntry &e) {
        std::lock_guard lock(mutex);
        log.append(e);
    });
    QString error;
    QVERIFY(server.start(&error));
    httplib::Client client("127.0.0.1", server.port());
    client.Get("/api/v1/cases/7?q=secret+words", {{"Authorization", "Bearer read-secret"}});
    client.Get("/api/v1/cases/7", {{"Authorization", "Bearer wrong"}});
    server.stop();
    QCOMPARE(log.size(), 2);
    // The log line is written after the answer is sent, so the two may arrive in either order.
    std::sort(log.begin(), log.end(), [](const ApiLogEntry &a, const ApiLogEntry &b) { return a.status < b.status; });
    QCOMPARE(log[0].status, 200);
    QCOMPARE(log[0].tokenName, QStringLiteral("dashboard"));
    QCOMPARE(log[0].path, QStringLiteral("/api/v1/cases/7"));
    QCOMPARE(log[1].status, 401);
    QCOMPARE(log[1].tokenName, QString());
    for (const ApiLogEntry &e : log)
        QVERIFY(!e.path.contains(QLatin1String("secret")) && !e.tokenName.contains(QLatin1String("secret")));
}

void TestApiServer::recentRequestsAreABoundedRing()
{
    ApiServerConfig c = testConfig();
    c.recentRequests = 3;
    ApiServer server(c);
    server.setTokenVerifier(verify);
    addTestRoutes(server);
    QString error;
    QVERIFY(server.start(&error));
    httplib::Client client("127.0.0.1", server.port());
    for (int i = 1; i <= 5; ++i)
        QVERIFY(client.Get(QStringLiteral("/api/v1/cases/%1").arg(i).toStdString(), {{"Authorization", "Bearer read-secret"}}));
    // The entry is written after the answer is sent: wait until all five are counted.
    QTRY_COMPARE(server.recentRequests().isEmpty() ? 0 : server.recentRequests().constLast().seq, qint64(5));
    const QList<ApiLogEntry> recent = server.recentRequests();
    QCOMPARE(recent.size(), 3);
    QCOMPARE(recent.first().seq, qint64(3));
    for (const ApiLogEntry &e : recent) {
        QCOMPARE(e.status, 200);
        QCOMPARE(e.tokenName, QStringLiteral("dashboard"));
        QCOMPARE(e.remoteAddress, QStringLiteral("127.0.0.1"));
        QVERIFY(e.finishedAt.isValid());
    }
    const QList<ApiLogEntry> newer = server.recentRequests(4);
    QCOMPARE(newer.size(), 1);
    QCOMPARE(newer.first().seq, qint64(5));
    // Kept across a restart, so a page showing them does not go blank when the server is stopped.
    server.stop();
    QCOMPARE(server.recentRequests().size(), 3);
}

void TestApiServer::corsOnlyForConfiguredOrigins()
{
    ApiServerConfig c = testConfig();
    c.corsOrigins = {QStringLiteral("https://portal.example.test")};
    ApiServer server(c);
    addTestRoutes(server);
    QString error;
    QVERIFY(server.start(&error));
    httplib::Client client("127.0.0.1", server.port());
    auto res = client.Options("/api/v1/health", {{"Origin", "https://evil.example.test"}});
    QCOMPARE(res->status, 403);
    res = client.Options("/api/v1/health", {{"Origin", "https://portal.example.test"}});
    QCOMPARE(res->status, 204);
    QCOMPARE(res->get_header_value("Access-Control-Allow-Origin"), std::string("https://portal.example.test"));
    res = client.Get("/api/v1/health", {{"Origin", "https://portal.example.test"}});
    QCOMPARE(res->get_header_value("Access-Control-Allow-Origin"), std::string("https://portal.example.test"));
    res = client.Get("/api/v1/health", {{"Origin", "https://evil.example.test"}});
    QVERIFY(!res->has_header("Access-Control-Allow-Origin"));
}

void TestApiServer::oneRequestPerConnection()
{
    ApiServer server(testConfig());
    server.setTokenVerifier(verify);
    addTestRoutes(server);
    QString error;
    QVERIFY(server.start(&error));
    // A refused request with a body, then a second request pipelined on the same connection: the
    // body must not be read as the next request; the server answers once and closes.
    const QByteArray answer = rawExchange(server.port(),
                                          "POST /api/v1/cases HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 40\r\n\r\n"
                                          "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"
                                          "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 401"), answer.constData());
    QCOMPARE(answer.count("HTTP/1.1 "), 1);
    QVERIFY(answer.toLower().contains("connection: close"));
}

void TestApiServer::configChecks()
{
    ApiServerConfig c;
    QVERIFY(c.validate().isEmpty());
    QVERIFY(c.warning().isEmpty());
    c.host = QStringLiteral("0.0.0.0");
    QVERIFY(c.warning().contains(QLatin1String("without TLS")));
    c.host = QStringLiteral("not an address");
    QVERIFY(c.validate().contains(QLatin1String("address")));
    c.host = QStringLiteral("127.0.0.1");
    c.certFile = QStringLiteral("/tmp/cert.pem");
    QVERIFY(c.validate().contains(QLatin1String("TLS")));

    ApiServer first(testConfig());
    QString error;
    QVERIFY(first.start(&error));
    ApiServerConfig same = testConfig();
    same.port = first.port();
    ApiServer second(same);
    QVERIFY(!second.start(&error));
    QVERIFY2(error.contains(QString::number(first.port())), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("already in use")), qPrintable(error));
    c = testConfig();
    c.host = QStringLiteral("192.0.2.1"); // a documentation address no machine here has
    ApiServer elsewhere(c);
    QVERIFY(!elsewhere.start(&error));
    QVERIFY2(error.contains(QLatin1String("not an address of this machine")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestApiServer)
#include "tst_api_server.moc"
