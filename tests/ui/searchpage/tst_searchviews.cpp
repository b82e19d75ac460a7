// SPDX-License-Identifier: MIT
// The console's views over a real engine: item models under QAbstractItemModelTester, the snippet
// delegate's escaping, the detail pane with hostile record text, and the side-by-side comparison.
// With KMS_SCREENSHOT_DIR and KMS_SCREENSHOT_DATA set, it also saves screenshots of the console.
#include "SearchFixture.h"

#include "searchpage/CompareModel.h"
#include "searchpage/CompareView.h"
#include "searchpage/HitDetailView.h"
#include "searchpage/SearchForm.h"
#include "searchpage/SearchPage.h"
#include "searchpage/SnippetDelegate.h"
#include "searchpage/SnippetHtml.h"
#include "shell/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace kms;
using ui::CompareModel;
using ui::ResultsModel;

class TestSearchViews : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<ui::EngineHost> m_host;

    static void search(ui::SearchPage &page, const QString &text)
    {
        QSignalSpy shown(&page, &ui::SearchPage::resultsShown);
        page.form()->setText(text);
        QTest::keyClick(page.form()->queryEdit(), Qt::Key_Return);
        QVERIFY(shown.size() > 0 || shown.wait(10000));
    }

    // The engine's own list for a query, as ids in rank order (the comparison's ground truth).
    QList<qint64> engineList(SearchQuery q)
    {
        q.k = ui::CompareView::kDepth;
        q.log = false;
        QList<qint64> ids;
        bool done = false;
        QObject context;
        m_host->run(&context, [q](Engine &e) { return e.search(q); }, [&](const SearchResult &r) {
            for (const SearchHit &h : r.hits)
                ids << h.id;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            qWarning("the engine did not answer");
        return ids;
    }

    // Every shown row's "rank in the other list" equals the hit's position in otherIds.
    static bool ranksMatch(const CompareModel &model, const QList<qint64> &otherIds, QString *why)
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            const qint64 id = model.index(row, 0).data(CompareModel::HitIdRole).toLongLong();
            const int expected = int(otherIds.indexOf(id)) + 1; // 0 when absent
            const int shown = model.index(row, 0).data(CompareModel::OtherRankRole).toInt();
            if (shown != expected) {
                *why = QStringLiteral("row %1: other rank %2, expected %3").arg(row).arg(shown).arg(expected);
                return false;
            }
        }
        return true;
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

    void snippetHtml_data()
    {
        QTest::addColumn<QString>("marked");
        QTest::addColumn<QString>("plain");
        QTest::addColumn<QString>("html"); // with the highlight colour written as C
        QTest::newRow("plain") << "no marks" << "no marks" << "no marks";
        QTest::newRow("mark") << "a [[vpn]] drop" << "a vpn drop" << "a <b style=\"background-color:C\">vpn</b> drop";
        QTest::newRow("markup in text") << "<img src=x> & [[<b>]]" << "<img src=x> & <b>"
                                        << "&lt;img src=x&gt; &amp; <b style=\"background-color:C\">&lt;b&gt;</b>";
        QTest::newRow("unclosed") << "a [[b" << "a [[b" << "a [[b";
        QTest::newRow("stray close") << "a ]] b" << "a ]] b" << "a ]] b";
        QTest::newRow("quotes") << "\"q\" 'a'" << "\"q\" 'a'" << "&quot;q&quot; 'a'";
    }
    void snippetHtml()
    {
        QFETCH(QString, marked);
        QFETCH(QString, plain);
        QFETCH(QString, html);
        const QColor c(0x12, 0x34, 0x56);
        QCOMPARE(ui::snippetToPlain(marked), plain);
        QCOMPARE(ui::snippetToHtml(marked, c), QString(html).replace(QStringLiteral("C"), c.name()));
    }

    void spansToHtmlEscapesAndSkipsForeignSpans()
    {
        const QColor c(Qt::yellow);
        const QString text = QStringLiteral("<x> vpn\nline & vpn");
        const QString html = ui::spansToHtml(text, {{4, 7}, {2, 3}, {15, 18}, {30, 40}}, c);
        QCOMPARE(html, QStringLiteral("&lt;x&gt; <b style=\"background-color:%1\">vpn</b><br>line &amp; "
                                      "<b style=\"background-color:%1\">vpn</b>").arg(c.name()));
    }

    void resultsModelPassesTheTester()
    {
        ui::SearchPage page(m_host.get());
        page.show();
        QAbstractItemModelTester tester(page.resultsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        search(page, QStringLiteral("vpn disconnects"));
        QVERIFY(page.resultsModel()->rowCount() > 0);
        QCOMPARE(page.resultsModel()->columnCount(), int(ResultsModel::ColumnCount));
        const QModelIndex top = page.resultsModel()->index(0, ResultsModel::Snippet);
        QVERIFY(!top.data().toString().contains(QStringLiteral("[[")));
        QVERIFY(top.data(ResultsModel::MarkedSnippetRole).toString().contains(QStringLiteral("[[")));
        QCOMPARE(page.resultsModel()->headerData(ResultsModel::Title, Qt::Horizontal).toString(), QStringLiteral("Title"));
        auto *mode = page.findChild<QComboBox *>(QStringLiteral("mode"));
        mode->setCurrentIndex(mode->findData(int(SearchMode::Keyword))); // vector search always finds neighbours
        search(page, QStringLiteral("zzqqxx"));
        QCOMPARE(page.resultsModel()->rowCount(), 0);
        page.resultsModel()->setHits({SearchHit{}}, 11);
        QCOMPARE(page.resultsModel()->index(0, ResultsModel::Rank).data().toInt(), 11);
        page.resultsModel()->clear();
    }

    void snippetDelegateEscapesRecordHtml()
    {
        ui::SearchPage page(m_host.get());
        page.resize(1100, 600);
        page.show();
        search(page, QStringLiteral("zebrafish"));
        QCOMPARE(testui::shownIds(*page.resultsModel()).value(0), QStringLiteral("CASE-HTML-1"));
        const QModelIndex snippet = page.resultsModel()->index(0, ResultsModel::Snippet);
        QVERIFY(snippet.data(ResultsModel::MarkedSnippetRole).toString().contains(QStringLiteral("<img src=x")));
        auto *delegate = qobject_cast<ui::SnippetDelegate *>(page.resultsView()->itemDelegateForColumn(ResultsModel::Snippet));
        QVERIFY(delegate);
        const QString html = delegate->html(snippet, page.palette());
        QVERIFY2(html.contains(QStringLiteral("&lt;img src=x onerror=alert(1)&gt;")), qPrintable(html));
        QVERIFY2(!html.contains(QStringLiteral("<img")), qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("\">zebrafish</b>")), qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("&amp; breaks")));
        // Painting goes through the delegate: the cell is not blank.
        const QRect cell = page.resultsView()->visualRect(snippet);
        const QImage shot = page.resultsView()->viewport()->grab(cell).toImage();
        QVERIFY(!cell.isEmpty());
        bool inked = false;
        for (int x = 0; x < shot.width() && !inked; ++x)
            for (int y = 0; y < shot.height() && !inked; ++y)
                inked = shot.pixelColor(x, y) != shot.pixelColor(0, 0);
        QVERIFY(inked);

        // The detail pane shows the record's markup as text too.
        QTRY_VERIFY(page.detailView()->currentId() > 0 && !page.detailView()->isLoading());
        const QString detail = page.detailView()->plainText();
        QVERIFY2(detail.contains(QStringLiteral("Portal shows <b>bold</b> & <script>alert('x')</script> text")), qPrintable(detail));
        QVERIFY(detail.contains(QStringLiteral("renders <img src=x onerror=alert(1)> literally")));
    }

    void compareShowsEachHitsRankInBothLists()
    {
        ui::SearchPage page(m_host.get());
        page.resize(1200, 700);
        page.show();
        ui::CompareView *compare = page.compareView();
        QAbstractItemModelTester testerA(compare->model(0), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester testerB(compare->model(1), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy compared(compare, &ui::CompareView::compared);
        page.form()->setText(QStringLiteral("vpn disconnects idle"));
        // Clicking the tab runs the comparison for the query in the box (keyword vs vector by default).
        auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("searchTabs"));
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(1).center());
        QVERIFY(compared.wait(10000));
        SearchQuery q = *page.form()->query(nullptr);
        q.mode = SearchMode::Keyword;
        const QList<qint64> keyword = engineList(q);
        q.mode = SearchMode::Vector;
        const QList<qint64> vector = engineList(q);
        QVERIFY(!keyword.isEmpty() && !vector.isEmpty());
        QString why;
        QVERIFY2(ranksMatch(*compare->model(0), vector, &why), qPrintable(why));
        QVERIFY2(ranksMatch(*compare->model(1), keyword, &why), qPrintable(why));
        QVERIFY(compare->model(0)->overlap() > 0);
        QVERIFY2(compare->summary().contains(QStringLiteral("keyword")) && compare->summary().contains(QStringLiteral("vector")),
                 qPrintable(compare->summary()));
        // Δ says where the other list puts the hit.
        const QModelIndex firstDelta = compare->model(0)->index(0, CompareModel::Delta);
        const int other = firstDelta.data(CompareModel::OtherRankRole).toInt();
        QCOMPARE(firstDelta.data(CompareModel::DeltaRole).toInt(), other > 0 ? other - 1 : 0);

        // Selecting a hit in list A selects it in list B and shows it in the detail pane.
        const qint64 shared = keyword.value(0);
        const int rowB = compare->model(1)->rowOf(shared);
        QVERIFY(rowB >= 0);
        compare->table(0)->setCurrentIndex(compare->model(0)->index(compare->model(0)->rowOf(shared), 0));
        QCOMPARE(compare->table(1)->currentIndex().row(), rowB);
        QTRY_COMPARE(page.detailView()->currentId(), shared);

        // Two fusion settings: list B becomes hybrid with weighted fusion.
        auto *modeB = compare->findChild<QComboBox *>(QStringLiteral("compareModeB"));
        auto *fusionB = compare->findChild<QComboBox *>(QStringLiteral("compareFusionB"));
        modeB->setCurrentIndex(modeB->findData(int(SearchMode::Hybrid)));
        fusionB->setCurrentIndex(fusionB->findData(int(FusionMethod::Weighted)));
        QTest::mouseClick(compare->findChild<QPushButton *>(QStringLiteral("compareButton")), Qt::LeftButton);
        QVERIFY(compared.wait(10000));
        q.mode = SearchMode::Hybrid;
        q.fusion = FusionMethod::Weighted;
        const QList<qint64> weighted = engineList(q);
        QVERIFY2(ranksMatch(*compare->model(0), weighted, &why), qPrintable(why));
        QVERIFY2(ranksMatch(*compare->model(1), keyword, &why), qPrintable(why));
        QVERIFY2(compare->summary().contains(QStringLiteral("hybrid weighted")), qPrintable(compare->summary()));
    }

    // Not a check: pictures of the console with real data for docs/screenshots/search*.png.
    void screenshots()
    {
        const QString out = qEnvironmentVariable("KMS_SCREENSHOT_DIR");
        const QString data = qEnvironmentVariable("KMS_SCREENSHOT_DATA");
        if (out.isEmpty() || data.isEmpty())
            QSKIP("set KMS_SCREENSHOT_DIR and KMS_SCREENSHOT_DATA (a loaded data directory) to take screenshots");
        ui::EngineHost host;
        ui::MainWindow window(&host);
        window.resize(1280, 820);
        window.show();
        QString error;
        QVERIFY2(testui::openHost(host, data, &error), qPrintable(error));
        auto *page = window.findChild<ui::SearchPage *>(QStringLiteral("search"));
        window.showPage(QStringLiteral("search"));
        QSignalSpy loaded(page->detailView(), &ui::HitDetailView::loaded);
        QTest::keyClicks(page->form()->queryEdit(), QStringLiteral("vpn disconnect"));
        QTest::keyClick(page->form()->queryEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(page->resultsModel()->rowCount() > 0, 20000);
        page->resultsView()->setCurrentIndex(page->resultsModel()->index(1, 0));
        QTRY_VERIFY_WITH_TIMEOUT(!page->detailView()->isLoading() && page->detailView()->currentId() > 0, 20000);
        QTest::qWait(200);
        QVERIFY(window.grab().save(out + QStringLiteral("/search.png")));

        QSignalSpy compared(page->compareView(), &ui::CompareView::compared);
        page->showCompare();
        QVERIFY(compared.wait(20000));
        page->compareView()->table(0)->setCurrentIndex(page->compareView()->model(0)->index(0, 0));
        QTRY_VERIFY_WITH_TIMEOUT(!page->detailView()->isLoading(), 20000);
        QTest::qWait(200);
        QVERIFY(window.grab().save(out + QStringLiteral("/search-compare.png")));
        QVERIFY(testui::closeHost(host));
    }
};

QTEST_MAIN(TestSearchViews)
#include "tst_searchviews.moc"
