// SPDX-License-Identifier: MIT
// Distributed embedding against a real redis-server started by the test: a worker killed mid-batch,
// two workers racing on one batch, a worker with another embedder, Redis restarted mid-job.
#include "RedisServer.h"
#include "../SlowEmbedder.h"
#include "../TestData.h"

#include "distributed/DistributedEmbedder.h"
#include "distributed/RedisClient.h"
#include "distributed/RedisUrl.h"
#include "distributed/WorkerRegistry.h"
#include "embed/HashEmbedder.h"
#include "engine/Engine.h"
#include "ingest/IngestOptions.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <future>
#include <thread>

using namespace kms;
using kms::testing::RedisServer;

namespace {

std::vector<EmbedInput> sampleInputs(int n)
{
    std::vector<EmbedInput> inputs(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        inputs[size_t(i)].tokens = {QStringLiteral("vpn"), QStringLiteral("drops"), QStringLiteral("case%1").arg(i)};
    return inputs;
}

// Polls cond for up to ms; true when it held.
template <typename F>
bool waitFor(F cond, int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        if (cond())
            return true;
        QThread::msleep(20);
    }
    return cond();
}

} // namespace

class TestDistributed : public QObject
{
    Q_OBJECT

private:
    RedisEndpoint endpoint(const RedisServer &r)
    {
        RedisEndpoint e;
        QString error;
        [&] { QVERIFY2(parseRedisUrl(r.url(), &e, &error), qPrintable(error)); }();
        return e;
    }
    // A slow worker process: DELAY_MS per batch, claims batches held CLAIM_MS without an answer.
    std::unique_ptr<QProcess> startWorker(const RedisServer &r, int delayMs, int claimMs)
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p->start(QStringLiteral(KMS_SLOW_WORKER), {r.url(), QString::number(delayMs), QString::number(claimMs)});
        p->waitForStarted(5000);
        return p;
    }
    static void stopWorker(QProcess &p)
    {
        ::kill(pid_t(p.processId()), SIGTERM);
        if (!p.waitForFinished(10000))
            p.kill();
    }
    static qint64 pendingCount(const RedisEndpoint &e)
    {
        QString error;
        auto redis = RedisClient::connect(e, 1000, &error);
        RedisReply reply;
        if (!redis || !redis->command({"XPENDING", "kms:embed:requests", "kms-workers"}, &reply, &error))
            return -1;
        return reply.value().at(0).integer();
    }
    static bool hasWorkerWithPid(const DistributedEmbedder::Stats &s, qint64 pid)
    {
        for (const QString &w : s.workers)
            if (w.contains(QStringLiteral(":%1:").arg(pid)))
                return true;
        return false;
    }

private slots:
    void initTestCase()
    {
        if (RedisServer::executable().isEmpty()) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL("redis-server is not installed, and CI needs it: run scripts/install-deps.sh");
            QSKIP("redis-server is not installed (scripts/install-deps.sh installs it)");
        }
    }

    void urlsAndCredentials()
    {
        RedisEndpoint e;
        QString error;
        QVERIFY(parseRedisUrl(QStringLiteral("redis://kms:s%40cret@10.0.0.5:6380/2"), &e, &error));
        QCOMPARE(e.host, QStringLiteral("10.0.0.5"));
        QCOMPARE(e.port, 6380);
        QCOMPARE(e.db, 2);
        QCOMPARE(e.user, QStringLiteral("kms"));
        QCOMPARE(e.password, QStringLiteral("s@cret"));
        QVERIFY(!e.display().contains(QStringLiteral("cret")));
        QVERIFY(!parseRedisUrl(QStringLiteral("rediss://h:6379"), &e, &error));
        QVERIFY2(error.contains(QStringLiteral("TLS")), qPrintable(error));
        QVERIFY(!parseRedisUrl(QStringLiteral("redis://h:6379/x"), &e, &error));
        QVERIFY2(error.contains(QStringLiteral("database")), qPrintable(error));
        QVERIFY(!parseRedisUrl(QStringLiteral("http://h"), &e, &error));

        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("pw"));
        QVERIFY(testdata::writeText(file, "hunter2\n"));
        QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        qputenv("KMS_REDIS_PASSWORD_FILE", file.toUtf8());
        RedisEndpoint withFile;
        QVERIFY(parseRedisUrl(QStringLiteral("redis://h:1"), &withFile, &error));
        QVERIFY(!applyRedisCredentials(&withFile, &error));
        QVERIFY2(error.contains(QStringLiteral("chmod 600")), qPrintable(error));
        QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY2(applyRedisCredentials(&withFile, &error), qPrintable(error));
        QCOMPARE(withFile.password, QStringLiteral("hunter2"));
        qunsetenv("KMS_REDIS_PASSWORD_FILE");
    }

    void redisUrlSetting()
    {
        EngineConfig c;
        c.redisUrl = QStringLiteral("redis://10.0.0.5:6379/1");
        QString error;
        QVERIFY2(c.validate(&error), qPrintable(error));
        QCOMPARE(EngineConfig::fromJson(c.toJson(), &error).redisUrl, c.redisUrl);
        c.redisUrl = QStringLiteral("rediss://10.0.0.5:6379");
        QVERIFY(!c.validate(&error));
        QVERIFY2(error.startsWith(QStringLiteral("redisUrl")) && error.contains(QStringLiteral("TLS")), qPrintable(error));
        QCOMPARE(c.invalidKey(), QStringLiteral("redisUrl"));
        c.redisUrl = QStringLiteral("10.0.0.5:6379");
        QVERIFY(!c.validate(&error));
    }

    void noWorkerEmbedsLocally()
    {
        RedisServer redis;
        QString error;
        QVERIFY2(redis.start(&error), qPrintable(error));
        auto local = std::make_shared<HashEmbedder>();
        auto owner = DistributedEmbedder::create(local, endpoint(redis), {}, &error);
        QVERIFY2(owner, qPrintable(error));
        const auto inputs = sampleInputs(40);
        std::vector<float> out(inputs.size() * 256), expected(inputs.size() * 256);
        QElapsedTimer t;
        t.start();
        QVERIFY(owner->embedBatch(inputs, out).allOk());
        QVERIFY2(t.elapsed() < 3000, "with no worker the owner must not wait for one");
        QVERIFY(local->embedBatch(inputs, expected).allOk());
        QVERIFY(out == expected);
        QCOMPARE(owner->stats().chunksSent, qint64(0));
    }

    void workerKilledMidBatchIsReclaimed()
    {
        RedisServer redis;
        QString error;
        QVERIFY2(redis.start(&error), qPrintable(error));
        const RedisEndpoint e = endpoint(redis);
        auto local = std::make_shared<HashEmbedder>();
        DistributedEmbedder::Settings s;
        s.chunkSize = 16;
        s.ownerEmbeds = false; // the workers' own recovery, without the owner's share
        s.pickupTimeoutMs = 20000;
        s.resultTimeoutMs = 30000;
        s.workerCheckMs = 100;
        auto owner = DistributedEmbedder::create(local, e, s, &error);
        QVERIFY2(owner, qPrintable(error));
        auto a = startWorker(redis, 60000, 800);
        QVERIFY(waitFor([&] { return owner->liveWorkers() == 1; }, 10000));

        const auto inputs = sampleInputs(16);
        std::vector<float> out(inputs.size() * 256), expected(inputs.size() * 256);
        auto result = std::async(std::launch::async, [&] { return owner->embedBatch(inputs, out); });
        QVERIFY2(waitFor([&] { return pendingCount(e) == 1; }, 10000), "worker A never took the batch");
        ::kill(pid_t(a->processId()), SIGKILL);
        a->waitForFinished(5000);
        auto b = startWorker(redis, 50, 800);
        QVERIFY(result.wait_for(std::chrono::seconds(20)) == std::future_status::ready);
        const EmbedBatchResult r = result.get();
        QVERIFY2(r.allOk(), qPrintable(r.message));
        QVERIFY(local->embedBatch(inputs, expected).allOk());
        QVERIFY(out == expected);
        const auto st = owner->stats();
        QCOMPARE(st.chunksFromWorkers, qint64(1));
        QCOMPARE(st.chunksLocal, qint64(0));
        QVERIFY2(hasWorkerWithPid(st, b->processId()), qPrintable(st.workers.join(u',')));
        // The worker acknowledges after sending its answer: give it a moment.
        QVERIFY(waitFor([&] { return pendingCount(e) == 0; }, 5000));
        stopWorker(*b);
        QCOMPARE(b->exitCode(), 0);
    }

    void twoWorkersRacingApplyOnce()
    {
        RedisServer redis;
        QString error;
        QVERIFY2(redis.start(&error), qPrintable(error));
        const RedisEndpoint e = endpoint(redis);
        auto local = std::make_shared<HashEmbedder>();
        DistributedEmbedder::Settings s;
        s.chunkSize = 16;
        s.ownerEmbeds = false; // the workers' own recovery, without the owner's share
        s.pickupTimeoutMs = 20000;
        s.resultTimeoutMs = 30000;
        s.workerCheckMs = 100;
        auto owner = DistributedEmbedder::create(local, e, s, &error);
        QVERIFY2(owner, qPrintable(error));
        // Each takes 1.5 s per batch and claims a batch held 0.3 s: the idle one takes over the
        // busy one's batch, and both answer it.
        auto a = startWorker(redis, 1500, 300);
        auto b = startWorker(redis, 1500, 300);
        QVERIFY(waitFor([&] { return owner->liveWorkers() == 2; }, 10000));
        const auto inputs = sampleInputs(16);
        std::vector<float> out(inputs.size() * 256), expected(inputs.size() * 256);
        const EmbedBatchResult r = owner->embedBatch(inputs, out);
        QVERIFY2(r.allOk(), qPrintable(r.message));
        QVERIFY(local->embedBatch(inputs, expected).allOk());
        QVERIFY(out == expected);
        QVERIFY2(waitFor([&] { return owner->stats().duplicateReplies == 1; }, 8000), "the second answer never came");
        const auto st = owner->stats();
        QCOMPARE(st.chunksFromWorkers, qint64(1)); // applied once
        QCOMPARE(st.recordsFromWorkers, qint64(16));
        QCOMPARE(st.chunksLocal, qint64(0));
        stopWorker(*a);
        stopWorker(*b);
    }

    void queueThatMovesIsWaitedFor()
    {
        // Twelve chunks for one worker at 200 ms each: the last is taken 2.2 s after it was sent,
        // well past the 1.5 s pickup timeout, but the queue moved all along, so none is embedded here.
        RedisServer redis;
        QString error;
        QVERIFY2(redis.start(&error), qPrintable(error));
        auto local = std::make_shared<HashEmbedder>();
        DistributedEmbedder::Settings s;
        s.chunkSize = 16;
        s.ownerEmbeds = false;
        s.pickupTimeoutMs = 1500;
        s.workerCheckMs = 100;
        auto owner = DistributedEmbedder::create(local, endpoint(redis), s, &error);
        QVERIFY2(owner, qPrintable(error));
        auto worker = startWorker(redis, 200, 60000);
        QVERIFY(waitFor([&] { return owner->liveWorkers() == 1; }, 10000));
        const auto inputs = sampleInputs(12 * 16);
        std::vector<float> out(inputs.size() * 256), expected(inputs.size() * 256);
        const EmbedBatchResult r = owner->embedBatch(inputs, out);
        QVERIFY2(r.allOk(), qPrintable(r.message));
        QVERIFY(local->embedBatch(inputs, expected).allOk());
        QVERIFY(out == expected);
        const auto st = owner->stats();
        QCOMPARE(st.chunksFromWorkers, qint64(12));
        QCOMPARE(st.chunksLocal, qint64(0));
        stopWorker(*worker);
    }

    void ownerEmbedsBesideTheWorkers()
    {
        // Owner and worker at 250 ms a chunk: the worker takes chunks from the front, the owner
        // embeds from the back, and every chunk is applied once.
        RedisServer redis;
        QString error;
        QVERIFY2(redis.start(&error), qPrintable(error));
        auto local = std::make_shared<testdata::SlowEmbedder>(250, true);
        DistributedEmbedder::Settings s;
        s.chunkSize = 16;
        s.workerCheckMs = 100;
        auto owner = DistributedEmbedder::create(local, endpoint(redis), s, &error);
        QVERIFY2(owner, qPrintable(error));
        auto worker = startWorker(redis, 250, 60000);
        QVERIFY(waitFor([&] { return owner->liveWorkers() == 1; }, 10000));
        const auto inputs = sampleInputs(8 * 16);
        std::vector<float> out(inputs.size() * 256), expected(inputs.size() * 256);
        const EmbedBatchResult r = owner->embedBatch(inputs, out);
        QVERIFY2(r.allOk(), qPrintable(r.message));
        QVERIFY(HashEmbedder().embedBatch(inputs, expected).allOk());
        QVERIFY(out == expected);
        const auto st = owner->stats();
        QVERIFY2(st.chunksFromWorkers >= 1, "the worker took no chunk");
        QVERIFY2(st.chunksLocal >= 1, "the owner embedded no chunk itself");
        QCOMPARE(st.chunksFromWorkers + st.chunksLocal, qint64(8));
        QCOMPARE(st.recordsFromWorkers + st.recordsLocal, qint64(inputs.size()));
        QCOMPARE(st.chunksSent, qint64(8));
        stopWorker(*worker);
    }

    void workerWithAnotherEmbedderIsRefused()
    {
        RedisServer redis;
        QString error;
        QVERIFY2(redis.start(&error), qPrintable(error));
        auto local = std::make_shared<HashEmbedder>();
        auto owner = DistributedEmbedder::create(local, endpoint(redis), {}, &error);
        QVERIFY2(owner, qPrintable(error));
        QProcess worker;
        worker.start(QStringLiteral(KMS_KMSCTL), {QStringLiteral("worker"), QStringLiteral("--redis"), redis.url(),
                                                   QStringLiteral("--embedder"), QStringLiteral("hash"),
                                                   QStringLiteral("--dimension"), QStringLiteral("128")});
        QVERIFY(worker.waitForFinished(20000));
        const QString stderrText = QString::fromUtf8(worker.readAllStandardError());
        QCOMPARE(worker.exitCode(), 1);
        QVERIFY2(stderrText.contains(QStringLiteral("refused")), qPrintable(stderrText));
        QVERIFY2(stderrText.contains(local->id()), qPrintable(stderrText));
        QVERIFY2(stderrText.contains(QStringLiteral("d=128")), qPrintable(stderrText));
        QCOMPARE(owner->liveWorkers(), 0);
    }

    void redisRestartedMidJobLosesNothing()
    {
        RedisServer redis;
        QString error;
        QVERIFY2(redis.start(&error), qPrintable(error));
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("cases.jsonl"));
        const int n = 6000;
        QVERIFY(testdata::writeCases(file, 0, n));
        auto worker = startWorker(redis, 40, 2000);
        {
            // As an earlier distributed job of this store would have: a worker registers only once an
            // owner has published the embedder it must match.
            auto client = RedisClient::connect(endpoint(redis), 1000, &error);
            QVERIFY2(client, qPrintable(error));
            QVERIFY2(registry::publishEmbedder(*client, {HashEmbedder().id(), 256, QStringLiteral("test")}, &error),
                     qPrintable(error));
        }

        EngineConfig config;
        config.redisUrl = redis.url();
        Engine::Options o;
        o.dataDirectory = dir.filePath(QStringLiteral("data"));
        o.logToFile = false;
        o.config = config;
        o.distributed.ownerEmbeds = false; // the worker's batches cross the restart
        o.distributed.pickupTimeoutMs = 3000;
        o.distributed.resultTimeoutMs = 10000;
        o.distributed.workerCheckMs = 200;
        auto engine = Engine::open(o, &error);
        QVERIFY2(engine, qPrintable(error));
        QString why;
        QVERIFY(waitFor([&] {
                    const auto w = engine->distributedWorkers(&why);
                    return w && w->size() == 1;
                }, 10000));

        IngestOptions job;
        job.files = {file};
        job.mode = IngestMode::Distributed;
        job.batchSize = 200;
        auto running = std::async(std::launch::async, [&] { return engine->runJob(job); });
        // Restart Redis (losing every stream, group and pending batch) once the worker has answered some.
        QVERIFY(waitFor([&] {
                    const auto w = engine->distributedWorkers(&why);
                    return w && !w->isEmpty() && w->first().batches >= 3;
                }, 20000));
        redis.stop();
        QThread::msleep(700);
        QVERIFY2(redis.start(&error), qPrintable(error));
        QVERIFY(running.wait_for(std::chrono::seconds(120)) == std::future_status::ready);
        const JobInfo done = running.get();
        QCOMPARE(jobStatusName(done.status), QStringLiteral("completed"));
        QCOMPARE(done.counts.inserted, qint64(n));
        QCOMPARE(engine->counts().total(), qint64(n));
        QCOMPARE(engine->vectorBacklog(), qint64(0));
        // The worker found the new Redis and registered again.
        QVERIFY(waitFor([&] {
                    const auto w = engine->distributedWorkers(&why);
                    return w && w->size() == 1;
                }, 10000));
        const QJsonObject health = engine->health(false);
        QCOMPARE(health.value(QStringLiteral("components")).toObject().value(QStringLiteral("workers")).toObject()
                     .value(QStringLiteral("count")).toInt(), 1);
        stopWorker(*worker);
    }

    void distributedWithoutRedisUrlFailsClearly()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("cases.jsonl"));
        QVERIFY(testdata::writeCases(file, 0, 10));
        Engine::Options o;
        o.dataDirectory = dir.filePath(QStringLiteral("data"));
        o.logToFile = false;
        QString error;
        auto engine = Engine::open(o, &error);
        QVERIFY2(engine, qPrintable(error));
        IngestOptions job;
        job.files = {file};
        job.mode = IngestMode::Distributed;
        const JobInfo done = engine->runJob(job);
        QCOMPARE(jobStatusName(done.status), QStringLiteral("failed"));
        QVERIFY2(done.error.contains(QStringLiteral("Redis URL")), qPrintable(done.error));
    }
};

QTEST_GUILESS_MAIN(TestDistributed)
#include "tst_distributed.moc"
