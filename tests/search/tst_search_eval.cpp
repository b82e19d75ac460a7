// SPDX-License-Identifier: MIT
#include "search/Evaluation.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace kms;

using Judgements = QHash<QString, int>;

namespace {

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-12;
}

// The judged documents of a query, best grade first (ties by id, so the order is fixed).
QStringList idealRanking(const Judgements &j)
{
    QStringList ids;
    for (auto it = j.cbegin(); it != j.cend(); ++it)
        if (it.value() > 0)
            ids.append(it.key());
    std::sort(ids.begin(), ids.end(), [&](const QString &a, const QString &b) {
        return j.value(a) != j.value(b) ? j.value(a) > j.value(b) : a < b;
    });
    return ids;
}

} // namespace

class TestSearchEval : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size())
            return {};
        return path;
    }

    // q1..q3 judged (q5 only with a zero grade), q4 not judged at all.
    static QList<EvalQuery> smallQueries()
    {
        return {{QStringLiteral("q1"), QStringLiteral("one")}, {QStringLiteral("q2"), QStringLiteral("two")},
                {QStringLiteral("q3"), QStringLiteral("three")}, {QStringLiteral("q4"), QStringLiteral("four")},
                {QStringLiteral("q5"), QStringLiteral("five")}};
    }
    static Qrels smallQrels()
    {
        Qrels q;
        q[QStringLiteral("q1")] = {{QStringLiteral("a"), 2}, {QStringLiteral("b"), 1}};
        q[QStringLiteral("q2")] = {{QStringLiteral("c"), 1}};
        q[QStringLiteral("q3")] = {{QStringLiteral("d"), 3}, {QStringLiteral("e"), 2}, {QStringLiteral("f"), 1}};
        q[QStringLiteral("q5")] = {{QStringLiteral("g"), 0}};
        q[QStringLiteral("q9")] = {{QStringLiteral("h"), 1}}; // judged but not in the query list
        return q;
    }
    static QString idOf(const QString &text)
    {
        static const QHash<QString, QString> ids = {{QStringLiteral("one"), QStringLiteral("q1")},
                                                    {QStringLiteral("two"), QStringLiteral("q2")},
                                                    {QStringLiteral("three"), QStringLiteral("q3")},
                                                    {QStringLiteral("four"), QStringLiteral("q4")},
                                                    {QStringLiteral("five"), QStringLiteral("q5")}};
        return ids.value(text);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void metrics_data()
    {
        QTest::addColumn<QStringList>("ranked");
        QTest::addColumn<Judgements>("judgements");
        QTest::addColumn<int>("k");
        QTest::addColumn<double>("ndcg");
        QTest::addColumn<double>("recall");
        QTest::addColumn<double>("rr");
        const double l3 = std::log2(3.0);
        QTest::newRow("graded example") << QStringList{"d1", "d2", "d3"} << Judgements{{"d1", 2}, {"d3", 1}} << 10
                                        << (2.0 / 1 + 1.0 / 2) / (2.0 / 1 + 1.0 / l3) << 1.0 << 1.0;
        QTest::newRow("relevant second") << QStringList{"x", "d1"} << Judgements{{"d1", 1}} << 10
                                         << 1.0 / l3 << 1.0 << 0.5;
        QTest::newRow("cut before relevant") << QStringList{"x", "y", "d1"} << Judgements{{"d1", 1}, {"d2", 1}} << 2
                                             << 0.0 << 0.0 << 0.0;
        QTest::newRow("half found at 3") << QStringList{"x", "y", "d1"} << Judgements{{"d1", 1}, {"d2", 1}} << 3
                                         << 0.5 / (1.0 + 1.0 / l3) << 0.5 << 1.0 / 3;
        QTest::newRow("ideal cut at k") << QStringList{"c"} << Judgements{{"a", 3}, {"b", 3}, {"c", 3}} << 1
                                        << 1.0 << 1.0 / 3 << 1.0;
        QTest::newRow("grade order matters") << QStringList{"b", "a"} << Judgements{{"a", 3}, {"b", 1}} << 10
                                             << (1.0 + 3.0 / l3) / (3.0 + 1.0 / l3) << 1.0 << 1.0;
        QTest::newRow("no relevant docs") << QStringList{"d1", "d2"} << Judgements{{"d1", 0}} << 10
                                          << 0.0 << 0.0 << 0.0;
        QTest::newRow("no judgements") << QStringList{"d1"} << Judgements{} << 10 << 0.0 << 0.0 << 0.0;
        QTest::newRow("empty ranked list") << QStringList{} << Judgements{{"d1", 1}} << 10 << 0.0 << 0.0 << 0.0;
        // Listed twice, credited once: without that, nDCG would exceed 1.
        QTest::newRow("duplicates counted once") << QStringList{"d1", "d1", "d2"} << Judgements{{"d1", 1}, {"d2", 1}}
                                                 << 10 << 1.0 << 1.0 << 1.0;
        QTest::newRow("duplicates do not use up k") << QStringList{"x", "x", "d1"} << Judgements{{"d1", 1}} << 2
                                                    << 1.0 / l3 << 1.0 << 0.5;
        QTest::newRow("negative grade is not relevant") << QStringList{"d1", "d2"} << Judgements{{"d1", -1}, {"d2", 1}}
                                                        << 10 << 1.0 / l3 << 1.0 << 0.5;
        QTest::newRow("k zero") << QStringList{"d1"} << Judgements{{"d1", 1}} << 0 << 0.0 << 0.0 << 0.0;
    }
    void metrics()
    {
        QFETCH(QStringList, ranked);
        QFETCH(Judgements, judgements);
        QFETCH(int, k);
        QFETCH(double, ndcg);
        QFETCH(double, recall);
        QFETCH(double, rr);
        QVERIFY2(near(ndcgAt(ranked, judgements, k), ndcg),
                 qPrintable(QString::number(ndcgAt(ranked, judgements, k), 'g', 17)));
        QVERIFY2(near(recallAt(ranked, judgements, k), recall),
                 qPrintable(QString::number(recallAt(ranked, judgements, k), 'g', 17)));
        QVERIFY2(near(reciprocalRankAt(ranked, judgements, k), rr),
                 qPrintable(QString::number(reciprocalRankAt(ranked, judgements, k), 'g', 17)));
    }

    void percentiles_data()
    {
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("expected");
        QTest::newRow("empty") << QList<double>{} << 0.5 << 0.0;
        QTest::newRow("single") << QList<double>{7} << 0.99 << 7.0;
        QTest::newRow("median of 4") << QList<double>{4, 1, 3, 2} << 0.5 << 2.0;
        QTest::newRow("p95 of 20") << QList<double>{20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3,
                                                    2, 1}
                                   << 0.95 << 19.0;
        QTest::newRow("p0 is the minimum") << QList<double>{5, 3, 9} << 0.0 << 3.0;
        QTest::newRow("p100 is the maximum") << QList<double>{5, 3, 9} << 1.0 << 9.0;
    }
    void percentiles()
    {
        QFETCH(QList<double>, values);
        QFETCH(double, p);
        QFETCH(double, expected);
        std::vector<double> v(values.cbegin(), values.cend());
        QCOMPARE(percentile(v, p), expected);
    }

    void loadQueries_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("error"); // %1: the file path; empty: loads
        QTest::addColumn<int>("count");
        QTest::newRow("ok with CRLF and blank lines")
            << QByteArray("{\"_id\": \"q1\", \"text\": \"Vitamin D\", \"metadata\": {}}\r\n\r\n"
                          "{\"_id\": 42, \"text\": \"sleep\"}\r\n   \n")
            << QString() << 2;
        QTest::newRow("empty file") << QByteArray() << QString() << 0;
        QTest::newRow("not an object") << QByteArray("{\"_id\": \"q1\", \"text\": \"a\"}\n[1, 2]\n")
                                       << "%1:2: expected a JSON object" << 0;
        QTest::newRow("missing id") << QByteArray("{\"text\": \"a\"}\n") << "%1:1: missing or empty \"_id\"" << 0;
        QTest::newRow("empty id") << QByteArray("{\"_id\": \"\", \"text\": \"a\"}\n")
                                  << "%1:1: missing or empty \"_id\"" << 0;
        QTest::newRow("missing text") << QByteArray("{\"_id\": \"q1\"}\n")
                                      << "%1:1: missing \"text\" (a string) for query q1" << 0;
        QTest::newRow("text not a string") << QByteArray("{\"_id\": \"q1\", \"text\": 3}\n")
                                           << "%1:1: missing \"text\" (a string) for query q1" << 0;
        QTest::newRow("duplicate id")
            << QByteArray("{\"_id\": \"q1\", \"text\": \"a\"}\n\n{\"_id\": \"q1\", \"text\": \"b\"}\n")
            << "%1:3: duplicate query id q1 (first on line 1)" << 0;
    }
    void loadQueries()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, error);
        QFETCH(int, count);
        const QString path = writeFile(QStringLiteral("queries.jsonl"), content);
        QVERIFY(!path.isEmpty());
        QList<EvalQuery> queries{{QStringLiteral("old"), QStringLiteral("kept on failure")}};
        QString message;
        const bool ok = loadBeirQueries(path, &queries, &message);
        if (error.isEmpty()) {
            QVERIFY2(ok, qPrintable(message));
            QCOMPARE(queries.size(), count);
            if (count == 2) {
                QCOMPARE(queries[0].id, QStringLiteral("q1"));
                QCOMPARE(queries[0].text, QStringLiteral("Vitamin D"));
                QCOMPARE(queries[1].id, QStringLiteral("42"));
                QCOMPARE(queries[1].text, QStringLiteral("sleep"));
            }
        } else {
            QVERIFY(!ok);
            QCOMPARE(message, error.arg(path));
            QCOMPARE(queries.size(), 1);
        }
    }

    void loadQueriesBadJsonAndMissingFile()
    {
        const QString path = writeFile(QStringLiteral("bad.jsonl"),
                                       "{\"_id\": \"q1\", \"text\": \"a\"}\n{\"_id\": \"q2\", \"text\": }\n");
        QList<EvalQuery> queries;
        QString message;
        QVERIFY(!loadBeirQueries(path, &queries, &message));
        QVERIFY2(message.startsWith(path + QStringLiteral(":2: invalid JSON: ")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral(" at byte ")), qPrintable(message));

        const QString missing = m_dir.filePath(QStringLiteral("nope.jsonl"));
        QVERIFY(!loadBeirQueries(missing, &queries, &message));
        QVERIFY2(message.startsWith(QStringLiteral("cannot open queries file %1: ").arg(missing)), qPrintable(message));
    }

    void loadQrels_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("error"); // %1: the file path; empty: loads
        QTest::addColumn<int>("queries");
        QTest::addColumn<int>("rows");
        QTest::newRow("header and CRLF") << QByteArray("query-id\tcorpus-id\tscore\r\nq1\td1\t2\r\nq1\td2\t0\r\n"
                                                       "q2\td1\t1\r\n")
                                         << QString() << 2 << 3;
        QTest::newRow("no header, blank lines") << QByteArray("q1\td1\t1\n\nq2\td3\t1\n\n") << QString() << 2 << 2;
        QTest::newRow("header only") << QByteArray("query-id\tcorpus-id\tscore\n") << QString() << 0 << 0;
        QTest::newRow("two fields") << QByteArray("query-id\tcorpus-id\tscore\nq1\td1\n")
                                    << "%1:2: expected 3 tab-separated fields (query-id, corpus-id, score), found 2"
                                    << 0 << 0;
        QTest::newRow("spaces, not tabs") << QByteArray("q1 d1 1\n")
                                          << "%1:1: expected 3 tab-separated fields (query-id, corpus-id, score), "
                                             "found 1"
                                          << 0 << 0;
        QTest::newRow("score not a number") << QByteArray("query-id\tcorpus-id\tscore\nq1\td1\thigh\r\n")
                                            << "%1:2: score \"high\" is not an integer" << 0 << 0;
        QTest::newRow("empty query id") << QByteArray("q1\td1\t1\n\td1\t1\n") << "%1:2: empty query-id" << 0 << 0;
        QTest::newRow("empty corpus id") << QByteArray("q1\t\t1\n") << "%1:1: empty corpus-id" << 0 << 0;
        QTest::newRow("duplicate judgement") << QByteArray("q1\td1\t1\nq1\td1\t2\n")
                                             << "%1:2: duplicate judgement of document d1 for query q1" << 0 << 0;
    }
    void loadQrels()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, error);
        QFETCH(int, queries);
        QFETCH(int, rows);
        const QString path = writeFile(QStringLiteral("qrels.tsv"), content);
        QVERIFY(!path.isEmpty());
        Qrels qrels;
        QString message;
        const bool ok = kms::loadQrels(path, &qrels, &message);
        if (!error.isEmpty()) {
            QVERIFY(!ok);
            QCOMPARE(message, error.arg(path));
            return;
        }
        QVERIFY2(ok, qPrintable(message));
        QCOMPARE(qrels.size(), queries);
        int total = 0;
        for (const Judgements &j : std::as_const(qrels))
            total += int(j.size());
        QCOMPARE(total, rows);
        if (QTest::currentDataTag() == QByteArray("header and CRLF")) {
            QCOMPARE(qrels.value(QStringLiteral("q1")).value(QStringLiteral("d1"), -1), 2);
            // A zero grade is kept: judged, not relevant.
            QCOMPARE(qrels.value(QStringLiteral("q1")).value(QStringLiteral("d2"), -1), 0);
        }
    }

    void evaluatePerfectReversedEmpty()
    {
        const QList<EvalQuery> queries = smallQueries();
        const Qrels qrels = smallQrels();
        QStringList asked;

        // Perfect: the judged documents by grade, with the latency the fake reports.
        const ModeScores perfect = evaluate(SearchMode::Keyword, queries, qrels, [&](const QString &text, double *ms) {
            asked.append(text);
            *ms = 10.0 * double(asked.size());
            return idealRanking(qrels.value(idOf(text)));
        });
        // q4 has no judgements; q5 has one (a zero) and counts; q9 is not in the list.
        QCOMPARE(asked, (QStringList{"one", "two", "three", "five"}));
        QCOMPARE(perfect.mode, SearchMode::Keyword);
        QCOMPARE(perfect.queries, 4);
        // q5 cannot score: nothing relevant exists for it.
        QVERIFY(near(perfect.ndcg10, 3.0 / 4));
        QVERIFY(near(perfect.recall100, 3.0 / 4));
        QVERIFY(near(perfect.mrr10, 3.0 / 4));
        QCOMPARE(perfect.p50Ms, 20.0); // latencies 10, 20, 30, 40: nearest rank 2 of 4
        QCOMPARE(perfect.p95Ms, 40.0);

        Qrels relevantOnly = qrels;
        relevantOnly.remove(QStringLiteral("q5"));
        const ModeScores perfectOnly = evaluate(SearchMode::Hybrid, queries, relevantOnly,
                                                [&](const QString &text, double *) {
                                                    return idealRanking(qrels.value(idOf(text)));
                                                });
        QCOMPARE(perfectOnly.queries, 3);
        QVERIFY(near(perfectOnly.ndcg10, 1.0));
        QVERIFY(near(perfectOnly.recall100, 1.0));
        QVERIFY(near(perfectOnly.mrr10, 1.0));
        QVERIFY(perfectOnly.p50Ms >= 0); // timed by the evaluator when the search does not say

        // Reversed: q1 [b, a], q2 [c], q3 [f, e, d]; the first hit is always relevant.
        const ModeScores reversed = evaluate(SearchMode::Vector, queries, relevantOnly,
                                             [&](const QString &text, double *ms) {
                                                 *ms = 1;
                                                 QStringList ids = idealRanking(qrels.value(idOf(text)));
                                                 std::reverse(ids.begin(), ids.end());
                                                 return ids;
                                             });
        const double l3 = std::log2(3.0);
        const double q1 = (1.0 + 2.0 / l3) / (2.0 + 1.0 / l3);
        const double q3 = (1.0 + 2.0 / l3 + 3.0 / 2) / (3.0 + 2.0 / l3 + 1.0 / 2);
        QVERIFY(near(reversed.ndcg10, (q1 + 1.0 + q3) / 3));
        QVERIFY(reversed.ndcg10 < 1.0);
        QVERIFY(near(reversed.recall100, 1.0));
        QVERIFY(near(reversed.mrr10, 1.0));

        // Empty: every judged query still counts, with zeros.
        const ModeScores empty = evaluate(SearchMode::Vector, queries, relevantOnly, [](const QString &, double *ms) {
            *ms = 2;
            return QStringList();
        });
        QCOMPARE(empty.queries, 3);
        QCOMPARE(empty.ndcg10, 0.0);
        QCOMPARE(empty.recall100, 0.0);
        QCOMPARE(empty.mrr10, 0.0);
        QCOMPARE(empty.p95Ms, 2.0);

        // One query finds nothing, the others are perfect: it drags the mean down.
        const ModeScores oneMiss = evaluate(SearchMode::Vector, queries, relevantOnly,
                                            [&](const QString &text, double *) {
                                                return text == u"two" ? QStringList()
                                                                      : idealRanking(qrels.value(idOf(text)));
                                            });
        QVERIFY(near(oneMiss.ndcg10, 2.0 / 3));
        QVERIFY(near(oneMiss.recall100, 2.0 / 3));

        // Nothing judged: nothing to average.
        const ModeScores none = evaluate(SearchMode::Vector, queries, Qrels(), [](const QString &, double *) {
            return QStringList{QStringLiteral("a")};
        });
        QCOMPARE(none.queries, 0);
        QCOMPARE(none.ndcg10, 0.0);
    }

    void nfcorpusTestSplitLoads()
    {
        const QString dir = QStringLiteral(KMS_SHARED_DATA_DIR "/nfcorpus");
        if (!QFile::exists(dir + QStringLiteral("/queries.jsonl")))
            QSKIP("NFCorpus is not available");
        QList<EvalQuery> queries;
        Qrels qrels;
        QString error;
        QVERIFY2(loadBeirQueries(dir + QStringLiteral("/queries.jsonl"), &queries, &error), qPrintable(error));
        QVERIFY2(kms::loadQrels(dir + QStringLiteral("/qrels/test.tsv"), &qrels, &error), qPrintable(error));
        QCOMPARE(queries.size(), 3237);
        QCOMPARE(queries.first().id, QStringLiteral("PLAIN-3"));
        QCOMPARE(queries.first().text, QStringLiteral("Breast Cancer Cells Feed on Cholesterol"));
        QCOMPARE(qrels.size(), 323);
        qsizetype rows = 0;
        for (const Judgements &j : std::as_const(qrels))
            rows += j.size();
        QCOMPARE(rows, 12334);
        QCOMPARE(qrels.value(QStringLiteral("PLAIN-2")).value(QStringLiteral("MED-2427")), 2);
        const auto judgedInList = std::count_if(queries.cbegin(), queries.cend(),
                                                [&](const EvalQuery &q) { return qrels.contains(q.id); });
        QCOMPARE(judgedInList, 323);

        // An oracle that knows the judgements scores 1.0 on every metric over all 323 queries.
        QHash<QString, QString> idByText;
        for (const EvalQuery &q : std::as_const(queries))
            idByText.insert(q.text, q.id);
        const ModeScores oracle = evaluate(SearchMode::Hybrid, queries, qrels, [&](const QString &text, double *ms) {
            *ms = 1;
            return idealRanking(qrels.value(idByText.value(text))).mid(0, 100);
        });
        QCOMPARE(oracle.queries, 323);
        QVERIFY2(oracle.ndcg10 > 0.999999, qPrintable(QString::number(oracle.ndcg10)));
        QVERIFY2(oracle.mrr10 > 0.999999, qPrintable(QString::number(oracle.mrr10)));
        // Queries with more than 100 relevant documents cannot reach full recall at 100.
        double expectedRecall = 0;
        for (const Judgements &j : std::as_const(qrels)) {
            const auto relevant = std::count_if(j.cbegin(), j.cend(), [](int g) { return g > 0; });
            expectedRecall += double(std::min<qsizetype>(relevant, 100)) / double(relevant);
        }
        QVERIFY(near(oracle.recall100, expectedRecall / 323));
        QVERIFY(oracle.recall100 < 1.0);
    }
};

QTEST_GUILESS_MAIN(TestSearchEval)
#include "tst_search_eval.moc"
