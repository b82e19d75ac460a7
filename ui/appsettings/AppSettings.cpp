// SPDX-License-Identifier: MIT
#include "appsettings/AppSettings.h"

#include "config/EngineConfig.h"
#include "log/Log.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QSettings>

#include <spdlog/spdlog.h>

#include <array>

namespace kms::ui {

namespace {

auto logger()
{
    static auto l = log::get("kms.ui.settings");
    return l;
}

const QString kVersionKey = QStringLiteral("settingsVersion");

struct Entry {
    AppSettings::Key key;
    const char *name;
};

// Every key and where it is stored. Defaults and checks are in defaultValue() and validate().
constexpr std::array<Entry, 8> kEntries{{
    {AppSettings::Key::DataDirectory, "general/dataDirectory"},
    {AppSettings::Key::Theme, "appearance/theme"},
    {AppSettings::Key::Language, "appearance/language"},
    {AppSettings::Key::IngestWorkers, "ingestion/workers"},
    {AppSettings::Key::IngestBatchSize, "ingestion/batchSize"},
    {AppSettings::Key::ApiEnabled, "api/enabled"},
    {AppSettings::Key::ApiHost, "api/host"},
    {AppSettings::Key::ApiPort, "api/port"},
}};

// The ingestion defaults obey the engine's own ranges (EngineConfig's table).
void engineRange(const QString &key, int *min, int *max)
{
    for (const EngineConfig::KeyInfo &k : EngineConfig::keys()) {
        if (k.name == key) {
            *min = k.min;
            *max = k.max;
        }
    }
}

std::optional<int> wholeNumber(const QVariant &v)
{
    bool ok = false;
    const int n = v.toString().trimmed().toInt(&ok);
    return ok ? std::optional<int>(n) : std::nullopt;
}

QString expandHome(QString path)
{
    path = path.trimmed();
    if (path == u'~' || path.startsWith(QStringLiteral("~/")))
        path = QDir::homePath() + path.mid(1);
    return path.isEmpty() ? QString() : QDir::cleanPath(path);
}

} // namespace

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{
    migrate();
}

AppSettings::AppSettings(const QString &iniPath, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
    migrate();
}

AppSettings::~AppSettings() = default;

AppSettings &AppSettings::instance()
{
    // Owned by the application object, so it is written back before the process ends.
    static AppSettings *settings = new AppSettings(QCoreApplication::instance());
    return *settings;
}

QString AppSettings::storageName(Key key)
{
    for (const Entry &e : kEntries) {
        if (e.key == key)
            return QLatin1String(e.name);
    }
    return {};
}

QVariant AppSettings::defaultValue(Key key)
{
    switch (key) {
    case Key::DataDirectory: return QString();
    case Key::Theme: return themeName(Theme::System);
    case Key::Language: return languageCode(Language::System);
    case Key::IngestWorkers: return EngineConfig{}.workers;
    case Key::IngestBatchSize: return EngineConfig{}.batchSize;
    case Key::ApiEnabled: return false;
    case Key::ApiHost: return QStringLiteral("127.0.0.1");
    case Key::ApiPort: return 8080;
    }
    return {};
}

QString AppSettings::themeName(Theme t)
{
    switch (t) {
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    case Theme::System: break;
    }
    return QStringLiteral("system");
}

std::optional<AppSettings::Theme> AppSettings::themeFromName(const QString &name)
{
    for (Theme t : {Theme::System, Theme::Light, Theme::Dark}) {
        if (name.trimmed().compare(themeName(t), Qt::CaseInsensitive) == 0)
            return t;
    }
    return std::nullopt;
}

QString AppSettings::languageCode(Language l)
{
    switch (l) {
    case Language::English: return QStringLiteral("en");
    case Language::German: return QStringLiteral("de");
    case Language::System: break;
    }
    return QStringLiteral("system");
}

std::optional<AppSettings::Language> AppSettings::languageFromCode(const QString &code)
{
    for (Language l : {Language::System, Language::English, Language::German}) {
        if (code.trimmed().compare(languageCode(l), Qt::CaseInsensitive) == 0)
            return l;
    }
    return std::nullopt;
}

// Enum values may come in as the enum itself or its stored name; numbers as ints or text.
QVariant AppSettings::normalised(Key key, const QVariant &value) const
{
    switch (key) {
    case Key::DataDirectory: return expandHome(value.toString());
    case Key::Theme:
        if (value.metaType() == QMetaType::fromType<Theme>())
            return themeName(value.value<Theme>());
        return value.toString().trimmed().toLower();
    case Key::Language:
        if (value.metaType() == QMetaType::fromType<Language>())
            return languageCode(value.value<Language>());
        return value.toString().trimmed().toLower();
    case Key::IngestWorkers:
    case Key::IngestBatchSize:
    case Key::ApiPort:
        if (const auto n = wholeNumber(value))
            return *n;
        return value;
    case Key::ApiEnabled:
        // QSettings gives an INI file's booleans back as the text "true" / "false".
        return value.toString().trimmed().toLower() == QLatin1String("true");
    case Key::ApiHost:
        return value.toString().trimmed();
    }
    return value;
}

QString AppSettings::validate(Key key, const QVariant &value)
{
    switch (key) {
    case Key::DataDirectory: {
        const QString path = expandHome(value.toString());
        if (path.isEmpty())
            return {};
        if (!QDir::isAbsolutePath(path))
            return tr("The data directory must be an absolute path such as %1; “%2” is not.")
                .arg(QDir::homePath() + QStringLiteral("/kms-data"), value.toString().trimmed());
        const QFileInfo info(path);
        if (info.exists() && !info.isDir())
            return tr("The data directory “%1” is a file, not a folder.").arg(path);
        if (info.exists() && !info.isWritable())
            return tr("The data directory “%1” is not writable.").arg(path);
        return {};
    }
    case Key::Theme:
        if (value.metaType() == QMetaType::fromType<Theme>() || themeFromName(value.toString()))
            return {};
        return tr("Unknown theme “%1” (use system, light or dark).").arg(value.toString());
    case Key::Language:
        if (value.metaType() == QMetaType::fromType<Language>() || languageFromCode(value.toString()))
            return {};
        return tr("Unknown language “%1” (use system, en or de).").arg(value.toString());
    case Key::IngestWorkers: {
        int min = 0, max = 0;
        engineRange(QStringLiteral("workers"), &min, &max);
        const auto n = wholeNumber(value);
        EngineConfig c;
        if (n)
            c.workers = *n;
        if (!n || !c.invalidKey().isEmpty())
            return tr("Workers must be a whole number from %1 to %2 (0 means one per processor core); “%3” is not.")
                .arg(min).arg(max).arg(value.toString());
        return {};
    }
    case Key::IngestBatchSize: {
        int min = 0, max = 0; // min is 0 (automatic); below 50 only 0 is allowed
        engineRange(QStringLiteral("batchSize"), &min, &max);
        const auto n = wholeNumber(value);
        EngineConfig c;
        if (n)
            c.batchSize = *n;
        if (!n || !c.invalidKey().isEmpty())
            return tr("Batch size must be 0 (automatic) or a whole number from 50 to %1; “%2” is not.")
                .arg(max).arg(value.toString());
        return {};
    }
    case Key::ApiEnabled: {
        const QString text = value.toString().trimmed().toLower();
        if (text == QLatin1String("true") || text == QLatin1String("false"))
            return {};
        return tr("“%1” is neither on (true) nor off (false).").arg(value.toString());
    }
    case Key::ApiHost: {
        const QString host = value.toString().trimmed();
        if (host == QLatin1String("localhost") || !QHostAddress(host).isNull())
            return {};
        return tr("The API address must be an IP address of this machine such as 127.0.0.1 (or 0.0.0.0 for "
                  "every network); “%1” is not.")
            .arg(value.toString());
    }
    case Key::ApiPort: {
        const auto n = wholeNumber(value);
        if (n && *n >= 1 && *n <= 65535)
            return {};
        return tr("The API port must be a whole number from 1 to 65535; “%1” is not.").arg(value.toString());
    }
    }
    return {};
}

QVariant AppSettings::value(Key key) const
{
    const QString name = storageName(key);
    if (!m_settings->contains(name))
        return defaultValue(key);
    const QVariant stored = m_settings->value(name);
    if (!validate(key, stored).isEmpty()) {
        logger()->warn("setting {} has an invalid value; using the default", name.toStdString());
        return defaultValue(key);
    }
    return normalised(key, stored);
}

bool AppSettings::setValue(Key key, const QVariant &value, QString *error)
{
    const QString problem = validate(key, value);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    const QVariant next = normalised(key, value);
    if (this->value(key) == next && m_settings->contains(storageName(key)))
        return true;
    if (!m_settings->contains(kVersionKey))
        m_settings->setValue(kVersionKey, kVersion); // the layout the values below are written in
    m_settings->setValue(storageName(key), next);
    emit changed(key);
    return true;
}

void AppSettings::reset(Key key)
{
    const QVariant before = value(key);
    m_settings->remove(storageName(key));
    if (value(key) != before)
        emit changed(key);
}

QString AppSettings::dataDirectory() const { return value(Key::DataDirectory).toString(); }
AppSettings::Theme AppSettings::theme() const { return themeFromName(value(Key::Theme).toString()).value_or(Theme::System); }
AppSettings::Language AppSettings::language() const
{
    return languageFromCode(value(Key::Language).toString()).value_or(Language::System);
}
int AppSettings::ingestWorkers() const { return value(Key::IngestWorkers).toInt(); }
int AppSettings::ingestBatchSize() const { return value(Key::IngestBatchSize).toInt(); }

bool AppSettings::apiEnabled() const { return value(Key::ApiEnabled).toBool(); }
QString AppSettings::apiHost() const { return value(Key::ApiHost).toString(); }
int AppSettings::apiPort() const { return value(Key::ApiPort).toInt(); }

bool AppSettings::setDataDirectory(const QString &path, QString *error) { return setValue(Key::DataDirectory, path, error); }
bool AppSettings::setTheme(Theme theme, QString *error) { return setValue(Key::Theme, themeName(theme), error); }
bool AppSettings::setLanguage(Language language, QString *error)
{
    return setValue(Key::Language, languageCode(language), error);
}
bool AppSettings::setIngestWorkers(int workers, QString *error) { return setValue(Key::IngestWorkers, workers, error); }
bool AppSettings::setIngestBatchSize(int batchSize, QString *error)
{
    return setValue(Key::IngestBatchSize, batchSize, error);
}

bool AppSettings::setApiEnabled(bool enabled, QString *error) { return setValue(Key::ApiEnabled, enabled, error); }
bool AppSettings::setApiHost(const QString &host, QString *error) { return setValue(Key::ApiHost, host, error); }
bool AppSettings::setApiPort(int port, QString *error) { return setValue(Key::ApiPort, port, error); }

int AppSettings::storedVersion() const
{
    // A file without any key yet is in the current layout by definition.
    return m_settings->value(kVersionKey, m_settings->allKeys().isEmpty() ? kVersion : 0).toInt();
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace kms::ui
