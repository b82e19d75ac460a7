// SPDX-License-Identifier: MIT
#include "storage/FilterSql.h"
#include "storage/SearchQueries.h"
#include "search/CommonTermCounts.h"
#include "search/KeywordSearch.h"
#include "search/QueryExpansion.h"
#include "search/QueryParser.h"
#include "search/Snippet.h"
#include "storage/Store.h"
#include "storage/StoreConnection.h"
#include "text/Normalizer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>

using namespace kms;

namespace {

QDateTime utc(const char *iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

struct Row {
    Collection collection;
    const char *externalId, *title, *body, *resolution, *status, *priority, *product, *category;
    QStringList tags;
    const char *created, *updated; // nullptr: unknown
};

// Six records with ids 1..6; "kmsall" is in every body so filter tests have a term that matches all.
const QList<Row> &rows()
{
    static const QList<Row> r = {
        {Collection::Cases, "C-1", "VPN connection drops every hour",
         "kmsall The client disconnects from the gateway at random times.", "Raised the keepalive interval.",
         "Open", "High", "Orbit CRM", nullptr, {"VPN", "Network"}, "2024-01-10T08:00:00", "2024-01-15T09:00:00"},
        {Collection::Cases, "C-2", "Printer offline after update",
         "kmsall The printer shows offline since the driver update.", nullptr, "Closed", "Low", "PrintHub",
         nullptr, {"printer"}, "2024-02-01T10:00:00", "2024-02-20T10:00:00"},
        {Collection::Cases, "C-3", "Database timeout on login", "kmsall Users cannot sign in to the portal.",
         nullptr, "open", "Medium", "Orbit CRM", nullptr, {}, "2024-03-05T10:00:00", "2024-03-06T10:00:00"},
        {Collection::Cases, "C-4", "Login page slow", "kmsall A database timeout occurs for some users.",
         nullptr, "Pending", "high", "orbit crm", nullptr, {}, "2023-12-01T10:00:00", "2024-04-01T10:00:00"},
        {Collection::Knowledge, "KB-1", "Disk full on the backup server",
         "kmsall When the disk full alert fires, clean old snapshots.", nullptr, nullptr, nullptr, nullptr,
         "Storage", {"disk", "backup"}, "2023-06-01T10:00:00", "2024-01-01T10:00:00"},
        {Collection::Knowledge, "KB-2", "Scheduling a full backup",
         "kmsall Run a full backup of the disk weekly. k8s cronjobs work too.", nullptr, nullptr, nullptr,
         nullptr, "Backup", {}, nullptr, nullptr},
    };
    return r;
}

QString str(const char *s)
{
    return s ? QString::fromUtf8(s) : QString();
}

RecordWrite makeWrite(const Row &row, const Normalizer &n, quint64 hash)
{
    RecordWrite w;
    Record &r = w.record;
    r.collection = row.collection;
    r.externalId = str(row.externalId);
    r.title = str(row.title);
    r.body = str(row.body);
    r.resolution = str(row.resolution);
    r.status = str(row.status);
    r.priority = str(row.priority);
    r.product = str(row.product);
    r.category = str(row.category);
    r.tags = row.tags;
    if (row.created)
        r.createdAt = utc(row.created);
    if (row.updated)
        r.updatedAt = utc(row.updated);
    w.titleText = n.matchingText(r.title);
    w.bodyText = n.matchingText(r.body);
    w.resolutionText = n.matchingText(r.resolution);
    w.tagsText = n.matchingText(r.tags.join(u' '));
    w.contentHash = hash;
    w.textHash = hash;
    w.vector.assign(8, float(hash));
    w.vectorIsNew = true;
    return w;
}

QList<qint64> ids(const QList<KeywordHit> &hits, bool sorted = true)
{
    QList<qint64> out;
    for (const KeywordHit &h : hits)
        out << h.id;
    if (sorted)
        std::sort(out.begin(), out.end());
    return out;
}

// Runs an FTS5 expression on the real table: SQLITE_ROW or SQLITE_DONE means SQLite accepted it.
int ftsRun(Store &store, const QString &match, QString *message)
{
    sqlite3_stmt *stmt = nullptr;
    int rc = sqlite3_prepare_v2(connectionOf(store), "SELECT count(*) FROM records_fts WHERE records_fts MATCH ?1",
                                -1, &stmt, nullptr);
    if (rc == SQLITE_OK) {
        const QByteArray utf8 = match.toUtf8();
        sqlite3_bind_text(stmt, 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        rc = sqlite3_step(stmt);
    }
    *message = QString::fromUtf8(sqlite3_errmsg(connectionOf(store)));
    sqlite3_finalize(stmt);
    return rc;
}

// Rows an FTS5 expression matches, counted by SQLite.
int ftsCountIn(Store &store, const QString &match)
{
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(connectionOf(store), "SELECT count(*) FROM records_fts WHERE records_fts MATCH ?1", -1, &stmt,
                       nullptr);
    const QByteArray utf8 = match.toUtf8();
    sqlite3_bind_text(stmt, 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    const int n = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : -1;
    sqlite3_finalize(stmt);
    return n;
}

// Each matching row's value of a ranking expression, by row id.
QMap<qint64, double> ftsScores(Store &store, const QString &rank, const QString &match)
{
    QMap<qint64, double> out;
    const QByteArray sql = QStringLiteral("SELECT rowid, %1 FROM records_fts WHERE records_fts MATCH ?1").arg(rank).toUtf8();
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(connectionOf(store), sql.constData(), -1, &stmt, nullptr) != SQLITE_OK)
        return out;
    const QByteArray utf8 = match.toUtf8();
    sqlite3_bind_text(stmt, 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    while (sqlite3_step(stmt) == SQLITE_ROW)
        out.insert(sqlite3_column_int64(stmt, 0), sqlite3_column_double(stmt, 1));
    sqlite3_finalize(stmt);
    return out;
}

double envDouble(const char *name, double fallback)
{
    bool ok = false;
    const double v = qEnvironmentVariable(name).toDouble(&ok);
    return ok ? v : fallback;
}

} // namespace

class TestSearchKeyword : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Store> m_store;
    Normalizer m_norm{std::make_shared<const TermDictionary>(TermDictionary::builtIn())};

    QList<qint64> search(const QString &text, const SearchFilters &extra = {}, int limit = 50)
    {
        const ParsedQuery q = parseQuery(text, m_norm);
        SearchFilters f = q.filters;
        f.collection = extra.collection ? extra.collection : f.collection;
        f.statuses << extra.statuses;
        bool cancelled = true;
        QString error;
        const auto hits = keywordSearch(*m_store, q, f, limit, KeywordSearchOptions{}, nullptr, &cancelled, &error);
        if (!error.isEmpty() || cancelled)
            return {-1};
        return ids(hits);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_store = Store::open(QStringLiteral(":memory:"), Store::Mode::ReadWrite, &error);
        QVERIFY2(m_store, qPrintable(error));
        QVERIFY2(m_store->setActiveEmbedder(QStringLiteral("hash-8")), qPrintable(m_store->lastError()));
        BatchWrite batch;
        quint64 hash = 1;
        for (const Row &row : rows())
            batch.records.push_back(makeWrite(row, m_norm, hash++));
        const auto outcome = m_store->writeBatch(batch);
        QVERIFY2(outcome, qPrintable(m_store->lastError()));
        QCOMPARE(outcome->inserted, 6);
    }

    // ---- parser ---------------------------------------------------------------------------------
    void parser_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("fts");
        QTest::newRow("words") << "printer offline" << "\"printer\" OR \"offline\"";
        QTest::newRow("stop words dropped") << "How do I reset the password?" << "\"reset\" OR \"password\"";
        QTest::newRow("only stop words kept") << "the of" << "\"the\" OR \"of\"";
        QTest::newRow("phrase") << "\"disk full\" backup" << "\"backup\" OR \"disk full\"";
        QTest::newRow("quoted stop word kept") << "\"the\" printer" << "\"the\" OR \"printer\"";
        QTest::newRow("prefix") << "kuber*" << "\"kuber\"*";
        QTest::newRow("one-letter prefix is a word") << "x* printer" << "\"x\" OR \"printer\"";
        QTest::newRow("exclusion") << "printer -offline" << "(\"printer\") NOT (\"offline\")";
        QTest::newRow("excluded phrase") << "printer -\"paper jam\"" << "(\"printer\") NOT (\"paper jam\")";
        QTest::newRow("field") << "title:login crash" << "\"crash\" OR title : \"login\"";
        QTest::newRow("field phrase") << "resolution:\"reset token\"" << "resolution : \"reset token\"";
        QTest::newRow("description is body") << "Description:timeout" << "body : \"timeout\"";
        QTest::newRow("dictionary") << "K8s pod" << "\"kubernetes\" OR \"pod\"";
        QTest::newRow("dictionary phrase") << "vpn drops" << "\"drops\" OR \"virtual private network\"";
        QTest::newRow("dedupe") << "printer Printer PRINTER" << "\"printer\"";
        QTest::newRow("filter only") << "status:open printer" << "\"printer\"";
        QTest::newRow("operators are words") << "AND OR NOT NEAR" << "\"near\"";
        QTest::newRow("unknown field") << "colour:red" << "\"colour\" OR \"red\"";
        QTest::newRow("error code") << "ORA-12154 on v2.3.1" << "\"ora-12154\" OR \"v2.3.1\"";
        QTest::newRow("empty") << "" << "";
        QTest::newRow("punctuation only") << "?! ... --" << "";
    }
    void parser()
    {
        QFETCH(QString, query);
        QFETCH(QString, fts);
        const ParsedQuery q = parseQuery(query, m_norm);
        QCOMPARE(q.toFtsMatch(), fts);
        QCOMPARE(q.hasPositive(), !fts.isEmpty());
        if (!fts.isEmpty()) {
            QString message;
            const int rc = ftsRun(*m_store, fts, &message);
            QVERIFY2(rc == SQLITE_ROW, qPrintable(message));
        }
    }

    void parserParts()
    {
        const ParsedQuery q = parseQuery(u"crash* \"disk full\" -jam -\"paper tray\" title:login status:open,pending"
                                         u" priority:high product:\"Orbit CRM\" updated>=2024-01-01 created:<2024-02-01 tag:vpn"
                                         u" collection:cases category:Storage",
                                         m_norm);
        QCOMPARE(q.terms, QStringList());
        QCOMPARE(q.prefixes, QStringList{"crash"});
        QCOMPARE(q.phrases, (QList<QStringList>{{"disk", "full"}}));
        QCOMPARE(q.excludedTerms, QStringList{"jam"});
        QCOMPARE(q.excludedPhrases, (QList<QStringList>{{"paper", "tray"}}));
        QCOMPARE(q.fieldTerms.size(), 1);
        QCOMPARE(q.fieldTerms.front().first, QStringLiteral("title"));
        QCOMPARE(q.filters.statuses, (QStringList{"open", "pending"}));
        QCOMPARE(q.filters.priorities, QStringList{"high"});
        QCOMPARE(q.filters.products, QStringList{"Orbit CRM"});
        QCOMPARE(q.filters.tags, QStringList{"vpn"});
        QCOMPARE(q.filters.categories, QStringList{"Storage"});
        QCOMPARE(q.filters.collection, std::optional<Collection>(Collection::Cases));
        QCOMPARE(q.filters.updatedFrom, utc("2024-01-01T00:00:00"));
        QCOMPARE(q.filters.createdTo, utc("2024-01-31T23:59:59.999"));
        QCOMPARE(q.highlightTerms(), (QStringList{"disk", "full", "login", "crash*"}));
        QVERIFY(q.expanded.contains(u"-\"paper tray\""));
        QString message;
        QCOMPARE(ftsRun(*m_store, q.toFtsMatch(), &message), SQLITE_ROW);
        QCOMPARE(ftsRun(*m_store, q.toFtsMatchAll(), &message), SQLITE_ROW);
    }

    void hostileInput_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("unbalanced quote") << "printer \"offline";
        QTest::newRow("unbalanced field quote") << "title:\"offline printer";
        QTest::newRow("lone minus") << "-";
        QTest::newRow("minus quote") << "-\"";
        QTest::newRow("star") << "*";
        QTest::newRow("stars") << "** -* *a";
        QTest::newRow("parens") << "( ) (printer";
        QTest::newRow("operators") << "AND OR NOT NEAR";
        QTest::newRow("near call") << "NEAR(printer offline, 2)";
        QTest::newRow("caret") << "^printer ^";
        QTest::newRow("colon") << ":";
        QTest::newRow("colons") << "a:b:c title: status: :printer";
        QTest::newRow("column filter syntax") << "{title}: printer - title : x";
        QTest::newRow("quotes") << "\"\" \"\"\" \"a\"\"b\" ''";
        QTest::newRow("backslash") << "C:\\Windows\\ \\\"x\\\"";
        QTest::newRow("nul") << QString::fromUtf16(u"print\0er off\0line", 17);
        QTest::newRow("emoji") << QString::fromUtf8("😀 🔥printer🔥 👍🏽");
        QTest::newRow("only stop words") << "what is the of to";
        QTest::newRow("bad date") << "updated>=yesterday created:<=2024-13-45";
        QTest::newRow("trailing operator") << "printer OR";
        QTest::newRow("control chars") << QString::fromUtf16(u"\x01\x1b[31mred\x7f");
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) + QStringLiteral("abc") + QChar(0xDC00);
        QTest::newRow("10 KB") << [] {
            QString s;
            for (int i = 0; s.size() < 12000; ++i)
                s += QStringLiteral("word%1 \"ph%1 rase\" -x%1 pre%1* ").arg(i);
            return s;
        }();
        QTest::newRow("10 KB no spaces") << QString(11000, u'a');
    }
    void hostileInput()
    {
        QFETCH(QString, query);
        const ParsedQuery q = parseQuery(query, m_norm);
        QVERIFY(q.positiveCount() <= kMaxQueryParts);
        for (const QString &match : {q.toFtsMatch(), q.toFtsMatchAll()}) {
            if (match.isEmpty())
                continue;
            QString message;
            const int rc = ftsRun(*m_store, match, &message);
            QVERIFY2(rc == SQLITE_ROW, qPrintable(message + QStringLiteral(" in ") + match.left(200)));
        }
        bool cancelled = false;
        QString error;
        keywordSearch(*m_store, q, q.filters, 10, {}, nullptr, &cancelled, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!cancelled);
    }

    // ---- filters --------------------------------------------------------------------------------
    void filterSql_data()
    {
        QTest::addColumn<QStringList>("specs");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::newRow("none") << QStringList{} << QList<qint64>{1, 2, 3, 4, 5, 6};
        QTest::newRow("status") << QStringList{"status=open"} << QList<qint64>{1, 3};
        QTest::newRow("statuses") << QStringList{"status=OPEN, pending"} << QList<qint64>{1, 3, 4};
        QTest::newRow("priority") << QStringList{"priority=HIGH"} << QList<qint64>{1, 4};
        QTest::newRow("product") << QStringList{"product=orbit crm"} << QList<qint64>{1, 3, 4};
        QTest::newRow("category") << QStringList{"category=storage"} << QList<qint64>{5};
        QTest::newRow("tag") << QStringList{"tag=vpn"} << QList<qint64>{1};
        QTest::newRow("tag case") << QStringList{"tag=BACKUP"} << QList<qint64>{5};
        QTest::newRow("tags any") << QStringList{"tag=vpn,printer"} << QList<qint64>{1, 2};
        QTest::newRow("knowledge") << QStringList{"collection=knowledge"} << QList<qint64>{5, 6};
        QTest::newRow("cases") << QStringList{"collection=cases"} << QList<qint64>{1, 2, 3, 4};
        QTest::newRow("created from") << QStringList{"created>=2024-01-01"} << QList<qint64>{1, 2, 3};
        QTest::newRow("created before") << QStringList{"created<2024-02-01"} << QList<qint64>{1, 4, 5};
        QTest::newRow("updated on day") << QStringList{"updated=2024-01-15"} << QList<qint64>{1};
        QTest::newRow("updated after day") << QStringList{"updated>2024-03-06"} << QList<qint64>{4};
        QTest::newRow("updated until day") << QStringList{"updated<=2024-01-15"} << QList<qint64>{1, 5};
        QTest::newRow("updated from instant") << QStringList{"updated>=2024-01-15T09:00:00Z"}
                                              << QList<qint64>{1, 2, 3, 4};
        QTest::newRow("updated after instant") << QStringList{"updated>2024-01-15T09:00:00Z"}
                                               << QList<qint64>{2, 3, 4};
        QTest::newRow("updated range") << QStringList{"updated>=2024-01-01", "updated<2024-03-01"}
                                       << QList<qint64>{1, 2, 5};
        QTest::newRow("combined") << QStringList{"collection=cases", "priority=high", "updated>=2024-02-01"}
                                  << QList<qint64>{4};
        QTest::newRow("nothing") << QStringList{"status=open", "collection=knowledge"} << QList<qint64>{};
    }
    void filterSql()
    {
        QFETCH(QStringList, specs);
        QFETCH(QList<qint64>, expected);
        SearchFilters f;
        for (const QString &spec : specs) {
            QString error;
            QVERIFY2(f.add(spec, &error), qPrintable(error));
        }
        QCOMPARE(f.isEmpty(), specs.isEmpty());
        const FilterSql where = kms::filterSql(f);
        const QByteArray sql = ("SELECT r.id FROM records r WHERE " + where.where + " ORDER BY r.id").toUtf8();
        sqlite3_stmt *stmt = nullptr;
        QCOMPARE(sqlite3_prepare_v2(connectionOf(*m_store), sql.constData(), -1, &stmt, nullptr), SQLITE_OK);
        int index = 1;
        for (const QVariant &v : where.params) {
            if (v.typeId() == QMetaType::QString)
                sqlite3_bind_text(stmt, index++, v.toString().toUtf8().constData(), -1, SQLITE_TRANSIENT);
            else
                sqlite3_bind_int64(stmt, index++, v.toLongLong());
        }
        QList<qint64> got;
        while (sqlite3_step(stmt) == SQLITE_ROW)
            got << sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
        QCOMPARE(got, expected);

        // The same filters inside a keyword search.
        const ParsedQuery q = parseQuery(u"kmsall", m_norm);
        QString error;
        bool cancelled = false;
        QCOMPARE(ids(keywordSearch(*m_store, q, f, 50, {}, nullptr, &cancelled, &error)), expected);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // Filters fold case beyond ASCII: a product, status or tag spelt with umlauts matches in any
    // case, its own spelling included (SQLite's lower() left "Ä" as it was, so none of these
    // matched), and a different letter still does not.
    void filtersFoldNonAsciiCase_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("matches");
        QTest::newRow("own spelling") << QStringLiteral("product=Ärzte-Portal") << true;
        QTest::newRow("lower case") << QStringLiteral("product=ärzte-portal") << true;
        QTest::newRow("upper case") << QStringLiteral("product=ÄRZTE-PORTAL") << true;
        QTest::newRow("status") << QStringLiteral("status=ÖFFENTLICH") << true;
        QTest::newRow("tag") << QStringLiteral("tag=überweisung") << true;
        QTest::newRow("other letter") << QStringLiteral("product=arzte-portal") << false;
        QTest::newRow("ascii still folds") << QStringLiteral("category=GERÄTE") << true;
    }
    void filtersFoldNonAsciiCase()
    {
        QFETCH(QString, spec);
        QFETCH(bool, matches);
        QString error;
        auto store = Store::open(QStringLiteral(":memory:"), Store::Mode::ReadWrite, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(store->setActiveEmbedder(QStringLiteral("hash-8")));
        const Row row{Collection::Cases, "U-1", "Drucker druckt nicht", "kmsall Der Drucker im Büro", nullptr,
                      "Öffentlich", "Hoch", "Ärzte-Portal", "Geräte", {QStringLiteral("Überweisung")}, nullptr, nullptr};
        QVERIFY(store->writeBatch(BatchWrite{0, {makeWrite(row, m_norm, 1)}, {}, 0}));
        SearchFilters f;
        QVERIFY2(f.add(spec, &error), qPrintable(error));
        const ParsedQuery q = parseQuery(u"kmsall", m_norm);
        bool cancelled = false;
        const auto hits = keywordSearch(*store, q, f, 10, {}, nullptr, &cancelled, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(hits.size(), matches ? 1 : 0);
    }

    void filterErrors_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << "colour=red" << "unknown filter 'colour'";
        QTest::newRow("bad date") << "updated>=yesterday" << "not an ISO 8601 date";
        QTest::newRow("operator") << "status>open" << "only '=' applies to status";
        QTest::newRow("collection") << "collection=cats" << "unknown collection 'cats'";
        QTest::newRow("no value") << "status=" << "missing value";
        QTest::newRow("no operator") << "status" << "expected name=value";
    }
    void filterErrors()
    {
        QFETCH(QString, spec);
        QFETCH(QString, message);
        SearchFilters f;
        QString error;
        QVERIFY(!f.add(spec, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(f.isEmpty());
    }

    // ---- keyword search -------------------------------------------------------------------------
    void keyword_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::newRow("word") << "printer" << QList<qint64>{2};
        QTest::newRow("any word") << "printer gateway" << QList<qint64>{1, 2};
        QTest::newRow("stemmed") << "disconnect printers" << QList<qint64>{1, 2};
        QTest::newRow("words") << "disk full" << QList<qint64>{5, 6};
        QTest::newRow("phrase") << "\"disk full\"" << QList<qint64>{5};
        QTest::newRow("prefix") << "snap*" << QList<qint64>{5};
        QTest::newRow("dictionary prefix") << "kuber*" << QList<qint64>{6};
        QTest::newRow("dictionary") << "kubernetes" << QList<qint64>{6};
        QTest::newRow("exclusion") << "backup -snapshots" << QList<qint64>{6};
        QTest::newRow("excluded phrase") << "kmsall -\"disk full\"" << QList<qint64>{1, 2, 3, 4, 6};
        QTest::newRow("field") << "title:timeout" << QList<qint64>{3};
        QTest::newRow("field both") << "title:login" << QList<qint64>{3, 4};
        QTest::newRow("resolution") << "resolution:keepalive" << QList<qint64>{1};
        QTest::newRow("tags field dictionary") << "tags:vpn" << QList<qint64>{1};
        QTest::newRow("status filter") << "kmsall status:open" << QList<qint64>{1, 3};
        QTest::newRow("product filter") << "kmsall product:\"Orbit CRM\"" << QList<qint64>{1, 3, 4};
        QTest::newRow("date filter") << "kmsall updated>=2024-02-01" << QList<qint64>{2, 3, 4};
        QTest::newRow("collection filter") << "kmsall collection:knowledge" << QList<qint64>{5, 6};
        QTest::newRow("tag filter") << "kmsall tag:backup" << QList<qint64>{5};
        QTest::newRow("no match") << "zebra" << QList<qint64>{};
        QTest::newRow("nothing positive") << "-printer" << QList<qint64>{};
    }
    void keyword()
    {
        QFETCH(QString, query);
        QFETCH(QList<qint64>, expected);
        QCOMPARE(search(query), expected);
    }

    void titleAboveBody()
    {
        const ParsedQuery q = parseQuery(u"timeout", m_norm);
        bool cancelled = false;
        QString error;
        const auto hits = keywordSearch(*m_store, q, {}, 10, {}, nullptr, &cancelled, &error);
        QCOMPARE(ids(hits, false), (QList<qint64>{3, 4}));
        QVERIFY(hits[0].bm25 > hits[1].bm25);
        QVERIFY(hits[1].bm25 > 0);
    }

    void allTermsFirst()
    {
        // Both passes agree on a query whose every-word matches fill the limit.
        const ParsedQuery q = parseQuery(u"disk full backup", m_norm);
        QString error;
        bool cancelled = false;
        KeywordSearchOptions andFirst, orOnly;
        andFirst.allTermsFirst = true;
        orOnly.allTermsFirst = false;
        const auto both = keywordSearch(*m_store, q, {}, 1, andFirst, nullptr, &cancelled, &error);
        const auto any = keywordSearch(*m_store, q, {}, 1, orOnly, nullptr, &cancelled, &error);
        QCOMPARE(ids(both), ids(any));
        // Fewer every-word matches than the limit: the OR pass adds the rest.
        QCOMPARE(ids(keywordSearch(*m_store, parseQuery(u"printer gateway", m_norm), {}, 10, andFirst, nullptr,
                                   &cancelled, &error)),
                 (QList<qint64>{1, 2}));
    }

    void limitAndCount()
    {
        const ParsedQuery q = parseQuery(u"kmsall", m_norm);
        QString error;
        bool cancelled = false;
        QCOMPARE(keywordSearch(*m_store, q, {}, 4, {}, nullptr, &cancelled, &error).size(), 4);
        QCOMPARE(keywordSearch(*m_store, q, {}, 0, {}, nullptr, &cancelled, &error).size(), 0);
        QCOMPARE(keywordMatchCount(*m_store, q, 100), 6);
        QCOMPARE(keywordMatchCount(*m_store, q, 3), 3);
        QCOMPARE(keywordMatchCount(*m_store, parseQuery(u"zebra", m_norm), 100), 0);
    }

    // kms_bm25() ranks as FTS5's bm25() does, whether it counts the phrases itself or is given the
    // counts; excluded phrases need no count.
    void rankFunctionEqualsBm25_data()
    {
        QTest::addColumn<QString>("match");
        QTest::addColumn<QStringList>("counted"); // the positive phrases, in the expression's order
        QTest::addColumn<QString>("weights");
        QTest::newRow("one word") << R"("kmsall")" << QStringList{R"("kmsall")"} << "1, 1, 1, 1";
        QTest::newRow("any of three, weighted") << R"("disk" OR "backup" OR "full")"
                                                << QStringList{R"("disk")", R"("backup")", R"("full")"} << "3, 1, 2, 0.5";
        QTest::newRow("all of two") << R"("disk" AND "full")" << QStringList{R"("disk")", R"("full")"} << "2, 1, 1, 1";
        QTest::newRow("phrase, prefix, exclusion")
            << R"(("disk full" OR "print"* OR "timeout") NOT ("snapshots"))"
            << QStringList{R"("disk full")", R"("print"*)", R"("timeout")"} << "1, 1, 1, 1";
    }
    void rankFunctionEqualsBm25()
    {
        QFETCH(QString, match);
        QFETCH(QStringList, counted);
        QFETCH(QString, weights);
        QString counts;
        for (const QString &phrase : std::as_const(counted))
            counts += QStringLiteral(", %1").arg(ftsCountIn(*m_store, phrase));
        // One statement each: calls in one statement would share the first call's counts.
        const auto builtIn = ftsScores(*m_store, QStringLiteral("bm25(records_fts, %1)").arg(weights), match);
        const auto own = ftsScores(*m_store, QStringLiteral("kms_bm25(records_fts, %1)").arg(weights), match);
        const auto given = ftsScores(*m_store, QStringLiteral("kms_bm25(records_fts, %1%2)").arg(weights, counts), match);
        QVERIFY(!builtIn.isEmpty());
        QCOMPARE(own.keys(), builtIn.keys());
        QCOMPARE(given.keys(), builtIn.keys());
        for (auto it = builtIn.cbegin(); it != builtIn.cend(); ++it) {
            QVERIFY2(it.value() < 0, "a matching row scores below zero");
            QVERIFY2(std::abs(own.value(it.key()) - it.value()) < 1e-9, qPrintable(QString::number(it.key())));
            QVERIFY2(std::abs(given.value(it.key()) - it.value()) < 1e-9, qPrintable(QString::number(it.key())));
        }
    }

    // A given count is the one used: "kmsall" is in all six records, so its own idf is the floor
    // of 1e-6; told it is in one record, each row scores as a word of idf ln(5.5 / 1.5).
    void rankFunctionUsesGivenCounts()
    {
        const auto own = ftsScores(*m_store, QStringLiteral("kms_bm25(records_fts, 1, 1, 1, 1)"), QStringLiteral("kmsall"));
        const auto told = ftsScores(*m_store, QStringLiteral("kms_bm25(records_fts, 1, 1, 1, 1, 1)"), QStringLiteral("kmsall"));
        QCOMPARE(own.size(), 6);
        QCOMPARE(told.keys(), own.keys());
        for (auto it = own.cbegin(); it != own.cend(); ++it) {
            QVERIFY(it.value() < 0);
            const double ratio = told.value(it.key()) / it.value();
            QVERIFY2(std::abs(ratio / (std::log(5.5 / 1.5) / 1e-6) - 1) < 1e-9, qPrintable(QString::number(ratio)));
        }
    }

    // Above the cap a count is estimated from where the newest matches lie: the four newest of
    // "kmsall"'s matches cover row ids 3..6, four of the six rows, so all six are estimated.
    void matchFrequencies()
    {
        SearchQueries db(*m_store);
        QList<MatchFrequency> f;
        QCOMPARE(db.matchFrequencies({R"("kmsall")", R"("printer")", R"("zebra")"}, 3, &f), SearchQueries::Outcome::Ok);
        QCOMPARE(f.size(), 3);
        QCOMPARE(f[0].counted, 4);
        QCOMPARE(f[0].estimate, 6.0);
        QCOMPARE(f[1].counted, 1);
        QCOMPARE(f[1].estimate, 1.0);
        QCOMPARE(f[2].counted, 0);
        QCOMPARE(f[2].estimate, 0.0);
    }

    void unknownWordKeepsTheOthers_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("budget");
        QTest::addColumn<QList<qint64>>("expected");
        // "kmsall" is in all six records: over a budget of 3 only the newest three are ranked.
        QTest::newRow("typo beside a common word") << "xyzzy kmsall" << 3 << QList<qint64>{4, 5, 6};
        QTest::newRow("typo first, rare words fit") << "zebra printer gateway" << 2 << QList<qint64>{1, 2};
        QTest::newRow("typo beside a rare word") << "printerr printer kmsall" << 3 << QList<qint64>{2};
        QTest::newRow("unlimited budget") << "xyzzy printer" << 0 << QList<qint64>{2};
        QTest::newRow("only unknown words") << "xyzzy zebra" << 3 << QList<qint64>{};
    }
    // A word that matches nothing must not use up the scoring budget: a query with any matching
    // word finds records.
    void unknownWordKeepsTheOthers()
    {
        QFETCH(QString, query);
        QFETCH(int, budget);
        QFETCH(QList<qint64>, expected);
        KeywordSearchOptions options;
        options.scoreBudget = budget;
        bool cancelled = true;
        QString error;
        const auto hits = keywordSearch(*m_store, parseQuery(query, m_norm), {}, 10, options, nullptr, &cancelled,
                                        &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!cancelled);
        QCOMPARE(ids(hits), expected);
    }

    // A kept count is used while the store's newest record id grew by at most 1 % and for at
    // most 10 minutes, scaled to the grown store; exact counts (not above the budget) never are.
    void commonCountsKeptWithinBounds()
    {
        using std::chrono::minutes;
        CommonTermCounts kept;
        const auto t0 = CommonTermCounts::Clock::now();
        const QString common = QStringLiteral("\"common\""), rare = QStringLiteral("\"rare\"");
        kept.keep(rare, 100, 1000, MatchFrequency{50, 50.0}, t0);
        kept.keep(rare, 100, 1000, MatchFrequency{100, 100.0}, t0);
        QCOMPARE(kept.size(), 0);
        kept.keep(common, 100, 1000, MatchFrequency{101, 400.0}, t0);
        QCOMPARE(kept.size(), 1);
        std::optional<MatchFrequency> f = kept.find(common, 100, 1000, t0);
        QVERIFY(f);
        QCOMPARE(f->counted, 101);
        QCOMPARE(f->estimate, 400.0);
        f = kept.find(common, 100, 1010, t0 + minutes(9));
        QVERIFY(f);
        QCOMPARE(f->estimate, 404.0);
        QVERIFY(!kept.find(common, 100, 1011, t0));              // grown by more than 1 %
        QVERIFY(!kept.find(common, 100, 999, t0));               // records gone from the end
        QVERIFY(!kept.find(common, 50, 1000, t0));               // another budget
        QVERIFY(!kept.find(common, 100, 1000, t0 + minutes(11))); // too old
        QVERIFY(!kept.find(rare, 100, 1000, t0));
        kept.clear();
        QCOMPARE(kept.size(), 0);
    }

    // Keyword search keeps the counts of its common parts and ranks with them: the same hits and
    // scores as counting each time, and a kept count is what the ranking uses.
    void keywordSearchUsesKeptCounts()
    {
        KeywordSearchOptions options;
        options.scoreBudget = 3; // "kmsall" (in four of the six records) is common
        const ParsedQuery q = parseQuery(u"kmsall printer", m_norm);
        auto run = [&](const ParsedQuery &query, CommonTermCounts *kept) {
            bool cancelled = true;
            QString error;
            const auto hits = keywordSearch(*m_store, query, {}, 10, options, nullptr, &cancelled, &error, kept);
            [&] { QVERIFY2(error.isEmpty() && !cancelled, qPrintable(error)); }();
            return hits;
        };
        auto scores = [](const QList<KeywordHit> &hits) {
            QList<QPair<qint64, double>> out;
            for (const KeywordHit &h : hits)
                out.append({h.id, h.bm25});
            return out;
        };
        CommonTermCounts kept;
        const auto counted = run(q, nullptr);
        QVERIFY(!counted.isEmpty());
        QCOMPARE(scores(run(q, &kept)), scores(counted));
        QCOMPARE(kept.size(), 1); // "printer" is in one record: exact, not kept
        QCOMPARE(scores(run(q, &kept)), scores(counted));

        // A kept count is what the search goes by: "printer" kept as common (as it could have
        // been before records were edited) leaves no part under the budget, so the newest three
        // matches of either word are ranked instead of the one record with "printer".
        const QStringList parts = q.ftsPositiveParts();
        QCOMPARE(parts.size(), 2);
        const qint64 newest = SearchQueries(*m_store).newestRecordId();
        QCOMPARE(newest, 6);
        kept.keep(parts[1], 3, newest, MatchFrequency{4, 6.0});
        QCOMPARE(ids(counted), QList<qint64>{2});
        QCOMPARE(ids(run(q, &kept)), (QList<qint64>{4, 5, 6}));
    }

    void cancellation()
    {
        const ParsedQuery q = parseQuery(u"kmsall disk", m_norm);
        std::atomic<bool> cancel{true};
        bool cancelled = false;
        QString error;
        const auto hits = keywordSearch(*m_store, q, {}, 10, {}, &cancel, &cancelled, &error);
        QVERIFY(cancelled);
        QVERIFY(hits.isEmpty());
        QVERIFY(error.isEmpty());
        // The handler is removed: the same connection searches normally afterwards.
        cancel = false;
        QCOMPARE(keywordSearch(*m_store, q, {}, 10, {}, &cancel, &cancelled, &error).size(), 6);
        QVERIFY(!cancelled);
    }

    void cancellationDuringStatement()
    {
        // The flag goes up after keywordSearch's own check, while SQLite prepares the statement
        // (the authorizer runs then): only the progress handler can stop it.
        std::atomic<bool> flag{false};
        sqlite3_set_authorizer(connectionOf(*m_store), [](void *p, int, const char *, const char *, const char *,
                                                     const char *) {
            static_cast<std::atomic<bool> *>(p)->store(true);
            return SQLITE_OK;
        }, &flag);
        bool cancelled = false;
        QString error;
        const auto hits = keywordSearch(*m_store, parseQuery(u"kmsall", m_norm), {}, 10, {}, &flag,
                                        &cancelled, &error);
        sqlite3_set_authorizer(connectionOf(*m_store), nullptr, nullptr);
        QVERIFY2(cancelled, "interrupted by the progress handler");
        QVERIFY(hits.isEmpty());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // ---- snippets -------------------------------------------------------------------------------
    void snippet_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("terms");
        QTest::addColumn<int>("maxChars");
        QTest::addColumn<QString>("expected");
        QTest::newRow("mark") << "The printer is offline." << QStringList{"offline"} << 220
                              << "The printer is [[offline]].";
        QTest::newRow("case") << "ERROR 0x80070005 occurred" << QStringList{"error", "0x80070005"} << 220
                              << "[[ERROR]] [[0x80070005]] occurred";
        QTest::newRow("stem") << "The app crashes; it crashed while crashing." << QStringList{"crash"} << 220
                              << "The app [[crashes]]; it [[crashed]] while [[crashing]].";
        QTest::newRow("stem both ways") << "One query, two queries." << QStringList{"queries"} << 220
                                        << "One [[query]], two [[queries]].";
        QTest::newRow("prefix") << "Kubernetes and kube-proxy" << QStringList{"kube*"} << 220
                                << "[[Kubernetes]] and [[kube-proxy]]";
        QTest::newRow("dictionary") << "The k8s cluster is down" << QStringList{"kubernetes"} << 220
                                    << "The [[k8s]] cluster is down";
        QTest::newRow("apostrophe") << "It doesn't start" << QStringList{"doesnt"} << 220
                                    << "It [[doesn't]] start";
        QTest::newRow("whole words only") << "printers and printing" << QStringList{"print"} << 220
                                          << "printers and [[printing]]";
        QTest::newRow("no match") << "alpha beta gamma delta epsilon zeta" << QStringList{"omega"} << 22
                                  << "alpha beta gamma delta …";
        QTest::newRow("no terms") << "short text" << QStringList{} << 220 << "short text";
        QTest::newRow("window") << "one two three four five six seven eight nine ten eleven twelve timeout "
                                   "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
                                << QStringList{"timeout"} << 40
                                << "… twelve [[timeout]] thirteen fourteen …";
        QTest::newRow("densest cluster") << "disk at the start, then a long stretch of words that say nothing "
                                            "at all about storage problems, until: disk full, disk full again."
                                         << QStringList{"disk", "full"} << 50
                                         << "… problems, until: [[disk]] [[full]], [[disk]] [[full]] again.";
    }
    void snippet()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, terms);
        QFETCH(int, maxChars);
        QFETCH(QString, expected);
        QCOMPARE(makeSnippet(text, terms, m_norm, maxChars), expected);
    }

    void snippetNeverCutsWords()
    {
        QString text;
        for (int i = 0; i < 200; ++i)
            text += QStringLiteral("word%1 ").arg(i) + (i % 37 == 0 ? QStringLiteral("failure ") : QString());
        for (int max : {30, 60, 120, 220}) {
            QString s = makeSnippet(text, {QStringLiteral("failure")}, m_norm, max);
            QVERIFY(s.contains(u"[[failure]]"));
            s.remove(QStringLiteral("[[")).remove(QStringLiteral("]]"));
            if (s.startsWith(u"… "))
                s.remove(0, 2);
            if (s.endsWith(u" …"))
                s.chop(2);
            QVERIFY(s.size() <= max);
            const qsizetype at = text.indexOf(s);
            QVERIFY2(at >= 0, qPrintable(s));
            QVERIFY(at == 0 || text[at - 1] == u' ');
            QVERIFY(at + s.size() == text.size() || text[at + s.size()] == u' ');
        }
    }

    void matchedWordsMarksTheWholeText()
    {
        // Far beyond a snippet's window: every match is found, at its exact place.
        QString text = QStringLiteral("Crashes [[literal]] ");
        for (int i = 0; i < 500; ++i)
            text += QStringLiteral("filler words here ");
        text += QStringLiteral("then it crashed, k8s too.");
        const QList<TextSpan> spans = matchedWords(text, {QStringLiteral("crash"), QStringLiteral("kubernetes")}, m_norm);
        QStringList words;
        for (const TextSpan &s : spans)
            words << text.mid(s.start, s.end - s.start);
        QCOMPARE(words, (QStringList{"Crashes", "crashed", "k8s"}));
        QCOMPARE(spans.first(), (TextSpan{0, 7}));
        QVERIFY(matchedWords(text, {}, m_norm).isEmpty());
        // Marker-like text in a record is plain text, not a match.
        QCOMPARE(matchedWords(text, {QStringLiteral("literal")}, m_norm), (QList<TextSpan>{{10, 17}}));
    }

    // ---- opt-in measurements (KMS_BENCH=1) ------------------------------------------------------
    // KMS_BENCH_DATA: a data directory holding generated cases. Latency over case titles as queries.
    void benchLatency()
    {
        const QString dir = qEnvironmentVariable("KMS_BENCH_DATA");
        if (qEnvironmentVariable("KMS_BENCH") != u"1" || dir.isEmpty())
            QSKIP("set KMS_BENCH=1 and KMS_BENCH_DATA=<data dir> to measure keyword search latency");
        QString error;
        auto store = Store::open(QDir(dir).filePath(QStringLiteral("kms.sqlite")), Store::Mode::ReadWrite, &error); // migrates
        QVERIFY2(store, qPrintable(error));
        QStringList queries;
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(connectionOf(*store), "SELECT title FROM records WHERE id % 97 = 0 LIMIT 500", -1, &stmt, nullptr);
        while (sqlite3_step(stmt) == SQLITE_ROW)
            queries << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
        // Short symptom phrases and product names, as people type them.
        queries << QStringLiteral("connection timeout") << QStringLiteral("login fails")
                << QStringLiteral("error") << QStringLiteral("how do I reset my password")
                << QStringLiteral("Orbit CRM") << QStringLiteral("certificate expired")
                << QStringLiteral("slow performance after upgrade") << QStringLiteral("0x80070005")
                << QStringLiteral("sync not working") << QStringLiteral("cannot connect to server");
        const int limit = int(envDouble("KMS_BENCH_LIMIT", 100));
        KeywordSearchOptions options;
        options.allTermsFirst = qEnvironmentVariable("KMS_BENCH_AND_FIRST") == u"1";
        options.scoreBudget = int(envDouble("KMS_BENCH_BUDGET", options.scoreBudget));
        for (int round = 0; round < 2; ++round) { // the first round warms the page cache
            std::vector<double> ms;
            qint64 totalHits = 0;
            for (const QString &text : std::as_const(queries)) {
                QElapsedTimer t;
                t.start();
                const ParsedQuery q = parseQuery(text, m_norm);
                bool cancelled = false;
                const auto hits = keywordSearch(*store, q, {}, limit, options, nullptr, &cancelled, &error);
                ms.push_back(double(t.nsecsElapsed()) / 1e6);
                if (round == 1 && ms.back() > envDouble("KMS_BENCH_SHOW_SLOWER", 1e9))
                    qInfo("%.2f ms: %s", ms.back(), qPrintable(q.toFtsMatch()));
                totalHits += hits.size();
            }
            std::sort(ms.begin(), ms.end());
            if (round == 1)
                qInfo("%d queries, limit %d, budget %d, allTermsFirst %d: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms, "
                      "mean hits %.1f",
                      int(ms.size()), limit, options.scoreBudget, int(options.allTermsFirst), ms[ms.size() / 2], ms[ms.size() * 95 / 100],
                      ms[ms.size() * 99 / 100], ms.back(), double(totalHits) / double(ms.size()));
        }
    }

    // Query expansion (hybrid): the words the top hits are about, rare ones first, never the
    // query's own words, stop words or numbers.
    void expansionTermsComeFromTheTopHits()
    {
        bool cancelled = false;
        QString error;
        const auto hits = keywordSearch(*m_store, parseQuery(u"printer", m_norm), {}, 10, KeywordSearchOptions{},
                                        nullptr, &cancelled, &error);
        QCOMPARE(ids(hits), QList<qint64>{2});
        const QList<RankedId> ranked{{hits[0].id, hits[0].bm25}};
        ExpansionOptions o;
        o.terms = 4;
        const QStringList terms = expansionTerms(*m_store, m_norm, ranked, {QStringLiteral("printer")}, o);
        QCOMPARE(terms.size(), 4);
        QVERIFY(!terms.contains(QStringLiteral("printer")));
        QVERIFY2(!terms.contains(QStringLiteral("kmsall")), "in every record: no information"); // idf ~0
        // Every word comes from C-2's text, none is a stop word ("the", "after", "since" is not one).
        const QStringList c2 = m_norm.tokens(QStringLiteral(
            "Printer offline after update The printer shows offline since the driver update. printer"));
        for (const QString &t : terms) {
            QVERIFY2(c2.contains(t), qPrintable(t));
            QVERIFY2(!isStopWord(t), qPrintable(t));
        }
        // "offline" and "update" weigh twice in C-2: they lead.
        QCOMPARE(QSet<QString>(terms.cbegin(), terms.cbegin() + 2),
                 (QSet<QString>{QStringLiteral("offline"), QStringLiteral("update")}));
        QVERIFY(expansionTerms(*m_store, m_norm, {}, {}, o).isEmpty());
    }

    void expansionScoresAdd()
    {
        const QList<RankedId> keyword{{1, 10}, {2, 5}};
        const QList<RankedId> extra{{2, 4}, {3, 2}};
        const auto combined = withExpansion(keyword, extra, 0.6);
        QCOMPARE(combined.size(), 3);
        QCOMPARE(combined[0].id, 2); // 5/10 + 0.6 * 4/4
        QVERIFY(qFuzzyCompare(combined[0].score, 1.1));
        QCOMPARE(combined[1].id, 1); // 10/10
        QCOMPARE(combined[2].id, 3); // 0.6 * 2/4
        QVERIFY(qFuzzyCompare(combined[2].score, 0.3));
        QCOMPARE(withExpansion(keyword, {}, 0.6).size(), 2);
        QCOMPARE(withExpansion(keyword, extra, 0).first().id, 1);
    }

    // KMS_BENCH_NFCORPUS: a data directory with NFCorpus loaded as knowledge. nDCG@10 on dev and test.
    void benchRelevance()
    {
        const QString dir = qEnvironmentVariable("KMS_BENCH_NFCORPUS");
        if (qEnvironmentVariable("KMS_BENCH") != u"1" || dir.isEmpty())
            QSKIP("set KMS_BENCH=1 and KMS_BENCH_NFCORPUS=<data dir> to measure relevance");
        QString error;
        auto store = Store::open(QDir(dir).filePath(QStringLiteral("kms.sqlite")), Store::Mode::ReadWrite, &error); // migrates
        QVERIFY2(store, qPrintable(error));
        const QString data = QStringLiteral(KMS_SHARED_DATA_DIR "/nfcorpus/");
        QHash<QString, QString> queryText;
        QFile qf(data + QStringLiteral("queries.jsonl"));
        QVERIFY(qf.open(QIODevice::ReadOnly));
        while (!qf.atEnd()) {
            const QJsonObject o = QJsonDocument::fromJson(qf.readLine()).object();
            queryText.insert(o.value(u"_id").toString(), o.value(u"text").toString());
        }
        QHash<qint64, QString> externalIds;
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(connectionOf(*store), "SELECT id, external_id FROM records", -1, &stmt, nullptr);
        while (sqlite3_step(stmt) == SQLITE_ROW)
            externalIds.insert(sqlite3_column_int64(stmt, 0),
                               QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 1))));
        sqlite3_finalize(stmt);

        KeywordSearchOptions options;
        options.titleWeight = envDouble("KMS_BENCH_TITLE", options.titleWeight);
        options.bodyWeight = envDouble("KMS_BENCH_BODY", options.bodyWeight);
        options.allTermsFirst = qEnvironmentVariable("KMS_BENCH_AND_FIRST") == u"1";
        options.scoreBudget = int(envDouble("KMS_BENCH_BUDGET", options.scoreBudget));
        for (const char *split : {"dev", "test"}) {
            QFile rf(data + QStringLiteral("qrels/%1.tsv").arg(QLatin1String(split)));
            QVERIFY(rf.open(QIODevice::ReadOnly));
            QHash<QString, QHash<QString, int>> qrels;
            QStringList order;
            rf.readLine(); // header
            while (!rf.atEnd()) {
                const QStringList f = QString::fromUtf8(rf.readLine()).trimmed().split(u'\t');
                if (f.size() < 3)
                    continue;
                if (!qrels.contains(f[0]))
                    order << f[0];
                qrels[f[0]].insert(f[1], f[2].toInt());
            }
            double sum = 0;
            for (const QString &qid : std::as_const(order)) {
                const ParsedQuery q = parseQuery(queryText.value(qid), m_norm);
                bool cancelled = false;
                const auto hits = keywordSearch(*store, q, {}, 10, options, nullptr, &cancelled, &error);
                const auto &judged = qrels[qid];
                double dcg = 0;
                for (int i = 0; i < hits.size(); ++i)
                    dcg += judged.value(externalIds.value(hits[i].id)) / std::log2(i + 2.0);
                QList<int> grades = judged.values();
                std::sort(grades.begin(), grades.end(), std::greater<>());
                double ideal = 0;
                for (int i = 0; i < std::min<qsizetype>(10, grades.size()); ++i)
                    ideal += grades[i] / std::log2(i + 2.0);
                sum += ideal > 0 ? dcg / ideal : 0;
            }
            qInfo("NFCorpus %s: nDCG@10 %.4f over %d queries (title %.2f, body %.2f, budget %d, allTermsFirst %d)",
                  split, sum / double(order.size()), int(order.size()), options.titleWeight, options.bodyWeight,
                  options.scoreBudget, int(options.allTermsFirst));
        }
    }
};

QTEST_GUILESS_MAIN(TestSearchKeyword)
#include "tst_search_keyword.moc"
