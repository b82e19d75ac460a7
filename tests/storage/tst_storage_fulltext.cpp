// SPDX-License-Identifier: MIT
// The full-text index without a copy of its text: a new store gets it, an older one is rebuilt to
// it in resumable batches, and records change and go without leaving a term behind.
#include "StoreTestData.h"

#include "storage/Store.h"
#include "storage/StoreConnection.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace kms;
using namespace kms::test;

namespace {

// The tests' matching form: StoreTestData writes the lower-case text.
QString lowerForm(QStringView text)
{
    return text.toString().toLower();
}

const QString kFormId = QStringLiteral("lower-1");

bool hasTable(Store &store, const char *name)
{
    const QByteArray sql = QByteArray("SELECT count(*) FROM sqlite_master WHERE name = '") + name + "'";
    return scalar(connectionOf(store), sql.constData()) == 1;
}

QString ftsCheck(Store &store)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(connectionOf(store), "INSERT INTO records_fts (records_fts) VALUES ('integrity-check')",
                                nullptr, nullptr, &message);
    const QString text = rc == SQLITE_OK ? QStringLiteral("ok") : QString::fromUtf8(message ? message : "?");
    sqlite3_free(message);
    return text;
}

BatchWrite batchOf(int from, int to, const QString &word)
{
    BatchWrite b;
    for (int i = from; i < to; ++i)
        b.records.push_back(makeWrite(Collection::Cases, QStringLiteral("C-%1").arg(i),
                                      QStringLiteral("Printer %1 %2").arg(word).arg(i), QStringLiteral("Body %1").arg(i)));
    return b;
}

} // namespace

class TestStorageFullText : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString nextPath() { return m_dir.filePath(QStringLiteral("s%1.sqlite").arg(++m_n)); }

    std::unique_ptr<Store> openWithForm(const QString &path, const QString &formId = kFormId)
    {
        QString error;
        auto store = Store::open(path, Store::Mode::ReadWrite, &error);
        if (!store)
            qWarning("%s", qPrintable(error));
        else {
            store->setMatchingForm(lowerForm, formId);
            store->setActiveEmbedder(QStringLiteral("test"));
        }
        return store;
    }

private slots:
    void emptyStoreLosesTheCopyAndChangesLeaveNoTerm()
    {
        auto store = openWithForm(nextPath());
        QVERIFY(store);
        QVERIFY(store->fullTextKeepsCopy()); // what the migrations make
        QVERIFY(!store->fullTextCurrent());
        QCOMPARE(store->rebuildFullText(100, {}, nullptr), 0);
        QVERIFY(!store->fullTextKeepsCopy());
        QVERIFY(store->fullTextCurrent());
        QVERIFY(!hasTable(*store, "records_fts_content"));
        QVERIFY(!hasTable(*store, "records_fts_next"));

        QVERIFY(store->writeBatch(batchOf(0, 5, QStringLiteral("jammed"))));
        QCOMPARE(ftsMatch(*store, "jammed").size(), 5);
        // An update replaces the record's terms; a delete removes them.
        BatchWrite update;
        update.records.push_back(makeWrite(Collection::Cases, QStringLiteral("C-1"), QStringLiteral("Scanner offline"),
                                           QStringLiteral("Body 1")));
        const auto outcome = store->writeBatch(update);
        QVERIFY2(outcome, qPrintable(store->lastError()));
        QCOMPARE(outcome->updated, 1);
        const qint64 c1 = store->record(Collection::Cases, QStringLiteral("C-1"))->id;
        const qint64 c2 = store->record(Collection::Cases, QStringLiteral("C-2"))->id;
        QVERIFY2(store->deleteRecord(c2), qPrintable(store->lastError()));
        QCOMPARE(ftsMatch(*store, "scanner"), QList<qint64>{c1});
        QCOMPARE(ftsMatch(*store, "jammed").size(), 3);
        QVERIFY(!ftsMatch(*store, "jammed").contains(c1));
        QVERIFY(!ftsMatch(*store, "jammed").contains(c2));
        QCOMPARE(ftsMatch(*store, "printer").size(), 3);
        QCOMPARE(scalar(connectionOf(*store), "SELECT count(*) FROM records_fts"), 4);
        QCOMPARE(ftsCheck(*store), QStringLiteral("ok"));
        QVERIFY(store->checkFullText(nullptr).ok);
        // The vocabulary holds no term of a removed text: nothing was left behind.
        QVERIFY(sqlite3_exec(connectionOf(*store), "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, records_fts, row)",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        QCOMPARE(scalar(connectionOf(*store), "SELECT doc FROM temp.vocab WHERE term = 'jam'"), 3); // porter stems
        QCOMPARE(scalar(connectionOf(*store), "SELECT count(*) FROM temp.vocab WHERE term = '2'"), 0);
        QCOMPARE(scalar(connectionOf(*store), "SELECT doc FROM temp.vocab WHERE term = 'bodi'"), 4);
    }

    void aStoreWithoutTheFormCannotChangeARecord()
    {
        const QString path = nextPath();
        {
            auto store = openWithForm(path);
            QVERIFY(store);
            QCOMPARE(store->rebuildFullText(100, {}, nullptr), 0);
            QVERIFY(store->writeBatch(batchOf(0, 3, QStringLiteral("jammed"))));
        }
        QString error;
        for (const QString &formId : {QString(), QStringLiteral("lower-2")}) {
            auto store = Store::open(path, Store::Mode::ReadWrite, &error);
            QVERIFY(store);
            if (!formId.isEmpty())
                store->setMatchingForm(lowerForm, formId);
            QVERIFY(!store->fullTextCurrent());
            BatchWrite update;
            update.records.push_back(makeWrite(Collection::Cases, QStringLiteral("C-1"), QStringLiteral("Scanner"),
                                               QStringLiteral("Body")));
            QVERIFY(!store->writeBatch(update));
            QVERIFY2(store->lastError().contains(formId.isEmpty() ? QStringLiteral("no matching form")
                                                                  : QStringLiteral("another term list")),
                     qPrintable(store->lastError()));
            QVERIFY(!store->deleteRecord(store->record(Collection::Cases, QStringLiteral("C-0"))->id));
            // Nothing of either was stored; new records still may come.
            QCOMPARE(store->record(Collection::Cases, QStringLiteral("C-1"))->record.title, QStringLiteral("Printer jammed 1"));
            QVERIFY(store->record(Collection::Cases, QStringLiteral("C-0")));
            QCOMPARE(ftsMatch(*store, "jammed").size(), 3);
        }
        // The same form again, in a new connection: the index is current.
        auto store = openWithForm(path);
        QVERIFY(store->fullTextCurrent());
    }

    void anOlderStoreIsRebuiltInResumableBatches()
    {
        const QString path = nextPath();
        auto store = openWithForm(path);
        QVERIFY(store);
        QVERIFY(store->fullTextKeepsCopy());
        QVERIFY(store->writeBatch(batchOf(0, 250, QStringLiteral("jammed"))));
        // Two records indexed under an older term list: their kept terms are not the form's.
        {
            sqlite3 *db = connectionOf(*store);
            QCOMPARE(sqlite3_exec(db, "UPDATE records_fts SET title = 'legacy words' WHERE rowid IN (SELECT id FROM records "
                                      "WHERE external_id IN ('C-3', 'C-200'))", nullptr, nullptr, nullptr), SQLITE_OK);
        }
        QCOMPARE(ftsMatch(*store, "legacy").size(), 2);

        // Stopped after the first batch: the old index still answers, and it holds everything.
        std::atomic<bool> cancel{false};
        QList<qint64> seen;
        auto stopAfterFirst = [&](qint64 done, qint64 total) {
            seen << done;
            QCOMPARE(total, 250);
            if (done >= 100)
                cancel = true;
        };
        QCOMPARE(store->rebuildFullText(100, stopAfterFirst, &cancel), -2);
        QCOMPARE(seen, (QList<qint64>{0, 100}));
        QVERIFY(store->fullTextKeepsCopy());
        QCOMPARE(ftsMatch(*store, "jammed").size(), 248);
        QVERIFY(hasTable(*store, "records_fts_next"));
        store.reset();

        // A new process goes on from the batch it stopped after.
        store = openWithForm(path);
        seen.clear();
        qint64 reformed = -1;
        QCOMPARE(store->rebuildFullText(100, [&](qint64 done, qint64) { seen << done; }, nullptr, &reformed), 250);
        QCOMPARE(seen, (QList<qint64>{100, 200, 250}));
        QCOMPARE(reformed, 1); // C-200; C-3 was in the batch done before the stop
        QVERIFY(store->fullTextCurrent());
        QVERIFY(!hasTable(*store, "records_fts_next"));
        QVERIFY(!hasTable(*store, "records_fts_content"));
        QVERIFY(store->meta(QStringLiteral("fts_rebuild")).isEmpty());
        // Every record under the form now: the legacy terms are gone, the records' own are back.
        QCOMPARE(ftsMatch(*store, "legacy").size(), 0);
        QCOMPARE(ftsMatch(*store, "jammed").size(), 250);
        QCOMPARE(ftsCheck(*store), QStringLiteral("ok"));
        QVERIFY(store->checkFullText(nullptr).ok);
    }

    void aChangeMeanwhileStartsTheRebuildAgain()
    {
        const QString path = nextPath();
        auto store = openWithForm(path);
        QVERIFY(store->writeBatch(batchOf(0, 250, QStringLiteral("jammed"))));
        std::atomic<bool> cancel{false};
        QCOMPARE(store->rebuildFullText(100, [&](qint64 done, qint64) { cancel = done >= 100; }, &cancel), -2);
        // A record changes in the old index after its batch was copied.
        BatchWrite update;
        update.records.push_back(makeWrite(Collection::Cases, QStringLiteral("C-0"), QStringLiteral("Scanner offline"),
                                           QStringLiteral("Body 0")));
        QVERIFY(store->writeBatch(update));
        QList<qint64> seen;
        QCOMPARE(store->rebuildFullText(100, [&](qint64 done, qint64) { seen << done; }, nullptr), 250);
        QCOMPARE(seen.first(), 0); // from the start
        const qint64 c0 = store->record(Collection::Cases, QStringLiteral("C-0"))->id;
        QCOMPARE(ftsMatch(*store, "scanner"), QList<qint64>{c0});
        QCOMPARE(ftsMatch(*store, "jammed").size(), 249);
        QCOMPARE(ftsCheck(*store), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestStorageFullText)
#include "tst_storage_fulltext.moc"
