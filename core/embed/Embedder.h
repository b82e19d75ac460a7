// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <span>

namespace kms {

// One text to embed, in both of the forms an embedder may read: models read the cleaned display
// text (Normalizer::clean), lexical embedders read the matching-form tokens (Normalizer::tokens).
// A caller fills what embedder.reads() asks for; the other may stay empty.
struct EmbedInput {
    QString text;
    QStringList tokens;
    // A search query rather than a stored document: models trained with different prefixes for
    // the two (E5's "query: " / "passage: ", BGE's query instruction) need to know which.
    bool query = false;
};

// Why items of a batch have no vector.
enum class EmbedFailure {
    None,       // every item was embedded
    Cancelled,  // the cancel flag was set before the items were done
    Transient,  // worth retrying later: network error, timeout, 429, 5xx, a server that is down
    Permanent,  // retrying the same input will not help: bad request, auth refused, wrong dimension
};

// The outcome of one embedBatch() call: which items have a vector, and if some do not, why, in
// words an operator understands ("the server refused the API key (HTTP 401)").
struct EmbedBatchResult {
    QList<bool> ok;                       // one per input: true when its vector was written
    EmbedFailure failure = EmbedFailure::None;
    QString message;

    qsizetype embedded() const { return ok.count(true); }
    bool allOk() const { return failure == EmbedFailure::None && embedded() == ok.size(); }
};

// Turns texts into fixed-size, L2-normalised vectors. Implementations are immutable after
// construction (a remote one may keep thread-safe counters) and safe to call from many threads.
// A call may be slow or remote and may fail for some items; it honours the cancel flag.
class Embedder
{
public:
    enum class Reads { Tokens, Text };

    virtual ~Embedder() = default;

    // Kind plus everything that changes the vectors (provider, model, dimension, model-file hash,
    // truncation), e.g. "hash-v1:d=256,w=1-2,c=3-5". Recorded with every stored vector; an index
    // made by another id is refused.
    virtual QString id() const = 0;
    virtual int dimension() const = 0;
    // Which form of the input the vectors depend on: it is also what the embedding cache keys on.
    virtual Reads reads() const = 0;
    // True when calls leave the process (network) and may be slow or fail: callers then keep
    // records from waiting on them.
    virtual bool isRemote() const { return false; }
    // True when embedding costs far more than the rest of ingestion (a transformer, a server):
    // the ingestion mode `auto` then sends batches to distributed workers when some are running.
    virtual bool isExpensive() const { return isRemote(); }
    // How many inputs one call should carry at most; callers split larger batches.
    virtual int maxBatchSize() const { return 256; }
    // Texts a caller found in the embedding cache instead of calling: a remote embedder's usage
    // ledger counts them (what the cache saved); others ignore it.
    virtual void noteCacheHits(qint64 /*n*/) const {}

    // Writes dimension() floats per input to out (out.size() == inputs.size() * dimension()), item
    // i at [i * dimension(), (i + 1) * dimension()). Items whose ok flag is false have unspecified
    // contents. An empty text / token list gives the zero vector, which counts as ok.
    virtual EmbedBatchResult embedBatch(std::span<const EmbedInput> inputs, std::span<float> out,
                                        const std::atomic<bool> *cancel = nullptr) const = 0;

    // One input: a batch of one.
    EmbedBatchResult embed(const EmbedInput &input, std::span<float> out,
                           const std::atomic<bool> *cancel = nullptr) const
    {
        return embedBatch(std::span<const EmbedInput>(&input, 1), out, cancel);
    }
};

// Scales v to unit length (cosine search needs it); the zero vector stays zero.
void normaliseL2(std::span<float> v);

// An in-process embedder that cannot fail (hash, LSA): one text at a time, batches are a loop
// that checks the cancel flag between items.
class LocalEmbedder : public Embedder
{
public:
    // Writes dimension() floats to out (out.size() must equal dimension()).
    virtual void embedOne(const EmbedInput &input, std::span<float> out) const = 0;

    EmbedBatchResult embedBatch(std::span<const EmbedInput> inputs, std::span<float> out,
                                const std::atomic<bool> *cancel = nullptr) const override;
};

} // namespace kms
