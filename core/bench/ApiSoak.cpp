// SPDX-License-Identifier: MIT
#include "bench/ApiSoak.h"
#include "bench/ProcessMemory.h"

#include "api/ApiRoutes.h"
#include "engine/Engine.h"

#include <httplib.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace kms {

namespace {

// Nearest-rank percentiles of one kind's latencies.
ApiLatency summarise(const QString &kind, std::vector<double> ms, qint64 errors)
{
    ApiLatency l;
    l.kind = kind;
    l.requests = qint64(ms.size());
    l.errors = errors;
    if (ms.empty())
        return l;
    std::sort(ms.begin(), ms.end());
    auto pct = [&ms](double p) { return ms[std::min(ms.size() - 1, size_t(p / 100.0 * double(ms.size())))]; };
    l.p50Ms = pct(50);
    l.p95Ms = pct(95);
    l.p99Ms = pct(99);
    l.maxMs = ms.back();
    return l;
}

// What the requests are about: cases spread over the whole store (their ids for reads, their
// titles as search queries, as an engineer pastes a ticket title into a search box).
struct Sample {
    QList<qint64> ids;
    QStringList titles;
};

Sample sampleCases(Engine &engine, int wanted)
{
    Sample s;
    BrowseQuery q;
    q.collection = Collection::Cases;
    q.sort = BrowseSort::ExternalId;
    q.descending = false;
    const BrowseResult first = engine.browse(q, 1);
    if (first.total <= 0)
        return s;
    const int pages = std::max(1, wanted / 10);
    for (int p = 0; p < pages; ++p) {
        const qint64 offset = first.total * p / pages;
        const BrowsePage page = engine.browsePage(q, offset, 10, first.total);
        for (const BrowseRow &r : page.rows) {
            s.ids.append(r.id);
            s.titles.append(r.title);
        }
    }
    return s;
}

enum class Kind {
    Keyword, Hybrid, Similarity, ReadCase, ListCases, ListKnowledge, Similar, Health, HealthDetailed,
    Metrics, MetricsPerformance, Jobs, Create, Delete, Count
};

QString kindName(Kind k)
{
    switch (k) {
    case Kind::Keyword: return QStringLiteral("search keyword");
    case Kind::Hybrid: return QStringLiteral("search hybrid");
    case Kind::Similarity: return QStringLiteral("search similarity");
    case Kind::ReadCase: return QStringLiteral("read case");
    case Kind::ListCases: return QStringLiteral("list cases");
    case Kind::ListKnowledge: return QStringLiteral("list knowledge");
    case Kind::Similar: return QStringLiteral("more like this");
    case Kind::Health: return QStringLiteral("health (open)");
    case Kind::HealthDetailed: return QStringLiteral("health detailed");
    case Kind::Metrics: return QStringLiteral("metrics (Prometheus)");
    case Kind::MetricsPerformance: return QStringLiteral("metrics performance");
    case Kind::Jobs: return QStringLiteral("jobs");
    case Kind::Create: return QStringLiteral("create case");
    case Kind::Delete: return QStringLiteral("delete case");
    case Kind::Count: break;
    }
    return {};
}

// The mix, 40 slots: 45 % searches (15 % per mode), 17.5 % record reads, 10 % lists, 5 %
// more-like-this, 10 % health (open; detailed in kindOf()), 7.5 % metrics, 2.5 % jobs and 2.5 %
// writes (a create, then the delete of what the client created).
Kind kindOfSlot(int slot)
{
    static const Kind mix[40] = {
        Kind::Keyword, Kind::Keyword, Kind::Keyword, Kind::Keyword, Kind::Keyword, Kind::Keyword,
        Kind::Hybrid, Kind::Hybrid, Kind::Hybrid, Kind::Hybrid, Kind::Hybrid, Kind::Hybrid,
        Kind::Similarity, Kind::Similarity, Kind::Similarity, Kind::Similarity, Kind::Similarity, Kind::Similarity,
        Kind::ReadCase, Kind::ReadCase, Kind::ReadCase, Kind::ReadCase, Kind::ReadCase, Kind::ReadCase, Kind::ReadCase,
        Kind::ListCases, Kind::ListCases, Kind::ListCases, Kind::ListKnowledge,
        Kind::Similar, Kind::Similar,
        Kind::Health, Kind::Health, Kind::Health, Kind::HealthDetailed,
        Kind::Metrics, Kind::Metrics, Kind::MetricsPerformance,
        Kind::Jobs,
        Kind::Create, // every other one is the delete of this client's last created case
    };
    return mix[slot % 40];
}

// The detailed health check runs SQLite's quick_check and verifies the index file (seconds on a
// large store): a monitor asks for it now and then, so only one request in 400 is one.
Kind kindOf(qint64 i)
{
    const Kind k = kindOfSlot(int(i % 40));
    return k == Kind::HealthDetailed && (i / 40) % 10 != 0 ? Kind::Health : k;
}

struct Outcome {
    int status = 0;         // 0: no answer
    std::string body;
    QString what;           // the transport error when there is no answer
};

Outcome send(httplib::Client &client, const char *method, const std::string &path, const httplib::Headers &headers,
             const std::string &body = {})
{
    const std::string m(method);
    httplib::Result res = m == "POST"     ? client.Post(path, headers, body, "application/json")
                          : m == "DELETE" ? client.Delete(path, headers)
                                          : client.Get(path, headers);
    Outcome o;
    if (!res) {
        o.what = QString::fromStdString(httplib::to_string(res.error()));
        return o;
    }
    o.status = res->status;
    o.body = std::move(res->body);
    return o;
}

std::string searchBody(const QString &text)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("query"), text}, {QStringLiteral("k"), 10}})
        .toJson(QJsonDocument::Compact).toStdString();
}

const char *modePath(SearchMode m)
{
    switch (m) {
    case SearchMode::Keyword: return "/api/v1/search/keyword";
    case SearchMode::Vector: return "/api/v1/search/similarity";
    case SearchMode::Hybrid: return "/api/v1/search/hybrid";
    }
    return "";
}

} // namespace

ApiSoakReport runApiSoak(Engine &engine, const ApiSoakOptions &options, const std::function<void(const QString &)> &say)
{
    ApiSoakReport report;
    report.clients = std::max(1, options.clients);
    report.serverThreads = std::max(1, options.serverThreads);
    const StoreCounts counts = engine.counts();
    report.records = counts.total();
    const Sample sample = sampleCases(engine, 400);
    if (sample.ids.isEmpty()) {
        report.error = QStringLiteral("the store has no cases to read or search for; load some first (kmsctl generate, kmsctl load)");
        return report;
    }

    // A write token of its own, revoked at the end (tokens are never deleted, so it stays listed).
    QString error;
    const QString tokenName = QStringLiteral("benchmark-%1").arg(QDateTime::currentSecsSinceEpoch());
    const auto token = engine.createApiToken(tokenName, ApiTokenScope::Write, &error);
    if (!token) {
        report.error = QStringLiteral("cannot create a token for the benchmark: %1").arg(error);
        return report;
    }
    const httplib::Headers auth{{"Authorization", "Bearer " + token->secret.toStdString()}};

    // Loopback only; the rate limit is per token and all clients share one, so it is lifted: the
    // benchmark measures the server, not the limiter.
    ApiServerConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = 0;
    config.threads = report.serverThreads;
    config.maxInFlight = std::max(config.maxInFlight, report.serverThreads * 2);
    config.ratePerSecond = 1e9;
    config.burst = 1e9;
    config.recentRequests = 200;

    say(QStringLiteral("warming up: %1 searches in-process").arg(sample.titles.size()));
    for (const QString &t : sample.titles) {
        SearchQuery q;
        q.text = t;
        q.mode = SearchMode::Hybrid;
        engine.search(q);
    }
    report.rssBeforeBytes = residentBytes();

    ApiServer server(config);
    addApiRoutes(server, engine, ApiRouteOptions{});
    if (!server.start(&error)) {
        engine.revokeApiToken(tokenName, nullptr);
        report.error = error;
        return report;
    }
    const int port = server.port();
    auto newClient = [port] {
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(60, 0);
        c.set_connection_timeout(10, 0);
        return c;
    };

    // ---- the concurrent mix -------------------------------------------------------------------
    say(QStringLiteral("%1 requests from %2 clients on 127.0.0.1:%3 (%4 server threads)")
            .arg(options.requests).arg(report.clients).arg(port).arg(report.serverThreads));
    const int kinds = int(Kind::Count);
    struct ClientResult {
        std::vector<std::vector<double>> ms;
        std::vector<qint64> errors;
        QStringList firstErrors;
        QList<qint64> leftOver; // created, not yet deleted
    };
    std::vector<ClientResult> results(size_t(report.clients));
    std::atomic<qint64> next{0};
    std::atomic<qint64> done{0};
    std::atomic<bool> running{true};
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.maxSeconds);
    std::atomic<bool> timedOut{false};
    const qint64 warmAt = std::max<qint64>(1, options.requests / 10);
    std::atomic<qint64> rssWarm{0};
    std::atomic<qint64> rssPeak{0};

    std::mutex sampleMutex;
    std::condition_variable sampleCv;
    std::thread sampler([&] {
        std::unique_lock lock(sampleMutex);
        while (running) {
            const qint64 rss = residentBytes();
            rssPeak = std::max(rssPeak.load(), rss);
            if (rssWarm == 0 && done >= warmAt)
                rssWarm = rss;
            sampleCv.wait_for(lock, std::chrono::milliseconds(100));
        }
    });

    QElapsedTimer wall;
    wall.start();
    std::vector<std::thread> threads;
    for (int c = 0; c < report.clients; ++c) {
        threads.emplace_back([&, c] {
            ClientResult &r = results[size_t(c)];
            r.ms.resize(size_t(kinds));
            r.errors.assign(size_t(kinds), 0);
            httplib::Client client = newClient();
            qint64 created = 0;
            for (qint64 i = next++; i < options.requests; i = next++) {
                if (std::chrono::steady_clock::now() > deadline) {
                    timedOut = true;
                    break;
                }
                Kind kind = kindOf(i);
                // A client's writes alternate: create a case, then delete the one it created.
                if (kind == Kind::Create && !r.leftOver.isEmpty())
                    kind = Kind::Delete;
                const qint64 pick = (i * 7919) % sample.ids.size();
                const QString title = sample.titles.at(pick);
                const qint64 id = sample.ids.at(pick);
                const char *method = "GET";
                std::string path, body;
                int expected = 200;
                switch (kind) {
                case Kind::Keyword: method = "POST"; path = modePath(SearchMode::Keyword); body = searchBody(title); break;
                case Kind::Hybrid: method = "POST"; path = modePath(SearchMode::Hybrid); body = searchBody(title); break;
                case Kind::Similarity: method = "POST"; path = modePath(SearchMode::Vector); body = searchBody(title); break;
                case Kind::ReadCase: path = "/api/v1/cases/" + std::to_string(id); break;
                case Kind::ListCases: path = "/api/v1/cases?limit=20&offset=" + std::to_string((i * 31) % 5000); break;
                case Kind::ListKnowledge: path = "/api/v1/knowledge?limit=20"; break;
                case Kind::Similar: path = "/api/v1/cases/" + std::to_string(id) + "/similar?k=10"; break;
                case Kind::Health: path = "/api/v1/health"; break;
                case Kind::HealthDetailed: path = "/api/v1/health/detailed"; break;
                case Kind::Metrics: path = "/api/v1/metrics"; break;
                case Kind::MetricsPerformance: path = "/api/v1/metrics/performance"; break;
                case Kind::Jobs: path = "/api/v1/jobs?limit=20"; break;
                case Kind::Create:
                    method = "POST";
                    path = "/api/v1/cases";
                    expected = 201;
                    body = QJsonDocument(QJsonObject{
                        {QStringLiteral("external_id"), QStringLiteral("SOAK-%1-%2-%3").arg(tokenName).arg(c).arg(++created)},
                        {QStringLiteral("title"), title + QStringLiteral(" (soak copy)")},
                        {QStringLiteral("body"), QStringLiteral("Written by kmsctl benchmark --api and deleted again.")}})
                        .toJson(QJsonDocument::Compact).toStdString();
                    break;
                case Kind::Delete:
                    method = "DELETE";
                    path = "/api/v1/cases/" + std::to_string(r.leftOver.takeFirst());
                    break;
                case Kind::Count: break;
                }
                const auto t0 = std::chrono::steady_clock::now();
                const Outcome o = send(client, method, path, kind == Kind::Health ? httplib::Headers{} : auth, body);
                const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
                r.ms[size_t(kind)].push_back(ms);
                if (o.status != expected) {
                    ++r.errors[size_t(kind)];
                    if (r.firstErrors.size() < 5)
                        r.firstErrors.append(QStringLiteral("%1 %2: %3").arg(QLatin1String(method), QString::fromStdString(path),
                                                                               o.status ? QString::number(o.status) + QLatin1Char(' ')
                                                                                              + QString::fromStdString(o.body).left(200)
                                                                                        : o.what));
                } else if (kind == Kind::Create) {
                    r.leftOver.append(QJsonDocument::fromJson(QByteArray::fromStdString(o.body)).object()
                                          .value(QStringLiteral("id")).toInteger());
                }
                ++done;
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    report.seconds = double(wall.nsecsElapsed()) / 1e9;
    report.rssEndBytes = residentBytes();
    {
        std::lock_guard lock(sampleMutex);
        running = false;
    }
    sampleCv.notify_all();
    sampler.join();
    report.rssWarmBytes = rssWarm;
    report.rssPeakBytes = std::max(rssPeak.load(), report.rssEndBytes);
    report.stoppedByTime = timedOut;
    report.requests = done;
    report.requestsPerSecond = report.seconds > 0 ? double(done) / report.seconds : 0;

    QList<qint64> leftOver;
    for (int k = 0; k < kinds; ++k) {
        std::vector<double> all;
        qint64 errors = 0;
        for (const ClientResult &r : results) {
            if (r.ms.empty())
                continue;
            all.insert(all.end(), r.ms[size_t(k)].begin(), r.ms[size_t(k)].end());
            errors += r.errors[size_t(k)];
        }
        report.errors += errors;
        if (!all.empty())
            report.kinds.append(summarise(kindName(Kind(k)), std::move(all), errors));
    }
    for (const ClientResult &r : results) {
        for (const QString &e : r.firstErrors)
            if (report.firstErrors.size() < 10)
                report.firstErrors.append(e);
        leftOver += r.leftOver;
    }

    // ---- the same searches one at a time: over HTTP, then in-process ------------------------------
    const int n = std::min<int>(options.comparisonQueries, int(sample.titles.size()));
    say(QStringLiteral("comparing %1 searches per mode over HTTP and in-process, one at a time").arg(n));
    httplib::Client one = newClient();
    for (SearchMode mode : {SearchMode::Keyword, SearchMode::Hybrid, SearchMode::Vector}) {
        std::vector<double> http, local;
        qint64 httpErrors = 0;
        for (int i = 0; i < n; ++i) {
            const auto t0 = std::chrono::steady_clock::now();
            const Outcome o = send(one, "POST", modePath(mode), auth, searchBody(sample.titles.at(i)));
            http.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
            if (o.status != 200)
                ++httpErrors;
            SearchQuery q; // as the route builds it: k 10, logged like an API search
            q.text = sample.titles.at(i);
            q.mode = mode;
            q.k = 10;
            const auto t1 = std::chrono::steady_clock::now();
            engine.search(q);
            local.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t1).count());
        }
        const QString name = kindName(mode == SearchMode::Keyword ? Kind::Keyword
                                      : mode == SearchMode::Hybrid ? Kind::Hybrid
                                                                   : Kind::Similarity);
        report.searchOverHttp.append(summarise(name, std::move(http), httpErrors));
        report.searchInProcess.append(summarise(name, std::move(local), 0));
    }

    // Cases the mix created and did not delete yet: deleted now, so the store is as it was.
    for (const qint64 id : leftOver)
        if (id > 0)
            send(one, "DELETE", "/api/v1/cases/" + std::to_string(id), auth);
    server.stop();
    engine.revokeApiToken(tokenName, nullptr);
    report.rssAfterBytes = residentBytes();
    return report;
}

} // namespace kms
