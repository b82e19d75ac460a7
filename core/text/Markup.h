// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace kms {

// HTML to plain text, the first step of Normalizer::clean(). Only names of real HTML elements are
// treated as tags, so placeholders in support text such as "<hostname>" or "a < b" survive.
// Inline elements (<b>, <span>, <a>, ...) vanish without a trace so "<b>Err</b>or" stays one word;
// every other element (<br>, <p>, <li>, <td>, ...) becomes a space. Content of <script> and <style>
// and comments is dropped. Entities (&amp; &lt; &nbsp; &#39; &#x27; and common named ones) are
// decoded; unknown or malformed ones stay as written.
QString stripMarkup(QStringView text);

// True when stripMarkup() could change the text (it has '<' or '&'); lets callers skip the pass.
bool mayContainMarkup(QStringView text);

} // namespace kms
