// SPDX-License-Identifier: MIT
#include "engine/VectorBacklog.h"

#include "ingest/RecordPreparer.h"
#include "log/Log.h"
#include "storage/StorePool.h"
#include "text/Normalizer.h"

#include <spdlog/spdlog.h>

#include <QHash>

namespace kms {

VectorBacklog::VectorBacklog(Settings settings) : m_settings(std::move(settings)) {}

VectorBacklog::~VectorBacklog()
{
    stop();
}

void VectorBacklog::start()
{
    std::lock_guard guard(m_mutex);
    if (m_thread.joinable())
        return;
    m_stop = false;
    m_cancel = false;
    m_woken = true; // count what an earlier run left
    m_thread = std::thread([this] { loop(); });
}

void VectorBacklog::stop()
{
    {
        std::lock_guard guard(m_mutex);
        m_stop = true;
        m_cancel = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void VectorBacklog::wake()
{
    {
        std::lock_guard guard(m_mutex);
        m_woken = true;
    }
    m_cv.notify_all();
}

void VectorBacklog::retryNow()
{
    {
        std::lock_guard guard(m_mutex);
        m_woken = true;
        m_retryNow = true;
    }
    m_cv.notify_all();
}

VectorBacklogStatus VectorBacklog::status() const
{
    std::lock_guard guard(m_mutex);
    return m_status;
}

qint64 VectorBacklog::recount()
{
    const qint64 n = m_settings.stores->read([](Store &s) { return s.vectorBacklogCount(); });
    if (n >= 0) {
        std::lock_guard guard(m_mutex);
        m_status.pending = n;
    }
    return n;
}

VectorBacklog::Pass VectorBacklog::fillPage()
{
    Pass pass;
    const std::shared_ptr<const Embedder> embedder = m_settings.embedder();
    qint64 cursor = 0;
    {
        std::lock_guard guard(m_mutex);
        cursor = m_cursor;
    }
    std::vector<StoredRecord> page;
    QString readError;
    m_settings.stores->read([&](Store &s) {
        if (!s.vectorBacklogPage(cursor, m_settings.pageSize, &page))
            readError = s.lastError();
        return 0;
    });
    if (!readError.isEmpty()) {
        pass.error = readError;
        return pass;
    }
    if (page.empty() && cursor > 0) { // walked to the end: start over
        {
            std::lock_guard guard(m_mutex);
            m_cursor = 0;
        }
        return fillPage();
    }
    pass.read = qint64(page.size());
    if (page.empty())
        return pass;
    {
        std::lock_guard guard(m_mutex);
        m_cursor = page.back().id;
    }

    // One input per distinct text, in the form the embedder reads: the text the ingestion workers
    // embed, whose hash the record already carries.
    std::vector<quint64> hashes;
    std::vector<EmbedInput> inputs;
    QHash<quint64, qint64> recordsOfText;
    for (const StoredRecord &r : page) {
        if (recordsOfText.contains(r.textHash)) {
            ++recordsOfText[r.textHash];
            continue;
        }
        recordsOfText.insert(r.textHash, 1);
        hashes.push_back(r.textHash);
        inputs.push_back(RecordPreparer::embeddingText(*m_settings.normalizer, r.record, embedder->reads()).input);
    }
    const size_t dim = size_t(embedder->dimension());
    const size_t chunk = size_t(std::max(1, embedder->maxBatchSize()));
    std::vector<quint64> okHashes;
    std::vector<float> okVectors;
    std::vector<float> out;
    for (size_t from = 0; from < inputs.size(); from += chunk) {
        const size_t n = std::min(chunk, inputs.size() - from);
        out.assign(n * dim, 0.0f);
        const EmbedBatchResult r = embedder->embedBatch(std::span<const EmbedInput>(inputs.data() + from, n), out, &m_cancel);
        for (size_t k = 0; k < n; ++k) {
            const quint64 hash = hashes[from + k];
            if (qsizetype(k) < r.ok.size() && r.ok[qsizetype(k)]) {
                okHashes.push_back(hash);
                okVectors.insert(okVectors.end(), out.begin() + std::ptrdiff_t(k * dim),
                                 out.begin() + std::ptrdiff_t((k + 1) * dim));
            } else {
                pass.failed += recordsOfText.value(hash);
            }
        }
        if (!r.allOk() && pass.error.isEmpty())
            pass.error = r.message.isEmpty() ? QStringLiteral("the embedder gave no vector") : r.message;
    }
    if (okHashes.empty())
        return pass;

    std::optional<BatchOutcome> outcome;
    QString writeError;
    {
        auto writer = m_settings.stores->writer();
        outcome = writer->fillVectors(embedder->id(), int(dim), okHashes, okVectors);
        if (!outcome)
            writeError = writer->lastError();
    }
    if (!outcome) {
        pass.error = writeError;
        return pass;
    }
    pass.filled = qint64(outcome->indexChanges.size());
    if (m_settings.index)
        m_settings.index(*outcome);
    return pass;
}

void VectorBacklog::loop()
{
    auto logger = log::get("kms.core.engine");
    using Clock = std::chrono::steady_clock;
    Clock::time_point retryAt{};
    std::unique_lock lock(m_mutex);
    for (;;) {
        const bool backingOff = m_status.failuresInARow > 0;
        if (backingOff) {
            m_cv.wait_until(lock, retryAt, [&] { return m_stop || m_woken; });
        } else if (m_status.pending <= 0) {
            m_cv.wait(lock, [&] { return m_stop || m_woken; });
        }
        if (m_stop)
            break;
        const bool woken = m_woken;
        m_woken = false;
        lock.unlock();
        if (woken)
            recount();
        lock.lock();
        if (m_stop)
            break;
        if (backingOff && Clock::now() < retryAt && !m_retryNow)
            continue; // new records joined; the retry stays when it was due
        m_retryNow = false;
        if (m_status.pending <= 0)
            continue;
        lock.unlock();
        Pass pass;
        if (m_settings.holdOff && m_settings.holdOff())
            pass.error = QStringLiteral("waiting for the index rebuild or re-embed to finish");
        else
            pass = fillPage();
        recount();
        lock.lock();
        ++m_status.attempts;
        m_status.filled += pass.filled;
        if (pass.ok()) {
            if (m_status.failuresInARow > 0)
                logger->info("vector backlog: the embedder works again, {} records left", m_status.pending);
            m_status.failuresInARow = 0;
            m_status.retryInMs = 0;
            m_status.lastError.clear();
            continue;
        }
        // Exponential backoff: a permanent failure costs one call per maxRetry, not a busy loop.
        ++m_status.failuresInARow;
        const int doublings = std::min(m_status.failuresInARow - 1, 30);
        const auto backoff = std::min<std::chrono::milliseconds>(m_settings.firstRetry * (qint64(1) << doublings),
                                                                 m_settings.maxRetry);
        m_status.retryInMs = backoff.count();
        m_status.lastError = pass.error;
        retryAt = Clock::now() + backoff;
        logger->warn("vector backlog: {} of {} records got no vector ({}); {} left, next try in {} ms",
                     pass.failed, pass.read, pass.error.toStdString(), m_status.pending, backoff.count());
    }
}

} // namespace kms
