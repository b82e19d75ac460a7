// SPDX-License-Identifier: MIT
#include "text/Normalizer.h"

#include "text/Markup.h"

#include <QCryptographicHash>
#include <QVarLengthArray>

#include <algorithm>
#include <array>

namespace kms {

namespace {

// Skip: combining marks and control/format characters, which clean() drops without a trace.
enum CharClass : quint8 { Separator, Word, Joiner, Apostrophe, Skip };

// ASCII classes by table: most support text is ASCII, and QChar's property lookups are the cost.
constexpr std::array<quint8, 128> kAsciiClass = [] {
    std::array<quint8, 128> t{};
    for (int c = 0; c < 0x20; ++c)
        t[size_t(c)] = Skip;
    t[' '] = t['\t'] = t['\n'] = t['\v'] = t['\f'] = t['\r'] = Separator;
    t[0x7F] = Skip;
    for (int c = '0'; c <= '9'; ++c)
        t[size_t(c)] = Word;
    for (int c = 'a'; c <= 'z'; ++c)
        t[size_t(c)] = t[size_t(c - 'a' + 'A')] = Word;
    t['.'] = t['-'] = t['_'] = Joiner;
    t['\''] = Apostrophe;
    return t;
}();

// Class of the character at s[i]; *units is 2 for a surrogate pair.
inline CharClass classify(const char16_t *s, qsizetype i, qsizetype n, int *units)
{
    const char16_t c = s[i];
    *units = 1;
    if (c < 128)
        return CharClass(kAsciiClass[c]);
    char32_t cp = c;
    if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(s[i + 1])) {
        cp = QChar::surrogateToUcs4(c, s[i + 1]);
        *units = 2;
    } else if (c == u'\u2019') {
        return Apostrophe;
    } else if (c == u'\u2010' || c == u'\u2011') { // Unicode hyphens: written as '-'
        return Joiner;
    }
    if (QChar::isLetterOrNumber(cp))
        return Word;
    if (QChar::isMark(cp))
        return Skip;
    if (QChar::isSpace(cp))
        return Separator;
    const auto cat = QChar::category(cp);
    return (cat == QChar::Other_Control || cat == QChar::Other_Format) ? Skip : Separator;
}

// Appends the case-folded letter or digit at s[i] (units long). QString::toCaseFolded() costs
// ~20 us per KB; this per-character version is a table lookup. Simple folding plus the two full
// foldings that matter for matching: sharp s -> "ss" and dotted capital I -> "i".
template <typename Buffer>
inline void appendFolded(Buffer &out, const char16_t *s, qsizetype i, int units)
{
    const char16_t c = s[i];
    if (c < 128) {
        out.append((c >= 'A' && c <= 'Z') ? char16_t(c | 0x20) : c);
        return;
    }
    const char32_t cp = units == 2 ? QChar::surrogateToUcs4(c, s[i + 1]) : char32_t(c);
    const char32_t folded = QChar::toCaseFolded(cp);
    if (folded == 0xDF || folded == 0x1E9E) {
        out.append(u's');
        out.append(u's');
    } else if (folded == 0x130) {
        out.append(u'i');
    } else if (folded < 0x10000) {
        out.append(char16_t(folded));
    } else {
        out.append(QChar::highSurrogate(folded));
        out.append(QChar::lowSurrogate(folded));
    }
}

inline bool isAsciiSpace(char16_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Folds whitespace runs to one space, drops control/format characters and trims, in place.
void foldWhitespace(QString &text)
{
    char16_t *d = reinterpret_cast<char16_t *>(text.data());
    const qsizetype n = text.size();
    qsizetype w = 0;
    bool pendingSpace = false;
    for (qsizetype r = 0; r < n; ++r) {
        const char16_t c = d[r];
        if (c < 128) {
            if (isAsciiSpace(c)) {
                pendingSpace = w > 0;
                continue;
            }
            if (c < 0x20 || c == 0x7F)
                continue;
        } else {
            if (QChar::isSpace(c)) {
                pendingSpace = w > 0;
                continue;
            }
            const auto cat = QChar::category(char32_t(c));
            if (cat == QChar::Other_Control || cat == QChar::Other_Format)
                continue;
        }
        if (pendingSpace) {
            d[w++] = u' ';
            pendingSpace = false;
        }
        d[w++] = c;
    }
    text.truncate(w);
}

// The token being built; grows only for unusually long tokens.
struct TokenBuffer {
    QVarLengthArray<char16_t, 128> data{128};
    qsizetype size = 0;
    void append(char16_t c)
    {
        if (size == data.size())
            data.resize(size * 2);
        data[size++] = c;
    }
};

void split(QStringView text, QStringList &out)
{
    const auto *s = reinterpret_cast<const char16_t *>(text.utf16());
    const qsizetype n = text.size();
    TokenBuffer current;
    bool lastWasWord = false;
    auto flush = [&] {
        if (current.size > 0)
            out.append(QString(reinterpret_cast<const QChar *>(current.data.constData()), current.size));
        current.size = 0;
        lastWasWord = false;
    };
    for (qsizetype i = 0; i < n;) {
        int units = 1;
        const CharClass cls = classify(s, i, n, &units);
        switch (cls) {
        case Word:
            appendFolded(current, s, i, units);
            lastWasWord = true;
            break;
        case Skip:
            break;
        case Joiner:
        case Apostrophe: {
            int nextUnits = 1;
            const bool inside = lastWasWord && i + 1 < n && classify(s, i + 1, n, &nextUnits) == Word;
            if (!inside) {
                flush();
            } else if (cls == Joiner) {
                current.append(s[i] < 128 ? s[i] : u'-');
                lastWasWord = false;
            }
            break;
        }
        case Separator:
            flush();
            break;
        }
        i += units;
    }
    flush();
}

void appendAll(QStringList &out, const QStringList &words)
{
    for (const QString &w : words)
        out.append(w);
}

// Longest phrase first, left to right; replacements are never rescanned, so rules cannot loop.
// Tokens are moved, not copied: the list is ours and unshared.
QStringList applyDictionary(QStringList &&tokens, const TermDictionary &dictionary)
{
    QStringList out;
    out.reserve(tokens.size() + 8);
    const qsizetype n = tokens.size();
    QString phrase;
    for (qsizetype i = 0; i < n;) {
        const TermDictionary::WordEntry *entry = dictionary.wordEntry(tokens[i]);
        if (!entry) {
            out.append(std::move(tokens[i++]));
            continue;
        }
        bool matched = false;
        for (qsizetype words = std::min<qsizetype>(entry->longestPhrase, n - i); words >= 2; --words) {
            phrase = tokens[i];
            for (qsizetype k = 1; k < words; ++k) {
                phrase += u' ';
                phrase += tokens[i + k];
            }
            if (const QStringList *replacement = dictionary.phraseReplacement(phrase)) {
                appendAll(out, *replacement);
                i += words;
                matched = true;
                break;
            }
        }
        if (matched)
            continue;
        if (entry->replacement.isEmpty())
            out.append(std::move(tokens[i]));
        else
            appendAll(out, entry->replacement);
        ++i;
    }
    return out;
}

// Markup removal and NFKC, the steps clean() and tokens() share. Returns a view of `storage`, or
// of `text` itself when nothing needed changing (the common case: plain ASCII).
QStringView prepare(QStringView text, QString &storage)
{
    // Branch-free scan so the compiler can vectorise it; it runs over every text.
    const auto *p = reinterpret_cast<const char16_t *>(text.utf16());
    char16_t allBits = 0;
    bool markup = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        allBits |= p[i];
        markup |= (p[i] == u'<') | (p[i] == u'&');
    }
    bool ascii = allBits < 128;
    if (!markup && ascii)
        return text;
    if (markup) {
        storage = stripMarkup(text);
        if (ascii) { // entities may have produced non-ASCII characters
            for (const QChar c : std::as_const(storage))
                ascii &= c.unicode() < 128;
        }
    } else {
        storage = text.toString();
    }
    if (!ascii)
        storage = storage.normalized(QString::NormalizationForm_KC);
    return storage;
}

} // namespace

Normalizer::Normalizer(std::shared_ptr<const TermDictionary> dictionary)
    : m_dictionary(std::move(dictionary))
{
}

QString Normalizer::clean(QStringView text) const
{
    QString storage;
    const QStringView prepared = prepare(text, storage);
    if (prepared.data() != storage.constData())
        storage = prepared.toString();
    foldWhitespace(storage);
    return storage;
}

QStringList Normalizer::tokens(QStringView text) const
{
    // No whitespace pass: split() treats whitespace as a separator and skips what clean() drops.
    QString storage;
    const QStringView prepared = prepare(text, storage);
    QStringList out;
    out.reserve(prepared.size() / 5 + 1);
    split(prepared, out);
    if (!m_dictionary || m_dictionary->isEmpty())
        return out;
    return applyDictionary(std::move(out), *m_dictionary);
}

QString Normalizer::matchingText(QStringView text) const
{
    return tokens(text).join(u' ');
}

bool Normalizer::standsAlone(QStringView text) const
{
    if (!m_dictionary || m_dictionary->maxPhraseWords() < 2)
        return true;
    QString storage;
    QStringList words;
    split(prepare(text, storage), words);
    return std::none_of(words.cbegin(), words.cend(), [&](const QString &w) { return m_dictionary->inPhrase(w); });
}

} // namespace kms

namespace kms {

QString Normalizer::formId() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (m_dictionary) {
        // Sorted: a QHash's order differs between runs.
        const QHash<QString, QString> &rules = m_dictionary->rules();
        QStringList from = rules.keys();
        from.sort();
        for (const QString &f : from)
            hash.addData(QStringLiteral("%1\x1f%2\x1e").arg(f, rules.value(f)).toUtf8());
    }
    return QStringLiteral("n%1-%2").arg(kFormVersion).arg(QString::fromLatin1(hash.result().toHex().left(16)));
}

} // namespace kms
