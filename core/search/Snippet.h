// SPDX-License-Identifier: MIT
#pragma once

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

} // namespace kms
