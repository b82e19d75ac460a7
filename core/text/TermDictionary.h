// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace kms {

// Technical-term dictionary: maps a term or phrase (already in matching form, lower case) to its
// canonical form, e.g. "k8s" -> "kubernetes", "db" -> "database", "vpn" -> "virtual private network".
// File format (UTF-8): one rule per line, "from => to" (also accepts "from -> to" and "from → to");
// '#' starts a comment; blank lines ignored. The left side may be several words (matched longest first).
class TermDictionary
{
public:
    TermDictionary() = default;

    // Adds the rules of a file; later rules override earlier ones. On a malformed line returns false
    // and sets *error to "<file>:<line>: <what is wrong>"; rules before it stay loaded.
    bool loadFile(const QString &path, QString *error);
    bool loadText(const QString &text, const QString &sourceName, QString *error);
    void addRule(const QString &from, const QString &to);

    // The built-in dictionary shipped in resources (:/kms/terms/default-terms.txt).
    static TermDictionary builtIn();

    bool isEmpty() const { return m_rules.isEmpty(); }
    int size() const { return int(m_rules.size()); }
    int maxPhraseWords() const { return m_maxWords; }

    // Replacement for a phrase (words joined by single spaces), or a null QString when none.
    QString lookup(const QString &phrase) const { return m_rules.value(phrase); }
    const QHash<QString, QString> &rules() const { return m_rules; }

private:
    QHash<QString, QString> m_rules;
    int m_maxWords = 1;
};

} // namespace kms
