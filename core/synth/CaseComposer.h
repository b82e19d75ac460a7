// SPDX-License-Identifier: MIT
#pragma once

#include "synth/SyntheticCorpus.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace kms::synth {

// The free text of one case as a customer and then an agent would write it.
struct CaseText {
    QString title;
    QString description; // 60-250 words
    QString version;     // product version the customer runs
    QString environment; // operating system
};

// Writes ticket text for a problem. All wording comes from `wordingSeed`; a near-duplicate passes
// the same seed plus an `edits` stream, so it replays the original wording with small changes
// (a follow-up prefix, a note, a dropped or reworded sentence, a typo).
class CaseComposer
{
public:
    CaseComposer();

    void compose(const Problem &problem, std::uint64_t wordingSeed, Rng *edits, CaseText &out);
    // 20-80 words; mentions `articleId` ("See KB-1234 ...") when it is not empty and `rng` says so.
    QString resolution(const Problem &problem, const QString &articleId, Rng &rng);

    static constexpr int kMinWords = 60;
    static constexpr int kMaxWords = 250;
    static constexpr int kMinResolutionWords = 20;
    static constexpr int kMaxResolutionWords = 80;

private:
    struct Piece {
        QString text;
        int words = 0;
        bool newParagraph = false;
        bool optional = true; // a near-duplicate may drop it
        bool list = false;    // ends with "- item" lines
    };
    void setContext(const Problem &problem, Rng &w);
    Piece &addPiece(TextPart part, Rng &w, bool newParagraph, bool optional = true);
    void applyEdits(Rng &edits);

    const SyntheticCorpus &m_corpus;
    Expander m_expander;
    std::vector<Piece> m_pieces;
    QString m_greeting;
};

} // namespace kms::synth
