// SPDX-License-Identifier: MIT
#include "log/Log.h"

#include <QDateTime>
#include <QDir>

#include <spdlog/sinks/dist_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <mutex>

namespace kms::log {

namespace {
// Every logger has one sink for life: `fanOut`, which passes each line to the sinks in it under its
// own mutex. init() adds the console and file sinks to it, never to the loggers, so a thread that
// logs while another opens the engine never sees a sink list being replaced (swapping
// logger::sinks() under a running logger was a data race).
struct State {
    std::mutex mutex;
    // From the start, so lines logged before init() (and by loggers made before it) reach the page.
    std::shared_ptr<LogRing> ring = std::make_shared<LogRing>(Options{}.ringLines);
    std::shared_ptr<spdlog::sinks::dist_sink_mt> fanOut =
        std::make_shared<spdlog::sinks::dist_sink_mt>(std::vector<spdlog::sink_ptr>{ring});
    spdlog::level::level_enum level = spdlog::level::info;
    QString filePath;
    bool haveFile = false;
    bool haveConsole = false;
};

State &state()
{
    static State s;
    return s;
}

constexpr const char *kPattern = "%Y-%m-%d %H:%M:%S.%e [%n] %l: %v";

// A logger's level is atomic in spdlog, so changing it beside a logging thread is safe.
void applyLevelLocked(const State &s)
{
    spdlog::apply_all([&s](const std::shared_ptr<spdlog::logger> &l) { l->set_level(s.level); });
}
} // namespace

bool init(const Options &options, QString *error)
{
    State &s = state();
    std::lock_guard guard(s.mutex);
    const auto oldLevel = s.level;
    s.level = spdlog::level::from_str(options.level);
    s.ring->setCapacity(options.ringLines);
    if (options.console && !s.haveConsole) {
        auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        console->set_pattern("%^%l%$ [%n] %v");
        // The console is for people: warnings and worse unless asked for more.
        console->set_level(s.level <= spdlog::level::debug ? s.level : spdlog::level::warn);
        s.fanOut->add_sink(console);
        s.haveConsole = true;
    }
    bool ok = true;
    if (!options.directory.isEmpty() && !s.haveFile) {
        QDir().mkpath(options.directory);
        const QString path = QDir(options.directory).filePath(QStringLiteral("kms.log"));
        try {
            auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                path.toStdString(), options.fileBytes, options.files);
            file->set_pattern(kPattern);
            s.fanOut->add_sink(file);
            s.haveFile = true;
            s.filePath = path;
        } catch (const spdlog::spdlog_ex &e) {
            ok = false;
            if (error)
                *error = QStringLiteral("cannot open log file %1: %2").arg(path, QString::fromUtf8(e.what()));
        }
    }
    if (s.level != oldLevel)
        applyLevelLocked(s);
    return ok;
}

std::shared_ptr<spdlog::logger> get(const std::string &name)
{
    State &s = state();
    std::lock_guard guard(s.mutex);
    if (auto existing = spdlog::get(name))
        return existing;
    auto logger = std::make_shared<spdlog::logger>(name, s.fanOut);
    logger->set_level(s.level);
    logger->flush_on(spdlog::level::warn);
    spdlog::register_logger(logger);
    return logger;
}

std::vector<std::string> recentLines(size_t max)
{
    const FeedBatch batch = entriesSince(0, max);
    std::vector<std::string> lines;
    lines.reserve(size_t(batch.entries.size()));
    for (const Entry &e : batch.entries) {
        const QString time = QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        const auto name = spdlog::level::to_string_view(spdlog::level::level_enum(e.level));
        lines.push_back(QStringLiteral("%1 [%2] %3: %4")
                            .arg(time, e.logger, QString::fromUtf8(name.data(), qsizetype(name.size())), e.message)
                            .toStdString());
    }
    return lines;
}

FeedBatch entriesSince(quint64 afterSeq, size_t max)
{
    // The ring is made once and never replaced, so no lock of ours is needed around it.
    return state().ring->since(afterSeq, max);
}

int level()
{
    State &s = state();
    std::lock_guard guard(s.mutex);
    return int(s.level);
}

QString levelName(int level)
{
    switch (level) {
    case spdlog::level::trace: return QStringLiteral("trace");
    case spdlog::level::debug: return QStringLiteral("debug");
    case spdlog::level::info: return QStringLiteral("info");
    case spdlog::level::warn: return QStringLiteral("warning");
    case spdlog::level::err: return QStringLiteral("error");
    case spdlog::level::critical: return QStringLiteral("critical");
    default: return QStringLiteral("off");
    }
}

QString filePath()
{
    State &s = state();
    std::lock_guard guard(s.mutex);
    return s.filePath;
}

void flush()
{
    spdlog::apply_all([](const std::shared_ptr<spdlog::logger> &l) { l->flush(); });
}

} // namespace kms::log
