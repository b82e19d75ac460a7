// SPDX-License-Identifier: MIT
// `kmsctl token` and `kmsctl serve` as an operator meets them: tokens created, listed and revoked,
// then the real binary serving HTTP on 127.0.0.1, logging requests, and stopping on SIGTERM.
#include <httplib.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

class TestKmsctlServe : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    struct Run {
        int exitCode = -1;
        QByteArray out, err;
    };
    QStringList base() const { return {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data"))}; }
    static QString program() { return QStringLiteral(KMS_TEST_BINARY_DIR "/app/kmsctl/kmsctl"); }
    Run kmsctl(const QStringList &args) const
    {
        QProcess p;
        p.start(program(), base() + args);
        Run r;
        if (!p.waitForFinished(60'000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        std::signal(SIGPIPE, SIG_IGN); // the server closes on a refused body while the client still writes it
    }

    void tokens()
    {
        Run r = kmsctl({QStringLiteral("--json"), QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("ci"),
                        QStringLiteral("--scope"), QStringLiteral("write")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject created = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(created.value(QStringLiteral("scope")).toString(), QStringLiteral("write"));
        m_token = created.value(QStringLiteral("token")).toString().toStdString();
        QVERIFY(QRegularExpression(QStringLiteral("^kms_[0-9a-f]{64}$")).match(QString::fromStdString(m_token)).hasMatch());

        r = kmsctl({QStringLiteral("--quiet"), QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("old")});
        QCOMPARE(r.exitCode, 0);
        m_revoked = r.out.trimmed().toStdString();
        QCOMPARE(kmsctl({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("ci")}).exitCode, 1); // taken
        QCOMPARE(kmsctl({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("x"), QStringLiteral("--scope"),
                         QStringLiteral("admin")}).exitCode, 2);
        QCOMPARE(kmsctl({QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("old")}).exitCode, 0);
        QCOMPARE(kmsctl({QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("old")}).exitCode, 1);

        r = kmsctl({QStringLiteral("--json"), QStringLiteral("token"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("ci"));
        QVERIFY(!list.at(1).toObject().value(QStringLiteral("revoked_at")).toString().isEmpty());
        // The list never shows a token.
        QVERIFY(!r.out.contains("kms_"));
    }

    void serveUntilSigterm()
    {
        QVERIFY(!m_token.empty());
        // A sync that is due: serve runs it, as a box without cron needs.
        const QString source = m_dir.filePath(QStringLiteral("export.jsonl"));
        {
            QFile f(source);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"id":"S-1","title":"Printer jams on duplex","description":"Tray 2 jams."})" "\n");
        }
        QCOMPARE(kmsctl({QStringLiteral("schedule"), QStringLiteral("add"), source, QStringLiteral("--every"),
                         QStringLiteral("60"), QStringLiteral("--first-run"), QStringLiteral("2020-01-01T00:00:00Z")})
                     .exitCode, 0);
        QProcess serve;
        serve.start(program(), base() + QStringList{QStringLiteral("--json"), QStringLiteral("serve"), QStringLiteral("--port"),
                                                    QStringLiteral("0"), QStringLiteral("--threads"), QStringLiteral("2")});
        QVERIFY(serve.waitForStarted());
        QByteArray out;
        QJsonObject listening;
        for (int i = 0; i < 100 && listening.isEmpty(); ++i) {
            serve.waitForReadyRead(100);
            out += serve.readAllStandardOutput();
            listening = QJsonDocument::fromJson(out.left(out.indexOf('\n'))).object();
        }
        const int port = listening.value(QStringLiteral("port")).toInt();
        QVERIFY2(port > 0, out.constData());

        httplib::Client client("127.0.0.1", port);
        auto res = client.Get("/api/v1/health");
        QVERIFY(res);
        QCOMPARE(res->status, 200);
        const httplib::Headers auth{{"Authorization", "Bearer " + m_token}};
        QJsonArray jobs;
        for (int i = 0; i < 100 && jobs.isEmpty(); ++i) {
            res = client.Get("/api/v1/jobs", auth);
            QCOMPARE(res->status, 200);
            jobs = QJsonDocument::fromJson(QByteArray::fromStdString(res->body)).object().value(QStringLiteral("jobs")).toArray();
            if (jobs.isEmpty() || jobs.first().toObject().value(QStringLiteral("status")).toString() != QLatin1String("completed")) {
                jobs = {};
                QTest::qWait(100);
            }
        }
        QCOMPARE(jobs.size(), 1);
        res = client.Post("/api/v1/search/hybrid", auth, R"({"query":"printer"})", "application/json");
        QCOMPARE(res->status, 200);
        QCOMPARE(QJsonDocument::fromJson(QByteArray::fromStdString(res->body)).object().value(QStringLiteral("hits"))
                     .toArray().size(), 1);
        res = client.Post("/api/v1/search/hybrid", httplib::Headers{{"Authorization", "Bearer " + m_revoked}},
                          R"({"query":"printer"})", "application/json");
        QCOMPARE(res->status, 401);

        // Tokens are made and revoked while serve holds the data directory, and the running server
        // takes them at once.
        Run late = kmsctl({QStringLiteral("--json"), QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("late")});
        QVERIFY2(late.exitCode == 0, late.err.constData());
        QVERIFY2(late.err.contains("note:") && late.err.contains("in use by"), late.err.constData());
        const std::string lateToken = QJsonDocument::fromJson(late.out).object().value(QStringLiteral("token")).toString().toStdString();
        const httplib::Headers lateAuth{{"Authorization", "Bearer " + lateToken}};
        res = client.Get("/api/v1/jobs", lateAuth);
        QVERIFY(res);
        QCOMPARE(res->status, 200);
        late = kmsctl({QStringLiteral("token"), QStringLiteral("list")});
        QVERIFY(late.exitCode == 0 && late.out.contains("late"));
        QCOMPARE(kmsctl({QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("late")}).exitCode, 0);
        res = client.Get("/api/v1/jobs", lateAuth);
        QVERIFY(res);
        QCOMPARE(res->status, 401);

        ::kill(pid_t(serve.processId()), SIGTERM);
        QVERIFY(serve.waitForFinished(10'000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
        const QByteArray log = out + serve.readAllStandardOutput();
        // Every request logged (--json: a line each) with method, path, status and token name; never a token.
        QSet<QString> seen;
        for (const QByteArray &line : log.split('\n')) {
            const QJsonObject e = QJsonDocument::fromJson(line).object();
            if (e.contains(QStringLiteral("method")))
                seen.insert(QStringLiteral("%1 %2 %3 %4").arg(e.value(QStringLiteral("method")).toString(),
                                                               e.value(QStringLiteral("path")).toString())
                                .arg(e.value(QStringLiteral("status")).toInt())
                                .arg(e.value(QStringLiteral("token")).toString()));
        }
        const QString all = QStringList(seen.values()).join(QStringLiteral("; "));
        QVERIFY2(seen.contains(QStringLiteral("GET /api/v1/health 200 ")), qPrintable(all));
        QVERIFY2(seen.contains(QStringLiteral("POST /api/v1/search/hybrid 200 ci")), qPrintable(all));
        QVERIFY2(seen.contains(QStringLiteral("POST /api/v1/search/hybrid 401 ")), qPrintable(all));
        QVERIFY(!log.contains(QByteArray::fromStdString(m_token)));
        QVERIFY(!log.contains(QByteArray::fromStdString(m_revoked)));
    }

    // The limits, CORS, the ingest folder and TLS given on the command line reach the server.
    void flagsTakeEffect()
    {
        QVERIFY(!m_token.empty());
        const QString folder = m_dir.filePath(QStringLiteral("exports"));
        QVERIFY(QDir().mkpath(folder));
        const QString cert = m_dir.filePath(QStringLiteral("c.pem")), key = m_dir.filePath(QStringLiteral("k.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                                  QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                                                  key, QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("1"),
                                                  QStringLiteral("-subj"), QStringLiteral("/CN=localhost")});
        QVERIFY2(openssl.waitForFinished(60'000) && openssl.exitCode() == 0, "openssl could not make a certificate");

        QProcess serve;
        serve.start(program(), base() + QStringList{QStringLiteral("--json"), QStringLiteral("serve"), QStringLiteral("--port"),
                                                    QStringLiteral("0"), QStringLiteral("--max-body-mb"), QStringLiteral("1"),
                                                    QStringLiteral("--rate"), QStringLiteral("0.5"), QStringLiteral("--cors"),
                                                    QStringLiteral("https://portal.example"), QStringLiteral("--allow-ingest-folder"),
                                                    folder, QStringLiteral("--cert"), cert, QStringLiteral("--key"), key});
        QVERIFY(serve.waitForStarted());
        QByteArray out;
        QJsonObject listening;
        for (int i = 0; i < 100 && listening.isEmpty(); ++i) {
            serve.waitForReadyRead(100);
            out += serve.readAllStandardOutput();
            listening = QJsonDocument::fromJson(out.left(out.indexOf('\n'))).object();
        }
        QVERIFY2(listening.value(QStringLiteral("listening")).toString().startsWith(QLatin1String("https://")), out.constData());
        httplib::SSLClient client("127.0.0.1", listening.value(QStringLiteral("port")).toInt());
        client.enable_server_certificate_verification(false); // self-signed, made above
        const httplib::Headers auth{{"Authorization", "Bearer " + m_token}, {"Origin", "https://portal.example"}};

        const std::string big(2 * 1024 * 1024, 'a');
        auto res = client.Post("/api/v1/ingest", auth, big, "text/csv");
        QVERIFY(!res || res->status == 413);
        const QString inside = QDir(folder).filePath(QStringLiteral("one.jsonl"));
        QFile f(inside);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"id":"F-1","title":"From the allowed folder"})" "\n");
        f.close();
        res = client.Post("/api/v1/ingest", auth, QJsonDocument(QJsonObject{{QStringLiteral("path"), inside}}).toJson().toStdString(),
                          "application/json");
        QVERIFY(res);
        QCOMPARE(res->status, 202);
        QCOMPARE(res->get_header_value("Access-Control-Allow-Origin"), std::string("https://portal.example"));
        int limited = 0;
        for (int i = 0; i < 6; ++i) {
            res = client.Get("/api/v1/jobs", auth);
            if (res && res->status == 429)
                ++limited;
        }
        QVERIFY2(limited >= 2, qPrintable(QString::number(limited))); // a burst of one second's worth, then 429

        ::kill(pid_t(serve.processId()), SIGTERM);
        QVERIFY(serve.waitForFinished(10'000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit); // no SIGPIPE from the refused TLS upload
        QCOMPARE(serve.exitCode(), 0);
    }

    // The soak benchmark, small: every kind of request answered without an error over loopback,
    // its token revoked after, and the cases it wrote deleted again.
    void apiSoakBenchmark()
    {
        QVERIFY(!m_token.empty()); // the store has the cases serveUntilSigterm ingested
        const qint64 casesBefore = QJsonDocument::fromJson(kmsctl({QStringLiteral("--json"), QStringLiteral("stats")}).out)
                                       .object().value(QStringLiteral("cases")).toInteger();
        QVERIFY(casesBefore > 0);
        const Run r = kmsctl({QStringLiteral("--json"), QStringLiteral("benchmark"), QStringLiteral("--api"), QStringLiteral("--requests"),
                              QStringLiteral("160"), QStringLiteral("--clients"), QStringLiteral("2"), QStringLiteral("--queries"),
                              QStringLiteral("2")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(report.value(QStringLiteral("requests")).toInt(), 160);
        QCOMPARE(report.value(QStringLiteral("errors")).toInt(), 0);
        QSet<QString> kinds;
        qint64 counted = 0;
        for (const QJsonValue &v : report.value(QStringLiteral("latency")).toArray()) {
            kinds.insert(v.toObject().value(QStringLiteral("kind")).toString());
            counted += v.toObject().value(QStringLiteral("requests")).toInteger();
        }
        QCOMPARE(counted, 160);
        for (const char *kind : {"search keyword", "search hybrid", "search similarity", "read case", "list cases", "list knowledge",
                                 "more like this", "health (open)", "health detailed", "metrics (Prometheus)", "jobs",
                                 "create case", "delete case"})
            QVERIFY2(kinds.contains(QLatin1String(kind)), kind);
        QVERIFY(report.value(QStringLiteral("rss_bytes")).toObject().value(QStringLiteral("peak")).toInteger() > 0);
        QCOMPARE(report.value(QStringLiteral("search_in_process")).toArray().size(), 3);
        QCOMPARE(QJsonDocument::fromJson(kmsctl({QStringLiteral("--json"), QStringLiteral("stats")}).out)
                     .object().value(QStringLiteral("cases")).toInteger(), casesBefore);
        bool revoked = false;
        for (const QJsonValue &v : QJsonDocument::fromJson(kmsctl({QStringLiteral("--json"), QStringLiteral("token"), QStringLiteral("list")}).out).array())
            if (v.toObject().value(QStringLiteral("name")).toString().startsWith(QLatin1String("benchmark-")))
                revoked = !v.toObject().value(QStringLiteral("revoked_at")).toString().isEmpty();
        QVERIFY(revoked);
        QCOMPARE(kmsctl({QStringLiteral("benchmark"), QStringLiteral("--api"), QStringLiteral("--clients"), QStringLiteral("0")}).exitCode, 2);
    }

    void badServeOptionsAreUsageErrors()
    {
        for (const QStringList &args : {QStringList{QStringLiteral("--port"), QStringLiteral("70000")},
                                        QStringList{QStringLiteral("--host"), QStringLiteral("example")},
                                        QStringList{QStringLiteral("--rate"), QStringLiteral("fast")},
                                        QStringList{QStringLiteral("--cert"), QStringLiteral("c.pem")},
                                        QStringList{QStringLiteral("--allow-ingest-folder"), QStringLiteral("/no/such/dir")}}) {
            const Run r = kmsctl(QStringList{QStringLiteral("serve")} + args);
            QVERIFY2(r.exitCode == 2, qPrintable(args.join(u' ') + QStringLiteral(": ") + QString::fromUtf8(r.err)));
        }
    }

private:
    std::string m_token, m_revoked;
};

QTEST_GUILESS_MAIN(TestKmsctlServe)
#include "tst_kmsctl_serve.moc"
