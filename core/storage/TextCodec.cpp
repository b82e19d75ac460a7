// SPDX-License-Identifier: MIT
#include "storage/TextCodec.h"

#include <sqlite3.h>
#include <zdict.h>
#include <zstd.h>

#include <algorithm>

namespace kms {

namespace {

constexpr char kFormat = 1;
// zstd's default level: with a dictionary, higher levels gained little on support texts while
// costing the writer time; lower ones lost ratio.
constexpr int kLevel = 3;
// Up to 64 KiB of dictionary, and at most a twentieth of the sample text (zstd's trainer wants
// about a hundred times the dictionary's size in samples; fewer give a noisier one).
constexpr qsizetype kMaxDictionary = 64 * 1024;
constexpr qsizetype kMinSamples = 200;
constexpr qsizetype kMinSampleBytes = 96 * 1024;
constexpr qsizetype kShortest = 24; // shorter texts gain too little to be worth a decode
// A corrupt frame could claim any size; no record text comes near this.
constexpr unsigned long long kLargestText = 256ull * 1024 * 1024;

void appendVarint(QByteArray &out, quint64 v)
{
    while (v >= 0x80) {
        out.append(char((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.append(char(v));
}

bool readVarint(const QByteArray &in, qsizetype *pos, quint64 *v)
{
    *v = 0;
    for (int shift = 0; shift < 63 && *pos < in.size(); shift += 7) {
        const auto byte = quint8(in[(*pos)++]);
        *v |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

} // namespace

struct TextCodec::Dictionary {
    qint64 id = 0;
    ZSTD_CDict *compress = nullptr;
    ZSTD_DDict *decompress = nullptr;
    ~Dictionary()
    {
        ZSTD_freeCDict(compress);
        ZSTD_freeDDict(decompress);
    }
};

struct TextCodec::Contexts {
    ZSTD_CCtx *c = ZSTD_createCCtx();
    ZSTD_DCtx *d = ZSTD_createDCtx();
    Contexts()
    {
        // The value's own header names the dictionary and no checksum is needed (SQLite pages
        // carry none either; a bad frame still fails to decode): 8 bytes less per value.
        ZSTD_CCtx_setParameter(c, ZSTD_c_dictIDFlag, 0);
        ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 0);
        ZSTD_CCtx_setParameter(c, ZSTD_c_contentSizeFlag, 1);
    }
    ~Contexts()
    {
        ZSTD_freeCCtx(c);
        ZSTD_freeDCtx(d);
    }
};

TextCodec::TextCodec() : m_ctx(std::make_unique<Contexts>()) {}
TextCodec::~TextCodec() = default;

bool TextCodec::enoughToTrain(qsizetype samples, qsizetype bytes)
{
    return samples >= kMinSamples && bytes >= kMinSampleBytes;
}

QByteArray TextCodec::train(const std::vector<QByteArray> &samples, QString *error)
{
    QByteArray joined;
    std::vector<size_t> sizes;
    sizes.reserve(samples.size());
    for (const QByteArray &s : samples) {
        if (s.isEmpty())
            continue;
        joined.append(s);
        sizes.push_back(size_t(s.size()));
    }
    if (!enoughToTrain(qsizetype(sizes.size()), joined.size())) {
        *error = QStringLiteral("%1 texts of %2 bytes are too few to train on").arg(sizes.size()).arg(joined.size());
        return {};
    }
    QByteArray dict(std::min(kMaxDictionary, joined.size() / 20), Qt::Uninitialized);
    const size_t n = ZDICT_trainFromBuffer(dict.data(), size_t(dict.size()), joined.constData(), sizes.data(),
                                           unsigned(sizes.size()));
    if (ZDICT_isError(n)) {
        *error = QString::fromUtf8(ZDICT_getErrorName(n));
        return {};
    }
    dict.truncate(qsizetype(n));
    return dict;
}

bool TextCodec::addDictionary(qint64 id, int collection, const QByteArray &dictionary, QString *error)
{
    auto d = std::make_shared<Dictionary>();
    d->id = id;
    d->compress = ZSTD_createCDict(dictionary.constData(), size_t(dictionary.size()), kLevel);
    d->decompress = ZSTD_createDDict(dictionary.constData(), size_t(dictionary.size()));
    if (!d->compress || !d->decompress) {
        *error = QStringLiteral("text dictionary %1 cannot be loaded").arg(id);
        return false;
    }
    m_byId.insert(id, d);
    m_current.insert(collection, d);
    return true;
}

bool TextCodec::compresses(int collection) const
{
    return m_current.contains(collection);
}

void TextCodec::clear()
{
    m_byId.clear();
    m_current.clear();
}

QByteArray TextCodec::pack(int collection, const QByteArray &utf8)
{
    const std::shared_ptr<Dictionary> d = m_current.value(collection);
    if (!d || utf8.size() < kShortest)
        return {};
    QByteArray out;
    out.append(kFormat);
    appendVarint(out, quint64(d->id));
    const qsizetype header = out.size();
    out.resize(header + qsizetype(ZSTD_compressBound(size_t(utf8.size()))));
    ZSTD_CCtx_refCDict(m_ctx->c, d->compress);
    const size_t n = ZSTD_compress2(m_ctx->c, out.data() + header, size_t(out.size() - header), utf8.constData(),
                                    size_t(utf8.size()));
    if (ZSTD_isError(n) || header + qsizetype(n) >= utf8.size())
        return {};
    out.truncate(header + qsizetype(n));
    return out;
}

std::shared_ptr<TextCodec::Dictionary> TextCodec::dictionary(qint64 id, const DictionaryLoader &load, QString *error)
{
    if (auto d = m_byId.value(id))
        return d;
    const QByteArray stored = load ? load(id) : QByteArray();
    if (stored.isEmpty()) {
        *error = QStringLiteral("text dictionary %1 is missing").arg(id);
        return {};
    }
    auto d = std::make_shared<Dictionary>();
    d->id = id;
    d->decompress = ZSTD_createDDict(stored.constData(), size_t(stored.size()));
    if (!d->decompress) {
        *error = QStringLiteral("text dictionary %1 cannot be loaded").arg(id);
        return {};
    }
    m_byId.insert(id, d);
    return d;
}

bool TextCodec::unpack(const QByteArray &blob, QByteArray *utf8, QString *error, const DictionaryLoader &load)
{
    qsizetype pos = 1;
    quint64 id = 0;
    if (blob.isEmpty() || blob[0] != kFormat || !readVarint(blob, &pos, &id)) {
        *error = QStringLiteral("stored text has an unknown format");
        return false;
    }
    const std::shared_ptr<Dictionary> d = dictionary(qint64(id), load, error);
    if (!d)
        return false;
    const char *frame = blob.constData() + pos;
    const auto frameSize = size_t(blob.size() - pos);
    const unsigned long long size = ZSTD_getFrameContentSize(frame, frameSize);
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kLargestText) {
        *error = QStringLiteral("stored text is damaged (no valid frame header)");
        return false;
    }
    utf8->resize(qsizetype(size));
    const size_t n = ZSTD_decompress_usingDDict(m_ctx->d, utf8->data(), size_t(size), frame, frameSize, d->decompress);
    if (ZSTD_isError(n) || n != size) {
        *error = QStringLiteral("stored text is damaged (%1)")
                     .arg(ZSTD_isError(n) ? QString::fromUtf8(ZSTD_getErrorName(n)) : QStringLiteral("short frame"));
        return false;
    }
    return true;
}

namespace {

QByteArray loadDictionary(sqlite3 *db, qint64 id)
{
    sqlite3_stmt *st = nullptr;
    QByteArray out;
    if (sqlite3_prepare_v2(db, "SELECT dictionary FROM text_dictionaries WHERE id = ?1", -1, &st, nullptr) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, id);
        if (sqlite3_step(st) == SQLITE_ROW)
            out = QByteArray(static_cast<const char *>(sqlite3_column_blob(st, 0)), sqlite3_column_bytes(st, 0));
    }
    sqlite3_finalize(st);
    return out;
}

void textFunction(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    sqlite3_value *v = argv[0];
    if (sqlite3_value_type(v) != SQLITE_BLOB) {
        sqlite3_result_value(ctx, v);
        return;
    }
    auto *codec = static_cast<TextCodec *>(sqlite3_user_data(ctx));
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    const QByteArray blob = QByteArray::fromRawData(static_cast<const char *>(sqlite3_value_blob(v)),
                                                    sqlite3_value_bytes(v));
    QByteArray text;
    QString error;
    if (!codec->unpack(blob, &text, &error, [db](qint64 id) { return loadDictionary(db, id); })) {
        const QByteArray message = error.toUtf8();
        sqlite3_result_error(ctx, message.constData(), int(message.size()));
        return;
    }
    sqlite3_result_text(ctx, text.constData(), int(text.size()), SQLITE_TRANSIENT);
}

} // namespace

bool sql::columnText(sqlite3_stmt *st, int c, TextCodec &codec, QString *text, QString *error)
{
    if (sqlite3_column_type(st, c) != SQLITE_BLOB) {
        const auto *p = static_cast<const char16_t *>(sqlite3_column_text16(st, c));
        *text = p ? QString::fromUtf16(p, sqlite3_column_bytes16(st, c) / 2) : QString();
        return true;
    }
    const QByteArray blob = QByteArray::fromRawData(static_cast<const char *>(sqlite3_column_blob(st, c)),
                                                    sqlite3_column_bytes(st, c));
    sqlite3 *db = sqlite3_db_handle(st);
    QByteArray utf8;
    if (!codec.unpack(blob, &utf8, error, [db](qint64 id) { return loadDictionary(db, id); })) {
        text->clear();
        return false;
    }
    *text = QString::fromUtf8(utf8);
    return true;
}

bool sql::registerTextFunction(sqlite3 *db, TextCodec *codec)
{
    return sqlite3_create_function_v2(db, "kms_text", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, codec, textFunction,
                                      nullptr, nullptr, nullptr)
        == SQLITE_OK;
}

} // namespace kms
