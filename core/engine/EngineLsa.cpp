// SPDX-License-Identifier: MIT
#include "engine/Engine.h"
#include "engine/EngineInternals.h"

#include "embed/LsaTrainer.h"
#include "ingest/RecordPreparer.h"
#include "log/Log.h"
#include "storage/DataDirectory.h"
#include "text/Normalizer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <spdlog/spdlog.h>

namespace kms {

namespace {
constexpr int kTrainPageRecords = 2048;
const QString kModelPrefix = QStringLiteral("lsa-");
const QString kModelSuffix = QStringLiteral(".lsa");
} // namespace

bool Engine::trainLsa(int rank, const std::function<void(const QString &, qint64, qint64)> &progress,
                      const std::atomic<bool> *cancel, QString *error)
{
    auto logger = log::get("kms.core.engine");
    auto report = [&](const QString &stage, qint64 done, qint64 total) {
        if (progress)
            progress(stage, done, total);
    };
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    QElapsedTimer timer;
    timer.start();

    // A connection of its own, so queries and jobs go on while the records are read.
    auto source = Store::open(m_dir->databasePath(), Store::Mode::ReadOnly, error);
    if (!source)
        return false;
    LsaTrainer::Params params;
    params.rank = rank;
    LsaTrainer trainer(params);
    const qint64 total = source->counts().total();
    std::vector<StoredRecord> records;
    qint64 lastId = 0;
    QString title, body, resolution, tags;
    report(QStringLiteral("reading records"), 0, total);
    for (;;) {
        if (cancelled(cancel))
            return fail(QStringLiteral("LSA training cancelled; the current embedder stays in use"));
        if (!source->recordPage(0, lastId, kTrainPageRecords, &records))
            return fail(source->lastError());
        if (records.empty())
            break;
        lastId = records.back().id;
        for (const StoredRecord &r : records)
            trainer.addDocument(RecordPreparer::embeddingTokens(*m_normalizer, r.record, &title, &body, &resolution, &tags));
        report(QStringLiteral("reading records"), trainer.documentCount(), std::max(total, trainer.documentCount()));
    }
    source.reset();
    records = {};

    // Stops the trainer at its next step when either flag is set.
    std::atomic<bool> stop{false};
    auto trainProgress = [&](const QString &stage, int done, int steps) {
        stop = cancelled(cancel);
        report(QStringLiteral("training: ") + stage, done, steps);
    };
    QString trainError;
    const std::optional<LsaModel> model = trainer.train(trainProgress, &stop, &trainError);
    if (!model) {
        return fail(stop || cancelled(cancel) ? QStringLiteral("LSA training cancelled; the current embedder stays in use")
                                              : QStringLiteral("LSA training failed: ") + trainError);
    }
    logger->info("LSA model trained on {} records in {:.1f} s: rank {}, {} words", model->documents(),
                 double(timer.elapsed()) / 1000.0, model->rank(), model->vocabularySize());

    const QDir dir(modelDirectory());
    if (!dir.mkpath(QStringLiteral(".")))
        return fail(QStringLiteral("cannot create the models folder %1").arg(dir.path()));
    const QString name = kModelPrefix + model->checksum() + kModelSuffix;
    const QString path = dir.filePath(name);
    if (!model->save(path, error))
        return false;

    EngineConfig next = config();
    const QString previous = next.embedderProvider == QLatin1String("lsa") ? next.lsaModel : QString();
    next.embedderProvider = QStringLiteral("lsa");
    next.lsaModel = name;
    auto reembedProgress = [&](qint64 done, qint64 of) { report(QStringLiteral("re-embedding"), done, of); };
    if (!applyConfig(next, reembedProgress, cancel, error)) {
        if (name != previous) // the same model as the active one is in use: keep it
            QFile::remove(path);
        return false;
    }
    // Older models are no longer referenced by the configuration.
    for (const QString &old : dir.entryList({kModelPrefix + QLatin1Char('*') + kModelSuffix}, QDir::Files))
        if (old != name)
            QFile::remove(dir.filePath(old));
    logger->info("LSA embedder active after {:.1f} s", double(timer.elapsed()) / 1000.0);
    return true;
}

} // namespace kms
