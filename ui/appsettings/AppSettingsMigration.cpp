// SPDX-License-Identifier: MIT
// Settings layouts by version. Each step rewrites one version into the next, so a file of any age
// reaches the current layout; a value the new layout cannot hold is dropped (its default applies)
// and logged, never guessed.
//
//   1  flat keys: dataDirectory, darkTheme (bool), locale ("de_DE", "en_US", empty for the
//      system's), workers, batchSize
//   2  grouped keys: general/dataDirectory, appearance/theme (system|light|dark),
//      appearance/language (system|en|de), ingestion/workers, ingestion/batchSize
#include "appsettings/AppSettings.h"

#include "log/Log.h"

#include <QSettings>

#include <spdlog/spdlog.h>

namespace kms::ui {

namespace {

auto logger()
{
    static auto l = log::get("kms.ui.settings");
    return l;
}

const QString kVersionKey = QStringLiteral("settingsVersion");

// Moves one value to its new key if the new layout accepts it.
void carry(QSettings &s, const QString &from, AppSettings::Key to, const QVariant &value)
{
    const QString problem = AppSettings::validate(to, value);
    if (problem.isEmpty())
        s.setValue(AppSettings::storageName(to), value);
    else
        logger()->warn("settings migration: {} dropped: {}", from.toStdString(), problem.toStdString());
    s.remove(from);
}

void migrate1to2(QSettings &s)
{
    if (s.contains(QStringLiteral("dataDirectory")))
        carry(s, QStringLiteral("dataDirectory"), AppSettings::Key::DataDirectory,
              s.value(QStringLiteral("dataDirectory")));
    if (s.contains(QStringLiteral("darkTheme"))) {
        // Version 1 knew dark or the platform's look; "light" did not exist yet.
        const bool dark = s.value(QStringLiteral("darkTheme")).toBool();
        carry(s, QStringLiteral("darkTheme"), AppSettings::Key::Theme,
              AppSettings::themeName(dark ? AppSettings::Theme::Dark : AppSettings::Theme::System));
    }
    if (s.contains(QStringLiteral("locale"))) {
        const QString locale = s.value(QStringLiteral("locale")).toString().trimmed();
        QString code = QStringLiteral("system");
        if (!locale.isEmpty())
            code = locale.section(QLatin1Char('_'), 0, 0).section(QLatin1Char('-'), 0, 0).toLower();
        carry(s, QStringLiteral("locale"), AppSettings::Key::Language, code);
    }
    if (s.contains(QStringLiteral("workers")))
        carry(s, QStringLiteral("workers"), AppSettings::Key::IngestWorkers, s.value(QStringLiteral("workers")));
    if (s.contains(QStringLiteral("batchSize")))
        carry(s, QStringLiteral("batchSize"), AppSettings::Key::IngestBatchSize, s.value(QStringLiteral("batchSize")));
}

} // namespace

void AppSettings::migrate()
{
    QSettings &s = *m_settings;
    int version = s.value(kVersionKey, 0).toInt();
    if (version > kVersion) {
        // A newer KMS Admin wrote this file: read what we understand, rewrite nothing.
        logger()->warn("settings version {} is newer than this program's {}; unknown keys are left alone",
                       version, kVersion);
        return;
    }
    if (version == 0 && s.allKeys().isEmpty())
        return; // a fresh file: nothing to migrate, and nothing written until a value is set
    if (version == 0)
        version = 1; // keys but no version: version 1 written before versions were recorded
    const int from = version;
    if (version == 1) {
        migrate1to2(s);
        version = 2;
    }
    s.setValue(kVersionKey, version);
    if (from != version)
        logger()->info("settings migrated from version {} to {}", from, version);
}

} // namespace kms::ui
