// SPDX-License-Identifier: MIT
#include "encoder/SafeTensors.h"

#include "encoder/ModelError.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>
#include <qfloat16.h>

#include <cmath>
#include <cstring>

namespace kms {

namespace {

// Bytes per element of every dtype the format defines; anything else is refused on open.
int dtypeSize(const QString &dtype)
{
    static const std::map<QString, int> sizes = {
        {QStringLiteral("F64"), 8}, {QStringLiteral("F32"), 4}, {QStringLiteral("F16"), 2},
        {QStringLiteral("BF16"), 2}, {QStringLiteral("I64"), 8}, {QStringLiteral("I32"), 4},
        {QStringLiteral("I16"), 2}, {QStringLiteral("I8"), 1}, {QStringLiteral("U8"), 1},
        {QStringLiteral("BOOL"), 1}, {QStringLiteral("U16"), 2}, {QStringLiteral("U32"), 4},
        {QStringLiteral("U64"), 8}};
    const auto it = sizes.find(dtype);
    return it == sizes.end() ? 0 : it->second;
}

// A JSON number that is a non-negative integer exactly representable in a double.
bool toCount(const QJsonValue &v, qint64 *out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (!(d >= 0) || d > 9007199254740992.0 || std::floor(d) != d)
        return false;
    *out = qint64(d);
    return true;
}

} // namespace

qint64 SafeTensor::elements() const
{
    qint64 n = 1;
    for (qint64 d : shape)
        n *= d;
    return n;
}

QString SafeTensor::shapeText() const
{
    QStringList parts;
    for (qint64 d : shape)
        parts << QString::number(d);
    return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
}

SafeTensorsFile::SafeTensorsFile(const QString &path) : m_path(path), m_file(path)
{
    const QString name = QFileInfo(path).fileName();
    auto fail = [&](const QString &what) { throw ModelError(name + QLatin1String(": ") + what); };

    if (!m_file.exists())
        fail(QStringLiteral("file not found (%1)").arg(path));
    if (!m_file.open(QIODevice::ReadOnly))
        fail(QStringLiteral("cannot open: %1").arg(m_file.errorString()));
    const qint64 size = m_file.size();
    if (size < 8)
        fail(QStringLiteral("truncated: %1 bytes, shorter than the 8-byte header length").arg(size));
    const uchar *map = m_file.map(0, size);
    if (!map)
        fail(QStringLiteral("cannot map the file: %1").arg(m_file.errorString()));

    const quint64 headerLength = qFromLittleEndian<quint64>(map);
    // The format caps the header at 100 MB; anything larger is corruption, not a model.
    if (headerLength > 100'000'000 || qint64(headerLength) > size - 8)
        fail(QStringLiteral("truncated or corrupt: the header claims %1 bytes but the file has %2 after "
                            "the length").arg(headerLength).arg(size - 8));
    const qint64 dataStart = 8 + qint64(headerLength);
    const qint64 dataSize = size - dataStart;

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char *>(map + 8), qsizetype(headerLength)),
        &parseError);
    if (parseError.error != QJsonParseError::NoError)
        fail(QStringLiteral("header is not valid JSON at offset %1: %2")
                 .arg(parseError.offset).arg(parseError.errorString()));
    if (!doc.isObject())
        fail(QStringLiteral("header is not a JSON object"));

    const QJsonObject header = doc.object();
    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == QLatin1String("__metadata__"))
            continue;
        const QString where = QStringLiteral("tensor \"%1\": ").arg(it.key());
        const QJsonObject entry = it.value().toObject();
        SafeTensor t;
        t.name = it.key();
        t.dtype = entry.value(QLatin1String("dtype")).toString();
        const int elementSize = dtypeSize(t.dtype);
        if (elementSize == 0)
            fail(where + QStringLiteral("unknown dtype \"%1\"").arg(t.dtype));
        const QJsonValue shapeValue = entry.value(QLatin1String("shape"));
        if (!shapeValue.isArray())
            fail(where + QStringLiteral("no shape"));
        qint64 elements = 1;
        for (const QJsonValue &d : shapeValue.toArray()) {
            qint64 dim = 0;
            if (!toCount(d, &dim) || dim > (qint64(1) << 40))
                fail(where + QStringLiteral("invalid shape entry"));
            t.shape.push_back(dim);
            elements *= dim;
            if (elements > (qint64(1) << 40))
                fail(where + QStringLiteral("shape too large"));
        }
        const QJsonArray offsets = entry.value(QLatin1String("data_offsets")).toArray();
        qint64 begin = 0, end = 0;
        if (offsets.size() != 2 || !toCount(offsets[0], &begin) || !toCount(offsets[1], &end) || end < begin)
            fail(where + QStringLiteral("invalid data_offsets"));
        if (end > dataSize)
            fail(where + QStringLiteral("data_offsets [%1, %2] point outside the file (%3 data bytes): "
                                        "truncated or corrupt").arg(begin).arg(end).arg(dataSize));
        if (end - begin != elements * elementSize)
            fail(where + QStringLiteral("%1 bytes for shape %2 of %3, expected %4")
                             .arg(end - begin).arg(t.shapeText(), t.dtype).arg(elements * elementSize));
        t.data = map + dataStart + begin;
        t.bytes = end - begin;
        m_tensors.emplace(t.name, std::move(t));
    }
}

QStringList SafeTensorsFile::names() const
{
    QStringList out;
    for (const auto &[name, t] : m_tensors)
        out << name;
    return out;
}

const SafeTensor *SafeTensorsFile::find(const QString &name) const
{
    const auto it = m_tensors.find(name);
    return it == m_tensors.end() ? nullptr : &it->second;
}

std::vector<float> SafeTensorsFile::toFloat(const SafeTensor &t) const
{
    const size_t n = size_t(t.elements());
    std::vector<float> out(n);
    // A tensor with a 0 in its shape is valid and has no bytes; memcpy from or to the null data()
    // of an empty vector is undefined even for 0 bytes (found by fuzz_safetensors).
    if (n == 0)
        return out;
    static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "safetensors data is little-endian");
    if (t.dtype == QLatin1String("F32")) {
        std::memcpy(out.data(), t.data, n * sizeof(float));
    } else if (t.dtype == QLatin1String("F16")) {
        std::vector<qfloat16> half(n);
        std::memcpy(half.data(), t.data, n * sizeof(qfloat16));
        qFloatFromFloat16(out.data(), half.data(), qsizetype(n));
    } else if (t.dtype == QLatin1String("BF16")) {
        // bfloat16 is the top half of an f32.
        for (size_t i = 0; i < n; ++i) {
            quint16 b;
            std::memcpy(&b, t.data + 2 * i, 2);
            const quint32 bits = quint32(b) << 16;
            std::memcpy(&out[i], &bits, 4);
        }
    } else {
        throw ModelError(QFileInfo(m_path).fileName()
                         + QStringLiteral(": tensor \"%1\" has dtype %2; only F32, F16 and BF16 weights "
                                          "are supported").arg(t.name, t.dtype));
    }
    return out;
}

} // namespace kms
