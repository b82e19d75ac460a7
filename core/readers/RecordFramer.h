// SPDX-License-Identifier: MIT
#pragma once

#include "readers/InputStream.h"

#include <QByteArray>
#include <QString>

#include <algorithm>

namespace kms {

// Cuts one record at a time out of an InputStream, for the CSV, JSON and JSONL readers alike. The
// format's scanner says where a record ends in the bytes at hand; the framer slides the window when
// they run out, keeps the record whole in it, or, once it passes maxRecordBytes, drops its bytes as
// they stream by and keeps only a prefix for the reject list, so one huge record costs no memory.
class RecordFramer
{
public:
    static constexpr qint64 MaxRawBytes = 64 * 1024; // what a RawRecord keeps of its source bytes

    struct Frame {
        qint64 begin = 0;       // the record in the window (valid until the next refill); when
        qint64 end = 0;         // bytes were dropped, only its tail from begin to end is there
        qint64 length = 0;      // its whole length, dropped bytes included
        bool oversized = false; // longer than maxRecordBytes
        bool atEof = false;     // the input ended before the scanner found the record's end
        bool dropped = false;   // its first bytes are gone; prefix holds MaxRawBytes of them
        QByteArray prefix;
    };
    enum class Result { Record, End, Error };

    RecordFramer(InputStream &in, qint64 maxRecordBytes) : m_in(in), m_limit(maxRecordBytes) {}

    // Frames the record that starts at window offset pos. scan(data, i, size) moves i over the bytes
    // [i, size) and returns true when the record ends at i (i is then its end, exclusive), false when
    // it needs more bytes; its own state (quotes, depth, lines) lives in the callable across calls.
    // End: the input ended with no byte of a record. Error: the input failed (InputStream::error()).
    template <typename Scanner>
    Result next(qint64 pos, Scanner &&scan, Frame *f);

    // The bytes a RawRecord keeps: at most MaxRawBytes of the record's first `length` bytes.
    QByteArray raw(const Frame &f, qint64 length) const;
    // "record is over the 16 MiB limit"
    QString oversizedMessage() const;

private:
    InputStream &m_in;
    const qint64 m_limit;
};

// "16 MiB" or "1000 bytes": limits as users set them.
QString formatByteLimit(qint64 bytes);

template <typename Scanner>
RecordFramer::Result RecordFramer::next(qint64 pos, Scanner &&scan, Frame *f)
{
    *f = Frame{};
    qint64 start = pos;
    qint64 i = pos;
    qint64 dropped = 0;
    for (;;) {
        const char *d = m_in.data();
        if (scan(d, i, m_in.size()))
            break;
        if (!f->dropped && dropped + (i - start) > m_limit) {
            f->dropped = true;
            f->prefix = QByteArray(d + start, qsizetype(std::min(MaxRawBytes, i - start)));
        }
        // Keep the record in the window while it is within the limit; past it, keep nothing.
        qint64 keep = start;
        if (f->dropped) {
            dropped += i - start;
            keep = i;
        }
        const qint64 got = m_in.refill(keep);
        i -= keep;
        start = f->dropped ? i : start - keep;
        if (got < 0)
            return Result::Error;
        if (got == 0) {
            f->atEof = true;
            break;
        }
    }
    f->begin = start;
    f->end = i;
    f->length = dropped + (i - start);
    if (f->atEof && f->length == 0 && !f->dropped)
        return Result::End;
    f->oversized = f->dropped || f->length > m_limit;
    return Result::Record;
}

} // namespace kms
