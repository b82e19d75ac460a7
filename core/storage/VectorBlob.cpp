// SPDX-License-Identifier: MIT
#include "storage/VectorBlob.h"

#include "half/Half.h"

#include <cmath>

namespace kms::vectorblob {

namespace {

constexpr char kHalfFormat = 1;
constexpr float kHalfMax = 65504.0f;

} // namespace

QByteArray encode(std::span<const float> v)
{
    for (const float x : v)
        if (!std::isfinite(x) || std::abs(x) > kHalfMax)
            return QByteArray(reinterpret_cast<const char *>(v.data()), qsizetype(v.size_bytes()));
    QByteArray out(qsizetype(2 * v.size() + 1), Qt::Uninitialized);
    half::narrow(v, out.data());
    out[qsizetype(2 * v.size())] = kHalfFormat;
    return out;
}

std::span<const float> decode(const void *blob, int bytes, std::vector<float> *scratch)
{
    if (!blob || bytes <= 0)
        return {};
    if (!isHalf(bytes))
        return {static_cast<const float *>(blob), size_t(bytes) / sizeof(float)};
    const size_t n = size_t(bytes - 1) / 2;
    scratch->resize(n);
    half::widen(blob, n, scratch->data());
    return {scratch->data(), n};
}

} // namespace kms::vectorblob
