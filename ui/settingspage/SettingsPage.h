// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace kms::ui {

class AppSettings;
class ApplicationSettingsPanel;
class EngineHost;
class EngineSettingsPanel;

// The "settings" page: the application's settings (data directory, theme, language, ingestion
// presets, a way to the scheduled syncs) above the engine's configuration of the open data
// directory. Works before the engine is open (the engine part waits for it).
class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    SettingsPage(EngineHost *host, AppSettings *settings, QWidget *parent = nullptr);

    ApplicationSettingsPanel *applicationPanel() const { return m_application; }
    EngineSettingsPanel *enginePanel() const { return m_engine; }
    // Enables "Scheduled syncs…" when the window has an ingestion page.
    void setSchedulesAvailable(bool available);

signals:
    // The page asks the window to show another page ("ingestion" for the scheduled syncs).
    void showPageRequested(const QString &id);

private:
    void updateTabOrder();

    ApplicationSettingsPanel *m_application;
    EngineSettingsPanel *m_engine;
};

} // namespace kms::ui
