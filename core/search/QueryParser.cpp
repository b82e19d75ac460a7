// SPDX-License-Identifier: MIT
#include "search/QueryParser.h"

#include "text/Normalizer.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace kms {

namespace {

// English function words that carry no topic. Dropped from free words: FTS5 has to score every
// record that contains a word, and "the" is in nearly all of them. Matching form (no apostrophes).
const QSet<QString> &stopWords()
{
    static const QSet<QString> words = [] {
        static const char *const list[] = {
            "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are",
            "arent", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
            "but", "by", "can", "cant", "cannot", "could", "couldnt", "did", "didnt", "do", "does",
            "doesnt", "doing", "dont", "down", "during", "each", "few", "for", "from", "further", "had",
            "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in",
            "into", "is", "isnt", "it", "its", "itself", "just", "me", "more", "most", "my", "no", "nor",
            "not", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own",
            "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them",
            "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until",
            "up", "very", "was", "wasnt", "we", "were", "what", "when", "where", "which", "while", "who",
            "whom", "why", "will", "with", "wont", "would", "you", "your", "yours"};
        QSet<QString> s;
        for (const char *w : list)
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    return words;
}

// The FTS5 columns a query may name; "description" is what cases call their body.
QString columnFor(const QString &name)
{
    if (name == u"title" || name == u"body" || name == u"resolution" || name == u"tags")
        return name;
    if (name == u"description")
        return QStringLiteral("body");
    return {};
}

bool isFilterName(const QString &name)
{
    static const QSet<QString> names = {
        QStringLiteral("status"),     QStringLiteral("priority"), QStringLiteral("product"),
        QStringLiteral("category"),   QStringLiteral("tag"),      QStringLiteral("collection"),
        QStringLiteral("updated"),    QStringLiteral("created")};
    return names.contains(name);
}

QString quoted(const QString &token)
{
    QString out;
    out.reserve(token.size() + 2);
    out += u'"';
    for (const QChar c : token) {
        if (c == u'"')
            out += u'"'; // FTS5 escapes a quote inside a string by doubling it
        out += c;
    }
    out += u'"';
    return out;
}

QString quotedPhrase(const QStringList &tokens)
{
    return quoted(tokens.join(u' '));
}

class Parser
{
public:
    Parser(const Normalizer &normalizer, ParsedQuery &out)
        : m_norm(normalizer), m_out(out)
    {
    }

    void parse(QString text);

private:
    void flushPlain();
    void addTerm(const QString &t);
    void addPhrase(const QStringList &tokens, bool excluded);
    bool tryFieldSyntax(const QString &s, qsizetype start, qsizetype *end, bool negate);
    bool room() const { return m_out.positiveCount() < kMaxQueryParts; }

    // Tokens grouped as the dictionary rewrites them: a rule with a multi-word replacement gives
    // one group, so "vpn" is searched as the phrase "virtual private network".
    QList<QStringList> groupedTokens(QStringView text) const;

    const Normalizer &m_norm;
    ParsedQuery &m_out;
    QString m_plain;
    QStringList m_stopped;
};

QList<QStringList> Parser::groupedTokens(QStringView text) const
{
    static const Normalizer plainNormalizer; // no dictionary: the raw words
    QStringList raw = plainNormalizer.tokens(text);
    QList<QStringList> groups;
    const TermDictionary *dict = m_norm.dictionary();
    if (!dict || dict->isEmpty()) {
        for (QString &t : raw)
            groups.append(QStringList{std::move(t)});
        return groups;
    }
    // Same rule order as Normalizer::tokens(): longest phrase first, left to right, once.
    const qsizetype n = raw.size();
    for (qsizetype i = 0; i < n;) {
        const TermDictionary::WordEntry *entry = dict->wordEntry(raw[i]);
        if (!entry) {
            groups.append(QStringList{raw[i++]});
            continue;
        }
        bool matched = false;
        for (qsizetype words = std::min<qsizetype>(entry->longestPhrase, n - i); words >= 2; --words) {
            const QString phrase = raw.mid(i, words).join(u' ');
            if (const QStringList *replacement = dict->phraseReplacement(phrase)) {
                groups.append(*replacement);
                i += words;
                matched = true;
                break;
            }
        }
        if (matched)
            continue;
        groups.append(entry->replacement.isEmpty() ? QStringList{raw[i]} : entry->replacement);
        ++i;
    }
    return groups;
}

void Parser::addTerm(const QString &t)
{
    if (t.isEmpty() || m_out.terms.contains(t))
        return;
    if (stopWords().contains(t)) {
        if (!m_stopped.contains(t))
            m_stopped << t;
        return;
    }
    if (room())
        m_out.terms << t;
}

void Parser::addPhrase(const QStringList &tokens, bool excluded)
{
    if (tokens.isEmpty())
        return;
    if (excluded) {
        if (tokens.size() == 1) {
            if (!m_out.excludedTerms.contains(tokens.front()))
                m_out.excludedTerms << tokens.front();
        } else if (!m_out.excludedPhrases.contains(tokens)) {
            m_out.excludedPhrases << tokens;
        }
        return;
    }
    if (tokens.size() == 1) {
        // A quoted single word is an exact term: kept even when it is a stop word.
        if (!m_out.terms.contains(tokens.front()) && room())
            m_out.terms << tokens.front();
    } else if (!m_out.phrases.contains(tokens) && room()) {
        m_out.phrases << tokens;
    }
}

void Parser::flushPlain()
{
    if (m_plain.isEmpty())
        return;
    for (const QStringList &group : groupedTokens(m_plain)) {
        if (group.size() == 1)
            addTerm(group.front());
        else
            addPhrase(group, false);
    }
    m_plain.clear();
}

// field:value, field:"a value", updated>=2024-01-01, updated:<2024-02-01. Returns false (and
// leaves *end alone) when the text at start is not field syntax, so it is read as plain words.
bool Parser::tryFieldSyntax(const QString &s, qsizetype start, qsizetype *end, bool negate)
{
    const qsizetype n = s.size();
    qsizetype i = start;
    while (i < n && (s[i].isLetter() || s[i] == u'_'))
        ++i;
    if (i == start || i >= n)
        return false;
    const QString name = s.mid(start, i - start).toLower();
    const QString column = columnFor(name);
    const bool filter = isFilterName(name);
    if (column.isEmpty() && !filter)
        return false;
    QString op;
    if (s[i] == u':') {
        ++i;
        if (filter && i < n && (s[i] == u'<' || s[i] == u'>'))
            op = (i + 1 < n && s[i + 1] == u'=') ? s.mid(i, 2) : s.mid(i, 1);
    } else if (filter && (s[i] == u'<' || s[i] == u'>')) {
        op = (i + 1 < n && s[i + 1] == u'=') ? s.mid(i, 2) : s.mid(i, 1);
    } else {
        return false;
    }
    i += op.size();
    QString value;
    qsizetype stop = i;
    if (i < n && s[i] == u'"') {
        const qsizetype close = s.indexOf(u'"', i + 1);
        if (close < 0)
            return false;
        value = s.mid(i + 1, close - i - 1);
        stop = close + 1;
    } else {
        while (stop < n && !s[stop].isSpace())
            ++stop;
        value = s.mid(i, stop - i);
    }
    if (value.trimmed().isEmpty())
        return false;

    if (filter) {
        if (negate)
            return false;
        const QString spec = name + (op.isEmpty() ? QStringLiteral("=") : op) + value;
        SearchFilters trial = m_out.filters;
        if (!trial.add(spec, nullptr))
            return false;
        m_out.filters = std::move(trial);
    } else {
        const QStringList tokens = m_norm.tokens(value);
        if (tokens.isEmpty())
            return false;
        if (negate) {
            addPhrase(tokens, true);
        } else {
            const QPair<QString, QStringList> term{column, tokens};
            if (!m_out.fieldTerms.contains(term) && room())
                m_out.fieldTerms << term;
        }
    }
    *end = stop;
    return true;
}

void Parser::parse(QString s)
{
    const qsizetype n = s.size();
    qsizetype i = 0;
    while (i < n) {
        if (s[i].isSpace()) {
            m_plain += u' ';
            ++i;
            continue;
        }
        bool negate = false;
        qsizetype at = i;
        if (s[at] == u'-' && at + 1 < n && !s[at + 1].isSpace() && s[at + 1] != u'-') {
            negate = true;
            ++at;
        }
        if (s[at] == u'"') {
            const qsizetype close = s.indexOf(u'"', at + 1);
            if (close < 0) { // unbalanced: the rest is plain words
                m_plain += u' ';
                i = at + 1;
                continue;
            }
            flushPlain();
            addPhrase(m_norm.tokens(QStringView(s).mid(at + 1, close - at - 1)), negate);
            i = close + 1;
            continue;
        }
        qsizetype end = at;
        if (s[at].isLetter() && tryFieldSyntax(s, at, &end, negate)) {
            flushPlain(); // a dictionary phrase must not span a field term

            i = end;
            continue;
        }
        while (end < n && !s[end].isSpace() && s[end] != u'"')
            ++end;
        const QStringView word = QStringView(s).mid(at, end - at);
        if (word.endsWith(u'*')) {
            qsizetype stars = 0;
            while (stars < word.size() && word[word.size() - 1 - stars] == u'*')
                ++stars;
            static const Normalizer plainNormalizer;
            const QStringList tokens = plainNormalizer.tokens(word.left(word.size() - stars));
            // Only a word that ends right at the star is a prefix ("foo.*" is just "foo").
            const bool endsAtStar = !tokens.isEmpty() && word.size() > stars
                                    && word[word.size() - stars - 1].isLetterOrNumber();
            if (endsAtStar && tokens.back().size() >= 2 && !negate) {
                for (qsizetype k = 0; k + 1 < tokens.size(); ++k) {
                    m_plain += u' ';
                    m_plain += tokens[k];
                }
                flushPlain();
                if (!m_out.prefixes.contains(tokens.back()) && room())
                    m_out.prefixes << tokens.back();
                i = end;
                continue;
            }
        }
        if (negate) {
            flushPlain();
            addPhrase(m_norm.tokens(word), true);
        } else {
            m_plain += word;
        }
        i = end;
    }
    flushPlain();
    if (!m_out.hasPositive()) {
        for (const QString &t : std::as_const(m_stopped))
            if (room())
                m_out.terms << t;
    }
}

QString describe(const ParsedQuery &q)
{
    QStringList parts;
    parts << q.terms;
    for (const QStringList &p : q.phrases)
        parts << quotedPhrase(p);
    for (const QString &p : q.prefixes)
        parts << p + u'*';
    for (const auto &f : q.fieldTerms)
        parts << f.first + u':' + (f.second.size() == 1 ? f.second.front() : quotedPhrase(f.second));
    for (const QString &t : q.excludedTerms)
        parts << u'-' + t;
    for (const QStringList &p : q.excludedPhrases)
        parts << u'-' + quotedPhrase(p);
    return parts.join(u' ');
}

QStringList positiveParts(const ParsedQuery &q)
{
    QStringList parts;
    for (const QString &t : q.terms)
        parts << quoted(t);
    for (const QStringList &p : q.phrases)
        parts << quotedPhrase(p);
    for (const QString &p : q.prefixes)
        parts << quoted(p) + u'*';
    for (const auto &f : q.fieldTerms)
        parts << f.first + QStringLiteral(" : ") + quotedPhrase(f.second);
    return parts;
}

QString withExclusions(const ParsedQuery &q, const QString &positive)
{
    QStringList excluded;
    for (const QString &t : q.excludedTerms)
        excluded << quoted(t);
    for (const QStringList &p : q.excludedPhrases)
        excluded << quotedPhrase(p);
    if (excluded.isEmpty())
        return positive;
    return u'(' + positive + QStringLiteral(") NOT (") + excluded.join(QStringLiteral(" OR ")) + u')';
}

} // namespace

bool isStopWord(const QString &token)
{
    return stopWords().contains(token);
}

bool ParsedQuery::hasPositive() const
{
    return !terms.isEmpty() || !phrases.isEmpty() || !prefixes.isEmpty() || !fieldTerms.isEmpty();
}

int ParsedQuery::positiveCount() const
{
    return int(terms.size() + phrases.size() + prefixes.size() + fieldTerms.size());
}

QStringList ParsedQuery::ftsPositiveParts() const
{
    return positiveParts(*this);
}

QString ParsedQuery::ftsMatchOf(const QStringList &parts, bool all) const
{
    if (parts.isEmpty())
        return {};
    return withExclusions(*this, parts.join(all ? QStringLiteral(" AND ") : QStringLiteral(" OR ")));
}

QString ParsedQuery::toFtsMatch() const
{
    if (!hasPositive())
        return {};
    return withExclusions(*this, positiveParts(*this).join(QStringLiteral(" OR ")));
}

QString ParsedQuery::toFtsMatchAll() const
{
    if (positiveCount() < 2)
        return {};
    return withExclusions(*this, positiveParts(*this).join(QStringLiteral(" AND ")));
}

QStringList ParsedQuery::highlightTerms() const
{
    QStringList out;
    auto add = [&out](const QString &t) {
        if (!t.isEmpty() && !out.contains(t))
            out << t;
    };
    for (const QString &t : terms)
        add(t);
    for (const QStringList &p : phrases)
        for (const QString &t : p)
            add(t);
    for (const auto &f : fieldTerms)
        for (const QString &t : f.second)
            add(t);
    for (const QString &p : prefixes)
        add(p + u'*');
    return out;
}

ParsedQuery parseQuery(QStringView text, const Normalizer &normalizer)
{
    constexpr qsizetype kMaxChars = 10000;
    if (text.size() > kMaxChars) {
        qsizetype cut = kMaxChars;
        while (cut > 0 && !text[cut].isSpace())
            --cut;
        text = text.left(cut > 0 ? cut : kMaxChars);
    }
    QString s = text.toString();
    s.replace(QChar(0), QChar(u' '));
    ParsedQuery q;
    Parser(normalizer, q).parse(std::move(s));
    q.expanded = describe(q);
    return q;
}

QString modelQueryText(QStringView text, const Normalizer &normalizer)
{
    QStringList words;
    for (QString word : text.left(10'000).toString().split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
        if (word.startsWith(QLatin1Char('-')))
            continue;
        if (const qsizetype colon = word.indexOf(QLatin1Char(':')); colon > 0) {
            const QString name = word.left(colon).toLower();
            if (isFilterName(name))
                continue;
            if (!columnFor(name).isEmpty())
                word = word.mid(colon + 1);
        }
        word.remove(QLatin1Char('"'));
        if (word.endsWith(QLatin1Char('*')))
            word.chop(1);
        if (!word.isEmpty())
            words.append(word);
    }
    return normalizer.clean(words.join(QLatin1Char(' ')));
}

QString tagsMatch(const QStringList &tags, const Normalizer &normalizer)
{
    // A record's tags are indexed as one text; the phrase of a tag alone is found in it only when
    // nothing joined the tag's words with a neighbour's.
    QStringList parts;
    for (const QString &tag : tags) {
        const QStringList tokens = normalizer.tokens(tag);
        if (tokens.isEmpty() || !normalizer.standsAlone(tag))
            return {};
        parts << QStringLiteral("tags : ") + quotedPhrase(tokens);
    }
    return parts.join(QStringLiteral(" OR "));
}

} // namespace kms
