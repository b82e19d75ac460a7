// SPDX-License-Identifier: MIT
#pragma once

#include "embed/Embedder.h"
#include "model/Job.h"
#include "readers/FieldMapping.h"
#include "readers/RecordReader.h"
#include "storage/Store.h"

#include <QStringList>

#include <vector>

namespace kms {

class EmbeddingCache;
class Metrics;
class Normalizer;

// A slice of one source, as the reader cut it.
struct RawBatch {
    qint64 sequence = 0;       // 0, 1, 2, ... over the whole job: the writer commits in this order
    QString source;            // file path
    FieldMapping mapping;
    Collection defaultCollection = Collection::Cases;
    std::vector<RawRecord> records;
    std::vector<RejectInfo> extraRejects; // reader-level problems found between records
    qint64 readSoFar = 0;      // records read by the job up to and including this batch
};

// What a worker hands to the writer.
struct PreparedBatch {
    qint64 sequence = 0;
    BatchWrite write;
    // Dry-run classification (also filled in normal runs).
    qint64 newRecords = 0;
    qint64 changedRecords = 0;
    qint64 unchangedRecords = 0;
    // Records the embedder gave no vector (an outage, a refused input): they are written without
    // one and wait in the vector backlog. embedError is the embedder's first message.
    qint64 vectorsMissing = 0;
    QString embedError;
};

// The worker stage: validate and map, normalise, hash, skip unchanged records, look embeddings up in
// the cache tiers and embed only what is new. Pure CPU plus reads on its own read connection;
// stateless apart from the shared, thread-safe cache and metrics, so many run in parallel.
class RecordPreparer
{
public:
    struct Context {
        const Normalizer *normalizer = nullptr;
        const Embedder *embedder = nullptr;
        EmbeddingCache *cache = nullptr;
        Metrics *metrics = nullptr;
        ValidationLimits limits;
        qint64 jobId = 0;
        bool dryRun = false;       // classify only: no embedding
        bool skipExisting = false; // initial load into an empty store: nothing to look up
    };

    explicit RecordPreparer(Context context) : m_ctx(context) {}

    // `reader` is a read-only connection owned by the calling thread (may be null with skipExisting).
    PreparedBatch prepare(RawBatch &&batch, Store *reader) const;

    // The text the embedder sees and whose hash keys the cache: title twice (titles carry the most
    // signal in support data), then body, resolution and tags, in matching form.
    static QStringList embeddingTokens(const Normalizer &n, const Record &r, QString *titleText,
                                       QString *bodyText, QString *resolutionText, QString *tagsText);
    // What an embedder reads of a record and the hash that keys its vector, which covers exactly
    // that: for a lexical embedder the tokens above (hashed as before), for a model the cleaned
    // display text (title, body, resolution, tags, one per line: a model reads the title once and
    // keeps case and punctuation). The *Text outputs are the matching-form fields, as above.
    struct EmbeddingText {
        EmbedInput input;
        quint64 textHash = 0;
    };
    static EmbeddingText embeddingText(const Normalizer &n, const Record &r, Embedder::Reads reads,
                                       QString *titleText, QString *bodyText, QString *resolutionText,
                                       QString *tagsText);
    static EmbeddingText embeddingText(const Normalizer &n, const Record &r, Embedder::Reads reads);
    // The display text a model reads of a record (see embeddingText).
    static QString modelText(const Normalizer &n, const Record &r);
    static quint64 recordContentHash(const Record &r);
    // One validated record ready for the writer outside a job (the data browser's editor): the
    // same matching-form text, hashes and vector a job would make; the vector from the memory
    // cache when it is there, else from the embedder.
    static RecordWrite prepareOne(const Record &r, const Normalizer &normalizer, const Embedder &embedder,
                                  EmbeddingCache *cache);

private:
    // Embeds the texts of writes[toEmbed[...]] in calls of at most maxBatchSize(); a record whose
    // item failed gets no vector.
    void embedPending(std::vector<RecordWrite> &writes, const std::vector<EmbedInput> &inputOf,
                      const std::vector<size_t> &toEmbed, PreparedBatch *out) const;

    Context m_ctx;
};

} // namespace kms
