// SPDX-License-Identifier: MIT
#include "synth/CorpusWriter.h"
#include "synth/EvalSet.h"
#include "synth/Generator.h"
#include "synth/Random.h"
#include "synth/SyntheticCorpus.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>
#include <vector>

using namespace kms;

namespace {

struct Generated {
    Record record;
    GroundTruth truth;
};

std::vector<Generated> generateAll(const SynthOptions &options)
{
    Generator generator(options);
    std::vector<Generated> out;
    Generated g;
    while (generator.next(g.record, &g.truth))
        out.push_back(g);
    return out;
}

SynthOptions smallCorpus(quint64 seed = 11)
{
    SynthOptions o;
    o.articles = 200;
    o.cases = 1800;
    o.seed = seed;
    return o;
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

QSet<QString> wordSet(const QString &text)
{
    QSet<QString> words;
    QString current;
    for (QChar c : text) {
        if (c.isLetterOrNumber()) {
            current += c.toLower();
        } else if (!current.isEmpty()) {
            words.insert(current);
            current.clear();
        }
    }
    if (!current.isEmpty())
        words.insert(current);
    return words;
}

double jaccard(const QSet<QString> &a, const QSet<QString> &b)
{
    if (a.isEmpty() && b.isEmpty())
        return 1.0;
    qsizetype common = 0;
    for (const QString &w : a)
        common += b.contains(w) ? 1 : 0;
    return double(common) / double(a.size() + b.size() - common);
}

int words(const QString &text)
{
    return int(text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size());
}

// A strict RFC 4180 reader for the test: rows of fields, or an error for a malformed file.
std::vector<QStringList> parseCsv(const QString &text, QString *error)
{
    std::vector<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                    if (i + 1 < text.size() && text[i + 1] != u',' && text[i + 1] != u'\r') {
                        *error = QStringLiteral("character after closing quote at %1").arg(i);
                        return {};
                    }
                }
            } else {
                field += c;
            }
        } else if (c == u'"') {
            if (fieldStarted && !field.isEmpty()) {
                *error = QStringLiteral("quote inside an unquoted field at %1").arg(i);
                return {};
            }
            quoted = true;
            fieldStarted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
            fieldStarted = false;
        } else if (c == u'\r') {
            if (i + 1 >= text.size() || text[i + 1] != u'\n') {
                *error = QStringLiteral("CR without LF at %1").arg(i);
                return {};
            }
            ++i;
            row << field;
            rows.push_back(row);
            row.clear();
            field.clear();
            fieldStarted = false;
        } else if (c == u'\n') {
            *error = QStringLiteral("bare LF outside quotes at %1").arg(i);
            return {};
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted || !row.isEmpty() || !field.isEmpty()) {
        *error = QStringLiteral("file does not end with CRLF after a complete record");
        return {};
    }
    return rows;
}

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

} // namespace

class TestSynth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void vocabularyIsValid()
    {
        const auto &corpus = synth::SyntheticCorpus::instance();
        QVERIFY2(corpus.error().isEmpty(), qPrintable(corpus.error()));
        QVERIFY(corpus.products().size() >= 15 && corpus.products().size() <= 25);
        QVERIFY(corpus.kinds().size() >= 10);
        QString error;
        QVERIFY(!synth::parseTemplate("broken {nosuchslot}", &error));
        QVERIFY(error.contains(QLatin1String("nosuchslot")));
        QVERIFY(!synth::parseTemplate("unclosed {product", &error));
    }

    void randomIsPortable()
    {
        // Known splitmix64 output and fixed values of our streams: any platform must agree.
        std::uint64_t state = 0;
        QCOMPARE(synth::splitMix64(state), 0xe220a8397b1dcdafULL);
        synth::Rng rng(42);
        QCOMPARE(rng.next(), 1546998764402558742ULL);
        QCOMPARE(rng.next(), 6990951692964543102ULL);
        synth::Rng small(7);
        const std::uint32_t expected[] = {700, 278, 839, 981, 990};
        for (std::uint32_t e : expected)
            QCOMPARE(small.below(1000), e);
        QCOMPARE(synth::streamSeed(1, 2, 3), 7055104543468171599ULL);
        synth::Rng bounded(5);
        for (int i = 0; i < 10000; ++i) {
            QVERIFY(bounded.below(7) < 7);
            QCOMPARE(bounded.below(1), 0u);
            const int r = bounded.range(-3, 3);
            QVERIFY(r >= -3 && r <= 3);
        }
    }

    void sameSeedSameBytes_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::newRow("jsonl") << "corpus.jsonl";
        QTest::newRow("json") << "corpus.json";
        QTest::newRow("csv") << "corpus.csv";
    }
    void sameSeedSameBytes()
    {
        QFETCH(QString, fileName);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        const QString a = dir.filePath(QLatin1String("a-") + fileName);
        const QString b = dir.filePath(QLatin1String("b-") + fileName);
        const QString c = dir.filePath(QLatin1String("c-") + fileName);
        QVERIFY2(writeSyntheticCorpus(smallCorpus(11), a, &error), qPrintable(error));
        QVERIFY2(writeSyntheticCorpus(smallCorpus(11), b, &error), qPrintable(error));
        QVERIFY2(writeSyntheticCorpus(smallCorpus(12), c, &error), qPrintable(error));
        QVERIFY(!fileHash(a).isEmpty());
        QCOMPARE(fileHash(a), fileHash(b));
        QVERIFY(fileHash(a) != fileHash(c));

        // The threaded export writes exactly what a single-threaded writer loop writes.
        const QString d = dir.filePath(QLatin1String("d-") + fileName);
        CorpusWriter writer;
        QVERIFY2(writer.open(d, &error), qPrintable(error));
        for (const Generated &g : generateAll(smallCorpus(11)))
            QVERIFY2(writer.write(g.record, &error), qPrintable(error));
        QVERIFY2(writer.finish(&error), qPrintable(error));
        QCOMPARE(fileHash(d), fileHash(a));
    }

    void countsAreExact_data()
    {
        QTest::addColumn<int>("articles");
        QTest::addColumn<int>("cases");
        QTest::newRow("both") << 37 << 501;
        QTest::newRow("no articles") << 0 << 120;
        QTest::newRow("no cases") << 25 << 0;
        QTest::newRow("nothing") << 0 << 0;
        QTest::newRow("one each") << 1 << 1;
    }
    void countsAreExact()
    {
        QFETCH(int, articles);
        QFETCH(int, cases);
        SynthOptions o;
        o.articles = articles;
        o.cases = cases;
        const auto all = generateAll(o);
        int a = 0, c = 0;
        for (const Generated &g : all) {
            if (g.record.collection == Collection::Knowledge) {
                QCOMPARE(c, 0); // articles come first
                ++a;
            } else {
                ++c;
            }
        }
        QCOMPARE(a, articles);
        QCOMPARE(c, cases);

        QTemporaryDir dir;
        QString error;
        CorpusStats stats;
        const QString path = dir.filePath(QStringLiteral("counts.json"));
        QVERIFY2(writeSyntheticCorpus(o, path, &error, &stats), qPrintable(error));
        QCOMPARE(stats.articles, qint64(articles));
        QCOMPARE(stats.cases, qint64(cases));
        QCOMPARE(stats.bytes, QFileInfo(path).size());
        const QJsonDocument doc = QJsonDocument::fromJson(readAll(path).toUtf8());
        QVERIFY(doc.isArray());
        QCOMPARE(doc.array().size(), qsizetype(articles + cases));
    }

    void recordsAreWellFormed()
    {
        const SynthOptions o = smallCorpus();
        const QSet<QString> statuses{"new", "open", "pending", "resolved", "closed"};
        const QStringList priorities{"low", "medium", "high", "critical"};
        QHash<QString, int> priorityCount;
        QSet<QString> ids;
        const QDateTime start = QDateTime::fromSecsSinceEpoch(o.startSecsSinceEpoch, Qt::UTC);
        const QDateTime end = start.addDays(o.spanDays);
        for (const Generated &g : generateAll(o)) {
            const Record &r = g.record;
            QVERIFY2(!ids.contains(r.externalId), qPrintable(r.externalId));
            ids.insert(r.externalId);
            QVERIFY(!r.title.trimmed().isEmpty());
            QVERIFY(!r.tags.isEmpty());
            QVERIFY(r.createdAt.isValid() && r.updatedAt.isValid());
            QVERIFY(r.updatedAt >= r.createdAt);
            QVERIFY(r.createdAt >= start && r.updatedAt < end);
            QCOMPARE(r.extra.value(QLatin1String("problem_id")).toString(), g.truth.problemId);
            for (auto it = r.extra.constBegin(); it != r.extra.constEnd(); ++it)
                QVERIFY2(Generator::extraFieldNames().contains(it.key()), qPrintable(it.key()));
            if (r.collection == Collection::Knowledge) {
                QVERIFY(r.externalId.startsWith(QLatin1String("KB-")));
                const int n = words(r.body);
                QVERIFY2(n >= 150 && n <= 600, qPrintable(QStringLiteral("%1: %2 words").arg(r.externalId).arg(n)));
                QVERIFY(!r.category.isEmpty());
                QVERIFY(r.body.contains(QLatin1String("Resolution\n1. ")));
                continue;
            }
            const int n = words(r.body);
            QVERIFY2(n >= 60 && n <= 250, qPrintable(QStringLiteral("%1: %2 words").arg(r.externalId).arg(n)));
            QVERIFY2(statuses.contains(r.status), qPrintable(r.status));
            QVERIFY2(priorities.contains(r.priority), qPrintable(r.priority));
            ++priorityCount[r.priority];
            QVERIFY(!r.product.isEmpty());
            const bool solved = r.status == u"resolved" || r.status == u"closed";
            QCOMPARE(!r.resolution.isEmpty(), solved);
            if (solved) {
                const int rn = words(r.resolution);
                QVERIFY2(rn >= 20 && rn <= 80, qPrintable(QStringLiteral("%1: %2 words").arg(r.externalId).arg(rn)));
            }
            QCOMPARE(r.extra.value(QLatin1String("answer_article")).toString(), g.truth.answerArticle);
            QCOMPARE(r.extra.value(QLatin1String("duplicate_of")).toString(), g.truth.duplicateOf);
        }
        // Realistic skew: medium most common, critical rarest.
        QVERIFY(priorityCount.value("medium") > priorityCount.value("low"));
        QVERIFY(priorityCount.value("low") > priorityCount.value("high"));
        QVERIFY(priorityCount.value("high") > priorityCount.value("critical"));
        QVERIFY(priorityCount.value("critical") > 0);
    }

    void textLooksLikeSupportData()
    {
        QString all;
        for (const Generated &g : generateAll(smallCorpus()))
            all += g.record.title + u'\n' + g.record.body + u'\n' + g.record.resolution + u'\n';
        // Real error shapes and customer shorthand that the term dictionary has to bridge.
        for (const char *needle : {"HRESULT 0x8007", "ORA-", "HTTP 50", "SQLSTATE ", "java.lang.",
                                   "SSL handshake", "KB-", " db ", " pls ", "k8s", " pwd ", " vpn "})
            QVERIFY2(all.contains(QLatin1String(needle)), needle);
    }

    void nearDuplicatesAtIntendedRate()
    {
        const auto all = generateAll(smallCorpus());
        QHash<QString, const Generated *> byId;
        std::vector<const Generated *> cases;
        for (const Generated &g : all) {
            byId.insert(g.record.externalId, &g);
            if (g.record.collection == Collection::Cases)
                cases.push_back(&g);
        }
        // By ground truth: the declared duplicates share the problem and most of the words.
        int declared = 0;
        double dupOverlap = 0;
        for (const Generated *g : cases) {
            if (g->truth.duplicateOf.isEmpty())
                continue;
            ++declared;
            const Generated *original = byId.value(g->truth.duplicateOf);
            QVERIFY(original);
            QCOMPARE(original->truth.problemId, g->truth.problemId);
            QVERIFY(original->truth.duplicateOf.isEmpty());
            QVERIFY(original->record.createdAt <= g->record.createdAt);
            const double j = jaccard(wordSet(original->record.body), wordSet(g->record.body));
            QVERIFY2(j >= 0.5, qPrintable(QStringLiteral("%1 vs %2: %3").arg(g->record.externalId,
                                                                          g->truth.duplicateOf).arg(j)));
            dupOverlap += j;
        }
        const double declaredRate = double(declared) / double(cases.size());
        QVERIFY2(declaredRate >= 0.09 && declaredRate <= 0.15, qPrintable(QString::number(declaredRate)));

        // Measured blind: cases with an earlier case of the same problem and high word overlap.
        QHash<QString, std::vector<const Generated *>> byProblem;
        int measured = 0;
        double sameProblemOverlap = 0;
        int sameProblemPairs = 0;
        QHash<const Generated *, QSet<QString>> sets;
        for (const Generated *g : cases)
            sets.insert(g, wordSet(g->record.body));
        for (const Generated *g : cases) {
            auto &earlier = byProblem[g->truth.problemId];
            bool near = false;
            for (const Generated *e : earlier) {
                const double j = jaccard(sets.value(e), sets.value(g));
                near = near || j >= 0.6;
                if (g->truth.duplicateOf.isEmpty() && e->truth.duplicateOf.isEmpty()) {
                    sameProblemOverlap += j;
                    ++sameProblemPairs;
                }
            }
            measured += near ? 1 : 0;
            earlier.push_back(g);
        }
        const double measuredRate = double(measured) / double(cases.size());
        QVERIFY2(measuredRate >= 0.08 && measuredRate <= 0.18, qPrintable(QString::number(measuredRate)));
        // Independent tickets about the same problem share vocabulary, but far less wording.
        QVERIFY(sameProblemPairs > 100);
        QVERIFY(sameProblemOverlap / sameProblemPairs < 0.45);
        QVERIFY(dupOverlap / declared > 0.7);
        qInfo("near-duplicates: declared %.1f%%, measured %.1f%%; mean word overlap %.2f (duplicates) vs "
              "%.2f (other cases of the same problem)", declaredRate * 100, measuredRate * 100,
              dupOverlap / declared, sameProblemOverlap / sameProblemPairs);

        // Popularity is skewed: the most reported problem has many cases, and articles answer groups.
        int top = 0;
        for (auto it = byProblem.cbegin(); it != byProblem.cend(); ++it)
            top = std::max(top, int(it->size()));
        QVERIFY2(top >= 30, qPrintable(QString::number(top)));
    }

    void kbReferencesExist()
    {
        const auto all = generateAll(smallCorpus());
        QSet<QString> articles;
        int answered = 0, mentions = 0, cases = 0;
        for (const Generated &g : all) {
            if (g.record.collection == Collection::Knowledge) {
                articles.insert(g.record.externalId);
                continue;
            }
            ++cases;
            if (!g.truth.answerArticle.isEmpty()) {
                ++answered;
                QVERIFY2(articles.contains(g.truth.answerArticle), qPrintable(g.truth.answerArticle));
            }
            const QString &res = g.record.resolution;
            for (qsizetype at = res.indexOf(QLatin1String("KB-")); at >= 0; at = res.indexOf(QLatin1String("KB-"), at + 3)) {
                qsizetype end = at + 3;
                while (end < res.size() && res[end].isDigit())
                    ++end;
                const QString id = res.mid(at, end - at);
                QVERIFY2(articles.contains(id), qPrintable(id));
                QCOMPARE(id, g.truth.answerArticle);
                ++mentions;
            }
        }
        QVERIFY(answered > cases / 2 && answered < cases); // some problems have no article
        QVERIFY(mentions > 100);
    }

    void jsonlLinesAreObjects()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.jsonl"));
        QString error;
        SynthOptions o = smallCorpus();
        QVERIFY2(writeSyntheticCorpus(o, path, &error), qPrintable(error));
        const auto all = generateAll(o);
        const QStringList lines = readAll(path).split(u'\n');
        QCOMPARE(lines.size(), qsizetype(all.size() + 1));
        QVERIFY(lines.last().isEmpty());
        for (qsizetype i = 0; i < qsizetype(all.size()); ++i) {
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(lines[i].toUtf8(), &pe);
            QVERIFY2(doc.isObject(), qPrintable(QStringLiteral("line %1: %2").arg(i + 1).arg(pe.errorString())));
            const QJsonObject obj = doc.object();
            const Record &r = all[std::size_t(i)].record;
            const bool isCase = r.collection == Collection::Cases;
            QCOMPARE(obj.value("record_type").toString(), isCase ? QStringLiteral("case") : QStringLiteral("article"));
            QCOMPARE(obj.value("id").toString(), r.externalId);
            QCOMPARE(obj.value("body").toString(), r.body);
            QCOMPARE(obj.value("title").toString(), r.title);
            QCOMPARE(obj.value("created_at").toString(), isoUtc(r.createdAt));
            QCOMPARE(obj.value("updated_at").toString(), isoUtc(r.updatedAt));
            QCOMPARE(obj.value("tags").toArray().size(), r.tags.size());
            for (auto it = r.extra.constBegin(); it != r.extra.constEnd(); ++it)
                QCOMPARE(obj.value(it.key()), it.value());
        }
    }

    void csvParsesBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.csv"));
        QString error;
        SynthOptions o = smallCorpus();
        QVERIFY2(writeSyntheticCorpus(o, path, &error), qPrintable(error));
        const auto rows = parseCsv(readAll(path), &error);
        QVERIFY2(!rows.empty(), qPrintable(error));
        const auto all = generateAll(o);
        QCOMPARE(rows.size(), all.size() + 1);
        const QStringList header = rows.front();
        QCOMPARE(header.mid(0, 4), (QStringList{"id", "record_type", "title", "body"}));
        for (std::size_t i = 1; i < rows.size(); ++i) {
            const QStringList &row = rows[i];
            QCOMPARE(row.size(), header.size());
            const Record &r = all[i - 1].record;
            auto col = [&](const char *name) { return row[header.indexOf(QLatin1String(name))]; };
            const bool isCase = r.collection == Collection::Cases;
            QCOMPARE(col("id"), r.externalId);
            QCOMPARE(col("record_type"), isCase ? QStringLiteral("case") : QStringLiteral("article"));
            QCOMPARE(col("title"), r.title);
            QCOMPARE(col("body"), r.body);
            QCOMPARE(col("resolution"), r.resolution);
            QCOMPARE(col("tags"), r.tags.join(u';'));
            QCOMPARE(col("created_at"), isoUtc(r.createdAt));
            QCOMPARE(col("answer_article"), r.extra.value("answer_article").toString());
        }
    }

    void writerEscapesEverything()
    {
        Record r;
        r.collection = Collection::Cases;
        r.externalId = QStringLiteral("X-1");
        r.title = QStringLiteral("Quote \" comma , semicolon ; backslash \\ tab\t");
        r.body = QStringLiteral("line one\r\nline \"two\"\nctrl \x01 ünïcødé 日本 ") + QString::fromUcs4(U"\U0001F600")
                 + QChar(0xD800) + QStringLiteral(" end");
        r.status = QStringLiteral("open");
        r.tags = QStringList{QStringLiteral("a,b"), QStringLiteral("c\"d")};
        r.createdAt = QDateTime(QDate(2024, 2, 29), QTime(23, 59, 58, 250), Qt::UTC);
        r.updatedAt = r.createdAt;
        r.extra.insert(QStringLiteral("views"), 12);
        r.extra.insert(QStringLiteral("region"), QStringLiteral("EMEA, \"north\""));
        const QString expectedBody = QString(r.body).replace(QChar(0xD800), QChar(0xFFFD));

        QTemporaryDir dir;
        QString error;
        {
            CorpusWriter w;
            QVERIFY2(w.open(dir.filePath("e.jsonl"), &error), qPrintable(error));
            QVERIFY2(w.write(r, &error), qPrintable(error));
            QVERIFY2(w.finish(&error), qPrintable(error));
        }
        const QJsonObject obj = QJsonDocument::fromJson(readAll(dir.filePath("e.jsonl")).toUtf8()).object();
        QCOMPARE(obj.value("title").toString(), r.title);
        QCOMPARE(obj.value("body").toString(), expectedBody);
        QCOMPARE(obj.value("created_at").toString(), QStringLiteral("2024-02-29T23:59:58.250Z"));
        QCOMPARE(obj.value("views").toInt(), 12);
        QVERIFY(!obj.contains("resolution")); // empty optional fields are left out
        {
            CorpusWriter w;
            QVERIFY2(w.open(dir.filePath("e.csv"), &error), qPrintable(error));
            QVERIFY2(w.write(r, &error), qPrintable(error));
            QVERIFY2(w.finish(&error), qPrintable(error));
        }
        const auto rows = parseCsv(readAll(dir.filePath("e.csv")), &error);
        QVERIFY2(rows.size() == 2, qPrintable(error));
        const QStringList &header = rows[0];
        QCOMPARE(rows[1][header.indexOf("title")], r.title);
        QCOMPARE(rows[1][header.indexOf("body")], expectedBody);
        QCOMPARE(rows[1][header.indexOf("tags")], QStringLiteral("a,b;c\"d"));
        QCOMPARE(rows[1][header.indexOf("region")], r.extra.value("region").toString());
        QCOMPARE(rows[1][header.indexOf("views")], QStringLiteral("12"));

        // An extra field without a CSV column is refused, not dropped.
        r.extra.insert(QStringLiteral("mystery"), QStringLiteral("x"));
        CorpusWriter w;
        QVERIFY(w.open(dir.filePath("f.csv"), &error));
        QVERIFY(!w.write(r, &error));
        QVERIFY2(error.contains(QLatin1String("mystery")) && error.contains(QLatin1String("X-1")), qPrintable(error));
        QVERIFY(!QFile::exists(dir.filePath("f.csv")));
    }

    void clearErrors()
    {
        QString error;
        SynthOptions o = smallCorpus();
        QVERIFY(!writeSyntheticCorpus(o, QStringLiteral("/nonexistent-kms-dir/x.jsonl"), &error));
        QVERIFY2(error.startsWith(QLatin1String("cannot open /nonexistent-kms-dir/x.jsonl: ")), qPrintable(error));

        QTemporaryDir dir;
        QVERIFY(!writeSyntheticCorpus(o, dir.filePath("x.txt"), &error));
        QVERIFY2(error.contains(QLatin1String(".jsonl")), qPrintable(error));

        o.cases = -1;
        QVERIFY(!writeSyntheticCorpus(o, dir.filePath("x.jsonl"), &error));
        QVERIFY2(error.contains(QLatin1String("cases")), qPrintable(error));
        QVERIFY(!QFile::exists(dir.filePath("x.jsonl")));
    }

    void diskFullIsReported()
    {
        if (!QFile::exists(QStringLiteral("/dev/full")))
            QSKIP("no /dev/full on this system");
        CorpusWriter w;
        QString error;
        QVERIFY2(w.open(QStringLiteral("/dev/full"), CorpusFormat::JsonLines, &error), qPrintable(error));
        Generator g(smallCorpus());
        Record r;
        bool failed = false;
        while (!failed && g.next(r))
            failed = !w.write(r, &error); // fails at the first 1 MiB flush
        if (!failed)
            failed = !w.finish(&error);
        QVERIFY(failed);
        QVERIFY2(error.startsWith(QLatin1String("cannot write /dev/full: ")), qPrintable(error));
        QVERIFY(QFile::exists(QStringLiteral("/dev/full"))); // a device is never removed
    }

    void cancelRemovesPartialFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.jsonl"));
        SynthOptions o;
        o.articles = 100;
        o.cases = 50000;
        QString error;
        int calls = 0;
        const bool ok = writeSyntheticCorpus(o, path, &error, nullptr, [&calls](qint64 done, qint64 total) {
            ++calls;
            return done < total / 2;
        });
        QVERIFY(!ok);
        QVERIFY2(error.contains(QLatin1String("cancelled")), qPrintable(error));
        QCOMPARE(calls, 3);
        QVERIFY(!QFile::exists(path));
    }

    // Opt-in: KMS_BENCH=1 (or a record count) measures generation + writing throughput.
    // The held-out cases are queries, never documents; every judged id is a document of the corpus
    // with the query's problem; the answering article has grade 2.
    void evalSetIsConsistent()
    {
        QTemporaryDir dir;
        SynthOptions o;
        o.cases = 600;
        o.articles = 40;
        o.seed = 5;
        QString error;
        EvalSetStats stats;
        QVERIFY2(writeSyntheticEvalSet(o, 50, dir.path(), &error, &stats), qPrintable(error));
        QCOMPARE(stats.documents, qint64(590));

        QHash<QString, QString> problemOf; // every generated record
        Generator g(o);
        Record r;
        GroundTruth t;
        QHash<QString, QString> answerOf;
        while (g.next(r, &t)) {
            problemOf.insert(r.externalId, t.problemId);
            answerOf.insert(r.externalId, t.answerArticle);
        }

        QSet<QString> docs;
        QFile corpus(dir.filePath(QStringLiteral("corpus.jsonl")));
        QVERIFY(corpus.open(QIODevice::ReadOnly));
        while (!corpus.atEnd()) {
            const QJsonObject doc = QJsonDocument::fromJson(corpus.readLine()).object();
            QVERIFY(!doc.value(u"title").toString().isEmpty());
            docs.insert(doc.value(u"_id").toString());
        }
        QCOMPARE(qint64(docs.size()), stats.documents);

        QSet<QString> queries;
        QFile queryFile(dir.filePath(QStringLiteral("queries.jsonl")));
        QVERIFY(queryFile.open(QIODevice::ReadOnly));
        while (!queryFile.atEnd()) {
            const QJsonObject q = QJsonDocument::fromJson(queryFile.readLine()).object();
            QVERIFY(!docs.contains(q.value(u"_id").toString()));
            QVERIFY(!q.value(u"text").toString().isEmpty());
            queries.insert(q.value(u"_id").toString());
        }
        QCOMPARE(qint64(queries.size()), stats.queries);
        QVERIFY(stats.queries > 40); // a few problems may have nothing in the corpus

        QFile qrels(dir.filePath(QStringLiteral("qrels/test.tsv")));
        QVERIFY(qrels.open(QIODevice::ReadOnly));
        QCOMPARE(qrels.readLine(), QByteArray("query-id\tcorpus-id\tscore\n"));
        qint64 rows = 0;
        while (!qrels.atEnd()) {
            const QStringList f = QString::fromUtf8(qrels.readLine()).trimmed().split(u'\t');
            QCOMPARE(f.size(), 3);
            QVERIFY(queries.contains(f[0]));
            QVERIFY(docs.contains(f[1]));
            QCOMPARE(problemOf.value(f[1]), problemOf.value(f[0]));
            QCOMPARE(f[2] == u"2", f[1] == answerOf.value(f[0]));
            ++rows;
        }
        QCOMPARE(rows, stats.judgements);

        QVERIFY(!writeSyntheticEvalSet(o, 0, dir.path(), &error));
        QVERIFY(error.contains(u"queries"));
    }

    void benchmarkThroughput_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::newRow("jsonl") << "bench.jsonl";
        QTest::newRow("csv") << "bench.csv";
    }
    void benchmarkThroughput()
    {
        const QByteArray env = qgetenv("KMS_BENCH");
        if (env.isEmpty())
            QSKIP("set KMS_BENCH=1 (or a record count) to run the benchmark");
        QFETCH(QString, fileName);
        SynthOptions o;
        o.cases = std::max<qint64>(env.toLongLong(), 1) > 1 ? env.toLongLong() : 200000;
        o.articles = o.cases / 20;
        QTemporaryDir dir;
        QString error;
        CorpusStats stats;
        QElapsedTimer timer;
        const std::clock_t cpu0 = std::clock();
        timer.start();
        QVERIFY2(writeSyntheticCorpus(o, dir.filePath(fileName), &error, &stats), qPrintable(error));
        const double wall = double(timer.nsecsElapsed()) / 1e9;
        const double cpu = double(std::clock() - cpu0) / CLOCKS_PER_SEC;
        const double n = double(stats.cases + stats.articles);
        qInfo("%s: %.0f records, %.1f MB in %.2f s wall (%.0f records/s), %.2f s CPU (%.0f records/CPU-s)",
              qPrintable(fileName), n, double(stats.bytes) / 1e6, wall, n / wall, cpu, n / cpu);
    }
};

QTEST_GUILESS_MAIN(TestSynth)
#include "tst_synth.moc"
