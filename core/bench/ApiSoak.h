// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace kms {

class Engine;

// What `kmsctl benchmark --api` runs: the REST API served on 127.0.0.1 (a free port) over an open
// engine, and `clients` threads sending a fixed mix of requests over HTTP until `requests` are done
// or `maxSeconds` have passed: searches of the three modes, record reads, lists, more-like-this,
// health, metrics, jobs, and a few writes (a case created, later deleted again by the same client;
// whatever is left is deleted at the end, so the store ends with the records it had). Latency per
// kind of request, errors, and the process's RSS before, during and after; then the same searches
// one at a time over HTTP and in-process, so the cost of HTTP and JSON shows on its own.
struct ApiSoakOptions {
    int requests = 20'000;
    int clients = 8;
    int maxSeconds = 600;        // the mix stops early past this (the report says so)
    int serverThreads = 8;
    int comparisonQueries = 200; // per search mode, for the HTTP / in-process comparison
};

struct ApiLatency {
    QString kind;                // "search keyword", "read case", "health", ...
    qint64 requests = 0;
    qint64 errors = 0;           // an unexpected status or no answer
    double p50Ms = 0, p95Ms = 0, p99Ms = 0, maxMs = 0;
};

struct ApiSoakReport {
    QString error;               // set when the soak could not run at all
    qint64 records = 0;          // in the store when it started
    int clients = 0;
    int serverThreads = 0;
    qint64 requests = 0;         // sent
    qint64 errors = 0;
    QStringList firstErrors;     // the first few, as "METHOD PATH: status / what"
    double seconds = 0;
    double requestsPerSecond = 0;
    bool stoppedByTime = false;  // maxSeconds passed before all requests were sent
    QList<ApiLatency> kinds;     // under the full concurrent mix
    // Resident set size of the process (server, engine and the client threads).
    qint64 rssBeforeBytes = 0;   // engine open and warm, no server yet
    qint64 rssWarmBytes = 0;     // after the first 10 % of the requests
    qint64 rssPeakBytes = 0;     // highest sample while the mix ran (every 100 ms)
    qint64 rssEndBytes = 0;      // when the last request was answered
    qint64 rssAfterBytes = 0;    // server stopped
    QList<ApiLatency> searchOverHttp;  // one client, one request at a time
    QList<ApiLatency> searchInProcess; // the same queries through Engine::search
};

// `say` gets one line per phase.
ApiSoakReport runApiSoak(Engine &engine, const ApiSoakOptions &options, const std::function<void(const QString &)> &say);

} // namespace kms
