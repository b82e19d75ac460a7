// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace kms {

// BERT's tokenizer: basic tokenisation (drop control characters, map whitespace, isolate CJK
// ideographs and punctuation, lower-case and strip accents as configured) followed by greedy
// longest-match-first WordPiece with "##" continuation pieces, as Hugging Face's BertTokenizer and
// its fast twin do. Immutable after construction; safe to share between threads.
class WordPieceTokenizer
{
public:
    // Reads vocab.txt (id = line number). Throws ModelError when the file is missing or lacks
    // [CLS], [SEP], [UNK] or [PAD].
    WordPieceTokenizer(const QString &vocabPath, bool lowerCase, bool stripAccents);

    // [CLS] pieces... [SEP], cut to maxLength ids in all (maxLength >= 2).
    std::vector<int> encode(const QString &text, int maxLength) const;

    // The words after basic tokenisation, and the pieces of one word (exposed for tests).
    QStringList basicTokens(const QString &text) const;
    void wordPieces(const QString &word, std::vector<int> *out) const;

    int vocabSize() const { return m_vocabSize; }
    int clsId() const { return m_cls; }
    int sepId() const { return m_sep; }
    int unkId() const { return m_unk; }
    int padId() const { return m_pad; }

private:
    QHash<QString, int> m_vocab;
    int m_vocabSize = 0;
    int m_cls = 0, m_sep = 0, m_unk = 0, m_pad = 0;
    bool m_lowerCase;
    bool m_stripAccents;
};

} // namespace kms
