// SPDX-License-Identifier: MIT
#include "encoder/WordPieceTokenizer.h"

#include "encoder/ModelError.h"

#include <QChar>
#include <QFile>
#include <QFileInfo>

namespace kms {

namespace {

// The reference gives up on a word longer than this and emits [UNK] for all of it.
constexpr qsizetype kMaxWordChars = 100;

bool isWhitespace(char32_t c)
{
    if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r')
        return true;
    const auto cat = QChar::category(c);
    return cat == QChar::Separator_Space || cat == QChar::Separator_Line || cat == QChar::Separator_Paragraph;
}

bool isControl(char32_t c)
{
    if (c == U'\t' || c == U'\n' || c == U'\r')
        return false;
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
        return true;
    default:
        return false;
    }
}

bool isPunctuation(char32_t c)
{
    // All non-alphanumeric printable ASCII counts (so "$", "^", "`" split words), plus Unicode P*.
    if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126))
        return true;
    const auto cat = QChar::category(c);
    return cat >= QChar::Punctuation_Connector && cat <= QChar::Punctuation_Other;
}

// The CJK Unified Ideographs blocks the reference isolates (not Hangul, Hiragana or Katakana).
bool isCjk(char32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
           || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F)
           || (c >= 0x2B820 && c <= 0x2CEAF) || (c >= 0xF900 && c <= 0xFAFF)
           || (c >= 0x2F800 && c <= 0x2FA1F);
}

std::u32string lowerCased(const std::u32string &s)
{
    std::u32string out;
    out.reserve(s.size());
    for (char32_t c : s) {
        if (c == 0x130) {        // the one code point whose full lower case is two: "i" + U+0307
            out += U'i';
            out += char32_t(0x307);
        } else {
            out += char32_t(QChar::toLower(c));
        }
    }
    return out;
}

std::u32string withoutAccents(const std::u32string &s)
{
    const QString nfd = QString::fromUcs4(s.data(), qsizetype(s.size()))
                            .normalized(QString::NormalizationForm_D);
    std::u32string out;
    for (char32_t c : nfd.toStdU32String()) {
        if (QChar::category(c) != QChar::Mark_NonSpacing)
            out += c;
    }
    return out;
}

} // namespace

WordPieceTokenizer::WordPieceTokenizer(const QString &vocabPath, bool lowerCase, bool stripAccents)
    : m_lowerCase(lowerCase), m_stripAccents(stripAccents)
{
    const QString name = QFileInfo(vocabPath).fileName();
    QFile f(vocabPath);
    if (!f.exists())
        throw ModelError(name + QStringLiteral(": missing from the model folder %1 (only WordPiece "
                                               "vocabularies are supported)").arg(QFileInfo(vocabPath).path()));
    if (!f.open(QIODevice::ReadOnly))
        throw ModelError(name + QStringLiteral(": cannot open: %1").arg(f.errorString()));
    const QList<QByteArray> lines = f.readAll().split('\n');
    int id = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        // A final newline does not start another token.
        if (i == lines.size() - 1 && lines[i].isEmpty())
            break;
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        m_vocab.insert(QString::fromUtf8(line), id++);
    }
    m_vocabSize = id;
    auto special = [&](const char *token) {
        const auto it = m_vocab.constFind(QLatin1String(token));
        if (it == m_vocab.cend())
            throw ModelError(name + QStringLiteral(": has no %1 token").arg(QLatin1String(token)));
        return it.value();
    };
    m_cls = special("[CLS]");
    m_sep = special("[SEP]");
    m_unk = special("[UNK]");
    m_pad = special("[PAD]");
}

QStringList WordPieceTokenizer::basicTokens(const QString &text) const
{
    // Clean: drop NUL, U+FFFD and control characters, turn whitespace into spaces, pad CJK.
    std::u32string cleaned;
    for (char32_t c : text.toStdU32String()) {
        if (c == 0 || c == 0xFFFD || isControl(c))
            continue;
        if (isWhitespace(c)) {
            cleaned += U' ';
        } else if (isCjk(c)) {
            cleaned += U' ';
            cleaned += c;
            cleaned += U' ';
        } else {
            cleaned += c;
        }
    }
    if (m_lowerCase)
        cleaned = lowerCased(cleaned);
    if (m_stripAccents)
        cleaned = withoutAccents(cleaned);

    // Split on whitespace, then isolate every punctuation character.
    QStringList words;
    std::u32string current;
    auto flush = [&] {
        if (!current.empty())
            words << QString::fromUcs4(current.data(), qsizetype(current.size()));
        current.clear();
    };
    for (char32_t c : cleaned) {
        if (isWhitespace(c)) {
            flush();
        } else if (isPunctuation(c)) {
            flush();
            words << QString::fromUcs4(&c, 1);
        } else {
            current += c;
        }
    }
    flush();
    return words;
}

void WordPieceTokenizer::wordPieces(const QString &word, std::vector<int> *out) const
{
    const std::u32string chars = word.toStdU32String();
    if (qsizetype(chars.size()) > kMaxWordChars) {
        out->push_back(m_unk);
        return;
    }
    std::vector<int> pieces;
    size_t start = 0;
    while (start < chars.size()) {
        int found = -1;
        size_t end = chars.size();
        for (; end > start; --end) {
            QString piece = QString::fromUcs4(chars.data() + start, qsizetype(end - start));
            if (start > 0)
                piece.prepend(QLatin1String("##"));
            const auto it = m_vocab.constFind(piece);
            if (it != m_vocab.cend()) {
                found = it.value();
                break;
            }
        }
        if (found < 0) {              // no piece fits: the whole word is unknown
            out->push_back(m_unk);
            return;
        }
        pieces.push_back(found);
        start = end;
    }
    out->insert(out->end(), pieces.begin(), pieces.end());
}

std::vector<int> WordPieceTokenizer::encode(const QString &text, int maxLength) const
{
    std::vector<int> ids{m_cls};
    const size_t limit = size_t(std::max(maxLength, 2)) - 1;  // leave room for [SEP]
    for (const QString &word : basicTokens(text)) {
        wordPieces(word, &ids);
        if (ids.size() >= limit)
            break;
    }
    if (ids.size() > limit)
        ids.resize(limit);
    ids.push_back(m_sep);
    return ids;
}

} // namespace kms
