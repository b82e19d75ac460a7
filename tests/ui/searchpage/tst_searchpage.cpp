// SPDX-License-Identifier: MIT
// The search console over a real engine: typing and Enter, the detail pane, more like this, a
// newer query replacing a running one, filters, pages, history and the keyboard.
#include "engine/EngineInternals.h"
#include "SearchFixture.h"

#include "searchpage/HitDetailView.h"
#include "searchpage/SearchForm.h"
#include "searchpage/SearchHistory.h"
#include "searchpage/SearchPage.h"
#include "shell/MainWindow.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QtTest>

using namespace kms;
using ui::ResultsModel;

class TestSearchPage : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<ui::EngineHost> m_host;

    // Types the query into the box as a user would and presses Enter.
    static void typeAndEnter(ui::SearchPage &page, const QString &text)
    {
        QLineEdit *box = page.form()->queryEdit();
        box->selectAll();
        QTest::keyClick(box, Qt::Key_Delete);
        QTest::keyClicks(box, text);
        QTest::keyClick(box, Qt::Key_Return);
    }
    // Waits for the next result the page shows. Made before the action, because simulated input
    // processes events and a small store answers at once.
    struct ResultWaiter {
        explicit ResultWaiter(ui::SearchPage &page) : spy(&page, &ui::SearchPage::resultsShown) {}
        bool wait()
        {
            if (spy.size() <= seen && !spy.wait(10000))
                return false;
            seen = int(spy.size());
            return true;
        }
        QSignalSpy spy;
        int seen = 0;
    };
    template<typename T> static T *child(QObject &parent, const char *name)
    {
        return parent.findChild<T *>(QLatin1String(name));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        const QString data = m_dir.filePath(QStringLiteral("data"));
        QVERIFY2(testui::makeStore(data, m_dir.path(), &error), qPrintable(error));
        m_host = std::make_unique<ui::EngineHost>();
        QVERIFY2(testui::openHost(*m_host, data, &error), qPrintable(error));
    }
    void cleanupTestCase()
    {
        QVERIFY(testui::closeHost(*m_host));
        m_host.reset();
    }

    void typeEnterShowsTheExpectedTopHit_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("top");
        QTest::newRow("hybrid") << "Hybrid" << "vpn tunnel disconnects idle" << "CASE-VPN-1";
        QTest::newRow("keyword") << "Keyword" << "printer driver offline" << "CASE-PRN-1";
        QTest::newRow("vector") << "Vector" << "forgotten password reset" << "KB-PWD-1";
        QTest::newRow("phrase") << "Keyword" << "\"wireless networks\"" << "CASE-VPN-2";
    }
    void typeEnterShowsTheExpectedTopHit()
    {
        QFETCH(QString, mode);
        QFETCH(QString, query);
        QFETCH(QString, top);
        ui::SearchPage page(m_host.get());
        page.show();
        ResultWaiter results(page);
        auto *modeBox = child<QComboBox>(page, "mode");
        modeBox->setCurrentIndex(modeBox->findText(mode));
        QVERIFY(page.isEnabled());
        typeAndEnter(page, query);
        QTRY_VERIFY(page.resultsModel()->rowCount() > 0);
        QCOMPARE(testui::shownIds(*page.resultsModel()).first(), top);
        QCOMPARE(page.resultsModel()->index(0, ResultsModel::Rank).data().toInt(), 1);
        QVERIFY2(child<QLabel>(page, "latency")->text().contains(QStringLiteral("ms")),
                 qPrintable(child<QLabel>(page, "latency")->text()));
    }

    void detailShowsTheRecordAndTheExplanation()
    {
        ui::SearchPage page(m_host.get());
        page.show();
        ResultWaiter results(page);
        QSignalSpy loaded(page.detailView(), &ui::HitDetailView::loaded);
        typeAndEnter(page, QStringLiteral("vpn tunnel disconnects idle"));
        QVERIFY(results.wait());
        // The top hit is selected and its record read in the background.
        QTRY_COMPARE(page.detailView()->currentId(), page.resultsModel()->hit(0)->id);
        QTRY_VERIFY(!page.detailView()->isLoading());
        const QString text = page.detailView()->plainText();
        for (const char *expected : {"VPN tunnel disconnects after idle time", "CASE-VPN-1",
                                     "Raised the keepalive interval on the gateway to 60 seconds.", // resolution
                                     "Reconnecting works until the next idle period.",          // whole body
                                     "Why it ranks here", "Keyword (BM25)", "Vector", "Fused score",
                                     "Query as searched", "FTS5 expression", "vpn, network"})
            QVERIFY2(text.contains(QString::fromUtf8(expected)), expected);
        // Hybrid does not expand the query by default, so the pane names no added words.
        QVERIFY(!text.contains(QStringLiteral("Expanded with")));
        const SearchHit *top = page.resultsModel()->hit(0);
        QVERIFY(top->explanation.keywordRank > 0);
        QVERIFY(text.contains(QStringLiteral("rank %1 of").arg(top->explanation.keywordRank)));
    }

    void arrowsMoveThroughResultsAndTheDetailFollows()
    {
        ui::SearchPage page(m_host.get());
        page.show();
        ResultWaiter results(page);
        QApplication::setActiveWindow(&page);
        typeAndEnter(page, QStringLiteral("vpn disconnects"));
        QVERIFY(results.wait());
        QVERIFY(page.resultsModel()->rowCount() >= 3);
        // Down in the query box goes to the results; Down again moves to the next hit.
        QTest::keyClick(page.form()->queryEdit(), Qt::Key_Down);
        QTRY_VERIFY(page.resultsView()->hasFocus());
        QCOMPARE(page.resultsView()->currentIndex().row(), 0);
        QTest::keyClick(page.resultsView(), Qt::Key_Down);
        QCOMPARE(page.resultsView()->currentIndex().row(), 1);
        QTRY_COMPARE(page.detailView()->currentId(), page.resultsModel()->hit(1)->id);
        QTRY_VERIFY(!page.detailView()->isLoading());
        QVERIFY(page.detailView()->plainText().contains(page.resultsModel()->hit(1)->externalId));
    }

    void moreLikeThisListsNeighbours()
    {
        ui::SearchPage page(m_host.get());
        page.show();
        ResultWaiter results(page);
        typeAndEnter(page, QStringLiteral("vpn tunnel disconnects idle"));
        QVERIFY(results.wait());
        const qint64 source = page.resultsModel()->hit(0)->id;
        QTRY_COMPARE(page.detailView()->currentId(), source);
        // The detail pane's button.
        auto *button = child<QPushButton>(page, "detailMoreLikeThis");
        QVERIFY(button && button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(results.wait());
        const QStringList ids = testui::shownIds(*page.resultsModel());
        QVERIFY2(!ids.contains(QStringLiteral("CASE-VPN-1")), "a record is not its own neighbour");
        QVERIFY2(ids.mid(0, 3).contains(QStringLiteral("KB-VPN-1")), qPrintable(ids.join(u',')));
        QVERIFY(page.statusText().contains(QStringLiteral("CASE-VPN-1")));
        QCOMPARE(page.resultsModel()->hit(0)->explanation.vectorRank, 1);

        // The table's context action (Ctrl+M) on another hit.
        page.resultsView()->setCurrentIndex(page.resultsModel()->index(0, 0));
        const qint64 second = page.resultsModel()->hit(0)->id;
        auto *action = page.resultsView()->findChild<QAction *>(QStringLiteral("moreLikeThisAction"));
        QVERIFY(action);
        action->trigger();
        QVERIFY(results.wait());
        QVERIFY(page.resultsModel()->rowOf(second) < 0);
        QVERIFY(page.resultsModel()->rowCount() > 0);
    }

    void aNewQueryReplacesTheRunningOne()
    {
        ui::SearchPage page(m_host.get());
        page.show();
        ResultWaiter results(page);
        QStringList shownTops;
        connect(&page, &ui::SearchPage::resultsShown, &page, [&] {
            shownTops << (page.resultsModel()->rowCount() ? page.resultsModel()->hit(0)->externalId : QString());
        });
        QSignalSpy stale(page.runner(), &ui::SearchRunner::staleDropped);
        // Both start before the event loop runs, so the first one's answer always arrives late.
        page.form()->setText(QStringLiteral("printer driver offline"));
        page.runSearch();
        page.form()->setText(QStringLiteral("zebrafish"));
        page.runSearch();
        QTRY_COMPARE(stale.size(), 1);
        QTRY_COMPARE(shownTops.size(), 1);
        QTest::qWait(300);
        QCOMPARE(shownTops, QStringList{QStringLiteral("CASE-HTML-1")});
        QVERIFY(!page.runner()->isRunning());
    }

    void searchAsYouTypeIsDebounced()
    {
        ui::SearchPage page(m_host.get());
        page.show();
        ResultWaiter results(page);
        QSignalSpy shown(&page, &ui::SearchPage::resultsShown);
        QTest::keyClicks(page.form()->queryEdit(), QStringLiteral("zebrafish"));
        // One search for the whole word, after the pause, not one per key.
        QVERIFY(shown.wait(5000));
        QTest::qWait(ui::SearchPage::kDebounceMs * 2);
        QCOMPARE(shown.size(), 1);
        QCOMPARE(testui::shownIds(*page.resultsModel()).value(0), QStringLiteral("CASE-HTML-1"));
    }

    void filtersNarrowResults_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QStringList>("expected"); // exactly these, in any order
        QTest::newRow("status") << "statusFilter" << "resolved" << QStringList{"CASE-VPN-2"};
        QTest::newRow("priority") << "priorityFilter" << "high" << QStringList{"CASE-VPN-1"};
        QTest::newRow("category") << "categoryFilter" << "network" << QStringList{"KB-VPN-1"};
        QTest::newRow("tags") << "tagsFilter" << "network" << QStringList{"CASE-VPN-1"};
        QTest::newRow("from") << "dateFrom" << "2024-03-01" << QStringList{"CASE-VPN-1"};
        QTest::newRow("to") << "dateTo" << "2023-12-31" << QStringList{"CASE-VPN-2"};
    }
    void filtersNarrowResults()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QStringList, expected);
        ui::SearchPage page(m_host.get());
        page.show();
        ResultWaiter results(page);
        auto *modeBox = child<QComboBox>(page, "mode");
        modeBox->setCurrentIndex(modeBox->findText(QStringLiteral("Keyword")));
        typeAndEnter(page, QStringLiteral("disconnects"));
        QVERIFY(results.wait());
        const QStringList all = testui::shownIds(*page.resultsModel());
        QVERIFY2(all.size() == 3, qPrintable(all.join(u',')));
        auto *edit = page.findChild<QLineEdit *>(field);
        QVERIFY(edit);
        QTest::keyClicks(edit, value);
        QTest::keyClick(edit, Qt::Key_Return);
        QVERIFY(results.wait());
        QStringList got = testui::shownIds(*page.resultsModel());
        got.sort();
        expected.sort();
        QCOMPARE(got, expected);
    }

    void collectionFilter()
    {
        ui::SearchPage page(m_host.get());
        page.show();
        ResultWaiter results(page);
        child<QComboBox>(page, "collection")->setCurrentIndex(2); // articles
        typeAndEnter(page, QStringLiteral("vpn disconnects"));
        QVERIFY(results.wait());
        QVERIFY(page.resultsModel()->rowCount() > 0);
        for (int row = 0; row < page.resultsModel()->rowCount(); ++row)
            QCOMPARE(page.resultsModel()->hit(row)->collection, Collection::Knowledge);
    }

    void badFilterValuesSayWhatAndWhere_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a date") << "2024-13-01" << "" << "From date: '2024-13-01' is not a date";
        QTest::newRow("reversed") << "2024-05-01" << "2024-04-01" << "The date range ends (2024-04-01) before it starts";
    }
    void badFilterValuesSayWhatAndWhere()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, message);
        ui::SearchPage page(m_host.get());
        page.show();
        ResultWaiter results(page);
        QSignalSpy started(page.runner(), &ui::SearchRunner::started);
        child<QLineEdit>(page, "dateFrom")->setText(from);
        child<QLineEdit>(page, "dateTo")->setText(to);
        typeAndEnter(page, QStringLiteral("vpn"));
        auto *error = child<QLabel>(page, "formError");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().startsWith(message), qPrintable(error->text()));
        QCOMPARE(started.size(), 0);
        // Fixed: the message goes and the search runs.
        child<QLineEdit>(page, "dateFrom")->clear();
        child<QLineEdit>(page, "dateTo")->clear();
        QTest::keyClick(page.form()->queryEdit(), Qt::Key_Return);
        QVERIFY(!error->isVisible());
        QCOMPARE(started.size(), 1);
    }

    void pagesHoldOnlyTheirHits()
    {
        ui::SearchPage page(m_host.get());
        page.show();
        ResultWaiter results(page);
        child<QSpinBox>(page, "hitsPerPage")->setValue(5);
        auto *modeBox = child<QComboBox>(page, "mode");
        modeBox->setCurrentIndex(modeBox->findText(QStringLiteral("Keyword")));
        typeAndEnter(page, QStringLiteral("vpn"));
        QVERIFY(results.wait());
        const QStringList first = testui::shownIds(*page.resultsModel());
        QCOMPARE(first.size(), 5);
        auto *next = child<QPushButton>(page, "nextPage");
        auto *previous = child<QPushButton>(page, "previousPage");
        QVERIFY(next->isEnabled());
        QVERIFY(!previous->isEnabled());
        QTest::mouseClick(next, Qt::LeftButton);
        QVERIFY(results.wait());
        const QStringList second = testui::shownIds(*page.resultsModel());
        QCOMPARE(second.size(), 5);
        QCOMPARE(page.resultsModel()->index(0, ResultsModel::Rank).data().toInt(), 6);
        for (const QString &id : second)
            QVERIFY(!first.contains(id));
        QCOMPARE(child<QLabel>(page, "pageLabel")->text(), QStringLiteral("Hits 6–10"));
        QTest::mouseClick(previous, Qt::LeftButton);
        QVERIFY(results.wait());
        QCOMPARE(testui::shownIds(*page.resultsModel()), first);
    }

    void historyRerunsAndPersistsInTheSearchLog()
    {
        const QString query = QStringLiteral("printer driver offline");
        {
            ui::SearchPage page(m_host.get());
            page.show();
            ResultWaiter results(page);
            child<QLineEdit>(page, "statusFilter")->setText(QStringLiteral("closed"));
            typeAndEnter(page, query);
            QVERIFY(results.wait());
            QCOMPARE(page.history()->entries().value(0).text, query);
        }
        // The log writes in the background about once a second; a shutdown flushes it. Flush now,
        // then a new console (as after a restart) reads the history from the engine's search log.
        bool flushed = false;
        QObject context;
        m_host->run(&context, [](Engine &e) { return internals(e).searchLog().flush(); }, [&](bool ok) { flushed = ok; });
        QTRY_VERIFY(flushed);
        ui::SearchPage page(m_host.get());
        page.show();
        ResultWaiter results(page);
        QTRY_VERIFY_WITH_TIMEOUT(!page.history()->entries().isEmpty()
                                     && page.history()->entries().first().text == query, 10000);
        QMenu *menu = page.history()->menu();
        QVERIFY(!menu->actions().isEmpty());
        QVERIFY(menu->actions().first()->text().startsWith(query));
        menu->actions().first()->trigger();
        QVERIFY(results.wait());
        QCOMPARE(page.form()->text(), query);
        QCOMPARE(child<QLineEdit>(page, "statusFilter")->text(), QStringLiteral("closed"));
        QCOMPARE(testui::shownIds(*page.resultsModel()), QStringList{QStringLiteral("CASE-PRN-1")});
    }

    void findShortcutFocusesTheQueryFromAnyPage()
    {
        ui::MainWindow window(m_host.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::setActiveWindow(&window);
        auto *page = window.findChild<ui::SearchPage *>(QStringLiteral("search"));
        QVERIFY(page);
        for (const QKeySequence &keys : page->focusSearchAction()->shortcuts()) {
            auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
            sidebar->setFocus();
            QVERIFY(!page->form()->queryEdit()->hasFocus());
            QTest::keySequence(&window, keys);
            QTRY_VERIFY2(page->form()->queryEdit()->hasFocus(), qPrintable(keys.toString()));
            QCOMPARE(window.currentPageId(), QStringLiteral("search"));
        }
        QVERIFY(page->focusSearchAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_K)));
        QVERIFY(page->focusSearchAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_F)));
    }

    void tabOrderFollowsTheLayout()
    {
        ui::SearchPage page(m_host.get());
        page.show();
        QApplication::setActiveWindow(&page);
        QVERIFY(QTest::qWaitForWindowActive(&page));
        // RRF's constant takes focus only while RRF is the fusion method.
        auto *fusion = child<QComboBox>(page, "fusion");
        fusion->setCurrentIndex(fusion->findData(int(FusionMethod::Rrf)));
        page.form()->queryEdit()->setFocus();
        QTRY_VERIFY(page.form()->queryEdit()->hasFocus());
        const QStringList expected{"mode", "collection", "searchButton", "recentButton", "filtersToggle",
                                   "statusFilter", "priorityFilter", "productFilter", "categoryFilter", "tagsFilter",
                                   "dateField", "dateFrom", "dateTo", "hitsPerPage", "fusion", "keywordWeight", "rrfK",
                                   "asYouType"};
        for (const QString &name : expected) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *focus = QApplication::focusWidget();
            // A spin box's focus is in its line edit.
            if (focus && focus->objectName().startsWith(QLatin1String("qt_")))
                focus = focus->parentWidget();
            QVERIFY2(focus && focus->objectName() == name,
                     qPrintable(QStringLiteral("expected %1, got %2").arg(name, focus ? focus->objectName() : QString())));
        }
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab); // the Results / Compare tabs
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), page.resultsView());
    }

    void controlsHaveAccessibleNames()
    {
        ui::SearchPage page(m_host.get());
        const QList<QWidget *> widgets = page.findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            const bool input = w->inherits("QLineEdit") || w->inherits("QComboBox") || w->inherits("QAbstractSpinBox")
                               || w->inherits("QAbstractItemView") || w->inherits("QTextEdit");
            // Qt's own parts (a spin box's line edit, "qt_spinbox_lineedit") are named by their owner.
            if (input && !w->objectName().isEmpty() && !w->objectName().startsWith(QLatin1String("qt_")))
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        }
    }

    void waitsForTheEngineToOpen()
    {
        QTemporaryDir dir;
        ui::EngineHost host;
        ui::SearchPage page(&host);
        ResultWaiter results(page);
        QVERIFY(!page.isEnabled());
        QVERIFY(testui::openHost(host, dir.path()));
        QVERIFY(page.isEnabled());
        typeAndEnter(page, QStringLiteral("anything"));
        QVERIFY(results.wait());
        QCOMPARE(page.resultsModel()->rowCount(), 0);
        QCOMPARE(child<QLabel>(page, "pageLabel")->text(), QStringLiteral("No hits"));
        QVERIFY(testui::closeHost(host));
    }
};

QTEST_MAIN(TestSearchPage)
#include "tst_searchpage.moc"
