// SPDX-License-Identifier: MIT
#pragma once

#include "search/SearchTypes.h"

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
// result that arrives late is dropped instead of replacing a newer one.
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

signals:
    void started();
    // The current request's result (errors are in result.error).
    void finished(const kms::SearchResult &result);
    // A result of an older request arrived and was thrown away; cancelled: the engine stopped it.
    void staleDropped(quint64 generation, bool cancelled);

private:
    EngineHost *m_host;
    SearchRequest m_request;
    quint64 m_generation = 0;
    bool m_running = false;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace kms::ui
