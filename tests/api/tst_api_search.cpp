// SPDX-License-Identifier: MIT
// POST /api/v1/search/{similarity,hybrid,keyword} over real HTTP: results, the strict body, tokens,
// limits, and searches served while an ingestion job runs.
#include "ApiTestServer.h"

#include <QtTest>

#include <atomic>
#include <thread>

using namespace kms;
using namespace kms::testdata;

class TestApiSearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_api.start());
        QVERIFY(m_api.seedCases(200));
    }

    void everyModeFindsTheWords_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("keyword") << "keyword";
        QTest::newRow("similarity") << "similarity";
        QTest::newRow("hybrid") << "hybrid";
    }
    void everyModeFindsTheWords()
    {
        QFETCH(QString, mode);
        const auto res = m_api.post("/api/v1/search/" + mode.toStdString(),
                                    R"({"query":"Helix Gateway ORA-12154","k":5,"explain":true})", m_api.readToken);
        QVERIFY(res);
        QCOMPARE(res->status, 200);
        const QJsonObject o = ApiTestServer::json(res);
        const QJsonArray hits = o.value(QStringLiteral("hits")).toArray();
        QCOMPARE(hits.size(), 5);
        QVERIFY2(hits.first().toObject().value(QStringLiteral("title")).toString().contains(QLatin1String("Helix Gateway")),
                 res->body.c_str());
        QVERIFY(hits.first().toObject().contains(QStringLiteral("explanation")));
        QCOMPARE(o.value(QStringLiteral("mode")).toString(), mode == QLatin1String("similarity") ? QStringLiteral("vector") : mode);
    }

    void filtersAndPagingApply()
    {
        const auto res = m_api.post("/api/v1/search/keyword",
                                    R"({"query":"fails","k":10,"offset":10,"filters":{"status":"open","priority":["high"]}})",
                                    m_api.readToken);
        QCOMPARE(res->status, 200);
        const QJsonArray hits = ApiTestServer::json(res).value(QStringLiteral("hits")).toArray();
        QVERIFY(!hits.isEmpty());
        for (const QJsonValue &h : hits) {
            QCOMPARE(h.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("open"));
            QCOMPARE(h.toObject().value(QStringLiteral("priority")).toString(), QStringLiteral("high"));
        }
        QCOMPARE(ApiTestServer::json(res).value(QStringLiteral("offset")).toInt(), 10);
    }

    void badRequestsNameTheField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("words");
        QTest::newRow("not json") << QByteArray("{\"query\": ") << QString() << "not valid JSON";
        QTest::newRow("not an object") << QByteArray("[1,2]") << QString() << "JSON object";
        QTest::newRow("unknown field") << QByteArray(R"({"query":"vpn","colour":"red"})") << "colour" << "unknown field";
        QTest::newRow("wrong type") << QByteArray(R"({"query":"vpn","k":"ten"})") << "k" << "expected a whole number";
        QTest::newRow("out of range") << QByteArray(R"({"query":"vpn","k":1000})") << "k" << "outside";
        QTest::newRow("missing query") << QByteArray(R"({"k":3})") << "query" << "required";
        QTest::newRow("unknown filter") << QByteArray(R"({"query":"vpn","filters":{"colour":"red"}})") << "filters.colour"
                                        << "unknown field";
        QTest::newRow("bad filter date") << QByteArray(R"({"query":"vpn","filters":{"updated_from":"yesterday"}})")
                                         << "filters" << "ISO 8601";
        QTest::newRow("fusion on keyword") << QByteArray(R"({"query":"vpn","fusion":"rrf"})") << "fusion" << "unknown field";
    }
    void badRequestsNameTheField()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        QFETCH(QString, words);
        const auto res = m_api.post("/api/v1/search/keyword", body, m_api.readToken);
        QCOMPARE(res->status, 400);
        const QJsonObject e = ApiTestServer::errorOf(res);
        QCOMPARE(e.value(QStringLiteral("field")).toString(), field);
        QVERIFY2(e.value(QStringLiteral("message")).toString().contains(words), res->body.c_str());
    }

    void hybridTakesFusionSettings()
    {
        const auto res = m_api.post("/api/v1/search/hybrid", R"({"query":"VPN Client","fusion":"rrf","rrf_k":30})",
                                    m_api.readToken);
        QCOMPARE(res->status, 200);
        const auto bad = m_api.post("/api/v1/search/hybrid", R"({"query":"VPN","fusion":"max"})", m_api.readToken);
        QCOMPARE(bad->status, 400);
        QCOMPARE(ApiTestServer::errorOf(bad).value(QStringLiteral("field")).toString(), QStringLiteral("fusion"));
    }

    void tokensAreRequired()
    {
        const QByteArray body = R"({"query":"vpn"})";
        QCOMPARE(m_api.post("/api/v1/search/keyword", body, "")->status, 401);
        QCOMPARE(m_api.post("/api/v1/search/keyword", body, "kms_not-a-token")->status, 401);
        // A write token may read too.
        QCOMPARE(m_api.post("/api/v1/search/keyword", body, m_api.writeToken)->status, 200);
        // A revoked token is refused at once.
        QString error;
        const auto t = m_api.engine().createApiToken(QStringLiteral("short-lived"), ApiTokenScope::Read, &error);
        QVERIFY(t);
        QCOMPARE(m_api.post("/api/v1/search/keyword", body, t->secret.toStdString())->status, 200);
        QVERIFY(m_api.engine().revokeApiToken(QStringLiteral("short-lived"), &error));
        QCOMPARE(m_api.post("/api/v1/search/keyword", body, t->secret.toStdString())->status, 401);
    }

    void bodyOverTheLimitIs413()
    {
        // 50 MB against the fixture's 1 MiB: refused from Content-Length, before the body is read.
        const QByteArray big = "{\"query\":\"" + QByteArray(50'000'000, 'a') + "\"}";
        QElapsedTimer timer;
        timer.start();
        const auto res = m_api.post("/api/v1/search/keyword", big, m_api.readToken);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        // The server answers and closes without reading; the client may see the answer or a reset.
        QVERIFY(!res || res->status == 413);
        QCOMPARE(m_api.post("/api/v1/search/keyword", R"({"query":"vpn"})", m_api.readToken)->status, 200);
    }

    void searchesRunWhileAJobIngests()
    {
        const QString file = m_api.dataPath(QStringLiteral("during.jsonl"));
        QVERIFY(writeCases(file, 1000, 9000));
        IngestOptions o;
        o.files = {file};
        QString error;
        const qint64 job = m_api.engine().submitJob(o, &error);
        QVERIFY2(job > 0, qPrintable(error));
        QVERIFY(m_api.engine().isJobActive(job)); // queued or running while the searches start
        std::atomic<int> ok{0}, failed{0};
        std::vector<std::thread> clients;
        for (int c = 0; c < 4; ++c)
            clients.emplace_back([&, c] {
                for (int i = 0; i < 15; ++i) {
                    const char *mode = (i + c) % 3 == 0 ? "keyword" : (i + c) % 3 == 1 ? "similarity" : "hybrid";
                    const auto res = m_api.post(std::string("/api/v1/search/") + mode, R"({"query":"Orbit CRM upgrade"})",
                                                m_api.readToken);
                    (res && res->status == 200 ? ok : failed)++;
                }
            });
        for (auto &t : clients)
            t.join();
        QCOMPARE(failed.load(), 0);
        QCOMPARE(ok.load(), 60);
        m_api.engine().waitForJobs();
        QCOMPARE(m_api.engine().job(job)->status, JobStatus::Completed);
    }

private:
    ApiTestServer m_api;
};

// A server of its own: a low rate so that a flood of one token's requests meets 429.
class TestApiRate : public QObject
{
    Q_OBJECT
private slots:
    void floodIsAnswered429WithRetryAfter()
    {
        ApiServerConfig c = ApiTestServer::defaultConfig();
        c.ratePerSecond = 0.5; // slow enough that a loaded machine's slow requests do not refill it
        c.burst = 5;
        ApiTestServer api;
        QVERIFY(api.start(c));
        int limited = 0;
        std::string retryAfter;
        for (int i = 0; i < 20; ++i) {
            const auto res = api.post("/api/v1/search/keyword", R"({"query":"vpn"})", api.readToken);
            QVERIFY(res);
            if (res->status == 429) {
                ++limited;
                retryAfter = res->get_header_value("Retry-After");
            }
        }
        QVERIFY2(limited >= 10, qPrintable(QString::number(limited)));
        QVERIFY(!retryAfter.empty());
        // Another token has a bucket of its own.
        QCOMPARE(api.post("/api/v1/search/keyword", R"({"query":"vpn"})", api.writeToken)->status, 200);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int failures = 0;
    {
        TestApiSearch search;
        failures += QTest::qExec(&search, argc, argv);
    }
    {
        TestApiRate rate;
        failures += QTest::qExec(&rate, argc, argv);
    }
    return failures;
}

#include "tst_api_search.moc"
