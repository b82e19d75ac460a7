// SPDX-License-Identifier: MIT
// The live log feed: sequence numbers, only new lines per poll, overflow accounted for, many
// logging threads at once while a reader polls.
#include "log/Log.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <thread>

using namespace kms;

class TestLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void linesBeforeInitReachTheFeed();
    void pollGetsOnlyNewLines();
    void linesBelowTheLevelAreNotRecorded();
    void overflowIsCountedAsMissed();
    void batchLimitKeepsTheNewest();
    void manyThreadsLogWhileAReaderPolls();
    void recentLinesAreFormatted();
    void fileSinkAddedWhileThreadsLog(); // last: it adds the file sink for the rest of the process

private:
    static void init(size_t ringLines)
    {
        log::Options o;
        o.console = false;
        o.ringLines = ringLines;
        QVERIFY(log::init(o));
    }
};

void TestLog::linesBeforeInitReachTheFeed()
{
    const quint64 before = log::entriesSince(0).lastSeq;
    log::get("kms.test.early")->warn("logged before init");
    const log::FeedBatch batch = log::entriesSince(before);
    QCOMPARE(batch.entries.size(), 1);
    QCOMPARE(batch.entries[0].logger, QStringLiteral("kms.test.early"));
    QCOMPARE(batch.entries[0].message, QStringLiteral("logged before init"));
    QCOMPARE(batch.entries[0].level, int(spdlog::level::warn));
}

void TestLog::pollGetsOnlyNewLines()
{
    init(1000);
    auto logger = log::get("kms.test");
    quint64 seen = log::entriesSince(0).lastSeq;
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    logger->info("first {}", 1);
    logger->error("second");
    log::FeedBatch batch = log::entriesSince(seen);
    QCOMPARE(batch.entries.size(), 2);
    QCOMPARE(batch.missed, quint64(0));
    QCOMPARE(batch.entries[0].message, QStringLiteral("first 1"));
    QCOMPARE(batch.entries[1].message, QStringLiteral("second"));
    QCOMPARE(batch.entries[1].level, int(spdlog::level::err));
    QCOMPARE(batch.entries[1].seq, batch.entries[0].seq + 1);
    QCOMPARE(batch.lastSeq, batch.entries[1].seq);
    QVERIFY(batch.entries[0].timeMs >= t0 - 1000 && batch.entries[0].timeMs <= QDateTime::currentMSecsSinceEpoch());
    seen = batch.lastSeq;

    QVERIFY(log::entriesSince(seen).entries.isEmpty()); // nothing new: nothing again
    logger->warn("third");
    batch = log::entriesSince(seen);
    QCOMPARE(batch.entries.size(), 1);
    QCOMPARE(batch.entries[0].message, QStringLiteral("third"));
}

void TestLog::linesBelowTheLevelAreNotRecorded()
{
    init(1000);
    QCOMPARE(log::level(), int(spdlog::level::info));
    QCOMPARE(log::levelName(log::level()), QStringLiteral("info"));
    const quint64 seen = log::entriesSince(0).lastSeq;
    log::get("kms.test")->debug("too fine to keep");
    log::get("kms.test")->info("kept");
    const log::FeedBatch batch = log::entriesSince(seen);
    QCOMPARE(batch.entries.size(), 1);
    QCOMPARE(batch.entries[0].message, QStringLiteral("kept"));
}

void TestLog::overflowIsCountedAsMissed()
{
    init(50);
    auto logger = log::get("kms.test");
    const quint64 seen = log::entriesSince(0).lastSeq;
    for (int i = 0; i < 120; ++i)
        logger->info("line {}", i);
    const log::FeedBatch batch = log::entriesSince(seen);
    QCOMPARE(batch.entries.size(), 50);
    QCOMPARE(batch.missed, quint64(70));
    QCOMPARE(batch.entries.first().message, QStringLiteral("line 70"));
    QCOMPARE(batch.entries.last().message, QStringLiteral("line 119"));
    QCOMPARE(batch.lastSeq, seen + 120u);

    // Growing the ring keeps what it has.
    init(200);
    const log::FeedBatch again = log::entriesSince(seen);
    QCOMPARE(again.entries.size(), 50);
    QCOMPARE(again.entries.first().message, QStringLiteral("line 70"));
    logger->info("after growing");
    QCOMPARE(log::entriesSince(seen).entries.size(), 51);
}

void TestLog::batchLimitKeepsTheNewest()
{
    init(1000);
    auto logger = log::get("kms.test");
    const quint64 seen = log::entriesSince(0).lastSeq;
    for (int i = 0; i < 30; ++i)
        logger->info("n{}", i);
    const log::FeedBatch batch = log::entriesSince(seen, 10);
    QCOMPARE(batch.entries.size(), 10);
    QCOMPARE(batch.missed, quint64(20));
    QCOMPARE(batch.entries.first().message, QStringLiteral("n20"));
    QCOMPARE(batch.entries.last().message, QStringLiteral("n29"));
}

void TestLog::manyThreadsLogWhileAReaderPolls()
{
    init(4096);
    constexpr int kThreads = 4;
    constexpr int kLines = 20000;
    const quint64 start = log::entriesSince(0).lastSeq;
    std::atomic<int> running{kThreads};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([t, &running] {
            auto logger = log::get("kms.test.t" + std::to_string(t));
            for (int i = 0; i < kLines; ++i)
                logger->info("{} {}", t, i);
            --running;
        });
    }
    // The reader polls like the log page: whatever is new, at most 2000 lines at a time.
    quint64 seen = start;
    quint64 received = 0, missed = 0;
    std::array<int, kThreads> lastOfThread;
    lastOfThread.fill(-1);
    bool ordered = true;
    for (;;) {
        const bool done = running.load() == 0;
        const log::FeedBatch batch = log::entriesSince(seen, 2000);
        quint64 expected = seen + batch.missed + 1;
        for (const log::Entry &e : batch.entries) {
            ordered = ordered && e.seq == expected++;
            const QStringList parts = e.message.split(u' ');
            const int t = parts.value(0).toInt();
            const int i = parts.value(1).toInt();
            ordered = ordered && e.logger == QStringLiteral("kms.test.t%1").arg(t) && i > lastOfThread[size_t(t)];
            lastOfThread[size_t(t)] = i;
        }
        received += quint64(batch.entries.size());
        missed += batch.missed;
        if (!batch.entries.isEmpty())
            seen = batch.entries.last().seq;
        if (done && batch.entries.isEmpty() && batch.missed == 0)
            break;
    }
    for (auto &t : threads)
        t.join();
    QVERIFY2(ordered, "sequence numbers run without gaps or repeats, each thread's lines in its order");
    QCOMPARE(received + missed, quint64(kThreads * kLines));
    QCOMPARE(seen, start + quint64(kThreads * kLines));
    QVERIFY(received > 0);
}

void TestLog::recentLinesAreFormatted()
{
    init(1000);
    log::get("kms.test")->warn("formatted {}", 42);
    const std::vector<std::string> lines = log::recentLines(1);
    QCOMPARE(lines.size(), size_t(1));
    const QString line = QString::fromStdString(lines[0]);
    QVERIFY2(line.endsWith(QStringLiteral("[kms.test] warning: formatted 42")), qPrintable(line));
}

// Opening the engine adds the file sink (log::init with a directory) while pipeline threads already
// log. The loggers' sink lists are never swapped, so this is race free; run the binary under
// ThreadSanitizer (-DKMS_SANITIZE=thread) to check that. Here: no line is lost by either sink path,
// and the file gets the lines logged after it was added.
void TestLog::fileSinkAddedWhileThreadsLog()
{
    init(100000);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    constexpr int kLines = 20000;
    const quint64 start = log::entriesSince(0).lastSeq;
    std::atomic<bool> added{false};
    std::atomic<int> afterAdd{0};
    std::atomic<int> total{0};
    std::thread writer([&] {
        auto logger = log::get("kms.test.sinkswap");
        // At least kLines, and on until 1000 lines went out after the file sink was there.
        for (int i = 0; i < kLines || afterAdd.load() < 1000; ++i) {
            const bool fileThere = added.load();
            logger->info("line {}", i);
            ++total;
            if (fileThere)
                ++afterAdd;
        }
    });
    log::Options o;
    o.console = false;
    o.ringLines = 100000;
    o.directory = dir.path();
    QVERIFY(log::init(o));
    added = true;
    writer.join();
    log::flush();
    const log::FeedBatch ring = log::entriesSince(start, 100000);
    QCOMPARE(quint64(ring.entries.size()) + ring.missed, quint64(total.load()));
    QFile file(dir.filePath(QStringLiteral("kms.log")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(text.count("[kms.test.sinkswap] info: line ") >= afterAdd.load(),
             qPrintable(QStringLiteral("%1 lines in the file, %2 logged after it was added")
                            .arg(text.count("[kms.test.sinkswap] info: line ")).arg(afterAdd.load())));
    QVERIFY(text.contains(QStringLiteral("line %1\n").arg(total.load() - 1).toUtf8()));
}

QTEST_GUILESS_MAIN(TestLog)
#include "tst_log.moc"
