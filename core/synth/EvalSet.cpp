// SPDX-License-Identifier: MIT
#include "synth/EvalSet.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace kms {

namespace {

QByteArray jsonLine(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

bool openOut(QSaveFile &file, const QString &path, QString *error)
{
    file.setFileName(path);
    if (file.open(QIODevice::WriteOnly))
        return true;
    if (error)
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return false;
}

bool put(QSaveFile &file, const QByteArray &bytes, QString *error)
{
    if (file.write(bytes) == bytes.size())
        return true;
    if (error)
        *error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
    return false;
}

bool commit(QSaveFile &file, QString *error)
{
    if (file.commit())
        return true;
    if (error)
        *error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
    return false;
}

struct HeldOut {
    QString id;
    QString title;
    QString problem;
};

} // namespace

bool writeSyntheticEvalSet(const SynthOptions &options, qint64 queries, const QString &directory,
                           QString *error, EvalSetStats *stats)
{
    if (!Generator::validate(options, error))
        return false;
    if (queries <= 0 || queries >= options.cases) {
        if (error)
            *error = QStringLiteral("queries must be between 1 and the number of cases - 1 (%1), got %2")
                         .arg(options.cases - 1)
                         .arg(queries);
        return false;
    }
    const QDir dir(directory);
    if (!dir.mkpath(QStringLiteral("qrels"))) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(dir.filePath(QStringLiteral("qrels")));
        return false;
    }

    QSaveFile corpus, queryFile, qrels;
    if (!openOut(corpus, dir.filePath(QStringLiteral("corpus.jsonl")), error)
        || !openOut(queryFile, dir.filePath(QStringLiteral("queries.jsonl")), error)
        || !openOut(qrels, dir.filePath(QStringLiteral("qrels/test.tsv")), error))
        return false;

    // Judgements need every corpus record of a problem, known only once all are generated: keep
    // the ids by problem (a few bytes a record) and the held-out cases.
    QHash<QString, QStringList> casesOfProblem;
    QHash<QString, QString> articleOfProblem;
    QList<HeldOut> heldOut;
    const qint64 firstHeldOut = options.articles + options.cases - queries;
    EvalSetStats counts;

    Generator generator(options);
    Record r;
    GroundTruth truth;
    while (generator.next(r, &truth)) {
        if (generator.produced() > firstHeldOut) {
            heldOut.append(HeldOut{r.externalId, r.title, truth.problemId});
            continue;
        }
        QString text = r.body;
        if (!r.resolution.isEmpty())
            text += QLatin1Char('\n') + r.resolution;
        if (!put(corpus, jsonLine(QJsonObject{{QStringLiteral("_id"), r.externalId},
                                              {QStringLiteral("title"), r.title},
                                              {QStringLiteral("text"), text}}),
                 error))
            return false;
        ++counts.documents;
        if (r.collection == Collection::Knowledge)
            articleOfProblem.insert(truth.problemId, r.externalId);
        else
            casesOfProblem[truth.problemId].append(r.externalId);
    }

    if (!put(qrels, "query-id\tcorpus-id\tscore\n", error))
        return false;
    for (const HeldOut &q : std::as_const(heldOut)) {
        QByteArray rows;
        if (const QString article = articleOfProblem.value(q.problem); !article.isEmpty()) {
            rows += (q.id + u'\t' + article + QStringLiteral("\t2\n")).toUtf8();
            ++counts.judgements;
        }
        for (const QString &c : casesOfProblem.value(q.problem)) {
            rows += (q.id + u'\t' + c + QStringLiteral("\t1\n")).toUtf8();
            ++counts.judgements;
        }
        if (rows.isEmpty())
            continue;
        if (!put(qrels, rows, error)
            || !put(queryFile, jsonLine(QJsonObject{{QStringLiteral("_id"), q.id}, {QStringLiteral("text"), q.title}}),
                    error))
            return false;
        ++counts.queries;
    }
    if (!commit(corpus, error) || !commit(queryFile, error) || !commit(qrels, error))
        return false;
    if (stats)
        *stats = counts;
    return true;
}

} // namespace kms
