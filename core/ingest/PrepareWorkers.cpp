// SPDX-License-Identifier: MIT
#include "ingest/PrepareWorkers.h"

#include "ingest/BatchQueue.h"
#include "metrics/Metrics.h"
#include "storage/StorePool.h"

#include <functional>
#include <memory>

namespace kms {

namespace {
std::atomic<quint64> handedOver{0}; // see m_finished in PrepareWorkers.h
} // namespace

PrepareWorkers::PrepareWorkers(const RecordPreparer &preparer, BatchQueue &queue, Settings settings)
    : m_preparer(preparer), m_queue(queue), m_settings(settings)
{
    m_pool.setMaxThreadCount(std::max(1, settings.threads));
}

PrepareWorkers::~PrepareWorkers()
{
    waitForDone();
}

void PrepareWorkers::submit(RawBatch &&batch)
{
    // QThreadPool takes a copyable callable: the batch travels in a shared_ptr, moved from once.
    auto shared = std::make_shared<RawBatch>(std::move(batch));
    std::function<void()> task = [this, shared] {
        (void)handedOver.load(std::memory_order_acquire);
        prepare(*shared);
        m_finished.fetch_add(1, std::memory_order_acq_rel);
    };
    handedOver.fetch_add(1, std::memory_order_release); // after the task and its captures are written
    m_pool.start(std::move(task));
}

void PrepareWorkers::waitForDone()
{
    m_pool.waitForDone();
    (void)m_finished.load(std::memory_order_acquire);
}

void PrepareWorkers::prepare(RawBatch &batch)
{
    Metrics *metrics = m_settings.metrics;
    if (metrics)
        metrics->addBusyWorkers(1);
    try {
        PreparedBatch prepared;
        if (m_settings.skipExisting || !m_settings.stores) {
            prepared = m_preparer.prepare(std::move(batch), nullptr);
        } else {
            auto reader = m_settings.stores->reader();
            prepared = m_preparer.prepare(std::move(batch), reader.get());
        }
        m_queue.put(std::move(prepared));
    } catch (const std::exception &e) {
        m_queue.fail(QStringLiteral("preparing a batch failed: %1").arg(QString::fromUtf8(e.what())));
    }
    if (metrics)
        metrics->addBusyWorkers(-1);
}

} // namespace kms
