// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <span>
#include <vector>

namespace kms {

// A trained latent semantic analysis model: the vocabulary, each word's idf and the projection
// from tf-idf space to `rank` latent dimensions (one row of `rank` floats per word). Immutable
// once built; LsaEmbedder reads it from many threads.
//
// File layout (little-endian), version 1:
//   "KMSLSA\0\0", u32 version, u32 rank, u32 vocabulary size, u32 flags, u64 documents trained on,
//   f32 singular values[rank], per word: u32 UTF-8 length + bytes, f32 idf[vocabulary],
//   f32 projection[vocabulary * rank], then the XXH3-64 of everything before it.
class LsaModel
{
public:
    LsaModel() = default;
    LsaModel(QStringList words, std::vector<float> idf, std::vector<float> projection,
             std::vector<float> singularValues, qint64 documents);

    int rank() const { return int(m_singularValues.size()); }
    int vocabularySize() const { return int(m_words.size()); }
    qint64 documents() const { return m_documents; }
    const QStringList &words() const { return m_words; }
    std::span<const float> singularValues() const { return m_singularValues; }
    // -1 when the word is not in the vocabulary.
    int wordIndex(const QString &word) const { return m_index.value(word, -1); }
    float idf(int word) const { return m_idf[size_t(word)]; }
    std::span<const float> projectionRow(int word) const
    {
        return {m_projection.data() + size_t(word) * size_t(rank()), size_t(rank())};
    }
    // The XXH3-64 of the saved form, as 16 hex digits: names the model in embedder ids and files.
    QString checksum() const { return m_checksum; }

    // Writes the model atomically (temporary file + rename).
    bool save(const QString &path, QString *error) const;
    // Refuses a file that is not a model, of another version, truncated or whose checksum does
    // not match, saying which and naming the file.
    static bool load(const QString &path, LsaModel *out, QString *error);

private:
    QByteArray serialize() const; // without the trailing checksum
    void finish();                // index + checksum

    QStringList m_words;
    QHash<QString, int> m_index;
    std::vector<float> m_idf;
    std::vector<float> m_projection;
    std::vector<float> m_singularValues;
    qint64 m_documents = 0;
    QString m_checksum;
};

} // namespace kms
