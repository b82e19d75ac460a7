// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace kms {

class Normalizer;

// A short excerpt of `text` (display form) around the densest cluster of matched words, with each
// matched word wrapped in [[ and ]]. A word matches when its matching-form token equals a highlight
// term, shares its Porter-like stem (so "crashes" marks for "crash"), or starts with a term ending
// in '*'. Falls back to the start of the text when nothing matches. Never cuts a word in half;
// adds "…" where it cuts the text.
QString makeSnippet(const QString &text, const QStringList &highlightTerms, const Normalizer &normalizer,
                    int maxChars = 220);

// A matched word's place in a text: [start, end) in UTF-16 code units.
struct TextSpan {
    qsizetype start = 0;
    qsizetype end = 0;
    bool operator==(const TextSpan &) const = default;
};

// Every word of `text` that makeSnippet would mark, in text order, for views that show a whole
// record (the search console's detail pane). Spans instead of markers, so a text that itself
// contains "[[" is never misread. Only the first kMaxMarkedChars characters are looked at.
constexpr qsizetype kMaxMarkedChars = 200000;
QList<TextSpan> matchedWords(const QString &text, const QStringList &highlightTerms, const Normalizer &normalizer);

} // namespace kms
