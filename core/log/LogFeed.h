// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

#include <spdlog/sinks/base_sink.h>

#include <mutex>
#include <string>
#include <vector>

namespace kms::log {

// One log line as the GUI shows it. level is spdlog's: 0 trace, 1 debug, 2 info, 3 warn,
// 4 error, 5 critical.
struct Entry {
    quint64 seq = 0;   // 1, 2, 3, ... in the order the lines were logged, never reused
    qint64 timeMs = 0; // Unix ms
    int level = 2;
    QString logger;
    QString message;
};

// What a reader gets from the feed: the lines after the sequence number it already has.
struct FeedBatch {
    QList<Entry> entries; // oldest first
    quint64 lastSeq = 0;  // newest sequence number logged so far: ask for lines after it next time
    quint64 missed = 0;   // lines after the asked-for number that are not in `entries` (overwritten
                          // in the ring, or over the batch limit, which keeps the newest)
};

// A spdlog sink that keeps the last `capacity` lines with sequence numbers, so a viewer polls for
// only the lines it has not seen. Logging costs one copy into a preallocated slot under the sink's
// mutex; nothing waits on the reader beyond the copy of one bounded batch.
class LogRing : public spdlog::sinks::base_sink<std::mutex>
{
public:
    explicit LogRing(size_t capacity);

    // Lines with seq > afterSeq, at most max of them (the newest when there are more).
    FeedBatch since(quint64 afterSeq, size_t max);
    // Keeps the newest lines that fit.
    void setCapacity(size_t capacity);
    size_t capacity();

protected:
    void sink_it_(const spdlog::details::log_msg &msg) override;
    void flush_() override {}

private:
    struct Slot {
        quint64 seq = 0;
        qint64 timeMs = 0;
        int level = 0;
        std::string logger;
        std::string message;
    };
    std::vector<Slot> m_slots; // slot of seq s: (s - 1) % size
    quint64 m_lastSeq = 0;
    size_t m_held = 0; // lines in the ring: m_lastSeq - m_held + 1 .. m_lastSeq
};

} // namespace kms::log
