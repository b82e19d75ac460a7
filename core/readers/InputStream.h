// SPDX-License-Identifier: MIT
#pragma once

#include <QFile>
#include <QString>

#include <memory>

struct gzFile_s;

namespace kms {

// A growable byte window over a plain or gzip-compressed file. Readers scan the window and call
// refill() to slide it forward, so memory stays at one chunk plus the largest record they keep.
// gzip is detected by its magic bytes; a ".gz" name without them is refused. The first bytes read
// must be text: UTF-16/32 (with a hint to convert) and binary files fail the first refill().
class InputStream
{
public:
    static constexpr qint64 ChunkSize = 1024 * 1024;
    static constexpr qint64 Padding = 64; // zeroed bytes after the data, for simdjson

    InputStream();
    ~InputStream();
    InputStream(const InputStream &) = delete;
    InputStream &operator=(const InputStream &) = delete;

    bool open(const QString &path, QString *error);

    char *data() { return m_buf.get(); }
    const char *data() const { return m_buf.get(); }
    qint64 size() const { return m_end; }       // valid bytes in the window
    bool atEnd() const { return m_eof; }

    // Drops the bytes before `keep` (positions shift down by `keep`) and reads more, growing the
    // window when it is full. Returns the bytes added: 0 at the end of input, -1 on a read error
    // (then error() says why, e.g. a corrupt gzip stream).
    qint64 refill(qint64 keep);
    QString error() const { return m_error; }

    qint64 bytesRead() const;  // compressed bytes for gzip
    qint64 totalBytes() const { return m_totalBytes; }
    bool isGzip() const { return m_gz != nullptr; }

private:
    void reserve(qint64 capacity);
    qint64 readRaw(char *dst, qint64 max);

    QFile m_file;
    gzFile_s *m_gz = nullptr;
    QString m_name;
    QString m_error;
    std::unique_ptr<char[]> m_buf;
    qint64 m_capacity = 0;
    qint64 m_end = 0;
    qint64 m_plainRead = 0;
    qint64 m_totalBytes = 0;
    bool m_eof = false;
    bool m_sniffed = false; // the first bytes were checked for being text
};

} // namespace kms
