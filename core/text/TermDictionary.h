// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <array>

namespace kms {

// Technical-term dictionary: maps a term or phrase (already in matching form, lower case) to its
// canonical form, e.g. "k8s" -> "kubernetes", "db" -> "database", "vpn" -> "virtual private network".
// File format (UTF-8): one rule per line, "from => to" (also accepts "from -> to" and "from → to");
// '#' starts a comment; blank lines ignored. The left side may be several words (matched longest first).
// Both sides are brought into matching form when loaded (so "K8s => Kubernetes" works), and the
// replacement is never scanned again, so rules cannot loop (a => b together with b => a is fine).
class TermDictionary
{
public:
    TermDictionary() = default;

    // Adds the rules of a file; later rules override earlier ones. On a malformed line returns false
    // and sets *error to "<file>:<line>: <what is wrong>"; rules before it stay loaded.
    bool loadFile(const QString &path, QString *error);
    bool loadText(const QString &text, const QString &sourceName, QString *error);
    // Returns false (and adds nothing) when either side has no letters or digits.
    bool addRule(const QString &from, const QString &to);

    // The built-in dictionary shipped in resources (:/kms/terms/default-terms.txt).
    static TermDictionary builtIn();

    bool isEmpty() const { return m_rules.isEmpty(); }
    int size() const { return int(m_rules.size()); }
    int maxPhraseWords() const { return m_maxWords; }

    // Replacement for a phrase (words joined by single spaces), or a null QString when none.
    QString lookup(const QString &phrase) const { return m_rules.value(phrase); }
    const QHash<QString, QString> &rules() const { return m_rules; }

    // Lookup structures for Normalizer's hot path (one hash lookup per token, no allocation).
    struct WordEntry {
        QStringList replacement; // the word's own rule, empty when it only starts phrases
        int longestPhrase = 0;   // words in the longest phrase rule starting with this word, 0: none
    };
    const WordEntry *wordEntry(const QString &word) const;
    const QStringList *phraseReplacement(const QString &phrase) const;
    // True when the word is one of the words of a multi-word rule (anywhere in it).
    bool inPhrase(const QString &word) const { return m_phraseWords.contains(word); }

private:
    void addNormalized(const QStringList &fromWords, const QStringList &toWords);
    static size_t filterBit(QStringView word);

    QHash<QString, QString> m_rules;
    QHash<QString, WordEntry> m_words;      // single-word rules and first words of phrase rules
    QHash<QString, QStringList> m_phrases;  // phrase rules, key = words joined by single spaces
    QSet<QString> m_phraseWords;            // every word of every phrase rule
    int m_maxWords = 1;
    // One-hash Bloom filter over the keys of m_words: most tokens of a text are ordinary words, and
    // this answers "no rule starts here" without hashing the string for QHash.
    std::array<quint64, 64> m_filter{};
};

} // namespace kms
