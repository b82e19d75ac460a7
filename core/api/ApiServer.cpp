// SPDX-License-Identifier: MIT
#include "api/ApiServer.h"

#include "api/DeadlineWatch.h"
#include "api/RateLimiter.h"

#include <httplib.h>

#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace kms {

namespace {

// The caller and start time of the request this worker thread is serving: httplib runs a
// connection's whole exchange on one pool thread, and serves one request per connection here.
thread_local ApiCaller t_caller;
thread_local std::chrono::steady_clock::time_point t_started;

void send(httplib::Response &res, const ApiResponse &r)
{
    res.status = r.status;
    for (const auto &[name, value] : r.headers)
        res.set_header(name.toStdString(), value.toStdString());
    res.set_content(r.body.toStdString(), r.contentType.toStdString());
}

bool isLoopback(const QString &host)
{
    return host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
}

QString hostOnly(const std::string &hostHeader)
{
    // "127.0.0.1:8080", "[::1]:8080", "localhost"
    const QString h = QString::fromStdString(hostHeader).trimmed();
    if (h.startsWith(QLatin1Char('['))) {
        const qsizetype end = h.indexOf(QLatin1Char(']'));
        return end > 0 ? h.mid(1, end - 1) : h;
    }
    const qsizetype colon = h.lastIndexOf(QLatin1Char(':'));
    return colon >= 0 ? h.left(colon) : h;
}

// Why httplib could not bind host:port, which it does not say: the same bind tried once more on a
// plain socket, so "in use" can be told from "not an address of this machine".
QString bindFailure(const QString &host, int port)
{
    const QHostAddress address(host == QLatin1String("localhost") ? QStringLiteral("127.0.0.1") : host);
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int sock = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM, 0);
    if (sock < 0)
        return QStringLiteral("cannot create a socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    int rc = 0;
    if (v6) {
        sockaddr_in6 a{};
        a.sin6_family = AF_INET6;
        a.sin6_port = htons(quint16(port));
        const Q_IPV6ADDR raw = address.toIPv6Address();
        std::memcpy(&a.sin6_addr, &raw, sizeof(raw));
        rc = ::bind(sock, reinterpret_cast<sockaddr *>(&a), sizeof(a));
    } else {
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(quint16(port));
        a.sin_addr.s_addr = htonl(address.toIPv4Address());
        rc = ::bind(sock, reinterpret_cast<sockaddr *>(&a), sizeof(a));
    }
    const int code = rc == 0 ? 0 : errno;
    ::close(sock);
    switch (code) {
    case EADDRINUSE:
        return QStringLiteral("port %1 on %2 is already in use by another program; choose another port").arg(port).arg(host);
    case EADDRNOTAVAIL:
        return QStringLiteral("%1 is not an address of this machine; use 127.0.0.1, 0.0.0.0 or one of its own addresses").arg(host);
    case EACCES:
        return QStringLiteral("port %1 needs administrator rights (ports below 1024); choose a port from 1024 up").arg(port);
    case 0:
        return QStringLiteral("cannot listen on %1:%2 (it was busy a moment ago; try again)").arg(host).arg(port);
    default:
        return QStringLiteral("cannot listen on %1:%2: %3").arg(host).arg(port).arg(QString::fromLocal8Bit(std::strerror(code)));
    }
}

} // namespace

QString ApiServerConfig::validate() const
{
    if (QHostAddress(host).isNull() && host != QLatin1String("localhost"))
        return QStringLiteral("address: '%1' is not an IP address (e.g. 127.0.0.1, or 0.0.0.0 for every interface)").arg(host);
    if (port < 0 || port > 65535)
        return QStringLiteral("port: %1 is outside 0..65535").arg(port);
    if (threads < 1 || threads > 256)
        return QStringLiteral("threads: %1 is outside 1..256").arg(threads);
    if (maxBodyBytes < 1024)
        return QStringLiteral("body limit: %1 bytes is below 1 KiB").arg(maxBodyBytes);
    if (readTimeoutMs < 100 || writeTimeoutMs < 100)
        return QStringLiteral("timeouts: read and write must be at least 100 ms");
    if (maxInFlight < 1)
        return QStringLiteral("requests in flight: %1 is below 1").arg(maxInFlight);
    if (ratePerSecond <= 0 || burst < 1)
        return QStringLiteral("rate limit: %1 per second with bursts of %2 must both be positive").arg(ratePerSecond).arg(burst);
    if (recentRequests < 0 || recentRequests > 100'000)
        return QStringLiteral("recent requests: %1 is outside 0..100000").arg(recentRequests);
    if (certFile.isEmpty() != keyFile.isEmpty())
        return QStringLiteral("TLS: give both a certificate file and a key file, or neither");
    return {};
}

QString ApiServerConfig::warning() const
{
    if (isLoopback(host))
        return {};
    return QStringLiteral("the API listens on %1, reachable from other machines%2")
        .arg(host, certFile.isEmpty() ? QStringLiteral(" without TLS: tokens and data cross the network in clear text")
                                      : QString());
}

struct ApiServer::Impl {
    struct Route {
        ApiRoute route;
        QRegularExpression regex;
        ApiHandler handler;
    };

    explicit Impl(ApiServerConfig c)
        : config(std::move(c))
        , limiter(config.ratePerSecond, config.burst)
    {
    }

    // The route for a path and method; *pathKnown tells 404 from 405.
    const Route *match(const QByteArray &method, const QString &path, QStringList *captures, bool *pathKnown) const
    {
        *pathKnown = false;
        for (const Route &r : routes) {
            const QRegularExpressionMatch m = r.regex.match(path);
            if (!m.hasMatch())
                continue;
            *pathKnown = true;
            if (r.route.method != method)
                continue;
            if (captures) {
                captures->clear();
                for (int i = 1; i <= m.lastCapturedIndex(); ++i)
                    captures->append(m.captured(i));
            }
            return &r;
        }
        return nullptr;
    }

    void remember(ApiLogEntry entry)
    {
        std::lock_guard lock(recentMutex);
        entry.seq = ++lastSeq;
        recent.push_back(std::move(entry));
        while (recent.size() > size_t(config.recentRequests))
            recent.pop_front();
    }

    httplib::Server::HandlerResponse guard(const httplib::Request &req, httplib::Response &res);
    void dispatch(const httplib::Request &req, httplib::Response &res);
    void addCors(const httplib::Request &req, httplib::Response &res) const;

    ApiServerConfig config;
    QList<Route> routes;
    TokenVerifier verifier;
    std::function<void(const ApiLogEntry &)> logger;
    RateLimiter limiter;
    DeadlineWatch deadlines;
    std::atomic<int> inFlight{0};
    std::unique_ptr<httplib::Server> server;
    std::thread listener;
    int boundPort = 0;
    mutable std::mutex recentMutex;
    std::deque<ApiLogEntry> recent; // the newest config.recentRequests, oldest first
    qint64 lastSeq = 0;
};

void ApiServer::Impl::addCors(const httplib::Request &req, httplib::Response &res) const
{
    const QString origin = QString::fromStdString(req.get_header_value("Origin"));
    if (!origin.isEmpty() && config.corsOrigins.contains(origin)) {
        res.set_header("Access-Control-Allow-Origin", origin.toStdString());
        res.set_header("Vary", "Origin");
    }
}

httplib::Server::HandlerResponse ApiServer::Impl::guard(const httplib::Request &req, httplib::Response &res)
{
    using HR = httplib::Server::HandlerResponse;
    t_caller = ApiCaller{};
    t_started = std::chrono::steady_clock::now();
    auto refuse = [&](int status, const QString &message, const QString &field = {}) {
        send(res, ApiResponse::error(status, message, field));
        addCors(req, res);
        return HR::Handled;
    };

    // A page on another site can make a browser send requests to 127.0.0.1 under a name it controls
    // (DNS rebinding); a loopback server answers only requests addressed to loopback names.
    if (isLoopback(config.host)) {
        const QString host = hostOnly(req.get_header_value("Host"));
        if (!host.isEmpty() && !isLoopback(host))
            return refuse(421, QStringLiteral("this server answers only requests addressed to this machine, not to '%1'").arg(host));
    }
    if (req.has_header("Transfer-Encoding"))
        return refuse(411, QStringLiteral("chunked request bodies are not accepted; send the body with a Content-Length"));
    const std::string encoding = req.get_header_value("Content-Encoding");
    if (!encoding.empty() && encoding != "identity")
        return refuse(415, QStringLiteral("compressed request bodies (%1) are not accepted").arg(QString::fromStdString(encoding)));
    const qint64 length = QByteArray::fromStdString(req.get_header_value("Content-Length")).toLongLong();
    if (length > config.maxBodyBytes)
        return refuse(413, QStringLiteral("the body is %1 bytes; this server accepts at most %2").arg(length).arg(config.maxBodyBytes));

    const QByteArray method = QByteArray::fromStdString(req.method);
    const QString path = QString::fromStdString(req.path);
    if (method == "OPTIONS") {
        const QString origin = QString::fromStdString(req.get_header_value("Origin"));
        if (origin.isEmpty() || !config.corsOrigins.contains(origin))
            return refuse(403, QStringLiteral("cross-origin requests from '%1' are not enabled").arg(origin));
        res.status = 204;
        addCors(req, res);
        res.set_header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
        res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
        res.set_header("Access-Control-Max-Age", "600");
        return HR::Handled;
    }
    bool pathKnown = false;
    const Route *route = match(method, path, nullptr, &pathKnown);
    if (!route) {
        if (pathKnown)
            return refuse(405, QStringLiteral("%1 is not allowed on %2").arg(QString::fromLatin1(method), path));
        return refuse(404, QStringLiteral("no such endpoint: %1").arg(path));
    }

    QString rateKey = QStringLiteral("addr:") + QString::fromStdString(req.remote_addr);
    if (route->route.scope != ApiScope::Open) {
        const std::string auth = req.get_header_value("Authorization");
        const bool bearer = auth.size() > 7 && QByteArray::fromStdString(auth.substr(0, 7)).toLower() == "bearer ";
        std::optional<ApiCaller> caller;
        if (bearer && verifier)
            caller = verifier(QByteArray::fromStdString(auth.substr(7)).trimmed());
        if (!caller) {
            res.set_header("WWW-Authenticate", "Bearer realm=\"kms\"");
            return refuse(401, bearer ? QStringLiteral("the token is unknown or revoked")
                                      : QStringLiteral("this endpoint needs a token: Authorization: Bearer <token>"));
        }
        if (route->route.scope == ApiScope::Write && caller->scope != ApiScope::Write)
            return refuse(403, QStringLiteral("the token '%1' may only read; this endpoint changes data").arg(caller->tokenName));
        t_caller = *caller;
        rateKey = QStringLiteral("token:") + caller->tokenName;
    }
    if (const int wait = limiter.take(rateKey); wait > 0) {
        res.set_header("Retry-After", std::to_string(wait));
        return refuse(429, QStringLiteral("too many requests; try again in %1 s").arg(wait));
    }
    return HR::Unhandled;
}

void ApiServer::Impl::dispatch(const httplib::Request &req, httplib::Response &res)
{
    // Counted here rather than in the guard: only requests that got this far do work.
    struct Slot {
        std::atomic<int> &n;
        ~Slot() { --n; }
    } slot{inFlight};
    if (++inFlight > config.maxInFlight) {
        res.set_header("Retry-After", "1");
        send(res, ApiResponse::error(503, QStringLiteral("the server is busy with %1 requests; try again shortly").arg(config.maxInFlight)));
        addCors(req, res);
        return;
    }
    ApiRequest request;
    request.method = QByteArray::fromStdString(req.method);
    request.path = QString::fromStdString(req.path);
    bool pathKnown = false;
    const Route *route = match(request.method, request.path, &request.captures, &pathKnown);
    if (!route) { // the guard matched it; only a route table changed under us could get here
        send(res, ApiResponse::error(404, QStringLiteral("no such endpoint: %1").arg(request.path)));
        return;
    }
    for (const auto &[key, value] : req.params)
        request.query.insert(QString::fromStdString(key), QString::fromStdString(value));
    request.body = QByteArray::fromStdString(req.body);
    request.contentType = QByteArray::fromStdString(req.get_header_value("Content-Type"));
    request.caller = t_caller;
    request.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(config.deadlineMs);
    const auto cancel = deadlines.watch(request.deadline);
    request.cancel = cancel.get();
    ApiResponse response;
    try {
        response = route->handler(request);
    } catch (const std::exception &e) {
        response = ApiResponse::error(500, QStringLiteral("internal error: %1").arg(QString::fromLocal8Bit(e.what())));
    }
    deadlines.release(cancel);
    send(res, response);
    addCors(req, res);
}

ApiServer::ApiServer(ApiServerConfig config)
    : d(std::make_unique<Impl>(std::move(config)))
{
}

ApiServer::~ApiServer()
{
    stop();
}

void ApiServer::setTokenVerifier(TokenVerifier verifier)
{
    d->verifier = std::move(verifier);
}

void ApiServer::setRequestLogger(std::function<void(const ApiLogEntry &)> logger)
{
    d->logger = std::move(logger);
}

void ApiServer::addRoute(const ApiRoute &route, ApiHandler handler)
{
    d->routes.append({route, QRegularExpression(QLatin1Char('^') + route.pattern + QLatin1Char('$')), std::move(handler)});
}

QList<ApiRoute> ApiServer::routes() const
{
    QList<ApiRoute> out;
    for (const auto &r : d->routes)
        out.append(r.route);
    return out;
}

const ApiServerConfig &ApiServer::config() const
{
    return d->config;
}

bool ApiServer::start(QString *error)
{
    if (d->server) {
        *error = QStringLiteral("the API server is already running");
        return false;
    }
    *error = d->config.validate();
    if (!error->isEmpty())
        return false;
    if (!d->config.certFile.isEmpty()) {
        auto tls = std::make_unique<httplib::SSLServer>(d->config.certFile.toLocal8Bit().constData(),
                                                        d->config.keyFile.toLocal8Bit().constData());
        if (!tls->is_valid()) {
            *error = QStringLiteral("TLS: cannot use certificate %1 with key %2").arg(d->config.certFile, d->config.keyFile);
            return false;
        }
        d->server = std::move(tls);
    } else {
        d->server = std::make_unique<httplib::Server>();
    }
    // A client that goes away while its answer is written over TLS makes SSL_write raise SIGPIPE,
    // which would end the whole process (kmsctl serve, or the desktop app serving the API).
    std::signal(SIGPIPE, SIG_IGN);
    httplib::Server &s = *d->server;
    const int threads = d->config.threads;
    s.new_task_queue = [threads] { return new httplib::ThreadPool(size_t(threads)); };
    // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, which would let a second
    // instance bind the same port and silently take half of the connections.
    s.set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    s.set_keep_alive_max_count(1);
    s.set_payload_max_length(size_t(d->config.maxBodyBytes));
    s.set_read_timeout(std::chrono::milliseconds(d->config.readTimeoutMs));
    s.set_write_timeout(std::chrono::milliseconds(d->config.writeTimeoutMs));
    Impl *impl = d.get();
    s.set_pre_routing_handler([impl](const httplib::Request &req, httplib::Response &res) { return impl->guard(req, res); });
    auto dispatch = [impl](const httplib::Request &req, httplib::Response &res) { impl->dispatch(req, res); };
    s.Get(".*", dispatch);
    s.Post(".*", dispatch);
    s.Put(".*", dispatch);
    s.Delete(".*", dispatch);
    s.set_exception_handler([](const httplib::Request &, httplib::Response &res, std::exception_ptr) {
        send(res, ApiResponse::error(500, QStringLiteral("internal error")));
    });
    s.set_logger([impl](const httplib::Request &req, const httplib::Response &res) {
        ApiLogEntry e;
        e.finishedAt = QDateTime::currentDateTimeUtc();
        e.method = QByteArray::fromStdString(req.method);
        e.path = QString::fromStdString(req.path);
        e.status = res.status;
        e.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_started).count();
        e.tokenName = t_caller.tokenName;
        e.remoteAddress = QString::fromStdString(req.remote_addr);
        if (impl->logger)
            impl->logger(e);
        impl->remember(std::move(e));
    });

    const std::string host = d->config.host.toStdString();
    if (d->config.port == 0) {
        d->boundPort = s.bind_to_any_port(host);
    } else {
        d->boundPort = s.bind_to_port(host, d->config.port) ? d->config.port : -1;
    }
    if (d->boundPort <= 0) {
        d->server.reset();
        *error = bindFailure(d->config.host, d->config.port);
        return false;
    }
    d->listener = std::thread([impl] { impl->server->listen_after_bind(); });
    // httplib's stop() does nothing until the accept loop runs, so a stop right after start would
    // leave the loop running for ever: start() returns only once it does.
    for (int waited = 0; !d->server->is_running(); ++waited) {
        if (waited > 5000) {
            *error = QStringLiteral("the API server did not start accepting connections");
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

void ApiServer::stop()
{
    if (!d->server)
        return;
    d->deadlines.cancelAll();
    d->server->stop();
    if (d->listener.joinable())
        d->listener.join();
    d->server.reset();
    d->boundPort = 0;
}

QList<ApiLogEntry> ApiServer::recentRequests(qint64 afterSeq) const
{
    std::lock_guard lock(d->recentMutex);
    QList<ApiLogEntry> out;
    for (const ApiLogEntry &e : d->recent)
        if (e.seq > afterSeq)
            out.append(e);
    return out;
}

bool ApiServer::isRunning() const
{
    return d->server && d->server->is_running();
}

int ApiServer::port() const
{
    return d->boundPort;
}

} // namespace kms
