// SPDX-License-Identifier: MIT
// kms-admin: the KMS Admin desktop application.
#include "appsettings/AppSettings.h"
#include "appsettings/Appearance.h"
#include "engine/Engine.h"
#include "host/EngineHost.h"
#include "log/Log.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDirIterator>
#include <QIcon>

namespace {
// The icon theme's (what the package installed in hicolor, or a theme's own), else the PNGs compiled
// in, so a run from the build folder has the same icon.
QIcon applicationIcon(const QString &id)
{
    QIcon fallback;
    QDirIterator it(QStringLiteral(":/icons"), {id + QStringLiteral(".png")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        fallback.addFile(it.next());
    return QIcon::fromTheme(id, fallback);
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("kms-admin"));
    QApplication::setOrganizationName(QStringLiteral("kms-admin"));
    QApplication::setApplicationDisplayName(QStringLiteral("KMS Admin"));
    QApplication::setApplicationVersion(QStringLiteral(KMS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.kms_admin.KmsAdmin"));
    QApplication::setWindowIcon(applicationIcon(QApplication::desktopFileName()));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Knowledge-management search for support teams"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("The data directory (default: the one chosen in the settings, "
                                                    "else $KMS_DATA_DIR, else the platform's application data "
                                                    "folder)."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption page(QStringLiteral("page"), QStringLiteral("The page to show first."),
                                  QStringLiteral("ID"));
    parser.addOption(dataDir);
    parser.addOption(page);
    parser.process(app);

    kms::log::Options logOptions;
    logOptions.console = true;
    kms::log::init(logOptions);

    // Theme and language before the first window, so it is built in them from the start; the
    // language-change events this posts are delivered now, while there is no window to rebuild.
    kms::ui::AppSettings &settings = kms::ui::AppSettings::instance();
    kms::ui::AppearanceController appearance(&settings);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);

    kms::Engine::Options options;
    // The setting is read once: a new data directory is used from the next start.
    options.dataDirectory = kms::Engine::resolveDataDirectory(parser.isSet(dataDir) ? parser.value(dataDir)
                                                                              : settings.dataDirectory());
    options.startSampler = true;
    // The store appears at once; the vector index loads on a thread of its own meanwhile (seconds on
    // a large store), shown as "loading" on the dashboard, health page and search console.
    options.indexLoading = kms::Engine::Options::IndexLoading::InBackground;
    kms::ui::EngineHost host;
    // Opening reports back through the event loop, so the window below is connected in time; it
    // already knows which directory is being opened.
    host.open(options);

    kms::ui::MainWindow window(&host);
    if (parser.isSet(page))
        window.showPage(parser.value(page));
    window.show();
    // The window closes itself once the engine has shut down (EngineHost::closed).
    return QApplication::exec();
}
