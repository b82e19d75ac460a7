// SPDX-License-Identifier: MIT
#pragma once

#include "model/Record.h"
#include "synth/ArticleComposer.h"
#include "synth/CaseComposer.h"

#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>

namespace kms {

struct SynthOptions {
    qint64 cases = 1000;
    qint64 articles = 100;
    quint64 seed = 1;
    // Share of cases that rework an earlier case of the same problem (same customer text with
    // small edits: a follow-up prefix, a note, a dropped sentence, a typo).
    int nearDuplicatePercent = 12;
    // Creation times are spread over [start, start + spanDays). Fixed default (2023-01-01 UTC) so
    // the output never depends on today's date.
    qint64 startSecsSinceEpoch = 1672531200;
    int spanDays = 730;
};

// What the generator knows and a real export would not: used to evaluate search.
struct GroundTruth {
    QString problemId;     // "PRB-000042": the underlying problem of a case or article
    QString answerArticle; // cases: id of the article that answers it; empty when none exists
    QString duplicateOf;   // cases: id of the earlier case this one rewords; empty otherwise
};

// Deterministic synthetic support data, one record at a time: first `articles` knowledge articles
// (KB-1001, KB-1002, ...), then `cases` cases (CS-0000001, ...), so a "See KB-..." in a
// resolution always refers to a record already written. Same options -> same records, on any
// machine (own RNG and integer mappings only). Memory does not grow with the counts: problems are
// derived from (seed, index) on demand and only a small window of recent cases is remembered for
// near-duplicates.
//
// Problems: articles + articles/5 of them (20% have no article; with no articles at all,
// between 10 and 5,000 depending on the case count). Problem i < articles is answered by article i.
// Cases pick problems with a Zipf-like popularity (70%) or uniformly (30%).
class Generator
{
public:
    explicit Generator(const SynthOptions &options);

    // false + *error for counts or ranges the generator refuses (negative counts, ...).
    static bool validate(const SynthOptions &options, QString *error);

    // Next record; false when all were produced. `truth` (optional) receives the ground truth;
    // the same values are also in out.extra ("problem_id", "answer_article", "duplicate_of").
    bool next(Record &out, GroundTruth *truth = nullptr);

    qint64 total() const { return m_options.articles + m_options.cases; }
    qint64 produced() const { return m_produced; }
    qint64 problemCount() const { return m_problemCount; }
    const SynthOptions &options() const { return m_options; }

    static QString articleId(qint64 index); // 0-based index -> "KB-1001"
    static QString caseId(qint64 index);    // 0-based index -> "CS-0000001"
    static QString problemId(qint64 index); // 0-based index -> "PRB-000001"
    // Every key the generator may put in Record::extra, sorted (CSV writers need them up front).
    static QStringList extraFieldNames();

private:
    void makeArticle(qint64 index, Record &out, GroundTruth *truth);
    void makeCase(qint64 index, Record &out, GroundTruth *truth);
    qint64 drawProblem(synth::Rng &rng) const;

    // A recent original case a near-duplicate can rework.
    struct Recent {
        qint64 caseIndex = 0;
        std::uint64_t wordingSeed = 0;
        qint64 problem = 0;
        qint64 created = 0;
    };
    static constexpr int kRecentWindow = 256;

    SynthOptions m_options;
    const synth::SyntheticCorpus &m_corpus;
    synth::CaseComposer m_cases;
    synth::ArticleComposer m_articles;
    synth::CaseText m_caseText;
    synth::ArticleText m_articleText;
    qint64 m_problemCount = 0;
    qint64 m_permMultiplier = 1; // rank -> problem index: (rank * m + offset) mod problemCount
    qint64 m_permOffset = 0;
    int m_bands = 1;
    qint64 m_produced = 0;
    std::array<Recent, kRecentWindow> m_recent{};
    int m_recentCount = 0;
    int m_recentNext = 0;
};

} // namespace kms
