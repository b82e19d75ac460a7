// SPDX-License-Identifier: MIT
#include "searchpage/SearchRunner.h"

#include "host/EngineHost.h"

#include <QPointer>

namespace kms::ui {

namespace {
// The work's answer; `ran` stays false when the work threw (the host logs it and hands back a
// default-constructed value).
struct Outcome {
    SearchResult result;
    bool ran = false;
};

Outcome runRequest(Engine &engine, const SearchRequest &r, const std::atomic<bool> *cancel)
{
    Outcome out;
    if (!r.isSimilar()) {
        out.result = engine.search(r.query, cancel);
    } else {
        // similar() has no offset: ask for every hit up to this page's end and keep the page.
        const int k = std::clamp(r.query.k, 1, 1000);
        const int offset = std::clamp(r.query.offset, 0, 1000 - k);
        out.result = engine.similar(r.similarTo, offset + k, r.query.filters, cancel);
        out.result.hits = out.result.hits.mid(offset, k);
        out.result.cancelled = cancel->load();
    }
    out.ran = true;
    return out;
}
} // namespace

SearchRunner::SearchRunner(EngineHost *host, QObject *parent) : QObject(parent), m_host(host) {}

SearchRunner::~SearchRunner()
{
    cancel();
}

quint64 SearchRunner::start(const SearchRequest &request)
{
    const bool replacingPending = m_pending;
    const quint64 replaced = m_generation;
    cancel();
    if (!m_host->isOpen())
        return 0;
    if (replacingPending)
        emit staleDropped(replaced, true); // it waited its turn and never ran
    const quint64 generation = ++m_generation;
    m_request = request;
    m_running = true;
    m_requestedAt.start();
    emit started();
    if (m_inFlight)
        m_pending = true; // starts when the search in flight comes back (onArrived)
    else
        dispatch();
    return generation;
}

void SearchRunner::dispatch()
{
    m_pending = false;
    m_inFlight = true;
    ++m_dispatched;
    const quint64 generation = m_generation;
    const SearchRequest request = m_request;
    auto flag = std::make_shared<std::atomic<bool>>(false);
    m_cancel = flag;
    QPointer<SearchRunner> self(this);
    m_host->run(
        this, [request, flag](Engine &e) { return runRequest(e, request, flag.get()); },
        [this, generation](Outcome outcome) {
            // The host calls back at once when the work finished before it attached the callback;
            // the queued hop keeps a result from ever arriving inside start().
            QMetaObject::invokeMethod(
                this,
                [this, generation, outcome = std::move(outcome)]() mutable {
                    onArrived(generation, std::move(outcome.result), outcome.ran);
                },
                Qt::QueuedConnection);
        },
        [self, generation](const QString &) {
            // The task threw: the host reports it; the console still needs its answer.
            if (self)
                QMetaObject::invokeMethod(
                    self, [self, generation] { self->onArrived(generation, {}, false); }, Qt::QueuedConnection);
        });
}

void SearchRunner::onArrived(quint64 generation, SearchResult result, bool ran)
{
    m_inFlight = false;
    if (generation != m_generation || !m_running) {
        emit staleDropped(generation, result.cancelled);
        if (m_pending)
            dispatch();
        return;
    }
    m_running = false;
    m_cancel.reset();
    if (!ran)
        result.error = tr("The search failed inside the engine; the log has the details.");
    m_waitedMs = double(m_requestedAt.nsecsElapsed()) / 1e6;
    emit finished(result);
}

void SearchRunner::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    m_pending = false;
    if (m_running) {
        ++m_generation; // whatever the cancelled search still returns is stale now
        m_running = false;
    }
}

} // namespace kms::ui
