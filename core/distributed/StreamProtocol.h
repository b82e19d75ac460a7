// SPDX-License-Identifier: MIT
#pragma once
// The wire format between the owner (the process that owns the data directory) and its workers,
// all on one Redis server:
//   kms:embed:requests          a stream of batches; the workers read it in the consumer group
//                               kms-workers, so each batch goes to one worker, and a batch whose
//                               worker died stays pending until another claims it (XAUTOCLAIM)
//   kms:embed:reply:<owner>     a stream per owner: "taken" when a worker starts a batch, then its
//                               vectors (or "refused" when the worker's embedder does not match)
//   kms:embed:owner             a hash: the embedder id (and dimension) the owner's store uses
//   kms:embed:workers           a set of worker names; kms:embed:worker:<name> is a hash that
//                               expires unless the worker renews it (WorkerRegistry)
// A batch carries only texts (or matching-form tokens), their content hashes and the embedder id;
// a reply carries the hashes back with the vectors as little-endian float32.

#include "embed/Embedder.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <vector>

namespace kms {

class RedisValue;

namespace stream {

inline const QByteArray kRequests = QByteArrayLiteral("kms:embed:requests");
inline const QByteArray kGroup = QByteArrayLiteral("kms-workers");
inline const QByteArray kOwnerKey = QByteArrayLiteral("kms:embed:owner");
inline const QByteArray kWorkersSet = QByteArrayLiteral("kms:embed:workers");
QByteArray replyKey(const QByteArray &owner);
QByteArray workerKey(const QByteArray &worker);

// Field/value pairs of one stream entry.
using Fields = QList<QPair<QByteArray, QByteArray>>;
QByteArray field(const Fields &fields, const char *name);
// The entries of an XREAD / XREADGROUP / XRANGE answer: (id, fields) in order.
struct Entry {
    QByteArray id;
    Fields fields;
};
std::vector<Entry> entriesOf(const RedisValue &entries);

struct EmbedRequest {
    QByteArray batchId;
    QByteArray owner;
    QString embedderId;
    int dimension = 0;
    bool tokens = false;             // the embedder reads tokens (hash, lsa) rather than text
    std::vector<quint64> hashes;     // content hash of each input, echoed in the reply
    std::vector<EmbedInput> inputs;

    Fields encode() const;
    // False with *error when a field is missing or its lengths do not add up.
    static bool decode(const Fields &fields, EmbedRequest *out, QString *error);
};

struct EmbedReply {
    enum class Kind { Taken, Vectors, Refused };
    QByteArray batchId;
    Kind kind = Kind::Vectors;
    QByteArray worker;
    int dimension = 0;
    std::vector<quint64> hashes;
    QList<bool> ok;                  // per input: a vector was made
    std::vector<float> vectors;      // hashes.size() * dimension
    QString message;                 // refused: why; vectors: the embedder's message for failed items

    Fields encode() const;
    static bool decode(const Fields &fields, EmbedReply *out, QString *error);
};

// The content hash of what an embedder reads of an input: the text, or the tokens.
quint64 inputHash(const EmbedInput &input, bool tokens);

} // namespace stream
} // namespace kms
