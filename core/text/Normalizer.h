// SPDX-License-Identifier: MIT
#pragma once

#include "text/TermDictionary.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace kms {

// Turns source text into the forms the engine stores and matches. Thread-safe (const, no state).
//
// display form  (clean):  HTML tags removed (see text/Markup.h), entities decoded, Unicode NFKC
//                         (only computed when the text has non-ASCII characters), control and
//                         format characters dropped, runs of whitespace folded to one space, trimmed.
//                         Case kept.
// matching form (tokens): the display form case-folded (full folding for the cases that matter:
//                         "Straße" and "STRASSE" both give "strasse") and split into tokens.
//
// Token rule. A token is a run of letters and digits (Unicode L* and N*). Inside a token:
//   - '.', '-' and '_' are kept when they stand between two letters/digits, so error codes,
//     versions and ids stay whole: 0x80070005, ora-12154, v2.3.1, kb-4023057, my_var, e-mail.
//     Anywhere else they separate ("end." -> "end", "a--b" -> "a" "b", "-v" -> "v").
//   - an apostrophe (' or U+2019) between two letters/digits is dropped: "don't" -> "dont",
//     "user's" -> "users".
//   - combining marks are dropped (NFKC already composed the common accented letters).
// Every other character separates, in particular '/', '\', '@', ':', '+', '#':
//   "HTTP/2" -> "http" "2" (the query "HTTP/2" gives the same two tokens, so phrases still match),
//   "C:\Windows\System32" -> "c" "windows" "system32", "/var/log/syslog" -> "var" "log" "syslog",
//   "jane.doe@example.com" -> "jane.doe" "example.com", "C++" -> "c".
// So a token never starts or ends with '.', '-', '_' and holds no other punctuation. The full-text
// index (tokenchars '_.', see resources/schema/0004) splits it further at hyphens only, so a
// hyphenated query word becomes a phrase of its parts there and still matches exactly.
// Dictionary rules then replace terms or phrases (longest phrase first, left to right, once).
// Ingestion and search use the same calls, so a query matches what was indexed.
class Normalizer
{
public:
    explicit Normalizer(std::shared_ptr<const TermDictionary> dictionary = {});

    QString clean(QStringView text) const;
    QStringList tokens(QStringView text) const;          // clean + fold + split + dictionary
    QString matchingText(QStringView text) const;        // tokens() joined by single spaces
    // True when text's tokens come out the same beside any other words: none of its words takes
    // part in a multi-word dictionary phrase, which could join it with a neighbour's words (the
    // tags "mac" and "os" of one record give the single token "macos" under "mac os => macos").
    bool standsAlone(QStringView text) const;
    // Names what tokens() gives: two normalisers with the same id give the same tokens for every
    // text. The full-text index records the id it was made under (it keeps no copy of the text,
    // so removing a record's terms takes its fields through tokens() again).
    QString formId() const;
    // Bump whenever tokens() gives other tokens for some text (a rule above, folding, Markup).
    static constexpr int kFormVersion = 1;

    const TermDictionary *dictionary() const { return m_dictionary.get(); }

private:
    std::shared_ptr<const TermDictionary> m_dictionary;
};

} // namespace kms
