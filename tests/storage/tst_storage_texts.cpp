// SPDX-License-Identifier: MIT
// Compressed record texts: a collection's first large batch trains a zstd dictionary, its long
// texts are stored compressed from then on, and every reader gets the text back: records,
// full-text changes, other connections, the browser's extra-field keys. Damage is an error.
#include "StoreTestData.h"

#include "storage/SearchQueries.h"
#include "storage/Store.h"
#include "storage/StoreConnection.h"
#include "storage/TextCodec.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace kms;
using namespace kms::test;

namespace {

// Support-like texts: shared phrasing, varying products, versions, numbers and names, and some
// text outside ASCII, so a dictionary has something to learn and something it cannot know.
struct TicketText {
    QString title, body, resolution;
    QJsonObject extra;
};

TicketText ticket(QRandomGenerator &rng, int i)
{
    static const QStringList products = {QStringLiteral("Mail Gateway"), QStringLiteral("VPN Client"),
                                         QStringLiteral("Billing Portal"), QStringLiteral("Print Server")};
    static const QStringList actions = {QStringLiteral("opening a report"), QStringLiteral("printing an invoice"),
                                        QStringLiteral("syncing the calendar"), QStringLiteral("logging in")};
    static const QStringList names = {QStringLiteral("Zoë Müller"), QStringLiteral("李 伟"), QStringLiteral("B. Okafor"),
                                      QStringLiteral("Ana Lúcia")};
    const QString product = products[rng.bounded(products.size())];
    const QString version = QStringLiteral("v%1.%2.%3").arg(rng.bounded(12)).arg(rng.bounded(10)).arg(rng.bounded(10));
    TicketText t;
    t.title = QStringLiteral("%1 crashes when %2 (%3)").arg(product, actions[rng.bounded(actions.size())]).arg(i);
    t.body = QStringLiteral("%1 %2 is not working for us: the client crashes when %3. About %4 people are affected. "
                            "We run it on Windows 11 with PostgreSQL 14. Things we tried so far: reinstalled the "
                            "client, tried another profile, checked the firewall rules. Reported by %5, ticket %6.")
                 .arg(product, version, actions[rng.bounded(actions.size())])
                 .arg(rng.bounded(500))
                 .arg(names[rng.bounded(names.size())])
                 .arg(rng.generate());
    t.resolution = QStringLiteral("Upgrade %1 past %2 and clear the cache in %3; confirmed fixed by the customer.")
                       .arg(product, version)
                       .arg(rng.bounded(90));
    t.extra = {{QStringLiteral("component"), product},
               {QStringLiteral("assignee"), names[rng.bounded(names.size())]},
               {QStringLiteral("views"), int(rng.bounded(10000))}};
    return t;
}

RecordWrite writeOf(Collection c, int i, const TicketText &t)
{
    RecordWrite w = makeWrite(c, QStringLiteral("T-%1").arg(i), t.title, t.body);
    w.record.resolution = t.resolution;
    w.record.extra = t.extra;
    w.resolutionText = t.resolution.toLower();
    return w;
}

BatchWrite batchOf(Collection c, int from, int to, QList<TicketText> *texts = nullptr)
{
    QRandomGenerator rng(quint32(from * 7919 + to));
    BatchWrite b;
    for (int i = from; i < to; ++i) {
        const TicketText t = ticket(rng, i);
        if (texts)
            texts->append(t);
        b.records.push_back(writeOf(c, i, t));
    }
    return b;
}

qint64 count(Store &store, const char *sql)
{
    return scalar(connectionOf(store), sql);
}

} // namespace

class TestStorageTexts : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString nextPath() { return m_dir.filePath(QStringLiteral("t%1.sqlite").arg(++m_n)); }

    std::unique_ptr<Store> open(const QString &path, Store::Mode mode = Store::Mode::ReadWrite)
    {
        QString error;
        auto store = Store::open(path, mode, &error);
        if (!store)
            qWarning("%s", qPrintable(error));
        else if (mode == Store::Mode::ReadWrite)
            store->setActiveEmbedder(QStringLiteral("test"));
        return store;
    }

    static void compareTexts(const std::optional<StoredRecord> &r, const TicketText &t)
    {
        QVERIFY(r);
        QCOMPARE(r->record.title, t.title);
        QCOMPARE(r->record.body, t.body);
        QCOMPARE(r->record.resolution, t.resolution);
        QCOMPARE(r->record.extra, t.extra);
    }

private slots:
    void codecRoundTripsAndRefusesDamage()
    {
        QRandomGenerator rng(11);
        std::vector<QByteArray> samples;
        for (int i = 0; i < 400; ++i) {
            const TicketText t = ticket(rng, i);
            samples.push_back(t.body.toUtf8());
            samples.push_back(t.resolution.toUtf8());
        }
        QString error;
        QVERIFY(TextCodec::train({samples.begin(), samples.begin() + 20}, &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("too few")));
        const QByteArray dictionary = TextCodec::train(samples, &error);
        QVERIFY2(!dictionary.isEmpty(), qPrintable(error));

        TextCodec codec;
        QVERIFY(!codec.compresses(0));
        QVERIFY(codec.pack(0, samples[0]).isEmpty()); // no dictionary: stored as text
        QVERIFY(codec.addDictionary(5, 0, dictionary, &error));
        QVERIFY(codec.compresses(0));
        QVERIFY(!codec.compresses(1));
        QVERIFY(codec.pack(0, "short").isEmpty());

        const TicketText fresh = ticket(rng, 1000);
        const QByteArray text = (fresh.body + QStringLiteral(" 🖨️ naïve")).toUtf8();
        const QByteArray packed = codec.pack(0, text);
        QVERIFY(!packed.isEmpty());
        QVERIFY2(packed.size() * 2 < text.size(), qPrintable(QString::number(packed.size())));
        QByteArray back;
        QVERIFY2(codec.unpack(packed, &back, &error, {}), qPrintable(error));
        QCOMPARE(back, text);

        // Another codec (another connection) learns the dictionary from its loader.
        TextCodec reader;
        int asked = 0;
        const auto load = [&](qint64 id) {
            ++asked;
            return id == 5 ? dictionary : QByteArray();
        };
        QVERIFY(reader.unpack(packed, &back, &error, load));
        QVERIFY(reader.unpack(packed, &back, &error, load));
        QCOMPARE(asked, 1);
        QCOMPARE(back, text);
        QVERIFY(!TextCodec().unpack(packed, &back, &error, [](qint64) { return QByteArray(); }));
        QVERIFY(error.contains(QLatin1String("dictionary 5 is missing")));

        QByteArray damaged = packed;
        damaged[damaged.size() / 2] = char(damaged[damaged.size() / 2] ^ 0x5a);
        damaged[damaged.size() - 1] = char(damaged[damaged.size() - 1] ^ 0xff);
        QVERIFY(!reader.unpack(damaged, &back, &error, load) || back != text);
        QVERIFY(!reader.unpack(packed.left(packed.size() - 3), &back, &error, load));
        QVERIFY(error.contains(QLatin1String("damaged")));
        QVERIFY(!reader.unpack(QByteArray("\x07\x05xyz"), &back, &error, load));
        QVERIFY(error.contains(QLatin1String("unknown format")));
        QVERIFY(!reader.unpack(QByteArray("\x01\x05"), &back, &error, load));
    }

    void largeBatchTrainsAndEveryReaderGetsTheText()
    {
        const QString path = nextPath();
        auto store = open(path);
        QVERIFY(store);
        QList<TicketText> texts;
        // A small batch first: too little to train on, kept as text.
        QVERIFY(store->writeBatch(batchOf(Collection::Cases, 0, 20, &texts), {}));
        QCOMPARE(count(*store, "SELECT count(*) FROM text_dictionaries"), 0);
        QVERIFY(store->writeBatch(batchOf(Collection::Cases, 20, 420, &texts), {}));
        QVERIFY(store->writeBatch(batchOf(Collection::Knowledge, 0, 30), {}));
        QCOMPARE(count(*store, "SELECT count(*) FROM text_dictionaries"), 1);
        QCOMPARE(count(*store, "SELECT collection FROM text_dictionaries"), 0);
        QCOMPARE(count(*store, "SELECT count(*) FROM records WHERE typeof(body) = 'blob'"), 400);
        QCOMPARE(count(*store, "SELECT count(*) FROM records WHERE typeof(resolution) = 'blob'"), 400);
        QCOMPARE(count(*store, "SELECT count(*) FROM records WHERE typeof(extra) = 'blob'"), 400);
        QCOMPARE(count(*store, "SELECT count(*) FROM records WHERE typeof(body) = 'text'"), 50);
        const qint64 stored = count(*store, "SELECT sum(length(body)) FROM records WHERE typeof(body) = 'blob'");
        const qint64 plain = count(*store, "SELECT sum(length(kms_text(body))) FROM records WHERE typeof(body) = 'blob'");
        QVERIFY2(stored * 2 < plain, qPrintable(QStringLiteral("%1 of %2 bytes").arg(stored).arg(plain)));

        for (int i : {0, 19, 20, 200, 419})
            compareTexts(store->record(Collection::Cases, QStringLiteral("T-%1").arg(i)), texts[i]);

        // A change of a compressed record: its old terms leave the full-text index (read back
        // from the compressed row), the new ones arrive.
        BatchWrite change;
        TicketText t = texts[300];
        t.body = QStringLiteral("Completely reworded: the quokka module stalls during startup on %1.").arg(t.body);
        change.records.push_back(writeOf(Collection::Cases, 300, t));
        change.records.back().contentHash ^= 1;
        const qint64 id = store->record(Collection::Cases, QStringLiteral("T-300"))->id;
        QCOMPARE(ftsMatch(*store, "quokka"), QList<qint64>{});
        QVERIFY(store->writeBatch(change, {}));
        QCOMPARE(ftsMatch(*store, "quokka"), QList<qint64>{id});
        compareTexts(store->record(id), t);
        QCOMPARE(count(*store, "SELECT count(*) FROM records WHERE typeof(body) = 'blob'"), 400);

        // The browser's extra-field keys come out of the compressed JSON.
        BrowseQuery q;
        q.collection = Collection::Cases;
        const QStringList keys = store->browseExtraKeys(q, {});
        QCOMPARE(keys, (QStringList{QStringLiteral("assignee"), QStringLiteral("component"), QStringLiteral("views")}));
        qint64 records = 0, characters = 0;
        QVERIFY(store->textVolume(&records, &characters));
        QVERIFY(characters > plain);

        // Another connection, and the store reopened, read the same texts.
        auto reader = open(path, Store::Mode::ReadOnly);
        QVERIFY(reader);
        compareTexts(reader->record(Collection::Cases, QStringLiteral("T-200")), texts[200]);
        store.reset();
        store = open(path);
        QVERIFY(store);
        compareTexts(store->record(Collection::Cases, QStringLiteral("T-401")), texts[401]);
        // New values keep using the stored dictionary after a reopen (no second one trained).
        QVERIFY(store->writeBatch(batchOf(Collection::Cases, 500, 900), {}));
        QCOMPARE(count(*store, "SELECT count(*) FROM text_dictionaries"), 1);
        QCOMPARE(count(*store, "SELECT count(*) FROM records WHERE typeof(body) = 'blob'"), 800);
        const StoreCheck check = store->checkIntegrity(nullptr);
        QVERIFY2(check.ok, qPrintable(check.message));
    }

    void damageIsAnErrorThatSaysWhat()
    {
        auto store = open(nextPath());
        QVERIFY(store);
        QVERIFY(store->writeBatch(batchOf(Collection::Cases, 0, 300), {}));
        sqlite3 *db = connectionOf(*store);
        QCOMPARE(sqlite3_exec(db, "UPDATE records SET body = x'0101ffffffff' WHERE external_id = 'T-5'", nullptr,
                              nullptr, nullptr), SQLITE_OK);
        QVERIFY(!store->record(Collection::Cases, QStringLiteral("T-5")));
        QVERIFY2(store->lastError().contains(QLatin1String("T-5"))
                     && store->lastError().contains(QLatin1String("stored text")),
                 qPrintable(store->lastError()));
        QVERIFY(store->record(Collection::Cases, QStringLiteral("T-6")));
        // The integrity check decodes every compressed text and names the damaged one; a search
        // hit list keeps the record, without its text.
        const StoreCheck check = store->checkIntegrity(nullptr);
        QVERIFY(!check.ok);
        QVERIFY2(check.message.startsWith(QLatin1String("1 record has a stored text that cannot be read: 'T-5' (body: "
                                                        "stored text is damaged")),
                 qPrintable(check.message));
        const qint64 id5 = scalar(db, "SELECT id FROM records WHERE external_id = 'T-5'");
        const qint64 id6 = scalar(db, "SELECT id FROM records WHERE external_id = 'T-6'");
        const QList<HitRow> hits = SearchQueries(*store).hitRows({id5, id6});
        QCOMPARE(hits.size(), 2);
        for (const HitRow &h : hits) {
            QCOMPARE(h.body.isEmpty(), h.id == id5);
            QVERIFY(!h.resolution.isEmpty());
        }
        const QList<IndexedText> texts = SearchQueries(*store).indexedTexts({id5, id6});
        QCOMPARE(texts.size(), 2);
        for (const IndexedText &t : texts)
            QCOMPARE(t.body.isEmpty(), t.id == id5);

        // A store whose dictionary row is gone says which one, in a fresh connection.
        QCOMPARE(sqlite3_exec(db, "DELETE FROM text_dictionaries", nullptr, nullptr, nullptr), SQLITE_OK);
        auto reader = open(store->path(), Store::Mode::ReadOnly);
        QVERIFY(reader);
        QVERIFY(!reader->record(Collection::Cases, QStringLiteral("T-6")));
        QVERIFY2(reader->lastError().contains(QLatin1String("text dictionary 1 is missing")),
                 qPrintable(reader->lastError()));
        const StoreCheck missing = reader->checkIntegrity(nullptr);
        QVERIFY2(missing.message.startsWith(QLatin1String("300 records have a stored text that cannot be read: 'T-0' "
                                                          "(body: text dictionary 1 is missing)"))
                     && missing.message.endsWith(QLatin1String(", ...")),
                 qPrintable(missing.message));
    }

    // A store whose texts were written plain (by an earlier version, or in batches too small to
    // train on) is compressed by compactTexts in resumable batches.
    void compactCompressesPlainTexts()
    {
        auto store = open(nextPath());
        QVERIFY(store);
        QList<TicketText> texts;
        for (int from = 0; from < 400; from += 20)
            QVERIFY(store->writeBatch(batchOf(Collection::Cases, from, from + 20, &texts), {}));
        QVERIFY(store->writeBatch(batchOf(Collection::Knowledge, 0, 10), {}));
        QCOMPARE(count(*store, "SELECT count(*) FROM text_dictionaries"), 0);
        QCOMPARE(count(*store, "SELECT count(*) FROM records WHERE typeof(body) = 'blob'"), 0);
        const qint64 before = count(*store, "SELECT sum(length(body) + length(resolution) + length(extra)) FROM records");

        // Stopped after its first batch: what it did stays done.
        std::atomic<bool> cancel = false;
        QList<std::pair<qint64, qint64>> steps;
        auto stopping = [&](qint64 done, qint64 total) {
            steps.append({done, total});
            cancel = done > 0;
        };
        QCOMPARE(store->compactTexts(150, stopping, &cancel), qint64(-2));
        QCOMPARE(steps, (QList<std::pair<qint64, qint64>>{{0, 400}, {150, 400}}));
        QCOMPARE(count(*store, "SELECT count(*) FROM records WHERE typeof(body) = 'blob'"), 150);
        QCOMPARE(count(*store, "SELECT count(*) FROM text_dictionaries"), 1); // cases only: 10 articles are too few

        steps.clear();
        cancel = false;
        QCOMPARE(store->compactTexts(150, [&](qint64 done, qint64 total) { steps.append({done, total}); }, &cancel),
                 qint64(250));
        QCOMPARE(steps, (QList<std::pair<qint64, qint64>>{{0, 250}, {150, 250}, {250, 250}}));
        QCOMPARE(count(*store, "SELECT count(*) FROM records WHERE typeof(body) = 'blob'"), 400);
        QCOMPARE(count(*store, "SELECT count(*) FROM records WHERE typeof(extra) = 'blob'"), 400);
        const qint64 after = count(*store, "SELECT sum(length(body) + length(resolution) + length(extra)) FROM records");
        QVERIFY2(after * 2 < before, qPrintable(QStringLiteral("%1 -> %2 bytes").arg(before).arg(after)));
        for (int i : {0, 149, 150, 399})
            compareTexts(store->record(Collection::Cases, QStringLiteral("T-%1").arg(i)), texts[i]);
        QCOMPARE(ftsMatch(*store, "reinstalled").size(), 410);

        // Nothing left: the next run counts no rows (the articles stay plain without a dictionary).
        QCOMPARE(store->compactTexts(150, {}, nullptr), qint64(0));
        // New records of the collection use the trained dictionary.
        QVERIFY(store->writeBatch(batchOf(Collection::Cases, 400, 405), {}));
        QCOMPARE(count(*store, "SELECT count(*) FROM records WHERE typeof(body) = 'blob'"), 405);
    }

    void failedBatchDoesNotKeepItsDictionary()
    {
        auto store = open(nextPath());
        QVERIFY(store);
        BatchWrite failing = batchOf(Collection::Cases, 0, 300);
        failing.jobId = 4242; // no such job: the batch fails after its dictionary was stored
        QVERIFY(!store->writeBatch(failing, {}));
        QCOMPARE(count(*store, "SELECT count(*) FROM text_dictionaries"), 0);
        QCOMPARE(count(*store, "SELECT count(*) FROM records"), 0);
        // Had the codec kept the rolled-back dictionary, these would name one that does not exist.
        QList<TicketText> texts;
        QVERIFY(store->writeBatch(batchOf(Collection::Cases, 0, 10, &texts), {}));
        QCOMPARE(count(*store, "SELECT count(*) FROM records WHERE typeof(body) = 'blob'"), 0);
        compareTexts(store->record(Collection::Cases, QStringLiteral("T-3")), texts[3]);
        QVERIFY(store->writeBatch(batchOf(Collection::Cases, 10, 310), {}));
        QCOMPARE(count(*store, "SELECT count(*) FROM text_dictionaries"), 1);
        QCOMPARE(count(*store, "SELECT count(*) FROM records WHERE typeof(body) = 'blob'"), 300);
    }
};

QTEST_GUILESS_MAIN(TestStorageTexts)
#include "tst_storage_texts.moc"
