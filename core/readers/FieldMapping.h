// SPDX-License-Identifier: MIT
#pragma once

#include "model/Record.h"
#include "readers/RecordReader.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace kms {

// The fields of our data model that a source column can feed.
// Kind is the optional per-record type column ("case" / "article") of mixed files: when mapped
// and set, it decides the record's collection; otherwise the job's collection applies.
enum class Field { ExternalId, Title, Body, Resolution, Status, Priority, Product, Category, Tags,
                   CreatedAt, UpdatedAt, Kind };
QString fieldName(Field f);                         // "external_id", "title", "body", ...
std::optional<Field> fieldFromName(QStringView n);  // accepts the names above and "id", "description"

struct ValidationLimits {
    int maxTitleBytes = 1024;
    qint64 maxFieldBytes = 1024 * 1024;   // any text field
    int maxTags = 64;
};

// Why a raw record was refused.
struct RecordProblem {
    QString field;   // our field name or the source column; empty for the whole record
    QString reason;  // e.g. "required field is missing or empty", "expected a string, got object"
};

// Maps source columns to fields. detect() knows common export header names (id, case_id,
// ticket_id, number, _id, subject, short_description, description, text, content, solution, state,
// severity, component, labels, created_at, opened_at, sys_updated_on, ...); set() overrides one
// field explicitly ("--map title=Subject"). Unmapped columns go to Record::extra.
class FieldMapping
{
public:
    static FieldMapping detect(const QStringList &columns, Collection collection);
    // The collection a source most likely holds, from its columns (status/priority/resolution ->
    // cases; category/body/text without case fields -> knowledge).
    static Collection guessCollection(const QStringList &columns);

    // "field=column": false + *error ("unknown field 'titel' in --map titel=Subject; fields are ...")
    bool set(const QString &spec, QString *error);
    void set(Field f, const QString &column);
    QString column(Field f) const { return m_columns.value(f); }
    QHash<Field, QString> columns() const { return m_columns; }
    QString describe() const; // "external_id=ticket_id, title=subject, ..."

    // Validates and converts. Required: external id, and a title or a body. Strings must be strings
    // (numbers are accepted for ids and converted), tags a string ("a, b; c") or an array of strings,
    // dates ISO 8601 or Unix seconds. Text over the limits is refused, never cut silently.
    std::optional<RecordProblem> apply(const RawRecord &raw, Collection collection, Record *out,
                                       const ValidationLimits &limits = {}) const;

private:
    void rebuildLookups();

    QHash<Field, QString> m_columns;
    QHash<QString, quint32> m_fieldsByColumn; // column -> bit set of the fields it feeds (apply's lookup)
    // Mixed files (articles first, then cases) show only some columns in their first records: a
    // column seen later that detect() would have mapped to a still-unmapped field feeds that field.
    // Normalised name -> field; fields the user unmapped on purpose are left out.
    QHash<QString, int> m_lateColumns;
    QSet<Field> m_disabled;
    Collection m_collection = Collection::Cases;
};

} // namespace kms
