// SPDX-License-Identifier: MIT
#include "readers/FieldMapping.h"
#include "readers/RecordReader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

using namespace kms;

namespace {

QString valueText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String: return v.toString();
    case QJsonValue::Double: return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("undefined");
}

// "number@line:v1|v2" for a record, "number@line!error" for a refused one.
QString summary(const RawRecord &r)
{
    QString s = QStringLiteral("%1@%2").arg(r.number).arg(r.line);
    if (!r.error.isEmpty())
        return s + QLatin1Char('!') + r.error;
    QStringList values;
    for (const auto &f : r.fields)
        values.append(valueText(f.second));
    return s + QLatin1Char(':') + values.join(QLatin1Char('|'));
}

// Expected entries ending in '*' match as a prefix (simdjson's wording is not ours to pin).
bool matches(const QString &actual, const QString &expected)
{
    if (expected.endsWith(QLatin1Char('*')))
        return actual.startsWith(expected.chopped(1));
    return actual == expected;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QString writeGzip(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    gzFile gz = gzopen(QFile::encodeName(path).constData(), "wb");
    if (!gz || gzwrite(gz, bytes.constData(), unsigned(bytes.size())) != int(bytes.size()) || gzclose(gz) != Z_OK)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

struct ReadResult {
    bool opened = false;
    QString openError;
    QStringList columns;
    QList<RawRecord> records;
    QString fatal;
};

ReadResult readAll(const QString &path, const ReaderOptions &options = {})
{
    ReadResult res;
    auto reader = RecordReader::create(path, options);
    if (!reader)
        qFatal("no reader for %s", qPrintable(path));
    res.opened = reader->open(&res.openError);
    if (!res.opened)
        return res;
    res.columns = reader->columns();
    RawRecord r;
    while (reader->next(r))
        res.records.append(r);
    res.fatal = reader->fatalError();
    return res;
}

QByteArray nested(int depth)
{
    // {"a": [[...]]}: the object is level 1, so `depth` levels in all.
    return "{\"a\":" + QByteArray(depth - 1, '[') + QByteArray(depth - 1, ']') + "}";
}

} // namespace

class TestReaders : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readFile_data();
    void readFile();
    void csvChunkBoundaries();
    void csvOversizedRecord();
    void csvTenMegabyteField();
    void jsonlLongLineOverLimit();
    void deepNesting();
    void jsonColumnsPeekKeepsRecords();
    void gzipMatchesPlain();
    void gzipCorrupt();
    void notText_data();
    void notText();
    void nfcorpus();
    void createBySuffix_data();
    void createBySuffix();
    void missingFile();
    void benchmark();
};

void TestReaders::readFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("columns");  // empty: not checked
    QTest::addColumn<QStringList>("records");  // summaries
    QTest::addColumn<QString>("fatal");        // open error or fatalError()

    // CSV
    QTest::newRow("csv quotes") << "a.csv" << QByteArray("id,title\n1,\"a, \"\"b\"\"\"\n2,plain\n")
        << QStringList{"id", "title"} << QStringList{"1@2:1|a, \"b\"", "2@3:2|plain"} << "";
    QTest::newRow("csv embedded newlines") << "a.csv" << QByteArray("id,body\n1,\"l1\nl2\nl3\"\n2,x\n3,\"y\n\"\n4,z\n")
        << QStringList() << QStringList{"1@2:1|l1\nl2\nl3", "2@5:2|x", "3@6:3|y\n", "4@8:4|z"} << "";
    QTest::newRow("csv BOM and CRLF") << "a.csv" << QByteArray("\xEF\xBB\xBFid,title\r\n1,a\r\n2,\"b\r\nc\"\r\n3,d\r\n")
        << QStringList{"id", "title"} << QStringList{"1@2:1|a", "2@3:2|b\r\nc", "3@5:3|d"} << "";
    QTest::newRow("csv semicolon") << "a.csv" << QByteArray("id;title;body\n1;a,b;c\n")
        << QStringList{"id", "title", "body"} << QStringList{"1@2:1|a,b|c"} << "";
    QTest::newRow("csv tab detected") << "a.csv" << QByteArray("id\ttitle\n1\tx, y\n")
        << QStringList{"id", "title"} << QStringList{"1@2:1|x, y"} << "";
    QTest::newRow("tsv by name") << "a.TSV" << QByteArray("id\ttitle,a,b\n1\tp,q\n")
        << QStringList{"id", "title,a,b"} << QStringList{"1@2:1|p,q"} << "";
    QTest::newRow("csv pipe") << "a.csv" << QByteArray("id|title\n1|x\n")
        << QStringList{"id", "title"} << QStringList{"1@2:1|x"} << "";
    QTest::newRow("csv stray quote") << "a.csv" << QByteArray("id,title\n1,ab\"c\n2,ok\n") << QStringList()
        << QStringList{"1@2!malformed quotes in field 'title' (a quote inside an unquoted field, or text after a closing quote)",
                       "2@3:2|ok"} << "";
    QTest::newRow("csv text after quote") << "a.csv" << QByteArray("id,title,x\n1,\"ab\"c,d\n2,ok,e\n") << QStringList()
        << QStringList{"1@2!malformed quotes in field 'title' *", "2@3:2|ok|e"} << "";
    QTest::newRow("csv unterminated quote") << "a.csv" << QByteArray("id,title\n1,ok\n2,\"abc\n3,def\n4,x\n") << QStringList()
        << QStringList{"1@2:1|ok", "2@3!unterminated quoted field (the quote runs to the end of the file)"} << "";
    QTest::newRow("csv ragged rows") << "a.csv" << QByteArray("id,a,b\n1,2\n3,4,5,6\n7,8,9\n") << QStringList()
        << QStringList{"1@2!row has 2 fields, the header has 3", "2@3!row has 4 fields, the header has 3", "3@4:7|8|9"} << "";
    QTest::newRow("csv NUL byte") << "a.csv" << QByteArray("id,title\n1,a\0b\n2,c\n", 19) << QStringList()
        << QStringList{"1@2!NUL byte in field 'title'", "2@3:2|c"} << "";
    QTest::newRow("csv invalid UTF-8") << "a.csv" << QByteArray("id,body\n1,ok\xff\n2,\xc3\xa9\n") << QStringList()
        << QStringList{"1@2!invalid UTF-8 in field 'body'", QString::fromUtf8("2@3:2|\xc3\xa9")} << "";
    QTest::newRow("csv blank lines") << "a.csv" << QByteArray("id,t\n\n1,a\n\r\n\n2,b") << QStringList()
        << QStringList{"1@3:1|a", "2@6:2|b"} << "";
    QTest::newRow("csv header names") << "a.csv" << QByteArray(" id ,Title,,Title,Title_2\n1,2,3,4,5\n")
        << QStringList{"id", "Title", "column_3", "Title_3", "Title_2"} << QStringList{"1@2:1|2|3|4|5"} << "";
    QTest::newRow("csv empty file") << "a.csv" << QByteArray() << QStringList() << QStringList()
        << "a.csv: the file is empty (expected a header line)";
    QTest::newRow("csv header only") << "a.csv" << QByteArray("id,title\n") << QStringList{"id", "title"}
        << QStringList() << "";

    // JSONL
    QTest::newRow("jsonl blank lines") << "a.jsonl" << QByteArray("{\"id\":1,\"t\":\"a\"}\n\n  \n{\"id\":2}\r\n")
        << QStringList{"id", "t"} << QStringList{"1@1:1|a", "2@4:2"} << "";
    QTest::newRow("jsonl bad line") << "a.ndjson" << QByteArray("{\"id\":1}\n{\"id\":\n{\"id\":3}")
        << QStringList{"id"} << QStringList{"1@1:1", "2@2!invalid JSON: *", "3@3:3"} << "";
    QTest::newRow("jsonl not an object") << "a.jsonl" << QByteArray("[1,2]\n\"x\"\n7\n{\"id\":1}\n")
        << QStringList{"id"}
        << QStringList{"1@1!expected a JSON object, got array", "2@2!expected a JSON object, got string",
                       "3@3!expected a JSON object, got number", "4@4:1"} << "";
    QTest::newRow("jsonl invalid UTF-8") << "a.jsonl" << QByteArray("{\"t\":\"\xff\"}\n{\"t\":\"\xc3\xa9\"}\n")
        << QStringList() << QStringList{"1@1!invalid UTF-8", QString::fromUtf8("2@2:\xc3\xa9")} << "";
    QTest::newRow("jsonl value types") << "a.jsonl"
        << QByteArray("{\"o\":{\"b\":[1,true,null]},\"n\":1.5,\"big\":12345678901234,\"s\":\"q\\\"\\u00e9\"}")
        << QStringList{"o", "n", "big", "s"}
        << QStringList{QString::fromUtf8("1@1:{\"b\":[1,true,null]}|1.5|12345678901234|q\"\xc3\xa9")} << "";
    QTest::newRow("jsonl depth 64 ok, 65 not") << "a.jsonl" << nested(64) + "\n" + nested(65) + "\n"
        << QStringList() << QStringList{"1@1:" + QString(63, u'[') + QString(63, u']'),
                                        "2@2!nesting deeper than 64 levels"} << "";
    QTest::newRow("jsonl empty") << "a.jsonl" << QByteArray("\n\n") << QStringList() << QStringList() << "";

    // JSON
    QTest::newRow("json array") << "a.json" << QByteArray("[{\"id\":1},\n {\"id\":2,\"t\":\"x\"}\n]\n")
        << QStringList{"id"} << QStringList{"1@1:1", "2@2:2|x"} << "";
    QTest::newRow("json single object") << "a.json" << QByteArray("\xEF\xBB\xBF\n{\"id\":7,\"t\":[\"a\"]}\n")
        << QStringList{"id", "t"} << QStringList{"1@2:7|[\"a\"]"} << "";
    QTest::newRow("json empty array") << "a.json" << QByteArray(" [ ] ") << QStringList() << QStringList() << "";
    QTest::newRow("json scalars in array") << "a.json" << QByteArray("[{\"id\":1}, 5, \"s\", null, [1]]")
        << QStringList{"id"}
        << QStringList{"1@1:1", "2@1!expected a JSON object, got number", "3@1!expected a JSON object, got string",
                       "4@1!expected a JSON object, got null", "5@1!expected a JSON object, got array"} << "";
    QTest::newRow("json bad element") << "a.json" << QByteArray("[{\"id\":1},\n{\"id\":},\n{\"id\":3}]")
        << QStringList{"id"} << QStringList{"1@1:1", "2@2!invalid JSON: *", "3@3:3"} << "";
    QTest::newRow("json brackets in strings") << "a.json" << QByteArray("[{\"t\":\"a]}\\\"[{\\\\\"}]")
        << QStringList{"t"} << QStringList{"1@1:a]}\"[{\\"} << "";
    QTest::newRow("json truncated") << "cases.json"
        << QByteArray("[\n{\"id\":1},\n{\"id\":2},\n{\"id\":3, \"t\": \"ab")
        << QStringList{"id"} << QStringList{"1@2:1", "2@3:2"}
        << "cases.json: line 4: the file ends inside the array (truncated?)";
    QTest::newRow("json truncated after comma") << "cases.json" << QByteArray("[{\"id\":1},\n")
        << QStringList{"id"} << QStringList{"1@1:1"}
        << "cases.json: line 2: the file ends inside the array (truncated?)";
    QTest::newRow("json missing comma") << "a.json" << QByteArray("[{\"a\":1} {\"b\":2}]")
        << QStringList{"a"} << QStringList{"1@1:1"} << "a.json: line 1: expected ',' or ']' after record 1, found '{'";
    QTest::newRow("json top-level scalar") << "a.json" << QByteArray("  \n 42\n") << QStringList() << QStringList()
        << "a.json: line 2: the top level is not an array or an object";
    QTest::newRow("json empty file") << "a.json" << QByteArray("\n") << QStringList() << QStringList()
        << "a.json: the file is empty (expected a JSON array or object)";
    QTest::newRow("json trailing data") << "a.json" << QByteArray("[{\"a\":1}]\n]") << QStringList() << QStringList{"1@1:1"}
        << "a.json: line 2: unexpected data after the end of the top-level value";
    QTest::newRow("json deep element") << "a.json" << "[" + nested(100) + ",\n{\"id\":2}]" << QStringList{"id"}
        << QStringList{"1@1!nesting deeper than 64 levels", "2@2:2"} << "";
}

void TestReaders::readFile()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QStringList, columns);
    QFETCH(QStringList, records);
    QFETCH(QString, fatal);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ReadResult res = readAll(writeFile(dir, name, content));
    QCOMPARE(res.opened ? res.fatal : res.openError, fatal);
    if (!columns.isEmpty())
        QCOMPARE(res.columns, columns);
    QStringList actual;
    for (const RawRecord &r : res.records)
        actual.append(summary(r));
    QCOMPARE(actual.size(), records.size());
    for (int i = 0; i < records.size(); ++i)
        QVERIFY2(matches(actual.at(i), records.at(i)), qPrintable(actual.at(i) + " vs " + records.at(i)));
}

void TestReaders::csvChunkBoundaries()
{
    // Records straddle many 1 MiB window refills; every line number must still be exact.
    QByteArray csv = "id,body,note\n";
    const int n = 40000;
    for (int i = 1; i <= n; ++i)
        csv += QByteArray::number(i) + ",\"first line " + QByteArray::number(i) + "\nsecond \"\"line\"\"\",plain text\n";
    QTemporaryDir dir;
    const ReadResult res = readAll(writeFile(dir, "big.csv", csv));
    QVERIFY(res.opened);
    QCOMPARE(res.fatal, QString());
    QCOMPARE(res.records.size(), n);
    for (int i = 0; i < n; ++i) {
        const RawRecord &r = res.records.at(i);
        QCOMPARE(r.number, i + 1);
        QCOMPARE(r.line, 2 + 2 * i);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.fields.at(1).second.toString(),
                 QStringLiteral("first line %1\nsecond \"line\"").arg(i + 1));
    }
}

void TestReaders::csvOversizedRecord()
{
    QTemporaryDir dir;
    // The default 16 MiB limit: the 17 MiB record is skipped, not loaded, and the next one is fine.
    QByteArray csv = "id,body\n1,a\n2,\"" + QByteArray(17 * 1024 * 1024, 'x') + "\nmore\"\n3,b\n";
    const ReadResult res = readAll(writeFile(dir, "big.csv", csv));
    QCOMPARE(res.records.size(), 3);
    QCOMPARE(summary(res.records.at(1)), QStringLiteral("2@3!record is over the 16 MiB limit"));
    QCOMPARE(res.records.at(1).raw.size(), 64 * 1024);
    QVERIFY(res.records.at(1).raw.startsWith("2,\"xxx"));
    QCOMPARE(summary(res.records.at(2)), QStringLiteral("3@5:3|b"));

    ReaderOptions small;
    small.maxRecordBytes = 100;
    const ReadResult res2 = readAll(writeFile(dir, "small.csv", "id,body\n1," + QByteArray(200, 'y') + "\n2,ok\n"), small);
    QCOMPARE(res2.records.size(), 2);
    QCOMPARE(summary(res2.records.at(0)), QStringLiteral("1@2!record is over the 100 bytes limit"));
    QCOMPARE(summary(res2.records.at(1)), QStringLiteral("2@3:2|ok"));
}

void TestReaders::csvTenMegabyteField()
{
    QTemporaryDir dir;
    const QByteArray body(10 * 1024 * 1024, 'b');
    const ReadResult res = readAll(writeFile(dir, "ten.csv", "id,title,body\n1,t," + body + "\n2,t2,short\n"));
    QCOMPARE(res.records.size(), 2);
    const RawRecord &r = res.records.at(0);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error)); // the reader passes it on...
    QCOMPARE(r.fields.at(2).second.toString().size(), body.size());
    const FieldMapping m = FieldMapping::detect(res.columns, Collection::Cases);
    Record rec;
    const auto problem = m.apply(r, Collection::Cases, &rec); // ...validation refuses it
    QVERIFY(problem);
    QCOMPARE(problem->field, QStringLiteral("body"));
    QCOMPARE(problem->reason, QStringLiteral("is 10485760 bytes, over the 1048576-byte limit"));
    QVERIFY(!m.apply(res.records.at(1), Collection::Cases, &rec));
}

void TestReaders::jsonlLongLineOverLimit()
{
    QTemporaryDir dir;
    ReaderOptions opt;
    opt.maxRecordBytes = 3 * 1024 * 1024; // spans several windows
    const QByteArray line = "{\"t\":\"" + QByteArray(5 * 1024 * 1024, 'z') + "\"}";
    const ReadResult res = readAll(writeFile(dir, "l.jsonl", "{\"id\":1}\n" + line + "\n{\"id\":3}\n"), opt);
    QCOMPARE(res.records.size(), 3);
    QCOMPARE(summary(res.records.at(1)), QStringLiteral("2@2!record is over the 3 MiB limit"));
    QCOMPARE(res.records.at(1).raw.size(), 64 * 1024);
    QCOMPARE(summary(res.records.at(2)), QStringLiteral("3@3:3"));
}

void TestReaders::deepNesting()
{
    // Far past simdjson's own limit and our recursion bound: an error per record, no crash.
    QTemporaryDir dir;
    const QByteArray deep4 = nested(10000);
    const QByteArray deep6 = nested(1000000);
    ReadResult res = readAll(writeFile(dir, "d.jsonl", deep4 + "\n" + deep6 + "\n{\"id\":1}\n"));
    QCOMPARE(res.records.size(), 3);
    QCOMPARE(summary(res.records.at(0)), QStringLiteral("1@1!nesting deeper than 64 levels"));
    QCOMPARE(summary(res.records.at(1)), QStringLiteral("2@2!nesting deeper than 64 levels"));
    QCOMPARE(summary(res.records.at(2)), QStringLiteral("3@3:1"));
    // Unbalanced brackets all the way down.
    res = readAll(writeFile(dir, "u.jsonl", "{\"a\":" + QByteArray(1000000, '[') + "\n{\"id\":2}\n"));
    QCOMPARE(res.records.size(), 2);
    QVERIFY(!res.records.at(0).error.isEmpty());
    QCOMPARE(summary(res.records.at(1)), QStringLiteral("2@2:2"));
    res = readAll(writeFile(dir, "d.json", "[" + deep4 + ",\n" + deep6 + ",\n{\"id\":3}]"));
    QCOMPARE(res.fatal, QString());
    QCOMPARE(res.records.size(), 3);
    QCOMPARE(summary(res.records.at(1)), QStringLiteral("2@2!nesting deeper than 64 levels"));
    QCOMPARE(summary(res.records.at(2)), QStringLiteral("3@3:3"));
}

void TestReaders::jsonColumnsPeekKeepsRecords()
{
    QTemporaryDir dir;
    const ReadResult res = readAll(writeFile(dir, "p.jsonl", "oops\n{\"id\":1,\"title\":\"a\"}\n{\"id\":2,\"x\":1}\n"));
    QCOMPARE(res.columns, (QStringList{"id", "title"}));
    QCOMPARE(res.records.size(), 3);
    QCOMPARE(res.records.at(0).number, 1);
    QCOMPARE(summary(res.records.at(1)), QStringLiteral("2@2:1|a"));
    QCOMPARE(summary(res.records.at(2)), QStringLiteral("3@3:2|1"));
}

void TestReaders::gzipMatchesPlain()
{
    QTemporaryDir dir;
    QByteArray jsonl;
    QByteArray csv = "id,title\n";
    for (int i = 0; i < 20000; ++i) {
        jsonl += "{\"id\":" + QByteArray::number(i) + ",\"title\":\"record " + QByteArray::number(i * 7919) + "\"}\n";
        csv += QByteArray::number(i) + ",\"title " + QByteArray::number(i) + "\"\n";
    }
    for (const auto &[name, bytes] : {std::pair{QStringLiteral("c.jsonl"), jsonl}, std::pair{QStringLiteral("c.csv"), csv}}) {
        const ReadResult plain = readAll(writeFile(dir, name, bytes));
        const QString gzPath = writeGzip(dir, name + QStringLiteral(".GZ"), bytes);
        auto reader = RecordReader::create(gzPath);
        QVERIFY(reader);
        QString error;
        QVERIFY2(reader->open(&error), qPrintable(error));
        QCOMPARE(reader->columns(), plain.columns);
        RawRecord r;
        int i = 0;
        while (reader->next(r)) {
            QVERIFY(i < plain.records.size());
            QCOMPARE(summary(r), summary(plain.records.at(i)));
            ++i;
        }
        QCOMPARE(reader->fatalError(), QString());
        QCOMPARE(i, 20000);
        QCOMPARE(reader->totalBytes(), QFileInfo(gzPath).size());
        QCOMPARE(reader->bytesRead(), reader->totalBytes());
        QVERIFY(reader->totalBytes() < bytes.size() / 2);
    }
}

void TestReaders::gzipCorrupt()
{
    QTemporaryDir dir;
    QByteArray jsonl;
    for (int i = 0; i < 50000; ++i)
        jsonl += "{\"id\":" + QByteArray::number(i) + ",\"v\":\"" + QByteArray::number(qint64(i) * 104729 % 99991) + "\"}\n";
    const QString good = writeGzip(dir, "g.jsonl.gz", jsonl);
    QFile f(good);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray gz = f.readAll();

    QByteArray flipped = gz;
    for (qsizetype i = gz.size() / 2; i < gz.size() / 2 + 64; ++i)
        flipped[i] = char(flipped[i] ^ 0x5a);
    const QByteArray truncated = gz.left(gz.size() / 2);
    for (const auto &[name, bytes] : {std::pair{QStringLiteral("flipped.jsonl.gz"), flipped},
                                      std::pair{QStringLiteral("cut.jsonl.gz"), truncated}}) {
        const ReadResult res = readAll(writeFile(dir, name, bytes));
        const QString error = res.opened ? res.fatal : res.openError;
        QVERIFY2(error.startsWith(name + QStringLiteral(": corrupt gzip data (")), qPrintable(name + ": " + error));
        QVERIFY(res.records.size() < 50000);
    }
    const ReadResult notGzip = readAll(writeFile(dir, "plain.jsonl.gz", "{\"id\":1}\n"));
    QVERIFY(!notGzip.opened);
    QCOMPARE(notGzip.openError, QStringLiteral("plain.jsonl.gz: not a gzip file (it does not start with the gzip magic bytes)"));
}

void TestReaders::notText_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    const QByteArray csv = "id,title\n1,Printer jams\n";
    QByteArray le = "\xff\xfe", leNoBom, be = "\xfe\xff";
    for (char c : csv) {
        le += c; le += '\0';
        leNoBom += c; leNoBom += '\0';
        be += '\0'; be += c;
    }
    const QString wrongEncoding = QStringLiteral("save it as UTF-8");
    for (const char *ext : {"csv", "json", "jsonl"}) {
        const QString e = QString::fromLatin1(ext);
        QTest::addRow("zeros.%s", ext) << "zeros." + e << QByteArray(1 << 20, '\0')
                                       << QStringLiteral("not a text file (a NUL byte at offset 0)");
        QTest::addRow("utf16le.%s", ext) << "utf16le." + e << le << wrongEncoding;
    }
    QTest::newRow("utf16be") << "utf16be.csv" << be << wrongEncoding;
    QTest::newRow("utf16 without BOM") << "nobom.csv" << leNoBom << QStringLiteral("every other byte is zero");
    QTest::newRow("utf32") << "u32.jsonl" << QByteArray("\xff\xfe\0\0{\0\0\0", 8) << QStringLiteral("UTF-32");
    QTest::newRow("NUL after text") << "late.csv" << QByteArray("id,title\n1,ok\n\0\0\0\0", 19)
                                    << QStringLiteral("a NUL byte at offset 14");
}

// A file that is not UTF-8 text is a failed source naming the file and what it is, never an empty
// success or one error per line.
void TestReaders::notText()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const ReadResult res = readAll(writeFile(dir, name, bytes));
    const QString error = res.opened ? res.fatal : res.openError;
    QVERIFY2(error.startsWith(name + QStringLiteral(": ")), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY(res.records.isEmpty());
}

void TestReaders::nfcorpus()
{
    const QString path = QStringLiteral(KMS_SHARED_DATA_DIR "/nfcorpus/corpus.jsonl.gz");
    if (!QFile::exists(path))
        QSKIP("NFCorpus is not available on this machine");
    const ReadResult res = readAll(path);
    QVERIFY2(res.opened, qPrintable(res.openError));
    QCOMPARE(res.fatal, QString());
    QCOMPARE(res.records.size(), 3633);
    QCOMPARE(res.columns, (QStringList{"_id", "title", "text", "metadata"}));
    for (const RawRecord &r : res.records)
        QVERIFY2(r.error.isEmpty(), qPrintable(QString::number(r.line) + ": " + r.error));
    const RawRecord &first = res.records.first();
    QCOMPARE(first.line, 1);
    QCOMPARE(first.fields.at(0).second.toString(), QStringLiteral("MED-10"));
    QCOMPARE(first.fields.at(1).second.toString(),
             QStringLiteral("Statin Use and Breast Cancer Survival: A Nationwide Cohort Study from Finland"));
    QVERIFY(first.fields.at(2).second.toString().startsWith(QStringLiteral("Recent studies have suggested that statins")));
    QVERIFY(first.fields.at(3).second.toObject().value(QStringLiteral("url")).isString());

    const Collection c = FieldMapping::guessCollection(res.columns);
    QCOMPARE(c, Collection::Knowledge);
    const FieldMapping m = FieldMapping::detect(res.columns, c);
    QCOMPARE(m.describe(), QStringLiteral("external_id=_id, title=title, body=text"));
    Record rec;
    QVERIFY(!m.apply(first, c, &rec));
    QCOMPARE(rec.externalId, QStringLiteral("MED-10"));
    QVERIFY(rec.extra.value(QStringLiteral("metadata")).toObject().contains(QStringLiteral("url")));
}

void TestReaders::createBySuffix_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("supported");
    QTest::newRow("csv") << "/x/a.csv" << true;
    QTest::newRow("CSV.GZ") << "/x/A.CSV.GZ" << true;
    QTest::newRow("tsv") << "a.tsv" << true;
    QTest::newRow("json") << "a.Json" << true;
    QTest::newRow("jsonl.gz") << "a.jsonl.gz" << true;
    QTest::newRow("ndjson") << "a.ndjson" << true;
    QTest::newRow("txt") << "a.txt" << false;
    QTest::newRow("gz only") << "a.gz" << false;
    QTest::newRow("xlsx") << "a.xlsx" << false;
}

void TestReaders::createBySuffix()
{
    QFETCH(QString, path);
    QFETCH(bool, supported);
    QCOMPARE(RecordReader::isSupported(path), supported);
    QCOMPARE(RecordReader::create(path) != nullptr, supported);
}

void TestReaders::missingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("none.csv");
    auto reader = RecordReader::create(path);
    QString error;
    QVERIFY(!reader->open(&error));
    QCOMPARE(error, QStringLiteral("cannot open %1: No such file or directory").arg(path));
}

void TestReaders::benchmark()
{
    // Opt-in (KMS_BENCH=1): reads ~50 MB generated CSV and JSONL files and prints the speed.
    if (qEnvironmentVariableIsEmpty("KMS_BENCH"))
        QSKIP("set KMS_BENCH=1 to measure reader throughput");
    QTemporaryDir dir;
    QByteArray csv = "id,title,description,status,priority,created_at\n";
    QByteArray jsonl;
    const QByteArray text = "The printer on floor three drops jobs after the driver update; users see error 0x57 "
                            "and the queue stalls until the spooler restarts. Reinstalling did not help.";
    for (int i = 0; csv.size() < 50 * 1024 * 1024; ++i) {
        const QByteArray id = "CS" + QByteArray::number(100000 + i);
        csv += id + ",\"Printer issue " + QByteArray::number(i) + "\",\"" + text + "\",open,high,2024-05-01T10:00:00Z\n";
        jsonl += "{\"id\":\"" + id + "\",\"title\":\"Printer issue " + QByteArray::number(i) + "\",\"description\":\"" + text
                 + "\",\"status\":\"open\",\"priority\":\"high\",\"created_at\":\"2024-05-01T10:00:00Z\"}\n";
    }
    for (const auto &[name, bytes] : {std::pair{QStringLiteral("b.csv"), csv}, std::pair{QStringLiteral("b.jsonl"), jsonl}}) {
        const QString path = writeFile(dir, name, bytes);
        QElapsedTimer timer;
        timer.start();
        auto reader = RecordReader::create(path);
        QVERIFY(reader->open(nullptr));
        RawRecord r;
        qint64 n = 0;
        while (reader->next(r))
            ++n;
        const double s = double(timer.nsecsElapsed()) / 1e9;
        qInfo("%s: %lld records, %.1f MB in %.2f s: %.0f records/s, %.1f MB/s", qPrintable(name), n,
              double(bytes.size()) / 1e6, s, double(n) / s, double(bytes.size()) / 1e6 / s);
    }
}

QTEST_GUILESS_MAIN(TestReaders)
#include "tst_readers.moc"
