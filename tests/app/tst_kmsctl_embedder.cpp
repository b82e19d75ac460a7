// SPDX-License-Identifier: MIT
// kmsctl embedder show | test | set and kmsctl reembed, run as a user would, against a real HTTP
// server on 127.0.0.1 that speaks OpenAI's embeddings API. The API key travels in an environment
// variable and must never appear in any output or any file of the data directory.
#include "../TestData.h"
#include "../remote/MockEmbeddingServer.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

namespace {

constexpr int kDim = 8;
const QByteArray kSecret = "sk-kmsctl-test-secret";

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

class TestKmsctlEmbedder : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    MockEmbeddingServer m_server{kDim};

    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }

    Run kmsctl(const QStringList &args) const
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KMS_TEST_EMBED_KEY"), QString::fromLatin1(kSecret));
        p.setProcessEnvironment(env);
        p.setProgram(QStringLiteral(KMS_TEST_BINARY_DIR "/app/kmsctl/kmsctl"));
        p.setArguments(QStringList{QStringLiteral("--data-dir"), dataDir()} + args);
        p.start();
        Run r;
        if (!p.waitForFinished(120000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        if (r.out.contains(QString::fromLatin1(kSecret)) || r.err.contains(QString::fromLatin1(kSecret))) {
            QTest::qFail("the API key was printed", __FILE__, __LINE__);
            r.exitCode = -2;
        }
        return r;
    }

    QStringList openAiOptions(const QString &price = QStringLiteral("0")) const
    {
        return {QStringLiteral("openai"),        QStringLiteral("--base-url"),    m_server.baseUrl(),
                QStringLiteral("--model"),       QStringLiteral("mock-embed"),    QStringLiteral("--dimensions"),
                QString::number(kDim),           QStringLiteral("--api-key-env"), QStringLiteral("KMS_TEST_EMBED_KEY"),
                QStringLiteral("--query-prefix"), QStringLiteral("query: "),     QStringLiteral("--price"),
                price};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString file = m_dir.filePath(QStringLiteral("cases.jsonl"));
        QVERIFY(kms::testdata::writeCases(file, 0, 30));
        const Run r = kmsctl({QStringLiteral("ingest"), file, QStringLiteral("--quiet")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void showsTheBuiltInEmbedder()
    {
        const Run r = kmsctl({QStringLiteral("embedder"), QStringLiteral("show"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = r.json();
        QCOMPARE(o[QStringLiteral("provider")].toString(), QStringLiteral("hash"));
        QCOMPARE(o[QStringLiteral("dimension")].toInt(), 256);
        QCOMPARE(o[QStringLiteral("vectorBacklog")].toInt(), 0);
        const Run text = kmsctl({QStringLiteral("embedder"), QStringLiteral("show")});
        QVERIFY2(text.out.startsWith(QStringLiteral("provider   hash\n")), qPrintable(text.out));
    }

    void testTriesACandidateWithoutSwitching()
    {
        const Run r = kmsctl(QStringList{QStringLiteral("embedder"), QStringLiteral("test")} + openAiOptions()
                             + QStringList{QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = r.json();
        QVERIFY(o[QStringLiteral("ok")].toBool());
        QCOMPARE(o[QStringLiteral("dimension")].toInt(), kDim);
        QVERIFY(o[QStringLiteral("latencyMs")].toDouble() > 0);
        QVERIFY(o.contains(QStringLiteral("similarSimilarity")) && o.contains(QStringLiteral("unrelatedSimilarity")));
        QCOMPARE(m_server.requests().last().header("Authorization"), QByteArray("Bearer ") + kSecret);
        // The active embedder is untouched.
        QCOMPARE(kmsctl({QStringLiteral("embedder"), QStringLiteral("show"), QStringLiteral("--json")})
                     .json()[QStringLiteral("provider")].toString(),
                 QStringLiteral("hash"));

        // Missing settings are named; a server that is down is said in words.
        const Run missing = kmsctl({QStringLiteral("embedder"), QStringLiteral("test"), QStringLiteral("openai"),
                                    QStringLiteral("--base-url"), m_server.baseUrl(), QStringLiteral("--model"),
                                    QStringLiteral("m")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("remote.dimensions")), qPrintable(missing.err));
        const Run down = kmsctl({QStringLiteral("embedder"), QStringLiteral("test"), QStringLiteral("openai"),
                                 QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:9/v1"),
                                 QStringLiteral("--model"), QStringLiteral("m"), QStringLiteral("--dimensions"),
                                 QStringLiteral("8"), QStringLiteral("--json")});
        QCOMPARE(down.exitCode, 1);
        QVERIFY2(down.json()[QStringLiteral("error")].toString().contains(QStringLiteral("cannot reach")), qPrintable(down.out));
        // `set` tries the embedder first: a server that is down changes nothing.
        const Run refused = kmsctl({QStringLiteral("embedder"), QStringLiteral("set"), QStringLiteral("openai"),
                                    QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:9/v1"),
                                    QStringLiteral("--model"), QStringLiteral("m"), QStringLiteral("--dimensions"),
                                    QStringLiteral("8")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("nothing changed")), qPrintable(refused.err));
        QCOMPARE(kmsctl({QStringLiteral("embedder"), QStringLiteral("show"), QStringLiteral("--json")})
                     .json()[QStringLiteral("provider")].toString(),
                 QStringLiteral("hash"));
    }

    void setAPaidProviderAsksFirstThenReembeds()
    {
        const QStringList set = QStringList{QStringLiteral("embedder"), QStringLiteral("set")} + openAiOptions(QStringLiteral("0.5"));
        const Run asked = kmsctl(set + QStringList{QStringLiteral("--json")});
        QCOMPARE(asked.exitCode, 2);
        QVERIFY2(asked.err.contains(QStringLiteral("--yes")), qPrintable(asked.err));
        const QJsonObject estimate = asked.json()[QStringLiteral("estimate")].toObject();
        QCOMPARE(estimate[QStringLiteral("records")].toInt(), 30);
        QVERIFY(estimate[QStringLiteral("estimatedTokens")].toInt() > 30 * 25);
        QCOMPARE(estimate[QStringLiteral("pricePerMillionTokens")].toDouble(), 0.5);
        QCOMPARE(kmsctl({QStringLiteral("embedder"), QStringLiteral("show"), QStringLiteral("--json")})
                     .json()[QStringLiteral("provider")].toString(),
                 QStringLiteral("hash"));

        const Run done = kmsctl(set + QStringList{QStringLiteral("--yes"), QStringLiteral("--json")});
        QVERIFY2(done.exitCode == 0, qPrintable(done.err));
        const QJsonObject o = done.json();
        QVERIFY(o[QStringLiteral("reembedded")].toBool());
        QCOMPARE(o[QStringLiteral("provider")].toString(), QStringLiteral("openai"));
        QCOMPARE(o[QStringLiteral("dimension")].toInt(), kDim);
        QCOMPARE(o[QStringLiteral("vectorBacklog")].toInt(), 0);

        const QJsonObject shown = kmsctl({QStringLiteral("embedder"), QStringLiteral("show"), QStringLiteral("--json")}).json();
        const QJsonObject params = shown[QStringLiteral("parameters")].toObject();
        QCOMPARE(params[QStringLiteral("apiKeyEnv")].toString(), QStringLiteral("KMS_TEST_EMBED_KEY"));
        QCOMPARE(params[QStringLiteral("baseUrl")].toString(), m_server.baseUrl());
        QVERIFY(shown.contains(QStringLiteral("usage")));

        // A search embeds its query with the query prefix through the new embedder.
        const Run search = kmsctl({QStringLiteral("search"), QStringLiteral("Billing Portal fails"),
                                   QStringLiteral("--mode"), QStringLiteral("vector"), QStringLiteral("--json")});
        QVERIFY2(search.exitCode == 0, qPrintable(search.err));
        QCOMPARE(m_server.requests().last().inputs(), QStringList{QStringLiteral("query: Billing Portal fails")});

        // A change that keeps the vectors applies without a re-embed (and without asking).
        const Run inFlight = kmsctl({QStringLiteral("embedder"), QStringLiteral("set"), QStringLiteral("openai"),
                                     QStringLiteral("--in-flight"), QStringLiteral("4"), QStringLiteral("--json")});
        QVERIFY2(inFlight.exitCode == 0, qPrintable(inFlight.err));
        QVERIFY(!inFlight.json()[QStringLiteral("reembedded")].toBool());
        QCOMPARE(inFlight.json()[QStringLiteral("parameters")].toObject()[QStringLiteral("inFlight")].toInt(), 4);
    }

    void reembedRunsWithTheCurrentEmbedder()
    {
        const Run asked = kmsctl({QStringLiteral("reembed")});
        QCOMPARE(asked.exitCode, 2);
        QVERIFY2(asked.out.contains(QStringLiteral("30 records")), qPrintable(asked.out));
        const int before = m_server.requestCount();
        const Run r = kmsctl({QStringLiteral("reembed"), QStringLiteral("--yes"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json()[QStringLiteral("records")].toInt(), 30);
        QVERIFY(m_server.requestCount() > before);
    }

    // eval --embedder openai: the collection is embedded by the server (once, on the empty store)
    // and every mode is scored; a server that is down is refused before anything is loaded.
    void evalWithAServerEmbedder()
    {
        const auto write = [this](const char *name, const QByteArray &text) {
            QFile f(m_dir.filePath(QLatin1String(name)));
            return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
        };
        QVERIFY(write("corpus.jsonl", "{\"_id\":\"d1\",\"title\":\"Printer jams\",\"text\":\"paper jam in tray two\"}\n"
                                      "{\"_id\":\"d2\",\"title\":\"VPN drops\",\"text\":\"tunnel disconnects hourly\"}\n"
                                      "{\"_id\":\"d3\",\"title\":\"Login fails\",\"text\":\"password rejected at sign in\"}\n"));
        QVERIFY(write("queries.jsonl", "{\"_id\":\"q1\",\"text\":\"paper jam\"}\n{\"_id\":\"q2\",\"text\":\"vpn tunnel\"}\n"));
        QVERIFY(write("qrels.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\n"));
        QStringList args{QStringLiteral("eval"),    QStringLiteral("--corpus"),  m_dir.filePath(QStringLiteral("corpus.jsonl")),
                         QStringLiteral("--queries"), m_dir.filePath(QStringLiteral("queries.jsonl")),
                         QStringLiteral("--qrels"),   m_dir.filePath(QStringLiteral("qrels.tsv")),
                         QStringLiteral("--json"),    QStringLiteral("--embedder")};
        QStringList provider = openAiOptions();
        provider.removeAll(QStringLiteral("--query-prefix"));
        provider.removeAll(QStringLiteral("query: "));
        const int before = m_server.requestCount();
        const Run r = kmsctl(args + provider);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(m_server.requestCount() > before);
        const QJsonObject o = r.json();
        QVERIFY2(o[QStringLiteral("embedder")].toString().startsWith(QStringLiteral("remote-v1:openai:mock-embed@")),
                 qPrintable(r.out));
        QCOMPARE(o[QStringLiteral("documents")].toInt(), 3);
        const QJsonArray modes = o[QStringLiteral("modes")].toArray();
        QCOMPARE(modes.size(), 3);
        // Keyword search finds both judged documents first.
        QCOMPARE(modes[0].toObject()[QStringLiteral("ndcg@10")].toDouble(), 1.0);

        // The same with the server down: a clear refusal, exit 1, no scores.
        m_server.stop();
        const Run down = kmsctl(args + provider);
        QVERIFY(m_server.restart());
        QCOMPARE(down.exitCode, 1);
        QVERIFY2(down.err.contains(QStringLiteral("the embedder cannot be used")), qPrintable(down.err));
        // And an unknown provider is a usage error.
        const Run unknown = kmsctl(args + QStringList{QStringLiteral("word2vec")});
        QCOMPARE(unknown.exitCode, 2);
    }

    void theKeyIsInNoFile()
    {
        QDirIterator it(dataDir(), QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(kSecret), qPrintable(f.fileName()));
            ++files;
        }
        QVERIFY(files > 0);
    }

    // kmsctl compact on a store whose vectors an older version wrote in float32: all converted to
    // 8 bits (length 13 at 8 dimensions), the database no larger, searches still answered; a second
    // run has nothing left to convert.
    void compactConvertsOlderVectors()
    {
        auto sqlOn = [&](const char *statement) {
            sqlite3 *db = nullptr;
            qint64 value = -1;
            if (sqlite3_open(QDir(dataDir()).filePath(QStringLiteral("kms.sqlite")).toUtf8().constData(), &db)
                == SQLITE_OK) {
                sqlite3_stmt *stmt = nullptr;
                if (sqlite3_prepare_v2(db, statement, -1, &stmt, nullptr) == SQLITE_OK) {
                    const int rc = sqlite3_step(stmt);
                    value = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : rc == SQLITE_DONE ? 0 : -1;
                }
                sqlite3_finalize(stmt);
            }
            sqlite3_close(db);
            return value;
        };
        const qint64 vectors = sqlOn("SELECT count(*) FROM embeddings");
        QVERIFY(vectors >= 30);
        QCOMPARE(sqlOn("SELECT count(*) FROM embeddings WHERE length(vector) = 13"), vectors);
        QCOMPARE(sqlOn("UPDATE embeddings SET vector = zeroblob(32)"), 0); // float32, as older versions
        QCOMPARE(sqlOn("SELECT count(*) FROM embeddings WHERE length(vector) = 32"), vectors);
        // ... and a full-text index with its own copy of the text, as older versions made it.
        const qint64 records = sqlOn("SELECT count(*) FROM records");
        QCOMPARE(sqlOn("CREATE VIRTUAL TABLE old_fts USING fts5 (title, body, resolution, tags,"
                       " tokenize = \"porter unicode61 remove_diacritics 2 tokenchars '_.'\")"), 0);
        QCOMPARE(sqlOn("INSERT INTO old_fts (rowid, title, body) SELECT id, lower(title), lower(body) FROM records"), 0);
        QCOMPARE(sqlOn("DROP TABLE records_fts"), 0);
        QCOMPARE(sqlOn("ALTER TABLE old_fts RENAME TO records_fts"), 0);
        QCOMPARE(sqlOn("SELECT count(*) FROM sqlite_master WHERE name = 'records_fts_content'"), 1);

        const Run r = kmsctl({QStringLiteral("compact"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = r.json();
        QCOMPARE(o[QStringLiteral("vectors_converted")].toInteger(), vectors);
        QVERIFY(o[QStringLiteral("vacuumed")].toBool());
        QVERIFY(o[QStringLiteral("bytes_after")].toInteger() > 0);
        QVERIFY(o[QStringLiteral("bytes_after")].toInteger() <= o[QStringLiteral("bytes_before")].toInteger());
        QCOMPARE(sqlOn("SELECT count(*) FROM embeddings WHERE length(vector) = 13"), vectors);
        QCOMPARE(o[QStringLiteral("fulltext_records")].toInteger(), records);
        QCOMPARE(o[QStringLiteral("texts_compressed")].toInteger(), qint64(0)); // too few records to train on
        QCOMPARE(sqlOn("SELECT count(*) FROM sqlite_master WHERE name = 'records_fts_content'"), 0);
        QCOMPARE(sqlOn("SELECT count(*) FROM records_fts"), records);

        const Run again = kmsctl({QStringLiteral("compact"), QStringLiteral("--no-vacuum"), QStringLiteral("--json")});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(again.json()[QStringLiteral("vectors_converted")].toInteger(), qint64(0));
        QCOMPARE(again.json()[QStringLiteral("fulltext_records")].toInteger(), qint64(0));
        QVERIFY(!again.json()[QStringLiteral("vacuumed")].toBool());
        const Run search = kmsctl({QStringLiteral("search"), QStringLiteral("customer"), QStringLiteral("--mode"),
                                   QStringLiteral("keyword"), QStringLiteral("--json")});
        QVERIFY2(search.exitCode == 0, qPrintable(search.err));
        QVERIFY2(!search.json()[QStringLiteral("hits")].toArray().isEmpty(), qPrintable(search.out));
    }
};

} // namespace

QTEST_GUILESS_MAIN(TestKmsctlEmbedder)
#include "tst_kmsctl_embedder.moc"
