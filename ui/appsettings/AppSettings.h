// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <QVariant>

#include <memory>
#include <optional>

class QSettings;

namespace kms::ui {

// The application's own settings (QSettings; the engine's live in the data directory). One table
// holds every key with its stored name, default and check; typed getters read through it, setters
// validate, store and emit changed(key). Values that fail the check on reading (a hand-edited file)
// read as the default. Old layouts are migrated on construction (settingsVersion).
class AppSettings : public QObject
{
    Q_OBJECT
public:
    enum class Key {
        DataDirectory,   // empty: --data-dir, else KMS_DATA_DIR, else the platform default
        Theme,
        Language,
        IngestWorkers,   // 0: one per processor core
        IngestBatchSize, // 0: chosen by the ingestion mode, else 50..1000
        ApiEnabled,      // the REST API is served while the app runs (started at launch when on)
        ApiHost,         // the address it listens on (127.0.0.1 unless deliberately changed)
        ApiPort,         // 1..65535
    };
    Q_ENUM(Key)
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)
    enum class Language { System, English, German };
    Q_ENUM(Language)

    static constexpr int kVersion = 2;

    // Over the application's QSettings (organisation and application name as set in main()).
    explicit AppSettings(QObject *parent = nullptr);
    // Over an INI file (tests, portable installs).
    explicit AppSettings(const QString &iniPath, QObject *parent = nullptr);
    ~AppSettings() override;

    // The instance the application uses; created on first use over QSettings().
    static AppSettings &instance();

    // ---- typed access ----
    QString dataDirectory() const;
    Theme theme() const;
    Language language() const;
    int ingestWorkers() const;
    int ingestBatchSize() const;
    bool apiEnabled() const;
    QString apiHost() const;
    int apiPort() const;

    bool setDataDirectory(const QString &path, QString *error = nullptr);
    bool setTheme(Theme theme, QString *error = nullptr);
    bool setLanguage(Language language, QString *error = nullptr);
    bool setIngestWorkers(int workers, QString *error = nullptr);
    bool setIngestBatchSize(int batchSize, QString *error = nullptr);
    bool setApiEnabled(bool enabled, QString *error = nullptr);
    bool setApiHost(const QString &host, QString *error = nullptr);
    bool setApiPort(int port, QString *error = nullptr);

    // ---- by key ----
    QVariant value(Key key) const;
    // Validates, stores and emits changed(key) when the value differs. A refused value leaves the
    // stored one as it was; *error says what is wrong, in the user's language.
    bool setValue(Key key, const QVariant &value, QString *error = nullptr);
    void reset(Key key);
    static QVariant defaultValue(Key key);
    static QString storageName(Key key);                       // "appearance/theme"
    static QString validate(Key key, const QVariant &value);   // empty when valid

    // Stored forms of the enums ("system", "light", "dark"; "system", "en", "de").
    static QString themeName(Theme t);
    static std::optional<Theme> themeFromName(const QString &name);
    static QString languageCode(Language l);
    static std::optional<Language> languageFromCode(const QString &code);

    int storedVersion() const;   // the layout version in the file (after migration: kVersion)
    void sync();                 // writes pending changes to disk now

signals:
    void changed(kms::ui::AppSettings::Key key);

private:
    void migrate();
    QVariant normalised(Key key, const QVariant &value) const;

    std::unique_ptr<QSettings> m_settings;
};

} // namespace kms::ui
