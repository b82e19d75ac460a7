// SPDX-License-Identifier: MIT
// kms_test_slow_worker URL DELAY_MS CLAIM_AFTER_MS: an EmbedWorker whose embedder is the hash
// embedder (256 dimensions) that pauses DELAY_MS per batch, honouring the stop flag. Stops on SIGTERM.
#include "distributed/EmbedWorker.h"
#include "embed/HashEmbedder.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>
#include <thread>

namespace {

std::atomic<bool> g_stop{false};
extern "C" void onSignal(int) { g_stop = true; }

class SlowHashEmbedder final : public kms::Embedder
{
public:
    explicit SlowHashEmbedder(int delayMs) : m_delayMs(delayMs) {}
    QString id() const override { return m_hash.id(); }
    int dimension() const override { return m_hash.dimension(); }
    Reads reads() const override { return m_hash.reads(); }
    kms::EmbedBatchResult embedBatch(std::span<const kms::EmbedInput> inputs, std::span<float> out,
                                     const std::atomic<bool> *cancel) const override
    {
        for (int waited = 0; waited < m_delayMs; waited += 10) {
            if (cancel && cancel->load()) {
                kms::EmbedBatchResult r;
                r.ok.fill(false, qsizetype(inputs.size()));
                r.failure = kms::EmbedFailure::Cancelled;
                return r;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return m_hash.embedBatch(inputs, out, cancel);
    }

private:
    kms::HashEmbedder m_hash;
    int m_delayMs;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: kms_test_slow_worker URL DELAY_MS CLAIM_AFTER_MS\n");
        return 2;
    }
    kms::EmbedWorker::Settings s;
    QString error;
    if (!kms::resolveRedisUrl(args[1], &s.endpoint, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    s.embedder = std::make_shared<SlowHashEmbedder>(args[2].toInt());
    s.claimAfterMs = args[3].toInt();
    s.blockMs = 200;
    s.report = [](const QString &line) { std::fprintf(stderr, "%s\n", qPrintable(line)); };
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    kms::EmbedWorker worker(s);
    QString message;
    const auto outcome = worker.run(g_stop, &message);
    if (outcome == kms::EmbedWorker::Outcome::Refused) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
        return 1;
    }
    return 0;
}
