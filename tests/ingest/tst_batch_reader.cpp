// SPDX-License-Identifier: MIT
// The reader stage: sources opened and mapped up front, cut into numbered batches across files.
#include "../TestData.h"

#include "ingest/BatchReader.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace kms;

class TestBatchReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Two files of 5 and 3 records in batches of 2: 2+2+1 then 2+1, numbered 0..4 over the job.
    void cutsSourcesIntoNumberedBatches()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.jsonl"));
        const QString b = dir.filePath(QStringLiteral("b.jsonl"));
        QVERIFY(testdata::writeCases(a, 0, 5));
        QVERIFY(testdata::writeCases(b, 5, 8));
        BatchReader reader({{a, b}, std::nullopt, {}, 7, nullptr});
        QString error;
        QVERIFY2(reader.open(&error), qPrintable(error));
        QCOMPARE(reader.totalBytes(), QFileInfo(a).size() + QFileInfo(b).size());

        QStringList files;
        QList<qint64> readCounts;
        qint64 lastBytes = 0;
        std::vector<RawBatch> batches;
        BatchReader::Callbacks cb;
        cb.fileStarted = [&](const QString &path) { files << path; };
        cb.batchRead = [&](qint64 readSoFar, qint64 bytes) {
            readCounts << readSoFar;
            QVERIFY(bytes >= lastBytes);
            lastBytes = bytes;
        };
        cb.deliver = [&](RawBatch &&batch) {
            batches.push_back(std::move(batch));
            return true;
        };
        QVERIFY(reader.read(2, cb));
        QCOMPARE(files, (QStringList{a, b}));
        QCOMPARE(readCounts, (QList<qint64>{2, 4, 5, 7, 8}));
        QCOMPARE(lastBytes, reader.totalBytes());
        QCOMPARE(batches.size(), size_t(5));
        const std::vector<size_t> sizes{2, 2, 1, 2, 1};
        for (size_t i = 0; i < batches.size(); ++i) {
            QCOMPARE(batches[i].sequence, qint64(i));
            QCOMPARE(batches[i].records.size(), sizes[i]);
            QCOMPARE(batches[i].source, i < 3 ? a : b);
            QCOMPARE(batches[i].readSoFar, readCounts[qsizetype(i)]);
            QCOMPARE(batches[i].defaultCollection, Collection::Cases);
        }
    }

    // deliver() saying no (cancelled, failed) stops reading at once.
    void stopsWhenTheQueueSaysSo()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.jsonl"));
        QVERIFY(testdata::writeCases(a, 0, 10));
        BatchReader reader({{a}, std::nullopt, {}, 0, nullptr});
        QString error;
        QVERIFY(reader.open(&error));
        int delivered = 0;
        BatchReader::Callbacks cb;
        cb.deliver = [&](RawBatch &&) { return ++delivered < 2; };
        QVERIFY(!reader.read(3, cb));
        QCOMPARE(delivered, 2);
    }

    // A bad path, type or --map fails before a single record is read, saying what and where.
    void refusesBadSourcesUpFront()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("good.jsonl"));
        QVERIFY(testdata::writeCases(good, 0, 3));
        const QString text = dir.filePath(QStringLiteral("notes.txt"));
        QVERIFY(testdata::writeText(text, "hello\n"));
        QString error;

        BatchReader wrongType({{good, text}, std::nullopt, {}, 0, nullptr});
        QVERIFY(!wrongType.open(&error));
        QVERIFY2(error.contains(text) && error.contains(QStringLiteral("unsupported file type")), qPrintable(error));

        error.clear();
        const QString missing = dir.filePath(QStringLiteral("missing.jsonl"));
        BatchReader noFile({{missing}, std::nullopt, {}, 0, nullptr});
        QVERIFY(!noFile.open(&error));
        QVERIFY2(error.contains(QStringLiteral("missing.jsonl")), qPrintable(error));

        error.clear();
        BatchReader badMap({{good}, std::nullopt, {QStringLiteral("colour=title")}, 0, nullptr});
        QVERIFY(!badMap.open(&error));
        QVERIFY2(error.contains(QStringLiteral("colour")), qPrintable(error));
    }

    // A source that stops early keeps the records before the stop; the stop is a reject in the
    // last batch, numbered after the last good record.
    void truncatedSourceEndsWithAReject()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cut.json"));
        QByteArray text = "[";
        for (int i = 0; i < 3; ++i)
            text += QJsonDocument(testdata::caseObject(i)).toJson(QJsonDocument::Compact) + ",";
        QVERIFY(testdata::writeText(path, text));
        BatchReader reader({{path}, std::nullopt, {}, 42, nullptr});
        QString error;
        QVERIFY2(reader.open(&error), qPrintable(error));
        std::vector<RawBatch> batches;
        BatchReader::Callbacks cb;
        cb.deliver = [&](RawBatch &&batch) {
            batches.push_back(std::move(batch));
            return true;
        };
        QVERIFY(reader.read(2, cb));
        QCOMPARE(batches.size(), size_t(2));
        QCOMPARE(batches[0].records.size() + batches[1].records.size(), size_t(3));
        QVERIFY(batches[0].extraRejects.empty());
        QCOMPARE(batches[1].extraRejects.size(), size_t(1));
        const RejectInfo &r = batches[1].extraRejects.front();
        QCOMPARE(r.jobId, qint64(42));
        QCOMPARE(r.source, path);
        QCOMPARE(r.recordNumber, qint64(4));
        QVERIFY2(r.reason.contains(QStringLiteral("truncated")), qPrintable(r.reason));
    }
};

QTEST_GUILESS_MAIN(TestBatchReader)
#include "tst_batch_reader.moc"
