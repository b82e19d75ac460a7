// SPDX-License-Identifier: MIT
// POST /api/v1/ingest and /api/v1/jobs over real HTTP: records in the body (JSONL, CSV, JSON),
// a path only inside the allowed folder, job progress and rejects, and cancelling a job.
#include "ApiTestServer.h"

#include <QDir>
#include <QtTest>

using namespace kms;
using namespace kms::testdata;

namespace {

// Polls GET /jobs/{id} until the job is no longer queued or running; its last answer.
QJsonObject waitForJob(const ApiTestServer &api, qint64 id)
{
    QJsonObject o;
    for (int i = 0; i < 600; ++i) {
        o = ApiTestServer::json(api.get("/api/v1/jobs/" + std::to_string(id), api.readToken));
        if (!o.value(QStringLiteral("active")).toBool())
            return o;
        QTest::qWait(100);
    }
    return o;
}

QByteArray casesJsonl(int from, int to)
{
    QByteArray out;
    for (int i = from; i < to; ++i)
        out += QJsonDocument(caseObject(i)).toJson(QJsonDocument::Compact) + '\n';
    return out;
}

} // namespace

class TestApiJobs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_folder.isValid());
        QVERIFY(m_api.start(ApiTestServer::defaultConfig(), ApiRouteOptions{{}, m_folder.path()}));
    }

    void jsonlBodyBecomesAJob()
    {
        QCOMPARE(m_api.post("/api/v1/ingest", casesJsonl(0, 50), m_api.readToken, "application/x-ndjson")->status, 403);
        const auto res = m_api.post("/api/v1/ingest", casesJsonl(0, 50), m_api.writeToken, "application/x-ndjson");
        QCOMPARE(res->status, 202);
        const qint64 job = ApiTestServer::json(res).value(QStringLiteral("job")).toInteger();
        QVERIFY(job > 0);
        const QJsonObject done = waitForJob(m_api, job);
        QCOMPARE(done.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(done.value(QStringLiteral("counts")).toObject().value(QStringLiteral("inserted")).toInt(), 50);
        // The upload is in the data directory's uploads folder (until the next upload prunes it:
        // finishedUploadsArePruned).
        QCOMPARE(QDir(m_api.dataPath(QStringLiteral("uploads"))).entryList(QDir::Files).size(), 1);

        const auto list = m_api.get("/api/v1/jobs?limit=5", m_api.readToken);
        QCOMPARE(ApiTestServer::json(list).value(QStringLiteral("jobs")).toArray().first().toObject()
                     .value(QStringLiteral("id")).toInteger(), job);
    }

    void csvBodyWithACollection()
    {
        const QByteArray csv = "id,title,body,category\n"
                               "KB-10,Reset a VPN token,Open the portal and choose Reset.,Security\n"
                               "KB-11,Clear the Orbit cache,Delete the cache folder and restart.,Clients\n";
        const auto res = m_api.client().Post("/api/v1/ingest?collection=knowledge", ApiTestServer::bearer(m_api.writeToken),
                                             csv.constData(), size_t(csv.size()), "text/csv");
        QCOMPARE(res->status, 202);
        const QJsonObject done = waitForJob(m_api, ApiTestServer::json(res).value(QStringLiteral("job")).toInteger());
        QCOMPARE(done.value(QStringLiteral("counts")).toObject().value(QStringLiteral("inserted")).toInt(), 2);
        QCOMPARE(ApiTestServer::json(m_api.get("/api/v1/knowledge", m_api.readToken)).value(QStringLiteral("total")).toInt(), 2);
    }

    void rejectsOfAJob()
    {
        const QByteArray body = R"([{"id":"R-1","title":"fine","description":"ok"},{"id":"R-2","title":{"not":"text"}}])";
        const auto res = m_api.post("/api/v1/ingest", body, m_api.writeToken);
        QCOMPARE(res->status, 202);
        const qint64 job = ApiTestServer::json(res).value(QStringLiteral("job")).toInteger();
        const QJsonObject done = waitForJob(m_api, job);
        QCOMPARE(done.value(QStringLiteral("counts")).toObject().value(QStringLiteral("rejected")).toInt(), 1);
        const auto rejects = m_api.get("/api/v1/jobs/" + std::to_string(job) + "/rejects", m_api.readToken);
        QCOMPARE(rejects->status, 200);
        const QJsonArray list = ApiTestServer::json(rejects).value(QStringLiteral("rejects")).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().toObject().value(QStringLiteral("record_number")).toInt(), 2);
        QCOMPARE(list.first().toObject().value(QStringLiteral("field")).toString(), QStringLiteral("title"));
        QCOMPARE(m_api.get("/api/v1/jobs/999999/rejects", m_api.readToken)->status, 404);
        QCOMPARE(m_api.get("/api/v1/jobs/" + std::to_string(job) + "/rejects?limit=x", m_api.readToken)->status, 400);
    }

    // Before a new upload is saved, those of finished jobs without rejects are deleted; one whose
    // job has a reject stays (its rows are retried under the file's header), and so does the new one.
    void finishedUploadsArePruned()
    {
        const QDir uploads(m_api.dataPath(QStringLiteral("uploads")));
        auto post = [this](const QByteArray &body, const char *type) {
            const auto res = m_api.post("/api/v1/ingest", body, m_api.writeToken, type);
            const qint64 job = ApiTestServer::json(res).value(QStringLiteral("job")).toInteger();
            return res && res->status == 202 ? waitForJob(m_api, job) : QJsonObject{};
        };
        auto files = [&uploads] { return uploads.entryList(QDir::Files, QDir::Name); };
        const QJsonObject clean = post(casesJsonl(700, 710), "application/x-ndjson");
        QCOMPARE(clean.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        const QString cleanFile = clean.value(QStringLiteral("source")).toString();
        QVERIFY2(files().contains(QFileInfo(cleanFile).fileName()), qPrintable(files().join(u',')));
        const QJsonObject rejected = post("id,title\nP-1,fine\n,no id here\n", "text/csv");
        QCOMPARE(rejected.value(QStringLiteral("counts")).toObject().value(QStringLiteral("rejected")).toInt(), 1);
        const QString rejectedFile = rejected.value(QStringLiteral("source")).toString();

        const QJsonObject last = post(casesJsonl(720, 725), "application/x-ndjson");
        QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        const QStringList left = files();
        QVERIFY2(!left.contains(QFileInfo(cleanFile).fileName()), qPrintable(left.join(u',')));
        QVERIFY2(left.contains(QFileInfo(rejectedFile).fileName()), qPrintable(left.join(u',')));
        QVERIFY2(left.contains(QFileInfo(last.value(QStringLiteral("source")).toString()).fileName()), qPrintable(left.join(u',')));
        // Every upload left has a job with rejects, or is the newest.
        QCOMPARE(left.size(), 3); // the earlier rejectsOfAJob upload, the CSV above, the last one
    }

    void badIngestRequests()
    {
        QCOMPARE(m_api.post("/api/v1/ingest", "a b c", m_api.writeToken, "text/plain")->status, 415);
        QCOMPARE(m_api.post("/api/v1/ingest", "", m_api.writeToken, "text/csv")->status, 400);
        auto res = m_api.client().Post("/api/v1/ingest?collection=tickets2", ApiTestServer::bearer(m_api.writeToken),
                                       "{}", 2, "application/x-ndjson");
        QCOMPARE(res->status, 400);
        QCOMPARE(ApiTestServer::errorOf(res).value(QStringLiteral("field")).toString(), QStringLiteral("collection"));
    }

    void pathsOnlyInsideTheAllowedFolder()
    {
        const QString inside = QDir(m_folder.path()).filePath(QStringLiteral("export.jsonl"));
        QVERIFY(writeCases(inside, 500, 520));
        const QString outside = m_api.dataPath(QStringLiteral("outside.jsonl"));
        QVERIFY(writeCases(outside, 600, 610));
        auto pathBody = [](const QString &p) { return ApiTestServer::body({{QStringLiteral("path"), p}}); };

        auto res = m_api.post("/api/v1/ingest", pathBody(outside), m_api.writeToken);
        QCOMPARE(res->status, 403);
        QCOMPARE(ApiTestServer::errorOf(res).value(QStringLiteral("field")).toString(), QStringLiteral("path"));
        // No way out through "..".
        res = m_api.post("/api/v1/ingest", pathBody(m_folder.path() + QStringLiteral("/../") + QFileInfo(outside).fileName()),
                         m_api.writeToken);
        QCOMPARE(res->status, 403);
        res = m_api.post("/api/v1/ingest", ApiTestServer::body({{QStringLiteral("path"), inside}, {QStringLiteral("mode"), 1}}),
                         m_api.writeToken);
        QCOMPARE(res->status, 400);
        QCOMPARE(ApiTestServer::errorOf(res).value(QStringLiteral("field")).toString(), QStringLiteral("mode"));

        res = m_api.post("/api/v1/ingest", pathBody(inside), m_api.writeToken);
        QCOMPARE(res->status, 202);
        const QJsonObject done = waitForJob(m_api, ApiTestServer::json(res).value(QStringLiteral("job")).toInteger());
        QCOMPARE(done.value(QStringLiteral("counts")).toObject().value(QStringLiteral("inserted")).toInt(), 20);
    }

    void cancelAJobOverHttp()
    {
        const QString big = QDir(m_folder.path()).filePath(QStringLiteral("big.jsonl"));
        QVERIFY(writeCases(big, 10'000, 60'000));
        auto res = m_api.post("/api/v1/ingest", ApiTestServer::body({{QStringLiteral("path"), big}}), m_api.writeToken);
        QCOMPARE(res->status, 202);
        const qint64 job = ApiTestServer::json(res).value(QStringLiteral("job")).toInteger();
        const std::string cancel = "/api/v1/jobs/" + std::to_string(job) + "/cancel";
        QCOMPARE(m_api.post(cancel, "", m_api.readToken)->status, 403);
        res = m_api.post(cancel, "", m_api.writeToken);
        QCOMPARE(res->status, 200);
        const QJsonObject done = waitForJob(m_api, job);
        QCOMPARE(done.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        QVERIFY(done.value(QStringLiteral("counts")).toObject().value(QStringLiteral("inserted")).toInt() < 50'000);
        // Nothing left to cancel.
        QCOMPARE(m_api.post(cancel, "", m_api.writeToken)->status, 409);
        QCOMPARE(m_api.post("/api/v1/jobs/999999/cancel", "", m_api.writeToken)->status, 404);
    }

private:
    QTemporaryDir m_folder; // the folder the operator allowed
    ApiTestServer m_api;
};

// Without --allow-ingest-folder, no path is read at all.
class TestApiNoFolder : public QObject
{
    Q_OBJECT
private slots:
    void pathsAreRefused()
    {
        ApiTestServer api;
        QVERIFY(api.start());
        const QString file = api.dataPath(QStringLiteral("x.jsonl"));
        QVERIFY(writeCases(file, 0, 3));
        const auto res = api.post("/api/v1/ingest", ApiTestServer::body({{QStringLiteral("path"), file}}), api.writeToken);
        QCOMPARE(res->status, 403);
        QVERIFY(ApiTestServer::errorOf(res).value(QStringLiteral("message")).toString().contains(QLatin1String("--allow-ingest-folder")));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int failures = 0;
    {
        TestApiJobs jobs;
        failures += QTest::qExec(&jobs, argc, argv);
    }
    {
        TestApiNoFolder none;
        failures += QTest::qExec(&none, argc, argv);
    }
    return failures;
}

#include "tst_api_jobs.moc"
