// SPDX-License-Identifier: MIT
#include "search/Snippet.h"

#include "text/Normalizer.h"

#include <QSet>

#include <vector>

namespace kms {

namespace {

// Longer texts are excerpted from their first part only: the snippet is for a results list.
constexpr qsizetype kMaxScan = 30000;

bool endsWith(const QString &w, const char *suffix)
{
    return w.endsWith(QLatin1String(suffix));
}

bool isVowel(QChar c)
{
    return c == u'a' || c == u'e' || c == u'i' || c == u'o' || c == u'u';
}

// A light English stemmer in the spirit of Porter's step 1: enough that "crash", "crashes",
// "crashed" and "crashing" (or "query" and "queries") meet. Both sides of a comparison go through
// it, so it only has to be consistent, not linguistically right.
QString stem(QString w)
{
    if (w.size() <= 3)
        return w;
    if (endsWith(w, "ies") && w.size() > 4) {
        w.chop(3);
        w += u'y';
    } else if (endsWith(w, "sses") || endsWith(w, "ches") || endsWith(w, "shes") || endsWith(w, "xes")
               || endsWith(w, "zes")) {
        w.chop(2);
    } else if (endsWith(w, "s") && !endsWith(w, "ss") && !endsWith(w, "us") && !endsWith(w, "is")) {
        w.chop(1);
    }
    bool undouble = false;
    if (w.size() > 5 && endsWith(w, "ing")) {
        w.chop(3);
        undouble = true;
    } else if (w.size() > 4 && endsWith(w, "ed")) {
        w.chop(2);
        undouble = true;
    } else if (w.size() > 5 && endsWith(w, "ly")) {
        w.chop(2);
    } else if (w.size() > 6 && (endsWith(w, "tion") || endsWith(w, "sion"))) {
        w.chop(3);
    }
    if (undouble && w.size() > 2 && w[w.size() - 1] == w[w.size() - 2] && !isVowel(w.back())
        && w.back() != u'l' && w.back() != u's' && w.back() != u'z')
        w.chop(1);
    if (w.size() > 3 && w.back() == u'y')
        w.back() = u'i';
    else if (w.size() > 4 && w.back() == u'e')
        w.chop(1);
    return w;
}

bool isWordChar(QStringView s, qsizetype i)
{
    const QChar c = s[i];
    if (c.unicode() < 128)
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
    if (c.isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate())
        return QChar::isLetterOrNumber(QChar::surrogateToUcs4(c, s[i + 1]));
    if (c.isLowSurrogate() && i > 0 && s[i - 1].isHighSurrogate())
        return QChar::isLetterOrNumber(QChar::surrogateToUcs4(s[i - 1], c));
    return c.isLetterOrNumber() || c.isMark();
}

// Joiners stay inside a word between two word characters, like the Normalizer's token rule.
bool isJoiner(QChar c)
{
    return c == u'.' || c == u'-' || c == u'_' || c == u'\'' || c == u'\u2019';
}

struct Word {
    qsizetype start = 0, end = 0;
};

class Matcher
{
public:
    Matcher(const QStringList &terms, const Normalizer &normalizer)
        : m_dictionary(normalizer.dictionary())
    {
        for (const QString &t : terms) {
            if (t.endsWith(u'*')) {
                QString p = t;
                while (p.endsWith(u'*'))
                    p.chop(1);
                if (!p.isEmpty())
                    m_prefixes << p;
            } else if (!t.isEmpty()) {
                m_terms.insert(t);
                m_stems.insert(stem(t));
            }
        }
    }
    bool empty() const { return m_terms.isEmpty() && m_prefixes.isEmpty(); }

    bool matches(QStringView word) const
    {
        QString token;
        token.reserve(word.size());
        for (qsizetype i = 0; i < word.size(); ++i) {
            const QChar c = word[i];
            if (c == u'\'' || c == u'\u2019')
                continue; // "don't" is the token "dont"
            token += c;
        }
        token = token.toCaseFolded();
        if (matchesToken(token))
            return true;
        // The dictionary rewrote this word at ingestion ("k8s" is stored as "kubernetes").
        if (m_dictionary) {
            if (const auto *entry = m_dictionary->wordEntry(token))
                for (const QString &r : entry->replacement)
                    if (matchesToken(r))
                        return true;
        }
        return false;
    }

private:
    bool matchesToken(const QString &token) const
    {
        if (m_terms.contains(token))
            return true;
        for (const QString &p : m_prefixes)
            if (token.startsWith(p))
                return true;
        return !m_stems.isEmpty() && m_stems.contains(stem(token));
    }

    const TermDictionary *m_dictionary;
    QSet<QString> m_terms;
    QSet<QString> m_stems;
    QStringList m_prefixes;
};

std::vector<Word> wordsOf(QStringView s)
{
    std::vector<Word> words;
    const qsizetype n = s.size();
    qsizetype i = 0;
    while (i < n) {
        if (!isWordChar(s, i)) {
            ++i;
            continue;
        }
        Word w;
        w.start = i;
        while (i < n) {
            if (isWordChar(s, i))
                ++i;
            else if (isJoiner(s[i]) && i + 1 < n && isWordChar(s, i + 1))
                i += 2;
            else
                break;
        }
        w.end = i;
        words.push_back(w);
    }
    return words;
}

} // namespace

QString makeSnippet(const QString &text, const QStringList &highlightTerms, const Normalizer &normalizer,
                    int maxChars)
{
    maxChars = std::max(maxChars, 20);
    const QStringView all(text);
    const QStringView s = all.left(std::min(all.size(), kMaxScan));
    const qsizetype n = s.size();

    const Matcher matcher(highlightTerms, normalizer);
    std::vector<Word> marks;
    if (!matcher.empty()) {
        for (const Word &w : wordsOf(s))
            if (matcher.matches(s.mid(w.start, w.end - w.start)))
                marks.push_back(w);
    }

    // The densest cluster: the run of marked words that fits in maxChars with the most marks.
    qsizetype clusterStart = 0, clusterEnd = 0;
    if (!marks.empty()) {
        size_t best = 0, bestCount = 0;
        for (size_t a = 0, b = 0; a < marks.size(); ++a) {
            b = std::max(b, a);
            while (b + 1 < marks.size() && marks[b + 1].end - marks[a].start <= maxChars)
                ++b;
            if (b - a + 1 > bestCount) {
                bestCount = b - a + 1;
                best = a;
            }
        }
        clusterStart = marks[best].start;
        clusterEnd = marks[best + bestCount - 1].end;
    }

    // A window of maxChars around the cluster, with a little context before it.
    qsizetype ws = 0;
    if (!marks.empty()) {
        const qsizetype slack = std::max<qsizetype>(0, maxChars - (clusterEnd - clusterStart));
        ws = std::max<qsizetype>(0, clusterStart - slack / 4);
        if (ws + maxChars > n)
            ws = std::max<qsizetype>(0, n - maxChars);
    }
    qsizetype we = std::min<qsizetype>(n, ws + maxChars);
    // Never cut a word: move the start forward and the end back to whitespace.
    if (ws > 0 && !s[ws - 1].isSpace()) {
        qsizetype k = ws;
        while (k < n && !s[k].isSpace())
            ++k;
        if (marks.empty() || k <= clusterStart)
            ws = k;
    }
    if (we < all.size() && we > ws && !s[we - 1].isSpace() && we < n && !s[we].isSpace()) {
        qsizetype k = we;
        while (k > ws && !s[k - 1].isSpace())
            --k;
        if (k > ws && k >= clusterEnd)
            we = k;
    }
    while (ws < we && s[ws].isSpace())
        ++ws;
    while (we > ws && s[we - 1].isSpace())
        --we;

    QString out;
    out.reserve(we - ws + 16);
    if (ws > 0)
        out += QStringLiteral("… ");
    qsizetype at = ws;
    for (const Word &w : marks) {
        if (w.start < ws || w.end > we)
            continue;
        out += s.mid(at, w.start - at);
        out += QStringLiteral("[[");
        out += s.mid(w.start, w.end - w.start);
        out += QStringLiteral("]]");
        at = w.end;
    }
    out += s.mid(at, we - at);
    if (we < all.size())
        out += QStringLiteral(" …");
    return out;
}

QList<TextSpan> matchedWords(const QString &text, const QStringList &highlightTerms, const Normalizer &normalizer)
{
    QList<TextSpan> out;
    const Matcher matcher(highlightTerms, normalizer);
    if (matcher.empty())
        return out;
    const QStringView s = QStringView(text).left(std::min(text.size(), kMaxMarkedChars));
    for (const Word &w : wordsOf(s))
        if (matcher.matches(s.mid(w.start, w.end - w.start)))
            out.append({w.start, w.end});
    return out;
}

} // namespace kms
