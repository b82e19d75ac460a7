// SPDX-License-Identifier: MIT
#include "distributed/StreamProtocol.h"

#include "distributed/RedisClient.h"
#include "embed/ContentHash.h"

#include <bit>
#include <cstring>

namespace kms::stream {

// Vectors and hashes go as raw little-endian bytes: every machine we run on is little-endian, and
// a big-endian one would fail here at compile time rather than exchange garbage.
static_assert(std::endian::native == std::endian::little, "the stream format is little-endian");

namespace {

// Tokens are joined with the ASCII unit separator, which the normaliser never leaves in a token.
constexpr char16_t kTokenSeparator = u'\x1f';

template <typename T>
QByteArray rawBytes(const T *data, size_t count)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(count * sizeof(T)));
}

template <typename T>
bool fromRaw(const QByteArray &bytes, size_t count, std::vector<T> *out)
{
    if (size_t(bytes.size()) != count * sizeof(T))
        return false;
    out->resize(count);
    if (count > 0)
        std::memcpy(out->data(), bytes.constData(), count * sizeof(T));
    return true;
}

bool fail(QString *error, const QString &what)
{
    *error = what;
    return false;
}

} // namespace

QByteArray replyKey(const QByteArray &owner) { return QByteArrayLiteral("kms:embed:reply:") + owner; }
QByteArray workerKey(const QByteArray &worker) { return QByteArrayLiteral("kms:embed:worker:") + worker; }

QByteArray field(const Fields &fields, const char *name)
{
    for (const auto &[k, v] : fields) {
        if (k == name)
            return v;
    }
    return {};
}

std::vector<Entry> entriesOf(const RedisValue &entries)
{
    std::vector<Entry> out;
    for (size_t i = 0; i < entries.size(); ++i) {
        const RedisValue e = entries.at(i);
        // XAUTOCLAIM and XCLAIM may answer nil for an entry deleted while it was pending.
        if (!e.isArray() || e.size() < 2 || !e.at(1).isArray())
            continue;
        Entry entry;
        entry.id = e.at(0).bytes();
        const RedisValue f = e.at(1);
        for (size_t k = 0; k + 1 < f.size(); k += 2)
            entry.fields.append({f.at(k).bytes(), f.at(k + 1).bytes()});
        out.push_back(std::move(entry));
    }
    return out;
}

quint64 inputHash(const EmbedInput &input, bool tokens)
{
    return tokens ? contentHash(input.tokens) : contentHash(input.text);
}

Fields EmbedRequest::encode() const
{
    QByteArray texts;
    for (const EmbedInput &in : inputs) {
        const QByteArray utf8 = (tokens ? in.tokens.join(QChar(kTokenSeparator)) : in.text).toUtf8();
        const quint32 length = quint32(utf8.size());
        texts.append(rawBytes(&length, 1));
        texts.append(utf8);
    }
    return {{"batch", batchId},
            {"owner", owner},
            {"embedder", embedderId.toUtf8()},
            {"dim", QByteArray::number(dimension)},
            {"reads", tokens ? QByteArrayLiteral("tokens") : QByteArrayLiteral("text")},
            {"n", QByteArray::number(qsizetype(inputs.size()))},
            {"hashes", rawBytes(hashes.data(), hashes.size())},
            {"texts", texts}};
}

bool EmbedRequest::decode(const Fields &fields, EmbedRequest *out, QString *error)
{
    EmbedRequest r;
    r.batchId = field(fields, "batch");
    r.owner = field(fields, "owner");
    r.embedderId = QString::fromUtf8(field(fields, "embedder"));
    bool okDim = false;
    bool okN = false;
    r.dimension = field(fields, "dim").toInt(&okDim);
    const int n = field(fields, "n").toInt(&okN);
    const QByteArray reads = field(fields, "reads");
    if (r.batchId.isEmpty() || r.owner.isEmpty() || r.embedderId.isEmpty() || !okDim || !okN || n < 0
        || (reads != "text" && reads != "tokens"))
        return fail(error, QStringLiteral("a batch without batch, owner, embedder, dim, n or reads"));
    r.tokens = reads == "tokens";
    if (!fromRaw(field(fields, "hashes"), size_t(n), &r.hashes))
        return fail(error, QStringLiteral("batch %1: %2 hashes expected").arg(QString::fromLatin1(r.batchId)).arg(n));
    const QByteArray texts = field(fields, "texts");
    qsizetype pos = 0;
    r.inputs.resize(size_t(n));
    for (int i = 0; i < n; ++i) {
        quint32 length = 0;
        if (pos + qsizetype(sizeof length) > texts.size())
            return fail(error, QStringLiteral("batch %1: text %2 is cut short").arg(QString::fromLatin1(r.batchId)).arg(i));
        std::memcpy(&length, texts.constData() + pos, sizeof length);
        pos += qsizetype(sizeof length);
        if (pos + qsizetype(length) > texts.size())
            return fail(error, QStringLiteral("batch %1: text %2 is cut short").arg(QString::fromLatin1(r.batchId)).arg(i));
        const QString text = QString::fromUtf8(texts.constData() + pos, qsizetype(length));
        pos += qsizetype(length);
        if (r.tokens) {
            if (!text.isEmpty())
                r.inputs[size_t(i)].tokens = text.split(QChar(kTokenSeparator));
        } else {
            r.inputs[size_t(i)].text = text;
        }
    }
    if (pos != texts.size())
        return fail(error, QStringLiteral("batch %1: bytes left after %2 texts").arg(QString::fromLatin1(r.batchId)).arg(n));
    *out = std::move(r);
    return true;
}

Fields EmbedReply::encode() const
{
    Fields f{{"batch", batchId}, {"worker", worker}};
    switch (kind) {
    case Kind::Taken:
        f.append(QPair<QByteArray, QByteArray>("kind", "taken"));
        break;
    case Kind::Refused:
        f.append(QPair<QByteArray, QByteArray>("kind", "refused"));
        f.append(QPair<QByteArray, QByteArray>("message", message.toUtf8()));
        break;
    case Kind::Vectors: {
        f.append(QPair<QByteArray, QByteArray>("kind", "vectors"));
        f.append(QPair<QByteArray, QByteArray>("n", QByteArray::number(qsizetype(hashes.size()))));
        f.append(QPair<QByteArray, QByteArray>("dim", QByteArray::number(dimension)));
        f.append(QPair<QByteArray, QByteArray>("hashes", rawBytes(hashes.data(), hashes.size())));
        QByteArray okBytes;
        for (bool b : ok)
            okBytes.append(b ? '\1' : '\0');
        f.append(QPair<QByteArray, QByteArray>("ok", okBytes));
        f.append(QPair<QByteArray, QByteArray>("vectors", rawBytes(vectors.data(), vectors.size())));
        f.append(QPair<QByteArray, QByteArray>("message", message.toUtf8()));
        break;
    }
    }
    return f;
}

bool EmbedReply::decode(const Fields &fields, EmbedReply *out, QString *error)
{
    EmbedReply r;
    r.batchId = field(fields, "batch");
    r.worker = field(fields, "worker");
    const QByteArray kind = field(fields, "kind");
    r.message = QString::fromUtf8(field(fields, "message"));
    if (r.batchId.isEmpty())
        return fail(error, QStringLiteral("a reply without a batch id"));
    if (kind == "taken") {
        r.kind = Kind::Taken;
    } else if (kind == "refused") {
        r.kind = Kind::Refused;
    } else if (kind == "vectors") {
        r.kind = Kind::Vectors;
        bool okN = false;
        bool okDim = false;
        const int n = field(fields, "n").toInt(&okN);
        r.dimension = field(fields, "dim").toInt(&okDim);
        const QByteArray okBytes = field(fields, "ok");
        if (!okN || !okDim || n < 0 || r.dimension <= 0 || okBytes.size() != n
            || !fromRaw(field(fields, "hashes"), size_t(n), &r.hashes)
            || !fromRaw(field(fields, "vectors"), size_t(n) * size_t(r.dimension), &r.vectors))
            return fail(error, QStringLiteral("reply to batch %1: sizes do not add up").arg(QString::fromLatin1(r.batchId)));
        for (char c : okBytes)
            r.ok.append(c != '\0');
    } else {
        return fail(error, QStringLiteral("reply to batch %1: unknown kind \"%2\"")
                               .arg(QString::fromLatin1(r.batchId), QString::fromLatin1(kind)));
    }
    *out = std::move(r);
    return true;
}

} // namespace kms::stream
