// SPDX-License-Identifier: MIT
// The read commands beside a job another process runs: a real `kmsctl ingest` holds the data
// directory and is stopped (SIGSTOP) in the middle of its job, after committed batches; the read
// commands then open the store read-only, show what it committed, write nothing in the data
// directory, and a second writer is still refused with the holder named. Continued (SIGCONT), the
// job completes with every record.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <csignal>
#include <sys/types.h>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out, err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(out).array(); }
};

constexpr int kBigCases = 30000;

// kill(SIGSTOP) returns before the process has stopped: a write it is making may still land. This
// waits until the kernel reports the process stopped ('T' in /proc/PID/stat), at most 10 s.
// Every thread of the process, not only its main one: a writer thread inside a pwrite() finishes
// the call before it stops, after the main thread already shows 'T' (CI saw the WAL grow then).
bool threadStopped(const QString &statPath)
{
    QFile stat(statPath);
    if (!stat.open(QIODevice::ReadOnly))
        return true; // the thread has exited
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')'); // the name in parentheses may hold spaces
    return close >= 0 && close + 2 < text.size() && text.at(close + 2) == 'T';
}

bool waitUntilStopped(qint64 pid)
{
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    QDeadlineTimer deadline(10'000);
    while (!deadline.hasExpired()) {
        const QStringList threads = tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        if (threads.isEmpty())
            return false;
        bool all = true;
        for (const QString &tid : threads)
            all = all && threadStopped(tasks.filePath(tid + QStringLiteral("/stat")));
        if (all)
            return true;
        QThread::msleep(5);
    }
    return false;
}

} // namespace

class TestKmsctlReaders : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }
    static QString program() { return QStringLiteral(KMS_TEST_BINARY_DIR "/app/kmsctl/kmsctl"); }
    Run kmsctl(const QStringList &args) const
    {
        QProcess p;
        p.start(program(), QStringList{QStringLiteral("--data-dir"), dataDir()} + args);
        Run r;
        if (!p.waitForFinished(120'000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    // Every file under the data directory with its size and modification time, but the SQLite
    // shared-memory index (-shm): a WAL reader takes its read lock in that mapping, which is how
    // SQLite readers coordinate, not data written.
    QMap<QString, QString> listing() const
    {
        QMap<QString, QString> files;
        QDirIterator it(dataDir(), QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QFileInfo f(it.next());
            if (f.fileName().endsWith(QLatin1String("-shm")))
                continue;
            files.insert(f.filePath(), QStringLiteral("%1 bytes, %2").arg(f.size())
                                           .arg(f.lastModified().toMSecsSinceEpoch()));
        }
        return files;
    }

    static QSet<QString> externalIds(const QJsonObject &searchResult)
    {
        QSet<QString> ids;
        for (const QJsonValue &h : searchResult.value(QStringLiteral("hits")).toArray())
            ids.insert(h.toObject().value(QStringLiteral("external_id")).toString());
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Five records of our own, stored and indexed by a first owner that has exited (so the
        // index file exists, saved at its watermark).
        QByteArray small;
        for (int i = 1; i <= 5; ++i)
            small += QStringLiteral("{\"id\": \"R-%1\", \"title\": \"Zebraphone widget %1 hums\", \"description\": "
                                    "\"The zebraphone widget hums loudly after the firmware update %1\"}\n")
                         .arg(i).toUtf8();
        QFile f(m_dir.filePath(QStringLiteral("small.jsonl")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(small);
        f.close();
        Run r = kmsctl({QStringLiteral("ingest"), f.fileName(), QStringLiteral("--collection"), QStringLiteral("cases")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = kmsctl({QStringLiteral("generate"), QStringLiteral("--cases"), QString::number(kBigCases),
                    QStringLiteral("--articles"), QStringLiteral("0"), QStringLiteral("--seed"), QStringLiteral("5"),
                    QStringLiteral("--out"), m_dir.filePath(QStringLiteral("big.jsonl"))});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void readersBesideARunningJob()
    {
        // The writer: small batches on one worker, so that it is still running when stopped.
        QProcess writer;
        writer.start(program(), {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("ingest"),
                                 m_dir.filePath(QStringLiteral("big.jsonl")), QStringLiteral("--collection"),
                                 QStringLiteral("cases"), QStringLiteral("--events"), QStringLiteral("--workers"),
                                 QStringLiteral("1"), QStringLiteral("--batch-size"), QStringLiteral("50")});
        QVERIFY(writer.waitForStarted());
        const qint64 pid = writer.processId();
        // Its first committed batch: it holds the lock and is inside its job.
        qint64 committedBeforeStop = 0;
        QByteArray events;
        QDeadlineTimer deadline(60'000);
        while (committedBeforeStop == 0 && !deadline.hasExpired() && writer.state() == QProcess::Running) {
            writer.waitForReadyRead(200);
            events += writer.readAllStandardOutput();
            for (const QByteArray &line : events.split('\n')) {
                const QJsonObject e = QJsonDocument::fromJson(line).object();
                if (e.value(QStringLiteral("event")).toString() == u"batch")
                    committedBeforeStop = std::max<qint64>(committedBeforeStop, e.value(QStringLiteral("inserted")).toInteger());
            }
        }
        QVERIFY2(committedBeforeStop > 0, events.constData());
        QCOMPARE(::kill(pid_t(pid), SIGSTOP), 0);
        const auto resume = qScopeGuard([&] { ::kill(pid_t(pid), SIGCONT); });
        QVERIFY(waitUntilStopped(pid));
        QVERIFY2(committedBeforeStop < kBigCases, "the job ended before it could be stopped");

        const QMap<QString, QString> before = listing();
        QVERIFY(before.contains(QDir(dataDir()).filePath(QStringLiteral("vectors.kidx"))));
        const QString holder = QStringLiteral("in use by kmsctl (pid %1)").arg(pid);

        // stats: what the owner committed, and that this is a read-only view.
        Run r = kmsctl({QStringLiteral("--json"), QStringLiteral("stats")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains(holder.toUtf8()) && r.err.contains("read-only view"), r.err.constData());
        const QJsonObject stats = r.json();
        const qint64 cases = stats.value(QStringLiteral("cases")).toInteger();
        QVERIFY2(cases >= 5 + committedBeforeStop && cases < 5 + kBigCases, r.out.constData());
        QVERIFY(stats.value(QStringLiteral("read_only_beside")).toString().contains(QString::number(pid)));
        QVERIFY(!stats.contains(QStringLiteral("vector_search_unavailable")));
        // stats reads no vectors: the count is the saved file's, behind what the owner committed.
        QCOMPARE(stats.value(QStringLiteral("index_vectors_from")).toString(), QStringLiteral("file"));
        const qint64 savedVectors = stats.value(QStringLiteral("index_vectors")).toInteger();
        QVERIFY2(savedVectors >= 5 && savedVectors <= cases, r.out.constData());

        // jobs: the running job, with the counts of its committed batches.
        r = kmsctl({QStringLiteral("--json"), QStringLiteral("jobs")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject running = r.array().first().toObject();
        QCOMPARE(running.value(QStringLiteral("status")).toString(), QStringLiteral("running"));
        QCOMPARE(running.value(QStringLiteral("inserted")).toInteger() + 5, cases);

        r = kmsctl({QStringLiteral("rejects")});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        // search, every mode: the vector side from the saved index caught up in memory.
        for (const QString &mode : {QStringLiteral("keyword"), QStringLiteral("vector"), QStringLiteral("hybrid")}) {
            r = kmsctl({QStringLiteral("--json"), QStringLiteral("search"), QStringLiteral("zebraphone widget hums"),
                        QStringLiteral("--mode"), mode, QStringLiteral("-k"), QStringLiteral("5")});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            const QJsonObject result = r.json();
            QVERIFY2(!result.contains(QStringLiteral("note")), r.out.constData());
            QVERIFY2(externalIds(result).contains(QStringLiteral("R-1")), r.out.constData());
            if (mode != u"keyword")
                QVERIFY(result.value(QStringLiteral("vector_candidates")).toInt() > 0);
        }
        // A record of the running job, found by a vector search: the catch-up read its batches.
        r = kmsctl({QStringLiteral("--json"), QStringLiteral("similar"), QStringLiteral("R-2"), QStringLiteral("-k"),
                    QStringLiteral("50")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(externalIds(r.json()).contains(QStringLiteral("R-1")), r.out.constData());

        r = kmsctl({QStringLiteral("--json"), QStringLiteral("health"), QStringLiteral("--detailed")});
        QVERIFY2(r.exitCode == 0 || r.exitCode == 5, r.err.constData()); // a full test disk may be degraded
        const QJsonObject health = r.json();
        QVERIFY(health.value(QStringLiteral("read_only_beside")).toString().contains(QString::number(pid)));
        const QJsonObject index = health.value(QStringLiteral("components")).toObject()
                                      .value(QStringLiteral("vector_index")).toObject();
        QCOMPARE(index.value(QStringLiteral("status")).toString(), QStringLiteral("healthy"));
        QVERIFY2(index.value(QStringLiteral("load")).toString().contains(QStringLiteral("caught up in memory")),
                 r.out.constData());
        QCOMPARE(health.value(QStringLiteral("components")).toObject().value(QStringLiteral("database")).toObject()
                     .value(QStringLiteral("quick_check")).toString(), QStringLiteral("ok"));

        const QString exported = m_dir.filePath(QStringLiteral("export.jsonl"));
        r = kmsctl({QStringLiteral("--json"), QStringLiteral("export"), exported});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("records")).toInteger(), cases);
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('\n'), cases);

        r = kmsctl({QStringLiteral("search-log")});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        // A second writer is refused, the holder named; so is a writing command.
        r = kmsctl({QStringLiteral("ingest"), m_dir.filePath(QStringLiteral("small.jsonl"))});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(holder.toUtf8()), r.err.constData());
        // (kmsctl token is the one writer that shares a held store on purpose: the API's tokens.)
        r = kmsctl({QStringLiteral("train-lsa")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(holder.toUtf8()), r.err.constData());

        // Without a usable index file the readers search by keyword and say so.
        const QString indexFile = QDir(dataDir()).filePath(QStringLiteral("vectors.kidx"));
        const QString aside = m_dir.filePath(QStringLiteral("vectors.kidx.aside"));
        QVERIFY(QFile::rename(indexFile, aside));
        r = kmsctl({QStringLiteral("--json"), QStringLiteral("search"), QStringLiteral("zebraphone widget hums")});
        QVERIFY(QFile::rename(aside, indexFile));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.json().value(QStringLiteral("note")).toString().contains(QStringLiteral("keyword results only")),
                 r.out.constData());
        QVERIFY2(externalIds(r.json()).contains(QStringLiteral("R-1")), r.out.constData());
        QCOMPARE(r.json().value(QStringLiteral("vector_candidates")).toInt(), 0);
        QVERIFY(QFile::rename(indexFile, aside));
        r = kmsctl({QStringLiteral("search"), QStringLiteral("zebraphone")});
        const Run statsWithout = kmsctl({QStringLiteral("--json"), QStringLiteral("stats")});
        const Run healthWithout = kmsctl({QStringLiteral("--json"), QStringLiteral("health")});
        QVERIFY(QFile::rename(aside, indexFile));
        QVERIFY2(r.exitCode == 0 && r.out.contains("note: vector search is off"), r.out.constData());
        // stats reads only the file's header, so without a file it counts no vectors.
        QCOMPARE(statsWithout.json().value(QStringLiteral("index_vectors")).toInteger(), 0);
        QCOMPARE(statsWithout.json().value(QStringLiteral("index_vectors_from")).toString(), QStringLiteral("file"));
        QCOMPARE(healthWithout.json().value(QStringLiteral("components")).toObject()
                     .value(QStringLiteral("vector_index")).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("degraded"));

        // Nothing in the data directory changed: no log, temp, index or database write.
        QCOMPARE(listing(), before);

        // The job goes on and completes with every record.
        QCOMPARE(::kill(pid_t(pid), SIGCONT), 0);
        QVERIFY(writer.waitForFinished(300'000));
        QCOMPARE(writer.exitStatus(), QProcess::NormalExit);
        QVERIFY2(writer.exitCode() == 0, writer.readAllStandardError().constData());
        QJsonObject result;
        for (const QByteArray &line : (events + writer.readAllStandardOutput()).split('\n')) {
            const QJsonObject e = QJsonDocument::fromJson(line).object();
            if (e.value(QStringLiteral("event")).toString() == u"result")
                result = e;
        }
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(result.value(QStringLiteral("inserted")).toInteger(), kBigCases);
        QCOMPARE(result.value(QStringLiteral("total_records")).toInteger(), kBigCases + 5);

        // Owned again by nobody: stats opens it as its owner, no note.
        r = kmsctl({QStringLiteral("--json"), QStringLiteral("stats")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(!r.err.contains("read-only"), r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("cases")).toInteger(), kBigCases + 5);
        QCOMPARE(r.json().value(QStringLiteral("index_vectors")).toInteger(), kBigCases + 5);
    }

};

QTEST_GUILESS_MAIN(TestKmsctlReaders)
#include "tst_kmsctl_readers.moc"
