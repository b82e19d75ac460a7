// SPDX-License-Identifier: MIT
#pragma once

#include "search/SearchTypes.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace kms {

class Normalizer;

// A user's query text, understood. Syntax (forgiving: anything else is plain words):
//   words            matched in any order; BM25 ranks records with more (and rarer) words higher
//   "a phrase"       the words in this order
//   word*            prefix (at least 2 characters before the star)
//   -word, -"a b"    records with it are excluded
//   title:word, body:word, resolution:word, tags:word     the word in that field only
//   status:open priority:high product:"Orbit CRM" category:x tag:vpn collection:cases
//                    filters, the same as SearchFilters
// Words go through the same normalisation and term dictionary as ingestion, so "k8s" finds
// "kubernetes"; English stop words are dropped from the free words unless nothing else is left.
struct ParsedQuery {
    QStringList terms;                 // free words, matching form
    QList<QStringList> phrases;
    QStringList prefixes;
    QStringList excludedTerms;
    QList<QStringList> excludedPhrases;
    QList<QPair<QString, QStringList>> fieldTerms; // FTS column -> tokens
    SearchFilters filters;             // from field:value filter syntax
    QString expanded;                  // human-readable form of what will be searched

    bool hasPositive() const;          // anything that can match (terms, phrases, prefixes, fields)
    // A valid FTS5 MATCH expression (every token double-quoted, so user text can never produce an
    // FTS5 syntax error). Free terms, phrases and prefixes are OR-ed; field terms too; exclusions
    // become NOT. Empty when !hasPositive().
    QString toFtsMatch() const;
    // The same positive parts AND-ed (exclusions kept): the cheap first pass of a keyword search.
    // Empty when fewer than two positive parts, where it would equal toFtsMatch().
    QString toFtsMatchAll() const;
    int positiveCount() const;         // terms + phrases + prefixes + field terms
    // The positive parts as FTS5 sub-expressions, and a MATCH expression from a choice of them
    // (joined by " OR " or " AND ", exclusions added): keyword search picks the selective parts.
    QStringList ftsPositiveParts() const;
    QString ftsMatchOf(const QStringList &parts, bool all) const;
    // Tokens to mark in snippets (terms, phrase words, field terms; prefixes as prefixes).
    QStringList highlightTerms() const;
};

// Never fails on user text: malformed syntax (unbalanced quotes, stray operators, NUL, very long
// input) degrades to plain words. Input over 10,000 characters is cut at a word boundary, and at
// most kMaxQueryParts positive parts are kept (a pasted log file must not cost a second per query).
constexpr int kMaxQueryParts = 64;
ParsedQuery parseQuery(QStringView text, const Normalizer &normalizer);

// What a model embedder reads of a query: the user's words in display form (case, punctuation
// and stop words kept, as the model was trained), without the syntax: filters (status:open) and
// exclusions (-word) dropped, a field's words kept without the field name (title:printer ->
// printer), quotes and the prefix star removed.
QString modelQueryText(QStringView text, const Normalizer &normalizer);

// An English function word the parser drops from free words (matching form).
bool isStopWord(const QString &token);

// An FTS5 expression every record carrying one of `tags` matches (`tags : "..." OR ...`), to
// narrow a tag filter before its exact check; empty when one of them cannot be narrowed safely:
// no words, or words a dictionary phrase may join with another tag's (Normalizer::standsAlone).
QString tagsMatch(const QStringList &tags, const Normalizer &normalizer);

} // namespace kms
