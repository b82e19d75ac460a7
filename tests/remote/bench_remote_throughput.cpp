// SPDX-License-Identifier: MIT
// Opt-in (KMS_BENCHMARK=1): how many texts a second the remote embedder gets through a local
// OpenAI-protocol server with 1, 2 and 4 requests in flight, four threads calling it as the
// ingestion workers do. The server answers at once, or after 50 ms per request (a model's compute
// time), which shows what the in-flight cap buys. Timings are printed, never asserted; the numbers
// go to docs/performance.md.
#include "MockEmbeddingServer.h"

#include "remote/RemoteEmbedder.h"

#include <QElapsedTimer>
#include <QTest>

#include <thread>
#include <vector>

using namespace kms;

class BenchRemoteThroughput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("KMS_BENCHMARK"))
            QSKIP("set KMS_BENCHMARK=1 to run the remote embedder benchmark");
    }

    void throughput_data()
    {
        QTest::addColumn<int>("inFlight");
        QTest::addColumn<int>("serverDelayMs");
        for (int delay : {0, 50})
            for (int inFlight : {1, 2, 4})
                QTest::addRow("in flight %d, server %d ms", inFlight, delay) << inFlight << delay;
    }
    void throughput()
    {
        QFETCH(int, inFlight);
        QFETCH(int, serverDelayMs);
        constexpr int kDim = 384, kThreads = 4, kTextsPerThread = 512;
        MockEmbeddingServer server(kDim);
        server.setHandler([&](const MockEmbeddingServer::Request &r, int) {
            MockEmbeddingServer::Response answer = server.openAiAnswer(r);
            answer.delayMs = serverDelayMs;
            return answer;
        });
        RemoteEmbedderConfig c;
        c.baseUrl = server.baseUrl();
        c.model = QStringLiteral("bench");
        c.dimensions = kDim;
        c.maxBatchInputs = 32;
        c.maxInFlight = inFlight;
        QString error;
        const auto embedder = RemoteEmbedder::create(c, &error);
        QVERIFY2(embedder, qPrintable(error));

        // Support-ticket-sized texts (about 400 characters), all different.
        std::vector<std::vector<EmbedInput>> inputs(kThreads);
        for (int t = 0; t < kThreads; ++t)
            for (int i = 0; i < kTextsPerThread; ++i)
                inputs[size_t(t)].push_back({QStringLiteral("Ticket %1-%2: the VPN client drops the connection every few "
                                                            "minutes after the upgrade to 2.%3; reinstalling did not help "
                                                            "and the log shows ECONNRESET from the gateway. ")
                                                 .arg(t).arg(i).arg(i % 10)
                                                 .repeated(2),
                                             {}, false});
        std::atomic<qint64> embedded{0};
        QElapsedTimer timer;
        timer.start();
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                std::vector<float> out(size_t(kTextsPerThread) * kDim);
                embedded += embedder->embedBatch(inputs[size_t(t)], out).embedded();
            });
        }
        for (auto &th : threads)
            th.join();
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        QCOMPARE(embedded.load(), qint64(kThreads * kTextsPerThread));
        qInfo("| %d | %d ms | %d | %.0f texts/s | %d |", inFlight, serverDelayMs, server.requestCount(),
              double(embedded.load()) / seconds, server.maxConcurrent());
    }
};

QTEST_GUILESS_MAIN(BenchRemoteThroughput)
#include "bench_remote_throughput.moc"
