// SPDX-License-Identifier: MIT
#include "embed/HashEmbedder.h"

#include <QVarLengthArray>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <vector>

// Inlined: the embedder hashes thousands of tiny n-grams per text, a call into the shared library
// for each would cost more than the hashing itself.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace kms {

namespace {

// Changing any of these changes every vector: bump "hash-v1" in the id when you do.
constexpr quint64 kSeed = 0x6b6d732d68617368ULL; // "kms-hash"
constexpr quint64 kBigramSeed = kSeed ^ 0x9e3779b97f4a7c15ULL;
constexpr quint64 kCharSeed = kSeed ^ 0xc2b2ae3d27d4eb4fULL;
constexpr qsizetype kMaxCharNgramToken = 64; // longer tokens (hashes, base64) only use their start

// A feature is its 64-bit hash with the family in the two low bits, so equal n-grams of different
// families never merge and a key is never 0 (0 marks an empty slot).
enum Family : quint64 { Unigram = 1, Bigram = 2, CharNgram = 3 };
constexpr quint64 feature(quint64 hash, Family family) { return (hash & ~quint64(3)) | family; }

// Term-frequency counting in an open-addressing table reused per thread: no allocation per
// feature and, after warm-up, none per text.
struct FeatureCounts {
    std::vector<quint64> keys;
    std::vector<quint32> counts;
    size_t mask = 0;

    void reset(size_t expectedFeatures)
    {
        // Size depends on the input only, so slot order (and float summation order) is the same
        // on every thread and every run.
        const size_t slotCount = std::max<size_t>(64, std::bit_ceil(expectedFeatures + expectedFeatures / 2 + 1));
        if (keys.size() < slotCount) {
            keys.resize(slotCount);
            counts.resize(slotCount);
        }
        std::memset(keys.data(), 0, slotCount * sizeof(quint64));
        mask = slotCount - 1;
    }
    void add(quint64 key)
    {
        size_t i = size_t(key >> 2) & mask;
        while (keys[i] != 0 && keys[i] != key)
            i = (i + 1) & mask;
        if (keys[i] == 0) {
            keys[i] = key;
            counts[i] = 1;
        } else {
            ++counts[i];
        }
    }
};

QString formatWeight(float w)
{
    return QString::number(double(w), 'g', 6);
}

} // namespace

HashEmbedder::HashEmbedder()
    : HashEmbedder(Params{})
{
}

HashEmbedder::HashEmbedder(const Params &params)
    : m_params(params)
{
    m_params.dimension = std::clamp(m_params.dimension, 1, 65536);
    m_params.charNgramMin = std::max(m_params.charNgramMin, 1);
    m_params.charNgramMax = std::min<int>(m_params.charNgramMax, int(kMaxCharNgramToken) + 2);
    const bool chars = m_params.charNgramMax >= m_params.charNgramMin;
    if (!chars) {
        m_params.charNgramMin = 0;
        m_params.charNgramMax = 0;
    }

    m_id = QStringLiteral("hash-v1:d=%1").arg(m_params.dimension);
    m_id += m_params.wordBigrams ? QStringLiteral(",w=1-2") : QStringLiteral(",w=1");
    if (chars)
        m_id += QStringLiteral(",c=%1-%2").arg(m_params.charNgramMin).arg(m_params.charNgramMax);
    else
        m_id += QStringLiteral(",c=off");
    m_id += QStringLiteral(",wu=") + formatWeight(m_params.unigramWeight);
    if (m_params.wordBigrams)
        m_id += QStringLiteral(",wb=") + formatWeight(m_params.bigramWeight);
    if (chars)
        m_id += QStringLiteral(",wc=") + formatWeight(m_params.charNgramWeight);
}

void HashEmbedder::embed(const QStringList &tokens, std::span<float> out) const
{
    std::fill(out.begin(), out.end(), 0.0f);
    const auto dim = size_t(m_params.dimension);
    if (out.size() != dim || tokens.isEmpty())
        return; // a wrong-sized buffer is a programming error; it gets the zero vector

    const int nMin = m_params.charNgramMin;
    const int nMax = m_params.charNgramMax;
    const bool chars = nMax > 0;

    size_t expected = size_t(tokens.size()) * 2;
    if (chars) {
        for (const QString &t : tokens) {
            const qsizetype len = std::min(t.size(), kMaxCharNgramToken) + 2;
            for (int n = nMin; n <= nMax && n <= len; ++n)
                expected += size_t(len - n + 1);
        }
    }
    thread_local FeatureCounts counts;
    counts.reset(expected);

    QVarLengthArray<char16_t, kMaxCharNgramToken + 2> marked;
    quint64 previous = 0;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QString &token = tokens[i];
        const quint64 h = XXH3_64bits_withSeed(token.utf16(), size_t(token.size()) * 2, kSeed);
        counts.add(feature(h, Unigram));
        if (m_params.wordBigrams && i > 0) {
            const quint64 pair[2] = {previous, h};
            counts.add(feature(XXH3_64bits_withSeed(pair, sizeof pair, kBigramSeed), Bigram));
        }
        previous = h;
        if (!chars)
            continue;
        // "<token>": the markers let prefixes and suffixes count as their own n-grams.
        const qsizetype len = std::min(token.size(), kMaxCharNgramToken);
        marked.resize(len + 2);
        marked[0] = u'<';
        std::memcpy(marked.data() + 1, token.utf16(), size_t(len) * 2);
        marked[len + 1] = u'>';
        for (int n = nMin; n <= nMax && n <= marked.size(); ++n) {
            for (qsizetype start = 0; start + n <= marked.size(); ++start) {
                const quint64 c = XXH3_64bits_withSeed(marked.constData() + start, size_t(n) * 2, kCharSeed);
                counts.add(feature(c, CharNgram));
            }
        }
    }

    const float familyWeight[4] = {0.0f, m_params.unigramWeight, m_params.bigramWeight,
                                   m_params.charNgramWeight};
    for (size_t slot = 0; slot <= counts.mask; ++slot) {
        const quint64 key = counts.keys[slot];
        if (key == 0)
            continue;
        const quint32 tf = counts.counts[slot];
        const float weight = familyWeight[key & 3] * (tf == 1 ? 1.0f : float(1.0 + std::log(double(tf))));
        // Bucket from bits 2..33 (multiply-shift range reduction), sign from the top bit.
        const size_t bucket = size_t(((key >> 2) & 0xffffffffULL) * dim >> 32);
        out[bucket] += (key >> 63) ? -weight : weight;
    }

    normaliseL2(out);
}

} // namespace kms
