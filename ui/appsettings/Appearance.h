// SPDX-License-Identifier: MIT
#pragma once

#include "appsettings/AppSettings.h"

#include <QObject>
#include <QPalette>

namespace kms::ui {

namespace appearance {

// Fusion with our dark palette for Dark, Fusion with its own light palette for Light, and the
// style and palette the platform gave the application for System.
void applyTheme(AppSettings::Theme theme);
QPalette darkPalette();

// "de" or "en". System follows the user's preferred UI languages (the first of them we have).
QString resolveLanguage(AppSettings::Language language);
// Installs the translators of a language code — ours from :/i18n/kms-admin_<code>.qm and Qt's own
// (qtbase_<code>.qm from Qt's translations folder, when present) — and makes that language the
// default locale for numbers and dates. Installing posts QEvent::LanguageChange; the main window
// answers by rebuilding its pages. False with *error when ours cannot be loaded (texts stay English).
bool installLanguage(const QString &code, QString *error = nullptr);
QString installedLanguage(); // empty before the first installLanguage()
// The folder Qt's own translations are read from.
QString qtTranslationsPath();

} // namespace appearance

// Keeps the application's theme and language in step with the settings: applies both when
// constructed and again whenever they change.
class AppearanceController : public QObject
{
    Q_OBJECT
public:
    explicit AppearanceController(AppSettings *settings, QObject *parent = nullptr);

private:
    void apply(AppSettings::Key key);

    AppSettings *m_settings;
};

} // namespace kms::ui
