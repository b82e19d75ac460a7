// SPDX-License-Identifier: MIT
#pragma once

#include <span>

namespace kms::synth {

// Raw built-in tables; SyntheticCorpus parses them once into typed values.
struct KindData {
    const char *key;
    const char *category;
    const char *errors;        // "code~message|..."
    const char *situations;    // "connects to the reporting database|..." (after "when <product>")
    const char *shortSymptoms; // ticket-subject wording
    const char *symptoms;      // full clauses
    const char *causes;        // "cause~step;step;step|..."
    const char *tried;         // what customers already tried
    const char *tags;
};

struct ProductData {
    const char *name;
    const char *tag;
    const char *components; // '|'-separated
    const char *kinds;      // ','-separated KindData keys
    int major;              // current major version
};

std::span<const KindData> kindData();
std::span<const ProductData> productData();

// Templates and word lists for the free text, by part.
enum class TextPart : int {
    CaseTitle, CaseOpening, CaseError, CaseDetail, CaseEnvironment, CaseTried, CaseImpact, CaseRequest,
    CaseSignOff, CaseFiller, DuplicateNote, DuplicateTitle, ResolutionCause, ResolutionFix, ResolutionKb,
    ResolutionClose, ArticleTitle, ArticleSummary, ArticleFiller, ArticleWorkaround, End_
};
inline constexpr int kTextPartCount = int(TextPart::End_);

std::span<const char *const> textData(TextPart part);
// Values of the pick and wording slots ('|'-separated; wording slots: formal spelling first).
const char *slotData(int slot);

enum class NameList : int { Greetings, Customers, Companies, Agents, Authors, End_ };
const char *nameData(NameList list);

} // namespace kms::synth
