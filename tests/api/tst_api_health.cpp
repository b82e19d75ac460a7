// SPDX-License-Identifier: MIT
// /api/v1/health, /health/detailed, /metrics (checked by promtool), /metrics/performance and
// /openapi.json, whose paths and methods must be exactly the registered routes.
#include "ApiTestServer.h"

#include "metrics/PrometheusText.h"

#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QtTest>

using namespace kms;
using namespace kms::testdata;

class TestApiHealth : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_api.start());
        QVERIFY(m_api.seedCases(30));
    }

    void healthIsOpenAndTerse()
    {
        const auto res = m_api.get("/api/v1/health", "");
        QCOMPARE(res->status, 200);
        const QJsonObject o = ApiTestServer::json(res);
        QVERIFY(!o.value(QStringLiteral("status")).toString().isEmpty());
        QVERIFY(o.value(QStringLiteral("components")).toObject().contains(QStringLiteral("database")));
        // No paths or sizes without a token.
        QVERIFY2(res->body.find("kms.sqlite") == std::string::npos, res->body.c_str());
    }

    void detailedHealthNeedsAToken()
    {
        QCOMPARE(m_api.get("/api/v1/health/detailed", "")->status, 401);
        const auto res = m_api.get("/api/v1/health/detailed", m_api.readToken);
        QCOMPARE(res->status, 200);
        QVERIFY(ApiTestServer::json(res).contains(QStringLiteral("system")));
    }

    void performanceHasSearchLatency()
    {
        QCOMPARE(m_api.post("/api/v1/search/keyword", R"({"query":"Orbit"})", m_api.readToken)->status, 200);
        // The search log is written about once a second, by a background thread.
        auto performance = [&] { return ApiTestServer::json(m_api.get("/api/v1/metrics/performance?minutes=5", m_api.readToken)); };
        QTRY_VERIFY_WITH_TIMEOUT(performance().value(QStringLiteral("search")).toObject().value(QStringLiteral("modes"))
                                     .toObject().contains(QStringLiteral("keyword")), 15'000);
        QVERIFY(performance().value(QStringLiteral("ingest")).toObject().contains(QStringLiteral("stages")));
        QCOMPARE(m_api.get("/api/v1/metrics/performance?minutes=0", m_api.readToken)->status, 400);
    }

    void prometheusTextPassesPromtool()
    {
        QCOMPARE(m_api.get("/api/v1/metrics", "")->status, 401);
        const auto res = m_api.get("/api/v1/metrics", m_api.readToken);
        QCOMPARE(res->status, 200);
        QCOMPARE(res->get_header_value("Content-Type"), std::string(PrometheusWriter::kContentType));
        const QByteArray text = QByteArray::fromStdString(res->body);
        QVERIFY(text.contains("kms_records{collection=\"cases\"} 30\n"));
        QVERIFY(text.contains("kms_records_committed_total 30\n"));
        QVERIFY(text.contains("# TYPE kms_stage_batch_seconds histogram\n"));
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty())
            QFAIL("promtool not found: install Debian's 'prometheus' package (scripts/install-deps.sh does)");
        QProcess p;
        p.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY(p.waitForStarted());
        p.write(text);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30'000));
        const QByteArray said = p.readAllStandardOutput() + p.readAllStandardError();
        QVERIFY2(p.exitCode() == 0 && said.trimmed().isEmpty(), said.constData());
    }

    // docs/openapi.json is written by hand; this keeps it true to the routes the server has.
    void openApiMatchesTheRoutes()
    {
        QCOMPARE(m_api.get("/api/v1/openapi.json", "")->status, 401);
        const auto res = m_api.get("/api/v1/openapi.json", m_api.readToken);
        QCOMPARE(res->status, 200);
        const QJsonObject doc = ApiTestServer::json(res);
        QCOMPARE(doc.value(QStringLiteral("openapi")).toString().left(2), QStringLiteral("3."));
        static const QSet<QString> methods{QStringLiteral("get"), QStringLiteral("post"), QStringLiteral("put"),
                                           QStringLiteral("delete")};
        QSet<QString> documented;
        const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            const QJsonObject ops = p.value().toObject();
            for (auto op = ops.begin(); op != ops.end(); ++op)
                if (methods.contains(op.key()))
                    documented.insert(op.key().toUpper() + u' ' + p.key());
        }
        QSet<QString> registered;
        QSet<QString> open;
        for (const ApiRoute &r : m_api.server().routes()) {
            registered.insert(QString::fromLatin1(r.method) + u' ' + r.openApiPath);
            if (r.scope == ApiScope::Open)
                open.insert(QString::fromLatin1(r.method) + u' ' + r.openApiPath);
        }
        const QSet<QString> undocumented = registered - documented;
        const QSet<QString> missing = documented - registered;
        QVERIFY2(undocumented.isEmpty(), qPrintable(QStringList(undocumented.values()).join(QStringLiteral(", "))));
        QVERIFY2(missing.isEmpty(), qPrintable(QStringList(missing.values()).join(QStringLiteral(", "))));
        // The one open route is the one the document exempts from security.
        QCOMPARE(open, QSet<QString>{QStringLiteral("GET /api/v1/health")});
        QVERIFY(paths.value(QStringLiteral("/api/v1/health")).toObject().value(QStringLiteral("get")).toObject()
                    .value(QStringLiteral("security")).toArray().isEmpty());
    }

    void unknownRoutesAndMethods()
    {
        QCOMPARE(m_api.get("/api/v1/nothing", m_api.readToken)->status, 404);
        QCOMPARE(m_api.del("/api/v1/jobs", m_api.writeToken)->status, 405);
    }

private:
    ApiTestServer m_api;
};

QTEST_GUILESS_MAIN(TestApiHealth)
#include "tst_api_health.moc"
