// SPDX-License-Identifier: MIT
#include "embed/LsaModel.h"

#include <QFile>
#include <QSaveFile>
#include <QtEndian>

#include <cstring>

#include <xxhash.h>

namespace kms {

namespace {

constexpr char kMagic[8] = {'K', 'M', 'S', 'L', 'S', 'A', 0, 0};
constexpr quint32 kVersion = 1;
constexpr size_t kHeaderBytes = 8 + 4 * 4 + 8;
constexpr quint32 kMaxRank = 4096;
constexpr quint32 kMaxWordBytes = 4096;

template<typename T> void put(QByteArray &b, T v)
{
    v = qToLittleEndian(v);
    b.append(reinterpret_cast<const char *>(&v), sizeof v);
}

void putFloats(QByteArray &b, std::span<const float> v)
{
    for (const float f : v) {
        quint32 bits = 0;
        std::memcpy(&bits, &f, sizeof bits);
        put(b, bits);
    }
}

// Bounds-checked reads over the loaded bytes: a short file stops the reader, never overruns it.
struct Reader {
    const char *data;
    size_t size;
    size_t pos = 0;
    bool ok = true;

    template<typename T> T get()
    {
        T v{};
        if (!ok || size - pos < sizeof v) {
            ok = false;
            return v;
        }
        std::memcpy(&v, data + pos, sizeof v);
        pos += sizeof v;
        return qFromLittleEndian(v);
    }
    bool floats(std::vector<float> &out, size_t n)
    {
        if (!ok || (size - pos) / 4 < n)
            return ok = false;
        out.resize(n);
        for (size_t i = 0; i < n; ++i) {
            const quint32 bits = get<quint32>();
            std::memcpy(&out[i], &bits, sizeof bits);
        }
        return ok;
    }
};

QString hex64(quint64 v)
{
    return QStringLiteral("%1").arg(v, 16, 16, QLatin1Char('0'));
}

} // namespace

LsaModel::LsaModel(QStringList words, std::vector<float> idf, std::vector<float> projection,
                   std::vector<float> singularValues, qint64 documents)
    : m_words(std::move(words))
    , m_idf(std::move(idf))
    , m_projection(std::move(projection))
    , m_singularValues(std::move(singularValues))
    , m_documents(documents)
{
    finish();
}

void LsaModel::finish()
{
    m_index.clear();
    m_index.reserve(m_words.size());
    for (int i = 0; i < m_words.size(); ++i)
        m_index.insert(m_words[i], i);
    const QByteArray bytes = serialize();
    m_checksum = hex64(XXH3_64bits(bytes.constData(), size_t(bytes.size())));
}

QByteArray LsaModel::serialize() const
{
    QByteArray b;
    b.reserve(qsizetype(kHeaderBytes + (m_idf.size() + m_projection.size() + m_singularValues.size()) * 4
                        + size_t(m_words.size()) * 12));
    b.append(kMagic, sizeof kMagic);
    put(b, kVersion);
    put(b, quint32(rank()));
    put(b, quint32(vocabularySize()));
    put(b, quint32(0)); // flags: none defined in version 1
    put(b, quint64(m_documents));
    putFloats(b, m_singularValues);
    for (const QString &w : m_words) {
        const QByteArray utf8 = w.toUtf8();
        put(b, quint32(utf8.size()));
        b.append(utf8);
    }
    putFloats(b, m_idf);
    putFloats(b, m_projection);
    return b;
}

bool LsaModel::save(const QString &path, QString *error) const
{
    QByteArray bytes = serialize();
    put(bytes, quint64(XXH3_64bits(bytes.constData(), size_t(bytes.size()))));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write the LSA model %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool LsaModel::load(const QString &path, LsaModel *out, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("LSA model %1 refused: %2; train it again (kmsctl train-lsa)").arg(path, why);
        return false;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    const QByteArray bytes = file.readAll();
    if (size_t(bytes.size()) < kHeaderBytes + 8 || std::memcmp(bytes.constData(), kMagic, sizeof kMagic) != 0)
        return fail(size_t(bytes.size()) < sizeof kMagic ? QStringLiteral("the file is truncated")
                                                         : QStringLiteral("not an LSA model file"));
    const size_t payload = size_t(bytes.size()) - 8;
    quint64 stored = 0;
    std::memcpy(&stored, bytes.constData() + payload, 8);
    stored = qFromLittleEndian(stored);

    Reader r{bytes.constData(), payload};
    r.pos = sizeof kMagic;
    const auto version = r.get<quint32>();
    if (version != kVersion)
        return fail(QStringLiteral("file version %1, this program reads version %2").arg(version).arg(kVersion));
    if (stored != XXH3_64bits(bytes.constData(), payload))
        return fail(QStringLiteral("checksum mismatch (the file is corrupt or truncated)"));
    const auto rank = r.get<quint32>();
    const auto vocabulary = r.get<quint32>();
    r.get<quint32>(); // flags
    const auto documents = r.get<quint64>();
    if (rank == 0 || rank > kMaxRank)
        return fail(QStringLiteral("rank %1 is out of range").arg(rank));

    LsaModel m;
    m.m_documents = qint64(documents);
    r.floats(m.m_singularValues, rank);
    m.m_words.reserve(qsizetype(std::min<quint32>(vocabulary, 1u << 22)));
    for (quint32 i = 0; i < vocabulary && r.ok; ++i) {
        const auto len = r.get<quint32>();
        if (len > kMaxWordBytes || payload - r.pos < len)
            return fail(QStringLiteral("word %1 runs past the end of the file").arg(i));
        m.m_words.append(QString::fromUtf8(bytes.constData() + r.pos, qsizetype(len)));
        r.pos += len;
    }
    r.floats(m.m_idf, vocabulary);
    r.floats(m.m_projection, size_t(vocabulary) * rank);
    if (!r.ok || r.pos != payload)
        return fail(QStringLiteral("the sections do not match the header (%1 bytes)").arg(bytes.size()));
    m.finish();
    *out = std::move(m);
    return true;
}

} // namespace kms
