// SPDX-License-Identifier: MIT
// Settings -> Embedder over a real engine: each provider's fields, the Test button on the form's
// (not yet applied) embedder, the cost estimate before a paid re-embed, and the switch itself with
// progress: to an OpenAI-protocol server on 127.0.0.1, to an LSA model trained from the page, and to
// a sentence-transformers folder picked with the folder dialog.
#include "../../TestData.h"
#include "../../TestEngine.h"
#include "../../encoder/TinyBert.h"
#include "../../remote/MockEmbeddingServer.h"
#include "UiTestSupport.h"

#include "host/EngineHost.h"
#include "settingspage/EmbedderForm.h"
#include "settingspage/EngineSettingsPanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace kms;
using namespace kms::ui;

namespace {

template<typename T> T *child(QWidget *root, const char *name)
{
    auto *w = root->findChild<T *>(QLatin1String(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

void chooseProvider(QWidget *root, const QString &provider)
{
    auto *combo = child<QComboBox>(root, "embedderProvider");
    combo->setCurrentIndex(combo->findData(provider));
}

// Counts a widget's turns to visible: a short job can show and hide the progress row between two
// polls of QTRY_VERIFY, which then never sees it.
class ShowCounter : public QObject
{
public:
    int shows = 0;
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::ShowToParent)
            ++shows;
        return false;
    }
};

} // namespace

class TestEmbedderForm : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void serverProviderIsValidatedTestedEstimatedAndApplied();
    void testSaysWhyAnEmbedderDoesNotWork();
    void lsaIsTrainedFromThePage();
    void modelFolderFromTheFolderDialog();
    void otherProvidersPagesChangeNothing();
    void screenshot();

private:
    bool openWith(int records);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<EngineSettingsPanel> m_panel;
    QStringList m_asked; // the confirmation texts the panel showed
};

void TestEmbedderForm::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestEmbedderForm::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_host = std::make_unique<EngineHost>();
    m_asked.clear();
}

void TestEmbedderForm::cleanup()
{
    m_panel.reset();
    QVERIFY(testui::closeHost(*m_host));
    m_host.reset();
    m_dir.reset();
}

bool TestEmbedderForm::openWith(int records)
{
    const QString file = m_dir->filePath(QStringLiteral("cases.jsonl"));
    if (!testdata::writeCases(file, 0, records))
        return false;
    {
        auto engine = testdata::openTestEngine(m_dir->filePath(QStringLiteral("data")));
        if (!engine)
            return false;
        IngestOptions o;
        o.files = {file};
        if (engine->runJob(o).counts.inserted != records)
            return false;
    }
    if (!testui::openHost(*m_host, m_dir->filePath(QStringLiteral("data"))))
        return false;
    m_panel = std::make_unique<EngineSettingsPanel>(m_host.get());
    m_panel->confirm = [this](QWidget *, const QString &, const QString &text) {
        m_asked << text;
        return true;
    };
    m_panel->resize(700, 900);
    m_panel->show();
    return QTest::qWaitFor([this] { return m_panel->isLoaded(); }, 10000);
}

void TestEmbedderForm::serverProviderIsValidatedTestedEstimatedAndApplied()
{
    MockEmbeddingServer server(8);
    QVERIFY(openWith(200));
    QWidget *p = m_panel.get();
    chooseProvider(p, QStringLiteral("openai"));
    QVERIFY(child<QWidget>(p, "remoteBaseUrl")->isVisibleTo(p));
    QVERIFY(!child<QWidget>(p, "engine_embeddingDimension")->isVisibleTo(p));

    // Nothing filled in: refused with the field named, and the cursor put there.
    QTest::mouseClick(child<QPushButton>(p, "engineApply"), Qt::LeftButton);
    QVERIFY2(child<QLabel>(p, "engineMessage")->text().contains(QStringLiteral("base_url")),
             qPrintable(child<QLabel>(p, "engineMessage")->text()));
    QTRY_VERIFY(child<QLineEdit>(p, "remoteBaseUrl")->hasFocus());
    QCOMPARE(testui::engineConfig(*m_host).embedderProvider, QStringLiteral("hash"));

    child<QLineEdit>(p, "remoteBaseUrl")->setText(server.baseUrl());
    child<QLineEdit>(p, "remoteModel")->setText(QStringLiteral("mock-embed"));
    child<QSpinBox>(p, "remoteDimensions")->setValue(8);
    child<QDoubleSpinBox>(p, "remotePrice")->setValue(0.02);

    // Test: the server answers, nothing in use changes.
    QSignalSpy tested(m_panel->embedderForm(), &EmbedderForm::testFinished);
    QTest::mouseClick(child<QPushButton>(p, "embedderTest"), Qt::LeftButton);
    QVERIFY(tested.wait(20000));
    QCOMPARE(tested.at(0).at(0).toBool(), true);
    QVERIFY2(child<QLabel>(p, "embedderTestResult")->text().startsWith(QStringLiteral("Works: 8 dimensions")),
             qPrintable(child<QLabel>(p, "embedderTestResult")->text()));
    QCOMPARE(testui::engineConfig(*m_host).embedderProvider, QStringLiteral("hash"));
    const int testRequests = server.requestCount();
    QVERIFY(testRequests > 0);

    // Apply: the question carries the estimate (tokens and cost), then every record is re-embedded.
    QSignalSpy finished(m_panel.get(), &EngineSettingsPanel::applyFinished);
    QTest::mouseClick(child<QPushButton>(p, "engineApply"), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(m_asked.size(), 1);
    QVERIFY2(m_asked[0].contains(QStringLiteral("tokens")) && m_asked[0].contains(QStringLiteral("costs about")),
             qPrintable(m_asked[0]));
    const EngineConfig c = testui::engineConfig(*m_host);
    QCOMPARE(c.embedderProvider, QStringLiteral("openai"));
    QCOMPARE(c.remote.baseUrl, server.baseUrl());
    QCOMPARE(c.remote.pricePerMillionTokens, 0.02);
    QVERIFY(server.requestCount() > testRequests);
    QTRY_VERIFY(child<QLabel>(p, "embedderId")->text().startsWith(QStringLiteral("remote-v1:")));
    // What the server did shows under the embedder, and re-embedding with it is offered.
    QTRY_VERIFY2(child<QLabel>(p, "embedderUsage")->text().contains(QStringLiteral("requests")),
                 qPrintable(child<QLabel>(p, "embedderUsage")->text()));
    QVERIFY(child<QPushButton>(p, "embedderReembed")->isVisibleTo(p));
    const int beforeReembed = server.requestCount();
    QTest::mouseClick(child<QPushButton>(p, "embedderReembed"), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.at(1).at(0).toBool(), true);
    QVERIFY(server.requestCount() > beforeReembed);
}

void TestEmbedderForm::testSaysWhyAnEmbedderDoesNotWork()
{
    QVERIFY(openWith(20));
    QWidget *p = m_panel.get();
    QSignalSpy tested(m_panel->embedderForm(), &EmbedderForm::testFinished);

    // The built-in one works, and says it barely separates meaning.
    QTest::mouseClick(child<QPushButton>(p, "embedderTest"), Qt::LeftButton);
    QVERIFY(tested.wait(20000));
    QCOMPARE(tested.at(0).at(0).toBool(), true);
    QVERIFY(child<QLabel>(p, "embedderTestResult")->text().startsWith(QStringLiteral("Works: 256 dimensions")));

    // A server that is not there.
    MockEmbeddingServer server(8);
    const QString url = server.baseUrl();
    server.stop();
    chooseProvider(p, QStringLiteral("openai"));
    child<QLineEdit>(p, "remoteBaseUrl")->setText(url);
    child<QLineEdit>(p, "remoteModel")->setText(QStringLiteral("mock-embed"));
    QTest::mouseClick(child<QPushButton>(p, "embedderTest"), Qt::LeftButton);
    QVERIFY(tested.wait(60000));
    QCOMPARE(tested.at(1).at(0).toBool(), false);
    QVERIFY2(child<QLabel>(p, "embedderTestResult")->text().startsWith(QStringLiteral("Does not work: ")),
             qPrintable(child<QLabel>(p, "embedderTestResult")->text()));

    // A model folder that does not exist: the message names it.
    chooseProvider(p, QStringLiteral("bert"));
    const QString missing = m_dir->filePath(QStringLiteral("no-such-model"));
    child<QLineEdit>(p, "bertFolder")->setText(missing);
    QTest::mouseClick(child<QPushButton>(p, "embedderTest"), Qt::LeftButton);
    QVERIFY(tested.wait(20000));
    QCOMPARE(tested.at(2).at(0).toBool(), false);
    QVERIFY2(child<QLabel>(p, "embedderTestResult")->text().contains(QStringLiteral("no-such-model")),
             qPrintable(child<QLabel>(p, "embedderTestResult")->text()));
    QCOMPARE(testui::engineConfig(*m_host).embedderProvider, QStringLiteral("hash"));
}

void TestEmbedderForm::lsaIsTrainedFromThePage()
{
    QVERIFY(openWith(300));
    QWidget *p = m_panel.get();
    chooseProvider(p, QStringLiteral("lsa"));
    QCOMPARE(child<QLabel>(p, "lsaModel")->text(), QStringLiteral("none trained yet"));
    // Applying lsa without a model says how to get one.
    QTest::mouseClick(child<QPushButton>(p, "engineApply"), Qt::LeftButton);
    QVERIFY(child<QLabel>(p, "engineMessage")->text().contains(QStringLiteral("lsaModel")));

    child<QSpinBox>(p, "lsaRank")->setValue(16);
    QSignalSpy finished(m_panel.get(), &EngineSettingsPanel::applyFinished);
    ShowCounter progressShown;
    child<QWidget>(p, "engineProgressRow")->installEventFilter(&progressShown);
    QTest::mouseClick(child<QPushButton>(p, "lsaTrain"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 120000);
    QCOMPARE(progressShown.shows, 1);
    QVERIFY(!child<QWidget>(p, "engineProgressRow")->isVisibleTo(p));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(child<QLabel>(p, "engineMessage")->text()));
    QCOMPARE(m_asked.size(), 1);
    QVERIFY(m_asked[0].contains(QStringLiteral("16 dimensions")));
    const EngineConfig c = testui::engineConfig(*m_host);
    QCOMPARE(c.embedderProvider, QStringLiteral("lsa"));
    QVERIFY(!c.lsaModel.isEmpty());
    QTRY_VERIFY(child<QLabel>(p, "embedderId")->text().startsWith(QStringLiteral("lsa")));
    QVERIFY2(child<QLabel>(p, "lsaModel")->text().contains(QStringLiteral("trained on 300 records")),
             qPrintable(child<QLabel>(p, "lsaModel")->text()));
    QCOMPARE(child<QComboBox>(p, "embedderProvider")->currentData().toString(), QStringLiteral("lsa"));
}

void TestEmbedderForm::modelFolderFromTheFolderDialog()
{
    if (test::tinyBert().numpyMissing)
        QSKIP(qPrintable(test::tinyBert().error));
    QVERIFY2(test::tinyBert().error.isEmpty(), qPrintable(test::tinyBert().error));
    QVERIFY(openWith(40));
    QWidget *p = m_panel.get();
    const QString folder = test::tinyBert().variant(QStringLiteral("mean_f32"));
    m_panel->embedderForm()->chooseFolder = [folder](QWidget *, const QString &) { return folder; };
    chooseProvider(p, QStringLiteral("bert"));
    QTest::mouseClick(child<QPushButton>(p, "bertBrowse"), Qt::LeftButton);
    QCOMPARE(child<QLineEdit>(p, "bertFolder")->text(), folder);
    child<QLineEdit>(p, "bertDocumentPrefix")->setText(QStringLiteral("passage: "));

    QSignalSpy tested(m_panel->embedderForm(), &EmbedderForm::testFinished);
    QTest::mouseClick(child<QPushButton>(p, "embedderTest"), Qt::LeftButton);
    QVERIFY(tested.wait(20000));
    QVERIFY2(tested.at(0).at(0).toBool(), qPrintable(child<QLabel>(p, "embedderTestResult")->text()));
    QVERIFY(child<QLabel>(p, "embedderTestResult")->text().startsWith(QStringLiteral("Works: 32 dimensions")));

    QSignalSpy finished(m_panel.get(), &EngineSettingsPanel::applyFinished);
    QTest::mouseClick(child<QPushButton>(p, "engineApply"), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(child<QLabel>(p, "engineMessage")->text()));
    // A local model costs nothing: the question says how many records, no tokens.
    QVERIFY(m_asked[0].contains(QStringLiteral("40 records")));
    QVERIFY(!m_asked[0].contains(QStringLiteral("tokens")));
    const EngineConfig c = testui::engineConfig(*m_host);
    QCOMPARE(c.embedderProvider, QStringLiteral("bert"));
    QCOMPARE(c.bertModel, folder);
    QCOMPARE(c.bertDocumentPrefix, QStringLiteral("passage: "));
    QTRY_VERIFY(child<QLabel>(p, "embedderId")->text().startsWith(QStringLiteral("bert")));
}

void TestEmbedderForm::otherProvidersPagesChangeNothing()
{
    QVERIFY(openWith(20));
    QWidget *p = m_panel.get();
    // Typing on another provider's page and coming back leaves nothing to apply.
    chooseProvider(p, QStringLiteral("openai"));
    child<QLineEdit>(p, "remoteBaseUrl")->setText(QStringLiteral("http://127.0.0.1:9/v1"));
    chooseProvider(p, QStringLiteral("bert"));
    child<QLineEdit>(p, "bertFolder")->setText(QStringLiteral("/nowhere"));
    chooseProvider(p, QStringLiteral("hash"));
    QCOMPARE(configChange(m_panel->engineConfig(), m_panel->shownConfig()), ConfigChange::None);
    QTest::mouseClick(child<QPushButton>(p, "engineApply"), Qt::LeftButton);
    QVERIFY(child<QLabel>(p, "engineMessage")->text().startsWith(QStringLiteral("Nothing to apply")));
}

// Not a check: a picture of the server page for docs/screenshots when KMS_SCREENSHOT_DIR is set.
void TestEmbedderForm::screenshot()
{
    const QString out = qEnvironmentVariable("KMS_SCREENSHOT_DIR");
    if (out.isEmpty())
        QSKIP("KMS_SCREENSHOT_DIR is not set");
    MockEmbeddingServer server(8);
    QVERIFY(openWith(500));
    QWidget *p = m_panel.get();
    chooseProvider(p, QStringLiteral("openai"));
    child<QLineEdit>(p, "remoteBaseUrl")->setText(server.baseUrl());
    child<QLineEdit>(p, "remoteModel")->setText(QStringLiteral("mock-embed"));
    child<QSpinBox>(p, "remoteDimensions")->setValue(8);
    qputenv("KMS_SHOT_API_KEY", "not-a-real-key"); // the mock server takes any key
    child<QLineEdit>(p, "remoteKeyEnv")->setText(QStringLiteral("KMS_SHOT_API_KEY"));
    child<QDoubleSpinBox>(p, "remotePrice")->setValue(0.02);
    QSignalSpy tested(m_panel->embedderForm(), &EmbedderForm::testFinished);
    QTest::mouseClick(child<QPushButton>(p, "embedderTest"), Qt::LeftButton);
    QVERIFY(tested.wait(20000));
    m_panel->resize(640, m_panel->sizeHint().height());
    QTest::qWait(200);
    QVERIFY(m_panel->grab().save(out + QStringLiteral("/settings-embedder.png")));
}

QTEST_MAIN(TestEmbedderForm)
#include "tst_embedderform.moc"
