// SPDX-License-Identifier: MIT
// writeSyntheticCorpus(): generation on a producer thread, serialisation and I/O on the caller's,
// so the two halves of the work use both cores. Batches are recycled; memory stays bounded.
#include "synth/CorpusWriter.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace kms {

namespace {

constexpr int kBatchRecords = 256;
constexpr int kBatchesInFlight = 4;

class BatchQueue
{
public:
    using Batch = std::vector<Record>;

    BatchQueue()
    {
        for (int i = 0; i < kBatchesInFlight; ++i)
            m_free.emplace_back(kBatchRecords);
    }

    // Producer side. Returns false when the consumer stopped.
    bool takeFree(Batch &out)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_stop || !m_free.empty(); });
        if (m_stop)
            return false;
        out = std::move(m_free.front());
        m_free.pop_front();
        return true;
    }
    void pushReady(Batch &&batch, bool last)
    {
        {
            std::lock_guard lock(m_mutex);
            m_ready.push_back(std::move(batch));
            m_done = last;
        }
        m_changed.notify_all();
    }

    // Consumer side. Returns false when everything was consumed.
    bool takeReady(Batch &out)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_done || !m_ready.empty(); });
        if (m_ready.empty())
            return false;
        out = std::move(m_ready.front());
        m_ready.pop_front();
        return true;
    }
    void giveBack(Batch &&batch)
    {
        {
            std::lock_guard lock(m_mutex);
            m_free.push_back(std::move(batch));
        }
        m_changed.notify_all();
    }
    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Batch> m_free;
    std::deque<Batch> m_ready;
    bool m_done = false;
    bool m_stop = false;
};

} // namespace

bool writeSyntheticCorpus(const SynthOptions &options, const QString &path, QString *error,
                          CorpusStats *stats, const std::function<bool(qint64, qint64)> &progress)
{
    if (!Generator::validate(options, error))
        return false;
    CorpusWriter writer;
    if (!writer.open(path, error))
        return false;

    BatchQueue queue;
    std::thread producer([&queue, options] {
        Generator generator(options); // nothing here throws: Qt containers and our own code only
        BatchQueue::Batch batch;
        bool last = false;
        while (!last && queue.takeFree(batch)) {
            batch.resize(kBatchRecords);
            std::size_t n = 0;
            while (n < batch.size() && generator.next(batch[n]))
                ++n;
            last = n < batch.size() || generator.produced() == generator.total();
            batch.resize(n);
            queue.pushReady(std::move(batch), last);
        }
    });

    const qint64 total = std::max<qint64>(0, options.articles) + std::max<qint64>(0, options.cases);
    CorpusStats counts;
    bool ok = true;
    BatchQueue::Batch batch;
    while (ok && queue.takeReady(batch)) {
        for (const Record &record : batch) {
            if (!writer.write(record, error)) {
                ok = false;
                break;
            }
            ++(record.collection == Collection::Cases ? counts.cases : counts.articles);
            const qint64 done = counts.cases + counts.articles;
            if (progress && done % 10000 == 0 && !progress(done, total)) {
                if (error)
                    *error = QStringLiteral("cancelled writing %1").arg(path);
                ok = false;
                break;
            }
        }
        queue.giveBack(std::move(batch));
    }
    queue.stop();
    producer.join();
    if (!ok || !writer.finish(error))
        return false; // the writer's destructor removes the partial file
    counts.bytes = writer.bytesWritten();
    if (stats)
        *stats = counts;
    return true;
}

} // namespace kms
