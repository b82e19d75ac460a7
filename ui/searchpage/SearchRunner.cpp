// SPDX-License-Identifier: MIT
#include "searchpage/SearchRunner.h"

#include "host/EngineHost.h"

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
    cancel();
    if (!m_host->isOpen())
        return 0;
    const quint64 generation = ++m_generation;
    m_request = request;
    m_running = true;
    auto flag = std::make_shared<std::atomic<bool>>(false);
    m_cancel = flag;
    emit started();
    auto deliver = [this, generation](Outcome outcome) {
        if (generation != m_generation) {
            emit staleDropped(generation, outcome.result.cancelled);
            return;
        }
        m_running = false;
        if (!outcome.ran)
            outcome.result.error = tr("The search failed inside the engine; the log has the details.");
        emit finished(outcome.result);
    };
    m_host->run(
        this, [request, flag](Engine &e) { return runRequest(e, request, flag.get()); },
        [this, deliver](Outcome outcome) {
            // The host calls back at once when the work finished before it attached the callback;
            // the queued hop keeps a result from ever arriving inside start().
            QMetaObject::invokeMethod(
                this, [deliver, outcome = std::move(outcome)]() mutable { deliver(std::move(outcome)); },
                Qt::QueuedConnection);
        });
    return generation;
}

void SearchRunner::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    if (m_running) {
        ++m_generation; // whatever the cancelled search still returns is stale now
        m_running = false;
    }
}

} // namespace kms::ui
