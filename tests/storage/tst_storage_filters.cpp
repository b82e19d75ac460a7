// SPDX-License-Identifier: MIT
// Search filters in SQL: with the browse indexes in place the values asked for are matched against
// the stored spellings first and the index answers; without them (a load defers them) every record
// is folded. Both must keep exactly the records whose value folds to one asked for, in any case,
// with letters beyond ASCII, in either collection; and the indexed form must really use an index.
#include "StoreTestData.h"

#include "storage/FilterSql.h"
#include "storage/SearchQueries.h"
#include "storage/Store.h"
#include "storage/StoreConnection.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <algorithm>

using namespace kms;
using namespace kms::test;

namespace {

// Spellings that differ in ASCII case, in case beyond ASCII, by a letter, and by a space.
const QStringList kStatuses = {"open", "Open", "OPEN", "Öffentlich", "ÖFFENTLICH", "öffentlich", "closed", {}, " open"};
const QStringList kPriorities = {"high", "High", "HIGH", "urgent", "Urgent", "Hoch", "HOCH", {}, "low", "Critical"};
const QStringList kProducts = {"Orbit CRM", "orbit crm", "ORBIT CRM", "Ärzte-Portal", "ÄRZTE-PORTAL", "ärzte-portal",
                               "Arzte-Portal", {}};
const QStringList kCategories = {"Geräte", "GERÄTE", "geräte", "Netz", {}, "Straße", "STRASSE"};
constexpr int kRecords = 420;

struct Stored {
    qint64 id = 0;
    Collection collection = Collection::Cases;
    QString status, priority, product, category;
};

bool folds(const QString &stored, const QStringList &wanted)
{
    if (stored.isNull())
        return false;
    return std::any_of(wanted.cbegin(), wanted.cend(),
                       [&](const QString &w) { return w.trimmed().toCaseFolded() == stored.toCaseFolded(); });
}

// The records the filters keep, worked out here without SQL.
QList<qint64> expected(const QList<Stored> &rows, const SearchFilters &f)
{
    QList<qint64> ids;
    for (const Stored &r : rows) {
        if (f.collection && *f.collection != r.collection)
            continue;
        if ((!f.statuses.isEmpty() && !folds(r.status, f.statuses))
            || (!f.priorities.isEmpty() && !folds(r.priority, f.priorities))
            || (!f.products.isEmpty() && !folds(r.product, f.products))
            || (!f.categories.isEmpty() && !folds(r.category, f.categories)))
            continue;
        ids << r.id;
    }
    return ids;
}

QList<qint64> sorted(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

QString queryPlan(sqlite3 *db, const FilterSql &f)
{
    sqlite3_stmt *stmt = nullptr;
    const QByteArray text = QStringLiteral("EXPLAIN QUERY PLAN SELECT 1 FROM records r WHERE %1").arg(f.where).toUtf8();
    if (sqlite3_prepare_v2(db, text.constData(), -1, &stmt, nullptr) != SQLITE_OK)
        return QStringLiteral("error: ") + QString::fromUtf8(sqlite3_errmsg(db));
    QString plan;
    while (sqlite3_step(stmt) == SQLITE_ROW)
        plan += QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 3))) + u'\n';
    sqlite3_finalize(stmt);
    return plan;
}

} // namespace

class TestStorageFilters : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QList<Stored> m_rows;

    SearchFilters filters(const QString &spec)
    {
        SearchFilters f;
        QString error;
        for (const QString &part : spec.split(u';', Qt::SkipEmptyParts))
            if (!f.add(part, &error))
                qFatal("bad filter %s: %s", qPrintable(part), qPrintable(error));
        return f;
    }

    // Every reading of the filters agrees with the reference.
    void compareAll(const SearchFilters &f)
    {
        const QList<qint64> want = expected(m_rows, f);
        SearchQueries db(*m_store);
        QCOMPARE(db.countMatching(f, 1'000'000), qint64(want.size()));
        QCOMPARE(db.countMatching(f, 3), qint64(std::min<qsizetype>(3, want.size())));
        QList<qint64> all;
        for (const Stored &r : std::as_const(m_rows))
            all << r.id;
        QSet<qint64> pass;
        QVERIFY2(db.passing(all, f, &pass), qPrintable(db.error()));
        QCOMPARE(sorted(pass.values()), want);
        QList<qint64> withVectors;
        QVERIFY2(db.vectorsMatching(QStringLiteral("hash-8"), f, {},
                                    [&](qint64 id, std::span<const float>) {
                                        withVectors << id;
                                        return true;
                                    }),
                 qPrintable(db.error()));
        QCOMPARE(sorted(withVectors), want);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_store = Store::open(m_dir.filePath(QStringLiteral("f.sqlite")), Store::Mode::ReadWrite, &error);
        QVERIFY2(m_store, qPrintable(error));
        QVERIFY(m_store->setActiveEmbedder(QStringLiteral("hash-8")));
        BatchWrite batch;
        for (int i = 0; i < kRecords; ++i) {
            const Collection c = i % 5 == 4 ? Collection::Knowledge : Collection::Cases;
            RecordWrite w = makeWrite(c, QStringLiteral("F-%1").arg(i), QStringLiteral("record %1").arg(i),
                                      QStringLiteral("body %1").arg(i), kStatuses[i % kStatuses.size()]);
            w.record.priority = kPriorities[(i / 2) % kPriorities.size()];
            w.record.product = kProducts[(i / 3) % kProducts.size()];
            w.record.category = kCategories[(i / 7) % kCategories.size()];
            batch.records.push_back(std::move(w));
        }
        QVERIFY2(m_store->writeBatch(batch), qPrintable(m_store->lastError()));
        for (int i = 0; i < kRecords; ++i) {
            const RecordWrite &w = batch.records[size_t(i)];
            m_rows.append({i + 1, w.record.collection, w.record.status, w.record.priority, w.record.product,
                           w.record.category});
        }
        QCOMPARE(scalar(connectionOf(*m_store), "SELECT max(id) FROM records"), qint64(kRecords));
    }

    void matchesFoldedValues_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::newRow("status, ASCII case") << "status=open";
        QTest::newRow("status, umlaut upper") << "status=ÖFFENTLICH";
        QTest::newRow("status, two values") << "status=öffentlich;status=Closed";
        QTest::newRow("status, nobody's") << "status=pending";
        QTest::newRow("priority") << "priority=HIGH";
        QTest::newRow("priority, no rank") << "priority=urgent";
        QTest::newRow("priority, umlaut-free other") << "priority=hoch";
        QTest::newRow("priority, ranked upper") << "priority=critical";
        QTest::newRow("product") << "product=orbit crm";
        QTest::newRow("product, umlaut") << "product=ärzte-portal";
        QTest::newRow("product, other letter") << "product=ARZTE-PORTAL";
        QTest::newRow("category, sharp s") << "category=straße";
        QTest::newRow("category, folded sharp s") << "category=strasse";
        QTest::newRow("category, umlaut") << "category=GERÄTE";
        QTest::newRow("combined") << "status=OPEN;priority=high;product=Ärzte-Portal";
        QTest::newRow("collection") << "collection=knowledge;product=orbit crm";
        QTest::newRow("collection, status") << "collection=cases;status=öffentlich";
        QTest::newRow("one of two nobody's") << "product=Nowhere;product=orbit crm";
        QTest::newRow("all nobody's") << "product=Nowhere";
    }
    void matchesFoldedValues()
    {
        QFETCH(QString, spec);
        const SearchFilters f = filters(spec);
        compareAll(f);
        if (QTest::currentTestFailed())
            return;
        // The same with the browse indexes away, as during an initial load, and back again.
        QVERIFY(m_store->deferReadIndexes());
        compareAll(f);
        QVERIFY(m_store->buildDeferredIndexes({}) >= 0);
        QVERIFY(!m_store->readIndexesDeferred());
    }

    void indexAnswersTheFilter_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("index");
        QTest::newRow("status") << "status=ÖFFENTLICH" << "records_collection_status";
        QTest::newRow("priority") << "priority=high" << "records_browse_priority";
        QTest::newRow("product") << "product=ärzte-portal" << "records_browse_product";
        QTest::newRow("category") << "category=geräte" << "records_browse_category";
    }
    void indexAnswersTheFilter()
    {
        QFETCH(QString, spec);
        QFETCH(QString, index);
        const SearchFilters f = filters(spec);
        sqlite3 *db = connectionOf(*m_store);
        const QString indexed = queryPlan(db, filterSql(f, db));
        QVERIFY2(indexed.contains(QStringLiteral("SEARCH r USING COVERING INDEX ") + index), qPrintable(indexed));
        // Without the connection every record is read.
        const QString folded = queryPlan(db, filterSql(f));
        QVERIFY2(folded.contains(QStringLiteral("SCAN r")), qPrintable(folded));
    }

    void tooManyValuesFoldEveryRecord()
    {
        // More distinct products than a seek per value is worth: the filter folds each record, and
        // still finds the right ones.
        QString error;
        auto store = Store::open(m_dir.filePath(QStringLiteral("many.sqlite")), Store::Mode::ReadWrite, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(store->setActiveEmbedder(QStringLiteral("hash-8")));
        BatchWrite batch;
        for (int i = 0; i < 1100; ++i) {
            RecordWrite w = makeWrite(Collection::Cases, QStringLiteral("M-%1").arg(i), QStringLiteral("t %1").arg(i),
                                      QStringLiteral("b %1").arg(i));
            w.record.product = QStringLiteral("Produkt Ä%1").arg(i);
            batch.records.push_back(std::move(w));
        }
        QVERIFY2(store->writeBatch(batch), qPrintable(store->lastError()));
        const SearchFilters f = filters(QStringLiteral("product=PRODUKT ä777"));
        sqlite3 *db = connectionOf(*store);
        QVERIFY(filterSql(f, db).where.contains(QStringLiteral("kms_fold")));
        SearchQueries q(*store);
        QCOMPARE(q.countMatching(f, 100), qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestStorageFilters)
#include "tst_storage_filters.moc"
