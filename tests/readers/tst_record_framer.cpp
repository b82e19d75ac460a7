// SPDX-License-Identifier: MIT
// RecordFramer on its own: records cut by a scanner across window refills, an oversized record
// dropped as it streams by with only its prefix kept, the last record without a terminator, End.
#include "readers/RecordFramer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kms;

namespace {

// Ends a record at '\n', as JSONL does; counts the calls that had to ask for more bytes.
struct LineScanner {
    int hungry = 0;
    bool operator()(const char *d, qint64 &i, qint64 n)
    {
        while (i < n) {
            if (d[i] == '\n')
                return true;
            ++i;
        }
        ++hungry;
        return false;
    }
};

} // namespace

class TestRecordFramer : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString write(const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(QStringLiteral("in.txt"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }

private Q_SLOTS:
    void framesAcrossRefillsAndDropsOversizedRecords()
    {
        constexpr qint64 MiB = 1024 * 1024;
        const QByteArray big(qsizetype(10 * MiB), 'x'); // over the limit and the window: dropped
        QByteArray large(qsizetype(1.5 * double(MiB)), 'y'); // within it, but over one chunk
        large[0] = 'L';
        QByteArray bigMarked = big;
        bigMarked[0] = 'B';
        const QByteArray file = "a\nbb\n" + large + "\n" + bigMarked + "\nccc";
        const QString path = write(file);
        QVERIFY(!path.isEmpty());

        InputStream in;
        QString error;
        QVERIFY2(in.open(path, &error), qPrintable(error));
        RecordFramer framer(in, 2 * MiB);
        LineScanner scan;
        RecordFramer::Frame f;
        qint64 pos = 0;
        auto nextRecord = [&] {
            const RecordFramer::Result r = framer.next(pos, scan, &f);
            pos = f.atEof ? f.end : f.end + 1;
            return r;
        };

        QCOMPARE(nextRecord(), RecordFramer::Result::Record);
        QCOMPARE(framer.raw(f, f.length), QByteArray("a"));
        QVERIFY(!f.oversized);
        QVERIFY(!f.atEof);

        QCOMPARE(nextRecord(), RecordFramer::Result::Record);
        QCOMPARE(QByteArray(in.data() + f.begin, qsizetype(f.end - f.begin)), QByteArray("bb"));

        // Longer than the first chunk: the window slides and grows, the record stays whole in it.
        QCOMPARE(nextRecord(), RecordFramer::Result::Record);
        QVERIFY(!f.oversized);
        QVERIFY(!f.dropped);
        QCOMPARE(f.length, qint64(large.size()));
        QCOMPARE(QByteArray(in.data() + f.begin, qsizetype(f.end - f.begin)), large);
        QCOMPARE(framer.raw(f, f.length), large.left(RecordFramer::MaxRawBytes));

        QCOMPARE(nextRecord(), RecordFramer::Result::Record);
        QVERIFY(f.oversized);
        QVERIFY(f.dropped);
        QCOMPARE(f.length, qint64(bigMarked.size()));
        QVERIFY(f.end - f.begin < qint64(bigMarked.size())); // not held whole
        QCOMPARE(framer.raw(f, f.length), bigMarked.left(RecordFramer::MaxRawBytes));
        QCOMPARE(framer.oversizedMessage(), QStringLiteral("record is over the 2 MiB limit"));

        QCOMPARE(nextRecord(), RecordFramer::Result::Record);
        QVERIFY(f.atEof);
        QCOMPARE(QByteArray(in.data() + f.begin, qsizetype(f.end - f.begin)), QByteArray("ccc"));

        QCOMPARE(nextRecord(), RecordFramer::Result::End);
        QVERIFY(scan.hungry > 0);
    }

    void smallLimitIsCountedInBytesAndEmptyInputEndsAtOnce()
    {
        const QString path = write("0123456789\n");
        InputStream in;
        QString error;
        QVERIFY2(in.open(path, &error), qPrintable(error));
        RecordFramer framer(in, 4);
        LineScanner scan;
        RecordFramer::Frame f;
        // The whole record is already in the window: too long, yet nothing had to be dropped.
        QCOMPARE(framer.next(0, scan, &f), RecordFramer::Result::Record);
        QVERIFY(f.oversized);
        QCOMPARE(framer.raw(f, f.length), QByteArray("0123456789"));
        QCOMPARE(framer.oversizedMessage(), QStringLiteral("record is over the 4 bytes limit"));

        const QString empty = write(QByteArray());
        InputStream in2;
        QVERIFY2(in2.open(empty, &error), qPrintable(error));
        RecordFramer framer2(in2, 4);
        QCOMPARE(framer2.next(0, scan, &f), RecordFramer::Result::End);
    }
};

QTEST_GUILESS_MAIN(TestRecordFramer)
#include "tst_record_framer.moc"
