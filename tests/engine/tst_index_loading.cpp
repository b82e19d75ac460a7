// SPDX-License-Identifier: MIT
// When the vector index is read (Engine::Options::IndexLoading): verbs that need no vectors never
// touch the index file, the first one that does loads it, and a background load leaves the store
// usable at once with vector search answering keyword-only, saying why, until the index is ready.
#include "../TestData.h"
#include "../TestEngine.h"

#include "engine/Engine.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace kms;

namespace {

constexpr int kCases = 200;

std::unique_ptr<Engine> openWith(const QString &dir, Engine::Options::IndexLoading loading, QString *error)
{
    Engine::Options o;
    o.dataDirectory = dir;
    o.logToFile = false;
    o.indexLoading = loading;
    return Engine::open(o, error);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A FIFO in place of the index file: whoever opens it for reading waits until the test writes.
// Fed on destruction at the latest, so a failed check never leaves the loader waiting forever.
struct IndexFifo {
    QString path;
    bool fed = false;
    void feed(const QByteArray &bytes)
    {
        if (fed)
            return;
        fed = true;
        const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY); // waits for the reader
        if (fd >= 0) {
            [[maybe_unused]] const ssize_t n = ::write(fd, bytes.constData(), size_t(bytes.size()));
            ::close(fd);
        }
    }
    ~IndexFifo()
    {
        if (fed)
            return;
        // Only when a reader waits (otherwise ENXIO): then it gets end-of-file at once.
        const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_NONBLOCK);
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

class TestIndexLoading : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    int m_store = 0;

    // A fresh store of kCases cases with its saved index; returns its data directory.
    QString makeStore()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("store%1").arg(++m_store));
        const QString file = m_tmp.filePath(QStringLiteral("cases%1.jsonl").arg(m_store));
        if (!testdata::writeCases(file, 0, kCases))
            return {};
        auto engine = testdata::openTestEngine(dir);
        if (!engine)
            return {};
        IngestOptions o;
        o.files = {file};
        if (engine->runJob(o).counts.inserted != kCases)
            return {};
        return dir; // the engine saves the index as it closes
    }

    static SearchQuery hybrid(const QString &text)
    {
        SearchQuery q;
        q.text = text;
        q.mode = SearchMode::Hybrid;
        q.k = 5;
        return q;
    }

private slots:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void commandsWithoutVectorsNeverReadTheIndexFile()
    {
        const QString dir = makeStore();
        QVERIFY(!dir.isEmpty());
        QString indexPath;
        {
            auto engine = testdata::openTestEngine(dir);
            QVERIFY(engine);
            indexPath = engine->status().indexPath;
        }
        // A sound header over a damaged payload: any load finds the damage, rebuilds and rewrites
        // the file, so an untouched file proves nothing loaded it.
        QByteArray bytes = readAll(indexPath);
        QVERIFY(bytes.size() > 4096);
        for (qsizetype i = bytes.size() - 64; i < bytes.size(); ++i)
            bytes[i] = char(~bytes[i]);
        QVERIFY(testdata::writeText(indexPath, bytes));

        QString error;
        auto engine = openWith(dir, Engine::Options::IndexLoading::OnFirstUse, &error);
        QVERIFY2(engine, qPrintable(error));
        // What `kmsctl stats`, `jobs` and `rejects` ask.
        QCOMPARE(engine->counts().total(), qint64(kCases));
        const QList<JobInfo> jobs = engine->jobs(10);
        QCOMPARE(jobs.size(), 1);
        QVERIFY(engine->rejects(jobs.first().id).isEmpty());
        QCOMPARE(engine->vectorBacklog(), qint64(0));
        const EngineStatus status = engine->status();
        QCOMPARE(status.indexState, EngineStatus::IndexState::NotLoaded);
        QCOMPARE(status.indexVectors, qint64(kCases)); // from the file's header alone
        SearchQuery keyword = hybrid(QStringLiteral("gateway"));
        keyword.mode = SearchMode::Keyword;
        const SearchResult byKeyword = engine->search(keyword);
        QVERIFY(byKeyword.error.isEmpty());
        QVERIFY(!byKeyword.hits.isEmpty());
        QVERIFY(engine->indexOpenReport().message.isEmpty());
        QCOMPARE(readAll(indexPath), bytes);

        // The first hybrid search loads it, finds the damage and rebuilds: nothing keyword-only.
        const SearchResult r = engine->search(hybrid(QStringLiteral("gateway upgrade")));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY2(r.note.isEmpty(), qPrintable(r.note));
        QVERIFY(r.vectorCandidates > 0);
        QCOMPARE(engine->indexOpenReport().action, IndexOpenReport::Action::Rebuilt);
        QCOMPARE(engine->status().indexState, EngineStatus::IndexState::Ready);
        QCOMPARE(engine->status().indexVectors, qint64(kCases));
        QVERIFY(readAll(indexPath) != bytes);
    }

    void aBackgroundLoadLeavesTheStoreUsableAndSaysSo()
    {
        const QString dir = makeStore();
        QVERIFY(!dir.isEmpty());
        const QString indexPath = dir + QStringLiteral("/vectors.kidx");
        QVERIFY(QFile::exists(indexPath));
        QVERIFY(QFile::remove(indexPath));
        QCOMPARE(::mkfifo(QFile::encodeName(indexPath).constData(), 0600), 0);

        QString error;
        auto engine = openWith(dir, Engine::Options::IndexLoading::InBackground, &error);
        QVERIFY2(engine, qPrintable(error));
        IndexFifo fifo{indexPath};
        // The loader now waits on the FIFO: the index is loading for as long as the test likes.
        QVERIFY(engine->isIndexLoading());
        QCOMPARE(engine->counts().total(), qint64(kCases));
        const SearchResult r = engine->search(hybrid(QStringLiteral("gateway upgrade")));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY2(r.note.contains(QStringLiteral("still loading")), qPrintable(r.note));
        QVERIFY2(r.note.contains(QStringLiteral("keyword results only")), qPrintable(r.note));
        QVERIFY(!r.hits.isEmpty());
        QCOMPARE(r.vectorCandidates, 0);
        const SearchResult similar = engine->similar(r.hits.first().id, 5);
        QVERIFY2(similar.error.contains(QStringLiteral("still loading")), qPrintable(similar.error));
        const QJsonObject health = engine->health(false);
        const QJsonObject index = health.value(QStringLiteral("components")).toObject()
                                      .value(QStringLiteral("vector_index")).toObject();
        QCOMPARE(index.value(QStringLiteral("status")).toString(), QStringLiteral("degraded"));
        QVERIFY2(QJsonDocument(index).toJson().contains("still loading"), QJsonDocument(index).toJson().constData());
        QVERIFY(engine->isIndexLoading());

        // Not an index: the loader refuses it, rebuilds from the store and saves a real file.
        fifo.feed(QByteArrayLiteral("not an index at all"));
        engine->waitForIndex();
        QVERIFY(!engine->isIndexLoading());
        QCOMPARE(engine->indexOpenReport().action, IndexOpenReport::Action::Rebuilt);
        const SearchResult full = engine->search(hybrid(QStringLiteral("gateway upgrade")));
        QVERIFY2(full.note.isEmpty(), qPrintable(full.note));
        QVERIFY(full.vectorCandidates > 0);
        QCOMPARE(engine->status().indexState, EngineStatus::IndexState::Ready);
        QCOMPARE(engine->status().indexVectors, qint64(kCases));
        QVERIFY(QFileInfo(indexPath).isFile());
    }

    void closingDuringABackgroundLoadKeepsTheFile()
    {
        const QString dir = makeStore();
        QVERIFY(!dir.isEmpty());
        const QString indexPath = dir + QStringLiteral("/vectors.kidx");
        QVERIFY(QFile::remove(indexPath));
        QCOMPARE(::mkfifo(QFile::encodeName(indexPath).constData(), 0600), 0);
        {
            QString error;
            auto engine = openWith(dir, Engine::Options::IndexLoading::InBackground, &error);
            QVERIFY2(engine, qPrintable(error));
            IndexFifo fifo{indexPath};
            QVERIFY(engine->isIndexLoading());
            fifo.feed({}); // end of file: the loader finds an empty file and rebuilds
            // The engine closes while it may still rebuild: it stops at a batch, saves nothing
            // partial, and the next open loads or rebuilds as usual.
        }
        // Stopped before its save, the FIFO is still there: no reader would ever get an answer.
        if (!QFileInfo(indexPath).isFile())
            QVERIFY(QFile::remove(indexPath));
        QString error;
        auto engine = openWith(dir, Engine::Options::IndexLoading::AtOpen, &error);
        QVERIFY2(engine, qPrintable(error));
        QCOMPARE(engine->status().indexVectors, qint64(kCases));
        QVERIFY(engine->search(hybrid(QStringLiteral("gateway upgrade"))).note.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestIndexLoading)
#include "tst_index_loading.moc"
