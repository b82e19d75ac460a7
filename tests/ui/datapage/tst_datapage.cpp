// SPDX-License-Identifier: MIT
// The data browser over a real engine: the lazy model (checked by QAbstractItemModelTester), first
// page then more on scroll, sorting and filtering, edit / create / delete through the dialog and the
// keys with the result checked by Engine::search, validation in the dialog, and an export that
// imports back.
#include "UiTestSupport.h"

#include "../../TestEngine.h"

#include "datapage/DataPage.h"
#include "datapage/FilterBar.h"
#include "datapage/RecordDialog.h"
#include "datapage/RecordTableModel.h"
#include "host/EngineHost.h"
#include "search/SearchEngine.h"
#include "shell/MainWindow.h"
#include "synth/CorpusWriter.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace kms;

namespace {

constexpr int kCases = 500;
constexpr int kWait = 30000;

SearchResult searchNow(ui::EngineHost &host, const QString &text, SearchMode mode)
{
    std::optional<SearchResult> out;
    QObject context;
    host.run(&context,
             [text, mode](Engine &e) {
                 SearchQuery q;
                 q.text = text;
                 q.mode = mode;
                 q.k = 10;
                 q.log = false;
                 return e.search(q);
             },
             [&out](SearchResult r) { out = std::move(r); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, kWait))
        qWarning("search of \"%s\" did not answer in time", qPrintable(text));
    return out.value_or(SearchResult{});
}

bool found(const SearchResult &r, qint64 id)
{
    return std::any_of(r.hits.begin(), r.hits.end(), [id](const SearchHit &h) { return h.id == id; });
}

template<typename T> T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}

// ASCII case folding, as SQLite's NOCASE does.
QString folded(const QString &s)
{
    QString out = s;
    for (QChar &c : out)
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + 32);
    return out;
}

} // namespace

class TestDataPage : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_dataDir;
    std::unique_ptr<ui::EngineHost> m_host;
    std::unique_ptr<ui::DataPage> m_page;

    ui::RecordTableModel *model() const { return m_page->model(); }
    QTableView *table() const { return m_page->table(); }

    // Waits until the model shows the query's result (not loading).
    bool settled()
    {
        return QTest::qWaitFor([&] { return !model()->isLoading() && model()->isRowLoaded(0); }, kWait);
    }
    int rowOf(const QString &externalId) const
    {
        for (int r = 0; r < model()->rowCount(); ++r)
            if (auto row = model()->rowAt(r); row && row->externalId == externalId)
                return r;
        return -1;
    }

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void modelPassesTheTester();
    void firstPageThenMoreOnScroll();
    void sortingChangesTheRows();
    void filteringChangesTheRows();
    void editInTheDialogIsSearchable();
    void deleteKeyDeletesAfterConfirmation();
    void createArticle();
    void emptyTitleIsRefusedWithAMessage();
    void exportImportsBack_data();
    void exportImportsBack();
    void accessibleNamesAndTabs();
    void screenshots();
};

void TestDataPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString file = m_dir.filePath(QStringLiteral("cases.jsonl"));
    SynthOptions synth;
    synth.cases = kCases;
    synth.articles = 0;
    synth.seed = 5;
    QString error;
    QVERIFY2(writeSyntheticCorpus(synth, file, &error), qPrintable(error));
    m_dataDir = m_dir.filePath(QStringLiteral("data"));
    {
        auto engine = testdata::openTestEngine(m_dataDir);
        QVERIFY(engine);
        IngestOptions o;
        o.files = {file};
        QCOMPARE(engine->runJob(o).counts.inserted, kCases);
    }
    m_host = std::make_unique<ui::EngineHost>();
    m_page = std::make_unique<ui::DataPage>(m_host.get());
    QVERIFY(!m_page->isEnabled()); // nothing to show before the engine is open
    m_page->resize(1200, 700);
    m_page->show();
    QVERIFY(testui::openHost(*m_host, m_dataDir));
    QTRY_VERIFY(m_page->isEnabled());
    QVERIFY(settled());
}

void TestDataPage::cleanupTestCase()
{
    m_page.reset();
    QVERIFY(testui::closeHost(*m_host));
}

void TestDataPage::init()
{
    // Every test starts from the cases, unfiltered, newest first, with seams that answer "no".
    if (auto *editor = m_page->editor())
        editor->reject();
    m_page->confirmDelete = [](const QString &) { return false; };
    m_page->chooseExportFile = [](const QString &) { return QString(); };
    m_page->setCollection(Collection::Cases);
    m_page->filterBar()->clear();
    emit m_page->filterBar()->changed();
    table()->horizontalHeader()->setSortIndicator(ui::RecordTableModel::Updated, Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!model()->isLoading() && model()->query().sort == BrowseSort::Updated
                                 && model()->query().text.isEmpty() && model()->query().status.isEmpty(),
                             kWait);
    QVERIFY(settled());
}

void TestDataPage::modelPassesTheTester()
{
    ui::RecordTableModel lazy(m_host.get());
    QAbstractItemModelTester tester(&lazy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    BrowseQuery q;
    q.sort = BrowseSort::Title;
    lazy.setQuery(q);
    QTRY_COMPARE_WITH_TIMEOUT(lazy.rowCount(), kCases, kWait);
    // Placeholders, then pages arriving (dataChanged), then the id snapshot, under the tester.
    QVERIFY(lazy.data(lazy.index(kCases - 1, ui::RecordTableModel::Title)).toString() != QString());
    QTRY_VERIFY_WITH_TIMEOUT(lazy.isRowLoaded(kCases - 1) && lazy.hasIdSnapshot(), kWait);
    lazy.sort(ui::RecordTableModel::Updated, Qt::AscendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(lazy.query().sort == BrowseSort::Updated && !lazy.query().descending, kWait);
    BrowseQuery none;
    none.text = QStringLiteral("nosuchwordanywhere");
    lazy.setQuery(none);
    QTRY_COMPARE_WITH_TIMEOUT(lazy.rowCount(), 0, kWait);
}

void TestDataPage::firstPageThenMoreOnScroll()
{
    QCOMPARE(model()->total(), qint64(kCases));
    QCOMPARE(model()->rowCount(), kCases);
    QVERIFY(model()->isRowLoaded(0));
    QVERIFY(model()->isRowLoaded(ui::RecordTableModel::kPageSize - 1));
    QVERIFY(!model()->isRowLoaded(kCases - 1));
    QVERIFY(m_page->summaryText().contains(QLatin1String("500")));
    const int before = model()->pagesFetched();

    table()->verticalScrollBar()->setValue(table()->verticalScrollBar()->maximum());
    QTRY_VERIFY_WITH_TIMEOUT(model()->isRowLoaded(kCases - 1), kWait);
    QVERIFY(model()->pagesFetched() > before);
    // Only what was scrolled to: the page between was skipped.
    QVERIFY(!model()->isRowLoaded(ui::RecordTableModel::kPageSize + 10));
    QVERIFY(model()->rowAt(kCases - 1).has_value());
    table()->scrollToTop();
}

void TestDataPage::sortingChangesTheRows()
{
    QHeaderView *header = table()->horizontalHeader();
    const int x = header->sectionViewportPosition(ui::RecordTableModel::Title) + 10;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QTRY_VERIFY_WITH_TIMEOUT(model()->query().sort == BrowseSort::Title && !model()->isLoading(), kWait);
    QVERIFY(settled());
    const bool descending = model()->query().descending;
    for (int r = 1; r < ui::RecordTableModel::kPageSize; ++r) {
        const int c = folded(model()->rowAt(r - 1)->title).compare(folded(model()->rowAt(r)->title));
        QVERIFY2(descending ? c >= 0 : c <= 0, qPrintable(QString::number(r)));
    }
    const QString first = model()->rowAt(0)->externalId;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QTRY_VERIFY_WITH_TIMEOUT(model()->query().descending != descending && !model()->isLoading(), kWait);
    QVERIFY(settled());
    QVERIFY(model()->rowAt(0)->externalId != first);
    QTRY_VERIFY_WITH_TIMEOUT(model()->hasIdSnapshot(), kWait);
    table()->scrollToBottom();
    QTRY_VERIFY_WITH_TIMEOUT(model()->rowAt(kCases - 1).has_value(), kWait);
    QCOMPARE(model()->rowAt(kCases - 1)->externalId, first); // the other end
}

void TestDataPage::filteringChangesTheRows()
{
    auto *status = child<QComboBox>(m_page.get(), "statusFilter");
    QVERIFY(status);
    QTRY_VERIFY_WITH_TIMEOUT(status->findData(QStringLiteral("open")) > 0, kWait); // choices from the store
    status->setCurrentIndex(status->findData(QStringLiteral("open")));
    QTRY_VERIFY_WITH_TIMEOUT(model()->query().status == u"open" && !model()->isLoading(), kWait);
    const qint64 open = model()->total();
    QVERIFY(open > 0 && open < kCases);
    for (int r = 0; r < std::min<int>(int(open), ui::RecordTableModel::kPageSize); ++r)
        QCOMPARE(model()->rowAt(r)->status, QStringLiteral("open"));

    // Words narrow it further: a word of the first open case's title.
    const BrowseRow sample = *model()->rowAt(0);
    QString word;
    for (const QString &w : sample.title.split(u' ', Qt::SkipEmptyParts))
        if (w.size() > word.size() && w.front().isLetter() && w.back().isLetter())
            word = w;
    auto *text = child<QLineEdit>(m_page.get(), "textFilter");
    QVERIFY(text);
    QTest::keyClicks(text, word);
    QTRY_VERIFY_WITH_TIMEOUT(model()->query().text == word && !model()->isLoading(), kWait);
    QVERIFY(model()->total() > 0 && model()->total() <= open);
    QVERIFY(rowOf(sample.externalId) >= 0);

    // Clearing brings everything back.
    QTest::mouseClick(child<QPushButton>(m_page.get(), "clearFilters"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(model()->query().status.isEmpty() && model()->total() == kCases && !model()->isLoading(), kWait);
}

void TestDataPage::editInTheDialogIsSearchable()
{
    const BrowseRow row = *model()->rowAt(3);
    const QString oldTitle = row.title;
    table()->setFocus();
    table()->selectRow(3);
    QTest::keyClick(table(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->editor() != nullptr, kWait);
    ui::RecordDialog *dialog = m_page->editor();
    QCOMPARE(dialog->recordId(), row.id);
    auto *title = child<QLineEdit>(dialog, "titleInput");
    auto *body = child<QPlainTextEdit>(dialog, "bodyInput");
    QVERIFY(title && body);
    QCOMPARE(title->text(), oldTitle);
    QVERIFY(child<QLineEdit>(dialog, "externalIdInput")->isReadOnly());
    title->setText(QStringLiteral("Quasarwidget export crashes the report builder"));
    body->setPlainText(QStringLiteral("Exporting a quasarwidget report crashes the builder on every machine."));

    QSignalSpy saved(m_page.get(), &ui::DataPage::recordSaved);
    QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(saved.count() > 0, kWait); // it may have come already
    const auto result = saved.takeFirst().at(0).value<RecordSaveResult>();
    QVERIFY(result.ok && result.changed);
    QCOMPARE(result.id, row.id);
    QTRY_VERIFY(m_page->editor() == nullptr);

    QVERIFY(found(searchNow(*m_host, QStringLiteral("quasarwidget"), SearchMode::Keyword), row.id));
    QVERIFY(found(searchNow(*m_host, QStringLiteral("quasarwidget export crashes the report builder"),
                            SearchMode::Vector), row.id));
    QVERIFY(!found(searchNow(*m_host, QStringLiteral("\"%1\"").arg(oldTitle), SearchMode::Keyword), row.id));
    // The table shows the new title.
    QTRY_VERIFY_WITH_TIMEOUT(!model()->isLoading() && rowOf(row.externalId) >= 0
                                 && model()->rowAt(rowOf(row.externalId))->title.startsWith(QLatin1String("Quasarwidget")),
                             kWait);
}

void TestDataPage::deleteKeyDeletesAfterConfirmation()
{
    const BrowseRow row = *model()->rowAt(5);
    QString asked;
    bool answer = false;
    m_page->confirmDelete = [&](const QString &question) {
        asked = question;
        return answer;
    };
    table()->setFocus();
    table()->selectRow(5);
    QTest::keyClick(table(), Qt::Key_Delete);
    QVERIFY2(asked.contains(row.externalId), qPrintable(asked));
    QTest::qWait(200);
    QCOMPARE(model()->total(), qint64(kCases)); // "No": nothing happened

    answer = true;
    QSignalSpy deleted(m_page.get(), &ui::DataPage::recordDeleted);
    QTest::keyClick(table(), Qt::Key_Delete);
    QTRY_VERIFY_WITH_TIMEOUT(deleted.count() > 0, kWait); // it may have come already
    QCOMPARE(deleted.first().at(0).toLongLong(), row.id);
    QTRY_COMPARE_WITH_TIMEOUT(model()->total(), qint64(kCases - 1), kWait);
    QCOMPARE(rowOf(row.externalId), -1);
    for (SearchMode mode : {SearchMode::Keyword, SearchMode::Vector, SearchMode::Hybrid})
        QVERIFY(!found(searchNow(*m_host, row.title, mode), row.id));
}

void TestDataPage::createArticle()
{
    auto *tabs = child<QTabBar>(m_page.get(), "collectionTabs");
    QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(1).center());
    QTRY_VERIFY_WITH_TIMEOUT(model()->query().collection == Collection::Knowledge && !model()->isLoading(), kWait);
    QCOMPARE(model()->total(), qint64(0));
    QVERIFY(table()->isColumnHidden(ui::RecordTableModel::Priority));
    QVERIFY(!table()->isColumnHidden(ui::RecordTableModel::Category));

    QTest::mouseClick(child<QPushButton>(m_page.get(), "newButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->editor() != nullptr, kWait);
    ui::RecordDialog *dialog = m_page->editor();
    QCOMPARE(dialog->collection(), Collection::Knowledge);
    QVERIFY(!child<QComboBox>(dialog, "priorityInput"));
    QTest::keyClicks(child<QLineEdit>(dialog, "externalIdInput"), QStringLiteral("KB-77"));
    QTest::keyClicks(child<QLineEdit>(dialog, "titleInput"), QStringLiteral("Resetting the quokkaframe cache"));
    child<QPlainTextEdit>(dialog, "bodyInput")->setPlainText(QStringLiteral("Stop the service, clear the quokkaframe cache, start it."));
    child<QComboBox>(dialog, "categoryInput")->setCurrentText(QStringLiteral("How-to"));
    QSignalSpy saved(m_page.get(), &ui::DataPage::recordSaved);
    QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(saved.count() > 0, kWait);
    const auto result = saved.first().at(0).value<RecordSaveResult>();
    QVERIFY(result.ok && result.created);
    QTRY_COMPARE_WITH_TIMEOUT(model()->total(), qint64(1), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(model()->rowAt(0).has_value(), kWait);
    QCOMPARE(model()->rowAt(0)->externalId, QStringLiteral("KB-77"));
    QCOMPARE(model()->rowAt(0)->category, QStringLiteral("How-to"));
    QVERIFY(found(searchNow(*m_host, QStringLiteral("quokkaframe"), SearchMode::Keyword), result.id));
    QVERIFY(found(searchNow(*m_host, QStringLiteral("Resetting the quokkaframe cache"), SearchMode::Vector), result.id));
}

void TestDataPage::emptyTitleIsRefusedWithAMessage()
{
    QSignalSpy saved(m_page.get(), &ui::DataPage::recordSaved);
    m_page->newRecord();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->editor() != nullptr, kWait);
    ui::RecordDialog *dialog = m_page->editor();
    QTest::keyClicks(child<QLineEdit>(dialog, "externalIdInput"), QStringLiteral("CS-NEW-1"));
    QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    auto *problem = child<QLabel>(dialog, "titleProblem");
    QVERIFY(problem);
    QVERIFY(problem->isVisible());
    QCOMPARE(problem->text(), QStringLiteral("This field is required."));
    QCOMPARE(dialog->problemShown(Field::Title), problem->text());
    QVERIFY(dialog->problemShown(Field::ExternalId).isEmpty());
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->focusWidget(), child<QLineEdit>(dialog, "titleInput"));
    QTest::qWait(200);
    QCOMPARE(saved.count(), 0);

    // A taken id is refused by the engine and shown under the id.
    QTest::keyClicks(child<QLineEdit>(dialog, "titleInput"), QStringLiteral("A title"));
    child<QLineEdit>(dialog, "externalIdInput")->setText(model()->rowAt(0)->externalId);
    QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->problemShown(Field::ExternalId).isEmpty(), kWait);
    QVERIFY(dialog->problemShown(Field::ExternalId).contains(model()->rowAt(0)->externalId));
    QCOMPARE(saved.count(), 0);
    dialog->reject();
    QTRY_VERIFY(m_page->editor() == nullptr);
}

void TestDataPage::exportImportsBack_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("csv") << "open.csv";
    QTest::newRow("jsonl") << "open.jsonl";
}

void TestDataPage::exportImportsBack()
{
    QFETCH(QString, name);
    auto *status = child<QComboBox>(m_page.get(), "statusFilter");
    status->setCurrentIndex(status->findData(QStringLiteral("open")));
    QTRY_VERIFY_WITH_TIMEOUT(model()->query().status == u"open" && !model()->isLoading(), kWait);
    const qint64 shown = model()->total();

    const QString path = m_dir.filePath(name);
    QString suggested;
    m_page->chooseExportFile = [&](const QString &s) {
        suggested = s;
        return path;
    };
    QSignalSpy finished(m_page.get(), &ui::DataPage::exportFinished);
    QTest::mouseClick(child<QPushButton>(m_page.get(), "exportButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() > 0, kWait); // it may have come already
    QCOMPARE(suggested, QStringLiteral("cases.csv"));
    const auto result = finished.first().at(0).value<ExportResult>();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.records, shown);
    QVERIFY(child<QLabel>(m_page.get(), "messageLabel")->text().contains(path));

    QTemporaryDir other;
    auto copy = testdata::openTestEngine(other.path());
    QVERIFY(copy);
    IngestOptions o;
    o.files = {path};
    const JobInfo job = copy->runJob(o);
    QCOMPARE(job.counts.rejected, 0);
    QCOMPARE(job.counts.inserted, shown);
    QCOMPARE(copy->counts().cases, shown);
}

void TestDataPage::accessibleNamesAndTabs()
{
    for (QWidget *w : m_page->findChildren<QWidget *>()) {
        if ((qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) || qobject_cast<QTableView *>(w))
            && !w->parentWidget()->inherits("QComboBox"))
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
    m_page->newRecord();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->editor() != nullptr, kWait);
    ui::RecordDialog *dialog = m_page->editor();
    // Tab goes down the form to Save: the inputs in the focus chain, in order.
    QStringList order;
    QWidget *w = child<QLineEdit>(dialog, "externalIdInput");
    for (int i = 0; i < 200 && w && order.value(order.size() - 1) != u"saveButton"; ++i) {
        const QString name = w->objectName();
        if ((name.endsWith(QLatin1String("Input")) || name == u"saveButton") && !order.contains(name)) {
            order << name;
            QVERIFY2(!w->accessibleName().isEmpty() || name == u"saveButton", qPrintable(name));
        }
        w = w->nextInFocusChain();
    }
    QCOMPARE(order, (QStringList{QStringLiteral("externalIdInput"), QStringLiteral("titleInput"),
                                 QStringLiteral("bodyInput"), QStringLiteral("resolutionInput"),
                                 QStringLiteral("statusInput"), QStringLiteral("priorityInput"),
                                 QStringLiteral("productInput"), QStringLiteral("tagsInput"),
                                 QStringLiteral("saveButton")}));
    dialog->reject();
    QTRY_VERIFY(m_page->editor() == nullptr);
}

void TestDataPage::screenshots()
{
    // Pictures of the page and the editor over a real data directory (KMS_SCREENSHOT_DATA, e.g. one
    // loaded by kmsctl generate + ingest), for docs/screenshots.
    const QString out = qEnvironmentVariable("KMS_SCREENSHOT_DIR");
    const QString data = qEnvironmentVariable("KMS_SCREENSHOT_DATA");
    if (out.isEmpty() || data.isEmpty())
        QSKIP("set KMS_SCREENSHOT_DIR and KMS_SCREENSHOT_DATA to take screenshots");
    QVERIFY(testui::closeHost(*m_host)); // one owner per data directory at a time: this test's last
    ui::EngineHost host;
    ui::MainWindow window(&host);
    window.showPage(QStringLiteral("data"));
    window.show();
    QElapsedTimer clock;
    QVERIFY(testui::openHost(host, data));
    clock.start();
    auto *page = window.findChild<ui::DataPage *>(QStringLiteral("data"));
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading() && page->model()->isRowLoaded(0), kWait);
    // What a user waits for on this store, seen from the GUI thread (wall clock, host included).
    const qint64 firstRows = clock.elapsed();
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->hasIdSnapshot() || page->model()->total() <= 200, 60000);
    const qint64 ids = clock.elapsed();
    auto scrollTo = [&](int row) {
        QElapsedTimer t;
        t.start();
        page->table()->scrollTo(page->model()->index(row, 0), QAbstractItemView::PositionAtTop);
        if (!QTest::qWaitFor([&] { return page->model()->isRowLoaded(row); }, kWait))
            return qint64(-1);
        return t.elapsed();
    };
    const int total = page->model()->rowCount();
    const qint64 middle = scrollTo(total / 2), end = scrollTo(total - 1), next = scrollTo(total / 2 + 250);
    qInfo("%d rows: first rows after %lld ms, id list after %lld ms; scroll to the middle %lld ms, to the end "
          "%lld ms, to an unread page %lld ms",
          total, firstRows, ids, middle, end, next);
    page->table()->scrollToTop();
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->isRowLoaded(0), kWait);
    page->table()->selectRow(2);
    QTest::qWait(500);
    QVERIFY(window.grab().save(out + QStringLiteral("/data.png")));
    page->editSelected();
    QTRY_VERIFY_WITH_TIMEOUT(page->editor() != nullptr, kWait);
    QTest::qWait(300);
    QVERIFY(page->editor()->grab().save(out + QStringLiteral("/data-edit.png")));
    page->editor()->reject();
    QTRY_VERIFY(page->editor() == nullptr);
    // The articles too (not committed; for looking at).
    page->setCollection(Collection::Knowledge);
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->query().collection == Collection::Knowledge && !page->model()->isLoading(), kWait);
    QTest::qWait(300);
    QVERIFY(window.grab().save(out + QStringLiteral("/data-articles.png")));
    QVERIFY(testui::closeHost(host));
}

QTEST_MAIN(TestDataPage)
#include "tst_datapage.moc"
