// SPDX-License-Identifier: MIT
// The search console over an engine whose searches are slow (an embedder that takes a second per
// query and, like one long step of a real search, does not stop when cancelled): as-you-type
// drafts do not queue up behind each other, and the latency shown is what the user waited.
#include "../../SlowEmbedder.h"
#include "SearchFixture.h"

#include "searchpage/SearchForm.h"
#include "searchpage/SearchPage.h"
#include "searchpage/SearchRunner.h"
#include "widgets/Format.h"

#include <QLabel>
#include <QLineEdit>
#include <QtTest>

using namespace kms;

class TestSearchSlow : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void draftsDoNotQueueAndTheLatencyIsWhatTheUserWaited()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        const QString data = m_dir.filePath(QStringLiteral("data"));
        QVERIFY2(testui::makeStore(data, m_dir.path(), &error), qPrintable(error));
        constexpr int kDelayMs = 1000;
        auto slow = std::make_shared<testdata::SlowEmbedder>(kDelayMs, false);
        ui::EngineHost host;
        Engine::Options o;
        o.dataDirectory = data;
        o.logToFile = false;
        o.embedder = slow;
        QSignalSpy opened(&host, &ui::EngineHost::opened);
        host.open(o);
        QVERIFY(opened.wait(60000));
        QVERIFY2(opened.at(0).at(0).toBool(), qPrintable(opened.at(0).at(1).toString()));
        {
            ui::SearchPage page(&host);
            page.show();
            QSignalSpy shown(&page, &ui::SearchPage::resultsShown);
            QLineEdit *box = page.form()->queryEdit();
            // Hybrid, as you type: a draft after each pause, the first one still in the engine
            // when the second and third come, then Enter.
            QTest::keyClicks(box, QStringLiteral("vpn"));
            QTest::qWait(ui::SearchPage::kDebounceMs + 100);
            QCOMPARE(page.runner()->dispatched(), quint64(1));
            QTest::keyClicks(box, QStringLiteral(" tunnel"));
            QTest::qWait(ui::SearchPage::kDebounceMs + 100);
            QTest::keyClicks(box, QStringLiteral(" idle"));
            QTest::qWait(ui::SearchPage::kDebounceMs + 100);
            QElapsedTimer sinceEnter;
            sinceEnter.start();
            QTest::keyClick(box, Qt::Key_Return);
            QVERIFY(shown.wait(15000));
            const double userWaitedMs = double(sinceEnter.elapsed());
            QTest::qWait(300);
            // Only the first draft (it was running) and what Enter asked reached the engine; the
            // drafts in between were replaced while they waited, and no draft's answer was shown.
            QCOMPARE(shown.size(), 1);
            QCOMPARE(page.runner()->dispatched(), quint64(2));
            QCOMPARE(slow->calls(), 2);
            QCOMPARE(page.runner()->current().query.text, QStringLiteral("vpn tunnel idle"));
            // Enter waited for the first draft to come back, then for its own search: the shown
            // latency counts both, the engine's own time only the second.
            const double waited = page.runner()->waitedMs();
            QVERIFY2(waited >= kDelayMs, qPrintable(QString::number(waited)));
            QVERIFY2(waited <= userWaitedMs + 50, qPrintable(QStringLiteral("%1 > %2").arg(waited).arg(userWaitedMs)));
            QVERIFY2(userWaitedMs - waited < 200, qPrintable(QStringLiteral("%1 vs %2").arg(waited).arg(userWaitedMs)));
            auto *latency = page.findChild<QLabel *>(QStringLiteral("latency"));
            QCOMPARE(latency->text(), QStringLiteral("Latency %1").arg(ui::format::milliseconds(waited)));
        }
        QSignalSpy closed(&host, &ui::EngineHost::closed);
        host.shutdown();
        QVERIFY(closed.wait(60000));
    }
};

QTEST_MAIN(TestSearchSlow)
#include "tst_searchslow.moc"
