// SPDX-License-Identifier: MIT
// The openai provider end to end, against a real HTTP server on 127.0.0.1 speaking OpenAI's
// embeddings API: ingestion sends the records' display text with the document prefix, searches
// send the query with the query prefix, hybrid search works, and a server that goes away in the
// middle of the work costs no record and no text embedded twice.
#include "engine/EngineInternals.h"
#include "../TestData.h"
#include "../TestEngine.h"
#include "../remote/MockEmbeddingServer.h"

#include "engine/EmbedderFactory.h"
#include "engine/Engine.h"
#include "index/VectorIndex.h"
#include "ingest/IngestOptions.h"

#include <QFile>
#include <QJsonObject>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kms;

namespace {
constexpr int kDim = 16;

EngineConfig openAiConfig(const MockEmbeddingServer &server)
{
    EngineConfig c;
    c.embedderProvider = QStringLiteral("openai");
    c.remote.baseUrl = server.baseUrl();
    c.remote.model = QStringLiteral("mock-embed");
    c.remote.dimensions = kDim;
    c.remote.queryPrefix = QStringLiteral("query: ");
    c.remote.documentPrefix = QStringLiteral("passage: ");
    c.remote.maxBatchInputs = 8;
    // A server that is down is given up on quickly: the backlog retries it later.
    c.remote.maxAttempts = 2;
    c.remote.backoffBaseMs = 10;
    c.remote.backoffMaxMs = 50;
    c.remote.connectTimeoutMs = 1000;
    c.remote.totalTimeoutMs = 5000;
    c.remote.pricePerMillionTokens = 0.02;
    return c;
}

QStringList sentInputs(const MockEmbeddingServer &server)
{
    QStringList all;
    for (const MockEmbeddingServer::Request &r : server.requests())
        all += r.inputs();
    return all;
}
} // namespace

class TestEngineOpenAi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void ingestAndSearchThroughTheServer()
    {
        MockEmbeddingServer server(kDim);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("cases.jsonl"));
        QVERIFY(testdata::writeCases(file, 0, 30));
        QString error;
        auto engine = testdata::openTestEngine(dir.filePath(QStringLiteral("data")), &error, openAiConfig(server));
        QVERIFY2(engine, qPrintable(error));
        QVERIFY(engine->embedderInfo().id.startsWith(QLatin1String("remote-v1:openai:mock-embed@127.0.0.1")));
        QCOMPARE(engine->embedderInfo().dimension, kDim);

        IngestOptions io;
        io.files = {file};
        const JobInfo job = engine->runJob(io);
        QCOMPARE(job.status, JobStatus::Completed);
        QCOMPARE(engine->counts().total(), qint64(30));
        QCOMPARE(engine->vectorBacklog(), qint64(0));
        QCOMPARE(internals(*engine).index().size(), qint64(30));

        // The model read the display text (case and punctuation kept), as a document, once per text.
        const QStringList sent = sentInputs(server);
        QCOMPARE(sent.size(), 30);
        QCOMPARE(QSet<QString>(sent.begin(), sent.end()).size(), 30);
        const QString title3 = testdata::caseObject(3)[QStringLiteral("title")].toString();
        QVERIFY(std::any_of(sent.begin(), sent.end(), [&](const QString &s) {
            return s.startsWith(QStringLiteral("passage: ") + title3 + QLatin1Char('\n'));
        }));
        QVERIFY(std::all_of(sent.begin(), sent.end(), [](const QString &s) { return s.startsWith(QLatin1String("passage: ")); }));

        // A query goes out marked as one, without the filter syntax, and hybrid finds the record.
        const int before = server.requestCount();
        SearchQuery q;
        q.text = title3 + QStringLiteral(" status:open"); // CASE-3 is open
        q.mode = SearchMode::Hybrid;
        const SearchResult r = engine->search(q);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY(!r.hits.isEmpty());
        QCOMPARE(r.hits.first().externalId, QStringLiteral("CASE-3"));
        QCOMPARE(server.requestCount(), before + 1);
        QCOMPARE(server.requests().last().inputs(), QStringList{QStringLiteral("query: ") + title3});

        // Vector-only search on the server's vectors: the record's own text is nearest to itself.
        q.text = title3;
        q.mode = SearchMode::Vector;
        QVERIFY(!engine->search(q).hits.isEmpty());

        // The estimate counts the store's text at the configured price.
        const EmbeddingEstimate e = engine->embeddingEstimate();
        QCOMPARE(e.records, qint64(30));
        QVERIFY(e.characters > 30 * 100);
        QCOMPARE(e.estimatedTokens, e.characters / 4);
        QVERIFY(qAbs(e.estimatedCost - double(e.estimatedTokens) * 0.02 / 1e6) < 1e-12);

        // The API key is never part of the stored configuration: only where to read it.
        qputenv("KMS_TEST_EMBED_KEY", "sk-secret-value");
        EngineConfig withKey = engine->config();
        withKey.remote.apiKeyEnv = QStringLiteral("KMS_TEST_EMBED_KEY");
        QVERIFY2(engine->applyConfig(withKey, {}, nullptr, &error), qPrintable(error));
        QVERIFY(!engine->config().toJson().contains(QStringLiteral("sk-secret-value")));
        const QByteArray stored = internals(*engine).withReader([](Store &s) { return s.meta(QStringLiteral("config")); }).toUtf8();
        QVERIFY(stored.contains("KMS_TEST_EMBED_KEY"));
        QVERIFY(!stored.contains("sk-secret-value"));
        q.mode = SearchMode::Vector;
        engine->search(q);
        QCOMPARE(server.requests().last().header("Authorization"), QByteArray("Bearer sk-secret-value"));
    }

    void serverDownMidJobLosesNothingAndEmbedsNothingTwice()
    {
        MockEmbeddingServer server(kDim);
        QTemporaryDir dir;
        const QString first = dir.filePath(QStringLiteral("a.jsonl"));
        const QString second = dir.filePath(QStringLiteral("b.jsonl"));
        QVERIFY(testdata::writeCases(first, 0, 20));
        QVERIFY(testdata::writeCases(second, 20, 40));
        QString error;
        auto engine = testdata::openTestEngine(dir.filePath(QStringLiteral("data")), &error, openAiConfig(server));
        QVERIFY2(engine, qPrintable(error));

        // The server stops answering after the first half of the job's batches.
        IngestOptions io;
        io.files = {first, second};
        io.batchSize = 10;
        std::atomic<int> answered{0};
        server.setHandler([&](const MockEmbeddingServer::Request &request, int) {
            if (answered.fetch_add(int(request.inputs().size())) >= 20)
                return MockEmbeddingServer::Response{503, "{\"error\":\"down\"}", {}, 0, false};
            return server.openAiAnswer(request);
        });
        const JobInfo job = engine->runJob(io);
        QCOMPARE(job.status, JobStatus::Completed);
        QCOMPARE(job.counts.inserted, qint64(40));
        QCOMPARE(engine->counts().total(), qint64(40));
        QTRY_VERIFY(engine->vectorBacklog() > 0);
        QVERIFY(internals(*engine).index().size() < 40);

        // Now the server is gone entirely, then comes back: the backlog drains.
        server.stop();
        engine->retryVectorBacklog();
        QTest::qWait(300);
        QVERIFY(engine->vectorBacklog() > 0);
        server.setHandler([&](const MockEmbeddingServer::Request &request, int) { return server.openAiAnswer(request); });
        QVERIFY(server.restart());
        engine->retryVectorBacklog();
        QTRY_COMPARE_WITH_TIMEOUT(engine->vectorBacklog(), qint64(0), 30000);
        QTRY_COMPARE(internals(*engine).index().size(), qint64(40));

        // Each of the 40 texts was embedded exactly once: the ledger counts 40 inputs, and the
        // successful answers covered 40 distinct texts.
        QCOMPARE(engine->embedderInfo().usage.inputs, qint64(40));
        QVERIFY(engine->embedderInfo().usage.failedInputs > 0);
        QVERIFY(engine->embedderInfo().usage.tokens > 0);

        // The same records again in another collection's clothing: their texts are in the store
        // already, so nothing is sent and the ledger counts what the cache saved.
        const int requestsBefore = server.requestCount();
        const QString copy = dir.filePath(QStringLiteral("copy.jsonl"));
        QFile in(first), out(copy);
        QVERIFY(in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
        out.write(in.readAll().replace("\"CASE-", "\"COPY-"));
        out.close();
        io.files = {copy};
        QCOMPARE(engine->runJob(io).counts.inserted, qint64(20));
        QCOMPARE(server.requestCount(), requestsBefore);
        QCOMPARE(engine->embedderInfo().usage.cacheHits, qint64(20));
        QCOMPARE(engine->embedderInfo().usage.inputs, qint64(40));
    }

    // The key's variable is not set in this shell: the store still opens and says why; new
    // records are stored and keyword-searchable and wait for their vectors.
    void missingKeyStillOpensTheStore()
    {
        MockEmbeddingServer server(kDim);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("cases.jsonl"));
        QVERIFY(testdata::writeCases(file, 0, 10));
        EngineConfig c = openAiConfig(server);
        c.remote.apiKeyEnv = QStringLiteral("KMS_TEST_UNSET_KEY_VARIABLE");
        QString error;
        auto engine = testdata::openTestEngine(dir.filePath(QStringLiteral("data")), &error, c);
        QVERIFY2(engine, qPrintable(error));
        QVERIFY2(engine->warnings().join(u' ').contains(QLatin1String("KMS_TEST_UNSET_KEY_VARIABLE")),
                 qPrintable(engine->warnings().join(u' ')));
        QCOMPARE(engine->embedderInfo().id, c.remote.embedderId());
        IngestOptions io;
        io.files = {file};
        QCOMPARE(engine->runJob(io).status, JobStatus::Completed);
        QCOMPARE(engine->counts().total(), qint64(10));
        QCOMPARE(engine->vectorBacklog(), qint64(10));
        SearchQuery q;
        q.text = testdata::caseObject(2)[QStringLiteral("title")].toString();
        q.mode = SearchMode::Keyword;
        QCOMPARE(engine->search(q).hits.value(0).externalId, QStringLiteral("CASE-2"));
        QCOMPARE(server.requestCount(), 0);
        const QJsonObject embedderHealth =
            engine->health(false)[QStringLiteral("components")].toObject()[QStringLiteral("embedder")].toObject();
        QCOMPARE(embedderHealth[QStringLiteral("provider")].toString(), QStringLiteral("openai"));
        QCOMPARE(embedderHealth[QStringLiteral("available")].toBool(true), false);
        QCOMPARE(embedderHealth[QStringLiteral("status")].toString(), QStringLiteral("degraded"));
    }

    void factoryBuildsEachProvider()
    {
        MockEmbeddingServer server(kDim);
        QTemporaryDir dir;
        QString error;
        EngineConfig c;
        QVERIFY2(makeEmbedder(c, dir.path(), &error), qPrintable(error));
        c = openAiConfig(server);
        const auto remote = makeEmbedder(c, dir.path(), &error);
        QVERIFY2(remote, qPrintable(error));
        QCOMPARE(remote->reads(), Embedder::Reads::Text);
        QVERIFY(remote->isRemote());
        c.remote.apiKeyEnv = QStringLiteral("KMS_TEST_NO_SUCH_VARIABLE");
        QVERIFY(!makeEmbedder(c, dir.path(), &error));
        QVERIFY2(error.contains(QLatin1String("KMS_TEST_NO_SUCH_VARIABLE")), qPrintable(error));

        c = EngineConfig{};
        c.embedderProvider = QStringLiteral("bert");
        c.bertModel = QStringLiteral("no-such-model");
        QVERIFY(!makeEmbedder(c, dir.path(), &error));
        QVERIFY2(error.contains(dir.filePath(QStringLiteral("no-such-model"))), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestEngineOpenAi)
#include "tst_engine_openai.moc"
