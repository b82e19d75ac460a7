// SPDX-License-Identifier: MIT
// The application's settings: defaults, validation messages, persistence across instances, the
// migration of an old layout, and the theme they drive.
#include "appsettings/AppSettings.h"
#include "appsettings/Appearance.h"

#include <QApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTemporaryDir>
#include <QtTest>

using namespace kms::ui;
using Key = AppSettings::Key;

class TestAppSettings : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void defaults();
    void validationMessages_data();
    void validationMessages();
    void refusedValueIsNotStored();
    void changedSignal();
    void persistsAcrossInstances();
    void migratesVersion1();
    void newerVersionIsLeftAlone();
    void handEditedGarbageReadsAsDefault();
    void darkThemeSetsADarkPalette();

private:
    QString iniPath() const { return m_dir.filePath(QStringLiteral("kms-admin.ini")); }
    QTemporaryDir m_dir;
};

void TestAppSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("kms-admin-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_appsettings"));
}

void TestAppSettings::init()
{
    QFile::remove(iniPath());
    QSettings().clear(); // the test-mode user settings of the default constructor
}

void TestAppSettings::defaults()
{
    AppSettings s(iniPath());
    QCOMPARE(s.dataDirectory(), QString());
    QCOMPARE(s.theme(), AppSettings::Theme::System);
    QCOMPARE(s.language(), AppSettings::Language::System);
    QCOMPARE(s.ingestWorkers(), 0);
    QCOMPARE(s.ingestBatchSize(), 0);
    QCOMPARE(s.apiEnabled(), false);
    QCOMPARE(s.apiHost(), QStringLiteral("127.0.0.1"));
    QCOMPARE(s.apiPort(), 8080);
    QCOMPARE(s.storedVersion(), AppSettings::kVersion);
    for (Key k : {Key::DataDirectory, Key::Theme, Key::Language, Key::IngestWorkers, Key::IngestBatchSize, Key::ApiEnabled,
                  Key::ApiHost, Key::ApiPort})
        QCOMPARE(s.value(k), AppSettings::defaultValue(k));
    // Reading writes nothing; the first value set records the layout version with it.
    s.sync();
    QVERIFY(!QFile::exists(iniPath()));
    QVERIFY(s.setIngestWorkers(2));
    s.sync();
    QCOMPARE(QSettings(iniPath(), QSettings::IniFormat).value(QStringLiteral("settingsVersion")).toInt(),
             AppSettings::kVersion);
}

void TestAppSettings::validationMessages_data()
{
    QTest::addColumn<Key>("key");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("mentions"); // what the message must say

    QTemporaryDir *dir = &m_dir;
    const QString file = dir->filePath(QStringLiteral("a-file"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QTest::newRow("relative data dir") << Key::DataDirectory << QVariant(QStringLiteral("data/kms"))
                                       << QStringLiteral("absolute path");
    QTest::newRow("data dir is a file") << Key::DataDirectory << QVariant(file) << QStringLiteral("is a file");
    QTest::newRow("unknown theme") << Key::Theme << QVariant(QStringLiteral("purple")) << QStringLiteral("purple");
    QTest::newRow("unknown language") << Key::Language << QVariant(QStringLiteral("fr")) << QStringLiteral("“fr”");
    QTest::newRow("workers too many") << Key::IngestWorkers << QVariant(500) << QStringLiteral("from 0 to 128");
    QTest::newRow("workers not a number") << Key::IngestWorkers << QVariant(QStringLiteral("many"))
                                          << QStringLiteral("“many”");
    QTest::newRow("batch below 50") << Key::IngestBatchSize << QVariant(20) << QStringLiteral("0 (automatic)");
    QTest::newRow("batch too large") << Key::IngestBatchSize << QVariant(20000) << QStringLiteral("“20000”");
    QTest::newRow("api host a name") << Key::ApiHost << QVariant(QStringLiteral("my-server")) << QStringLiteral("“my-server”");
    QTest::newRow("api port 0") << Key::ApiPort << QVariant(0) << QStringLiteral("1 to 65535");
    QTest::newRow("api port too large") << Key::ApiPort << QVariant(70000) << QStringLiteral("“70000”");
    QTest::newRow("api on not a boolean") << Key::ApiEnabled << QVariant(QStringLiteral("maybe")) << QStringLiteral("“maybe”");
}

void TestAppSettings::validationMessages()
{
    QFETCH(Key, key);
    QFETCH(QVariant, value);
    QFETCH(QString, mentions);
    const QString message = AppSettings::validate(key, value);
    QVERIFY2(message.contains(mentions), qPrintable(message));
}

void TestAppSettings::refusedValueIsNotStored()
{
    AppSettings s(iniPath());
    QVERIFY(s.setIngestBatchSize(200));
    QSignalSpy changed(&s, &AppSettings::changed);
    QString error;
    QVERIFY(!s.setIngestBatchSize(20, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(s.ingestBatchSize(), 200);
    QCOMPARE(changed.count(), 0);
    QVERIFY(!s.setDataDirectory(QStringLiteral("relative"), &error));
    QCOMPARE(s.dataDirectory(), QString());
    // Valid edge values are accepted.
    QVERIFY(s.setIngestBatchSize(0));
    QVERIFY(s.setIngestBatchSize(50));
    QVERIFY(s.setIngestWorkers(128));
}

void TestAppSettings::changedSignal()
{
    AppSettings s(iniPath());
    QSignalSpy changed(&s, &AppSettings::changed);
    QVERIFY(s.setTheme(AppSettings::Theme::Dark));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<Key>(), Key::Theme);
    QVERIFY(s.setTheme(AppSettings::Theme::Dark)); // same value: no signal
    QCOMPARE(changed.count(), 1);
    QVERIFY(s.setValue(Key::Language, QStringLiteral("de")));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(1).at(0).value<Key>(), Key::Language);
    s.reset(Key::Language);
    QCOMPARE(changed.count(), 3);
    QCOMPARE(s.language(), AppSettings::Language::System);
}

void TestAppSettings::persistsAcrossInstances()
{
    const QString data = m_dir.filePath(QStringLiteral("data"));
    {
        AppSettings s; // the application's QSettings, in the test-mode location
        QVERIFY(s.setDataDirectory(data));
        QVERIFY(s.setTheme(AppSettings::Theme::Light));
        QVERIFY(s.setLanguage(AppSettings::Language::German));
        QVERIFY(s.setIngestWorkers(3));
        QVERIFY(s.setIngestBatchSize(400));
        QVERIFY(s.setApiEnabled(true));
        QVERIFY(s.setApiHost(QStringLiteral(" 0.0.0.0 ")));
        QVERIFY(s.setApiPort(9090));
    }
    AppSettings again;
    QCOMPARE(again.dataDirectory(), data);
    QCOMPARE(again.theme(), AppSettings::Theme::Light);
    QCOMPARE(again.language(), AppSettings::Language::German);
    QCOMPARE(again.ingestWorkers(), 3);
    QCOMPARE(again.ingestBatchSize(), 400);
    QCOMPARE(again.apiEnabled(), true);
    QCOMPARE(again.apiHost(), QStringLiteral("0.0.0.0"));
    QCOMPARE(again.apiPort(), 9090);
    // Stored under the documented names, in the test-mode folder, not the user's real settings.
    QSettings raw;
    QCOMPARE(raw.value(QStringLiteral("appearance/theme")).toString(), QStringLiteral("light"));
    QVERIFY2(raw.fileName().contains(QStringLiteral("qttest")), qPrintable(raw.fileName()));
}

void TestAppSettings::migratesVersion1()
{
    const QString data = m_dir.filePath(QStringLiteral("old-data"));
    {
        QSettings old(iniPath(), QSettings::IniFormat);
        old.setValue(QStringLiteral("settingsVersion"), 1);
        old.setValue(QStringLiteral("dataDirectory"), data);
        old.setValue(QStringLiteral("darkTheme"), true);
        old.setValue(QStringLiteral("locale"), QStringLiteral("de_DE"));
        old.setValue(QStringLiteral("workers"), 6);
        old.setValue(QStringLiteral("batchSize"), 10); // invalid now: dropped, the default applies
    }
    {
        AppSettings s(iniPath());
        QCOMPARE(s.storedVersion(), 2);
        QCOMPARE(s.dataDirectory(), data);
        QCOMPARE(s.theme(), AppSettings::Theme::Dark);
        QCOMPARE(s.language(), AppSettings::Language::German);
        QCOMPARE(s.ingestWorkers(), 6);
        QCOMPARE(s.ingestBatchSize(), 0);
        s.sync();
    }
    QSettings raw(iniPath(), QSettings::IniFormat);
    for (const char *gone : {"dataDirectory", "darkTheme", "locale", "workers", "batchSize"})
        QVERIFY2(!raw.contains(QLatin1String(gone)), gone);
    QCOMPARE(raw.value(QStringLiteral("ingestion/workers")).toInt(), 6);

    // Version 1 without its version key (written before versions were recorded), light look.
    QFile::remove(iniPath());
    {
        QSettings old(iniPath(), QSettings::IniFormat);
        old.setValue(QStringLiteral("darkTheme"), false);
        old.setValue(QStringLiteral("locale"), QStringLiteral("en_GB"));
    }
    AppSettings s(iniPath());
    QCOMPARE(s.theme(), AppSettings::Theme::System);
    QCOMPARE(s.language(), AppSettings::Language::English);
}

void TestAppSettings::newerVersionIsLeftAlone()
{
    {
        QSettings future(iniPath(), QSettings::IniFormat);
        future.setValue(QStringLiteral("settingsVersion"), 99);
        future.setValue(QStringLiteral("appearance/theme"), QStringLiteral("dark"));
        future.setValue(QStringLiteral("appearance/accent"), QStringLiteral("teal"));
    }
    AppSettings s(iniPath());
    QCOMPARE(s.storedVersion(), 99);
    QCOMPARE(s.theme(), AppSettings::Theme::Dark);
    s.sync();
    QSettings raw(iniPath(), QSettings::IniFormat);
    QCOMPARE(raw.value(QStringLiteral("appearance/accent")).toString(), QStringLiteral("teal"));
}

void TestAppSettings::handEditedGarbageReadsAsDefault()
{
    {
        QSettings edited(iniPath(), QSettings::IniFormat);
        edited.setValue(QStringLiteral("settingsVersion"), 2);
        edited.setValue(QStringLiteral("appearance/theme"), QStringLiteral("neon"));
        edited.setValue(QStringLiteral("ingestion/batchSize"), QStringLiteral("lots"));
        edited.setValue(QStringLiteral("ingestion/workers"), QStringLiteral(" 4 "));
    }
    AppSettings s(iniPath());
    QCOMPARE(s.theme(), AppSettings::Theme::System);
    QCOMPARE(s.ingestBatchSize(), 0);
    QCOMPARE(s.ingestWorkers(), 4);
}

void TestAppSettings::darkThemeSetsADarkPalette()
{
    const QPalette before = QApplication::palette();
    const QString styleBefore = QApplication::style()->name();
    QVERIFY(before.color(QPalette::Window).lightness() > 128);

    AppSettings s(iniPath());
    AppearanceController controller(&s);
    QVERIFY(s.setTheme(AppSettings::Theme::Dark));
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 200);
    QCOMPARE(QApplication::palette().color(QPalette::Base), appearance::darkPalette().color(QPalette::Base));

    QVERIFY(s.setTheme(AppSettings::Theme::Light));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 128);

    QVERIFY(s.setTheme(AppSettings::Theme::System));
    QCOMPARE(QApplication::style()->name(), styleBefore);
    QCOMPARE(QApplication::palette().color(QPalette::Window), before.color(QPalette::Window));
    QCOMPARE(QApplication::palette().color(QPalette::Text), before.color(QPalette::Text));
}

QTEST_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
