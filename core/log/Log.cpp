// SPDX-License-Identifier: MIT
#include "log/Log.h"

#include <QDir>

#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <mutex>

namespace kms::log {

namespace {
struct State {
    std::mutex mutex;
    std::vector<spdlog::sink_ptr> sinks;
    std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> ring;
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

// Existing loggers keep their sink list; refresh them when a sink is added later.
void applySinksLocked(State &s)
{
    spdlog::apply_all([&s](const std::shared_ptr<spdlog::logger> &l) {
        l->sinks() = s.sinks;
        l->set_level(s.level);
    });
}
} // namespace

bool init(const Options &options, QString *error)
{
    State &s = state();
    std::lock_guard guard(s.mutex);
    s.level = spdlog::level::from_str(options.level);
    if (!s.ring) {
        s.ring = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(options.ringLines);
        s.ring->set_pattern(kPattern);
        s.sinks.push_back(s.ring);
    }
    if (options.console && !s.haveConsole) {
        auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        console->set_pattern("%^%l%$ [%n] %v");
        // The console is for people: warnings and worse unless asked for more.
        console->set_level(s.level <= spdlog::level::debug ? s.level : spdlog::level::warn);
        s.sinks.push_back(console);
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
            s.sinks.push_back(file);
            s.haveFile = true;
            s.filePath = path;
        } catch (const spdlog::spdlog_ex &e) {
            ok = false;
            if (error)
                *error = QStringLiteral("cannot open log file %1: %2").arg(path, QString::fromUtf8(e.what()));
        }
    }
    applySinksLocked(s);
    return ok;
}

std::shared_ptr<spdlog::logger> get(const std::string &name)
{
    State &s = state();
    std::lock_guard guard(s.mutex);
    if (auto existing = spdlog::get(name))
        return existing;
    auto logger = std::make_shared<spdlog::logger>(name, s.sinks.begin(), s.sinks.end());
    logger->set_level(s.level);
    logger->flush_on(spdlog::level::warn);
    spdlog::register_logger(logger);
    return logger;
}

std::vector<std::string> recentLines(size_t max)
{
    State &s = state();
    std::lock_guard guard(s.mutex);
    if (!s.ring)
        return {};
    return s.ring->last_formatted(max);
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
