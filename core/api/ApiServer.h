// SPDX-License-Identifier: MIT
#pragma once

#include "api/ApiTypes.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>

namespace kms {

struct ApiServerConfig {
    QString host = QStringLiteral("127.0.0.1"); // anything else is a deliberate choice (see warning())
    int port = 8080;                            // 0: any free port (tests)
    int threads = 4;
    qint64 maxBodyBytes = 32LL * 1024 * 1024;
    int readTimeoutMs = 5000;
    int writeTimeoutMs = 5000;
    int maxInFlight = 16;        // requests being handled at once; more get 503
    double ratePerSecond = 20;   // per token (per address for open routes); more get 429
    double burst = 40;
    int deadlineMs = 10'000;     // a request's cancel flag is raised after this long
    QStringList corsOrigins;     // empty: no cross-origin requests
    QString certFile, keyFile;   // both set: HTTPS
    int recentRequests = 200;    // how many finished requests recentRequests() keeps

    // Empty when usable, else what is wrong, naming the setting.
    QString validate() const;
    // A warning an operator should see before starting (e.g. listening beyond this machine).
    QString warning() const;
};

struct ApiLogEntry {
    qint64 seq = 0;         // 1, 2, 3... in the order requests finished (recentRequests())
    QDateTime finishedAt;   // UTC
    QByteArray method;
    QString path;           // without the query string (it may hold search text)
    int status = 0;
    double milliseconds = 0;
    QString tokenName;      // never the token itself
    QString remoteAddress;
};

struct ApiRoute {
    QByteArray method;
    QString pattern;        // a regular expression over the path, e.g. /api/v1/cases/(\d+)
    QString openApiPath;    // the same path as OpenAPI writes it, e.g. /api/v1/cases/{id}
    ApiScope scope = ApiScope::Read;
};

// An HTTP server for the REST API on its own thread pool, never on the GUI thread. Every request
// passes one chain of guards before its handler runs: Host header (when bound to loopback, against
// DNS rebinding), no chunked or compressed bodies, body size from Content-Length before the body is
// read, route and method, bearer token and scope, rate per caller, requests in flight. Connections
// serve one request each, so a refused request's unread body can never be taken for the next one.
class ApiServer
{
public:
    explicit ApiServer(ApiServerConfig config);
    ~ApiServer();
    ApiServer(const ApiServer &) = delete;
    ApiServer &operator=(const ApiServer &) = delete;

    void setTokenVerifier(TokenVerifier verifier);
    void setRequestLogger(std::function<void(const ApiLogEntry &)> logger);
    // Routes are added before start().
    void addRoute(const ApiRoute &route, ApiHandler handler);
    QList<ApiRoute> routes() const;

    // The last config().recentRequests finished requests with seq > afterSeq, oldest first: what
    // the desktop app's API page shows. Thread-safe; kept across stop() and start().
    QList<ApiLogEntry> recentRequests(qint64 afterSeq = 0) const;

    bool start(QString *error);
    void stop();
    bool isRunning() const;
    int port() const;               // the bound port (useful with port 0)
    const ApiServerConfig &config() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace kms
