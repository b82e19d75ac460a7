// SPDX-License-Identifier: MIT
// /api/v1/cases and /api/v1/knowledge over real HTTP: list, read, create, change, delete, more like
// this; scopes, validation naming the field, and records of the other collection not found.
#include "ApiTestServer.h"

#include <QtTest>

using namespace kms;
using namespace kms::testdata;

class TestApiRecords : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_api.start());
        QVERIFY(m_api.seedCases(120));
    }

    void listIsPagedFilteredSorted()
    {
        auto res = m_api.get("/api/v1/cases?limit=7&offset=3&sort=id&order=asc&status=open", m_api.readToken);
        QCOMPARE(res->status, 200);
        const QJsonObject o = ApiTestServer::json(res);
        QCOMPARE(o.value(QStringLiteral("total")).toInt(), 40); // every third case is open
        const QJsonArray items = o.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 7);
        QString previous;
        for (const QJsonValue &v : items) {
            QCOMPARE(v.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("open"));
            const QString id = v.toObject().value(QStringLiteral("external_id")).toString();
            QVERIFY(previous < id);
            previous = id;
        }
        res = m_api.get("/api/v1/cases?q=ECONNRESET&limit=500", m_api.readToken);
        QCOMPARE(ApiTestServer::json(res).value(QStringLiteral("total")).toInt(), 28); // 4 of every 16
        QCOMPARE(ApiTestServer::json(m_api.get("/api/v1/knowledge", m_api.readToken)).value(QStringLiteral("total")).toInt(), 0);
    }

    void badListParametersNameThemselves_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown") << "colour=red" << "colour";
        QTest::newRow("limit type") << "limit=many" << "limit";
        QTest::newRow("limit range") << "limit=100000" << "limit";
        QTest::newRow("sort") << "sort=colour" << "sort";
        QTest::newRow("order") << "order=up" << "order";
    }
    void badListParametersNameThemselves()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const auto res = m_api.get("/api/v1/cases?" + query.toStdString(), m_api.readToken);
        QCOMPARE(res->status, 400);
        QCOMPARE(ApiTestServer::errorOf(res).value(QStringLiteral("field")).toString(), field);
    }

    void createReadChangeDelete()
    {
        const QByteArray create = R"({"external_id":"API-1","title":"Printer on floor 3 jams on duplex",
            "body":"The duplex unit jams with paper from tray 2.","status":"open","priority":"high",
            "product":"PrintHub","tags":["printer","duplex"],"extra":{"channel":"api"}})";
        QCOMPARE(m_api.post("/api/v1/cases", create, m_api.readToken)->status, 403); // read scope may not write
        auto res = m_api.post("/api/v1/cases", create, m_api.writeToken);
        QCOMPARE(res->status, 201);
        const qint64 id = ApiTestServer::json(res).value(QStringLiteral("id")).toInteger();
        QVERIFY(id > 0);
        const std::string path = "/api/v1/cases/" + std::to_string(id);

        // Found at once by search.
        res = m_api.post("/api/v1/search/keyword", R"({"query":"duplex jams"})", m_api.readToken);
        QCOMPARE(ApiTestServer::json(res).value(QStringLiteral("hits")).toArray().first().toObject()
                     .value(QStringLiteral("id")).toInteger(), id);

        res = m_api.get(path, m_api.readToken);
        QCOMPARE(res->status, 200);
        QJsonObject o = ApiTestServer::json(res);
        QCOMPARE(o.value(QStringLiteral("product")).toString(), QStringLiteral("PrintHub"));
        QCOMPARE(o.value(QStringLiteral("extra")).toObject().value(QStringLiteral("channel")).toString(), QStringLiteral("api"));
        QVERIFY(!o.contains(QStringLiteral("matches")));
        // Where the words of a query occur, as the detail pane marks them.
        res = m_api.get(path + "?highlight=duplex", m_api.readToken);
        const QJsonArray title = ApiTestServer::json(res).value(QStringLiteral("matches")).toObject()
                                     .value(QStringLiteral("title")).toArray();
        QCOMPARE(title.size(), 1);
        QCOMPARE(QStringLiteral("Printer on floor 3 jams on duplex").mid(title.first().toArray().at(0).toInt(),
                                title.first().toArray().at(1).toInt() - title.first().toArray().at(0).toInt()),
                 QStringLiteral("duplex"));
        QCOMPARE(m_api.get(path + "?highlite=duplex", m_api.readToken)->status, 400);

        // PUT changes the fields given; the rest stay.
        res = m_api.put(path, R"({"status":"resolved","resolution":"Replaced the duplex roller."})", m_api.writeToken);
        QCOMPARE(res->status, 200);
        o = ApiTestServer::json(res);
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("resolved"));
        QCOMPARE(o.value(QStringLiteral("title")).toString(), QStringLiteral("Printer on floor 3 jams on duplex"));
        QVERIFY(o.value(QStringLiteral("changed")).toBool());

        res = m_api.put(path, R"({"external_id":"API-2"})", m_api.writeToken);
        QCOMPARE(res->status, 400);
        QCOMPARE(ApiTestServer::errorOf(res).value(QStringLiteral("field")).toString(), QStringLiteral("external_id"));

        // A case is not a knowledge article.
        QCOMPARE(m_api.get("/api/v1/knowledge/" + std::to_string(id), m_api.readToken)->status, 404);

        QCOMPARE(m_api.del(path, m_api.readToken)->status, 403);
        QCOMPARE(m_api.del(path, m_api.writeToken)->status, 200);
        QCOMPARE(m_api.get(path, m_api.readToken)->status, 404);
        QCOMPARE(m_api.del(path, m_api.writeToken)->status, 404);
    }

    void invalidRecordsAreRefusedNamingTheField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::newRow("no title") << QByteArray(R"({"external_id":"API-9"})") << 422 << "title";
        // (A status or priority outside the standard list is kept as given, as from a file.)
        QTest::newRow("title too long") << QByteArray(R"({"external_id":"API-9","title":")" + QByteArray(1500, 'x') + R"("})")
                                        << 422 << "title";
        QTest::newRow("duplicate") << QByteArray(R"({"external_id":"CASE-1","title":"again","status":"open","priority":"low"})") << 409 << "external_id";
        QTest::newRow("article field") << QByteArray(R"({"external_id":"API-9","title":"x","category":"How-to"})") << 400
                                       << "category";
        QTest::newRow("tags type") << QByteArray(R"({"external_id":"API-9","title":"x","tags":[1,2]})") << 400 << "tags";
        QTest::newRow("bad time") << QByteArray(R"({"external_id":"API-9","title":"x","created_at":"monday"})") << 400
                                  << "created_at";
    }
    void invalidRecordsAreRefusedNamingTheField()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        const auto res = m_api.post("/api/v1/cases", body, m_api.writeToken);
        QCOMPARE(res->status, status);
        QCOMPARE(ApiTestServer::errorOf(res).value(QStringLiteral("field")).toString(), field);
        QVERIFY(!ApiTestServer::errorOf(res).value(QStringLiteral("message")).toString().isEmpty());
    }

    void knowledgeArticlesAndMoreLikeThis()
    {
        auto res = m_api.post("/api/v1/knowledge",
                              R"({"external_id":"KB-1","title":"Fixing Orbit CRM ORA-12154 after an upgrade",
                                  "body":"Orbit CRM fails with ORA-12154 when tnsnames.ora is missing after the upgrade.",
                                  "category":"Databases"})",
                              m_api.writeToken);
        QCOMPARE(res->status, 201);
        const qint64 article = ApiTestServer::json(res).value(QStringLiteral("id")).toInteger();
        const qint64 someCase = m_api.engine().recordIdOf(QStringLiteral("CASE-0"));
        QVERIFY(someCase > 0);

        // A case's neighbours among cases, and among articles.
        res = m_api.get("/api/v1/cases/" + std::to_string(someCase) + "/similar?k=5", m_api.readToken);
        QCOMPARE(res->status, 200);
        QJsonArray hits = ApiTestServer::json(res).value(QStringLiteral("hits")).toArray();
        QCOMPARE(hits.size(), 5);
        for (const QJsonValue &h : hits)
            QCOMPARE(h.toObject().value(QStringLiteral("collection")).toString(), QStringLiteral("cases"));
        res = m_api.get("/api/v1/cases/" + std::to_string(someCase) + "/similar?collection=knowledge", m_api.readToken);
        hits = ApiTestServer::json(res).value(QStringLiteral("hits")).toArray();
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().toObject().value(QStringLiteral("id")).toInteger(), article);
        res = m_api.get("/api/v1/knowledge/" + std::to_string(article) + "/similar?collection=all&k=3", m_api.readToken);
        QCOMPARE(ApiTestServer::json(res).value(QStringLiteral("hits")).toArray().size(), 3);
        QCOMPARE(m_api.get("/api/v1/cases/" + std::to_string(someCase) + "/similar?collection=tickets2", m_api.readToken)->status, 400);
        QCOMPARE(m_api.get("/api/v1/cases/999999/similar", m_api.readToken)->status, 404);

        // The article's own read, change and delete.
        const std::string path = "/api/v1/knowledge/" + std::to_string(article);
        res = m_api.put(path, R"({"category":"Oracle","tags":["ora-12154"]})", m_api.writeToken);
        QCOMPARE(res->status, 200);
        res = m_api.get(path, m_api.readToken);
        QCOMPARE(ApiTestServer::json(res).value(QStringLiteral("category")).toString(), QStringLiteral("Oracle"));
        QCOMPARE(ApiTestServer::json(res).value(QStringLiteral("collection")).toString(), QStringLiteral("knowledge"));
        res = m_api.put(path, R"({"priority":"high"})", m_api.writeToken); // a case field
        QCOMPARE(res->status, 400);
        QCOMPARE(ApiTestServer::errorOf(res).value(QStringLiteral("field")).toString(), QStringLiteral("priority"));
        QCOMPARE(m_api.del(path, m_api.writeToken)->status, 200);
        QCOMPARE(m_api.get(path, m_api.readToken)->status, 404);
    }

private:
    ApiTestServer m_api;
};

QTEST_GUILESS_MAIN(TestApiRecords)
#include "tst_api_records.moc"
