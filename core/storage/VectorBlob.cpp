// SPDX-License-Identifier: MIT
#include "storage/VectorBlob.h"

#include "half/Half.h"

#include <QtEndian>

#include <algorithm>
#include <cmath>

namespace kms::vectorblob {

namespace {

constexpr char kHalfFormat = 1;
// Two codes for the 8-bit form, so its length stays odd: an even dimension is followed by the
// scale and the format byte, an odd one by a padding byte as well.
constexpr char kInt8EvenFormat = 2;
constexpr char kInt8OddFormat = 3;
constexpr int kScaleBytes = 4;

} // namespace

QByteArray encode(std::span<const float> v)
{
    float largest = 0;
    for (const float x : v) {
        if (!std::isfinite(x))
            return QByteArray(reinterpret_cast<const char *>(v.data()), qsizetype(v.size_bytes()));
        largest = std::max(largest, std::abs(x));
    }
    const size_t n = v.size();
    const bool odd = n % 2 == 1;
    QByteArray out(qsizetype(n + kScaleBytes + (odd ? 2 : 1)), '\0');
    const float scale = largest / 127.0f;
    auto *q = reinterpret_cast<qint8 *>(out.data());
    for (size_t i = 0; i < n; ++i)
        q[i] = scale > 0 ? qint8(std::clamp(std::lround(v[i] / scale), -127L, 127L)) : qint8(0);
    qToLittleEndian(scale, out.data() + n);
    out[out.size() - 1] = odd ? kInt8OddFormat : kInt8EvenFormat;
    return out;
}

Form formOf(const void *blob, int bytes)
{
    if (bytes % 2 == 0)
        return Form::Float32;
    const char format = static_cast<const char *>(blob)[bytes - 1];
    return format == kInt8EvenFormat || format == kInt8OddFormat ? Form::Int8 : Form::Half;
}

std::span<const float> decode(const void *blob, int bytes, std::vector<float> *scratch)
{
    if (!blob || bytes <= 0)
        return {};
    switch (formOf(blob, bytes)) {
    case Form::Float32:
        return {static_cast<const float *>(blob), size_t(bytes) / sizeof(float)};
    case Form::Half: {
        const size_t n = size_t(bytes - 1) / 2;
        scratch->resize(n);
        half::widen(blob, n, scratch->data());
        return {scratch->data(), n};
    }
    case Form::Int8: {
        const auto *p = static_cast<const char *>(blob);
        const int trailer = kScaleBytes + (p[bytes - 1] == kInt8OddFormat ? 2 : 1);
        if (bytes < trailer)
            return {};
        const size_t n = size_t(bytes - trailer);
        const float scale = qFromLittleEndian<float>(p + n);
        scratch->resize(n);
        const auto *q = reinterpret_cast<const qint8 *>(p);
        for (size_t i = 0; i < n; ++i)
            (*scratch)[i] = float(q[i]) * scale;
        return {scratch->data(), n};
    }
    }
    return {};
}

} // namespace kms::vectorblob
