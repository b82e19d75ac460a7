// SPDX-License-Identifier: MIT
// The remote embedder against a real HTTP server on 127.0.0.1 that can be told to misbehave.
#include "MockEmbeddingServer.h"

#include "remote/ApiKey.h"
#include "remote/EmbeddingProtocol.h"
#include "remote/RemoteEmbedder.h"
#include "remote/RetryPolicy.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <thread>

using namespace kms;

namespace {

constexpr int kDim = 8;

RemoteEmbedderConfig configFor(const MockEmbeddingServer &server)
{
    RemoteEmbedderConfig c;
    c.baseUrl = server.baseUrl();
    c.model = QStringLiteral("mock-embed");
    c.dimensions = kDim;
    c.maxBatchInputs = 4;
    c.maxAttempts = 3;
    c.backoffBaseMs = 10;
    c.backoffMaxMs = 50;
    c.connectTimeoutMs = 2000;
    c.totalTimeoutMs = 3000;
    return c;
}

std::unique_ptr<RemoteEmbedder> make(const RemoteEmbedderConfig &c)
{
    QString error;
    auto embedder = RemoteEmbedder::create(c, &error);
    if (!embedder)
        qWarning("create failed: %s", qPrintable(error));
    return embedder;
}

QList<EmbedInput> inputsOf(const QStringList &texts)
{
    QList<EmbedInput> inputs;
    for (const QString &t : texts)
        inputs.append({t, {}});
    return inputs;
}

// The vector the mock derives from a text, normalised as the client stores it.
std::vector<float> expected(const QString &text)
{
    const QList<float> raw = MockEmbeddingServer::vectorFor(text, kDim);
    double norm = 0;
    for (float x : raw)
        norm += double(x) * x;
    std::vector<float> v;
    for (float x : raw)
        v.push_back(float(x / std::sqrt(norm)));
    return v;
}

QStringList sampleTexts(int n)
{
    QStringList texts;
    for (int i = 0; i < n; ++i)
        texts.append(QStringLiteral("printer %1 jams after driver update").arg(i));
    return texts;
}

MockEmbeddingServer::Response status(int code, const QByteArray &body = {})
{
    MockEmbeddingServer::Response r;
    r.status = code;
    r.body = body;
    return r;
}

} // namespace

class TestRemoteEmbedder : public QObject
{
    Q_OBJECT

private slots:
    void embedsInOrderAcrossRequests();
    void emptyTextIsTheZeroVectorAndNotSent();
    void retryAfterIsHonoured();
    void serverErrorsAreRetried();
    void tooLargeSplitsTheBatch();
    void refusedItemIsIsolated();
    void unauthorizedIsNotRetried();
    void badJsonGivesUpAsTransient();
    void wrongDimensionAndCountAreRefused();
    void slowAnswerTimesOut();
    void serverDownIsTransientAndComesBack();
    void cancelStopsAWaitingRequest();
    void inFlightIsCapped();
    void apiKeyFromEnvironmentAndFile();
    void otherWireFormats();
    void retryAfterParsing();
    void configRefusesNonsense();
};

void TestRemoteEmbedder::embedsInOrderAcrossRequests()
{
    MockEmbeddingServer server(kDim);
    auto embedder = make(configFor(server));
    QVERIFY(embedder);
    const QStringList texts = sampleTexts(10);
    const QList<EmbedInput> inputs = inputsOf(texts);
    std::vector<float> out(size_t(texts.size()) * kDim);
    const EmbedBatchResult r = embedder->embedBatch(inputs, out);
    QVERIFY2(r.allOk(), qPrintable(r.message));
    QCOMPARE(server.requestCount(), 3); // 4 + 4 + 2
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const std::vector<float> want = expected(texts[i]);
        for (int d = 0; d < kDim; ++d)
            QVERIFY(std::abs(out[size_t(i) * kDim + size_t(d)] - want[size_t(d)]) < 1e-6f);
    }
    const UsageSnapshot usage = embedder->ledger().snapshot();
    QCOMPARE(usage.requests, 3);
    QCOMPARE(usage.inputs, 10);
    QCOMPARE(usage.tokens, 60); // the server's own count: 6 words each
    QCOMPARE(usage.retries, 0);
    QVERIFY(server.requests().first().body.contains("\"model\":\"mock-embed\""));
}

void TestRemoteEmbedder::emptyTextIsTheZeroVectorAndNotSent()
{
    MockEmbeddingServer server(kDim);
    auto embedder = make(configFor(server));
    const QList<EmbedInput> inputs = inputsOf({QStringLiteral("  "), QStringLiteral("disk full")});
    std::vector<float> out(2 * kDim, 1.0f);
    QVERIFY(embedder->embedBatch(inputs, out).allOk());
    for (int d = 0; d < kDim; ++d)
        QCOMPARE(out[size_t(d)], 0.0f);
    QCOMPARE(server.requests().first().inputs(), QStringList{QStringLiteral("disk full")});
}

void TestRemoteEmbedder::retryAfterIsHonoured()
{
    MockEmbeddingServer server(kDim);
    server.setHandler([&server](const MockEmbeddingServer::Request &r, int n) {
        if (n == 1) {
            auto busy = status(429, R"({"error":{"message":"slow down"}})");
            busy.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
            return busy;
        }
        return server.openAiAnswer(r);
    });
    RemoteEmbedderConfig c = configFor(server);
    c.backoffMaxMs = 200; // Retry-After is honoured up to 10 × this
    auto embedder = make(c);
    std::vector<float> out(2 * kDim);
    QElapsedTimer timer;
    timer.start();
    const EmbedBatchResult r = embedder->embedBatch(inputsOf(sampleTexts(2)), out);
    QVERIFY2(r.allOk(), qPrintable(r.message));
    // The backoff alone would wait ≤ 10 ms; the server asked for a second.
    QVERIFY2(timer.elapsed() >= 950, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(embedder->ledger().snapshot().retries, 1);
}

void TestRemoteEmbedder::serverErrorsAreRetried()
{
    MockEmbeddingServer server(kDim);
    server.setHandler([&server](const MockEmbeddingServer::Request &r, int n) {
        return n <= 2 ? status(n == 1 ? 500 : 503) : server.openAiAnswer(r);
    });
    auto embedder = make(configFor(server));
    std::vector<float> out(3 * kDim);
    QVERIFY(embedder->embedBatch(inputsOf(sampleTexts(3)), out).allOk());
    QCOMPARE(server.requestCount(), 3);
    QCOMPARE(embedder->ledger().snapshot().retries, 2);
}

void TestRemoteEmbedder::tooLargeSplitsTheBatch()
{
    MockEmbeddingServer server(kDim);
    server.setHandler([&server](const MockEmbeddingServer::Request &r, int) {
        return r.inputs().size() > 1 ? status(413, R"({"error":"batch size 4 > maximum allowed batch size 1"})")
                                     : server.openAiAnswer(r);
    });
    auto embedder = make(configFor(server));
    const QStringList texts = sampleTexts(4);
    std::vector<float> out(4 * kDim);
    QVERIFY(embedder->embedBatch(inputsOf(texts), out).allOk());
    QCOMPARE(out[3 * kDim], expected(texts[3])[0]);
    QCOMPARE(server.requestCount(), 1 + 2 + 4); // 4 → 2 + 2 → 1 + 1 + 1 + 1
}

void TestRemoteEmbedder::refusedItemIsIsolated()
{
    MockEmbeddingServer server(kDim);
    server.setHandler([&server](const MockEmbeddingServer::Request &r, int) {
        for (const QString &t : r.inputs()) {
            if (t.contains(QLatin1String("BAD")))
                return status(422, R"({"error":"Input validation error: tokenizer failed","error_type":"Validation"})");
        }
        return server.openAiAnswer(r);
    });
    auto embedder = make(configFor(server));
    QStringList texts = sampleTexts(4);
    texts[2] = QStringLiteral("BAD input");
    std::vector<float> out(4 * kDim);
    const EmbedBatchResult r = embedder->embedBatch(inputsOf(texts), out);
    QCOMPARE(r.ok, (QList<bool>{true, true, false, true}));
    QCOMPARE(r.failure, EmbedFailure::Permanent);
    QVERIFY2(r.message.contains(QLatin1String("HTTP 422")) && r.message.contains(QLatin1String("tokenizer failed")),
             qPrintable(r.message));
    QCOMPARE(embedder->ledger().snapshot().failedInputs, 1);
}

void TestRemoteEmbedder::unauthorizedIsNotRetried()
{
    MockEmbeddingServer server(kDim);
    server.setHandler([](const MockEmbeddingServer::Request &, int) {
        return status(401, R"({"error":{"message":"Incorrect API key provided"}})");
    });
    auto embedder = make(configFor(server));
    std::vector<float> out(5 * kDim);
    const EmbedBatchResult r = embedder->embedBatch(inputsOf(sampleTexts(5)), out);
    QCOMPARE(r.failure, EmbedFailure::Permanent);
    QCOMPARE(r.embedded(), 0);
    QVERIFY2(r.message.contains(QLatin1String("refused the API key")), qPrintable(r.message));
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(embedder->ledger().snapshot().failedInputs, 5);
}

void TestRemoteEmbedder::badJsonGivesUpAsTransient()
{
    MockEmbeddingServer server(kDim);
    server.setHandler([](const MockEmbeddingServer::Request &, int) { return status(200, "{\"data\": [ {"); });
    auto embedder = make(configFor(server));
    std::vector<float> out(2 * kDim);
    const EmbedBatchResult r = embedder->embedBatch(inputsOf(sampleTexts(2)), out);
    QCOMPARE(r.failure, EmbedFailure::Transient);
    QVERIFY2(r.message.contains(QLatin1String("not JSON")), qPrintable(r.message));
    QCOMPARE(server.requestCount(), 3);
}

void TestRemoteEmbedder::wrongDimensionAndCountAreRefused()
{
    MockEmbeddingServer server(kDim + 1); // answers 9 numbers, we expect 8
    auto embedder = make(configFor(server));
    std::vector<float> out(2 * kDim);
    EmbedBatchResult r = embedder->embedBatch(inputsOf(sampleTexts(2)), out);
    QCOMPARE(r.failure, EmbedFailure::Permanent);
    QVERIFY2(r.message.contains(QLatin1String("9 numbers")), qPrintable(r.message));
    QCOMPARE(server.requestCount(), 1);

    MockEmbeddingServer dropping(kDim);
    dropping.setHandler([&dropping](const MockEmbeddingServer::Request &req, int) {
        MockEmbeddingServer::Request fewer = req; // the server answers one input less
        const QStringList inputs = req.inputs();
        fewer.body = QJsonDocument(QJsonObject{{QStringLiteral("input"), QJsonArray::fromStringList(inputs.mid(1))}}).toJson();
        return dropping.openAiAnswer(fewer);
    });
    auto second = make(configFor(dropping));
    r = second->embedBatch(inputsOf(sampleTexts(2)), out);
    QCOMPARE(r.failure, EmbedFailure::Permanent);
    QVERIFY2(r.message.contains(QLatin1String("1 vectors came back for 2 inputs")), qPrintable(r.message));
}

void TestRemoteEmbedder::slowAnswerTimesOut()
{
    MockEmbeddingServer server(kDim);
    server.setHandler([&server](const MockEmbeddingServer::Request &r, int) {
        auto slow = server.openAiAnswer(r);
        slow.delayMs = 3000;
        return slow;
    });
    RemoteEmbedderConfig c = configFor(server);
    c.totalTimeoutMs = 300;
    c.connectTimeoutMs = 300;
    c.maxAttempts = 2;
    auto embedder = make(c);
    std::vector<float> out(kDim);
    QElapsedTimer timer;
    timer.start();
    const EmbedBatchResult r = embedder->embedBatch(inputsOf(sampleTexts(1)), out);
    QCOMPARE(r.failure, EmbedFailure::Transient);
    QVERIFY2(r.message.contains(QLatin1String("did not answer in time")), qPrintable(r.message));
    QVERIFY(timer.elapsed() < 2900);
}

void TestRemoteEmbedder::serverDownIsTransientAndComesBack()
{
    MockEmbeddingServer server(kDim);
    auto embedder = make(configFor(server));
    server.stop();
    std::vector<float> out(2 * kDim);
    EmbedBatchResult r = embedder->embedBatch(inputsOf(sampleTexts(2)), out);
    QCOMPARE(r.failure, EmbedFailure::Transient);
    QVERIFY2(r.message.contains(QLatin1String("cannot reach")), qPrintable(r.message));
    QVERIFY(server.restart());
    r = embedder->embedBatch(inputsOf(sampleTexts(2)), out);
    QVERIFY2(r.allOk(), qPrintable(r.message));
}

void TestRemoteEmbedder::cancelStopsAWaitingRequest()
{
    MockEmbeddingServer server(kDim);
    server.setHandler([&server](const MockEmbeddingServer::Request &r, int) {
        auto slow = server.openAiAnswer(r);
        slow.delayMs = 2500;
        return slow;
    });
    auto embedder = make(configFor(server));
    std::atomic<bool> cancel{false};
    std::thread canceller([&cancel] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        cancel = true;
    });
    std::vector<float> out(kDim);
    QElapsedTimer timer;
    timer.start();
    const EmbedBatchResult r = embedder->embedBatch(inputsOf(sampleTexts(1)), out, &cancel);
    canceller.join();
    QCOMPARE(r.failure, EmbedFailure::Cancelled);
    QVERIFY(timer.elapsed() < 2000);
    QCOMPARE(embedder->ledger().snapshot().failedInputs, 0); // a cancel is not a failure
}

void TestRemoteEmbedder::inFlightIsCapped()
{
    MockEmbeddingServer server(kDim);
    server.setHandler([&server](const MockEmbeddingServer::Request &r, int) {
        auto slow = server.openAiAnswer(r);
        slow.delayMs = 100;
        return slow;
    });
    RemoteEmbedderConfig c = configFor(server);
    c.maxInFlight = 2;
    auto embedder = make(c);
    std::vector<std::thread> callers;
    std::atomic<int> okCount{0};
    for (int t = 0; t < 5; ++t) {
        callers.emplace_back([&] {
            std::vector<float> out(8 * kDim);
            if (embedder->embedBatch(inputsOf(sampleTexts(8)), out).allOk())
                ++okCount;
        });
    }
    for (auto &t : callers)
        t.join();
    QCOMPARE(okCount.load(), 5);
    QCOMPARE(server.requestCount(), 10);
    QVERIFY2(server.maxConcurrent() <= 2, qPrintable(QString::number(server.maxConcurrent())));
}

void TestRemoteEmbedder::apiKeyFromEnvironmentAndFile()
{
    MockEmbeddingServer server(kDim);
    RemoteEmbedderConfig c = configFor(server);
    c.apiKeyEnv = QStringLiteral("KMS_TEST_EMBED_KEY");
    qputenv("KMS_TEST_EMBED_KEY", "sk-test-123");
    auto embedder = make(c);
    std::vector<float> out(kDim);
    QVERIFY(embedder->embedBatch(inputsOf(sampleTexts(1)), out).allOk());
    QCOMPARE(server.requests().first().header("Authorization"), QByteArray("Bearer sk-test-123"));

    qunsetenv("KMS_TEST_EMBED_KEY");
    QString error;
    QVERIFY(!RemoteEmbedder::create(c, &error));
    QVERIFY2(error.contains(QLatin1String("KMS_TEST_EMBED_KEY")), qPrintable(error));

    QTemporaryDir dir;
    const QString keyFile = dir.filePath(QStringLiteral("key"));
    QFile f(keyFile);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("sk-from-file\n");
    f.close();
    c.apiKeyEnv.clear();
    c.apiKeyFile = keyFile;
    QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
    QVERIFY(!RemoteEmbedder::create(c, &error));
    QVERIFY2(error.contains(QLatin1String("chmod 600")) && !error.contains(QLatin1String("sk-from-file")),
             qPrintable(error));
    QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    embedder = make(c);
    QVERIFY(embedder);
    QVERIFY(embedder->embedBatch(inputsOf(sampleTexts(1)), out).allOk());
    QCOMPARE(server.requests().last().header("Authorization"), QByteArray("Bearer sk-from-file"));
    QVERIFY(!embedder->id().contains(QLatin1String("sk-")));
}

void TestRemoteEmbedder::otherWireFormats()
{
    MockEmbeddingServer server(kDim);
    // Ollama: /api/embed, {"embeddings": [[...], ...]} in input order.
    server.setHandler([](const MockEmbeddingServer::Request &r, int) {
        QJsonArray all;
        for (const QString &t : r.inputs()) {
            QJsonArray v;
            for (float x : MockEmbeddingServer::vectorFor(t, kDim))
                v.append(double(x));
            all.append(v);
        }
        MockEmbeddingServer::Response response;
        if (r.path == "/api/embed")
            response.body = QJsonDocument(QJsonObject{{QStringLiteral("embeddings"), all},
                                                      {QStringLiteral("prompt_eval_count"), 7}}).toJson();
        else if (r.path == "/embed")
            response.body = QJsonDocument(all).toJson();
        else
            response.status = 404;
        return response;
    });
    const QStringList texts = sampleTexts(3);
    for (EmbeddingApi api : {EmbeddingApi::Ollama, EmbeddingApi::Tei}) {
        RemoteEmbedderConfig c = configFor(server);
        c.api = api;
        c.baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(server.port());
        auto embedder = make(c);
        std::vector<float> out(3 * kDim);
        const EmbedBatchResult r = embedder->embedBatch(inputsOf(texts), out);
        QVERIFY2(r.allOk(), qPrintable(r.message));
        QVERIFY(std::abs(out[2 * kDim + 1] - expected(texts[2])[1]) < 1e-6f);
    }
    QVERIFY(server.requests().last().body.contains("\"inputs\""));
}

void TestRemoteEmbedder::retryAfterParsing()
{
    QCOMPARE(parseRetryAfterMs("2"), 2000);
    QCOMPARE(parseRetryAfterMs(""), -1);
    QCOMPARE(parseRetryAfterMs("soon"), -1);
    const QByteArray date = QDateTime::currentDateTimeUtc().addSecs(30).toString(Qt::RFC2822Date).toLatin1();
    const int ms = parseRetryAfterMs(date);
    QVERIFY2(ms > 25'000 && ms <= 31'000, qPrintable(QString::number(ms)));
    // Backoff: never above the ceiling, never below what the server asked (within 10 × max).
    for (int attempt = 1; attempt < 8; ++attempt)
        QVERIFY(retryDelayMs(attempt, 100, 1000, {}) <= 1000);
    QCOMPARE(retryDelayMs(1, 0, 1000, "3"), 3000);
}

void TestRemoteEmbedder::configRefusesNonsense()
{
    RemoteEmbedderConfig c;
    QVERIFY(c.validate().contains(QLatin1String("base_url")));
    c.baseUrl = QStringLiteral("ftp://host/v1");
    QVERIFY(c.validate().contains(QLatin1String("http://")));
    c.baseUrl = QStringLiteral("https://api.example.test/v1");
    QVERIFY(c.validate().contains(QLatin1String("model")));
    c.model = QStringLiteral("text-embedding-3-small");
    QVERIFY(c.validate().contains(QLatin1String("dimensions")));
    c.dimensions = 1536;
    QVERIFY2(c.validate().isEmpty(), qPrintable(c.validate()));
    QVERIFY(c.embedderId().contains(QLatin1String("text-embedding-3-small")));
    QVERIFY(c.embedderId().contains(QLatin1String("1536")));
    const RemoteEmbedderConfig back = RemoteEmbedderConfig::fromMap(c.toMap());
    QCOMPARE(back.embedderId(), c.embedderId());
    QCOMPARE(back.maxInFlight, c.maxInFlight);
}

QTEST_GUILESS_MAIN(TestRemoteEmbedder)
#include "tst_remote_embedder.moc"
