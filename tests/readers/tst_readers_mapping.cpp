// SPDX-License-Identifier: MIT
#include "readers/FieldMapping.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace kms;

namespace {

// A raw record from a JSON object literal, keys in the literal's order.
RawRecord rawFromJson(const QByteArray &json)
{
    RawRecord r;
    r.number = 1;
    r.line = 1;
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(err.errorString()));
    const QJsonObject obj = doc.object();
    for (auto it = obj.begin(); it != obj.end(); ++it)
        r.fields.append({it.key(), it.value()});
    return r;
}

RawRecord rawFromPairs(const QList<QPair<QString, QJsonValue>> &fields)
{
    RawRecord r;
    r.number = 1;
    r.fields = fields;
    return r;
}

} // namespace

class TestReadersMapping : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void detect_data();
    void detect();
    void guessCollection_data();
    void guessCollection();
    void setSpec_data();
    void setSpec();
    void fieldNames();
    void applyProblems_data();
    void applyProblems();
    void applyConverts();
    void applyDates_data();
    void applyDates();
    void applyPassesReaderErrors();
    void laterColumnsOfMixedFilesAreMapped();
};

// A mixed export whose first record is an article: the case fields only appear later, and must
// still reach their fields (not extra) - unless the user unmapped the field.
void TestReadersMapping::laterColumnsOfMixedFilesAreMapped()
{
    FieldMapping m = FieldMapping::detect({QStringLiteral("id"), QStringLiteral("record_type"), QStringLiteral("title"),
                                           QStringLiteral("body"), QStringLiteral("category")},
                                          Collection::Knowledge);
    const RawRecord raw = rawFromPairs({{"id", "CS-1"}, {"record_type", "case"}, {"title", "VPN drops"},
                                        {"body", "tunnel closes"}, {"Status", "closed"}, {"priority", "high"},
                                        {"channel", "email"}});
    Record r;
    QVERIFY(!m.apply(raw, Collection::Knowledge, &r));
    QCOMPARE(r.collection, Collection::Cases);
    QCOMPARE(r.status, QStringLiteral("closed"));
    QCOMPARE(r.priority, QStringLiteral("high"));
    QCOMPARE(r.extra.keys(), QStringList{QStringLiteral("channel")});
    m.set(Field::Priority, QString()); // unmapped on purpose: stays in extra
    QVERIFY(!m.apply(raw, Collection::Knowledge, &r));
    QVERIFY(r.priority.isEmpty());
    QCOMPARE(r.extra.value(QStringLiteral("priority")).toString(), QStringLiteral("high"));
}

void TestReadersMapping::detect_data()
{
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<int>("collection");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ServiceNow") << QStringList{"number", "short_description", "description", "close_notes", "state",
                                               "priority", "cmdb_ci", "category", "sys_created_on", "sys_updated_on", "sys_id"}
        << int(Collection::Cases)
        << "external_id=number, title=short_description, body=description, resolution=close_notes, status=state, "
           "priority=priority, category=category, created_at=sys_created_on, updated_at=sys_updated_on";
    QTest::newRow("Zendesk") << QStringList{"Id", "Subject", "Description", "Status", "Priority", "Type", "Tags",
                                            "Created at", "Updated at", "Requester"}
        << int(Collection::Cases)
        << "external_id=Id, title=Subject, body=Description, status=Status, priority=Priority, tags=Tags, "
           "created_at=Created at, updated_at=Updated at";
    QTest::newRow("Jira") << QStringList{"Issue Type", "Issue key", "Issue id", "Summary", "Description", "Status",
                                         "Priority", "Resolution", "Component/s", "Labels", "Created", "Updated"}
        << int(Collection::Cases)
        << "external_id=Issue key, title=Summary, body=Description, resolution=Resolution, status=Status, "
           "priority=Priority, product=Component/s, tags=Labels, created_at=Created, updated_at=Updated";
    QTest::newRow("NFCorpus") << QStringList{"_id", "title", "text", "metadata"} << int(Collection::Knowledge)
        << "external_id=_id, title=title, body=text";
    QTest::newRow("KB export") << QStringList{"Article_ID", "Title", "Description", "Article Body", "Section", "Keywords",
                                              "Last Modified"}
        << int(Collection::Knowledge)
        << "external_id=Article_ID, title=Title, body=Article Body, category=Section, tags=Keywords, "
           "updated_at=Last Modified";
    QTest::newRow("same KB as cases") << QStringList{"Article_ID", "Title", "Description", "Article Body"}
        << int(Collection::Cases) << "external_id=Article_ID, title=Title, body=Description";
    QTest::newRow("mixed file") << QStringList{"case_number", "subject", "details", "solution", "severity", "product",
                                               "record_type", "opened_at"}
        << int(Collection::Cases)
        << "external_id=case_number, title=subject, body=details, resolution=solution, priority=severity, "
           "product=product, created_at=opened_at, kind=record_type";
    QTest::newRow("nothing known") << QStringList{"foo", "bar"} << int(Collection::Cases) << "(no columns mapped)";
}

void TestReadersMapping::detect()
{
    QFETCH(QStringList, columns);
    QFETCH(int, collection);
    QFETCH(QString, expected);
    QCOMPARE(FieldMapping::detect(columns, Collection(collection)).describe(), expected);
}

void TestReadersMapping::guessCollection_data()
{
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<int>("expected");
    QTest::newRow("cases by priority") << QStringList{"id", "subject", "body", "priority"} << int(Collection::Cases);
    QTest::newRow("cases by resolution") << QStringList{"id", "title", "text", "Resolution"} << int(Collection::Cases);
    QTest::newRow("knowledge") << QStringList{"_id", "title", "text", "metadata"} << int(Collection::Knowledge);
    QTest::newRow("knowledge with status") << QStringList{"id", "title", "body", "category", "status"}
                                           << int(Collection::Knowledge);
    QTest::newRow("status only") << QStringList{"id", "subject", "description", "state"} << int(Collection::Cases);
}

void TestReadersMapping::guessCollection()
{
    QFETCH(QStringList, columns);
    QFETCH(int, expected);
    QCOMPARE(int(FieldMapping::guessCollection(columns)), expected);
}

void TestReadersMapping::setSpec_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("describe"); // after detect({"id","title","type"}) + set(spec)
    QTest::addColumn<QString>("error");
    QTest::newRow("override") << "title=Subject" << "external_id=id, title=Subject" << "";
    QTest::newRow("alias and spaces") << " description = Body Text " << "external_id=id, title=title, body=Body Text" << "";
    QTest::newRow("kind") << "kind=type" << "external_id=id, title=title, kind=type" << "";
    QTest::newRow("unmap") << "title=" << "external_id=id" << "";
    QTest::newRow("unknown field") << "titel=Subject" << "external_id=id, title=title"
        << "unknown field 'titel' in --map titel=Subject; fields are external_id, title, body, resolution, status, "
           "priority, product, category, tags, created_at, updated_at, kind";
    QTest::newRow("missing =") << "title" << "external_id=id, title=title"
        << "missing '=' in --map 'title' (use field=column, e.g. title=Subject)";
}

void TestReadersMapping::setSpec()
{
    QFETCH(QString, spec);
    QFETCH(QString, describe);
    QFETCH(QString, error);
    FieldMapping m = FieldMapping::detect({"id", "title", "type"}, Collection::Cases);
    QString actualError;
    QCOMPARE(m.set(spec, &actualError), error.isEmpty());
    QCOMPARE(actualError, error);
    QCOMPARE(m.describe(), describe);
}

void TestReadersMapping::fieldNames()
{
    for (int i = 0; i <= int(Field::Kind); ++i)
        QCOMPARE(fieldFromName(fieldName(Field(i))), std::optional<Field>(Field(i)));
    QCOMPARE(fieldFromName(u"ID"), std::optional<Field>(Field::ExternalId));
    QCOMPARE(fieldFromName(u"description"), std::optional<Field>(Field::Body));
    QVERIFY(!fieldFromName(u"subject"));
}

void TestReadersMapping::applyProblems_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");  // empty with empty reason: accepted
    QTest::addColumn<QString>("reason");
    const QString typeReason = QStringLiteral("expected a string or an array of strings, got %1");
    QTest::newRow("ok") << QByteArray(R"({"id":"1","title":"a"})") << "" << "";
    QTest::newRow("body only") << QByteArray(R"({"id":"1","body":"b"})") << "" << "";
    QTest::newRow("missing id") << QByteArray(R"({"title":"a"})") << "external_id" << "required field is missing or empty";
    QTest::newRow("blank id") << QByteArray(R"({"id":"  ","title":"a"})") << "external_id" << "required field is missing or empty";
    QTest::newRow("null id") << QByteArray(R"({"id":null,"title":"a"})") << "external_id" << "required field is missing or empty";
    QTest::newRow("object id") << QByteArray(R"({"id":{"x":1},"title":"a"})") << "external_id" << "expected a string, got object";
    QTest::newRow("no title, no body") << QByteArray(R"({"id":"1","title":" ","body":""})") << "title" << "a title or a body is required";
    QTest::newRow("title object") << QByteArray(R"({"id":"1","title":{"a":1}})") << "title" << "expected a string, got object";
    QTest::newRow("body array") << QByteArray(R"({"id":"1","title":"t","body":["x"]})") << "body" << "expected a string, got array";
    QTest::newRow("tags object") << QByteArray(R"({"id":"1","title":"t","tags":{"a":1}})") << "tags" << typeReason.arg("object");
    QTest::newRow("tags number") << QByteArray(R"({"id":"1","title":"t","tags":5})") << "tags" << typeReason.arg("number");
    QTest::newRow("tags array of numbers") << QByteArray(R"({"id":"1","title":"t","tags":["a",2]})") << "tags"
                                           << typeReason.arg("an array containing a number");
    QTest::newRow("title too long") << "{\"id\":\"1\",\"title\":\"" + QByteArray(1025, 't') + "\"}" << "title"
                                    << "is 1025 bytes, over the 1024-byte limit";
    // Limits count UTF-8 bytes, not characters: 400 + 350 * 2 = 1100 bytes in 750 characters.
    QTest::newRow("title multibyte") << "{\"id\":\"1\",\"title\":\"" + QByteArray(400, 'a') + QString(350, QChar(0xe9)).toUtf8() + "\"}"
                                     << "title" << "is 1100 bytes, over the 1024-byte limit";
    QTest::newRow("body too long") << "{\"id\":\"1\",\"title\":\"t\",\"body\":\"" + QByteArray(10 * 1024 * 1024, 'b') + "\"}"
                                   << "body" << "is 10485760 bytes, over the 1048576-byte limit";
    QTest::newRow("resolution too long") << "{\"id\":\"1\",\"title\":\"t\",\"resolution\":\"" + QByteArray(1048577, 'r') + "\"}"
                                         << "resolution" << "is 1048577 bytes, over the 1048576-byte limit";
    QTest::newRow("bad date") << QByteArray(R"({"id":"1","title":"t","created_at":"yesterday"})") << "created_at"
                              << "not a date: 'yesterday' (use ISO 8601 or Unix seconds)";
    QTest::newRow("bad updated date") << QByteArray(R"({"id":"1","title":"t","updated_at":"2024-13-45"})") << "updated_at"
                                      << "not a date: '2024-13-45' (use ISO 8601 or Unix seconds)";
    QTest::newRow("date object") << QByteArray(R"({"id":"1","title":"t","created_at":{}})") << "created_at"
                                 << "expected a date, got object";
    QTest::newRow("unknown kind") << QByteArray(R"({"id":"1","title":"t","record_type":"x"})") << "kind"
                                  << "unknown record type 'x' (use case or article)";
    QStringList many;
    for (int i = 0; i < 65; ++i)
        many.append(QStringLiteral("t%1").arg(i));
    QTest::newRow("too many tags") << "{\"id\":\"1\",\"title\":\"t\",\"tags\":\"" + many.join(',').toUtf8() + "\"}" << "tags"
                                   << "has 65 tags, over the 64-tag limit";
}

void TestReadersMapping::applyProblems()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QFETCH(QString, reason);
    const RawRecord raw = rawFromJson(json);
    QStringList columns;
    for (const auto &f : raw.fields)
        columns.append(f.first);
    const FieldMapping m = FieldMapping::detect(columns, Collection::Cases);
    Record rec;
    const auto problem = m.apply(raw, Collection::Cases, &rec);
    QCOMPARE(problem ? problem->field : QString(), field);
    QCOMPARE(problem ? problem->reason : QString(), reason);
}

void TestReadersMapping::applyConverts()
{
    const RawRecord raw = rawFromPairs({
        {"Ticket ID", QJsonValue(qint64(12345678901234))},
        {"Subject", QJsonValue(QStringLiteral("  Printer jams  "))},
        {"Details", QJsonValue(QStringLiteral("\tIt jams.\n"))},
        {"Status", QJsonValue(true)},
        {"Priority", QJsonValue(2.5)},
        {"Labels", QJsonValue(QStringLiteral(" a, b; c|a ,, "))},
        {"Kind", QJsonValue(QStringLiteral(" Article "))},
        {"metadata", QJsonObject{{"url", "http://x"}}},
        {"Votes", QJsonValue(7)},
        {"Owner", QJsonValue(QStringLiteral(" kept as is "))},
    });
    QStringList columns;
    for (const auto &f : raw.fields)
        columns.append(f.first);
    const FieldMapping m = FieldMapping::detect(columns, Collection::Cases);
    Record rec;
    const auto problem = m.apply(raw, Collection::Cases, &rec);
    QVERIFY2(!problem, qPrintable(problem ? problem->reason : QString()));
    QCOMPARE(rec.externalId, QStringLiteral("12345678901234"));
    QCOMPARE(rec.title, QStringLiteral("Printer jams"));
    QCOMPARE(rec.body, QStringLiteral("It jams."));
    QCOMPARE(rec.status, QStringLiteral("true"));
    QCOMPARE(rec.priority, QStringLiteral("2.5"));
    QCOMPARE(rec.tags, (QStringList{"a", "b", "c"}));
    QCOMPARE(rec.collection, Collection::Knowledge); // the kind column wins over the job's collection
    QCOMPARE(rec.extra.value("metadata").toObject().value("url").toString(), QStringLiteral("http://x"));
    QCOMPARE(rec.extra.value("Votes").type(), QJsonValue::Double);
    QCOMPARE(rec.extra.value("Votes").toInteger(), 7);
    QCOMPARE(rec.extra.value("Owner").toString(), QStringLiteral(" kept as is "));
    QCOMPARE(rec.extra.size(), 3);

    // Tags as an array; an empty kind leaves the job's collection.
    const RawRecord raw2 = rawFromPairs({{"id", "k1"}, {"body", "b"}, {"tags", QJsonArray{" x ", "y", "x"}}, {"kind", ""}});
    FieldMapping m2 = FieldMapping::detect({"id", "body", "tags", "kind"}, Collection::Knowledge);
    QVERIFY(!m2.apply(raw2, Collection::Knowledge, &rec));
    QCOMPARE(rec.tags, (QStringList{"x", "y"}));
    QCOMPARE(rec.collection, Collection::Knowledge);
    QVERIFY(rec.extra.isEmpty());

    // Explicit mapping: a column that detection would not pick.
    QString error;
    QVERIFY(m2.set(QStringLiteral("title=headline text"), &error));
    const RawRecord raw3 = rawFromPairs({{"id", "k2"}, {"headline text", "Hello"}});
    QVERIFY(!m2.apply(raw3, Collection::Knowledge, &rec));
    QCOMPARE(rec.title, QStringLiteral("Hello"));
}

void TestReadersMapping::applyDates_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime t(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
    QTest::newRow("ISO Z") << QJsonValue("2024-05-01T10:00:00Z") << t;
    QTest::newRow("ISO offset") << QJsonValue("2024-05-01T12:00:00+02:00") << t;
    QTest::newRow("ISO ms") << QJsonValue("2024-05-01T10:00:00.250Z") << t.addMSecs(250);
    QTest::newRow("no zone is UTC") << QJsonValue("2024-05-01T10:00:00") << t;
    QTest::newRow("space separator") << QJsonValue("2024-05-01 10:00:00") << t;
    QTest::newRow("date only") << QJsonValue("2024-05-01") << QDateTime(QDate(2024, 5, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("unix seconds") << QJsonValue(qint64(t.toSecsSinceEpoch())) << t;
    QTest::newRow("unix seconds text") << QJsonValue(QString::number(t.toSecsSinceEpoch())) << t;
    QTest::newRow("unix ms") << QJsonValue(qint64(t.toMSecsSinceEpoch())) << t;
    QTest::newRow("unix ms text") << QJsonValue(QString::number(t.toMSecsSinceEpoch())) << t;
    QTest::newRow("empty") << QJsonValue("") << QDateTime();
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QDateTime();
}

void TestReadersMapping::applyDates()
{
    QFETCH(QJsonValue, value);
    QFETCH(QDateTime, expected);
    const RawRecord raw = rawFromPairs({{"id", "1"}, {"title", "t"}, {"created", value}});
    const FieldMapping m = FieldMapping::detect({"id", "title", "created"}, Collection::Cases);
    Record rec;
    const auto problem = m.apply(raw, Collection::Cases, &rec);
    QVERIFY2(!problem, qPrintable(problem ? problem->reason : QString()));
    QCOMPARE(rec.createdAt, expected);
    if (expected.isValid())
        QCOMPARE(rec.createdAt.timeSpec(), Qt::UTC);
}

void TestReadersMapping::applyPassesReaderErrors()
{
    RawRecord raw = rawFromPairs({{"id", "1"}, {"title", "t"}});
    raw.error = QStringLiteral("NUL byte in field 'title'");
    raw.errorField = QStringLiteral("title");
    Record rec;
    const auto problem = FieldMapping::detect({"id", "title"}, Collection::Cases).apply(raw, Collection::Cases, &rec);
    QVERIFY(problem);
    QCOMPARE(problem->field, QStringLiteral("title"));
    QCOMPARE(problem->reason, raw.error);
}

QTEST_GUILESS_MAIN(TestReadersMapping)
#include "tst_readers_mapping.moc"
