// SPDX-License-Identifier: MIT
#include "search/Evaluation.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace kms {

namespace {

QString at(const QString &path, int line)
{
    return QStringLiteral("%1:%2: ").arg(path).arg(line);
}

// One line without its end-of-line characters, so CRLF files read like LF ones.
QByteArray chomp(QByteArray line)
{
    while (!line.isEmpty() && (line.endsWith('\n') || line.endsWith('\r')))
        line.chop(1);
    return line;
}

// The first k distinct ids of a ranked list: a document listed twice is credited once, at its
// best rank, as trec_eval does.
QStringList topDistinct(const QStringList &ranked, int k)
{
    QStringList out;
    if (k <= 0)
        return out;
    QSet<QString> seen;
    for (const QString &id : ranked) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        out.append(id);
        if (out.size() == k)
            break;
    }
    return out;
}

// Rank r (1-based) is discounted by 1 / log2(r + 1).
double discount(qsizetype rank)
{
    return 1.0 / std::log2(double(rank) + 1.0);
}

qsizetype relevantCount(const QHash<QString, int> &judgements)
{
    return std::count_if(judgements.cbegin(), judgements.cend(), [](int grade) { return grade > 0; });
}

// A JSON string field, or an integer one written as a number (some collections number their ids).
bool stringField(const QJsonObject &o, const QString &key, QString *value)
{
    const QJsonValue v = o.value(key);
    if (v.isString()) {
        *value = v.toString();
        return true;
    }
    if (v.isDouble() && v.toDouble() == std::floor(v.toDouble())) {
        *value = QString::number(qint64(v.toDouble()));
        return true;
    }
    return false;
}

} // namespace

double percentile(std::vector<double> &values, double p)
{
    if (values.empty())
        return 0;
    const auto n = values.size();
    // Nearest rank: the smallest value with at least p of the values at or below it.
    auto rank = size_t(std::ceil(std::clamp(p, 0.0, 1.0) * double(n)));
    rank = std::clamp<size_t>(rank, 1, n);
    const auto nth = values.begin() + std::ptrdiff_t(rank - 1);
    std::nth_element(values.begin(), nth, values.end());
    return *nth;
}

bool loadBeirQueries(const QString &path, QList<EvalQuery> *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open queries file %1: %2").arg(path, file.errorString());
        return false;
    }
    QList<EvalQuery> queries;
    QHash<QString, int> firstLine; // query id -> line, to name both places of a duplicate
    const QString idKey = QStringLiteral("_id");
    const QString textKey = QStringLiteral("text");
    for (int lineNo = 1; !file.atEnd(); ++lineNo) {
        const QByteArray line = chomp(file.readLine());
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            *error = at(path, lineNo) + QStringLiteral("invalid JSON: %1 at byte %2")
                                            .arg(parseError.errorString()).arg(parseError.offset + 1);
            return false;
        }
        if (!doc.isObject()) {
            *error = at(path, lineNo) + QStringLiteral("expected a JSON object");
            return false;
        }
        const QJsonObject o = doc.object();
        EvalQuery q;
        if (!stringField(o, idKey, &q.id) || q.id.isEmpty()) {
            *error = at(path, lineNo) + QStringLiteral("missing or empty \"_id\"");
            return false;
        }
        if (!o.value(textKey).isString()) {
            *error = at(path, lineNo) + QStringLiteral("missing \"text\" (a string) for query %1").arg(q.id);
            return false;
        }
        q.text = o.value(textKey).toString();
        const auto seen = firstLine.constFind(q.id);
        if (seen != firstLine.cend()) {
            *error = at(path, lineNo) + QStringLiteral("duplicate query id %1 (first on line %2)").arg(q.id).arg(*seen);
            return false;
        }
        firstLine.insert(q.id, lineNo);
        queries.append(std::move(q));
    }
    *out = std::move(queries);
    return true;
}

bool loadQrels(const QString &path, Qrels *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open qrels file %1: %2").arg(path, file.errorString());
        return false;
    }
    Qrels qrels;
    for (int lineNo = 1; !file.atEnd(); ++lineNo) {
        const QByteArray line = chomp(file.readLine());
        if (line.trimmed().isEmpty())
            continue;
        const QList<QByteArray> fields = line.split('\t');
        if (lineNo == 1 && fields.size() == 3 && fields[0].trimmed() == "query-id"
            && fields[1].trimmed() == "corpus-id" && fields[2].trimmed() == "score")
            continue; // the BEIR header; files without one are read too
        if (fields.size() != 3) {
            *error = at(path, lineNo)
                     + QStringLiteral("expected 3 tab-separated fields (query-id, corpus-id, score), found %1")
                           .arg(fields.size());
            return false;
        }
        const QString queryId = QString::fromUtf8(fields[0].trimmed());
        const QString docId = QString::fromUtf8(fields[1].trimmed());
        if (queryId.isEmpty() || docId.isEmpty()) {
            *error = at(path, lineNo) + QStringLiteral("empty %1").arg(queryId.isEmpty() ? u"query-id" : u"corpus-id");
            return false;
        }
        bool ok = false;
        const int grade = fields[2].trimmed().toInt(&ok);
        if (!ok) {
            *error = at(path, lineNo) + QStringLiteral("score \"%1\" is not an integer")
                                            .arg(QString::fromUtf8(fields[2].trimmed()));
            return false;
        }
        QHash<QString, int> &judged = qrels[queryId];
        if (judged.contains(docId)) {
            *error = at(path, lineNo) + QStringLiteral("duplicate judgement of document %1 for query %2")
                                            .arg(docId, queryId);
            return false;
        }
        // Zero (and negative) grades are kept: the query is judged, the document is not relevant.
        judged.insert(docId, grade);
    }
    *out = std::move(qrels);
    return true;
}

double ndcgAt(const QStringList &ranked, const QHash<QString, int> &judgements, int k)
{
    if (k <= 0)
        return 0;
    std::vector<int> grades;
    grades.reserve(size_t(judgements.size()));
    for (int grade : judgements)
        if (grade > 0)
            grades.push_back(grade);
    if (grades.empty())
        return 0;
    std::sort(grades.begin(), grades.end(), std::greater<>());
    double ideal = 0;
    for (size_t i = 0; i < grades.size() && i < size_t(k); ++i)
        ideal += grades[i] * discount(qsizetype(i) + 1);

    const QStringList top = topDistinct(ranked, k);
    double dcg = 0;
    for (qsizetype i = 0; i < top.size(); ++i) {
        const int grade = judgements.value(top[i], 0);
        if (grade > 0)
            dcg += grade * discount(i + 1);
    }
    return dcg / ideal;
}

double recallAt(const QStringList &ranked, const QHash<QString, int> &judgements, int k)
{
    const qsizetype relevant = relevantCount(judgements);
    if (relevant == 0)
        return 0;
    const QStringList top = topDistinct(ranked, k);
    const auto found = std::count_if(top.cbegin(), top.cend(),
                                     [&](const QString &id) { return judgements.value(id, 0) > 0; });
    return double(found) / double(relevant);
}

double reciprocalRankAt(const QStringList &ranked, const QHash<QString, int> &judgements, int k)
{
    const QStringList top = topDistinct(ranked, k);
    for (qsizetype i = 0; i < top.size(); ++i)
        if (judgements.value(top[i], 0) > 0)
            return 1.0 / double(i + 1);
    return 0;
}

ModeScores evaluate(SearchMode mode, const QList<EvalQuery> &queries, const Qrels &qrels,
                    const std::function<QStringList(const QString &text, double *latencyMs)> &search)
{
    ModeScores scores;
    scores.mode = mode;
    if (!search)
        return scores;
    std::vector<double> latencies;
    double ndcg = 0, recall = 0, mrr = 0;
    for (const EvalQuery &q : queries) {
        const auto judged = qrels.constFind(q.id);
        if (judged == qrels.cend() || judged->isEmpty())
            continue;
        // The search reports its own latency; when it does not, the call is timed here.
        double latencyMs = -1;
        QElapsedTimer timer;
        timer.start();
        const QStringList ranked = search(q.text, &latencyMs);
        if (latencyMs < 0)
            latencyMs = double(timer.nsecsElapsed()) / 1e6;
        latencies.push_back(latencyMs);
        ndcg += ndcgAt(ranked, *judged, 10);
        recall += recallAt(ranked, *judged, 100);
        mrr += reciprocalRankAt(ranked, *judged, 10);
        ++scores.queries;
    }
    if (scores.queries == 0)
        return scores;
    scores.ndcg10 = ndcg / scores.queries;
    scores.recall100 = recall / scores.queries;
    scores.mrr10 = mrr / scores.queries;
    scores.p50Ms = percentile(latencies, 0.50);
    scores.p95Ms = percentile(latencies, 0.95);
    return scores;
}

} // namespace kms
