// SPDX-License-Identifier: MIT
#pragma once

#include "log/LogFeed.h"

#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace spdlog {
class logger;
} // namespace spdlog

namespace kms::log {

struct Options {
    QString directory;          // rotating file kms.log here; empty: no file
    bool console = true;        // stderr
    std::string level = "info"; // trace, debug, info, warn, error, off
    size_t fileBytes = 5 * 1024 * 1024;
    size_t files = 3;
    size_t ringLines = 10000;   // last lines kept in memory for the GUI's log page
};

// Sets up the shared sinks (console, rotating file, in-memory ring) once per process. Safe to call
// again to add the file sink when the data directory becomes known. Returns false + *error when the
// log file cannot be created; console logging still works then.
bool init(const Options &options, QString *error = nullptr);

// A named logger ("kms.core.ingest", "kms.cli", ...) writing to the shared sinks.
std::shared_ptr<spdlog::logger> get(const std::string &name);

// The most recent lines, formatted like the log file (tests, diagnostics).
std::vector<std::string> recentLines(size_t max = 1000);

// The live feed: lines logged after sequence number afterSeq (0: from the oldest kept), at most max
// (the newest when more are waiting). Memory only; cheap enough to poll from the GUI thread.
FeedBatch entriesSince(quint64 afterSeq, size_t max = 2000);

// The level loggers record at (spdlog's numbering, 0 trace .. 6 off); lines below it are never made.
int level();
// "trace", "debug", "info", "warning", "error", "critical", "off".
QString levelName(int level);

// Path of the current log file, empty when none.
QString filePath();

void flush();

} // namespace kms::log
