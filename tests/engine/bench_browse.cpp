// SPDX-License-Identifier: MIT
// Columns: matching rows; first page with its count; the next page, the page at row 10,000, in
// the middle and at the end by OFFSET; all ids in order (the snapshot the GUI pages by); a page of
// 200 rows by ids from the middle of that snapshot. Times in ms, median of a few runs.
// Data browser latency on a loaded store (opt-in: KMS_BENCH_DATA_DIR=<data dir>, e.g. one loaded
// with `kmsctl generate --cases 980000 --articles 20000` + `kmsctl initial-load`). Prints the time
// of the first page with its count (what opening or filtering a table costs), of pages further
// down (what scrolling or dragging the scroll bar costs), facets, a save and a delete.
#include "../TestEngine.h"

#include "engine/Engine.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace kms;

namespace {

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// Median of n runs (the first run warms the page cache and is dropped).
double median(int n, const std::function<void()> &f)
{
    f();
    std::vector<double> times;
    for (int i = 0; i < n; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        times.push_back(ms(t));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

class BenchBrowse : public QObject
{
    Q_OBJECT
    std::unique_ptr<Engine> m_engine;

private Q_SLOTS:
    void initTestCase()
    {
        const QString dir = qEnvironmentVariable("KMS_BENCH_DATA_DIR");
        if (dir.isEmpty())
            QSKIP("set KMS_BENCH_DATA_DIR to a loaded data directory");
        QElapsedTimer t;
        t.start();
        m_engine = testdata::openTestEngine(dir);
        QVERIFY(m_engine);
        qInfo("opened %s (%lld records) in %.0f ms", qPrintable(dir), m_engine->counts().total(), ms(t));
    }
    void cleanupTestCase() { m_engine.reset(); }

    void pages_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("sort");
        QTest::addColumn<bool>("descending");
        for (int s = 0; s <= int(BrowseSort::Updated); ++s)
            if (BrowseSort(s) != BrowseSort::Category)
                QTest::addRow("cases, %s desc", qPrintable(browseSortName(BrowseSort(s)))) << QString() << s << true;
        QTest::addRow("cases, title asc") << QString() << int(BrowseSort::Title) << false;
        QTest::addRow("articles, category") << QStringLiteral("articles") << int(BrowseSort::Category) << false;
        const QString filters[] = {QStringLiteral("status=open"), QStringLiteral("priority=critical"),
                                   QStringLiteral("product=Orbit CRM"), QStringLiteral("tag=escalated"),
                                   QStringLiteral("status=new,priority=critical"), QStringLiteral("text=timeout"),
                                   QStringLiteral("text=certificate expired"), QStringLiteral("text=ORA-12154"),
                                   QStringLiteral("text=vpn,status=open")};
        for (const QString &f : filters)
            QTest::addRow("%s, updated desc", qPrintable(f)) << f << int(BrowseSort::Updated) << true;
    }
    void pages()
    {
        QFETCH(QString, filter);
        QFETCH(int, sort);
        QFETCH(bool, descending);
        BrowseQuery q;
        q.sort = BrowseSort(sort);
        q.descending = descending;
        for (const QString &part : filter.split(u',', Qt::SkipEmptyParts)) {
            const QString key = part.section(u'=', 0, 0), value = part.section(u'=', 1);
            if (key == u"articles")
                q.collection = Collection::Knowledge;
            else if (key == u"status")
                q.status = value;
            else if (key == u"priority")
                q.priority = value;
            else if (key == u"product")
                q.product = value;
            else if (key == u"tag")
                q.tag = value;
            else if (key == u"text")
                q.text = value;
        }
        BrowseResult first;
        const double firstMs = median(5, [&] { first = m_engine->browse(q, 200); });
        QVERIFY2(first.total >= 0, qPrintable(first.page.error));
        const qint64 total = first.total;
        const double nextMs = median(5, [&] { m_engine->browsePage(q, 200, 200, total); });
        const double at10k = total > 10'000 ? median(3, [&] { m_engine->browsePage(q, 10'000, 200, total); }) : -1;
        const double middle = median(3, [&] { m_engine->browsePage(q, total / 2, 200, total); });
        const double last = median(3, [&] { m_engine->browsePage(q, std::max<qint64>(0, total - 200), 200, total); });
        BrowseIds ids;
        const double idsMs = median(3, [&] { ids = m_engine->browseIds(q); });
        QCOMPARE(ids.ids.size(), total);
        const QList<qint64> slice = ids.ids.mid(ids.ids.size() / 2, 200);
        const double byIds = median(5, [&] { m_engine->browseRows(slice); });
        qInfo("| %-34s | %9lld | %7.1f | %7.1f | %7.1f | %7.1f | %7.1f | %7.1f | %5.1f |", QTest::currentDataTag(), total,
              firstMs, nextMs, at10k, middle, last, idsMs, byIds);
    }

    void facetsAndWrites()
    {
        const double facets = median(3, [&] { m_engine->browseFacets(Collection::Cases); });
        Record r;
        r.collection = Collection::Cases;
        r.externalId = QStringLiteral("BENCH-EDIT-1");
        r.title = QStringLiteral("Benchmark record for the editor");
        r.body = QStringLiteral("Saved and deleted by bench_browse.");
        r.status = QStringLiteral("open");
        r.priority = QStringLiteral("low");
        QElapsedTimer t;
        t.start();
        const RecordSaveResult saved = m_engine->saveRecord(r);
        const double saveMs = ms(t);
        QVERIFY2(saved.ok, qPrintable(saved.error));
        r.title += QStringLiteral(" (edited)");
        t.restart();
        QVERIFY(m_engine->saveRecord(r, saved.id).ok);
        const double editMs = ms(t);
        t.restart();
        QVERIFY(m_engine->deleteRecord(saved.id));
        const double deleteMs = ms(t);
        qInfo("facets %.1f ms, create %.1f ms, edit %.1f ms, delete %.1f ms", facets, saveMs, editMs, deleteMs);
    }

    void exports_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("csv") << "export.csv";
        QTest::newRow("jsonl") << "export.jsonl";
    }
    void exports()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        BrowseQuery q;
        q.status = QStringLiteral("open");
        QElapsedTimer t;
        t.start();
        const ExportResult r = m_engine->exportRecords(q, dir.filePath(name));
        QVERIFY2(r.ok, qPrintable(r.error));
        const double s = ms(t) / 1000;
        qInfo("export of %lld records (status=open) to %s: %.1f s, %.0f records/s, %.0f MB", r.records,
              qPrintable(name), s, double(r.records) / s, double(QFileInfo(r.path).size()) / 1e6);
    }
};

QTEST_GUILESS_MAIN(BenchBrowse)
#include "bench_browse.moc"
