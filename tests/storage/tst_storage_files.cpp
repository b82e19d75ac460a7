// SPDX-License-Identifier: MIT
// The store on disk: read-only connections beside the writer (WAL), broken files, the data
// directory and its lock.
#include "StoreTestData.h"
#include "storage/DataDirectory.h"
#include "storage/Store.h"
#include "storage/StoreConnection.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace kms;
using namespace kms::test;

class TestStorageFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(QStringLiteral("kms-storage-test"));
        QStandardPaths::setTestModeEnabled(true);
    }

    void readerSeesOnlyWholeBatches()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kms.sqlite"));
        QString error;
        auto writer = Store::open(path, Store::Mode::ReadWrite, &error);
        QVERIFY2(writer, qPrintable(error));
        QVERIFY(writer->setActiveEmbedder("e"));
        const qint64 jobId = writer->createJob(JobInfo{});

        constexpr int kBatches = 30, kPerBatch = 50;
        auto batchAt = [&](int b) {
            BatchWrite batch;
            batch.jobId = jobId;
            for (int i = 0; i < kPerBatch; ++i) {
                const QString id = QStringLiteral("%1-%2").arg(b).arg(i);
                batch.records.push_back(makeWrite(Collection::Cases, id, "title " + id, "body " + id));
            }
            return batch;
        };
        QVERIFY(writer->writeBatch(batchAt(0)));

        auto reader = Store::open(path, Store::Mode::ReadOnly, &error);
        QVERIFY2(reader, qPrintable(error));
        QCOMPARE(reader->counts().cases, kPerBatch);
        QVERIFY(!reader->writeBatch(batchAt(99)));
        QVERIFY(reader->lastError().contains("read-only"));

        // The reader is not blocked by an open write transaction and does not see inside it.
        QCOMPARE(sqlite3_exec(connectionOf(*writer), "BEGIN IMMEDIATE; DELETE FROM jobs WHERE id <> 1;"
                                                "UPDATE meta SET value = 'x' WHERE key = 'seq'",
                              nullptr, nullptr, nullptr), SQLITE_OK);
        QCOMPARE(reader->watermark(), 1);
        QCOMPARE(sqlite3_exec(connectionOf(*writer), "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);

        // Another thread reads while this one writes: every snapshot holds whole batches whose
        // job counters agree with the rows.
        std::atomic_bool done = false;
        std::atomic_int snapshots = 0, torn = 0;
        QString readerError;
        std::thread thread([&, r = std::move(reader)] {
            const QByteArray sql = "SELECT (SELECT count(*) FROM records), (SELECT count(*) FROM records_fts),"
                                   " (SELECT inserted FROM jobs WHERE id = " + QByteArray::number(jobId) + ")";
            sqlite3_stmt *stmt = nullptr;
            if (sqlite3_prepare_v2(connectionOf(*r), sql.constData(), -1, &stmt, nullptr) != SQLITE_OK) {
                readerError = QString::fromUtf8(sqlite3_errmsg(connectionOf(*r)));
                return;
            }
            while (!done.load()) {
                if (sqlite3_step(stmt) == SQLITE_ROW) {
                    const qint64 rows = sqlite3_column_int64(stmt, 0);
                    if (rows % kPerBatch != 0 || sqlite3_column_int64(stmt, 1) != rows
                        || sqlite3_column_int64(stmt, 2) != rows)
                        ++torn;
                    ++snapshots;
                }
                sqlite3_reset(stmt);
            }
            sqlite3_finalize(stmt);
        });
        for (int b = 1; b < kBatches; ++b)
            QVERIFY2(writer->writeBatch(batchAt(b)), qPrintable(writer->lastError()));
        done = true;
        thread.join();
        QVERIFY2(readerError.isEmpty(), qPrintable(readerError));
        QVERIFY(snapshots > 0);
        QCOMPARE(torn.load(), 0);

        auto late = Store::open(path, Store::Mode::ReadOnly, &error);
        QCOMPARE(late->counts().cases, kBatches * kPerBatch);
        QCOMPARE(late->watermark(), writer->watermark());
        QCOMPARE(late->activeEmbedder(), QStringLiteral("e"));
        int vectors = 0;
        QVERIFY(late->forEachVector(0, [&](qint64, std::span<const float>) { return ++vectors, true; }));
        QCOMPARE(vectors, kBatches * kPerBatch);
    }

    void committedDataSurvivesReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kms.sqlite"));
        {
            auto store = Store::open(path, Store::Mode::ReadWrite, nullptr);
            QVERIFY(store->setActiveEmbedder("e"));
            QVERIFY(store->writeBatch(BatchWrite{0, {makeWrite(Collection::Knowledge, "K", "kept", "text")}, {}, 0}));
        }
        auto store = Store::open(path, Store::Mode::ReadOnly, nullptr);
        QVERIFY(store);
        QCOMPARE(store->record(Collection::Knowledge, "K")->record.title, QStringLiteral("kept"));
        QCOMPARE(ftsMatch(*store, "kept").size(), 1);
    }

    // Another connection holds the write lock. Our busy handler answers "give up" at once, so
    // the store's own retry loop is what has to cope; the first time it also lets the holder
    // commit, so the retry must succeed.
    void busyWriterIsRetried()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kms.sqlite"));
        auto store = Store::open(path, Store::Mode::ReadWrite, nullptr);
        QVERIFY(store && store->setActiveEmbedder("e"));
        sqlite3 *other = nullptr;
        QCOMPARE(sqlite3_open_v2(path.toUtf8().constData(), &other, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);

        struct Holder {
            sqlite3 *db;
            bool release;
            int calls = 0;
        } holder{other, true};
        auto handler = [](void *p, int) -> int {
            auto *h = static_cast<Holder *>(p);
            if (h->calls++ == 0 && h->release)
                sqlite3_exec(h->db, "COMMIT", nullptr, nullptr, nullptr);
            return 0;
        };
        sqlite3_busy_handler(connectionOf(*store), handler, &holder);
        const auto outcome = store->writeBatch(BatchWrite{0, {makeWrite(Collection::Cases, "A", "x", "y")}, {}, 0});
        QVERIFY2(outcome, qPrintable(store->lastError()));
        QCOMPARE(holder.calls, 1);
        QCOMPARE(store->counts().cases, 1);

        // A lock that is never released: a few attempts, then a clear error and nothing stored.
        QCOMPARE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
        holder = Holder{other, false};
        QVERIFY(!store->writeBatch(BatchWrite{0, {makeWrite(Collection::Cases, "B", "x", "z")}, {}, 0}));
        QVERIFY2(store->lastError().contains("locked"), qPrintable(store->lastError()));
        QVERIFY(holder.calls > 1);
        QCOMPARE(sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(other);
        QCOMPARE(store->counts().cases, 1);
    }

    void badFilesGiveClearErrors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("expected");
        const QByteArray junk = QByteArray("this is not a database, just text\n").repeated(200);
        QTest::newRow("text, read-write") << junk << int(Store::Mode::ReadWrite) << "not a database";
        QTest::newRow("text, read-only") << junk << int(Store::Mode::ReadOnly) << "not a database";
        QByteArray header("SQLite format 3\0", 16);
        QTest::newRow("truncated header") << header + QByteArray(84, '\xff') << int(Store::Mode::ReadWrite)
                                          << "kms.sqlite";
        QTest::newRow("missing, read-only") << QByteArray() << int(Store::Mode::ReadOnly) << "unable to open";
    }
    void badFilesGiveClearErrors()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, mode);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kms.sqlite"));
        if (!content.isEmpty()) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        QString error;
        QVERIFY(!Store::open(path, Store::Mode(mode), &error));
        QVERIFY2(error.contains(expected) && error.contains(path), qPrintable(error));
    }

    void secondAcquireNamesTheHolder()
    {
        QTemporaryDir parent;
        const QString path = parent.filePath(QStringLiteral("data"));
        DataDirectory first(path);
        QString error;
        QVERIFY2(first.acquire(&error), qPrintable(error));
        QVERIFY(first.isLocked());
        QVERIFY(QDir(first.logDirectory()).exists());

        DataDirectory second(path);
        QVERIFY(!second.acquire(&error));
        QVERIFY(!second.isLocked());
        QVERIFY2(error.contains(QStringLiteral("pid %1").arg(QCoreApplication::applicationPid())), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("kms-storage-test")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("--data-dir")), qPrintable(error));

        first.release();
        QVERIFY(!first.isLocked());
        QVERIFY2(second.acquire(&error), qPrintable(error));
        QVERIFY(second.acquire(&error)); // already held: still fine
    }

    void staleLockIsTakenOver()
    {
        QTemporaryDir dir;
        // A lock left by a process that no longer exists.
        QProcess dead;
        dead.start(QStringLiteral("true"), {});
        QVERIFY(dead.waitForStarted());
        const qint64 deadPid = dead.processId();
        QVERIFY(dead.waitForFinished());
        QFile lockFile(dir.filePath(QStringLiteral("kms.lock")));
        QVERIFY(lockFile.open(QIODevice::WriteOnly));
        lockFile.write(QByteArray::number(deadPid) + "\nkms-storage-test\n"
                       + QSysInfo::machineHostName().toUtf8() + "\n");
        lockFile.close();

        DataDirectory data(dir.path());
        QString error;
        QVERIFY2(data.acquire(&error), qPrintable(error));
    }

    void resolveOrder()
    {
        const QByteArray saved = qgetenv("KMS_DATA_DIR");
        QTemporaryDir dir;
        qputenv("KMS_DATA_DIR", dir.filePath(QStringLiteral("from-env")).toUtf8());
        QCOMPARE(DataDirectory::resolve(dir.filePath(QStringLiteral("explicit"))),
                 dir.filePath(QStringLiteral("explicit")));
        QCOMPARE(DataDirectory::resolve(), dir.filePath(QStringLiteral("from-env")));
        qunsetenv("KMS_DATA_DIR");
        const QString platform = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QVERIFY(!platform.isEmpty());
        QCOMPARE(DataDirectory::resolve(), QDir::cleanPath(platform));
        if (!saved.isNull())
            qputenv("KMS_DATA_DIR", saved);
    }

    void paths()
    {
        DataDirectory d(QStringLiteral("/srv/kms"));
        QCOMPARE(d.path(), QStringLiteral("/srv/kms"));
        QCOMPARE(d.databasePath(), QStringLiteral("/srv/kms/kms.sqlite"));
        QCOMPARE(d.indexPath(), QStringLiteral("/srv/kms/vectors.kidx"));
        QCOMPARE(d.logDirectory(), QStringLiteral("/srv/kms/logs"));
        QCOMPARE(d.userTermsPath(), QStringLiteral("/srv/kms/terms.txt"));
        QVERIFY(!d.isLocked());
    }
};

QTEST_GUILESS_MAIN(TestStorageFiles)
#include "tst_storage_files.moc"
