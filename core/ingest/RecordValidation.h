// SPDX-License-Identifier: MIT
#pragma once

#include "model/Record.h"
#include "readers/FieldMapping.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace kms {

// The values a record's status and priority may take in one collection. The standard vocabulary
// plus whatever the store already holds (an import may bring its own, e.g. "In Progress"), so an
// imported record stays editable.
struct AllowedValues {
    QStringList statuses;
    QStringList priorities;  // empty: the collection has no priority (articles)

    // Cases: new, open, pending, resolved, closed / low, medium, high, critical.
    // Articles: draft, published, archived, no priority.
    static AllowedValues standard(Collection c);
    // Adds values not yet listed (case-insensitively), keeping the standard ones first.
    void merge(const QStringList &moreStatuses, const QStringList &morePriorities);
};

// One thing wrong with one field of a record being created or edited. Structured, so a GUI can
// word it in its own language; message() is the English wording of the CLI and logs.
struct FieldProblem {
    enum class Kind {
        Required,     // empty but required
        TooLong,      // size bytes of UTF-8 over limit
        TooManyTags,  // size tags over limit
        TagTooLong,   // one tag of size bytes over limit
        Duplicate,    // another record of the collection has this external id
        NotFound      // the record to update does not exist (any more)
    };
    Field field = Field::Title;
    Kind kind = Kind::Required;
    qint64 size = 0;
    qint64 limit = 0;
    QString value;

    QString message() const; // "title: required field is missing or empty"
    bool operator==(const FieldProblem &) const = default;
};

// The input rules every way in applies (files, the record editor, the REST API), so a record one
// accepts is never one another refuses. What a rule changed or noticed is counted in the job:
// - a record without a title but with a description takes the description's first line as its
//   title (titleFromBody); with neither it is refused;
// - a status or priority outside the standard list (an export's own "In Progress", "P2") is kept as
//   given and flagged, never refused: the browser and filters show it as it came; both are optional.
struct InputAdjustments {
    bool titleDerived = false;
    bool statusUnlisted = false;
    bool priorityUnlisted = false;
    bool any() const { return titleDerived || statusUnlisted || priorityUnlisted; }
};
InputAdjustments applyInputRules(Record *r, const AllowedValues &allowed);

// Trims every text field, writes status and priority in the allowed spelling when they match one
// ignoring case, trims, de-duplicates and drops empty tags, then applies the input rules.
Record normaliseRecord(Record r, const AllowedValues &allowed);

// Every problem of a (normalised) record, in field order; empty when it may be stored. Applies the
// ingestion limits (ValidationLimits: title and external id up to maxTitleBytes, other texts up to
// maxFieldBytes, at most maxTags tags of up to maxTitleBytes each), so nothing the editor accepts
// would be refused by an import and the other way round; an external id and a title are required.
QList<FieldProblem> validateRecord(const Record &r, const ValidationLimits &limits = {});

} // namespace kms
