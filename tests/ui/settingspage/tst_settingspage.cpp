// SPDX-License-Identifier: MIT
// The settings page over a real engine: it shows the engine's configuration, applies efSearch at
// once, asks before a rebuild or re-embed and runs it with progress and cancel, refuses invalid
// values with a message, and switches theme and language for the whole window.
#include "engine/EngineInternals.h"
#include "../../TestData.h"
#include "../../TestEngine.h"
#include "UiTestSupport.h"

#include "appsettings/AppSettings.h"
#include "appsettings/Appearance.h"
#include "host/EngineHost.h"
#include "index/VectorIndex.h"
#include "settingspage/ApplicationSettingsPanel.h"
#include "settingspage/EngineSettingsPanel.h"
#include "settingspage/SettingsPage.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QTemporaryDir>
#include <QtTest>

using namespace kms;
using namespace kms::ui;

namespace {

// A data directory holding `records` cases, ingested before the host opens it.
bool makeStore(const QTemporaryDir &dir, int records)
{
    const QString file = dir.filePath(QStringLiteral("cases.jsonl"));
    if (!testdata::writeCases(file, 0, records))
        return false;
    auto engine = testdata::openTestEngine(dir.filePath(QStringLiteral("data")));
    if (!engine)
        return false;
    IngestOptions o;
    o.files = {file};
    return engine->runJob(o).counts.inserted == records;
}

template<typename T> T *child(QWidget *root, const char *name)
{
    return root->findChild<T *>(QLatin1String(name));
}

} // namespace

class TestSettingsPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void showsTheEngineConfiguration();
    void efSearchAppliesAtOnce();
    void invalidValuesShowAMessageAndAreNotSaved();
    void hnswChangeAsksThenRebuilds();
    void redisUrlForWorkers();
    void reembedRunsInTheBackgroundAndCancelKeepsTheOldVectors();
    void rebuiltPageFollowsARunningChange();
    void languageSwitchesTheWholeWindow();
    void darkThemeFromThePage();
    void scheduledSyncsLeadToTheIngestionPage();
    void keyboardAndAccessibility();
    void screenshots();

private:
    bool openWith(int records);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EngineHost> m_host;
    AppSettings *m_settings = nullptr; // the instance the main window's pages use
};

void TestSettingsPage::initTestCase()
{
    // The application's settings live in the test-mode folder, never the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("kms-admin-tests"));
    m_settings = &AppSettings::instance();
}

void TestSettingsPage::init()
{
    for (auto key : {AppSettings::Key::DataDirectory, AppSettings::Key::Theme, AppSettings::Key::Language,
                     AppSettings::Key::IngestWorkers, AppSettings::Key::IngestBatchSize})
        m_settings->reset(key);
    m_dir = std::make_unique<QTemporaryDir>();
    m_host = std::make_unique<EngineHost>();
}

void TestSettingsPage::cleanup()
{
    QVERIFY(testui::closeHost(*m_host));
    m_host.reset();
    m_dir.reset();
}

bool TestSettingsPage::openWith(int records)
{
    if (!makeStore(*m_dir, records))
        return false;
    return testui::openHost(*m_host, m_dir->filePath(QStringLiteral("data")));
}

void TestSettingsPage::showsTheEngineConfiguration()
{
    // The page exists before the engine is open and fills in when it opens.
    SettingsPage page(m_host.get(), m_settings);
    QVERIFY(!page.enginePanel()->isLoaded());
    QVERIFY(!child<QPushButton>(&page, "engineApply")->isEnabled());
    QVERIFY(openWith(300));
    QTRY_VERIFY(page.enginePanel()->isLoaded());
    const EngineConfig c = testui::engineConfig(*m_host);
    for (const EngineConfig::KeyInfo &k : EngineConfig::keys()) {
        auto *spin = page.findChild<QSpinBox *>(QStringLiteral("engine_") + k.name);
        QVERIFY2(spin, qPrintable(k.name));
        QCOMPARE(spin->value(), c.value(k.name));
        QCOMPARE(spin->minimum(), k.min);
        QCOMPARE(spin->maximum(), k.max);
    }
    // The embedder section comes from the engine's description of its embedder.
    auto *embedderGroup = child<QGroupBox>(&page, "embedderGroup");
    QVERIFY(child<QLabel>(&page, "embedderId")->text().startsWith(QStringLiteral("hash-v1:d=256")));
    QVERIFY(embedderGroup->isAncestorOf(child<QSpinBox>(&page, "engine_embeddingDimension")));
    QCOMPARE(child<QLabel>(&page, "param_charNgrams")->text(), QStringLiteral("3–5"));
    QVERIFY(child<QGroupBox>(&page, "hnswGroup")->isAncestorOf(child<QSpinBox>(&page, "engine_hnswM")));
    QVERIFY(child<QPushButton>(&page, "engineApply")->isEnabled());
    QVERIFY(child<QLabel>(&page, "dataDirectoryNote")->text().contains(m_host->dataDirectory()));
}

void TestSettingsPage::efSearchAppliesAtOnce()
{
    QVERIFY(openWith(300));
    SettingsPage page(m_host.get(), m_settings);
    QTRY_VERIFY(page.enginePanel()->isLoaded());
    int asked = 0;
    page.enginePanel()->confirm = [&](QWidget *, const QString &, const QString &) { return ++asked, true; };
    auto *ef = child<QSpinBox>(&page, "engine_hnswEfSearch");
    ef->setValue(150);
    QSignalSpy finished(page.enginePanel(), &EngineSettingsPanel::applyFinished);
    QTest::mouseClick(child<QPushButton>(&page, "engineApply"), Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(asked, 0); // nothing to ask: it applies at once
    QCOMPARE(child<QLabel>(&page, "engineMessage")->text(), QStringLiteral("Applied."));
    QCOMPARE(testui::engineConfig(*m_host).hnswEfSearch, 150);
    QCOMPARE(ef->value(), 150);
    bool indexUses = false;
    QObject context;
    m_host->run(&context, [](Engine &e) { return internals(e).index().params().efSearch; },
                [&](int v) { indexUses = v == 150; });
    QTRY_VERIFY(indexUses);
}

void TestSettingsPage::invalidValuesShowAMessageAndAreNotSaved()
{
    QVERIFY(openWith(200));
    SettingsPage page(m_host.get(), m_settings);
    QTRY_VERIFY(page.enginePanel()->isLoaded());

    // Engine: a batch size between 1 and 49 fits the spin box but not the engine.
    auto *batch = child<QSpinBox>(&page, "engine_batchSize");
    batch->setValue(20);
    QTest::mouseClick(child<QPushButton>(&page, "engineApply"), Qt::LeftButton);
    auto *engineMessage = child<QLabel>(&page, "engineMessage");
    QVERIFY2(engineMessage->text().contains(QStringLiteral("batchSize")), qPrintable(engineMessage->text()));
    QVERIFY(engineMessage->property("error").toBool());
    QCOMPARE(testui::engineConfig(*m_host).batchSize, 0);
    QTest::mouseClick(child<QPushButton>(&page, "engineRevert"), Qt::LeftButton);
    QCOMPARE(batch->value(), 0);

    // Application: the same rule for the ingestion preset, typed and confirmed with Enter.
    auto *appBatch = child<QSpinBox>(&page, "ingestBatchSpin");
    appBatch->setFocus();
    appBatch->selectAll();
    QTest::keyClicks(appBatch, QStringLiteral("20"));
    QTest::keyClick(appBatch, Qt::Key_Return);
    auto *appMessage = child<QLabel>(&page, "appMessage");
    QVERIFY2(appMessage->text().contains(QStringLiteral("0 (automatic)")), qPrintable(appMessage->text()));
    QVERIFY(appMessage->property("error").toBool());
    QCOMPARE(m_settings->ingestBatchSize(), 0);
    appBatch->selectAll();
    QTest::keyClicks(appBatch, QStringLiteral("300"));
    QTest::keyClick(appBatch, Qt::Key_Return);
    QCOMPARE(m_settings->ingestBatchSize(), 300);
    QVERIFY(appMessage->text().isEmpty());

    // A relative data directory.
    auto *dataDir = child<QLineEdit>(&page, "dataDirectoryEdit");
    dataDir->setFocus();
    QTest::keyClicks(dataDir, QStringLiteral("relative/dir"));
    QTest::keyClick(dataDir, Qt::Key_Return);
    QVERIFY2(appMessage->text().contains(QStringLiteral("absolute path")), qPrintable(appMessage->text()));
    QCOMPARE(m_settings->dataDirectory(), QString());
    // Chosen through the (seamed) folder dialog: saved, used from the next start.
    const QString chosen = m_dir->filePath(QStringLiteral("next"));
    page.applicationPanel()->chooseDirectory = [&](QWidget *, const QString &) { return chosen; };
    QTest::mouseClick(child<QPushButton>(&page, "dataDirectoryBrowse"), Qt::LeftButton);
    QCOMPARE(m_settings->dataDirectory(), chosen);
    QVERIFY2(appMessage->text().contains(QStringLiteral("next start")), qPrintable(appMessage->text()));
}

void TestSettingsPage::redisUrlForWorkers()
{
    QVERIFY(openWith(50));
    SettingsPage page(m_host.get(), m_settings);
    QTRY_VERIFY(page.enginePanel()->isLoaded());
    auto *url = child<QLineEdit>(&page, "engine_redisUrl");
    auto *state = child<QLabel>(&page, "workersState");
    auto *message = child<QLabel>(&page, "engineMessage");
    QVERIFY(url->text().isEmpty());
    QVERIFY2(state->text().startsWith(QStringLiteral("Off")), qPrintable(state->text()));

    // TLS is refused (the Redis client cannot do it) with the field in focus, and nothing is saved.
    url->setText(QStringLiteral("rediss://cache.example:6380"));
    QTest::mouseClick(child<QPushButton>(&page, "engineApply"), Qt::LeftButton);
    QVERIFY2(message->text().contains(QStringLiteral("TLS")), qPrintable(message->text()));
    QVERIFY(message->property("error").toBool());
    QCOMPARE(page.focusWidget(), url);
    QCOMPARE(testui::engineConfig(*m_host).redisUrl, QString());

    // A Redis that is not there: applied at once, and the page says it cannot be reached.
    const QString withPassword = QStringLiteral("redis://worker:secret@127.0.0.1:1");
    url->setText(withPassword);
    QSignalSpy finished(page.enginePanel(), &EngineSettingsPanel::applyFinished);
    QTest::mouseClick(child<QPushButton>(&page, "engineApply"), Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(finished.at(0).at(0).toBool());
    QCOMPARE(testui::engineConfig(*m_host).redisUrl, withPassword);
    QTRY_VERIFY2(state->text().contains(QStringLiteral("cannot be reached")), qPrintable(state->text()));
    QVERIFY2(!state->text().contains(QStringLiteral("secret")), qPrintable(state->text()));

    // The password is never shown, and another change keeps it.
    QTRY_COMPARE(url->text(), QStringLiteral("redis://worker:****@127.0.0.1:1"));
    child<QSpinBox>(&page, "engine_hnswEfSearch")->setValue(120);
    QTest::mouseClick(child<QPushButton>(&page, "engineApply"), Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 2);
    QCOMPARE(testui::engineConfig(*m_host).hnswEfSearch, 120);
    QCOMPARE(testui::engineConfig(*m_host).redisUrl, withPassword);

    // Emptied: distributed embedding is off again.
    QTRY_VERIFY(url->isEnabled());
    url->clear();
    QTest::mouseClick(child<QPushButton>(&page, "engineApply"), Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 3);
    QCOMPARE(testui::engineConfig(*m_host).redisUrl, QString());
    QTRY_VERIFY2(state->text().startsWith(QStringLiteral("Off")), qPrintable(state->text()));
}

void TestSettingsPage::hnswChangeAsksThenRebuilds()
{
    QVERIFY(openWith(2000));
    SettingsPage page(m_host.get(), m_settings);
    QTRY_VERIFY(page.enginePanel()->isLoaded());
    QString question;
    bool answer = false;
    page.enginePanel()->confirm = [&](QWidget *, const QString &, const QString &text) {
        question = text;
        return answer;
    };
    auto *m = child<QSpinBox>(&page, "engine_hnswM");
    m->setValue(24);
    auto *apply = child<QPushButton>(&page, "engineApply");
    QTest::mouseClick(apply, Qt::LeftButton);
    QVERIFY2(question.contains(QStringLiteral("2,000")), qPrintable(question));
    QCOMPARE(child<QLabel>(&page, "engineMessage")->text(), QStringLiteral("Not applied."));
    QCOMPARE(testui::engineConfig(*m_host).hnswM, 16);

    answer = true;
    QSignalSpy finished(page.enginePanel(), &EngineSettingsPanel::applyFinished);
    QTest::mouseClick(apply, Qt::LeftButton);
    QVERIFY(child<QWidget>(&page, "engineProgressRow")->isVisibleTo(&page));
    QVERIFY(!apply->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY(!child<QWidget>(&page, "engineProgressRow")->isVisibleTo(&page));
    QCOMPARE(testui::engineConfig(*m_host).hnswM, 24);
    QCOMPARE(m->value(), 24);
}

void TestSettingsPage::reembedRunsInTheBackgroundAndCancelKeepsTheOldVectors()
{
    QVERIFY(openWith(6000));
    SettingsPage page(m_host.get(), m_settings);
    QTRY_VERIFY(page.enginePanel()->isLoaded());
    page.enginePanel()->confirm = [](QWidget *, const QString &, const QString &) { return true; };
    auto *dimension = child<QSpinBox>(&page, "engine_embeddingDimension");
    auto *apply = child<QPushButton>(&page, "engineApply");
    QSignalSpy finished(page.enginePanel(), &EngineSettingsPanel::applyFinished);

    // Cancelled at once: the engine keeps its vectors and embedder.
    dimension->setValue(128);
    QTest::mouseClick(apply, Qt::LeftButton);
    // The page reads what the re-embed takes before it asks; then the change starts.
    QTRY_VERIFY(child<QWidget>(&page, "engineProgressRow")->isVisibleTo(&page));
    QTest::mouseClick(child<QPushButton>(&page, "engineCancel"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY2(child<QLabel>(&page, "engineMessage")->text().startsWith(QStringLiteral("Cancelled")),
             qPrintable(child<QLabel>(&page, "engineMessage")->text()));
    QCOMPARE(testui::engineConfig(*m_host).embeddingDimension, 256);
    QCOMPARE(dimension->value(), 256);
    QVERIFY(child<QLabel>(&page, "embedderId")->text().contains(QStringLiteral("d=256")));

    // Run to the end: progress shows, then the new embedder is in use.
    dimension->setValue(128);
    int maxProgress = 0;
    auto *bar = child<QProgressBar>(&page, "engineProgress");
    connect(bar, &QProgressBar::valueChanged, this, [&](int v) { maxProgress = std::max(maxProgress, v); });
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);
    QCOMPARE(finished.at(1).at(0).toBool(), true);
    QCOMPARE(maxProgress, 1000);
    QCOMPARE(testui::engineConfig(*m_host).embeddingDimension, 128);
    QVERIFY(child<QLabel>(&page, "embedderId")->text().contains(QStringLiteral("d=128")));
    QVERIFY(child<QLabel>(&page, "engineMessage")->text().contains(QStringLiteral("re-embedded")));
}

void TestSettingsPage::rebuiltPageFollowsARunningChange()
{
    QVERIFY(openWith(4000));
    MainWindow window(m_host.get());
    window.show();
    QVERIFY(window.showPage(QStringLiteral("settings")));
    auto *page = qobject_cast<SettingsPage *>(window.page(QStringLiteral("settings")));
    QVERIFY(page);
    QTRY_VERIFY(page->enginePanel()->isLoaded());
    page->enginePanel()->confirm = [](QWidget *, const QString &, const QString &) { return true; };
    child<QSpinBox>(page, "engine_hnswEfConstruction")->setValue(100);
    QTest::mouseClick(child<QPushButton>(page, "engineApply"), Qt::LeftButton);
    // The rebuild runs; the page is replaced (as a language switch does) before it reports back.
    window.rebuildPages();
    auto *rebuilt = qobject_cast<SettingsPage *>(window.page(QStringLiteral("settings")));
    QVERIFY(rebuilt && rebuilt != page);
    QCOMPARE(window.currentPageId(), QStringLiteral("settings"));
    QVERIFY(child<QWidget>(rebuilt, "engineProgressRow")->isVisibleTo(rebuilt));
    QSignalSpy finished(rebuilt->enginePanel(), &EngineSettingsPanel::applyFinished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(child<QSpinBox>(rebuilt, "engine_hnswEfConstruction")->value(), 100);
    QCOMPARE(testui::engineConfig(*m_host).hnswEfConstruction, 100);
}

void TestSettingsPage::languageSwitchesTheWholeWindow()
{
    QVERIFY(openWith(100));
    AppearanceController appearance(m_settings);
    QVERIFY(m_settings->setLanguage(AppSettings::Language::English));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange); // as main() does
    MainWindow window(m_host.get());
    window.show();
    QTRY_VERIFY(qobject_cast<SettingsPage *>(window.page(QStringLiteral("settings")))->enginePanel()->isLoaded());
    auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
    auto settingsRow = [&] {
        return sidebar->item(int(window.pageIds().indexOf(QStringLiteral("settings"))));
    };
    QCOMPARE(settingsRow()->text(), QStringLiteral("Settings"));
    window.showPage(QStringLiteral("settings"));

    auto *language = window.findChild<QComboBox *>(QStringLiteral("languageCombo"));
    language->setFocus();
    QTest::keyClick(language, Qt::Key_End); // Deutsch
    QCOMPARE(m_settings->language(), AppSettings::Language::German);
    QTRY_COMPARE(settingsRow()->text(), QStringLiteral("Einstellungen"));
    QCOMPARE(window.currentPageId(), QStringLiteral("settings"));
    QWidget *page = window.page(QStringLiteral("settings"));
    QCOMPARE(child<QLabel>(page, "settingsTitle")->text(), QStringLiteral("Einstellungen"));
    QCOMPARE(child<QGroupBox>(page, "appearanceGroup")->title(), QStringLiteral("Darstellung"));
    QCOMPARE(child<QLabel>(page, "languageLabel")->text(), QStringLiteral("&Sprache"));
    QCOMPARE(child<QPushButton>(page, "engineApply")->text(), QStringLiteral("Übernehmen"));
    QTRY_VERIFY(qobject_cast<SettingsPage *>(page)->enginePanel()->isLoaded());
    QCOMPARE(child<QLabel>(page, "label_hnswEfSearch")->text(), QStringLiteral("Suchbreite (efSearch)"));
    QCOMPARE(child<QSpinBox>(page, "engine_embeddingCacheEntries")->text(), QStringLiteral("100.000 Einträge"));
    QCOMPARE(child<QLabel>(&window, "openState")->text(), m_host->dataDirectory());
    QCOMPARE(window.windowTitle(), QStringLiteral("KMS Admin"));
    // Qt's own strings (standard buttons) follow when Qt's German catalogue is installed.
    if (QFileInfo::exists(appearance::qtTranslationsPath() + QStringLiteral("/qtbase_de.qm")))
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "&Yes"), QStringLiteral("&Ja"));
    // Numbers in the German way too.
    QCOMPARE(QLocale().toString(1234567), QStringLiteral("1.234.567"));

    language = page->findChild<QComboBox *>(QStringLiteral("languageCombo"));
    QCOMPARE(language->currentText(), QStringLiteral("Deutsch"));
    language->setFocus();
    QTest::keyClick(language, Qt::Key_Up); // English
    QTRY_COMPARE(settingsRow()->text(), QStringLiteral("Settings"));
    page = window.page(QStringLiteral("settings"));
    QCOMPARE(child<QGroupBox>(page, "appearanceGroup")->title(), QStringLiteral("Appearance"));
    QCOMPARE(child<QLabel>(page, "settingsTitle")->text(), QStringLiteral("Settings"));
    QCOMPARE(m_settings->language(), AppSettings::Language::English);
}

void TestSettingsPage::darkThemeFromThePage()
{
    AppearanceController appearance(m_settings);
    SettingsPage page(m_host.get(), m_settings);
    page.show();
    auto *theme = child<QComboBox>(&page, "themeCombo");
    theme->setFocus();
    QTest::keyClick(theme, Qt::Key_End); // Dark
    QCOMPARE(m_settings->theme(), AppSettings::Theme::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QTRY_VERIFY(page.palette().color(QPalette::Base).lightness() < 80); // widgets follow by event
    QTest::keyClick(theme, Qt::Key_Home); // System
    QCOMPARE(m_settings->theme(), AppSettings::Theme::System);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 128);
}

void TestSettingsPage::scheduledSyncsLeadToTheIngestionPage()
{
    MainWindow window(m_host.get());
    auto *page = qobject_cast<SettingsPage *>(window.page(QStringLiteral("settings")));
    QVERIFY(page);
    auto *button = child<QPushButton>(page, "schedulesButton");
    // Only offered when the window has an ingestion page.
    QCOMPARE(button->isEnabled(), window.pageIds().contains(QStringLiteral("ingestion")));
    page->setSchedulesAvailable(true);
    QSignalSpy requested(page, &SettingsPage::showPageRequested);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("ingestion"));
}

void TestSettingsPage::keyboardAndAccessibility()
{
    QVERIFY(openWith(50));
    SettingsPage page(m_host.get(), m_settings);
    page.setSchedulesAvailable(true);
    page.show();
    QTRY_VERIFY(page.enginePanel()->isLoaded());
    // Every input has a name a screen reader can say.
    const auto widgets = page.findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        const bool input = qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w)
                           || qobject_cast<QSpinBox *>(w) || qobject_cast<QPushButton *>(w);
        if (input && !w->objectName().startsWith(QStringLiteral("qt_")) && w->parentWidget()
            && !qobject_cast<QSpinBox *>(w->parentWidget()))
            QVERIFY2(!w->accessibleName().isEmpty() || !w->property("text").toString().isEmpty(),
                     qPrintable(w->objectName()));
    }
    // Tab walks the application column, then the engine column, in reading order.
    const QStringList expected = {
        "dataDirectoryEdit", "dataDirectoryBrowse", "themeCombo", "languageCombo", "ingestWorkersSpin",
        "ingestBatchSpin", "schedulesButton", "appDefaults", "embedderProvider", "engine_embeddingDimension",
        "embedderTest", "engine_hnswM", "engine_hnswEfConstruction", "engine_hnswEfSearch", "engine_workers", "engine_batchSize",
        "engine_embeddingCacheEntries", "engine_indexSaveIntervalSec", "engine_metricsRetentionDays",
        "engine_redisUrl", "engineRevert", "engineApply"};
    QStringList seen;
    QWidget *w = child<QWidget>(&page, "dataDirectoryEdit");
    for (int guard = 0; w && guard < 400 && seen.size() < expected.size(); ++guard) {
        if (w->focusPolicy() & Qt::TabFocus && w->isEnabled() && w->isVisibleTo(&page)
            && !w->objectName().isEmpty() && !w->objectName().startsWith(QStringLiteral("qt_")))
            seen << w->objectName();
        w = w->nextInFocusChain();
    }
    QCOMPARE(seen, expected);
}

// Not a check: pictures of the page for docs/screenshots when KMS_SCREENSHOT_DIR is set.
void TestSettingsPage::screenshots()
{
    const QString out = qEnvironmentVariable("KMS_SCREENSHOT_DIR");
    if (out.isEmpty())
        QSKIP("KMS_SCREENSHOT_DIR is not set");
    QVERIFY(openWith(5000));
    AppearanceController appearance(m_settings);
    QVERIFY(m_settings->setLanguage(AppSettings::Language::English));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    MainWindow window(m_host.get());
    window.resize(1280, 820);
    window.show();
    window.showPage(QStringLiteral("settings"));
    QTRY_VERIFY(qobject_cast<SettingsPage *>(window.page(QStringLiteral("settings")))->enginePanel()->isLoaded());
    QTest::qWait(300);
    QVERIFY(window.grab().save(out + QStringLiteral("/settings.png")));
    // The end of the engine column: the embedding workers.
    auto *url = window.page(QStringLiteral("settings"))->findChild<QLineEdit *>(QStringLiteral("engine_redisUrl"));
    QVERIFY(url);
    for (QWidget *w = url->parentWidget(); w; w = w->parentWidget()) {
        if (auto *scroll = qobject_cast<QScrollArea *>(w)) {
            scroll->ensureWidgetVisible(window.page(QStringLiteral("settings"))
                                            ->findChild<QPushButton *>(QStringLiteral("engineApply")), 0, 20);
            break;
        }
    }
    QTest::qWait(300);
    QVERIFY(window.grab().save(out + QStringLiteral("/settings-workers.png")));
    QVERIFY(m_settings->setLanguage(AppSettings::Language::German));
    QTRY_COMPARE(window.windowTitle(), QStringLiteral("KMS Admin"));
    QTRY_VERIFY(window.page(QStringLiteral("settings"))->findChild<QLabel *>(QStringLiteral("settingsTitle"))->text()
                == QStringLiteral("Einstellungen"));
    QTRY_VERIFY(qobject_cast<SettingsPage *>(window.page(QStringLiteral("settings")))->enginePanel()->isLoaded());
    QTest::qWait(300);
    QVERIFY(window.grab().save(out + QStringLiteral("/settings-de.png")));
    QVERIFY(m_settings->setLanguage(AppSettings::Language::English));
    QVERIFY(m_settings->setTheme(AppSettings::Theme::Dark));
    QTRY_VERIFY(qobject_cast<SettingsPage *>(window.page(QStringLiteral("settings")))->enginePanel()->isLoaded());
    QTest::qWait(300);
    QVERIFY(window.grab().save(out + QStringLiteral("/settings-dark.png")));
    QVERIFY(m_settings->setTheme(AppSettings::Theme::System));
}

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
