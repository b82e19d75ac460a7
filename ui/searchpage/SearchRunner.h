// SPDX-License-Identifier: MIT
#pragma once

#include "search/SearchTypes.h"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <memory>

namespace kms::ui {

class EngineHost;

// What to search: a query, or "more like this" for a stored record (then the query's filters, k
// and offset apply and its text is ignored).
struct SearchRequest {
    SearchQuery query;
    qint64 similarTo = 0;       // > 0: more like this record
    QString similarLabel;       // how the console names that record ("CS-0001 · VPN drops")
    bool isSimilar() const { return similarTo > 0; }
};

// Runs one search at a time on the engine host's pool. Starting a new one sets the running
// search's cancel flag (the engine stops at its next check) and bumps a generation counter, so a
// result that arrives late is dropped instead of replacing a newer one. Requests never queue up
// behind each other on the pool: while one is still on its way back, a new request waits as the
// one pending request (a newer one replaces it unrun) and starts when the pool thread is free, so
// a burst of as-you-type drafts costs at most the search in flight plus the latest.
class SearchRunner : public QObject
{
    Q_OBJECT
public:
    explicit SearchRunner(EngineHost *host, QObject *parent = nullptr);
    ~SearchRunner() override;

    // Returns the new generation, 0 when the engine is not open.
    quint64 start(const SearchRequest &request);
    void cancel();                      // the running search's result will be dropped
    bool isRunning() const { return m_running; }
    quint64 generation() const { return m_generation; }
    const SearchRequest &current() const { return m_request; }
    // What the user waited for the result finished() just brought, in ms: from start() (Enter, a
    // draft's debounce) to its delivery on the GUI thread, time spent behind an older search
    // included. SearchResult::latencyMs is only the engine's share of it.
    double waitedMs() const { return m_waitedMs; }
    // Searches sent to the engine so far (a request replaced while pending is never sent).
    quint64 dispatched() const { return m_dispatched; }

signals:
    void started();
    // The current request's result (errors are in result.error).
    void finished(const kms::SearchResult &result);
    // A result of an older request arrived and was thrown away (cancelled: the engine stopped it),
    // or an older request waiting its turn was replaced before it ran (cancelled is true then).
    void staleDropped(quint64 generation, bool cancelled);

private:
    void dispatch(); // sends the current request to the pool
    void onArrived(quint64 generation, SearchResult result, bool ran);

    EngineHost *m_host;
    SearchRequest m_request;
    quint64 m_generation = 0;
    bool m_running = false;   // the current request's result is still to come
    bool m_inFlight = false;  // a search (current or stale) occupies a pool thread
    bool m_pending = false;   // the current request waits for the one in flight to come back
    quint64 m_dispatched = 0;
    double m_waitedMs = 0;
    QElapsedTimer m_requestedAt;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace kms::ui
