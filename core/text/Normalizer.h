// SPDX-License-Identifier: MIT
#pragma once

#include "text/TermDictionary.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace kms {

// Turns source text into the forms the engine stores and matches. Thread-safe (const, no state).
//
// display form  (clean):  HTML tags removed, entities decoded, Unicode NFKC, control characters
//                         dropped, runs of whitespace folded to one space, trimmed. Case kept.
// matching form (tokens): the display form case-folded and split into tokens; a token is a run of
//                         letters/digits that may contain '.', '-', '_' between two letters/digits,
//                         so error codes, versions and ids stay whole (0x80070005, ORA-12154,
//                         v2.3.1, KB-4023057); dictionary rules then replace terms or phrases.
// Ingestion and search use the same calls, so a query matches what was indexed.
class Normalizer
{
public:
    explicit Normalizer(std::shared_ptr<const TermDictionary> dictionary = {});

    QString clean(QStringView text) const;
    QStringList tokens(QStringView text) const;          // clean + fold + split + dictionary
    QString matchingText(QStringView text) const;        // tokens() joined by single spaces

    const TermDictionary *dictionary() const { return m_dictionary.get(); }

private:
    std::shared_ptr<const TermDictionary> m_dictionary;
};

} // namespace kms
