// SPDX-License-Identifier: MIT
#pragma once

#include "synth/ProblemCatalog.h"
#include "synth/Template.h"

#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <vector>

namespace kms::synth {

struct ErrorCode {
    QString code;    // what people type in a subject: "ORA-12154", "HTTP 502", "0x80070005"
    QString message; // the full text a log or dialog shows
};

struct CauseAndFix {
    QString cause;     // a clause: "the listener was moved to a different port"
    QStringList steps; // imperative resolution steps
};

struct ProblemKind {
    QString key;
    QString category;
    std::vector<ErrorCode> errors;
    QStringList situations;
    QStringList shortSymptoms;
    QStringList symptoms;
    std::vector<CauseAndFix> causes;
    QStringList tried;
    QStringList tags;
};

struct Product {
    QString name;
    QString tag;
    QStringList components;
    std::vector<int> kinds; // indices into SyntheticCorpus::kinds()
    int major = 1;
};

// One underlying problem (a "cluster"): a product, a component, an error, its cause and its fix.
// A knowledge article documents one; cases report one. Derived from (seed, index) alone, so no
// table of problems has to be kept in memory.
struct Problem {
    std::int64_t index = 0;
    int product = 0, component = 0, kind = 0, error = 0, cause = 0;
    int situation = 0, shortSymptom = 0, symptom = 0, symptom2 = 0;
    int major = 1, minorFrom = 0, minorTo = 0, fixedPatch = 1;

    QString versionFrom() const;
    QString versionTo() const; // last affected release
    QString fixedIn() const;
    QString affectedVersion(int minor, int patch) const; // "v2.3.1"
};

// The vocabulary of the synthetic support world, parsed once from the built-in tables.
class SyntheticCorpus
{
public:
    static const SyntheticCorpus &instance();

    // Empty when every built-in table parsed; otherwise what is wrong (a test checks it).
    QString error() const { return m_error; }

    const std::vector<Product> &products() const { return m_products; }
    const std::vector<ProblemKind> &kinds() const { return m_kinds; }
    const std::array<QStringList, kSlotCount> &slotLists() const { return m_slotLists; }
    const std::vector<Template> &templates(TextPart part) const { return m_templates[std::size_t(part)]; }
    const QStringList &names(NameList list) const { return m_names[std::size_t(list)]; }

    Problem problem(std::uint64_t seed, std::int64_t index) const;

private:
    SyntheticCorpus();

    std::vector<Product> m_products;
    std::vector<ProblemKind> m_kinds;
    std::array<QStringList, kSlotCount> m_slotLists;
    std::array<std::vector<Template>, kTextPartCount> m_templates;
    std::array<QStringList, std::size_t(NameList::End_)> m_names;
    QString m_error;
};

// Stream tags for streamSeed(): one independent random stream per purpose.
enum StreamTag : std::uint64_t { ProblemStream = 1, ArticleStream = 2, CaseStream = 3, PopularityStream = 4 };

} // namespace kms::synth
