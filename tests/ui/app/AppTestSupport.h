// SPDX-License-Identifier: MIT
#pragma once
// Whole-application tests: a generated corpus and a job submitted the way the ingestion page does.

#include "host/EngineHost.h"
#include "synth/CorpusWriter.h"

#include <QString>

namespace kms::testui {

// cases + articles synthetic records as JSONL at path.
inline bool writeCorpus(const QString &path, qint64 cases, qint64 articles, QString *error)
{
    SynthOptions o;
    o.cases = cases;
    o.articles = articles;
    o.seed = 11;
    return writeSyntheticCorpus(o, path, error);
}

// Queues a job for the file on the engine's scheduler, off the GUI thread; *jobId is set when queued.
inline void submitJob(ui::EngineHost &host, QObject *context, const QString &file, qint64 *jobId, int batchSize = 0)
{
    host.run(context, [file, batchSize](Engine &e) {
        IngestOptions o;
        o.files = {file};
        o.batchSize = batchSize;
        return e.submitJob(o);
    }, [jobId](qint64 id) { *jobId = id; });
}

} // namespace kms::testui
