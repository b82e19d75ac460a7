// SPDX-License-Identifier: MIT
#include "appsettings/Appearance.h"

#include "log/Log.h"

#include <QApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QStyle>
#include <QTranslator>
#include <QWidget>

#include <spdlog/spdlog.h>

#include <memory>

namespace kms::ui {

namespace {

auto logger()
{
    static auto l = log::get("kms.ui.settings");
    return l;
}

// What the platform chose, captured before the first change, so System can go back to it.
struct PlatformLook {
    QString style;
    QPalette palette;
};

const PlatformLook &platformLook()
{
    static const PlatformLook look{QApplication::style()->name(), QApplication::palette()};
    return look;
}

std::unique_ptr<QTranslator> &ourTranslator()
{
    static std::unique_ptr<QTranslator> t;
    return t;
}

std::unique_ptr<QTranslator> &qtTranslator()
{
    static std::unique_ptr<QTranslator> t;
    return t;
}

QString &installedCode()
{
    static QString code;
    return code;
}

void removeTranslator(std::unique_ptr<QTranslator> &t)
{
    if (t) {
        QCoreApplication::removeTranslator(t.get());
        t.reset();
    }
}

} // namespace

namespace appearance {

QPalette darkPalette()
{
    // Neutral greys with enough contrast for text (WCAG AA on Base and Window) and a blue accent.
    const QColor window(0x2d, 0x2f, 0x33);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor alternate(0x27, 0x29, 0x2d);
    const QColor text(0xe8, 0xea, 0xed);
    const QColor disabledText(0x8a, 0x8f, 0x98);
    const QColor button(0x36, 0x39, 0x3e);
    const QColor highlight(0x3d, 0x8b, 0xe0);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alternate);
    p.setColor(QPalette::ToolTipBase, button);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Link, QColor(0x7c, 0xb7, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xff));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, button.lighter(130));
    p.setColor(QPalette::Midlight, button.lighter(115));
    p.setColor(QPalette::Mid, button.darker(120));
    p.setColor(QPalette::Dark, base.darker(130));
    p.setColor(QPalette::Shadow, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::Button, window);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x55, 0x5a, 0x63));
    return p;
}

void applyTheme(AppSettings::Theme theme)
{
    const PlatformLook &platform = platformLook();
    switch (theme) {
    case AppSettings::Theme::Dark:
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(darkPalette());
        break;
    case AppSettings::Theme::Light:
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case AppSettings::Theme::System:
        QApplication::setStyle(platform.style);
        QApplication::setPalette(platform.palette);
        break;
    }
    logger()->info("theme {} (style {})", AppSettings::themeName(theme).toStdString(),
                   QApplication::style()->name().toStdString());
}

QString resolveLanguage(AppSettings::Language language)
{
    switch (language) {
    case AppSettings::Language::English: return QStringLiteral("en");
    case AppSettings::Language::German: return QStringLiteral("de");
    case AppSettings::Language::System: break;
    }
    const QStringList preferred = QLocale::system().uiLanguages();
    for (const QString &tag : preferred) {
        const QString code = tag.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
        if (code == u"de" || code == u"en")
            return code;
    }
    return QStringLiteral("en");
}

QString qtTranslationsPath()
{
    return QLibraryInfo::path(QLibraryInfo::TranslationsPath);
}

bool installLanguage(const QString &code, QString *error)
{
    removeTranslator(qtTranslator());
    removeTranslator(ourTranslator());
    installedCode() = code;
    QLocale::setDefault(QLocale(code));
    // Widgets keep the locale they resolved when made: windows without one of their own take the
    // new default (their children follow), so numbers in spin boxes change with the language.
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *w : windows) {
        if (!w->testAttribute(Qt::WA_SetLocale))
            w->unsetLocale();
    }

    // Qt's own strings (standard buttons, file dialogs). Optional: without them those stay English.
    auto qt = std::make_unique<QTranslator>();
    if (code != u"en" && qt->load(QStringLiteral("qtbase_") + code, qtTranslationsPath())) {
        QCoreApplication::installTranslator(qt.get());
        qtTranslator() = std::move(qt);
    } else if (code != u"en") {
        logger()->warn("Qt's own translations for {} are not installed in {}", code.toStdString(),
                       qtTranslationsPath().toStdString());
    }

    auto ours = std::make_unique<QTranslator>();
    const QString path = QStringLiteral(":/i18n/kms-admin_%1.qm").arg(code);
    if (!ours->load(path)) {
        if (error)
            *error = QStringLiteral("cannot load the translation %1").arg(path);
        logger()->error("cannot load the translation {}", path.toStdString());
        return false;
    }
    QCoreApplication::installTranslator(ours.get());
    ourTranslator() = std::move(ours);
    logger()->info("language {}", code.toStdString());
    return true;
}

QString installedLanguage()
{
    return installedCode();
}

} // namespace appearance

AppearanceController::AppearanceController(AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    apply(AppSettings::Key::Theme);
    apply(AppSettings::Key::Language);
    connect(settings, &AppSettings::changed, this, &AppearanceController::apply);
}

void AppearanceController::apply(AppSettings::Key key)
{
    if (key == AppSettings::Key::Theme) {
        appearance::applyTheme(m_settings->theme());
    } else if (key == AppSettings::Key::Language) {
        const QString code = appearance::resolveLanguage(m_settings->language());
        if (code != appearance::installedLanguage())
            appearance::installLanguage(code);
    }
}

} // namespace kms::ui
